package csc

import (
	"slices"
	"time"
)

// PracticeArea is an area of social work practice that findings are about
// and that the improvement plan's actions are grouped by (their theme).
type PracticeArea struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// PracticeAreaList is one version of the fixed list of practice areas. A
// finding records the version it was tagged with, so a later change of the
// list never changes what an old finding meant; codes are never reused.
type PracticeAreaList struct {
	Version string
	From    Date
	Areas   []PracticeArea
}

// practiceAreaLists are the versions of the list, oldest first. The first
// follows the themes of ILACS inspections and focused visits (OF-01, OF-07)
// and the findings of the seed letters.
var practiceAreaLists = []PracticeAreaList{{
	Version: "2026.1", From: NewDate(2026, time.January, 1),
	Areas: []PracticeArea{
		{"front_door", "Front door (contacts, referrals, MASH)"},
		{"early_help", "Early help"},
		{"assessment", "Assessment"},
		{"child_protection", "Child protection"},
		{"children_in_need", "Children in need"},
		{"extra_familial_harm", "Exploitation, missing and extra-familial harm"},
		{"disabled_children", "Disabled children"},
		{"children_in_care", "Children in care"},
		{"permanence", "Permanence and adoption"},
		{"care_leavers", "Care leavers"},
		{"homeless_16_17", "Homeless 16- and 17-year-olds"},
		{"private_fostering", "Private fostering"},
		{"transitions", "Transition to adult services"},
		{"workforce", "Workforce"},
		{"supervision", "Supervision and management oversight"},
		{"quality_assurance", "Quality assurance and performance"},
		{"partnership", "Partnership working"},
		{"leadership", "Leadership"},
	},
}}

// CurrentPracticeAreas returns the version of the list in use now: new
// findings and actions are checked against it.
func CurrentPracticeAreas() PracticeAreaList { return practiceAreaLists[len(practiceAreaLists)-1] }

// Has reports whether the list holds code.
func (l PracticeAreaList) Has(code string) bool {
	return slices.ContainsFunc(l.Areas, func(a PracticeArea) bool { return a.Code == code })
}

// PracticeAreaLabel names a practice area from any version of the list,
// or returns the code itself if none knows it.
func PracticeAreaLabel(code string) string {
	for i := len(practiceAreaLists) - 1; i >= 0; i-- {
		for _, a := range practiceAreaLists[i].Areas {
			if a.Code == code {
				return a.Label
			}
		}
	}
	return code
}

// ActionStatus is where an improvement action has got to, as its owner
// reports it. The RAG rating is derived, never typed (see PlanRAG).
type ActionStatus string

// The statuses of an action.
const (
	StatusNotStarted ActionStatus = "not_started"
	StatusInProgress ActionStatus = "in_progress"
	StatusComplete   ActionStatus = "complete"
	StatusDropped    ActionStatus = "dropped"
)

// ActionStatuses lists the statuses in order.
var ActionStatuses = []ActionStatus{StatusNotStarted, StatusInProgress, StatusComplete, StatusDropped}

// Label names the status.
func (s ActionStatus) Label() string {
	switch s {
	case StatusNotStarted:
		return "Not started"
	case StatusInProgress:
		return "In progress"
	case StatusComplete:
		return "Complete"
	case StatusDropped:
		return "Dropped"
	}
	return string(s)
}

// Valid reports whether s is a known status.
func (s ActionStatus) Valid() bool { return slices.Contains(ActionStatuses, s) }

// Closed reports whether the action is finished with: complete or dropped.
func (s ActionStatus) Closed() bool { return s == StatusComplete || s == StatusDropped }

// ImprovementAction is one action of the improvement plan (the quality and
// development plan): what will be done, its theme, its owner, when it runs,
// its status and the findings it answers.
type ImprovementAction struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Theme  string `json:"theme"` // a practice area code
	// OwnerID is the member of staff answerable for the action. OwnerActive
	// is false once their account is deactivated or has expired: the
	// action is then flagged as unowned.
	OwnerID       int64        `json:"owner_id"`
	OwnerName     string       `json:"owner_name"`
	OwnerActive   bool         `json:"owner_active"`
	Start         Date         `json:"start"`
	Due           Date         `json:"due"`
	Status        ActionStatus `json:"status"`
	DroppedReason string       `json:"dropped_reason"`
	CompletedOn   Date         `json:"completed_on"`
	FindingIDs    []int64      `json:"finding_ids"`
	RecordedByID  int64        `json:"recorded_by_id"`
	CreatedAt     time.Time    `json:"created_at"`
	UpdatedAt     time.Time    `json:"updated_at"`
	Version       int          `json:"version"`
}

