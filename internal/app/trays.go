package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// TrayItem is one clock in a work tray, with its status now.
type TrayItem struct {
	csc.ClockRecord
	Title  string       // the rule's title, e.g. "Child and family assessment"
	Status clock.Status // open, due, overdue, met, late, stopped
	// Late is how many working days past due an overdue clock is.
	Late int
}

// Tray is a worker's work: what is overdue, due today and due this week.
type Tray struct {
	Overdue, Today, ThisWeek []TrayItem
}

// Count is how many items need attention now (overdue and due today).
func (t Tray) Count() int { return len(t.Overdue) + len(t.Today) }

func ruleTitle(id string) string {
	if r, ok := clock.RuleByID(id); ok {
		return r.Title
	}
	return id
}

// trayItem works out a stored clock's status at now.
func trayItem(c csc.ClockRecord, now time.Time) TrayItem {
	ec := clock.Clock{Rule: c.Rule, ChildID: c.ChildID, Subject: c.Subject, Started: c.Started, StartedAt: c.StartedAt,
		Due: c.Due, DueAt: c.DueAt, Met: c.Met, MetAt: c.MetAt, Stopped: c.Stopped, Seq: c.Seq}
	it := TrayItem{ClockRecord: c, Title: ruleTitle(c.Rule), Status: ec.Status(now)}
	if it.Status == clock.StatusOverdue {
		it.Late = clock.WorkingDaysBetween(c.Due, csc.DateOf(now))
	}
	return it
}

// endOfWeek is the Sunday that ends the week containing d.
func endOfWeek(d csc.Date) csc.Date {
	return d.AddDays((7 - int(d.Weekday())) % 7)
}

// sortTray files open clocks into the tray's three parts.
func sortTray(clocks []csc.ClockRecord, now time.Time) Tray {
	var t Tray
	today := csc.DateOf(now)
	for _, c := range clocks {
		it := trayItem(c, now)
		switch {
		case it.Status == clock.StatusOverdue:
			t.Overdue = append(t.Overdue, it)
		case c.Due == today:
			t.Today = append(t.Today, it)
		case !c.Due.After(endOfWeek(today)):
			t.ThisWeek = append(t.ThisWeek, it)
		}
	}
	return t
}

// MyWork is the signed-in worker's tray: the open clocks of the children
// allocated to them, and, for front-door staff, the front door's contact
// decisions. Needs work.tray; reading it is audited per child listed.
func (a *App) MyWork(ctx context.Context, actor csc.Actor) (t Tray, err error) {
	defer csc.WrapOp(&err, "app.MyWork")
	if err := require(actor, csc.ActWorkTray); err != nil {
		return t, err
	}
	now := a.Now()
	horizon := endOfWeek(csc.DateOf(now))
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		mine, err := tx.FindClocks(csc.ClockQuery{StaffID: actor.StaffID, Open: true, DueTo: horizon, Limit: 5000})
		if err != nil {
			return err
		}
		if actor.Can(csc.ActContactScreen) && actor.TeamID != 0 {
			front, err := tx.FindClocks(csc.ClockQuery{TeamID: actor.TeamID, Rule: "HP-01", Open: true, DueTo: horizon, Limit: 5000})
			if err != nil {
				return err
			}
			mine = append(mine, front...)
		}
		if err := maskRestrictedClocks(tx, actor, mine); err != nil {
			return err
		}
		t = sortTray(mine, now)
		auditListed(au, actor, mine, "my work")
		return nil
	})
	return t, err
}

// maskRestrictedClocks gives each clock of a restricted child whose record
// does not name the actor the name "Restricted record N", as the front-door
// queue does: the work stays in the tray, the child's name does not.
func maskRestrictedClocks(tx csc.Tx, actor csc.Actor, clocks []csc.ClockRecord) error {
	named := map[int64]bool{}
	for i := range clocks {
		c := &clocks[i]
		if !c.Restricted {
			continue
		}
		ok, seen := named[c.ChildID]
		if !seen {
			var err error
			if ok, err = tx.HasAccess(c.ChildID, actor.StaffID); err != nil {
				return err
			}
			named[c.ChildID] = ok
		}
		if !ok {
			c.ChildName = restrictedName(c.ChildID)
		}
	}
	return nil
}

// auditListed records that each child in a listing was shown to the actor.
func auditListed(au *auditor, actor csc.Actor, clocks []csc.ClockRecord, where string) {
	seen := map[int64]bool{}
	for _, c := range clocks {
		if !seen[c.ChildID] {
			seen[c.ChildID] = true
			au.add(actor, "list", "clock", c.ID, c.ChildID, where)
		}
	}
}

