package ssda903

import (
	"cairn/internal/csc"
	"cairn/internal/returns"
)

// Placement rules: who may be placed where, how long temporary placements
// and respite last, and what a new episode's reason says changed.

var (
	respite        = codes("V3", "V4")
	longTermFoster = codes("U1", "U4")
	fosterPlaces   = codes("U1", "U2", "U3", "U4", "U5", "U6")
	// K3 is supported accommodation (registered with Ofsted from 2024/25,
	// not subject to the children's homes regulations): the placement of
	// rule 371, and one of those rule 710 bars for a child with a DoLO.
	supportedPlace = codes("K3")
)

// placedUnder fails episodes at one of the placements that start before the
// child's birthday of the given age.
func placedUnder(age int, places set) returns.Check[*Dataset] {
	return episodeCheck(func(d *Dataset, e *Episode) bool {
		if !places.has(e.Place) || !e.DECOM.Valid() {
			return false
		}
		a, ok := d.ageAt(e.Child, e.DECOM.Date)
		return ok && a < age
	}, "DECOM", "PLACE")
}

// placedMore fails episodes at the placement lasting more than max days
// (open episodes counted to the end of the year).
func placedMore(max int, place string) returns.Check[*Dataset] {
	return episodeCheck(func(d *Dataset, e *Episode) bool {
		return e.Place == place && e.DECOM.Valid() && e.DECOM.Date.DaysUntil(d.endOrYearEnd(e)) > max
	}, "DECOM", "PLACE")
}

// placementChanged reports whether anything about where the child lives
// differs between two episodes.
func placementChanged(a, b *Episode) bool {
	return a.Place != b.Place || a.PlaceProvider != b.PlaceProvider || a.PLPost != b.PLPost || a.URN != b.URN
}

// daysInYear counts the days of an episode that fall in the collection year.
func (d *Dataset) daysInYear(e *Episode) int {
	if !e.DECOM.Valid() {
		return 0
	}
	from, to := e.DECOM.Date, d.endOrYearEnd(e)
	if from.Before(d.Year.Start) {
		from = d.Year.Start
	}
	if to.Before(from) {
		return 0
	}
	return from.DaysUntil(to)
}

// overEighteen reports whether the episode has the child looked after after
// their 18th birthday: an open episode whose child is 18 by the end of the
// year, or one that ended after the birthday (ending on it is leaving care
// at 18).
func (d *Dataset) overEighteen(e *Episode) bool {
	b, ok := d.birthday(e.Child, Date{}, 18)
	switch {
	case !ok:
		return false
	case e.DEC.Blank():
		return !b.After(d.Year.End)
	case e.DEC.Valid():
		return e.DEC.Date.After(b)
	}
	return false
}

