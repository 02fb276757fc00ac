package ssda903

import (
	"sort"

	"cairn/internal/csc"
	"cairn/internal/returns"
)

// Rules on the outcome tables: OC2 (children looked after continuously for
// 12 months at 31 March), OC3 (care leavers) and how they sit with AD1 and
// each other.

// lookedAfter12 reports whether the child has been looked after
// continuously for at least 12 months at 31 March: looked after on 1 April
// (an episode began on or before it), with no new period of care beginning
// after it, no period of care ending in the year, and no respite (V3, V4)
// episode in the year. This is the DfE's CONTINUOUSLY_LOOKED_AFTER, with the
// first condition added so that a child whose only episode began in the year
// without a reason S is not counted.
func (d *Dataset) lookedAfter12(child string) bool {
	eps := d.EpisodesOf(child)
	began := false
	for _, e := range eps {
		if !e.DECOM.Valid() {
			continue
		}
		if !e.DECOM.Date.After(d.Year.Start) {
			began = true
		} else if e.RNE == "S" {
			return false
		}
		if e.DEC.Valid() && !e.DEC.Date.Before(d.Year.Start) && e.REC != "X1" {
			return false
		}
		if (e.LS == "V3" || e.LS == "V4") && (e.DEC.Blank() || e.DEC.Valid() && !e.DEC.Date.Before(d.Year.Start)) {
			return false
		}
	}
	return began
}

// rowAge is a child's age on a date, from Header's date of birth or, when
// the child has no Header row, the row's own.
func (d *Dataset) rowAge(child string, dob Date, on csc.Date) (int, bool) {
	if a, ok := d.ageAt(child, on); ok {
		return a, true
	}
	if !dob.Valid() {
		return 0, false
	}
	return dob.Date.AgeOn(on), true
}

func (o *OC2) healthItems() []string {
	return []string{o.Immunisations, o.TeethCheck, o.HealthAssessment, o.SubstanceMisuse}
}

// items are the OC2 data items besides the SDQ.
func (o *OC2) items() []string {
	return []string{o.Convicted, o.HealthCheck, o.Immunisations, o.TeethCheck, o.HealthAssessment,
		o.SubstanceMisuse, o.InterventionReceived, o.InterventionOffered}
}

func anyBlank(vs []string) bool {
	for _, v := range vs {
		if v == "" {
			return true
		}
	}
	return false
}

func anyGiven(vs []string) bool {
	for _, v := range vs {
		if v != "" {
			return true
		}
	}
	return false
}

// completed reports whether any care leaver item is recorded.
func (o *OC3) completed() bool { return o.InTouch != "" || o.Activ != "" || o.Accom != "" }

// completed reports whether any adoption item is recorded.
func (a *AD1) completed() bool {
	return !a.DateInt.Blank() || !a.DateMatch.Blank() || a.FosterCare != "" || a.NBAdoptr != "" || a.SexAdoptr != "" || a.LSAdoptr != ""
}

// oc2Aged fails OC2 rows where the child's age on a date (start or end of
// the year) satisfies age and bad says the row is wrong.
func oc2Aged(atEnd bool, age func(int) bool, bad func(d *Dataset, o *OC2) bool, fields ...string) returns.Check[*Dataset] {
	return oc2Check(func(d *Dataset, o *OC2) bool {
		on := d.Year.Start
		if atEnd {
			on = d.Year.End
		}
		a, ok := d.rowAge(o.Child, o.DOB, on)
		return ok && age(a) && bad(d, o)
	}, fields...)
}

// birthdayInYear reports whether the child's nth birthday falls in the year
// after its first day: a child whose birthday is 1 April is that age for
// the whole year, which is what the rules on age at the start of the year
// (188, 189) judge.
func (d *Dataset) birthdayInYear(child string, dob Date, n int) bool {
	b, ok := d.birthday(child, dob, n)
	return ok && b.After(d.Year.Start) && !b.After(d.Year.End)
}

