package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// planRoutes registers the improvement plan's pages.
func (s *Server) planRoutes(mux *http.ServeMux) {
	mux.Handle("GET /improvement/plan", s.page(s.planShow))
	mux.Handle("GET /improvement/actions/new", s.page(s.actionNew))
	mux.Handle("POST /improvement/actions", s.page(s.actionCreate))
	mux.Handle("GET /improvement/actions/{id}", s.page(s.actionShow))
	mux.Handle("GET /improvement/actions/{id}/edit", s.page(s.actionEdit))
	mux.Handle("POST /improvement/actions/{id}", s.page(s.actionUpdate))
	mux.Handle("POST /improvement/actions/{id}/status", s.page(s.actionStatus))
	mux.Handle("POST /improvement/actions/{id}/updates", s.page(s.actionProgress))
	mux.Handle("POST /improvement/actions/{id}/evidence", s.uploadPage(s.actionEvidence))
}

func init() {
	funcs["actionStatuses"] = func() []csc.ActionStatus { return csc.ActionStatuses }
	funcs["quarterLabel"] = func(q csc.Quarter) string { return q.Label() }
	// quartersFor lists the quarters an action can be reported on, newest
	// first: from the quarter it starts in to the current one.
	funcs["quartersFor"] = func(start csc.Date, today csc.Date) []csc.Quarter {
		var out []csc.Quarter
		first := csc.QuarterOf(start)
		for q := csc.QuarterOf(today); q.Compare(first) >= 0 && len(out) < 40; q = q.Prev() {
			out = append(out, q)
		}
		return out
	}
}

func (s *Server) planShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	p, err := s.app.ImprovementPlan(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "improvement_plan", &view{Title: "Improvement plan", Nav: "improvement", Data: p})
	return nil
}

// actionFormData is the action form: the staff who may own it and the
// findings it may answer.
type actionFormData struct {
	ID       int64
	Owners   []csc.Staff
	Findings []app.FindingRef
}

func (s *Server) actionForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, id int64, form url.Values, errs []csc.FieldError) error {
	owners, err := s.app.ActionOwners(r.Context(), actor)
	if err != nil {
		return err
	}
	p, err := s.app.ImprovementPlan(r.Context(), actor)
	if err != nil {
		return err
	}
	d := &actionFormData{ID: id, Owners: owners, Findings: orderedFindings(p)}
	title := "Add an action to the plan"
	if id != 0 {
		title = "Change action " + strconv.FormatInt(id, 10)
	}
	s.render(w, r, st, "improvement_action_form", &view{Title: title, Nav: "improvement", Data: d, Form: form, Errors: errs})
	return nil
}

// orderedFindings lists the plan's findings newest inspection first, in
// letter order, strengths left out: they need no action.
func orderedFindings(p *app.Plan) []app.FindingRef {
	var out []app.FindingRef
	for _, f := range p.Findings {
		if f.Kind.NeedsAction() {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b app.FindingRef) int {
		if c := b.Inspection.Date().Compare(a.Inspection.Date()); c != 0 {
			return c
		}
		if a.InspectionID != b.InspectionID {
			return cmp.Compare(b.InspectionID, a.InspectionID)
		}
		return cmp.Compare(a.Seq, b.Seq)
	})
	return out
}

func (s *Server) actionNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	form := url.Values{"finding_ids": r.URL.Query()["finding"], "start": {s.app.Today().String()}}
	if theme := r.URL.Query().Get("theme"); theme != "" {
		form.Set("theme", theme)
	}
	return s.actionForm(w, r, actor, http.StatusOK, 0, form, nil)
}

// improvementActionInput reads the action form.
func improvementActionInput(f url.Values) csc.ActionInput {
	in := csc.ActionInput{Version: version(f), Title: f.Get("title"), Detail: f.Get("detail"), Theme: f.Get("theme"),
		OwnerID: formID(f.Get("owner_id")), Start: f.Get("start"), Due: f.Get("due")}
	for _, v := range f["finding_ids"] {
		if id := formID(v); id > 0 {
			in.FindingIDs = append(in.FindingIDs, id)
		}
	}
	return in
}

func actionPath(id int64) string { return "/improvement/actions/" + strconv.FormatInt(id, 10) }

