package ssda903

import "cairn/internal/returns"

// failures collects a rule's failures.
type failures []returns.Failure

func (f *failures) add(table string, row int, child string, fields ...string) {
	*f = append(*f, returns.Failure{Child: child, Table: table, Row: row, Fields: fields})
}

// result returns the failures in the form a check returns them.
func (f failures) result() ([]returns.Failure, error) { return f, nil }

// set is a code list.
type set map[string]bool

func codes(cs ...string) set {
	s := make(set, len(cs))
	for _, c := range cs {
		s[c] = true
	}
	return s
}

func (s set) has(c string) bool { return s[c] }

// rowCheck builds a check that tests each row of one table on its own: bad
// reports whether the row fails. Most validity rules have this shape.
func rowCheck[R any](table string, rows func(*Dataset) []R, meta func(*R) (int, string), bad func(*Dataset, *R) bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		rs := rows(d)
		for i := range rs {
			if bad(d, &rs[i]) {
				row, child := meta(&rs[i])
				f.add(table, row, child, fields...)
			}
		}
		return f.result()
	}
}

// Per-table row checks: each names the table, its rows and where a row is.

func headerCheck(bad func(*Dataset, *Header) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(THeader, func(d *Dataset) []Header { return d.Header }, func(r *Header) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func episodeCheck(bad func(*Dataset, *Episode) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TEpisodes, func(d *Dataset) []Episode { return d.Episodes }, func(r *Episode) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func reviewCheck(bad func(*Dataset, *Review) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TReviews, func(d *Dataset) []Review { return d.Reviews }, func(r *Review) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func uascCheck(bad func(*Dataset, *UASC) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TUASC, func(d *Dataset) []UASC { return d.UASC }, func(r *UASC) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func oc2Check(bad func(*Dataset, *OC2) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TOC2, func(d *Dataset) []OC2 { return d.OC2 }, func(r *OC2) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func oc3Check(bad func(*Dataset, *OC3) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TOC3, func(d *Dataset) []OC3 { return d.OC3 }, func(r *OC3) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func ad1Check(bad func(*Dataset, *AD1) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TAD1, func(d *Dataset) []AD1 { return d.AD1 }, func(r *AD1) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func placedCheck(bad func(*Dataset, *PlacedAdoption) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TPlacedAdoption, func(d *Dataset) []PlacedAdoption { return d.PlacedAdoption }, func(r *PlacedAdoption) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func prevPermCheck(bad func(*Dataset, *PrevPerm) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TPrevPerm, func(d *Dataset) []PrevPerm { return d.PrevPerm }, func(r *PrevPerm) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func missingCheck(bad func(*Dataset, *Missing) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TMissing, func(d *Dataset) []Missing { return d.Missing }, func(r *Missing) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func swCheck(bad func(*Dataset, *SWEpisode) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TSWEpisodes, func(d *Dataset) []SWEpisode { return d.SWEpisodes }, func(r *SWEpisode) (int, string) { return r.Row, r.Child }, bad, fields...)
}

func doloCheck(bad func(*Dataset, *DoLo) bool, fields ...string) returns.Check[*Dataset] {
	return rowCheck(TDoLo, func(d *Dataset) []DoLo { return d.DoLo }, func(r *DoLo) (int, string) { return r.Row, r.Child }, bad, fields...)
}
