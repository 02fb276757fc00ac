package app

import (
	"context"
	"slices"
	"strings"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// FindClock returns one stored clock with its status and explanation, for
// the explanation page. Needs child.view and scope; audited.
func (a *App) FindClock(ctx context.Context, actor csc.Actor, id int64) (it TrayItem, err error) {
	defer csc.WrapOp(&err, "app.FindClock")
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		c, err := tx.FindClockByID(id)
		if err != nil {
			return err
		}
		if _, _, err := loadChild(tx, actor, csc.ActChildView, c.ChildID); err != nil {
			return err
		}
		it = trayItem(*c, a.Now())
		au.add(actor, "view", "clock", c.ID, c.ChildID, c.Rule)
		return nil
	})
	return it, err
}

// missed reports whether a clock's timescale was exceeded: overdue now, or
// met late.
func missed(s clock.Status) bool { return s == clock.StatusOverdue || s == clock.StatusLate }

// ExplainInput is a worker's reason for a missed clock.
type ExplainInput struct {
	Version    int    `json:"version"`
	ReasonCode string `json:"reason_code"`
	ReasonText string `json:"reason_text"`
}

// ExplainClock records why a clock was missed: a reason code and text. A
// changed reason clears any earlier sign-off, which then has to be given
// again. Needs clock.explain and the child in scope; audited, and shown on
// the child's timeline.
func (a *App) ExplainClock(ctx context.Context, actor csc.Actor, id int64, in ExplainInput) (err error) {
	defer csc.WrapOp(&err, "app.ExplainClock")
	if err := require(actor, csc.ActClockExplain); err != nil {
		return err
	}
	var probs csc.Problems
	code := strings.TrimSpace(in.ReasonCode)
	if !slices.ContainsFunc(csc.MissedReasons, func(r struct{ Code, Label string }) bool { return r.Code == code }) {
		probs.Add("reason_code", "Choose the reason the timescale was missed")
	}
	text := textField(&probs, "reason_text", in.ReasonText, maxText)
	if code == "other" && text == "" {
		probs.Add("reason_text", "Say what the reason was")
	}
	if err := probs.Err(); err != nil {
		return err
	}
	return a.write(ctx, func(tx csc.Tx, au *auditor) error {
		c, err := tx.FindClockByID(id)
		if err != nil {
			return err
		}
		if _, _, err := loadChild(tx, actor, csc.ActClockExplain, c.ChildID); err != nil {
			return err
		}
		if st := trayItem(*c, a.Now()).Status; !missed(st) {
			return csc.Errorf(csc.Invalid, "This %s is %s, not missed, so there is nothing to explain.", ruleTitle(c.Rule), st)
		}
		e := csc.ClockExplanation{ChildID: c.ChildID, Key: c.Key, ReasonCode: code, ReasonText: text,
			RecordedBy: actor.StaffID, RecordedAt: tx.Now(), Version: in.Version}
		if c.Explanation == nil && in.Version != 0 || c.Explanation != nil && in.Version == 0 {
			return csc.Errorf(csc.Conflict, "Someone else explained this clock after you opened it.")
		}
		if err := tx.SaveExplanation(&e); err != nil {
			return err
		}
		au.add(actor, "explain", "clock", c.ID, c.ChildID, c.Rule+" "+code)
		return event(tx, actor, c.ChildID, "clock", ruleTitle(c.Rule)+" missed: reason recorded", "clock", c.ID)
	})
}

// SignOffClock records a manager's sign-off of a missed clock's reason.
// The manager cannot sign off their own explanation. Needs clock.signoff
// and the child in scope; audited.
func (a *App) SignOffClock(ctx context.Context, actor csc.Actor, id int64, version int, note string) (err error) {
	defer csc.WrapOp(&err, "app.SignOffClock")
	if err := require(actor, csc.ActClockSignOff); err != nil {
		return err
	}
	var probs csc.Problems
	note = textField(&probs, "sign_off_note", note, maxText)
	if err := probs.Err(); err != nil {
		return err
	}
	return a.write(ctx, func(tx csc.Tx, au *auditor) error {
		c, err := tx.FindClockByID(id)
		if err != nil {
			return err
		}
		if _, _, err := loadChild(tx, actor, csc.ActClockSignOff, c.ChildID); err != nil {
			return err
		}
		e := c.Explanation
		switch {
		case e == nil:
			return csc.Errorf(csc.Invalid, "There is no reason recorded to sign off yet.")
		case e.RecordedBy == actor.StaffID:
			return csc.Errorf(csc.Invalid, "Another manager must sign off a reason you recorded yourself.")
		case e.Version != version:
			return csc.Errorf(csc.Conflict, "The reason was changed after you opened it: read it again before signing off.")
		}
		e.SignedOffBy, e.SignedOffAt, e.SignOffNote = actor.StaffID, tx.Now(), note
		if err := tx.SaveExplanation(e); err != nil {
			return err
		}
		au.add(actor, "sign-off", "clock", c.ID, c.ChildID, c.Rule)
		return event(tx, actor, c.ChildID, "clock", ruleTitle(c.Rule)+" missed: reason signed off by a manager", "clock", c.ID)
	})
}
