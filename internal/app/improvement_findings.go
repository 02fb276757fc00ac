package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"cairn/internal/csc"
)

// Findings: drafting them from a pasted letter section, recording them
// together, and correcting one.

// maxFindings bounds the findings recorded at once.
const maxFindings = maxDrafts

// PrepareFindings splits a pasted section of an inspection's letter into
// draft findings of one kind for review. It saves nothing. Needs
// improvement.edit.
func (a *App) PrepareFindings(ctx context.Context, actor csc.Actor, inspectionID int64, text, kind string) (drafts []csc.FindingInput, err error) {
	defer csc.WrapOp(&err, "app.PrepareFindings")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	k := csc.FindingKind(kind)
	if !k.Valid() {
		probs.Add("kind", "Choose what kind of findings the section lists")
	}
	if strings.TrimSpace(text) == "" {
		probs.Add("pasted", "Paste the section of the letter that lists the findings")
	} else if len(text) > MaxPaste {
		probs.Add("pasted", "Paste at most %d characters: one section of the letter at a time", MaxPaste)
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		_, err := tx.FindInspectionByID(inspectionID)
		return err
	})
	if err != nil {
		return nil, err
	}
	drafts = DraftFindings(text, k)
	if len(drafts) == 0 {
		return nil, csc.Problems{{Field: "pasted", Message: "No findings could be found in the text: paste the bulleted or numbered list itself"}}.Err()
	}
	return drafts, nil
}

// parseFinding checks one finding; prefix names its fields
// ("findings.3.").
func parseFinding(probs *csc.Problems, prefix string, in csc.FindingInput) csc.Finding {
	list := csc.CurrentPracticeAreas()
	f := csc.Finding{Kind: csc.FindingKind(in.Kind), AreaVersion: list.Version, Areas: []string{}}
	if !f.Kind.Valid() {
		probs.Add(prefix+"kind", "Choose whether the finding is a strength, an area for improvement, a priority action or a recommendation")
	}
	f.Text = textField(probs, prefix+"text", in.Text, maxFindingText)
	if f.Text == "" {
		probs.Add(prefix+"text", "Enter the finding's text")
	}
	for _, code := range in.Areas {
		code = strings.TrimSpace(code)
		switch {
		case code == "" || slices.Contains(f.Areas, code):
		case !list.Has(code):
			probs.Add(prefix+"areas", "There is no practice area %q", clipText(code))
		default:
			f.Areas = append(f.Areas, code)
		}
	}
	return f
}

// RecordFindings saves findings of an inspection together: if any is
// wrong, none is saved and every problem is reported. Needs
// improvement.edit; audited.
func (a *App) RecordFindings(ctx context.Context, actor csc.Actor, inspectionID int64, in csc.FindingsInput) (fs []csc.Finding, err error) {
	defer csc.WrapOp(&err, "app.RecordFindings")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	switch {
	case len(in.Findings) == 0:
		probs.Add("findings", "Add at least one finding")
	case len(in.Findings) > maxFindings:
		probs.Add("findings", "Record at most %d findings at once", maxFindings)
	}
	for i, fi := range in.Findings {
		f := parseFinding(&probs, fmt.Sprintf("findings.%d.", i), fi)
		f.InspectionID, f.RecordedByID = inspectionID, actor.StaffID
		fs = append(fs, f)
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, err := tx.FindInspectionByID(inspectionID); err != nil {
			return err
		}
		if err := tx.CreateFindings(fs); err != nil {
			return err
		}
		for _, f := range fs {
			au.add(actor, "create", "finding", f.ID, 0, fmt.Sprintf("inspection %d, %s", inspectionID, f.Kind))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return fs, nil
}

// UpdateFinding corrects a finding's kind, text or practice areas. Needs
// improvement.edit; audited.
func (a *App) UpdateFinding(ctx context.Context, actor csc.Actor, id int64, in csc.FindingInput) (f *csc.Finding, err error) {
	defer csc.WrapOp(&err, "app.UpdateFinding")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	v := parseFinding(&probs, "", in)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if f, err = tx.FindFindingByID(id); err != nil {
			return err
		}
		if f.Version != in.Version {
			return staleVersion("finding")
		}
		f.Kind, f.Text, f.Areas, f.AreaVersion = v.Kind, v.Text, v.Areas, v.AreaVersion
		if err := tx.UpdateFinding(f); err != nil {
			return err
		}
		au.add(actor, "update", "finding", id, 0, string(f.Kind))
		return nil
	})
	return f, err
}

// Finding reads one finding with its inspection. Needs improvement.view.
func (a *App) Finding(ctx context.Context, actor csc.Actor, id int64) (f *csc.Finding, ins *csc.Inspection, err error) {
	defer csc.WrapOp(&err, "app.Finding")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, nil, err
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		if f, err = tx.FindFindingByID(id); err != nil {
			return err
		}
		ins, err = tx.FindInspectionByID(f.InspectionID)
		return err
	})
	return f, ins, err
}
