package csc

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Quarter is a quarter of a local authority's financial year, which runs
// from 1 April to 31 March: Q1 is April to June, Q2 July to September, Q3
// October to December and Q4 January to March of the next calendar year.
// Improvement boards monitor plans by these quarters. Year is the calendar
// year in which the financial year starts, so Q4 2025–26 is January to
// March 2026. The zero Quarter means "not recorded".
type Quarter struct {
	Year int
	Q    int
}

// QuarterOf returns the financial quarter a date falls in.
func QuarterOf(d Date) Quarter {
	if d.IsZero() {
		return Quarter{}
	}
	m := int(d.Month)
	if m >= 4 {
		return Quarter{Year: d.Year, Q: (m-4)/3 + 1}
	}
	return Quarter{Year: d.Year - 1, Q: 4}
}

// IsZero reports whether the quarter is unset.
func (q Quarter) IsZero() bool { return q == Quarter{} }

// Start returns the first day of the quarter.
func (q Quarter) Start() Date {
	if q.IsZero() {
		return Date{}
	}
	m := 4 + 3*(q.Q-1)
	y := q.Year
	if m > 12 {
		m -= 12
		y++
	}
	return NewDate(y, time.Month(m), 1)
}

// End returns the last day of the quarter.
func (q Quarter) End() Date {
	if q.IsZero() {
		return Date{}
	}
	return q.Next().Start().AddDays(-1)
}

// Next returns the following quarter.
func (q Quarter) Next() Quarter {
	if q.Q == 4 {
		return Quarter{Year: q.Year + 1, Q: 1}
	}
	return Quarter{Year: q.Year, Q: q.Q + 1}
}

// Prev returns the quarter before.
func (q Quarter) Prev() Quarter {
	if q.Q == 1 {
		return Quarter{Year: q.Year - 1, Q: 4}
	}
	return Quarter{Year: q.Year, Q: q.Q - 1}
}

// Compare returns -1, 0 or +1 as q is before, the same as or after o.
func (q Quarter) Compare(o Quarter) int {
	switch {
	case q.Year != o.Year:
		return cmpInt(q.Year, o.Year)
	default:
		return cmpInt(q.Q, o.Q)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String writes the quarter as "2025-26 Q3", the form ParseQuarter reads
// and the API uses; "" for the zero quarter.
func (q Quarter) String() string {
	if q.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d Q%d", q.Year, (q.Year+1)%100, q.Q)
}

// Label names the quarter as a board paper does: "Q3 2025–26 (October to
// December 2025)".
func (q Quarter) Label() string {
	if q.IsZero() {
		return ""
	}
	s, e := q.Start(), q.End()
	return fmt.Sprintf("Q%d %d–%02d (%s to %s %d)", q.Q, q.Year, (q.Year+1)%100, s.Month, e.Month, e.Year)
}

// ParseQuarter reads a quarter written "2025-26 Q3" (the form String
// writes; the second year must follow the first). It refuses anything
// else with a message a user can act on.
func ParseQuarter(s string) (Quarter, error) {
	bad := fmt.Errorf("%q is not a financial quarter written like 2025-26 Q3", clip(s))
	years, q, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok || len(years) != 7 || years[4] != '-' || len(q) != 2 || (q[0] != 'Q' && q[0] != 'q') {
		return Quarter{}, bad
	}
	y, err1 := strconv.Atoi(years[:4])
	y2, err2 := strconv.Atoi(years[5:])
	n := int(q[1] - '0')
	if err1 != nil || err2 != nil || years[5] == '+' || years[5] == '-' || n < 1 || n > 4 || y < 1900 || y > 2999 {
		return Quarter{}, bad
	}
	if y2 != (y+1)%100 {
		return Quarter{}, fmt.Errorf("%q: a financial year runs from one year into the next, such as 2025-26", clip(s))
	}
	return Quarter{Year: y, Q: n}, nil
}

// MarshalText writes the quarter as String does.
func (q Quarter) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// UnmarshalText reads the quarter as ParseQuarter does; "" is the zero quarter.
func (q *Quarter) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*q = Quarter{}
		return nil
	}
	v, err := ParseQuarter(string(b))
	if err != nil {
		return err
	}
	*q = v
	return nil
}

// Value stores the quarter as its first day, so quarters sort and compare
// as dates in SQL on both engines.
func (q Quarter) Value() (driver.Value, error) { return q.Start().Value() }

// Scan reads a quarter stored as its first day.
func (q *Quarter) Scan(src any) error {
	var d Date
	if err := d.Scan(src); err != nil {
		return err
	}
	*q = QuarterOf(d)
	return nil
}
