package ssda903

import (
	"strings"
	"testing"

	"cairn/internal/returns"
)

// testRef is reference data for the base child: his home and placement in
// the authority's own area (E09000001), a Welsh postcode, one in the far
// north of Scotland, and his placement's URN registered as a foster
// placement of the authority's own.
func testRef(f func(*Reference)) func(*Reference) {
	return func(r *Reference) {
		r.LA = "E09000001"
		r.Postcodes = map[string]Postcode{
			"AB12CD": {LA: "E09000001", Lat: 51.50, Lon: -0.10},
			"AB13CD": {LA: "E09000001", Lat: 51.52, Lon: -0.12},
			"ZZ99ZZ": {LA: "W06000001", Lat: 53.00, Lon: -3.50},
			"FA11AA": {LA: "S12000001", Lat: 58.50, Lon: -4.20},
		}
		r.Providers = map[string]Provider{"SC123456": {URN: "SC123456", PlaceCodes: []string{"U1", "U3"}, Providers: []string{"PR1"}, Postcode: "AB1 3CD"}}
		if f != nil {
			f(r)
		}
	}
}

func endsReg(on string) func(*Reference) {
	return testRef(func(r *Reference) {
		p := r.Providers["SC123456"]
		p.RegEnd = ParseDate(on).Date
		r.Providers["SC123456"] = p
	})
}

func refCase(code string, fail func(*Episode)) ruleCase {
	return ruleCase{code: code, ref: testRef(nil), fail: ep(fail)}
}

var _ = addCases(
	ruleCase{code: "214", pass: ep(func(e *Episode) { e.LS, e.PLPost, e.URN = "V3", "", "" }), fail: ep(func(e *Episode) { e.URN = "SC1" })},
	ruleCase{code: "222", pass: ep(func(e *Episode) { e.Place, e.URN = "R1", noURN }), fail: ep(func(e *Episode) { e.URN = "SC123456" })},
	ruleCase{code: "392b", pass: withUASC(func(*UASC) {}), fail: func(t, _ *Tables) { t.UASC = nil; t.Episodes[0].PLPost = "" }},
	ruleCase{code: "392c", fail: ep(func(e *Episode) { e.HomePost = "NOT A PC" })},
	ruleCase{code: "392d", pass: ep(func(e *Episode) { e.Place, e.PLPost = "P1", "ab12cd" }), fail: ep(func(e *Episode) { e.Place = "U1" })},
	refCase("164", func(e *Episode) { e.PLPost = "XY9 9XY" }),
	refCase("169", func(e *Episode) { e.PLPost = "XY9 9XY" }),
	refCase("392a", func(e *Episode) { e.HomePost = "" }),
	ruleCase{code: "406", ref: testRef(nil), fail: withUASC(func(*UASC) {})},
	ruleCase{code: "420", ref: testRef(nil), pass: ep(func(e *Episode) { e.LS, e.PLPost = "V3", "" }), fail: ep(func(e *Episode) { e.PLPost = "AB1 3CD" })},
	refCase("454", func(e *Episode) { e.PLPost = "FA1 1AA" }),
	ruleCase{code: "218", ref: testRef(nil), pass: ep(func(e *Episode) { e.URN, e.PLPost = "", "ZZ9 9ZZ" }), fail: ep(func(e *Episode) { e.PLPost = "AB1 3CD" })},
	refCase("1015", func(e *Episode) { e.PLPost = "ZZ9 9ZZ" }),
	refCase("1008", func(e *Episode) { e.URN = "SC999999" }),
	refCase("219", func(e *Episode) { e.Place = "U4" }),
	refCase("221", func(e *Episode) { e.PLPost = "ZZ9 9ZZ" }),
	refCase("224", func(e *Episode) { e.PlaceProvider = "PR2" }),
	ruleCase{code: "227", ref: endsReg("01/05/2025"), fail: ep(func(e *Episode) { e.DECOM = ParseDate("02/05/2025") })},
	ruleCase{code: "228", ref: endsReg("01/10/2025"), pass: ceasedOn("01/10/2025", "E8"), fail: ceasedOn("02/10/2025", "E8")},
	refCase("229", func(e *Episode) { e.PlaceProvider = "PR2" }),
)

