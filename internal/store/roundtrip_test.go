package store_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// A PostgreSQL transaction's BEGIN goes with its first statements and a
// write's COMMIT with its last held-back ones; what is sent is still
// one transaction: all of it or none of it, and never a connection left
// inside a transaction for the next user of the pool.
func TestPostgresTransactionsSendBeginAndCommitWithTheirStatements(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip("PostgreSQL only: ", storetest.PostgresEnv, " is not set")
	}
	db := synthAuthority(t, storetest.PostgresDSN(t), 30, 5)
	var child int64
	if err := db.Read(ctx, func(tx csc.Tx) error {
		found, _, err := tx.FindContacts(csc.ContactQuery{Limit: 1})
		if len(found) == 1 {
			child = found[0].ChildID
		}
		return err
	}); err != nil || child == 0 {
		t.Fatalf("a child with a contact: %d, %v", child, err)
	}
	trips := func(what string, want int64, fn func() error) {
		t.Helper()
		before := store.RoundTrips(db)
		if err := fn(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got := store.RoundTrips(db) - before; got != want {
			t.Errorf("%s: %d round trips, want %d", what, got, want)
		}
	}
	audits := func() (n int64) {
		t.Helper()
		if err := db.Read(ctx, func(tx csc.Tx) (err error) {
			n, err = store.CountInTx(tx, `SELECT COUNT(*) FROM audit WHERE detail = 'round trips'`)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	entry := csc.AuditEntry{Action: "view", SubjectType: "person", SubjectID: child, ChildID: child,
		Channel: csc.ChannelWeb, Detail: "round trips"}

	trips("a read that reads nothing", 0, func() error {
		return db.Read(ctx, func(csc.Tx) error { return nil })
	})
	trips("a read of one statement: BEGIN and the statement, then COMMIT", 2, func() error {
		return db.Read(ctx, func(tx csc.Tx) error { _, err := tx.FindPersonByID(child); return err })
	})
	censusFrom, censusTo := csc.MustParseDate("2025-04-01"), csc.DateOf(synthAsOf)
	var inCensus int64
	if err := db.Read(ctx, func(tx csc.Tx) error {
		all, err := tx.CensusChildren(censusFrom, censusTo, 1, 1<<40)
		for _, c := range all {
			if len(c.Episodes) > 0 && len(c.Episodes[0].Assessments) > 0 {
				inCensus = c.ID
			}
		}
		return err
	}); err != nil || inCensus == 0 {
		t.Fatalf("a child in the census with an assessment: %d, %v", inCensus, err)
	}
	trips("a child's census data: its nine statements together, then COMMIT", 2, func() error {
		return db.Read(ctx, func(tx csc.Tx) error {
			kids, err := tx.CensusChildren(censusFrom, censusTo, inCensus, inCensus)
			if err == nil && (len(kids) != 1 || len(kids[0].Episodes) == 0) {
				err = fmt.Errorf("census of child %d: %+v", inCensus, kids)
			}
			return err
		})
	})
	trips("a write of audit rows only: BEGIN, rows and COMMIT together", 1, func() error {
		return db.Write(ctx, func(tx csc.Tx) error { return tx.CreateAudit(entry, entry, entry) })
	})
	if n := audits(); n != 3 {
		t.Errorf("%d audit rows written, want 3", n)
	}

	// A child's clocks are locked and their facts read in one round trip.
	trips("locking a child and reading its clock facts, then COMMIT", 2, func() error {
		return db.Write(ctx, func(tx csc.Tx) error {
			before := store.RoundTrips(db)
			if err := tx.LockChildren(child, child); err != nil {
				return err
			}
			facts, err := tx.ClockFacts(child, child)
			if err != nil {
				return err
			}
			if len(facts) != 1 || len(facts[0].Contacts) == 0 {
				t.Errorf("clock facts %+v, want the child's, with its contacts", facts)
			}
			if got := store.RoundTrips(db) - before; got != 1 {
				t.Errorf("lock and clock facts: %d round trips, want 1", got)
			}
			return nil
		})
	})

	// A write that fails keeps nothing, whether or not it had sent anything.
	failed := errors.New("the caller gave up")
	trips("a write that fails before sending anything sends nothing", 0, func() error {
		err := db.Write(ctx, func(tx csc.Tx) error {
			if err := tx.CreateAudit(entry); err != nil {
				return err
			}
			return failed
		})
		if !errors.Is(err, failed) {
			t.Errorf("got %v, want the caller's error", err)
		}
		return nil
	})
	err := db.Write(ctx, func(tx csc.Tx) error {
		if err := tx.CreateAudit(entry); err != nil {
			return err
		}
		if _, err := tx.FindPersonByID(child); err != nil { // sends the BEGIN and the row
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Errorf("got %v, want the caller's error", err)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic was not passed on")
			}
		}()
		db.Write(ctx, func(tx csc.Tx) error {
			tx.CreateAudit(entry)
			tx.FindPersonByID(child)
			panic("a bug")
		})
	}()
	if n := audits(); n != 3 {
		t.Errorf("%d audit rows after the failed writes, want the 3 written before", n)
	}
	// A statement that fails on the server fails the transaction with its
	// cause, and nothing held back with it is kept.
	err = db.Write(ctx, func(tx csc.Tx) error {
		if err := tx.CreateAudit(entry); err != nil {
			return err
		}
		return tx.CreateEvent(&csc.Event{ChildID: 1 << 40, At: synthAsOf, Kind: "note", Summary: "about nobody"})
	})
	if err == nil {
		t.Error("a timeline entry about nobody on the record was written")
	}
	if n := audits(); n != 3 {
		t.Errorf("%d audit rows after the refused write, want 3", n)
	}
	// A glance sends no BEGIN and no COMMIT: one round trip for one
	// statement, and one for statements read together.
	trips("a glance of one statement", 1, func() error {
		return db.Glance(ctx, func(tx csc.Tx) error { _, err := tx.FindPersonByID(child); return err })
	})
	trips("a glance of two counts read together", 1, func() error {
		return db.Glance(ctx, func(tx csc.Tx) error {
			var people, contacts int64
			err := tx.Together(
				func() (err error) { people, err = store.CountInTx(tx, `SELECT COUNT(*) FROM person`); return err },
				func() (err error) { contacts, err = store.CountInTx(tx, `SELECT COUNT(*) FROM contact`); return err },
			)
			if err == nil && (people == 0 || contacts == 0) {
				t.Errorf("a glance counted %d people and %d contacts", people, contacts)
			}
			return err
		})
	})
	trips("a glance that fails on the server, then a read on the same pool", 3, func() error {
		err := db.Glance(ctx, func(tx csc.Tx) error {
			_, err := store.CountInTx(tx, `SELECT COUNT(*) FROM no_such_table`)
			return err
		})
		if err == nil {
			t.Error("a glance at a table that is not there succeeded")
		}
		return db.Read(ctx, func(tx csc.Tx) error { _, err := tx.FindPersonByID(child); return err })
	})
	// The test's own connections, not those of the tests beside it.
	var stuck, own int64
	if err := db.Read(ctx, func(tx csc.Tx) (err error) {
		mine := `SELECT COUNT(*) FROM pg_stat_activity
			WHERE datname = current_database() AND application_name = current_setting('application_name')`
		if own, err = store.CountInTx(tx, mine); err != nil {
			return err
		}
		stuck, err = store.CountInTx(tx, mine+` AND state LIKE 'idle in transaction%'`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if own == 0 {
		t.Error("the test cannot find its own connections")
	}
	if stuck != 0 {
		t.Errorf("%d connections left inside a transaction", stuck)
	}
}

// A glance only reads, on either engine: a write attempted in one is
// refused and nothing of it is kept, though on PostgreSQL it has no
// read-only transaction to be refused by.
func TestAGlanceOnlyReads(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		var child int64
		if err := db.Write(ctx, func(tx csc.Tx) error {
			p := &csc.Person{Kind: csc.KindChild, GivenName: "Child", FamilyName: "Glance", Sex: "F"}
			err := tx.CreatePerson(p)
			child = p.ID
			return err
		}); err != nil {
			t.Fatal(err)
		}
		count := func() (n int64) {
			t.Helper()
			if err := db.Glance(ctx, func(tx csc.Tx) (err error) {
				n, err = store.CountInTx(tx, `SELECT COUNT(*) FROM audit`)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := count()
		entry := csc.AuditEntry{Action: "view", SubjectType: "person", SubjectID: child, ChildID: child,
			Channel: csc.ChannelWeb, Detail: "glance"}
		err := db.Glance(ctx, func(tx csc.Tx) error {
			if _, err := tx.FindPersonByID(child); err != nil {
				t.Errorf("a glance at the child: %v", err)
			}
			return tx.CreateAudit(entry)
		})
		if err == nil {
			t.Error("a glance wrote an audit row")
		}
		err = db.Glance(ctx, func(tx csc.Tx) error {
			return tx.CreateEvent(&csc.Event{ChildID: child, At: time.Now(), Kind: "note", Summary: "from a glance"})
		})
		if err == nil {
			t.Error("a glance wrote a timeline entry")
		}
		if after := count(); after != before {
			t.Errorf("%d audit rows after the refused writes, want %d", after, before)
		}
		var events []csc.Event
		if err := db.Read(ctx, func(tx csc.Tx) (err error) { events, err = tx.ListEvents(child, 10); return err }); err != nil {
			t.Fatal(err)
		}
		if len(events) != 0 {
			t.Errorf("the glance's timeline entry was kept: %+v", events)
		}
	})
}

// After a sweep that rewrote every clock (the nightly recomputation, or a
// demo starting on an existing database), PostgreSQL reclaims the rows it
// replaced and refreshes the table's statistics straight away; SQLite is
// left alone.
func TestTidyVacuumsAndAnalyzesOnPostgres(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		if err := db.Tidy(ctx, "clock"); err != nil {
			t.Fatal(err)
		}
		if err := db.Tidy(ctx, "no_such_table"); db.Engine == store.Postgres && (err == nil || !strings.Contains(err.Error(), "no_such_table")) {
			t.Errorf("tidying a table that is not there: %v", err)
		}
		if db.Engine != store.Postgres {
			return
		}
		var n int64
		err := db.Read(ctx, func(tx csc.Tx) (err error) {
			n, err = store.CountInTx(tx, `SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'clock'
				AND schemaname = current_schema() AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL`)
			return err
		})
		if err != nil || n != 1 {
			t.Errorf("the clock table vacuumed and analyzed: %d, %v", n, err)
		}
	})
}
