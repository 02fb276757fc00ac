package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"

	"cairn/internal/csc"
	"cairn/internal/pdfdoc"
)

// The inspection register: inspections and visits, their published
// letters and judgements, and the history of grades. Reading needs
// improvement.view; every change needs improvement.edit and is audited.
// None of it is a child's record, so no audit row names a child.

// maxLetterText is the longest letter text kept, in characters: a full
// inspection report runs to some 60,000.
const maxLetterText = 300_000

// InspectionView is an inspection with its letter's details and its
// findings in letter order.
type InspectionView struct {
	csc.Inspection
	Letter   *csc.ImprovementDocument
	Findings []csc.Finding
	// Actions are the plan's actions, by id, for the findings' links.
	Actions map[int64]csc.ImprovementAction
}

// UnansweredCount counts the findings that need an action and have none
// that is still live.
func (v *InspectionView) UnansweredCount() int {
	n := 0
	for _, f := range v.Findings {
		if unanswered(f, v.Actions) {
			n++
		}
	}
	return n
}

// Unanswered reports whether a finding needs an action and has none that
// is still live.
func (v *InspectionView) Unanswered(f csc.Finding) bool { return unanswered(f, v.Actions) }

// unanswered reports whether a finding needs an action and has none that
// is not dropped.
func unanswered(f csc.Finding, actions map[int64]csc.ImprovementAction) bool {
	if !f.Kind.NeedsAction() {
		return false
	}
	for _, id := range f.ActionIDs {
		if a, ok := actions[id]; ok && a.Status != csc.StatusDropped {
			return false
		}
	}
	return true
}

// Inspections lists the register, newest first. Needs improvement.view.
func (a *App) Inspections(ctx context.Context, actor csc.Actor) (out []csc.Inspection, err error) {
	defer csc.WrapOp(&err, "app.Inspections")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		out, err = tx.ListInspections()
		return err
	})
	return out, err
}

// Inspection reads one inspection with its letter and findings. Needs
// improvement.view.
func (a *App) Inspection(ctx context.Context, actor csc.Actor, id int64) (v *InspectionView, err error) {
	defer csc.WrapOp(&err, "app.Inspection")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	v = &InspectionView{Actions: map[int64]csc.ImprovementAction{}}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		ins, err := tx.FindInspectionByID(id)
		if err != nil {
			return err
		}
		v.Inspection = *ins
		if ins.LetterDocumentID != 0 {
			d, err := tx.FindImprovementDocument(ins.LetterDocumentID)
			if err != nil {
				return err
			}
			d.Content, d.Text = nil, ""
			v.Letter = d
		}
		if v.Findings, err = tx.ListFindings(id); err != nil {
			return err
		}
		actions, err := tx.ListImprovementActions()
		for _, act := range actions {
			v.Actions[act.ID] = act
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// parseInspection checks an inspection's details and judgements.
func (a *App) parseInspection(in csc.InspectionInput) (csc.Inspection, error) {
	var probs csc.Problems
	ins := csc.Inspection{Kind: csc.InspectionKind(in.Kind)}
	if !ins.Kind.Valid() {
		probs.Add("kind", "Choose the type of inspection or visit")
	}
	today := a.Today()
	ins.NoticeDate = parseDateField(&probs, "notice_date", "date notice was given", in.NoticeDate)
	ins.OnSiteStart = parseDateField(&probs, "onsite_start", "first day on site", in.OnSiteStart)
	ins.OnSiteEnd = parseDateField(&probs, "onsite_end", "last day on site", in.OnSiteEnd)
	ins.Published = parseDateField(&probs, "published", "date the letter was published", in.Published)
	switch {
	case ins.NoticeDate.IsZero() && ins.OnSiteStart.IsZero() && !probs.Has("notice_date") && !probs.Has("onsite_start"):
		probs.Add("notice_date", "Enter the date notice was given or the first day on site")
	case ins.NoticeDate.After(today):
		probs.Add("notice_date", "The date notice was given cannot be in the future")
	case !ins.OnSiteStart.IsZero() && ins.OnSiteStart.Before(ins.NoticeDate):
		probs.Add("onsite_start", "The first day on site cannot be before notice was given, %s", ins.NoticeDate.Long())
	}
	if !ins.OnSiteEnd.IsZero() && ins.OnSiteStart.IsZero() && !probs.Has("onsite_start") {
		probs.Add("onsite_start", "Enter the first day on site as well as the last")
	} else if ins.OnSiteEnd.Before(ins.OnSiteStart) && !ins.OnSiteEnd.IsZero() {
		probs.Add("onsite_end", "The last day on site cannot be before the first, %s", ins.OnSiteStart.Long())
	}
	if ins.Published.After(today) {
		probs.Add("published", "The date the letter was published cannot be in the future")
	} else if !ins.Published.IsZero() && ins.Published.Before(ins.Date()) {
		probs.Add("published", "The letter cannot be published before the inspection, %s", ins.Date().Long())
	}
	ins.Inspectors = textField(&probs, "inspectors", in.Inspectors, 1000)
	ins.Focus = textField(&probs, "focus", in.Focus, 2000)
	// Browsers send a textarea's lines ending CR LF; the text read from a PDF
	// ends them LF, and an unchanged text must compare equal to it.
	ins.LetterText = textField(&probs, "letter_text", strings.ReplaceAll(in.LetterText, "\r\n", "\n"), maxLetterText)
	if ins.LetterText != "" {
		ins.LetterTextSource = csc.LetterPasted
	}
	for _, j := range csc.Judgements {
		g := csc.Grade(strings.TrimSpace(in.Grades[j]))
		field := "grades." + string(j)
		switch {
		case g == "":
			continue
		case !g.Valid():
			probs.Add(field, "Choose a grade for %s from the four on Ofsted's scale", strings.ToLower(j.Short()))
		case ins.Kind.Valid() && !ins.Kind.Graded():
			probs.Add(field, "A %s is not graded: only standard and short inspections give judgements. Remove the grade or change the type", strings.ToLower(ins.Kind.Label()))
		case j == csc.JudgeOverall && !ins.Date().IsZero() && !ins.Date().Before(csc.OverallEffectivenessWithdrawn):
			probs.Add(field, "Ofsted gives no overall effectiveness grade for inspections from %s (OF-03): grade the other four judgements only", csc.OverallEffectivenessWithdrawn.Long())
		default:
			ins.Judgements = append(ins.Judgements, csc.JudgementGrade{Judgement: j, Grade: g})
		}
	}
	for j := range in.Grades {
		if !j.Valid() {
			probs.Add("grades", "There is no judgement called %q", clipText(string(j)))
		}
	}
	return ins, probs.Err()
}

// RecordInspection adds an inspection or visit to the register. Needs
// improvement.edit; audited.
func (a *App) RecordInspection(ctx context.Context, actor csc.Actor, in csc.InspectionInput) (ins *csc.Inspection, err error) {
	defer csc.WrapOp(&err, "app.RecordInspection")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	v, err := a.parseInspection(in)
	if err != nil {
		return nil, err
	}
	v.RecordedByID = actor.StaffID
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if err := tx.CreateInspection(&v); err != nil {
			return err
		}
		au.add(actor, "create", "inspection", v.ID, 0, fmt.Sprintf("%s, %d judgements", v.Kind, len(v.Judgements)))
		return nil
	})
	return &v, err
}

