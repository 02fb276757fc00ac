package ssda903

// carriedOver makes the base child looked after since 1 January 2025: last
// year's return ends with that episode open, and this year's carries it on.
func carriedOver(t, l *Tables) {
	t.Episodes[0].DECOM = ParseDate("01/01/2025")
	e := t.Episodes[0]
	l.Episodes = []Episode{e}
}

func lastEp(f func(*Episode)) func(t, l *Tables) { return func(_, l *Tables) { f(&l.Episodes[0]) } }

func carriedCase(code string, f func(*Episode)) ruleCase {
	return ruleCase{code: code, last: true, pass: carriedOver, fail: lastEp(f), table: TEpisodes, row: 2}
}

var _ = addCases(
	ruleCase{code: "502", last: true, pass: carriedOver, fail: ep(func(e *Episode) { e.DECOM = ParseDate("02/01/2025") })},
	carriedCase("503A", func(e *Episode) { e.RNE = "P" }),
	carriedCase("503B", func(e *Episode) { e.LS = "C1" }),
	carriedCase("503C", func(e *Episode) { e.CIN = "N2" }),
	carriedCase("503D", func(e *Episode) { e.Place = "U3" }),
	carriedCase("503E", func(e *Episode) { e.PlaceProvider = "PR2" }),
	carriedCase("503F", func(e *Episode) { e.URN = "SC000001" }),
	ruleCase{code: "503G", last: true, ref: testRef(nil), pass: carriedOver, fail: lastEp(func(e *Episode) { e.PLPost = "ZZ9 9ZZ" })},
	ruleCase{code: "503H", last: true, ref: testRef(nil), pass: carriedOver, fail: lastEp(func(e *Episode) { e.PLPost = "ZZ9 9ZZ" })},
	ruleCase{code: "452", last: true, ref: testRef(nil), pass: carriedOver, fail: lastEp(func(e *Episode) { e.PLPost = "ZZ9 9ZZ" })},
	ruleCase{code: "453", last: true, ref: testRef(nil), pass: carriedOver, fail: lastEp(func(e *Episode) { e.PLPost = "FA1 1AA" })},
	ruleCase{code: "562", last: true, pass: carriedOver, fail: lastEp(func(e *Episode) { e.DECOM = ParseDate("02/01/2025") })},
	ruleCase{code: "NoE", last: true, pass: carriedOver, fail: func(_, l *Tables) { l.Episodes = nil }},
	ruleCase{code: "207", last: true, pass: both(hdr(func(h *Header) { h.Sex, h.Mother = "F", "1" }), lastHdr(func(h *Header) { h.Sex, h.Mother = "F", "1" })),
		fail: hdr(func(h *Header) { h.Mother = "0" })},
	ruleCase{code: "576", last: true, pass: func(t, l *Tables) {
		l.Missing = []Missing{{Row: 2, Child: "C1", Missing: "M", MisStart: ParseDate("01/03/2026")}}
		t.Missing = []Missing{{Row: 2, Child: "C1", Missing: "M", MisStart: ParseDate("01/03/2026"), MisEnd: ParseDate("02/04/2026")}}
	}, fail: withMissing(func(m *Missing) { m.MisStart = ParseDate("02/03/2026") }), table: TMissing},
	ruleCase{code: "706", year: "2026-27", last: true, pass: func(t, l *Tables) {
		l.DoLo = []DoLo{{Row: 2, Child: "C1", DoloStart: ParseDate("01/03/2026")}}
		t.DoLo = []DoLo{{Row: 2, Child: "C1", DoloStart: ParseDate("01/03/2026")}}
	}, fail: withDoLo(func(x *DoLo) { x.DoloStart = ParseDate("02/03/2026") })},
)
