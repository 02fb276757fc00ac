package app_test

import (
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/clock"
	"cairn/internal/csc"
)

// asmIdentity is an identity section with every aspect explored.
func asmIdentity() map[string]csc.IdentityNote {
	out := map[string]csc.IdentityNote{}
	for _, k := range csc.IdentityAspects {
		out[k] = csc.IdentityNote{Found: "Explored with the child: " + k}
	}
	out["sexuality"] = csc.IdentityNote{NotExplored: "Not appropriate at the child's age"}
	return out
}

// asmComplete is a draft ready to submit.
func asmComplete(version int) csc.AssessmentInput {
	return csc.AssessmentInput{Version: version, History: "Known to services since 2020.", LivedExperience: "Says home is loud.",
		Identity: asmIdentity(), ParentsCarers: "Mother, sole carer.", Risks: "Domestic abuse by a former partner.",
		Protective: "Grandmother nearby.", Analysis: "Needs are met with support.", Factors: []string{"3A", "3B"},
		Outcome: "cin_plan", NextSteps: "Child in need plan meeting within 10 working days."}
}

func asmClock(t *testing.T, e *apptest.Env, childID int64, rule string) app.TrayItem {
	t.Helper()
	rec, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleTeamManager), childID)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range rec.Clocks {
		if k.Rule == rule {
			return k
		}
	}
	t.Fatalf("no %s clock", rule)
	return app.TrayItem{}
}

// at is 10:00 in London on d.
func at(d csc.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, csc.London) }

