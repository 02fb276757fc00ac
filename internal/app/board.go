package app

import (
	"context"
	"slices"
	"strings"

	"cairn/internal/csc"
)

// Boards and committees: the improvement board, scrutiny and corporate
// parenting boards, their meetings and minutes. None of it is a child's
// record: reading needs improvement.view, changing improvement.edit, and
// every change leaves an audit row about the board, meeting or resolution.

// maxBoardMembers bounds a board's membership and a meeting's attendance.
const maxBoardMembers = 60

// BoardSummary is a board as the list of boards shows it: its next
// meeting and how many of its resolutions are outstanding and overdue.
type BoardSummary struct {
	csc.Board
	Next        csc.Date `json:"next_meeting"`
	Outstanding int      `json:"outstanding"`
	Overdue     int      `json:"overdue"`
}

// Boards lists every board and committee, active ones first. Needs
// improvement.view.
func (a *App) Boards(ctx context.Context, actor csc.Actor) (out []BoardSummary, err error) {
	defer csc.WrapOp(&err, "app.Boards")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	today := a.Today()
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		boards, err := tx.ListBoards()
		if err != nil {
			return err
		}
		open, err := tx.FindResolutions(csc.ResolutionQuery{Outstanding: true})
		if err != nil {
			return err
		}
		for _, b := range boards {
			sum := BoardSummary{Board: b}
			ms, err := tx.ListMeetings(b.ID)
			if err != nil {
				return err
			}
			for _, m := range ms {
				if !m.Date.Before(today) {
					sum.Next = m.Date
				}
			}
			for _, r := range open {
				if r.BoardID == b.ID {
					sum.Outstanding++
					if r.Overdue(today) {
						sum.Overdue++
					}
				}
			}
			out = append(out, sum)
		}
		return nil
	})
	return out, err
}

// BoardView is a board with its meetings, newest first, and the
// resolutions still outstanding.
type BoardView struct {
	Board       *csc.Board
	Meetings    []csc.Meeting
	Outstanding []csc.Resolution
	// Next is the board's next meeting on or after today, if one is
	// scheduled.
	Next *csc.Meeting
}

// Board reads a board with its meetings and outstanding resolutions.
// Needs improvement.view.
func (a *App) Board(ctx context.Context, actor csc.Actor, id int64) (v *BoardView, err error) {
	defer csc.WrapOp(&err, "app.Board")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	v = &BoardView{}
	today := a.Today()
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		if v.Board, err = tx.FindBoardByID(id); err != nil {
			return err
		}
		if v.Meetings, err = tx.ListMeetings(id); err != nil {
			return err
		}
		for i := range v.Meetings {
			if m := &v.Meetings[i]; !m.Date.Before(today) {
				v.Next = m
			}
		}
		v.Outstanding, err = tx.FindResolutions(csc.ResolutionQuery{BoardID: id, Outstanding: true})
		return err
	})
	return v, err
}

// SaveBoard creates a board (id 0) or changes one. Needs improvement.edit.
func (a *App) SaveBoard(ctx context.Context, actor csc.Actor, id int64, in csc.BoardInput) (b *csc.Board, err error) {
	defer csc.WrapOp(&err, "app.SaveBoard")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	b = &csc.Board{ID: id, Name: textField(&probs, "name", in.Name, 120), Kind: csc.BoardKind(in.Kind),
		Active: in.Active || id == 0, Version: in.Version}
	if b.Name == "" && !probs.Has("name") {
		probs.Add("name", "Enter the board's name")
	}
	if !slices.Contains(csc.BoardKinds, b.Kind) {
		probs.Add("kind", "Choose what kind of board or committee it is")
	}
	if len(in.Members) > maxBoardMembers {
		probs.Add("members", "A board may have at most %d members", maxBoardMembers)
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if !probs.Has("members") {
			b.Members = boardMembers(tx, &probs, in.Members)
		}
		if err := probs.Err(); err != nil {
			return err
		}
		var err error
		if id == 0 {
			err = tx.CreateBoard(b)
		} else {
			err = tx.UpdateBoard(b)
		}
		if csc.ErrorKind(err) == csc.Conflict && strings.Contains(csc.ErrorMessage(err), "already in use") {
			return csc.Problems{{Field: "name", Message: "There is already a board with that name"}}.Err()
		}
		if err != nil {
			return err
		}
		au.add(actor, map[bool]string{true: "create", false: "update"}[id == 0], "board", b.ID, 0, "")
		return nil
	})
	return valueOrNil(b, err)
}

// boardMembers checks a board's members: each is a member of staff, whose
// account gives the name, or a person named in free text. Blank rows (a
// form's spare lines) are dropped.
func boardMembers(tx csc.Tx, probs *csc.Problems, in []csc.BoardMember) []csc.BoardMember {
	var out []csc.BoardMember
	for i, m := range in {
		field := "members." + itoa(int64(i))
		m.Name = textField(probs, field+".name", m.Name, 120)
		m.Role = textField(probs, field+".role", m.Role, 120)
		if m.StaffID == 0 && m.Name == "" {
			if m.Role != "" {
				probs.Add(field+".name", "Enter the member's name or choose a member of staff")
			}
			continue
		}
		var ok bool
		if m.Name, ok = memberName(tx, probs, field, m.StaffID, m.Name); ok {
			out = append(out, m)
		}
	}
	return out
}

// memberName is the name of a board member or attendee: the name on the
// account of a member of staff, else the name given. It reports false for
// an account that does not exist.
func memberName(tx csc.Tx, probs *csc.Problems, field string, staffID int64, name string) (string, bool) {
	if staffID == 0 {
		return name, true
	}
	s, err := tx.FindStaffByID(staffID)
	if err != nil {
		probs.Add(field+".staff_id", "Choose a member of staff from the list")
		return "", false
	}
	return s.Name, true
}

// valueOrNil returns v, or nil when err is set, so that a caller never
// holds a half-made record alongside an error.
func valueOrNil[T any](v *T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Owner is a member of staff who may own a resolution: any active account.
type Owner struct {
	ID   int64    `json:"id"`
	Name string   `json:"name"`
	Role csc.Role `json:"role"`
}

// Owners lists the staff who may own a resolution or sit on a board: the
// action owners of the improvement plan (every open account) but for
// inspectors, whose accounts are temporary. Needs improvement.edit.
func (a *App) Owners(ctx context.Context, actor csc.Actor) ([]Owner, error) {
	staff, err := a.ActionOwners(ctx, actor)
	if err != nil {
		return nil, err
	}
	var out []Owner
	for _, s := range staff {
		if s.Role != csc.RoleInspector {
			out = append(out, Owner{ID: s.ID, Name: s.Name, Role: s.Role})
		}
	}
	return out, nil
}
