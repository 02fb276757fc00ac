package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"cairn/internal/app/apptest"
	"cairn/internal/csc"
)

// The routes of referrals, assessments, early help and homeless 16/17s,
// with the fixture parts they need.
func init() {
	practitioners := []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager}
	manager := []csc.Role{csc.RoleTeamManager}
	v := func(name string) func(f *fixture) url.Values {
		return func(f *fixture) url.Values { return url.Values{"version": {fmt.Sprint(f.id(name + ".version"))}} }
	}
	today := func(f *fixture) string { return f.s.App.Today().String() }
	childRoutes = append(childRoutes,
		route{"GET", "/referrals/{referral}", nil, viewers},
		route{"POST", "/referrals/{referral}/details", func(f *fixture) url.Values {
			return url.Values{"version": {fmt.Sprint(f.id("referral.version"))}, "primary_need": {"N1"}}
		}, practitioners},
		route{"POST", "/referrals/{referral}/closure", func(f *fixture) url.Values {
			return url.Values{"version": {fmt.Sprint(f.id("referral.version"))}, "closure_date": {today(f)}, "closure_reason": {"RC8"}}
		}, manager},
		route{"POST", "/referrals/{referral}/assessments", func(f *fixture) url.Values {
			return url.Values{"start_date": {today(f)}}
		}, practitioners},
		route{"GET", "/assessments/{assessment}", nil, viewers},
		route{"POST", "/assessments/{assessment}", func(f *fixture) url.Values {
			vs := v("assessment")(f)
			vs.Set("history", "Known since 2020.")
			vs.Set("identity_religion", "Christian")
			vs["factors"] = []string{"3A"}
			return vs
		}, practitioners},
		route{"POST", "/assessments/{assessment}/seen", func(f *fixture) url.Values {
			return url.Values{"seen_date": {today(f)}, "alone": {"yes"}}
		}, practitioners},
		route{"POST", "/assessments/{ready}/submission", v("ready"), practitioners},
		route{"POST", "/assessments/{submitted}/authorisation", func(f *fixture) url.Values {
			vs := v("submitted")(f)
			vs.Set("date", today(f))
			return vs
		}, manager},
		route{"GET", "/people/{child}/early-help/new", nil, practitioners},
		route{"POST", "/people/{child}/early-help", func(f *fixture) url.Values {
			return url.Values{"start_date": {today(f)}, "lead_practitioner": {"Sam Lee"}, "agency": {"Family hub"}, "consent": {"yes"}}
		}, practitioners},
		route{"GET", "/early-help/{earlyhelp}", nil, viewers},
		route{"POST", "/early-help/{earlyhelp}/assessment", func(f *fixture) url.Values {
			vs := v("earlyhelp")(f)
			vs.Set("eha_start", today(f))
			return vs
		}, practitioners},
		route{"POST", "/early-help/{earlyhelp}/end", func(f *fixture) url.Values {
			vs := v("earlyhelp")(f)
			vs.Set("end_date", today(f))
			vs.Set("end_reason", "Needs met")
			return vs
		}, practitioners},
		route{"GET", "/early-help/{earlyhelp}/step-up", nil, recorders},
		route{"GET", "/people/{youth}/homeless/new", nil, practitioners},
		route{"POST", "/people/{youth}/homeless", func(f *fixture) url.Values {
			return url.Values{"presented_on": {today(f)}, "source": {"4"}}
		}, practitioners},
		route{"GET", "/homeless/{homeless}", nil, viewers},
		route{"POST", "/homeless/{homeless}/decision", func(f *fixture) url.Values {
			return url.Values{"version": {fmt.Sprint(f.id("homeless.version"))}, "decision_date": {today(f)}, "decision": {"accommodated"},
				"told_consequences": {"yes"}, "competent": {"yes"}, "young_person_view": {"I need somewhere safe."}, "interim_provided": {"no"}}
		}, practitioners},
	)

	addPart("referral", func(t *testing.T, s *site, f *fixture) {
		r := asmReferral(t, s, f.child)
		f.ids["referral"], f.ids["referral.version"] = r.ID, int64(r.Version)
	})
	addPart("assessment", func(t *testing.T, s *site, f *fixture) {
		x := asmStart(t, s, f.child)
		f.ids["assessment"], f.ids["assessment.version"] = x.ID, int64(x.Version)
	})
	addPart("ready", func(t *testing.T, s *site, f *fixture) {
		x := asmReady(t, s, f.child)
		f.ids["ready"], f.ids["ready.version"] = x.ID, int64(x.Version)
	})
	addPart("submitted", func(t *testing.T, s *site, f *fixture) {
		x := asmReady(t, s, f.child)
		x, err := s.App.SubmitAssessment(ctx, s.Actor(csc.RoleSocialWorker), x.ID, x.Version)
		if err != nil {
			t.Fatal(err)
		}
		f.ids["submitted"], f.ids["submitted.version"] = x.ID, int64(x.Version)
	})
	addPart("earlyhelp", func(t *testing.T, s *site, f *fixture) {
		e, err := s.App.StartEarlyHelp(ctx, s.Actor(csc.RoleSocialWorker), f.child, csc.EarlyHelpInput{StartDate: s.App.Today().String(),
			LeadPractitioner: "Sam Lee", Agency: "Family hub", Consent: true})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["earlyhelp"], f.ids["earlyhelp.version"] = e.ID, int64(e.Version)
	})
	// A homeless presentation is for a 16- or 17-year-old, so these parts
	// make the fixture's child a young person of 16: the audit checks then
	// look at their record.
	addPart("youth", func(t *testing.T, s *site, f *fixture) {
		p := s.Child(t, "Kai", fmt.Sprintf("Moss%d", f.child), "2009-06-01")
		s.Allocate(t, p.ID, s.Staff[csc.RoleSocialWorker])
		f.child, f.ids["youth"] = p.ID, p.ID
	})
	addPart("homeless", func(t *testing.T, s *site, f *fixture) {
		youth := f.id("youth")
		h, err := s.App.RecordHomeless(ctx, s.Actor(csc.RoleSocialWorker), youth, csc.HomelessInput{PresentedOn: s.App.Today().String(), Source: "4"})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["homeless"], f.ids["homeless.version"] = h.ID, int64(h.Version)
	})
}

