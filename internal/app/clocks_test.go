package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/clock"
	"cairn/internal/csc"
)

// referral opens a referral for the child through the front door: a
// contact decided as a referral.
func referral(t *testing.T, e *apptest.Env, childID int64) *csc.Contact {
	t.Helper()
	mash := e.Actor(csc.RoleMASH)
	c := e.Contact(t, childID)
	c, err := e.App.ScreenContact(ctx, mash, c.ID, csc.ScreeningInput{Version: c.Version, RAG: "amber", Risks: "x"})
	if err != nil {
		t.Fatal(err)
	}
	c, err = e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "referral", Rationale: "Assess."})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestClocksFollowTheRecord(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw := e.Actor(csc.RoleSocialWorker)
		child := e.Child(t, "Jade", "Amos", "2014-02-02")
		e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
		e.Contact(t, child.ID)
		mash := e.Actor(csc.RoleMASH)
		tray, err := e.App.MyWork(ctx, mash)
		if err != nil || len(tray.ThisWeek)+len(tray.Today) != 1 || tray.ThisWeek[0].Rule != "HP-01" {
			t.Fatalf("MASH tray after a contact on Monday: %+v, %v", tray, err)
		}
		referral(t, e, child.ID)
		rec, _ := e.App.ChildRecord(ctx, sw, child.ID)
		var rules []string
		for _, k := range rec.Clocks {
			rules = append(rules, k.Rule+":"+string(k.Status))
		}
		// The first contact is still open; the second was decided in time;
		// the referral's assessment is due in 45 working days.
		want := "HP-01:met,HP-01:open,HP-03:open"
		got := strings.Join(sortedCopy(rules), ",")
		if got != want {
			t.Errorf("clocks %s, want %s", got, want)
		}
		for _, k := range rec.Clocks {
			if k.Rule == "HP-03" && k.Due != clock.AddWorkingDays(csc.DateOf(apptest.Start), 45) {
				t.Errorf("HP-03 due %s", k.Due)
			}
		}
		// 46 working days on, the assessment is overdue in the worker's tray.
		e.Clock.Set(clock.AddWorkingDays(csc.DateOf(apptest.Start), 46).In(csc.London).Add(10 * time.Hour))
		if _, err := e.App.RefreshAllClocks(ctx); err != nil {
			t.Fatal(err)
		}
		tray, _ = e.App.MyWork(ctx, sw)
		if len(tray.Overdue) != 1 || tray.Overdue[0].Rule != "HP-03" || tray.Overdue[0].Late != 1 {
			t.Fatalf("worker's tray: %+v", tray.Overdue)
		}
		if n, _ := e.App.TrayCount(ctx, sw); n != 1 {
			t.Errorf("navigation count %d", n)
		}
		// The front door counts its team's undecided contact, now overdue.
		if n, _ := e.App.TrayCount(ctx, mash); n != 1 {
			t.Errorf("front door's navigation count %d", n)
		}
		team, err := e.App.TeamWork(ctx, e.Actor(csc.RoleTeamManager))
		if err != nil || len(team.ByWorker) != 1 || team.ByWorker[0].StaffID != sw.StaffID {
			t.Errorf("team view %+v, %v", team.ByWorker, err)
		}
	})
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestMissedClockIsExplainedAndSignedOff(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw, tm := e.Actor(csc.RoleSocialWorker), e.Actor(csc.RoleTeamManager)
		child := e.Child(t, "Kai", "Byrne", "2012-08-08")
		e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
		referral(t, e, child.ID)
		rec, _ := e.App.ChildRecord(ctx, sw, child.ID)
		var id int64
		for _, k := range rec.Clocks {
			if k.Rule == "HP-03" {
				id = k.ID
			}
		}
		if err := e.App.ExplainClock(ctx, sw, id, app.ExplainInput{ReasonCode: "capacity"}); csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("explaining a clock that is not missed: %v", err)
		}
		e.Clock.Set(clock.AddWorkingDays(csc.DateOf(apptest.Start), 50).In(csc.London).Add(9 * time.Hour))
		e.App.RefreshAllClocks(ctx)
		rec, _ = e.App.ChildRecord(ctx, sw, child.ID)
		for _, k := range rec.Clocks {
			if k.Rule == "HP-03" {
				id = k.ID
			}
		}
		if err := e.App.ExplainClock(ctx, sw, id, app.ExplainInput{ReasonCode: "other"}); !strings.Contains(fieldsOf(err), "reason_text") {
			t.Errorf("other without text: %v", err)
		}
		if err := e.App.ExplainClock(ctx, e.Actor(csc.RoleQA), id, app.ExplainInput{ReasonCode: "capacity"}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("QA explaining: %v", err)
		}
		if err := e.App.ExplainClock(ctx, sw, id, app.ExplainInput{ReasonCode: "family-unavailable", ReasonText: "Family away."}); err != nil {
			t.Fatal(err)
		}
		if err := e.App.SignOffClock(ctx, sw, id, 1, ""); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a worker signing off: %v", err)
		}
		if err := e.App.SignOffClock(ctx, tm, id, 1, "Agreed; visit booked."); err != nil {
			t.Fatal(err)
		}
		// The explanation survives the nightly recomputation.
		e.App.RefreshAllClocks(ctx)
		it, err := e.App.FindClock(ctx, tm, id)
		if err != nil || it.Explanation == nil {
			t.Errorf("after the refresh the clock's link no longer works: %v", err)
		}
		rec, _ = e.App.ChildRecord(ctx, tm, child.ID)
		var got *csc.ClockExplanation
		for _, k := range rec.Clocks {
			if k.Rule == "HP-03" {
				got = k.Explanation
			}
		}
		if got == nil || got.SignedOffBy != tm.StaffID || got.ReasonCode != "family-unavailable" {
			t.Errorf("explanation after refresh: %+v (%+v)", got, it)
		}
		audits := e.Audits(t, child.ID)
		found := map[string]bool{}
		for _, a := range audits {
			found[a.Action] = true
		}
		if !found["explain"] || !found["sign-off"] {
			t.Errorf("explanation and sign-off not audited: %v", found)
		}
	})
}

