package app_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/clock"
	"cairn/internal/csc"
)

// cinChild is a child allocated to the social worker with a referral
// opened on apptest.Start.
func cinChild(t *testing.T, e *apptest.Env, given string) *csc.Person {
	t.Helper()
	child := e.Child(t, given, "Marsh", "2015-06-01")
	e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
	referral(t, e, child.ID)
	return child
}

func statutoryVisit(day csc.Date, plan string) csc.VisitInput {
	return csc.VisitInput{At: at(day).Format(time.RFC3339), Type: csc.VisitStatutory, Plan: plan, ChildSeen: "yes",
		SeenAlone: "yes", BedroomSeen: "yes", Announced: "unannounced", WishesFeelings: "“I like my new school.”",
		Observations: "Home warm and tidy; food in the fridge."}
}

func clocksOf(t *testing.T, e *apptest.Env, childID int64, rule string) []app.TrayItem {
	t.Helper()
	rec, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleSocialWorker), childID)
	if err != nil {
		t.Fatal(err)
	}
	var out []app.TrayItem
	for _, c := range rec.Clocks {
		if c.Rule == rule {
			out = append(out, c)
		}
	}
	return out
}

func TestCINPlanVisitsKeepCIN03(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw := e.Actor(csc.RoleSocialWorker)
		child := cinChild(t, e, "Nia")
		start := csc.DateOf(apptest.Start)
		plan, err := e.App.StartCINPlan(ctx, sw, child.ID, csc.CINPlanInput{StartDate: start.String()})
		if err != nil {
			t.Fatal(err)
		}
		ref := fmt.Sprintf("cin:%d", plan.ID)
		// A visit every 20 working days keeps CIN-03 met.
		day := start
		for range 3 {
			day = clock.AddWorkingDays(day, 20)
			e.Clock.Set(at(day).Add(2 * time.Hour))
			if _, err := e.App.RecordVisit(ctx, sw, child.ID, statutoryVisit(day, ref)); err != nil {
				t.Fatal(err)
			}
		}
		cs := clocksOf(t, e, child.ID, "CIN-03")
		if len(cs) != 4 {
			t.Fatalf("CIN-03 clocks: %+v", cs)
		}
		met, open := 0, 0
		for _, c := range cs {
			switch c.Status {
			case clock.StatusMet:
				met++
			case clock.StatusOpen, clock.StatusDue:
				open++
			default:
				t.Errorf("CIN-03 %s: %s", c.Due, c.Status)
			}
		}
		if met != 3 || open != 1 {
			t.Errorf("CIN-03 met %d open %d, want 3 and 1", met, open)
		}
		// A visit where the child was not seen does not count; nor does a
		// case note. A gap of 25 working days shows overdue in the tray.
		next := clock.AddWorkingDays(day, 10)
		e.Clock.Set(at(next).Add(time.Hour))
		notSeen := statutoryVisit(next, ref)
		notSeen.ChildSeen, notSeen.SeenAlone = "no", ""
		if _, err := e.App.RecordVisit(ctx, sw, child.ID, notSeen); err != nil {
			t.Fatal(err)
		}
		e.Clock.Set(at(clock.AddWorkingDays(day, 25)))
		if _, err := e.App.RefreshAllClocks(ctx); err != nil {
			t.Fatal(err)
		}
		tray, err := e.App.MyWork(ctx, sw)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, it := range tray.Overdue {
			found = found || it.Rule == "CIN-03" && it.ChildID == child.ID
		}
		if !found {
			t.Errorf("no overdue CIN-03 in the worker's tray: %+v", tray.Overdue)
		}
		// The child's page shows the plan with its next visit and review due.
		rec, _ := e.App.ChildRecord(ctx, sw, child.ID)
		p := rec.Casework
		if p.CurrentPlan == nil || p.CurrentPlan.ID != plan.ID || p.NextVisit != clock.AddWorkingDays(day, 20) || p.NextReview.IsZero() {
			t.Errorf("casework part: plan %+v next visit %s review %s", p.CurrentPlan, p.NextVisit, p.NextReview)
		}
		if p.LastVisit == nil || p.LastVisit.ChildSeen {
			t.Errorf("last visit: %+v", p.LastVisit)
		}
	})
}

