package clock

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"cairn/internal/csc"
)

// Short names used in the expected tables below.
const (
	ny    = "New Year's Day"
	nySub = "New Year's Day (substitute day)"
	gf    = "Good Friday"
	em    = "Easter Monday"
	may   = "Early May bank holiday"
	spr   = "Spring bank holiday"
	sum   = "Summer bank holiday"
	xmas  = "Christmas Day"
	xSub  = "Christmas Day (substitute day)"
	box   = "Boxing Day"
	bSub  = "Boxing Day (substitute day)"
)

// hol is a compact way to write an expected holiday: "MM-DD name".
type hol struct{ md, name string }

// Expected lists, written out by hand from the published GOV.UK lists for
// England and Wales (and, for years not yet published, from the rules with
// the weekdays worked out by hand). The Easter Sunday of each year is noted.
var wantHolidays = map[int][]hol{
	2010: { // Easter 4 April; Christmas on a Saturday
		{"01-01", ny}, {"04-02", gf}, {"04-05", em}, {"05-03", may}, {"05-31", spr},
		{"08-30", sum}, {"12-27", xSub}, {"12-28", bSub}},
	2011: { // Easter 24 April; 1 January a Saturday; royal wedding; Christmas on a Sunday
		{"01-03", nySub}, {"04-22", gf}, {"04-25", em}, {"04-29", "Royal wedding"},
		{"05-02", may}, {"05-30", spr}, {"08-29", sum}, {"12-26", box}, {"12-27", xSub}},
	2012: { // Easter 8 April; 1 January a Sunday; Diamond Jubilee, no 28 May
		{"01-02", nySub}, {"04-06", gf}, {"04-09", em}, {"05-07", may}, {"06-04", spr},
		{"06-05", "Queen's Diamond Jubilee"}, {"08-27", sum}, {"12-25", xmas}, {"12-26", box}},
	2015: { // Easter 5 April; Boxing Day on a Saturday
		{"01-01", ny}, {"04-03", gf}, {"04-06", em}, {"05-04", may}, {"05-25", spr},
		{"08-31", sum}, {"12-25", xmas}, {"12-28", bSub}},
	2016: { // Easter 27 March; Christmas on a Sunday
		{"01-01", ny}, {"03-25", gf}, {"03-28", em}, {"05-02", may}, {"05-30", spr},
		{"08-29", sum}, {"12-26", box}, {"12-27", xSub}},
	2020: { // Easter 12 April; early May moved to Friday 8 May for VE Day
		{"01-01", ny}, {"04-10", gf}, {"04-13", em}, {"05-08", "Early May bank holiday (VE day)"},
		{"05-25", spr}, {"08-31", sum}, {"12-25", xmas}, {"12-28", bSub}},
	2021: { // Easter 4 April; Christmas on a Saturday
		{"01-01", ny}, {"04-02", gf}, {"04-05", em}, {"05-03", may}, {"05-31", spr},
		{"08-30", sum}, {"12-27", xSub}, {"12-28", bSub}},
	2022: { // Easter 17 April; 1 January a Saturday; Platinum Jubilee; state funeral
		{"01-03", nySub}, {"04-15", gf}, {"04-18", em}, {"05-02", may}, {"06-02", spr},
		{"06-03", "Platinum Jubilee bank holiday"}, {"08-29", sum},
		{"09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"},
		{"12-26", box}, {"12-27", xSub}},
	2023: { // Easter 9 April; 1 January a Sunday; coronation
		{"01-02", nySub}, {"04-07", gf}, {"04-10", em}, {"05-01", may},
		{"05-08", "Bank holiday for the coronation of King Charles III"}, {"05-29", spr},
		{"08-28", sum}, {"12-25", xmas}, {"12-26", box}},
	2024: { // Easter 31 March: Good Friday in March, Easter Monday in April
		{"01-01", ny}, {"03-29", gf}, {"04-01", em}, {"05-06", may}, {"05-27", spr},
		{"08-26", sum}, {"12-25", xmas}, {"12-26", box}},
	2025: { // Easter 20 April
		{"01-01", ny}, {"04-18", gf}, {"04-21", em}, {"05-05", may}, {"05-26", spr},
		{"08-25", sum}, {"12-25", xmas}, {"12-26", box}},
	2026: { // Easter 5 April; Boxing Day on a Saturday
		{"01-01", ny}, {"04-03", gf}, {"04-06", em}, {"05-04", may}, {"05-25", spr},
		{"08-31", sum}, {"12-25", xmas}, {"12-28", bSub}},
	2027: { // Easter 28 March; Christmas on a Saturday
		{"01-01", ny}, {"03-26", gf}, {"03-29", em}, {"05-03", may}, {"05-31", spr},
		{"08-30", sum}, {"12-27", xSub}, {"12-28", bSub}},
	2032: { // Easter 28 March; leap year; Christmas on a Saturday
		{"01-01", ny}, {"03-26", gf}, {"03-29", em}, {"05-03", may}, {"05-31", spr},
		{"08-30", sum}, {"12-27", xSub}, {"12-28", bSub}},
	2033: { // Easter 17 April; 1 January a Saturday; Christmas on a Sunday
		{"01-03", nySub}, {"04-15", gf}, {"04-18", em}, {"05-02", may}, {"05-30", spr},
		{"08-29", sum}, {"12-26", box}, {"12-27", xSub}},
	2038: { // Easter 25 April, the latest possible date
		{"01-01", ny}, {"04-23", gf}, {"04-26", em}, {"05-03", may}, {"05-31", spr},
		{"08-30", sum}, {"12-27", xSub}, {"12-28", bSub}},
}