func TestAssessmentJourneyMeetsHP03(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw, tm := e.Actor(csc.RoleSocialWorker), e.Actor(csc.RoleTeamManager)
		child := e.Child(t, "Maya", "Holt", "2015-01-10")
		e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
		c := referral(t, e, child.ID)
		refDate := csc.DateOf(apptest.Start)

		r, err := e.App.AmendReferral(ctx, sw, c.ReferralID, csc.ReferralInput{Version: 1, PrimaryNeed: "N11"})
		if !strings.Contains(fieldsOf(err), "primary_need") {
			t.Fatalf("bad primary need accepted: %v", err)
		}
		if r, err = e.App.AmendReferral(ctx, sw, c.ReferralID, csc.ReferralInput{Version: 1, PrimaryNeed: "N1"}); err != nil || r.PrimaryNeed != "N1" {
			t.Fatalf("amend: %+v %v", r, err)
		}
		if _, err := e.App.StartAssessment(ctx, sw, c.ReferralID, refDate.AddDays(-1).String()); !strings.Contains(fieldsOf(err), "on or after the referral date") {
			t.Fatalf("assessment before the referral accepted: %v", err)
		}
		x, err := e.App.StartAssessment(ctx, sw, c.ReferralID, refDate.String())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.StartAssessment(ctx, sw, c.ReferralID, refDate.String()); csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("a second open assessment in the episode: %v", err)
		}
		// Day 44: seen, written, submitted and authorised.
		day44 := clock.AddWorkingDays(refDate, 44)
		e.Clock.Set(at(day44))
		if _, err := e.App.RecordChildSeen(ctx, sw, x.ID, day44.AddDays(1).String(), true); !strings.Contains(fieldsOf(err), "future") {
			t.Errorf("seen in the future accepted: %v", err)
		}
		if _, err := e.App.RecordChildSeen(ctx, sw, x.ID, refDate.AddDays(3).String(), true); err != nil {
			t.Fatal(err)
		}
		draft := asmComplete(x.Version)
		draft.Identity = map[string]csc.IdentityNote{"ethnicity": {Found: "White British"}}
		if x, err = e.App.SaveAssessment(ctx, sw, x.ID, draft); err != nil {
			t.Fatal(err)
		}
		_, err = e.App.SubmitAssessment(ctx, sw, x.ID, x.Version)
		if f := fieldsOf(err); !strings.Contains(f, "identity.religion") || strings.Contains(f, "identity.ethnicity") {
			t.Fatalf("identity left blank without a reason was submitted: %s", f)
		}
		if _, err := e.App.SaveAssessment(ctx, sw, x.ID, csc.AssessmentInput{Version: x.Version, Factors: []string{"99Z"}}); !strings.Contains(fieldsOf(err), "factors") {
			t.Errorf("unknown factor accepted: %v", err)
		}
		if x, err = e.App.SaveAssessment(ctx, sw, x.ID, asmComplete(x.Version)); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.AuthoriseAssessment(ctx, sw, x.ID, app.AuthoriseInput{Version: x.Version, Date: day44.String()}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a social worker authorised: %v", err)
		}
		if x, err = e.App.SubmitAssessment(ctx, sw, x.ID, x.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.CloseReferral(ctx, tm, c.ReferralID, csc.ClosureInput{Version: r.Version, ClosureDate: day44.String(), ClosureReason: "RC7"}); !strings.Contains(csc.ErrorMessage(err)+fieldsOf(err), "not yet authorised") {
			t.Errorf("closed with an open assessment: %v", err)
		}
		if _, err := e.App.AuthoriseAssessment(ctx, tm, x.ID, app.AuthoriseInput{Version: x.Version, Date: refDate.AddDays(-1).String()}); !strings.Contains(fieldsOf(err), "date") {
			t.Errorf("authorised before the start: %v", err)
		}
		if x, err = e.App.AuthoriseAssessment(ctx, tm, x.ID, app.AuthoriseInput{Version: x.Version, Date: day44.String()}); err != nil {
			t.Fatal(err)
		}
		if k := asmClock(t, e, child.ID, "HP-03"); k.Status != clock.StatusMet || k.Met != day44 {
			t.Errorf("HP-03 after authorisation on day 44: %s met %s", k.Status, k.Met)
		}
		rec, _ := e.App.ChildRecord(ctx, sw, child.ID)
		ep := rec.Assessment.Episodes[0]
		if len(ep.Assessments) != 1 || ep.Assessments[0].Status != csc.AssessmentAuthorised || len(ep.Assessments[0].Seen) != 1 ||
			ep.HP03Due != clock.AddWorkingDays(refDate, 45) {
			t.Errorf("child page episode: %+v", ep)
		}
		kinds := map[string]bool{}
		for _, ev := range rec.Timeline {
			kinds[ev.Kind] = true
			if ev.Kind == csc.EventAssessmentCompleted && !ev.At.Equal(csc.StepTime(day44)) {
				t.Errorf("completion placed at %v", ev.At)
			}
		}
		if !kinds[csc.EventAssessmentStarted] || !kinds[csc.EventAssessmentCompleted] {
			t.Errorf("timeline kinds %v", kinds)
		}
		// Bad closures, then a good one.
		for in, want := range map[csc.ClosureInput]string{
			{Version: r.Version, ClosureDate: day44.String(), ClosureReason: "RC10"}:              "closure_reason",
			{Version: r.Version, ClosureDate: refDate.AddDays(-2).String(), ClosureReason: "RC8"}: "closure_date",
			{Version: r.Version, ClosureDate: day44.AddDays(2).String(), ClosureReason: "RC8"}:    "closure_date",
		} {
			if _, err := e.App.CloseReferral(ctx, tm, c.ReferralID, in); !strings.Contains(fieldsOf(err), want) {
				t.Errorf("closure %+v: %v", in, err)
			}
		}
		if _, err := e.App.CloseReferral(ctx, sw, c.ReferralID, csc.ClosureInput{Version: r.Version, ClosureDate: day44.String(), ClosureReason: "RC9"}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a social worker closed the referral: %v", err)
		}
		if r, err = e.App.CloseReferral(ctx, tm, c.ReferralID, csc.ClosureInput{Version: r.Version, ClosureDate: day44.String(), ClosureReason: "RC9"}); err != nil {
			t.Fatal(err)
		}
		if r.Open() || r.ClosureReason != "RC9" {
			t.Errorf("closed referral %+v", r)
		}
	})
}

func TestAssessmentOverdueAtDay46(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw := e.Actor(csc.RoleSocialWorker)
		child := e.Child(t, "Ned", "Carr", "2012-01-10")
		e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
		c := referral(t, e, child.ID)
		if _, err := e.App.StartAssessment(ctx, sw, c.ReferralID, csc.DateOf(apptest.Start).String()); err != nil {
			t.Fatal(err)
		}
		e.Clock.Set(at(clock.AddWorkingDays(csc.DateOf(apptest.Start), 46)))
		if _, err := e.App.RefreshAllClocks(ctx); err != nil {
			t.Fatal(err)
		}
		tray, err := e.App.MyWork(ctx, sw)
		if err != nil || len(tray.Overdue) != 1 || tray.Overdue[0].Rule != "HP-03" {
			t.Fatalf("an assessment not done by day 46 is not overdue in the tray: %+v %v", tray.Overdue, err)
		}
		if v, err := e.App.Assessment(ctx, sw, 1); err != nil || app.WorkingDaysLeft(e.App.Today(), v.Due) != -1 {
			t.Errorf("days left on day 46: %v", err)
		}
	})
}

