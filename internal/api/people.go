package api

import (
	"net/http"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// personJSON is a person's details: demographics and identity. Text that is
// not recorded is ""; dates that are not recorded are null. Age is null
// when it cannot be known (unborn, or no date of birth).
type personJSON struct {
	ID                  int64    `json:"id"`
	Kind                string   `json:"kind"`
	Name                string   `json:"name"`
	GivenName           string   `json:"given_name"`
	FamilyName          string   `json:"family_name"`
	OtherNames          string   `json:"other_names"`
	DateOfBirth         *string  `json:"date_of_birth"`
	ExpectedDateOfBirth *string  `json:"expected_date_of_birth"`
	DateOfDeath         *string  `json:"date_of_death"`
	Age                 *int     `json:"age"`
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
	Restricted          bool     `json:"restricted"`
	RestrictionReason   string   `json:"restriction_reason"`
	Version             int      `json:"version"`
	CreatedAt           *string  `json:"created_at"`
	UpdatedAt           *string  `json:"updated_at"`
	URL                 string   `json:"url"`
}

func personOf(p *csc.Person, today csc.Date) personJSON {
	return personJSON{ID: p.ID, Kind: string(p.Kind), Name: p.Name(), GivenName: p.GivenName,
		FamilyName: p.FamilyName, OtherNames: p.OtherNames, DateOfBirth: date(p.DateOfBirth),
		ExpectedDateOfBirth: date(p.ExpectedDateOfBirth), DateOfDeath: date(p.DateOfDeath),
		Age: age(p, today), Sex: string(p.Sex), GenderIdentity: p.GenderIdentity,
		Ethnicity: string(p.Ethnicity), FirstLanguage: p.FirstLanguage, InterpreterNeeded: p.InterpreterNeeded,
		Religion: p.Religion, SexualOrientation: p.SexualOrientation, IdentityNotes: p.IdentityNotes,
		Disabilities: stringsOf(p.Disabilities), NHSNumber: string(p.NHSNumber), UPN: string(p.UPN),
		Address: p.Address, Postcode: string(p.Postcode), AddressConfidential: p.AddressConfidential,
		Restricted: p.Restricted, RestrictionReason: p.RestrictionReason, Version: p.Version,
		CreatedAt: optInstant(p.CreatedAt), UpdatedAt: optInstant(p.UpdatedAt), URL: link("people", p.ID)}
}

func age(p *csc.Person, today csc.Date) *int {
	if a, ok := p.AgeOn(today); ok {
		return &a
	}
	return nil
}

// personMatchJSON is one result of a people search or duplicate check.
type personMatchJSON struct {
	ID                  int64    `json:"id"`
	Kind                string   `json:"kind"`
	Name                string   `json:"name"`
	GivenName           string   `json:"given_name"`
	FamilyName          string   `json:"family_name"`
	DateOfBirth         *string  `json:"date_of_birth"`
	ExpectedDateOfBirth *string  `json:"expected_date_of_birth"`
	Age                 *int     `json:"age"`
	NHSNumber           string   `json:"nhs_number"`
	Postcode            string   `json:"postcode"`
	Score               int      `json:"score"`
	Reasons             []string `json:"reasons"`
	URL                 string   `json:"url"`
}

func matchOf(m *csc.PersonMatch, today csc.Date) personMatchJSON {
	return personMatchJSON{ID: m.ID, Kind: string(m.Kind), Name: m.Name(), GivenName: m.GivenName,
		FamilyName: m.FamilyName, DateOfBirth: date(m.DateOfBirth), ExpectedDateOfBirth: date(m.ExpectedDateOfBirth),
		Age: age(&m.Person, today), NHSNumber: string(m.NHSNumber), Postcode: string(m.Postcode),
		Score: m.Score, Reasons: append([]string{}, m.Reasons...), URL: link("people", m.ID)}
}

// searchJSON is the answer to a people search, best match first.
type searchJSON struct {
	Results []personMatchJSON `json:"results"`
}

// relationshipJSON is how another person is related to a child: Other is
// Type to the child ("other is the child's parent").
type relationshipJSON struct {
	ID                     int64             `json:"id"`
	Type                   string            `json:"type"`
	Label                  string            `json:"label"`
	ParentalResponsibility bool              `json:"parental_responsibility"`
	LivesWith              bool              `json:"lives_with"`
	Notes                  string            `json:"notes"`
	Version                int               `json:"version"`
	Other                  relatedPersonJSON `json:"other"`
}

// relatedPersonJSON names the other person in a relationship; their full
// details are at their own address.
type relatedPersonJSON struct {
	ID          int64   `json:"id"`
	Kind        string  `json:"kind"`
	Name        string  `json:"name"`
	DateOfBirth *string `json:"date_of_birth"`
	Age         *int    `json:"age"`
	URL         string  `json:"url"`
}

func relationshipOf(rel *csc.Relationship, today csc.Date) relationshipJSON {
	o := &rel.Other
	return relationshipJSON{ID: rel.ID, Type: string(rel.Type), Label: rel.Type.Label(),
		ParentalResponsibility: rel.ParentalResponsibility, LivesWith: rel.LivesWith, Notes: rel.Notes,
		Version: rel.Version, Other: relatedPersonJSON{ID: o.ID, Kind: string(o.Kind), Name: o.Name(),
			DateOfBirth: date(o.DateOfBirth), Age: age(o, today), URL: link("people", o.ID)}}
}

// personUpdateInput is the body of PUT /people/{id}: the version the
// client read and the person's details in full.
type personUpdateInput struct {
	Version int `json:"version"`
	csc.PersonInput
}

func (s *server) searchPeople(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := parseQuery(r, "name", "date_of_birth", "nhs_number", "postcode", "kind", "limit")
	pq := csc.PersonQuery{Name: q.text("name", 200), DateOfBirth: q.text("date_of_birth", 20),
		NHSNumber: q.text("nhs_number", 20), Postcode: q.text("postcode", 20),
		Kind:  csc.PersonKind(q.oneOf("kind", string(csc.KindChild), string(csc.KindUnborn), string(csc.KindAdult))),
		Limit: q.number("limit", 25, 1, 100)}
	if err := q.err(); err != nil {
		return err
	}
	ms, err := s.app.SearchPeople(r.Context(), actor, pq)
	if err != nil {
		return err
	}
	today := s.app.Today()
	return writeJSON(w, http.StatusOK, searchJSON{Results: list(ms, func(m *csc.PersonMatch) personMatchJSON { return matchOf(m, today) })})
}

// createPerson adds a person. With check_duplicates=true it first looks for
// people already on the record who may be the same person and answers 409
// with them, unless confirm_new=true says the client has seen them.
func (s *server) createPerson(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := parseQuery(r, "check_duplicates", "confirm_new")
	check, confirm := q.flag("check_duplicates"), q.flag("confirm_new")
	if err := q.err(); err != nil {
		return err
	}
	var in csc.PersonInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	today := s.app.Today()
	if check && !confirm {
		dups, err := s.app.LikelyDuplicates(r.Context(), actor, in)
		if err != nil {
			return err
		}
		if len(dups) > 0 {
			return &duplicatesError{Candidates: list(dups, func(m *csc.PersonMatch) personMatchJSON { return matchOf(m, today) })}
		}
	}
	p, err := s.app.CreatePerson(r.Context(), actor, in)
	if err != nil {
		return err
	}
	return created(w, link("people", p.ID), personOf(p, today))
}

func (s *server) updatePerson(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in personUpdateInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	p, err := s.app.UpdatePerson(r.Context(), actor, id, in.Version, in.PersonInput)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) { return s.personVersion(r, actor, id) })
	}
	return writeJSON(w, http.StatusOK, personOf(p, s.app.Today()))
}

// personVersion reads a person's current version after a conflict. The
// service layer has no narrower read than the whole record, so this read
// is audited as a view of the record, which it is.
func (s *server) personVersion(r *http.Request, actor csc.Actor, id int64) (int, error) {
	rec, err := s.app.ChildRecord(r.Context(), actor, id)
	if err != nil {
		return 0, err
	}
	return rec.Child.Version, nil
}

func (s *server) addRelationship(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in app.RelationshipInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	rel, err := s.app.AddRelationship(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, relationshipOf(rel, s.app.Today()))
}

// setRestriction restricts or unrestricts a record. The service layer
// returns nothing on success, so neither does the API: 204.
func (s *server) setRestriction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in app.RestrictionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	if err := s.app.SetRestriction(r.Context(), actor, id, in); err != nil {
		return withCurrentVersion(err, func() (int, error) { return s.personVersion(r, actor, id) })
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
