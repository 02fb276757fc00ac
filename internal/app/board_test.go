package app_test

import (
	"fmt"
	"strings"
	"testing"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/pdfdoc"
)

// staffAudits counts the audit rows a member of staff has left.
func staffAudits(t *testing.T, e *apptest.Env, s *csc.Staff) int {
	t.Helper()
	var n int
	err := e.DB.Read(ctx, func(tx csc.Tx) error {
		_, total, err := tx.FindAudit(csc.AuditQuery{StaffID: s.ID, Limit: 1})
		n = total
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// boardWithMeeting makes an improvement board, as the senior leader, with
// a meeting on date and its agenda, held if the date has passed.
func boardWithMeeting(t *testing.T, e *apptest.Env, date string) (*csc.Board, *csc.Meeting) {
	t.Helper()
	lead := e.Actor(csc.RoleSeniorLeader)
	b, err := e.App.SaveBoard(ctx, lead, 0, csc.BoardInput{Name: "Quality and Development Board", Kind: "improvement_board",
		Members: []csc.BoardMember{{Name: "Cllr Ada Example", Role: "Chair"}, {StaffID: e.Staff[csc.RoleQA].ID, Role: "QA lead"}}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.App.ScheduleMeeting(ctx, lead, b.ID, csc.MeetingInput{Date: date, Location: "County Hall"})
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Minutes and matters arising", "Focused visit letter", "Workforce"} {
		if _, err := e.App.AddAgendaItem(ctx, lead, m.ID, csc.AgendaItemInput{Title: title, Presenter: "Head of service"}); err != nil {
			t.Fatal(err)
		}
	}
	return b, m
}

func raise(t *testing.T, e *apptest.Env, in csc.ResolutionInput) *csc.Resolution {
	t.Helper()
	r, err := e.App.RaiseResolution(ctx, e.Actor(csc.RoleSeniorLeader), in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBoardPermissions: senior leaders and QA keep boards; board members,
// analysts and inspectors read them; case workers cannot see them; and a
// board member sees nothing of a child's record.
func TestBoardPermissions(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		b, m := boardWithMeeting(t, e, "2026-02-12")
		child := e.Child(t, "Nell", "Brook", "2014-01-01")
		for i, role := range csc.Roles {
			actor := e.Actor(role)
			_, readErr := e.App.Meeting(ctx, actor, m.ID)
			_, editErr := e.App.ScheduleMeeting(ctx, actor, b.ID, csc.MeetingInput{Date: fmt.Sprintf("2026-06-%02d", i+1)})
			canRead := role == csc.RoleSeniorLeader || role == csc.RoleQA || role == csc.RoleBoardMember ||
				role == csc.RoleAnalyst || role == csc.RoleInspector
			canEdit := role == csc.RoleSeniorLeader || role == csc.RoleQA
			if (readErr == nil) != canRead || (!canRead && csc.ErrorKind(readErr) != csc.Forbidden) {
				t.Errorf("%s reading a meeting: %v", role, readErr)
			}
			if (editErr == nil) != canEdit || (!canEdit && csc.ErrorKind(editErr) != csc.Forbidden) {
				t.Errorf("%s scheduling a meeting: %v", role, editErr)
			}
		}
		if _, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleBoardMember), child.ID); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member opened a child's record: %v", err)
		}
		if _, err := e.App.Owners(ctx, e.Actor(csc.RoleBoardMember)); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member listed the staff to choose owners from: %v", err)
		}
	})
}

