package store_test

import (
	"testing"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// TestBoardRoundTrip stores a board with its members, meetings with an
// ordered agenda, and resolutions; a resolution due "by the next meeting"
// follows the board's meetings as they are scheduled and moved; names,
// meeting days and stale versions conflict; and the queries behind matters
// arising pick the right resolutions.
func TestBoardRoundTrip(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		owner := csc.Staff{Username: "hos", Name: "Harriet Owner", Role: csc.RoleSeniorLeader, Active: true, Employment: csc.EmployPermanent}
		board := csc.Board{Name: "Improvement Board", Kind: csc.BoardImprovement, Active: true,
			Members: []csc.BoardMember{{Name: "Cllr Ada Example", Role: "Chair"}}}
		other := csc.Board{Name: "Scrutiny", Kind: csc.BoardScrutiny, Active: true}
		jan := csc.Meeting{Date: csc.MustParseDate("2026-01-15"), Status: csc.MeetingHeld, Minutes: "Quorate."}
		var open, dated, done csc.Resolution
		mustWrite(t, db, func(tx csc.Tx) error {
			if err := tx.CreateStaff(&owner, ""); err != nil {
				return err
			}
			for _, b := range []*csc.Board{&board, &other} {
				if err := tx.CreateBoard(b); err != nil {
					return err
				}
			}
			jan.BoardID = board.ID
			if err := tx.CreateMeeting(&jan); err != nil {
				return err
			}
			for i, title := range []string{"Matters arising", "Focused visit letter"} {
				if err := tx.CreateAgendaItem(&csc.AgendaItem{MeetingID: jan.ID, Position: 2 - i, Title: title}); err != nil {
					return err
				}
			}
			open = csc.Resolution{BoardID: board.ID, MeetingID: jan.ID, DueFromMeetingID: jan.ID, Text: "Circulate a breakdown of staff absence",
				OwnerID: owner.ID, ByNextMeeting: true, Status: csc.ResolutionOpen}
			dated = csc.Resolution{BoardID: board.ID, MeetingID: jan.ID, DueFromMeetingID: jan.ID, Text: "Report on homeless young people",
				OwnerID: owner.ID, Due: csc.MustParseDate("2026-02-20"), Status: csc.ResolutionOpen}
			done = csc.Resolution{BoardID: board.ID, MeetingID: jan.ID, DueFromMeetingID: jan.ID, Text: "Note the report",
				OwnerID: owner.ID, Due: csc.MustParseDate("2026-01-15"), Status: csc.ResolutionDone, StatusNote: "Noted.",
				ClosedOn: csc.MustParseDate("2026-01-15")}
			for _, r := range []*csc.Resolution{&open, &dated, &done} {
				if err := tx.CreateResolution(r); err != nil {
					return err
				}
			}
			return tx.CreateResolutionUpdate(&csc.ResolutionUpdate{ResolutionID: done.ID, Status: csc.ResolutionDone,
				Note: "Noted.", On: done.ClosedOn, MeetingID: jan.ID, RecordedByID: owner.ID})
		})
		read := func(id int64) *csc.Resolution {
			t.Helper()
			var r *csc.Resolution
			mustWrite(t, db, func(tx csc.Tx) error {
				var err error
				r, err = tx.FindResolutionByID(id)
				return err
			})
			return r
		}
		if r := read(open.ID); !r.Due.IsZero() || r.DueLabel() != "Next meeting (not yet scheduled)" || r.OwnerName != "Harriet Owner" {
			t.Errorf("with no next meeting: due %v, label %q, owner %q", r.Due, r.DueLabel(), r.OwnerName)
		}
		apr := csc.Meeting{BoardID: board.ID, Date: csc.MustParseDate("2026-04-16"), Status: csc.MeetingScheduled}
		mar := csc.Meeting{BoardID: board.ID, Date: csc.MustParseDate("2026-03-19"), Status: csc.MeetingScheduled}
		elsewhere := csc.Meeting{BoardID: other.ID, Date: csc.MustParseDate("2026-02-01"), Status: csc.MeetingScheduled}
		mustWrite(t, db, func(tx csc.Tx) error {
			for _, m := range []*csc.Meeting{&apr, &mar, &elsewhere} {
				if err := tx.CreateMeeting(m); err != nil {
					return err
				}
			}
			return nil
		})
		if r := read(open.ID); r.Due != mar.Date || r.DueMeetingID != mar.ID || r.DueLabel() != "Next meeting (19 March 2026)" {
			t.Errorf("next meeting resolved to %v (meeting %d), want the board's March meeting %d", r.Due, r.DueMeetingID, mar.ID)
		}
		// The March meeting moves after April's: the next meeting is April's.
		mustWrite(t, db, func(tx csc.Tx) error {
			mar.Date = csc.MustParseDate("2026-05-21")
			return tx.UpdateMeeting(&mar)
		})
		if r := read(open.ID); r.DueMeetingID != apr.ID || r.Due != apr.Date {
			t.Errorf("after the move, due %v (meeting %d), want April's %d", r.Due, r.DueMeetingID, apr.ID)
		}
		if r := read(done.ID); len(r.Updates) != 1 || r.Updates[0].RecordedBy != "Harriet Owner" || r.Updates[0].MeetingID != jan.ID {
			t.Errorf("updates %+v", r.Updates)
		}

		for name, fn := range map[string]func(tx csc.Tx) error{
			"a second board with the same name": func(tx csc.Tx) error {
				return tx.CreateBoard(&csc.Board{Name: "Improvement Board", Kind: csc.BoardOther})
			},
			"a second meeting of the board on one day": func(tx csc.Tx) error {
				return tx.CreateMeeting(&csc.Meeting{BoardID: board.ID, Date: apr.Date, Status: csc.MeetingScheduled})
			},
			"a stale resolution": func(tx csc.Tx) error {
				stale := dated
				stale.Version = 9
				return tx.UpdateResolution(&stale)
			},
			"a stale meeting": func(tx csc.Tx) error {
				stale := jan
				stale.Version = 9
				return tx.UpdateMeeting(&stale)
			},
		} {
			if err := db.Write(ctx, fn); csc.ErrorKind(err) != csc.Conflict {
				t.Errorf("%s: %v, want a conflict", name, err)
			}
		}

		mustWrite(t, db, func(tx csc.Tx) error {
			m, err := tx.FindMeetingByID(jan.ID)
			if err != nil {
				return err
			}
			if len(m.Agenda) != 2 || m.Agenda[0].Title != "Focused visit letter" || m.BoardName != "Improvement Board" || m.Minutes != "Quorate." {
				t.Errorf("meeting %+v", m)
			}
			ms, err := tx.ListMeetings(board.ID)
			if err != nil || len(ms) != 3 || ms[0].ID != mar.ID {
				t.Errorf("meetings newest first: %+v, %v", ms, err)
			}
			bs, err := tx.ListBoards()
			if err != nil || len(bs) != 2 || bs[0].Members[0].Role != "Chair" {
				t.Errorf("boards %+v, %v", bs, err)
			}
			for _, c := range []struct {
				name string
				q    csc.ResolutionQuery
				want []int64
			}{
				{"outstanding", csc.ResolutionQuery{BoardID: board.ID, Outstanding: true}, []int64{open.ID, dated.ID}},
				{"outstanding on the day it was done", csc.ResolutionQuery{BoardID: board.ID, OutstandingOn: done.ClosedOn}, []int64{open.ID, dated.ID, done.ID}},
				{"outstanding the day after", csc.ResolutionQuery{BoardID: board.ID, OutstandingOn: done.ClosedOn.AddDays(1)}, []int64{open.ID, dated.ID}},
				{"raised before the January meeting", csc.ResolutionQuery{BoardID: board.ID, Before: jan.Date}, nil},
				{"raised before April's", csc.ResolutionQuery{BoardID: board.ID, Before: apr.Date, Outstanding: true}, []int64{open.ID, dated.ID}},
				{"another board", csc.ResolutionQuery{BoardID: other.ID}, nil},
				{"by owner", csc.ResolutionQuery{OwnerID: owner.ID, MeetingID: jan.ID}, []int64{open.ID, dated.ID, done.ID}},
			} {
				rs, err := tx.FindResolutions(c.q)
				if err != nil {
					return err
				}
				var got []int64
				for _, r := range rs {
					got = append(got, r.ID)
				}
				if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
					t.Errorf("%s: %v, want %v", c.name, got, c.want)
				}
			}
			return nil
		})
	})
}

