package clock

import (
	"slices"
	"time"

	"cairn/internal/csc"
)

// Holiday is one bank holiday in England and Wales: the date it is taken and
// the name GOV.UK gives it, so that a page can say why a deadline moved.
type Holiday struct {
	Date csc.Date
	Name string
}

// Names of the regular holidays, following the GOV.UK titles. Substitute days
// carry the name of the holiday they replace with substituteSuffix appended.
const (
	nameNewYear      = "New Year's Day"
	nameGoodFriday   = "Good Friday"
	nameEasterMonday = "Easter Monday"
	nameEarlyMay     = "Early May bank holiday"
	nameSpring       = "Spring bank holiday"
	nameSummer       = "Summer bank holiday"
	nameChristmas    = "Christmas Day"
	nameBoxingDay    = "Boxing Day"
	substituteSuffix = " (substitute day)"
	nameNewYearSub   = nameNewYear + substituteSuffix
	nameChristmasSub = nameChristmas + substituteSuffix
	nameBoxingDaySub = nameBoxingDay + substituteSuffix
)

// daysInWeek is used in weekday arithmetic.
const daysInWeek = 7

// oneOff is a change to the regular rules made by royal proclamation for a
// single year: either an extra holiday (add) or a regular holiday that was
// not taken (remove, matched by date and name).
type oneOff struct {
	date   string
	name   string
	remove bool
}

// oneOffs lists every one-off change in MinYear..MaxYear. It is data, not
// code, so that a newly proclaimed holiday is a one-line change. Each entry is
// checked in the tests: removals must match a regular holiday, additions must
// fall on a weekday that is not already a holiday.
var oneOffs = []oneOff{
	// 2011: an extra bank holiday for the wedding of Prince William and
	// Catherine Middleton on Friday 29 April 2011.
	{date: "2011-04-29", name: "Royal wedding"},

	// 2012: the spring bank holiday moved from Monday 28 May to Monday 4 June,
	// and Tuesday 5 June was an extra holiday for the Queen's Diamond Jubilee.
	{date: "2012-05-28", name: nameSpring, remove: true},
	{date: "2012-06-04", name: nameSpring},
	{date: "2012-06-05", name: "Queen's Diamond Jubilee"},

	// 2020: the early May bank holiday moved from Monday 4 May to Friday
	// 8 May for the 75th anniversary of VE Day.
	{date: "2020-05-04", name: nameEarlyMay, remove: true},
	{date: "2020-05-08", name: "Early May bank holiday (VE day)"},

	// 2022: the spring bank holiday moved from Monday 30 May to Thursday
	// 2 June, Friday 3 June was an extra holiday for the Queen's Platinum
	// Jubilee, and Monday 19 September was a holiday for her state funeral.
	{date: "2022-05-30", name: nameSpring, remove: true},
	{date: "2022-06-02", name: nameSpring},
	{date: "2022-06-03", name: "Platinum Jubilee bank holiday"},
	{date: "2022-09-19", name: "Bank Holiday for the State Funeral of Queen Elizabeth II"},

	// 2023: Monday 8 May was an extra holiday for the coronation of King
	// Charles III (the early May bank holiday stayed on Monday 1 May).
	{date: "2023-05-08", name: "Bank holiday for the coronation of King Charles III"},
}

// BankHolidays returns the bank holidays in England and Wales in the given
// year, sorted by date. Inside MinYear..MaxYear the list is the published one,
// one-off holidays included; outside it the list follows the regular rules
// only (see the package documentation). The caller owns the returned slice.
func BankHolidays(year int) []Holiday {
	if year >= MinYear && year <= MaxYear {
		return slices.Clone(table.byYear[year-MinYear])
	}
	return regularHolidays(year)
}

// IsBankHoliday reports whether d is a bank holiday in England and Wales,
// including Christmas Day and Good Friday. Substitute days count; the
// weekend day they stand in for does not. The zero Date is not a holiday.
func IsBankHoliday(d csc.Date) bool {
	if d.IsZero() {
		return false
	}
	n := dayNumber(d)
	if i := n - table.first; i >= 0 && i < len(table.holiday) {
		return table.holiday[i]
	}
	return slices.Contains(regularHolidayDays(civilYear(n)), n)
}

