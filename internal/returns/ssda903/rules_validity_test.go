package ssda903

// Helpers that edit the first row of a table, or add one, for rule cases.

func hdr(f func(*Header)) func(t, l *Tables) { return func(t, _ *Tables) { f(&t.Header[0]) } }
func ep(f func(*Episode)) func(t, l *Tables) { return func(t, _ *Tables) { f(&t.Episodes[0]) } }
func rev(f func(*Review)) func(t, l *Tables) { return func(t, _ *Tables) { f(&t.Reviews[0]) } }

// withRow edits the first row of a table, adding seed first when the table
// is empty.
func withRow[R any](rows func(*Tables) *[]R, seed R, f func(*R)) func(t, l *Tables) {
	return func(t, _ *Tables) {
		rs := rows(t)
		if len(*rs) == 0 {
			*rs = append(*rs, seed)
		}
		f(&(*rs)[0])
	}
}

var dob = ParseDate("05/06/2012")

func withAD1(f func(*AD1)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]AD1 { return &t.AD1 }, AD1{Row: 2, Child: "C1", DOB: dob}, f)
}

func withPlaced(f func(*PlacedAdoption)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]PlacedAdoption { return &t.PlacedAdoption }, PlacedAdoption{Row: 2, Child: "C1", DOB: dob}, f)
}

func withOC2(f func(*OC2)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]OC2 { return &t.OC2 }, OC2{Row: 2, Child: "C1", DOB: dob}, f)
}

func withOC3(f func(*OC3)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]OC3 { return &t.OC3 }, OC3{Row: 2, Child: "C1", DOB: dob}, f)
}

func withUASC(f func(*UASC)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]UASC { return &t.UASC }, UASC{Row: 2, Child: "C1", Sex: "M", DOB: dob}, f)
}

func withMissing(f func(*Missing)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]Missing { return &t.Missing }, Missing{Row: 2, Child: "C1", DOB: dob, Missing: "M",
		MisStart: ParseDate("01/06/2025"), MisEnd: ParseDate("02/06/2025")}, f)
}

func withPrevPerm(f func(*PrevPerm)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]PrevPerm { return &t.PrevPerm }, PrevPerm{Row: 2, Child: "C1", DOB: dob, PrevPerm: "Z1"}, f)
}

func withSW(f func(*SWEpisode)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]SWEpisode { return &t.SWEpisodes }, SWEpisode{Row: 2, Child: "C1", DOB: dob, SWID: "SW123",
		SWDecom: ParseDate("01/05/2025")}, f)
}

func withDoLo(f func(*DoLo)) func(t, l *Tables) {
	return withRow(func(t *Tables) *[]DoLo { return &t.DoLo }, DoLo{Row: 2, Child: "C1", DOB: dob, DoloStart: ParseDate("01/06/2025")}, f)
}

// both applies edits in turn.
func both(fs ...func(t, l *Tables)) func(t, l *Tables) {
	return func(t, l *Tables) {
		for _, f := range fs {
			f(t, l)
		}
	}
}

