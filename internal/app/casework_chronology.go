package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"cairn/internal/csc"
	"cairn/internal/letters"
)

// ChronologyKinds are the kinds a chronology can be filtered by: the
// significant kinds, the other timeline kinds an entry may be marked
// significant from, and manual entries.
var ChronologyKinds = append(slices.Clone(csc.SignificantEventKinds), csc.EventScreening, csc.EventDecision,
	csc.EventLetter, csc.EventAssessmentStarted, csc.EventCoreGroup, csc.EventPlanAction, csc.EventCINReview,
	csc.EventVisit, csc.EventCaseNote, csc.KindManual)

// Chronology is a child's chronology as filtered, possibly merged with
// siblings'.
type Chronology struct {
	Child   *csc.Person
	Entries []csc.ChronologyEntry
	// From and To are the period applied (zero for open ends); Kind and
	// Significance the other filters.
	From, To           csc.Date
	Kind, Significance string
	// Merged are the siblings whose entries are interleaved; Siblings are
	// the siblings the actor may choose to merge.
	Merged   []csc.Person
	Siblings []csc.Person
}

// Filters describes the filters applied, in words, for the printout.
func (c *Chronology) Filters() string {
	var parts []string
	switch c.Significance {
	case "significant":
		parts = append(parts, "significant entries only")
	case "other":
		parts = append(parts, "entries not marked significant only")
	}
	if c.Kind != "" {
		parts = append(parts, "of the type “"+ChronologyKindLabel(c.Kind)+"”")
	}
	if !c.From.IsZero() {
		parts = append(parts, "from "+c.From.Long())
	}
	if !c.To.IsZero() {
		parts = append(parts, "to "+c.To.Long())
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, ", ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// ChronologyKindLabel names a chronology kind for filters.
func ChronologyKindLabel(kind string) string {
	if kind == csc.KindManual {
		return "manual entry"
	}
	return strings.NewReplacer("-", " ", ".", ": ").Replace(kind)
}

// parseChronologyQuery checks the filters.
func parseChronologyQuery(q csc.ChronologyQuery) (from, to csc.Date, err error) {
	var probs csc.Problems
	if q.Kind != "" && !slices.Contains(ChronologyKinds, q.Kind) {
		probs.Add("kind", "Choose a type of entry from the list")
	}
	switch q.Significance {
	case "", "significant", "other":
	default:
		probs.Add("significance", "Choose significant, other or all entries")
	}
	read := func(field, s, what string) csc.Date {
		if strings.TrimSpace(s) == "" {
			return csc.Date{}
		}
		d, err := csc.ParseDate(s)
		if err != nil {
			probs.Add(field, "Enter the %s as a real date, for example 2026-03-02", what)
		}
		return d
	}
	from, to = read("from", q.From, "start of the period"), read("to", q.To, "end of the period")
	if !from.IsZero() && !to.IsZero() && from.After(to) {
		probs.Add("to", "The end of the period must be on or after its start")
	}
	return from, to, probs.Err()
}

// siblingsOf lists the child's siblings the actor may view.
func siblingsOf(tx csc.Tx, actor csc.Actor, childID int64) ([]csc.Person, error) {
	rels, err := tx.ListRelationships(childID)
	if err != nil {
		return nil, err
	}
	var out []csc.Person
	for _, r := range rels {
		if r.Type != csc.RelSibling && r.Type != csc.RelHalfSibling || r.Other.Kind == csc.KindAdult {
			continue
		}
		if _, _, err := loadChild(tx, actor, csc.ActChildView, r.Other.ID); err != nil {
			if k := csc.ErrorKind(err); k == csc.Forbidden || k == csc.NotFound {
				continue
			}
			return nil, err
		}
		out = append(out, r.Other)
	}
	return out, nil
}

// chronologyReads returns the two reads of one child's entries within the
// period, for Together, and a function that gives the entries read: the
// events and then the manual entries, each oldest first.
func chronologyReads(tx csc.Tx, childID int64, from, to csc.Date) (reads []func() error, entries func() []csc.ChronologyEntry) {
	var fromAt, toAt time.Time
	if !from.IsZero() {
		fromAt = from.In(csc.London)
	}
	if !to.IsZero() {
		toAt = to.AddDays(1).In(csc.London)
	}
	var events, manual []csc.ChronologyEntry
	reads = []func() error{
		func() (err error) {
			events, err = tx.ChronologyEvents(childID, csc.SignificantEventKinds, fromAt, toAt)
			return err
		},
		func() (err error) { manual, err = tx.ChronologyManual(childID, from, to); return err },
	}
	return reads, func() []csc.ChronologyEntry { return append(events, manual...) }
}

// readChronology reads one child's entries within the period.
func readChronology(tx csc.Tx, childID int64, from, to csc.Date) ([]csc.ChronologyEntry, error) {
	reads, entries := chronologyReads(tx, childID, from, to)
	if err := tx.Together(reads...); err != nil {
		return nil, err
	}
	return entries(), nil
}

// ChildChronology reads a child's chronology: the significant events of
// the timeline and the manual entries, filtered, oldest first, with any
// chosen siblings' entries interleaved and labelled. Needs child.view for
// the child and each sibling; audited per child.
func (a *App) ChildChronology(ctx context.Context, actor csc.Actor, childID int64, q csc.ChronologyQuery) (c *Chronology, err error) {
	defer csc.WrapOp(&err, "app.ChildChronology")
	_, c, err = a.chronology(ctx, actor, childID, q, false)
	return c, err
}

// ChronologyPage reads a child's chronology (as ChildChronology) and their
// identity bar (as ChildHeader) together, in one read whose audit rows are
// committed once, for the chronology page.
func (a *App) ChronologyPage(ctx context.Context, actor csc.Actor, childID int64, q csc.ChronologyQuery) (r *ChildRecord, c *Chronology, err error) {
	defer csc.WrapOp(&err, "app.ChronologyPage")
	return a.chronology(ctx, actor, childID, q, true)
}

// chronology reads the chronology and, if header is set, the identity bar.
func (a *App) chronology(ctx context.Context, actor csc.Actor, childID int64, q csc.ChronologyQuery, header bool) (r *ChildRecord, c *Chronology, err error) {
	if err := require(actor, csc.ActChildView); err != nil {
		return nil, nil, err
	}
	from, to, err := parseChronologyQuery(q)
	if err != nil {
		return nil, nil, err
	}
	c = &Chronology{From: from, To: to, Kind: q.Kind, Significance: q.Significance}
	if header {
		r = &ChildRecord{}
	}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		// The child's own entries are read with the siblings (which the
		// page offers to merge) and, for the page, the identity bar: on
		// PostgreSQL in one round trip. None of it is used unless the
		// reader may see the child.
		reads, own := chronologyReads(tx, childID, from, to)
		var siblings []csc.Person
		reads = append(reads, func() (err error) { siblings, err = siblingsOf(tx, actor, childID); return err })
		if header {
			if err := readHeader(tx, au, actor, childID, r, reads...); err != nil {
				return err
			}
			c.Child = r.Child
		} else {
			if c.Child, _, err = loadChild(tx, actor, csc.ActChildView, childID); err != nil {
				return err
			}
			if err := tx.Together(reads...); err != nil {
				return err
			}
		}
		c.Siblings = siblings
		children := []*csc.Person{c.Child}
		for _, id := range q.Siblings {
			i := slices.IndexFunc(c.Siblings, func(p csc.Person) bool { return p.ID == id })
			if i < 0 {
				return csc.Problems{{Field: "siblings", Message: fmt.Sprintf("Person %d is not a sibling of this child whose record you may open", id)}}.Err()
			}
			if slices.ContainsFunc(c.Merged, func(p csc.Person) bool { return p.ID == id }) {
				continue
			}
			c.Merged = append(c.Merged, c.Siblings[i])
			children = append(children, &c.Siblings[i])
		}
		for _, ch := range children {
			var entries []csc.ChronologyEntry
			if ch.ID == childID {
				entries = own()
			} else if entries, err = readChronology(tx, ch.ID, from, to); err != nil {
				return err
			}
			// Entries are kept in place: a ten-year chronology is thousands
			// of entries, and copying them was a large part of the page.
			kept := entries[:0]
			for _, e := range entries {
				if q.Kind != "" && e.Kind != q.Kind || q.Significance == "significant" && !e.Significant ||
					q.Significance == "other" && e.Significant {
					continue
				}
				if len(children) > 1 {
					e.ChildName = ch.Name()
				}
				kept = append(kept, e)
			}
			if c.Entries == nil {
				c.Entries = kept
			} else {
				c.Entries = append(c.Entries, kept...)
			}
			detail := ""
			if ch.ID != childID {
				detail = fmt.Sprintf("merged into the chronology of %d", childID)
			}
			au.add(actor, "view", "chronology", 0, ch.ID, detail)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	slices.SortStableFunc(c.Entries, func(x, y csc.ChronologyEntry) int {
		if d := x.At.Compare(y.At); d != 0 {
			return d
		}
		return cmp.Compare(x.ChildID, y.ChildID)
	})
	if header {
		if r, err = a.stamped(r, nil); err != nil {
			return nil, nil, err
		}
	}
	return r, c, nil
}

// ChronologyPDF prints a child's chronology, with the same filters, as an
// A4 PDF. Needs child.view; audited per child as printed.
func (a *App) ChronologyPDF(ctx context.Context, actor csc.Actor, childID int64, q csc.ChronologyQuery) (pdf []byte, err error) {
	defer csc.WrapOp(&err, "app.ChronologyPDF")
	c, err := a.ChildChronology(ctx, actor, childID, q)
	if err != nil {
		return nil, err
	}
	doc := letters.Chronology{Authority: a.opt.Authority, ChildName: c.Child.Name(),
		RecordNumber: fmt.Sprintf("Record %d", c.Child.ID), Generated: a.Now().In(csc.London), Filters: c.Filters()}
	for _, m := range c.Merged {
		doc.Merged = append(doc.Merged, m.Name())
	}
	for _, e := range c.Entries {
		doc.Entries = append(doc.Entries, letters.ChronologyEntry{Date: e.Date.Time(), Child: e.ChildName, What: e.What,
			Impact: e.Impact, By: e.By, Source: e.Source, Significant: e.Significant})
	}
	if pdf, err = letters.RenderChronology(doc); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		au.add(actor, "print", "chronology", 0, childID, "")
		for _, m := range c.Merged {
			au.add(actor, "print", "chronology", 0, m.ID, fmt.Sprintf("merged into the chronology of %d", childID))
		}
		return nil
	})
	return pdf, err
}

func parseChronologyEntry(in csc.ChronologyEntryInput, today csc.Date) (csc.ChronologyManualEntry, error) {
	var probs csc.Problems
	e := csc.ChronologyManualEntry{Date: dateField(&probs, "date", in.Date, "date it happened", today),
		Significant: in.Significant}
	e.What = textField(&probs, "what", in.What, 4000)
	if e.What == "" {
		probs.Add("what", "Enter what happened")
	}
	e.Source = textField(&probs, "source", in.Source, 500)
	if e.Source == "" {
		probs.Add("source", "Enter the source: where this information came from")
	}
	e.Impact = impactField(&probs, in.Impact)
	return e, probs.Err()
}

func impactField(probs *csc.Problems, s string) string {
	s = strings.TrimSpace(s)
	if n := len([]rune(s)); n > MaxImpact {
		probs.Add("impact", "Enter an impact note of at most %d characters (this one has %d)", MaxImpact, n)
	}
	return s
}

// AddChronologyEntry adds a manual entry to a child's chronology. Needs
// chronology.record.
func (a *App) AddChronologyEntry(ctx context.Context, actor csc.Actor, childID int64, in csc.ChronologyEntryInput) (e *csc.ChronologyManualEntry, err error) {
	defer csc.WrapOp(&err, "app.AddChronologyEntry")
	if err := require(actor, csc.ActChronologyRecord); err != nil {
		return nil, err
	}
	v, err := parseChronologyEntry(in, a.Today())
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActChronologyRecord, childID); err != nil {
			return err
		}
		v.ChildID, v.RecordedByID, v.RecordedBy = childID, actor.StaffID, actor.Name
		if err := tx.CreateChronologyEntry(&v); err != nil {
			return err
		}
		e = &v
		au.add(actor, "create", "chronology_entry", v.ID, childID, "")
		return event(tx, actor, childID, csc.EventChronology, "Chronology entry added, dated "+v.Date.Long(), "chronology_entry", v.ID)
	})
	return e, err
}

