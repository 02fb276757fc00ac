package csc

import (
	"slices"
	"strconv"
	"time"
)

// CaseworkTx stores child in need plans, case notes and visits, manual
// chronology entries and case summaries.
type CaseworkTx interface {
	// CreateCINPlan starts a plan; FindOpenCINPlan returns the child's open
	// plan, NotFound when there is none.
	CreateCINPlan(p *CINPlan) error
	// UpdateCINPlan saves the plan's end if its version is current.
	UpdateCINPlan(p *CINPlan) error
	FindCINPlanByID(id int64) (*CINPlan, error)
	FindOpenCINPlan(childID int64) (*CINPlan, error)
	// ListCINPlans returns a child's plans, newest first, without their
	// actions and reviews.
	ListCINPlans(childID int64) ([]CINPlan, error)
	CreateCINAction(a *CINAction) error
	UpdateCINAction(a *CINAction) error
	FindCINActionByID(id int64) (*CINAction, error)
	CreateCINReview(r *CINReview) error

	CreateVisit(v *Visit) error
	FindVisitByID(id int64) (*Visit, error)
	// FindVisits returns a child's visits and case notes, newest first.
	FindVisits(q VisitQuery) ([]Visit, error)

	// ChronologyEvents returns a child's timeline events of the given
	// significant kinds and those with an override, oldest first, with their
	// overrides, in [from, to) (zero instants for no bound).
	ChronologyEvents(childID int64, kinds []string, from, to time.Time) ([]ChronologyEntry, error)
	// ChronologyManual returns a child's manual entries dated in [from, to]
	// (zero dates for no bound), oldest first.
	ChronologyManual(childID int64, from, to Date) ([]ChronologyEntry, error)
	CreateChronologyEntry(e *ChronologyManualEntry) error
	UpdateChronologyEntry(e *ChronologyManualEntry) error
	FindChronologyEntryByID(id int64) (*ChronologyManualEntry, error)
	// SaveChronologyOverride creates an override (Version 0) or updates it
	// if its version is current.
	SaveChronologyOverride(o *ChronologyOverride) error
	FindChronologyOverride(eventID int64) (*ChronologyOverride, error)
	FindEventByID(id int64) (*Event, error)
	// LatestSignificant is the instant of the child's newest significant
	// chronology entry (timeline event or manual entry at StepTime of its
	// date), zero when there is none.
	LatestSignificant(childID int64, kinds []string) (time.Time, error)

	// CreateCaseSummary adds a new version of the child's case summary; its
	// Seq must be one more than the current one's, else Conflict.
	CreateCaseSummary(s *CaseSummary) error
	// ListCaseSummaries returns the versions of a child's summary, newest first.
	ListCaseSummaries(childID int64, limit int) ([]CaseSummary, error)
}

// Plan kinds a visit is made under.
const (
	PlanKindCIN = "cin"
	PlanKindCP  = "cp"
)

// CINPlan is a child in need plan under a referral (the CIN episode).
type CINPlan struct {
	ID          int64       `json:"id"`
	ChildID     int64       `json:"child_id"`
	ReferralID  int64       `json:"referral_id"`
	StartDate   Date        `json:"start_date"`
	EndDate     Date        `json:"end_date"`
	EndReason   string      `json:"end_reason"`
	StartedByID int64       `json:"started_by_id"`
	StartedBy   string      `json:"started_by"`
	Actions     []CINAction `json:"actions"`
	Reviews     []CINReview `json:"reviews"`
	CreatedAt   time.Time   `json:"created_at"`
	Version     int         `json:"version"`
}

// Open reports whether the plan has not ended.
func (p *CINPlan) Open() bool { return p.EndDate.IsZero() }

// CINAction is one specific, time-bound action on a plan.
type CINAction struct {
	ID      int64  `json:"id"`
	PlanID  int64  `json:"plan_id"`
	ChildID int64  `json:"child_id"`
	What    string `json:"what"`
	Who     string `json:"who"`
	Due     Date   `json:"due"`
	Done    Date   `json:"done"`
	Version int    `json:"version"`
}

// Overdue reports whether the action is not done and past its date.
func (a CINAction) Overdue(today Date) bool { return a.Done.IsZero() && a.Due.Before(today) }

// CINReview is a review of a child in need plan.
type CINReview struct {
	ID           int64     `json:"id"`
	PlanID       int64     `json:"plan_id"`
	ChildID      int64     `json:"child_id"`
	Date         Date      `json:"date"`
	Attendance   string    `json:"attendance"`
	Outcome      string    `json:"outcome"`
	Notes        string    `json:"notes"`
	RecordedByID int64     `json:"recorded_by_id"`
	RecordedBy   string    `json:"recorded_by"`
	CreatedAt    time.Time `json:"created_at"`
}

// Labelled is a code with its label, for the short fixed lists of casework.
type Labelled struct{ Code, Label string }

