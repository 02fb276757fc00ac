package csc

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
	_ "time/tzdata" // Europe/London must resolve on machines without a zoneinfo database.
)

// London is the time zone every instant is shown in. Statutory dates are civil
// dates in England; instants are stored in UTC and shown in London time.
var London = mustLoadLondon()

func mustLoadLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic("csc: Europe/London time zone unavailable: " + err.Error())
	}
	return loc
}

// Date is a civil date (YYYY-MM-DD) with no time of day and no zone: the date
// of a statutory event such as a referral or a conference. The zero Date means
// "not recorded".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, normalising out-of-range values the way
// time.Date does (31 April becomes 1 May).
func NewDate(y int, m time.Month, d int) Date {
	return DateOfUTC(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOfUTC returns the calendar date of t in t's own location.
func DateOfUTC(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// DateOf returns the date in England at the instant t.
func DateOf(t time.Time) Date {
	return DateOfUTC(t.In(London))
}

// ParseDate reads a date written YYYY-MM-DD. It refuses anything else,
// including dates that do not exist such as 2023-02-29.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("date %q is not in the form YYYY-MM-DD", clip(s))
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a real date", clip(s))
	}
	return DateOfUTC(t), nil
}

// MustParseDate is ParseDate for constants in code and tests; it panics on a
// malformed date.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String writes the date as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long writes the date as people read it in letters and pages: "3 March 2026".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return string(d.AppendLong(make([]byte, 0, 24)))
}

// AppendLong appends the date as Long writes it to b. A chronology of 2,000
// entries writes 2,000 of them, and through fmt they were a twentieth of
// its page's time.
func (d Date) AppendLong(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	b = strconv.AppendInt(b, int64(d.Day), 10)
	b = append(b, ' ')
	b = append(b, d.Month.String()...)
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(d.Year), 10)
}

// Time returns midnight UTC at the start of the date.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// In returns the instant the date begins in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the date n calendar days later (earlier if n < 0).
func (d Date) AddDays(n int) Date { return DateOfUTC(d.Time().AddDate(0, 0, n)) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int { return d.Time().Compare(o.Time()) }

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// DaysUntil returns the number of calendar days from d to o (negative if o is
// earlier).
func (d Date) DaysUntil(o Date) int {
	return int(o.Time().Sub(d.Time()).Hours() / 24)
}

// AgeOn returns a person's age in whole years on the date on, for a person
// born on d. Someone born on 29 February has their birthday on 1 March in
// other years.
func (d Date) AgeOn(on Date) int {
	if d.IsZero() || on.Before(d) {
		return 0
	}
	age := on.Year - d.Year
	if on.Month < d.Month || (on.Month == d.Month && on.Day < d.Day) {
		age--
	}
	return age
}

// MarshalText writes YYYY-MM-DD (empty for the zero date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; an empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value stores the date as text YYYY-MM-DD, or NULL when unset, so the same
// column type works on SQLite and PostgreSQL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as text, []byte or time.Time; NULL is the zero date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	case time.Time:
		*d = DateOfUTC(v)
		return nil
	}
	return fmt.Errorf("csc: cannot read a date from %T", src)
}
