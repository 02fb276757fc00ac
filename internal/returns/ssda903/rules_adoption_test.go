package ssda903

// placed sets the first decision to place the base child for adoption.
func placed(on, ceased, reason string) func(t, l *Tables) {
	return withPlaced(func(p *PlacedAdoption) {
		p.DatePlaced, p.DatePlacedCeased, p.ReasonPlacedCeased = ParseDate(on), ParseDate(ceased), reason
	})
}

// lastPlaced gives last year's return a decision for the base child.
func lastPlaced(on, ceased string) func(t, l *Tables) {
	return func(_, l *Tables) {
		l.PlacedAdoption = []PlacedAdoption{{Row: 2, Child: "C1", DOB: dob, DatePlaced: ParseDate(on), DatePlacedCeased: ParseDate(ceased)}}
	}
}

// secondPlaced adds a second decision, in row 3.
func secondPlaced(on string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		t.PlacedAdoption = append(t.PlacedAdoption, PlacedAdoption{Row: 3, Child: "C1", DOB: dob, DatePlaced: ParseDate(on)})
	}
}

// adoptedFromFoster places the base child with the foster carer on 11 May
// 2025 (row 3) after ten days in foster care, with the decision on 2 May.
var adoptedFromFoster = both(seq("U1", "A5"), placed("02/05/2025", "", ""))

// adopted ends the placement for adoption in adoption on 1 October 2025.
var adopted = epN(1, func(e *Episode) { e.DEC, e.REC = ParseDate("01/10/2025"), "E11" })

func fullAD1(f func(*AD1)) func(t, l *Tables) {
	return withAD1(func(a *AD1) {
		a.DateInt, a.DateMatch, a.FosterCare, a.NBAdoptr, a.SexAdoptr, a.LSAdoptr =
			ParseDate("02/05/2025"), ParseDate("10/05/2025"), "1", "1", "MF", "L0"
		f(a)
	})
}

var _ = addCases(
	ruleCase{code: "117", pass: placed("01/06/2025", "", ""), fail: placed("01/04/2026", "", ""), table: TPlacedAdoption},
	ruleCase{code: "118", pass: placed("01/06/2025", "01/08/2025", "RD1"), fail: placed("01/06/2025", "30/04/2025", "RD1")},
	ruleCase{code: "1003", pass: placed("01/06/2025", "", ""), fail: placed("01/04/2025", "", "")},
	ruleCase{code: "551", pass: adoptedFromFoster, fail: placed("", "", ""), table: TEpisodes, row: 3},
	ruleCase{code: "552", pass: adoptedFromFoster, fail: placed("12/05/2025", "", ""), table: TPlacedAdoption},
	ruleCase{code: "553", pass: both(ep(func(e *Episode) { e.LS = "E1" }), placed("01/05/2025", "", "")),
		fail: func(t, _ *Tables) { t.PlacedAdoption = nil }, table: TEpisodes},
	ruleCase{code: "554", pass: both(ep(func(e *Episode) { e.LS = "E1" }), placed("01/05/2025", "", "")), fail: placed("02/05/2025", "", "")},
	ruleCase{code: "557", pass: both(ceasedOn("01/10/2025", "E13"), placed("01/06/2025", "01/09/2025", "RD1")),
		fail: placed("01/06/2025", "01/09/2025", "")},
	ruleCase{code: "558", pass: both(adoptedFromFoster, adopted), fail: placed("02/05/2025", "01/09/2025", "RD1")},
	ruleCase{code: "579", pass: both(placed("01/05/2025", "01/06/2025", "RD1"), secondPlaced("01/07/2025")),
		fail: placed("01/05/2025", "01/08/2025", "RD1"), row: 3},
	ruleCase{code: "583", pass: both(placed("01/05/2025", "01/06/2025", "RD1"), secondPlaced("01/07/2025")),
		fail: placed("01/05/2025", "", ""), row: 2},
	ruleCase{code: "523", pass: both(placed("01/06/2025", "", ""), withAD1(func(a *AD1) { a.DateInt = ParseDate("01/06/2025") })),
		fail: withAD1(func(a *AD1) { a.DateInt = ParseDate("02/06/2025") }), table: TAD1},
	ruleCase{code: "525", pass: both(placed("01/06/2025", "", ""), withAD1(func(a *AD1) { a.FosterCare = "1" })),
		fail: placed("01/06/2025", "01/08/2025", "RD1"), table: TAD1},
	ruleCase{code: "331", pass: both(adoptedFromFoster, adopted, fullAD1(func(*AD1) {})),
		fail: withAD1(func(a *AD1) { a.DateMatch = ParseDate("12/05/2025") })},
	ruleCase{code: "334", pass: withAD1(func(a *AD1) { a.DateInt = ParseDate("01/06/2025") }),
		fail: withAD1(func(a *AD1) { a.DateInt = ParseDate("01/04/2025") })},
	ruleCase{code: "335", pass: both(adoptedFromFoster, withAD1(func(a *AD1) { a.FosterCare = "1" })),
		fail: withAD1(func(a *AD1) { a.FosterCare = "0" })},
	ruleCase{code: "336", pass: seq("U1", "A5"), fail: epN(0, func(e *Episode) { e.Place = "K2" }), row: 3},
	ruleCase{code: "390", pass: both(adoptedFromFoster, adopted), fail: epN(1, func(e *Episode) { e.Place = "U1" })},
	ruleCase{code: "521", pass: both(adoptedFromFoster, fullAD1(func(*AD1) {})),
		fail: withAD1(func(a *AD1) { a.DateInt = ParseDate("12/05/2025") })},
	ruleCase{code: "582", pass: both(adoptedFromFoster, adopted, fullAD1(func(*AD1) {})),
		fail: withAD1(func(a *AD1) { a.DateMatch = ParseDate("01/10/2025") })},
	ruleCase{code: "601", pass: both(adoptedFromFoster, adopted, fullAD1(func(*AD1) {})),
		fail: withAD1(func(a *AD1) { a.NBAdoptr = "" }), table: TAD1},
	ruleCase{code: "601", pass: both(adoptedFromFoster, adopted, fullAD1(func(*AD1) {})),
		fail: func(t, _ *Tables) { t.AD1 = nil }, table: TEpisodes, row: 3},
	ruleCase{code: "602", pass: both(adoptedFromFoster, adopted, fullAD1(func(*AD1) {})),
		fail: epN(1, func(e *Episode) { e.REC = "E13" }), table: TAD1},

	ruleCase{code: "559", last: true, pass: both(placed("01/06/2024", "", ""), lastPlaced("01/06/2024", "")),
		fail: lastPlaced("01/07/2024", "")},
	ruleCase{code: "560", last: true, pass: both(placed("01/06/2024", "", ""), lastPlaced("01/06/2024", "")),
		fail: placed("01/07/2024", "", "")},
	ruleCase{code: "561", last: true, pass: both(placed("01/06/2024", "01/01/2025", "RD1"), lastPlaced("01/06/2024", "01/01/2025")),
		fail: placed("01/06/2024", "", "")},
	ruleCase{code: "584", last: true, pass: both(placed("01/06/2024", "01/01/2025", "RD1"), lastPlaced("01/06/2024", "01/01/2025")),
		fail: placed("01/07/2024", "01/01/2025", "RD1")},
)
