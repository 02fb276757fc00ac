package clock

import (
	"fmt"
	"strings"
	"testing"

	"cairn/internal/csc"
)

// wantClock is one expected clock, written as text for short tables.
// status is the status at noon on asOf.
type wantClock struct {
	key, started, due, met, stopped string
	status                          Status
}

// checkChain evaluates r at asOf and compares the clocks of the rules named
// by the keys in want (and only those rules), in order.
func checkChain(t *testing.T, r Record, asOf string, local Local, want []wantClock) {
	t.Helper()
	rules := map[string]bool{}
	for _, w := range want {
		rules[strings.SplitN(w.key, "/", 2)[0]] = true
	}
	at := csc.MustParseDate(asOf)
	var got []string
	for _, c := range Evaluate(r, at, local) {
		if rules[c.Rule] {
			got = append(got, fmt.Sprintf("%s %s→%s met %q stopped %q %s", c.Key(), c.Started, c.Due, c.Met, c.Stopped, c.Status(london(at.Year, at.Month, at.Day, 12, 0))))
		}
	}
	var exp []string
	for _, w := range want {
		exp = append(exp, fmt.Sprintf("%s %s→%s met %q stopped %q %s", w.key, w.started, w.due, w.met, w.stopped, w.status))
	}
	if strings.Join(got, "\n") != strings.Join(exp, "\n") {
		t.Errorf("clocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
	}
}

// ev is a short way to write an event in chain tables.
func ev(k EventKind, subject, parent int64, on string, attr ...string) Event {
	return Event{Kind: k, Subject: subject, Parent: parent, Date: csc.MustParseDate(on), Attr: attr}
}

// TestCPVisitChain: visits every 10 working days from the plan start, with
// an early visit, a late visit, a visit on the due day, two visits on one
// day, a visit under another plan, and the plan ending.
func TestCPVisitChain(t *testing.T) {
	events := []Event{
		ev(EvCPPlanStarted, 30, 0, "2026-01-05"),
		ev(EvCPVisit, 1, 30, "2026-01-14"), // early: due Mon 19 Jan (6-9, 12-16, 19)
		ev(EvCPVisit, 2, 30, "2026-02-02"), // late: due Wed 28 Jan (15,16, 19-23, 26-28)
		ev(EvCPVisit, 3, 30, "2026-02-16"), // on the due day: Mon 16 Feb (3-6, 9-13, 16)
		ev(EvCPVisit, 4, 30, "2026-02-16"), // a second visit the same day counts once
		ev(EvCPVisit, 5, 99, "2026-02-20"), // under another plan
		ev(EvCPPlanEnded, 30, 0, "2026-02-27"),
		ev(EvCPVisit, 6, 30, "2026-02-28"), // after the plan ended
	}
	checkChain(t, Record{Events: events}, "2026-06-01", nil, []wantClock{
		{"CP-12/30/1", "2026-01-05", "2026-01-19", "2026-01-14", "", StatusMet},
		{"CP-12/30/2", "2026-01-14", "2026-01-28", "2026-02-02", "", StatusLate},
		{"CP-12/30/3", "2026-02-02", "2026-02-16", "2026-02-16", "", StatusMet},
		// From Mon 16 Feb: 17-20, 23-27, 2 Mar; the plan ends first.
		{"CP-12/30/4", "2026-02-16", "2026-03-02", "", "2026-02-27", StatusStopped},
	})
	// Asked on 25 February, before the plan ended, the last clock is open;
	// the events after asOf are not yet known.
	checkChain(t, Record{Events: events}, "2026-02-25", nil, []wantClock{
		{"CP-12/30/1", "2026-01-05", "2026-01-19", "2026-01-14", "", StatusMet},
		{"CP-12/30/2", "2026-01-14", "2026-01-28", "2026-02-02", "", StatusLate},
		{"CP-12/30/3", "2026-02-02", "2026-02-16", "2026-02-16", "", StatusMet},
		{"CP-12/30/4", "2026-02-16", "2026-03-02", "", "", StatusOpen},
	})
	// A plan ending after a visit fell due: the last clock stays overdue.
	late := append(events[:2:2], ev(EvCPPlanEnded, 30, 0, "2026-01-30"))
	checkChain(t, Record{Events: late}, "2026-06-01", nil, []wantClock{
		{"CP-12/30/1", "2026-01-05", "2026-01-19", "2026-01-14", "", StatusMet},
		{"CP-12/30/2", "2026-01-14", "2026-01-28", "", "2026-01-30", StatusOverdue},
	})
}

// TestSettingChangeInChain: the interval in force when each clock starts
// applies, so a change from 1 February shortens the clocks that start on or
// after it and leaves earlier ones alone.
func TestSettingChangeInChain(t *testing.T) {
	local := Local{{Key: "cp-visit-interval", Value: Period{5, WorkingDays}, From: csc.MustParseDate("2026-02-01")}}
	events := []Event{
		ev(EvCPPlanStarted, 30, 0, "2026-01-05"),
		ev(EvCPVisit, 1, 30, "2026-01-14"),
		ev(EvCPVisit, 2, 30, "2026-02-02"),
		ev(EvCPVisit, 3, 30, "2026-02-16"),
	}
	checkChain(t, Record{Events: events}, "2026-02-17", local, []wantClock{
		{"CP-12/30/1", "2026-01-05", "2026-01-19", "2026-01-14", "", StatusMet},
		{"CP-12/30/2", "2026-01-14", "2026-01-28", "2026-02-02", "", StatusLate}, // started before the change: 10 wd
		{"CP-12/30/3", "2026-02-02", "2026-02-09", "2026-02-16", "", StatusLate}, // 5 wd: 3-6, 9
		{"CP-12/30/4", "2026-02-16", "2026-02-23", "", "", StatusOpen},           // 5 wd: 17-20, 23
	})
}

// TestFollowingRules: CP-10 then CP-11, CP-13 then CP-14, and the three
// looked-after reviews, each chain starting where the previous rule's clock
// was met.
func TestFollowingRules(t *testing.T) {
	cp := []Event{
		ev(EvCPPlanStarted, 30, 0, "2026-01-05"),
		ev(EvCoreGroup, 1, 30, "2026-01-15"),
		ev(EvCoreGroup, 2, 30, "2026-02-20"),
		ev(EvCPReview, 3, 30, "2026-04-02"),
	}
	checkChain(t, Record{Events: cp}, "2026-06-01", nil, []wantClock{
		{"CP-10/30/1", "2026-01-05", "2026-01-19", "2026-01-15", "", StatusMet},
		{"CP-11/30/1", "2026-01-15", "2026-02-26", "2026-02-20", "", StatusMet}, // 15 Jan + 6 weeks
		{"CP-11/30/2", "2026-02-20", "2026-04-03", "", "", StatusOverdue},
		{"CP-13/30/1", "2026-01-05", "2026-04-05", "2026-04-02", "", StatusMet},
		{"CP-14/30/1", "2026-04-02", "2026-10-02", "", "", StatusOpen},
	})
	la := []Event{
		ev(EvLookedAfter, 40, 0, "2026-02-02"),
		ev(EvCLAReview, 1, 40, "2026-02-25"), // first: due Mon 2 Mar (20 wd)
		ev(EvCLAReview, 2, 40, "2026-05-20"), // second: due 25 May
		ev(EvCLAReview, 3, 40, "2026-12-01"), // third: due 20 Nov, late
		ev(EvCLAEnded, 40, 0, "2027-01-10"),
	}
	checkChain(t, Record{Events: la}, "2027-02-01", nil, []wantClock{
		{"LA-17/40/1", "2026-02-02", "2026-03-02", "2026-02-25", "", StatusMet},
		{"LA-18/40/1", "2026-02-25", "2026-05-25", "2026-05-20", "", StatusMet},
		{"LA-19/40/1", "2026-05-20", "2026-11-20", "2026-12-01", "", StatusLate},
		{"LA-19/40/2", "2026-12-01", "2027-06-01", "", "2027-01-10", StatusStopped},
	})
}

// TestReg28Visits checks which visit rule each kind of placement follows.
func TestReg28Visits(t *testing.T) {
	for _, tc := range []struct {
		attr []string
		rule string
	}{
		{nil, "LA-12"}, {[]string{AttrLongTerm}, "LA-12"}, {[]string{AttrPlacedWithParent}, "LA-13"},
		{[]string{AttrConnectedPerson}, "LA-14"}, {[]string{AttrICOAtHome}, "LA-14"}, {[]string{AttrCareOrderAtHome}, "LA-15"},
		{[]string{AttrConnectedPerson, AttrPlacedWithParent}, "LA-13"}, {[]string{AttrCareOrderAtHome, AttrICOAtHome}, "LA-14"},
	} {
		var rules []string
		for _, c := range Evaluate(Record{Events: []Event{ev(EvPlacementStarted, 41, 40, "2026-01-05", tc.attr...)}}, csc.MustParseDate("2026-01-05"), nil) {
			if c.Rule != "LA-06" {
				rules = append(rules, c.Rule)
			}
		}
		if len(rules) != 1 || rules[0] != tc.rule {
			t.Errorf("placement %v: visit rules %v, want %s", tc.attr, rules, tc.rule)
		}
	}
}

// TestReg28Chains checks the change of interval after the first year of a
// long-term placement, a move between placements, and weekly visits until
// the first review for a child placed with a parent.
func TestReg28Chains(t *testing.T) {
	long := func(last string) []Event {
		return []Event{
			ev(EvPlacementStarted, 41, 40, "2026-01-05", AttrLongTerm),
			ev(EvCLAVisit, 1, 0, "2026-01-09"),
			ev(EvCLAVisit, 2, 0, "2026-02-20"),
			ev(EvCLAVisit, 3, 0, last),
		}
	}
	// The first anniversary of the placement is Tue 5 Jan 2027.
	checkChain(t, Record{Events: long("2027-01-04")}, "2027-01-04", nil, []wantClock{
		{"LA-12/41/1", "2026-01-05", "2026-01-12", "2026-01-09", "", StatusMet},
		{"LA-12/41/2", "2026-01-09", "2026-02-20", "2026-02-20", "", StatusMet},
		{"LA-12/41/3", "2026-02-20", "2026-04-03", "2027-01-04", "", StatusLate},
		{"LA-12/41/4", "2027-01-04", "2027-02-15", "", "", StatusOpen}, // still in the first year: 6 weeks
	})
	checkChain(t, Record{Events: long("2027-01-05")}, "2027-01-05", nil, []wantClock{
		{"LA-12/41/1", "2026-01-05", "2026-01-12", "2026-01-09", "", StatusMet},
		{"LA-12/41/2", "2026-01-09", "2026-02-20", "2026-02-20", "", StatusMet},
		{"LA-12/41/3", "2026-02-20", "2026-04-03", "2027-01-05", "", StatusLate},
		{"LA-12/41/4", "2027-01-05", "2027-04-05", "", "", StatusOpen}, // after the first year, long-term: 3 months
	})
	// A move: the old placement's visits stop, the new one's start at 1 week.
	move := []Event{
		ev(EvPlacementStarted, 41, 40, "2026-01-05"),
		ev(EvCLAVisit, 1, 0, "2026-01-09"),
		ev(EvPlacementEnded, 41, 40, "2026-02-02"),
		ev(EvPlacementStarted, 42, 40, "2026-02-02"),
	}
	checkChain(t, Record{Events: move}, "2026-02-03", nil, []wantClock{
		{"LA-12/41/1", "2026-01-05", "2026-01-12", "2026-01-09", "", StatusMet},
		{"LA-12/42/1", "2026-02-02", "2026-02-09", "", "", StatusOpen},
		{"LA-12/41/2", "2026-01-09", "2026-02-20", "", "2026-02-02", StatusStopped},
	})
	// Placed with parent: weekly until a review is held, then 6-weekly.
	pwp := []Event{
		ev(EvPlacementStarted, 41, 40, "2026-01-05", AttrPlacedWithParent),
		ev(EvCLAVisit, 1, 0, "2026-01-09"),
		ev(EvCLAVisit, 2, 0, "2026-01-16"),
		ev(EvCLAReview, 3, 40, "2026-01-20"),
		ev(EvCLAVisit, 4, 0, "2026-01-23"),
	}
	checkChain(t, Record{Events: pwp}, "2026-01-23", nil, []wantClock{
		{"LA-13/41/1", "2026-01-05", "2026-01-12", "2026-01-09", "", StatusMet},
		{"LA-13/41/2", "2026-01-09", "2026-01-16", "2026-01-16", "", StatusMet},
		{"LA-13/41/3", "2026-01-16", "2026-01-23", "2026-01-23", "", StatusMet}, // started before the review: weekly
		{"LA-13/41/4", "2026-01-23", "2026-03-06", "", "", StatusOpen},          // after it: 6 weeks
	})
	// A review and a visit on the same day: the next clock is 6-weekly.
	sameDay := append(pwp[:2:2], ev(EvCLAReview, 3, 40, "2026-01-16"), ev(EvCLAVisit, 4, 0, "2026-01-16"))
	checkChain(t, Record{Events: sameDay}, "2026-01-16", nil, []wantClock{
		{"LA-13/41/1", "2026-01-05", "2026-01-12", "2026-01-09", "", StatusMet},
		{"LA-13/41/2", "2026-01-09", "2026-01-16", "2026-01-16", "", StatusMet},
		{"LA-13/41/3", "2026-01-16", "2026-02-27", "", "", StatusOpen},
	})
}

// TestAgeRules covers the rules that depend on the child's age.
func TestAgeRules(t *testing.T) {
	// Review health assessments: 6 months under 5, 12 months from 5.
	health := Record{DateOfBirth: csc.MustParseDate("2021-03-10"), Events: []Event{
		ev(EvLookedAfter, 40, 0, "2026-01-05"),
		ev(EvHealthAssessmentInitial, 1, 40, "2026-01-20"), // aged 4
		ev(EvHealthAssessmentReview, 2, 40, "2026-07-01"),  // aged 5
	}}
	checkChain(t, health, "2026-07-01", nil, []wantClock{
		{"LA-25/40/1", "2026-01-05", "2026-02-02", "2026-01-20", "", StatusMet},
		{"LA-26/40/1", "2026-01-20", "2026-07-20", "2026-07-01", "", StatusMet},
		{"LA-26/40/2", "2026-07-01", "2027-07-01", "", "", StatusOpen},
	})
	// PEP for a child of 4 starts on the 5th birthday; born 29 February, it
	// is 1 March 2025. Sat 1 Mar + 10 wd: 3-7, 10-14 → Fri 14 Mar.
	pep := Record{DateOfBirth: csc.MustParseDate("2020-02-29"), Events: []Event{ev(EvLookedAfter, 40, 0, "2024-06-03")}}
	checkChain(t, pep, "2025-03-03", nil, []wantClock{{"LA-27a/40/1", "2025-03-01", "2025-03-14", "", "", StatusOpen}})
	if got := only(Evaluate(pep, csc.MustParseDate("2025-02-28"), nil), "LA-27a"); len(got) != 0 {
		t.Errorf("PEP clock before the 5th birthday: %+v", got)
	}
	// CL-02 from the 16th birthday when eligibility is recorded earlier, and
	// from eligibility when it comes later.
	dob := csc.MustParseDate("2009-07-15")
	checkChain(t, Record{DateOfBirth: dob, Events: []Event{ev(EvEligible, 50, 0, "2025-06-01")}}, "2025-08-01", nil,
		[]wantClock{{"CL-02/50/1", "2025-07-15", "2025-10-15", "", "", StatusOpen}})
	checkChain(t, Record{DateOfBirth: dob, Events: []Event{ev(EvEligible, 50, 0, "2025-09-01"), ev(EvNeedsAssessment, 1, 0, "2025-12-01")}}, "2026-01-01", nil,
		[]wantClock{{"CL-02/50/1", "2025-09-01", "2025-12-01", "2025-12-01", "", StatusMet}})
	// PA visits end on the 18th birthday (10 May 2026); a move after it
	// starts nothing; a new move supersedes the chain of the old one.
	pa := Record{DateOfBirth: csc.MustParseDate("2008-05-10"), Events: []Event{
		ev(EvAccommodationMoved, 52, 0, "2026-03-02"),
		ev(EvPAVisit, 1, 0, "2026-03-05"),
		ev(EvAccommodationMoved, 53, 0, "2026-03-20"),
		ev(EvPAVisit, 2, 0, "2026-03-26"),
		ev(EvAccommodationMoved, 54, 0, "2026-06-01"),
	}}
	checkChain(t, pa, "2026-06-02", nil, []wantClock{
		{"CL-08/52/1", "2026-03-02", "2026-03-09", "2026-03-05", "", StatusMet},
		{"CL-08/53/1", "2026-03-20", "2026-03-27", "2026-03-26", "", StatusMet},
		{"CL-08/52/2", "2026-03-05", "2026-05-05", "", "2026-03-20", StatusStopped},
		{"CL-08/53/2", "2026-03-26", "2026-05-26", "", "2026-05-10", StatusStopped},
	})
}

// TestEarlyAndSuperseded covers plans made before the start, and a new
// pathway plan restarting the review count.
func TestEarlyAndSuperseded(t *testing.T) {
	early := []Event{
		ev(EvPlacementPlan, 1, 41, "2026-01-02"),
		ev(EvCLAVisit, 2, 0, "2026-01-02"),
		ev(EvPlacementStarted, 41, 40, "2026-01-05"),
	}
	checkChain(t, Record{Events: early}, "2026-01-20", nil, []wantClock{
		{"LA-06/41/1", "2026-01-05", "2026-01-12", "2026-01-02", "", StatusMet}, // Early: before the placement counts
		{"LA-12/41/1", "2026-01-05", "2026-01-12", "", "", StatusOverdue},       // a visit before the placement does not
	})
	pathway := []Event{
		ev(EvPathwayPlan, 51, 0, "2026-01-10"),
		ev(EvPathwayPlanReview, 1, 0, "2026-06-01"),
		ev(EvPathwayPlan, 55, 0, "2026-08-01"),
	}
	checkChain(t, Record{Events: pathway}, "2026-09-01", nil, []wantClock{
		{"CL-07/51/1", "2026-01-10", "2026-07-10", "2026-06-01", "", StatusMet},
		{"CL-07/51/2", "2026-06-01", "2026-12-01", "", "2026-08-01", StatusStopped},
		{"CL-07/55/1", "2026-08-01", "2027-02-01", "", "", StatusOpen},
	})
	pf := []Event{
		ev(EvPFNotified, 60, 0, "2025-01-06"),
		ev(EvPFVisit, 1, 60, "2025-01-10"),
		ev(EvPFEnded, 60, 0, "2025-02-28"),
	}
	checkChain(t, Record{Events: pf}, "2025-03-01", nil, []wantClock{
		{"PF-04/60/1", "2025-01-06", "2025-01-15", "2025-01-10", "", StatusMet},
		{"PF-05/60/1", "2025-01-10", "2025-02-21", "", "2025-02-28", StatusOverdue},
	})
}
