package csc

import "time"

// PersonKind separates children, unborn children and adults. Only children
// and unborn children have case records; adults appear as family members,
// carers and household members.
type PersonKind string

// The kinds of person.
const (
	KindChild  PersonKind = "child"
	KindUnborn PersonKind = "unborn"
	KindAdult  PersonKind = "adult"
)

// Label is how the kind reads on a page.
func (k PersonKind) Label() string {
	switch k {
	case KindChild:
		return "Child"
	case KindUnborn:
		return "Unborn child"
	case KindAdult:
		return "Adult"
	}
	return string(k)
}

// Person is anyone on the record. A child's record is the person plus the
// dated facts recorded about them (contacts, referrals, documents...).
type Person struct {
	ID                  int64
	Kind                PersonKind
	GivenName           string
	FamilyName          string
	OtherNames          string // aliases and previous names, searched too
	DateOfBirth         Date
	ExpectedDateOfBirth Date // unborn children
	DateOfDeath         Date
	Sex                 SexCode
	GenderIdentity      string
	Ethnicity           EthnicityCode
	FirstLanguage       string
	InterpreterNeeded   bool
	Religion            string
	SexualOrientation   string
	IdentityNotes       string // culture, heritage and identity needs in the family's words
	Disabilities        []DisabilityCode
	NHSNumber           NHSNumber
	UPN                 UPN
	Address             string
	Postcode            Postcode
	AddressConfidential bool
	Restricted          bool
	RestrictionReason   string
	Version             int
	CreatedAt           time.Time
	UpdatedAt           time.Time
}

// Name is the person's full name as it reads on a page.
func (p *Person) Name() string {
	switch {
	case p.GivenName == "" && p.Kind == KindUnborn:
		return "Unborn baby " + p.FamilyName
	case p.GivenName == "":
		return p.FamilyName
	case p.FamilyName == "":
		return p.GivenName
	}
	return p.GivenName + " " + p.FamilyName
}

// AgeOn returns the person's age in whole years on a date, and false when it
// cannot be known (unborn, or no date of birth recorded).
func (p *Person) AgeOn(d Date) (int, bool) {
	if p.Kind == KindUnborn || p.DateOfBirth.IsZero() {
		return 0, false
	}
	return p.DateOfBirth.AgeOn(d), true
}

// PersonInput is what a user enters to create or change a person. Dates and
// codes arrive as text so that every problem can be reported at once.
type PersonInput struct {
	Kind                string   `json:"kind"`
	GivenName           string   `json:"given_name"`
	FamilyName          string   `json:"family_name"`
	OtherNames          string   `json:"other_names"`
	DateOfBirth         string   `json:"date_of_birth"`
	ExpectedDateOfBirth string   `json:"expected_date_of_birth"`
	Sex                 string   `json:"sex"`
	GenderIdentity      string   `json:"gender_identity"`
	Ethnicity           string   `json:"ethnicity"`
	FirstLanguage       string   `json:"first_language"`
	InterpreterNeeded   bool     `json:"interpreter_needed"`
	Religion            string   `json:"religion"`
	SexualOrientation   string   `json:"sexual_orientation"`
	IdentityNotes       string   `json:"identity_notes"`
	Disabilities        []string `json:"disabilities"`
	NHSNumber           string   `json:"nhs_number"`
	UPN                 string   `json:"upn"`
	Address             string   `json:"address"`
	Postcode            string   `json:"postcode"`
	AddressConfidential bool     `json:"address_confidential"`
}

// RelationshipType names how two people are related.
type RelationshipType string

// Relationship types. Each has an inverse so a relationship reads from either
// side ("mother of" / "child of").
const (
	RelParent      RelationshipType = "parent"
	RelChild       RelationshipType = "child"
	RelStepParent  RelationshipType = "step_parent"
	RelStepChild   RelationshipType = "step_child"
	RelSibling     RelationshipType = "sibling"
	RelHalfSibling RelationshipType = "half_sibling"
	RelGrandparent RelationshipType = "grandparent"
	RelGrandchild  RelationshipType = "grandchild"
	RelCarer       RelationshipType = "carer"
	RelCaredFor    RelationshipType = "cared_for"
	RelPartner     RelationshipType = "partner"
	RelOther       RelationshipType = "other"
)

// RelationshipTypes lists the types a user may choose, in form order.
var RelationshipTypes = []RelationshipType{RelParent, RelChild, RelStepParent, RelStepChild,
	RelSibling, RelHalfSibling, RelGrandparent, RelGrandchild, RelCarer, RelCaredFor, RelPartner, RelOther}

// Inverse returns the relationship seen from the other person's side.
func (t RelationshipType) Inverse() RelationshipType {
	switch t {
	case RelParent:
		return RelChild
	case RelChild:
		return RelParent
	case RelStepParent:
		return RelStepChild
	case RelStepChild:
		return RelStepParent
	case RelGrandparent:
		return RelGrandchild
	case RelGrandchild:
		return RelGrandparent
	case RelCarer:
		return RelCaredFor
	case RelCaredFor:
		return RelCarer
	}
	return t
}

// Label reads "Parent", "Half-sibling"...: what the other person is to this one.
func (t RelationshipType) Label() string {
	switch t {
	case RelParent:
		return "Parent"
	case RelChild:
		return "Child"
	case RelStepParent:
		return "Step-parent"
	case RelStepChild:
		return "Step-child"
	case RelSibling:
		return "Sibling"
	case RelHalfSibling:
		return "Half-sibling"
	case RelGrandparent:
		return "Grandparent"
	case RelGrandchild:
		return "Grandchild"
	case RelCarer:
		return "Carer"
	case RelCaredFor:
		return "Cared for"
	case RelPartner:
		return "Partner"
	}
	return "Other"
}

// Relationship links a person to another: Other is Type to Person ("Other is
// the parent of Person"). LivesWith puts them in one household.
type Relationship struct {
	ID                     int64
	PersonID               int64
	Other                  Person
	Type                   RelationshipType
	ParentalResponsibility bool
	LivesWith              bool
	Notes                  string
	Version                int
}

// PersonMatch is a person found by a search, with how well they matched.
type PersonMatch struct {
	Person
	Score   int      // higher is better
	Reasons []string // e.g. "NHS number", "date of birth", "name sounds alike"
}

// PersonQuery is a people search: any of its fields may be empty.
type PersonQuery struct {
	Name        string
	DateOfBirth string
	NHSNumber   string
	Postcode    string
	Kind        PersonKind // empty for any kind
	Limit       int
}