func init() {
	register("364", check364)
	// 359: looked after past 18 only as a single period of accommodation
	// under section 20 (V2; section 20(5) for 16-21 year olds) in a
	// community home (K2). Interpretation: every episode that runs past
	// the 18th birthday, open ones included, must be V2 in K2.
	register("359", episodeCheck(func(d *Dataset, e *Episode) bool {
		return d.overEighteen(e) && !(e.LS == "V2" && e.Place == "K2")
	}, "DEC", "LS", "PLACE"))
	register("366", episodeCheck(func(_ *Dataset, e *Episode) bool { return e.LS == "V3" && e.RNE != "" && e.RNE != "S" }, "RNE"))
	register("367", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			days := 0
			for _, e := range eps {
				if e.LS == "V3" {
					days += d.daysInYear(e)
				}
			}
			if days > 75 {
				for _, e := range eps {
					if e.LS == "V3" {
						fs.add(TEpisodes, e.Row, e.Child, "DEC", "DECOM", "LS")
					}
				}
			}
		})
	})
	register("371", placedUnder(16, supportedPlace))
	register("372", placedUnder(10, codes("R5")))
	register("373", placedUnder(4, codes("S1")))
	register("374", placedUnder(14, codes("P3")))
	register("375", placedMore(42, "T1"))
	register("376", placedMore(21, "T3"))
	register("379", placedMore(7, "T4"))
	register("377", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			n := 0
			for i, e := range eps {
				// A holiday split by a change of legal status is one holiday.
				if e.Place != "T3" || i > 0 && eps[i-1].Place == "T3" && eps[i-1].DEC.Date == e.DECOM.Date {
					continue
				}
				if n++; n > 2 {
					fs.add(TEpisodes, e.Row, e.Child, "PLACE")
				}
			}
		})
	})
	register("378", episodeCheck(func(_ *Dataset, e *Episode) bool { return e.Place == "P1" && e.LS == "V2" }, "LS", "PLACE"))
	register("380", episodeCheck(func(_ *Dataset, e *Episode) bool { return e.RNE == "S" && temporaryPlaces.has(e.Place) }, "PLACE", "RNE"))
	register("381", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.REC != "" && e.REC != "X1" && temporaryPlaces.has(e.Place)
	}, "PLACE", "REC"))
	register("382", episodeCheck(func(_ *Dataset, e *Episode) bool { return respite.has(e.LS) && temporaryPlaces.has(e.Place) }, "LS", "PLACE"))
	register("383", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			for i := 1; i+1 < len(eps); i++ {
				prev, tmp, next := eps[i-1], eps[i], eps[i+1]
				if !temporaryPlaces.has(tmp.Place) || temporaryPlaces.has(prev.Place) || next.RNE == "S" {
					continue
				}
				if next.Place != prev.Place || next.PLPost != prev.PLPost {
					fs.add(TEpisodes, next.Row, next.Child, "PLACE", "PL_POST", "RNE")
				}
			}
		})
	})
	register("384", episodeCheck(func(_ *Dataset, e *Episode) bool { return respite.has(e.LS) && longTermFoster.has(e.Place) }, "LS", "PLACE"))
	register("426", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			v3, v4 := false, false
			for _, e := range eps {
				v3 = v3 || e.LS == "V3"
				v4 = v4 || e.LS == "V4"
			}
			if v3 && v4 {
				for _, e := range eps {
					if respite.has(e.LS) {
						fs.add(TEpisodes, e.Row, e.Child, "LS")
					}
				}
			}
		})
	})
	register("446", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.LS == "E1" && e.DECOM.Valid() && e.DECOM.Date.Before(csc.NewDate(2005, 12, 1))
	}, "DECOM", "LS"))
	register("408", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return (e.Place == "A5" || e.Place == "A6") && e.LS != "E1" && e.LS != "D1"
	}, "LS", "PLACE"))
	register("217", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return (e.Place == "A3" || e.Place == "A5") && e.DECOM.Valid() && !e.DECOM.Date.Before(csc.NewDate(2015, 4, 1)) &&
			e.RNE != "S" && e.RNE != "T" && e.RNE != "U"
	}, "DECOM", "PLACE", "RNE"))
	register("516", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return (e.REC == "E45" || e.REC == "E46") && !fosterPlaces.has(e.Place)
	}, "PLACE", "REC"))
	register("504", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			cin := eps[0].CIN
			for i, e := range eps {
				if i > 0 && e.RNE == "S" {
					cin = e.CIN
				} else if e.CIN != cin {
					fs.add(TEpisodes, e.Row, e.Child, "CIN")
				}
			}
		})
	})
	register("225", consecutivePrev(func(prev, e *Episode) bool {
		return prev.REC == "X1" && prev.ReasonPlaceChange == "" && placementMove.has(e.RNE) &&
			!temporaryPlaces.has(prev.Place) && !temporaryPlaces.has(e.Place)
	}, "REASON_PLACE_CHANGE"))
	register("434", consecutive(func(prev, e *Episode) bool {
		return e.RNE == "L" && (e.LS == prev.LS || placementChanged(prev, e))
	}, "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN"))
	register("435", consecutive(func(prev, e *Episode) bool {
		return e.RNE == "P" && (e.LS != prev.LS || !placementChanged(prev, e))
	}, "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"))
	register("436", consecutive(func(prev, e *Episode) bool {
		return e.RNE == "T" && (e.LS == prev.LS || !placementChanged(prev, e))
	}, "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN"))
	register("393", headerCheck(func(d *Dataset, h *Header) bool {
		if h.Sex != "F" || h.Mother != "" {
			return false
		}
		for _, e := range d.EpisodesOf(h.Child) {
			if !respite.has(e.LS) {
				return true
			}
		}
		return false
	}, "MOTHER"))
}

// placementMove are the reasons for a new episode that change placement.
var placementMove = codes("P", "B", "T", "U")

// check364: a child may be detained under PACE (legal status J2) for a
// short time only; a run of J2 episodes, each beginning the day the last
// ended, lasting more than 21 days fails (open episodes counted to the end
// of the year).
func check364(d *Dataset) ([]returns.Failure, error) {
	return byChild(d, func(eps []*Episode, fs *failures) {
		for i := 0; i < len(eps); {
			if eps[i].LS != "J2" {
				i++
				continue
			}
			j, days := i, 0
			for ; j < len(eps) && eps[j].LS == "J2"; j++ {
				if j > i && eps[j].DECOM.Date != eps[j-1].DEC.Date {
					break
				}
				days += eps[j].DECOM.Date.DaysUntil(d.endOrYearEnd(eps[j]))
			}
			if days > 21 {
				for _, e := range eps[i:j] {
					fs.add(TEpisodes, e.Row, e.Child, "DEC", "DECOM", "LS")
				}
			}
			i = j
		}
	})
}
