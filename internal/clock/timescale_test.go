package clock

import (
	"strings"
	"testing"

	"cairn/internal/csc"
)

// scenario returns a record in which the clock under test starts on d. The
// key is a rule ID, optionally with a variant after "#" for a later clock of
// a chain or a phase: "LA-12#2" is the second reg 28 visit of an ordinary
// placement. Record IDs: contact 1, referral 10, s47 20, CP plan 30, CIN plan
// 35, looked-after episode 40, placement 41, PF arrangement 60, others 70+.
func scenario(key string, d csc.Date) Record {
	mk := func(k EventKind, subject, parent int64, on csc.Date, attr ...string) Event {
		return Event{Kind: k, Subject: subject, Parent: parent, Date: on, Attr: attr}
	}
	r := Record{ChildID: 7}
	switch key {
	case "HP-03":
		r.Events = []Event{mk(EvReferralOpened, 10, 0, d)}
	case "CP-04":
		r.Events = []Event{mk(EvS47Started, 20, 10, d)}
	case "CP-10", "CP-12", "CP-13":
		r.Events = []Event{mk(EvCPPlanStarted, 30, 0, d)}
	case "CP-11":
		r.Events = []Event{mk(EvCPPlanStarted, 30, 0, d), mk(EvCoreGroup, 71, 30, d)}
	case "CP-14":
		r.Events = []Event{mk(EvCPPlanStarted, 30, 0, d), mk(EvCPReview, 72, 30, d)}
	case "CIN-02", "CIN-03":
		r.Events = []Event{mk(EvCINPlanStarted, 35, 0, d)}
	default:
		return careScenario(key, d)
	}
	return r
}

// careScenario is scenario for children in care.
func careScenario(key string, d csc.Date) Record {
	mk := func(k EventKind, subject, parent int64, on csc.Date, attr ...string) Event {
		return Event{Kind: k, Subject: subject, Parent: parent, Date: on, Attr: attr}
	}
	years := func(n int) csc.Date { return AddMonths(d, -12*n) }
	r := Record{ChildID: 7}
	switch key {
	case "LA-04", "LA-17", "LA-25":
		r.Events = []Event{mk(EvLookedAfter, 40, 0, d)}
	case "LA-27a":
		r.DateOfBirth = years(10)
		r.Events = []Event{mk(EvLookedAfter, 40, 0, d)}
	case "LA-18":
		r.Events = []Event{mk(EvLookedAfter, 40, 0, d), mk(EvCLAReview, 73, 40, d)}
	case "LA-19":
		// LA-17 met on the day of becoming looked after, LA-18 the next day.
		r.Events = []Event{mk(EvLookedAfter, 40, 0, d.AddDays(-1)), mk(EvCLAReview, 73, 40, d.AddDays(-1)), mk(EvCLAReview, 74, 40, d)}
	case "LA-26", "LA-26#5":
		r.DateOfBirth = years(2)
		if key == "LA-26#5" {
			r.DateOfBirth = years(10)
		}
		r.Events = []Event{mk(EvLookedAfter, 40, 0, d.AddDays(-1)), mk(EvHealthAssessmentInitial, 75, 40, d)}
	case "LA-27b":
		r.DateOfBirth = years(10)
		r.Events = []Event{mk(EvLookedAfter, 40, 0, d.AddDays(-1)), mk(EvPEP, 76, 40, d)}
	case "LA-06", "LA-12":
		r.Events = []Event{mk(EvPlacementStarted, 41, 40, d)}
	case "LA-13":
		r.Events = []Event{mk(EvPlacementStarted, 41, 40, d, AttrPlacedWithParent)}
	case "LA-14":
		r.Events = []Event{mk(EvPlacementStarted, 41, 40, d, AttrConnectedPerson)}
	case "LA-15":
		r.Events = []Event{mk(EvPlacementStarted, 41, 40, d, AttrCareOrderAtHome)}
	case "LA-12#2", "LA-13#2", "LA-14#2", "LA-15#2":
		attr := map[string][]string{"LA-13#2": {AttrPlacedWithParent}, "LA-14#2": {AttrICOAtHome}, "LA-15#2": {AttrCareOrderAtHome}}[key]
		r.Events = []Event{mk(EvPlacementStarted, 41, 40, d.AddDays(-3), attr...), mk(EvCLAVisit, 77, 40, d)}
	case "LA-13#review", "LA-14#review":
		attr := map[string]string{"LA-13#review": AttrPlacedWithParent, "LA-14#review": AttrConnectedPerson}[key]
		r.Events = []Event{mk(EvPlacementStarted, 41, 40, d.AddDays(-10), attr), mk(EvCLAReview, 73, 40, d.AddDays(-2)), mk(EvCLAVisit, 77, 40, d)}
	case "LA-12#long", "LA-12#year2":
		var attr []string
		if key == "LA-12#long" {
			attr = []string{AttrLongTerm}
		}
		// The visit on d meets the first (long overdue) clock; the next
		// clock starts on d, more than a year into the placement.
		r.Events = []Event{mk(EvPlacementStarted, 41, 40, AddMonths(d, -13), attr...), mk(EvCLAVisit, 77, 40, d)}
	default:
		return leaverScenario(key, d)
	}
	return r
}