// WorkerOverdue is one worker's overdue clocks in the team view.
type WorkerOverdue struct {
	StaffID   int64
	StaffName string
	Items     []TrayItem
}

// UnallocatedChild is a child with an open referral and no allocated worker.
type UnallocatedChild struct {
	ChildID   int64
	ChildName string
	Since     csc.Date // the referral date: unallocated since then
	Days      int      // working days unallocated
}

// TeamView is a team manager's view of the team: overdue work by worker and
// the children waiting for a worker.
type TeamView struct {
	Team        *csc.Team
	ByWorker    []WorkerOverdue
	DueThisWeek int
	Unallocated []UnallocatedChild
}

// TeamWork is the team manager's view of their team. Needs
// clock.signoff (the team manager's role); audited per child listed.
func (a *App) TeamWork(ctx context.Context, actor csc.Actor) (v TeamView, err error) {
	defer csc.WrapOp(&err, "app.TeamWork")
	if err := require(actor, csc.ActClockSignOff); err != nil {
		return v, err
	}
	now := a.Now()
	today := csc.DateOf(now)
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		var err error
		if v.Team, err = tx.FindTeamByID(actor.TeamID); err != nil {
			return err
		}
		open, err := tx.FindClocks(csc.ClockQuery{TeamID: actor.TeamID, Open: true, DueTo: endOfWeek(today), Limit: 20000})
		if err != nil {
			return err
		}
		if err := maskRestrictedClocks(tx, actor, open); err != nil {
			return err
		}
		byWorker := map[int64]*WorkerOverdue{}
		for _, c := range open {
			it := trayItem(c, now)
			if it.Status != clock.StatusOverdue {
				v.DueThisWeek++
				continue
			}
			w := byWorker[c.StaffID]
			if w == nil {
				w = &WorkerOverdue{StaffID: c.StaffID, StaffName: c.StaffName}
				byWorker[c.StaffID] = w
			}
			w.Items = append(w.Items, it)
		}
		for _, w := range byWorker {
			v.ByWorker = append(v.ByWorker, *w)
		}
		slices.SortFunc(v.ByWorker, func(x, y WorkerOverdue) int {
			if len(x.Items) != len(y.Items) {
				return len(y.Items) - len(x.Items)
			}
			return strings.Compare(x.StaffName, y.StaffName)
		})
		if v.Unallocated, err = a.unallocated(tx, actor, today); err != nil {
			return err
		}
		auditListed(au, actor, open, "team view")
		for _, u := range v.Unallocated {
			au.add(actor, "list", "person", u.ChildID, u.ChildID, "unallocated")
		}
		return nil
	})
	return v, err
}

// unallocated lists children with an open referral and no worker, in the
// actor's district (or county-wide teams), longest waiting first.
func (a *App) unallocated(tx csc.Tx, actor csc.Actor, today csc.Date) ([]UnallocatedChild, error) {
	open, err := tx.FindClocks(csc.ClockQuery{Rule: "HP-03", Open: true, Unallocated: true, Limit: 100000})
	if err != nil {
		return nil, err
	}
	if err := maskRestrictedClocks(tx, actor, open); err != nil {
		return nil, err
	}
	var out []UnallocatedChild
	seen := map[int64]bool{}
	for _, c := range open {
		if c.StaffID != 0 || seen[c.ChildID] {
			continue
		}
		seen[c.ChildID] = true
		out = append(out, UnallocatedChild{ChildID: c.ChildID, ChildName: c.ChildName, Since: c.Started,
			Days: clock.WorkingDaysBetween(c.Started, today)})
	}
	slices.SortFunc(out, func(x, y UnallocatedChild) int { return y.Days - x.Days })
	return out, nil
}

// TrayCount is the number of the actor's clocks overdue or due today, for
// the navigation. It is cheap and not audited: it names no child. Every
// page asks for it, so its two counts are a glance, sent in one round trip
// without a transaction.
func (a *App) TrayCount(ctx context.Context, actor csc.Actor) (int, error) {
	if !actor.Can(csc.ActWorkTray) {
		return 0, nil
	}
	now := a.Now()
	n := 0
	err := a.store.Glance(ctx, func(tx csc.Tx) error {
		var mine, front int
		err := tx.Together(
			func() (err error) {
				mine, err = tx.CountClocks(csc.ClockQuery{StaffID: actor.StaffID, Open: true, DueTo: csc.DateOf(now)})
				return err
			},
			func() (err error) {
				if actor.Can(csc.ActContactScreen) && actor.TeamID != 0 {
					front, err = tx.CountClocks(csc.ClockQuery{TeamID: actor.TeamID, Rule: "HP-01", Open: true, DueTo: csc.DateOf(now)})
				}
				return err
			},
		)
		n = mine + front
		return err
	})
	return n, err
}
