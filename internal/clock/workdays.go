package clock

import (
	"time"

	"cairn/internal/csc"
)

// IsWorkingDay reports whether d is a working day: not a Saturday or Sunday
// and not a bank holiday in England and Wales (Christmas Day and Good Friday
// included). Statutory timescales such as "within one working day" and
// "45 working days" count only these days. The zero Date is not a working day.
func IsWorkingDay(d csc.Date) bool {
	if d.IsZero() {
		return false
	}
	var c yearRules
	return c.isWorking(dayNumber(d))
}

// NextWorkingDay returns the first working day strictly after d, the same as
// AddWorkingDays(d, 1). It is what "the next working day" means in a letter:
// a working day d itself is never its own next working day.
func NextWorkingDay(d csc.Date) csc.Date { return AddWorkingDays(d, 1) }

// WorkingDayOnOrAfter returns d if it is a working day and otherwise the next
// working day. It rolls a date that lands on a weekend or holiday forward,
// for example to treat something received on a Saturday as received on the
// Monday. The zero Date gives the zero Date.
func WorkingDayOnOrAfter(d csc.Date) csc.Date {
	if d.IsZero() || IsWorkingDay(d) {
		return d
	}
	return AddWorkingDays(d, 1)
}

// WorkingDayOnOrBefore returns d if it is a working day and otherwise the
// previous working day. It is the date that AddWorkingDays(d, n) followed by
// AddWorkingDays(…, -n) comes back to, for any n > 0. The zero Date gives the
// zero Date.
func WorkingDayOnOrBefore(d csc.Date) csc.Date {
	if d.IsZero() || IsWorkingDay(d) {
		return d
	}
	return AddWorkingDays(d, -1)
}

// AddWorkingDays returns the nth working day after start: start itself never
// counts, whether or not it is a working day, so a referral received on
// Friday 2 January 2026 plus one working day is Monday 5 January 2026, and a
// referral received on Saturday 3 January gives the same answer. n = 0
// returns start unchanged. A negative n counts back: AddWorkingDays(d, -1) is
// the last working day strictly before d.
//
// For n > 0 the result is always a working day, and
// WorkingDaysBetween(start, AddWorkingDays(start, n)) == n. Going there and
// back, AddWorkingDays(AddWorkingDays(d, n), -n) == WorkingDayOnOrBefore(d),
// and AddWorkingDays(AddWorkingDays(d, -n), n) == WorkingDayOnOrAfter(d).
//
// Inside MinYear..MaxYear this is two slice look-ups. If the start or the
// result is outside the range the answer follows the regular holiday rules
// only and is found by walking day by day. The zero Date gives the zero Date.
func AddWorkingDays(start csc.Date, n int) csc.Date {
	if n == 0 || start.IsZero() {
		return start
	}
	d := dayNumber(start)
	if i, ok := table.index(d); ok {
		// cum[i] working days lie in first..d; the first is working[0].
		// For n < 0 we want the working days strictly before d, so d itself
		// comes off the count if it is a working day.
		k := int(table.cum[i]) + n - 1
		if n < 0 && (table.holiday[i] || isWeekend(d)) {
			k++
		}
		if k >= 0 && k < len(table.working) {
			return fromDayNumber(int(table.working[k]))
		}
	}
	return fromDayNumber(walkWorkingDays(d, n))
}

// WorkingDaysBetween counts the working days after a up to and including b:
// the number of working days that have passed between a and b, in the same
// sense as AddWorkingDays, so that WorkingDaysBetween(d, AddWorkingDays(d, n))
// == n for every d and every n >= 0. It is how many working days a piece of
// work has been open (a = received, b = today), or how far past a deadline it
// is. If b is before a the answer is negative: -WorkingDaysBetween(b, a).
// If either date is the zero Date the answer is 0.
//
// Inside MinYear..MaxYear this is a subtraction of two table entries. Outside
// it the regular rules are applied year by year, which is slower but exact
// by those rules.
func WorkingDaysBetween(a, b csc.Date) int {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	da, db := dayNumber(a), dayNumber(b)
	ia, oka := table.index(da)
	ib, okb := table.index(db)
	switch {
	case oka && okb:
		return int(table.cum[ib]) - int(table.cum[ia])
	case da < db:
		return countWorkingDays(da+1, db)
	case da > db:
		return -countWorkingDays(db+1, da)
	}
	return 0
}

// WorkingDayDeadline returns the instant by which something received at
// received must be done when the rule allows n working days, for queues such
// as "a decision within one working day of receipt".
//
// The date of receipt is the civil date of received in loc (nil means
// England, csc.London). If that date is a working day it is day 0; if it is a
// weekend or bank holiday, the next working day is day 0 instead, because
// nobody could start work before then. The deadline is the end of the nth
// working day after day 0, returned as the first instant of the following
// calendar day in loc (midnight, which is the same as 23:59:59.999… on the
// nth working day). It is exclusive: work is in time if it is done strictly
// before the returned instant. So with n = 1, something received at any time
// on Friday 2 January 2026 is due before midnight at the end of Monday
// 5 January; received on Saturday 3 January, day 0 is Monday 5 January and it
// is due before midnight at the end of Tuesday 6 January. With n = 0 it is
// due by the end of day 0. A negative n counts back from day 0 as
// AddWorkingDays does.
func WorkingDayDeadline(received time.Time, n int, loc *time.Location) time.Time {
	if loc == nil {
		loc = csc.London
	}
	day0 := WorkingDayOnOrAfter(csc.DateOfUTC(received.In(loc)))
	due := AddWorkingDays(day0, n)
	return time.Date(due.Year, due.Month, due.Day+1, 0, 0, 0, 0, loc)
}