// leaverScenario is scenario for care leavers and private fostering.
func leaverScenario(key string, d csc.Date) Record {
	mk := func(k EventKind, subject, parent int64, on csc.Date) Event {
		return Event{Kind: k, Subject: subject, Parent: parent, Date: on}
	}
	r := Record{ChildID: 7}
	switch key {
	case "CL-02":
		r.DateOfBirth = AddMonths(d, -17*12)
		r.Events = []Event{mk(EvEligible, 50, 0, d)}
	case "CL-07":
		r.Events = []Event{mk(EvPathwayPlan, 51, 0, d)}
	case "CL-08", "CL-08#2":
		r.DateOfBirth = AddMonths(d, -16*12-6)
		r.Events = []Event{mk(EvAccommodationMoved, 52, 0, d)}
		if key == "CL-08#2" {
			r.Events = []Event{mk(EvAccommodationMoved, 52, 0, d.AddDays(-3)), mk(EvPAVisit, 78, 0, d)}
		}
	case "PF-04":
		r.Events = []Event{mk(EvPFNotified, 60, 0, d)}
	case "PF-05":
		r.Events = []Event{mk(EvPFNotified, 60, 0, d), mk(EvPFVisit, 79, 60, d)}
	case "PF-05#year2":
		n := AddMonths(d, -13)
		r.Events = []Event{mk(EvPFNotified, 60, 0, n), mk(EvPFVisit, 79, 60, n), mk(EvPFVisit, 80, 60, d)}
	default:
		panic("no scenario for " + key)
	}
	return r
}

