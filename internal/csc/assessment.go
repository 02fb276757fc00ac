package csc

import "time"

// AssessmentTx stores referrals' details and closure, child and family
// assessments, early help episodes and homeless 16/17-year-old outcomes.
// Update methods take the version the user read and return a Conflict when
// the record has changed since; Find methods return NotFound.
type AssessmentTx interface {
	FindReferralByID(id int64) (*Referral, error)
	// UpdateReferral saves primary need, NFA and closure.
	UpdateReferral(r *Referral) error

	CreateAssessment(a *Assessment) error
	// UpdateAssessment saves the sections, status and authorisation.
	UpdateAssessment(a *Assessment) error
	// FindAssessmentByID returns an assessment with the dates the child was seen.
	FindAssessmentByID(id int64) (*Assessment, error)
	// ListAssessments returns a child's assessments (without the seen
	// dates), oldest first.
	ListAssessments(childID int64) ([]Assessment, error)
	CreateChildSeen(s *ChildSeen) error

	CreateEarlyHelp(e *EarlyHelp) error
	UpdateEarlyHelp(e *EarlyHelp) error
	FindEarlyHelpByID(id int64) (*EarlyHelp, error)
	ListEarlyHelp(childID int64) ([]EarlyHelp, error)

	CreateHomeless(h *HomelessPresentation) error
	UpdateHomeless(h *HomelessPresentation) error
	FindHomelessByID(id int64) (*HomelessPresentation, error)
	ListHomeless(childID int64) ([]HomelessPresentation, error)
}

// ReReferralMonths is the CIN census definition of a re-referral: a
// referral within 12 months of the child's previous referral's date.
const ReReferralMonths = 12

// ReReferrals reports, by referral id, which of a child's referrals are
// re-referrals: those whose date is within 12 months (inclusive) of the
// previous referral's date. refs may be in any order.
func ReReferrals(refs []Referral) map[int64]bool {
	out := map[int64]bool{}
	for i := range refs {
		var prev Date
		for j := range refs {
			if i == j {
				continue
			}
			d := refs[j].ReferralDate
			earlier := d.Before(refs[i].ReferralDate) || d == refs[i].ReferralDate && refs[j].ID < refs[i].ID
			if earlier && (prev.IsZero() || d.After(prev)) {
				prev = d
			}
		}
		if !prev.IsZero() {
			limit := DateOfUTC(prev.Time().AddDate(0, ReReferralMonths, 0))
			out[refs[i].ID] = !refs[i].ReferralDate.After(limit)
		}
	}
	return out
}

// ReferralInput amends a referral's primary need and no-further-action flag.
type ReferralInput struct {
	Version     int    `json:"version"`
	PrimaryNeed string `json:"primary_need"`
	NFA         bool   `json:"nfa"`
}

// ClosureInput closes a referral (the CIN episode).
type ClosureInput struct {
	Version       int    `json:"version"`
	ClosureDate   string `json:"closure_date"`
	ClosureReason string `json:"closure_reason"`
}

// AssessmentStatus is where an assessment is in its life.
type AssessmentStatus string

// The statuses: written by the worker, submitted to the manager,
// authorised (completed, HP-03 met).
const (
	AssessmentOpen       AssessmentStatus = "open"
	AssessmentSubmitted  AssessmentStatus = "submitted"
	AssessmentAuthorised AssessmentStatus = "authorised"
)

// Label is how the status reads on a page.
func (s AssessmentStatus) Label() string {
	switch s {
	case AssessmentOpen:
		return "In progress"
	case AssessmentSubmitted:
		return "Awaiting authorisation"
	case AssessmentAuthorised:
		return "Authorised"
	}
	return string(s)
}

// IdentityAspects are the parts of the child's identity an assessment must
// explore (S12): each needs what was found or a reason it was not explored.
var IdentityAspects = []string{"ethnicity", "culture", "religion", "language", "disability", "gender", "sexuality"}

// IdentityLabel is how an identity aspect reads on a page.
func IdentityLabel(aspect string) string {
	switch aspect {
	case "ethnicity":
		return "Ethnicity"
	case "culture":
		return "Culture"
	case "religion":
		return "Religion or belief"
	case "language":
		return "Language and communication"
	case "disability":
		return "Disability"
	case "gender":
		return "Gender"
	case "sexuality":
		return "Sexuality"
	}
	return aspect
}