// TestBoardBadInputSavesNothing: a resolution with no meeting, no owner,
// a due date before its meeting, or both a date and "next meeting" is
// refused with a message naming the problem, and nothing is saved.
func TestBoardBadInputSavesNothing(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		_, m := boardWithMeeting(t, e, "2026-02-12")
		_, future := boardWithMeeting2(t, e, "2026-04-20")
		owner := e.Staff[csc.RoleQA].ID
		lead := e.Staff[csc.RoleSeniorLeader]
		before := staffAudits(t, e, lead)
		for _, c := range []struct {
			name, field, want string
			in                csc.ResolutionInput
		}{
			{"no meeting", "meeting_id", "always raised at a meeting", csc.ResolutionInput{Text: "Circulate absence figures", OwnerID: owner, Due: "2026-03-01"}},
			{"no such meeting", "meeting_id", "There is no meeting", csc.ResolutionInput{MeetingID: 99999, Text: "x", OwnerID: owner, Due: "2026-03-01"}},
			{"no owner", "owner_id", "needs an owner", csc.ResolutionInput{MeetingID: m.ID, Text: "Circulate absence figures", Due: "2026-03-01"}},
			{"an owner who is not staff", "owner_id", "current staff", csc.ResolutionInput{MeetingID: m.ID, Text: "x", OwnerID: 99999, Due: "2026-03-01"}},
			{"due before the meeting", "due", "cannot be before the meeting it was raised at (12 February 2026)", csc.ResolutionInput{MeetingID: m.ID, Text: "x", OwnerID: owner, Due: "2026-02-11"}},
			{"no due date", "due", "or choose “by the next meeting”", csc.ResolutionInput{MeetingID: m.ID, Text: "x", OwnerID: owner}},
			{"both", "due", "not both", csc.ResolutionInput{MeetingID: m.ID, Text: "x", OwnerID: owner, Due: "2026-03-01", ByNextMeeting: true}},
			{"not a date", "due", "real date", csc.ResolutionInput{MeetingID: m.ID, Text: "x", OwnerID: owner, Due: "2026-02-30"}},
			{"no text", "text", "what the board resolved", csc.ResolutionInput{MeetingID: m.ID, OwnerID: owner, ByNextMeeting: true}},
			{"a meeting yet to meet", "meeting_id", "once it has met", csc.ResolutionInput{MeetingID: future.ID, Text: "x", OwnerID: owner, ByNextMeeting: true}},
		} {
			_, err := e.App.RaiseResolution(ctx, e.Actor(csc.RoleSeniorLeader), c.in)
			if csc.ErrorKind(err) != csc.Invalid || !hasFieldError(err, c.field, c.want) {
				t.Errorf("%s: %v, want %s: …%s…", c.name, err, c.field, c.want)
			}
		}
		rs, err := e.App.Resolutions(ctx, e.Actor(csc.RoleBoardMember), csc.ResolutionQuery{})
		if err != nil || len(rs) != 0 {
			t.Errorf("refused resolutions were saved: %d, %v", len(rs), err)
		}
		if after := staffAudits(t, e, lead); after != before {
			t.Errorf("refused resolutions left %d audit rows", after-before)
		}
		if _, err := e.App.SaveBoard(ctx, e.Actor(csc.RoleQA), 0, csc.BoardInput{Name: "Quality and Development Board", Kind: "scrutiny_committee"}); !hasFieldError(err, "name", "already a board") {
			t.Errorf("a second board of the same name: %v", err)
		}
		if _, err := e.App.ScheduleMeeting(ctx, e.Actor(csc.RoleQA), m.BoardID, csc.MeetingInput{Date: "2026-02-12"}); !hasFieldError(err, "date", "already has a meeting") {
			t.Errorf("a second meeting on one day: %v", err)
		}
		if _, err := e.App.RecordMinutes(ctx, e.Actor(csc.RoleQA), future.ID, csc.MinutesInput{Version: future.Version, Minutes: "Met."}); !hasFieldError(err, "date", "from that day") {
			t.Errorf("minutes of a meeting yet to happen: %v", err)
		}
		mv, _ := e.App.Meeting(ctx, e.Actor(csc.RoleQA), m.ID)
		_, err = e.App.RecordMinutes(ctx, e.Actor(csc.RoleQA), m.ID, csc.MinutesInput{Version: m.Version, Minutes: "Met.",
			Items: []csc.ItemMinutes{{ID: mv.Meeting.Agenda[0].ID, Minutes: "Agreed."}, {ID: 99999, Minutes: "Lost."}}})
		if !hasFieldError(err, "items.1.minutes", "not on this meeting's agenda") {
			t.Errorf("minutes for an item of another meeting: %v", err)
		}
		if mv, _ = e.App.Meeting(ctx, e.Actor(csc.RoleQA), m.ID); mv.Meeting.Held() || mv.Meeting.Agenda[0].Minutes != "" {
			t.Errorf("refused minutes were partly saved: %+v", mv.Meeting)
		}
	})
}

