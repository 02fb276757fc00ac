package csc

import (
	"strings"
	"testing"
)

func TestQuarterOf(t *testing.T) {
	for _, c := range []struct {
		date  string
		want  string
		start string
		end   string
	}{
		{"2026-03-31", "2025-26 Q4", "2026-01-01", "2026-03-31"},
		{"2026-04-01", "2026-27 Q1", "2026-04-01", "2026-06-30"},
		{"2025-09-30", "2025-26 Q2", "2025-07-01", "2025-09-30"},
		{"2025-10-01", "2025-26 Q3", "2025-10-01", "2025-12-31"},
		{"2024-02-29", "2023-24 Q4", "2024-01-01", "2024-03-31"},
		{"1999-12-31", "1999-00 Q3", "1999-10-01", "1999-12-31"},
	} {
		q := QuarterOf(MustParseDate(c.date))
		if q.String() != c.want || q.Start().String() != c.start || q.End().String() != c.end {
			t.Errorf("%s: %s %s..%s, want %s %s..%s", c.date, q, q.Start(), q.End(), c.want, c.start, c.end)
		}
		back, err := ParseQuarter(q.String())
		if err != nil || back != q {
			t.Errorf("%s does not read back: %v, %v", q, back, err)
		}
		if QuarterOf(q.Start()) != q || QuarterOf(q.End()) != q || QuarterOf(q.End().AddDays(1)) != q.Next() ||
			q.Next().Prev() != q || QuarterOf(q.Start().AddDays(-1)) != q.Prev() {
			t.Errorf("%s: neighbours do not join up", q)
		}
	}
	if got := (Quarter{Year: 2025, Q: 4}).Label(); got != "Q4 2025–26 (January to March 2026)" {
		t.Errorf("label %q", got)
	}
	if !QuarterOf(Date{}).IsZero() || (Quarter{}).String() != "" || !(Quarter{}).Start().IsZero() {
		t.Error("the zero quarter is not empty")
	}
}

func TestParseQuarterRefuses(t *testing.T) {
	for _, s := range []string{"", "2025 Q3", "2025-27 Q3", "2025-26 Q5", "2025-26 Q0", "2025-26Q3", "2025-+6 Q1",
		"abcd-ef Q1", "2025-26 X3", "0000-01 Q1"} {
		if q, err := ParseQuarter(s); err == nil {
			t.Errorf("%q read as %v", s, q)
		}
	}
	if _, err := ParseQuarter("2025-27 Q3"); err == nil || !strings.Contains(err.Error(), "one year into the next") {
		t.Errorf("a two-year span: %v", err)
	}
	if q, err := ParseQuarter(" 2025-26 q3 "); err != nil || q != (Quarter{2025, 3}) {
		t.Errorf("lower-case q with spaces: %v, %v", q, err)
	}
}

// FuzzParseQuarter checks outside text never panics and that whatever is
// accepted writes back to a form that reads the same.
func FuzzParseQuarter(f *testing.F) {
	for _, s := range []string{"2025-26 Q3", "1999-00 Q4", "2025-26 Q9", "", "9999-00 Q1", "２０２５-26 Q1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuarter(s)
		if err != nil {
			return
		}
		back, err := ParseQuarter(q.String())
		if err != nil || back != q || QuarterOf(q.Start()) != q {
			t.Errorf("%q → %v does not round-trip: %v, %v", s, q, back, err)
		}
	})
}