func TestCINPlanReviewsEndAndRefusals(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw := e.Actor(csc.RoleSocialWorker)
		child := cinChild(t, e, "Ola")
		start := csc.DateOf(apptest.Start)
		// Not before the referral date.
		_, err := e.App.StartCINPlan(ctx, sw, child.ID, csc.CINPlanInput{StartDate: start.AddDays(-1).String()})
		if !hasField(err, "start_date", "before the referral date") {
			t.Errorf("plan before referral: %v", err)
		}
		plan, err := e.App.StartCINPlan(ctx, sw, child.ID, csc.CINPlanInput{StartDate: start.String()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.StartCINPlan(ctx, sw, child.ID, csc.CINPlanInput{StartDate: start.String()}); !hasField(err, "start_date", "already has an open child in need plan") {
			t.Errorf("second open plan: %v", err)
		}
		// Actions.
		act, err := e.App.AddCINAction(ctx, sw, plan.ID, csc.CINActionInput{What: "Register with a GP", Who: "Mother", Due: start.AddDays(14).String()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.AddCINAction(ctx, sw, plan.ID, csc.CINActionInput{What: "x"}); !hasField(err, "who", "who") || !hasField(err, "due", "date") {
			t.Errorf("action without who or due: %v", err)
		}
		e.Clock.Set(at(start.AddDays(10)))
		done, err := e.App.UpdateCINAction(ctx, sw, act.ID, csc.CINActionInput{Version: act.Version, What: act.What, Who: act.Who, Due: act.Due.String(), Done: start.AddDays(9).String()})
		if err != nil || done.Done != start.AddDays(9) {
			t.Fatalf("mark done: %+v %v", done, err)
		}
		if _, err := e.App.UpdateCINAction(ctx, sw, act.ID, csc.CINActionInput{Version: act.Version, What: "y", Who: "z", Due: act.Due.String()}); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("stale action update: %v", err)
		}
		// A review meets CIN-02.
		if _, err := e.App.RecordCINReview(ctx, sw, plan.ID, csc.CINReviewInput{Date: start.AddDays(7).String(), Attendance: "Mother, school", Outcome: "maybe"}); !hasField(err, "outcome", "Choose") {
			t.Errorf("bad outcome: %v", err)
		}
		if _, err := e.App.RecordCINReview(ctx, sw, plan.ID, csc.CINReviewInput{Date: start.AddDays(7).String(), Attendance: "Mother, school", Outcome: "continue"}); err != nil {
			t.Fatal(err)
		}
		cs := clocksOf(t, e, child.ID, "CIN-02")
		if len(cs) != 2 || cs[0].Status != clock.StatusMet && cs[1].Status != clock.StatusMet {
			t.Errorf("CIN-02 after a review: %+v", cs)
		}
		// A plan ending before it starts is refused, and nothing changes.
		_, err = e.App.EndCINPlan(ctx, sw, plan.ID, csc.CINPlanEndInput{Version: plan.Version, EndDate: start.AddDays(-1).String(), EndReason: "needs-met"})
		if !hasField(err, "end_date", "cannot end before it started") {
			t.Errorf("end before start: %v", err)
		}
		ended, err := e.App.EndCINPlan(ctx, sw, plan.ID, csc.CINPlanEndInput{Version: plan.Version, EndDate: start.AddDays(10).String(), EndReason: "step-down"})
		if err != nil || ended.Open() {
			t.Fatalf("end: %+v %v", ended, err)
		}
		for _, c := range clocksOf(t, e, child.ID, "CIN-03") {
			if c.Status != clock.StatusStopped && c.Status != clock.StatusMet {
				t.Errorf("CIN-03 after the plan ended: %s", c.Status)
			}
		}
		v, err := e.App.FindCINPlan(ctx, sw, plan.ID)
		if err != nil || len(v.Plan.Actions) != 1 || len(v.Plan.Reviews) != 1 {
			t.Errorf("plan view: %+v %v", v, err)
		}
		// Another plan may start now the first has ended; viewers cannot.
		if _, err := e.App.StartCINPlan(ctx, e.Actor(csc.RoleQA), child.ID, csc.CINPlanInput{StartDate: start.AddDays(10).String()}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("QA starting a plan: %v", err)
		}
	})
}

func hasField(err error, field, words string) bool {
	for _, f := range csc.ErrorFields(err) {
		if f.Field == field && strings.Contains(f.Message, words) {
			return true
		}
	}
	return false
}

func TestVisitRefusals(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw := e.Actor(csc.RoleSocialWorker)
		child := cinChild(t, e, "Pia")
		today := csc.DateOf(apptest.Start)
		future := statutoryVisit(today.AddDays(2), "cp:4")
		if _, err := e.App.RecordVisit(ctx, sw, child.ID, future); !hasField(err, "at", "in the past") {
			t.Errorf("visit in the future: %v", err)
		}
		notAlone := statutoryVisit(today, "cp:4")
		notAlone.At = apptest.Start.Add(-time.Hour).Format(time.RFC3339)
		notAlone.SeenAlone = "no"
		if _, err := e.App.RecordVisit(ctx, sw, child.ID, notAlone); !hasField(err, "not_alone_reason", "why") {
			t.Errorf("not alone without a reason: %v", err)
		}
		noPlan := notAlone
		noPlan.SeenAlone, noPlan.Plan = "yes", ""
		if _, err := e.App.RecordVisit(ctx, sw, child.ID, noPlan); !hasField(err, "plan", "statutory visit") {
			t.Errorf("statutory visit without a plan: %v", err)
		}
		noPlan.Plan = "cin:999"
		if _, err := e.App.RecordVisit(ctx, sw, child.ID, noPlan); !hasField(err, "plan", "child in need plans") {
			t.Errorf("visit under another plan: %v", err)
		}
		// A protection plan that is not the child's is refused too (the
		// protection tests record visits under a real one).
		notAlone.NotAloneReason = "Mother would not leave the room."
		if _, err := e.App.RecordVisit(ctx, sw, child.ID, notAlone); !hasField(err, "plan", "child protection plans") {
			t.Errorf("visit under a protection plan that is not the child's: %v", err)
		}
		plan, err := e.App.StartCINPlan(ctx, sw, child.ID, csc.CINPlanInput{StartDate: today.AddDays(-1).String()})
		if err != nil {
			plan, err = e.App.StartCINPlan(ctx, sw, child.ID, csc.CINPlanInput{StartDate: today.String()})
		}
		if err != nil {
			t.Fatal(err)
		}
		notAlone.Plan = "cin:" + strconv.FormatInt(plan.ID, 10)
		notAlone.At = apptest.Start.Format(time.RFC3339)
		v, err := e.App.RecordVisit(ctx, sw, child.ID, notAlone)
		if err != nil || v.SeenAlone || v.PlanKind != "cin" || v.NotAloneReason == "" {
			t.Fatalf("visit not alone, with the reason: %+v %v", v, err)
		}
		note := csc.VisitInput{At: notAlone.At, Type: csc.VisitCaseNote, Observations: "Called school: attendance 92%."}
		if _, err := e.App.RecordVisit(ctx, e.Actor(csc.RoleEarlyHelp), child.ID, note); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("early help worker outside team: %v", err)
		}
		if _, err := e.App.RecordVisit(ctx, sw, child.ID, note); err != nil {
			t.Fatal(err)
		}
		// A baby must be recorded as seen awake or not.
		baby := e.Child(t, "Rae", "Marsh", today.AddDays(-100).String())
		e.Allocate(t, baby.ID, e.Staff[csc.RoleSocialWorker])
		bv := notAlone
		bv.Type, bv.Plan = csc.VisitOther, ""
		if _, err := e.App.RecordVisit(ctx, sw, baby.ID, bv); !hasField(err, "baby_seen_awake", "awake") {
			t.Errorf("baby visit without awake: %v", err)
		}
		list, err := e.App.Visits(ctx, sw, child.ID)
		if err != nil || len(list) != 2 {
			t.Errorf("visits: %d %v", len(list), err)
		}
	})
}

