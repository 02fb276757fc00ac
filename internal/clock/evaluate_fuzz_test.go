package clock

import (
	"testing"
	"time"

	"cairn/internal/csc"
)

// realisticRecord is a year of a child's record: a contact becoming a
// referral, a section 47 enquiry, a child protection plan with its visits,
// core groups and review, then a step down to a child in need plan. It has
// 22 events, about what a busy child has in a year.
func realisticRecord() Record {
	return Record{ChildID: 42, DateOfBirth: csc.MustParseDate("2017-05-14"), Events: []Event{
		{Kind: EvContactReceived, Subject: 1, At: london(2026, 1, 9, 17, 40)},
		{Kind: EvContactDecided, Subject: 1, Date: csc.MustParseDate("2026-01-12"), At: london(2026, 1, 12, 11, 5)},
		ev(EvReferralOpened, 10, 0, "2026-01-12"),
		ev(EvS47Started, 20, 10, "2026-01-13"),
		ev(EvICPC, 21, 20, "2026-02-02"),
		ev(EvCPPlanStarted, 30, 0, "2026-02-02"),
		ev(EvCPVisit, 31, 30, "2026-02-10"),
		ev(EvCoreGroup, 32, 30, "2026-02-13"),
		ev(EvCPVisit, 33, 30, "2026-02-24"),
		ev(EvAssessmentCompleted, 11, 10, "2026-03-06"),
		ev(EvCPVisit, 34, 30, "2026-03-12"),
		ev(EvCoreGroup, 35, 30, "2026-03-24"),
		ev(EvCPVisit, 36, 30, "2026-03-30"),
		ev(EvCPVisit, 37, 30, "2026-04-20"),
		ev(EvCPReview, 38, 30, "2026-04-30"),
		ev(EvCPVisit, 39, 30, "2026-05-06"),
		ev(EvCoreGroup, 40, 30, "2026-05-07"),
		ev(EvCPPlanEnded, 30, 0, "2026-06-15"),
		ev(EvCINPlanStarted, 50, 0, "2026-06-15"),
		ev(EvCINVisit, 51, 50, "2026-07-08"),
		ev(EvCINReview, 52, 50, "2026-09-10"),
		ev(EvCINVisit, 53, 50, "2026-08-20"),
	}}
}

// fuzzRecord turns fuzz input into a record: a date of birth, then events
// of five bytes each (kind, subject, parent, days from a base date, and a
// byte for the time of day and qualifiers). Subjects and parents are small
// so that events often link; dates span 2012 to about 2015, or a year
// straddling a setting change.
func fuzzRecord(data []byte) (Record, csc.Date, Local) {
	base := csc.MustParseDate("2012-01-02")
	kinds := EventKinds()
	attrs := []string{AttrLongTerm, AttrPlacedWithParent, AttrConnectedPerson, AttrICOAtHome, AttrCareOrderAtHome}
	r := Record{ChildID: 1}
	asOf := base.AddDays(1200)
	var local Local
	if len(data) >= 3 {
		r.DateOfBirth = base.AddDays(-int(data[0])*40 - int(data[1]))
		asOf = base.AddDays(int(data[2]) * 6)
		if data[2]%3 == 0 {
			local = Local{{Key: "cp-visit-interval", Value: Period{int(data[1]%20) + 1, WorkingDays}, From: base.AddDays(int(data[0]) * 3)}}
		}
		data = data[3:]
	}
	// 120 events is more than most children have; the cap keeps each run
	// (and the fuzzer's minimising of an interesting input) quick.
	for ; len(data) >= 5 && len(r.Events) < 120; data = data[5:] {
		e := Event{
			Kind:    kinds[int(data[0])%len(kinds)],
			Subject: int64(data[1] % 4),
			Parent:  int64(data[2] % 4),
			Date:    base.AddDays(int(data[3]) * 5),
		}
		if data[4]&1 != 0 {
			e.At = time.Date(e.Date.Year, e.Date.Month, e.Date.Day, int(data[4]>>3), int(data[4]), 0, 0, csc.London)
		}
		if data[4]&2 != 0 {
			e.Attr = []string{attrs[int(data[4]>>2)%len(attrs)]}
		}
		if data[0] >= 250 {
			e.Date = csc.Date{} // only an instant, or nothing at all
		}
		r.Events = append(r.Events, e)
	}
	return r, asOf, local
}

