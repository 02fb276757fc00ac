package ssda903

func upn(code string) func(t, l *Tables) { return hdr(func(h *Header) { h.UPN = code }) }

func mother(m, mcdob string) func(t, l *Tables) {
	return hdr(func(h *Header) { h.Sex, h.Mother, h.MCDOB = "F", m, ParseDate(mcdob) })
}

func sw(f func(*SWEpisode)) func(t, l *Tables) { return withSW(f) }

func swEnds(on string) func(t, l *Tables) {
	return sw(func(s *SWEpisode) { s.SWDec, s.SWReason = ParseDate(on), "MANAGE" })
}

var fromApril = sw(func(s *SWEpisode) { s.SWDecom = ParseDate("01/04/2025") })

var _ = addCases(
	ruleCase{code: "209", pass: both(upn("UN1"), born("01/01/2022")), fail: born("05/06/2012"), table: THeader},
	ruleCase{code: "210", pass: both(upn("UN4"), ep(func(e *Episode) { e.DECOM = ParseDate("28/03/2026") })),
		fail: ep(func(e *Episode) { e.DECOM = ParseDate("01/05/2025") })},
	ruleCase{code: "234", pass: ep(func(e *Episode) { e.DEC, e.REC, e.ReasonPlaceChange = ParseDate("01/09/2025"), "X1", "CUSTOD" }),
		fail: born("01/01/2016"), table: TEpisodes},
	ruleCase{code: "304", pass: withUASC(func(u *UASC) { u.DUC = ParseDate("01/01/2026") }),
		fail: withUASC(func(u *UASC) { u.DUC = ParseDate("06/06/2030") })},
	ruleCase{code: "303", pass: both(func(t, _ *Tables) { t.XML = true }, hdr(func(h *Header) { h.UASC = "1" }),
		withUASC(func(u *UASC) { u.DUC = ParseDate("01/01/2026") })), fail: hdr(func(h *Header) { h.UASC = "0" }), table: TUASC},
	ruleCase{code: "398", pass: ep(func(e *Episode) { e.LS, e.HomePost, e.PLPost = "V3", "", "" }),
		fail: ep(func(e *Episode) { e.PLPost = "AB1 3CD" })},
	ruleCase{code: "399", pass: both(ep(func(e *Episode) { e.LS = "V3" }), func(t, _ *Tables) { t.Reviews = nil }),
		fail: hdr(func(h *Header) { h.Mother = "0" }), table: THeader},
	ruleCase{code: "399", pass: ep(func(e *Episode) { e.LS = "C2" }), fail: ep(func(e *Episode) { e.LS = "V4" }), table: TReviews},
	ruleCase{code: "440", pass: both(born("01/01/2023"), rev(func(r *Review) { r.ReviewCode = "PN0" })), fail: born("01/01/2021")},
	ruleCase{code: "441", pass: born("01/01/2021"), fail: born("01/01/2023")},
	ruleCase{code: "526", pass: ep(func(e *Episode) { e.Place = "U2" }), fail: ep(func(e *Episode) { e.PlaceProvider = "" })},
	ruleCase{code: "575", pass: both(ceasedOn("01/10/2025", "E8"), withMissing(func(*Missing) {})),
		fail: withMissing(func(m *Missing) { m.MisEnd = Date{} })},
	ruleCase{code: "580", pass: both(ceasedOn("01/10/2025", "E8"), withMissing(func(m *Missing) { m.MisStart, m.MisEnd = ParseDate("30/09/2025"), Date{} })),
		fail: ceasedOn("01/10/2025", "E13"), table: TEpisodes},
	ruleCase{code: "607", pass: both(mother("0", ""), ceasedOn("01/10/2025", "E13")), fail: mother("", "")},
	ruleCase{code: "625", pass: mother("1", "01/06/2025"), fail: mother("1", "01/05/2026")},
	ruleCase{code: "626", last: true, pass: both(mother("1", "01/06/2025"), lastHdr(func(h *Header) { h.Mother = "0" })),
		fail: mother("1", "01/06/2024")},
	ruleCase{code: "628", pass: both(addChild("C2"), func(t, _ *Tables) { t.OC3 = []OC3{{Row: 2, Child: "C2", InTouch: "YES"}} }),
		fail: func(t, _ *Tables) { t.Header[1].Mother = "0" }, table: THeader, row: 3},
	ruleCase{code: "632", pass: withPrevPerm(func(p *PrevPerm) { p.PrevPerm, p.DatePerm = "P1", ParseDate("01/01/2020") }),
		fail: withPrevPerm(func(p *PrevPerm) { p.DatePerm = ParseDate("02/05/2025") })},
	ruleCase{code: "634", pass: withPrevPerm(func(p *PrevPerm) { p.PrevPerm = "P1" }),
		fail: ep(func(e *Episode) { e.DECOM = ParseDate("01/01/2016") })},
	ruleCase{code: "199", pass: twoEpisodes, fail: ep(func(e *Episode) { e.REC = "E11" }), row: 3},
	ruleCase{code: "199", last: true, pass: func(_, l *Tables) {
		l.Episodes = []Episode{{Row: 2, Child: "C1", DECOM: ParseDate("01/01/2024"), RNE: "S", LS: "E1", Place: "A5", DEC: ParseDate("01/03/2025"), REC: "E13"}}
	}, fail: lastEp(func(e *Episode) { e.REC = "E12" }), row: 2},

	ruleCase{code: "1002", last: true, pass: both(addChild("C2"), func(t, l *Tables) {
		t.OC3 = []OC3{{Row: 2, Child: "C2", InTouch: "YES", Activ: "F1", Accom: "B1"}}
		l.Episodes = []Episode{{Row: 2, Child: "C2", DECOM: ParseDate("01/01/2024"), RNE: "S", LS: "C2", DEC: ParseDate("01/03/2025"), REC: "E8"}}
	}), fail: func(_, l *Tables) { l.Episodes = nil }, table: TOC3},

	ruleCase{code: "SW01bSTG1", pass: swEnds("01/06/2025"), fail: sw(func(s *SWEpisode) { s.SWReason = "" })},
	ruleCase{code: "SW06STG2", pass: sw(func(*SWEpisode) {}), fail: sw(func(s *SWEpisode) { s.SWDecom = ParseDate("01/04/2026") })},
	ruleCase{code: "SW07STG2", pass: swEnds("01/06/2025"), fail: swEnds("01/04/2026")},
	ruleCase{code: "SW11bSTG2", pass: sw(func(*SWEpisode) {}), fail: swEnds("01/06/2025")},
	ruleCase{code: "SW12STG2", pass: fromApril, fail: sw(func(s *SWEpisode) { s.SWDecom = ParseDate("01/05/2025") })},
	ruleCase{code: "SW17STG2", pass: fromApril, fail: swEnds("01/03/2026")},
	ruleCase{code: "710", year: "2026-27", pass: withDoLo(func(*DoLo) {}), fail: ep(func(e *Episode) { e.Place = "K1" }), table: TDoLo},
)