// boardWithMeeting2 is a second board (a scrutiny committee) with one meeting.
func boardWithMeeting2(t *testing.T, e *apptest.Env, date string) (*csc.Board, *csc.Meeting) {
	t.Helper()
	b, err := e.App.SaveBoard(ctx, e.Actor(csc.RoleQA), 0, csc.BoardInput{Name: "Children's Scrutiny Committee", Kind: "scrutiny_committee"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.App.ScheduleMeeting(ctx, e.Actor(csc.RoleQA), b.ID, csc.MeetingInput{Date: date})
	if err != nil {
		t.Fatal(err)
	}
	return b, m
}

func hasFieldError(err error, field, want string) bool {
	for _, f := range csc.ErrorFields(err) {
		if f.Field == field && strings.Contains(f.Message, want) {
			return true
		}
	}
	return false
}

// TestMattersArising follows one board over three meetings: a resolution
// due "by the next meeting" waits for that meeting to be scheduled and then
// is due at it; one due on a date between meetings is overdue at the next;
// one done before the meeting drops out of its matters arising, and one
// done at the meeting is shown as closed there.
func TestMattersArising(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		lead := e.Actor(csc.RoleSeniorLeader)
		b, jan := boardWithMeeting(t, e, "2026-01-15")
		owner := e.Staff[csc.RoleQA].ID
		absence := raise(t, e, csc.ResolutionInput{MeetingID: jan.ID, Text: "Circulate a breakdown of staff absence", OwnerID: owner, ByNextMeeting: true})
		homeless := raise(t, e, csc.ResolutionInput{MeetingID: jan.ID, Text: "Bring a report on homeless young people", OwnerID: owner, Due: "2026-02-20"})
		noted := raise(t, e, csc.ResolutionInput{MeetingID: jan.ID, Text: "Note the report", OwnerID: owner, Due: "2026-01-15"})
		housing := raise(t, e, csc.ResolutionInput{MeetingID: jan.ID, Text: "Review housing contracts", OwnerID: owner, Due: "2026-06-30"})
		if absence.DueLabel() != "Next meeting (not yet scheduled)" || absence.Overdue(csc.MustParseDate("2030-01-01")) {
			t.Errorf("with no next meeting: %q", absence.DueLabel())
		}
		if _, err := e.App.UpdateResolution(ctx, lead, noted.ID, csc.ResolutionStatusInput{Version: noted.Version, Status: "done",
			Note: "Noted.", On: "2026-01-15"}); err != nil {
			t.Fatal(err)
		}
		mar, err := e.App.ScheduleMeeting(ctx, lead, b.ID, csc.MeetingInput{Date: "2026-03-02"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.UpdateResolution(ctx, lead, housing.ID, csc.ResolutionStatusInput{Version: housing.Version, Status: "done",
			Note: "Contracts reviewed.", MeetingID: mar.ID}); err != nil {
			t.Fatal(err)
		}
		v, err := e.App.Meeting(ctx, e.Actor(csc.RoleBoardMember), mar.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int64]string{}
		for _, x := range v.Arising {
			got[x.ID] = x.StandingLabel()
		}
		want := map[int64]string{absence.ID: "Due at this meeting", homeless.ID: "Overdue by 10 days", housing.ID: "Done since"}
		if len(got) != len(want) {
			t.Errorf("matters arising %v, want %v", got, want)
		}
		for id, w := range want {
			if got[id] != w {
				t.Errorf("resolution %d: %q, want %q", id, got[id], w)
			}
		}
		if v.Previous == nil || v.Previous.ID != jan.ID || len(v.Raised) != 0 {
			t.Errorf("previous meeting %+v, raised %d", v.Previous, len(v.Raised))
		}
		bv, err := e.App.Board(ctx, e.Actor(csc.RoleAnalyst), b.ID)
		if err != nil || len(bv.Outstanding) != 2 || bv.Next == nil || bv.Next.ID != mar.ID {
			t.Errorf("board view: %d outstanding, next %+v, %v", len(bv.Outstanding), bv.Next, err)
		}
		r, _ := e.App.Resolution(ctx, lead, absence.ID)
		if r.Due != csc.MustParseDate("2026-03-02") || !strings.HasPrefix(r.DueLabel(), "Next meeting (2 March 2026)") {
			t.Errorf("absence resolution due %v %q", r.Due, r.DueLabel())
		}
	})
}

// TestResolutionLifecycle carries a resolution forward to the next
// meeting, refuses to close it without a note, closes it, refuses to carry
// a closed one, reopens and drops it, keeping every step in its history
// and the audit trail.
func TestResolutionLifecycle(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		lead := e.Actor(csc.RoleSeniorLeader)
		b, jan := boardWithMeeting(t, e, "2026-01-15")
		feb, err := e.App.ScheduleMeeting(ctx, lead, b.ID, csc.MeetingInput{Date: "2026-02-19"})
		if err != nil {
			t.Fatal(err)
		}
		apr, err := e.App.ScheduleMeeting(ctx, lead, b.ID, csc.MeetingInput{Date: "2026-04-16"})
		if err != nil {
			t.Fatal(err)
		}
		r := raise(t, e, csc.ResolutionInput{MeetingID: jan.ID, Text: "Circulate a breakdown of staff absence",
			OwnerID: e.Staff[csc.RoleQA].ID, ByNextMeeting: true})
		if r.DueMeetingID != feb.ID {
			t.Fatalf("due at meeting %d, want February's %d", r.DueMeetingID, feb.ID)
		}
		auditsBefore := staffAudits(t, e, e.Staff[csc.RoleSeniorLeader])
		step := func(in csc.ResolutionStatusInput) (*csc.Resolution, error) {
			in.Version = r.Version
			got, err := e.App.UpdateResolution(ctx, lead, r.ID, in)
			if err == nil {
				r = got
			}
			return got, err
		}
		if _, err := step(csc.ResolutionStatusInput{Status: "carried_forward", MeetingID: feb.ID, ByNextMeeting: true,
			OwnerID: e.Staff[csc.RoleSeniorLeader].ID}); err != nil {
			t.Fatal(err)
		}
		if r.DueMeetingID != apr.ID || r.Status != csc.ResolutionCarried || r.OwnerID != e.Staff[csc.RoleSeniorLeader].ID {
			t.Errorf("carried forward: due at %d (want April's %d), status %s, owner %d", r.DueMeetingID, apr.ID, r.Status, r.OwnerID)
		}
		for _, c := range []struct {
			name, field, want string
			in                csc.ResolutionStatusInput
		}{
			{"done without a note", "note", "what was done", csc.ResolutionStatusInput{Status: "done"}},
			{"dropped without a reason", "note", "reason", csc.ResolutionStatusInput{Status: "dropped"}},
			{"an unknown status", "status", "new status", csc.ResolutionStatusInput{Status: "parked"}},
			{"a date in the future", "on", "today or in the past", csc.ResolutionStatusInput{Status: "done", Note: "x", On: "2026-03-03"}},
			{"a date before the meeting", "on", "cannot be before", csc.ResolutionStatusInput{Status: "done", Note: "x", On: "2026-01-14"}},
			{"a meeting yet to happen", "meeting_id", "between", csc.ResolutionStatusInput{Status: "done", Note: "x", MeetingID: apr.ID}},
			{"carried to a date before today", "due", "cannot be before the day it was carried forward", csc.ResolutionStatusInput{Status: "carried_forward", Due: "2026-03-01"}},
		} {
			if _, err := step(c.in); !hasFieldError(err, c.field, c.want) {
				t.Errorf("%s: %v", c.name, err)
			}
		}
		if _, err := step(csc.ResolutionStatusInput{Status: "done", Note: "Circulated to members by email."}); err != nil {
			t.Fatal(err)
		}
		if r.ClosedOn != csc.MustParseDate("2026-03-02") || r.Outstanding() {
			t.Errorf("done: closed on %v, outstanding %v", r.ClosedOn, r.Outstanding())
		}
		if _, err := step(csc.ResolutionStatusInput{Status: "carried_forward", ByNextMeeting: true}); !hasFieldError(err, "status", "reopen it first") {
			t.Errorf("carrying a done resolution: %v", err)
		}
		if _, err := step(csc.ResolutionStatusInput{Status: "open", Note: "Figures were incomplete."}); err != nil {
			t.Fatal(err)
		}
		if _, err := step(csc.ResolutionStatusInput{Status: "dropped", Note: "Superseded by the workforce report."}); err != nil {
			t.Fatal(err)
		}
		var statuses []string
		for _, u := range r.Updates {
			statuses = append(statuses, u.Status)
		}
		if strings.Join(statuses, ",") != "carried_forward,done,open,dropped" || r.Updates[0].MeetingID != feb.ID || r.Updates[0].RecordedBy == "" {
			t.Errorf("history %v %+v", statuses, r.Updates[0])
		}
		if n := staffAudits(t, e, e.Staff[csc.RoleSeniorLeader]) - auditsBefore; n != 4 {
			t.Errorf("%d audit rows for 4 changes", n)
		}
		if _, err := e.App.UpdateResolution(ctx, lead, r.ID, csc.ResolutionStatusInput{Version: 1, Status: "open", Note: "x"}); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a stale change: %v", err)
		}
	})
}

