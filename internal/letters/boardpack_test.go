package letters

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// samplePack is a pack with overdue actions overdue actions actions, a plan
// across three themes, three resolutions and a focused visit with four
// findings, one of them unanswered.
func samplePack(overdue int) BoardPack {
	p := BoardPack{Authority: "Northmoor County Council", Board: "Quality and Development Board",
		Quarter: "Q3 2025–26 (October to December 2025)", AsOf: day("2025-12-31"), Meeting: "the meeting of 15 January 2026",
		Generated: time.Date(2026, 1, 8, 10, 15, 0, 0, time.UTC),
		Themes: []PackTheme{{Theme: "Assessment", Red: 2, Amber: 1, Green: 4, Blue: 3},
			{Theme: "Homeless 16- and 17-year-olds", Red: 1, Green: 1}, {Theme: "Workforce", Amber: 2, Grey: 1}},
		Unowned: []PackAction{{Title: "Refresh the supervision policy", Theme: "Supervision", Owner: "Former Manager", Due: day("2026-03-31")}},
		Resolutions: []PackResolution{
			{Text: "Circulate a full breakdown of staff absence to members", Raised: day("2025-10-16"), Owner: "Dana Okafor",
				Due: "Next meeting (15 January 2026)", Status: "Open"},
			{Text: "Bring a report on homeless young people to a future meeting", Raised: day("2025-10-16"), Owner: "Lee Leader",
				Due: "30 November 2025", Status: "Carried forward", DaysOver: 31},
		},
		Inspection: &PackInspection{Title: "Focused visit, 21 August 2025", Published: day("2025-09-20"), Findings: []PackFinding{
			{Kind: "Strength", Text: "Management oversight is visible on children's records."},
			{Kind: "Area for improvement", Text: "The capacity and stability of the workforce.", NeedsAct: true, Actions: 2, Progress: "2 actions: 1 complete, 1 amber"},
			{Kind: "Area for improvement", Text: "Exploration of children's identity needs in assessments.", NeedsAct: true, Actions: 1, Progress: "1 action: green"},
			{Kind: "Area for improvement", Text: "The response to homeless 16- and 17-year-olds.", NeedsAct: true},
		}},
	}
	for i := range overdue {
		p.Overdue = append(p.Overdue, PackAction{Title: fmt.Sprintf("Overdue action %d: audit actions completed on time", i+1),
			Theme: "Quality assurance and performance", Owner: "Sam Owner", Due: day("2025-11-30").AddDate(0, 0, -i), DaysOver: 31 + i})
	}
	return p
}

// TestBoardPackText reads a pack back as a board member would: the
// heading, a contents page whose numbers are the pages the sections start
// on, plan progress by theme with its totals, overdue actions with owner,
// due date and days over, the outstanding resolutions, and the latest
// inspection with the unanswered finding flagged.
func TestBoardPackText(t *testing.T) {
	pdf, err := RenderBoardPack(samplePack(3))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf, 0)
	for _, want := range []string{
		"Board pack: Quality and Development Board", "Q3 2025–26 (October to December 2025)", "Figures as at 31 December 2025",
		"Prepared for the meeting of 15 January 2026", "Contents",
		"Actions in the improvement plan: 15 (red 3, amber 3, green 5, complete 3, dropped 1)", "Overdue actions: 3",
		"Outstanding resolutions of this board: 2, of which overdue: 1",
		"Findings needing action: 3, of which with no action in the plan: 1",
		"Overdue action 3", "Refresh the supervision policy", "Focused visit, 21 August 2025", "Letter published 20 September 2025",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the pack lacks %q\n--- text ---\n%s", want, text)
		}
	}
	// Table rows, read with the page's layout kept so that each row's
	// cells stay together.
	rows := pdfRows(t, pdf)
	for _, want := range []string{
		"Assessment 2 1 4 3 0 10", "Homeless 16- and 17-year-olds 1 0 1 0 0 2", "Workforce 0 2 0 0 1 3", "All themes 3 3 5 3 1 15",
		"Overdue action 1: audit actions Quality assurance Sam Owner 30 November 2025 31",
		"Refresh the supervision policy Supervision Former Manager 31 March 2026",
		"Bring a report on homeless young 16 October 2025 Lee Leader 30 November 2025 Carried forward,",
		"2 Area for improvement The capacity and stability of the workforce. Actioned: 2 actions: 1 complete, 1",
		"4 Area for improvement The response to homeless 16- and NOT ACTIONED: no action in the",
		"1 Strength Management oversight is visible on children's No action needed (a strength)",
	} {
		if !slices.Contains(rows, want) {
			t.Errorf("the pack lacks the row %q\n--- rows ---\n%s", want, strings.Join(rows, "\n"))
		}
	}
	info := readInfo(t, pdf)
	if info.pageSize != "595 x 842 pts (A4)" {
		t.Errorf("page size %q", info.pageSize)
	}
	checkContents(t, pdf, info.pages)
}