func (s *Server) actionCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if err := parseForm(r); err != nil {
		return err
	}
	act, err := s.app.RecordAction(r.Context(), actor, improvementActionInput(r.PostForm))
	to := ""
	if err == nil {
		to = actionPath(act.ID)
	}
	return s.afterChange(w, r, err, "title", "Action added to the plan", to, func(st int, errs []csc.FieldError) error {
		return s.actionForm(w, r, actor, st, 0, r.PostForm, errs)
	})
}

func (s *Server) actionEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.app.ImprovementActionView(r.Context(), actor, id)
	if err != nil {
		return err
	}
	form := url.Values{"version": {strconv.Itoa(v.Version)}, "title": {v.Title}, "detail": {v.Detail}, "theme": {v.Theme},
		"owner_id": {strconv.FormatInt(v.OwnerID, 10)}, "start": {v.Start.String()}, "due": {v.Due.String()}}
	for _, fid := range v.FindingIDs {
		form.Add("finding_ids", strconv.FormatInt(fid, 10))
	}
	return s.actionForm(w, r, actor, http.StatusOK, id, form, nil)
}

func (s *Server) actionUpdate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, f, err := idForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.UpdateAction(r.Context(), actor, id, improvementActionInput(f))
	return s.afterChange(w, r, err, "title", "Action changed", actionPath(id), func(st int, errs []csc.FieldError) error {
		return s.actionForm(w, r, actor, st, id, f, errs)
	})
}

// actionData is an action's page; Section names the form its errors
// belong to.
type actionData struct {
	*app.ActionView
	Section string
}

func (s *Server) actionShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showAction(w, r, actor, id, http.StatusOK, "", nil, nil)
}

func (s *Server) showAction(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, section string, form url.Values, errs []csc.FieldError) error {
	v, err := s.app.ImprovementActionView(r.Context(), actor, id)
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{"quarter": {csc.QuarterOf(v.AsOf).String()}, "status": {string(v.Status)}}
	}
	s.render(w, r, st, "improvement_action", &view{Title: v.Title, Nav: "improvement", Data: &actionData{ActionView: v, Section: section},
		Form: form, Errors: errs})
	return nil
}

// actionChange applies a change to an action from its page's form named
// section, then shows the action again.
func (s *Server) actionChange(w http.ResponseWriter, r *http.Request, actor csc.Actor, section, field, flash string,
	do func(id int64, f url.Values) error) error {
	id, f, err := idForm(r)
	if err != nil {
		return err
	}
	return s.afterChange(w, r, do(id, f), field, flash, actionPath(id)+"#"+section, func(st int, errs []csc.FieldError) error {
		return s.showAction(w, r, actor, id, st, section, f, errs)
	})
}

func (s *Server) actionStatus(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.actionChange(w, r, actor, "status", "status", "Status changed", func(id int64, f url.Values) error {
		_, err := s.app.SetActionStatus(r.Context(), actor, id, csc.ActionStatusInput{Version: version(f), Status: f.Get("status"),
			Reason: f.Get("reason"), CompletedOn: f.Get("completed_on")})
		return err
	})
}

func (s *Server) actionProgress(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.actionChange(w, r, actor, "progress", "narrative", "Progress update recorded", func(id int64, f url.Values) error {
		in := csc.ProgressInput{Quarter: f.Get("quarter"), Narrative: f.Get("narrative"), Milestone: f.Get("milestone")}
		if p := f.Get("percent"); p != "" {
			n, err := strconv.Atoi(p)
			if err != nil {
				return csc.Problems{{Field: "percent", Message: "Enter the percentage done as a whole number from 0 to 100"}}.Err()
			}
			in.Percent = &n
		}
		_, err := s.app.RecordProgress(r.Context(), actor, id, in)
		return err
	})
}

func (s *Server) actionEvidence(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, up, err := uploadForm(r, "file")
	if err == nil {
		_, err = s.app.RecordEvidence(r.Context(), actor, id, f.Get("note"), up)
	}
	return s.afterChange(w, r, err, "note", "Evidence recorded", actionPath(id)+"#evidence", func(st int, errs []csc.FieldError) error {
		return s.showAction(w, r, actor, id, st, "evidence", f, errs)
	})
}
