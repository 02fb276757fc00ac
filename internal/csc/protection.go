package csc

import "time"

// ProtectionTx stores strategy discussions, section 47 enquiries,
// conferences and child protection plans with their actions and core groups.
// Finders return NotFound for a missing record; updates return Conflict when
// the version is stale.
type ProtectionTx interface {
	CreateStrategy(s *Strategy) error
	FindStrategyByID(id int64) (*Strategy, error)
	ListStrategies(childID int64) ([]Strategy, error)

	CreateS47(s *S47) error
	FindS47ByID(id int64) (*S47, error)
	ListS47s(childID int64) ([]S47, error)
	UpdateS47(s *S47) error

	CreateConference(c *Conference) error
	CreateConferenceDecisions(conferenceID int64, ds []ConferenceDecision) error
	FindConferenceByID(id int64) (*Conference, error)
	ListConferences(childID int64) ([]Conference, error)

	CreateCPPlan(p *CPPlan) error
	FindCPPlanByID(id int64) (*CPPlan, error)
	ListCPPlans(childID int64) ([]CPPlan, error)
	UpdateCPPlan(p *CPPlan) error
	CreatePlanAction(a *PlanAction) error
	UpdatePlanAction(a *PlanAction) error
	CreateCoreGroup(g *CoreGroup) error
}

// Strategy is a strategy discussion (CP-01, CP-02): who took part, what was
// shared, the danger statements and safety goals, each participant's
// scaling, and the decision whether to start a section 47 enquiry.
type Strategy struct {
	ID                int64         `json:"id"`
	ChildID           int64         `json:"child_id"`
	ReferralID        int64         `json:"referral_id"`
	HeldAt            time.Time     `json:"held_at"`
	Attendees         []Attendee    `json:"attendees"`
	InformationShared string        `json:"information_shared"`
	Dangers           []DangerGoal  `json:"danger_statements"`
	Scaling           []SafetyScale `json:"scaling"`
	Decision          string        `json:"decision"` // StrategyS47 or StrategyNoS47
	DecisionReasons   string        `json:"decision_reasons"`
	SafetyActions     string        `json:"immediate_safety_actions"`
	S47ID             int64         `json:"s47_id,omitempty"` // the enquiry this discussion started, if any
	RecordedByID      int64         `json:"recorded_by_id"`
	RecordedBy        string        `json:"recorded_by"`
	CreatedAt         time.Time     `json:"created_at"`
	Version           int           `json:"version"`
}

// Strategy discussion decisions.
const (
	StrategyS47   = "s47"
	StrategyNoS47 = "no_s47"
)

// Attendee is someone at a strategy discussion, by agency.
type Attendee struct {
	Agency string `json:"agency"`
	Name   string `json:"name"`
	Role   string `json:"role"`
}

// StrategyAgencies are the agencies a strategy discussion's attendees come
// from, with their labels.
var StrategyAgencies = []struct{ Code, Label string }{
	{"csc", "Children's social care"}, {"police", "Police"}, {"health", "Health"},
	{"education", "Education"}, {"referrer", "Referrer"}, {"other", "Other"},
}

// AgencyLabel names a strategy discussion agency.
func AgencyLabel(code string) string {
	for _, a := range StrategyAgencies {
		if a.Code == code {
			return a.Label
		}
	}
	return code
}

// DangerGoal is a Signs of Safety danger statement and the safety goal
// paired with it.
type DangerGoal struct {
	Danger string `json:"danger"`
	Goal   string `json:"goal"`
}

// SafetyScale is one participant's judgement of safety on the 0–10 scale
// (0: the child will be harmed; 10: safe enough to close) and why.
type SafetyScale struct {
	Participant string `json:"participant"`
	Score       int    `json:"score"`
	Reason      string `json:"reason"`
}