// TestReferenceRulesNotRun checks the rules that need reference data say so
// when it is not given, rather than passing.
func TestReferenceRulesNotRun(t *testing.T) {
	rep, err := Validate(&Input{Tables: base(), Supplied: map[string]bool{THeader: true, TEpisodes: true}}, y2526, Options{})
	if err != nil {
		t.Fatal(err)
	}
	needs := map[string]string{"164": "--postcodes", "169": "--postcodes", "392a": "--postcodes", "406": "--postcodes",
		"420": "--postcodes", "454": "--postcodes", "218": "--postcodes", "1015": "--la", "229": "Provider Info",
		"1008": "Provider Info", "219": "Provider Info", "221": "Provider Info", "224": "Provider Info", "227": "Provider Info", "228": "Provider Info"}
	for _, o := range rep.Outcomes {
		if want, ok := needs[o.Code]; ok {
			if o.Status != returns.NotRunStatus || !strings.Contains(o.Reason, want) {
				t.Errorf("%s: %s %q, want not run naming %s", o.Code, o.Status, o.Reason, want)
			}
		}
	}
}

func TestReadReference(t *testing.T) {
	ps, err := ReadProviders("providers.csv", strings.NewReader("\ufeffurn,PLACE_CODES,provider_codes,REG_END,POSTCODE,EXTRA\nSC1,K2;K1,PR4,31/12/2025,ab1 2cd,x\nSC2,U1 U4,PR1 PR3,,\n"))
	if err != nil || len(ps) != 2 || ps["SC1"].PlaceCodes[1] != "K1" || ps["SC1"].RegEnd.Year != 2025 || len(ps["SC2"].Providers) != 2 {
		t.Fatalf("providers %+v, %v", ps, err)
	}
	if _, err := ReadProviders("p.csv", strings.NewReader("URN,PLACE_CODES\nSC1,K2\n")); err == nil || !strings.Contains(err.Error(), "PROVIDER_CODES") {
		t.Errorf("missing column: %v", err)
	}
	if _, err := ReadProviders("p.csv", strings.NewReader("URN,PLACE_CODES,PROVIDER_CODES,REG_END,POSTCODE\nSC1,K2,PR1,2025-12-31,\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad date: %v", err)
	}
	pcs, err := ReadPostcodes("postcodes.csv", strings.NewReader("POSTCODE,LA,LAT,LONG\nAB1 2CD,e09000001,51.5,-0.1\n"))
	if err != nil || pcs["AB12CD"].LA != "E09000001" {
		t.Fatalf("postcodes %+v, %v", pcs, err)
	}
	if _, err := ReadPostcodes("postcodes.csv", strings.NewReader("POSTCODE,LA,LAT,LONG\nAB1 2CD,E1,north,-0.1\n")); err == nil {
		t.Error("a latitude that is not a number was accepted")
	}
	// London to Edinburgh is about 330 miles.
	if m := miles(Postcode{Lat: 51.5074, Lon: -0.1278}, Postcode{Lat: 55.9533, Lon: -3.1883}); m < 325 || m > 335 {
		t.Errorf("London to Edinburgh %.1f miles", m)
	}
}

func TestValidPostcode(t *testing.T) {
	for s, want := range map[string]bool{"AB1 2CD": true, "ab12cd": true, "M1 1AE": true, "B33 8TH": true, "CR2 6XH": true,
		"DN55 1PT": true, "W1A 0AX": true, "EC1A 1BB": true, "NOT A PC": false, "AB1": false, "1AB 2CD": false, "ABC1 2CD": false, "AB1 2C": false, "": false} {
		if got := validPostcode(s); got != want {
			t.Errorf("validPostcode(%q) = %v", s, got)
		}
	}
}
