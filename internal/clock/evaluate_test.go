package clock

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"cairn/internal/csc"
)

// london returns a wall-clock time in England.
func london(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, csc.London)
}

// utc returns an instant written in UTC.
func utc(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
}

// TestInstantRuleDeadlines checks HP-01 (one working day, to the end of the
// day in London) and LA-29 (72 hours of elapsed time) from their instants.
func TestInstantRuleDeadlines(t *testing.T) {
	for _, tc := range []struct {
		rule   string
		at     time.Time
		due    string
		wantAt time.Time
		why    string
	}{
		{"HP-01", london(2025, 12, 19, 18, 30), "2025-12-22", london(2025, 12, 23, 0, 0), "Friday evening: by the end of Monday"},
		{"HP-01", london(2026, 1, 9, 19, 0), "2026-01-12", london(2026, 1, 13, 0, 0), "Friday evening: by the end of Monday"},
		{"HP-01", london(2025, 12, 24, 16, 0), "2025-12-29", london(2025, 12, 30, 0, 0), "Christmas Eve: (25, 26 hols, 27, 28 weekend) Mon 29"},
		{"HP-01", london(2025, 12, 27, 11, 0), "2025-12-30", london(2025, 12, 31, 0, 0), "Saturday: received on Mon 29 (day 0), due Tue 30"},
		{"HP-01", london(2025, 12, 31, 15, 0), "2026-01-02", london(2026, 1, 3, 0, 0), "New Year's Eve: (1 Jan) Fri 2 Jan"},
		{"HP-01", london(2026, 4, 2, 17, 0), "2026-04-07", london(2026, 4, 8, 0, 0), "Maundy Thursday: (3 GF, 4, 5, 6 EM) Tue 7 Apr, midnight BST"},
		{"HP-01", london(2024, 2, 28, 9, 0), "2024-02-29", london(2024, 3, 1, 0, 0), "Wed 28 Feb 2024: the leap day"},
		{"HP-01", london(2025, 1, 31, 12, 0), "2025-02-03", london(2025, 2, 4, 0, 0), "Fri 31 Jan: Mon 3 Feb"},
		{"HP-01", london(2020, 12, 24, 10, 0), "2020-12-29", london(2020, 12, 30, 0, 0), "Thu 24 Dec 2020: (25, weekend, 28 substitute) Tue 29"},
		{"HP-01", london(2020, 5, 7, 10, 0), "2020-05-11", london(2020, 5, 12, 0, 0), "Thu 7 May 2020: (8 VE) Mon 11"},
		{"HP-01", london(2020, 5, 1, 10, 0), "2020-05-04", london(2020, 5, 5, 0, 0), "Fri 1 May 2020: Mon 4 May was a working day"},
		{"HP-01", london(2022, 6, 1, 10, 0), "2022-06-06", london(2022, 6, 7, 0, 0), "Wed 1 Jun 2022: (2, 3 Jun) Mon 6"},
		{"HP-01", london(2022, 9, 16, 10, 0), "2022-09-20", london(2022, 9, 21, 0, 0), "Fri 16 Sep 2022: (19 funeral) Tue 20"},
		{"HP-01", london(2023, 5, 5, 10, 0), "2023-05-09", london(2023, 5, 10, 0, 0), "Fri 5 May 2023: (8 coronation) Tue 9"},
		{"HP-01", utc(2026, 10, 22, 23, 30), "2026-10-26", utc(2026, 10, 27, 0, 0), "23:30 UTC Thu is 00:30 BST Fri: day 0 Fri, due Mon 26 Oct (GMT again)"},
		{"HP-01", utc(2026, 3, 28, 23, 30), "2026-03-31", utc(2026, 3, 31, 23, 0), "Sat 28 Mar: day 0 Mon 30, due Tue 31, midnight BST is 23:00 UTC"},
		{"LA-29", london(2025, 12, 19, 18, 0), "2025-12-22", london(2025, 12, 22, 18, 0), "hours run through the weekend"},
		{"LA-29", london(2025, 12, 24, 10, 0), "2025-12-27", london(2025, 12, 27, 10, 0), "and through Christmas"},
		{"LA-29", london(2026, 3, 27, 12, 0), "2026-03-30", london(2026, 3, 30, 13, 0), "72 elapsed hours over the spring change: 13:00 BST"},
		{"LA-29", london(2026, 10, 23, 12, 0), "2026-10-26", london(2026, 10, 26, 11, 0), "72 elapsed hours over the autumn change: 11:00 GMT"},
		{"LA-29", london(2024, 2, 27, 9, 0), "2024-03-01", london(2024, 3, 1, 9, 0), "27 Feb 2024 + 3 days passes 29 Feb"},
		{"LA-29", london(2026, 2, 2, 0, 0), "2026-02-04", london(2026, 2, 5, 0, 0), "midnight return: the deadline is midnight, so the last day is Wed 4"},
		{"LA-29", london(2026, 1, 30, 20, 0), "2026-02-02", london(2026, 2, 2, 20, 0), "month end: Fri 30 Jan to Mon 2 Feb"},
		{"LA-29", london(2022, 9, 16, 15, 0), "2022-09-19", london(2022, 9, 19, 15, 0), "bank holidays (19 Sep 2022) do not stop the hours"},
		{"LA-29", london(2020, 5, 5, 9, 0), "2020-05-08", london(2020, 5, 8, 9, 0), "nor VE Day 2020"},
		{"LA-29", london(2023, 5, 5, 9, 0), "2023-05-08", london(2023, 5, 8, 9, 0), "nor the coronation"},
	} {
		kind, meet := EvContactReceived, EvContactDecided
		if tc.rule == "LA-29" {
			kind, meet = EvMissingReturned, EvReturnInterviewOffered
		}
		r := Record{ChildID: 1, Events: []Event{{Kind: kind, Subject: 5, At: tc.at}}}
		c, ok := clockStarted(Evaluate(r, csc.DateOf(tc.at), nil), tc.rule, csc.DateOf(tc.at))
		if !ok {
			t.Fatalf("%s at %s: no clock", tc.rule, tc.at)
		}
		if c.Due.String() != tc.due || !c.DueAt.Equal(tc.wantAt) {
			t.Errorf("%s at %s: due %s / %s, want %s / %s (%s)", tc.rule, tc.at, c.Due, c.DueAt, tc.due, tc.wantAt, tc.why)
		}
		if !c.StartedAt.Equal(tc.at) {
			t.Errorf("%s: StartedAt %s, want %s", tc.rule, c.StartedAt, tc.at)
		}
		_ = meet
	}
}