// UpdateChronologyEntry changes a manual entry: its text, significance or
// impact note. Needs chronology.record; the version must be current.
func (a *App) UpdateChronologyEntry(ctx context.Context, actor csc.Actor, entryID int64, in csc.ChronologyEntryInput) (e *csc.ChronologyManualEntry, err error) {
	defer csc.WrapOp(&err, "app.UpdateChronologyEntry")
	if err := require(actor, csc.ActChronologyRecord); err != nil {
		return nil, err
	}
	v, err := parseChronologyEntry(in, a.Today())
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if e, err = tx.FindChronologyEntryByID(entryID); err != nil {
			return err
		}
		if _, _, err := loadChild(tx, actor, csc.ActChronologyRecord, e.ChildID); err != nil {
			return err
		}
		e.Date, e.What, e.Source, e.Significant, e.Impact, e.Version = v.Date, v.What, v.Source, v.Significant, v.Impact, in.Version
		if err := tx.UpdateChronologyEntry(e); err != nil {
			return err
		}
		au.add(actor, "update", "chronology_entry", e.ID, e.ChildID, "")
		return nil
	})
	return e, err
}

// MarkChronologyEvent marks one of the child's timeline events significant
// or not in the chronology and gives it an impact note. Version is the
// mark's version (0 for an event not yet marked). Needs chronology.record.
func (a *App) MarkChronologyEvent(ctx context.Context, actor csc.Actor, childID, eventID int64, in csc.ChronologyMarkInput) (o *csc.ChronologyOverride, err error) {
	defer csc.WrapOp(&err, "app.MarkChronologyEvent")
	if err := require(actor, csc.ActChronologyRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	impact := impactField(&probs, in.Impact)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActChronologyRecord, childID); err != nil {
			return err
		}
		ev, err := tx.FindEventByID(eventID)
		if err != nil {
			return err
		}
		if ev.ChildID != childID {
			return csc.Errorf(csc.NotFound, "There is no timeline event %d on this child's record.", eventID)
		}
		if ev.Kind == csc.EventChronology {
			return csc.Errorf(csc.Invalid, "Mark the manual entry itself, not the timeline note of its adding.")
		}
		o = &csc.ChronologyOverride{EventID: eventID, ChildID: childID, Significant: in.Significant, Impact: impact,
			StaffID: actor.StaffID, Version: in.Version}
		if err := tx.SaveChronologyOverride(o); err != nil {
			return err
		}
		au.add(actor, "update", "chronology_event", eventID, childID, fmt.Sprintf("significant=%t", in.Significant))
		return nil
	})
	return o, err
}

