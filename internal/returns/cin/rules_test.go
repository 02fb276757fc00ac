package cin

import (
	"sort"
	"testing"

	"cairn/internal/csc"
	"cairn/internal/returns"
)

var y2526, _ = ParseYear("2025-26")

func d(s string) csc.Date { return csc.MustParseDate(s) }

// census is a return in memory: the Header and the children.
type census struct {
	h    Header
	kids []Child
}

// child and cin give a case the base child and its episode to change.
func (s *census) child() *Child    { return &s.kids[0] }
func (s *census) cin() *CINDetails { return &s.kids[0].CIN[0] }

// baseCensus is a clean return: one girl of ten on a child protection plan
// from her initial conference on 1 July 2025 to 1 December 2025, then on a
// CIN plan that is still open, every rule passing.
func baseCensus() census {
	var dis []Coded
	for i, v := range []string{"MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"} {
		dis = append(dis, Coded{20 + i, v})
	}
	return census{
		h: Header{Line: 2, Collection: "CIN", Year: "2026", ReferenceDate: d("2026-03-31"), LEA: "201"},
		kids: []Child{{
			Line: 10, IDLine: 11, LAchildID: "C1", UPN: "P201123456789", PersonBirthDate: d("2015-06-10"), Sex: "F",
			CharLine: 19, Ethnicity: "WBRI", Disabilities: dis,
			CIN: []CINDetails{{
				Line: 30, ReferralDate: d("2025-05-01"), ReferralSource: "1A", PrimaryNeedCode: "N1", ReferralNFA: "false",
				Assessments: []Assessment{{Line: 40, StartDate: d("2025-05-02"), AuthorisationDate: d("2025-06-10"),
					Factors: []Coded{{41, "2A"}, {42, "3A"}}}},
				S47: []Section47{{Line: 50, StartDate: d("2025-06-12"), InitialCPCtarget: d("2025-07-02"),
					DateOfInitialCPC: d("2025-07-01"), ICPCnotRequired: "false"}},
				CPP: []ProtectionPlan{{Line: 60, StartDate: d("2025-07-01"), EndDate: d("2025-12-01"),
					InitialCategoryOfAbuse: "NEG", LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "0",
					Reviews: []Review{{61, d("2025-09-25")}}}},
				Plans: []CINPlan{{Line: 70, StartDate: d("2025-12-01")}},
			}},
		}},
	}
}

// second returns a copy of the base child under another ID, for rules about
// more than one child.
func (s *census) second(id string) *Child {
	c := baseCensus().kids[0]
	c.LAchildID, c.UPN, c.IDLine = id, "", 100
	s.kids = append(s.kids, c)
	return &s.kids[len(s.kids)-1]
}

// ruleCase tests one rule both ways: pass makes the base census one the rule
// has something to check and must pass (nil: the base as it is); fail then
// breaks it so the rule must fail.
type ruleCase struct {
	code string
	pass func(*census)
	fail func(*census)
	row  int // the row the first failure is on (0: not checked)
}

var ruleCases []ruleCase

func addCases(cs ...ruleCase) bool {
	ruleCases = append(ruleCases, cs...)
	return true
}

func runRule(t *testing.T, code string, s census) returns.Outcome {
	t.Helper()
	rules, err := Rules("2025-26")
	if err != nil {
		t.Fatal(err)
	}
	facts := newFacts(y2526)
	for i := range s.kids {
		facts.add(&s.kids[i])
	}
	for _, r := range rules {
		if r.Code == code {
			if r.Check == nil {
				t.Fatalf("rule %s has no check", code)
			}
			ds := &Dataset{Year: y2526, Header: &s.h, Children: s.kids, File: facts}
			return returns.Run([]returns.Rule[*Dataset]{r.Rule}, ds, nil)[0]
		}
	}
	t.Fatalf("rule %s is not in the 2025-26 catalogue", code)
	return returns.Outcome{}
}

func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.code, func(t *testing.T) {
			s := baseCensus()
			if c.pass != nil {
				c.pass(&s)
			}
			if o := runRule(t, c.code, s); o.Status != returns.Passed {
				t.Fatalf("pass case: %s %s %+v", o.Status, o.Reason, o.Failures)
			}
			c.fail(&s)
			o := runRule(t, c.code, s)
			if o.Status != returns.Failed {
				t.Fatalf("fail case: %s %s", o.Status, o.Reason)
			}
			if c.row != 0 && o.Failures[0].Row != c.row {
				t.Errorf("failure on row %d, want %d", o.Failures[0].Row, c.row)
			}
		})
	}
}

// TestEveryRuleTested makes a pass-and-fail case a condition of a rule being
// implemented, and checks the year has all 109 rules of the catalogue.
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, c := range ruleCases {
		tested[c.code] = true
	}
	rules, _ := Rules("2025-26")
	if len(rules) != 109 {
		t.Errorf("%d rules in 2025-26, want 109", len(rules))
	}
	var missing, untested []string
	for _, r := range rules {
		if r.Check == nil {
			missing = append(missing, r.Code)
		} else if !tested[r.Code] {
			untested = append(untested, r.Code)
		}
	}
	for code := range base {
		if !slicesContains(rules, code) {
			t.Errorf("rule %s has a check but is in no catalogue", code)
		}
	}
	sort.Strings(untested)
	if len(missing)+len(untested) > 0 {
		t.Errorf("not implemented: %v; no test case: %v", missing, untested)
	}
}

func slicesContains(rs []Rule, code string) bool {
	for _, r := range rs {
		if r.Code == code {
			return true
		}
	}
	return false
}

// TestBaseIsClean checks the base census passes every rule, so that each
// case's failure is the one its fail function makes.
func TestBaseIsClean(t *testing.T) {
	rules, _ := Rules("2025-26")
	for _, r := range rules {
		if o := runRule(t, r.Code, baseCensus()); o.Status != returns.Passed {
			t.Errorf("%s: %s %s %+v", r.Code, o.Status, o.Reason, o.Failures)
		}
	}
}

func TestSeverities(t *testing.T) {
	rules, _ := Rules("2025-26")
	q := 0
	for _, r := range rules {
		if r.IsQuery() {
			q++
			if r.Code[len(r.Code)-1] != 'Q' {
				t.Errorf("%s is a query without a Q", r.Code)
			}
		}
	}
	if q != 26 {
		t.Errorf("%d queries, want 26", q)
	}
}
