package store_test

import (
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// TestCurrentAllocationsBetween: the open allocations of a range of
// children, each child's latest, as the list form returns them.
func TestCurrentAllocationsBetween(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		var kids [3]csc.Person
		team := csc.Team{Name: "Greyford Assessment", Kind: csc.TeamAssessment, Active: true}
		a := csc.Staff{Username: "ada", Name: "Ada Worker", Role: csc.RoleSocialWorker, Active: true, Employment: csc.EmployPermanent}
		b := csc.Staff{Username: "bo", Name: "Bo Worker", Role: csc.RoleSocialWorker, Active: true, Employment: csc.EmployPermanent}
		mustWrite(t, db, func(tx csc.Tx) error {
			if err := tx.CreateTeam(&team); err != nil {
				return err
			}
			for _, s := range []*csc.Staff{&a, &b} {
				s.TeamID = team.ID
				if err := tx.CreateStaff(s, "x"); err != nil {
					return err
				}
			}
			for i := range kids {
				kids[i] = csc.Person{Kind: csc.KindChild, GivenName: "Child", FamilyName: "Vale", Sex: "F"}
				if err := tx.CreatePerson(&kids[i]); err != nil {
					return err
				}
			}
			// The first child: allocated to Ada, then that ended and Bo took
			// the case; the second to Ada; the third to nobody.
			if err := tx.CreateAllocation(&csc.Allocation{ChildID: kids[0].ID, StaffID: a.ID, TeamID: team.ID}); err != nil {
				return err
			}
			if err := tx.EndAllocation(kids[0].ID, fixedClock()().Add(time.Hour)); err != nil {
				return err
			}
			if err := tx.CreateAllocation(&csc.Allocation{ChildID: kids[0].ID, StaffID: b.ID, TeamID: team.ID}); err != nil {
				return err
			}
			return tx.CreateAllocation(&csc.Allocation{ChildID: kids[1].ID, StaffID: a.ID, TeamID: team.ID})
		})
		err := db.Read(ctx, func(tx csc.Tx) error {
			all, err := tx.CurrentAllocationsBetween(kids[0].ID, kids[2].ID)
			if err != nil {
				return err
			}
			if len(all) != 2 || all[kids[0].ID].StaffName != "Bo Worker" || all[kids[1].ID].TeamName != "Greyford Assessment" {
				t.Errorf("allocations of the range: %+v", all)
			}
			list, err := tx.CurrentAllocations([]int64{kids[0].ID, kids[1].ID, kids[2].ID})
			if err != nil {
				return err
			}
			for id, al := range list {
				if *all[id] != *al {
					t.Errorf("child %d: %+v by range, %+v by list", id, all[id], al)
				}
			}
			one, err := tx.CurrentAllocationsBetween(kids[1].ID, kids[1].ID)
			if len(one) != 1 || one[kids[1].ID] == nil {
				t.Errorf("allocations of one child: %+v", one)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
