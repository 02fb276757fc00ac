package ssda903

import (
	"sort"

	"cairn/internal/csc"
	"cairn/internal/returns"
)

// Adoption rules across tables: the decision that a child should be placed
// for adoption (PlacedAdoption), the adoption itself (AD1) and the episodes
// that show the placement for adoption (PLACE A3–A6), the placement order
// (LS E1) and the adoption (REC E11, E12).

var (
	adoptionPlaces = codes("A3", "A4", "A5", "A6")
	adoptedRECs    = codes("E11", "E12")
	// Placed for adoption with the child's current foster carer.
	withFosterCarer    = codes("A3", "A5")
	notWithFosterCarer = codes("A4", "A6")
)

// periodStart is the start of the child's latest period of care: the latest
// episode begun with reason S, or failing that the child's first episode.
func (d *Dataset) periodStart(child string) (csc.Date, bool) {
	eps := d.EpisodesOf(child)
	for i := len(eps) - 1; i >= 0; i-- {
		if eps[i].RNE == "S" && eps[i].DECOM.Valid() {
			return eps[i].DECOM.Date, true
		}
	}
	for _, e := range eps {
		if e.DECOM.Valid() {
			return e.DECOM.Date, true
		}
	}
	return csc.Date{}, false
}

// firstEpisode returns the start of the child's first episode this year that
// match says is of the kind wanted.
func (d *Dataset) firstEpisode(child string, match func(*Episode) bool) (*Episode, bool) {
	for _, e := range d.EpisodesOf(child) {
		if e.DECOM.Valid() && match(e) {
			return e, true
		}
	}
	return nil, false
}

// adoptedThisYear returns the child's episode that ended in adoption in the
// year, or nil.
func (d *Dataset) adoptedThisYear(child string) *Episode {
	for _, e := range d.EpisodesOf(child) {
		if adoptedRECs.has(e.REC) && e.DEC.Valid() && !e.DEC.Date.Before(d.Year.Start) && !e.DEC.Date.After(d.Year.End) {
			return e
		}
	}
	return nil
}

func placedByChild(d *Dataset) map[string][]*PlacedAdoption {
	m := map[string][]*PlacedAdoption{}
	for i := range d.PlacedAdoption {
		p := &d.PlacedAdoption[i]
		m[p.Child] = append(m[p.Child], p)
	}
	for _, ps := range m {
		sort.SliceStable(ps, func(i, j int) bool { return before(ps[i].DatePlaced.Date, ps[j].DatePlaced.Date) })
	}
	return m
}

// latestDecision returns the child's decision with the latest date placed.
func latestDecision(ps []*PlacedAdoption) *PlacedAdoption {
	if len(ps) == 0 {
		return nil
	}
	return ps[len(ps)-1]
}

func ad1ByChild(d *Dataset) map[string]*AD1 {
	return rowsByChild(d.AD1, func(a *AD1) string { return a.Child })
}

var ad1Fields = []string{"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR"}

// decisionBefore fails a child's decisions to place for adoption when the
// earliest is after the start of the first episode match picks: the
// decision must come first.
func decisionBefore(match func(*Episode) bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range placedByChild(d) {
			e, ok := d.firstEpisode(child, match)
			if !ok || !ps[0].DatePlaced.Valid() {
				continue
			}
			if ps[0].DatePlaced.Date.After(e.DECOM.Date) {
				f.add(TPlacedAdoption, ps[0].Row, child, fields...)
			}
		}
		return f.result()
	}
}

// ad1Against fails AD1 rows bad says disagree with the child's episodes.
func ad1Against(bad func(d *Dataset, a *AD1) bool, fields ...string) returns.Check[*Dataset] {
	return ad1Check(bad, fields...)
}