// IdentityNote is what the assessment found about one aspect of identity,
// or why it was not explored.
type IdentityNote struct {
	Found       string `json:"found"`
	NotExplored string `json:"not_explored_reason"`
}

// Complete reports whether the aspect was explored or a reason recorded.
func (n IdentityNote) Complete() bool { return n.Found != "" || n.NotExplored != "" }

// AssessmentOutcome is what the assessment concluded should happen next.
type AssessmentOutcome string

// The outcomes.
const (
	OutcomeNFA         AssessmentOutcome = "nfa"
	OutcomeEarlyHelp   AssessmentOutcome = "early_help"
	OutcomeCINPlan     AssessmentOutcome = "cin_plan"
	OutcomeStrategy    AssessmentOutcome = "strategy"
	OutcomeLookedAfter AssessmentOutcome = "looked_after"
	OutcomeOther       AssessmentOutcome = "other"
)

// AssessmentOutcomes lists the outcomes in the order forms show them.
var AssessmentOutcomes = []AssessmentOutcome{OutcomeNFA, OutcomeEarlyHelp, OutcomeCINPlan, OutcomeStrategy, OutcomeLookedAfter, OutcomeOther}

// Label is how the outcome reads on a page.
func (o AssessmentOutcome) Label() string {
	switch o {
	case OutcomeNFA:
		return "No further action"
	case OutcomeEarlyHelp:
		return "Step down to early help"
	case OutcomeCINPlan:
		return "Child in need plan"
	case OutcomeStrategy:
		return "Strategy discussion (section 47)"
	case OutcomeLookedAfter:
		return "Child to become looked after"
	case OutcomeOther:
		return "Other"
	case "":
		return "Not yet recorded"
	}
	return string(o)
}

// ChildSeen is one date the child was seen during an assessment, and
// whether alone (HP-06).
type ChildSeen struct {
	ID           int64 `json:"id"`
	AssessmentID int64 `json:"assessment_id"`
	ChildID      int64 `json:"-"`
	Date         Date  `json:"date"`
	Alone        bool  `json:"alone"`
}

// Assessment is a child and family assessment in a referral's episode. It
// concludes when a manager authorises it, which meets HP-03.
type Assessment struct {
	ID              int64                   `json:"id"`
	ChildID         int64                   `json:"child_id"`
	ReferralID      int64                   `json:"referral_id"`
	StartDate       Date                    `json:"start_date"`
	Status          AssessmentStatus        `json:"status"`
	Seen            []ChildSeen             `json:"seen"`
	NotSeenReason   string                  `json:"not_seen_reason"`
	History         string                  `json:"history"`
	LivedExperience string                  `json:"lived_experience"`
	Identity        map[string]IdentityNote `json:"identity"`
	ParentsCarers   string                  `json:"parents_carers"`
	Risks           string                  `json:"risks"`
	Protective      string                  `json:"protective_factors"`
	Analysis        string                  `json:"analysis"`
	Factors         []string                `json:"factors"`
	Outcome         AssessmentOutcome       `json:"outcome"`
	NextSteps       string                  `json:"next_steps"`
	SubmittedAt     time.Time               `json:"submitted_at"`
	AuthorisedDate  Date                    `json:"authorised_date"`
	AuthorisedByID  int64                   `json:"authorised_by_id"`
	AuthorisedBy    string                  `json:"authorised_by"`
	CreatedByID     int64                   `json:"created_by_id"`
	Version         int                     `json:"version"`
}

// IdentityComplete reports whether every aspect of identity was explored
// or has a reason recorded.
func (a *Assessment) IdentityComplete() bool {
	for _, k := range IdentityAspects {
		if !a.Identity[k].Complete() {
			return false
		}
	}
	return true
}

// SeenOrReason reports whether the child was seen, or a reason recorded.
func (a *Assessment) SeenOrReason() bool { return len(a.Seen) > 0 || a.NotSeenReason != "" }

// AssessmentInput is the worker's draft of an assessment's sections.
type AssessmentInput struct {
	Version         int                     `json:"version"`
	NotSeenReason   string                  `json:"not_seen_reason"`
	History         string                  `json:"history"`
	LivedExperience string                  `json:"lived_experience"`
	Identity        map[string]IdentityNote `json:"identity"`
	ParentsCarers   string                  `json:"parents_carers"`
	Risks           string                  `json:"risks"`
	Protective      string                  `json:"protective_factors"`
	Analysis        string                  `json:"analysis"`
	Factors         []string                `json:"factors"`
	Outcome         string                  `json:"outcome"`
	NextSteps       string                  `json:"next_steps"`
}

