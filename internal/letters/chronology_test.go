package letters

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func sampleChronology(n int) Chronology {
	c := Chronology{Authority: "Northmoor County Council", ChildName: "Zoë Ó Briain", RecordNumber: "Record 1042",
		Generated: time.Date(2026, 11, 20, 15, 30, 0, 0, time.UTC), Filters: "Significant entries only",
		Merged: []string{"Aoife Ó Briain"}}
	day := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		c.Entries = append(c.Entries, ChronologyEntry{Date: day.AddDate(0, 0, i), Child: "Zoë Ó Briain",
			What:   fmt.Sprintf("Entry %d: strategy discussion held with police and health", i+1),
			Impact: "Zoë was frightened and said so — her words were recorded.", By: "Team Manager",
			Source: "Timeline", Significant: i%2 == 0})
	}
	return c
}

// TestChronologyText reads a printed chronology back with pdftotext: the
// heading names the child, record and filters; entries keep their dates,
// impact notes and order; long chronologies run over numbered A4 pages.
func TestChronologyText(t *testing.T) {
	pdf, err := RenderChronology(sampleChronology(3))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf, 0)
	for _, want := range []string{"Zoë Ó Briain", "Record 1042", "Significant entries only", "Aoife Ó Briain",
		"Entry 1: strategy discussion held", "2 January 2024", "4 January 2024", "her words were recorded"} {
		if !strings.Contains(text, want) {
			t.Errorf("chronology text lacks %q\n--- text ---\n%s", want, text)
		}
	}
	if strings.Index(text, "Entry 1:") > strings.Index(text, "Entry 3:") {
		t.Error("entries are not in the order given")
	}
	long, err := RenderChronology(sampleChronology(400))
	if err != nil {
		t.Fatal(err)
	}
	info := readInfo(t, long)
	if info.pageSize != "595 x 842 pts (A4)" || info.pages < 5 {
		t.Errorf("400 entries: %d pages of %q, want several A4 pages", info.pages, info.pageSize)
	}
	if last := pdfText(t, long, info.pages); !strings.Contains(last, "Entry 400:") {
		t.Errorf("the last page lacks the last entry:\n%s", last)
	}
}

// TestChronologyNeedsChild refuses a chronology that does not say whose it is.
func TestChronologyNeedsChild(t *testing.T) {
	c := sampleChronology(1)
	c.ChildName = ""
	if _, err := RenderChronology(c); err == nil {
		t.Error("a chronology without the child's name rendered")
	}
}
