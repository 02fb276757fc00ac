package app

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"cairn/internal/csc"
)

// A letter's "what needs to improve" section as it comes out of a PDF:
// a heading, square bullets, items wrapped with blank lines inside them, a
// page number, and the next heading and its first bullet after the list.
const pastedLetter = `What needs to improve in this area of social work practice

◼ the stability of the workforce in the two teams where turnover is
 
highest

◼ consideration of children's culture and identity in assessments

12

◼ assessment of 16- and 17-year-olds who present as homeless, including

whether they should be looked after by the local authority

◼ actions from case audits are completed in a timely way.


Findings

◼ Referrals are screened promptly by the multi-
agency team, and decisions are recorded with a clear
rationale. This means that children receive a timely service.
`

func TestSplitFindingsLetterSection(t *testing.T) {
	got := SplitFindings(pastedLetter)
	want := []string{
		"The stability of the workforce in the two teams where turnover is highest",
		"Consideration of children's culture and identity in assessments",
		"Assessment of 16- and 17-year-olds who present as homeless, including whether they should be looked after by the local authority",
		"Actions from case audits are completed in a timely way.",
		"Referrals are screened promptly by the multi-agency team, and decisions are recorded with a clear rationale. This means that children receive a timely service.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %d drafts:\n%s\nwant:\n%s", len(got), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSplitFindingsShapes(t *testing.T) {
	for name, c := range map[string]struct {
		in   string
		want []string
	}{
		"numbered with full stops": {"Ofsted made these recommendations:\n1. Improve plans for disabled children.\n2. Make sure\nhomeless young people are assessed.\n",
			[]string{"Improve plans for disabled children.", "Make sure homeless young people are assessed."}},
		"numbered with brackets": {"1) First thing\n2) Second thing\n(a) third; and\n(b) fourth\n(iv) fifth",
			[]string{"First thing", "Second thing", "Third", "Fourth", "Fifth"}},
		"hyphens, stars and Word bullets": {"- one item\n* two item\n\uf0b7 three item\n• four item",
			[]string{"One item", "Two item", "Three item", "Four item"}},
		"a heading between lists ends the item": {"• the first strength\nAreas for improvement\n• the first area",
			[]string{"The first strength", "The first area"}},
		"a capitalised wrap after a joining word": {"• referrals handled by the\nMASH are timely.\nNext heading",
			[]string{"Referrals handled by the MASH are timely."}},
		"a wrapped line after a finished sentence": {"◼ Plans are clear. Reviews are regular and\nThe record shows it, consistently and in most cases, for every child reviewed.",
			[]string{"Plans are clear. Reviews are regular and The record shows it, consistently and in most cases, for every child reviewed."}},
		"prose after a blank line ends the list": {"• the last item.\n\nMembers asked for a report on progress.",
			[]string{"The last item."}},
		"paragraphs when there are no bullets": {"Strengths\n\nChildren referred get a timely response.\n\nStrategy meetings are well attended\nand effective.\n\nPage 2 of 9",
			[]string{"Children referred get a timely response.", "Strategy meetings are well attended and effective."}},
		"Windows line endings": {"• one\r\n• two\r\n", []string{"One", "Two"}},
		"section numbers are not bullets": {"1.1 The purpose of this briefing is to update the board.\n• the only item",
			[]string{"The only item"}},
		"empty":        {"  \n\n\t\n", nil},
		"bullet alone": {"•\n•   \n• real", []string{"Real"}},
	} {
		if got := SplitFindings(c.in); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", name, got, c.want)
		}
	}
}

func TestSplitFindingsLimits(t *testing.T) {
	many := strings.Repeat("• item\n", 500)
	if got := SplitFindings(many); len(got) != maxDrafts {
		t.Errorf("%d drafts from 500 bullets, want %d", len(got), maxDrafts)
	}
	long := "• " + strings.Repeat("word ", 3000)
	if got := SplitFindings(long); len(got) != 1 || utf8.RuneCountInString(got[0]) != maxFindingText {
		t.Errorf("a long item is not clipped to %d characters", maxFindingText)
	}
}

func TestDraftFindingsSuggestAreas(t *testing.T) {
	ds := DraftFindings(pastedLetter, csc.FindingImprovement)
	if len(ds) != 5 || ds[0].Kind != "improvement" {
		t.Fatalf("drafts %+v", ds)
	}
	for i, want := range [][]string{{"workforce"}, {"assessment"}, {"assessment", "children_in_care", "homeless_16_17"},
		{"quality_assurance"}, {"front_door", "partnership"}} {
		if !slices.Equal(ds[i].Areas, want) {
			t.Errorf("draft %d: areas %v, want %v", i, ds[i].Areas, want)
		}
	}
}

// FuzzSplitFindings checks arbitrary pasted text never panics and that
// every draft is one tidy, non-empty line within the limits.
func FuzzSplitFindings(f *testing.F) {
	for _, s := range []string{pastedLetter, "1. a\n2) b\n(c) c", "•", "- \n-", "a-\n\nb", "\xff\xfe•x", "\u2028• x\u2029",
		"(iv)\tx", "o x\no", strings.Repeat("-\n", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SplitFindings(s)
		if len(got) > maxDrafts {
			t.Fatalf("%d drafts", len(got))
		}
		for _, d := range got {
			if d == "" || strings.ContainsAny(d, "\n\r") || d != strings.TrimSpace(d) || !utf8.ValidString(d) ||
				utf8.RuneCountInString(d) > maxFindingText || strings.Contains(d, "  ") {
				t.Errorf("draft %q from %q", d, s)
			}
		}
	})
}