func TestChronologyAndSummary(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw := e.Actor(csc.RoleSocialWorker)
		child := cinChild(t, e, "Uma")
		sib := cinChild(t, e, "Ivo")
		if _, err := e.App.AddRelationship(ctx, sw, child.ID, app.RelationshipInput{OtherID: sib.ID, Type: "sibling"}); err != nil {
			t.Fatal(err)
		}
		today := csc.DateOf(apptest.Start)
		// The summary is written first, then a significant event arrives.
		s, err := e.App.WriteCaseSummary(ctx, sw, child.ID, csc.CaseSummaryInput{Text: "Uma lives with her mother."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.WriteCaseSummary(ctx, sw, child.ID, csc.CaseSummaryInput{Text: "Stale edit."}); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("summary written over a newer one: %v", err)
		}
		view, _ := e.App.CaseSummary(ctx, sw, child.ID)
		if view.Stale {
			t.Errorf("fresh summary marked stale (since %s)", view.Since)
		}
		e.Clock.Advance(48 * time.Hour)
		entry, err := e.App.AddChronologyEntry(ctx, sw, child.ID, csc.ChronologyEntryInput{Date: today.AddDays(1).String(),
			What: "Mother's partner moved in.", Source: "School nurse", Significant: true})
		if err != nil {
			t.Fatal(err)
		}
		view, _ = e.App.CaseSummary(ctx, sw, child.ID)
		if !view.Stale || view.Current.Seq != s.Seq {
			t.Errorf("summary not stale after a significant entry: %+v", view)
		}
		if _, err := e.App.WriteCaseSummary(ctx, sw, child.ID, csc.CaseSummaryInput{Version: 1, Text: "Partner now in the home."}); err != nil {
			t.Fatal(err)
		}
		view, _ = e.App.CaseSummary(ctx, sw, child.ID)
		if view.Stale || len(view.History) != 2 {
			t.Errorf("rewritten summary: stale %v, %d versions", view.Stale, len(view.History))
		}

		// The chronology holds the contact and referral events and the entry.
		c, err := e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{})
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]int{}
		for _, en := range c.Entries {
			kinds[en.Kind]++
		}
		if kinds[csc.EventContact] != 1 || kinds[csc.EventReferral] != 1 || kinds[csc.KindManual] != 1 || kinds[csc.EventScreening] != 0 {
			t.Errorf("chronology kinds %v", kinds)
		}
		// Marking the contact not significant, with an impact note.
		var contactEv int64
		for _, en := range c.Entries {
			if en.Kind == csc.EventContact {
				contactEv = en.EventID
			}
		}
		if _, err := e.App.MarkChronologyEvent(ctx, sw, child.ID, contactEv, csc.ChronologyMarkInput{Impact: strings.Repeat("x", app.MaxImpact+1)}); !hasField(err, "impact", "at most") {
			t.Errorf("long impact: %v", err)
		}
		o, err := e.App.MarkChronologyEvent(ctx, sw, child.ID, contactEv, csc.ChronologyMarkInput{Impact: "Uma missed school that week."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.MarkChronologyEvent(ctx, sw, child.ID, contactEv, csc.ChronologyMarkInput{Significant: true}); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("second mark as new: %v", err)
		}
		if _, err := e.App.MarkChronologyEvent(ctx, sw, child.ID, contactEv, csc.ChronologyMarkInput{Version: o.Version, Significant: false, Impact: "Uma missed school."}); err != nil {
			t.Fatal(err)
		}
		c, _ = e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{Significance: "significant"})
		for _, en := range c.Entries {
			if en.Kind == csc.EventContact {
				t.Errorf("contact marked not significant still in the significant filter")
			}
		}
		c, _ = e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{Significance: "other"})
		if len(c.Entries) != 1 || c.Entries[0].Impact != "Uma missed school." {
			t.Errorf("other entries: %+v", c.Entries)
		}
		c, _ = e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{Kind: csc.KindManual, From: today.AddDays(1).String(), To: today.AddDays(1).String()})
		if len(c.Entries) != 1 || c.Entries[0].EntryID != entry.ID {
			t.Errorf("manual entries in the period: %+v", c.Entries)
		}
		if _, err := e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{From: "2026-03-05", To: "2026-03-01"}); !hasField(err, "to", "on or after") {
			t.Errorf("period from after to: %v", err)
		}
		// Merged with the sibling: entries labelled by child, each audited.
		before := len(e.Audits(t, sib.ID))
		c, err = e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{Siblings: []int64{sib.ID}})
		if err != nil || len(c.Merged) != 1 {
			t.Fatalf("merged: %+v %v", c, err)
		}
		names := map[string]bool{}
		for _, en := range c.Entries {
			names[en.ChildName] = true
		}
		if !names["Uma Marsh"] || !names["Ivo Marsh"] {
			t.Errorf("merged labels %v", names)
		}
		if len(e.Audits(t, sib.ID)) <= before {
			t.Errorf("merged sibling not audited")
		}
		if _, err := e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{Siblings: []int64{child.ID + 100}}); !hasField(err, "siblings", "not a sibling") {
			t.Errorf("merge a stranger: %v", err)
		}
		// A sibling outside the actor's scope is not offered.
		other := e.Other.Actor(csc.ChannelWeb)
		e.Allocate(t, sib.ID, e.Other)
		if _, err := e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{Siblings: []int64{sib.ID}}); csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("merging a sibling out of scope: %v", err)
		}
		_ = other
		pdf, err := e.App.ChronologyPDF(ctx, sw, child.ID, csc.ChronologyQuery{})
		if err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
			t.Errorf("pdf: %v", err)
		}
	})
}

