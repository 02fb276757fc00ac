package app_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/clock"
	"cairn/internal/csc"
)

// register records a Social Work England number on the member of staff.
func register(t *testing.T, e *apptest.Env, s *csc.Staff) {
	t.Helper()
	err := e.DB.Write(ctx, func(tx csc.Tx) error {
		cur, err := tx.FindStaffByID(s.ID)
		if err != nil {
			return err
		}
		cur.Registration = "SW123456"
		return tx.UpdateStaff(cur)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// strategyInput is a strategy discussion with police, health and social
// care that decided on a section 47 enquiry.
func strategyInput(referralID int64, at string) csc.StrategyInput {
	return csc.StrategyInput{ReferralID: referralID, HeldAt: at,
		Attendees: []csc.Attendee{{Agency: "csc", Name: "A Worker", Role: "Social worker"},
			{Agency: "police", Name: "PC Example", Role: "Officer"}, {Agency: "health", Name: "N Nurse", Role: "School nurse"}},
		InformationShared: "Bruising seen at school.", Dangers: []csc.DangerGoal{{Danger: "Hit with a belt", Goal: "Safe discipline"}},
		Scaling:  []csc.SafetyScale{{Participant: "Police", Score: 3, Reason: "Injury unexplained"}},
		Decision: csc.StrategyS47, DecisionReasons: "Reasonable cause to suspect significant harm.", SafetyActions: "Stays with aunt."}
}

// protectionCase is a child on a referral made on Monday 2 March 2026,
// with a strategy discussion on Tuesday 3 March that started an s47 led
// by the registered social worker.
type protectionCase struct {
	child    *csc.Person
	referral int64
	strategy *csc.Strategy
	s47      *csc.S47
}

func newProtectionCase(t *testing.T, e *apptest.Env) protectionCase {
	t.Helper()
	child := e.Child(t, "Kit", "Marsh", "2016-05-05")
	e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
	c := referral(t, e, child.ID)
	register(t, e, e.Staff[csc.RoleSocialWorker])
	e.Clock.Set(time.Date(2026, 3, 3, 16, 0, 0, 0, csc.London))
	sw := e.Actor(csc.RoleSocialWorker)
	sd, err := e.App.RecordStrategy(ctx, sw, child.ID, strategyInput(c.ReferralID, "2026-03-03T10:00"))
	if err != nil {
		t.Fatal(err)
	}
	s47, err := e.App.StartS47(ctx, sw, child.ID, sd.ID, csc.S47StartInput{LeadID: e.Staff[csc.RoleSocialWorker].ID})
	if err != nil {
		t.Fatal(err)
	}
	return protectionCase{child: child, referral: c.ReferralID, strategy: sd, s47: s47}
}

func conferenceInput(kind string, heldOn string, decisions ...csc.ConferenceDecision) csc.ConferenceInput {
	return csc.ConferenceInput{Kind: kind, HeldOn: heldOn,
		Attendance: []csc.ConferenceAttendee{{Name: "A Worker", Role: "Social worker", Attended: true}, {Name: "Dr Who", Role: "GP"}},
		ChildView:  "Wants to stay at home.", FamilyView: "Mother disagrees with the concerns.", Evidence: "Medical report.",
		Decisions: decisions}
}

func fieldMessage(err error, field string) string {
	for _, f := range csc.ErrorFields(err) {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

func clockOf(t *testing.T, e *apptest.Env, childID int64, rule string) app.TrayItem {
	t.Helper()
	rec, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleSocialWorker), childID)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range rec.Clocks {
		if k.Rule == rule {
			return k
		}
	}
	t.Fatalf("no %s clock among %d", rule, len(rec.Clocks))
	return app.TrayItem{}
}

func TestStrategyDiscussionWarnsAndRefuses(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		child := e.Child(t, "Kit", "Marsh", "2016-05-05")
		c := referral(t, e, child.ID)
		e.Clock.Set(time.Date(2026, 3, 2, 16, 0, 0, 0, csc.London))
		mash := e.Actor(csc.RoleMASH)
		in := strategyInput(c.ReferralID, "2026-03-02T11:00")
		in.Attendees = in.Attendees[:2] // no health
		in.Dangers = append(in.Dangers, in.Dangers[0], in.Dangers[0], in.Dangers[0])
		sd, err := e.App.RecordStrategy(ctx, mash, child.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		w := strings.Join(sd.Warnings(), " ")
		if !strings.Contains(w, "Health did not take part") || !strings.Contains(w, "more than three danger statements") {
			t.Errorf("warnings: %q", w)
		}
		bad := strategyInput(c.ReferralID, "2026-03-01T11:00") // before the referral
		if _, err := e.App.RecordStrategy(ctx, mash, child.ID, bad); !strings.Contains(fieldMessage(err, "held_at"), "before the referral date") {
			t.Errorf("strategy before referral: %v", err)
		}
		bad = strategyInput(c.ReferralID, "2026-03-09T11:00")
		if _, err := e.App.RecordStrategy(ctx, mash, child.ID, bad); !strings.Contains(fieldMessage(err, "held_at"), "future") {
			t.Errorf("strategy in the future: %v", err)
		}
		bad = strategyInput(c.ReferralID, "2026-03-02T11:00")
		bad.Scaling[0].Score = 11
		bad.Dangers[0].Goal = ""
		_, err = e.App.RecordStrategy(ctx, mash, child.ID, bad)
		if fieldMessage(err, "scaling.0.score") == "" || !strings.Contains(fieldMessage(err, "danger_statements.0.goal"), "safety goal") {
			t.Errorf("scaling 11 and a danger with no goal: %v", err)
		}
		if _, err := e.App.RecordStrategy(ctx, e.Actor(csc.RoleIRO), child.ID, in); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("IRO recording a strategy discussion: %v", err)
		}
		p, _ := e.App.Protection(ctx, mash, child.ID)
		if len(p.Protection.Strategies) != 1 {
			t.Errorf("%d strategy discussions saved, want 1", len(p.Protection.Strategies))
		}
	})
}

func TestS47IsLedByARegisteredSocialWorker(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		child := e.Child(t, "Kit", "Marsh", "2016-05-05")
		c := referral(t, e, child.ID)
		e.Clock.Set(time.Date(2026, 3, 2, 16, 0, 0, 0, csc.London))
		sw := e.Actor(csc.RoleSocialWorker)
		sd, err := e.App.RecordStrategy(ctx, sw, child.ID, strategyInput(c.ReferralID, "2026-03-02T11:00"))
		if err != nil {
			t.Fatal(err)
		}
		for _, lead := range []*csc.Staff{e.Staff[csc.RoleMASH], e.Staff[csc.RoleSocialWorker]} {
			_, err := e.App.StartS47(ctx, sw, child.ID, sd.ID, csc.S47StartInput{LeadID: lead.ID})
			if !strings.Contains(fieldMessage(err, "lead_id"), "registered social worker") {
				t.Errorf("s47 led by %s: %v", lead.Role, err)
			}
		}
		register(t, e, e.Staff[csc.RoleSocialWorker])
		s47, err := e.App.StartS47(ctx, sw, child.ID, sd.ID, csc.S47StartInput{LeadID: e.Staff[csc.RoleSocialWorker].ID})
		if err != nil {
			t.Fatal(err)
		}
		if s47.Started != csc.MustParseDate("2026-03-02") {
			t.Errorf("s47 started %s, want the strategy discussion's date", s47.Started)
		}
		if _, err := e.App.StartS47(ctx, sw, child.ID, sd.ID, csc.S47StartInput{LeadID: e.Staff[csc.RoleSocialWorker].ID}); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a second s47 from one discussion: %v", err)
		}
		if _, err := e.App.RecordS47Outcome(ctx, sw, child.ID, s47.ID, csc.S47OutcomeInput{Version: s47.Version,
			Outcome: csc.S47NotSubstantiated, OutcomeDate: "2026-03-01"}); fieldMessage(err, "outcome_date") == "" {
			t.Errorf("outcome before start: %v", err)
		}
		s47, err = e.App.AddS47Visit(ctx, sw, child.ID, s47.ID, csc.S47VisitInput{Version: s47.Version, Date: "2026-03-02", ChildSeen: true, SeenAlone: true})
		if err != nil {
			t.Fatal(err)
		}
		// The enquiry ends without a conference: CP-04 stops.
		if _, err := e.App.RecordS47Outcome(ctx, sw, child.ID, s47.ID, csc.S47OutcomeInput{Version: s47.Version,
			Outcome: csc.S47NotSubstantiated, OutcomeDate: "2026-03-02"}); err != nil {
			t.Fatal(err)
		}
		if k := clockOf(t, e, child.ID, "CP-04"); k.Status != clock.StatusStopped {
			t.Errorf("CP-04 after an enquiry ends without conference: %s", k.Status)
		}
	})
}

