package ssda903

import (
	"strings"
	"testing"
)

// recordLocation gives this year's tables a PL_LOCATION column, with the
// base episode's location.
func recordLocation(loc string) func(t, l *Tables) {
	return func(t, _ *Tables) {
		t.Has = map[string]bool{ColPLLocation: true}
		t.Episodes[0].PLLocation = loc
	}
}

func laCodes(r *Reference) { r.LACodes = map[string]bool{"201": true, "202": true} }

// permFrom gives the base child a previous permanence order arranged by an
// authority.
func permFrom(la string) func(t, l *Tables) {
	return withPrevPerm(func(p *PrevPerm) { p.PrevPerm, p.LAPerm, p.DatePerm = "P1", la, ParseDate("01/01/2020") })
}

var _ = addCases(
	// Worked out from the postcode: the base placement is in the
	// authority's own area; a postcode the list does not have gives none.
	ruleCase{code: "179", ref: testRef(nil), fail: ep(func(e *Episode) { e.PLPost = "XY9 9XY" }), table: TEpisodes, row: 2},
	// Recorded: IN and OUT pass, anything else fails, with no reference data.
	ruleCase{code: "179", pass: recordLocation("OUT"), fail: recordLocation("INSIDE")},
	ruleCase{code: "179", pass: both(recordLocation(""), ep(func(e *Episode) { e.LS = "V3" })), fail: ep(func(e *Episode) { e.LS = "C2" })},
	ruleCase{code: "411", ref: testRef(nil), pass: recordLocation("IN"), fail: recordLocation("OUT")},
	ruleCase{code: "411", ref: testRef(nil), pass: both(recordLocation("OUT"), ep(func(e *Episode) { e.PLPost = "ZZ9 9ZZ" })),
		fail: recordLocation("IN")},
	// Worked out in both years: last year's placement in Wales is OUT.
	ruleCase{code: "503J", last: true, ref: testRef(nil), pass: carriedOver, fail: lastEp(func(e *Episode) { e.PLPost = "ZZ9 9ZZ" }), row: 2},
	// Recorded in both years.
	ruleCase{code: "503J", last: true, pass: both(carriedOver, recordLocation("IN"), func(_, l *Tables) {
		l.Has = map[string]bool{ColPLLocation: true}
		l.Episodes[0].PLLocation = "IN"
	}), fail: lastEp(func(e *Episode) { e.PLLocation = "OUT" })},
	ruleCase{code: "633", ref: laCodes, pass: permFrom("202"), fail: permFrom("299"), table: TPrevPerm},
	ruleCase{code: "633", ref: laCodes, pass: permFrom("WAL"), fail: permFrom("E09000001")},
	ruleCase{code: "633", ref: laCodes, pass: permFrom(""), fail: permFrom("wal")},
)

// TestLocationNotRun checks the placement location rules say what they need
// when the return does not record PL_LOCATION and it cannot be worked out.
func TestLocationNotRun(t *testing.T) {
	last := baseLast()
	last.Episodes = base().Episodes
	withCol := base()
	withCol.Has = map[string]bool{ColPLLocation: true}
	for _, tc := range []struct {
		code      string
		tb, last  Tables
		ref       Reference
		wantNeeds string
	}{
		{"179", base(), last, Reference{}, "PL_LOCATION column, or a postcode list"},
		{"179", base(), last, Reference{Postcodes: map[string]Postcode{}}, "own ONS code (--la)"},
		{"411", withCol, last, Reference{}, "(--la)"},
		{"503J", withCol, last, Reference{}, "placement locations in last year's return"},
		{"633", base(), last, Reference{}, "(--la-codes)"},
	} {
		rules, _ := Rules("2025-26")
		for _, r := range rules {
			if r.Code != tc.code {
				continue
			}
			l := tc.last
			_, err := r.Check(NewDataset(tc.tb, &l, y2526, tc.ref))
			if err == nil || !strings.Contains(err.Error(), tc.wantNeeds) {
				t.Errorf("%s: %v, want not run naming %q", tc.code, err, tc.wantNeeds)
			}
		}
	}
}

func TestReadLACodes(t *testing.T) {
	got, err := ReadLACodes("las.csv", strings.NewReader("\ufeffNAME,la_code\nCity of London,201\nCamden, 202 \n"))
	if err != nil || len(got) != 2 || !got["202"] {
		t.Fatalf("codes %v, %v", got, err)
	}
	for name, text := range map[string]string{
		"no column":  "CODE,NAME\n201,City\n",
		"not a code": "LA_CODE\n201\nE09000001\n",
		"no rows":    "LA_CODE\n",
	} {
		if _, err := ReadLACodes("las.csv", strings.NewReader(text)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	_, err = ReadLACodes("las.csv", strings.NewReader("LA_CODE\n201\nE09000001\n"))
	if err == nil || !strings.Contains(err.Error(), "las.csv line 3") {
		t.Errorf("a bad code should be reported with its line: %v", err)
	}
}
