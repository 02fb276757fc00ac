package store_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// childReads are the reads of a child's page that need only the child's
// id, each writing its answer into got (or an error, which is part of the
// answer too), some of them two statements deep.
func childReads(tx csc.Tx, id int64, got map[string]any) []func() error {
	var mu sync.Mutex
	keep := func(name string, v any, err error) error {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			v = "error: " + err.Error()
		}
		got[name] = v
		return nil
	}
	return []func() error{
		func() error { v, err := tx.FindPersonByID(id); return keep("person", v, err) },
		func() error { v, err := tx.ListRelationships(id); return keep("relationships", v, err) },
		func() error {
			v, n, err := tx.FindContacts(csc.ContactQuery{ChildID: id, Limit: 500})
			keep("contacts found", n, nil)
			return keep("contacts", v, err)
		},
		func() error { v, err := tx.ListReferrals(id); return keep("referrals", v, err) },
		func() error { v, err := tx.ListDocuments(id); return keep("documents", v, err) },
		func() error { v, err := tx.ListOversightForChild(id); return keep("oversight", v, err) },
		func() error { v, err := tx.ListEvents(id, 500); return keep("timeline", v, err) },
		func() error {
			v, err := tx.FindClocks(csc.ClockQuery{ChildID: id, Limit: 1000})
			return keep("clocks", v, err)
		},
		func() error { v, err := tx.ListAssessments(id); return keep("assessments", v, err) },
		func() error { v, err := tx.ListS47s(id); return keep("s47s", v, err) },
		func() error { v, err := tx.ListConferences(id); return keep("conferences", v, err) },
		func() error { v, err := tx.ListCPPlans(id); return keep("cp plans", v, err) },
		func() error { v, err := tx.ListCINPlans(id); return keep("cin plans", v, err) },
		func() error {
			v, err := tx.FindVisits(csc.VisitQuery{ChildID: id, Limit: 50})
			return keep("visits", v, err)
		},
		func() error { v, err := tx.CurrentAllocation(id); return keep("allocation", v, err) },
		func() error {
			// The child's census data: nine statements, which in Together
			// go with the others.
			v, err := tx.CensusChildren(csc.MustParseDate("2000-04-01"), csc.MustParseDate("2040-03-31"), id, id)
			return keep("census", v, err)
		},
		func() error {
			p, err := tx.FindPersonByID(id)
			if err != nil {
				return keep("namesakes", nil, err)
			}
			v, err := tx.FindPeople(csc.PersonQuery{Name: p.FamilyName, Limit: 20})
			return keep("namesakes", v, err)
		},
		func() error { v, err := tx.FindPersonByID(-id); return keep("nobody", v, err) },
	}
}

// The reads Together gathers answer exactly what the same reads give one
// after another — every kind of value a child's record holds, scanned the
// same way — and on PostgreSQL they go to the server together: the page's
// reads in as many round trips as their longest chain.
func TestTogetherReadsWhatOneAtATimeReads(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		db := synthAuthority(t, dsn, 60, 3)
		var ids []int64
		err := db.Read(ctx, func(tx csc.Tx) error {
			found, _, err := tx.FindContacts(csc.ContactQuery{Limit: 40})
			for _, c := range found {
				ids = append(ids, c.ChildID)
			}
			return err
		})
		if err != nil || len(ids) < 20 {
			t.Fatalf("%d children with contacts: %v", len(ids), err)
		}
		inCensus := 0
		for _, id := range ids {
			one, all := map[string]any{}, map[string]any{}
			var trips int
			err := db.Read(ctx, func(tx csc.Tx) error {
				for _, read := range childReads(tx, id, one) {
					if err := read(); err != nil {
						return err
					}
				}
				before := store.GatheredRoundTrips(tx)
				err := tx.Together(childReads(tx, id, all)...)
				trips = store.GatheredRoundTrips(tx) - before
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for name, v := range one {
				if !reflect.DeepEqual(v, all[name]) {
					t.Errorf("child %d, %s: one at a time %+v, together %+v", id, name, v, all[name])
				}
			}
			if kids, ok := all["census"].([]csc.CensusChild); ok && len(kids) == 1 && kids[0].ID == id {
				inCensus++
			}
			if !strings.HasPrefix(one["nobody"].(string), "error: ") {
				t.Errorf("a person who does not exist: %v", one["nobody"])
			}
			// Three statements deep at most: the person, then the search
			// told to plan for the name, then the search.
			want := map[store.Engine]int{store.SQLite: 0, store.Postgres: 3}[db.Engine]
			if trips == 0 && want > 0 || trips > want {
				t.Errorf("child %d: the reads took %d round trips, want 1 to %d", id, trips, want)
			}
		}
		if inCensus == 0 {
			t.Errorf("none of the %d children read has census data: the census reads were not compared", len(ids))
		}
	})
}