// labelOf finds the label of code in list, or returns the code.
func labelOf(list []Labelled, code string) string {
	for _, l := range list {
		if l.Code == code {
			return l.Label
		}
	}
	return code
}

// codesOf lists the codes of a list.
func codesOf(list []Labelled) []string {
	out := make([]string, len(list))
	for i, l := range list {
		out[i] = l.Code
	}
	return out
}

// CINReviewOutcomes are what a child in need review decides.
var CINReviewOutcomes = []Labelled{
	{"continue", "Continue the plan"},
	{"step-up", "Step up to child protection"},
	{"step-down", "Step down to early help"},
	{"close", "Close: the child no longer needs a plan"},
}

// CINPlanEndReasons are why a child in need plan ends.
var CINPlanEndReasons = []Labelled{
	{"step-up", "Stepped up to a child protection plan"},
	{"step-down", "Stepped down to early help"},
	{"needs-met", "Needs met: no further social care involvement"},
	{"looked-after", "The child became looked after"},
	{"moved", "The child moved to another authority"},
	{"other", "Other"},
}

// CINReviewOutcomeLabel names a review outcome.
func CINReviewOutcomeLabel(code string) string { return labelOf(CINReviewOutcomes, code) }

// CINPlanEndReasonLabel names an end reason.
func CINPlanEndReasonLabel(code string) string { return labelOf(CINPlanEndReasons, code) }

// ValidCINReviewOutcome and ValidCINPlanEndReason check codes.
func ValidCINReviewOutcome(code string) bool {
	return slices.Contains(codesOf(CINReviewOutcomes), code)
}

// ValidCINPlanEndReason reports whether code is an end reason.
func ValidCINPlanEndReason(code string) bool {
	return slices.Contains(codesOf(CINPlanEndReasons), code)
}

// CINPlanInput starts a child in need plan.
type CINPlanInput struct {
	ReferralID int64  `json:"referral_id"`
	StartDate  string `json:"start_date"`
}

// CINPlanEndInput ends a plan.
type CINPlanEndInput struct {
	Version   int    `json:"version"`
	EndDate   string `json:"end_date"`
	EndReason string `json:"end_reason"`
}

// CINActionInput adds an action to a plan or, with ID and Version, changes
// one (most often to mark it done).
type CINActionInput struct {
	Version int    `json:"version"`
	What    string `json:"what"`
	Who     string `json:"who"`
	Due     string `json:"due"`
	Done    string `json:"done"`
}

// CINReviewInput records a review of a plan.
type CINReviewInput struct {
	Date       string `json:"date"`
	Attendance string `json:"attendance"`
	Outcome    string `json:"outcome"`
	Notes      string `json:"notes"`
}

// Visit types. A visit of the statutory kind under a plan moves the plan's
// visit clock when the child was seen.
const (
	VisitStatutory = "statutory-visit"
	VisitOther     = "visit"
	VisitDirect    = "direct-work"
	VisitPhone     = "phone-call"
	VisitMeeting   = "meeting"
	VisitCaseNote  = "case-note"
)

// VisitTypes are the kinds of visit, direct work and case note.
var VisitTypes = []Labelled{
	{VisitStatutory, "Statutory visit"},
	{VisitOther, "Other visit"},
	{VisitDirect, "Direct work with the child"},
	{VisitPhone, "Phone or video call"},
	{VisitMeeting, "Meeting"},
	{VisitCaseNote, "Case note"},
}

// VisitTypeLabel names a visit type.
func VisitTypeLabel(code string) string { return labelOf(VisitTypes, code) }

// IsVisitType reports whether the type is a visit to the child (the child
// may be seen), as opposed to a note, call or meeting.
func IsVisitType(code string) bool {
	return code == VisitStatutory || code == VisitOther || code == VisitDirect
}

// Visit is a visit to the child, a piece of direct work or a case note: one
// model, with the parts that apply to its type.
type Visit struct {
	ID             int64     `json:"id"`
	ChildID        int64     `json:"child_id"`
	At             time.Time `json:"at"`
	Type           string    `json:"type"`
	PlanKind       string    `json:"plan_kind"` // "", "cin" or "cp"
	PlanID         int64     `json:"plan_id"`
	ChildSeen      bool      `json:"child_seen"`
	SeenAlone      bool      `json:"seen_alone"`
	NotAloneReason string    `json:"not_alone_reason"`
	BedroomSeen    string    `json:"bedroom_seen"` // "yes", "no" or "" (not recorded)
	BabyAwake      string    `json:"baby_seen_awake"`
	Present        string    `json:"present"`
	Announced      string    `json:"announced"` // "announced", "unannounced" or ""
	WishesFeelings string    `json:"wishes_feelings"`
	Observations   string    `json:"observations"`
	Analysis       string    `json:"analysis"`
	RecordedByID   int64     `json:"recorded_by_id"`
	RecordedBy     string    `json:"recorded_by"`
	CreatedAt      time.Time `json:"created_at"`
}

