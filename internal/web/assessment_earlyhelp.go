package web

import (
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/csc"
)

// The pages of early help episodes and of homeless 16/17-year-olds'
// presentations.

// childForm shows a form about a child (a new early help episode or a new
// presentation) once the actor may take act.
func (s *Server) childForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, act csc.Action, page string, id int64, st int, form url.Values, errs []csc.FieldError) error {
	if !actor.Can(act) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot do that.", actor.Role.Label())
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, id)
	if err != nil {
		return err
	}
	title := map[string]string{"earlyhelp_new": "Start early help", "assessment_homeless_new": "Record a homeless presentation"}[page]
	s.render(w, r, st, page, &view{Title: title, Data: &asmPage{Record: rec}, Form: form, Errors: errs})
	return nil
}

func (s *Server) earlyHelpNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	form := url.Values{"start_date": {s.app.Today().String()}, "referral_id": {r.URL.Query().Get("referral")}}
	return s.childForm(w, r, actor, csc.ActEarlyHelpRecord, "earlyhelp_new", id, http.StatusOK, form, nil)
}

func (s *Server) earlyHelpCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "start_date", "Early help started", func(id int64, f url.Values) (string, error) {
		e, err := s.app.StartEarlyHelp(r.Context(), actor, id, csc.EarlyHelpInput{ReferralID: formID(f.Get("referral_id")),
			StartDate: f.Get("start_date"), LeadPractitioner: f.Get("lead_practitioner"), Agency: f.Get("agency"), Consent: f.Get("consent") == "yes"})
		if err != nil {
			return "", err
		}
		return idPath("/early-help/", e.ID), nil
	}, func(id int64, st int, f url.Values, errs []csc.FieldError) error {
		return s.childForm(w, r, actor, csc.ActEarlyHelpRecord, "earlyhelp_new", id, st, f, errs)
	})
}

func (s *Server) earlyHelpShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showEarlyHelp(w, r, actor, id, http.StatusOK, nil, nil)
}

func (s *Server) showEarlyHelp(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, form url.Values, errs []csc.FieldError) error {
	v, err := s.app.EarlyHelp(r.Context(), actor, id)
	if err != nil {
		return err
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, v.EarlyHelp.ChildID)
	if err != nil {
		return err
	}
	if form == nil {
		e := v.EarlyHelp
		form = url.Values{"eha_start": {e.EHAStart.String()}, "eha_completed": {e.EHACompleted.String()}, "end_date": {s.app.Today().String()}}
	}
	s.render(w, r, st, "earlyhelp_show", &view{Title: "Early help episode " + strconv.FormatInt(id, 10),
		Data: &asmPage{Record: rec, EarlyHelp: v}, Form: form, Errors: errs})
	return nil
}

func (s *Server) earlyHelpAgain(w http.ResponseWriter, r *http.Request, actor csc.Actor) func(int64, int, url.Values, []csc.FieldError) error {
	return func(id int64, st int, f url.Values, errs []csc.FieldError) error {
		return s.showEarlyHelp(w, r, actor, id, st, f, errs)
	}
}

func (s *Server) earlyHelpEHA(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "eha_start", "Early help assessment saved", func(id int64, f url.Values) (string, error) {
		_, err := s.app.RecordEHA(r.Context(), actor, id, csc.EHAInput{Version: version(f), EHAStart: f.Get("eha_start"), EHACompleted: f.Get("eha_completed")})
		return idPath("/early-help/", id), err
	}, s.earlyHelpAgain(w, r, actor))
}

func (s *Server) earlyHelpEnd(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "end_date", "Early help episode ended", func(id int64, f url.Values) (string, error) {
		_, err := s.app.EndEarlyHelp(r.Context(), actor, id, csc.EarlyHelpEndInput{Version: version(f), EndDate: f.Get("end_date"),
			EndReason: f.Get("end_reason"), StepUp: f.Get("step_up") == "yes"})
		return idPath("/early-help/", id), err
	}, s.earlyHelpAgain(w, r, actor))
}

// earlyHelpStepUp opens the contact form for the episode's child with the
// source "LA services – early help" (5D) already chosen: a step up goes
// back through the front door.
func (s *Server) earlyHelpStepUp(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if !actor.Can(csc.ActContactRecord) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot record contacts.", actor.Role.Label())
	}
	v, err := s.app.EarlyHelp(r.Context(), actor, id)
	if err != nil {
		return err
	}
	form := url.Values{"received_at": {isoNow(s)}, "consent": {"sought"}, "source": {"5D"},
		"referrer_organisation": {v.EarlyHelp.Agency}, "referrer_name": {v.EarlyHelp.LeadPractitioner}}
	return s.contactForm(w, r, actor, v.EarlyHelp.ChildID, http.StatusOK, form, nil)
}

func (s *Server) homelessNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	form := url.Values{"presented_on": {s.app.Today().String()}, "source": {"4"}}
	return s.childForm(w, r, actor, csc.ActAssessmentRecord, "assessment_homeless_new", id, http.StatusOK, form, nil)
}

func (s *Server) homelessCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "presented_on", "Presentation recorded. An assessment is open for the young person.", func(id int64, f url.Values) (string, error) {
		h, err := s.app.RecordHomeless(r.Context(), actor, id, csc.HomelessInput{PresentedOn: f.Get("presented_on"), Source: f.Get("source")})
		if err != nil {
			return "", err
		}
		return idPath("/homeless/", h.ID), nil
	}, func(id int64, st int, f url.Values, errs []csc.FieldError) error {
		return s.childForm(w, r, actor, csc.ActAssessmentRecord, "assessment_homeless_new", id, st, f, errs)
	})
}

func (s *Server) homelessShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showHomeless(w, r, actor, id, http.StatusOK, url.Values{"decision_date": {s.app.Today().String()}}, nil)
}

func (s *Server) showHomeless(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, form url.Values, errs []csc.FieldError) error {
	v, err := s.app.Homeless(r.Context(), actor, id)
	if err != nil {
		return err
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, v.Homeless.ChildID)
	if err != nil {
		return err
	}
	s.render(w, r, st, "assessment_homeless", &view{Title: "Homeless presentation " + strconv.FormatInt(id, 10),
		Data: &asmPage{Record: rec, Homeless: v}, Form: form, Errors: errs})
	return nil
}

func (s *Server) homelessDecide(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.asmAction(w, r, actor, "decision", "Section 20 decision recorded", func(id int64, f url.Values) (string, error) {
		_, err := s.app.DecideHomeless(r.Context(), actor, id, csc.HomelessDecisionInput{Version: version(f), DecisionDate: f.Get("decision_date"),
			Decision: f.Get("decision"), NotReason: f.Get("not_accommodated_reason"), ToldConsequences: f.Get("told_consequences"),
			Competent: f.Get("competent"), View: f.Get("young_person_view"), InterimProvided: f.Get("interim_provided"),
			InterimWhere: f.Get("interim_where")})
		return idPath("/homeless/", id), err
	}, func(id int64, st int, f url.Values, errs []csc.FieldError) error {
		return s.showHomeless(w, r, actor, id, st, f, errs)
	})
}