// leaverC2 adds a girl, C2, with no episode this year and, when leaver,
// care leaver information.
func leaverC2(leaver bool) func(t, l *Tables) {
	return func(t, _ *Tables) {
		addChild("C2")(t, nil)
		t.OC3 = nil
		if leaver {
			t.OC3 = []OC3{{Row: 2, Child: "C2", DOB: ParseDate("01/01/2010"), InTouch: "YES", Activ: "F1", Accom: "B1"}}
		}
	}
}

var _ = addCases(
	ruleCase{code: "165", pass: mother("0", ""), fail: mother("2", ""), table: THeader, row: 2},
	ruleCase{code: "165", fail: hdr(func(h *Header) { h.Mother = "0" })}, // a boy
	ruleCase{code: "165", pass: mother("1", "01/06/2025"), fail: mother("", "")},
	ruleCase{code: "165", pass: both(mother("", ""), ep(func(e *Episode) { e.LS = "V3" })), fail: ep(func(e *Episode) { e.LS = "C2" })},
	ruleCase{code: "165", pass: both(hdr(func(h *Header) { h.Sex = "U" }), leaverC2(true)), fail: leaverC2(false), row: 3},

	ruleCase{code: "630", fail: func(t, _ *Tables) { t.PrevPerm = nil }, table: TEpisodes, row: 2},
	ruleCase{code: "630", pass: permFrom("201"), fail: withPrevPerm(func(p *PrevPerm) { p.DatePerm = Date{} })},
	ruleCase{code: "630", pass: withPrevPerm(func(p *PrevPerm) { p.PrevPerm = "Z1" }), fail: withPrevPerm(func(p *PrevPerm) { p.PrevPerm = "" })},
	// A child who came into care before the year began is not asked.
	ruleCase{code: "630", pass: both(func(t, _ *Tables) { t.PrevPerm = nil }, ep(func(e *Episode) { e.DECOM = ParseDate("31/03/2025") })),
		fail: ep(func(e *Episode) { e.DECOM = ParseDate("01/04/2025") })},

	ruleCase{code: "709", year: "2026-27", pass: both(ep(func(e *Episode) { e.Place = "K2" }), withDoLo(func(*DoLo) {})),
		fail: ep(func(e *Episode) { e.Place = "U1" }), table: TDoLo, row: 2},
	// The first placement ends the day the DoLO starts; the second, where
	// it is in force, is a children's home.
	ruleCase{code: "709", year: "2026-27", pass: both(twoEpisodes, ep2(func(e *Episode) { e.Place = "Z12" }),
		withDoLo(func(x *DoLo) { x.DoloStart = ParseDate("01/09/2025") })),
		fail: withDoLo(func(x *DoLo) { x.DoloStart = ParseDate("31/08/2025") })},
	// A DoLO that ends the day before a move to foster care; and one that
	// is still in force on the day of the move.
	ruleCase{code: "709", year: "2026-27", pass: both(twoEpisodes, ep(func(e *Episode) { e.Place = "Z13" }),
		withDoLo(func(x *DoLo) { x.DoloStart, x.DoloEnd = ParseDate("01/05/2025"), ParseDate("31/08/2025") })),
		fail: withDoLo(func(x *DoLo) { x.DoloEnd = ParseDate("01/09/2025") })},
)
