package cin

import (
	"testing"

	"cairn/internal/csc"
)

// TestYearToDate: the census taken today is the collection year that holds
// today, to today, checked with that year's rules or the latest earlier
// year's; and the rules that speak of the census year read it from the
// reference date, as they do on 31 March.
func TestYearToDate(t *testing.T) {
	y, ok := YearToDate(csc.NewDate(2026, 11, 23))
	if !ok || y.Label != "2025-26" || y.CY != 2026 || y.Start != csc.NewDate(2026, 4, 1) || y.End != csc.NewDate(2026, 11, 23) {
		t.Errorf("23 November 2026: %+v %v, want 2026-27 to date with the 2025-26 rules", y, ok)
	}
	if y, ok := YearToDate(csc.NewDate(2026, 3, 2)); !ok || y.Label != "2025-26" || y.CY != 2025 || y.Start != csc.NewDate(2025, 4, 1) {
		t.Errorf("2 March 2026: %+v %v", y, ok)
	}
	if _, ok := YearToDate(csc.NewDate(2020, 6, 1)); ok {
		t.Error("a year before any rules cairn has was given rules")
	}
	for _, c := range []struct {
		r, from, to, cut string
	}{
		{"2026-03-31", "2026-03-01", "2026-12-31", "2022-08-31"}, // the census's own reference date
		{"2026-11-23", "2026-11-01", "2027-08-31", "2023-08-31"},
		{"2026-06-15", "2026-06-01", "2027-03-31", "2022-08-31"},
	} {
		r := csc.MustParseDate(c.r)
		from, to := expectedBirthWindow(r)
		if from.String() != c.from || to.String() != c.to {
			t.Errorf("expected births on %s: %s to %s, want %s to %s", c.r, from, to, c.from, c.to)
		}
		if cut := schoolAgeCut(r); cut.String() != c.cut {
			t.Errorf("school age on %s: born by %s, want %s", c.r, cut, c.cut)
		}
	}
}