// dueRows are the due dates of every rule at its edges, each counted by
// hand on a calendar (and cross-checked against an independent list of the
// published bank holidays). A row applies to every rule key it lists, since
// those rules share the period being counted. Calendar periods (weeks,
// months) are never moved off a weekend or bank holiday: "within 3 months"
// ends on that date whatever day it is.
var dueRows = []struct {
	keys  []string
	start string
	want  string
	why   string
}{
	// 45 working days.
	{[]string{"HP-03"}, "2026-01-10", "2026-03-13", "Sat start: Jan 12-16,19-23,26-30, Feb 2-6,9-13,16-20,23-27, Mar 2-6,9-13 (9 weeks) → Fri 13 Mar"},
	{[]string{"HP-03"}, "2025-11-03", "2026-01-08", "Mon 3 Nov: Nov 4-7 (4), 5 weeks to Dec 5 (24), Dec 8-19 (34), 22-24 (37), (25,26), 29-31 (40), (1 Jan), 2 (41), 5-8 (45) → Thu 8 Jan"},
	{[]string{"HP-03"}, "2026-02-23", "2026-04-29", "Mon 23 Feb: 24-27 (4), Mar 2-27 (24), 30,31,1,2 (28), (3 GF, 6 EM), 7-10 (32), 13-24 (42), 27,28,29 (45) → Wed 29 Apr"},
	{[]string{"HP-03"}, "2024-01-15", "2024-03-18", "Mon 15 Jan 2024: 16-19 (4), to Feb 23 (29), 26,27,28,29, Mar 1 (34: leap day counts), 4-15 (44), 18 (45) → Mon 18 Mar"},
	{[]string{"HP-03"}, "2025-01-31", "2025-04-04", "Fri 31 Jan 2025: Feb 3-28 (20), Mar 3-28 (40), 31, Apr 1-4 (45) → Fri 4 Apr"},
	{[]string{"HP-03"}, "2021-11-01", "2022-01-06", "Mon 1 Nov 2021: to Dec 24 (39), (27,28 substitutes), 29-31 (42), (3 Jan substitute), 4,5,6 (45) → Thu 6 Jan 2022"},
	{[]string{"HP-03"}, "2020-03-16", "2020-05-21", "Mon 16 Mar 2020: to Apr 9 (18), (10 GF, 13 EM), 14 Apr-1 May (32), 4-7 (36: 4 May worked), (8 VE), 11-15 (41), 18-21 (45) → Thu 21 May"},
	{[]string{"HP-03"}, "2022-04-04", "2022-06-13", "Mon 4 Apr 2022: to Apr 14 (8), (15 GF, 18 EM), 19-29 (17), (2 May), 3 May-1 Jun (39: 30 May worked), (2,3 Jun), 6-10 (44), 13 (45) → Mon 13 Jun"},
	{[]string{"HP-03"}, "2022-07-18", "2022-09-21", "Mon 18 Jul 2022: to Aug 26 (29), (29 Aug), 30 Aug-16 Sep (43), (19 Sep funeral), 20,21 (45) → Wed 21 Sep"},
	{[]string{"HP-03"}, "2023-03-13", "2023-05-19", "Mon 13 Mar 2023: to Apr 6 (18), (7 GF, 10 EM), 11-28 (32), (1 May), 2-5 (36), (8 coronation), 9-12 (40), 15-19 (45) → Fri 19 May"},

	// 15 working days.
	{[]string{"CP-04"}, "2026-02-07", "2026-02-27", "Sat 7 Feb: 9-13, 16-20, 23-27 → Fri 27 Feb"},
	{[]string{"CP-04"}, "2025-12-12", "2026-01-07", "Fri 12 Dec: 15-19 (5), 22-24 (8), (25,26), 29-31 (11), (1 Jan), 2 (12), 5,6,7 (15) → Wed 7 Jan"},
	{[]string{"CP-04"}, "2026-03-23", "2026-04-15", "Mon 23 Mar: 24-27 (4), 30,31,1,2 (8), (3 GF, 6 EM), 7-10 (12), 13,14,15 (15) → Wed 15 Apr"},
	{[]string{"CP-04"}, "2024-02-15", "2024-03-07", "Thu 15 Feb 2024: 16 (1), 19-23 (6), 26-29 (10), Mar 1 (11), 4-7 (15) → Thu 7 Mar"},
	{[]string{"CP-04"}, "2025-10-31", "2025-11-21", "Fri 31 Oct: Nov 3-7, 10-14, 17-21 → Fri 21 Nov"},
	{[]string{"CP-04"}, "2022-12-16", "2023-01-11", "Fri 16 Dec 2022: 19-23 (5), (26, 27 substitute), 28-30 (8), (2 Jan substitute), 3-6 (12), 9,10,11 (15) → Wed 11 Jan 2023"},
	{[]string{"CP-04"}, "2020-04-22", "2020-05-14", "Wed 22 Apr 2020: 23,24 (2), 27 Apr-1 May (7), 4-7 (11), (8 VE), 11-14 (15) → Thu 14 May"},
	{[]string{"CP-04"}, "2022-05-23", "2022-06-15", "Mon 23 May 2022: 24-27 (4), 30,31,1 (7), (2,3 Jun), 6-10 (12), 13,14,15 (15) → Wed 15 Jun"},
	{[]string{"CP-04"}, "2022-09-05", "2022-09-27", "Mon 5 Sep 2022: 6-9 (4), 12-16 (9), (19 funeral), 20-23 (13), 26,27 (15) → Tue 27 Sep"},
	{[]string{"CP-04"}, "2023-04-24", "2023-05-17", "Mon 24 Apr 2023: 25-28 (4), (1 May), 2-5 (8), (8 coronation), 9-12 (12), 15,16,17 (15) → Wed 17 May"},

	// 20 working days.
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2026-02-01", "2026-02-27", "Sun 1 Feb: 2-6, 9-13, 16-20, 23-27 → Fri 27 Feb"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2025-12-08", "2026-01-08", "Mon 8 Dec: 9-12 (4), 15-19 (9), 22-24 (12), (25,26), 29-31 (15), (1 Jan), 2 (16), 5-8 (20) → Thu 8 Jan"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2027-03-15", "2027-04-14", "Mon 15 Mar 2027: 16-19 (4), 22-25 (8), (26 GF, 29 EM), 30,31,1,2 (12), 5-9 (17), 12-14 (20) → Wed 14 Apr"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2028-02-14", "2028-03-13", "Mon 14 Feb 2028: 15-18 (4), 21-25 (9), 28,29,1,2,3 (14), 6-10 (19), 13 (20) → Mon 13 Mar"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2026-08-03", "2026-09-01", "Mon 3 Aug: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), (31 Aug), 1 Sep (20) → Tue 1 Sep"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2015-12-14", "2016-01-14", "Mon 14 Dec 2015: 15-18 (4), 21-24 (8), (25, 28 substitute), 29-31 (11), (1 Jan), 4-8 (16), 11-14 (20) → Thu 14 Jan 2016"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2020-04-20", "2020-05-19", "Mon 20 Apr 2020: 21-24 (4), 27 Apr-1 May (9), 4-7 (13), (8 VE), 11-15 (18), 18,19 (20) → Tue 19 May"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2022-05-13", "2022-06-14", "Fri 13 May 2022: 16-20 (5), 23-27 (10), 30,31,1 (13), (2,3 Jun), 6-10 (18), 13,14 (20) → Tue 14 Jun"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2022-08-29", "2022-09-27", "start on the bank holiday Mon 29 Aug 2022: 30 Aug-2 Sep (4), 5-9 (9), 12-16 (14), (19 funeral), 20-23 (18), 26,27 (20) → Tue 27 Sep"},
	{[]string{"LA-17", "LA-25", "CIN-03"}, "2023-04-18", "2023-05-18", "Tue 18 Apr 2023: 19-21 (3), 24-28 (8), (1 May), 2-5 (12), (8 coronation), 9-12 (16), 15-18 (20) → Thu 18 May"},

	// 10 working days.
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2026-01-10", "2026-01-23", "Sat 10 Jan: 12-16, 19-23 → Fri 23 Jan"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2025-12-19", "2026-01-07", "Fri 19 Dec 2025: 22,23,24, (25,26 hols), 29,30,31, (1 Jan hol), 2, 5,6,7 → Wed 7 Jan 2026"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2026-04-02", "2026-04-20", "Thu 2 Apr: (3 GF, 6 EM), 7-10 (4), 13-17 (9), 20 (10) → Mon 20 Apr"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2024-02-19", "2024-03-04", "Mon 19 Feb 2024: 20-23 (4), 26-29 (8), Mar 1 (9), 4 (10) → Mon 4 Mar"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2026-01-30", "2026-02-13", "Fri 30 Jan: Feb 2-6, 9-13 → Fri 13 Feb"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2021-12-23", "2022-01-11", "Thu 23 Dec 2021: 24 (1), (27,28 substitutes), 29-31 (4), (3 Jan substitute), 4-7 (8), 10,11 (10) → Tue 11 Jan"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2020-04-30", "2020-05-15", "Thu 30 Apr 2020: 1 May (1), 4-7 (5: 4 May worked), (8 VE), 11-15 (10) → Fri 15 May"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2022-05-27", "2022-06-14", "Fri 27 May 2022: 30,31,1 (3), (2,3 Jun), 6-10 (8), 13,14 (10) → Tue 14 Jun"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2022-09-09", "2022-09-26", "Fri 9 Sep 2022: 12-16 (5), (19 funeral), 20-23 (9), 26 (10) → Mon 26 Sep"},
	{[]string{"CP-10", "CP-12", "LA-04", "LA-27a"}, "2023-04-28", "2023-05-16", "Fri 28 Apr 2023: (1 May), 2-5 (4), (8 coronation), 9-12 (8), 15,16 (10) → Tue 16 May"},

	// 7 working days.
	{[]string{"PF-04"}, "2026-03-01", "2026-03-10", "Sun 1 Mar: 2-6 (5), 9,10 (7) → Tue 10 Mar"},
	{[]string{"PF-04"}, "2025-12-19", "2026-01-02", "Fri 19 Dec: 22-24 (3), (25,26), 29-31 (6), (1 Jan), 2 (7) → Fri 2 Jan"},
	{[]string{"PF-04"}, "2024-03-25", "2024-04-05", "Mon 25 Mar 2024: 26-28 (3), (29 GF, 1 Apr EM), 2-5 (7) → Fri 5 Apr"},
	{[]string{"PF-04"}, "2028-02-25", "2028-03-07", "Fri 25 Feb 2028: 28,29 (2), 1-3 (5), 6,7 (7) → Tue 7 Mar"},
	{[]string{"PF-04"}, "2026-04-30", "2026-05-12", "Thu 30 Apr: 1 May (1), (4 May), 5-8 (5), 11,12 (7) → Tue 12 May"},
	{[]string{"PF-04"}, "2026-12-21", "2027-01-04", "Mon 21 Dec 2026: 22-24 (3), (25 Fri, 28 Boxing Day substitute), 29-31 (6), (1 Jan), 4 (7) → Mon 4 Jan 2027"},
	{[]string{"PF-04"}, "2020-05-01", "2020-05-13", "Fri 1 May 2020: 4-7 (4), (8 VE), 11-13 (7) → Wed 13 May"},
	{[]string{"PF-04"}, "2022-05-30", "2022-06-10", "Mon 30 May 2022 (a working day that year): 31,1 (2), (2,3 Jun), 6-10 (7) → Fri 10 Jun"},
	{[]string{"PF-04"}, "2022-09-13", "2022-09-23", "Tue 13 Sep 2022: 14-16 (3), (19 funeral), 20-23 (7) → Fri 23 Sep"},
	{[]string{"PF-04"}, "2023-05-04", "2023-05-16", "Thu 4 May 2023: 5 (1), (8 coronation), 9-12 (5), 15,16 (7) → Tue 16 May"},

	// 5 working days.
	{[]string{"LA-06"}, "2026-01-10", "2026-01-16", "Sat 10 Jan: 12-16 → Fri 16 Jan"},
	{[]string{"LA-06"}, "2025-12-22", "2025-12-31", "Mon 22 Dec: 23,24 (2), (25,26), 29-31 (5) → Wed 31 Dec"},
	{[]string{"LA-06"}, "2025-04-16", "2025-04-25", "Wed 16 Apr 2025: 17 (1), (18 GF, 21 EM), 22-25 (5) → Fri 25 Apr"},
	{[]string{"LA-06"}, "2024-02-23", "2024-03-01", "Fri 23 Feb 2024: 26-29 (4), 1 Mar (5) → Fri 1 Mar"},
	{[]string{"LA-06"}, "2025-01-31", "2025-02-07", "Fri 31 Jan 2025: 3-7 Feb → Fri 7 Feb"},
	{[]string{"LA-06"}, "2020-12-23", "2021-01-04", "Wed 23 Dec 2020: 24 (1), (25, 28 Boxing Day substitute), 29-31 (4), (1 Jan), 4 (5) → Mon 4 Jan 2021"},
	{[]string{"LA-06"}, "2020-05-04", "2020-05-12", "Mon 4 May 2020: 5-7 (3), (8 VE), 11,12 (5) → Tue 12 May"},
	{[]string{"LA-06"}, "2022-05-31", "2022-06-09", "Tue 31 May 2022: 1 (1), (2,3 Jun), 6-9 (5) → Thu 9 Jun"},
	{[]string{"LA-06"}, "2022-09-15", "2022-09-23", "Thu 15 Sep 2022: 16 (1), (19 funeral), 20-23 (5) → Fri 23 Sep"},
	{[]string{"LA-06"}, "2023-05-03", "2023-05-11", "Wed 3 May 2023: 4,5 (2), (8 coronation), 9-11 (5) → Thu 11 May"},

	// 3 calendar months.
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2025-11-15", "2026-02-15", "Sat 15 Nov + 3 months = Sun 15 Feb: due on a Sunday, not moved"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2025-09-25", "2025-12-25", "25 Sep + 3 months = Christmas Day, not moved"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2026-01-03", "2026-04-03", "3 Jan + 3 months = Good Friday 3 Apr 2026, not moved"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2023-11-30", "2024-02-29", "30 Nov 2023 + 3 months: February 2024 has 29 days, so 29 Feb"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2024-11-30", "2025-02-28", "30 Nov 2024 + 3 months: clamped to the last day of February 2025"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2024-10-31", "2025-01-31", "31 Oct + 3 months = 31 Jan"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2021-09-27", "2021-12-27", "27 Sep 2021 + 3 months = Mon 27 Dec, the Christmas substitute day, not moved"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2020-02-08", "2020-05-08", "8 Feb 2020 + 3 months = VE Day Fri 8 May, not moved"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2022-03-03", "2022-06-03", "3 Mar 2022 + 3 months = Platinum Jubilee Fri 3 Jun, not moved"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2022-06-19", "2022-09-19", "19 Jun 2022 + 3 months = state funeral Mon 19 Sep, not moved"},
	{[]string{"CP-13", "CIN-02", "LA-18", "CL-02"}, "2023-02-08", "2023-05-08", "8 Feb 2023 + 3 months = coronation Mon 8 May, not moved"},

	// 6 calendar months.
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2025-08-15", "2026-02-15", "Fri 15 Aug 2025 + 6 months = Sun 15 Feb 2026"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2026-06-25", "2026-12-25", "25 Jun + 6 months = Christmas Day"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2024-10-18", "2025-04-18", "18 Oct 2024 + 6 months = Good Friday 18 Apr 2025"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2023-08-31", "2024-02-29", "31 Aug 2023 + 6 months: clamped to 29 Feb 2024"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2025-08-31", "2026-02-28", "31 Aug 2025 + 6 months: clamped to 28 Feb 2026"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2026-03-31", "2026-09-30", "31 Mar + 6 months: September has 30 days"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2020-06-28", "2020-12-28", "28 Jun 2020 + 6 months = Mon 28 Dec, Boxing Day substitute"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2019-11-08", "2020-05-08", "8 Nov 2019 + 6 months = VE Day 2020"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2021-12-02", "2022-06-02", "2 Dec 2021 + 6 months = the moved spring bank holiday Thu 2 Jun 2022"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2022-03-19", "2022-09-19", "19 Mar 2022 + 6 months = state funeral"},
	{[]string{"CP-14", "LA-19", "CL-07", "LA-26"}, "2022-11-08", "2023-05-08", "8 Nov 2022 + 6 months = coronation"},

	// 12 calendar months (review health assessments from age 5).
	{[]string{"LA-26#5"}, "2025-02-15", "2026-02-15", "Sat 15 Feb 2025 + 12 months = Sun 15 Feb 2026"},
	{[]string{"LA-26#5"}, "2024-12-25", "2025-12-25", "Christmas Day to Christmas Day"},
	{[]string{"LA-26#5"}, "2023-03-29", "2024-03-29", "29 Mar 2023 + 12 months = Good Friday 2024"},
	{[]string{"LA-26#5"}, "2024-02-29", "2025-02-28", "29 Feb 2024 + 12 months: clamped to 28 Feb 2025"},
	{[]string{"LA-26#5"}, "2025-01-31", "2026-01-31", "31 Jan + 12 months = 31 Jan"},
	{[]string{"LA-26#5"}, "2020-12-27", "2021-12-27", "27 Dec 2020 + 12 months = Christmas substitute 2021"},
	{[]string{"LA-26#5"}, "2019-05-08", "2020-05-08", "VE Day 2020"},
	{[]string{"LA-26#5"}, "2021-06-03", "2022-06-03", "Platinum Jubilee"},
	{[]string{"LA-26#5"}, "2021-09-19", "2022-09-19", "state funeral"},
	{[]string{"LA-26#5"}, "2022-05-08", "2023-05-08", "coronation"},

	// 4 calendar months (PEP reviews, default setting).
	{[]string{"LA-27b"}, "2025-10-14", "2026-02-14", "Tue 14 Oct + 4 months = Sat 14 Feb"},
	{[]string{"LA-27b"}, "2025-08-25", "2025-12-25", "25 Aug + 4 months = Christmas Day"},
	{[]string{"LA-27b"}, "2025-12-03", "2026-04-03", "3 Dec + 4 months = Good Friday 2026"},
	{[]string{"LA-27b"}, "2023-10-31", "2024-02-29", "31 Oct 2023 + 4 months: clamped to 29 Feb 2024"},
	{[]string{"LA-27b"}, "2026-01-31", "2026-05-31", "31 Jan + 4 months = 31 May"},
	{[]string{"LA-27b"}, "2026-08-28", "2026-12-28", "28 Aug + 4 months = Boxing Day substitute 2026"},
	{[]string{"LA-27b"}, "2020-01-08", "2020-05-08", "VE Day 2020"},
	{[]string{"LA-27b"}, "2022-02-02", "2022-06-02", "moved spring bank holiday 2022"},
	{[]string{"LA-27b"}, "2022-05-19", "2022-09-19", "state funeral"},
	{[]string{"LA-27b"}, "2023-01-08", "2023-05-08", "coronation"},

	// 1 week (the first reg 28 visit; weekly visits before the first review).
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2026-01-03", "2026-01-10", "Sat 3 Jan + 7 days = Sat 10 Jan"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2025-12-18", "2025-12-25", "Thu 18 Dec + 7 days = Christmas Day"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2026-03-27", "2026-04-03", "27 Mar + 7 days = Good Friday"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2024-02-22", "2024-02-29", "22 Feb 2024 + 7 days = 29 Feb"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2026-01-31", "2026-02-07", "31 Jan + 7 days = 7 Feb"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2026-12-21", "2026-12-28", "21 Dec 2026 + 7 days = Boxing Day substitute"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2020-05-01", "2020-05-08", "VE Day 2020"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2022-05-27", "2022-06-03", "Platinum Jubilee"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2022-09-12", "2022-09-19", "state funeral"},
	{[]string{"LA-12", "LA-13", "LA-14", "LA-15", "LA-13#2", "LA-14#2"}, "2023-05-01", "2023-05-08", "coronation"},

	// 7 days (a personal adviser's first visit after a move).
	{[]string{"CL-08"}, "2026-01-03", "2026-01-10", "Sat 3 Jan + 7 days = Sat 10 Jan"},
	{[]string{"CL-08"}, "2025-12-18", "2025-12-25", "Christmas Day"},
	{[]string{"CL-08"}, "2024-02-22", "2024-02-29", "29 Feb 2024"},
	{[]string{"CL-08"}, "2022-09-12", "2022-09-19", "state funeral"},

	// 6 weeks.
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2026-01-03", "2026-02-14", "Sat 3 Jan + 42 days = Sat 14 Feb"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2025-11-13", "2025-12-25", "13 Nov + 42 days = Christmas Day"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2026-02-20", "2026-04-03", "20 Feb + 42 days (8 in Feb, 31 in Mar, 3) = Good Friday"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2024-01-18", "2024-02-29", "18 Jan 2024 + 42 days (13 + 29) = 29 Feb"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2025-12-31", "2026-02-11", "31 Dec + 42 days = 11 Feb"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2026-11-16", "2026-12-28", "16 Nov 2026 + 42 days = Boxing Day substitute"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2020-03-27", "2020-05-08", "VE Day 2020"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2022-04-22", "2022-06-03", "Platinum Jubilee"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2022-08-08", "2022-09-19", "state funeral"},
	{[]string{"CP-11", "LA-12#2", "LA-12#year2", "LA-13#review", "LA-15#2", "PF-05"}, "2023-03-27", "2023-05-08", "coronation"},

	// 4 weeks (connected person or ICO at home, after the first review).
	{[]string{"LA-14#review"}, "2026-01-17", "2026-02-14", "Sat 17 Jan + 28 days = Sat 14 Feb"},
	{[]string{"LA-14#review"}, "2025-11-28", "2025-12-26", "28 Nov + 28 days = Boxing Day"},
	{[]string{"LA-14#review"}, "2026-03-06", "2026-04-03", "Good Friday 2026"},
	{[]string{"LA-14#review"}, "2024-02-01", "2024-02-29", "1 Feb 2024 + 28 days = 29 Feb"},
	{[]string{"LA-14#review"}, "2026-01-31", "2026-02-28", "31 Jan + 28 days = Sat 28 Feb"},
	{[]string{"LA-14#review"}, "2026-11-30", "2026-12-28", "Boxing Day substitute 2026"},
	{[]string{"LA-14#review"}, "2020-04-10", "2020-05-08", "VE Day 2020"},
	{[]string{"LA-14#review"}, "2022-05-06", "2022-06-03", "Platinum Jubilee"},
	{[]string{"LA-14#review"}, "2022-08-22", "2022-09-19", "state funeral"},
	{[]string{"LA-14#review"}, "2023-04-10", "2023-05-08", "coronation"},

	// 12 weeks (private fostering after the first year).
	{[]string{"PF-05#year2"}, "2025-11-22", "2026-02-14", "Sat 22 Nov + 84 days = Sat 14 Feb"},
	{[]string{"PF-05#year2"}, "2025-10-02", "2025-12-25", "2 Oct + 84 days = Christmas Day"},
	{[]string{"PF-05#year2"}, "2026-01-09", "2026-04-03", "Good Friday 2026"},
	{[]string{"PF-05#year2"}, "2023-12-07", "2024-02-29", "7 Dec 2023 + 84 days (24 + 31 + 29) = 29 Feb"},
	{[]string{"PF-05#year2"}, "2025-11-09", "2026-02-01", "9 Nov + 84 days (21 + 31 + 31 + 1) = Sun 1 Feb"},
	{[]string{"PF-05#year2"}, "2026-10-05", "2026-12-28", "Boxing Day substitute 2026"},
	{[]string{"PF-05#year2"}, "2020-02-14", "2020-05-08", "VE Day 2020"},
	{[]string{"PF-05#year2"}, "2022-03-11", "2022-06-03", "Platinum Jubilee"},
	{[]string{"PF-05#year2"}, "2022-06-27", "2022-09-19", "state funeral"},
	{[]string{"PF-05#year2"}, "2023-02-13", "2023-05-08", "coronation"},

	// 3 months after the first year of a long-term placement.
	{[]string{"LA-12#long"}, "2025-11-15", "2026-02-15", "Sat 15 Nov + 3 months = Sun 15 Feb"},
	{[]string{"LA-12#long"}, "2023-11-30", "2024-02-29", "30 Nov 2023 + 3 months = 29 Feb 2024"},
	{[]string{"LA-12#long"}, "2022-06-19", "2022-09-19", "state funeral"},

	// 2 months (a personal adviser's later visits).
	{[]string{"CL-08#2"}, "2025-12-14", "2026-02-14", "Sun 14 Dec + 2 months = Sat 14 Feb"},
	{[]string{"CL-08#2"}, "2025-10-25", "2025-12-25", "Christmas Day"},
	{[]string{"CL-08#2"}, "2026-02-03", "2026-04-03", "Good Friday 2026"},
	{[]string{"CL-08#2"}, "2023-12-31", "2024-02-29", "31 Dec 2023 + 2 months: clamped to 29 Feb 2024"},
	{[]string{"CL-08#2"}, "2025-01-31", "2025-03-31", "31 Jan + 2 months = 31 Mar"},
	{[]string{"CL-08#2"}, "2026-10-28", "2026-12-28", "Boxing Day substitute 2026"},
	{[]string{"CL-08#2"}, "2020-03-08", "2020-05-08", "VE Day 2020"},
	{[]string{"CL-08#2"}, "2022-04-03", "2022-06-03", "Platinum Jubilee"},
	{[]string{"CL-08#2"}, "2022-07-19", "2022-09-19", "state funeral"},
	{[]string{"CL-08#2"}, "2023-03-08", "2023-05-08", "coronation"},
}