func TestReReferralAndEarlyHelp(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw, tm, eh := e.Actor(csc.RoleSocialWorker), e.Actor(csc.RoleTeamManager), e.Actor(csc.RoleEarlyHelp)
		child := e.Child(t, "Lena", "Roe", "2016-02-10")
		e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
		c := referral(t, e, child.ID)
		r, _ := e.App.AmendReferral(ctx, sw, c.ReferralID, csc.ReferralInput{Version: 1, PrimaryNeed: "N4", NFA: true})
		today := e.App.Today().String()
		if _, err := e.App.CloseReferral(ctx, tm, r.ID, csc.ClosureInput{Version: r.Version, ClosureDate: today, ClosureReason: "RC8"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.StartEarlyHelp(ctx, sw, child.ID, csc.EarlyHelpInput{ReferralID: r.ID, StartDate: today, LeadPractitioner: "Sam Lee", Agency: "Family hub", Consent: true}); !strings.Contains(fieldsOf(err), "RC9") {
			t.Errorf("step down from an RC8 closure: %v", err)
		}
		_, err := e.App.StartEarlyHelp(ctx, sw, child.ID, csc.EarlyHelpInput{StartDate: today})
		if f := fieldsOf(err); !strings.Contains(f, "lead_practitioner") || !strings.Contains(f, "agency") || !strings.Contains(f, "consent") {
			t.Errorf("early help without lead, agency or consent: %s", f)
		}
		if _, err := e.App.StartEarlyHelp(ctx, eh, child.ID, csc.EarlyHelpInput{StartDate: today, LeadPractitioner: "Sam Lee", Agency: "Family hub", Consent: true}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("an early help worker outside their team's children: %v", err)
		}
		ep, err := e.App.StartEarlyHelp(ctx, sw, child.ID, csc.EarlyHelpInput{StartDate: today, LeadPractitioner: "Sam Lee", Agency: "Family hub", Consent: true})
		if err != nil {
			t.Fatal(err)
		}
		e.Clock.Advance(20 * 24 * time.Hour)
		later := e.App.Today()
		if _, err := e.App.RecordEHA(ctx, sw, ep.ID, csc.EHAInput{Version: ep.Version, EHAStart: later.String(), EHACompleted: later.AddDays(-1).String()}); !strings.Contains(fieldsOf(err), "eha_completed") {
			t.Errorf("EHA completed before it started: %v", err)
		}
		if ep, err = e.App.RecordEHA(ctx, sw, ep.ID, csc.EHAInput{Version: ep.Version, EHAStart: later.AddDays(-5).String(), EHACompleted: later.String()}); err != nil {
			t.Fatal(err)
		}
		if ep, err = e.App.EndEarlyHelp(ctx, sw, ep.ID, csc.EarlyHelpEndInput{Version: ep.Version, EndDate: later.String(), EndReason: "Concerns escalated", StepUp: true}); err != nil || !ep.SteppedUp {
			t.Fatalf("step up: %v", err)
		}
		// Back through the front door within 12 months: a re-referral.
		c2 := referral(t, e, child.ID)
		rec, _ := e.App.ChildRecord(ctx, sw, child.ID)
		if !rec.Assessment.ReReferral || rec.Assessment.Episodes[0].Referral.ID != c2.ReferralID || rec.Assessment.Episodes[1].ReReferral {
			t.Errorf("re-referral flag: %+v", rec.Assessment)
		}
		if len(rec.Assessment.EarlyHelp) != 1 || rec.Assessment.EarlyHelp[0].EndReason != "Concerns escalated" {
			t.Errorf("early help on the child's page: %+v", rec.Assessment.EarlyHelp)
		}
	})
}

func TestReReferrals(t *testing.T) {
	d := csc.MustParseDate
	refs := []csc.Referral{{ID: 3, ReferralDate: d("2026-03-01")}, {ID: 1, ReferralDate: d("2024-01-10")},
		{ID: 2, ReferralDate: d("2025-03-01")}}
	got := csc.ReReferrals(refs)
	if got[1] || !got[3] {
		t.Errorf("re-referrals %v", got)
	}
	if got[2] {
		t.Errorf("a referral 13 months after the previous is not a re-referral: %v", got)
	}
}