func TestICPCWithinFifteenWorkingDaysMeetsCP04(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newProtectionCase(t, e)
		k := clockOf(t, e, pc.child.ID, "CP-04")
		if want := clock.AddWorkingDays(csc.MustParseDate("2026-03-03"), 15); k.Due != want {
			t.Errorf("CP-04 due %s, want %s", k.Due, want)
		}
		day14 := clock.AddWorkingDays(csc.MustParseDate("2026-03-03"), 14)
		e.Clock.Set(day14.In(csc.London).Add(17 * time.Hour))
		iro := e.Actor(csc.RoleIRO)
		in := conferenceInput(csc.ConferenceInitial, day14.String(), csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "NEG"})
		in.S47ID, in.ChairID = pc.s47.ID, e.Staff[csc.RoleIRO].ID
		conf, err := e.App.RecordConference(ctx, iro, pc.child.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if k := clockOf(t, e, pc.child.ID, "CP-04"); k.Status != clock.StatusMet {
			t.Errorf("CP-04 after an ICPC on day 14: %s", k.Status)
		}
		rec, _ := e.App.Protection(ctx, iro, pc.child.ID)
		cur := rec.Protection.Current
		if cur == nil || cur.InitialCategory != "NEG" || cur.Start != day14 || conf.Decisions[0].PlanID != cur.ID || cur.PreviousPlans != 0 {
			t.Fatalf("plan after ICPC: %+v", cur)
		}
		if rec.Protection.NextReviewDue.IsZero() {
			t.Errorf("no review due shown for the current plan")
		}
	})
}

