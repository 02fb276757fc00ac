package ssda903

// in12 makes the base child looked after since 1 April 2024, so looked
// after continuously for 12 months at 31 March 2026.
var in12 = ep(func(e *Episode) { e.DECOM = ParseDate("01/04/2024") })

// notIn12 moves the start back into the year.
var notIn12 = ep(func(e *Episode) { e.DECOM = ParseDate("02/04/2025") })

// fullOC2 completes the OC2 items the base child (13 at 31 March) needs.
func fullOC2(f func(*OC2)) func(t, l *Tables) {
	return withOC2(func(o *OC2) {
		o.Immunisations, o.TeethCheck, o.HealthAssessment, o.SubstanceMisuse, o.Convicted, o.SDQScore = "1", "1", "1", "0", "0", "12"
		f(o)
	})
}

func born(s string) func(t, l *Tables) { return hdr(func(h *Header) { h.DOB = ParseDate(s) }) }

func leaver(f func(*OC3)) func(t, l *Tables) {
	return withOC3(func(o *OC3) {
		o.InTouch, o.Activ, o.Accom = "YES", "F1", "B1"
		f(o)
	})
}

var noop = func(*OC2) {}

var _ = addCases(
	ruleCase{code: "157", pass: both(in12, born("01/01/2009"), withOC2(func(o *OC2) { o.SDQReason = "SDQ1" })), fail: born("05/06/2012"), table: TOC2},
	ruleCase{code: "185", pass: both(in12, withOC2(func(o *OC2) { o.SDQScore = "12" })), fail: notIn12},
	ruleCase{code: "198", pass: both(in12, withOC2(func(o *OC2) { o.SDQReason = "SDQ4" })), fail: notIn12},
	ruleCase{code: "186", pass: both(in12, fullOC2(noop)), fail: withOC2(func(o *OC2) { o.SDQScore, o.SDQReason = "", "SDQ4" })},
	ruleCase{code: "188", pass: both(born("01/06/2022"), withOC2(noop)), fail: withOC2(func(o *OC2) { o.SDQReason = "SDQ1" })},
	ruleCase{code: "189", pass: both(born("01/01/2008"), withOC2(noop)), fail: withOC2(func(o *OC2) { o.SDQScore = "5" })},
	ruleCase{code: "197B", pass: both(in12, born("01/01/2022"), withOC2(func(o *OC2) { o.SDQReason = "SDQ1" })),
		fail: withOC2(func(o *OC2) { o.SDQReason = "" })},
	ruleCase{code: "190", pass: both(in12, fullOC2(noop)), fail: notIn12},
	ruleCase{code: "191", pass: both(in12, fullOC2(noop)), fail: withOC2(func(o *OC2) { o.TeethCheck = "" }), table: TOC2},
	ruleCase{code: "182", pass: fullOC2(noop), fail: withOC2(func(o *OC2) { o.Immunisations = "" })},
	ruleCase{code: "542", pass: both(born("01/01/2016"), withOC2(func(o *OC2) { o.Convicted = "0" })), fail: born("01/04/2016")},
	ruleCase{code: "543", pass: both(in12, fullOC2(noop)), fail: withOC2(func(o *OC2) { o.Convicted = "" })},
	ruleCase{code: "544", pass: fullOC2(noop), fail: withOC2(func(o *OC2) { o.HealthAssessment = "" })},
	ruleCase{code: "545", pass: both(in12, born("01/06/2021"), withOC2(func(o *OC2) { o.HealthCheck = "1" })),
		fail: withOC2(func(o *OC2) { o.HealthCheck = "" })},
	ruleCase{code: "546", pass: both(born("01/04/2021"), withOC2(func(o *OC2) { o.HealthCheck = "1" })), fail: born("31/03/2021")},
	ruleCase{code: "547", pass: fullOC2(func(o *OC2) { o.HealthCheck = "1" }), fail: withOC2(func(o *OC2) { o.TeethCheck = "" })},

	ruleCase{code: "134", pass: both(withAD1(func(a *AD1) { a.FosterCare = "1" }), withOC3(func(*OC3) {})),
		fail: withOC3(func(o *OC3) { o.InTouch = "YES" })},
	ruleCase{code: "187", pass: leaver(func(*OC3) {}), fail: in12, table: TOC3},
	ruleCase{code: "215", pass: both(fullOC2(noop), withOC3(func(*OC3) {})), fail: withOC3(func(o *OC3) { o.InTouch = "YES" })},

	ruleCase{code: "344", pass: withOC3(func(o *OC3) { o.InTouch = "DIED" }), fail: withOC3(func(o *OC3) { o.Accom = "B1" })},
	ruleCase{code: "345", pass: leaver(func(*OC3) {}), fail: withOC3(func(o *OC3) { o.Activ = "0" })},
	ruleCase{code: "347", pass: both(born("01/01/2008"), leaver(func(o *OC3) { o.Accom = "T1" })), fail: born("01/01/2009")},
	ruleCase{code: "348", last: true, pass: func(t, l *Tables) {
		l.OC3 = []OC3{{Row: 2, Child: "C1", InTouch: "DIED"}}
		t.OC3 = []OC3{{Row: 2, Child: "C1", InTouch: "DIED"}}
	}, fail: withOC3(func(o *OC3) { o.InTouch = "YES" })},
	ruleCase{code: "391", pass: both(born("01/01/2009"), leaver(func(*OC3) {})), fail: born("05/06/2012")},
	ruleCase{code: "1000", pass: both(leaver(func(*OC3) {}), ceasedOn("01/10/2025", "E8")), fail: ceasedOn("01/10/2025", "E2")},
	ruleCase{code: "1007", pass: both(born("01/01/2009"), leaver(func(*OC3) {}), ceasedOn("01/12/2025", "E8")),
		fail: ceasedOn("02/01/2026", "E8")},
	ruleCase{code: "1016", pass: both(born("01/01/2009"), leaver(func(*OC3) {}), ceasedOn("01/12/2025", "E8")),
		fail: ceasedOn("02/01/2026", "E8")},
	ruleCase{code: "1011", pass: both(leaver(func(*OC3) {}), ceasedOn("01/12/2025", "E8")), fail: ceasedOn("01/12/2025", "E3")},
	ruleCase{code: "3001", pass: both(born("01/01/2008"), leaver(func(o *OC3) { o.Accom = "Z1" })), fail: born("01/01/2009")},
	ruleCase{code: "1010", last: true, pass: both(addChild("C2"), func(t, l *Tables) {
		t.OC3 = []OC3{{Row: 2, Child: "C2", InTouch: "YES", Activ: "F1", Accom: "B1"}}
		l.Episodes = []Episode{{Row: 2, Child: "C2", DECOM: ParseDate("01/01/2024"), RNE: "S", LS: "C2", DEC: ParseDate("01/03/2025"), REC: "E8"}}
	}), fail: func(_, l *Tables) { l.Episodes[0].DEC, l.Episodes[0].REC = Date{}, "" }},
	ruleCase{code: "1014", pass: withUASC(func(u *UASC) { u.DUC = ParseDate("01/01/2026") }), fail: leaver(func(*OC3) {}), table: TUASC},
	ruleCase{code: "1012", pass: both(addChild("C2"), func(t, _ *Tables) { t.OC3 = []OC3{{Row: 2, Child: "C2", InTouch: "YES"}} }),
		fail: func(t, _ *Tables) { t.Reviews = append(t.Reviews, Review{Row: 3, Child: "C2"}) }, table: TReviews, row: 3},
)

