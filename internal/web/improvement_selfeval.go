package web

import (
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// selfEvaluationRoutes registers the self-evaluation's pages: the list,
// each one's current or earlier version with its history, the form that
// saves a new version, and the comparison of two versions.
func (s *Server) selfEvaluationRoutes(mux *http.ServeMux) {
	mux.Handle("GET /improvement/self-evaluations", s.page(s.selfEvalList))
	mux.Handle("GET /improvement/self-evaluations/new", s.page(s.selfEvalNew))
	mux.Handle("POST /improvement/self-evaluations", s.page(s.selfEvalCreate))
	mux.Handle("GET /improvement/self-evaluations/{id}", s.page(s.selfEvalShow))
	mux.Handle("GET /improvement/self-evaluations/{id}/edit", s.page(s.selfEvalEdit))
	mux.Handle("POST /improvement/self-evaluations/{id}", s.page(s.selfEvalSave))
	mux.Handle("GET /improvement/self-evaluations/{id}/compare", s.page(s.selfEvalCompare))
}

func (s *Server) selfEvalList(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ses, err := s.app.SelfEvaluations(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "improvement_selfevals", &view{Title: "Self-evaluations", Nav: "improvement", Data: ses})
	return nil
}

// selfEvalFormData is the form that saves a version: the self-evaluation
// (nil for a new one) and what it may link to.
type selfEvalFormData struct {
	Eval     *app.SelfEvaluationView
	Findings []app.FindingRef
	Actions  []app.ActionRow
}

func (s *Server) selfEvalForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, ev *app.SelfEvaluationView, form url.Values, errs []csc.FieldError) error {
	if err := s.app.CheckImprovementEdit(actor); err != nil {
		return err
	}
	p, err := s.app.ImprovementPlan(r.Context(), actor)
	if err != nil {
		return err
	}
	d := &selfEvalFormData{Eval: ev, Findings: orderedFindings(p)}
	for _, t := range p.Themes {
		d.Actions = append(d.Actions, t.Actions...)
	}
	title := "Start a self-evaluation"
	if ev != nil {
		title = "Change " + ev.Title
	}
	s.render(w, r, st, "improvement_selfeval_form", &view{Title: title, Nav: "improvement", Data: d, Form: form, Errors: errs})
	return nil
}

func (s *Server) selfEvalNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.selfEvalForm(w, r, actor, http.StatusOK, nil, url.Values{}, nil)
}

// selfEvalInput reads the self-evaluation form.
func selfEvalInput(f url.Values) csc.SelfEvaluationInput {
	in := csc.SelfEvaluationInput{Title: f.Get("title"), BaseVersion: formInt(f.Get("base_version")),
		Know: f.Get("what_do_we_know"), How: f.Get("how_do_we_know"), Doing: f.Get("what_are_we_doing"), Note: f.Get("note")}
	for _, v := range f["finding_ids"] {
		in.FindingIDs = append(in.FindingIDs, formID(v))
	}
	for _, v := range f["action_ids"] {
		in.ActionIDs = append(in.ActionIDs, formID(v))
	}
	return in
}

func selfEvalPath(id int64) string {
	return "/improvement/self-evaluations/" + strconv.FormatInt(id, 10)
}

func (s *Server) selfEvalCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if err := parseForm(r); err != nil {
		return err
	}
	v, err := s.app.SaveSelfEvaluation(r.Context(), actor, 0, selfEvalInput(r.PostForm))
	to := ""
	if err == nil {
		to = selfEvalPath(v.SelfEvaluationID)
	}
	return s.afterChange(w, r, err, "what_do_we_know", "Self-evaluation saved as version 1", to, func(st int, errs []csc.FieldError) error {
		return s.selfEvalForm(w, r, actor, st, nil, r.PostForm, errs)
	})
}