func init() {
	register("117", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for i := range d.PlacedAdoption {
			p := &d.PlacedAdoption[i]
			ceased, left := d.ceasedCare(p.Child)
			for _, dt := range []Date{p.DatePlaced, p.DatePlacedCeased} {
				if dt.Valid() && (dt.Date.After(d.Year.End) || left && dt.Date.After(ceased)) {
					f.add(TPlacedAdoption, p.Row, p.Child, "DATE_PLACED", "DATE_PLACED_CEASED")
					break
				}
			}
		}
		return f.result()
	})
	register("118", placedCheck(func(d *Dataset, p *PlacedAdoption) bool {
		if !p.DatePlacedCeased.Valid() {
			return false
		}
		if p.DatePlacedCeased.Date.Before(d.Year.Start) {
			return true
		}
		e, ok := d.firstEpisode(p.Child, func(*Episode) bool { return true })
		return ok && p.DatePlacedCeased.Date.Before(e.DECOM.Date)
	}, "DATE_PLACED_CEASED"))
	register("1003", placedCheck(func(d *Dataset, p *PlacedAdoption) bool {
		start, ok := d.periodStart(p.Child)
		return ok && p.DatePlaced.Valid() && p.DatePlaced.Date.Before(start)
	}, "DATE_PLACED"))

	register("551", func(d *Dataset) ([]returns.Failure, error) {
		placed := placedByChild(d)
		var f failures
		for i := range d.Episodes {
			e := &d.Episodes[i]
			if !adoptionPlaces.has(e.Place) {
				continue
			}
			has := false
			for _, p := range placed[e.Child] {
				has = has || !p.DatePlaced.Blank()
			}
			if !has {
				f.add(TEpisodes, e.Row, e.Child, "PLACE")
			}
		}
		return f.result()
	})
	register("552", decisionBefore(func(e *Episode) bool { return adoptionPlaces.has(e.Place) }, "DATE_PLACED"))
	register("553", func(d *Dataset) ([]returns.Failure, error) {
		placed := placedByChild(d)
		var f failures
		for i := range d.Episodes {
			if e := &d.Episodes[i]; e.LS == "E1" && len(placed[e.Child]) == 0 {
				f.add(TEpisodes, e.Row, e.Child, "CHILD", "LS")
			}
		}
		return f.result()
	})
	register("554", decisionBefore(func(e *Episode) bool { return e.LS == "E1" }, "DATE_PLACED"))
	register("557", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range placedByChild(d) {
			last := d.lastEpisode(child)
			if last == nil || !last.DEC.Valid() || last.REC == "X1" || adoptedRECs.has(last.REC) {
				continue
			}
			if p := latestDecision(ps); p.DatePlacedCeased.Blank() || p.ReasonPlacedCeased == "" {
				f.add(TPlacedAdoption, p.Row, child, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
			}
		}
		return f.result()
	})
	register("558", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range placedByChild(d) {
			if d.adoptedThisYear(child) == nil {
				continue
			}
			if p := latestDecision(ps); !p.DatePlacedCeased.Blank() {
				f.add(TPlacedAdoption, p.Row, child, "DATE_PLACED_CEASED")
			}
		}
		return f.result()
	})
	// 579: a new decision may not begin while an earlier one is open or
	// before it ceased; 583 is the open case, asking for the revocation.
	register("579", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range placedByChild(d) {
			for i := 1; i < len(ps); i++ {
				prev, p := ps[i-1], ps[i]
				if !p.DatePlaced.Valid() {
					continue
				}
				if prev.DatePlacedCeased.Blank() || prev.DatePlacedCeased.Valid() && p.DatePlaced.Date.Before(prev.DatePlacedCeased.Date) {
					f.add(TPlacedAdoption, p.Row, child, "DATE_PLACED", "DATE_PLACED_CEASED")
				}
			}
		}
		return f.result()
	})
	register("583", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range placedByChild(d) {
			for _, p := range ps[:len(ps)-1] {
				if p.DatePlacedCeased.Blank() {
					f.add(TPlacedAdoption, p.Row, child, "DATE_PLACED", "DATE_PLACED_CEASED")
				}
			}
		}
		return f.result()
	})
	register("523", func(d *Dataset) ([]returns.Failure, error) {
		placed := placedByChild(d)
		var f failures
		for i := range d.AD1 {
			a := &d.AD1[i]
			ps := placed[a.Child]
			if !a.DateInt.Valid() || len(ps) == 0 {
				continue
			}
			same := false
			for _, p := range ps {
				same = same || !p.DatePlaced.Valid() || p.DatePlaced.Date == a.DateInt.Date
			}
			if !same {
				f.add(TAD1, a.Row, a.Child, "DATE_INT")
			}
		}
		return f.result()
	})
	register("525", func(d *Dataset) ([]returns.Failure, error) {
		placed := placedByChild(d)
		var f failures
		for i := range d.AD1 {
			a := &d.AD1[i]
			if p := latestDecision(placed[a.Child]); p != nil && a.completed() && !p.DatePlacedCeased.Blank() {
				f.add(TAD1, a.Row, a.Child, ad1Fields...)
			}
		}
		return f.result()
	})

	register("331", ad1Against(func(d *Dataset, a *AD1) bool {
		if !a.DateMatch.Valid() || d.adoptedThisYear(a.Child) == nil {
			return false
		}
		e, ok := d.firstEpisode(a.Child, func(e *Episode) bool { return adoptionPlaces.has(e.Place) })
		return ok && a.DateMatch.Date.After(e.DECOM.Date)
	}, "DATE_MATCH"))
	register("334", ad1Against(func(d *Dataset, a *AD1) bool {
		start, ok := d.periodStart(a.Child)
		return ok && a.DateInt.Valid() && a.DateInt.Date.Before(start)
	}, "DATE_INT"))
	register("335", ad1Against(func(d *Dataset, a *AD1) bool {
		var place string
		for _, e := range d.EpisodesOf(a.Child) {
			if adoptionPlaces.has(e.Place) {
				place = e.Place
			}
		}
		return a.FosterCare == "0" && withFosterCarer.has(place) || a.FosterCare == "1" && notWithFosterCarer.has(place)
	}, "FOSTER_CARE"))
	register("336", consecutive(func(prev, e *Episode) bool {
		return withFosterCarer.has(e.Place) && !fosterPlaces.has(prev.Place) && !adoptionPlaces.has(prev.Place)
	}, "PLACE"))
	register("390", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return adoptedRECs.has(e.REC) && !adoptionPlaces.has(e.Place)
	}, "PLACE", "REC"))
	register("521", ad1Against(func(d *Dataset, a *AD1) bool {
		e, ok := d.firstEpisode(a.Child, func(e *Episode) bool { return adoptionPlaces.has(e.Place) })
		return ok && a.DateInt.Valid() && a.DateInt.Date.After(e.DECOM.Date)
	}, "DATE_INT"))
	register("582", ad1Against(func(d *Dataset, a *AD1) bool {
		e := d.adoptedThisYear(a.Child)
		return e != nil && a.DateMatch.Valid() && a.DateMatch.Date == e.DEC.Date
	}, "DATE_MATCH"))
	register("601", func(d *Dataset) ([]returns.Failure, error) {
		ad1 := ad1ByChild(d)
		var f failures
		for _, eps := range d.epLists {
			child := eps[0].Child
			e := d.adoptedThisYear(child)
			if e == nil {
				continue
			}
			a := ad1[child]
			if a == nil {
				f.add(TEpisodes, e.Row, child, "REC")
			} else if a.DateInt.Blank() || a.DateMatch.Blank() || a.FosterCare == "" || a.NBAdoptr == "" || a.SexAdoptr == "" || a.LSAdoptr == "" {
				f.add(TAD1, a.Row, child, ad1Fields...)
			}
		}
		return f.result()
	})
	register("602", ad1Against(func(d *Dataset, a *AD1) bool {
		return a.completed() && d.adoptedThisYear(a.Child) == nil
	}, "CHILD"))

	// 559–561, 584: this year's decisions against last year's.
	register("559", needsLast(lastDecisions(func(start csc.Date, now *PlacedAdoption, last []PlacedAdoption) bool {
		if !now.DatePlaced.Valid() || !now.DatePlaced.Date.Before(start) {
			return false
		}
		for _, l := range last {
			if l.DatePlaced.Valid() && l.DatePlaced.Date == now.DatePlaced.Date {
				return false
			}
		}
		return true
	}, "DATE_PLACED")))
	register("560", needsLast(lastDecisions(func(start csc.Date, now *PlacedAdoption, last []PlacedAdoption) bool {
		l := latestLast(last)
		return l != nil && l.DatePlacedCeased.Blank() && l.DatePlaced.Valid() && now.DatePlaced.Valid() &&
			now.DatePlaced.Date != l.DatePlaced.Date && now.DatePlaced.Date.Before(start)
	}, "DATE_PLACED", "DATE_PLACED_CEASED")))
	register("561", needsLast(lastDecisions(func(start csc.Date, now *PlacedAdoption, last []PlacedAdoption) bool {
		for _, l := range last {
			if l.DatePlaced.Valid() && now.DatePlaced.Valid() && l.DatePlaced.Date == now.DatePlaced.Date &&
				!l.DatePlacedCeased.Blank() && now.DatePlacedCeased.Blank() {
				return true
			}
		}
		return false
	}, "DATE_PLACED")))
	register("584", needsLast(lastDecisions(func(start csc.Date, now *PlacedAdoption, last []PlacedAdoption) bool {
		l := latestLast(last)
		return l != nil && !l.DatePlacedCeased.Blank() && l.DatePlaced.Valid() && now.DatePlaced.Valid() &&
			now.DatePlaced.Date.Before(start) && now.DatePlaced.Date != l.DatePlaced.Date
	}, "DATE_PLACED")))
}

func latestLast(last []PlacedAdoption) *PlacedAdoption {
	var out *PlacedAdoption
	for i := range last {
		if out == nil || before(out.DatePlaced.Date, last[i].DatePlaced.Date) {
			out = &last[i]
		}
	}
	return out
}

// lastDecisions fails this year's decisions bad says disagree with the
// child's decisions in last year's return.
func lastDecisions(bad func(start csc.Date, now *PlacedAdoption, last []PlacedAdoption) bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		last := map[string][]PlacedAdoption{}
		for _, p := range d.Last.PlacedAdoption {
			last[p.Child] = append(last[p.Child], p)
		}
		var f failures
		for i := range d.PlacedAdoption {
			p := &d.PlacedAdoption[i]
			if _, seen := d.lastHead[p.Child]; !seen && len(last[p.Child]) == 0 {
				continue
			}
			if bad(d.Year.Start, p, last[p.Child]) {
				f.add(TPlacedAdoption, p.Row, p.Child, fields...)
			}
		}
		return f.result()
	}
}