// UpdateInspection changes an inspection's details, judgements and letter
// text. A letter text read from the PDF is kept unless new text is given.
// Needs improvement.edit; audited.
func (a *App) UpdateInspection(ctx context.Context, actor csc.Actor, id int64, in csc.InspectionInput) (ins *csc.Inspection, err error) {
	defer csc.WrapOp(&err, "app.UpdateInspection")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	v, err := a.parseInspection(in)
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		cur, err := tx.FindInspectionByID(id)
		if err != nil {
			return err
		}
		if cur.Version != in.Version {
			return staleVersion("inspection")
		}
		v.ID, v.Version, v.LetterDocumentID, v.RecordedByID, v.RecordedBy = id, cur.Version, cur.LetterDocumentID, cur.RecordedByID, cur.RecordedBy
		v.CreatedAt = cur.CreatedAt
		if v.LetterText == cur.LetterText {
			v.LetterTextSource = cur.LetterTextSource
		}
		if err := tx.UpdateInspection(&v); err != nil {
			return err
		}
		au.add(actor, "update", "inspection", id, 0, changedInspection(cur, &v))
		return nil
	})
	return &v, err
}

// staleVersion is the Conflict for an edit of a record changed since it
// was read.
func staleVersion(what string) error {
	return csc.Errorf(csc.Conflict, "This %s was changed by someone else after you opened it. Open it again to see their changes.", what)
}

// changedInspection names the fields an update changed, for the audit trail.
func changedInspection(old, new *csc.Inspection) string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("kind", old.Kind != new.Kind)
	add("notice_date", old.NoticeDate != new.NoticeDate)
	add("onsite_start", old.OnSiteStart != new.OnSiteStart)
	add("onsite_end", old.OnSiteEnd != new.OnSiteEnd)
	add("published", old.Published != new.Published)
	add("inspectors", old.Inspectors != new.Inspectors)
	add("focus", old.Focus != new.Focus)
	add("letter_text", old.LetterText != new.LetterText)
	add("judgements", fmt.Sprint(old.Judgements) != fmt.Sprint(new.Judgements))
	return strings.Join(out, ",")
}

// DocumentUpload is a PDF sent from a form or the API.
type DocumentUpload struct {
	Title    string
	Filename string
	Content  []byte
}

