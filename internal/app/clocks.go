package app

import (
	"context"
	"fmt"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// recordOf turns a child's stored facts into the dated events the clock
// engine reads. It is the one place the record's shape meets the rules.
func recordOf(f csc.ChildFacts) clock.Record {
	r := clock.Record{ChildID: f.ChildID, DateOfBirth: f.DateOfBirth}
	for _, c := range f.Contacts {
		r.Events = append(r.Events, clock.Event{Kind: clock.EvContactReceived, Subject: c.ID,
			Date: csc.DateOf(c.ReceivedAt), At: c.ReceivedAt})
		if !c.DecidedAt.IsZero() {
			r.Events = append(r.Events, clock.Event{Kind: clock.EvContactDecided, Subject: c.ID,
				Date: csc.DateOf(c.DecidedAt), At: c.DecidedAt})
		}
	}
	for _, ref := range f.Referrals {
		r.Events = append(r.Events, clock.Event{Kind: clock.EvReferralOpened, Subject: ref.ID, Date: ref.Date})
		if !ref.Closed.IsZero() {
			r.Events = append(r.Events, clock.Event{Kind: clock.EvReferralClosed, Subject: ref.ID, Date: ref.Closed})
		}
	}
	for _, s := range f.Steps {
		e := clock.Event{Kind: clock.EventKind(s.Kind), Subject: s.Subject, Parent: s.Parent, Date: s.Date, At: s.At}
		if e.Date.IsZero() && !s.At.IsZero() {
			e.Date = csc.DateOf(s.At)
		}
		if s.Attr != "" {
			e.Attr = []string{s.Attr}
		}
		r.Events = append(r.Events, e)
	}
	return r
}

// clockRecords gives each computed clock its owner: front-door clocks
// (HP-01) belong to the team the contact is with; every other clock to the
// child's allocated worker and team.
func clockRecords(f csc.ChildFacts, clocks []clock.Clock) []csc.ClockRecord {
	out := make([]csc.ClockRecord, 0, len(clocks))
	for _, c := range clocks {
		r := csc.ClockRecord{ChildID: f.ChildID, Rule: c.Rule, Key: c.Key(), Subject: c.Subject, Seq: c.Seq,
			Started: c.Started, StartedAt: c.StartedAt, Due: c.Due, DueAt: c.DueAt, Met: c.Met, MetAt: c.MetAt,
			Stopped: c.Stopped, TeamID: f.TeamID, StaffID: f.StaffID}
		if c.Rule == "HP-01" {
			r.StaffID, r.TeamID = 0, 0
			for _, ct := range f.Contacts {
				if ct.ID == c.Subject {
					r.TeamID = ct.TeamID
				}
			}
		}
		out = append(out, r)
	}
	return out
}

// localRules reads the dated changes administrators have made to local
// rules, in the form the engine reads. A stored value that no longer parses
// is skipped (and logged) rather than stopping every clock.
func (a *App) localRules(tx csc.Tx) (clock.Local, error) {
	rows, err := tx.ListLocalSettings()
	if err != nil {
		return nil, err
	}
	var out clock.Local
	for _, l := range rows {
		p, err := clock.ParsePeriod(l.Value)
		if err != nil {
			a.log.Error("unreadable local setting", "id", l.ID, "key", l.Key)
			continue
		}
		out = append(out, clock.SettingChange{Key: l.Key, Value: p, From: l.From})
	}
	return out, nil
}

// refreshClocks recomputes one child's clocks inside the caller's
// transaction, so a change to the record and its clocks commit together.
func (a *App) refreshClocks(tx csc.Tx, childID int64) error {
	if err := tx.LockChildren(childID, childID); err != nil {
		return err
	}
	facts, err := tx.ClockFacts(childID, childID)
	if err != nil || len(facts) == 0 {
		return err
	}
	local, err := a.localRules(tx)
	if err != nil {
		return err
	}
	clocks := clock.Evaluate(recordOf(facts[0]), a.Today(), local)
	return tx.ReplaceClocks([]int64{childID}, clockRecords(facts[0], clocks))
}

// clockBatch is how many person ids a bulk refresh reads at once.
const clockBatch = 2000

// RefreshAllClocks recomputes every child's clocks as of today: the nightly
// sweep that catches clocks falling due with no change to the record, and
// the refresh after a local rule changes. It runs as the system, one
// transaction per batch of children, and returns the number of clocks.
func (a *App) RefreshAllClocks(ctx context.Context) (n int, err error) {
	defer csc.WrapOp(&err, "app.RefreshAllClocks")
	var top int64
	var local clock.Local
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		if top, err = tx.MaxPersonID(); err != nil {
			return err
		}
		local, err = a.localRules(tx)
		return err
	})
	if err != nil {
		return 0, err
	}
	today := a.Today()
	for from := int64(1); from <= top; from += clockBatch {
		err := a.store.Write(ctx, func(tx csc.Tx) error {
			if err := tx.LockChildren(from, from+clockBatch-1); err != nil {
				return err
			}
			facts, err := tx.ClockFacts(from, from+clockBatch-1)
			if err != nil {
				return err
			}
			ids := make([]int64, 0, len(facts))
			var rows []csc.ClockRecord
			for _, f := range facts {
				ids = append(ids, f.ChildID)
				rows = append(rows, clockRecords(f, clock.Evaluate(recordOf(f), today, local))...)
			}
			n += len(rows)
			return tx.ReplaceClocks(ids, rows)
		})
		if err != nil {
			return n, err
		}
	}
	return n, a.store.Tidy(ctx, "clock")
}

// ComputeClocks computes every child's clocks as of a date from the record,
// without storing them, calling fn for each child's clocks in id order. It
// is the command line's `cairn clocks` and needs no actor: whoever runs it
// holds the database.
func (a *App) ComputeClocks(ctx context.Context, asOf csc.Date, fn func(csc.ChildFacts, []clock.Clock) error) (err error) {
	defer csc.WrapOp(&err, "app.ComputeClocks")
	return a.store.Read(ctx, func(tx csc.Tx) error {
		top, err := tx.MaxPersonID()
		if err != nil {
			return err
		}
		local, err := a.localRules(tx)
		if err != nil {
			return err
		}
		for from := int64(1); from <= top; from += clockBatch {
			facts, err := tx.ClockFacts(from, from+clockBatch-1)
			if err != nil {
				return err
			}
			for _, f := range facts {
				if err := fn(f, clock.Evaluate(recordOf(f), asOf, local)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// RunNightly recomputes every clock shortly after midnight each night until
// ctx ends, so clocks that fall due without any change to the record move
// into the overdue trays. Failures are logged and retried the next night.
func (a *App) RunNightly(ctx context.Context) {
	for {
		now := a.Now().In(csc.London)
		next := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 5, 0, 0, csc.London)
		select {
		case <-ctx.Done():
			return
		case <-time.After(next.Sub(now)):
		}
		start := time.Now()
		n, err := a.RefreshAllClocks(ctx)
		if err != nil {
			a.log.Error("nightly clock refresh failed", "err", err)
			continue
		}
		a.log.Info("nightly clock refresh", "clocks", n, "seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
	}
}