func TestLocalSettingsAreBoundedAndDated(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		admin := e.Actor(csc.RoleAdmin)
		set, err := e.App.LocalSettings(ctx, admin)
		if err != nil || len(set) == 0 {
			t.Fatalf("settings %v", err)
		}
		key := set[0].Key
		cases := []app.SettingInput{
			{Key: key, Value: "0 days", From: "2026-03-02", Reason: "x"},
			{Key: key, Value: "400 days", From: "2026-03-02", Reason: "x"},
			{Key: key, Value: "often", From: "2026-03-02", Reason: "x"},
			{Key: key, Value: set[0].Default.String(), From: "2026-01-01", Reason: "x"},
			{Key: key, Value: set[0].Default.String(), From: "2026-03-02"},
			{Key: "no-such-rule", Value: "10 working days", From: "2026-03-02", Reason: "x"},
		}
		for _, in := range cases {
			if err := e.App.ChangeSetting(ctx, admin, in); csc.ErrorKind(err) != csc.Invalid {
				t.Errorf("%+v: %v", in, err)
			}
		}
		if err := e.App.ChangeSetting(ctx, e.Actor(csc.RoleTeamManager), cases[0]); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a team manager changing a local rule: %v", err)
		}
		if err := e.App.ChangeSetting(ctx, admin, app.SettingInput{Key: key, Value: set[0].Max.String(), From: "2026-03-09", Reason: "Board decision"}); err != nil {
			t.Fatal(err)
		}
		set, _ = e.App.LocalSettings(ctx, admin)
		if len(set[0].History) != 1 || set[0].Current != set[0].Default {
			t.Errorf("the change is dated next week, so today's value is still the default: %+v", set[0])
		}
	})
}

func TestTimelinessIndicator(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash, analyst := e.Actor(csc.RoleMASH), e.Actor(csc.RoleAnalyst)
		a := e.Child(t, "Lola", "Carr", "2015-01-01")
		b := e.Child(t, "Max", "Carr", "2016-01-01")
		ca, cb := e.Contact(t, a.ID), e.Contact(t, b.ID)
		for _, c := range []*csc.Contact{ca} {
			c, _ = e.App.ScreenContact(ctx, mash, c.ID, csc.ScreeningInput{Version: c.Version, RAG: "green", Risks: "x"})
			if _, err := e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "advice", Rationale: "x"}); err != nil {
				t.Fatal(err)
			}
		}
		// Three days later the second contact is still undecided: missed.
		e.Clock.Advance(72 * time.Hour)
		e.App.RefreshAllClocks(ctx)
		_ = cb
		day := csc.DateOf(apptest.Start)
		rows, err := e.App.Timeliness(ctx, analyst, day.AddDays(-7), day.AddDays(7))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 || rows[0].Rule != "HP-01" || rows[0].Due != 2 || rows[0].OnTime != 1 || rows[0].Overdue != 1 || rows[0].Percent() != 50 {
			t.Fatalf("indicator rows %+v", rows)
		}
		items, err := e.App.TimelinessChildren(ctx, analyst, "HP-01", 0, day.AddDays(-7), day.AddDays(7))
		if err != nil || len(items) != 2 || items[0].ChildID != b.ID {
			t.Errorf("drill-down %+v, %v", items, err)
		}
		// A restricted record is listed only to the people named on it.
		manager := e.Actor(csc.RoleTeamManager)
		if err := e.App.SetRestriction(ctx, manager, b.ID, app.RestrictionInput{Version: b.Version, Restricted: true,
			Reason: "A relative works in the service"}); err != nil {
			t.Fatal(err)
		}
		items, err = e.App.TimelinessChildren(ctx, analyst, "HP-01", 0, day.AddDays(-7), day.AddDays(7))
		if err != nil || len(items) != 1 || items[0].ChildID != a.ID {
			t.Errorf("the analyst's drill-down with one record restricted: %+v, %v", items, err)
		}
		items, err = e.App.TimelinessChildren(ctx, manager, "HP-01", 0, day.AddDays(-7), day.AddDays(7))
		if err != nil || len(items) != 2 {
			t.Errorf("the manager named on the restricted record: %+v, %v", items, err)
		}
		if _, err := e.App.Timeliness(ctx, e.Actor(csc.RoleSocialWorker), day, day); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a social worker reading indicators: %v", err)
		}
	})
}

