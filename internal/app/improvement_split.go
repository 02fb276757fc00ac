package app

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"cairn/internal/csc"
)

// Splitting a pasted section of an inspection letter into draft findings.
// Letters list findings as bullets (•, ◼, ▪, -, * and the like) or
// numbered items (1. 1) (a) a) (i)); text copied from a PDF wraps each
// item over several lines, sometimes with blank lines between, and carries
// headings ("What needs to improve…") and page furniture. The splitter
// keeps one draft per item, joins the wrapped lines, and drops headings,
// prose and page numbers. It only drafts: people check every draft before
// anything is saved.

// MaxPaste is the most text the splitter reads, in bytes: several times
// the longest inspection report section.
const MaxPaste = 200_000

// maxDrafts bounds the drafts from one paste.
const maxDrafts = 300

// maxFindingText is the longest finding, in characters.
const maxFindingText = 5000

// bulletRunes start a bulleted item; the last three are the private-use
// characters Word's Symbol and Wingdings bullets become in copied text.
const bulletRunes = "•◼▪■●◦‣∙·►➢✓–—\uf0b7\uf0a7\uf0d8"

var numbered = regexp.MustCompile(`^(?:\(\s*(?:\d{1,3}|[a-z]|[ivx]{1,5})\s*\)|(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s+`)

// bullet reports whether line starts a list item and returns its text.
func bullet(line string) (string, bool) {
	r, n := utf8.DecodeRuneInString(line)
	switch {
	case strings.ContainsRune(bulletRunes, r):
		return strings.TrimSpace(line[n:]), true
	case (r == '-' || r == '*' || r == 'o') && len(line) > 1 && (line[1] == ' ' || line[1] == '\t'):
		return strings.TrimSpace(line[1:]), true
	}
	if m := numbered.FindString(line); m != "" {
		return strings.TrimSpace(line[len(m):]), true
	}
	return "", false
}

// pageFurniture matches lines that are only a page number.
var pageFurniture = regexp.MustCompile(`^(?i:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$`)

// joinWords end a line whose sentence must go on.
var joinWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "to": true, "and": true, "or": true,
	"in": true, "for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "as": true, "that": true,
	"which": true, "who": true, "their": true, "its": true, "is": true, "are": true, "be": true, "not": true, "but": true,
	"into": true, "within": true, "including": true, "between": true, "such": true}

// unfinished reports whether an item's text stops mid-sentence.
func unfinished(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?:;)”’\"'", r)
}

// mustGoOn reports whether s ends in a way only more text can finish: a
// joining word, a comma or a hyphen.
func mustGoOn(s string) bool {
	if strings.HasSuffix(s, ",") || strings.HasSuffix(s, "-") || strings.HasSuffix(s, "–") {
		return true
	}
	word := s
	if i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		word = s[i+n:]
	}
	return joinWords[strings.ToLower(word)]
}

// headingLike reports whether a line reads as a heading: short, starting
// with a capital and with no closing punctuation.
func headingLike(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return utf8.RuneCountInString(l) <= 60 && unicode.IsUpper(r) && unfinished(l)
}

// continues reports whether line carries on an item whose last line so
// far is cur. blank says a blank line came between them.
func continues(cur, line string, blank bool) bool {
	r, _ := utf8.DecodeRuneInString(line)
	switch {
	case unicode.IsLower(r), mustGoOn(cur):
		return true
	case unicode.IsDigit(r):
		return unfinished(cur)
	case blank:
		return false
	}
	return !headingLike(line)
}

// item is a draft being built from wrapped lines. last is the line added
// last, which decides how the next one joins; the builder keeps joining
// linear in the length of the paste.
type item struct {
	b    strings.Builder
	last string
}

func (it *item) empty() bool { return it.b.Len() == 0 }

func (it *item) String() string { return it.b.String() }

// start begins a new item with s.
func (it *item) start(s string) {
	it.b.Reset()
	it.b.WriteString(s)
	it.last = s
}

// add appends a wrapped line, mending words broken with a hyphen at the
// line's end ("joined-" + "up" is "joined-up").
func (it *item) add(line string) {
	if it.empty() {
		it.start(line)
		return
	}
	if !hyphenBreak(it.last, line) {
		it.b.WriteByte(' ')
	}
	it.b.WriteString(line)
	it.last = line
}

