package app

import (
	"context"
	"strings"

	"cairn/internal/csc"
)

// MeetingView is a meeting as its page shows it: the board, the agenda and
// minutes, the resolutions raised at it, and the matters arising from
// earlier meetings that the chair takes first.
type MeetingView struct {
	Meeting  *csc.Meeting
	Board    *csc.Board
	Raised   []csc.Resolution
	Arising  []MatterArising
	Previous *csc.Meeting // the board's meeting before this one, if any
	Next     *csc.Meeting // and the one after
}

// Standings of a matter arising, as at the meeting's date.
const (
	StandingOverdue     = "overdue"     // due before the meeting
	StandingDue         = "due"         // due at this meeting
	StandingNotDue      = "not_due"     // due after it
	StandingUnscheduled = "unscheduled" // due by a next meeting not yet set
	StandingClosed      = "closed"      // done or dropped since the meeting
)

// MatterArising is a resolution from an earlier meeting that was still
// outstanding on the meeting's date, with where it stood that day.
type MatterArising struct {
	csc.Resolution
	Standing    string `json:"standing"`
	DaysOverdue int    `json:"days_overdue"`
}

// StandingLabel names the standing as the page shows it.
func (m MatterArising) StandingLabel() string {
	switch m.Standing {
	case StandingOverdue:
		if m.DaysOverdue == 1 {
			return "Overdue by 1 day"
		}
		return "Overdue by " + itoa(int64(m.DaysOverdue)) + " days"
	case StandingDue:
		return "Due at this meeting"
	case StandingNotDue:
		return "Not yet due"
	case StandingUnscheduled:
		return "Due at a meeting not yet scheduled"
	}
	return csc.ResolutionStatusLabel(m.Status) + " since"
}

// mattersArising places each resolution raised before the meeting and
// outstanding on its date: overdue if it was due before the meeting, due
// if at it, and so on; one closed since is shown as closed.
func mattersArising(m *csc.Meeting, rs []csc.Resolution) []MatterArising {
	out := make([]MatterArising, 0, len(rs))
	for _, r := range rs {
		x := MatterArising{Resolution: r}
		switch {
		case !r.Outstanding():
			x.Standing = StandingClosed
		case r.Due.IsZero():
			x.Standing = StandingUnscheduled
		case r.Due.Before(m.Date):
			x.Standing, x.DaysOverdue = StandingOverdue, r.Due.DaysUntil(m.Date)
		case r.Due == m.Date || r.DueMeetingID == m.ID:
			x.Standing = StandingDue
		default:
			x.Standing = StandingNotDue
		}
		out = append(out, x)
	}
	return out
}

// Meeting reads a meeting with its agenda, the resolutions raised at it and
// its matters arising. Needs improvement.view.
func (a *App) Meeting(ctx context.Context, actor csc.Actor, id int64) (v *MeetingView, err error) {
	defer csc.WrapOp(&err, "app.Meeting")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	v = &MeetingView{}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		if v.Meeting, err = tx.FindMeetingByID(id); err != nil {
			return err
		}
		m := v.Meeting
		if v.Board, err = tx.FindBoardByID(m.BoardID); err != nil {
			return err
		}
		all, err := tx.ListMeetings(m.BoardID)
		if err != nil {
			return err
		}
		for i := range all {
			switch {
			case all[i].Date.Before(m.Date):
				if v.Previous == nil {
					v.Previous = &all[i]
				}
			case all[i].Date.After(m.Date):
				v.Next = &all[i]
			}
		}
		if v.Raised, err = tx.FindResolutions(csc.ResolutionQuery{MeetingID: id}); err != nil {
			return err
		}
		arising, err := tx.FindResolutions(csc.ResolutionQuery{BoardID: m.BoardID, Before: m.Date, OutstandingOn: m.Date})
		v.Arising = mattersArising(m, arising)
		return err
	})
	return v, err
}

// meetingDate reads a meeting's date.
func meetingDate(probs *csc.Problems, s string) csc.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		probs.Add("date", "Enter the date of the meeting")
		return csc.Date{}
	}
	d, err := csc.ParseDate(s)
	if err != nil {
		probs.Add("date", "Enter the date of the meeting as a real date, for example 2026-03-19")
	}
	return d
}

// sameDay turns the store's conflict over a second meeting of a board on
// one day into a message about the date.
func sameDay(err error) error {
	if csc.ErrorKind(err) == csc.Conflict && strings.Contains(csc.ErrorMessage(err), "already in use") {
		return csc.Problems{{Field: "date", Message: "The board already has a meeting on that day"}}.Err()
	}
	return err
}

