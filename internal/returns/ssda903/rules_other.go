package ssda903

import (
	"cairn/internal/csc"
	"cairn/internal/returns"
)

// Rules on UPNs, motherhood, respite, reviews, missing periods, previous
// permanence, social worker episodes and DoLOs that need more than one row
// or table.

var (
	// Placements a child with a DoLO may not be in: secure children's homes,
	// with parents, young offender institutions and supported accommodation.
	doloBarred = codes("K1", "P1", "R5", "K3")
	// Placements a DoLO is expected in (rule 709): children's homes (K2)
	// and the other placements Z12 and Z13.
	doloExpected = codes("K2", "Z12", "Z13")
	// 1 April 2016, from which previous permanence is recorded.
	prevPermFrom = csc.NewDate(2016, 4, 1)
)

// schoolAge reports whether a child of that date of birth is of compulsory
// school age in the school year beginning in the collection year: aged 4 to
// 15 on 31 August (reception to year 11).
func (d *Dataset) schoolAge(dob csc.Date) bool {
	a := dob.AgeOn(csc.NewDate(d.Year.Start.Year, 8, 31))
	return a >= 4 && a <= 15
}

// allRespite reports whether every one of the child's episodes this year is
// respite (V3, V4).
func (d *Dataset) allRespite(child string) bool {
	eps := d.EpisodesOf(child)
	for _, e := range eps {
		if !respite.has(e.LS) {
			return false
		}
	}
	return len(eps) > 0
}

// episodeOn returns the child's episode covering a date, or nil.
func (d *Dataset) episodeOn(child string, on csc.Date) *Episode {
	for _, e := range d.EpisodesOf(child) {
		if e.DECOM.Valid() && !e.DECOM.Date.After(on) && (e.DEC.Blank() || e.DEC.Valid() && e.DEC.Date.After(on)) {
			return e
		}
	}
	return nil
}

// reviewAge is the child's age at a review.
func (d *Dataset) reviewAge(r *Review) (int, bool) {
	if !r.Review.Valid() {
		return 0, false
	}
	return d.rowAge(r.Child, r.DOB, r.Review.Date)
}

