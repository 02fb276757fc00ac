package app

import (
	"cairn/internal/csc"
	"fmt"
)

// childAccess decides whether actor may see a child's record, given the
// child and their current allocation (nil when unallocated). It is the one
// place record scope is decided. The rules, in order:
//   - the role must grant the action at all;
//   - a restricted record is open only to the staff named on it;
//   - otherwise the role's scope decides: all; service (the child's allocated
//     team is in the actor's district, or the child is unallocated); team
//     (allocated to the actor's team); caseload (allocated to the actor).
func childAccess(tx csc.Tx, actor csc.Actor, act csc.Action, child *csc.Person, alloc *csc.Allocation) error {
	if err := require(actor, act); err != nil {
		return err
	}
	if child.Kind == csc.KindAdult {
		return nil
	}
	if child.Restricted {
		named, err := tx.HasAccess(child.ID, actor.StaffID)
		if err != nil {
			return err
		}
		if !named {
			return csc.Errorf(csc.Forbidden, "Record %d is restricted. Only the staff named on it can open it; ask its team manager.", child.ID)
		}
		return nil
	}
	// The allocation was read with its team's district.
	ok, err := inScope(actor, alloc, func(int64) (int64, error) { return alloc.TeamDistrictID, nil })
	if err != nil {
		return err
	}
	if !ok {
		return csc.Errorf(csc.Forbidden, "Record %d is outside your %s.", child.ID, actor.Role.Scope())
	}
	return nil
}

// inScope reports whether the actor's role reaches a child with the given
// allocation (nil when unallocated): all; service (the allocated team is
// in the actor's district, has no district, or is the actor's own team; or
// the child is unallocated); team (allocated to the actor's team); caseload
// (allocated to the actor). district finds a team's district.
func inScope(actor csc.Actor, alloc *csc.Allocation, district func(teamID int64) (int64, error)) (bool, error) {
	switch actor.Role.Scope() {
	case csc.ScopeAll:
		return true, nil
	case csc.ScopeService:
		if alloc == nil || alloc.TeamID == actor.TeamID {
			return true, nil
		}
		d, err := district(alloc.TeamID)
		return d == 0 || d == actor.DistrictID, err
	case csc.ScopeTeam:
		return alloc != nil && alloc.TeamID == actor.TeamID, nil
	case csc.ScopeCaseload:
		return alloc != nil && alloc.StaffID == actor.StaffID, nil
	}
	return false, nil
}

// teamScope reads the teams and returns them with a check of whether a
// child allocated as alloc (nil: unallocated) is in actor's scope, for
// listings that check many children against the same teams.
func teamScope(tx csc.Tx, actor csc.Actor) ([]csc.Team, func(alloc *csc.Allocation) bool, error) {
	teams, err := tx.ListTeams()
	if err != nil {
		return nil, nil, err
	}
	district := map[int64]int64{}
	for _, t := range teams {
		district[t.ID] = t.DistrictID
	}
	return teams, func(alloc *csc.Allocation) bool {
		ok, _ := inScope(actor, alloc, func(id int64) (int64, error) { return district[id], nil })
		return ok
	}, nil
}

// loadChild finds a child (or unborn child) and checks actor may take act on
// their record, returning the child and their current allocation.
func loadChild(tx csc.Tx, actor csc.Actor, act csc.Action, id int64) (*csc.Person, *csc.Allocation, error) {
	if err := require(actor, act); err != nil {
		return nil, nil, err
	}
	var p *csc.Person
	var alloc *csc.Allocation
	err := tx.Together(
		func() (err error) { p, err = tx.FindPersonByID(id); return err },
		func() (err error) { alloc, err = currentAllocation(tx, id); return err },
	)
	if err != nil {
		return nil, nil, err
	}
	if err := childAccess(tx, actor, act, p, alloc); err != nil {
		return nil, nil, err
	}
	return p, alloc, nil
}

// currentAllocation is the person's current allocation, or nil when they
// have none.
func currentAllocation(tx csc.Tx, id int64) (*csc.Allocation, error) {
	alloc, err := tx.CurrentAllocation(id)
	if csc.ErrorKind(err) == csc.NotFound {
		return nil, nil
	}
	return alloc, err
}

// visible reports whether a search result may be shown to actor: restricted
// records are hidden from everyone not named on them.
func visible(tx csc.Tx, actor csc.Actor, p *csc.Person) (bool, error) {
	if !p.Restricted {
		return true, nil
	}
	return tx.HasAccess(p.ID, actor.StaffID)
}

// restrictedName is what a list shows instead of the name of a person whose
// restricted record does not name the reader: that the record exists, and
// its number.
func restrictedName(id int64) string { return fmt.Sprintf("Restricted record %d", id) }
