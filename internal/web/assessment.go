package web

import (
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// assessmentRoutes registers the pages of referrals' episodes, assessments, early help and homeless 16/17 outcomes.
func (s *Server) assessmentRoutes(mux *http.ServeMux) {
	mux.Handle("GET /referrals/{id}", s.page(s.referralShow))
	mux.Handle("POST /referrals/{id}/details", s.page(s.referralAmend))
	mux.Handle("POST /referrals/{id}/closure", s.page(s.referralClose))
	mux.Handle("POST /referrals/{id}/assessments", s.page(s.assessmentStart))

	mux.Handle("GET /assessments/{id}", s.page(s.assessmentShow))
	mux.Handle("POST /assessments/{id}", s.page(s.assessmentSave))
	mux.Handle("POST /assessments/{id}/seen", s.page(s.assessmentSeen))
	mux.Handle("POST /assessments/{id}/submission", s.page(s.assessmentSubmit))
	mux.Handle("POST /assessments/{id}/authorisation", s.page(s.assessmentAuthorise))

	mux.Handle("GET /people/{id}/early-help/new", s.page(s.earlyHelpNew))
	mux.Handle("POST /people/{id}/early-help", s.page(s.earlyHelpCreate))
	mux.Handle("GET /early-help/{id}", s.page(s.earlyHelpShow))
	mux.Handle("POST /early-help/{id}/assessment", s.page(s.earlyHelpEHA))
	mux.Handle("POST /early-help/{id}/end", s.page(s.earlyHelpEnd))
	mux.Handle("GET /early-help/{id}/step-up", s.page(s.earlyHelpStepUp))

	mux.Handle("GET /people/{id}/homeless/new", s.page(s.homelessNew))
	mux.Handle("POST /people/{id}/homeless", s.page(s.homelessCreate))
	mux.Handle("GET /homeless/{id}", s.page(s.homelessShow))
	mux.Handle("POST /homeless/{id}/decision", s.page(s.homelessDecide))
}

// asmPage is what the pages of this part receive: the child's record for
// the identity bar and the record the page is about.
type asmPage struct {
	Record     *app.ChildRecord
	Referral   *app.ReferralView
	Assessment *app.AssessmentView
	EarlyHelp  *app.EarlyHelpView
	Homeless   *app.HomelessView
	DaysLeft   int
}

// asmAction runs one form of a page: on success it redirects to the page
// with a confirmation; on bad input it shows the page again with the
// form's errors by their fields.
func (s *Server) asmAction(w http.ResponseWriter, r *http.Request, actor csc.Actor, field, done string,
	do func(id int64, f url.Values) (string, error), show func(id int64, st int, f url.Values, errs []csc.FieldError) error) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	to, err := do(id, r.PostForm)
	if csc.ErrorKind(err) == csc.Invalid {
		errs := formFields(csc.ErrorFields(err))
		if len(errs) == 0 {
			errs = []csc.FieldError{{Field: field, Message: csc.ErrorMessage(err)}}
		}
		return show(id, http.StatusBadRequest, r.PostForm, errs)
	}
	if err != nil {
		return err
	}
	s.flash(w, done)
	return redirect(w, r, to)
}

func idPath(prefix string, id int64) string { return prefix + strconv.FormatInt(id, 10) }

func (s *Server) referralShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showReferral(w, r, actor, id, http.StatusOK, nil, nil)
}

func (s *Server) showReferral(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, form url.Values, errs []csc.FieldError) error {
	v, err := s.app.Referral(r.Context(), actor, id)
	if err != nil {
		return err
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, v.Referral.ChildID)
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{"primary_need": {v.Referral.PrimaryNeed}, "start_date": {s.app.Today().String()},
			"closure_date": {s.app.Today().String()}}
		if v.Referral.NFA {
			form.Set("nfa", "yes")
		}
	}
	s.render(w, r, st, "referral_show", &view{Title: "Referral " + strconv.FormatInt(id, 10), Data: &asmPage{Record: rec, Referral: v,
		DaysLeft: app.WorkingDaysLeft(s.app.Today(), v.HP03Due)}, Form: form, Errors: errs})
	return nil
}

func (s *Server) referralAmend(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "primary_need", "Referral details saved", func(id int64, f url.Values) (string, error) {
		_, err := s.app.AmendReferral(r.Context(), actor, id, csc.ReferralInput{Version: version(f), PrimaryNeed: f.Get("primary_need"), NFA: f.Get("nfa") == "yes"})
		return idPath("/referrals/", id), err
	}, s.referralAgain(w, r, actor))
}

func (s *Server) referralClose(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "closure_date", "Referral closed", func(id int64, f url.Values) (string, error) {
		_, err := s.app.CloseReferral(r.Context(), actor, id, csc.ClosureInput{Version: version(f), ClosureDate: f.Get("closure_date"),
			ClosureReason: f.Get("closure_reason")})
		return idPath("/referrals/", id), err
	}, s.referralAgain(w, r, actor))
}

