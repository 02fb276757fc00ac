package ssda903

import (
	"sort"

	"cairn/internal/csc"
	"cairn/internal/returns"
)

// Rules on the periods a child has besides care episodes: missing or away
// from placement, deprivation of liberty orders (2026/27) and social worker
// episodes. They share one shape: a start, an optional end, within the year,
// not overlapping, and closed when the child leaves care.

// period is a dated row of one of those tables.
type period struct {
	row        int
	child      string
	start, end Date
}

func missingPeriods(d *Dataset) []period {
	out := make([]period, len(d.Missing))
	for i, m := range d.Missing {
		out[i] = period{m.Row, m.Child, m.MisStart, m.MisEnd}
	}
	return out
}

func doloPeriods(d *Dataset) []period {
	out := make([]period, len(d.DoLo))
	for i, m := range d.DoLo {
		out[i] = period{m.Row, m.Child, m.DoloStart, m.DoloEnd}
	}
	return out
}

func swPeriods(d *Dataset) []period {
	out := make([]period, len(d.SWEpisodes))
	for i, m := range d.SWEpisodes {
		out[i] = period{m.Row, m.Child, m.SWDecom, m.SWDec}
	}
	return out
}

// periodCheck fails each period bad says is wrong.
func periodCheck(table string, periods func(*Dataset) []period, bad func(*Dataset, period) bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for _, p := range periods(d) {
			if bad(d, p) {
				f.add(table, p.row, p.child, fields...)
			}
		}
		return f.result()
	}
}

func endsBeforeStart(_ *Dataset, p period) bool {
	return p.start.Valid() && p.end.Valid() && p.end.Date.Before(p.start.Date)
}

func startsAfterYear(d *Dataset, p period) bool {
	return p.start.Valid() && p.start.Date.After(d.Year.End)
}

func endsOutsideYear(d *Dataset, p period) bool {
	return p.end.Valid() && (p.end.Date.Before(d.Year.Start) || p.end.Date.After(d.Year.End))
}

func startsBeforeBirth(d *Dataset, p period) bool {
	h := d.HeaderOf(p.child)
	return h != nil && h.DOB.Valid() && p.start.Valid() && p.start.Date.Before(h.DOB.Date)
}

// overlapping fails a period that starts while the child's previous period
// (in start order) is open or has not yet ended.
func overlapping(table string, periods func(*Dataset) []period, fields ...string) returns.Check[*Dataset] {
	return overlap(table, periods, true, fields...)
}

// overlappingClosed fails a period that starts before the end of the
// child's previous period; an open previous period is another rule's
// concern.
func overlappingClosed(table string, periods func(*Dataset) []period, fields ...string) returns.Check[*Dataset] {
	return overlap(table, periods, false, fields...)
}

func overlap(table string, periods func(*Dataset) []period, openOverlaps bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for _, ps := range periodsByChild(periods(d)) {
			for i := 1; i < len(ps); i++ {
				prev := ps[i-1]
				if (openOverlaps && prev.end.Blank()) || (prev.end.Valid() && ps[i].start.Date.Before(prev.end.Date)) {
					f.add(table, ps[i].row, ps[i].child, fields...)
				}
			}
		}
		return f.result()
	}
}

// ceasedCare returns the date the child last ceased to be looked after, if
// their last episode has ended other than into a new episode.
func (d *Dataset) ceasedCare(child string) (csc.Date, bool) {
	eps := d.EpisodesOf(child)
	if len(eps) == 0 {
		return csc.Date{}, false
	}
	last := eps[len(eps)-1]
	if !last.DEC.Valid() || last.REC == "X1" {
		return csc.Date{}, false
	}
	return last.DEC.Date, true
}

// openAfterCare fails an open period that began before the child ceased to
// be looked after.
func openAfterCare(d *Dataset, p period) bool {
	ceased, ok := d.ceasedCare(p.child)
	return ok && p.end.Blank() && p.start.Valid() && !p.start.Date.After(ceased)
}

func init() {
	mp, dp, sp := missingPeriods, doloPeriods, swPeriods
	register("564", missingCheck(func(_ *Dataset, m *Missing) bool { return m.Missing != "" && m.MisStart.Blank() }, "MISSING", "MIS_START"))
	register("565", missingCheck(func(_ *Dataset, m *Missing) bool { return m.Missing == "" && !m.MisStart.Blank() }, "MISSING", "MIS_START"))
	register("566", missingCheck(func(_ *Dataset, m *Missing) bool { return m.Missing == "" && !m.MisEnd.Blank() }, "MISSING", "MIS_END"))
	register("567", periodCheck(TMissing, mp, endsBeforeStart, "MIS_END", "MIS_START"))
	register("570", periodCheck(TMissing, mp, startsAfterYear, "MIS_START"))
	register("571", periodCheck(TMissing, mp, endsOutsideYear, "MIS_END"))
	register("574", overlapping(TMissing, mp, "MIS_END", "MIS_START"))
	register("577", periodCheck(TMissing, mp, openAfterCare, "MIS_END"))
	register("578", periodCheck(TMissing, mp, func(d *Dataset, p period) bool {
		ceased, ok := d.ceasedCare(p.child)
		return ok && p.start.Valid() && p.start.Date.After(ceased)
	}, "MIS_START"))
	register("581", periodCheck(TMissing, mp, func(d *Dataset, p period) bool {
		eps := d.EpisodesOf(p.child)
		for _, e := range eps {
			if e.DECOM.Valid() {
				return p.start.Valid() && p.start.Date.Before(e.DECOM.Date)
			}
		}
		return false
	}, "MIS_START"))
	register("586", periodCheck(TMissing, mp, startsBeforeBirth, "MIS_START"))

	register("702", periodCheck(TDoLo, dp, endsBeforeStart, "DOLO_END", "DOLO_START"))
	register("703", periodCheck(TDoLo, dp, startsAfterYear, "DOLO_START"))
	register("704", periodCheck(TDoLo, dp, endsOutsideYear, "DOLO_END"))
	register("705", overlapping(TDoLo, dp, "DOLO_END", "DOLO_START"))
	register("707", periodCheck(TDoLo, dp, openAfterCare, "DOLO_END"))
	register("708", periodCheck(TDoLo, dp, startsBeforeBirth, "DOLO_START"))

	register("SW01aSTG1", swCheck(func(_ *Dataset, s *SWEpisode) bool { return s.SWID == "" || s.SWDecom.Blank() }, "SW_DECOM", "SW_ID"))
	register("SW08STG2", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for _, ps := range periodsByChild(sp(d)) {
			for _, p := range ps[:len(ps)-1] {
				if p.end.Blank() {
					f.add(TSWEpisodes, p.row, p.child, "SW_DEC")
				}
			}
		}
		return f.result()
	})
	register("SW09STG2", periodCheck(TSWEpisodes, sp, func(_ *Dataset, p period) bool {
		return p.start.Valid() && p.end.Valid() && p.start.Date == p.end.Date
	}, "SW_DEC", "SW_DECOM"))
	register("SW10STG2", overlappingClosed(TSWEpisodes, sp, "SW_DECOM"))
}

// periodsByChild groups the periods with a valid start by child, each
// child's in start order.
func periodsByChild(all []period) map[string][]period {
	by := map[string][]period{}
	for _, p := range all {
		if p.start.Valid() {
			by[p.child] = append(by[p.child], p)
		}
	}
	for _, ps := range by {
		sort.SliceStable(ps, func(i, j int) bool { return before(ps[i].start.Date, ps[j].start.Date) })
	}
	return by
}