// TestMinutesAndAgenda orders an agenda, records a meeting as held with
// attendance and each item's minutes, and corrects them.
func TestMinutesAndAgenda(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		qa := e.Actor(csc.RoleQA)
		_, m := boardWithMeeting(t, e, "2026-02-26")
		v, _ := e.App.Meeting(ctx, qa, m.ID)
		workforce := v.Meeting.Agenda[2].ID
		if err := e.App.MoveAgendaItem(ctx, qa, m.ID, workforce, true); err != nil {
			t.Fatal(err)
		}
		if err := e.App.MoveAgendaItem(ctx, qa, m.ID, workforce, true); err != nil {
			t.Fatal(err)
		}
		if err := e.App.MoveAgendaItem(ctx, qa, m.ID, workforce, true); err != nil {
			t.Fatal(err)
		}
		v, _ = e.App.Meeting(ctx, qa, m.ID)
		var order []string
		for _, it := range v.Meeting.Agenda {
			order = append(order, it.Title)
		}
		if strings.Join(order, "|") != "Workforce|Minutes and matters arising|Focused visit letter" || v.Meeting.Agenda[2].Position != 3 {
			t.Errorf("agenda order %v", order)
		}
		held, err := e.App.RecordMinutes(ctx, qa, m.ID, csc.MinutesInput{Version: v.Meeting.Version, Minutes: "The board was quorate.",
			Attendees: []csc.MeetingAttendee{{Name: "Cllr Ada Example", Present: true}, {StaffID: e.Staff[csc.RoleQA].ID}, {Name: ""}},
			Items:     []csc.ItemMinutes{{ID: workforce, Minutes: "Vacancy rate down to 14%."}}})
		if err != nil {
			t.Fatal(err)
		}
		v, _ = e.App.Meeting(ctx, e.Actor(csc.RoleInspector), m.ID)
		if !v.Meeting.Held() || len(v.Meeting.Attendees) != 2 || v.Meeting.Attendees[1].Name != "Test Quality assurance auditor" ||
			v.Meeting.Agenda[0].Minutes != "Vacancy rate down to 14%." {
			t.Errorf("held meeting %+v", v.Meeting)
		}
		if _, err := e.App.RescheduleMeeting(ctx, qa, m.ID, csc.MeetingInput{Version: held.Version, Date: "2026-05-01"}); !hasFieldError(err, "date", "has been held") {
			t.Errorf("moving a held meeting into the future: %v", err)
		}
		if _, err := e.App.RecordMinutes(ctx, qa, m.ID, csc.MinutesInput{Version: held.Version, Minutes: "The board was quorate (corrected)."}); err != nil {
			t.Errorf("correcting the minutes: %v", err)
		}
	})
}