// TestInstantRuleWithoutTime: an instant rule whose start has only a date
// still gets a deadline. HP-01 counts from the date as WorkingDayDeadline
// does; LA-29 rounds 72 hours up to 3 whole days and gives the whole of the
// last day, so a missing time never makes a deadline earlier than it is.
func TestInstantRuleWithoutTime(t *testing.T) {
	d := csc.MustParseDate("2026-02-02")
	r := Record{Events: []Event{{Kind: EvMissingReturned, Subject: 5, Date: d}, {Kind: EvContactReceived, Subject: 6, Date: d}}}
	clocks := Evaluate(r, d, nil)
	if c, _ := clockStarted(clocks, "LA-29", d); c.Due.String() != "2026-02-05" || !c.DueAt.Equal(london(2026, 2, 6, 0, 0)) {
		t.Errorf("LA-29 from a date: due %s / %s, want 2026-02-05 and its end", c.Due, c.DueAt)
	}
	if c, _ := clockStarted(clocks, "HP-01", d); c.Due.String() != "2026-02-03" || !c.DueAt.Equal(london(2026, 2, 4, 0, 0)) {
		t.Errorf("HP-01 from a date: due %s / %s, want 2026-02-03 and its end", c.Due, c.DueAt)
	}
}

// TestStatusBoundaries checks the instants either side of each deadline,
// in GMT and BST and on the days the clocks change.
func TestStatusBoundaries(t *testing.T) {
	hp01 := Clock{Rule: "HP-01", Started: csc.MustParseDate("2025-12-19"), StartedAt: london(2025, 12, 19, 18, 30),
		Due: csc.MustParseDate("2025-12-22"), DueAt: london(2025, 12, 23, 0, 0)}
	// CP-04 from Mon 1 Jun 2026: Jun 2-5 (4), 8-12 (9), 15-19 (14), 22 (15) → Mon 22 Jun, in BST.
	cp04 := Evaluate(Record{Events: []Event{{Kind: EvS47Started, Subject: 20, Date: csc.MustParseDate("2026-06-01")}}}, csc.MustParseDate("2026-06-01"), nil)[0]
	// CL-08 from Sun 22 Mar 2026 + 7 days: due Sun 29 Mar, the day BST starts (a 23-hour day).
	spring := Clock{Due: csc.MustParseDate("2026-03-29")}
	// Due on Sun 25 Oct 2026, the day BST ends (a 25-hour day).
	autumn := Clock{Due: csc.MustParseDate("2026-10-25")}
	la29 := Clock{Due: csc.MustParseDate("2026-03-30"), DueAt: london(2026, 3, 30, 13, 0)}
	for _, tc := range []struct {
		name string
		c    Clock
		asOf time.Time
		want Status
	}{
		{"HP-01 on receipt", hp01, london(2025, 12, 19, 19, 0), StatusOpen},
		{"HP-01 the weekend between", hp01, london(2025, 12, 21, 12, 0), StatusOpen},
		{"HP-01 the morning of the due day", hp01, london(2025, 12, 22, 9, 0), StatusDue},
		{"HP-01 at 23:59 on the due day", hp01, london(2025, 12, 22, 23, 59), StatusDue},
		{"HP-01 the last nanosecond", hp01, hp01.DueAt.Add(-time.Nanosecond), StatusDue},
		{"HP-01 at 00:00 the next day", hp01, london(2025, 12, 23, 0, 0), StatusOverdue},
		{"CP-04 due day, 00:30 BST (23:30 UTC the day before)", cp04, utc(2026, 6, 21, 23, 30), StatusDue},
		{"CP-04 the day before in London", cp04, utc(2026, 6, 20, 23, 30), StatusOpen},
		{"CP-04 22:59 UTC on the due day", cp04, utc(2026, 6, 22, 22, 59), StatusDue},
		{"CP-04 23:00 UTC is midnight BST", cp04, utc(2026, 6, 22, 23, 0), StatusOverdue},
		{"spring change, 00:30 GMT", spring, utc(2026, 3, 29, 0, 30), StatusDue},
		{"spring change, 23:59 BST", spring, utc(2026, 3, 29, 22, 59), StatusDue},
		{"spring change, midnight BST", spring, utc(2026, 3, 29, 23, 0), StatusOverdue},
		{"autumn change, 00:30 BST", autumn, utc(2026, 10, 24, 23, 30), StatusDue},
		{"autumn change, 23:59 GMT", autumn, utc(2026, 10, 25, 23, 59), StatusDue},
		{"autumn change, midnight GMT", autumn, utc(2026, 10, 26, 0, 0), StatusOverdue},
		{"LA-29 the instant before", la29, la29.DueAt.Add(-time.Nanosecond), StatusDue},
		{"LA-29 at the deadline", la29, la29.DueAt, StatusOverdue},
		{"LA-29 the morning of the due day", la29, london(2026, 3, 30, 9, 0), StatusDue},
		{"LA-29 the day before", la29, london(2026, 3, 29, 13, 0), StatusOpen},
	} {
		if got := tc.c.Status(tc.asOf); got != tc.want {
			t.Errorf("%s: Status(%s) = %s, want %s", tc.name, tc.asOf, got, tc.want)
		}
	}
}