// ScheduleMeeting adds a meeting to an active board's calendar. Needs
// improvement.edit.
func (a *App) ScheduleMeeting(ctx context.Context, actor csc.Actor, boardID int64, in csc.MeetingInput) (m *csc.Meeting, err error) {
	defer csc.WrapOp(&err, "app.ScheduleMeeting")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	m = &csc.Meeting{BoardID: boardID, Date: meetingDate(&probs, in.Date), Status: csc.MeetingScheduled,
		Location: textField(&probs, "location", in.Location, 200)}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		b, err := tx.FindBoardByID(boardID)
		if err != nil {
			return err
		}
		if !b.Active {
			return csc.Errorf(csc.Invalid, "This board is no longer active, so no meeting can be added.")
		}
		if err := sameDay(tx.CreateMeeting(m)); err != nil {
			return err
		}
		m.BoardName, m.BoardKind = b.Name, b.Kind
		au.add(actor, "create", "board_meeting", m.ID, 0, "board "+itoa(boardID))
		return nil
	})
	return valueOrNil(m, err)
}

// RescheduleMeeting changes a meeting's date or place. A meeting already
// held cannot move into the future. Needs improvement.edit.
func (a *App) RescheduleMeeting(ctx context.Context, actor csc.Actor, id int64, in csc.MeetingInput) (m *csc.Meeting, err error) {
	defer csc.WrapOp(&err, "app.RescheduleMeeting")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	date, place := meetingDate(&probs, in.Date), textField(&probs, "location", in.Location, 200)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	today := a.Today()
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		var err error
		if m, err = tx.FindMeetingByID(id); err != nil {
			return err
		}
		if m.Held() && date.After(today) {
			return csc.Problems{{Field: "date", Message: "This meeting has been held, so its date must be today or in the past"}}.Err()
		}
		m.Date, m.Location, m.Version = date, place, in.Version
		if err := sameDay(tx.UpdateMeeting(m)); err != nil {
			return err
		}
		au.add(actor, "update", "board_meeting", id, 0, "date")
		return nil
	})
	return valueOrNil(m, err)
}

// AddAgendaItem adds an item at the end of a meeting's agenda. Needs
// improvement.edit.
func (a *App) AddAgendaItem(ctx context.Context, actor csc.Actor, meetingID int64, in csc.AgendaItemInput) (it *csc.AgendaItem, err error) {
	defer csc.WrapOp(&err, "app.AddAgendaItem")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	it = &csc.AgendaItem{MeetingID: meetingID, Title: textField(&probs, "title", in.Title, 300),
		Presenter: textField(&probs, "presenter", in.Presenter, 200)}
	if it.Title == "" && !probs.Has("title") {
		probs.Add("title", "Enter the agenda item's title")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		m, err := tx.FindMeetingByID(meetingID)
		if err != nil {
			return err
		}
		if len(m.Agenda) >= 100 {
			return csc.Errorf(csc.Invalid, "A meeting may have at most 100 agenda items.")
		}
		it.Position = len(m.Agenda) + 1
		if len(m.Agenda) > 0 {
			it.Position = max(it.Position, m.Agenda[len(m.Agenda)-1].Position+1)
		}
		if err := tx.CreateAgendaItem(it); err != nil {
			return err
		}
		au.add(actor, "create", "board_agenda_item", it.ID, 0, "meeting "+itoa(meetingID))
		return nil
	})
	return valueOrNil(it, err)
}

// MoveAgendaItem moves an item one place up or down its meeting's agenda
// and numbers the agenda 1, 2, 3… again. Needs improvement.edit.
func (a *App) MoveAgendaItem(ctx context.Context, actor csc.Actor, meetingID, itemID int64, up bool) (err error) {
	defer csc.WrapOp(&err, "app.MoveAgendaItem")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return err
	}
	return a.write(ctx, func(tx csc.Tx, au *auditor) error {
		m, err := tx.FindMeetingByID(meetingID)
		if err != nil {
			return err
		}
		items := m.Agenda
		i := agendaIndex(items, itemID)
		if i < 0 {
			return csc.Errorf(csc.NotFound, "There is no agenda item %d on meeting %d.", itemID, meetingID)
		}
		j := i + 1
		if up {
			j = i - 1
		}
		if j < 0 || j >= len(items) {
			return nil // already first or last: nothing to do
		}
		items[i], items[j] = items[j], items[i]
		for k := range items {
			if items[k].Position != k+1 {
				items[k].Position = k + 1
				if err := tx.UpdateAgendaItem(&items[k]); err != nil {
					return err
				}
			}
		}
		au.add(actor, "update", "board_agenda_item", itemID, 0, "position")
		return nil
	})
}