func TestICPCNotHeldByDay16IsOverdue(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newProtectionCase(t, e)
		day16 := clock.AddWorkingDays(csc.MustParseDate("2026-03-03"), 16)
		e.Clock.Set(day16.In(csc.London).Add(10 * time.Hour))
		if _, err := e.App.RefreshAllClocks(ctx); err != nil {
			t.Fatal(err)
		}
		tray, err := e.App.MyWork(ctx, e.Actor(csc.RoleSocialWorker))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, it := range tray.Overdue {
			found = found || (it.Rule == "CP-04" && it.ChildID == pc.child.ID)
		}
		if !found {
			t.Errorf("CP-04 not overdue in the worker's tray on day 16: %+v", tray.Overdue)
		}
	})
}

func TestConferenceRefusals(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newProtectionCase(t, e)
		sib := sibling(t, e, pc.child.ID)
		iro := e.Actor(csc.RoleIRO)
		base := func(held string, ds ...csc.ConferenceDecision) csc.ConferenceInput {
			in := conferenceInput(csc.ConferenceInitial, held, ds...)
			in.S47ID, in.ChairID = pc.s47.ID, e.Staff[csc.RoleIRO].ID
			return in
		}
		both := []csc.ConferenceDecision{{ChildID: pc.child.ID, PlanNeeded: true, Category: "PHY"}, {ChildID: sib.ID, Dissent: "Police dissent."}}
		_, err := e.App.RecordConference(ctx, iro, pc.child.ID, base("2026-03-02", both...))
		if !strings.Contains(fieldMessage(err, "held_on"), "before the strategy discussion") {
			t.Errorf("conference before its strategy discussion: %v", err)
		}
		_, err = e.App.RecordConference(ctx, iro, pc.child.ID, base("2026-03-03", both[0]))
		msg := fieldMessage(err, "decisions."+itoa(sib.ID))
		if !strings.Contains(msg, "child record "+itoa(sib.ID)) || strings.Contains(msg, "Bo") {
			t.Errorf("no decision for the sibling: %v", err)
		}
		noCat := []csc.ConferenceDecision{{ChildID: pc.child.ID, PlanNeeded: true}, both[1]}
		_, err = e.App.RecordConference(ctx, iro, pc.child.ID, base("2026-03-03", noCat...))
		if !strings.Contains(fieldMessage(err, "decisions."+itoa(pc.child.ID)+".category"), "category of abuse") {
			t.Errorf("plan without category: %v", err)
		}
		notChair := base("2026-03-03", both...)
		notChair.ChairID = e.Staff[csc.RoleBusinessSupport].ID
		if _, err := e.App.RecordConference(ctx, iro, pc.child.ID, notChair); fieldMessage(err, "chair_id") == "" {
			t.Errorf("business support chairing: %v", err)
		}
		rec, _ := e.App.Protection(ctx, iro, pc.child.ID)
		if len(rec.Protection.Conferences) != 0 || len(rec.Protection.Plans) != 0 {
			t.Fatalf("a refused conference saved something: %+v", rec.Protection)
		}
		// Both decided: the child gets a plan, the sibling none.
		conf, err := e.App.RecordConference(ctx, iro, pc.child.ID, base("2026-03-03", both...))
		if err != nil {
			t.Fatal(err)
		}
		if len(conf.Decisions) != 2 || conf.Decisions[1].Dissent != "Police dissent." {
			t.Errorf("decisions: %+v", conf.Decisions)
		}
		srec, _ := e.App.Protection(ctx, iro, sib.ID)
		if len(srec.Protection.Conferences) != 1 || srec.Protection.Current != nil {
			t.Errorf("sibling's record after the conference: %+v", srec.Protection)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestPlanCoreGroupsReviewsAndEnd(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newProtectionCase(t, e)
		iro, sw := e.Actor(csc.RoleIRO), e.Actor(csc.RoleSocialWorker)
		in := conferenceInput(csc.ConferenceInitial, "2026-03-03", csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "NEG"})
		in.S47ID, in.ChairID = pc.s47.ID, e.Staff[csc.RoleIRO].ID
		conf, err := e.App.RecordConference(ctx, iro, pc.child.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		planID := conf.Decisions[0].PlanID
		// The first core group on working day 11 after the ICPC misses CP-10.
		day11 := clock.AddWorkingDays(csc.MustParseDate("2026-03-03"), 11)
		e.Clock.Set(day11.In(csc.London).Add(17 * time.Hour))
		if _, err := e.App.RecordCoreGroup(ctx, sw, pc.child.ID, planID, csc.CoreGroupInput{HeldOn: "2026-03-02",
			Attendance: []csc.ConferenceAttendee{{Name: "A Worker", Attended: true}}}); fieldMessage(err, "held_on") == "" {
			t.Errorf("core group before the plan: %v", err)
		}
		if _, err := e.App.RecordCoreGroup(ctx, sw, pc.child.ID, planID, csc.CoreGroupInput{HeldOn: day11.String(),
			Attendance: []csc.ConferenceAttendee{{Name: "A Worker", Attended: true}}}); err != nil {
			t.Fatal(err)
		}
		if k := clockOf(t, e, pc.child.ID, "CP-10"); k.Status != clock.StatusLate {
			t.Errorf("CP-10 after a first core group on day 11: %s", k.Status)
		}
		act, err := e.App.AddPlanAction(ctx, sw, pc.child.ID, planID, csc.PlanActionInput{What: "Parenting course", Who: "Mother", Due: "2026-03-10"})
		if err != nil {
			t.Fatal(err)
		}
		rec, _ := e.App.Protection(ctx, sw, pc.child.ID)
		if rec.Protection.ActionsOverdue != 1 {
			t.Errorf("overdue actions: %d", rec.Protection.ActionsOverdue)
		}
		if _, err := e.App.CompletePlanAction(ctx, sw, pc.child.ID, planID, act.ID, csc.PlanActionDoneInput{Version: act.Version, Done: day11.String()}); err != nil {
			t.Fatal(err)
		}
		// A review conference continues the plan under a new category: CP-13 met.
		e.Clock.Set(time.Date(2026, 5, 20, 15, 0, 0, 0, csc.London))
		rin := conferenceInput(csc.ConferenceReview, "2026-05-20", csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "EMO"})
		rin.PlanID, rin.ChairID = planID, e.Staff[csc.RoleIRO].ID
		if _, err := e.App.RecordConference(ctx, iro, pc.child.ID, rin); err != nil {
			t.Fatal(err)
		}
		if k := clockOf(t, e, pc.child.ID, "CP-13"); k.Status != clock.StatusMet {
			t.Errorf("CP-13 after a review at 11 weeks: %s", k.Status)
		}
		rec, _ = e.App.Protection(ctx, sw, pc.child.ID)
		p := rec.Protection.Current
		if p == nil || p.InitialCategory != "NEG" || p.LatestCategory != "EMO" {
			t.Fatalf("plan after review: %+v", p)
		}
		if _, err := e.App.EndPlan(ctx, sw, pc.child.ID, planID, csc.PlanEndInput{Version: p.Version, End: "2026-03-01", Reason: "looked-after"}); !strings.Contains(fieldMessage(err, "end"), "cannot end before it starts") {
			t.Errorf("plan ending before it starts: %v", err)
		}
		// The next review ends the plan.
		rin = conferenceInput(csc.ConferenceReview, "2026-05-20", csc.ConferenceDecision{ChildID: pc.child.ID})
		rin.PlanID, rin.ChairID = planID, e.Staff[csc.RoleIRO].ID
		if _, err := e.App.RecordConference(ctx, iro, pc.child.ID, rin); err != nil {
			t.Fatal(err)
		}
		rec, _ = e.App.Protection(ctx, sw, pc.child.ID)
		if rec.Protection.Current != nil || rec.Protection.Plans[0].EndReason != "no-longer-at-risk" {
			t.Errorf("plan after the ending review: %+v", rec.Protection.Plans)
		}
		if k := clockOf(t, e, pc.child.ID, "CP-14"); k.Status != clock.StatusStopped && k.Status != clock.StatusMet {
			t.Errorf("CP-14 after the plan ended: %s", k.Status)
		}
		var kinds []string
		full, _ := e.App.ChildRecord(ctx, sw, pc.child.ID)
		for _, ev := range full.Timeline {
			kinds = append(kinds, ev.Kind)
		}
		all := strings.Join(kinds, ",")
		for _, k := range []string{csc.EventStrategy, csc.EventS47Started, csc.EventConferenceICPC, csc.EventCPPlanStarted,
			csc.EventCoreGroup, csc.EventPlanAction, csc.EventConferenceRCPC, csc.EventCPPlanEnded} {
			if !strings.Contains(all, k) {
				t.Errorf("timeline lacks %s: %s", k, all)
			}
		}
	})
}