// EarlyHelp is an early help episode: a step down from a referral (or
// early help started directly), its early help assessment and its end,
// which may be a step up back to children's social care (S6).
type EarlyHelp struct {
	ID               int64  `json:"id"`
	ChildID          int64  `json:"child_id"`
	ReferralID       int64  `json:"referral_id"`
	StartDate        Date   `json:"start_date"`
	LeadPractitioner string `json:"lead_practitioner"`
	Agency           string `json:"agency"`
	Consent          bool   `json:"consent"`
	EHAStart         Date   `json:"eha_start"`
	EHACompleted     Date   `json:"eha_completed"`
	EndDate          Date   `json:"end_date"`
	EndReason        string `json:"end_reason"`
	SteppedUp        bool   `json:"stepped_up"`
	Version          int    `json:"version"`
}

// Open reports whether the episode has not ended.
func (e *EarlyHelp) Open() bool { return e.EndDate.IsZero() }

// EarlyHelpInput starts an early help episode.
type EarlyHelpInput struct {
	ReferralID       int64  `json:"referral_id"`
	StartDate        string `json:"start_date"`
	LeadPractitioner string `json:"lead_practitioner"`
	Agency           string `json:"agency"`
	Consent          bool   `json:"consent"`
}

// EHAInput records the early help assessment's start and completion.
type EHAInput struct {
	Version      int    `json:"version"`
	EHAStart     string `json:"eha_start"`
	EHACompleted string `json:"eha_completed"`
}

// EarlyHelpEndInput ends an episode; StepUp marks it a step up to
// children's social care.
type EarlyHelpEndInput struct {
	Version   int    `json:"version"`
	EndDate   string `json:"end_date"`
	EndReason string `json:"end_reason"`
	StepUp    bool   `json:"step_up"`
}

// HomelessPresentation is a 16- or 17-year-old presenting as homeless
// (practice rules §4). It always has a referral and an assessment, and the
// referral cannot close until its section 20 decision is recorded.
type HomelessPresentation struct {
	ID           int64 `json:"id"`
	ChildID      int64 `json:"child_id"`
	ReferralID   int64 `json:"referral_id"`
	AssessmentID int64 `json:"assessment_id"`
	PresentedOn  Date  `json:"presented_on"`
	Age          int   `json:"age"`
	// The decision: "accommodated" under s20, or "not_accommodated" with
	// the reason; empty until decided.
	Decision         string `json:"decision"`
	DecisionDate     Date   `json:"decision_date"`
	NotReason        string `json:"not_accommodated_reason"`
	ToldConsequences bool   `json:"told_consequences"`
	Competent        bool   `json:"competent"`
	View             string `json:"young_person_view"`
	InterimProvided  bool   `json:"interim_provided"`
	InterimWhere     string `json:"interim_where"`
	Version          int    `json:"version"`
}

// Decided reports whether the section 20 decision is recorded.
func (h *HomelessPresentation) Decided() bool { return h.Decision != "" }

// DecisionLabel is how the decision reads on a page.
func (h *HomelessPresentation) DecisionLabel() string {
	switch h.Decision {
	case "accommodated":
		return "Accommodated under section 20"
	case "not_accommodated":
		return "Not accommodated under section 20"
	}
	return "Awaiting the section 20 decision"
}

// HomelessInput records a presentation.
type HomelessInput struct {
	PresentedOn string `json:"presented_on"`
	// Source is the referral source when a new referral is opened
	// (usually "4", housing); ignored when the child has an open referral.
	Source string `json:"source"`
}

// HomelessDecisionInput records the outcome of a presentation. Yes/no
// answers arrive as "yes" or "no" so that a missing answer is seen.
type HomelessDecisionInput struct {
	Version          int    `json:"version"`
	DecisionDate     string `json:"decision_date"`
	Decision         string `json:"decision"`
	NotReason        string `json:"not_accommodated_reason"`
	ToldConsequences string `json:"told_consequences"`
	Competent        string `json:"competent"`
	View             string `json:"young_person_view"`
	InterimProvided  string `json:"interim_provided"`
	InterimWhere     string `json:"interim_where"`
}
