package clock

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"cairn/internal/csc"
)

// AddWeeks returns the date n weeks (7n calendar days) after d, or before it
// if n < 0. Timescales such as "within 6 weeks" are calendar weeks and are
// not affected by bank holidays. The zero Date gives the zero Date.
func AddWeeks(d csc.Date, n int) csc.Date {
	if d.IsZero() {
		return d
	}
	return fromDayNumber(dayNumber(d) + daysInWeek*n)
}

// AddMonths returns the same day of the month n calendar months after d (or
// before it if n < 0), clamped to the last day of the target month when that
// month is shorter: 31 January 2024 + 1 month is 29 February 2024, 31 January
// 2025 + 1 month is 28 February 2025 and 31 August + 6 months is the last day
// of February. This is how people read "within 3 months", whereas
// time.AddDate would roll 31 January + 1 month over into March. Clamping is
// from d each time, so AddMonths(d, 2) can differ from adding one month
// twice. The zero Date gives the zero Date.
func AddMonths(d csc.Date, n int) csc.Date {
	if d.IsZero() {
		return d
	}
	d = fromDayNumber(dayNumber(d)) // normalise
	months := d.Year*12 + int(d.Month) - 1 + n
	y, m := floorDiv(months, 12), time.Month(floorMod(months, 12)+1)
	return csc.Date{Year: y, Month: m, Day: min(d.Day, daysIn(y, m))}
}

// daysIn returns the number of days in a month of the Gregorian calendar.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Unit is the unit of a Period. The zero Unit is not valid, so a Period left
// unset in a rule is caught rather than read as "0 working days".
type Unit int

// The units in which statutory timescales are written.
const (
	// WorkingDays counts working days as AddWorkingDays does.
	WorkingDays Unit = iota + 1
	// Days counts calendar days.
	Days
	// Weeks counts calendar weeks of seven days.
	Weeks
	// Months counts calendar months with end-of-month clamping (AddMonths).
	Months
	// Hours counts hours; from a date, whole days rounded up (see Period.From).
	Hours
)

// unitWords holds the singular and plural words for each unit, which are
// both what String writes and what ParsePeriod accepts.
var unitWords = [...][2]string{
	WorkingDays: {"working day", "working days"},
	Days:        {"day", "days"},
	Weeks:       {"week", "weeks"},
	Months:      {"month", "months"},
	Hours:       {"hour", "hours"},
}

// Valid reports whether u is one of the declared units.
func (u Unit) Valid() bool { return u >= WorkingDays && u <= Hours }

// String returns the plural word for the unit, such as "working days", for
// messages and logs.
func (u Unit) String() string {
	if !u.Valid() {
		return fmt.Sprintf("Unit(%d)", int(u))
	}
	return unitWords[u][1]
}

// Period is a length of time as statutory guidance writes it, such as
// "45 working days" or "3 months". Rules hold Periods as data, apply them
// with From and show them to people with String.
type Period struct {
	N    int
	Unit Unit
}

// MaxPeriodN is the largest N that ParsePeriod accepts. It is far beyond any
// real timescale (100000 days is over 270 years) and keeps stored text from
// asking for absurd arithmetic.
const MaxPeriodN = 100000

// maxPeriodDigits is the number of digits in MaxPeriodN.
const maxPeriodDigits = 6

// From returns the date the period ends when it starts on d: d plus N working
// days, days, weeks or months as the unit says, with the semantics of
// AddWorkingDays, AddWeeks and AddMonths.
//
// Hours cannot be added to a date with no time of day, so from a date N hours
// is taken as whole days with the magnitude rounded up: 72 hours is 3 days,
// 73 hours is 4 days, 1 hour is 1 day, and -25 hours is 2 days back. Rounding
// up means a date-level deadline is never earlier than the true one would be;
// for exact instants use time.Time.Add.
//
// From panics if the Unit is not valid, including the zero Period: that is a
// mistake in a rule's definition, not in the data, and must not silently
// produce a deadline of d itself. The zero Date gives the zero Date.
func (p Period) From(d csc.Date) csc.Date {
	switch p.Unit {
	case WorkingDays:
		return AddWorkingDays(d, p.N)
	case Days:
		if d.IsZero() {
			return d
		}
		return fromDayNumber(dayNumber(d) + p.N)
	case Weeks:
		return AddWeeks(d, p.N)
	case Months:
		return AddMonths(d, p.N)
	case Hours:
		if d.IsZero() {
			return d
		}
		days := (abs(p.N) + 23) / 24
		if p.N < 0 {
			days = -days
		}
		return fromDayNumber(dayNumber(d) + days)
	}
	panic(fmt.Sprintf("clock: Period.From with invalid unit %d", int(p.Unit)))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// String writes the period as people read it: "45 working days",
// "1 working day", "3 months", "72 hours". The singular is used for 1 and -1.
// ParsePeriod reads this form back for every valid Period with
// 0 <= N <= MaxPeriodN.
func (p Period) String() string {
	if !p.Unit.Valid() {
		return fmt.Sprintf("%d %v", p.N, p.Unit)
	}
	word := unitWords[p.Unit][1]
	if p.N == 1 || p.N == -1 {
		word = unitWords[p.Unit][0]
	}
	return fmt.Sprintf("%d %s", p.N, word)
}

// errPeriodForm is wrapped by every ParsePeriod error so callers can test for
// it with errors.Is.
var errPeriodForm = errors.New(`clock: a period is written like "45 working days" or "1 month"`)

// ParsePeriod reads a period written exactly as Period.String writes it: a
// whole number from 0 to MaxPeriodN with no sign and no leading zeros, one
// space, and the unit word in lower case, singular for 1 and plural
// otherwise ("1 working day", "0 days", "3 months"). It is strict so that
// every period stored as text has one spelling; it reads outside input and
// never panics.
func ParsePeriod(s string) (Period, error) {
	num, word, ok := strings.Cut(s, " ")
	if !ok {
		return Period{}, fmt.Errorf("%w: %q has no unit", errPeriodForm, clip(s))
	}
	n, ok := parseCount(num)
	if !ok {
		return Period{}, fmt.Errorf("%w: %q is not a whole number from 0 to %d", errPeriodForm, clip(num), MaxPeriodN)
	}
	form := 1
	if n == 1 {
		form = 0
	}
	for u := WorkingDays; u <= Hours; u++ {
		if unitWords[u][form] == word {
			return Period{N: n, Unit: u}, nil
		}
	}
	return Period{}, fmt.Errorf("%w: %q is not a unit for %d", errPeriodForm, clip(word), n)
}

// parseCount reads digits with no sign and no leading zero, up to MaxPeriodN.
func parseCount(s string) (int, bool) {
	if s == "" || len(s) > maxPeriodDigits || (s[0] == '0' && len(s) > 1) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n <= MaxPeriodN
}

// clip shortens outside input quoted in an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