func TestPlanEndsAndAnotherCountsIt(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newProtectionCase(t, e)
		iro, sw := e.Actor(csc.RoleIRO), e.Actor(csc.RoleSocialWorker)
		// A stale version is a conflict, not a lost visit.
		if _, err := e.App.AddS47Visit(ctx, sw, pc.child.ID, pc.s47.ID, csc.S47VisitInput{Version: pc.s47.Version, Date: "2026-03-03"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.AddS47Visit(ctx, sw, pc.child.ID, pc.s47.ID, csc.S47VisitInput{Version: pc.s47.Version, Date: "2026-03-03"}); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a visit on a stale version: %v", err)
		}
		in := conferenceInput(csc.ConferenceInitial, "2026-03-03", csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "SAB"})
		in.S47ID, in.ChairID = pc.s47.ID, e.Staff[csc.RoleIRO].ID
		conf, err := e.App.RecordConference(ctx, iro, pc.child.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.RecordConference(ctx, iro, pc.child.ID, in); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a second ICPC for one s47: %v", err)
		}
		p, err := e.App.EndPlan(ctx, sw, pc.child.ID, conf.Decisions[0].PlanID, csc.PlanEndInput{Version: 1, End: "2026-03-03", Reason: "looked-after"})
		if err != nil || p.Open() || p.EndReason != "looked-after" {
			t.Fatalf("ended plan %+v, %v", p, err)
		}
		if k := clockOf(t, e, pc.child.ID, "CP-13"); k.Status != clock.StatusStopped {
			t.Errorf("CP-13 after the plan ended: %s", k.Status)
		}
		// A transfer-in conference starts a new plan, which counts the first.
		tin := conferenceInput(csc.ConferenceTransfer, "2026-03-03", csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "MUL"})
		tin.ReferralID, tin.ChairID = pc.referral, e.Staff[csc.RoleTeamManager].ID
		if _, err := e.App.RecordConference(ctx, e.Actor(csc.RoleTeamManager), pc.child.ID, tin); err != nil {
			t.Fatal(err)
		}
		rec, _ := e.App.Protection(ctx, sw, pc.child.ID)
		if cur := rec.Protection.Current; cur == nil || cur.PreviousPlans != 1 || cur.InitialCategory != "MUL" {
			t.Errorf("plan after transfer-in: %+v", cur)
		}
	})
}

