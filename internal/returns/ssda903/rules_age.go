package ssda903

import "cairn/internal/returns"

// Rules on the child's age when an episode starts or ends, and rules that
// compare a child's Header with last year's.

// ceasedAged fails episodes ending for one of the reasons while the child's
// age at the end is outside what the reason allows: bad(age).
func ceasedAged(bad func(age int) bool, recs ...string) returns.Check[*Dataset] {
	rs := codes(recs...)
	return episodeCheck(func(d *Dataset, e *Episode) bool {
		if !rs.has(e.REC) || !e.DEC.Valid() {
			return false
		}
		age, ok := d.ageAt(e.Child, e.DEC.Date)
		return ok && bad(age)
	}, "DEC", "REC")
}

// lastYear fails a child whose Header differs from last year's in the way
// differ says. Without last year's return the rule cannot run.
func lastYear(differ func(now, last *Header) bool, fields ...string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		if d.Last == nil {
			return nil, returns.NeedsData("last year's return (--last)")
		}
		var f failures
		for i := range d.Header {
			h := &d.Header[i]
			if l := d.LastHeaderOf(h.Child); l != nil && differ(h, l) {
				f.add(THeader, h.Row, h.Child, fields...)
			}
		}
		return f.result()
	}
}

func init() {
	register("358", episodeCheck(func(d *Dataset, e *Episode) bool {
		if e.LS != "J1" && e.LS != "J2" && e.LS != "J3" || !e.DECOM.Valid() {
			return false
		}
		age, ok := d.ageAt(e.Child, e.DECOM.Date)
		return ok && age < 10
	}, "DECOM", "DOB", "LS"))
	register("386", ceasedAged(func(a int) bool { return a >= 18 }, "E11", "E12"))
	register("387", ceasedAged(func(a int) bool { return a < 14 }, "E5", "E6"))
	register("389", ceasedAged(func(a int) bool { return a < 16 }, "E7"))
	register("407", ceasedAged(func(a int) bool { return a >= 18 }, "E45", "E46", "E47", "E48"))
	register("460", ceasedAged(func(a int) bool { return a < 18 }, "E17"))
	register("184", placedCheck(func(d *Dataset, p *PlacedAdoption) bool {
		h := d.HeaderOf(p.Child)
		return h != nil && h.DOB.Valid() && p.DatePlaced.Valid() && p.DatePlaced.Date.Before(h.DOB.Date)
	}, "DATE_PLACED", "DOB"))

	register("202", lastYear(func(h, l *Header) bool { return h.Sex != l.Sex }, "SEX"))
	register("203", lastYear(func(h, l *Header) bool { return !sameDate(h.DOB, l.DOB) }, "DOB"))
	register("204", lastYear(func(h, l *Header) bool { return h.Ethnic != l.Ethnic }, "ETHNIC"))
	register("208", lastYear(func(h, l *Header) bool {
		known := func(u string) bool { return u != "" && !upnUnknown.has(u) }
		return known(h.UPN) && known(l.UPN) && h.UPN != l.UPN
	}, "UPN"))
	register("624", lastYear(func(h, l *Header) bool {
		return !h.MCDOB.Blank() && !l.MCDOB.Blank() && !sameDate(h.MCDOB, l.MCDOB)
	}, "MC_DOB"))
}
