package ssda903

import (
	"sort"
	"testing"

	"cairn/internal/returns"
)

// ruleCase tests one rule both ways. pass turns the clean base return into
// one the rule has something to check and must pass; fail then breaks it so
// the rule must fail, on the table and row given when row is not 0.
type ruleCase struct {
	code  string
	year  string                // default 2025-26
	pass  func(t, last *Tables) // last is nil unless withLast
	fail  func(t, last *Tables) // applied after pass
	table string                // the table the failure is on (default: not checked)
	row   int                   // the row the failure is on (0: not checked)
	last  bool                  // give the rule last year's return
	ref   func(*Reference)      // optional reference data
	check func(*testing.T, []returns.Failure)
}

var ruleCases []ruleCase

func addCases(cs ...ruleCase) bool {
	ruleCases = append(ruleCases, cs...)
	return true
}

var y2526, _ = ParseYear("2025-26")

// base is a clean return: one boy, looked after since 1 May 2025 under a
// full care order in foster care, with one review and no permanence order
// before he came into care.
func base() Tables {
	return Tables{
		Header: []Header{{Row: 2, Child: "C1", Sex: "M", DOB: ParseDate("05/06/2012"), Ethnic: "WBRI", UPN: "A123456789012"}},
		Episodes: []Episode{{Row: 2, Child: "C1", DECOM: ParseDate("01/05/2025"), RNE: "S", LS: "C2", CIN: "N1",
			Place: "U1", PlaceProvider: "PR1", HomePost: "AB1 2CD", PLPost: "AB1 3CD", URN: "SC123456"}},
		Reviews:  []Review{{Row: 2, Child: "C1", DOB: ParseDate("05/06/2012"), Review: ParseDate("01/07/2025"), ReviewCode: "PN1"}},
		PrevPerm: []PrevPerm{{Row: 2, Child: "C1", DOB: ParseDate("05/06/2012"), PrevPerm: "Z1"}},
	}
}

// baseLast is last year's return for the same boy: none, as he came into care
// this year; cases that need last year add to it.
func baseLast() Tables {
	return Tables{Header: []Header{{Row: 2, Child: "C1", Sex: "M", DOB: ParseDate("05/06/2012"), Ethnic: "WBRI", UPN: "A123456789012"}}}
}

func runCase(t *testing.T, c ruleCase, tb Tables, last *Tables) returns.Outcome {
	t.Helper()
	year := c.year
	if year == "" {
		year = "2025-26"
	}
	y, _ := ParseYear(year)
	rules, err := Rules(year)
	if err != nil {
		t.Fatal(err)
	}
	var ref Reference
	if c.ref != nil {
		c.ref(&ref)
	}
	for _, r := range rules {
		if r.Code == c.code {
			if r.Check == nil {
				t.Fatalf("rule %s has no check", c.code)
			}
			return returns.Run([]returns.Rule[*Dataset]{r}, NewDataset(tb, last, y, ref), nil)[0]
		}
	}
	t.Fatalf("rule %s is not in the %s catalogue", c.code, year)
	return returns.Outcome{}
}

func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.code, func(t *testing.T) {
			tb := base()
			var last *Tables
			if c.last {
				l := baseLast()
				last = &l
			}
			if c.pass != nil {
				c.pass(&tb, last)
			}
			o := runCase(t, c, tb, last)
			if o.Status != returns.Passed {
				t.Fatalf("pass case: %s %s %v", o.Status, o.Reason, o.Failures)
			}
			c.fail(&tb, last)
			o = runCase(t, c, tb, last)
			if o.Status != returns.Failed {
				t.Fatalf("fail case: %s %s", o.Status, o.Reason)
			}
			f := o.Failures[0]
			if c.table != "" && f.Table != c.table {
				t.Errorf("failure on table %s, want %s", f.Table, c.table)
			}
			if c.row != 0 && f.Row != c.row {
				t.Errorf("failure on row %d, want %d", f.Row, c.row)
			}
			if c.check != nil {
				c.check(t, o.Failures)
			}
		})
	}
}

// TestEveryRuleTested makes the pass-and-fail test a condition of a rule
// being implemented: a check without a case fails the build.
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, c := range ruleCases {
		tested[c.code] = true
	}
	var missing []string
	for code := range checks {
		if !tested[code] {
			missing = append(missing, code)
		}
	}
	for _, m := range yearChecks {
		for code := range m {
			if !tested[code] {
				missing = append(missing, code)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("rules with no test case: %v", missing)
	}
}

// TestBaseIsClean checks the base return passes every implemented rule, so
// that each case's failure is the one its fail function makes.
func TestBaseIsClean(t *testing.T) {
	for _, year := range Years {
		y, _ := ParseYear(year)
		rules, _ := Rules(year)
		tb := base()
		if y.Start.After(tb.Episodes[0].DECOM.Date) {
			// By 31 March 2027 the base child has been looked after for 12
			// months, so that year's return has his OC2 outcomes.
			tb.OC2 = []OC2{{Row: 2, Child: "C1", DOB: dob, Convicted: "0", Immunisations: "1", TeethCheck: "1",
				HealthAssessment: "1", SubstanceMisuse: "0", SDQScore: "12"}}
		}
		for _, o := range returns.Run(rules, NewDataset(tb, nil, y, Reference{}), nil) {
			if o.Status == returns.Failed || o.Status == returns.Crashed {
				t.Errorf("%s %s: %s %s %v", year, o.Code, o.Status, o.Reason, o.Failures)
			}
		}
	}
}

func TestCatalogueCounts(t *testing.T) {
	for year, want := range map[string]int{"2025-26": 311, "2026-27": 322} {
		rules, err := Rules(year)
		if err != nil {
			t.Fatal(err)
		}
		if len(rules) != want {
			t.Errorf("%s: %d rules, want %d", year, len(rules), want)
		}
	}
	if _, err := Rules("2019-20"); err == nil {
		t.Error("a year with no catalogue gave rules")
	}
}

func TestCodeOrder(t *testing.T) {
	codes := []string{"SW01aSTG1", "1000", "INT01", "101", "197a", "197B", "EPI", "503A", "NoE"}
	sort.Slice(codes, func(i, j int) bool { return codeLess(codes[i], codes[j]) })
	want := []string{"101", "197B", "197a", "503A", "1000", "EPI", "INT01", "NoE", "SW01aSTG1"}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("order %v, want %v", codes, want)
		}
	}
}