func TestICPCMakesAPlanForEachChildWhoNeedsOne(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newProtectionCase(t, e)
		sib := sibling(t, e, pc.child.ID)
		in := conferenceInput(csc.ConferenceInitial, "2026-03-03",
			csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "PHY"},
			csc.ConferenceDecision{ChildID: sib.ID, PlanNeeded: true, Category: "EMO"})
		in.S47ID, in.ChairID = pc.s47.ID, e.Staff[csc.RoleIRO].ID
		if _, err := e.App.RecordConference(ctx, e.Actor(csc.RoleIRO), pc.child.ID, in); err != nil {
			t.Fatal(err)
		}
		rec, _ := e.App.Protection(ctx, e.Actor(csc.RoleIRO), sib.ID)
		if cur := rec.Protection.Current; cur == nil || cur.InitialCategory != "EMO" || cur.Start != csc.MustParseDate("2026-03-03") {
			t.Fatalf("sibling's plan: %+v", cur)
		}
		if k := clockOf(t, e, sib.ID, "CP-10"); k.Due != clock.AddWorkingDays(csc.MustParseDate("2026-03-03"), 10) {
			t.Errorf("sibling's CP-10 due %s", k.Due)
		}
	})
}

// sibling adds a younger sibling living with the child.
func sibling(t *testing.T, e *apptest.Env, childID int64) *csc.Person {
	t.Helper()
	sib := e.Child(t, "Bo", "Marsh", "2018-06-06")
	if _, err := e.App.AddRelationship(ctx, e.Actor(csc.RoleSocialWorker), childID,
		app.RelationshipInput{OtherID: sib.ID, Type: "sibling", LivesWith: true}); err != nil {
		t.Fatal(err)
	}
	return sib
}

