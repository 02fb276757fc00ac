package app

import (
	"context"
	"slices"
	"strings"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// TimelinessRow is the share of one rule's clocks, for one team, that fell
// due in a period and were met within timescale.
type TimelinessRow struct {
	Rule     string
	Title    string
	TeamID   int64
	TeamName string
	Due      int // clocks that fell due in the period (not counting stopped ones)
	OnTime   int // met on or before the due date
	Late     int // met after the due date
	Overdue  int // still not met
}

// Percent is the share met within timescale, 0–100; -1 when nothing fell due.
func (r TimelinessRow) Percent() float64 {
	if r.Due == 0 {
		return -1
	}
	return 100 * float64(r.OnTime) / float64(r.Due)
}

// Timeliness computes the timeliness indicator for every rule and team for
// clocks due between from and to: the share met within timescale, with late
// and overdue counts. Rows for all teams together come first for each
// rule (TeamID 0). Needs indicators.view; it names no child, so it is not
// audited.
func (a *App) Timeliness(ctx context.Context, actor csc.Actor, from, to csc.Date) (out []TimelinessRow, err error) {
	defer csc.WrapOp(&err, "app.Timeliness")
	if err := require(actor, csc.ActIndicators); err != nil {
		return nil, err
	}
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return nil, csc.Problems{{Field: "from", Message: "Enter a period whose end is on or after its start"}}.Err()
	}
	var clocks []csc.ClockRecord
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		clocks, err = tx.FindClocks(csc.ClockQuery{DueFrom: from, DueTo: to, Limit: 100000})
		return err
	})
	if err != nil {
		return nil, err
	}
	now := a.Now()
	rows := map[[2]any]*TimelinessRow{}
	add := func(c csc.ClockRecord, team int64, name string, st clock.Status) {
		k := [2]any{c.Rule, team}
		r := rows[k]
		if r == nil {
			r = &TimelinessRow{Rule: c.Rule, Title: ruleTitle(c.Rule), TeamID: team, TeamName: name}
			rows[k] = r
		}
		r.Due++
		switch st {
		case clock.StatusMet:
			r.OnTime++
		case clock.StatusLate:
			r.Late++
		default:
			r.Overdue++
		}
	}
	for _, c := range clocks {
		st := trayItem(c, now).Status
		if st == clock.StatusStopped || st == clock.StatusOpen || st == clock.StatusDue {
			continue
		}
		add(c, 0, "All teams", st)
		if c.TeamID != 0 {
			add(c, c.TeamID, c.TeamName, st)
		} else {
			add(c, -1, "Unallocated", st)
		}
	}
	for _, r := range rows {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(x, y TimelinessRow) int {
		if c := strings.Compare(x.Rule, y.Rule); c != 0 {
			return c
		}
		if (x.TeamID == 0) != (y.TeamID == 0) {
			if x.TeamID == 0 {
				return -1
			}
			return 1
		}
		return strings.Compare(x.TeamName, y.TeamName)
	})
	return out, nil
}

// TimelinessChildren is the drill-down behind one indicator row: the clocks
// of that rule (and team; 0 for all, -1 for unallocated) due in the period,
// missed ones first. Needs indicators.view and, because it names children,
// is audited per child.
func (a *App) TimelinessChildren(ctx context.Context, actor csc.Actor, rule string, team int64, from, to csc.Date) (out []TrayItem, err error) {
	defer csc.WrapOp(&err, "app.TimelinessChildren")
	if err := require(actor, csc.ActIndicators); err != nil {
		return nil, err
	}
	if _, ok := clock.RuleByID(rule); !ok {
		return nil, csc.Errorf(csc.NotFound, "There is no rule %q.", rule)
	}
	now := a.Now()
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		q := csc.ClockQuery{Rule: rule, DueFrom: from, DueTo: to, Limit: 100000}
		if team > 0 {
			q.TeamID = team
		}
		clocks, err := tx.FindClocks(q)
		if err != nil {
			return err
		}
		// Children are listed by name, so only those the actor may see: in
		// their scope (by the team the timescale sits with), and restricted
		// records only for the people named on them.
		_, inScopeOf, err := teamScope(tx, actor)
		if err != nil {
			return err
		}
		mayList := map[int64]bool{}
		listable := func(c csc.ClockRecord) (bool, error) {
			if ok, seen := mayList[c.ChildID]; seen {
				return ok, nil
			}
			var alloc *csc.Allocation
			if c.TeamID != 0 {
				alloc = &csc.Allocation{TeamID: c.TeamID, StaffID: c.StaffID}
			}
			ok, err := inScopeOf(alloc), error(nil)
			if ok {
				var p *csc.Person
				if p, err = tx.FindPersonByID(c.ChildID); err == nil {
					ok, err = visible(tx, actor, p)
				}
			}
			mayList[c.ChildID] = ok
			return ok, err
		}
		var shown []csc.ClockRecord
		for _, c := range clocks {
			it := trayItem(c, now)
			if (team == -1 && c.TeamID != 0) || it.Status == clock.StatusStopped || it.Status == clock.StatusOpen || it.Status == clock.StatusDue {
				continue
			}
			ok, err := listable(c)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			out = append(out, it)
			shown = append(shown, c)
		}
		slices.SortStableFunc(out, func(x, y TrayItem) int {
			xm, ym := missed(x.Status), missed(y.Status)
			if xm != ym {
				if xm {
					return -1
				}
				return 1
			}
			return 0
		})
		auditListed(au, actor, shown, "timeliness "+rule)
		return nil
	})
	return out, err
}
