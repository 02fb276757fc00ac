package csc

import "time"

// Conference kinds.
const (
	ConferenceInitial  = "initial"
	ConferenceReview   = "review"
	ConferenceTransfer = "transfer"
)

// ConferenceKindLabel names a conference kind.
func ConferenceKindLabel(k string) string {
	switch k {
	case ConferenceInitial:
		return "Initial child protection conference"
	case ConferenceReview:
		return "Review child protection conference"
	case ConferenceTransfer:
		return "Transfer-in child protection conference"
	}
	return k
}

// Conference is a child protection conference (CP-04 to CP-07, CP-13,
// CP-14): an initial one follows an s47, a review one reviews a plan, a
// transfer-in one adopts another authority's plan. It decides for every
// child in the household (CP-05).
type Conference struct {
	ID           int64                `json:"id"`
	ChildID      int64                `json:"child_id"`
	ReferralID   int64                `json:"referral_id"`
	Kind         string               `json:"kind"`
	S47ID        int64                `json:"s47_id,omitempty"`  // initial: the enquiry it follows
	PlanID       int64                `json:"plan_id,omitempty"` // review: the plan it reviews
	HeldOn       Date                 `json:"held_on"`
	ChairID      int64                `json:"chair_id"`
	ChairName    string               `json:"chair_name"`
	Attendance   []ConferenceAttendee `json:"attendance"`
	ChildView    string               `json:"child_view"`
	FamilyView   string               `json:"family_view"`
	Views        []ConferenceView     `json:"views"`
	Evidence     string               `json:"evidence"`
	Decisions    []ConferenceDecision `json:"decisions"`
	RecordedByID int64                `json:"recorded_by_id"`
	CreatedAt    time.Time            `json:"created_at"`
}

// ConferenceAttendee is someone invited to a conference.
type ConferenceAttendee struct {
	Name     string `json:"name"`
	Role     string `json:"role"` // agency or role
	Attended bool   `json:"attended"`
}

// ConferenceView is what someone present said.
type ConferenceView struct {
	Who  string `json:"who"`
	View string `json:"view"`
}

// ConferenceDecision is the conference's decision about one child: whether
// a plan is needed, and if so under which category of abuse (CP-07), with
// any dissent minuted. PlanID is the plan it started, continued or ended.
type ConferenceDecision struct {
	ChildID    int64  `json:"child_id"`
	PlanNeeded bool   `json:"plan_needed"`
	Category   string `json:"category,omitempty"` // ListAbuseCategory
	Dissent    string `json:"dissent"`
	EndReason  string `json:"end_reason,omitempty"` // a plan the decision ends: CPPlanEndReasons
	PlanID     int64  `json:"plan_id,omitempty"`
}

// ConferenceInput records a conference.
type ConferenceInput struct {
	Kind       string               `json:"kind"`
	ReferralID int64                `json:"referral_id"`
	S47ID      int64                `json:"s47_id"`
	PlanID     int64                `json:"plan_id"`
	HeldOn     string               `json:"held_on"`
	ChairID    int64                `json:"chair_id"`
	Attendance []ConferenceAttendee `json:"attendance"`
	ChildView  string               `json:"child_view"`
	FamilyView string               `json:"family_view"`
	Views      []ConferenceView     `json:"views"`
	Evidence   string               `json:"evidence"`
	Decisions  []ConferenceDecision `json:"decisions"`
}

// CPPlan is a child protection plan: made at a conference, reviewed at
// review conferences and ended by one or for a reason such as the child
// becoming looked after (CP-15, CP-16).
type CPPlan struct {
	ID              int64        `json:"id"`
	ChildID         int64        `json:"child_id"`
	ReferralID      int64        `json:"referral_id"`
	ConferenceID    int64        `json:"conference_id"`
	Start           Date         `json:"start"`
	End             Date         `json:"end"`
	InitialCategory string       `json:"initial_category"`
	LatestCategory  string       `json:"latest_category"`
	EndReason       string       `json:"end_reason"`
	PreviousPlans   int          `json:"previous_plans"`
	Actions         []PlanAction `json:"actions"`
	CoreGroups      []CoreGroup  `json:"core_groups"`
	Version         int          `json:"version"`
}

// Open reports whether the plan has not ended.
func (p *CPPlan) Open() bool { return p.End.IsZero() }

// PlanAction is one specific, time-bound action of a plan.
type PlanAction struct {
	ID      int64  `json:"id"`
	PlanID  int64  `json:"plan_id"`
	ChildID int64  `json:"child_id"`
	What    string `json:"what"`
	Who     string `json:"who"`
	Due     Date   `json:"due"`
	Done    Date   `json:"done"`
	Version int    `json:"version"`
}

// Overdue reports whether the action is not done and its date has passed.
func (a *PlanAction) Overdue(today Date) bool { return a.Done.IsZero() && a.Due.Before(today) }

// CoreGroup is a core group meeting of a plan (CP-10, CP-11).
type CoreGroup struct {
	ID         int64                `json:"id"`
	PlanID     int64                `json:"plan_id"`
	ChildID    int64                `json:"child_id"`
	HeldOn     Date                 `json:"held_on"`
	Attendance []ConferenceAttendee `json:"attendance"`
	Notes      string               `json:"notes"`
}

// PlanActionInput adds an action to a plan.
type PlanActionInput struct {
	What string `json:"what"`
	Who  string `json:"who"`
	Due  string `json:"due"`
}

// PlanActionDoneInput records an action done.
type PlanActionDoneInput struct {
	Version int    `json:"version"`
	Done    string `json:"done"`
}

// CoreGroupInput records a core group meeting.
type CoreGroupInput struct {
	HeldOn     string               `json:"held_on"`
	Attendance []ConferenceAttendee `json:"attendance"`
	Notes      string               `json:"notes"`
}

// PlanEndInput ends a plan outside a review conference.
type PlanEndInput struct {
	Version int    `json:"version"`
	End     string `json:"end"`
	Reason  string `json:"reason"`
}

// CPPlanEndReasons are why a child protection plan ends (CP-15, CP-16).
// The CIN census keeps no code list for them, so these are ours.
var CPPlanEndReasons = []struct{ Code, Label string }{
	{"no-longer-at-risk", "No longer at continuing risk of significant harm"},
	{"transferred", "Moved permanently to another local authority"},
	{"turned-18", "Turned 18"},
	{"died", "Died"},
	{"left-uk", "Left the UK permanently"},
	{"looked-after", "Became looked after"},
}

// CPPlanEndReasonLabel names an end reason.
func CPPlanEndReasonLabel(code string) string {
	for _, r := range CPPlanEndReasons {
		if r.Code == code {
			return r.Label
		}
	}
	return code
}

// ValidCPPlanEndReason reports whether code is an end reason.
func ValidCPPlanEndReason(code string) bool {
	for _, r := range CPPlanEndReasons {
		if r.Code == code {
			return true
		}
	}
	return false
}
