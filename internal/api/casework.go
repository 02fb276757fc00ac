package api

import (
	"net/http"
	"strings"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// caseworkRoutes are the API routes of this part of the record.
var caseworkRoutes = []route{
	{Method: http.MethodGet, Path: "/people/{id}/cin-plans", Handler: (*server).listCINPlans},
	{Method: http.MethodPost, Path: "/people/{id}/cin-plans", Handler: (*server).startCINPlan},
	{Method: http.MethodGet, Path: "/cin-plans/{id}", Handler: (*server).findCINPlan},
	{Method: http.MethodPost, Path: "/cin-plans/{id}/end", Handler: (*server).endCINPlan},
	{Method: http.MethodPost, Path: "/cin-plans/{id}/actions", Handler: (*server).addCINAction},
	{Method: http.MethodPut, Path: "/cin-plan-actions/{id}", Handler: (*server).updateCINAction},
	{Method: http.MethodPost, Path: "/cin-plans/{id}/reviews", Handler: (*server).recordCINReview},
	{Method: http.MethodGet, Path: "/people/{id}/visits", Handler: (*server).listVisits},
	{Method: http.MethodPost, Path: "/people/{id}/visits", Handler: (*server).recordVisit},
	{Method: http.MethodGet, Path: "/visits/{id}", Handler: (*server).findVisit},
	{Method: http.MethodGet, Path: "/people/{id}/chronology", Handler: (*server).chronology},
	{Method: http.MethodGet, Path: "/people/{id}/chronology.pdf", Handler: (*server).chronologyPDF},
	{Method: http.MethodPost, Path: "/people/{id}/chronology/entries", Handler: (*server).addChronologyEntry},
	{Method: http.MethodPut, Path: "/chronology-entries/{id}", Handler: (*server).updateChronologyEntry},
	{Method: http.MethodPut, Path: "/people/{id}/chronology/events/{event}", Handler: (*server).markChronologyEvent},
	{Method: http.MethodGet, Path: "/people/{id}/summary", Handler: (*server).caseSummary},
	{Method: http.MethodPost, Path: "/people/{id}/summary", Handler: (*server).writeCaseSummary},
}

// cinPlansJSON lists a child's plans.
type cinPlansJSON struct {
	Items []csc.CINPlan `json:"items"`
}

// cinPlanViewJSON is a plan with its actions, reviews and visits.
type cinPlanViewJSON struct {
	Plan   *csc.CINPlan `json:"plan"`
	Visits []csc.Visit  `json:"visits"`
}

// visitsJSON lists a child's visits and notes.
type visitsJSON struct {
	Items []csc.Visit `json:"items"`
}

// chronologyJSON is a child's chronology as filtered.
type chronologyJSON struct {
	ChildID  int64                 `json:"child_id"`
	Filters  string                `json:"filters"`
	Merged   []int64               `json:"merged"`
	Siblings []int64               `json:"siblings"`
	Entries  []csc.ChronologyEntry `json:"entries"`
}

// caseSummaryJSON is the current summary, its staleness and its history.
type caseSummaryJSON struct {
	Current *csc.CaseSummary  `json:"current"`
	Stale   bool              `json:"stale"`
	Since   *string           `json:"stale_since"`
	History []csc.CaseSummary `json:"history"`
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// subID reads a second id in the path.
func subID(r *http.Request, name string) (int64, error) {
	id, ok := positiveInt(r.PathValue(name))
	if !ok {
		return 0, badRequest(name, "The "+name+" in the address must be a positive whole number.")
	}
	return id, nil
}

func (s *server) listCINPlans(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	plans, err := s.app.CINPlans(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, cinPlansJSON{Items: nonNil(plans)})
}

func (s *server) startCINPlan(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.CINPlanInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.app.StartCINPlan(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("cin-plans", p.ID), p)
}

func (s *server) findCINPlan(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.FindCINPlan(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, cinPlanViewJSON{Plan: v.Plan, Visits: nonNil(v.Visits)})
}

func (s *server) endCINPlan(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.CINPlanEndInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	p, err := s.app.EndCINPlan(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (s *server) addCINAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.CINActionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.app.AddCINAction(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("cin-plan-actions", a.ID), a)
}

func (s *server) updateCINAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.CINActionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	a, err := s.app.UpdateCINAction(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

func (s *server) recordCINReview(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.CINReviewInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	rv, err := s.app.RecordCINReview(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("cin-plans", id), rv)
}

func (s *server) listVisits(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	vs, err := s.app.Visits(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, visitsJSON{Items: nonNil(vs)})
}

func (s *server) recordVisit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.VisitInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	v, err := s.app.RecordVisit(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("visits", v.ID), v)
}

func (s *server) findVisit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.FindVisit(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

// chronologyQuery reads the chronology's filters: kind, significance
// (significant or other), from and to (dates) and siblings (ids, comma
// separated) to merge.
func chronologyQuery(r *http.Request) (csc.ChronologyQuery, error) {
	q := parseQuery(r, "kind", "significance", "from", "to", "siblings")
	out := csc.ChronologyQuery{Kind: q.text("kind", 40), Significance: q.oneOf("significance", "significant", "other"),
		From: q.text("from", 10), To: q.text("to", 10)}
	if s := q.text("siblings", 400); s != "" {
		for _, part := range strings.Split(s, ",") {
			id, ok := positiveInt(strings.TrimSpace(part))
			if !ok {
				q.probs.Add("siblings", "Give siblings as record ids separated by commas, such as 12,15")
				break
			}
			out.Siblings = append(out.Siblings, id)
		}
	}
	return out, q.err()
}

func (s *server) chronology(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	cq, err := chronologyQuery(r)
	if err != nil {
		return err
	}
	c, err := s.app.ChildChronology(r.Context(), actor, id, cq)
	if err != nil {
		return err
	}
	out := chronologyJSON{ChildID: id, Filters: c.Filters(), Merged: []int64{}, Siblings: []int64{}, Entries: nonNil(c.Entries)}
	for _, m := range c.Merged {
		out.Merged = append(out.Merged, m.ID)
	}
	for _, m := range c.Siblings {
		out.Siblings = append(out.Siblings, m.ID)
	}
	return writeJSON(w, http.StatusOK, out)
}

func (s *server) chronologyPDF(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	cq, err := chronologyQuery(r)
	if err != nil {
		return err
	}
	pdf, err := s.app.ChronologyPDF(r.Context(), actor, id, cq)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(pdf)
	return nil
}

func (s *server) addChronologyEntry(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.ChronologyEntryInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e, err := s.app.AddChronologyEntry(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("chronology-entries", e.ID), e)
}

func (s *server) updateChronologyEntry(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.ChronologyEntryInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	e, err := s.app.UpdateChronologyEntry(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}

func (s *server) markChronologyEvent(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ev, err := subID(r, "event")
	if err != nil {
		return err
	}
	var in csc.ChronologyMarkInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	o, err := s.app.MarkChronologyEvent(r.Context(), actor, id, ev, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

func (s *server) caseSummary(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.CaseSummary(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, summaryOf(v))
}

func summaryOf(v *app.CaseSummaryView) caseSummaryJSON {
	return caseSummaryJSON{Current: v.Current, Stale: v.Stale, Since: optInstant(v.Since), History: nonNil(v.History)}
}

func (s *server) writeCaseSummary(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.CaseSummaryInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	sm, err := s.app.WriteCaseSummary(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("people", id)+"/summary", sm)
}
