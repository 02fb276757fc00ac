package clock

import (
	"testing"
	"time"

	"cairn/internal/csc"
)

// Every expectation below was counted by hand on a calendar; the comment
// says which days were skipped.
var addWorkingDaysTests = []struct {
	start string
	n     int
	want  string
	why   string
}{
	{"2026-01-02", 1, "2026-01-05", "Friday + 1 skips the weekend"},
	{"2026-01-03", 1, "2026-01-05", "start on a Saturday: Monday is the first working day after"},
	{"2026-01-04", 1, "2026-01-05", "start on a Sunday"},
	{"2026-01-03", 0, "2026-01-03", "n = 0 returns start even on a weekend"},
	{"2026-01-01", 1, "2026-01-02", "start on a bank holiday"},
	{"2025-12-31", 1, "2026-01-02", "New Year's Day skipped"},
	// Christmas 2026: Friday 25, Saturday 26, substitute Monday 28.
	{"2026-12-23", 1, "2026-12-24", "day before Christmas Eve"},
	{"2026-12-23", 2, "2026-12-29", "25, 26, 27 and 28 skipped"},
	{"2026-12-23", 3, "2026-12-30", "over Christmas"},
	{"2026-12-24", 1, "2026-12-29", "Christmas Eve + 1"},
	{"2026-12-31", 1, "2027-01-04", "New Year's Day 2027 is a Friday"},
	// Easter 2026: Good Friday 3 April, Easter Monday 6 April.
	{"2026-04-02", 1, "2026-04-07", "Maundy Thursday + 1 skips the Easter weekend"},
	{"2026-03-31", 3, "2026-04-07", "month end into Easter"},
	{"2026-04-07", -1, "2026-04-02", "back over Easter"},
	// 29 February 2028 (a Tuesday).
	{"2028-02-25", 2, "2028-02-29", "Friday + 2 lands on the leap day"},
	{"2028-02-28", 1, "2028-02-29", "into the leap day"},
	{"2028-02-29", 1, "2028-03-01", "out of the leap day"},
	// Month ends.
	{"2026-01-30", 1, "2026-02-02", "Friday 30 January + 1"},
	{"2026-02-27", 1, "2026-03-02", "Friday 27 February + 1"},
	// Substitute days.
	{"2015-12-24", 1, "2015-12-29", "Boxing Day substitute Monday 28"},
	{"2021-12-24", 1, "2021-12-29", "Christmas and Boxing Day substitutes 27 and 28"},
	{"2022-12-23", 1, "2022-12-28", "Boxing Day 26 and Christmas substitute 27"},
	{"2022-12-30", 1, "2023-01-03", "New Year substitute Monday 2 January 2023"},
	{"2010-12-24", 1, "2010-12-29", "2010 substitutes 27 and 28"},
	{"2010-12-31", 1, "2011-01-04", "New Year substitute Monday 3 January 2011"},
	// One-off years.
	{"2011-04-28", 1, "2011-05-03", "royal wedding 29 April, early May 2 May"},
	{"2012-05-25", 1, "2012-05-28", "28 May 2012 was a working day"},
	{"2012-06-01", 1, "2012-06-06", "Diamond Jubilee 4 and 5 June"},
	{"2012-05-25", 10, "2012-06-12", "28 May-1 June, 6-8 June, 11-12 June"},
	{"2020-05-01", 1, "2020-05-04", "4 May 2020 was a working day"},
	{"2020-05-07", 1, "2020-05-11", "VE Day Friday 8 May"},
	{"2022-05-27", 1, "2022-05-30", "30 May 2022 was a working day"},
	{"2022-06-01", 1, "2022-06-06", "Platinum Jubilee 2 and 3 June"},
	{"2022-05-20", 15, "2022-06-14", "23-27 May, 30 May-1 June, 6-10 June, 13-14 June"},
	{"2022-09-16", 1, "2022-09-20", "state funeral Monday 19 September"},
	{"2023-04-28", 1, "2023-05-02", "early May Monday 1 May 2023"},
	{"2023-05-05", 1, "2023-05-09", "coronation Monday 8 May 2023"},
	// Longer timescales.
	{"2026-01-05", 10, "2026-01-19", "two clear weeks"},
	{"2026-01-05", 15, "2026-01-26", "three clear weeks"},
	{"2026-01-05", 45, "2026-03-09", "nine clear weeks"},
	{"2026-03-20", 45, "2026-05-28", "over Easter, early May and spring bank holidays"},
	{"2026-11-20", 45, "2027-01-27", "over Christmas and New Year"},
	// Counting back.
	{"2026-01-05", -1, "2026-01-02", "Monday - 1"},
	{"2026-01-03", -1, "2026-01-02", "Saturday - 1"},
	{"2026-12-29", -1, "2026-12-24", "back over Christmas"},
	{"2026-01-19", -10, "2026-01-05", "back two weeks"},
	// At the edges of the table: the rules continue outside it.
	{"2040-12-21", 10, "2041-01-09", "Christmas 2040 (Tue/Wed) and New Year 2041 (Tue)"},
	{"2010-01-05", -3, "2009-12-30", "back over New Year 2010"},
	{"2009-12-24", 1, "2009-12-29", "2009: Christmas Friday, Boxing substitute 28"},
}

