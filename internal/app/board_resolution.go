package app

import (
	"context"
	"slices"
	"strings"

	"cairn/internal/csc"
)

// ResolutionView is a resolution with the improvement actions and
// findings it is linked to.
type ResolutionView struct {
	*csc.Resolution
	Actions  []csc.ImprovementAction
	Findings []csc.Finding
}

// Resolution reads one resolution with the history of its status and what
// it is linked to. Needs improvement.view.
func (a *App) Resolution(ctx context.Context, actor csc.Actor, id int64) (v *ResolutionView, err error) {
	defer csc.WrapOp(&err, "app.Resolution")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	v = &ResolutionView{}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		if v.Resolution, err = tx.FindResolutionByID(id); err != nil {
			return err
		}
		for _, x := range v.ActionIDs {
			act, err := tx.FindImprovementActionByID(x)
			if err != nil {
				return err
			}
			v.Actions = append(v.Actions, *act)
		}
		for _, x := range v.FindingIDs {
			f, err := tx.FindFindingByID(x)
			if err != nil {
				return err
			}
			v.Findings = append(v.Findings, *f)
		}
		return nil
	})
	return valueOrNil(v, err)
}

// PlanChoices lists the improvement plan's actions and every inspection's
// findings, for choosing what a resolution is about. Needs
// improvement.view.
func (a *App) PlanChoices(ctx context.Context, actor csc.Actor) (actions []csc.ImprovementAction, findings []csc.Finding, err error) {
	defer csc.WrapOp(&err, "app.PlanChoices")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, nil, err
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		if actions, err = tx.ListImprovementActions(); err != nil {
			return err
		}
		findings, err = tx.ListFindings(0)
		return err
	})
	return actions, findings, err
}

// Resolutions lists the resolutions q matches, across boards. Needs
// improvement.view.
func (a *App) Resolutions(ctx context.Context, actor csc.Actor, q csc.ResolutionQuery) (out []csc.Resolution, err error) {
	defer csc.WrapOp(&err, "app.Resolutions")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		out, err = tx.FindResolutions(q)
		return err
	})
	return out, err
}

// resolutionOwner checks the owner of a resolution is an active member of
// staff.
func resolutionOwner(tx csc.Tx, probs *csc.Problems, id int64) string {
	if id == 0 {
		probs.Add("owner_id", "Choose who owns the resolution: every resolution needs an owner")
		return ""
	}
	s, err := tx.FindStaffByID(id)
	if err != nil || !s.Active {
		probs.Add("owner_id", "Choose the owner from the list of current staff")
		return ""
	}
	return s.Name
}

// dueWhen reads when a resolution is due: a date on or after notBefore
// (described by after), or the next meeting, but not both.
func dueWhen(probs *csc.Problems, due string, byNext bool, notBefore csc.Date, after string) csc.Date {
	due = strings.TrimSpace(due)
	switch {
	case due == "" && !byNext:
		probs.Add("due", "Enter the date the resolution is due, or choose “by the next meeting”")
		return csc.Date{}
	case due != "" && byNext:
		probs.Add("due", "Enter a due date or choose “by the next meeting”, not both")
		return csc.Date{}
	case byNext:
		return csc.Date{}
	}
	d, err := csc.ParseDate(due)
	if err != nil {
		probs.Add("due", "Enter the due date as a real date, for example 2026-04-30")
		return csc.Date{}
	}
	if d.Before(notBefore) {
		probs.Add("due", "The due date cannot be before %s (%s)", after, notBefore.Long())
	}
	return d
}

// RaiseResolution records a resolution agreed at a meeting that has taken
// place (today or earlier): its text, its owner and when it is due — a date
// not before the meeting, or the board's next meeting. A resolution must
// name its meeting. Needs improvement.edit.
func (a *App) RaiseResolution(ctx context.Context, actor csc.Actor, in csc.ResolutionInput) (r *csc.Resolution, err error) {
	defer csc.WrapOp(&err, "app.RaiseResolution")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	r = &csc.Resolution{Text: textField(&probs, "text", in.Text, 2000), OwnerID: in.OwnerID,
		ByNextMeeting: in.ByNextMeeting, Status: csc.ResolutionOpen, RecordedByID: actor.StaffID}
	if r.Text == "" && !probs.Has("text") {
		probs.Add("text", "Enter what the board resolved")
	}
	today := a.Today()
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		m, err := raisingMeeting(tx, &probs, in, today)
		if err != nil {
			return err
		}
		r.BoardID, r.MeetingID, r.MeetingDate, r.DueFromMeetingID, r.AgendaItemID = m.BoardID, m.ID, m.Date, m.ID, in.AgendaItemID
		r.Due = dueWhen(&probs, in.Due, in.ByNextMeeting, m.Date, "the meeting it was raised at")
		r.OwnerName = resolutionOwner(tx, &probs, in.OwnerID)
		if r.ActionIDs, r.FindingIDs, err = planLinks(tx, &probs, in.ActionIDs, in.FindingIDs); err != nil {
			return err
		}
		if err := probs.Err(); err != nil {
			return err
		}
		if err := tx.CreateResolution(r); err != nil {
			return err
		}
		au.add(actor, "create", "board_resolution", r.ID, 0, "meeting "+itoa(m.ID))
		saved, err := tx.FindResolutionByID(r.ID)
		if err == nil {
			*r = *saved
		}
		return err
	})
	return valueOrNil(r, err)
}