// ActionInput records or changes an action. Dates are YYYY-MM-DD.
type ActionInput struct {
	Version    int     `json:"version"`
	Title      string  `json:"title"`
	Detail     string  `json:"detail"`
	Theme      string  `json:"theme"`
	OwnerID    int64   `json:"owner_id"`
	Start      string  `json:"start"`
	Due        string  `json:"due"`
	FindingIDs []int64 `json:"finding_ids"`
}

// ActionStatusInput changes an action's status; dropping needs a reason
// and completing a date (today if none is given).
type ActionStatusInput struct {
	Version     int    `json:"version"`
	Status      string `json:"status"`
	Reason      string `json:"reason"`
	CompletedOn string `json:"completed_on"`
}

// ProgressUpdate is a quarter's report on an action: a narrative and
// either the percentage done or a milestone reached (or both).
type ProgressUpdate struct {
	ID           int64     `json:"id"`
	ActionID     int64     `json:"action_id"`
	Quarter      Quarter   `json:"quarter"`
	Narrative    string    `json:"narrative"`
	Percent      *int      `json:"percent"`
	Milestone    string    `json:"milestone"`
	RecordedByID int64     `json:"recorded_by_id"`
	RecordedBy   string    `json:"recorded_by"`
	CreatedAt    time.Time `json:"created_at"`
}

// ProgressInput records a progress update. Percent is a whole number from
// 0 to 100 or empty; a milestone is free text.
type ProgressInput struct {
	Quarter   string `json:"quarter"`
	Narrative string `json:"narrative"`
	Percent   *int   `json:"percent"`
	Milestone string `json:"milestone"`
}

// Evidence is evidence of an action's progress: a note, a document, or a
// note about a document.
type Evidence struct {
	ID            int64     `json:"id"`
	ActionID      int64     `json:"action_id"`
	Note          string    `json:"note"`
	DocumentID    int64     `json:"document_id"`
	DocumentTitle string    `json:"document_title"`
	RecordedByID  int64     `json:"recorded_by_id"`
	RecordedBy    string    `json:"recorded_by"`
	CreatedAt     time.Time `json:"created_at"`
}

// EvidenceInput records a note of evidence.
type EvidenceInput struct {
	Note string `json:"note"`
}

// PlanRAG is an action's rating, derived from its dates, status and
// progress by one rule (app.RateAction), never typed by hand.
type PlanRAG string

// The ratings.
const (
	PlanBlue  PlanRAG = "blue"  // complete
	PlanRed   PlanRAG = "red"   // past its due date and not complete
	PlanAmber PlanRAG = "amber" // no recent update, or progress behind time
	PlanGreen PlanRAG = "green" // on track
	PlanGrey  PlanRAG = "grey"  // dropped: not rated
)

// Label names the rating.
func (r PlanRAG) Label() string {
	switch r {
	case PlanBlue:
		return "Complete"
	case PlanRed:
		return "Red"
	case PlanAmber:
		return "Amber"
	case PlanGreen:
		return "Green"
	case PlanGrey:
		return "Dropped"
	}
	return string(r)
}

// SelfEvaluation is the authority's annual self-evaluation of the quality
// and impact of social work practice (OF-04), kept as numbered versions.
type SelfEvaluation struct {
	ID          int64     `json:"id"`
	Title       string    `json:"title"`
	CreatedByID int64     `json:"created_by_id"`
	CreatedAt   time.Time `json:"created_at"`
	Latest      int       `json:"latest_version"`
	LatestAt    time.Time `json:"latest_saved_at"`
}

// SelfEvaluationVersion is one saved version: the three questions' answers
// and the findings and actions it refers to. Versions are never changed.
type SelfEvaluationVersion struct {
	ID               int64     `json:"id"`
	SelfEvaluationID int64     `json:"self_evaluation_id"`
	Number           int       `json:"number"`
	Know             string    `json:"what_do_we_know"`
	How              string    `json:"how_do_we_know"`
	Doing            string    `json:"what_are_we_doing"`
	FindingIDs       []int64   `json:"finding_ids"`
	ActionIDs        []int64   `json:"action_ids"`
	Note             string    `json:"note"`
	SavedByID        int64     `json:"saved_by_id"`
	SavedBy          string    `json:"saved_by"`
	SavedAt          time.Time `json:"saved_at"`
}

// SelfEvaluationInput saves a version. BaseVersion is the version the
// author started from (0 for a new self-evaluation): if someone has saved
// since, the save is a Conflict rather than a silent overwrite.
type SelfEvaluationInput struct {
	Title       string  `json:"title"`
	BaseVersion int     `json:"base_version"`
	Know        string  `json:"what_do_we_know"`
	How         string  `json:"how_do_we_know"`
	Doing       string  `json:"what_are_we_doing"`
	FindingIDs  []int64 `json:"finding_ids"`
	ActionIDs   []int64 `json:"action_ids"`
	Note        string  `json:"note"`
}
