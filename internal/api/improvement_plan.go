package api

import (
	"net/http"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// ratingJSON is an action's derived rating and the reasons for it.
type ratingJSON struct {
	RAG               string   `json:"rag"`
	Label             string   `json:"label"`
	Reasons           []string `json:"reasons"`
	ElapsedPercent    int      `json:"elapsed_percent"`
	ProgressPercent   *int     `json:"progress_percent"`
	LastUpdateQuarter *string  `json:"last_update_quarter"`
}

func ratingOf(r app.Rating) ratingJSON {
	out := ratingJSON{RAG: string(r.RAG), Label: r.RAG.Label(), Reasons: nonNil(r.Reasons), ElapsedPercent: r.Elapsed,
		ProgressPercent: r.Progress}
	if !r.LastUpdate.IsZero() {
		q := r.LastUpdate.String()
		out.LastUpdateQuarter = &q
	}
	return out
}

// progressJSON is a quarter's progress update on an action.
type progressJSON struct {
	ID           int64  `json:"id"`
	ActionID     int64  `json:"action_id"`
	Quarter      string `json:"quarter"`
	QuarterLabel string `json:"quarter_label"`
	Narrative    string `json:"narrative"`
	Percent      *int   `json:"percent"`
	Milestone    string `json:"milestone"`
	RecordedBy   string `json:"recorded_by"`
	CreatedAt    string `json:"created_at"`
}

func progressOf(u *csc.ProgressUpdate) progressJSON {
	return progressJSON{ID: u.ID, ActionID: u.ActionID, Quarter: u.Quarter.String(), QuarterLabel: u.Quarter.Label(),
		Narrative: u.Narrative, Percent: u.Percent, Milestone: u.Milestone, RecordedBy: u.RecordedBy, CreatedAt: instant(u.CreatedAt)}
}

// actionJSON is an action of the improvement plan with its rating.
type actionJSON struct {
	ID            int64         `json:"id"`
	Title         string        `json:"title"`
	Detail        string        `json:"detail"`
	Theme         string        `json:"theme"`
	ThemeLabel    string        `json:"theme_label"`
	OwnerID       int64         `json:"owner_id"`
	OwnerName     string        `json:"owner_name"`
	OwnerActive   bool          `json:"owner_active"`
	Start         string        `json:"start"`
	Due           string        `json:"due"`
	Status        string        `json:"status"`
	DroppedReason string        `json:"dropped_reason"`
	CompletedOn   *string       `json:"completed_on"`
	FindingIDs    []int64       `json:"finding_ids"`
	Rating        ratingJSON    `json:"rating"`
	Overdue       bool          `json:"overdue"`
	Unowned       bool          `json:"unowned"`
	LatestUpdate  *progressJSON `json:"latest_update"`
	Version       int           `json:"version"`
	URL           string        `json:"url"`
}

func actionOf(r *app.ActionRow) actionJSON {
	out := actionJSON{ID: r.ID, Title: r.Title, Detail: r.Detail, Theme: r.Theme, ThemeLabel: csc.PracticeAreaLabel(r.Theme),
		OwnerID: r.OwnerID, OwnerName: r.OwnerName, OwnerActive: r.OwnerActive, Start: r.Start.String(), Due: r.Due.String(),
		Status: string(r.Status), DroppedReason: r.DroppedReason, CompletedOn: date(r.CompletedOn), FindingIDs: nonNil(r.FindingIDs),
		Rating: ratingOf(r.Rating), Overdue: r.Overdue(), Unowned: r.Unowned(), Version: r.Version,
		URL: link("improvement/actions", r.ID)}
	if r.Latest != nil {
		u := progressOf(r.Latest)
		out.LatestUpdate = &u
	}
	return out
}

// themeJSON is the actions of one theme.
type themeJSON struct {
	Code    string       `json:"code"`
	Label   string       `json:"label"`
	Actions []actionJSON `json:"actions"`
}

// planJSON is the improvement plan as at one day, with its flags.
type planJSON struct {
	AsOf       string         `json:"as_of"`
	Quarter    string         `json:"quarter"`
	Total      int            `json:"total"`
	Counts     map[string]int `json:"counts"`
	Themes     []themeJSON    `json:"themes"`
	Overdue    []actionJSON   `json:"overdue"`
	Unowned    []actionJSON   `json:"unowned"`
	Unanswered []findingJSON  `json:"unanswered_findings"`
}

// ragCounts counts actions by rating, every rating present.
func ragCounts(m map[csc.PlanRAG]int) map[string]int {
	out := map[string]int{}
	for _, r := range []csc.PlanRAG{csc.PlanRed, csc.PlanAmber, csc.PlanGreen, csc.PlanBlue, csc.PlanGrey} {
		out[string(r)] = m[r]
	}
	return out
}

func (s *server) improvementPlan(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	p, err := s.app.ImprovementPlan(r.Context(), actor)
	if err != nil {
		return err
	}
	out := planJSON{AsOf: p.AsOf.String(), Quarter: p.Quarter.String(), Total: p.Total, Counts: ragCounts(p.Counts),
		Themes: list(p.Themes, func(t *app.ThemeGroup) themeJSON {
			return themeJSON{Code: t.Code, Label: t.Label, Actions: list(t.Actions, actionOf)}
		}), Overdue: list(p.Overdue, actionOf), Unowned: list(p.Unowned, actionOf),
		Unanswered: list(p.Unanswered, func(f *app.FindingRef) findingJSON { return findingOf(&f.Finding) })}
	return writeJSON(w, http.StatusOK, out)
}

// summaryJSON is the improvement area at a glance.
type summaryJSON struct {
	LatestInspection *inspectionJSON `json:"latest_inspection"`
	Actions          int             `json:"actions"`
	Counts           map[string]int  `json:"counts"`
	Overdue          int             `json:"overdue"`
	Unowned          int             `json:"unowned"`
	Unanswered       int             `json:"unanswered_findings"`
}

func (s *server) improvementSummary(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ins, err := s.app.Inspections(r.Context(), actor)
	if err != nil {
		return err
	}
	p, err := s.app.ImprovementPlan(r.Context(), actor)
	if err != nil {
		return err
	}
	out := summaryJSON{Actions: p.Total, Counts: ragCounts(p.Counts), Overdue: len(p.Overdue), Unowned: len(p.Unowned),
		Unanswered: len(p.Unanswered)}
	if len(ins) > 0 {
		l := inspectionOf(&ins[0])
		out.LatestInspection = &l
	}
	return writeJSON(w, http.StatusOK, out)
}

// evidenceJSON is evidence of an action's progress.
type evidenceJSON struct {
	ID            int64   `json:"id"`
	ActionID      int64   `json:"action_id"`
	Note          string  `json:"note"`
	DocumentID    *int64  `json:"document_id"`
	DocumentTitle string  `json:"document_title"`
	DocumentURL   *string `json:"document_url"`
	RecordedBy    string  `json:"recorded_by"`
	CreatedAt     string  `json:"created_at"`
}

func evidenceOf(e *csc.Evidence) evidenceJSON {
	return evidenceJSON{ID: e.ID, ActionID: e.ActionID, Note: e.Note, DocumentID: ref(e.DocumentID), DocumentTitle: e.DocumentTitle,
		DocumentURL: optLink("improvement/documents", e.DocumentID), RecordedBy: e.RecordedBy, CreatedAt: instant(e.CreatedAt)}
}

// actionDetailJSON is an action with everything recorded about it.
type actionDetailJSON struct {
	actionJSON
	Findings []findingJSON  `json:"findings"`
	Updates  []progressJSON `json:"updates"`
	Evidence []evidenceJSON `json:"evidence"`
}

func (s *server) improvementAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.ImprovementActionView(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, actionDetailJSON{actionJSON: actionOf(&v.ActionRow),
		Findings: list(v.Findings, func(f *app.FindingRef) findingJSON { return findingOf(&f.Finding) }),
		Updates:  list(v.Updates, progressOf), Evidence: list(v.Evidence, evidenceOf)})
}