// raisingMeeting finds the meeting a resolution is raised at, which must
// have met by today. Without one it reports the problem and returns an
// empty meeting, so that the rest of the input is still checked.
func raisingMeeting(tx csc.Tx, probs *csc.Problems, in csc.ResolutionInput, today csc.Date) (*csc.Meeting, error) {
	if in.MeetingID == 0 {
		probs.Add("meeting_id", "Choose the meeting the resolution was agreed at: a resolution is always raised at a meeting")
		return &csc.Meeting{}, nil
	}
	m, err := tx.FindMeetingByID(in.MeetingID)
	if csc.ErrorKind(err) == csc.NotFound {
		probs.Add("meeting_id", "There is no meeting %d: choose the meeting the resolution was agreed at", in.MeetingID)
		return &csc.Meeting{}, nil
	} else if err != nil {
		return nil, err
	}
	if m.Date.After(today) {
		probs.Add("meeting_id", "The meeting is on %s: resolutions are recorded once it has met", m.Date.Long())
	}
	if in.AgendaItemID != 0 && agendaIndex(m.Agenda, in.AgendaItemID) < 0 {
		probs.Add("agenda_item_id", "Choose an item on this meeting's agenda")
	}
	return m, nil
}

// maxLinks bounds the actions, and the findings, one resolution links to.
const maxLinks = 50

// planLinks checks the improvement actions and findings a resolution is
// to be linked to exist, and drops repeats.
func planLinks(tx csc.Tx, probs *csc.Problems, actionIDs, findingIDs []int64) ([]int64, []int64, error) {
	check := func(field, what string, ids []int64, find func(int64) error) ([]int64, error) {
		if len(ids) > maxLinks {
			probs.Add(field, "Link at most %d %ss", maxLinks, what)
			return nil, nil
		}
		var out []int64
		for _, id := range ids {
			if slices.Contains(out, id) {
				continue
			}
			err := find(id)
			if csc.ErrorKind(err) == csc.NotFound || id <= 0 {
				probs.Add(field, "There is no %s %d", what, id)
				continue
			} else if err != nil {
				return nil, err
			}
			out = append(out, id)
		}
		return out, nil
	}
	actions, err := check("action_ids", "improvement action", actionIDs, func(id int64) error {
		_, err := tx.FindImprovementActionByID(id)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	findings, err := check("finding_ids", "finding", findingIDs, func(id int64) error {
		_, err := tx.FindFindingByID(id)
		return err
	})
	return actions, findings, err
}

// LinkResolution replaces the improvement actions and inspection findings
// a resolution is about. Needs improvement.edit.
func (a *App) LinkResolution(ctx context.Context, actor csc.Actor, id int64, in csc.ResolutionLinksInput) (r *csc.Resolution, err error) {
	defer csc.WrapOp(&err, "app.LinkResolution")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		var err error
		if r, err = tx.FindResolutionByID(id); err != nil {
			return err
		}
		var probs csc.Problems
		actions, findings, err := planLinks(tx, &probs, in.ActionIDs, in.FindingIDs)
		if err != nil {
			return err
		}
		if err := probs.Err(); err != nil {
			return err
		}
		r.Version = in.Version
		if err := tx.UpdateResolution(r); err != nil {
			return err
		}
		if err := tx.SetResolutionLinks(id, actions, findings); err != nil {
			return err
		}
		au.add(actor, "update", "board_resolution", id, 0, "links")
		saved, err := tx.FindResolutionByID(id)
		if err == nil {
			*r = *saved
		}
		return err
	})
	return valueOrNil(r, err)
}

// UpdateResolution changes a resolution's status, recording the change in
// its history: done needs a note of what was done and dropped a reason;
// carried forward (only while outstanding) takes a new due date or "next
// meeting", counted from the meeting that carried it; reopening needs a
// note. A change may name the meeting it was agreed at, and may hand the
// resolution to another owner. Needs improvement.edit.
func (a *App) UpdateResolution(ctx context.Context, actor csc.Actor, id int64, in csc.ResolutionStatusInput) (r *csc.Resolution, err error) {
	defer csc.WrapOp(&err, "app.UpdateResolution")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	today := a.Today()
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		var err error
		if r, err = tx.FindResolutionByID(id); err != nil {
			return err
		}
		u, err := resolutionChange(tx, r, in, today)
		if err != nil {
			return err
		}
		r.Version, u.RecordedByID = in.Version, actor.StaffID
		if err := tx.UpdateResolution(r); err != nil {
			return err
		}
		if err := tx.CreateResolutionUpdate(u); err != nil {
			return err
		}
		au.add(actor, "update", "board_resolution", id, 0, "status "+u.Status)
		saved, err := tx.FindResolutionByID(id)
		if err == nil {
			*r = *saved
		}
		return err
	})
	return valueOrNil(r, err)
}