// checkContents checks each section named in the contents starts on the
// page the contents gives, and that every page is numbered.
func checkContents(t *testing.T, pdf []byte, pages int) {
	t.Helper()
	first := pdfText(t, pdf, 1)
	for i, s := range packSections {
		m := regexp.MustCompile(regexp.QuoteMeta(fmt.Sprintf("%d. %s", i+1, s)) + ` (\d+)`).FindStringSubmatch(first)
		if m == nil {
			t.Errorf("the contents lacks section %q with a page number:\n%s", s, first)
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > pages {
			t.Errorf("section %q is said to start on page %d of %d", s, n, pages)
			continue
		}
		heading := fmt.Sprintf("%d. %s", i+1, s)
		onPage := pdfText(t, pdf, n)
		if n == 1 {
			onPage = strings.Replace(onPage, m[0], "", 1)
		}
		if !strings.Contains(onPage, heading) {
			t.Errorf("the contents says %q starts on page %d, which lacks it", s, n)
		}
	}
	for n := 1; n <= pages; n++ {
		if !strings.Contains(pdfText(t, pdf, n), fmt.Sprintf("Page %d of %d", n, pages)) {
			t.Errorf("page %d is not numbered", n)
		}
	}
}

// TestBoardPackLong: a plan with 500 overdue actions runs over many pages,
// keeps every action, and its contents still point at the right pages.
func TestBoardPackLong(t *testing.T) {
	pdf, err := RenderBoardPack(samplePack(500))
	if err != nil {
		t.Fatal(err)
	}
	info := readInfo(t, pdf)
	if info.pages < 10 {
		t.Errorf("500 overdue actions on %d pages", info.pages)
	}
	text := pdfText(t, pdf, 0)
	if !strings.Contains(text, "Overdue action 500:") || !strings.Contains(text, "Overdue actions: 500") {
		t.Errorf("the long pack lost actions")
	}
	checkContents(t, pdf, info.pages)
}

// TestBoardPackEmptyAndMissing: a pack for a new board with nothing in the
// plan says so in each section; one without its board or quarter is refused.
func TestBoardPackEmptyAndMissing(t *testing.T) {
	p := BoardPack{Board: "Corporate Parenting Board", Quarter: "Q1 2026–27 (April to June 2026)", AsOf: day("2026-06-30"),
		Generated: day("2026-07-01")}
	pdf, err := RenderBoardPack(p)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf, 0)
	for _, want := range []string{"The improvement plan has no actions yet.", "No action is overdue.",
		"The board has no outstanding resolutions.", "The inspection register is empty."} {
		if !strings.Contains(text, want) {
			t.Errorf("an empty pack lacks %q", want)
		}
	}
	p.Board, p.Quarter = " ", ""
	_, err = RenderBoardPack(p)
	var mf *MissingFieldError
	if !errors.As(err, &mf) || strings.Join(mf.Fields, ",") != "Board,Quarter" {
		t.Errorf("a pack without board or quarter: %v", err)
	}
}

// FuzzRenderBoardPack feeds arbitrary text into the pack: it must never
// panic, and gives a PDF or an error of a known kind.
func FuzzRenderBoardPack(f *testing.F) {
	f.Add("Quality and Development Board", "Q3 2025–26", "Assessment", "Circulate absence figures", "Sam Owner", uint8(3))
	f.Add("", "\x00\xff", "\u202e🙂", "a\n\nb", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", uint8(200))
	f.Fuzz(func(t *testing.T, board, quarter, theme, text, owner string, n uint8) {
		p := samplePack(int(n) % 40)
		p.Board, p.Quarter = board, quarter
		p.Themes = append(p.Themes, PackTheme{Theme: theme, Red: int(n)})
		p.Resolutions = append(p.Resolutions, PackResolution{Text: strings.Repeat(text, 1+int(n)%5), Owner: owner, Due: text, Status: owner})
		p.Inspection.Findings = append(p.Inspection.Findings, PackFinding{Kind: theme, Text: text, NeedsAct: true})
		pdf, err := RenderBoardPack(p)
		if err != nil {
			var mf *MissingFieldError
			if !errors.As(err, &mf) && !errors.Is(err, ErrTooLong) {
				t.Fatalf("unexpected kind of error: %v", err)
			}
			return
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("output does not start with %%PDF-")
		}
	})
}

// pdfRows reads the PDF's text with its layout kept, one line of the page
// to a string, runs of spaces collapsed.
func pdfRows(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", writePDF(t, pdf), "-"), "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return out
}
