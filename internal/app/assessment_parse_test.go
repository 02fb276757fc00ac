package app

import (
	"testing"

	"cairn/internal/csc"
)

// FuzzParseAssessment feeds arbitrary drafts to the assessment parser: it
// must never panic, and every factor it keeps must be a census code.
func FuzzParseAssessment(f *testing.F) {
	f.Add("religion", "Explored", "", "3A", "cin_plan", "Analysis")
	f.Add("nope", "", "why", "21", "x", "")
	f.Add("", "\x00", "\xff", " 3a ", "", "é")
	f.Fuzz(func(t *testing.T, aspect, found, why, factor, outcome, text string) {
		x, err := parseAssessment(csc.AssessmentInput{Identity: map[string]csc.IdentityNote{aspect: {Found: found, NotExplored: why}},
			Factors: []string{factor, "1A"}, Outcome: outcome, Analysis: text, History: text}, 2025)
		if err != nil {
			return
		}
		for _, c := range x.Factors {
			if csc.CheckCode(csc.ListAssessmentFactor, 2025, c) != nil {
				t.Errorf("kept factor %q", c)
			}
		}
	})
}