// Warnings are what a reader should notice about the discussion without it
// being refused: a missing core agency (CP-01) or more than three danger
// statements, which blurs the focus of the plan.
func (s *Strategy) Warnings() []string {
	var out []string
	for _, core := range []string{"csc", "health", "police"} {
		found := false
		for _, a := range s.Attendees {
			found = found || a.Agency == core
		}
		if !found {
			out = append(out, AgencyLabel(core)+" did not take part: a strategy discussion should include children's social care, police and health (CP-01).")
		}
	}
	if len(s.Dangers) > 3 {
		out = append(out, "There are more than three danger statements: consider focusing on the three most serious.")
	}
	return out
}

// StrategyInput records a strategy discussion.
type StrategyInput struct {
	ReferralID        int64         `json:"referral_id"`
	HeldAt            string        `json:"held_at"`
	Attendees         []Attendee    `json:"attendees"`
	InformationShared string        `json:"information_shared"`
	Dangers           []DangerGoal  `json:"danger_statements"`
	Scaling           []SafetyScale `json:"scaling"`
	Decision          string        `json:"decision"`
	DecisionReasons   string        `json:"decision_reasons"`
	SafetyActions     string        `json:"immediate_safety_actions"`
}

// S47 is a section 47 enquiry (CP-03), started at the strategy discussion
// that decided on it: its start date is that discussion's date, from which
// the initial conference is due (CP-04).
type S47 struct {
	ID               int64      `json:"id"`
	ChildID          int64      `json:"child_id"`
	ReferralID       int64      `json:"referral_id"`
	StrategyID       int64      `json:"strategy_id"`
	Started          Date       `json:"started"`
	LeadID           int64      `json:"lead_id"`
	LeadName         string     `json:"lead_name"`
	Visits           []S47Visit `json:"visits"`
	PartnerViews     []S47View  `json:"partner_views"`
	Outcome          string     `json:"outcome"` // "", S47NotSubstantiated, S47Substantiated
	ConferenceNeeded bool       `json:"conference_needed"`
	OutcomeDate      Date       `json:"outcome_date"`
	CreatedAt        time.Time  `json:"created_at"`
	Version          int        `json:"version"`
}

// Section 47 outcomes.
const (
	S47NotSubstantiated = "not_substantiated"
	S47Substantiated    = "substantiated"
)

// S47OutcomeLabel names an outcome.
func S47OutcomeLabel(o string) string {
	switch o {
	case S47NotSubstantiated:
		return "Concerns not substantiated"
	case S47Substantiated:
		return "Concerns substantiated"
	}
	return "Not concluded"
}

// Concluded reports whether the enquiry has an outcome.
func (s *S47) Concluded() bool { return s.Outcome != "" }

// S47Visit is a visit made during the enquiry.
type S47Visit struct {
	Date      Date `json:"date"`
	ChildSeen bool `json:"child_seen"`
	SeenAlone bool `json:"seen_alone"`
}

// S47View is a partner agency's view given to the enquiry.
type S47View struct {
	Agency string `json:"agency"`
	View   string `json:"view"`
}

// S47StartInput starts an enquiry from a strategy discussion.
type S47StartInput struct {
	LeadID int64 `json:"lead_id"`
}

// S47VisitInput adds a visit to an enquiry.
type S47VisitInput struct {
	Version   int    `json:"version"`
	Date      string `json:"date"`
	ChildSeen bool   `json:"child_seen"`
	SeenAlone bool   `json:"seen_alone"`
}

// S47ViewInput adds a partner's view to an enquiry.
type S47ViewInput struct {
	Version int    `json:"version"`
	Agency  string `json:"agency"`
	View    string `json:"view"`
}

// S47OutcomeInput concludes an enquiry.
type S47OutcomeInput struct {
	Version          int    `json:"version"`
	Outcome          string `json:"outcome"`
	ConferenceNeeded bool   `json:"conference_needed"`
	OutcomeDate      string `json:"outcome_date"`
}
