package csc

import "time"

// Consent records whether consent to share information was sought and what
// came of it. Overriding a refusal (or not seeking consent) needs a rationale
// (REQUIREMENTS S4; practice rule DP-03).
type Consent string

// The consent states.
const (
	ConsentNotSought  Consent = "not_sought"
	ConsentSought     Consent = "sought"
	ConsentGiven      Consent = "given"
	ConsentRefused    Consent = "refused"
	ConsentOverridden Consent = "overridden"
)

// Consents lists the states in form order.
var Consents = []Consent{ConsentSought, ConsentGiven, ConsentRefused, ConsentOverridden, ConsentNotSought}

// Label reads as a page shows it.
func (c Consent) Label() string {
	switch c {
	case ConsentNotSought:
		return "Not yet sought"
	case ConsentSought:
		return "Sought, awaiting answer"
	case ConsentGiven:
		return "Given"
	case ConsentRefused:
		return "Refused"
	case ConsentOverridden:
		return "Overridden"
	}
	return string(c)
}

// RAG is the screening rating of a contact: red for likely significant harm,
// amber for likely need, green for information and advice.
type RAG string

// The ratings. An unrated contact has RAGNone.
const (
	RAGNone  RAG = ""
	RAGRed   RAG = "red"
	RAGAmber RAG = "amber"
	RAGGreen RAG = "green"
)

// RAGs lists the ratings in order of urgency.
var RAGs = []RAG{RAGRed, RAGAmber, RAGGreen}

// Label reads "Red", "Amber", "Green" or "Not rated".
func (r RAG) Label() string {
	switch r {
	case RAGRed:
		return "Red"
	case RAGAmber:
		return "Amber"
	case RAGGreen:
		return "Green"
	}
	return "Not rated"
}

// Decision is the front door's threshold decision on a contact (S2).
type Decision string

// The decisions. Referral and strategy open a referral (a CIN episode).
const (
	DecisionNone      Decision = ""
	DecisionNFA       Decision = "nfa"
	DecisionAdvice    Decision = "advice"
	DecisionEarlyHelp Decision = "early_help"
	DecisionReferral  Decision = "referral"
	DecisionStrategy  Decision = "strategy"
)

// Decisions lists the decisions in form order.
var Decisions = []Decision{DecisionNFA, DecisionAdvice, DecisionEarlyHelp, DecisionReferral, DecisionStrategy}

// Label reads as the decision appears on pages and letters.
func (d Decision) Label() string {
	switch d {
	case DecisionNFA:
		return "No further action"
	case DecisionAdvice:
		return "Information and advice"
	case DecisionEarlyHelp:
		return "Step down to early help"
	case DecisionReferral:
		return "Referral to children's social care"
	case DecisionStrategy:
		return "Strategy discussion needed"
	}
	return "Not yet decided"
}

// OpensReferral reports whether the decision starts a referral.
func (d Decision) OpensReferral() bool { return d == DecisionReferral || d == DecisionStrategy }

// Agency is a partner agency asked for information during screening.
type Agency string

// The partner agencies checked at the front door.
const (
	AgencyPolice    Agency = "police"
	AgencyHealth    Agency = "health"
	AgencyEducation Agency = "education"
	AgencyOther     Agency = "other"
)

// Agencies lists the partner agencies in form order.
var Agencies = []Agency{AgencyPolice, AgencyHealth, AgencyEducation, AgencyOther}

// Label reads as a page shows it.
func (a Agency) Label() string {
	switch a {
	case AgencyPolice:
		return "Police"
	case AgencyHealth:
		return "Health"
	case AgencyEducation:
		return "Education"
	}
	return "Other"
}