func (s *Server) assessmentStart(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "start_date", "Assessment started", func(id int64, f url.Values) (string, error) {
		x, err := s.app.StartAssessment(r.Context(), actor, id, f.Get("start_date"))
		if err != nil {
			return "", err
		}
		return idPath("/assessments/", x.ID), nil
	}, s.referralAgain(w, r, actor))
}

func (s *Server) referralAgain(w http.ResponseWriter, r *http.Request, actor csc.Actor) func(int64, int, url.Values, []csc.FieldError) error {
	return func(id int64, st int, f url.Values, errs []csc.FieldError) error {
		return s.showReferral(w, r, actor, id, st, f, errs)
	}
}

func (s *Server) assessmentShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showAssessment(w, r, actor, id, http.StatusOK, nil, nil)
}

func (s *Server) showAssessment(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, form url.Values, errs []csc.FieldError) error {
	v, err := s.app.Assessment(r.Context(), actor, id)
	if err != nil {
		return err
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, v.Assessment.ChildID)
	if err != nil {
		return err
	}
	if form == nil {
		form = assessmentForm(v.Assessment, s.app.Today())
	}
	s.render(w, r, st, "assessment_show", &view{Title: "Assessment " + strconv.FormatInt(id, 10), Data: &asmPage{Record: rec, Assessment: v,
		DaysLeft: app.WorkingDaysLeft(s.app.Today(), v.Due)}, Form: form, Errors: errs})
	return nil
}

// assessmentForm fills the assessment's form from the record.
func assessmentForm(x *csc.Assessment, today csc.Date) url.Values {
	f := url.Values{"not_seen_reason": {x.NotSeenReason}, "history": {x.History}, "lived_experience": {x.LivedExperience},
		"parents_carers": {x.ParentsCarers}, "risks": {x.Risks}, "protective_factors": {x.Protective}, "analysis": {x.Analysis},
		"factors": x.Factors, "outcome": {string(x.Outcome)}, "next_steps": {x.NextSteps}, "seen_date": {today.String()},
		"date": {today.String()}}
	for k, n := range x.Identity {
		f.Set("identity_"+k, n.Found)
		f.Set("identity_"+k+"_why", n.NotExplored)
	}
	return f
}

func (s *Server) assessmentAgain(w http.ResponseWriter, r *http.Request, actor csc.Actor) func(int64, int, url.Values, []csc.FieldError) error {
	return func(id int64, st int, f url.Values, errs []csc.FieldError) error {
		return s.showAssessment(w, r, actor, id, st, f, errs)
	}
}

func (s *Server) assessmentSave(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "history", "Assessment saved", func(id int64, f url.Values) (string, error) {
		in := csc.AssessmentInput{Version: version(f), NotSeenReason: f.Get("not_seen_reason"), History: f.Get("history"),
			LivedExperience: f.Get("lived_experience"), ParentsCarers: f.Get("parents_carers"), Risks: f.Get("risks"),
			Protective: f.Get("protective_factors"), Analysis: f.Get("analysis"), Factors: f["factors"], Outcome: f.Get("outcome"),
			NextSteps: f.Get("next_steps"), Identity: map[string]csc.IdentityNote{}}
		for _, k := range csc.IdentityAspects {
			in.Identity[k] = csc.IdentityNote{Found: f.Get("identity_" + k), NotExplored: f.Get("identity_" + k + "_why")}
		}
		_, err := s.app.SaveAssessment(r.Context(), actor, id, in)
		return idPath("/assessments/", id), err
	}, s.assessmentAgain(w, r, actor))
}

func (s *Server) assessmentSeen(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "seen_date", "Child seen recorded", func(id int64, f url.Values) (string, error) {
		_, err := s.app.RecordChildSeen(r.Context(), actor, id, f.Get("seen_date"), f.Get("alone") == "yes")
		return idPath("/assessments/", id) + "#seen", err
	}, s.assessmentAgain(w, r, actor))
}

func (s *Server) assessmentSubmit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "submit", "Assessment submitted for authorisation", func(id int64, f url.Values) (string, error) {
		_, err := s.app.SubmitAssessment(r.Context(), actor, id, version(f))
		return idPath("/assessments/", id), err
	}, s.assessmentAgain(w, r, actor))
}

func (s *Server) assessmentAuthorise(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "date", "Assessment authorised", func(id int64, f url.Values) (string, error) {
		_, err := s.app.AuthoriseAssessment(r.Context(), actor, id, app.AuthoriseInput{Version: version(f), Date: f.Get("date")})
		return idPath("/assessments/", id), err
	}, s.assessmentAgain(w, r, actor))
}

// aspect is one part of identity as the assessment form shows it.
type aspect struct{ Key, Label string }

// Aspects lists the identity aspects the assessment records.
func (p *asmPage) Aspects() []aspect {
	out := make([]aspect, len(csc.IdentityAspects))
	for i, k := range csc.IdentityAspects {
		out[i] = aspect{k, csc.IdentityLabel(k)}
	}
	return out
}

// Outcomes lists the assessment outcomes for the form.
func (p *asmPage) Outcomes() []csc.AssessmentOutcome { return csc.AssessmentOutcomes }