func expand(t *testing.T, year int, hs []hol) []Holiday {
	t.Helper()
	out := make([]Holiday, len(hs))
	for i, h := range hs {
		d, err := csc.ParseDate(fmt.Sprintf("%04d-%s", year, h.md))
		if err != nil {
			t.Fatal(err)
		}
		out[i] = Holiday{Date: d, Name: h.name}
	}
	return out
}

func TestBankHolidaysPublishedYears(t *testing.T) {
	for year, hs := range wantHolidays {
		want := expand(t, year, hs)
		got := BankHolidays(year)
		if !slices.Equal(got, want) {
			t.Errorf("BankHolidays(%d):\n got %v\nwant %v", year, got, want)
		}
		for _, h := range want {
			if !IsBankHoliday(h.Date) || IsWorkingDay(h.Date) {
				t.Errorf("%s (%s) should be a bank holiday and not a working day", h.Date, h.Name)
			}
		}
	}
}

func TestDaysThatAreNotHolidays(t *testing.T) {
	for _, s := range []string{
		"2012-05-28", // spring bank holiday moved to 4 June for the Diamond Jubilee
		"2020-05-04", // early May moved to 8 May for VE Day
		"2022-05-30", // spring bank holiday moved to 2 June for the Platinum Jubilee
		"2010-12-25", // Christmas on a Saturday: a weekend, not itself a holiday
		"2011-01-01", // New Year's Day on a Saturday: the substitute is the holiday
		"2026-12-26", // Boxing Day on a Saturday
	} {
		d := csc.MustParseDate(s)
		if IsBankHoliday(d) {
			t.Errorf("IsBankHoliday(%s) = true, want false", s)
		}
	}
	for _, s := range []string{"2012-05-28", "2020-05-04", "2022-05-30"} {
		if !IsWorkingDay(csc.MustParseDate(s)) {
			t.Errorf("IsWorkingDay(%s) = false, want true (the holiday moved)", s)
		}
	}
}

func TestEasterKnownDates(t *testing.T) {
	// Easter Sundays from published tables, including the earliest and
	// latest possible dates (22 March 2285 and 25 April 2038 / 1943).
	for _, s := range []string{
		"2008-03-23", "2010-04-04", "2011-04-24", "2019-04-21", "2024-03-31",
		"2025-04-20", "2026-04-05", "2038-04-25", "2040-04-01", "1943-04-25",
		"2285-03-22", "2000-04-23",
	} {
		want := csc.MustParseDate(s)
		if got := easterSunday(want.Year); got != want {
			t.Errorf("easterSunday(%d) = %s, want %s", want.Year, got, want)
		}
	}
}

