package clock

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"cairn/internal/csc"
)

// wantRules is the catalogue the brief asks for, with each rule's national
// period (or setting default); a rule dropped or changed by mistake fails.
var wantRules = map[string]string{
	"HP-01": "1 working day", "HP-03": "45 working days", "CP-04": "15 working days", "CP-10": "10 working days",
	"CP-11": "6 weeks", "CP-12": "10 working days", "CP-13": "3 months", "CP-14": "6 months",
	"CIN-02": "3 months", "CIN-03": "20 working days", "LA-04": "10 working days", "LA-06": "5 working days",
	"LA-12": "1 week", "LA-13": "1 week", "LA-14": "1 week", "LA-15": "1 week",
	"LA-17": "20 working days", "LA-18": "3 months", "LA-19": "6 months", "LA-25": "20 working days",
	"LA-26": "6 months", "LA-27a": "10 working days", "LA-27b": "4 months", "LA-29": "72 hours",
	"CL-02": "3 months", "CL-07": "6 months", "CL-08": "7 days", "PF-04": "7 working days", "PF-05": "6 weeks",
}

func TestCatalogue(t *testing.T) {
	areas := []string{"Front door", "Help and protection", "Children in care", "Care leavers", "Private fostering"}
	idForm := regexp.MustCompile(`^(HP|CP|CIN|LA|CL|PF)-\d\d[ab]?$`)
	seen := map[string]bool{}
	used := map[EventKind]bool{}
	rules := Catalogue()
	if len(rules) != len(wantRules) {
		t.Errorf("%d rules, want %d", len(rules), len(wantRules))
	}
	for _, r := range rules {
		if seen[r.ID] {
			t.Errorf("rule %s appears twice", r.ID)
		}
		seen[r.ID] = true
		if !idForm.MatchString(r.ID) {
			t.Errorf("rule ID %q is not in the form of practice-rules.md", r.ID)
		}
		if want, ok := wantRules[r.ID]; !ok || r.Period.String() != want {
			t.Errorf("rule %s: period %s, want %q", r.ID, r.Period, want)
		}
		if r.Title == "" || r.Source == "" || !slices.Contains(areas, r.Area) {
			t.Errorf("rule %s needs a title, a source and one of the areas", r.ID)
		}
		if !strings.HasSuffix(r.Describe, ".") || len(r.Describe) < 40 {
			t.Errorf("rule %s: Describe should be a full sentence: %q", r.ID, r.Describe)
		}
		if r.InForce[0].IsZero() || (!r.InForce[1].IsZero() && !r.InForce[0].Before(r.InForce[1])) {
			t.Errorf("rule %s: in force %v", r.ID, r.InForce)
		}
		if r.National == (r.Setting != "" && r.ID != "LA-27b") {
			t.Errorf("rule %s: National %v with setting %q", r.ID, r.National, r.Setting)
		}
		if r.After != "" && !seen[r.After] {
			t.Errorf("rule %s follows %s, which must come before it", r.ID, r.After)
		}
		for _, ks := range [][]EventKind{r.Start, r.Meet, r.Stop, r.StopAny} {
			for _, k := range ks {
				used[k] = true
			}
		}
		for _, p := range r.Phases {
			if p.AfterKind != "" {
				used[p.AfterKind] = true
			}
		}
	}
	for _, k := range EventKinds() {
		if !used[k] {
			t.Errorf("event kind %s is used by no rule", k)
		}
	}
	if got := csc.MustParseDate("2013-04-15"); mustRule(t, "HP-03").InForce[0] != got {
		t.Errorf("HP-03 should apply from Working Together 2013 (%s)", got)
	}
}

func TestEventKinds(t *testing.T) {
	form := regexp.MustCompile(`^[a-z0-9-]+\.[a-z-]+$`)
	seen := map[EventKind]bool{}
	for _, k := range EventKinds() {
		if seen[k] || !form.MatchString(string(k)) {
			t.Errorf("event kind %q is repeated or not written thing.what-happened", k)
		}
		seen[k] = true
	}
}

func TestCatalogueIsACopy(t *testing.T) {
	rules := Catalogue()
	rules[0].ID = "changed"
	rules[0].Start[0] = "changed"
	if r := Catalogue()[0]; r.ID == "changed" || r.Start[0] == "changed" {
		t.Error("changing the returned catalogue changed the catalogue")
	}
	r := mustRule(t, "CP-12")
	r.Meet[0] = "changed"
	if mustRule(t, "CP-12").Meet[0] == "changed" {
		t.Error("changing a rule from RuleByID changed the catalogue")
	}
	if _, ok := RuleByID("XX-99"); ok {
		t.Error("RuleByID found a rule that does not exist")
	}
}

// TestCompileRefusesMistakes checks that a mistake in a rule's definition
// is caught when the package starts rather than producing wrong clocks.
func TestCompileRefusesMistakes(t *testing.T) {
	ok := Rule{ID: "T-1", Start: []EventKind{EvReferralOpened}, Meet: []EventKind{EvAssessmentCompleted},
		Link: Link{Meet: UnderSubject}, Period: Period{1, Days}}
	for name, change := range map[string]func(*Rule){
		"unknown kind":          func(r *Rule) { r.Meet = []EventKind{"referral.lost"} },
		"no meeting events":     func(r *Rule) { r.Meet = nil },
		"no link":               func(r *Rule) { r.Link = Link{} },
		"stop without link":     func(r *Rule) { r.Stop = []EventKind{EvReferralClosed} },
		"early from any record": func(r *Rule) { r.Early, r.Link.Meet = true, AnyForChild },
		"no period":             func(r *Rule) { r.Period = Period{} },
		"unknown setting":       func(r *Rule) { r.Setting = "no-such-setting" },
		"phase with no period":  func(r *Rule) { r.Phases = []Phase{{MinSeq: 2}} },
		"after a later rule":    func(r *Rule) { r.After = "T-2" },
	} {
		r := ok
		change(&r)
		if _, err := compile([]Rule{r}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := compile([]Rule{ok}); err != nil {
		t.Errorf("a good rule was refused: %v", err)
	}
}

func mustRule(t *testing.T, id string) Rule {
	t.Helper()
	r, ok := RuleByID(id)
	if !ok {
		t.Fatalf("no rule %s", id)
	}
	return r
}