func init() {
	register("209", headerCheck(func(d *Dataset, h *Header) bool {
		return h.UPN == "UN1" && h.DOB.Valid() && d.schoolAge(h.DOB.Date)
	}, "DOB", "UPN"))
	register("210", headerCheck(func(d *Dataset, h *Header) bool {
		return h.UPN == "UN4" && d.inCareOn(h.Child, d.Year.End) && d.inCareOn(h.Child, d.Year.End.AddDays(-7))
	}, "UPN"))
	register("234", episodeCheck(func(d *Dataset, e *Episode) bool {
		if e.ReasonPlaceChange != "CUSTOD" || !e.DEC.Valid() {
			return false
		}
		a, ok := d.ageAt(e.Child, e.DEC.Date)
		return ok && a < 10
	}, "REASON_PLACE_CHANGE"))
	register("304", uascCheck(func(d *Dataset, u *UASC) bool {
		b, ok := d.birthday(u.Child, u.DOB, 18)
		return ok && u.DUC.Valid() && u.DUC.Date.After(b)
	}, "DUC"))
	register("303", needsFlag(func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for i := range d.UASC {
			u := &d.UASC[i]
			if h := d.HeaderOf(u.Child); h != nil && !u.DUC.Blank() && h.UASC != "1" {
				f.add(TUASC, u.Row, u.Child, "DUC")
			}
		}
		return f.result()
	}))
	register("398", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return respite.has(e.LS) && (e.HomePost != "" || e.PLPost != "")
	}, "HOME_POST", "LS", "PL_POST"))
	register("399", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for i := range d.Header {
			if h := &d.Header[i]; h.Mother != "" && d.allRespite(h.Child) {
				f.add(THeader, h.Row, h.Child, "MOTHER")
			}
		}
		for i := range d.Reviews {
			if r := &d.Reviews[i]; (!r.Review.Blank() || r.ReviewCode != "") && d.allRespite(r.Child) {
				f.add(TReviews, r.Row, r.Child, "REVIEW", "REVIEW_CODE")
			}
		}
		return f.result()
	})
	register("440", reviewCheck(func(d *Dataset, r *Review) bool {
		a, ok := d.reviewAge(r)
		return ok && r.ReviewCode == "PN0" && a >= 4
	}, "DOB", "REVIEW", "REVIEW_CODE"))
	register("441", reviewCheck(func(d *Dataset, r *Review) bool {
		a, ok := d.reviewAge(r)
		return ok && reviewCodes.has(r.ReviewCode) && r.ReviewCode != "PN0" && a < 4
	}, "DOB", "REVIEW", "REVIEW_CODE"))
	register("526", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.Place != "" && e.Place != "T4" && !noProviderPlaces.has(e.Place) && e.PlaceProvider == ""
	}, "PLACE", "PLACE_PROVIDER"))
	register("575", missingCheck(func(d *Dataset, m *Missing) bool {
		if !m.MisStart.Valid() || !m.MisEnd.Blank() {
			return false
		}
		e := d.episodeOn(m.Child, m.MisStart.Date)
		return e != nil && e.DEC.Valid()
	}, "MIS_END"))
	register("580", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		missing := map[string][]*Missing{}
		for i := range d.Missing {
			missing[d.Missing[i].Child] = append(missing[d.Missing[i].Child], &d.Missing[i])
		}
		for child, ms := range missing {
			ceased, left := d.ceasedCare(child)
			if !left {
				continue
			}
			last := d.lastEpisode(child)
			for _, m := range ms {
				away := m.MisStart.Valid() && !m.MisStart.Date.After(ceased) && (m.MisEnd.Blank() || m.MisEnd.Valid() && m.MisEnd.Date.After(ceased))
				if away && last.REC != "E8" {
					f.add(TEpisodes, last.Row, child, "REC")
					break
				}
			}
		}
		return f.result()
	})
	register("607", headerCheck(func(d *Dataset, h *Header) bool {
		if h.Sex != "F" || h.Mother != "" {
			return false
		}
		_, left := d.ceasedCare(h.Child)
		e := d.lastEpisode(h.Child)
		return left && !respite.has(e.LS) && e.DEC.Valid() && !e.DEC.Date.Before(d.Year.Start)
	}, "MOTHER"))
	register("625", headerCheck(func(d *Dataset, h *Header) bool {
		if !h.MCDOB.Valid() {
			return false
		}
		ceased, left := d.ceasedCare(h.Child)
		return h.MCDOB.Date.After(d.Year.End) || left && h.MCDOB.Date.After(ceased)
	}, "MC_DOB"))
	register("626", needsLast(headerCheck(func(d *Dataset, h *Header) bool {
		l := d.LastHeaderOf(h.Child)
		return l != nil && l.Mother == "0" && h.Mother == "1" && h.MCDOB.Valid() && h.MCDOB.Date.Before(d.Year.Start)
	}, "MC_DOB", "MOTHER")))
	register("628", func(d *Dataset) ([]returns.Failure, error) {
		oc3 := oc3ByChild(d)
		var f failures
		for i := range d.Header {
			if h := &d.Header[i]; h.Mother != "" && oc3[h.Child] != nil && len(d.EpisodesOf(h.Child)) == 0 {
				f.add(THeader, h.Row, h.Child, "MOTHER")
			}
		}
		return f.result()
	})
	register("632", prevPermCheck(func(d *Dataset, p *PrevPerm) bool {
		start, ok := d.periodStart(p.Child)
		return ok && p.DatePerm.Valid() && p.DatePerm.Date.After(start)
	}, "DATE_PERM"))
	register("634", prevPermCheck(func(d *Dataset, p *PrevPerm) bool {
		if p.PrevPerm == "" && p.LAPerm == "" && p.DatePerm.Blank() {
			return false
		}
		eps := d.EpisodesOf(p.Child)
		for _, e := range eps {
			if e.DECOM.Valid() && !e.DECOM.Date.Before(prevPermFrom) {
				return false
			}
		}
		return len(eps) > 0
	}, "DATE_PERM", "LA_PERM", "PREV_PERM"))
	register("199", func(d *Dataset) ([]returns.Failure, error) {
		return byChild(d, func(eps []*Episode, fs *failures) {
			var adopted csc.Date
			for _, e := range d.LastEpisodesOf(eps[0].Child) {
				if adoptedRECs.has(e.REC) && e.DEC.Valid() {
					adopted = e.DEC.Date
				}
			}
			for _, e := range eps {
				if !adopted.IsZero() && !e.DECOM.Date.Before(adopted) {
					fs.add(TEpisodes, e.Row, e.Child, "CHILD")
					return
				}
				if adoptedRECs.has(e.REC) && e.DEC.Valid() {
					adopted = e.DEC.Date
				}
			}
		})
	})

	// 165: MOTHER, where given, must be 0 or 1, and only for a child who is
	// not male. Where not given, the DfE wording allows it only for a male
	// child, or one with no episode this year who has care leaver
	// information. Interpretation: episodes under V3/V4 (short breaks) do
	// not count as episodes here, since rule 399 forbids MOTHER for a
	// child only in short breaks; a child of unknown sex (U) is not
	// required to have it, as with rule 393.
	register("165", func(d *Dataset) ([]returns.Failure, error) {
		oc3 := oc3ByChild(d)
		var f failures
		for i := range d.Header {
			h := &d.Header[i]
			bad := false
			switch {
			case h.Mother != "":
				bad = !zeroOne.has(h.Mother) || h.Sex == "M"
			case h.Sex == "F":
				eps := d.EpisodesOf(h.Child)
				leaver := oc3[h.Child] != nil && oc3[h.Child].completed()
				bad = len(eps) > 0 && !d.allRespite(h.Child) || len(eps) == 0 && !leaver
			}
			if bad {
				f.add(THeader, h.Row, h.Child, "MOTHER", "SEX")
			}
		}
		return f.result()
	})

	// 630: a child who started to be looked after this year (an episode
	// with RNE S starting in the year) must have previous permanence
	// recorded: a PrevPerm row with PREV_PERM, and, unless PREV_PERM is Z1
	// (none), the authority (LA_PERM) and date (DATE_PERM) of the order.
	// Each such episode fails while the child's row is missing or short.
	register("630", func(d *Dataset) ([]returns.Failure, error) {
		perm := rowsByChild(d.PrevPerm, func(p *PrevPerm) string { return p.Child })
		return byChild(d, func(eps []*Episode, fs *failures) {
			p := perm[eps[0].Child]
			complete := p != nil && p.PrevPerm != "" && (p.PrevPerm == "Z1" || p.LAPerm != "" && !p.DatePerm.Blank())
			if complete {
				return
			}
			for _, e := range eps {
				if e.RNE == "S" && !e.DECOM.Date.Before(d.Year.Start) && !e.DECOM.Date.After(d.Year.End) {
					fs.add(TEpisodes, e.Row, e.Child, "RNE")
				}
			}
		})
	})

	register("1002", needsLast(careLeaver(func(d *Dataset, o *OC3) bool {
		return len(d.EpisodesOf(o.Child)) == 0 && len(d.LastEpisodesOf(o.Child)) == 0
	})))

	sp := swPeriods
	register("SW01bSTG1", swCheck(func(_ *Dataset, s *SWEpisode) bool {
		return s.SWID == "" || s.SWDecom.Blank() || !s.SWDec.Blank() && s.SWReason == ""
	}, "SW_DECOM", "SW_ID", "SW_REASON"))
	register("SW06STG2", periodCheck(TSWEpisodes, sp, startsAfterYear, "SW_DECOM"))
	register("SW07STG2", periodCheck(TSWEpisodes, sp, endsOutsideYear, "SW_DEC"))
	register("SW11bSTG2", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range periodsByChild(sp(d)) {
			last := ps[len(ps)-1]
			if last.end.Valid() && last.end.Date.Before(d.Year.End) && d.inCareOn(child, d.Year.End) {
				f.add(TSWEpisodes, last.row, child, "SW_DEC")
			}
		}
		return f.result()
	})
	register("SW12STG2", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range periodsByChild(sp(d)) {
			from := d.Year.Start
			if h := d.HeaderOf(child); h != nil && h.DOB.Valid() && h.DOB.Date.After(from) {
				from = h.DOB.Date
			}
			if d.inCareOn(child, d.Year.End) && ps[0].start.Date.After(from) {
				f.add(TSWEpisodes, ps[0].row, child, "SW_DECOM")
			}
		}
		return f.result()
	})
	register("SW17STG2", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for child, ps := range periodsByChild(sp(d)) {
			open := false
			for _, p := range ps {
				open = open || !p.start.Date.After(d.Year.End) && (p.end.Blank() || p.end.Valid() && p.end.Date.After(d.Year.End))
			}
			if !open && d.inCareOn(child, d.Year.End) {
				last := ps[len(ps)-1]
				f.add(TSWEpisodes, last.row, child, "SW_DEC", "SW_DECOM")
			}
		}
		return f.result()
	})
	// 709: a DoLO is expected for a child in a children's home or in the
	// other placements Z12 and Z13. Every episode that overlaps the DoLO
	// (an open DoLO runs to the end of the year) must be in one of them;
	// a DoLO with no valid start is rule 700's.
	register("709", doloCheck(func(d *Dataset, l *DoLo) bool {
		if !l.DoloStart.Valid() {
			return false
		}
		end := d.Year.End
		if l.DoloEnd.Valid() {
			end = l.DoloEnd.Date
		}
		for _, e := range d.EpisodesOf(l.Child) {
			// An episode that ends on the day the DoLO starts was left
			// that day, before the order.
			during := e.DECOM.Valid() && !e.DECOM.Date.After(end) && (e.DEC.Blank() || e.DEC.Valid() && e.DEC.Date.After(l.DoloStart.Date))
			if during && !doloExpected.has(e.Place) {
				return true
			}
		}
		return false
	}, "DOLO_START"))
	register("710", doloCheck(func(d *Dataset, l *DoLo) bool {
		if !l.DoloStart.Valid() {
			return false
		}
		e := d.episodeOn(l.Child, l.DoloStart.Date)
		return e != nil && doloBarred.has(e.Place)
	}, "DOLO_START"))
}

// flagNeeded is what a rule on the UASC status flag needs when the tables
// do not carry it.
const flagNeeded = "the UASC status flag, which the XML form carries (CSV tables only with a UASC column in the Header table)"

// needsFlag makes a check on the UASC status flag report itself not run on
// tables without it: the CSV form of the specification leaves it out.
func needsFlag(c returns.Check[*Dataset]) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		if !d.hasFlag() {
			return nil, returns.NeedsData(flagNeeded)
		}
		return c(d)
	}
}