// loadSelfEval reads the self-evaluation the path names.
func (s *Server) loadSelfEval(r *http.Request, actor csc.Actor) (*app.SelfEvaluationView, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.app.SelfEvaluation(r.Context(), actor, id)
}

// selfEvalData is a self-evaluation's page: the version shown and the one
// before it, for the comparison link.
type selfEvalData struct {
	*app.SelfEvaluationView
	Shown *csc.SelfEvaluationVersion
}

func (s *Server) selfEvalShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ev, err := s.loadSelfEval(r, actor)
	if err != nil {
		return err
	}
	d := &selfEvalData{SelfEvaluationView: ev, Shown: ev.Current()}
	if n := r.URL.Query().Get("version"); n != "" {
		if d.Shown = ev.Version(formInt(n)); d.Shown == nil {
			return csc.Errorf(csc.NotFound, "%s has no version %s.", ev.Title, clipQuery(n))
		}
	}
	s.render(w, r, http.StatusOK, "improvement_selfeval", &view{Title: ev.Title, Nav: "improvement", Data: d})
	return nil
}

// clipQuery shortens a query value for a message.
func clipQuery(v string) string {
	if r := []rune(v); len(r) > 12 {
		return string(r[:12]) + "…"
	}
	return v
}

// selfEvalValues fills the form from a version, as the base of the next.
func selfEvalValues(v *csc.SelfEvaluationVersion) url.Values {
	f := url.Values{"base_version": {strconv.Itoa(v.Number)}, "what_do_we_know": {v.Know}, "how_do_we_know": {v.How},
		"what_are_we_doing": {v.Doing}}
	for _, id := range v.FindingIDs {
		f.Add("finding_ids", strconv.FormatInt(id, 10))
	}
	for _, id := range v.ActionIDs {
		f.Add("action_ids", strconv.FormatInt(id, 10))
	}
	return f
}

func (s *Server) selfEvalEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ev, err := s.loadSelfEval(r, actor)
	if err != nil {
		return err
	}
	form := url.Values{"base_version": {"0"}}
	if cur := ev.Current(); cur != nil {
		form = selfEvalValues(cur)
	}
	return s.selfEvalForm(w, r, actor, http.StatusOK, ev, form, nil)
}

func (s *Server) selfEvalSave(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, f, err := idForm(r)
	if err != nil {
		return err
	}
	v, err := s.app.SaveSelfEvaluation(r.Context(), actor, id, selfEvalInput(f))
	flash := ""
	if err == nil {
		flash = "Saved as version " + strconv.Itoa(v.Number)
	}
	return s.afterChange(w, r, err, "what_do_we_know", flash, selfEvalPath(id), func(st int, errs []csc.FieldError) error {
		ev, err := s.app.SelfEvaluation(r.Context(), actor, id)
		if err != nil {
			return err
		}
		return s.selfEvalForm(w, r, actor, st, ev, f, errs)
	})
}

// compareData compares two versions of a self-evaluation.
type compareData struct {
	Eval     *app.SelfEvaluationView
	From, To *csc.SelfEvaluationVersion
	Sections []app.SectionDiff
}

func (s *Server) selfEvalCompare(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ev, err := s.loadSelfEval(r, actor)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	to := ev.Current()
	if n := q.Get("to"); n != "" {
		to = ev.Version(formInt(n))
	}
	if to == nil {
		return csc.Errorf(csc.NotFound, "%s has no such version.", ev.Title)
	}
	from := ev.Version(to.Number - 1)
	if n := q.Get("from"); n != "" {
		from = ev.Version(formInt(n))
	}
	if from == nil {
		return csc.Errorf(csc.NotFound, "%s has no earlier version to compare version %d with.", ev.Title, to.Number)
	}
	d := &compareData{Eval: ev, From: from, To: to, Sections: app.CompareVersions(from, to)}
	s.render(w, r, http.StatusOK, "improvement_selfeval_compare", &view{Title: "Compare versions of " + ev.Title, Nav: "improvement", Data: d})
	return nil
}