// TestResolutionPlanLinks links a resolution to an improvement action and
// a finding, refusing ones that do not exist with nothing saved, and
// replaces the links later.
func TestResolutionPlanLinks(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		_, m := boardWithMeeting(t, e, "2026-02-12")
		var act csc.ImprovementAction
		var fs []csc.Finding
		err := e.DB.Write(ctx, func(tx csc.Tx) error {
			ins := csc.Inspection{Kind: csc.InspFocusedVisit, NoticeDate: csc.MustParseDate("2025-08-08")}
			if err := tx.CreateInspection(&ins); err != nil {
				return err
			}
			fs = []csc.Finding{{InspectionID: ins.ID, Kind: csc.FindingImprovement, Text: "Homeless young people.", AreaVersion: "2026.1"}}
			if err := tx.CreateFindings(fs); err != nil {
				return err
			}
			act = csc.ImprovementAction{Title: "Joint protocol with housing", Theme: "homeless_16_17", OwnerID: e.Staff[csc.RoleQA].ID,
				Start: csc.MustParseDate("2026-01-05"), Due: csc.MustParseDate("2026-06-30"), Status: csc.StatusInProgress}
			return tx.CreateImprovementAction(&act)
		})
		if err != nil {
			t.Fatal(err)
		}
		in := csc.ResolutionInput{MeetingID: m.ID, Text: "Report on homeless young people", OwnerID: e.Staff[csc.RoleQA].ID,
			ByNextMeeting: true, ActionIDs: []int64{act.ID, 9999}, FindingIDs: []int64{-3}}
		_, err = e.App.RaiseResolution(ctx, e.Actor(csc.RoleQA), in)
		if !hasFieldError(err, "action_ids", "There is no improvement action 9999") || !hasFieldError(err, "finding_ids", "There is no finding -3") {
			t.Errorf("links to records that do not exist: %v", err)
		}
		in.ActionIDs, in.FindingIDs = []int64{act.ID, act.ID}, []int64{fs[0].ID}
		r := raise(t, e, in)
		v, err := e.App.Resolution(ctx, e.Actor(csc.RoleBoardMember), r.ID)
		if err != nil || len(v.Actions) != 1 || v.Actions[0].Title != "Joint protocol with housing" || len(v.Findings) != 1 {
			t.Errorf("linked: %+v, %v", v, err)
		}
		if _, err := e.App.LinkResolution(ctx, e.Actor(csc.RoleBoardMember), r.ID, csc.ResolutionLinksInput{Version: r.Version}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member changed the links: %v", err)
		}
		got, err := e.App.LinkResolution(ctx, e.Actor(csc.RoleQA), r.ID, csc.ResolutionLinksInput{Version: r.Version, FindingIDs: []int64{fs[0].ID}})
		if err != nil || len(got.ActionIDs) != 0 || len(got.FindingIDs) != 1 || got.Version != r.Version+1 {
			t.Errorf("relinked: %+v, %v", got, err)
		}
	})
}