// CountsAsVisit reports whether the visit meets a plan's visit timescale:
// a statutory visit at which the child was seen.
func (v *Visit) CountsAsVisit() bool { return v.Type == VisitStatutory && v.ChildSeen }

// VisitInput records a visit or case note. Yes/no answers are "yes", "no"
// or "" (not answered); Plan is "cin:12", "cp:7" or "".
type VisitInput struct {
	At             string `json:"at"`
	Type           string `json:"type"`
	Plan           string `json:"plan"`
	ChildSeen      string `json:"child_seen"`
	SeenAlone      string `json:"seen_alone"`
	NotAloneReason string `json:"not_alone_reason"`
	BedroomSeen    string `json:"bedroom_seen"`
	BabyAwake      string `json:"baby_seen_awake"`
	Present        string `json:"present"`
	Announced      string `json:"announced"`
	WishesFeelings string `json:"wishes_feelings"`
	Observations   string `json:"observations"`
	Analysis       string `json:"analysis"`
}

// VisitQuery selects a child's visits and notes.
type VisitQuery struct {
	ChildID  int64
	PlanKind string
	PlanID   int64
	Limit    int
}

// ChronologyEntry is one line of a child's chronology: a timeline event of
// a significant kind (or one marked significant), or a manual entry.
type ChronologyEntry struct {
	ChildID     int64     `json:"child_id"`
	ChildName   string    `json:"child_name,omitempty"` // set in a merged sibling chronology
	EventID     int64     `json:"event_id,omitempty"`   // the timeline event; 0 for a manual entry
	EntryID     int64     `json:"entry_id,omitempty"`   // the manual entry; 0 for an event
	Kind        string    `json:"kind"`                 // the event kind, or "manual"
	At          time.Time `json:"at"`
	Date        Date      `json:"date"`
	What        string    `json:"what"`
	Source      string    `json:"source"`
	By          string    `json:"by"`
	Significant bool      `json:"significant"`
	Impact      string    `json:"impact"`
	Version     int       `json:"version"` // of the override or manual entry; 0 when none yet
}

// Anchor names the entry on a chronology page: "entry-N" for a manual
// entry, "event-N" for a timeline event.
func (e ChronologyEntry) Anchor() string {
	if e.EntryID != 0 {
		return "entry-" + strconv.FormatInt(e.EntryID, 10)
	}
	return "event-" + strconv.FormatInt(e.EventID, 10)
}

// KindManual is the chronology kind of a manual entry.
const KindManual = "manual"

// ChronologyManualEntry is an entry added to a chronology by hand.
type ChronologyManualEntry struct {
	ID           int64     `json:"id"`
	ChildID      int64     `json:"child_id"`
	Date         Date      `json:"date"`
	What         string    `json:"what"`
	Source       string    `json:"source"`
	Significant  bool      `json:"significant"`
	Impact       string    `json:"impact"`
	RecordedByID int64     `json:"recorded_by_id"`
	RecordedBy   string    `json:"recorded_by"`
	CreatedAt    time.Time `json:"created_at"`
	Version      int       `json:"version"`
}

// ChronologyOverride marks a timeline event significant or not and gives it
// an impact note.
type ChronologyOverride struct {
	EventID     int64  `json:"event_id"`
	ChildID     int64  `json:"child_id"`
	Significant bool   `json:"significant"`
	Impact      string `json:"impact"`
	StaffID     int64  `json:"staff_id"`
	Version     int    `json:"version"`
}

// ChronologyEntryInput adds a manual entry or, with Version, changes one.
type ChronologyEntryInput struct {
	Version     int    `json:"version"`
	Date        string `json:"date"`
	What        string `json:"what"`
	Source      string `json:"source"`
	Significant bool   `json:"significant"`
	Impact      string `json:"impact"`
}

// ChronologyMarkInput marks a timeline event in the chronology.
type ChronologyMarkInput struct {
	Version     int    `json:"version"`
	Significant bool   `json:"significant"`
	Impact      string `json:"impact"`
}

// ChronologyQuery filters a chronology. Kind is an event kind, "manual" or
// ""; Significance is "significant", "other" or "" (all); From and To are
// dates (inclusive) as entered, or ""; Siblings are further children whose
// chronologies are merged in.
type ChronologyQuery struct {
	Kind         string
	Significance string
	From, To     string
	Siblings     []int64
}

// CaseSummary is one version of a child's case summary.
type CaseSummary struct {
	ID        int64     `json:"id"`
	ChildID   int64     `json:"child_id"`
	Seq       int       `json:"seq"`
	Text      string    `json:"text"`
	WrittenBy string    `json:"written_by"`
	WriterID  int64     `json:"written_by_id"`
	WrittenAt time.Time `json:"written_at"`
}

// CaseSummaryInput writes a new version of the summary. Version is the Seq
// of the version the writer read (0 when there was none).
type CaseSummaryInput struct {
	Version int    `json:"version"`
	Text    string `json:"text"`
}
