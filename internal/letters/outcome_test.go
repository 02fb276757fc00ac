package letters

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.pdf from the current output")

const goldenPath = "testdata/outcome-letter.golden.pdf"

// render renders l, failing the test on error.
func render(t testing.TB, l OutcomeLetter) []byte {
	t.Helper()
	pdf, err := RenderOutcomeLetter(l)
	if err != nil {
		t.Fatalf("RenderOutcomeLetter: %v", err)
	}
	return pdf
}

// TestGolden compares the sample letter with the golden file byte for byte.
// Run "go test ./internal/letters/ -run TestGolden -update" after a deliberate
// change to the layout, and look at the new file before committing it.
func TestGolden(t *testing.T) {
	got := render(t, sampleLetter())
	if *update {
		if err := os.MkdirAll(filepath.Dir(goldenPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", goldenPath, len(got))
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		bad := filepath.Join(t.TempDir(), "outcome-letter.got.pdf")
		_ = os.WriteFile(bad, got, 0o644)
		t.Fatalf("output differs from %s (%d bytes, want %d); got written to %s; if the change is intended, rerun with -update",
			goldenPath, len(got), len(want), bad)
	}
}

// TestDeterministic checks that rendering is reproducible, and that only the
// civil date of Date matters, not its clock time or location.
func TestDeterministic(t *testing.T) {
	l := sampleLetter()
	first := render(t, l)
	for i := 0; i < 3; i++ {
		if !bytes.Equal(first, render(t, l)) {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
	l.Date = time.Date(2026, time.March, 4, 23, 59, 0, 0, london())
	if !bytes.Equal(first, render(t, l)) {
		t.Fatal("a different clock time or location on the same letter date changed the output")
	}
}

// TestEnvelope checks the PDF header and trailer.
func TestEnvelope(t *testing.T) {
	pdf := render(t, sampleLetter())
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("output starts %q, want %%PDF-", pdf[:min(len(pdf), 10)])
	}
	if !bytes.HasSuffix(bytes.TrimRight(pdf, "\r\n"), []byte("%%EOF")) {
		t.Errorf("output ends %q, want %%%%EOF", pdf[max(0, len(pdf)-10):])
	}
	if !bytes.Contains(pdf, []byte("/CreationDate(D:20260304000000+00'00')")) {
		t.Error("creation date is not the letter date")
	}
}

// TestText reads the sample letter back with pdftotext.
func TestText(t *testing.T) {
	text := pdfText(t, render(t, sampleLetter()), 0)
	for _, want := range []string{
		"Northmoor County Council — Children’s Services",
		"Your contact about Zoë Ó Briain, born 3 March 2015",
		"Dear Ms Siân Hughes,",
		"which we received on 3 March 2026 at 14:05",
		"Step down to early help",
		"Our reference Contact 104233",
		"4 March 2026",
		"“team around the family”",
		"£240",
		"support now – but",
		"Dr Ngozi Adéyemi-Clarke",
		"Team Manager",
		"OFFICIAL-SENSITIVE: this letter contains personal information about a child",
		"Page 1 of 2",
		"Page 2 of 2",
		"Yours sincerely,",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q\n--- text ---\n%s", want, text)
		}
	}
}

// TestInfo checks the page size and count with pdfinfo.
func TestInfo(t *testing.T) {
	info := readInfo(t, render(t, sampleLetter()))
	if info.pageSize != "595 x 842 pts (A4)" {
		t.Errorf("page size %q, want A4 (595 x 842 pts)\n%s", info.pageSize, info.raw)
	}
	if info.pages != 2 {
		t.Errorf("%d pages, want 2\n%s", info.pages, info.raw)
	}
	if !strings.Contains(info.raw, "Outcome of your contact (Contact 104233)") {
		t.Errorf("title missing\n%s", info.raw)
	}
}

// TestLongExplanation renders a 5,000-word explanation and checks that it
// runs to several A4 pages, each numbered "Page N of M" with the footer.
func TestLongExplanation(t *testing.T) {
	l := sampleLetter()
	l.DecisionExplanation = longExplanation(5000)
	pdf := render(t, l)
	info := readInfo(t, pdf)
	if info.pages < 5 {
		t.Fatalf("%d pages for 5,000 words, want at least 5", info.pages)
	}
	if info.pageSize != "595 x 842 pts (A4)" {
		t.Errorf("page size %q, want A4", info.pageSize)
	}
	for n := 1; n <= info.pages; n++ {
		text := pdfText(t, pdf, n)
		want := fmt.Sprintf("Page %d of %d", n, info.pages)
		if !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q", n, want)
		}
		if !strings.Contains(text, "OFFICIAL-SENSITIVE: this letter contains personal information about a child") {
			t.Errorf("page %d lacks the confidentiality footer", n)
		}
		if n > 1 && !strings.Contains(text, "Our reference: Contact 104233") {
			t.Errorf("continuation page %d lacks the reference", n)
		}
	}
	last := pdfText(t, pdf, info.pages)
	for _, want := range []string{"quoting our reference", "Yours sincerely,", "Dr Ngozi Adéyemi-Clarke"} {
		if !strings.Contains(last, want) {
			t.Errorf("last page lacks %q (closing and sign-off are kept together)", want)
		}
	}
}

// TestMissingEssentials checks that each essential field, when missing or
// blank, gives an error naming it.
func TestMissingEssentials(t *testing.T) {
	cases := map[string]func(*OutcomeLetter){
		"Reference":     func(l *OutcomeLetter) { l.Reference = "" },
		"Date":          func(l *OutcomeLetter) { l.Date = time.Time{} },
		"ReferrerName":  func(l *OutcomeLetter) { l.ReferrerName = "  \t\n" },
		"DecisionLabel": func(l *OutcomeLetter) { l.DecisionLabel = "\u200b" },
		"SignOffName":   func(l *OutcomeLetter) { l.SignOffName = "" },
	}
	for name, blankIt := range cases {
		t.Run(name, func(t *testing.T) {
			l := sampleLetter()
			blankIt(&l)
			pdf, err := RenderOutcomeLetter(l)
			if err == nil {
				t.Fatalf("no error; got %d bytes", len(pdf))
			}
			if pdf != nil {
				t.Error("got a PDF as well as an error")
			}
			var mf *MissingFieldError
			if !errors.As(err, &mf) || len(mf.Fields) != 1 || mf.Fields[0] != name {
				t.Errorf("error %v (%T), want a *MissingFieldError naming only %s", err, err, name)
			}
			if !errors.Is(err, ErrMissingField) {
				t.Error("errors.Is(err, ErrMissingField) is false")
			}
			if !strings.Contains(err.Error(), name) {
				t.Errorf("message %q does not name %s", err, name)
			}
		})
	}
	_, err := RenderOutcomeLetter(OutcomeLetter{})
	want := "letters: outcome letter is missing Reference, Date, ReferrerName, DecisionLabel, SignOffName"
	if err == nil || err.Error() != want {
		t.Errorf("empty letter: error %v, want %q", err, want)
	}
}

// TestOptionalFields renders a letter from a member of the public about an
// unborn child, with only the essentials, and checks the wording.
func TestOptionalFields(t *testing.T) {
	l := OutcomeLetter{
		Reference:     "Contact 9",
		Date:          time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		ReferrerName:  "Mr O’Neill",
		ChildName:     "Unborn baby of Ms Kowalska",
		DecisionLabel: "No further action",
		SignOffName:   "A. Patel",
	}
	text := pdfText(t, render(t, l), 0)
	for _, want := range []string{
		"Your contact about Unborn baby of Ms Kowalska Dear Mr O’Neill,",
		"Thank you for your contact about Unborn baby of Ms Kowalska. I am writing",
		"please contact us, quoting our reference Contact 9.",
		"Page 1 of 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q\n--- text ---\n%s", want, text)
		}
	}
	if regexp.MustCompile(`\bborn\b`).MatchString(text) {
		t.Errorf("text mentions \"born\" with no date of birth:\n%s", text)
	}
}

