package ssda903

// secondMissing adds a second missing period for the base child, in row 3.
func secondMissing(start, end string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		t.Missing = append(t.Missing, Missing{Row: 3, Child: "C1", DOB: dob, Missing: "A", MisStart: ParseDate(start), MisEnd: ParseDate(end)})
	}
}

func secondDoLo(start, end string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		t.DoLo = append(t.DoLo, DoLo{Row: 3, Child: "C1", DOB: dob, DoloStart: ParseDate(start), DoloEnd: ParseDate(end)})
	}
}

func secondSW(start, end string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		t.SWEpisodes = append(t.SWEpisodes, SWEpisode{Row: 3, Child: "C1", DOB: dob, SWID: "SW2", SWDecom: ParseDate(start), SWDec: ParseDate(end), SWReason: "MANAGE"})
	}
}

// ceased ends the base child's care on 1 October 2025.
var ceased = ep(func(e *Episode) { e.DEC, e.REC = ParseDate("01/10/2025"), "E11" })

var noMissing = withMissing(func(*Missing) {})

var _ = addCases(
	ruleCase{code: "564", pass: noMissing, fail: withMissing(func(m *Missing) { m.MisStart = Date{} }), table: TMissing},
	ruleCase{code: "565", pass: noMissing, fail: withMissing(func(m *Missing) { m.Missing = "" })},
	ruleCase{code: "566", pass: withMissing(func(m *Missing) { m.MisEnd = Date{} }), fail: withMissing(func(m *Missing) { m.Missing, m.MisEnd = "", ParseDate("03/06/2025") })},
	ruleCase{code: "567", pass: noMissing, fail: withMissing(func(m *Missing) { m.MisEnd = ParseDate("31/05/2025") })},
	ruleCase{code: "570", pass: noMissing, fail: withMissing(func(m *Missing) { m.MisStart, m.MisEnd = ParseDate("01/04/2026"), Date{} })},
	ruleCase{code: "571", pass: noMissing, fail: withMissing(func(m *Missing) { m.MisEnd = ParseDate("01/04/2026") })},
	ruleCase{code: "574", pass: both(noMissing, secondMissing("02/06/2025", "")), fail: withMissing(func(m *Missing) { m.MisEnd = Date{} }), row: 3},
	ruleCase{code: "577", pass: both(noMissing, ceased), fail: withMissing(func(m *Missing) { m.MisEnd = Date{} })},
	ruleCase{code: "578", pass: both(noMissing, ceased), fail: withMissing(func(m *Missing) { m.MisStart, m.MisEnd = ParseDate("02/10/2025"), Date{} })},
	ruleCase{code: "581", pass: noMissing, fail: withMissing(func(m *Missing) { m.MisStart = ParseDate("30/04/2025") })},
	ruleCase{code: "586", pass: noMissing, fail: hdr(func(h *Header) { h.DOB = ParseDate("02/06/2025") })},

	ruleCase{code: "702", year: "2026-27", pass: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("01/06/2025") }),
		fail: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("31/05/2025") })},
	ruleCase{code: "703", year: "2026-27", pass: withDoLo(func(*DoLo) {}), fail: withDoLo(func(x *DoLo) { x.DoloStart = ParseDate("01/04/2027") })},
	ruleCase{code: "704", year: "2026-27", pass: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("31/03/2027") }),
		fail: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("01/04/2027") })},
	ruleCase{code: "705", year: "2026-27", pass: both(withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("01/07/2025") }), secondDoLo("01/07/2025", "")),
		fail: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("02/07/2025") }), row: 3},
	ruleCase{code: "707", year: "2026-27", pass: both(withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("01/10/2025") }), ceased),
		fail: withDoLo(func(x *DoLo) { x.DoloEnd = Date{} })},
	ruleCase{code: "708", year: "2026-27", pass: withDoLo(func(*DoLo) {}), fail: hdr(func(h *Header) { h.DOB = ParseDate("02/06/2025") })},

	ruleCase{code: "SW01aSTG1", pass: withSW(func(*SWEpisode) {}), fail: withSW(func(s *SWEpisode) { s.SWID = "" })},
	ruleCase{code: "SW08STG2", pass: both(withSW(func(s *SWEpisode) { s.SWDec = ParseDate("01/08/2025") }), secondSW("01/08/2025", "")),
		fail: withSW(func(s *SWEpisode) { s.SWDec = Date{} }), row: 2},
	ruleCase{code: "SW09STG2", pass: withSW(func(s *SWEpisode) { s.SWDec = ParseDate("02/05/2025") }),
		fail: withSW(func(s *SWEpisode) { s.SWDec = ParseDate("01/05/2025") })},
	ruleCase{code: "SW10STG2", pass: both(withSW(func(s *SWEpisode) { s.SWDec = ParseDate("01/08/2025") }), secondSW("01/08/2025", "")),
		fail: withSW(func(s *SWEpisode) { s.SWDec = ParseDate("02/08/2025") }), row: 3},
)

