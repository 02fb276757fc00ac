package clock

import (
	"math/rand/v2"
	"testing"
	"time"

	"cairn/internal/csc"
)

// naiveAdd is the obvious definition of AddWorkingDays, stepping a day at a
// time with IsWorkingDay; the fast table path must agree with it.
func naiveAdd(d csc.Date, n int) csc.Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// randomDate returns a date in MinYear..MaxYear.
func randomDate(r *rand.Rand) csc.Date {
	first := csc.Date{Year: MinYear, Month: time.January, Day: 1}
	span := first.DaysUntil(csc.Date{Year: MaxYear, Month: time.December, Day: 31})
	return first.AddDays(r.IntN(span + 1))
}

// TestWorkingDayProperties checks, for thousands of random dates in range and
// n in 0..400, exactly these properties:
//
//   - AddWorkingDays(d, n) equals the naive day-by-day count, forwards and back;
//   - WorkingDaysBetween(d, AddWorkingDays(d, n)) == n;
//   - for n > 0, AddWorkingDays(d, n) is after d and is a working day (not a
//     weekend, not a bank holiday);
//   - for n > 0, AddWorkingDays(AddWorkingDays(d, n), -n) ==
//     WorkingDayOnOrBefore(d): the round trip lands on d if d is a working
//     day, and otherwise on the last working day before d;
//   - for n > 0, AddWorkingDays(AddWorkingDays(d, -n), n) ==
//     WorkingDayOnOrAfter(d);
//   - WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a).
func TestWorkingDayProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 1))
	iterations := 20000
	if testing.Short() {
		iterations = 2000
	}
	for range iterations {
		d := randomDate(r)
		n := r.IntN(401)
		e := AddWorkingDays(d, n)
		if want := naiveAdd(d, n); e != want {
			t.Fatalf("AddWorkingDays(%s, %d) = %s, naive %s", d, n, e, want)
		}
		if back, want := AddWorkingDays(d, -n), naiveAdd(d, -n); back != want {
			t.Fatalf("AddWorkingDays(%s, %d) = %s, naive %s", d, -n, back, want)
		}
		if got := WorkingDaysBetween(d, e); got != n {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, want %d", d, e, got, n)
		}
		if got := WorkingDaysBetween(e, d); got != -n {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, want %d", e, d, got, -n)
		}
		if n == 0 {
			if e != d {
				t.Fatalf("AddWorkingDays(%s, 0) = %s", d, e)
			}
			continue
		}
		w := e.Weekday()
		if !e.After(d) || w == time.Saturday || w == time.Sunday || IsBankHoliday(e) || !IsWorkingDay(e) {
			t.Fatalf("AddWorkingDays(%s, %d) = %s (%s), not a later working day", d, n, e, w)
		}
		if got, want := AddWorkingDays(e, -n), WorkingDayOnOrBefore(d); got != want {
			t.Fatalf("there and back from %s by %d: %s, want %s", d, n, got, want)
		}
		if got, want := AddWorkingDays(AddWorkingDays(d, -n), n), WorkingDayOnOrAfter(d); got != want {
			t.Fatalf("back and there from %s by %d: %s, want %s", d, n, got, want)
		}
	}
}

// TestOutOfRangeAgreesWithNaive checks the slow paths (walking and counting
// by the regular rules) against the naive definition across both edges of
// the table and far outside it.
func TestOutOfRangeAgreesWithNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1971, 2))
	starts := []csc.Date{
		csc.MustParseDate("1990-03-01"), csc.MustParseDate("2008-11-20"),
		csc.MustParseDate("2040-06-01"), csc.MustParseDate("2060-01-01"),
	}
	for range 2000 {
		d := starts[r.IntN(len(starts))].AddDays(r.IntN(1200))
		n := r.IntN(801) - 400
		e := AddWorkingDays(d, n)
		if want := naiveAdd(d, n); e != want {
			t.Fatalf("AddWorkingDays(%s, %d) = %s, naive %s", d, n, e, want)
		}
		if got := WorkingDaysBetween(d, e); n >= 0 && got != n {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, want %d", d, e, got, n)
		}
	}
	// Whole decades either side, counted naively.
	for _, span := range [][2]string{{"1999-12-31", "2012-01-01"}, {"2035-06-30", "2050-07-01"}} {
		a, b := csc.MustParseDate(span[0]), csc.MustParseDate(span[1])
		want := 0
		for d := a.AddDays(1); !d.After(b); d = d.AddDays(1) {
			if IsWorkingDay(d) {
				want++
			}
		}
		if got := WorkingDaysBetween(a, b); got != want {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, naive %d", a, b, got, want)
		}
	}
}

// TestDayNumbers checks the internal calendar conversion against time.Time
// over a wide span, including non-normalised input.
func TestDayNumbers(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := -800000; n <= 800000; n += 37 {
		tm := epoch.AddDate(0, 0, n)
		d := csc.DateOfUTC(tm)
		if got := dayNumber(d); got != n {
			t.Fatalf("dayNumber(%s) = %d, want %d", d, got, n)
		}
		if got := fromDayNumber(n); got != d {
			t.Fatalf("fromDayNumber(%d) = %s, want %s", n, got, d)
		}
		if weekdayOf(n) != tm.Weekday() {
			t.Fatalf("weekdayOf(%d) = %s, want %s", n, weekdayOf(n), tm.Weekday())
		}
	}
	if got := fromDayNumber(dayNumber(csc.Date{Year: 2026, Month: 4, Day: 31})); got.String() != "2026-05-01" {
		t.Errorf("31 April normalised to %s", got)
	}
}

var sink csc.Date
var sinkN int

func BenchmarkAddWorkingDays45(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	dates := make([]csc.Date, 1024)
	for i := range dates {
		dates[i] = randomDate(r)
	}
	for i := 0; b.Loop(); i++ {
		sink = AddWorkingDays(dates[i%len(dates)], 45)
	}
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	dates := make([]csc.Date, 1025)
	for i := range dates {
		dates[i] = randomDate(r)
	}
	for i := 0; b.Loop(); i++ {
		sinkN = WorkingDaysBetween(dates[i%1024], dates[i%1024+1])
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	d := csc.MustParseDate("2026-06-15")
	for b.Loop() {
		sinkN++
		if IsWorkingDay(d) {
			sinkN--
		}
	}
}