func TestHomelessPresentation(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw, tm := e.Actor(csc.RoleSocialWorker), e.Actor(csc.RoleTeamManager)
		young := e.Child(t, "Jo", "Young", "2015-01-01")
		if _, err := e.App.RecordHomeless(ctx, sw, young.ID, csc.HomelessInput{PresentedOn: e.App.Today().String(), Source: "4"}); !strings.Contains(fieldsOf(err), "16- and 17-year-olds") {
			t.Errorf("an 11-year-old's presentation: %v", err)
		}
		yp := e.Child(t, "Kai", "Moss", "2009-06-01")
		e.Allocate(t, yp.ID, e.Staff[csc.RoleSocialWorker])
		today := e.App.Today().String()
		if _, err := e.App.RecordHomeless(ctx, sw, yp.ID, csc.HomelessInput{PresentedOn: today}); !strings.Contains(fieldsOf(err), "source") {
			t.Errorf("a new referral without a source: %v", err)
		}
		h, err := e.App.RecordHomeless(ctx, sw, yp.ID, csc.HomelessInput{PresentedOn: today, Source: "4"})
		if err != nil {
			t.Fatal(err)
		}
		if h.Age != 16 || h.ReferralID == 0 || h.AssessmentID == 0 {
			t.Fatalf("presentation %+v", h)
		}
		k := asmClock(t, e, yp.ID, "HP-03")
		if k.Subject != h.ReferralID {
			t.Errorf("HP-03 runs for referral %d, want %d", k.Subject, h.ReferralID)
		}
		// The assessment is done, but the case cannot close without the s20 decision.
		x, _ := e.App.Assessment(ctx, sw, h.AssessmentID)
		a := x.Assessment
		if _, err := e.App.RecordChildSeen(ctx, sw, a.ID, today, true); err != nil {
			t.Fatal(err)
		}
		a, _ = e.App.SaveAssessment(ctx, sw, a.ID, asmComplete(a.Version))
		a, _ = e.App.SubmitAssessment(ctx, sw, a.ID, a.Version)
		if _, err := e.App.AuthoriseAssessment(ctx, tm, a.ID, app.AuthoriseInput{Version: a.Version, Date: today}); err != nil {
			t.Fatal(err)
		}
		rv, _ := e.App.Referral(ctx, tm, h.ReferralID)
		if _, err := e.App.CloseReferral(ctx, tm, h.ReferralID, csc.ClosureInput{Version: rv.Referral.Version, ClosureDate: today, ClosureReason: "RC7"}); !strings.Contains(fieldsOf(err), "section 20") {
			t.Errorf("closed without the section 20 decision: %v", err)
		}
		_, err = e.App.DecideHomeless(ctx, sw, h.ID, csc.HomelessDecisionInput{Version: h.Version, DecisionDate: today, Decision: "not_accommodated",
			ToldConsequences: "yes", InterimProvided: "yes"})
		if f := fieldsOf(err); !strings.Contains(f, "young_person_view") || !strings.Contains(f, "competent") ||
			!strings.Contains(f, "not_accommodated_reason") || !strings.Contains(f, "interim_where") {
			t.Errorf("outcome missing the young person's view: %s", f)
		}
		if h, err = e.App.DecideHomeless(ctx, sw, h.ID, csc.HomelessDecisionInput{Version: h.Version, DecisionDate: today, Decision: "accommodated",
			ToldConsequences: "yes", Competent: "yes", View: "I can't go back home.", InterimProvided: "no"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.CloseReferral(ctx, tm, h.ReferralID, csc.ClosureInput{Version: rv.Referral.Version, ClosureDate: today, ClosureReason: "RC7"}); err != nil {
			t.Errorf("close after the decision: %v", err)
		}
		rec, _ := e.App.ChildRecord(ctx, sw, yp.ID)
		if len(rec.Assessment.Homeless) != 1 || !rec.Assessment.Homeless[0].Decided() || len(rec.Assessment.Episodes[0].Homeless) != 1 {
			t.Errorf("child page homeless: %+v", rec.Assessment.Homeless)
		}
	})
}

// TestReReferralBadge shows a re-referral on the identity bar: a child
// referred again within 12 months of the last referral.
func TestReReferralBadge(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw := e.Actor(csc.RoleSocialWorker)
		child := e.Child(t, "Nell", "Rowe", "2014-02-02")
		e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
		today := e.App.Today()
		labels := func() string {
			rec, err := e.App.ChildRecord(ctx, sw, child.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, b := range rec.Badges {
				out = append(out, b.Label)
			}
			return strings.Join(out, ", ")
		}
		add := func(date csc.Date, closed csc.Date) {
			err := e.DB.Write(ctx, func(tx csc.Tx) error {
				return tx.CreateReferral(&csc.Referral{ChildID: child.ID, ReferralDate: date, Source: "2A",
					ClosureDate: closed, ClosureReason: map[bool]string{true: "", false: "RC8"}[closed.IsZero()]})
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		add(today.AddDays(-500), today.AddDays(-450))
		add(today.AddDays(-10), csc.Date{})
		if got := labels(); strings.Contains(got, "Re-referral") {
			t.Errorf("a referral 16 months after the last is flagged: %s", got)
		}
		add(today.AddDays(-200), today.AddDays(-150))
		if got := labels(); !strings.Contains(got, "Re-referral within 12 months") {
			t.Errorf("a referral 6 months after the last is not flagged: %s", got)
		}
	})
}