// asmReferral opens a referral for the child through the front door.
func asmReferral(t *testing.T, s *site, childID int64) *csc.Referral {
	t.Helper()
	mash := s.Actor(csc.RoleMASH)
	c := s.Contact(t, childID)
	c, err := s.App.ScreenContact(ctx, mash, c.ID, csc.ScreeningInput{Version: c.Version, RAG: "amber", Risks: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if c, err = s.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "referral", Rationale: "Assess."}); err != nil {
		t.Fatal(err)
	}
	v, err := s.App.Referral(ctx, mash, c.ReferralID)
	if err != nil {
		t.Fatal(err)
	}
	return &v.Referral
}

func asmStart(t *testing.T, s *site, childID int64) *csc.Assessment {
	t.Helper()
	r := asmReferral(t, s, childID)
	x, err := s.App.StartAssessment(ctx, s.Actor(csc.RoleSocialWorker), r.ID, r.ReferralDate.String())
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// asmReady starts an assessment and writes it in full, ready to submit.
func asmReady(t *testing.T, s *site, childID int64) *csc.Assessment {
	t.Helper()
	sw := s.Actor(csc.RoleSocialWorker)
	x := asmStart(t, s, childID)
	if _, err := s.App.RecordChildSeen(ctx, sw, x.ID, s.App.Today().String(), true); err != nil {
		t.Fatal(err)
	}
	id := map[string]csc.IdentityNote{}
	for _, k := range csc.IdentityAspects {
		id[k] = csc.IdentityNote{Found: "Explored"}
	}
	x, err := s.App.SaveAssessment(ctx, sw, x.ID, csc.AssessmentInput{Version: x.Version, Identity: id, Analysis: "Needs met.",
		Factors: []string{"21"}, Outcome: "nfa", NextSteps: "Close."})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestAssessmentPagesShowAndRefuse checks the child's page lists the
// episode and that bad input comes back to the form with its message.
func TestAssessmentPagesShowAndRefuse(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		r := asmReferral(t, s, f.child)
		if st, body := s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d", f.child), nil); st != 200 ||
			!strings.Contains(body, "Referrals and assessments") || !strings.Contains(body, fmt.Sprintf("/referrals/%d", r.ID)) {
			t.Errorf("child page: %d", st)
		}
		st, body := s.do(t, csc.RoleTeamManager, "POST", fmt.Sprintf("/referrals/%d/closure", r.ID),
			url.Values{"version": {fmt.Sprint(r.Version)}, "closure_date": {e.App.Today().String()}, "closure_reason": {"RC10"}})
		if st != 400 || !strings.Contains(body, "is not a reason for closure code") {
			t.Errorf("closure with RC10: %d", st)
		}
		x := asmStart(t, s, f.child)
		st, body = s.do(t, csc.RoleSocialWorker, "POST", fmt.Sprintf("/assessments/%d/submission", x.ID), url.Values{"version": {fmt.Sprint(x.Version)}})
		if st != 400 || !strings.Contains(body, "why it was not explored") || !strings.Contains(body, `href="#identity_religion"`) {
			t.Errorf("submission with identity blank: %d", st)
		}
	})
}