func TestSummaryFirstOutOfHours(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		child := cinChild(t, e, "Eve")
		var ooh *csc.Staff
		err := e.DB.Write(ctx, func(tx csc.Tx) error {
			team := &csc.Team{Name: "Emergency Duty Team", Kind: csc.TeamOutOfHours, DistrictID: e.Assessment.DistrictID, Active: true}
			if err := tx.CreateTeam(team); err != nil {
				return err
			}
			ooh = &csc.Staff{Username: "edt", Name: "Test EDT worker", Role: csc.RoleSocialWorker, TeamID: team.ID, DistrictID: team.DistrictID, Active: true}
			hash, _ := app.HashPassword(apptest.Password, app.TestPasswordCost)
			return tx.CreateStaff(ooh, hash)
		})
		if err != nil {
			t.Fatal(err)
		}
		rec, err := e.App.ChildRecord(ctx, ooh.Actor(csc.ChannelWeb), child.ID)
		if err != nil || !rec.Casework.SummaryFirst {
			t.Errorf("out of hours: summary first %v, %v", rec != nil && rec.Casework.SummaryFirst, err)
		}
		rec, _ = e.App.ChildRecord(ctx, e.Actor(csc.RoleSocialWorker), child.ID)
		if rec.Casework.SummaryFirst {
			t.Errorf("day team worker sees the summary first")
		}
	})
}

func FuzzParsePlanRef(f *testing.F) {
	for _, s := range []string{"", "cin:1", "cp:7", "cin:", "cin:-1", "xx:1", "cin:99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, id, ok := app.ParsePlanRef(s)
		if ok && kind != "" && id <= 0 {
			t.Errorf("%q: %s %d", s, kind, id)
		}
	})
}