// TestRuleDueDates checks every rule's due date at its edges: weekends,
// Christmas, Easter, 29 February, month ends, substitute days and the
// one-off bank holidays of 2020, 2022 and 2023.
func TestRuleDueDates(t *testing.T) {
	for _, row := range dueRows {
		start, want := csc.MustParseDate(row.start), csc.MustParseDate(row.want)
		for _, key := range row.keys {
			id, _, _ := strings.Cut(key, "#")
			clocks := Evaluate(scenario(key, start), start, nil)
			c, ok := clockStarted(clocks, id, start)
			if !ok {
				t.Errorf("%s from %s: no clock starting that day in %v", key, row.start, clocks)
				continue
			}
			if c.Due != want {
				t.Errorf("%s from %s: due %s, want %s (%s)", key, row.start, c.Due, want, row.why)
			}
			if wantAt := endOfDay(want); !c.DueAt.Equal(wantAt) {
				t.Errorf("%s from %s: DueAt %s, want the end of %s (%s)", key, row.start, c.DueAt, want, wantAt)
			}
		}
	}
}

// TestEveryRuleHasDueRows makes sure no rule in the catalogue escapes the
// edge table (the instant rules have their own table).
func TestEveryRuleHasDueRows(t *testing.T) {
	covered := map[string]int{"HP-01": 10, "LA-29": 10}
	for _, row := range dueRows {
		for _, key := range row.keys {
			id, _, _ := strings.Cut(key, "#")
			covered[id]++
		}
	}
	for _, r := range Catalogue() {
		if covered[r.ID] < 3 {
			t.Errorf("rule %s has %d rows in dueRows; test it at its edges", r.ID, covered[r.ID])
		}
	}
}

// clockStarted finds the clock of a rule that started on d.
func clockStarted(clocks []Clock, rule string, d csc.Date) (Clock, bool) {
	for _, c := range clocks {
		if c.Rule == rule && c.Started == d {
			return c, true
		}
	}
	return Clock{}, false
}

// TestBriefExample is the worked example everyone checks first: Fri 19 Dec
// 2025 + 10 working days: 22, 23, 24, (25, 26 hols), 29, 30, 31, (1 Jan hol),
// 2, 5, 6, 7 → Wed 7 Jan 2026.
func TestBriefExample(t *testing.T) {
	if got := AddWorkingDays(csc.MustParseDate("2025-12-19"), 10); got.String() != "2026-01-07" {
		t.Errorf("AddWorkingDays(2025-12-19, 10) = %s, want 2026-01-07", got)
	}
}
