package ssda903

// lastHdr edits last year's Header row for the base child.
func lastHdr(f func(*Header)) func(t, l *Tables) { return func(_, l *Tables) { f(&l.Header[0]) } }

// ceasedOn ends the base episode on a date for a reason.
func ceasedOn(dec, rec string) func(t, l *Tables) {
	return ep(func(e *Episode) { e.DEC, e.REC = ParseDate(dec), rec })
}

var _ = addCases(
	ruleCase{code: "358", pass: ep(func(e *Episode) { e.LS = "J2" }), fail: hdr(func(h *Header) { h.DOB = ParseDate("02/05/2015") })},
	ruleCase{code: "386", pass: ceasedOn("04/06/2030", "E11"), fail: ceasedOn("05/06/2030", "E11")},
	ruleCase{code: "387", pass: ceasedOn("05/06/2026", "E5"), fail: ceasedOn("04/06/2026", "E6")},
	ruleCase{code: "389", pass: ceasedOn("05/06/2028", "E7"), fail: ceasedOn("04/06/2028", "E7")},
	ruleCase{code: "407", pass: ceasedOn("04/06/2030", "E45"), fail: ceasedOn("05/06/2030", "E48")},
	ruleCase{code: "460", pass: ceasedOn("05/06/2030", "E17"), fail: ceasedOn("04/06/2030", "E17")},
	ruleCase{code: "184", pass: withPlaced(func(p *PlacedAdoption) { p.DatePlaced = ParseDate("05/06/2012") }),
		fail: withPlaced(func(p *PlacedAdoption) { p.DatePlaced = ParseDate("04/06/2012") })},
	ruleCase{code: "202", last: true, fail: lastHdr(func(h *Header) { h.Sex = "F" }), table: THeader},
	ruleCase{code: "203", last: true, fail: lastHdr(func(h *Header) { h.DOB = ParseDate("06/06/2012") })},
	ruleCase{code: "204", last: true, fail: lastHdr(func(h *Header) { h.Ethnic = "WOTH" })},
	ruleCase{code: "208", last: true, pass: lastHdr(func(h *Header) { h.UPN = "UN3" }), fail: lastHdr(func(h *Header) { h.UPN = "B123456789012" })},
	ruleCase{code: "624", last: true, pass: both(hdr(func(h *Header) { h.Sex, h.Mother, h.MCDOB = "F", "1", ParseDate("01/01/2025") }),
		lastHdr(func(h *Header) { h.Sex, h.Mother, h.MCDOB = "F", "1", ParseDate("1/1/2025") })),
		fail: lastHdr(func(h *Header) { h.MCDOB = ParseDate("02/01/2025") })},
)