// resolutionChange checks a change of status and applies it to r,
// returning the update to record.
func resolutionChange(tx csc.Tx, r *csc.Resolution, in csc.ResolutionStatusInput, today csc.Date) (*csc.ResolutionUpdate, error) {
	var probs csc.Problems
	u := &csc.ResolutionUpdate{ResolutionID: r.ID, Status: in.Status, Note: textField(&probs, "note", in.Note, 2000),
		MeetingID: in.MeetingID}
	if !slices.Contains(csc.ResolutionStatuses, in.Status) {
		probs.Add("status", "Choose the resolution's new status")
		return nil, probs.Err()
	}
	if in.Status == r.Status && in.Status != csc.ResolutionCarried {
		probs.Add("status", "The resolution is already %s", strings.ToLower(csc.ResolutionStatusLabel(in.Status)))
	}
	var at *csc.Meeting
	if in.MeetingID != 0 {
		m, err := tx.FindMeetingByID(in.MeetingID)
		switch {
		case err != nil && csc.ErrorKind(err) != csc.NotFound:
			return nil, err
		case err != nil || m.BoardID != r.BoardID:
			probs.Add("meeting_id", "Choose a meeting of the board that raised the resolution")
		case m.Date.Before(r.MeetingDate) || m.Date.After(today):
			probs.Add("meeting_id", "Choose a meeting held between the one that raised the resolution and today")
		default:
			at = m
		}
	}
	u.On = changeDate(&probs, in.On, at, r.MeetingDate, today)
	switch in.Status {
	case csc.ResolutionDone:
		requireNote(&probs, u.Note, "Say what was done")
	case csc.ResolutionDropped:
		requireNote(&probs, u.Note, "Give the reason the resolution was dropped")
	case csc.ResolutionOpen:
		requireNote(&probs, u.Note, "Say why the resolution is reopened")
	case csc.ResolutionCarried:
		if !r.Outstanding() {
			probs.Add("status", "Only an open resolution can be carried forward: reopen it first")
		}
		u.Due = dueWhen(&probs, in.Due, in.ByNextMeeting, u.On, "the day it was carried forward")
	}
	if in.OwnerID != 0 && in.OwnerID != r.OwnerID {
		r.OwnerID = in.OwnerID
		resolutionOwner(tx, &probs, in.OwnerID)
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	r.Status, r.StatusNote, r.ClosedOn = in.Status, u.Note, csc.Date{}
	switch in.Status {
	case csc.ResolutionDone, csc.ResolutionDropped:
		r.ClosedOn = u.On
	case csc.ResolutionCarried:
		if err := carryForward(tx, r, u, at, in.ByNextMeeting); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// carryForward sets a carried resolution's new due date, or makes it due
// at the board's next meeting after the one that carried it (or, if none
// was named, after the board's latest meeting on or before the change).
func carryForward(tx csc.Tx, r *csc.Resolution, u *csc.ResolutionUpdate, at *csc.Meeting, byNext bool) error {
	r.ByNextMeeting, r.Due = byNext, u.Due
	if !byNext {
		return nil
	}
	if at == nil {
		ms, err := tx.ListMeetings(r.BoardID)
		if err != nil {
			return err
		}
		for i := range ms {
			if !ms[i].Date.After(u.On) {
				at = &ms[i]
				break
			}
		}
	}
	if at != nil {
		r.DueFromMeetingID = at.ID
	}
	return nil
}

// changeDate reads the date of a change of status: the date given, else
// the date of the meeting it was agreed at, else today. It may not be in
// the future or before the meeting that raised the resolution.
func changeDate(probs *csc.Problems, s string, at *csc.Meeting, raised, today csc.Date) csc.Date {
	s = strings.TrimSpace(s)
	switch {
	case s == "" && at != nil:
		return at.Date
	case s == "":
		return today
	}
	d, err := csc.ParseDate(s)
	switch {
	case err != nil:
		probs.Add("on", "Enter the date of the change as a real date, for example 2026-03-19")
	case d.After(today):
		probs.Add("on", "The date of the change must be today or in the past")
	case d.Before(raised):
		probs.Add("on", "The date of the change cannot be before the meeting that raised the resolution (%s)", raised.Long())
	}
	return d
}

func requireNote(probs *csc.Problems, note, msg string) {
	if note == "" && !probs.Has("note") {
		probs.Add("note", "%s", msg)
	}
}
