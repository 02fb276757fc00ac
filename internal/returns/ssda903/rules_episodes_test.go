package ssda903

// twoEpisodes ends the base episode on 1 September 2025 with X1 and adds a
// change of placement the same day, in row 3.
func twoEpisodes(t, _ *Tables) {
	e := &t.Episodes[0]
	e.DEC, e.REC, e.ReasonPlaceChange = ParseDate("01/09/2025"), "X1", "CARPL"
	t.Episodes = append(t.Episodes, Episode{Row: 3, Child: "C1", DECOM: ParseDate("01/09/2025"), RNE: "P", LS: "C2", CIN: "N1",
		Place: "U2", PlaceProvider: "PR1", HomePost: "AB1 2CD", PLPost: "AB1 4CD", URN: "SC654321"})
}

func ep2(f func(*Episode)) func(t, l *Tables) { return func(t, _ *Tables) { f(&t.Episodes[1]) } }

// addChild adds a second child to Header, in row 3.
func addChild(child string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		t.Header = append(t.Header, Header{Row: 3, Child: child, Sex: "F", DOB: ParseDate("01/01/2010"), Ethnic: "WBRI", UPN: "UN1"})
	}
}

var _ = addCases(
	ruleCase{code: "142", pass: twoEpisodes, fail: ep(func(e *Episode) { e.DEC, e.REC = Date{}, "" }), row: 2},
	ruleCase{code: "301", fail: hdr(func(h *Header) { h.DOB = ParseDate("01/04/2026") })},
	ruleCase{code: "302", fail: hdr(func(h *Header) { h.DOB = ParseDate("02/05/2025") }), table: TEpisodes},
	ruleCase{code: "351", pass: hdr(func(h *Header) { h.DOB = ParseDate("01/04/2000") }),
		fail: hdr(func(h *Header) { h.DOB = ParseDate("31/03/2000") })},
	ruleCase{code: "352", pass: hdr(func(h *Header) { h.DOB = ParseDate("02/05/2007") }),
		fail: hdr(func(h *Header) { h.DOB = ParseDate("01/05/2007") })},
	ruleCase{code: "353", fail: ep(func(e *Episode) { e.DECOM = ParseDate("13/10/1991") })},
	ruleCase{code: "354", fail: ep(func(e *Episode) { e.DECOM = ParseDate("01/04/2026") })},
	ruleCase{code: "385", pass: ep(func(e *Episode) { e.DEC, e.REC = ParseDate("31/03/2026"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("01/04/2026") })},
	ruleCase{code: "355", pass: ep(func(e *Episode) { e.DEC, e.REC = ParseDate("02/05/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("01/05/2025") })},
	ruleCase{code: "356", pass: ep(func(e *Episode) { e.DEC, e.REC = ParseDate("02/05/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("30/04/2025") })},
	ruleCase{code: "357", pass: twoEpisodes, fail: ep(func(e *Episode) { e.RNE = "P" }), row: 2},
	ruleCase{code: "361", pass: ep(func(e *Episode) { e.LS, e.DEC, e.REC = "L1", ParseDate("04/05/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("05/05/2025") })},
	ruleCase{code: "362", pass: ep(func(e *Episode) { e.LS, e.DEC, e.REC = "L2", ParseDate("22/05/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("23/05/2025") })},
	ruleCase{code: "363", pass: ep(func(e *Episode) { e.LS, e.DEC, e.REC = "L3", ParseDate("08/05/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC, e.REC = Date{}, "" })},
	ruleCase{code: "365", pass: ep(func(e *Episode) { e.LS, e.DEC, e.REC = "V3", ParseDate("18/05/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("19/05/2025") })},
	ruleCase{code: "501", pass: twoEpisodes, fail: ep2(func(e *Episode) { e.DECOM = ParseDate("31/08/2025") }), row: 3},
	ruleCase{code: "431", pass: twoEpisodes, fail: ep2(func(e *Episode) { e.RNE = "S" }), row: 3},
	ruleCase{code: "432", pass: twoEpisodes, fail: ep(func(e *Episode) { e.REC = "E11" }), row: 3},
	ruleCase{code: "433", pass: twoEpisodes, fail: ep2(func(e *Episode) { e.DECOM = ParseDate("02/09/2025") }), row: 3},
	ruleCase{code: "437", pass: twoEpisodes, fail: ep(func(e *Episode) { e.REC = "E2" }), row: 2},
	ruleCase{code: "388", pass: twoEpisodes, fail: ep2(func(e *Episode) { e.DEC, e.REC = ParseDate("01/10/2025"), "X1" }), row: 3},

	ruleCase{code: "INT01", pass: withAD1(func(*AD1) {}), fail: withAD1(func(a *AD1) { a.Child = "C9" }), table: TAD1},
	ruleCase{code: "INT02", pass: withPlaced(func(*PlacedAdoption) {}), fail: withPlaced(func(a *PlacedAdoption) { a.Child = "C9" })},
	ruleCase{code: "INT03", fail: ep(func(e *Episode) { e.Child = "C9" }), table: TEpisodes},
	ruleCase{code: "INT04", pass: withMissing(func(*Missing) {}), fail: withMissing(func(a *Missing) { a.Child = "C9" })},
	ruleCase{code: "INT05", pass: withOC2(func(*OC2) {}), fail: withOC2(func(a *OC2) { a.Child = "C9" })},
	ruleCase{code: "INT06", pass: withOC3(func(*OC3) {}), fail: withOC3(func(a *OC3) { a.Child = "C9" })},
	ruleCase{code: "INT07", pass: withPrevPerm(func(*PrevPerm) {}), fail: withPrevPerm(func(a *PrevPerm) { a.Child = "C9" })},
	ruleCase{code: "INT08", fail: rev(func(r *Review) { r.Child = "C9" }), table: TReviews},
	ruleCase{code: "INT09", pass: withUASC(func(*UASC) {}), fail: withUASC(func(a *UASC) { a.Child = "C9" })},
	ruleCase{code: "INT11", pass: withAD1(func(a *AD1) { a.DOB = ParseDate("5/6/2012") }), fail: withAD1(func(a *AD1) { a.DOB = ParseDate("06/06/2012") })},
	ruleCase{code: "INT12", pass: withPlaced(func(*PlacedAdoption) {}), fail: withPlaced(func(a *PlacedAdoption) { a.DOB = Date{} })},
	ruleCase{code: "INT13", pass: withMissing(func(*Missing) {}), fail: withMissing(func(a *Missing) { a.DOB = ParseDate("x") })},
	ruleCase{code: "INT14", pass: withOC2(func(*OC2) {}), fail: withOC2(func(a *OC2) { a.DOB = ParseDate("05/06/2011") })},
	ruleCase{code: "INT15", pass: withOC3(func(*OC3) {}), fail: withOC3(func(a *OC3) { a.DOB = ParseDate("05/06/2011") })},
	ruleCase{code: "INT16", pass: withPrevPerm(func(*PrevPerm) {}), fail: withPrevPerm(func(a *PrevPerm) { a.DOB = ParseDate("05/06/2011") })},
	ruleCase{code: "INT17", fail: rev(func(r *Review) { r.DOB = ParseDate("05/06/2011") })},
	ruleCase{code: "INT18", pass: withUASC(func(*UASC) {}), fail: withUASC(func(a *UASC) { a.DOB = ParseDate("05/06/2011") })},
	ruleCase{code: "INT21", pass: withUASC(func(*UASC) {}), fail: withUASC(func(a *UASC) { a.Sex = "F" })},
	ruleCase{code: "INT31", pass: withAD1(func(*AD1) {}), fail: func(t, _ *Tables) { t.AD1 = append(t.AD1, t.AD1[0]) }},
	ruleCase{code: "INT32", pass: addChild("C2"), fail: func(t, _ *Tables) { t.Header[1].Child = "C1" }, row: 2},
	ruleCase{code: "INT33", pass: withOC2(func(*OC2) {}), fail: func(t, _ *Tables) { t.OC2 = append(t.OC2, t.OC2[0]) }},
	ruleCase{code: "INT34", pass: withOC3(func(*OC3) {}), fail: func(t, _ *Tables) { t.OC3 = append(t.OC3, t.OC3[0]) }},
	ruleCase{code: "INT35", pass: withPrevPerm(func(*PrevPerm) {}), fail: func(t, _ *Tables) { t.PrevPerm = append(t.PrevPerm, t.PrevPerm[0]) }},
	ruleCase{code: "INT36", pass: withUASC(func(*UASC) {}), fail: func(t, _ *Tables) { t.UASC = append(t.UASC, t.UASC[0]) }},
	ruleCase{code: "EPI", pass: both(addChild("C2"), func(t, _ *Tables) { t.OC3 = append(t.OC3, OC3{Row: 2, Child: "C2"}) }),
		fail: func(t, _ *Tables) { t.OC3 = nil }, table: THeader, row: 3},
)
