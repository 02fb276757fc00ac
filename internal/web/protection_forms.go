package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"cairn/internal/csc"
)

// formRows reads the numbered rows of a repeating part of a form
// (prefix.0.name, prefix.1.name …), keeping the rows with anything in the
// key fields; the other fields (selects and checkboxes, which always or
// never have a value) are read alongside.
func formRows(f url.Values, prefix string, key []string, more ...string) []map[string]string {
	var out []map[string]string
	for i := 0; i < 50; i++ {
		row, filled := map[string]string{}, false
		for _, name := range key {
			v := strings.TrimSpace(f.Get(prefix + "." + strconv.Itoa(i) + "." + name))
			row[name], filled = v, filled || v != ""
		}
		for _, name := range more {
			row[name] = f.Get(prefix + "." + strconv.Itoa(i) + "." + name)
		}
		if filled {
			out = append(out, row)
		}
	}
	return out
}

func strategyInputOf(f url.Values) csc.StrategyInput {
	in := csc.StrategyInput{ReferralID: formID(f.Get("referral_id")), HeldAt: f.Get("held_at"),
		InformationShared: f.Get("information_shared"), Decision: f.Get("decision"),
		DecisionReasons: f.Get("decision_reasons"), SafetyActions: f.Get("immediate_safety_actions")}
	for _, r := range formRows(f, "attendees", []string{"name", "role"}, "agency") {
		in.Attendees = append(in.Attendees, csc.Attendee{Agency: r["agency"], Name: r["name"], Role: r["role"]})
	}
	for _, r := range formRows(f, "danger_statements", []string{"danger", "goal"}) {
		in.Dangers = append(in.Dangers, csc.DangerGoal{Danger: r["danger"], Goal: r["goal"]})
	}
	for _, r := range formRows(f, "scaling", []string{"participant", "score", "reason"}) {
		n, err := strconv.Atoi(r["score"])
		if err != nil {
			n = -1
		}
		in.Scaling = append(in.Scaling, csc.SafetyScale{Participant: r["participant"], Score: n, Reason: r["reason"]})
	}
	return in
}

func (s *Server) strategyNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActStrategyRecord) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot record strategy discussions.", actor.Role.Label())
	}
	return s.strategyForm(w, r, actor, http.StatusOK, url.Values{"held_at": {isoNow(s)}, "referral_id": {r.URL.Query().Get("referral")}}, nil)
}

func (s *Server) strategyForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, form url.Values, errs []csc.FieldError) error {
	d, err := s.loadProtection(r, actor, "")
	if err != nil {
		return err
	}
	s.render(w, r, st, "strategy_new", &view{Title: "Record a strategy discussion", Nav: "people", Data: d, Form: form, Errors: errs})
	return nil
}

func (s *Server) strategyCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	sd, err := s.app.RecordStrategy(r.Context(), actor, child, strategyInputOf(r.PostForm))
	if csc.ErrorKind(err) == csc.Invalid {
		return s.strategyForm(w, r, actor, http.StatusBadRequest, r.PostForm, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Strategy discussion recorded")
	return redirect(w, r, stepPath(child, "strategy", sd.ID))
}

func (s *Server) s47Start(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	e, err := s.app.StartS47(r.Context(), actor, child, id, csc.S47StartInput{LeadID: formID(f.Get("lead_id"))})
	to := ""
	if err == nil {
		to = stepPath(child, "s47", e.ID)
	}
	return s.afterProtection(w, r, actor, "strategy", "s47", err, "Section 47 enquiry started", to)
}

func (s *Server) s47Visit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.AddS47Visit(r.Context(), actor, child, id, csc.S47VisitInput{Version: formVersion(f), Date: f.Get("date"),
		ChildSeen: f.Get("child_seen") == "yes", SeenAlone: f.Get("seen_alone") == "yes"})
	return s.afterProtection(w, r, actor, "s47", "visit", err, "Visit recorded", stepPath(child, "s47", id))
}

func (s *Server) s47View(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.AddS47View(r.Context(), actor, child, id, csc.S47ViewInput{Version: formVersion(f), Agency: f.Get("agency"), View: f.Get("view")})
	return s.afterProtection(w, r, actor, "s47", "view", err, "Partner's view recorded", stepPath(child, "s47", id))
}

func (s *Server) s47Outcome(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.RecordS47Outcome(r.Context(), actor, child, id, csc.S47OutcomeInput{Version: formVersion(f),
		Outcome: f.Get("outcome"), ConferenceNeeded: f.Get("conference_needed") == "yes", OutcomeDate: f.Get("outcome_date")})
	return s.afterProtection(w, r, actor, "s47", "outcome", err, "Outcome recorded", stepPath(child, "s47", id))
}

