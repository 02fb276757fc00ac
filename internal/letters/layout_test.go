package letters

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// testMeasurer returns a measurer over a fresh document.
func testMeasurer(t testing.TB) *measurer {
	t.Helper()
	pdf, err := newPDF(docInfo{date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return newMeasurer(pdf)
}

// TestWrap checks that wrapped lines fit, keep every non-space character in
// order, and honour forced breaks.
func TestWrap(t *testing.T) {
	m := testMeasurer(t)
	texts := []string{
		longExplanation(300),
		"Zoë’s “team around the family” — £240 – naïve café Ó Briain",
		strings.Repeat("x", 500),
		"short\nlines\n\nhere",
		"well-being/attendance-and-punctuality-review-" + strings.Repeat("ab-", 80),
		"",
	}
	for _, bold := range []bool{false, true} {
		st := style{bold: bold, size: 11}
		for _, width := range []float64{contentWidth, 90, 12} {
			for _, text := range texts {
				lines, err := m.wrap(st, text, width)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range lines {
					w, err := m.width(st, l)
					if err != nil {
						t.Fatal(err)
					}
					if w > width+1e-9 && utf8.RuneCountInString(l) > 1 {
						t.Errorf("line %q is %.2f pt wide, more than %.2f", l, w, width)
					}
				}
				strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
				if got, want := strip(strings.Join(lines, "")), strip(text); got != want {
					t.Errorf("wrap lost or reordered text:\n got %q\nwant %q", got, want)
				}
			}
		}
	}
	lines, _ := m.wrap(style{size: 11}, "one\ntwo", contentWidth)
	if len(lines) != 2 {
		t.Errorf("forced break: got %q", lines)
	}
}

// TestMeasureMatchesGopdf checks the per-character width cache against
// gopdf's measurement of whole strings.
func TestMeasureMatchesGopdf(t *testing.T) {
	m := testMeasurer(t)
	for _, s := range []string{"Northmoor County Council", "Zoë Ó Briain — £240", "WAVE To"} {
		for _, bold := range []bool{false, true} {
			st := style{bold: bold, size: 11}
			got, err := m.width(st, s)
			if err != nil {
				t.Fatal(err)
			}
			family := familyRegular
			if bold {
				family = familyBold
			}
			if err := m.pdf.SetFont(family, "", 11); err != nil {
				t.Fatal(err)
			}
			want, err := m.pdf.MeasureTextWidth(s)
			if err != nil {
				t.Fatal(err)
			}
			if d := got - want; d > 1e-6 || d < -1e-6 {
				t.Errorf("width(%q, bold=%v) = %.4f, gopdf says %.4f", s, bold, got, want)
			}
		}
	}
}

// TestPaginate checks the page-breaking rules: no orphaned first line, no
// widowed last line, headings kept with what follows, blocks kept together.
func TestPaginate(t *testing.T) {
	f := frame{firstTop: 0, top: 0, bottom: 100, maxPages: 10}
	para := func(n int) block {
		b := block{spaceBefore: 5}
		for i := 0; i < n; i++ {
			b.lines = append(b.lines, line{text: "x", height: 10})
		}
		return b
	}
	pagesOf := func(pages []page) []int {
		var n []int
		for _, p := range pages {
			n = append(n, len(p.lines))
		}
		return n
	}
	cases := []struct {
		name   string
		blocks []block
		want   []int
	}{
		{"fits", []block{para(3), para(3)}, []int{6}},
		{"orphan moves", []block{para(9), para(3)}, []int{9, 3}},
		{"widow avoided", []block{para(4), para(6)}, []int{8, 2}},
		{"heading kept with next", []block{para(7), {lines: para(1).lines, spaceBefore: 5, keepWithNext: true}, para(4)}, []int{7, 5}},
		{"kept together", []block{para(6), {lines: para(4).lines, spaceBefore: 5, keepTogether: true}}, []int{6, 4}},
		{"too tall to keep together", []block{{lines: para(25).lines, keepTogether: true}}, []int{10, 10, 5}},
	}
	for _, c := range cases {
		pages, err := paginate(page{}, c.blocks, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := pagesOf(pages); !equalInts(got, c.want) {
			t.Errorf("%s: lines per page %v, want %v", c.name, got, c.want)
		}
	}
	if _, err := paginate(page{}, []block{para(200)}, f); err == nil {
		t.Error("no error for a letter longer than maxPages")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCleanText checks the clean-up of caller text.
func TestCleanText(t *testing.T) {
	cases := map[string]string{
		"a\r\nb\rc":              "a\nb\nc",
		"tab\there":              "tab here",
		"zero\u200bwidth":        "zerowidth",
		"bad\xffutf8":            "bad?utf8",
		"nul\x00bell\a":          "nulbell",
		"keep\u00a0nbsp":         "keep\u00a0nbsp",
		"Zoë “quoted” – £5 — ok": "Zoë “quoted” – £5 — ok",
	}
	for in, want := range cases {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cleanLine("  two\n lines  "); got != "two lines" {
		t.Errorf("cleanLine = %q", got)
	}
	got := paragraphs("one\n\n \n\ntwo\nstill two\n\n\n")
	if len(got) != 2 || got[1] != "two\nstill two" {
		t.Errorf("paragraphs = %q", got)
	}
}

// TestUnsupportedCharacters checks that characters the font lacks (here CJK
// and emoji) render as a question mark rather than failing.
func TestUnsupportedCharacters(t *testing.T) {
	l := sampleLetter()
	l.ChildName = "Zoë 李 🙂"
	pdf := render(t, l)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if text := pdfText(t, pdf, 1); !strings.Contains(text, "Your contact about Zoë ? ?, born") {
		t.Errorf("missing glyphs not shown as ?: %s", text)
	}
}