var _ = addCases(
	ruleCase{code: "174", pass: hdr(func(h *Header) { h.Sex, h.Mother, h.MCDOB = "F", "1", ParseDate("01/01/2025") }),
		fail: hdr(func(h *Header) { h.Sex = "M" })},
	ruleCase{code: "232", fail: hdr(func(h *Header) { h.Sex = "U" })},
	ruleCase{code: "611", pass: hdr(func(h *Header) { h.Sex, h.Mother, h.MCDOB = "F", "1", ParseDate("01/01/2025") }),
		fail: hdr(func(h *Header) { h.MCDOB = Date{} })},
	ruleCase{code: "612", pass: hdr(func(h *Header) { h.Sex, h.Mother = "F", "0" }), fail: hdr(func(h *Header) { h.MCDOB = ParseDate("01/01/2025") })},
	ruleCase{code: "620", pass: hdr(func(h *Header) {
		h.Sex, h.Mother, h.MCDOB, h.DOB = "F", "1", ParseDate("01/01/2025"), ParseDate("01/04/2014")
	}),
		fail: hdr(func(h *Header) { h.DOB = ParseDate("02/04/2014") })},
	ruleCase{code: "621", pass: hdr(func(h *Header) { h.Sex, h.Mother, h.MCDOB = "F", "1", ParseDate("01/01/2025") }),
		fail: hdr(func(h *Header) { h.MCDOB = ParseDate("05/06/2012") })},
	ruleCase{code: "444", pass: both(addChild("C2"), func(t, _ *Tables) { t.Header[1].UPN = "UN1"; t.Header[0].UPN = "UN1" }),
		fail: func(t, _ *Tables) { t.Header[0].UPN, t.Header[1].UPN = "A123456789012", "A123456789012" }},
	ruleCase{code: "442", fail: hdr(func(h *Header) { h.UPN = "" })},
	ruleCase{code: "151", pass: withAD1(func(a *AD1) {
		a.DateInt, a.DateMatch, a.FosterCare, a.NBAdoptr, a.SexAdoptr, a.LSAdoptr = ParseDate("01/06/2025"), ParseDate("01/07/2025"), "0", "2", "MF", "L11"
	}), fail: withAD1(func(a *AD1) { a.FosterCare = "" })},
	ruleCase{code: "333", pass: withAD1(func(a *AD1) { a.DateInt, a.DateMatch = ParseDate("01/06/2025"), ParseDate("01/06/2025") }),
		fail: withAD1(func(a *AD1) { a.DateInt = ParseDate("02/06/2025") })},
	ruleCase{code: "511", pass: withAD1(func(a *AD1) { a.NBAdoptr, a.SexAdoptr = "2", "FF" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "F1" })},
	ruleCase{code: "514", pass: withAD1(func(a *AD1) { a.LSAdoptr, a.SexAdoptr = "L0", "F1" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "MF" })},
	ruleCase{code: "517", pass: withAD1(func(a *AD1) { a.LSAdoptr, a.SexAdoptr = "L3", "MF" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "MM" })},
	ruleCase{code: "518", pass: withAD1(func(a *AD1) { a.LSAdoptr, a.SexAdoptr = "L4", "MM" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "MF" })},
	ruleCase{code: "519", pass: withAD1(func(a *AD1) { a.LSAdoptr, a.SexAdoptr = "L2", "FF" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "F1" })},
	ruleCase{code: "520", pass: withAD1(func(a *AD1) { a.LSAdoptr, a.SexAdoptr = "L11", "MF" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "FF" })},
	ruleCase{code: "524", pass: withAD1(func(a *AD1) { a.LSAdoptr, a.SexAdoptr = "L12", "FF" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "MF" })},
	ruleCase{code: "153", pass: withOC3(func(o *OC3) { o.InTouch, o.Activ, o.Accom = "YES", "F2", "S2" }), fail: withOC3(func(o *OC3) { o.Accom = "" })},
	ruleCase{code: "158", pass: withOC2(func(o *OC2) { o.SubstanceMisuse, o.InterventionReceived = "1", "1" }),
		fail: withOC2(func(o *OC2) { o.InterventionOffered = "1" })},
	ruleCase{code: "159", pass: withOC2(func(o *OC2) { o.SubstanceMisuse, o.InterventionReceived, o.InterventionOffered = "1", "0", "1" }),
		fail: withOC2(func(o *OC2) { o.InterventionOffered = "" })},
	ruleCase{code: "192", pass: withOC2(func(o *OC2) { o.SubstanceMisuse, o.InterventionReceived = "1", "1" }),
		fail: withOC2(func(o *OC2) { o.InterventionReceived = "" })},
	ruleCase{code: "193", pass: withOC2(func(o *OC2) { o.SubstanceMisuse = "0" }), fail: withOC2(func(o *OC2) { o.InterventionOffered = "0" })},
	ruleCase{code: "197a", pass: withOC2(func(o *OC2) { o.SDQScore = "10" }), fail: withOC2(func(o *OC2) { o.SDQReason = "SDQ1" })},
	ruleCase{code: "522", pass: withPlaced(func(p *PlacedAdoption) {
		p.DatePlaced, p.DatePlacedCeased = ParseDate("01/06/2025"), ParseDate("01/06/2025")
	}),
		fail: withPlaced(func(p *PlacedAdoption) { p.DatePlaced = ParseDate("02/06/2025") })},
	ruleCase{code: "563", pass: withPlaced(func(p *PlacedAdoption) { p.DatePlaced, p.ReasonPlacedCeased = ParseDate("01/06/2025"), "RD1" }),
		fail: withPlaced(func(p *PlacedAdoption) { p.DatePlaced = Date{} })},
	ruleCase{code: "635", pass: withPrevPerm(func(*PrevPerm) {}), fail: withPrevPerm(func(p *PrevPerm) { p.LAPerm = "E10000001" })},
	ruleCase{code: "527", fail: ep(func(e *Episode) { e.Place = "R2" })},
	ruleCase{code: "528", pass: ep(func(e *Episode) { e.PlaceProvider = "PR2" }), fail: ep(func(e *Episode) { e.Place = "R5" })},
	ruleCase{code: "529", pass: ep(func(e *Episode) { e.PlaceProvider, e.Place = "PR3", "R1" }), fail: ep(func(e *Episode) { e.Place = "U3" })},
	ruleCase{code: "530", pass: ep(func(e *Episode) { e.PlaceProvider = "PR4" }), fail: ep(func(e *Episode) { e.Place = "P1" })},
	ruleCase{code: "531", pass: ep(func(e *Episode) { e.PlaceProvider = "PR5" }), fail: ep(func(e *Episode) { e.Place = "P1" })},
	ruleCase{code: "550", pass: ep(func(e *Episode) { e.PlaceProvider, e.Place = "PR0", "P1" }), fail: ep(func(e *Episode) { e.Place = "U1" })},
	ruleCase{code: "213", pass: ep(func(e *Episode) { e.Place, e.PlaceProvider = "T4", "" }), fail: ep(func(e *Episode) { e.PlaceProvider = "PR1" })},
	ruleCase{code: "226", pass: ep(func(e *Episode) { e.Place, e.PlaceProvider = "T1", "" }), fail: ep(func(e *Episode) { e.ReasonPlaceChange = "CARPL" })},
	ruleCase{code: "233", pass: twoEpisodes, fail: ep2(func(e *Episode) { e.ReasonPlaceChange = "CHILD" }), row: 3},
)