// TestStatutoryVisitUnderAProtectionPlan records a visit under the child's
// protection plan, which meets CP-12 and is listed on the plan; a visit
// naming another child's plan, or dated before the plan, is refused.
func TestStatutoryVisitUnderAProtectionPlan(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		other := newProtectionCase(t, e)
		pc := newProtectionCase(t, e)
		iro, sw := e.Actor(csc.RoleIRO), e.Actor(csc.RoleSocialWorker)
		in := conferenceInput(csc.ConferenceInitial, "2026-03-10", csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "NEG"})
		in.S47ID, in.ChairID = pc.s47.ID, e.Staff[csc.RoleIRO].ID
		e.Clock.Set(time.Date(2026, 3, 10, 16, 0, 0, 0, csc.London))
		if _, err := e.App.RecordConference(ctx, iro, pc.child.ID, in); err != nil {
			t.Fatal(err)
		}
		rec, err := e.App.Protection(ctx, sw, pc.child.ID)
		if err != nil || rec.Protection.Current == nil {
			t.Fatalf("no plan made: %v", err)
		}
		plan := rec.Protection.Current.ID
		visit := func(child int64, planID int64, at string) error {
			_, err := e.App.RecordVisit(ctx, sw, child, csc.VisitInput{At: at, Type: csc.VisitStatutory,
				Plan: "cp:" + itoa(planID), ChildSeen: "yes", SeenAlone: "yes", BedroomSeen: "yes", Announced: "unannounced",
				WishesFeelings: "Said home is calmer.", Observations: "Home warm."})
			return err
		}
		e.Clock.Set(time.Date(2026, 3, 20, 16, 0, 0, 0, csc.London))
		if err := visit(other.child.ID, plan, "2026-03-17T10:00"); fieldMessage(err, "plan") == "" {
			t.Errorf("a visit under another child's plan: %v", err)
		}
		if err := visit(pc.child.ID, plan, "2026-03-09T10:00"); fieldMessage(err, "at") == "" {
			t.Errorf("a visit before the plan started: %v", err)
		}
		if err := visit(pc.child.ID, plan, "2026-03-17T10:00"); err != nil {
			t.Fatal(err)
		}
		if k := clockOf(t, e, pc.child.ID, "CP-12"); k.Seq != 1 || k.Met.IsZero() {
			t.Errorf("CP-12 after a visit 5 working days into the plan: %+v", k)
		}
		rec, err = e.App.Protection(ctx, sw, pc.child.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := rec.Protection.PlanVisits[plan]; len(got) != 1 || !got[0].SeenAlone {
			t.Errorf("plan visits = %+v", got)
		}
	})
}

