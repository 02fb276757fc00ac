package clock

import (
	"slices"
	"time"

	"cairn/internal/csc"
)

// Dates are handled internally as day numbers (days since 1970-01-01), which
// turns working-day arithmetic into index arithmetic on the table below and
// avoids the cost of going through time.Time on the hot path.

// dayNumber returns the number of days from 1970-01-01 to d. It uses Howard
// Hinnant's days_from_civil algorithm, exact for the proleptic Gregorian
// calendar. Dates that are not normalised (such as 31 April) are normalised
// the way csc.NewDate does first.
func dayNumber(d csc.Date) int {
	y, m, day := d.Year, int(d.Month), d.Day
	if m < 1 || m > 12 || day < 1 || day > daysIn(y, d.Month) {
		n := csc.NewDate(y, d.Month, day)
		y, m, day = n.Year, int(n.Month), n.Day
	}
	// The year is taken to start on 1 March so that the leap day comes last;
	// unsigned arithmetic on the small non-negative parts keeps this cheap.
	mp := uint(m + 9)
	if m > 2 {
		mp = uint(m - 3)
	} else {
		y--
	}
	era := floorDiv(y, 400)
	yoe := uint(y - era*400)
	doy := (153*mp+2)/5 + uint(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + int(doe) - 719468
}

// fromDayNumber is the inverse of dayNumber (Hinnant's civil_from_days).
func fromDayNumber(n int) csc.Date {
	z := n + 719468
	era := floorDiv(z, 146097)
	doe := uint(z - era*146097)
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := int(doy - (153*mp+2)/5 + 1)
	y := int(yoe) + era*400
	month := int(mp) + 3
	if month > 12 {
		month -= 12
		y++
	}
	return csc.Date{Year: y, Month: time.Month(month), Day: day}
}

// civilYear returns the calendar year of a day number.
func civilYear(n int) int { return fromDayNumber(n).Year }

// weekdayOf returns the day of the week of a day number; 1970-01-01 was a
// Thursday.
func weekdayOf(n int) time.Weekday {
	return time.Weekday(floorMod(n+int(time.Thursday), daysInWeek))
}

// isWeekend reports whether a day number is a Saturday or Sunday.
func isWeekend(n int) bool {
	w := weekdayOf(n)
	return w == time.Saturday || w == time.Sunday
}

// weekdaysBefore counts the Mondays to Fridays before day number n, counted
// from an arbitrary fixed Monday, so that differences give exact counts.
func weekdaysBefore(n int) int {
	const aMonday = 4 // 1970-01-05
	t := n - aMonday
	weeks := floorDiv(t, daysInWeek)
	return 5*weeks + min(t-weeks*daysInWeek, 5)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// holidayTable is everything about MinYear..MaxYear precomputed once.
// Index i in holiday and cum is the day number first+i.
type holidayTable struct {
	first   int         // day number of 1 January MinYear
	holiday []bool      // whether each day is a bank holiday
	cum     []int32     // working days in first..first+i inclusive
	working []int32     // day numbers of every working day, ascending
	byYear  [][]Holiday // BankHolidays for each year, sorted
}

// table is built once at package initialisation from the pure rules in
// holidays.go and never modified, so concurrent readers need no locking.
var table = buildTable()

func buildTable() holidayTable {
	t := holidayTable{first: dayNumber(csc.Date{Year: MinYear, Month: time.January, Day: 1})}
	last := dayNumber(csc.Date{Year: MaxYear, Month: time.December, Day: 31})
	size := last - t.first + 1
	t.holiday = make([]bool, size)
	t.cum = make([]int32, size)
	for y := MinYear; y <= MaxYear; y++ {
		hs := holidaysFor(y)
		t.byYear = append(t.byYear, hs)
		for _, h := range hs {
			t.holiday[dayNumber(h.Date)-t.first] = true
		}
	}
	var count int32
	for i := range size {
		if !t.holiday[i] && !isWeekend(t.first+i) {
			count++
			t.working = append(t.working, int32(t.first+i))
		}
		t.cum[i] = count
	}
	return t
}

// index returns the table index of day number n and whether it is inside
// the table.
func (t *holidayTable) index(n int) (int, bool) {
	i := n - t.first
	return i, i >= 0 && i < len(t.cum)
}

// yearRules caches the regular holidays of one out-of-range year while a
// slow path walks day by day. It is a local value, never shared.
type yearRules struct {
	year int
	days []int
}

// isWorking reports whether day number n is a working day, using the table
// inside the range and the regular rules outside it.
func (c *yearRules) isWorking(n int) bool {
	if i, ok := table.index(n); ok {
		return !table.holiday[i] && !isWeekend(n)
	}
	if isWeekend(n) {
		return false
	}
	if y := civilYear(n); c.days == nil || y != c.year {
		c.year, c.days = y, regularHolidayDays(y)
	}
	return !slices.Contains(c.days, n)
}

// walkWorkingDays is the out-of-range form of AddWorkingDays: it steps one
// day at a time from n until it has passed count working days.
func walkWorkingDays(n, count int) int {
	step := 1
	if count < 0 {
		step, count = -1, -count
	}
	var c yearRules
	for count > 0 {
		n += step
		if c.isWorking(n) {
			count--
		}
	}
	return n
}

// countWorkingDays counts the working days in lo..hi inclusive (lo <= hi):
// the part inside the table by look-up, the parts outside it by counting
// weekdays and subtracting regular holidays year by year (all of which fall
// on weekdays).
func countWorkingDays(lo, hi int) int {
	total := 0
	last := table.first + len(table.cum) - 1
	if lo < table.first {
		end := min(hi, table.first-1)
		total += countByRules(lo, end)
		lo = end + 1
	}
	if hi > last {
		start := max(lo, last+1)
		total += countByRules(start, hi)
		hi = start - 1
	}
	if lo <= hi {
		total += int(table.cum[hi-table.first])
		if lo > table.first {
			total -= int(table.cum[lo-1-table.first])
		}
	}
	return total
}

// countByRules counts working days in lo..hi inclusive by the regular rules.
func countByRules(lo, hi int) int {
	n := weekdaysBefore(hi+1) - weekdaysBefore(lo)
	for y := civilYear(lo); y <= civilYear(hi); y++ {
		for _, h := range regularHolidayDays(y) {
			if h >= lo && h <= hi {
				n--
			}
		}
	}
	return n
}
