package ssda903

import (
	"cairn/internal/csc"
)

// seq replaces the base child's episodes with a run of placements, ten days
// each from 1 May 2025, each ending X1 into the next; the last is open. A
// placement's postcode follows its code, so a return to the same type of
// placement is a return to the same place.
func seq(places ...string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		base := t.Episodes[0]
		t.Episodes = t.Episodes[:0]
		from := csc.NewDate(2025, 5, 1)
		for i, p := range places {
			e := base
			e.Row, e.Place, e.PLPost, e.RNE = 2+i, p, "AB1 "+p, "P"
			e.DECOM = ParseDate(ddmmyyyy(from))
			if i == 0 {
				e.RNE = "S"
			}
			if temporaryPlaces.has(p) {
				e.PlaceProvider = ""
			}
			if i < len(places)-1 {
				from = from.AddDays(10)
				e.DEC, e.REC = ParseDate(ddmmyyyy(from)), "X1"
			}
			t.Episodes = append(t.Episodes, e)
		}
	}
}

func epN(n int, f func(*Episode)) func(t, l *Tables) { return func(t, _ *Tables) { f(&t.Episodes[n]) } }

func placedAgedCase(code, place, bornOK, bornBad string) ruleCase {
	return ruleCase{code: code, pass: both(ep(func(e *Episode) { e.Place = place }), born(bornOK)), fail: born(bornBad)}
}

func tempCase(code, place string, days int) ruleCase {
	on := func(n int) func(t, l *Tables) {
		return ep(func(e *Episode) {
			e.Place, e.DEC, e.REC = place, ParseDate(ddmmyyyy(csc.NewDate(2025, 5, 1).AddDays(n))), "X1"
		})
	}
	return ruleCase{code: code, pass: on(days), fail: on(days + 1)}
}

var _ = addCases(
	ruleCase{code: "364", pass: ep(func(e *Episode) { e.LS, e.DEC, e.REC = "J2", ParseDate("22/05/2025"), "E8" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("23/05/2025") })},
	ruleCase{code: "366", pass: ep(func(e *Episode) { e.LS = "V3" }), fail: ep(func(e *Episode) { e.RNE = "P" })},
	ruleCase{code: "367", pass: ep(func(e *Episode) { e.LS, e.DEC, e.REC = "V3", ParseDate("15/07/2025"), "E8" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("16/07/2025") })},
	placedAgedCase("371", "K3", "01/05/2009", "02/05/2009"),
	placedAgedCase("372", "R5", "01/05/2015", "02/05/2015"),
	placedAgedCase("373", "S1", "01/05/2021", "02/05/2021"),
	placedAgedCase("374", "P3", "01/05/2011", "02/05/2011"),
	tempCase("375", "T1", 42),
	tempCase("376", "T3", 21),
	tempCase("379", "T4", 7),
	ruleCase{code: "377", pass: seq("U1", "T3", "U1", "T3", "U1"), fail: seq("U1", "T3", "U1", "T3", "U1", "T3", "U1"), row: 7},
	ruleCase{code: "378", pass: ep(func(e *Episode) { e.Place = "P1" }), fail: ep(func(e *Episode) { e.LS = "V2" })},
	ruleCase{code: "380", pass: seq("U1", "T1", "U1"), fail: epN(0, func(e *Episode) { e.Place = "T0" }), row: 2},
	ruleCase{code: "381", pass: ceasedOn("01/10/2025", "E8"), fail: ep(func(e *Episode) { e.Place = "T2" })},
	ruleCase{code: "382", pass: ep(func(e *Episode) { e.LS, e.Place = "V3", "U3" }), fail: ep(func(e *Episode) { e.Place = "T1" })},
	ruleCase{code: "383", pass: seq("U1", "T3", "U1"), fail: epN(2, func(e *Episode) { e.PLPost = "ZZ9 9ZZ" }), row: 4},
	ruleCase{code: "384", pass: ep(func(e *Episode) { e.LS, e.Place = "V3", "U3" }), fail: ep(func(e *Episode) { e.Place = "U4" })},
	ruleCase{code: "426", pass: ep(func(e *Episode) { e.LS = "V3" }), fail: func(t, _ *Tables) {
		t.Episodes = append(t.Episodes, Episode{Row: 3, Child: "C1", DECOM: ParseDate("01/09/2025"), RNE: "S", LS: "V4", CIN: "N1", Place: "U6"})
	}},
	ruleCase{code: "446", pass: ep(func(e *Episode) { e.LS, e.DECOM = "E1", ParseDate("01/12/2005") }),
		fail: ep(func(e *Episode) { e.DECOM = ParseDate("30/11/2005") })},
	ruleCase{code: "408", pass: ep(func(e *Episode) { e.Place, e.LS = "A5", "E1" }), fail: ep(func(e *Episode) { e.LS = "C2" })},
	ruleCase{code: "217", pass: ep(func(e *Episode) { e.Place = "A3" }), fail: ep(func(e *Episode) { e.RNE = "P" })},
	ruleCase{code: "516", pass: ceasedOn("01/10/2025", "E45"), fail: ep(func(e *Episode) { e.Place = "R1" })},
	ruleCase{code: "504", pass: twoEpisodes, fail: ep2(func(e *Episode) { e.CIN = "N2" }), row: 3},
	ruleCase{code: "225", pass: twoEpisodes, fail: ep(func(e *Episode) { e.ReasonPlaceChange = "" }), row: 2},
	ruleCase{code: "434", pass: both(twoEpisodes, ep2(func(e *Episode) {
		e.RNE, e.LS, e.Place, e.PLPost, e.URN = "L", "C1", "U1", "AB1 3CD", "SC123456"
	})), fail: ep2(func(e *Episode) { e.LS = "C2" }), row: 3},
	ruleCase{code: "435", pass: twoEpisodes, fail: ep2(func(e *Episode) { e.LS = "C1" }), row: 3},
	ruleCase{code: "436", pass: both(twoEpisodes, ep2(func(e *Episode) { e.RNE, e.LS = "T", "C1" })), fail: ep2(func(e *Episode) { e.LS = "C2" }), row: 3},
	ruleCase{code: "393", pass: hdr(func(h *Header) { h.Sex, h.Mother = "F", "0" }), fail: hdr(func(h *Header) { h.Mother = "" })},
)

var _ = addCases(
	// 18 on 1 April 2026, after the year: under 18 while looked after.
	ruleCase{code: "359", pass: born("01/04/2008"), fail: born("31/03/2008"), table: TEpisodes, row: 2},
	ruleCase{code: "359", pass: both(born("01/01/2008"), ep(func(e *Episode) { e.LS, e.Place = "V2", "K2" })),
		fail: ep(func(e *Episode) { e.LS = "C2" })},
	// Leaving care on the 18th birthday is not being looked after past it.
	ruleCase{code: "359", pass: both(born("01/09/2007"), ceasedOn("01/09/2025", "E8")), fail: ceasedOn("02/09/2025", "E8")},
)