// TestAgendaReports files a board report under an agenda item: a file
// that is not a PDF, or is over the size limit, is refused with a message
// saying so and nothing is saved; a PDF is kept, listed with its item, and
// opened by a board member.
func TestAgendaReports(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		qa := e.Actor(csc.RoleQA)
		_, m := boardWithMeeting(t, e, "2026-02-26")
		v, _ := e.App.Meeting(ctx, qa, m.ID)
		item := v.Meeting.Agenda
		before := staffAudits(t, e, e.Staff[csc.RoleQA])
		big := append([]byte("%PDF-1.7\n"), make([]byte, pdfdoc.MaxSize)...)
		for name, c := range map[string]struct {
			up   app.DocumentUpload
			want string
		}{
			"a Word file":   {app.DocumentUpload{Filename: "report.docx", Content: []byte("PK\x03\x04word")}, "not a PDF"},
			"an empty file": {app.DocumentUpload{Filename: "report.pdf"}, "empty"},
			"too large":     {app.DocumentUpload{Filename: "report.pdf", Content: big}, "at most 10.0 MB"},
			"a damaged PDF": {app.DocumentUpload{Filename: "report.pdf", Content: []byte("%PDF-1.4 cut short")}, "damaged"},
		} {
			_, err := e.App.AddAgendaReport(ctx, qa, m.ID, item[1].ID, c.up)
			if !hasFieldError(err, "report", c.want) {
				t.Errorf("%s: %v, want a problem with the report saying %q", name, err, c.want)
			}
		}
		if n := staffAudits(t, e, e.Staff[csc.RoleQA]); n != before {
			t.Errorf("refused reports left %d audit rows", n-before)
		}
		if _, err := e.App.AddAgendaReport(ctx, e.Actor(csc.RoleBoardMember), m.ID, item[1].ID,
			app.DocumentUpload{Content: letterPDF(t, "Workforce report.")}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member filed a report: %v", err)
		}
		if _, err := e.App.AddAgendaReport(ctx, qa, m.ID, 99999, app.DocumentUpload{Content: letterPDF(t, "x")}); csc.ErrorKind(err) != csc.NotFound {
			t.Errorf("a report for an item of no meeting: %v", err)
		}
		d, err := e.App.AddAgendaReport(ctx, qa, m.ID, item[1].ID, app.DocumentUpload{Title: "Focused visit: the outcome letter",
			Filename: `C:\papers\letter.pdf`, Content: letterPDF(t, "The visit found strengths.")})
		if err != nil {
			t.Fatal(err)
		}
		v, _ = e.App.Meeting(ctx, e.Actor(csc.RoleBoardMember), m.ID)
		if rs := v.Meeting.Agenda[1].Reports; len(rs) != 1 || rs[0].ID != d.ID || rs[0].Title != "Focused visit: the outcome letter" ||
			rs[0].Filename != "letter.pdf" || len(v.Meeting.Agenda[0].Reports) != 0 {
			t.Errorf("the agenda's reports: %+v", v.Meeting.Agenda)
		}
		got, err := e.App.OpenImprovementDocument(ctx, e.Actor(csc.RoleBoardMember), d.ID)
		if err != nil || got.Kind != csc.DocBoardReport || len(got.Content) == 0 {
			t.Errorf("opening the report: %+v, %v", got, err)
		}
	})
}
