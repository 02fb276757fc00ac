package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"cairn/internal/app/apptest"
	"cairn/internal/csc"
)

var (
	strategyRoles   = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleMASH}
	s47Roles        = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager}
	conferenceRoles = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleIRO}
)

func versionForm(name string, extra url.Values) func(f *fixture) url.Values {
	return func(f *fixture) url.Values {
		v := url.Values{"version": {fmt.Sprint(f.id(name + ".version"))}}
		for k, vs := range extra {
			v[k] = vs
		}
		return v
	}
}

func init() {
	childRoutes = append(childRoutes,
		route{"GET", "/people/{child}/strategy/new", nil, strategyRoles},
		route{"POST", "/people/{child}/strategy", func(f *fixture) url.Values {
			return url.Values{"referral_id": {fmt.Sprint(f.id("referral"))}, "held_at": {"2026-03-02T09:00"},
				"attendees.0.agency": {"police"}, "attendees.0.name": {"PC Example"}, "information_shared": {"Bruising."},
				"decision": {"s47"}, "decision_reasons": {"Significant harm."}}
		}, strategyRoles},
		route{"GET", "/people/{child}/strategy/{strategy}", nil, viewers},
		route{"POST", "/people/{child}/strategy/{strategy}/s47", func(f *fixture) url.Values {
			return url.Values{"lead_id": {fmt.Sprint(f.s.Staff[csc.RoleSocialWorker].ID)}}
		}, s47Roles},
		route{"GET", "/people/{child}/s47/{s47}", nil, viewers},
		route{"POST", "/people/{child}/s47/{s47}/visits", versionForm("s47", url.Values{"date": {"2026-03-02"}, "child_seen": {"yes"}}), s47Roles},
		route{"POST", "/people/{child}/s47/{s47}/views", versionForm("s47", url.Values{"agency": {"Health"}, "view": {"Worried."}}), s47Roles},
		route{"POST", "/people/{child}/s47/{s47}/outcome", versionForm("s47", url.Values{"outcome": {"substantiated"},
			"conference_needed": {"yes"}, "outcome_date": {"2026-03-02"}}), s47Roles},
		route{"GET", "/people/{child}/conferences/new?kind=initial&s47={s47}", nil, conferenceRoles},
		route{"POST", "/people/{child}/conferences", func(f *fixture) url.Values {
			return conferenceForm(f, fmt.Sprint(f.id("s47")))
		}, conferenceRoles},
		route{"GET", "/people/{child}/conferences/{conference}", nil, viewers},
		route{"GET", "/people/{child}/cp-plans/{plan}", nil, viewers},
		route{"POST", "/people/{child}/cp-plans/{plan}/actions", func(f *fixture) url.Values {
			return url.Values{"what": {"Parenting course"}, "who": {"Mother"}, "due": {"2026-04-01"}}
		}, s47Roles},
		route{"POST", "/people/{child}/cp-plans/{plan}/actions/{action}/done", versionForm("action", url.Values{"done": {"2026-03-02"}}), s47Roles},
		route{"POST", "/people/{child}/cp-plans/{plan}/core-groups", func(f *fixture) url.Values {
			return url.Values{"held_on": {"2026-03-02"}, "attendance.0.name": {"A Worker"}, "attendance.0.attended": {"yes"}}
		}, s47Roles},
		route{"POST", "/people/{child}/cp-plans/{plan}/end", versionForm("plan", url.Values{"end": {"2026-03-02"}, "reason": {"looked-after"}}), s47Roles},
	)
	// {referral} is built by the assessment routes' fixture part.
	addPart("strategy", func(t *testing.T, s *site, f *fixture) {
		registerSocialWorker(t, s.Env)
		sd, err := s.App.RecordStrategy(ctx, s.Actor(csc.RoleMASH), f.child, csc.StrategyInput{ReferralID: f.id("referral"),
			HeldAt: "2026-03-02T09:00", Attendees: []csc.Attendee{{Agency: "police", Name: "PC Example"}},
			InformationShared: "Bruising.", Decision: csc.StrategyS47, DecisionReasons: "Significant harm."})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["strategy"] = sd.ID
	})
	addPart("s47", func(t *testing.T, s *site, f *fixture) {
		e, err := s.App.StartS47(ctx, s.Actor(csc.RoleSocialWorker), f.child, f.id("strategy"),
			csc.S47StartInput{LeadID: s.Staff[csc.RoleSocialWorker].ID})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["s47"], f.ids["s47.version"] = e.ID, int64(e.Version)
	})
	addPart("conference", func(t *testing.T, s *site, f *fixture) {
		in := csc.ConferenceInput{Kind: csc.ConferenceInitial, S47ID: f.id("s47"), HeldOn: "2026-03-02",
			ChairID: s.Staff[csc.RoleIRO].ID, Attendance: []csc.ConferenceAttendee{{Name: "A Worker", Attended: true}},
			ChildView: "Wants to stay.", FamilyView: "Disagree.", Evidence: "Reports.",
			Decisions: []csc.ConferenceDecision{{ChildID: f.child, PlanNeeded: true, Category: "NEG"}}}
		c, err := s.App.RecordConference(ctx, s.Actor(csc.RoleIRO), f.child, in)
		if err != nil {
			t.Fatal(err)
		}
		f.ids["conference"], f.ids["plan"], f.ids["plan.version"] = c.ID, c.Decisions[0].PlanID, 1
	})
	addPart("plan", func(t *testing.T, s *site, f *fixture) { f.id("conference") })
	addPart("action", func(t *testing.T, s *site, f *fixture) {
		a, err := s.App.AddPlanAction(ctx, s.Actor(csc.RoleSocialWorker), f.child, f.id("plan"),
			csc.PlanActionInput{What: "Course", Who: "Mother", Due: "2026-04-01"})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["action"], f.ids["action.version"] = a.ID, int64(a.Version)
	})
}

