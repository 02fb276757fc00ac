package store_test

import (
	"fmt"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// TestTimelineNamesWhoRecorded: a child's timeline comes newest first, the
// later of two entries at the same instant first, cut at the limit, each
// entry with the name of the member of staff who recorded it (none for an
// entry the system made), and none of another child's entries or names.
func TestTimelineNamesWhoRecorded(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		team := csc.Team{Name: "Greyford Assessment", Kind: csc.TeamAssessment, Active: true}
		a := csc.Staff{Username: "ada", Name: "Ada Worker", Role: csc.RoleSocialWorker, Active: true, Employment: csc.EmployPermanent}
		b := csc.Staff{Username: "bo", Name: "Bo Worker", Role: csc.RoleSocialWorker, Active: true, Employment: csc.EmployPermanent}
		c := csc.Staff{Username: "cy", Name: "Cy Worker", Role: csc.RoleSocialWorker, Active: true, Employment: csc.EmployPermanent}
		child := csc.Person{Kind: csc.KindChild, GivenName: "Child", FamilyName: "Vale", Sex: "F"}
		other := csc.Person{Kind: csc.KindChild, GivenName: "Child", FamilyName: "Marsh", Sex: "M"}
		at := fixedClock()()
		mustWrite(t, db, func(tx csc.Tx) error {
			if err := tx.CreateTeam(&team); err != nil {
				return err
			}
			for _, s := range []*csc.Staff{&a, &b, &c} {
				s.TeamID = team.ID
				if err := tx.CreateStaff(s, "x"); err != nil {
					return err
				}
			}
			for _, p := range []*csc.Person{&child, &other} {
				if err := tx.CreatePerson(p); err != nil {
					return err
				}
			}
			// Oldest first: a day apart, Ada and Bo by turns and every third
			// by nobody; the last two at the same instant.
			for i := range 6 {
				e := csc.Event{ChildID: child.ID, At: at.Add(time.Duration(min(i, 4)) * 24 * time.Hour), Kind: "note",
					Summary: fmt.Sprintf("Entry %d", i)}
				switch i % 3 {
				case 0:
					e.StaffID = a.ID
				case 1:
					e.StaffID = b.ID
				}
				if err := tx.CreateEvent(&e); err != nil {
					return err
				}
			}
			return tx.CreateEvent(&csc.Event{ChildID: other.ID, At: at.Add(time.Hour), Kind: "note", Summary: "Elsewhere", StaffID: c.ID})
		})
		var events []csc.Event
		if err := db.Read(ctx, func(tx csc.Tx) (err error) { events, err = tx.ListEvents(child.ID, 5); return err }); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range events {
			got = append(got, e.Summary+" by "+e.StaffName)
		}
		want := []string{"Entry 5 by ", "Entry 4 by Bo Worker", "Entry 3 by Ada Worker", "Entry 2 by ", "Entry 1 by Bo Worker"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("timeline:\n got %q\nwant %q", got, want)
		}
		for _, e := range events {
			if e.ChildID != child.ID || (e.StaffName != "") != (e.StaffID != 0) {
				t.Errorf("entry %+v", e)
			}
		}
	})
}