// TestTableInvariants checks every year in range: the list is sorted, every
// holiday is a weekday, the one-offs are applied exactly where intended, and
// the other years match the regular rules.
func TestTableInvariants(t *testing.T) {
	oneOffYears := map[int]bool{}
	for _, o := range oneOffs {
		oneOffYears[csc.MustParseDate(o.date).Year] = true
	}
	for y := MinYear; y <= MaxYear; y++ {
		hs := BankHolidays(y)
		if !slices.IsSortedFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) }) {
			t.Errorf("%d: not sorted: %v", y, hs)
		}
		for i, h := range hs {
			if w := h.Date.Weekday(); w == time.Saturday || w == time.Sunday {
				t.Errorf("%d: %s falls on a %s", y, h.Name, w)
			}
			if h.Date.Year != y || (i > 0 && h.Date == hs[i-1].Date) {
				t.Errorf("%d: bad or duplicate date %s", y, h.Date)
			}
		}
		if !oneOffYears[y] && !slices.Equal(hs, regularHolidays(y)) {
			t.Errorf("%d: table differs from the regular rules", y)
		}
	}
	for _, o := range oneOffs {
		d := csc.MustParseDate(o.date)
		inRules := slices.Contains(regularHolidays(d.Year), Holiday{d, o.name})
		if o.remove != inRules {
			t.Errorf("one-off %v: remove=%v but in regular rules=%v", o, o.remove, inRules)
		}
		if IsBankHoliday(d) == o.remove {
			t.Errorf("one-off %v not applied", o)
		}
	}
}

func TestBankHolidaysReturnsACopy(t *testing.T) {
	hs := BankHolidays(2026)
	hs[0].Name = "changed"
	if BankHolidays(2026)[0].Name != ny {
		t.Fatal("BankHolidays exposes the shared table")
	}
}

// TestOutOfRange pins down the documented behaviour outside MinYear..MaxYear:
// the regular rules apply, one-off holidays do not.
func TestOutOfRange(t *testing.T) {
	tests := []struct {
		year int
		want []hol
	}{
		{2009, []hol{ // matches the published 2009 list: Easter 12 April
			{"01-01", ny}, {"04-10", gf}, {"04-13", em}, {"05-04", may}, {"05-25", spr},
			{"08-31", sum}, {"12-25", xmas}, {"12-28", bSub}}},
		{2041, []hol{ // Easter 21 April
			{"01-01", ny}, {"04-19", gf}, {"04-22", em}, {"05-06", may}, {"05-27", spr},
			{"08-26", sum}, {"12-25", xmas}, {"12-26", box}}},
	}
	for _, tc := range tests {
		if got, want := BankHolidays(tc.year), expand(t, tc.year, tc.want); !slices.Equal(got, want) {
			t.Errorf("BankHolidays(%d):\n got %v\nwant %v", tc.year, got, want)
		}
	}
	// 2002: the Golden Jubilee moved the spring bank holiday to 4 June and
	// added 3 June. Out of range, only the regular rules are known.
	for s, want := range map[string]bool{"2002-05-27": true, "2002-06-03": false, "2002-06-04": false} {
		d := csc.MustParseDate(s)
		if InRange(d) || IsBankHoliday(d) != want || IsWorkingDay(d) == want {
			t.Errorf("%s: InRange=%v IsBankHoliday=%v, want false, %v", s, InRange(d), IsBankHoliday(d), want)
		}
	}
	for s, want := range map[string]bool{
		"2009-12-31": false, "2010-01-01": true, "2040-12-31": true, "2041-01-01": false,
	} {
		if got := InRange(csc.MustParseDate(s)); got != want {
			t.Errorf("InRange(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestZeroDate(t *testing.T) {
	var z csc.Date
	d := csc.MustParseDate("2026-01-02")
	if IsWorkingDay(z) || IsBankHoliday(z) || InRange(z) {
		t.Error("the zero Date should be neither working day, holiday nor in range")
	}
	for name, got := range map[string]csc.Date{
		"AddWorkingDays": AddWorkingDays(z, 5), "NextWorkingDay": NextWorkingDay(z),
		"OnOrAfter": WorkingDayOnOrAfter(z), "OnOrBefore": WorkingDayOnOrBefore(z),
		"AddWeeks": AddWeeks(z, 2), "AddMonths": AddMonths(z, 3),
		"Period days": Period{3, Days}.From(z), "Period hours": Period{72, Hours}.From(z),
	} {
		if !got.IsZero() {
			t.Errorf("%s(zero) = %v, want the zero Date", name, got)
		}
	}
	if WorkingDaysBetween(z, d) != 0 || WorkingDaysBetween(d, z) != 0 {
		t.Error("WorkingDaysBetween with a zero Date should be 0")
	}
}