var _ = addCases(
	ruleCase{code: "101", fail: hdr(func(h *Header) { h.Sex = "1" }), table: THeader, row: 2},
	ruleCase{code: "102", fail: hdr(func(h *Header) { h.DOB = ParseDate("31/02/2012") }), table: THeader, row: 2},
	ruleCase{code: "103", fail: hdr(func(h *Header) { h.Ethnic = "wbri" }), table: THeader},
	ruleCase{code: "104", pass: withUASC(func(u *UASC) { u.DUC = ParseDate("01/06/2025") }),
		fail: withUASC(func(u *UASC) { u.DUC = ParseDate("01/03/2025") }), table: TUASC},
	ruleCase{code: "105", pass: func(t, _ *Tables) { t.XML = true; t.Header[0].UASC = "0" },
		fail: hdr(func(h *Header) { h.UASC = "" }), table: THeader},
	ruleCase{code: "112", pass: withAD1(func(a *AD1) { a.DateInt = ParseDate("01/02/2025") }),
		fail: withAD1(func(a *AD1) { a.DateInt = ParseDate("01/02/25") }), table: TAD1},
	ruleCase{code: "113", pass: withAD1(func(a *AD1) { a.DateMatch = ParseDate("01/02/2025") }),
		fail: withAD1(func(a *AD1) { a.DateMatch = ParseDate("38/02/2025") }), table: TAD1},
	ruleCase{code: "114", pass: withAD1(func(a *AD1) { a.FosterCare = "1" }), fail: withAD1(func(a *AD1) { a.FosterCare = "2" })},
	ruleCase{code: "115", pass: withPlaced(func(p *PlacedAdoption) { p.DatePlaced = ParseDate("01/06/2025") }),
		fail: withPlaced(func(p *PlacedAdoption) { p.DatePlaced = ParseDate("June 2025") }), table: TPlacedAdoption},
	ruleCase{code: "116", pass: withPlaced(func(p *PlacedAdoption) { p.DatePlacedCeased = ParseDate("01/09/2025") }),
		fail: withPlaced(func(p *PlacedAdoption) { p.DatePlacedCeased = ParseDate("2025-09-01") })},
	ruleCase{code: "119", pass: withPlaced(func(p *PlacedAdoption) {
		p.DatePlacedCeased, p.ReasonPlacedCeased = ParseDate("01/09/2025"), "RD1"
	}), fail: withPlaced(func(p *PlacedAdoption) { p.ReasonPlacedCeased = "" })},
	ruleCase{code: "120", pass: withPlaced(func(p *PlacedAdoption) { p.ReasonPlacedCeased = "RD4" }),
		fail: withPlaced(func(p *PlacedAdoption) { p.ReasonPlacedCeased = "RD5" })},
	ruleCase{code: "131", pass: withOC3(func(o *OC3) { o.InTouch = "YES" }), fail: withOC3(func(o *OC3) { o.InTouch = "Y" })},
	ruleCase{code: "132", pass: withOC3(func(o *OC3) { o.Activ = "F2" }), fail: withOC3(func(o *OC3) { o.Activ = "F3" })},
	ruleCase{code: "133", pass: withOC3(func(o *OC3) { o.Accom = "S2" }), fail: withOC3(func(o *OC3) { o.Accom = "S1" })},
	ruleCase{code: "141", fail: ep(func(e *Episode) { e.DECOM = ParseDate("") }), table: TEpisodes, row: 2},
	ruleCase{code: "143", fail: ep(func(e *Episode) { e.RNE = "X" })},
	ruleCase{code: "144", fail: ep(func(e *Episode) { e.LS = "C3" })},
	ruleCase{code: "145", fail: ep(func(e *Episode) { e.CIN = "N9" })},
	ruleCase{code: "146", fail: ep(func(e *Episode) { e.Place = "H5" })},
	ruleCase{code: "147", pass: ep(func(e *Episode) { e.DEC, e.REC = ParseDate("01/09/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.DEC = ParseDate("01/09") })},
	ruleCase{code: "148", pass: ep(func(e *Episode) { e.DEC, e.REC = ParseDate("01/09/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.REC = "" })},
	ruleCase{code: "149", pass: ep(func(e *Episode) { e.DEC, e.REC = ParseDate("01/09/2025"), "E11" }),
		fail: ep(func(e *Episode) { e.REC = "E10" })},
	ruleCase{code: "166", fail: rev(func(r *Review) { r.Review = ParseDate("") }), table: TReviews},
	ruleCase{code: "167", fail: rev(func(r *Review) { r.ReviewCode = "PN8" }), table: TReviews},
	ruleCase{code: "168", fail: hdr(func(h *Header) { h.UPN = "I123456789012" })},
	ruleCase{code: "171", pass: hdr(func(h *Header) { h.MCDOB = ParseDate("01/01/2025") }),
		fail: hdr(func(h *Header) { h.MCDOB = ParseDate("01/13/2025") })},
	ruleCase{code: "175", pass: withAD1(func(a *AD1) { a.NBAdoptr = "2" }), fail: withAD1(func(a *AD1) { a.NBAdoptr = "3" })},
	ruleCase{code: "176", pass: withAD1(func(a *AD1) { a.SexAdoptr = "MF" }), fail: withAD1(func(a *AD1) { a.SexAdoptr = "M2" })},
	ruleCase{code: "177", pass: withAD1(func(a *AD1) { a.LSAdoptr = "L12" }), fail: withAD1(func(a *AD1) { a.LSAdoptr = "L1" })},
	ruleCase{code: "178", fail: ep(func(e *Episode) { e.Place = "T0" })},
	ruleCase{code: "180", pass: withOC2(func(o *OC2) { o.SDQScore = "40" }), fail: withOC2(func(o *OC2) { o.SDQScore = "41" })},
	ruleCase{code: "181", pass: withOC2(func(o *OC2) { o.Convicted, o.TeethCheck = "0", "1" }),
		fail: withOC2(func(o *OC2) { o.TeethCheck = "Y" })},
	ruleCase{code: "196", pass: withOC2(func(o *OC2) { o.SDQReason = "SDQ1" }), fail: withOC2(func(o *OC2) { o.SDQReason = "SDQ6" })},
	ruleCase{code: "1004", pass: withMissing(func(*Missing) {}), fail: withMissing(func(m *Missing) { m.MisStart = ParseDate("x") })},
	ruleCase{code: "1005", pass: withMissing(func(*Missing) {}), fail: withMissing(func(m *Missing) { m.MisEnd = ParseDate("x") })},
	ruleCase{code: "1006", pass: withMissing(func(*Missing) {}), fail: withMissing(func(m *Missing) { m.Missing = "X" })},
	ruleCase{code: "1009", pass: ep(func(e *Episode) { e.ReasonPlaceChange = "CARPL" }), fail: ep(func(e *Episode) { e.ReasonPlaceChange = "CARER" })},
	ruleCase{code: "631", pass: withPrevPerm(func(*PrevPerm) {}), fail: withPrevPerm(func(p *PrevPerm) { p.PrevPerm = "" })},
	ruleCase{code: "SW04STG1", pass: withSW(func(*SWEpisode) {}), fail: withSW(func(s *SWEpisode) { s.SWDecom = ParseDate("1/1") })},
	ruleCase{code: "SW05STG1", pass: withSW(func(s *SWEpisode) { s.SWDec = ParseDate("01/09/2025") }),
		fail: withSW(func(s *SWEpisode) { s.SWDec = ParseDate("01/09/202") })},
	ruleCase{code: "SW13STG1", pass: withSW(func(s *SWEpisode) { s.SWReason = "MANAGE" }), fail: withSW(func(s *SWEpisode) { s.SWReason = "LEAVE" })},
	ruleCase{code: "SW02STG1", pass: withSW(func(s *SWEpisode) { s.SWID = "XX9" }), fail: withSW(func(s *SWEpisode) { s.SWID = "AB123" })},
	ruleCase{code: "700", year: "2026-27", pass: withDoLo(func(*DoLo) {}), fail: withDoLo(func(x *DoLo) { x.DoloStart = ParseDate("") })},
	ruleCase{code: "701", year: "2026-27", pass: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("01/07/2025") }),
		fail: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("01/07/25") })},
)
