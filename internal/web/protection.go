package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// protectionRoutes registers the pages of strategy discussions, section 47 enquiries, conferences and protection plans.
func (s *Server) protectionRoutes(mux *http.ServeMux) {
	mux.Handle("GET /people/{id}/strategy/new", s.page(s.strategyNew))
	mux.Handle("POST /people/{id}/strategy", s.page(s.strategyCreate))
	mux.Handle("GET /people/{id}/strategy/{step}", s.page(s.protectionShow("strategy")))
	mux.Handle("POST /people/{id}/strategy/{step}/s47", s.page(s.s47Start))
	mux.Handle("GET /people/{id}/s47/{step}", s.page(s.protectionShow("s47")))
	mux.Handle("POST /people/{id}/s47/{step}/visits", s.page(s.s47Visit))
	mux.Handle("POST /people/{id}/s47/{step}/views", s.page(s.s47View))
	mux.Handle("POST /people/{id}/s47/{step}/outcome", s.page(s.s47Outcome))
	mux.Handle("GET /people/{id}/conferences/new", s.page(s.conferenceNew))
	mux.Handle("POST /people/{id}/conferences", s.page(s.conferenceCreate))
	mux.Handle("GET /people/{id}/conferences/{step}", s.page(s.protectionShow("conference")))
	mux.Handle("GET /people/{id}/cp-plans/{step}", s.page(s.protectionShow("cpplan")))
	mux.Handle("POST /people/{id}/cp-plans/{step}/actions", s.page(s.planAction))
	mux.Handle("POST /people/{id}/cp-plans/{step}/actions/{action}/done", s.page(s.planActionDone))
	mux.Handle("POST /people/{id}/cp-plans/{step}/core-groups", s.page(s.coreGroup))
	mux.Handle("POST /people/{id}/cp-plans/{step}/end", s.page(s.planEnd))
}

func init() {
	funcs["agencyLabel"] = csc.AgencyLabel
	funcs["agencies"] = func() any { return csc.StrategyAgencies }
	funcs["s47Outcome"] = csc.S47OutcomeLabel
	funcs["conferenceKind"] = csc.ConferenceKindLabel
	funcs["endReason"] = csc.CPPlanEndReasonLabel
	funcs["endReasons"] = func() any { return csc.CPPlanEndReasons }
	funcs["overdue"] = func(a csc.PlanAction, now time.Time) bool { return a.Overdue(csc.DateOf(now)) }
	funcs["isoDate"] = func(t time.Time) string { return csc.DateOf(t).String() }
	funcs["rows"] = func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	funcs["field"] = func(parts ...any) string {
		s := ""
		for i, p := range parts {
			if i > 0 {
				s += "."
			}
			s += fmt.Sprint(p)
		}
		return s
	}
}

// protectionData is what every page of this part shows: the child's
// protection record and the step the page is about.
type protectionData struct {
	Record     *app.ChildRecord
	Strategy   *csc.Strategy
	S47        *app.S47Row
	Conference *csc.Conference
	Plan       *csc.CPPlan
	Household  []csc.Person // children a conference decides about
	Query      url.Values   // what a new conference follows (kind, s47, plan, referral)
	Section    string       // which form the errors belong to
}

// loadProtection reads the child's protection record and finds the step
// named by the path.
func (s *Server) loadProtection(r *http.Request, actor csc.Actor, kind string) (*protectionData, error) {
	child, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	rec, err := s.app.Protection(r.Context(), actor, child)
	if err != nil {
		return nil, err
	}
	d := &protectionData{Record: rec}
	if kind == "" {
		return d, nil
	}
	id, err := pathID(r, "step")
	if err != nil {
		return nil, err
	}
	p := &rec.Protection
	switch kind {
	case "strategy":
		d.Strategy = findStep(p.Strategies, id, func(x *csc.Strategy) int64 { return x.ID })
	case "s47":
		d.S47 = findStep(p.S47s, id, func(x *app.S47Row) int64 { return x.ID })
	case "conference":
		d.Conference = findStep(p.Conferences, id, func(x *csc.Conference) int64 { return x.ID })
	case "cpplan":
		d.Plan = findStep(p.Plans, id, func(x *csc.CPPlan) int64 { return x.ID })
	}
	if d.Strategy == nil && d.S47 == nil && d.Conference == nil && d.Plan == nil {
		return nil, csc.Errorf(csc.NotFound, "There is no such record on record %d.", child)
	}
	return d, nil
}

var protectionTitles = map[string]string{"strategy": "Strategy discussion", "s47": "Section 47 enquiry",
	"conference": "Child protection conference", "cpplan": "Child protection plan"}

// protectionShow is the page of one step.
func (s *Server) protectionShow(kind string) handler {
	return func(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
		return s.showProtection(w, r, actor, kind, http.StatusOK, "", nil, nil)
	}
}

func (s *Server) showProtection(w http.ResponseWriter, r *http.Request, actor csc.Actor, kind string, st int, section string, form url.Values, errs []csc.FieldError) error {
	d, err := s.loadProtection(r, actor, kind)
	if err != nil {
		return err
	}
	d.Section = section
	if form == nil {
		form = url.Values{"lead_id": {strconv.FormatInt(actor.StaffID, 10)}}
	}
	s.render(w, r, st, kind+"_show", &view{Title: protectionTitles[kind], Nav: "people", Data: d, Form: form, Errors: errs})
	return nil
}

// afterProtection redirects to a step's page after a change, or shows the
// page again with the form's errors.
func (s *Server) afterProtection(w http.ResponseWriter, r *http.Request, actor csc.Actor, kind, section string, err error, flash, to string) error {
	if csc.ErrorKind(err) == csc.Invalid {
		return s.showProtection(w, r, actor, kind, http.StatusBadRequest, section, r.PostForm, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, flash)
	return redirect(w, r, to)
}

// stepForm reads the child and step ids of a change's path and its form.
func stepForm(r *http.Request) (child, step int64, f url.Values, err error) {
	if child, err = pathID(r, "id"); err != nil {
		return 0, 0, nil, err
	}
	if step, err = pathID(r, "step"); err != nil {
		return 0, 0, nil, err
	}
	if err := parseForm(r); err != nil {
		return 0, 0, nil, err
	}
	return child, step, r.PostForm, nil
}

func stepPath(child int64, kind string, id int64) string {
	return fmt.Sprintf("/people/%d/%s/%d", child, kind, id)
}

// findStep returns the record with the id, or nil.
func findStep[T any](xs []T, id int64, idOf func(*T) int64) *T {
	for i := range xs {
		if idOf(&xs[i]) == id {
			return &xs[i]
		}
	}
	return nil
}
