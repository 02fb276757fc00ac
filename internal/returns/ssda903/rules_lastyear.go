package ssda903

import "cairn/internal/returns"

// Rules that compare this year's episodes and periods with last year's
// return: a child looked after at 31 March last year carries the open
// episode into this year.

// carried calls f for each child whose last episode in last year's return
// was open, with that episode and the child's first episode this year.
func carried(f func(last, first *Episode, fs *failures)) returns.Check[*Dataset] {
	return needsLast(func(d *Dataset) ([]returns.Failure, error) {
		var fs failures
		for child, eps := range d.episodes {
			last := d.LastEpisodesOf(child)
			if len(last) == 0 || !last[len(last)-1].DEC.Blank() {
				continue
			}
			f(last[len(last)-1], eps[0], &fs)
		}
		return fs.result()
	})
}

// sameEpisode fails a child's first episode this year that continues last
// year's open one (same start) but records the item differently.
func sameEpisode(differ func(last, first *Episode) bool, fields ...string) returns.Check[*Dataset] {
	return carried(func(last, first *Episode, fs *failures) {
		if first.DECOM.Valid() && first.DECOM.Date == last.DECOM.Date && differ(last, first) {
			fs.add(TEpisodes, first.Row, first.Child, fields...)
		}
	})
}

// openAtYearStart fails a child whose period (missing, DoLO) was open at the
// end of last year's return but has no period starting the same day this
// year.
func openAtYearStart(table string, periods func(*Dataset) []period) returns.Check[*Dataset] {
	return needsLast(func(d *Dataset) ([]returns.Failure, error) {
		starts := map[string]map[string]bool{}
		for _, p := range periods(d) {
			if starts[p.child] == nil {
				starts[p.child] = map[string]bool{}
			}
			starts[p.child][p.start.Date.String()] = true
		}
		var f failures
		for _, p := range periods(&Dataset{Tables: *d.Last}) {
			if p.end.Blank() && p.start.Valid() && !starts[p.child][p.start.Date.String()] {
				f.add(table, 0, p.child, "CHILD")
			}
		}
		return f.result()
	})
}

func init() {
	register("502", carried(func(last, first *Episode, fs *failures) {
		if first.DECOM.Valid() && first.DECOM.Date != last.DECOM.Date {
			fs.add(TEpisodes, first.Row, first.Child, "DECOM")
		}
	}))
	register("503A", sameEpisode(func(l, e *Episode) bool { return l.RNE != e.RNE }, "RNE"))
	register("503B", sameEpisode(func(l, e *Episode) bool { return l.LS != e.LS }, "LS"))
	register("503C", sameEpisode(func(l, e *Episode) bool { return l.CIN != e.CIN }, "CIN"))
	register("503D", sameEpisode(func(l, e *Episode) bool { return l.Place != e.Place }, "PLACE"))
	register("503E", sameEpisode(func(l, e *Episode) bool { return l.PlaceProvider != e.PlaceProvider }, "PLACE_PROVIDER"))
	register("503F", sameEpisode(func(l, e *Episode) bool { return l.URN != e.URN }, "URN"))
	register("503G", withPostcodes(postcodeEpisode(distDiffers, true, "PL_DISTANCE")))
	register("503H", withPostcodes(postcodeEpisode(plaDiffers, true, "PL_LA")))
	register("452", withPostcodes(postcodeEpisode(plaDiffers, false, "PL_LA")))
	register("453", withPostcodes(postcodeEpisode(distDiffers, false, "PL_DISTANCE")))
	register("562", needsLast(func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			first := eps[0]
			last := d.LastEpisodesOf(first.Child)
			if len(last) == 0 || !first.DECOM.Date.Before(d.Year.Start) {
				return
			}
			for _, l := range last {
				if l.DECOM.Valid() && l.DECOM.Date == first.DECOM.Date {
					return
				}
			}
			fs.add(TEpisodes, first.Row, first.Child, "DECOM")
		})
	}))
	register("NoE", needsLast(func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			if first := eps[0]; first.DECOM.Date.Before(d.Year.Start) && len(d.LastEpisodesOf(first.Child)) == 0 {
				fs.add(TEpisodes, first.Row, first.Child, "DECOM")
			}
		})
	}))
	register("207", lastYear(func(h, l *Header) bool { return l.Mother == "1" && h.Mother == "0" }, "MOTHER"))
	register("576", openAtYearStart(TMissing, missingPeriods))
	register("706", openAtYearStart(TDoLo, doloPeriods))
}

func distDiffers(d *Dataset, l, e *Episode) bool {
	a, ok1 := d.distance(l)
	b, ok2 := d.distance(e)
	return ok1 && ok2 && a != b
}

func plaDiffers(d *Dataset, l, e *Episode) bool {
	a, b := d.placementLA(l), d.placementLA(e)
	return a != "" && b != "" && a != b
}

// postcodeEpisode compares a postcode-derived item of last year's open
// episode with this year's first episode: when sameStart, only the episode
// carried over (same start); otherwise whichever episode comes first.
func postcodeEpisode(differ func(d *Dataset, last, first *Episode) bool, sameStart bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		return carried(func(last, first *Episode, fs *failures) {
			if sameStart && (!first.DECOM.Valid() || first.DECOM.Date != last.DECOM.Date) {
				return
			}
			if differ(d, last, first) {
				fs.add(TEpisodes, first.Row, first.Child, fields...)
			}
		})(d)
	}
}