// actionChanged answers a change to an action with the action as it now
// is, rated; a stale version's conflict carries the current version.
func (s *server) actionChanged(w http.ResponseWriter, r *http.Request, actor csc.Actor, status int, id int64, err error) error {
	if err != nil {
		return withCurrentVersion(err, func() (int, error) {
			v, err := s.app.ImprovementActionView(r.Context(), actor, id)
			if err != nil {
				return 0, err
			}
			return v.Version, nil
		})
	}
	v, err := s.app.ImprovementActionView(r.Context(), actor, id)
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		return created(w, link("improvement/actions", id), actionOf(&v.ActionRow))
	}
	return writeJSON(w, status, actionOf(&v.ActionRow))
}

func (s *server) recordAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.ActionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	act, err := s.app.RecordAction(r.Context(), actor, in)
	if err != nil {
		return err
	}
	return s.actionChanged(w, r, actor, http.StatusCreated, act.ID, nil)
}

func (s *server) updateAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.ActionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	_, err = s.app.UpdateAction(r.Context(), actor, id, in)
	return s.actionChanged(w, r, actor, http.StatusOK, id, err)
}

func (s *server) setActionStatus(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.ActionStatusInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	_, err = s.app.SetActionStatus(r.Context(), actor, id, in)
	return s.actionChanged(w, r, actor, http.StatusOK, id, err)
}

func (s *server) recordProgress(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.ProgressInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	u, err := s.app.RecordProgress(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("improvement/actions", id), progressOf(u))
}

func (s *server) recordEvidence(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.EvidenceInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e, err := s.app.RecordEvidence(r.Context(), actor, id, in.Note, nil)
	if err != nil {
		return err
	}
	return created(w, link("improvement/actions", id), evidenceOf(e))
}

