// Package clock does the calendar arithmetic behind statutory timescales in
// children's social care in England: bank holidays, working days, calendar
// periods ("3 months", "45 working days") and deadlines for instants.
//
// It is pure: there is no I/O, no reading of the system clock and no mutable
// global state. Callers pass in the dates and instants they mean, which keeps
// every rule reproducible in tests and in a replayed case record. The only
// package-level state is a holiday table built once at start-up from the rules
// in this package and never changed afterwards.
//
// # Working days
//
// Regulations made under the Children Act 1989 (for example those on
// representations and complaints) define a working day as any day other than a
// Saturday, a Sunday, Christmas Day, Good Friday or a day which is a bank
// holiday in England and Wales under the Banking and Financial Dealings Act
// 1971. This package follows that definition exactly. Christmas Day and Good
// Friday are common-law holidays rather than bank holidays under the 1971 Act,
// but the published GOV.UK list includes them, and so does [BankHolidays], so
// "a working day is a weekday that is not in BankHolidays" is the whole rule.
//
// Bank holidays are computed by rule (New Year's Day, Good Friday, Easter
// Monday, the early May, spring and summer bank holidays, Christmas Day and
// Boxing Day, with substitute days when the fixed-date holidays fall at a
// weekend) plus a table of one-off changes made by royal proclamation (the
// 2011 royal wedding, the 2012 and 2022 jubilees, VE Day 75 in 2020, the state
// funeral of Queen Elizabeth II in 2022 and the 2023 coronation). When a new
// one-off holiday is proclaimed it must be added to that table; nothing here
// can know about it in advance.
//
// # The supported range
//
// The holiday table is authoritative for the years [MinYear] to [MaxYear]
// inclusive (2010 to 2040). Outside that range the functions still answer, and
// never panic, but they apply the regular rules only: they cannot know of
// one-off holidays before 2010 (such as the Golden Jubilee of 3 and 4 June
// 2002, or 31 December 1999) or after 2040. Callers that must not rely on such
// a best-effort answer check [InRange] first. Working-day arithmetic inside
// the range is a couple of slice look-ups; arithmetic that starts or ends
// outside it falls back to a slower day-by-day walk, which is still correct
// by the regular rules.
//
// # Unrecorded dates
//
// The zero [csc.Date] means "not recorded". A date computed from an
// unrecorded date is itself unrecorded, so the functions returning a date
// return the zero date when given it, [WorkingDaysBetween] returns 0 when
// either end is unrecorded, and an unrecorded date is neither a working day
// nor a bank holiday. This stops a missing referral date from quietly turning
// into a deadline in the year 0.
//
// # Periods
//
// A [Period] such as "45 working days" or "3 months" is a small value that
// rules can hold as data and show to people. [ParsePeriod] reads back exactly
// what [Period.String] writes, so periods can be stored as text.
package clock

import "cairn/internal/csc"

// MinYear and MaxYear bound the years for which the bank-holiday table,
// including one-off holidays, is known to be complete. They are exported so
// that callers can explain to users why a date outside them is flagged.
const (
	MinYear = 2010
	MaxYear = 2040
)

// InRange reports whether d falls in a year for which this package knows
// every bank holiday, one-offs included. Outside the range the answers of the
// working-day functions follow the regular rules only, so callers that need
// certainty (for example before reporting a statutory breach) check here.
func InRange(d csc.Date) bool {
	return d.Year >= MinYear && d.Year <= MaxYear
}