// birthday returns the child's nth birthday.
func (d *Dataset) birthday(child string, dob Date, n int) (csc.Date, bool) {
	if h := d.HeaderOf(child); h != nil && h.DOB.Valid() {
		return addYears(h.DOB.Date, n), true
	}
	if dob.Valid() {
		return addYears(dob.Date, n), true
	}
	return csc.Date{}, false
}

func cla(d *Dataset, o *OC2) bool    { return d.lookedAfter12(o.Child) }
func notCLA(d *Dataset, o *OC2) bool { return !d.lookedAfter12(o.Child) }

// rowsByChild indexes the first row of each child in a table.
func rowsByChild[R any](rows []R, child func(*R) string) map[string]*R {
	m := make(map[string]*R, len(rows))
	for i := range rows {
		if c := child(&rows[i]); m[c] == nil {
			m[c] = &rows[i]
		}
	}
	return m
}

func oc3ByChild(d *Dataset) map[string]*OC3 {
	return rowsByChild(d.OC3, func(o *OC3) string { return o.Child })
}

// lastEpisode returns the child's latest episode this year, or nil.
func (d *Dataset) lastEpisode(child string) *Episode {
	eps := d.EpisodesOf(child)
	if len(eps) == 0 {
		return nil
	}
	return eps[len(eps)-1]
}

// careLeaver fails OC3 rows with care leaver items recorded for a child bad
// says should not have them.
func careLeaver(bad func(d *Dataset, o *OC3) bool) returns.Check[*Dataset] {
	return oc3Check(func(d *Dataset, o *OC3) bool { return o.completed() && bad(d, o) }, "ACCOM", "ACTIV", "IN_TOUCH")
}