// A statement that fails inside Together fails the functions waiting with
// it and after it, Together returns the first function's error in the
// order given, and the transaction reports the cause. A panic in a
// function is the caller's panic.
func TestTogetherFailures(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		var child csc.Person
		mustWrite(t, db, func(tx csc.Tx) error {
			var err error
			child, _, err = childAndWorker(tx)
			return err
		})
		var errs [3]error
		err := db.Read(ctx, func(tx csc.Tx) error {
			return tx.Together(
				func() error { _, errs[0] = tx.FindPersonByID(child.ID); return errs[0] },
				func() error { _, errs[1] = store.CountInTx(tx, `SELECT COUNT(*) FROM no_such_table`); return errs[1] },
				func() error {
					if _, err := tx.FindPersonByID(child.ID); err != nil {
						errs[2] = err
						return err
					}
					_, errs[2] = tx.ListReferrals(child.ID)
					return errs[2]
				},
			)
		})
		if err == nil || !strings.Contains(err.Error(), "no_such_table") {
			t.Errorf("the read failed with %v, want the missing table named", err)
		}
		if errs[1] == nil {
			t.Error("the failing statement reported no error")
		}
		if db.Engine == store.Postgres && errs[2] == nil {
			t.Error("a statement after the failure succeeded in an aborted transaction")
		}
		defer func() {
			if p := recover(); p == nil || !strings.Contains(fmt.Sprint(p), "a bug in a read") {
				t.Errorf("recovered %v, want the function's panic", p)
			}
		}()
		db.Read(ctx, func(tx csc.Tx) error {
			return tx.Together(
				func() error { _, err := tx.FindPersonByID(child.ID); return err },
				func() error { panic(errors.New("a bug in a read")) },
			)
		})
	})
}

// A read sees the record as it was at one moment, on both engines: a page
// whose list and count, or whose child and allocation, are read by
// separate statements shows them as they stood together, even when
// someone saves in between. (On PostgreSQL a read transaction's statements
// would otherwise each see the latest commits.)
func TestAReadSeesOneMoment(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		person := func(tx csc.Tx, name string) error {
			p := csc.Person{Kind: csc.KindChild, GivenName: "Sam", FamilyName: name, DateOfBirth: csc.MustParseDate("2015-02-28")}
			return tx.CreatePerson(&p)
		}
		mustWrite(t, db, func(tx csc.Tx) error { return person(tx, "Quill") })
		var before, after int
		err := db.Read(ctx, func(tx csc.Tx) error {
			found, err := tx.FindPeople(csc.PersonQuery{Name: "quill"})
			before = len(found)
			if err != nil {
				return err
			}
			mustWrite(t, db, func(tx csc.Tx) error { return person(tx, "Quill") })
			found, err = tx.FindPeople(csc.PersonQuery{Name: "quill"})
			after = len(found)
			return err
		})
		if err != nil || before != 1 || after != 1 {
			t.Errorf("a read found %d, then, after another Quill was saved, %d (%v); want 1 both times", before, after, err)
		}
	})
}