func TestAddWorkingDays(t *testing.T) {
	for _, tc := range addWorkingDaysTests {
		start := csc.MustParseDate(tc.start)
		if got := AddWorkingDays(start, tc.n); got.String() != tc.want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s (%s)", tc.start, tc.n, got, tc.want, tc.why)
		}
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"2026-01-02", "2026-01-05", 1},
		{"2026-01-05", "2026-01-02", -1},
		{"2026-01-05", "2026-01-05", 0},
		{"2026-01-03", "2026-01-04", 0},  // a weekend
		{"2026-12-23", "2026-12-30", 3},  // 24, 29, 30
		{"2026-12-30", "2026-12-23", -3}, // the same span reversed
		{"2026-12-24", "2026-12-28", 0},  // only holidays and weekend
		{"2025-12-31", "2026-12-31", 253},
		{"2009-12-24", "2010-01-05", 5},   // 29, 30, 31 Dec 2009, 4, 5 Jan 2010
		{"2040-12-21", "2041-01-09", 10},  // crosses the end of the table
		{"2008-12-31", "2009-12-31", 253}, // 2009 entirely by the rules
	} {
		a, b := csc.MustParseDate(tc.a), csc.MustParseDate(tc.b)
		if got := WorkingDaysBetween(a, b); got != tc.want {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestNextAndRollingWorkingDays(t *testing.T) {
	for _, tc := range []struct{ d, next, after, before string }{
		{"2026-01-02", "2026-01-05", "2026-01-02", "2026-01-02"}, // a working Friday
		{"2026-01-03", "2026-01-05", "2026-01-05", "2026-01-02"}, // Saturday
		{"2026-04-03", "2026-04-07", "2026-04-07", "2026-04-02"}, // Good Friday
		{"2026-12-28", "2026-12-29", "2026-12-29", "2026-12-24"}, // substitute day
	} {
		d := csc.MustParseDate(tc.d)
		if got := NextWorkingDay(d).String(); got != tc.next {
			t.Errorf("NextWorkingDay(%s) = %s, want %s", tc.d, got, tc.next)
		}
		if got := WorkingDayOnOrAfter(d).String(); got != tc.after {
			t.Errorf("WorkingDayOnOrAfter(%s) = %s, want %s", tc.d, got, tc.after)
		}
		if got := WorkingDayOnOrBefore(d).String(); got != tc.before {
			t.Errorf("WorkingDayOnOrBefore(%s) = %s, want %s", tc.d, got, tc.before)
		}
	}
}

func TestWorkingDayDeadline(t *testing.T) {
	london := csc.London
	at := func(s string, loc *time.Location) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		received string
		utc      bool // received is written in UTC rather than London time
		loc      *time.Location
		n        int
		want     string // London wall-clock time of the exclusive deadline
	}{
		{"2026-01-02 10:00", false, london, 1, "2026-01-06 00:00"}, // Friday: end of Monday
		{"2026-01-02 23:59", false, london, 1, "2026-01-06 00:00"}, // late Friday: same
		{"2026-01-03 10:00", false, london, 1, "2026-01-07 00:00"}, // Saturday: day 0 is Monday
		{"2026-01-03 10:00", false, london, 0, "2026-01-06 00:00"}, // Saturday, n = 0: end of Monday
		{"2026-01-05 09:00", false, london, 0, "2026-01-06 00:00"}, // working day, n = 0: end of today
		{"2026-12-25 09:00", false, london, 1, "2026-12-31 00:00"}, // Christmas: day 0 is Tuesday 29
		{"2026-12-24 16:00", false, london, 1, "2026-12-30 00:00"}, // Christmas Eve + 1
		{"2026-03-27 23:30", true, london, 1, "2026-03-31 00:00"},  // GMT Friday; deadline in BST
		{"2026-06-05 23:30", true, london, 1, "2026-06-10 00:00"},  // 00:30 BST Saturday in London
		{"2026-01-05 09:00", false, nil, 1, "2026-01-07 00:00"},    // nil loc means London
	} {
		zone := london
		if tc.utc {
			zone = time.UTC
		}
		got := WorkingDayDeadline(at(tc.received, zone), tc.n, tc.loc)
		if want := at(tc.want, london); !got.Equal(want) {
			t.Errorf("WorkingDayDeadline(%s %v, %d) = %v, want %v", tc.received, zone, tc.n, got.In(london), want)
		}
	}
	// In another zone the date of receipt and the deadline follow that zone:
	// 23:30 UTC on Friday is already Saturday in Tokyo.
	tokyo := time.FixedZone("JST", 9*3600)
	got := WorkingDayDeadline(at("2026-01-02 23:30", time.UTC), 1, tokyo)
	if want := time.Date(2026, 1, 7, 0, 0, 0, 0, tokyo); !got.Equal(want) {
		t.Errorf("Tokyo deadline = %v, want %v", got, want)
	}
}
