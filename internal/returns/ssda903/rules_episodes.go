package ssda903

import (
	"cairn/internal/csc"
	"cairn/internal/returns"
)

// Episode rules: dates and codes of episodes, within one episode, between a
// child's consecutive episodes and against the child's age.

// byChild runs f over each child's episodes with a valid start date, in
// start order, collecting failures.
func byChild(d *Dataset, f func(eps []*Episode, fs *failures)) ([]returns.Failure, error) {
	var fs failures
	for _, eps := range d.epLists {
		i := 0
		for i < len(eps) && !eps[i].DECOM.Valid() {
			i++
		}
		if i < len(eps) {
			f(eps[i:], &fs)
		}
	}
	return fs.result()
}

// addYears returns the date n years after d; 29 February becomes 1 March.
func addYears(d csc.Date, n int) csc.Date { return csc.NewDate(d.Year+n, d.Month, d.Day) }

// ageAt returns the child's age on a date and whether the date of birth is
// known.
func (d *Dataset) ageAt(child string, on csc.Date) (int, bool) {
	h := d.HeaderOf(child)
	if h == nil || !h.DOB.Valid() || on.IsZero() {
		return 0, false
	}
	return h.DOB.Date.AgeOn(on), true
}

// endOrYearEnd is the episode's end, or the end of the year when open.
func (d *Dataset) endOrYearEnd(e *Episode) csc.Date {
	if e.DEC.Valid() {
		return e.DEC.Date
	}
	return d.Year.End
}

// lastedMore fails episodes under one of the legal statuses that last more
// than max days (open episodes counted to the end of the year).
func lastedMore(max int, ls ...string) returns.Check[*Dataset] {
	statuses := codes(ls...)
	return episodeCheck(func(d *Dataset, e *Episode) bool {
		return statuses.has(e.LS) && e.DECOM.Valid() && e.DECOM.Date.DaysUntil(d.endOrYearEnd(e)) > max
	}, "DEC", "DECOM", "LS")
}

func init() {
	register("142", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			for _, e := range eps[:len(eps)-1] {
				if e.DEC.Blank() || e.REC == "" {
					fs.add(TEpisodes, e.Row, e.Child, "DEC", "REC")
				}
			}
		})
	})
	register("301", headerCheck(func(d *Dataset, h *Header) bool { return h.DOB.Valid() && h.DOB.Date.After(d.Year.End) }, "DOB"))
	register("302", episodeCheck(func(d *Dataset, e *Episode) bool {
		h := d.HeaderOf(e.Child)
		return h != nil && h.DOB.Valid() && e.DECOM.Valid() && e.DECOM.Date.Before(h.DOB.Date)
	}, "DECOM", "DOB"))
	register("351", headerCheck(func(d *Dataset, h *Header) bool {
		return h.DOB.Valid() && addYears(h.DOB.Date, 25).Before(d.Year.Start)
	}, "DOB"))
	register("352", episodeCheck(func(d *Dataset, e *Episode) bool {
		h := d.HeaderOf(e.Child)
		return e.RNE == "S" && h != nil && h.DOB.Valid() && e.DECOM.Valid() && !e.DECOM.Date.Before(addYears(h.DOB.Date, 18))
	}, "DECOM", "RNE"))
	register("353", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.DECOM.Valid() && e.DECOM.Date.Before(csc.NewDate(1991, 10, 14))
	}, "DECOM"))
	register("354", episodeCheck(func(d *Dataset, e *Episode) bool { return e.DECOM.Valid() && e.DECOM.Date.After(d.Year.End) }, "DECOM"))
	register("385", episodeCheck(func(d *Dataset, e *Episode) bool { return e.DEC.Valid() && e.DEC.Date.After(d.Year.End) }, "DEC"))
	register("355", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.DEC.Valid() && e.DECOM.Valid() && e.DEC.Date == e.DECOM.Date
	}, "DECOM", "DEC"))
	register("356", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.DEC.Valid() && e.DECOM.Valid() && e.DEC.Date.Before(e.DECOM.Date)
	}, "DECOM"))
	register("357", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			if e := eps[0]; !e.DECOM.Date.Before(d.Year.Start) && e.RNE != "S" {
				fs.add(TEpisodes, e.Row, e.Child, "RNE")
			}
		})
	})
	register("361", lastedMore(3, "L1"))
	register("362", lastedMore(21, "L2"))
	register("363", lastedMore(7, "L3"))
	register("365", lastedMore(17, "V3"))
	register("501", consecutive(func(prev, e *Episode) bool {
		return prev.DEC.Valid() && e.DECOM.Date.Before(prev.DEC.Date)
	}, "DEC", "DECOM"))
	register("431", consecutive(func(prev, e *Episode) bool {
		return e.RNE == "S" && prev.DEC.Valid() && prev.DEC.Date == e.DECOM.Date
	}, "DECOM", "RNE"))
	register("432", consecutive(func(prev, e *Episode) bool {
		return prev.REC != "" && prev.REC != "X1" && e.RNE != "S"
	}, "RNE"))
	register("433", consecutive(func(prev, e *Episode) bool {
		return e.RNE != "S" && rneCodes.has(e.RNE) && prev.DEC.Valid() && prev.DEC.Date != e.DECOM.Date
	}, "DECOM", "RNE"))
	register("437", consecutivePrev(func(prev, _ *Episode) bool { return prev.REC == "E2" || prev.REC == "E15" }, "REC"))
	register("388", check388)
}

// consecutive fails an episode that bad says contradicts the child's
// previous episode.
func consecutive(bad func(prev, e *Episode) bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			for i := 1; i < len(eps); i++ {
				if bad(eps[i-1], eps[i]) {
					fs.add(TEpisodes, eps[i].Row, eps[i].Child, fields...)
				}
			}
		})
	}
}

// consecutivePrev is consecutive but fails the earlier episode.
func consecutivePrev(bad func(prev, e *Episode) bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			for i := 1; i < len(eps); i++ {
				if bad(eps[i-1], eps[i]) {
					fs.add(TEpisodes, eps[i-1].Row, eps[i-1].Child, fields...)
				}
			}
		})
	}
}

// check388: X1 (episode ceases and a new one begins) needs a next episode
// starting the day this one ends; an episode followed the same day by
// another must end X1; and the last episode cannot end X1.
func check388(d *Dataset) ([]returns.Failure, error) {
	return byChild(d, func(eps []*Episode, fs *failures) {
		for i, e := range eps {
			if !e.DEC.Valid() || e.REC == "" {
				continue
			}
			if i == len(eps)-1 {
				if e.REC == "X1" {
					fs.add(TEpisodes, e.Row, e.Child, "REC")
				}
				continue
			}
			same := eps[i+1].DECOM.Date == e.DEC.Date
			if (e.REC == "X1") != same {
				fs.add(TEpisodes, e.Row, e.Child, "REC")
			}
		}
	})
}
