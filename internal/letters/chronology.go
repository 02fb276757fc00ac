package letters

import (
	"fmt"
	"strings"
	"time"
)

// ChronologyMaxPages is the most pages a printed chronology may run to: a
// long-open case's chronology of a few thousand entries fits well within it.
const ChronologyMaxPages = 1500

// Chronology is a child's chronology as printed: a heading naming the child,
// the record number, when it was generated and the filters applied, then
// one entry after another, oldest first.
type Chronology struct {
	// Authority is the council, shown at the head of the first page.
	Authority string
	// ChildName and RecordNumber identify the child ("Record 1234").
	// Required.
	ChildName    string
	RecordNumber string
	// Generated is when the chronology was produced, shown in England's
	// time as given. Required.
	Generated time.Time
	// Filters says which entries are shown, e.g. "Significant entries only,
	// from 1 March 2026". Empty means all entries.
	Filters string
	// Merged names the siblings whose chronologies are interleaved.
	Merged []string
	// Entries are the lines of the chronology, in the order given.
	Entries []ChronologyEntry
}

// ChronologyEntry is one line of a printed chronology.
type ChronologyEntry struct {
	Date        time.Time // a civil date: only year, month and day are used
	Child       string    // whose entry it is, in a merged chronology; else ""
	What        string
	Impact      string
	By          string
	Source      string
	Significant bool
}

var (
	stTitle    = style{bold: true, size: 18, color: colHeading}
	stEntryHd  = style{bold: true, size: 10.5, color: colHeading}
	stEntry    = style{size: 10, color: colText}
	stEntryMut = style{size: 9, color: colMuted}
)

// chronLine is a line of the chronology's heading or of an entry.
type chronLine struct {
	st             style
	text           string
	space, leading float64
}

// RenderChronology renders a chronology as an A4 PDF. The output depends
// only on c. A chronology without the child's name, record number or
// generation time gives a *MissingFieldError; one past ChronologyMaxPages
// an error wrapping ErrTooLong.
func RenderChronology(c Chronology) (pdf []byte, err error) {
	defer recoverRender(&pdf, &err)
	c = cleanChronology(c)
	var missing []string
	if blank(c.ChildName) {
		missing = append(missing, "ChildName")
	}
	if blank(c.RecordNumber) {
		missing = append(missing, "RecordNumber")
	}
	if c.Generated.IsZero() {
		missing = append(missing, "Generated")
	}
	if len(missing) > 0 {
		return nil, &MissingFieldError{Letter: "chronology", Fields: missing}
	}
	doc, err := newPDF(docInfo{title: "Chronology: " + c.RecordNumber, author: c.Authority,
		subject: "Chronology", date: c.Generated})
	if err != nil {
		return nil, err
	}
	m := newMeasurer(doc)
	blocks, err := c.blocks(m)
	if err != nil {
		return nil, err
	}
	pages, err := paginate(page{}, blocks, frame{firstTop: marginTop + 8, top: marginTop + 18, bottom: bodyBottom,
		maxPages: ChronologyMaxPages})
	if err != nil {
		return nil, err
	}
	return draw(doc, m, pages, chrome{
		marking:      "OFFICIAL-SENSITIVE",
		footer:       "OFFICIAL-SENSITIVE: this chronology contains personal information about a child",
		continuation: "Chronology of " + c.ChildName + " (" + c.RecordNumber + ")  \u00b7  generated " + formatDateTime(c.Generated) + " (continued)",
	})
}

func cleanChronology(c Chronology) Chronology {
	out := c
	for _, f := range []*string{&out.Authority, &out.ChildName, &out.RecordNumber, &out.Filters} {
		*f = cleanLine(*f)
	}
	out.Merged = cleanLines(c.Merged)
	out.Entries = make([]ChronologyEntry, len(c.Entries))
	for i, e := range c.Entries {
		e.Child, e.By, e.Source = cleanLine(e.Child), cleanLine(e.By), cleanLine(e.Source)
		e.What = strings.Join(paragraphs(e.What), "\n")
		e.Impact = strings.Join(paragraphs(e.Impact), "\n")
		out.Entries[i] = e
	}
	return out
}

// blocks lays out the heading and then one block per entry, each kept
// together on a page where it fits.
func (c Chronology) blocks(m *measurer) ([]block, error) {
	var blocks []block
	add := func(st style, text string, spaceBefore, leading float64) error {
		b, err := m.textBlock(st, text, marginLeft, contentWidth, leading, alignLeft)
		b.spaceBefore = spaceBefore
		blocks = append(blocks, b)
		return err
	}
	filters := c.Filters
	if filters == "" {
		filters = "All entries"
	}
	head := []chronLine{
		{stTeam, c.Authority, 0, 14},
		{stTitle, "Chronology: " + c.ChildName, 4, 24},
		{stBody, "Record number: " + c.RecordNumber, 6, bodyLeading},
		{stBody, "Generated: " + formatDateTime(c.Generated), 0, bodyLeading},
		{stBody, "Entries shown: " + filters, 0, bodyLeading},
	}
	if len(c.Merged) > 0 {
		head = append(head, chronLine{stBody, "Merged with the chronologies of: " + strings.Join(c.Merged, ", "), 0, bodyLeading})
	}
	for _, h := range head {
		if h.text == "" {
			continue
		}
		if err := add(h.st, h.text, h.space, h.leading); err != nil {
			return nil, err
		}
	}
	if len(c.Entries) == 0 {
		return blocks, add(stBody, "There are no entries to show.", 16, bodyLeading)
	}
	for i, e := range c.Entries {
		b, err := c.entryBlock(m, e)
		if err != nil {
			return nil, err
		}
		b.spaceBefore = 9
		if i == 0 {
			b.spaceBefore = 18
		}
		blocks = append(blocks, b)
	}
	return blocks, nil
}

func (c Chronology) entryBlock(m *measurer, e ChronologyEntry) (block, error) {
	b := block{keepTogether: true}
	heading := formatDate(e.Date)
	if e.Child != "" {
		heading += "  \u00b7  " + e.Child
	}
	if e.Significant {
		heading += "  \u00b7  significant"
	}
	parts := []chronLine{{stEntryHd, heading, 0, 0}, {stEntry, e.What, 0, 0}}
	if e.Impact != "" {
		parts = append(parts, chronLine{stEntry, "Impact on the child: " + e.Impact, 0, 0})
	}
	var by []string
	if e.By != "" {
		by = append(by, "By "+e.By)
	}
	if e.Source != "" {
		by = append(by, "Source: "+e.Source)
	}
	if len(by) > 0 {
		parts = append(parts, chronLine{stEntryMut, strings.Join(by, "  \u00b7  "), 0, 0})
	}
	for _, p := range parts {
		if p.text == "" {
			continue
		}
		tb, err := m.textBlock(p.st, p.text, marginLeft, contentWidth, 13.5, alignLeft)
		if err != nil {
			return b, fmt.Errorf("letters: chronology entry: %w", err)
		}
		b.lines = append(b.lines, tb.lines...)
	}
	return b, nil
}