func formVersion(f url.Values) int {
	v, _ := strconv.Atoi(f.Get("version"))
	return v
}

func (s *Server) conferenceNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActConferenceRecord) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot record conferences.", actor.Role.Label())
	}
	q := r.URL.Query()
	form := url.Values{"kind": {q.Get("kind")}, "s47_id": {q.Get("s47")}, "plan_id": {q.Get("plan")},
		"referral_id": {q.Get("referral")}, "chair_id": {strconv.FormatInt(actor.StaffID, 10)}}
	return s.conferenceForm(w, r, actor, http.StatusOK, form, nil)
}

func (s *Server) conferenceForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, form url.Values, errs []csc.FieldError) error {
	d, err := s.loadProtection(r, actor, "")
	if err != nil {
		return err
	}
	d.Household = []csc.Person{*d.Record.Child}
	for _, rel := range d.Record.Household() {
		if rel.Other.Kind != csc.KindAdult {
			d.Household = append(d.Household, rel.Other)
		}
	}
	s.render(w, r, st, "conference_new", &view{Title: "Record a child protection conference", Nav: "people", Data: d, Form: form, Errors: errs})
	return nil
}

func conferenceInputOf(f url.Values) csc.ConferenceInput {
	in := csc.ConferenceInput{Kind: f.Get("kind"), ReferralID: formID(f.Get("referral_id")), S47ID: formID(f.Get("s47_id")),
		PlanID: formID(f.Get("plan_id")), HeldOn: f.Get("held_on"), ChairID: formID(f.Get("chair_id")),
		ChildView: f.Get("child_view"), FamilyView: f.Get("family_view"), Evidence: f.Get("evidence")}
	in.Attendance = attendanceOf(f)
	for _, r := range formRows(f, "views", []string{"who", "view"}) {
		in.Views = append(in.Views, csc.ConferenceView{Who: r["who"], View: r["view"]})
	}
	for _, id := range f["decision_child"] {
		p := "decisions." + id + "."
		if child := formID(id); child != 0 && f.Get(p+"plan_needed") != "" {
			in.Decisions = append(in.Decisions, csc.ConferenceDecision{ChildID: child, PlanNeeded: f.Get(p+"plan_needed") == "yes",
				Category: f.Get(p + "category"), Dissent: f.Get(p + "dissent"), EndReason: f.Get(p + "end_reason")})
		}
	}
	return in
}

func attendanceOf(f url.Values) []csc.ConferenceAttendee {
	var out []csc.ConferenceAttendee
	for _, r := range formRows(f, "attendance", []string{"name", "role"}, "attended") {
		out = append(out, csc.ConferenceAttendee{Name: r["name"], Role: r["role"], Attended: r["attended"] == "yes"})
	}
	return out
}

func (s *Server) conferenceCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	c, err := s.app.RecordConference(r.Context(), actor, child, conferenceInputOf(r.PostForm))
	if csc.ErrorKind(err) == csc.Invalid {
		return s.conferenceForm(w, r, actor, http.StatusBadRequest, r.PostForm, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Conference recorded")
	return redirect(w, r, stepPath(child, "conferences", c.ID))
}

func (s *Server) planAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.AddPlanAction(r.Context(), actor, child, id, csc.PlanActionInput{What: f.Get("what"), Who: f.Get("who"), Due: f.Get("due")})
	return s.afterProtection(w, r, actor, "cpplan", "action", err, "Action added", stepPath(child, "cp-plans", id))
}

func (s *Server) planActionDone(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	action, err := pathID(r, "action")
	if err != nil {
		return err
	}
	_, err = s.app.CompletePlanAction(r.Context(), actor, child, id, action, csc.PlanActionDoneInput{Version: formVersion(f), Done: f.Get("done")})
	return s.afterProtection(w, r, actor, "cpplan", "done", err, "Action marked done", stepPath(child, "cp-plans", id))
}

func (s *Server) coreGroup(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.RecordCoreGroup(r.Context(), actor, child, id, csc.CoreGroupInput{HeldOn: f.Get("held_on"), Attendance: attendanceOf(f), Notes: f.Get("notes")})
	return s.afterProtection(w, r, actor, "cpplan", "core-group", err, "Core group recorded", stepPath(child, "cp-plans", id))
}

func (s *Server) planEnd(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, id, f, err := stepForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.EndPlan(r.Context(), actor, child, id, csc.PlanEndInput{Version: formVersion(f), End: f.Get("end"), Reason: f.Get("reason")})
	return s.afterProtection(w, r, actor, "cpplan", "end", err, "Plan ended", stepPath(child, "cp-plans", id))
}
