package clock

import (
	"errors"
	"testing"

	"cairn/internal/csc"
)

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		d    string
		n    int
		want string
	}{
		{"2024-01-31", 1, "2024-02-29"}, // leap year: clamp to 29 February
		{"2025-01-31", 1, "2025-02-28"}, // common year: clamp to 28 February
		{"2024-11-30", 3, "2025-02-28"},
		{"2023-11-30", 3, "2024-02-29"},
		{"2024-02-29", 12, "2025-02-28"}, // leap day + 1 year
		{"2024-02-29", 48, "2028-02-29"}, // leap day + 4 years
		{"2025-08-31", 6, "2026-02-28"},
		{"2027-08-31", 6, "2028-02-29"},
		{"2026-01-31", 3, "2026-04-30"}, // 30-day month
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-05-31", -13, "2025-04-30"},
		{"2026-01-15", -1, "2025-12-15"}, // back over a year end
		{"2026-12-15", 1, "2027-01-15"},  // forward over a year end
		{"2026-01-15", 0, "2026-01-15"},
		{"2026-01-15", 24, "2028-01-15"},
		{"2026-01-31", 2, "2026-03-31"}, // clamping is from the start, not chained
	} {
		d := csc.MustParseDate(tc.d)
		if got := AddMonths(d, tc.n); got.String() != tc.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tc.d, tc.n, got, tc.want)
		}
	}
}

func TestAddWeeks(t *testing.T) {
	d := csc.MustParseDate("2026-12-21")
	if got := AddWeeks(d, 1).String(); got != "2026-12-28" {
		t.Errorf("AddWeeks +1 = %s (holidays must not matter)", got)
	}
	if got := AddWeeks(d, -52).String(); got != "2025-12-22" {
		t.Errorf("AddWeeks -52 = %s", got)
	}
	if got := AddWeeks(csc.MustParseDate("2028-02-22"), 1).String(); got != "2028-02-29" {
		t.Errorf("AddWeeks into the leap day = %s", got)
	}
}

func TestPeriodFrom(t *testing.T) {
	start := csc.MustParseDate("2026-01-02") // a Friday
	for _, tc := range []struct {
		p    Period
		want string
	}{
		{Period{1, WorkingDays}, "2026-01-05"},
		{Period{45, WorkingDays}, "2026-03-06"}, // nine clear weeks from Monday 5 January
		{Period{0, WorkingDays}, "2026-01-02"},
		{Period{3, Days}, "2026-01-05"},
		{Period{-3, Days}, "2025-12-30"},
		{Period{2, Weeks}, "2026-01-16"},
		{Period{3, Months}, "2026-04-02"},
		{Period{72, Hours}, "2026-01-05"}, // exactly 3 days
		{Period{73, Hours}, "2026-01-06"}, // rounded up to 4 days
		{Period{24, Hours}, "2026-01-03"},
		{Period{1, Hours}, "2026-01-03"},
		{Period{0, Hours}, "2026-01-02"},
		{Period{-25, Hours}, "2025-12-31"}, // magnitude rounded up: 2 days back
	} {
		if got := tc.p.From(start); got.String() != tc.want {
			t.Errorf("%v.From(%s) = %s, want %s", tc.p, start, got, tc.want)
		}
	}
}

func TestPeriodFromInvalidUnitPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("the zero Period should panic in From")
		}
	}()
	Period{}.From(csc.MustParseDate("2026-01-02"))
}

func TestPeriodString(t *testing.T) {
	for _, tc := range []struct {
		p    Period
		want string
	}{
		{Period{45, WorkingDays}, "45 working days"},
		{Period{1, WorkingDays}, "1 working day"},
		{Period{0, WorkingDays}, "0 working days"},
		{Period{3, Months}, "3 months"},
		{Period{1, Months}, "1 month"},
		{Period{72, Hours}, "72 hours"},
		{Period{1, Hours}, "1 hour"},
		{Period{6, Weeks}, "6 weeks"},
		{Period{1, Days}, "1 day"},
		{Period{-1, Days}, "-1 day"},
		{Period{}, "0 Unit(0)"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	// Every valid period round-trips.
	for u := WorkingDays; u <= Hours; u++ {
		for _, n := range []int{0, 1, 2, 10, 45, 99, MaxPeriodN} {
			p := Period{n, u}
			got, err := ParsePeriod(p.String())
			if err != nil || got != p {
				t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.String(), got, err, p)
			}
		}
	}
	for _, s := range []string{
		"", "45", "working days", "45 Working Days", " 45 working days", "45 working days ",
		"45  working days", "45\tworking days", "045 working days", "00 days", "+1 day",
		"-1 day", "1 days", "2 day", "1 working days", "3 month", "1e3 days", "1,000 days",
		"100001 days", "9999999999999999999999 days", "3 fortnights", "3 months later",
		"٣ days", "3 dayś",
	} {
		if p, err := ParsePeriod(s); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", s, p)
		} else if !errors.Is(err, errPeriodForm) {
			t.Errorf("ParsePeriod(%q) error %v does not wrap errPeriodForm", s, err)
		}
	}
}

// FuzzParsePeriod checks that ParsePeriod never panics on outside input, and
// that whatever it accepts is a valid Period whose String is exactly the
// input, so stored text has a single spelling.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{
		"45 working days", "1 working day", "0 days", "3 months", "72 hours", "1 week",
		"100000 days", "100001 days", "045 days", "-1 day", "1 days", "", " ", "1  day",
	} {
		f.Add(s)
	}
	start := csc.MustParseDate("2026-01-02")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if !p.Unit.Valid() || p.N < 0 || p.N > MaxPeriodN {
			t.Fatalf("ParsePeriod(%q) accepted invalid %#v", s, p)
		}
		if p.String() != s {
			t.Fatalf("ParsePeriod(%q).String() = %q", s, p.String())
		}
		if p.From(start).Before(start) {
			t.Fatalf("%v.From(%s) went backwards", p, start)
		}
	})
}