// checkUpload checks an uploaded PDF (type by its magic bytes and a parse,
// and size) and makes the document to store, reading its text where
// pdftotext is installed. A failure to read the text is not a refusal.
func (a *App) checkUpload(ctx context.Context, field string, up DocumentUpload) (*csc.ImprovementDocument, error) {
	var probs csc.Problems
	title := textField(&probs, "title", up.Title, 200)
	if _, err := pdfdoc.Check(up.Content); err != nil {
		probs.Add(field, "%s", csc.ErrorMessage(err))
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	name := path.Base(strings.ReplaceAll(up.Filename, "\\", "/"))
	if name == "." || name == "/" {
		name = ""
	}
	name = clipRunes(name, 200)
	if title == "" {
		title = strings.TrimSuffix(name, path.Ext(name))
	}
	sum := sha256.Sum256(up.Content)
	d := &csc.ImprovementDocument{Title: title, Filename: name, MediaType: pdfdoc.MediaType, Content: up.Content,
		SHA256: hex.EncodeToString(sum[:])}
	text, pages, err := pdfdoc.Text(ctx, up.Content)
	switch {
	case errors.Is(err, pdfdoc.ErrNoReader):
	case err != nil:
		a.log.Warn("reading an uploaded PDF's text failed; it is kept without text", "err", err)
	default:
		d.Text, d.Pages = clipRunes(text, maxLetterText), pages
	}
	return d, nil
}

// AttachLetter stores the published letter of an inspection as a PDF and,
// unless someone has pasted the letter's text, the text read from it.
// version is the inspection's version as read. Needs improvement.edit;
// audited.
func (a *App) AttachLetter(ctx context.Context, actor csc.Actor, id int64, version int, up DocumentUpload) (ins *csc.Inspection, err error) {
	defer csc.WrapOp(&err, "app.AttachLetter")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	doc, err := a.checkUpload(ctx, "letter", up)
	if err != nil {
		return nil, err
	}
	if doc.Title == "" {
		doc.Title = "Published letter"
	}
	doc.Kind, doc.SubjectType, doc.SubjectID, doc.CreatedByID = csc.DocInspectionLetter, csc.SubjectInspection, id, actor.StaffID
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if ins, err = tx.FindInspectionByID(id); err != nil {
			return err
		}
		if ins.Version != version {
			return staleVersion("inspection")
		}
		if err := tx.CreateImprovementDocument(doc); err != nil {
			return err
		}
		ins.LetterDocumentID = doc.ID
		if ins.LetterTextSource != csc.LetterPasted && doc.Text != "" {
			ins.LetterText, ins.LetterTextSource = doc.Text, csc.LetterExtracted
		}
		if err := tx.UpdateInspection(ins); err != nil {
			return err
		}
		au.add(actor, "create", "improvement_document", doc.ID, 0, fmt.Sprintf("inspection letter, %d bytes", doc.Size))
		au.add(actor, "update", "inspection", id, 0, "letter")
		return nil
	})
	return ins, err
}

// OpenImprovementDocument returns a document with its content for
// download. Needs improvement.view; audited.
func (a *App) OpenImprovementDocument(ctx context.Context, actor csc.Actor, id int64) (d *csc.ImprovementDocument, err error) {
	defer csc.WrapOp(&err, "app.OpenImprovementDocument")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if d, err = tx.FindImprovementDocument(id); err != nil {
			return err
		}
		au.add(actor, "download", "improvement_document", id, 0, "")
		return nil
	})
	return d, err
}

// GradeHistory is the grades of the graded inspections over time, oldest
// first, one row per judgement.
type GradeHistory struct {
	Inspections []csc.Inspection
	Rows        []GradeRow
}

// GradeRow is one judgement's grades, one per inspection of the history
// ("" where the inspection gave none, such as overall effectiveness after
// its withdrawal).
type GradeRow struct {
	Judgement csc.Judgement `json:"judgement"`
	Grades    []csc.Grade   `json:"grades"`
}

// InspectionHistory returns the grades over time. Needs improvement.view.
func (a *App) InspectionHistory(ctx context.Context, actor csc.Actor) (h *GradeHistory, err error) {
	defer csc.WrapOp(&err, "app.InspectionHistory")
	all, err := a.Inspections(ctx, actor)
	if err != nil {
		return nil, err
	}
	h = &GradeHistory{}
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Kind.Graded() && len(all[i].Judgements) > 0 {
			h.Inspections = append(h.Inspections, all[i])
		}
	}
	for _, j := range csc.Judgements {
		row := GradeRow{Judgement: j, Grades: []csc.Grade{}}
		for _, ins := range h.Inspections {
			row.Grades = append(row.Grades, ins.Grade(j))
		}
		h.Rows = append(h.Rows, row)
	}
	return h, nil
}

// CheckImprovementEdit reports whether actor may change the improvement
// area, for the pages that show an empty form before anything is saved.
func (a *App) CheckImprovementEdit(actor csc.Actor) error {
	return require(actor, csc.ActImprovementEdit)
}
