package app

import (
	"cairn/internal/csc"
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
	ok := false
	switch actor.Role.Scope() {
	case csc.ScopeAll:
		ok = true
	case csc.ScopeService:
		if alloc == nil {
			ok = true
		} else {
			team, err := tx.FindTeamByID(alloc.TeamID)
			if err != nil {
				return err
			}
			ok = team.DistrictID == 0 || team.DistrictID == actor.DistrictID || alloc.TeamID == actor.TeamID
		}
	case csc.ScopeTeam:
		ok = alloc != nil && alloc.TeamID == actor.TeamID
	case csc.ScopeCaseload:
		ok = alloc != nil && alloc.StaffID == actor.StaffID
	}
	if !ok {
		return csc.Errorf(csc.Forbidden, "Record %d is outside your %s.", child.ID, actor.Role.Scope())
	}
	return nil
}

// loadChild finds a child (or unborn child) and checks actor may take act on
// their record, returning the child and their current allocation.
func loadChild(tx csc.Tx, actor csc.Actor, act csc.Action, id int64) (*csc.Person, *csc.Allocation, error) {
	if err := require(actor, act); err != nil {
		return nil, nil, err
	}
	p, err := tx.FindPersonByID(id)
	if err != nil {
		return nil, nil, err
	}
	alloc, err := tx.CurrentAllocation(id)
	if err != nil && csc.ErrorKind(err) != csc.NotFound {
		return nil, nil, err
	}
	if err != nil {
		alloc = nil
	}
	if err := childAccess(tx, actor, act, p, alloc); err != nil {
		return nil, nil, err
	}
	return p, alloc, nil
}

// visible reports whether a search result may be shown to actor: restricted
// records are hidden from everyone not named on them.
func visible(tx csc.Tx, actor csc.Actor, p *csc.Person) (bool, error) {
	if !p.Restricted {
		return true, nil
	}
	return tx.HasAccess(p.ID, actor.StaffID)
}