func (s *server) recordEvidenceDocument(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	q := parseQuery(r, "title", "note")
	title, note := q.text("title", 200), q.text("note", 2000)
	if err := q.err(); err != nil {
		return err
	}
	pdf, err := readPDF(w, r)
	if err != nil {
		return err
	}
	e, err := s.app.RecordEvidence(r.Context(), actor, id, note, &app.DocumentUpload{Title: title, Content: pdf})
	if err != nil {
		return err
	}
	return created(w, link("improvement/documents", e.DocumentID), evidenceOf(e))
}

// selfEvaluationJSON is a self-evaluation in a list.
type selfEvaluationJSON struct {
	ID            int64   `json:"id"`
	Title         string  `json:"title"`
	LatestVersion int     `json:"latest_version"`
	LatestSavedAt *string `json:"latest_saved_at"`
	CreatedAt     string  `json:"created_at"`
	URL           string  `json:"url"`
}

func selfEvaluationOf(e *csc.SelfEvaluation) selfEvaluationJSON {
	return selfEvaluationJSON{ID: e.ID, Title: e.Title, LatestVersion: e.Latest, LatestSavedAt: optInstant(e.LatestAt),
		CreatedAt: instant(e.CreatedAt), URL: link("improvement/self-evaluations", e.ID)}
}

// selfEvaluationVersionJSON is one saved version.
type selfEvaluationVersionJSON struct {
	Number     int     `json:"number"`
	Know       string  `json:"what_do_we_know"`
	How        string  `json:"how_do_we_know"`
	Doing      string  `json:"what_are_we_doing"`
	FindingIDs []int64 `json:"finding_ids"`
	ActionIDs  []int64 `json:"action_ids"`
	Note       string  `json:"note"`
	SavedBy    string  `json:"saved_by"`
	SavedAt    string  `json:"saved_at"`
}

func selfEvaluationVersionOf(v *csc.SelfEvaluationVersion) selfEvaluationVersionJSON {
	return selfEvaluationVersionJSON{Number: v.Number, Know: v.Know, How: v.How, Doing: v.Doing, FindingIDs: nonNil(v.FindingIDs),
		ActionIDs: nonNil(v.ActionIDs), Note: v.Note, SavedBy: v.SavedBy, SavedAt: instant(v.SavedAt)}
}

// selfEvaluationDetailJSON is a self-evaluation with every version.
type selfEvaluationDetailJSON struct {
	selfEvaluationJSON
	Versions []selfEvaluationVersionJSON `json:"versions"`
}

// selfEvaluationListJSON is the self-evaluations, newest first.
type selfEvaluationListJSON struct {
	SelfEvaluations []selfEvaluationJSON `json:"self_evaluations"`
}

func (s *server) listSelfEvaluations(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ses, err := s.app.SelfEvaluations(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, selfEvaluationListJSON{SelfEvaluations: list(ses, selfEvaluationOf)})
}

func (s *server) selfEvaluation(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.SelfEvaluation(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, selfEvaluationDetailJSON{selfEvaluationJSON: selfEvaluationOf(&v.SelfEvaluation),
		Versions: list(v.Versions, selfEvaluationVersionOf)})
}

func (s *server) createSelfEvaluation(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.SelfEvaluationInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	v, err := s.app.SaveSelfEvaluation(r.Context(), actor, 0, in)
	if err != nil {
		return err
	}
	return created(w, link("improvement/self-evaluations", v.SelfEvaluationID), selfEvaluationVersionOf(v))
}

func (s *server) saveSelfEvaluation(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.SelfEvaluationInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.BaseVersion); err != nil {
		return err
	}
	v, err := s.app.SaveSelfEvaluation(r.Context(), actor, id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) {
			ev, err := s.app.SelfEvaluation(r.Context(), actor, id)
			if err != nil {
				return 0, err
			}
			return ev.Latest, nil
		})
	}
	return created(w, link("improvement/self-evaluations", id), selfEvaluationVersionOf(v))
}

// compareJSON compares two versions of a self-evaluation.
type compareJSON struct {
	From     int               `json:"from"`
	To       int               `json:"to"`
	Sections []app.SectionDiff `json:"sections"`
}

func (s *server) compareSelfEvaluation(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	q := parseQuery(r, "from", "to")
	from, to := q.number("from", 0, 0, 1<<30), q.number("to", 0, 0, 1<<30)
	if err := q.err(); err != nil {
		return err
	}
	ev, err := s.app.SelfEvaluation(r.Context(), actor, id)
	if err != nil {
		return err
	}
	if to == 0 {
		to = ev.Latest
	}
	if from == 0 {
		from = to - 1
	}
	a, b := ev.Version(from), ev.Version(to)
	if a == nil || b == nil {
		return badRequest("from", "Name two versions the self-evaluation has, from 1 to its latest.")
	}
	return writeJSON(w, http.StatusOK, compareJSON{From: from, To: to, Sections: app.CompareVersions(a, b)})
}