// TestStatusMetAndStopped checks met, late and stopped at and around the
// deadline, and that a meeting or stopping event after asOf does not count
// yet.
func TestStatusMetAndStopped(t *testing.T) {
	base := Clock{Due: csc.MustParseDate("2025-12-22"), DueAt: london(2025, 12, 23, 0, 0)}
	later := london(2026, 6, 1, 12, 0)
	with := func(f func(*Clock)) Clock { c := base; f(&c); return c }
	for _, tc := range []struct {
		name string
		c    Clock
		asOf time.Time
		want Status
	}{
		{"met at 23:59 on the due day", with(func(c *Clock) { c.Met, c.MetAt = c.Due, london(2025, 12, 22, 23, 59) }), later, StatusMet},
		{"met at 00:00 the next day", with(func(c *Clock) { c.Met, c.MetAt = csc.MustParseDate("2025-12-23"), london(2025, 12, 23, 0, 0) }), later, StatusLate},
		{"met on the due date, no time", with(func(c *Clock) { c.Met = c.Due }), later, StatusMet},
		{"met the day after, no time", with(func(c *Clock) { c.Met = csc.MustParseDate("2025-12-23") }), later, StatusLate},
		{"met, asked before the meeting", with(func(c *Clock) { c.Met, c.MetAt = c.Due, london(2025, 12, 22, 15, 0) }), london(2025, 12, 22, 14, 0), StatusDue},
		{"met late, asked before the meeting", with(func(c *Clock) { c.Met = csc.MustParseDate("2026-01-05") }), london(2026, 1, 2, 9, 0), StatusOverdue},
		{"stopped on the due date", with(func(c *Clock) { c.Stopped = c.Due }), later, StatusStopped},
		{"stopped the day after: overdue at closure", with(func(c *Clock) { c.Stopped = csc.MustParseDate("2025-12-23") }), later, StatusOverdue},
		{"stopped, asked before the stop", with(func(c *Clock) { c.Stopped = csc.MustParseDate("2025-12-22") }), london(2025, 12, 20, 9, 0), StatusOpen},
		{"hand-built clock without DueAt", Clock{Due: csc.MustParseDate("2025-12-22")}, london(2025, 12, 22, 23, 59), StatusDue},
	} {
		if got := tc.c.Status(tc.asOf); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// hp03 builds referral 10 opened on Sat 10 Jan 2026 (due Fri 13 Mar) with
// extra events.
func hp03(extra ...Event) Record {
	return Record{ChildID: 1, Events: append([]Event{{Kind: EvReferralOpened, Subject: 10, Date: csc.MustParseDate("2026-01-10")}}, extra...)}
}

// only returns the clocks of one rule.
func only(clocks []Clock, rule string) []Clock {
	return slices.DeleteFunc(slices.Clone(clocks), func(c Clock) bool { return c.Rule != rule })
}

// TestEvaluateEdges pins the judgement calls listed on Evaluate.
func TestEvaluateEdges(t *testing.T) {
	d := csc.MustParseDate
	asOf := d("2026-06-01")
	noon := london(2026, 6, 1, 12, 0)
	assess := func(on string, parent int64) Event {
		return Event{Kind: EvAssessmentCompleted, Subject: 11, Parent: parent, Date: d(on)}
	}
	closed := func(on string) Event { return Event{Kind: EvReferralClosed, Subject: 10, Date: d(on)} }
	for _, tc := range []struct {
		name    string
		r       Record
		want    Status
		met     string
		stopped string
	}{
		{"met on the due date is in time", hp03(assess("2026-03-13", 10)), StatusMet, "2026-03-13", ""},
		{"met the next working day is late", hp03(assess("2026-03-16", 10)), StatusLate, "2026-03-16", ""},
		{"an assessment of another referral does not meet it", hp03(assess("2026-02-01", 99)), StatusOverdue, "", ""},
		{"an event before the start does not meet it", hp03(assess("2026-01-09", 10)), StatusOverdue, "", ""},
		{"an event on the start day meets it", hp03(assess("2026-01-10", 10)), StatusMet, "2026-01-10", ""},
		{"closed before the due date: stopped", hp03(closed("2026-02-02")), StatusStopped, "", "2026-02-02"},
		{"closed on the due date: stopped", hp03(closed("2026-03-13")), StatusStopped, "", "2026-03-13"},
		{"closed after the due date: overdue at closure", hp03(closed("2026-03-16")), StatusOverdue, "", "2026-03-16"},
		{"met and closed the same day: met", hp03(closed("2026-02-02"), assess("2026-02-02", 10)), StatusMet, "2026-02-02", ""},
		{"met after closure does not count", hp03(closed("2026-02-02"), assess("2026-02-03", 10)), StatusStopped, "", "2026-02-02"},
		{"events after asOf are ignored", hp03(assess("2026-06-02", 10)), StatusOverdue, "", ""},
	} {
		got := only(Evaluate(tc.r, asOf, nil), "HP-03")
		if len(got) != 1 {
			t.Errorf("%s: %d HP-03 clocks, want 1", tc.name, len(got))
			continue
		}
		c := got[0]
		if s := c.Status(noon); s != tc.want || c.Met.String() != tc.met || c.Stopped.String() != tc.stopped {
			t.Errorf("%s: %s met %q stopped %q, want %s met %q stopped %q", tc.name, s, c.Met, c.Stopped, tc.want, tc.met, tc.stopped)
		}
	}
}

// TestEvaluateStarts covers how start events become clocks.
func TestEvaluateStarts(t *testing.T) {
	d := csc.MustParseDate
	ref := func(id int64, on string) Event { return Event{Kind: EvReferralOpened, Subject: id, Date: d(on)} }
	t.Run("two referrals, two clocks", func(t *testing.T) {
		got := only(Evaluate(Record{Events: []Event{ref(10, "2026-01-05"), ref(12, "2026-02-02")}}, d("2026-06-01"), nil), "HP-03")
		if len(got) != 2 || got[0].Subject != 10 || got[1].Subject != 12 {
			t.Fatalf("got %+v", got)
		}
	})
	t.Run("a repeated start event counts once", func(t *testing.T) {
		got := only(Evaluate(Record{Events: []Event{ref(10, "2026-01-05"), ref(10, "2026-01-05")}}, d("2026-06-01"), nil), "HP-03")
		if len(got) != 1 {
			t.Fatalf("got %d clocks", len(got))
		}
	})
	t.Run("HP-03 is not in force before Working Together 2013", func(t *testing.T) {
		if got := only(Evaluate(Record{Events: []Event{ref(10, "2013-04-12")}}, d("2013-06-01"), nil), "HP-03"); len(got) != 0 {
			t.Errorf("a referral on 12 April 2013 has an HP-03 clock: %+v", got)
		}
		got := only(Evaluate(Record{Events: []Event{ref(10, "2013-04-15")}}, d("2013-06-01"), nil), "HP-03")
		// Mon 15 Apr 2013 + 45 wd: to 3 May (14), (6 May), 7 May-24 May (28), (27 May), 28 May-19 Jun (45) → Wed 19 Jun.
		if len(got) != 1 || got[0].Due.String() != "2013-06-19" {
			t.Errorf("a referral on 15 April 2013: %+v, want one clock due 2013-06-19", got)
		}
	})
	t.Run("an ID of 0 never links", func(t *testing.T) {
		r := Record{Events: []Event{ref(0, "2026-01-05"), {Kind: EvAssessmentCompleted, Subject: 11, Date: d("2026-01-20")}}}
		got := only(Evaluate(r, d("2026-06-01"), nil), "HP-03")
		if len(got) != 1 || !got[0].Met.IsZero() {
			t.Errorf("an assessment with no parent met a referral with no ID: %+v", got)
		}
	})
	t.Run("a zero asOf gives no clocks", func(t *testing.T) {
		if got := Evaluate(hp03(), csc.Date{}, nil); got != nil {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("an event with only an instant is dated in London", func(t *testing.T) {
		r := Record{Events: []Event{{Kind: EvContactReceived, Subject: 1, At: utc(2026, 6, 4, 23, 30)}}}
		got := Evaluate(r, d("2026-06-05"), nil)
		if len(got) != 1 || got[0].Started.String() != "2026-06-05" {
			t.Errorf("got %+v, want one clock started on Fri 5 June (00:30 BST)", got)
		}
	})
}

// TestRuleEndsWhileOpen uses a rule that is not in the catalogue to check
// what happens when a rule stops being in force: clocks started before the
// end are stopped on the day it ends (overdue if already past due), and no
// clock starts on or after that day.
func TestRuleEndsWhileOpen(t *testing.T) {
	d := csc.MustParseDate
	rule := Rule{ID: "T-1", Start: []EventKind{EvCPPlanStarted}, Meet: []EventKind{EvCPVisit}, Link: Link{Meet: UnderSubject},
		Period: Period{10, WorkingDays}, Repeat: true, InForce: [2]csc.Date{d("2020-01-01"), d("2026-03-01")}}
	rules, err := compile([]Rule{rule})
	if err != nil {
		t.Fatal(err)
	}
	r := Record{Events: []Event{
		{Kind: EvCPPlanStarted, Subject: 30, Date: d("2026-02-02")},
		{Kind: EvCPVisit, Subject: 31, Parent: 30, Date: d("2026-02-20")},
		{Kind: EvCPPlanStarted, Subject: 32, Date: d("2026-03-02")},
	}}
	got := evaluate(rules, r, d("2026-06-01"), nil)
	// Plan 30 from Mon 2 Feb: due Mon 16 Feb; met late on 20 Feb; the next
	// clock (due Fri 6 Mar) is open when the rule ends on 1 Mar. Plan 32
	// starts after the end and has no clock.
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Status(london(2026, 6, 1, 9, 0)) != StatusLate || got[1].Stopped.String() != "2026-03-01" || got[1].Status(london(2026, 6, 1, 9, 0)) != StatusStopped {
		t.Errorf("got %+v", got)
	}
}

// TestEvaluateIsStable checks the order of the result and that the order of
// the events given does not change it.
func TestEvaluateIsStable(t *testing.T) {
	r := realisticRecord()
	// Ties on one day that an input-order sort would resolve differently:
	// two moves (the later supersedes the earlier), two visits, two plans.
	r.Events = append(r.Events,
		ev(EvAccommodationMoved, 91, 0, "2026-07-01"), ev(EvAccommodationMoved, 90, 0, "2026-07-01"),
		ev(EvPAVisit, 92, 0, "2026-07-03"), ev(EvPAVisit, 93, 0, "2026-07-03"),
		ev(EvPathwayPlan, 95, 0, "2026-07-01"), ev(EvPathwayPlan, 94, 0, "2026-07-01"))
	r.DateOfBirth = csc.MustParseDate("2009-09-01")
	asOf := csc.MustParseDate("2026-09-30")
	want := Evaluate(r, asOf, nil)
	if !slices.IsSortedFunc(want, compareClocks) {
		t.Fatal("clocks are not in order")
	}
	keys := map[string]bool{}
	for _, c := range want {
		if keys[c.Key()] {
			t.Errorf("duplicate key %s", c.Key())
		}
		keys[c.Key()] = true
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := r
		shuffled.Events = slices.Clone(r.Events)
		rng.Shuffle(len(shuffled.Events), func(i, j int) { shuffled.Events[i], shuffled.Events[j] = shuffled.Events[j], shuffled.Events[i] })
		if got := Evaluate(shuffled, asOf, nil); !slices.EqualFunc(got, want, clocksEqual) {
			t.Fatalf("shuffled events gave a different result")
		}
	}
}

// compareClocks is the order Evaluate promises: by Due, Rule, Subject and Seq.
func compareClocks(a, b Clock) int {
	if c := compareDates(a.Due, b.Due); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Subject, b.Subject); c != 0 {
		return c
	}
	return cmp.Compare(a.Seq, b.Seq)
}

// compareDates orders normalised dates field by field, which is much
// cheaper than csc.Date.Compare's conversion to time.Time; Evaluate only
// produces normalised dates.
func compareDates(a, b csc.Date) int {
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Month, b.Month); c != 0 {
		return c
	}
	return cmp.Compare(a.Day, b.Day)
}

// clocksEqual compares clocks, including the instants by Equal.
func clocksEqual(a, b Clock) bool {
	ta, tb := [3]time.Time{a.StartedAt, a.DueAt, a.MetAt}, [3]time.Time{b.StartedAt, b.DueAt, b.MetAt}
	for i := range ta {
		if !ta[i].Equal(tb[i]) {
			return false
		}
	}
	a.StartedAt, a.DueAt, a.MetAt, b.StartedAt, b.DueAt, b.MetAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a == b
}

// TestKeysSurviveRecomputation: a clock keeps its key as the record grows,
// so an explanation recorded against it stays attached. Evaluated in May
// and again in September, every clock known in May has the same key, start
// and due date in September.
func TestKeysSurviveRecomputation(t *testing.T) {
	r := realisticRecord()
	later := map[string]Clock{}
	for _, c := range Evaluate(r, csc.MustParseDate("2026-09-30"), nil) {
		later[c.Key()] = c
	}
	for _, c := range Evaluate(r, csc.MustParseDate("2026-05-01"), nil) {
		l, ok := later[c.Key()]
		if !ok || l.Started != c.Started || l.Due != c.Due {
			t.Errorf("clock %s (%s→%s) in May is %+v in September", c.Key(), c.Started, c.Due, l)
		}
	}
}

func TestKey(t *testing.T) {
	if k := (Clock{Rule: "CP-12", Subject: 4711, Seq: 3}).Key(); k != "CP-12/4711/3" {
		t.Errorf("Key = %q", k)
	}
}