// Referrer is who told us about the child.
type Referrer struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Role         string `json:"role"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Address      string `json:"address"`
}

// HouseholdMember is another child or adult in the household named on a
// contact, linked to their own person record.
type HouseholdMember struct {
	PersonID     int64  `json:"person_id"`
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	Relationship string `json:"relationship"`
}

// PartnerCheck is a request to a partner agency for what it knows, and its
// answer.
type PartnerCheck struct {
	ID            int64     `json:"id"`
	ContactID     int64     `json:"contact_id"`
	Agency        Agency    `json:"agency"`
	RequestedAt   time.Time `json:"requested_at"`
	RequestedBy   string    `json:"requested_by"`
	ReturnedAt    time.Time `json:"returned_at,omitzero"`
	Summary       string    `json:"summary"`
	Version       int       `json:"version"`
	RequestedByID int64     `json:"-"`
}

// Oversight is a manager's recorded oversight of a piece of work: who, when,
// and why they agree or what they direct (S3).
type Oversight struct {
	ID          int64     `json:"id"`
	SubjectType string    `json:"subject_type"`
	SubjectID   int64     `json:"subject_id"`
	ChildID     int64     `json:"child_id"`
	StaffID     int64     `json:"staff_id"`
	StaffName   string    `json:"staff_name"`
	RecordedAt  time.Time `json:"recorded_at"`
	Rationale   string    `json:"rationale"`
}

// Contact is one piece of information about a child arriving at the front
// door (S1): who told us, what they said, and what the front door decided.
type Contact struct {
	ID                 int64              `json:"id"`
	ChildID            int64              `json:"child_id"`
	ChildName          string             `json:"child_name"`
	ReceivedAt         time.Time          `json:"received_at"`
	Source             ReferralSourceCode `json:"source"`
	Referrer           Referrer           `json:"referrer"`
	OutOfHours         bool               `json:"out_of_hours"`
	PresentingConcerns string             `json:"presenting_concerns"`
	HistoricConcerns   string             `json:"historic_concerns"`
	Consent            Consent            `json:"consent"`
	ConsentRationale   string             `json:"consent_rationale"`
	Household          []HouseholdMember  `json:"household"`
	TeamID             int64              `json:"team_id"`
	TeamName           string             `json:"team_name"`
	RAG                RAG                `json:"rag"`
	Risks              string             `json:"risks"`
	ProtectiveFactors  string             `json:"protective_factors"`
	ScreeningSummary   string             `json:"screening_summary"`
	PartnerChecks      []PartnerCheck     `json:"partner_checks"`
	Decision           Decision           `json:"decision"`
	DecisionRationale  string             `json:"decision_rationale"`
	DecidedAt          time.Time          `json:"decided_at,omitzero"`
	DecidedByID        int64              `json:"decided_by_id,omitempty"`
	DecidedBy          string             `json:"decided_by,omitempty"`
	LetterDocumentID   int64              `json:"letter_document_id,omitempty"`
	ReferralID         int64              `json:"referral_id,omitempty"`
	Oversight          []Oversight        `json:"oversight"`
	DueAt              time.Time          `json:"due_at"`
	RecordedByID       int64              `json:"recorded_by_id"`
	RecordedBy         string             `json:"recorded_by"`
	CreatedAt          time.Time          `json:"created_at"`
	Version            int                `json:"version"`
}

// Open reports whether the contact still awaits a decision.
func (c *Contact) Open() bool { return c.Decision == DecisionNone }

// ContactInput is what a user enters to record a contact.
type ContactInput struct {
	ChildID            int64    `json:"child_id"`
	ReceivedAt         string   `json:"received_at"` // "2026-03-02T14:05" London time, or RFC 3339
	Source             string   `json:"source"`
	Referrer           Referrer `json:"referrer"`
	OutOfHours         bool     `json:"out_of_hours"`
	PresentingConcerns string   `json:"presenting_concerns"`
	HistoricConcerns   string   `json:"historic_concerns"`
	Consent            string   `json:"consent"`
	ConsentRationale   string   `json:"consent_rationale"`
	HouseholdIDs       []int64  `json:"household_ids"`
	TeamID             int64    `json:"team_id"`
}

// ScreeningInput records screening: risks, protective factors and the RAG.
type ScreeningInput struct {
	Version           int    `json:"version"`
	RAG               string `json:"rag"`
	Risks             string `json:"risks"`
	ProtectiveFactors string `json:"protective_factors"`
	Summary           string `json:"summary"`
}

// PartnerCheckInput requests a check, or records its return when ID is set.
type PartnerCheckInput struct {
	ID       int64  `json:"id"`
	Version  int    `json:"version"`
	Agency   string `json:"agency"`
	Summary  string `json:"summary"`
	Returned bool   `json:"returned"`
}

// DecisionInput is the front door's decision on a contact.
type DecisionInput struct {
	Version   int    `json:"version"`
	Decision  string `json:"decision"`
	Rationale string `json:"rationale"`
}

// ContactQuery filters the front-door queue and contact lists.
type ContactQuery struct {
	Open    bool // only undecided contacts
	RAG     RAG
	Source  string
	TeamID  int64
	ChildID int64
	Limit   int
	Offset  int
}

// Referral is a referral to children's social care: the start of a CIN
// episode. The protection pathway (issue 4) adds assessments and plans to it.
type Referral struct {
	ID            int64              `json:"id"`
	ChildID       int64              `json:"child_id"`
	ContactID     int64              `json:"contact_id"`
	ReferralDate  Date               `json:"referral_date"`
	Source        ReferralSourceCode `json:"source"`
	PrimaryNeed   string             `json:"primary_need"`
	NFA           bool               `json:"nfa"`
	ClosureDate   Date               `json:"closure_date"`
	ClosureReason string             `json:"closure_reason"`
	TeamID        int64              `json:"team_id"`
	Version       int                `json:"version"`
}

// Open reports whether the referral's episode has not closed.
func (r *Referral) Open() bool { return r.ClosureDate.IsZero() }