// A 17th birthday on 1 April is at the start of the year: 189 (no SDQ at 17
// or over at the start) governs, not 197B.
var _ = addCases(ruleCase{code: "197B", pass: both(in12, born("01/04/2008"), withOC2(func(*OC2) {})),
	fail: born("02/04/2008")})

// leaverC3 adds a young man, C3, 18 at the end of the year, with care
// leaver information and one episode in last year's return.
func leaverC3(decom, dec, rec string) func(t, l *Tables) {
	return func(t, l *Tables) {
		born := ParseDate("01/06/2007")
		t.Header = append(t.Header, Header{Row: 3, Child: "C3", Sex: "M", DOB: born, Ethnic: "WBRI", UPN: "UN1"})
		t.OC3 = []OC3{{Row: 2, Child: "C3", DOB: born, InTouch: "YES", Activ: "F1", Accom: "B1"}}
		l.Episodes = append(l.Episodes, Episode{Row: 2, Child: "C3", DECOM: ParseDate(decom), RNE: "S", LS: "C2", DEC: ParseDate(dec), REC: rec})
	}
}

// thisYearC3 adds C3's episode to this year's return.
func thisYearC3(decom, dec string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		t.Episodes = append(t.Episodes, Episode{Row: 3, Child: "C3", DECOM: ParseDate(decom), RNE: "S", LS: "C2", DEC: ParseDate(dec), REC: "E8"})
	}
}

var _ = addCases(
	// Looked after from 15½ to 17: relevant. A month at nearly 17 is not.
	ruleCase{code: "1001", last: true, pass: leaverC3("01/01/2023", "01/08/2024", "E8"),
		fail: lastEp(func(e *Episode) { e.DECOM, e.DEC = ParseDate("01/04/2024"), ParseDate("01/05/2024") }), table: TOC3, row: 2},
	ruleCase{code: "1001", last: true, pass: leaverC3("01/01/2023", "01/08/2024", "E8"), fail: lastEp(func(e *Episode) { e.REC = "E11" })},
	ruleCase{code: "1001", last: true, pass: leaverC3("01/01/2023", "01/08/2024", "E8"), fail: lastEp(func(e *Episode) { e.LS = "V3" })},
	// All the time before the 16th birthday: not relevant.
	ruleCase{code: "1001", last: true, pass: leaverC3("01/01/2023", "02/06/2023", "E8"), fail: lastEp(func(e *Episode) { e.DEC = ParseDate("01/06/2023") })},
	// The episode open at the end of last year and ended this year counts
	// once, as this year records it: 92 days passes, 90 fails.
	ruleCase{code: "1001", last: true, pass: both(leaverC3("01/03/2025", "", ""), thisYearC3("01/03/2025", "01/06/2025")),
		fail: epN(1, func(e *Episode) { e.DEC = ParseDate("30/05/2025") })},
)