// TestTraysHideRestrictedNames: a restricted child's work stays in the
// trays, but their name is shown only to the staff named on the record, as
// on the front-door queue.
func TestTraysHideRestrictedNames(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw, tm := e.Actor(csc.RoleSocialWorker), e.Actor(csc.RoleTeamManager)
		admin := e.Actor(csc.RoleAdmin)
		allocated := e.Child(t, "Juniper", "Hiddenfold", "2013-05-05")
		e.Allocate(t, allocated.ID, e.Staff[csc.RoleSocialWorker])
		referral(t, e, allocated.ID)
		waiting := e.Child(t, "Sorrel", "Hiddenfold", "2015-06-06")
		referral(t, e, waiting.ID)
		restrict := func(p *csc.Person, staff ...int64) {
			t.Helper()
			if err := e.App.SetRestriction(ctx, admin, p.ID, app.RestrictionInput{Version: p.Version, Restricted: true,
				Reason: "Adoption placement.", StaffIDs: staff}); err != nil {
				t.Fatal(err)
			}
		}
		// The worker is named on the child they hold; the manager on neither.
		restrict(allocated, sw.StaffID)
		restrict(waiting)
		e.Clock.Set(clock.AddWorkingDays(csc.DateOf(apptest.Start), 46).In(csc.London).Add(10 * time.Hour))
		if _, err := e.App.RefreshAllClocks(ctx); err != nil {
			t.Fatal(err)
		}
		tray, err := e.App.MyWork(ctx, sw)
		if err != nil || len(tray.Overdue) != 1 || tray.Overdue[0].ChildName != "Juniper Hiddenfold" {
			t.Errorf("the named worker's tray: %+v, %v; want Juniper by name", tray.Overdue, err)
		}
		team, err := e.App.TeamWork(ctx, tm)
		if err != nil || len(team.ByWorker) != 1 || len(team.ByWorker[0].Items) != 1 {
			t.Fatalf("team view %+v, %v", team.ByWorker, err)
		}
		hidden := fmt.Sprintf("Restricted record %d", allocated.ID)
		if got := team.ByWorker[0].Items[0].ChildName; got != hidden {
			t.Errorf("the manager not named on the record sees %q in the team view, want %q", got, hidden)
		}
		var unallocated []string
		for _, u := range team.Unallocated {
			unallocated = append(unallocated, u.ChildName)
		}
		if want := fmt.Sprintf("Restricted record %d", waiting.ID); len(unallocated) != 1 || unallocated[0] != want {
			t.Errorf("children waiting for a worker: %v, want [%s]", unallocated, want)
		}
	})
}

// TestContactsForOneChildAtOnce: people recording contacts about one child
// at the same moment each get their contact saved, and the child's clocks
// count every one (on PostgreSQL the clock refreshes take turns).
func TestContactsForOneChildAtOnce(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		child := e.Child(t, "Tansy", "Sametime", "2017-07-07")
		const n = 8
		errs := make(chan error, n)
		for range n {
			go func() {
				_, err := e.App.RecordContact(ctx, e.Actor(csc.RoleMASH), csc.ContactInput{ChildID: child.ID,
					ReceivedAt: e.Clock.Now().Format(time.RFC3339), Source: "2A", Referrer: csc.Referrer{Name: "Pat Teacher"},
					PresentingConcerns: "Arrived hungry.", Consent: "given"})
				errs <- err
			}()
		}
		for range n {
			if err := <-errs; err != nil {
				t.Errorf("recording a contact alongside others: %v", err)
			}
		}
		rec, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleMASH), child.ID)
		if err != nil {
			t.Fatal(err)
		}
		frontDoor := 0
		for _, c := range rec.Clocks {
			if c.Rule == "HP-01" {
				frontDoor++
			}
		}
		if len(rec.Contacts) != n || frontDoor != n {
			t.Errorf("%d contacts and %d front-door clocks, want %d of each", len(rec.Contacts), frontDoor, n)
		}
	})
}
