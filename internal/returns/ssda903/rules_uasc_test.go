package ssda903

import (
	"strings"
	"testing"
)

// uascFlags gives both years' returns the UASC status flag, with the base
// child's value in each.
func uascFlags(now, last string) func(t, l *Tables) {
	return func(t, l *Tables) {
		t.Has, l.Has = map[string]bool{ColUASC: true}, map[string]bool{ColUASC: true}
		t.Header[0].UASC, l.Header[0].UASC = now, last
	}
}

// lastDUC gives the base child a UASC row in last year's return.
func lastDUC(duc string) func(t, l *Tables) {
	return func(_, l *Tables) { l.UASC = []UASC{{Row: 4, Child: "C1", Sex: "M", DOB: dob, DUC: ParseDate(duc)}} }
}

func nowDUC(duc string) func(t, l *Tables) { return withUASC(func(u *UASC) { u.DUC = ParseDate(duc) }) }

// The base child turns 18 on 5 June 2030.
const eighteenth = "05/06/2030"

var _ = addCases(
	// UASC status ended last year (in 2024/25).
	ruleCase{code: "205A", last: true, pass: both(uascFlags("0", "1"), lastDUC("01/10/2024")), fail: lastDUC("01/10/2023"),
		table: THeader, row: 2},
	ruleCase{code: "205A", last: true, pass: both(uascFlags("0", "1"), lastDUC("31/03/2025")), fail: nowDUC("01/10/2025"),
		table: TUASC},
	// Still UASC: the 18th birthday in both years, or a date this year now.
	ruleCase{code: "205B", last: true, pass: both(uascFlags("1", "1"), lastDUC(eighteenth), nowDUC(eighteenth)),
		fail: lastDUC("01/10/2024"), table: TUASC, row: 2},
	ruleCase{code: "205B", last: true, pass: both(uascFlags("1", "1"), lastDUC(eighteenth), nowDUC("01/02/2026")),
		fail: nowDUC("01/02/2027")},
	ruleCase{code: "205C", last: true, pass: uascFlags("0", "0"), fail: lastDUC("01/10/2024"), table: THeader},
	ruleCase{code: "205C", last: true, pass: both(uascFlags("0", "0"), func(_, l *Tables) { l.Header = nil }),
		fail: nowDUC("01/10/2025"), table: TUASC},
	ruleCase{code: "205D", last: true, pass: uascFlags("1", "1"), fail: lastHdr(func(h *Header) { h.UASC = "0" }), table: THeader},
	ruleCase{code: "205D", last: true, pass: both(uascFlags("1", "0"), func(_, l *Tables) { l.Header = nil }),
		fail: func(_, l *Tables) { l.Header = baseLast().Header }},
	// 11 on 31 March 2026 passes; a day younger fails.
	ruleCase{code: "231", pass: both(func(t, _ *Tables) { t.XML = true }, hdr(func(h *Header) { h.UASC = "1" }), born("31/03/2015")),
		fail: born("01/04/2015"), table: THeader},
	ruleCase{code: "231", pass: both(func(t, _ *Tables) { t.Has = map[string]bool{ColUASC: true} }, born("01/01/2020")),
		fail: hdr(func(h *Header) { h.UASC = "1" })},
)

// TestUASCFlagNotRun checks the rules on the UASC status flag say so when a
// year's return does not carry it, rather than passing.
func TestUASCFlagNotRun(t *testing.T) {
	with := base()
	with.Has = map[string]bool{ColUASC: true}
	last := baseLast()
	for _, tc := range []struct {
		code string
		tb   Tables
		last *Tables
		want string
	}{
		{"231", base(), nil, "UASC status flag"},
		{"105", base(), nil, "UASC status flag"},
		{"205A", with, nil, "last year's return"},
		{"205B", base(), &last, "UASC status flag"},
		{"205C", with, &last, "in last year's return too"},
	} {
		rules, _ := Rules("2025-26")
		for _, r := range rules {
			if r.Code == tc.code {
				_, err := r.Check(NewDataset(tc.tb, tc.last, y2526, Reference{}))
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s: %v, want not run naming %q", tc.code, err, tc.want)
				}
			}
		}
	}
}