// registerSocialWorker records a Social Work England number on the test
// social worker, who may then lead section 47 enquiries.
func registerSocialWorker(t *testing.T, e *apptest.Env) {
	t.Helper()
	err := e.DB.Write(ctx, func(tx csc.Tx) error {
		st, err := tx.FindStaffByID(e.Staff[csc.RoleSocialWorker].ID)
		if err != nil || st.Registration != "" {
			return err
		}
		st.Registration = "SW123456"
		return tx.UpdateStaff(st)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func conferenceForm(f *fixture, s47 string) url.Values {
	child := fmt.Sprint(f.child)
	return url.Values{"kind": {"initial"}, "s47_id": {s47}, "held_on": {"2026-03-02"},
		"chair_id": {fmt.Sprint(f.s.Staff[csc.RoleIRO].ID)}, "attendance.0.name": {"A Worker"}, "attendance.0.attended": {"yes"},
		"child_view": {"Wants to stay."}, "family_view": {"Disagree."}, "evidence": {"Reports."},
		"decision_child": {child}, "decisions." + child + ".plan_needed": {"yes"}, "decisions." + child + ".category": {"NEG"}}
}

// TestProtectionPages walks the pages: the child's section links each
// step, a refused conference shows its field errors and saves nothing, and
// the strategy discussion's warning is shown, not refused.
func TestProtectionPages(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		st, body := s.do(t, csc.RoleMASH, "POST", fmt.Sprintf("/people/%d/strategy", f.child), url.Values{
			"referral_id": {fmt.Sprint(f.id("referral"))}, "held_at": {"2026-03-02T09:00"},
			"attendees.0.agency": {"police"}, "attendees.0.name": {"PC Example"}, "information_shared": {"Bruising."},
			"decision": {"s47"}, "decision_reasons": {"Significant harm."}, "scaling.0.participant": {"Police"},
			"scaling.0.score": {"12"}, "scaling.0.reason": {"x"}})
		if st != http.StatusBadRequest || !strings.Contains(body, "from 0 to 10") {
			t.Errorf("scale of 12: status %d", st)
		}
		st, _ = s.do(t, csc.RoleMASH, "GET", fmt.Sprintf("/people/%d/strategy/%d", f.child, f.id("strategy")), nil)
		_, body = s.do(t, csc.RoleMASH, "GET", fmt.Sprintf("/people/%d/strategy/%d", f.child, f.id("strategy")), nil)
		if st != 200 || !strings.Contains(body, "Health did not take part") {
			t.Errorf("strategy page without the missing-agency warning: %d", st)
		}
		form := conferenceForm(&f, fmt.Sprint(f.id("s47")))
		form.Set("held_on", "2026-03-01")
		form.Del("decisions." + fmt.Sprint(f.child) + ".category")
		st, body = s.do(t, csc.RoleIRO, "POST", fmt.Sprintf("/people/%d/conferences", f.child), form)
		if st != http.StatusBadRequest || !strings.Contains(body, "before the strategy discussion") && !strings.Contains(body, "category of abuse") {
			t.Errorf("bad conference: status %d", st)
		}
		f.id("plan")
		_, body = s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d", f.child), nil)
		for _, want := range []string{"Child protection", "Neglect", "Next review due", fmt.Sprintf("/cp-plans/%d", f.id("plan")),
			fmt.Sprintf("/s47/%d", f.id("s47")), "Record a strategy discussion"} {
			if !strings.Contains(body, want) {
				t.Errorf("child page lacks %q", want)
			}
		}
		_, body = s.do(t, csc.RoleQA, "GET", fmt.Sprintf("/people/%d", f.child), nil)
		if strings.Contains(body, "Record a strategy discussion") {
			t.Errorf("QA sees the button to record a strategy discussion")
		}
		_, body = s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d/cp-plans/%d", f.child, f.id("plan")), nil)
		if !strings.Contains(body, fmt.Sprintf("/visits/new?plan=cp:%d", f.id("plan"))) {
			t.Errorf("plan page lacks the link to record a statutory visit")
		}
	})
}