func init() {
	sdq := func(o *OC2) bool { return o.SDQScore != "" || o.SDQReason != "" }
	register("157", oc2Check(func(d *Dataset, o *OC2) bool {
		if o.SDQReason != "SDQ1" || o.SDQScore != "" || !d.lookedAfter12(o.Child) {
			return false
		}
		s, ok1 := d.rowAge(o.Child, o.DOB, d.Year.Start)
		e, ok2 := d.rowAge(o.Child, o.DOB, d.Year.End)
		return ok1 && ok2 && s >= 4 && e <= 16
	}, "DOB", "SDQ_REASON"))
	register("185", oc2Check(func(d *Dataset, o *OC2) bool { return o.SDQScore != "" && notCLA(d, o) }, "SDQ_SCORE"))
	register("198", oc2Check(func(d *Dataset, o *OC2) bool { return o.SDQReason != "" && notCLA(d, o) }, "SDQ_REASON"))
	register("186", oc2Check(func(d *Dataset, o *OC2) bool {
		if o.SDQScore != "" || !d.lookedAfter12(o.Child) {
			return false
		}
		s, ok1 := d.rowAge(o.Child, o.DOB, d.Year.Start)
		e, ok2 := d.rowAge(o.Child, o.DOB, d.Year.End)
		return ok1 && ok2 && s >= 4 && e < 17
	}, "SDQ_SCORE"))
	register("188", oc2Aged(true, func(a int) bool { return a < 4 }, func(_ *Dataset, o *OC2) bool { return sdq(o) }, "SDQ_REASON", "SDQ_SCORE"))
	register("189", oc2Aged(false, func(a int) bool { return a >= 17 }, func(_ *Dataset, o *OC2) bool { return sdq(o) }, "DOB", "SDQ_REASON", "SDQ_SCORE"))
	register("197B", oc2Check(func(d *Dataset, o *OC2) bool {
		return !sdq(o) && d.lookedAfter12(o.Child) && (d.birthdayInYear(o.Child, o.DOB, 4) || d.birthdayInYear(o.Child, o.DOB, 17))
	}, "DOB", "SDQ_REASON"))
	register("190", oc2Check(func(d *Dataset, o *OC2) bool { return anyGiven(o.items()) && notCLA(d, o) },
		"CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE", "TEETH_CHECK"))
	register("191", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		seen := make(map[string]bool, len(d.OC2))
		for i := range d.OC2 {
			o := &d.OC2[i]
			seen[o.Child] = true
			if anyBlank(o.healthItems()) && d.lookedAfter12(o.Child) {
				f.add(TOC2, o.Row, o.Child, "HEALTH_ASSESSMENT", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK")
			}
		}
		for child, eps := range d.episodes {
			if !seen[child] && d.lookedAfter12(child) {
				f.add(TEpisodes, eps[0].Row, child, "CHILD")
			}
		}
		return f.result()
	})
	register("182", oc2Check(func(_ *Dataset, o *OC2) bool { return anyBlank(o.healthItems()) && anyGiven(o.items()) },
		"CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE", "TEETH_CHECK"))
	register("542", oc2Aged(true, func(a int) bool { return a < 10 }, func(_ *Dataset, o *OC2) bool { return o.Convicted != "" }, "CONVICTED"))
	register("543", oc2Aged(true, func(a int) bool { return a >= 10 }, func(d *Dataset, o *OC2) bool { return o.Convicted == "" && cla(d, o) }, "CONVICTED", "DOB"))
	register("544", oc2Check(func(_ *Dataset, o *OC2) bool { return o.Convicted != "" && anyBlank(o.healthItems()) },
		"CONVICTED", "HEALTH_ASSESSMENT", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK"))
	register("545", oc2Aged(true, func(a int) bool { return a < 5 }, func(d *Dataset, o *OC2) bool { return o.HealthCheck == "" && cla(d, o) }, "DOB", "HEALTH_CHECK"))
	register("546", oc2Aged(true, func(a int) bool { return a >= 5 }, func(_ *Dataset, o *OC2) bool { return o.HealthCheck != "" }, "DOB", "HEALTH_CHECK"))
	register("547", oc2Check(func(_ *Dataset, o *OC2) bool { return o.HealthCheck != "" && anyBlank(o.healthItems()) },
		"HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK"))

	// A child is in one cohort at most: looked after for 12 months (OC2),
	// adopted (AD1) or a care leaver (OC3).
	register("134", func(d *Dataset) ([]returns.Failure, error) {
		oc3 := oc3ByChild(d)
		var f failures
		for i := range d.AD1 {
			a := &d.AD1[i]
			if o := oc3[a.Child]; o != nil && o.completed() && a.completed() {
				f.add(TAD1, a.Row, a.Child, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR")
				f.add(TOC3, o.Row, o.Child, "ACCOM", "ACTIV", "IN_TOUCH")
			}
		}
		return f.result()
	})
	register("187", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for i := range d.AD1 {
			if a := &d.AD1[i]; a.completed() && d.lookedAfter12(a.Child) {
				f.add(TAD1, a.Row, a.Child, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR")
			}
		}
		for i := range d.OC3 {
			if o := &d.OC3[i]; o.completed() && d.lookedAfter12(o.Child) {
				f.add(TOC3, o.Row, o.Child, "ACCOM", "ACTIV", "IN_TOUCH")
			}
		}
		return f.result()
	})
	register("215", func(d *Dataset) ([]returns.Failure, error) {
		oc3 := oc3ByChild(d)
		var f failures
		for i := range d.OC2 {
			o2 := &d.OC2[i]
			if o3 := oc3[o2.Child]; o3 != nil && o3.completed() && anyGiven(o2.items()) {
				f.add(TOC2, o2.Row, o2.Child, "CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS",
					"INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE", "TEETH_CHECK")
				f.add(TOC3, o3.Row, o3.Child, "ACCOM", "ACTIV", "IN_TOUCH")
			}
		}
		return f.result()
	})

	// Care leavers.
	register("344", oc3Check(func(_ *Dataset, o *OC3) bool {
		return (o.InTouch == "DIED" || o.InTouch == "RHOM") && (o.Activ != "" || o.Accom != "")
	}, "ACCOM", "ACTIV", "IN_TOUCH"))
	register("345", oc3Check(func(_ *Dataset, o *OC3) bool {
		return o.InTouch == "YES" && (o.Activ == "0" || o.Accom == "0")
	}, "ACCOM", "ACTIV", "IN_TOUCH"))
	register("347", oc3Check(func(d *Dataset, o *OC3) bool {
		if o.Accom != "T1" && o.Accom != "T2" {
			return false
		}
		a, ok := d.rowAge(o.Child, o.DOB, d.Year.End)
		return ok && a < 18
	}, "ACCOM", "DOB"))
	register("348", needsLast(func(d *Dataset) ([]returns.Failure, error) {
		died := map[string]bool{}
		for _, o := range d.Last.OC3 {
			if o.InTouch == "DIED" {
				died[o.Child] = true
			}
		}
		var f failures
		for _, o := range d.OC3 {
			if died[o.Child] && o.InTouch != "" && o.InTouch != "DIED" {
				f.add(TOC3, o.Row, o.Child, "IN_TOUCH")
			}
		}
		return f.result()
	}))
	register("391", careLeaver(func(d *Dataset, o *OC3) bool {
		s, ok1 := d.rowAge(o.Child, o.DOB, d.Year.Start)
		e, ok2 := d.rowAge(o.Child, o.DOB, d.Year.End)
		return ok1 && ok2 && (e < 17 || s > 21)
	}))
	register("1000", careLeaver(func(d *Dataset, o *OC3) bool {
		for _, e := range d.EpisodesOf(o.Child) {
			if e.REC == "E2" {
				return true
			}
		}
		for _, e := range d.LastEpisodesOf(o.Child) {
			if e.REC == "E2" {
				return true
			}
		}
		return false
	}))
	register("1007", careLeaver(func(d *Dataset, o *OC3) bool {
		a, ok := d.rowAge(o.Child, o.DOB, d.Year.End)
		if !ok || a < 17 || a > 18 {
			return false
		}
		bday, _ := d.birthday(o.Child, o.DOB, a)
		return d.inCareOn(o.Child, bday)
	}))
	register("1011", careLeaver(func(d *Dataset, o *OC3) bool {
		e := d.lastEpisode(o.Child)
		return e != nil && e.REC == "E3"
	}))
	register("1016", careLeaver(func(d *Dataset, o *OC3) bool {
		a, ok := d.rowAge(o.Child, o.DOB, d.Year.End)
		if !ok || a < 17 || a > 18 {
			return false
		}
		bday, _ := d.birthday(o.Child, o.DOB, a)
		ceased, left := d.ceasedCare(o.Child)
		return left && ceased.After(bday)
	}))
	register("3001", oc3Check(func(d *Dataset, o *OC3) bool {
		return (o.Accom == "Z1" || o.Accom == "Z2") && d.birthdayInYear(o.Child, o.DOB, 17)
	}, "ACCOM"))
	register("1010", needsLast(careLeaver(func(d *Dataset, o *OC3) bool {
		if len(d.EpisodesOf(o.Child)) > 0 {
			return false
		}
		last := d.LastEpisodesOf(o.Child)
		return len(last) > 0 && last[len(last)-1].DEC.Blank()
	})))
	register("1014", func(d *Dataset) ([]returns.Failure, error) {
		oc3 := oc3ByChild(d)
		var f failures
		for _, u := range d.UASC {
			if o := oc3[u.Child]; o != nil && o.completed() && !u.DUC.Blank() {
				f.add(TUASC, u.Row, u.Child, "DUC")
			}
		}
		return f.result()
	})
	register("1012", check1012)

	// 1001: care leaver information only for a relevant or former relevant
	// child: looked after for at least 13 weeks (91 days) in all since
	// their 14th birthday, some of it after their 16th birthday, and not
	// adopted. Interpretation, as the return can show it: this year's and
	// last year's episodes together (an episode in both counted once, this
	// year's copy kept), short breaks (V3, V4) not counted, an open episode
	// running to the end of this year; a child whose latest episode ended
	// in adoption (E11, E12) fails. A child with no episode in either
	// year is rule 1002's, and one aged 20 or over at the end of the year
	// is not judged, since their care would mostly predate both returns.
	register("1001", needsLast(careLeaver(func(d *Dataset, o *OC3) bool {
		eps := bothYears(d.EpisodesOf(o.Child), d.LastEpisodesOf(o.Child))
		age, ok := d.rowAge(o.Child, o.DOB, d.Year.End)
		if len(eps) == 0 || !ok || age >= 20 {
			return false
		}
		if adoptedRECs.has(eps[len(eps)-1].REC) {
			return true
		}
		b14, _ := d.birthday(o.Child, o.DOB, 14)
		b16, _ := d.birthday(o.Child, o.DOB, 16)
		since14, since16 := 0, 0
		for i, e := range eps {
			if respite.has(e.LS) {
				continue
			}
			end := d.Year.End
			switch {
			case e.DEC.Valid():
				end = e.DEC.Date
			case i+1 < len(eps):
				end = eps[i+1].DECOM.Date
			}
			since14 += daysBetween(maxDate(e.DECOM.Date, b14), end)
			since16 += daysBetween(maxDate(e.DECOM.Date, b16), end)
		}
		return since14 < 91 || since16 < 1
	})))
}

// bothYears merges a child's episodes from this year's and last year's
// returns in order of start, an episode in both (same start) once, as this
// year records it. Episodes with no valid start are left out.
func bothYears(now, last []*Episode) []*Episode {
	out := make([]*Episode, 0, len(now)+len(last))
	seen := make(map[csc.Date]bool, len(now))
	for _, e := range now {
		if e.DECOM.Valid() {
			seen[e.DECOM.Date] = true
			out = append(out, e)
		}
	}
	for _, e := range last {
		if e.DECOM.Valid() && !seen[e.DECOM.Date] {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return before(out[i].DECOM.Date, out[j].DECOM.Date) })
	return out
}

// daysBetween is the number of days from a to b, 0 when b is not after a.
func daysBetween(a, b csc.Date) int {
	if !b.After(a) {
		return 0
	}
	return a.DaysUntil(b)
}

// needsLast makes a check that compares with last year's return report
// itself not run when that return was not given.
func needsLast(c returns.Check[*Dataset]) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		if d.Last == nil {
			return nil, returns.NeedsData("last year's return (--last)")
		}
		return c(d)
	}
}

// inCareOn reports whether one of the child's episodes covers the date.
func (d *Dataset) inCareOn(child string, on csc.Date) bool {
	for _, e := range d.EpisodesOf(child) {
		if e.DECOM.Valid() && !e.DECOM.Date.After(on) && (e.DEC.Blank() || e.DEC.Valid() && e.DEC.Date.After(on)) {
			return true
		}
	}
	return false
}

// check1012: a care leaver with no episodes this year has only Header and
// OC3 rows; anything else about them is out of place.
func check1012(d *Dataset) ([]returns.Failure, error) {
	var f failures
	leaver := map[string]bool{}
	for _, o := range d.OC3 {
		if len(d.EpisodesOf(o.Child)) == 0 {
			leaver[o.Child] = true
		}
	}
	if len(leaver) == 0 {
		return nil, nil
	}
	rows := [][]rowRef{
		refs(TReviews, d.Reviews, func(r *Review) (int, string) { return r.Row, r.Child }),
		refs(TMissing, d.Missing, func(r *Missing) (int, string) { return r.Row, r.Child }),
		refs(TOC2, d.OC2, func(r *OC2) (int, string) { return r.Row, r.Child }),
		refs(TAD1, d.AD1, func(r *AD1) (int, string) { return r.Row, r.Child }),
		refs(TPlacedAdoption, d.PlacedAdoption, func(r *PlacedAdoption) (int, string) { return r.Row, r.Child }),
		refs(TPrevPerm, d.PrevPerm, func(r *PrevPerm) (int, string) { return r.Row, r.Child }),
	}
	for _, rs := range rows {
		for _, r := range rs {
			if leaver[r.child] {
				f.add(r.table, r.row, r.child, "CHILD")
			}
		}
	}
	return f.result()
}

// rowRef is where one row of a table is.
type rowRef struct {
	table string
	row   int
	child string
}

func refs[R any](table string, rows []R, meta func(*R) (int, string)) []rowRef {
	out := make([]rowRef, len(rows))
	for i := range rows {
		row, child := meta(&rows[i])
		out[i] = rowRef{table, row, child}
	}
	return out
}