// TestLongWord checks that an unbroken run of characters wider than the page
// is broken across lines rather than overflowing or being lost.
func TestLongWord(t *testing.T) {
	l := sampleLetter()
	url := "https://www.northmoor.gov.uk/" + strings.Repeat("early-help-family-support/", 12) + "index.html"
	l.NextSteps = "See " + url + " for details. " + strings.Repeat("Ж", 400)
	text := pdfText(t, render(t, l), 0)
	if n := strings.Count(text, "Ж"); n != 400 {
		t.Errorf("the long word has %d of its 400 characters after being broken across lines", n)
	}
}

// TestTooLongRefused checks that a letterhead field too long to fit is
// refused with a FieldError naming it, and that an absurdly long letter is
// refused with ErrTooLong, rather than a broken PDF being produced.
func TestTooLongRefused(t *testing.T) {
	many := strings.Split(strings.Repeat("line\n", 30), "\n")
	cases := map[string]func(*OutcomeLetter){
		"Authority":        func(l *OutcomeLetter) { l.Authority = strings.Repeat("Northmoor ", 40) },
		"Team":             func(l *OutcomeLetter) { l.Team = strings.Repeat("Safeguarding ", 30) },
		"AuthorityAddress": func(l *OutcomeLetter) { l.AuthorityAddress = many },
		"ReferrerAddress":  func(l *OutcomeLetter) { l.ReferrerAddress = many },
	}
	for field, spoil := range cases {
		l := sampleLetter()
		spoil(&l)
		pdf, err := RenderOutcomeLetter(l)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != field || pdf != nil {
			t.Errorf("over-long %s: error %v, want only a FieldError for %s", field, err, field)
		}
	}

	l := sampleLetter()
	l.DecisionExplanation = longExplanation(50000)
	if _, err := RenderOutcomeLetter(l); !errors.Is(err, ErrTooLong) {
		t.Errorf("50,000 words: error %v, want ErrTooLong", err)
	}
}

// TestConcurrent renders letters in parallel, as concurrent contact
// decisions will, and checks each is identical to a serial render.
func TestConcurrent(t *testing.T) {
	want := render(t, sampleLetter())
	errs := make(chan error, 8)
	for i := 0; i < cap(errs); i++ {
		go func() {
			got, err := RenderOutcomeLetter(sampleLetter())
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("concurrent render differs from serial render")
			}
			errs <- err
		}()
	}
	for i := 0; i < cap(errs); i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
