package csc

import (
	"slices"
	"time"
)

// ImprovementTx stores the inspection register and its findings, the
// improvement plan (actions, progress updates, evidence), the annual
// self-evaluation and the documents the area holds. None of it is a
// child's record. Finders return NotFound for a missing record; updates
// take the version read and return Conflict when it is stale.
type ImprovementTx interface {
	// CreateImprovementDocument stores a document with its content; Size is
	// set from the content.
	CreateImprovementDocument(d *ImprovementDocument) error
	// FindImprovementDocument returns a document with its content and text.
	FindImprovementDocument(id int64) (*ImprovementDocument, error)
	// ListImprovementDocuments returns the documents of one subject, oldest
	// first, without their content or text.
	ListImprovementDocuments(subjectType string, subjectID int64) ([]ImprovementDocument, error)

	// CreateInspection stores an inspection with its judgements.
	CreateInspection(i *Inspection) error
	// UpdateInspection saves an inspection's details and replaces its
	// judgements.
	UpdateInspection(i *Inspection) error
	// FindInspectionByID returns an inspection with its judgements and
	// letter text.
	FindInspectionByID(id int64) (*Inspection, error)
	// ListInspections returns every inspection with its judgements, newest
	// first (by first day on site, else notice date), without letter text.
	ListInspections() ([]Inspection, error)

	// CreateFindings stores findings of one inspection, numbering them
	// after the inspection's last.
	CreateFindings(fs []Finding) error
	UpdateFinding(f *Finding) error
	FindFindingByID(id int64) (*Finding, error)
	// ListFindings returns the findings of one inspection (or of all when
	// inspectionID is 0), in inspection and letter order, each with the ids
	// of the actions linked to it.
	ListFindings(inspectionID int64) ([]Finding, error)

	// CreateImprovementAction stores an action and its links to findings.
	CreateImprovementAction(a *ImprovementAction) error
	// UpdateImprovementAction saves an action and replaces its links.
	UpdateImprovementAction(a *ImprovementAction) error
	FindImprovementActionByID(id int64) (*ImprovementAction, error)
	// ListImprovementActions returns every action, by theme and due date,
	// with its owner's name and status and its linked findings.
	ListImprovementActions() ([]ImprovementAction, error)
	CreateProgressUpdate(u *ProgressUpdate) error
	// ListProgressUpdates returns one action's updates (every action's when
	// actionID is 0) by action, quarter and time recorded.
	ListProgressUpdates(actionID int64) ([]ProgressUpdate, error)
	CreateEvidence(e *Evidence) error
	// ListEvidence returns an action's evidence, oldest first.
	ListEvidence(actionID int64) ([]Evidence, error)

	CreateSelfEvaluation(s *SelfEvaluation) error
	FindSelfEvaluationByID(id int64) (*SelfEvaluation, error)
	// ListSelfEvaluations returns every self-evaluation, newest first, with
	// its latest version number and when it was saved.
	ListSelfEvaluations() ([]SelfEvaluation, error)
	// CreateSelfEvaluationVersion stores a new version; a number already
	// used is a Conflict (someone else saved first).
	CreateSelfEvaluationVersion(v *SelfEvaluationVersion) error
	// ListSelfEvaluationVersions returns the versions, oldest first.
	ListSelfEvaluationVersions(selfEvaluationID int64) ([]SelfEvaluationVersion, error)
}

// ImprovementDocument is a PDF held by the improvement area: an
// inspection's published letter, evidence of an action's progress, a
// board report. Subject says what it belongs to.
type ImprovementDocument struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"` // DocInspectionLetter, DocEvidence, ...
	SubjectType string    `json:"subject_type"`
	SubjectID   int64     `json:"subject_id"`
	Title       string    `json:"title"`
	Filename    string    `json:"filename"`
	MediaType   string    `json:"media_type"`
	Size        int       `json:"size"`
	SHA256      string    `json:"sha256"`
	Pages       int       `json:"pages"`
	Content     []byte    `json:"-"`
	Text        string    `json:"-"` // the text read from the PDF, if any
	CreatedAt   time.Time `json:"created_at"`
	CreatedByID int64     `json:"created_by_id"`
	CreatedBy   string    `json:"created_by"`
}

// Kinds of improvement document, and the subjects they belong to.
const (
	DocInspectionLetter = "inspection_letter"
	DocEvidence         = "evidence"

	SubjectInspection = "inspection"
	SubjectAction     = "improvement_action"
)

// InspectionKind is the sort of inspection or visit.
type InspectionKind string

// The kinds of inspection activity under ILACS (OF-06 to OF-09, OF-05).
const (
	InspStandard         InspectionKind = "standard"
	InspShort            InspectionKind = "short"
	InspFocusedVisit     InspectionKind = "focused_visit"
	InspMonitoringVisit  InspectionKind = "monitoring_visit"
	InspJTAI             InspectionKind = "jtai"
	InspAnnualEngagement InspectionKind = "annual_engagement"
)