// holidaysFor is BankHolidays without the copy, used to build the table:
// the regular rules with the one-off changes for that year applied.
func holidaysFor(year int) []Holiday {
	hs := regularHolidays(year)
	for _, o := range oneOffs {
		d := csc.MustParseDate(o.date)
		if d.Year != year {
			continue
		}
		if o.remove {
			hs = slices.DeleteFunc(hs, func(h Holiday) bool { return h == Holiday{d, o.name} })
			continue
		}
		hs = append(hs, Holiday{Date: d, Name: o.name})
	}
	slices.SortFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// regularHolidays applies the standing rules, without one-offs, to any year.
// Every date it returns is a Monday to Friday, by construction of the
// substitute-day rules.
func regularHolidays(year int) []Holiday {
	hs := make([]Holiday, 0, 8)
	hs = append(hs, newYear(year))
	easter := easterSunday(year)
	hs = append(hs,
		Holiday{easter.AddDays(-2), nameGoodFriday},
		Holiday{easter.AddDays(1), nameEasterMonday},
		Holiday{firstMonday(year, time.May), nameEarlyMay},
		Holiday{lastMonday(year, time.May), nameSpring},
		Holiday{lastMonday(year, time.August), nameSummer},
	)
	hs = append(hs, christmas(year)...)
	return hs
}

// regularHolidayDays is regularHolidays as day numbers, for the out-of-range
// look-ups that do not need names.
func regularHolidayDays(year int) []int {
	hs := regularHolidays(year)
	out := make([]int, len(hs))
	for i, h := range hs {
		out[i] = dayNumber(h.Date)
	}
	return out
}

// newYear returns New Year's Day, or its substitute on the following Monday
// when 1 January falls at a weekend.
func newYear(year int) Holiday {
	d := csc.Date{Year: year, Month: time.January, Day: 1}
	switch d.Weekday() {
	case time.Saturday:
		return Holiday{d.AddDays(2), nameNewYearSub}
	case time.Sunday:
		return Holiday{d.AddDays(1), nameNewYearSub}
	}
	return Holiday{d, nameNewYear}
}

// christmas returns Christmas Day and Boxing Day with their substitutes.
// Christmas on a Saturday: Monday 27 (Christmas) and Tuesday 28 (Boxing Day).
// Christmas on a Sunday: Monday 26 (Boxing Day) and Tuesday 27 (Christmas).
// Christmas on a Friday: Friday 25 and Monday 28 (Boxing Day).
func christmas(year int) []Holiday {
	xmas := csc.Date{Year: year, Month: time.December, Day: 25}
	switch xmas.Weekday() {
	case time.Saturday:
		return []Holiday{{xmas.AddDays(2), nameChristmasSub}, {xmas.AddDays(3), nameBoxingDaySub}}
	case time.Sunday:
		return []Holiday{{xmas.AddDays(1), nameBoxingDay}, {xmas.AddDays(2), nameChristmasSub}}
	case time.Friday:
		return []Holiday{{xmas, nameChristmas}, {xmas.AddDays(3), nameBoxingDaySub}}
	}
	return []Holiday{{xmas, nameChristmas}, {xmas.AddDays(1), nameBoxingDay}}
}

// easterSunday computes Easter Day in the Gregorian calendar by the anonymous
// algorithm published by Meeus (also known as the Meeus/Jones/Butcher
// algorithm). It is exact for every Gregorian year.
func easterSunday(year int) csc.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return csc.Date{Year: year, Month: time.Month(month), Day: day}
}

// firstMonday returns the first Monday of the month.
func firstMonday(year int, month time.Month) csc.Date {
	d := csc.Date{Year: year, Month: month, Day: 1}
	shift := (int(time.Monday) - int(d.Weekday()) + daysInWeek) % daysInWeek
	return d.AddDays(shift)
}

// lastMonday returns the last Monday of a 31-day month (May or August).
func lastMonday(year int, month time.Month) csc.Date {
	d := csc.Date{Year: year, Month: month, Day: 31}
	shift := (int(d.Weekday()) - int(time.Monday) + daysInWeek) % daysInWeek
	return d.AddDays(-shift)
}