// CaseSummaryView is the summary page: the current summary, its
// staleness and its history.
type CaseSummaryView struct {
	SummaryView
	History []csc.CaseSummary // every version, newest first
}

// CaseSummary reads a child's case summary and its history. Needs
// child.view; audited.
func (a *App) CaseSummary(ctx context.Context, actor csc.Actor, childID int64) (v *CaseSummaryView, err error) {
	defer csc.WrapOp(&err, "app.CaseSummary")
	if err := require(actor, csc.ActChildView); err != nil {
		return nil, err
	}
	v = &CaseSummaryView{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActChildView, childID); err != nil {
			return err
		}
		if v.SummaryView, err = summaryView(tx, childID); err != nil {
			return err
		}
		if v.History, err = tx.ListCaseSummaries(childID, 200); err != nil {
			return err
		}
		au.add(actor, "view", "case_summary", 0, childID, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// WriteCaseSummary writes a new version of a child's case summary, keeping
// the old ones. Version is the number of the version the writer read (0
// when there was none); a summary rewritten since is a conflict. Needs
// chronology.record.
func (a *App) WriteCaseSummary(ctx context.Context, actor csc.Actor, childID int64, in csc.CaseSummaryInput) (s *csc.CaseSummary, err error) {
	defer csc.WrapOp(&err, "app.WriteCaseSummary")
	if err := require(actor, csc.ActChronologyRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	text := textField(&probs, "text", in.Text, maxText)
	if text == "" {
		probs.Add("text", "Enter the case summary")
	}
	if in.Version < 0 {
		probs.Add("version", "Send the version of the summary you read (0 when there was none)")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActChronologyRecord, childID); err != nil {
			return err
		}
		s = &csc.CaseSummary{ChildID: childID, Seq: in.Version + 1, Text: text, WriterID: actor.StaffID, WrittenBy: actor.Name}
		if err := tx.CreateCaseSummary(s); err != nil {
			return err
		}
		au.add(actor, "create", "case_summary", s.ID, childID, fmt.Sprintf("version %d", s.Seq))
		return event(tx, actor, childID, csc.EventCaseSummary, "Case summary rewritten", "case_summary", s.ID)
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}