// InspectionKinds lists the kinds in the order forms show them.
var InspectionKinds = []InspectionKind{InspStandard, InspShort, InspFocusedVisit, InspMonitoringVisit,
	InspJTAI, InspAnnualEngagement}

// Label names the kind as inspectors and boards do.
func (k InspectionKind) Label() string {
	switch k {
	case InspStandard:
		return "Standard inspection"
	case InspShort:
		return "Short inspection"
	case InspFocusedVisit:
		return "Focused visit"
	case InspMonitoringVisit:
		return "Monitoring visit"
	case InspJTAI:
		return "Joint targeted area inspection"
	case InspAnnualEngagement:
		return "Annual engagement meeting"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k InspectionKind) Valid() bool { return slices.Contains(InspectionKinds, k) }

// Graded reports whether inspections of this kind give graded judgements.
// Only full inspections do: focused and monitoring visits and JTAIs end in
// a published letter with no grade (OF-07, OF-08, OF-09), and the annual
// engagement meeting is a conversation about the self-evaluation (OF-05).
func (k InspectionKind) Graded() bool { return k == InspStandard || k == InspShort }

// Judgement names one graded judgement of a full inspection.
type Judgement string

// The judgements of an ILACS inspection (OF-02).
const (
	JudgeOverall           Judgement = "overall_effectiveness"
	JudgeHelpAndProtection Judgement = "help_and_protection"
	JudgeChildrenInCare    Judgement = "children_in_care"
	JudgeCareLeavers       Judgement = "care_leavers"
	JudgeLeaders           Judgement = "leaders"
)

// Judgements lists the judgements in the order reports give them.
var Judgements = []Judgement{JudgeOverall, JudgeHelpAndProtection, JudgeChildrenInCare, JudgeCareLeavers, JudgeLeaders}

// Label names the judgement.
func (j Judgement) Label() string {
	switch j {
	case JudgeOverall:
		return "Overall effectiveness"
	case JudgeHelpAndProtection:
		return "Experiences and progress of children who need help and protection"
	case JudgeChildrenInCare:
		return "Experiences and progress of children in care"
	case JudgeCareLeavers:
		return "Experiences and progress of care leavers"
	case JudgeLeaders:
		return "Impact of leaders on social work practice with children and families"
	}
	return string(j)
}

// Short is the judgement's name in a table heading.
func (j Judgement) Short() string {
	switch j {
	case JudgeOverall:
		return "Overall effectiveness"
	case JudgeHelpAndProtection:
		return "Help and protection"
	case JudgeChildrenInCare:
		return "Children in care"
	case JudgeCareLeavers:
		return "Care leavers"
	case JudgeLeaders:
		return "Leaders"
	}
	return string(j)
}

// Valid reports whether j is a known judgement.
func (j Judgement) Valid() bool { return slices.Contains(Judgements, j) }

// OverallEffectivenessWithdrawn is the first day on which Ofsted no longer
// gives the overall effectiveness judgement: an inspection starting on or
// after it is graded on the other four judgements only (OF-03).
var OverallEffectivenessWithdrawn = NewDate(2026, time.April, 1)

// Grade is Ofsted's four-point scale.
type Grade string

// The grades, best first.
const (
	GradeOutstanding         Grade = "outstanding"
	GradeGood                Grade = "good"
	GradeRequiresImprovement Grade = "requires_improvement"
	GradeInadequate          Grade = "inadequate"
)

// Grades lists the grades, best first.
var Grades = []Grade{GradeOutstanding, GradeGood, GradeRequiresImprovement, GradeInadequate}

// Label names the grade as a report does.
func (g Grade) Label() string {
	switch g {
	case GradeOutstanding:
		return "Outstanding"
	case GradeGood:
		return "Good"
	case GradeRequiresImprovement:
		return "Requires improvement to be good"
	case GradeInadequate:
		return "Inadequate"
	}
	return string(g)
}

// Rank is 1 for outstanding to 4 for inadequate, 0 for no grade.
func (g Grade) Rank() int { return slices.Index(Grades, g) + 1 }

// Valid reports whether g is a known grade.
func (g Grade) Valid() bool { return slices.Contains(Grades, g) }

// JudgementGrade is one judgement of an inspection and its grade.
type JudgementGrade struct {
	Judgement Judgement `json:"judgement"`
	Grade     Grade     `json:"grade"`
}

// Inspection is one inspection or visit in the register: its kind, dates,
// inspectors and focus, the published letter (a PDF and its text) and, for
// a graded inspection, its judgements.
type Inspection struct {
	ID          int64          `json:"id"`
	Kind        InspectionKind `json:"kind"`
	NoticeDate  Date           `json:"notice_date"`
	OnSiteStart Date           `json:"onsite_start"`
	OnSiteEnd   Date           `json:"onsite_end"`
	Published   Date           `json:"published"`
	Inspectors  string         `json:"inspectors"`
	Focus       string         `json:"focus"`
	// LetterDocumentID is the published letter's PDF, 0 if none is held.
	LetterDocumentID int64 `json:"letter_document_id"`
	// LetterText is the letter's text, pasted or read from the PDF; its
	// source is LetterPasted or LetterExtracted ("" when there is none).
	LetterText       string           `json:"letter_text"`
	LetterTextSource string           `json:"letter_text_source"`
	Judgements       []JudgementGrade `json:"judgements"`
	RecordedByID     int64            `json:"recorded_by_id"`
	RecordedBy       string           `json:"recorded_by"`
	CreatedAt        time.Time        `json:"created_at"`
	UpdatedAt        time.Time        `json:"updated_at"`
	Version          int              `json:"version"`
}

// Where an inspection's letter text came from.
const (
	LetterPasted    = "pasted"
	LetterExtracted = "extracted"
)

// Date is the date the inspection is known by: its first day on site, or
// the notice date when the dates on site are not recorded.
func (i *Inspection) Date() Date {
	if !i.OnSiteStart.IsZero() {
		return i.OnSiteStart
	}
	return i.NoticeDate
}

// Grade returns the grade of a judgement, "" when not graded.
func (i *Inspection) Grade(j Judgement) Grade {
	for _, g := range i.Judgements {
		if g.Judgement == j {
			return g.Grade
		}
	}
	return ""
}

// Title names the inspection in lists: "Focused visit, 21 August 2019".
func (i *Inspection) Title() string {
	if d := i.Date(); !d.IsZero() {
		return i.Kind.Label() + ", " + d.Long()
	}
	return i.Kind.Label()
}

// InspectionInput records or changes an inspection. Dates are YYYY-MM-DD;
// Grades maps a judgement to its grade, an empty grade meaning none.
type InspectionInput struct {
	Version     int                  `json:"version"`
	Kind        string               `json:"kind"`
	NoticeDate  string               `json:"notice_date"`
	OnSiteStart string               `json:"onsite_start"`
	OnSiteEnd   string               `json:"onsite_end"`
	Published   string               `json:"published"`
	Inspectors  string               `json:"inspectors"`
	Focus       string               `json:"focus"`
	LetterText  string               `json:"letter_text"`
	Grades      map[Judgement]string `json:"grades"`
}

// FindingKind is what sort of finding an inspection letter makes.
type FindingKind string

// The kinds of finding (OF-07): what is working well, what needs to
// improve, areas for priority action, and a full inspection's
// recommendations.
const (
	FindingStrength       FindingKind = "strength"
	FindingImprovement    FindingKind = "improvement"
	FindingPriorityAction FindingKind = "priority_action"
	FindingRecommendation FindingKind = "recommendation"
)

// FindingKinds lists the kinds, in the order a letter gives them.
var FindingKinds = []FindingKind{FindingStrength, FindingImprovement, FindingPriorityAction, FindingRecommendation}

// Label names the kind.
func (k FindingKind) Label() string {
	switch k {
	case FindingStrength:
		return "Strength"
	case FindingImprovement:
		return "Area for improvement"
	case FindingPriorityAction:
		return "Area for priority action"
	case FindingRecommendation:
		return "Recommendation"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k FindingKind) Valid() bool { return slices.Contains(FindingKinds, k) }

// NeedsAction reports whether a finding of this kind should be answered
// by at least one action in the improvement plan: everything except a
// strength.
func (k FindingKind) NeedsAction() bool { return k != FindingStrength }

// Finding is one finding of an inspection, with the practice areas it is
// about (codes from the list AreaVersion names) and the actions that
// answer it.
type Finding struct {
	ID           int64       `json:"id"`
	InspectionID int64       `json:"inspection_id"`
	Seq          int         `json:"seq"`
	Kind         FindingKind `json:"kind"`
	Text         string      `json:"text"`
	Areas        []string    `json:"areas"`
	AreaVersion  string      `json:"area_version"`
	ActionIDs    []int64     `json:"action_ids"`
	RecordedByID int64       `json:"recorded_by_id"`
	CreatedAt    time.Time   `json:"created_at"`
	Version      int         `json:"version"`
}

// FindingInput is one finding to record or change.
type FindingInput struct {
	Version int      `json:"version,omitempty"`
	Kind    string   `json:"kind"`
	Text    string   `json:"text"`
	Areas   []string `json:"areas"`
}

// FindingsInput records several findings of one inspection together: all
// are saved or none is.
type FindingsInput struct {
	Findings []FindingInput `json:"findings"`
}
