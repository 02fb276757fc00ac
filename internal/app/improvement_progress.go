package app

import (
	"context"
	"fmt"
	"strings"

	"cairn/internal/csc"
)

// Progress on the improvement plan: quarterly updates and evidence, and
// the staff who may own an action.

// RecordProgress records a quarter's progress on an action. The quarter
// must have begun and must not be before the action's first; the update
// gives a percentage done, a milestone reached, or both. Needs
// improvement.edit; audited.
func (a *App) RecordProgress(ctx context.Context, actor csc.Actor, id int64, in csc.ProgressInput) (u *csc.ProgressUpdate, err error) {
	defer csc.WrapOp(&err, "app.RecordProgress")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	u = &csc.ProgressUpdate{ActionID: id, RecordedByID: actor.StaffID}
	today := a.Today()
	if strings.TrimSpace(in.Quarter) == "" {
		probs.Add("quarter", "Choose the quarter the update reports on")
	} else if q, err := csc.ParseQuarter(in.Quarter); err != nil {
		probs.Add("quarter", "Enter the quarter like 2025-26 Q3")
	} else if q.Compare(csc.QuarterOf(today)) > 0 {
		probs.Add("quarter", "%s has not started yet", q.Label())
	} else {
		u.Quarter = q
	}
	u.Narrative = textField(&probs, "narrative", in.Narrative, maxText)
	if u.Narrative == "" {
		probs.Add("narrative", "Describe the progress made")
	}
	u.Milestone = textField(&probs, "milestone", in.Milestone, 500)
	switch {
	case in.Percent != nil && (*in.Percent < 0 || *in.Percent > 100):
		probs.Add("percent", "Enter the percentage done as a whole number from 0 to 100")
	case in.Percent == nil && u.Milestone == "":
		probs.Add("percent", "Enter the percentage done or the milestone reached")
	case in.Percent != nil:
		p := *in.Percent
		u.Percent = &p
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		act, err := tx.FindImprovementActionByID(id)
		if err != nil {
			return err
		}
		switch {
		case act.Status == csc.StatusDropped:
			return csc.Errorf(csc.Invalid, "This action was dropped: progress can no longer be recorded on it.")
		case u.Quarter.Compare(csc.QuarterOf(act.Start)) < 0:
			return csc.Problems{{Field: "quarter", Message: "The action starts in " + csc.QuarterOf(act.Start).Label() + ": report on that quarter or a later one"}}.Err()
		}
		if err := tx.CreateProgressUpdate(u); err != nil {
			return err
		}
		au.add(actor, "create", "progress_update", u.ID, 0, fmt.Sprintf("action %d, %s", id, u.Quarter))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// RecordEvidence records evidence of an action's progress: a note, a PDF,
// or both. Needs improvement.edit; audited.
func (a *App) RecordEvidence(ctx context.Context, actor csc.Actor, id int64, note string, up *DocumentUpload) (e *csc.Evidence, err error) {
	defer csc.WrapOp(&err, "app.RecordEvidence")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	e = &csc.Evidence{ActionID: id, RecordedByID: actor.StaffID}
	e.Note = textField(&probs, "note", note, maxText)
	if e.Note == "" && up == nil {
		probs.Add("note", "Write a note of the evidence, attach a PDF, or both")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	var doc *csc.ImprovementDocument
	if up != nil {
		if doc, err = a.checkUpload(ctx, "file", *up); err != nil {
			return nil, err
		}
		if doc.Title == "" {
			doc.Title = "Evidence"
		}
		doc.Kind, doc.SubjectType, doc.SubjectID, doc.CreatedByID = csc.DocEvidence, csc.SubjectAction, id, actor.StaffID
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, err := tx.FindImprovementActionByID(id); err != nil {
			return err
		}
		if doc != nil {
			if err := tx.CreateImprovementDocument(doc); err != nil {
				return err
			}
			e.DocumentID, e.DocumentTitle = doc.ID, doc.Title
			au.add(actor, "create", "improvement_document", doc.ID, 0, fmt.Sprintf("evidence, %d bytes", doc.Size))
		}
		if err := tx.CreateEvidence(e); err != nil {
			return err
		}
		au.add(actor, "create", "action_evidence", e.ID, 0, fmt.Sprintf("action %d", id))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// ActionOwners lists the staff who may own an action: everyone whose
// account is open. Needs improvement.edit.
func (a *App) ActionOwners(ctx context.Context, actor csc.Actor) (out []csc.Staff, err error) {
	defer csc.WrapOp(&err, "app.ActionOwners")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	now := a.Now()
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		all, err := tx.ListStaff(0)
		for _, s := range all {
			if s.Usable(now) {
				out = append(out, s)
			}
		}
		return err
	})
	return out, err
}