// TestICPCConcludesASiblingsOwnEnquiry: brothers and sisters each have
// their own section 47 enquiry and one household conference decides for
// all; the conference meets each child's CP-04, not only the child it was
// called for.
func TestICPCConcludesASiblingsOwnEnquiry(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newProtectionCase(t, e)
		sib := sibling(t, e, pc.child.ID)
		e.Allocate(t, sib.ID, e.Staff[csc.RoleSocialWorker])
		sw := e.Actor(csc.RoleSocialWorker)
		c := referral(t, e, sib.ID)
		sd, err := e.App.RecordStrategy(ctx, sw, sib.ID, strategyInput(c.ReferralID, "2026-03-03T11:00"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.StartS47(ctx, sw, sib.ID, sd.ID, csc.S47StartInput{LeadID: e.Staff[csc.RoleSocialWorker].ID}); err != nil {
			t.Fatal(err)
		}
		if k := clockOf(t, e, sib.ID, "CP-04"); !k.Met.IsZero() {
			t.Fatalf("sibling's CP-04 met before any conference: %+v", k)
		}
		in := conferenceInput(csc.ConferenceInitial, "2026-03-03",
			csc.ConferenceDecision{ChildID: pc.child.ID, PlanNeeded: true, Category: "PHY"},
			csc.ConferenceDecision{ChildID: sib.ID, PlanNeeded: true, Category: "EMO"})
		in.S47ID, in.ChairID = pc.s47.ID, e.Staff[csc.RoleIRO].ID
		if _, err := e.App.RecordConference(ctx, e.Actor(csc.RoleIRO), pc.child.ID, in); err != nil {
			t.Fatal(err)
		}
		for _, id := range []int64{pc.child.ID, sib.ID} {
			if k := clockOf(t, e, id, "CP-04"); k.Met != csc.MustParseDate("2026-03-03") {
				t.Errorf("child %d: CP-04 %+v, want met on the conference date", id, k)
			}
		}
	})
}