// FuzzEvaluate builds random records and checks what must hold for every
// record: no panic, every clock due on or after it starts, met and stopped
// never both set, statuses consistent with them, the order documented, and
// the same answer twice.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{1, 2, 3, 7, 1, 0, 10, 0})
	f.Add([]byte{9, 9, 200, 23, 1, 1, 2, 0, 22, 2, 1, 5, 0, 24, 3, 1, 9, 0, 25, 3, 1, 30, 0})
	f.Add([]byte{0, 0, 90, 17, 1, 0, 0, 3, 19, 2, 0, 4, 2, 21, 1, 0, 40, 0, 20, 1, 0, 60, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, asOf, local := fuzzRecord(data)
		clocks := Evaluate(r, asOf, local)
		far := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
		keys := map[string]bool{}
		for i, c := range clocks {
			if c.Due.Before(c.Started) || (!c.StartedAt.IsZero() && !c.DueAt.After(c.StartedAt)) || !c.DueAt.After(c.Started.In(csc.London)) {
				t.Fatalf("clock %s starts %s %s, due %s %s", c.Key(), c.Started, c.StartedAt, c.Due, c.DueAt)
			}
			if c.Started.After(asOf) || c.Met.After(asOf) || c.Stopped.After(asOf) {
				t.Fatalf("clock %s uses dates after asOf %s: %+v", c.Key(), asOf, c)
			}
			if !c.Met.IsZero() && !c.Stopped.IsZero() {
				t.Fatalf("clock %s is both met and stopped", c.Key())
			}
			s := c.Status(far)
			switch {
			case !c.Met.IsZero() && s != StatusMet && s != StatusLate,
				!c.Stopped.IsZero() && s != StatusStopped && s != StatusOverdue,
				c.Met.IsZero() && c.Stopped.IsZero() && s != StatusOverdue:
				t.Fatalf("clock %s: status %s with met %s stopped %s", c.Key(), s, c.Met, c.Stopped)
			}
			if i > 0 && compareClocks(clocks[i-1], c) > 0 {
				t.Fatalf("clocks out of order at %d", i)
			}
			if c.Subject != 0 {
				if keys[c.Key()] {
					t.Fatalf("duplicate key %s", c.Key())
				}
				keys[c.Key()] = true
			}
		}
		again := Evaluate(r, asOf, local)
		if len(again) != len(clocks) {
			t.Fatalf("second evaluation gave %d clocks, first %d", len(again), len(clocks))
		}
		for i := range again {
			if !clocksEqual(again[i], clocks[i]) {
				t.Fatalf("second evaluation differs at %d", i)
			}
		}
	})
}

// BenchmarkEvaluate evaluates the realistic record against the whole
// catalogue. 50,000 children must take well under 2 s, so the target is
// 10 µs per child or less.
func BenchmarkEvaluate(b *testing.B) {
	r := realisticRecord()
	asOf := csc.MustParseDate("2026-09-30")
	local := Local{{Key: "cp-visit-interval", Value: Period{15, WorkingDays}, From: csc.MustParseDate("2026-04-01")}}
	b.ReportAllocs()
	for b.Loop() {
		benchClocks = Evaluate(r, asOf, local)
	}
}

// BenchmarkEvaluate50000 evaluates 50,000 children (the same record with
// different IDs), reporting the time for all of them as one operation.
func BenchmarkEvaluate50000(b *testing.B) {
	r := realisticRecord()
	asOf := csc.MustParseDate("2026-09-30")
	for b.Loop() {
		for i := range 50000 {
			r.ChildID = int64(i)
			benchClocks = Evaluate(r, asOf, nil)
		}
	}
}

// BenchmarkEvaluateLongRecord evaluates a child looked after for ten years
// with weekly visits, reviews and health assessments (about 700 events),
// to show that the cost grows with the record, not with its square.
func BenchmarkEvaluateLongRecord(b *testing.B) {
	start := csc.MustParseDate("2014-01-06")
	r := Record{ChildID: 9, DateOfBirth: csc.MustParseDate("2012-03-01"), Events: []Event{
		{Kind: EvLookedAfter, Subject: 1, Date: start},
		{Kind: EvPlacementStarted, Subject: 2, Parent: 1, Date: start, Attr: []string{AttrLongTerm}},
		{Kind: EvHealthAssessmentInitial, Subject: 3, Date: start.AddDays(10)},
	}}
	for i := range 520 {
		r.Events = append(r.Events, Event{Kind: EvCLAVisit, Subject: int64(100 + i), Date: start.AddDays(7*i + 3)})
	}
	for i := range 40 {
		d := start.AddDays(91*i + 20)
		r.Events = append(r.Events, Event{Kind: EvCLAReview, Subject: int64(1000 + i), Date: d},
			Event{Kind: EvHealthAssessmentReview, Subject: int64(2000 + i), Date: d.AddDays(5)},
			Event{Kind: EvPEPReview, Subject: int64(3000 + i), Date: d.AddDays(8)})
	}
	asOf := csc.MustParseDate("2024-01-05")
	b.ReportAllocs()
	for b.Loop() {
		benchClocks = Evaluate(r, asOf, nil)
	}
}

// benchClocks keeps the benchmark's result alive.
var benchClocks []Clock