// TestResolutionLinks links a resolution to an improvement action and a
// finding when it is raised, reads the links back singly and in lists,
// replaces them, and refuses a link to an action that does not exist.
func TestResolutionLinks(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		lead := csc.Staff{Username: "lead", Name: "Lee Leader", Role: csc.RoleSeniorLeader, Active: true, Employment: csc.EmployPermanent}
		var fs []csc.Finding
		var act csc.ImprovementAction
		var r csc.Resolution
		mustWrite(t, db, func(tx csc.Tx) error {
			if err := tx.CreateStaff(&lead, ""); err != nil {
				return err
			}
			ins := csc.Inspection{Kind: csc.InspFocusedVisit, NoticeDate: csc.MustParseDate("2025-08-08")}
			if err := tx.CreateInspection(&ins); err != nil {
				return err
			}
			fs = []csc.Finding{{InspectionID: ins.ID, Kind: csc.FindingImprovement, Text: "Homeless young people.", AreaVersion: "2026.1"},
				{InspectionID: ins.ID, Kind: csc.FindingImprovement, Text: "Workforce capacity.", AreaVersion: "2026.1"}}
			if err := tx.CreateFindings(fs); err != nil {
				return err
			}
			act = csc.ImprovementAction{Title: "Joint protocol with housing", Theme: "homeless_16_17", OwnerID: lead.ID,
				Start: csc.MustParseDate("2026-01-05"), Due: csc.MustParseDate("2026-06-30"), Status: csc.StatusInProgress}
			if err := tx.CreateImprovementAction(&act); err != nil {
				return err
			}
			b := csc.Board{Name: "Scrutiny", Kind: csc.BoardScrutiny, Active: true}
			if err := tx.CreateBoard(&b); err != nil {
				return err
			}
			m := csc.Meeting{BoardID: b.ID, Date: csc.MustParseDate("2026-02-05"), Status: csc.MeetingHeld}
			if err := tx.CreateMeeting(&m); err != nil {
				return err
			}
			r = csc.Resolution{BoardID: b.ID, MeetingID: m.ID, DueFromMeetingID: m.ID, Text: "Report on homeless young people",
				OwnerID: lead.ID, ByNextMeeting: true, Status: csc.ResolutionOpen, ActionIDs: []int64{act.ID}, FindingIDs: []int64{fs[0].ID, fs[1].ID}}
			return tx.CreateResolution(&r)
		})
		mustWrite(t, db, func(tx csc.Tx) error {
			got, err := tx.FindResolutionByID(r.ID)
			if err != nil {
				return err
			}
			if len(got.ActionIDs) != 1 || got.ActionIDs[0] != act.ID || len(got.FindingIDs) != 2 {
				t.Errorf("links read back: actions %v, findings %v", got.ActionIDs, got.FindingIDs)
			}
			if err := tx.SetResolutionLinks(r.ID, nil, []int64{fs[1].ID}); err != nil {
				return err
			}
			list, err := tx.FindResolutions(csc.ResolutionQuery{BoardID: r.BoardID})
			if err != nil {
				return err
			}
			if len(list) != 1 || len(list[0].ActionIDs) != 0 || len(list[0].FindingIDs) != 1 || list[0].FindingIDs[0] != fs[1].ID {
				t.Errorf("links after replacing: %+v", list)
			}
			return nil
		})
		err := db.Write(ctx, func(tx csc.Tx) error { return tx.SetResolutionLinks(r.ID, []int64{act.ID + 100}, nil) })
		if err == nil {
			t.Errorf("a link to an action that does not exist was saved")
		}
	})
}