// AddAgendaReport files a report (a PDF, checked by its magic bytes and a
// parse, within the size limit) under an agenda item, in the improvement
// area's document store. Needs improvement.edit.
func (a *App) AddAgendaReport(ctx context.Context, actor csc.Actor, meetingID, itemID int64, up DocumentUpload) (d *csc.ImprovementDocument, err error) {
	defer csc.WrapOp(&err, "app.AddAgendaReport")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	if d, err = a.checkUpload(ctx, "report", up); err != nil {
		return nil, err
	}
	if d.Title == "" {
		d.Title = "Report"
	}
	d.Kind, d.SubjectType, d.SubjectID, d.CreatedByID = csc.DocBoardReport, csc.SubjectAgendaItem, itemID, actor.StaffID
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		m, err := tx.FindMeetingByID(meetingID)
		if err != nil {
			return err
		}
		if agendaIndex(m.Agenda, itemID) < 0 {
			return csc.Errorf(csc.NotFound, "There is no agenda item %d on meeting %d.", itemID, meetingID)
		}
		if err := tx.CreateImprovementDocument(d); err != nil {
			return err
		}
		au.add(actor, "create", "improvement_document", d.ID, 0, "board report, agenda item "+itoa(itemID))
		return nil
	})
	return valueOrNil(d, err)
}

func agendaIndex(items []csc.AgendaItem, id int64) int {
	for i, it := range items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// RecordMinutes records a meeting as held, on its date or before today:
// who attended or sent apologies, the overall minutes and each agenda
// item's. Recording them again corrects them. Needs improvement.edit.
func (a *App) RecordMinutes(ctx context.Context, actor csc.Actor, id int64, in csc.MinutesInput) (m *csc.Meeting, err error) {
	defer csc.WrapOp(&err, "app.RecordMinutes")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	today := a.Today()
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		var err error
		if m, err = tx.FindMeetingByID(id); err != nil {
			return err
		}
		var probs csc.Problems
		if m.Date.After(today) {
			probs.Add("date", "The meeting is on %s: its minutes can be recorded from that day", m.Date.Long())
		}
		m.Minutes = textField(&probs, "minutes", in.Minutes, 50000)
		m.Attendees = attendees(tx, &probs, in.Attendees)
		if m.Minutes == "" && len(m.Attendees) == 0 && !probs.Has("minutes") {
			probs.Add("minutes", "Enter the minutes or who attended")
		}
		changed := itemMinutes(&probs, m.Agenda, in.Items)
		if err := probs.Err(); err != nil {
			return err
		}
		for _, it := range changed {
			if err := tx.UpdateAgendaItem(it); err != nil {
				return err
			}
		}
		m.Status, m.Version = csc.MeetingHeld, in.Version
		if err := tx.UpdateMeeting(m); err != nil {
			return err
		}
		au.add(actor, "update", "board_meeting", id, 0, "minutes")
		return nil
	})
	return valueOrNil(m, err)
}

// attendees checks a meeting's attendance list: a member of staff by
// account or anyone by name; blank rows are dropped.
func attendees(tx csc.Tx, probs *csc.Problems, in []csc.MeetingAttendee) []csc.MeetingAttendee {
	if len(in) > maxBoardMembers {
		probs.Add("attendees", "Enter at most %d attendees", maxBoardMembers)
		return nil
	}
	var out []csc.MeetingAttendee
	for i, at := range in {
		field := "attendees." + itoa(int64(i))
		at.Name = textField(probs, field+".name", at.Name, 120)
		var ok bool
		if at.Name, ok = memberName(tx, probs, field, at.StaffID, at.Name); ok && at.Name != "" {
			out = append(out, at)
		}
	}
	return out
}

// itemMinutes applies the minutes given for agenda items and returns the
// items that changed; an id not on the agenda is a problem.
func itemMinutes(probs *csc.Problems, agenda []csc.AgendaItem, in []csc.ItemMinutes) []*csc.AgendaItem {
	var changed []*csc.AgendaItem
	for i, im := range in {
		field := "items." + itoa(int64(i)) + ".minutes"
		k := agendaIndex(agenda, im.ID)
		if k < 0 {
			probs.Add(field, "Agenda item %d is not on this meeting's agenda", im.ID)
			continue
		}
		text := textField(probs, field, im.Minutes, 50000)
		if it := &agenda[k]; it.Minutes != text {
			it.Minutes = text
			changed = append(changed, it)
		}
	}
	return changed
}