// hyphenBreak reports whether prev ends with a word broken by a hyphen
// that next finishes.
func hyphenBreak(prev, next string) bool {
	if !strings.HasSuffix(prev, "-") {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(before) && unicode.IsLower(first)
}

// tidy makes a draft's text: single spaces, a capital first letter, and
// no list punctuation left at its end ("…; and").
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, tail := range []string{"; and", "; or", ", and", ", or", ";", ","} {
		s = strings.TrimSuffix(s, tail)
	}
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// lines splits pasted text into trimmed lines, whatever its line endings.
func lines(text string) []string {
	text = strings.ToValidUTF8(text, "")
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n", "\u2028", "\n", "\u2029", "\n", "\u00a0", " ").Replace(text)
	out := strings.Split(text, "\n")
	for i, l := range out {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

// SplitFindings splits a pasted section of a letter into the texts of its
// findings, in order. Text with no bullets or numbers is split into
// paragraphs instead, dropping those that read as headings. It reads at
// most MaxPaste bytes and returns at most 300 texts, each at most 5,000
// characters.
func SplitFindings(text string) []string {
	if len(text) > MaxPaste {
		text = text[:MaxPaste]
	}
	ls := lines(text)
	var out []string
	add := func(s string) {
		if s = tidy(s); s != "" && len(out) < maxDrafts {
			out = append(out, clipRunes(s, maxFindingText))
		}
	}
	var cur item
	in, blank, listed := false, false, false
	for _, l := range ls {
		if l == "" {
			blank = true
			continue
		}
		if pageFurniture.MatchString(l) {
			continue
		}
		if rest, ok := bullet(l); ok {
			if in {
				add(cur.String())
			}
			cur.start(rest)
			in, blank, listed = true, false, true
			continue
		}
		if in && (cur.empty() || continues(cur.last, l, blank)) {
			cur.add(l)
			blank = false
			continue
		}
		if in {
			add(cur.String())
		}
		cur.start("")
		in, blank = false, false
	}
	if in {
		add(cur.String())
	}
	if !listed {
		paragraphs(ls, add)
	}
	return out
}

// paragraphs is the splitter for text without bullets: each block of
// lines between blank lines is a draft unless it reads as a heading.
func paragraphs(ls []string, add func(string)) {
	var cur item
	flush := func() {
		if s := cur.String(); s != "" && !headingLike(s) {
			add(s)
		}
		cur.start("")
	}
	for _, l := range ls {
		switch {
		case l == "":
			flush()
		case pageFurniture.MatchString(l):
		default:
			cur.add(l)
		}
	}
	flush()
}

// clipRunes cuts s to at most n characters.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// areaKeywords suggest practice areas for a draft finding: a finding
// mentioning any of an area's words is tagged with it for review.
var areaKeywords = []struct {
	area  string
	words []string
}{
	{"front_door", []string{"front door", "mash", "safeguarding hub", "referral", "threshold", "single point of contact"}},
	{"early_help", []string{"early help"}},
	{"assessment", []string{"assessment"}},
	{"child_protection", []string{"child protection", "strategy", "section 47", "protection plan", "conference"}},
	{"children_in_need", []string{"children in need", "child in need"}},
	{"extra_familial_harm", []string{"exploitation", "missing", "extra-familial"}},
	{"disabled_children", []string{"disabled", "disabilit"}},
	{"children_in_care", []string{"children in care", "looked after", "looked-after", "placement"}},
	{"permanence", []string{"permanence", "adoption", "adopted"}},
	{"care_leavers", []string{"care leaver", "leaving care", "pathway plan"}},
	{"homeless_16_17", []string{"homeless"}},
	{"private_fostering", []string{"private fostering", "privately fostered", "private foster"}},
	{"transitions", []string{"transition", "adult services"}},
	{"workforce", []string{"workforce", "recruitment", "retention", "caseload", "vacanc", "staffing", "capacity"}},
	{"supervision", []string{"supervision", "management oversight"}},
	{"quality_assurance", []string{"audit", "quality assurance", "performance"}},
	{"partnership", []string{"partnership", "multi-agency", "partner agencies"}},
	{"leadership", []string{"leaders", "leadership", "senior manager"}},
}

// SuggestAreas returns the practice areas a finding's words suggest, in
// the list's order.
func SuggestAreas(text string) []string {
	t := strings.ToLower(text)
	var out []string
	for _, k := range areaKeywords {
		for _, w := range k.words {
			if strings.Contains(t, w) {
				out = append(out, k.area)
				break
			}
		}
	}
	return out
}

// DraftFindings splits pasted text into findings of one kind, with their
// suggested practice areas, for a person to check: nothing is saved.
func DraftFindings(text string, kind csc.FindingKind) []csc.FindingInput {
	var out []csc.FindingInput
	for _, s := range SplitFindings(text) {
		out = append(out, csc.FindingInput{Kind: string(kind), Text: s, Areas: SuggestAreas(s)})
	}
	return out
}
