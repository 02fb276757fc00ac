package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

var ctx = context.Background()

func fixedClock() func() time.Time {
	t := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	return func() time.Time { return t }
}

func mustWrite(t *testing.T, db *store.DB, fn func(tx csc.Tx) error) {
	t.Helper()
	if err := db.Write(ctx, fn); err != nil {
		t.Fatal(err)
	}
}

// synthAuthority opens the database at dsn and builds a synthetic
// authority of so many children in it, as at 2 March 2026, 10:00.
func synthAuthority(t *testing.T, dsn string, children int, seed uint64) *store.DB {
	t.Helper()
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := synth.Generate(ctx, db, synth.Options{Children: children, Seed: seed, AsOf: synthAsOf}); err != nil {
		t.Fatal(err)
	}
	return db
}

// synthAsOf is the moment synthAuthority builds its authority as at.
var synthAsOf = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// childAndWorker writes a child and a social worker, for tests of the
// records about a child.
func childAndWorker(tx csc.Tx) (csc.Person, csc.Staff, error) {
	child := csc.Person{Kind: csc.KindChild, GivenName: "A", FamilyName: "B", DateOfBirth: csc.MustParseDate("2015-02-28")}
	staff := csc.Staff{Username: "sw", Name: "Sam Worker", Role: csc.RoleSocialWorker, Active: true, Employment: csc.EmployPermanent}
	if err := tx.CreatePerson(&child); err != nil {
		return child, staff, err
	}
	return child, staff, tx.CreateStaff(&staff, "")
}

func TestPersonRoundTripAndSearch(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		p := csc.Person{Kind: csc.KindChild, GivenName: "Kathryn", FamilyName: "Smyth", DateOfBirth: csc.MustParseDate("2015-02-28"),
			Sex: "F", Ethnicity: "WBRI", NHSNumber: "9434765919", Postcode: "NM3 4QT",
			Disabilities: []csc.DisabilityCode{"AUT", "COMM"}}
		mustWrite(t, db, func(tx csc.Tx) error { return tx.CreatePerson(&p) })
		err := db.Read(ctx, func(tx csc.Tx) error {
			got, err := tx.FindPersonByID(p.ID)
			if err != nil {
				return err
			}
			if got.Name() != "Kathryn Smyth" || got.DateOfBirth != p.DateOfBirth || got.Version != 1 ||
				len(got.Disabilities) != 2 || got.NHSNumber != "9434765919" || !got.CreatedAt.Equal(fixedClock()()) {
				t.Errorf("read back %+v", got)
			}
			for _, q := range []csc.PersonQuery{{Name: "catherine smith"}, {Name: "kath"}, {DateOfBirth: "2015-02-28"},
				{NHSNumber: "9434765919"}, {Postcode: "NM3 4QT"}, {Name: "smith", DateOfBirth: "2015-02-28"}} {
				found, err := tx.FindPeople(q)
				if err != nil {
					return err
				}
				if len(found) != 1 || found[0].ID != p.ID {
					t.Errorf("search %+v found %d people", q, len(found))
				}
			}
			found, err := tx.FindPeople(csc.PersonQuery{Name: "smith", DateOfBirth: "2015-03-01"})
			if err == nil && len(found) != 0 {
				t.Errorf("a different date of birth matched")
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestStaleUpdateIsAConflict(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		p := csc.Person{Kind: csc.KindChild, GivenName: "Ava", FamilyName: "Jones", DateOfBirth: csc.MustParseDate("2019-06-01")}
		mustWrite(t, db, func(tx csc.Tx) error { return tx.CreatePerson(&p) })
		first, second := p, p
		first.GivenName = "Eva"
		mustWrite(t, db, func(tx csc.Tx) error { return tx.UpdatePerson(&first) })
		second.FamilyName = "Jonas"
		err := db.Write(ctx, func(tx csc.Tx) error { return tx.UpdatePerson(&second) })
		if csc.ErrorKind(err) != csc.Conflict {
			t.Fatalf("stale update: got %v, want a conflict", err)
		}
		missing := p
		missing.ID = 99999
		err = db.Write(ctx, func(tx csc.Tx) error { return tx.UpdatePerson(&missing) })
		if csc.ErrorKind(err) != csc.NotFound {
			t.Fatalf("update of a missing record: got %v, want not found", err)
		}
		db.Read(ctx, func(tx csc.Tx) error {
			got, _ := tx.FindPersonByID(p.ID)
			if got.Name() != "Eva Jones" || got.Version != 2 {
				t.Errorf("after the conflict the record is %q v%d, want the first save kept", got.Name(), got.Version)
			}
			return nil
		})
	})
}

func TestFailedWriteSavesNothing(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		err := db.Write(ctx, func(tx csc.Tx) error {
			p := csc.Person{Kind: csc.KindChild, GivenName: "Leo", FamilyName: "Hart"}
			if err := tx.CreatePerson(&p); err != nil {
				return err
			}
			return csc.Errorf(csc.Invalid, "stop")
		})
		if csc.ErrorKind(err) != csc.Invalid {
			t.Fatal(err)
		}
		db.Read(ctx, func(tx csc.Tx) error {
			found, _ := tx.FindPeople(csc.PersonQuery{Name: "hart"})
			if len(found) != 0 {
				t.Errorf("a rolled-back person was saved")
			}
			return nil
		})
	})
}

func TestAuditRowsCannotBeChanged(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		db, err := store.Open(ctx, dsn, store.Options{Now: fixedClock()})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		mustWrite(t, db, func(tx csc.Tx) error {
			return tx.CreateAudit(csc.AuditEntry{Action: "view", SubjectType: "person", SubjectID: 1, ChildID: 1, Channel: csc.ChannelWeb})
		})
		raw := rawDB(t, dsn)
		for _, stmt := range []string{`UPDATE audit SET action = 'nothing'`, `DELETE FROM audit`} {
			if _, err := raw.Exec(stmt); err == nil {
				t.Errorf("%s succeeded; the audit trail must be append-only", stmt)
			}
		}
	})
}

func rawDB(t *testing.T, dsn string) *sql.DB {
	driver, conn := "pgx", dsn
	if store.EngineOf(dsn) == store.SQLite {
		driver, conn = "sqlite", dsn
	}
	db, err := sql.Open(driver, conn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestInstantsOrderAcrossEngines(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		child := csc.Person{Kind: csc.KindChild, GivenName: "Mia", FamilyName: "Reed", DateOfBirth: csc.MustParseDate("2012-01-01")}
		mustWrite(t, db, func(tx csc.Tx) error { return tx.CreatePerson(&child) })
		base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		// Whole seconds and fractions mixed: text order must match time order.
		for _, d := range []time.Duration{500 * time.Millisecond, 0, 2 * time.Second, 1500 * time.Millisecond, time.Microsecond} {
			c := csc.Contact{ChildID: child.ID, ReceivedAt: base.Add(d), DueAt: base.Add(d + time.Hour), Source: "6", Consent: csc.ConsentGiven}
			mustWrite(t, db, func(tx csc.Tx) error { return tx.CreateContact(&c) })
		}
		db.Read(ctx, func(tx csc.Tx) error {
			cs, total, err := tx.FindContacts(csc.ContactQuery{Open: true})
			if err != nil || total != 5 {
				t.Fatalf("queue: %d, %v", total, err)
			}
			if !sort.SliceIsSorted(cs, func(i, j int) bool { return cs[i].ReceivedAt.Before(cs[j].ReceivedAt) }) {
				t.Errorf("queue not in order received: %v", cs)
			}
			return nil
		})
	})
}

// TestSchemasMatch checks the two engines' migrations build the same tables
// and columns, so one SQL text serves both.
func TestSchemasMatch(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip("needs " + storetest.PostgresEnv)
	}
	lite, err := store.Open(ctx, storetest.SQLiteDSN(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pgDSN := storetest.PostgresDSN(t)
	pg, err := store.Open(ctx, pgDSN, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	a := sqliteColumns(t, lite)
	b := postgresColumns(t, rawDB(t, pgDSN))
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("schemas differ:\nsqlite:   %v\npostgres: %v", a, b)
	}
	// The indexes the migrations name, so that a query planned around an
	// index on one engine has it on the other.
	ia := names(t, rawDB(t, lite.Path()), `SELECT name FROM sqlite_master WHERE type = 'index'
		AND sql IS NOT NULL ORDER BY name`)
	ib := names(t, rawDB(t, pgDSN), `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
		AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%' ORDER BY indexname`)
	if strings.Join(ia, " ") != strings.Join(ib, " ") {
		t.Errorf("indexes differ:\nsqlite:   %v\npostgres: %v", ia, ib)
	}
	va, _ := lite.SchemaVersion(ctx)
	vb, _ := pg.SchemaVersion(ctx)
	if va != vb || va == 0 {
		t.Errorf("schema versions %d and %d", va, vb)
	}
}

// names returns the first column of every row a query returns.
func names(t *testing.T, raw *sql.DB, query string) []string {
	rows, err := raw.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

func sqliteColumns(t *testing.T, db *store.DB) []string {
	var out []string
	raw, err := sql.Open("sqlite", db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var tbl, col string
		rows.Scan(&tbl, &col)
		out = append(out, tbl+"."+col)
	}
	return out
}

func postgresColumns(t *testing.T, raw *sql.DB) []string {
	var out []string
	rows, err := raw.Query(`SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() ORDER BY table_name, column_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var tbl, col string
		rows.Scan(&tbl, &col)
		out = append(out, tbl+"."+col)
	}
	return out
}

// A search that finds 500 people by spelling returns them, not an earlier
// record that only sounds alike: the service ranks spelling first, and 500
// is all a search considers.
func TestSearchCandidatesPreferSpelling(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		mustWrite(t, db, func(tx csc.Tx) error {
			people := []string{"Smyth"}
			for range 500 {
				people = append(people, "Smith")
			}
			for _, family := range people {
				p := csc.Person{Kind: csc.KindChild, GivenName: "Sam", FamilyName: family, DateOfBirth: csc.MustParseDate("2015-02-28")}
				if err := tx.CreatePerson(&p); err != nil {
					return err
				}
			}
			return nil
		})
		err := db.Read(ctx, func(tx csc.Tx) error {
			found, err := tx.FindPeople(csc.PersonQuery{Name: "smith"})
			if err != nil {
				return err
			}
			smyth := 0
			for _, p := range found {
				if p.FamilyName == "Smyth" {
					smyth++
				}
			}
			if len(found) != 500 || smyth != 0 {
				t.Errorf("found %d candidates, %d of them sound-alikes", len(found), smyth)
			}
			found, err = tx.FindPeople(csc.PersonQuery{Name: "sam smith", DateOfBirth: "2015-02-28", Limit: 10})
			if err != nil {
				return err
			}
			if len(found) != 500 {
				t.Errorf("two words and a date of birth: %d candidates", len(found))
			}
			// One spelling match fills a page of one; a page of two needs
			// the sound-alikes.
			for limit, want := range map[int]int{1: 1, 2: 500} {
				found, err = tx.FindPeople(csc.PersonQuery{Name: "smyth", Limit: limit})
				if err != nil {
					return err
				}
				if len(found) != want || found[0].FamilyName != "Smyth" {
					t.Errorf("smyth, limit %d: %d candidates, want %d with Smyth first", limit, len(found), want)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// Many audit rows written at once (as the audit writer does) are all kept,
// each with its own fields, in the order given.
func TestAuditRowsInBulk(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		var entries []csc.AuditEntry
		for i := range 71 { // 64 + 4 + 2 + 1 rows
			entries = append(entries, csc.AuditEntry{StaffID: 0, Action: "list", SubjectType: "contact",
				SubjectID: int64(1000 + i), ChildID: 7, Channel: csc.ChannelAPI, Detail: fmt.Sprintf("row %d", i)})
		}
		mustWrite(t, db, func(tx csc.Tx) error { return tx.CreateAudit(entries...) })
		err := db.Read(ctx, func(tx csc.Tx) error {
			got, total, err := tx.FindAudit(csc.AuditQuery{ChildID: 7, Limit: 100})
			if err != nil {
				return err
			}
			if total != 71 || len(got) != 71 {
				t.Fatalf("%d rows (total %d), want 71", len(got), total)
			}
			for i, e := range got { // newest first
				want := 70 - i
				if e.SubjectID != int64(1000+want) || e.Detail != fmt.Sprintf("row %d", want) ||
					e.Channel != csc.ChannelAPI || !e.At.Equal(fixedClock()()) {
					t.Errorf("row %d: %+v", i, e)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// A bulk load (the synthetic authority) holds back versioned updates with
// its inserts and sends related rows as multi-row inserts; what it saves
// must be what an ordinary transaction saves, and a stale update must
// still fail the whole transaction.
func TestBulkLoadSavesWhatAnOrdinaryWriteSaves(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		load := func(bulk bool, family string) []int64 {
			var ids []int64
			mustWrite(t, db, func(tx csc.Tx) error {
				if bulk {
					tx.(interface{ Bulk() }).Bulk()
				}
				var parent csc.Person
				for i := range 40 {
					p := csc.Person{Kind: csc.KindChild, GivenName: fmt.Sprintf("Child%02d", i), FamilyName: family,
						DateOfBirth: csc.MustParseDate("2016-01-02").AddDays(i), Sex: "F", Disabilities: []csc.DisabilityCode{"NONE"}}
					if err := tx.CreatePerson(&p); err != nil {
						return err
					}
					if i == 0 {
						parent = p
					} else if err := tx.CreateRelationship(&csc.Relationship{PersonID: parent.ID, Other: p,
						Type: csc.RelSibling, LivesWith: true}); err != nil {
						return err
					}
					p.GivenName += "x"
					if err := tx.UpdatePerson(&p); err != nil {
						return err
					}
					ids = append(ids, p.ID)
				}
				return nil
			})
			return ids
		}
		describe := func(ids []int64) string {
			var b strings.Builder
			db.Read(ctx, func(tx csc.Tx) error {
				for _, id := range ids {
					p, err := tx.FindPersonByID(id)
					if err != nil {
						return err
					}
					rels, err := tx.ListRelationships(id)
					if err != nil {
						return err
					}
					found, _ := tx.FindPeople(csc.PersonQuery{Name: p.Name()})
					searchable := false
					for _, f := range found {
						searchable = searchable || f.ID == id
					}
					fmt.Fprintf(&b, "%s v%d %v rels=%d found=%v\n", p.GivenName, p.Version, p.Disabilities, len(rels), searchable)
				}
				return nil
			})
			return b.String()
		}
		plainIDs, bulkIDs := load(false, "Plainfield"), load(true, "Bulkfield")
		plain, bulk := describe(plainIDs), describe(bulkIDs)
		if plain != bulk || !strings.Contains(bulk, "Child07x v2 [NONE] rels=1 found=true") {
			t.Errorf("bulk load saved\n%s\nan ordinary write saved\n%s", bulk, plain)
		}

		p := csc.Person{Kind: csc.KindChild, GivenName: "Stale", FamilyName: "Loadwright"}
		mustWrite(t, db, func(tx csc.Tx) error { return tx.CreatePerson(&p) })
		stale := p
		mustWrite(t, db, func(tx csc.Tx) error { p.GivenName = "Fresh"; return tx.UpdatePerson(&p) })
		err := db.Write(ctx, func(tx csc.Tx) error {
			tx.(interface{ Bulk() }).Bulk()
			other := csc.Person{Kind: csc.KindChild, GivenName: "Partway", FamilyName: "Loadwright"}
			if err := tx.CreatePerson(&other); err != nil {
				return err
			}
			stale.FamilyName = "Changed"
			return tx.UpdatePerson(&stale)
		})
		if csc.ErrorKind(err) != csc.Conflict {
			t.Fatalf("a stale update in a bulk load: got %v, want a conflict", err)
		}
		db.Read(ctx, func(tx csc.Tx) error {
			if found, _ := tx.FindPeople(csc.PersonQuery{Name: "Loadwright"}); len(found) != 1 || found[0].GivenName != "Fresh" {
				t.Errorf("after the failed bulk load the people named Loadwright are %v, want only the fresh save", found)
			}
			return nil
		})
	})
}

// A bulk load sends its held-back statements in batches while it goes on
// making more. A stale update in the first batch, found while later batches
// are being made and sent, still fails the whole transaction with the
// conflict, and nothing of it is saved; so does a case summary version that
// does not follow the last, which a bulk load checks only when it is sent.
func TestBulkLoadFailsWholeWhenAnEarlyBatchFails(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		p := csc.Person{Kind: csc.KindChild, GivenName: "Stale", FamilyName: "Earlybatch"}
		mustWrite(t, db, func(tx csc.Tx) error { return tx.CreatePerson(&p) })
		stale := p
		mustWrite(t, db, func(tx csc.Tx) error { p.GivenName = "Fresh"; return tx.UpdatePerson(&p) })
		people := func(tx csc.Tx, n int) error {
			for i := range n {
				q := csc.Person{Kind: csc.KindChild, GivenName: fmt.Sprintf("Many%04d", i), FamilyName: "Latebatch",
					DateOfBirth: csc.MustParseDate("2015-05-05"), Disabilities: []csc.DisabilityCode{"NONE"}}
				if err := tx.CreatePerson(&q); err != nil {
					return err
				}
			}
			return nil
		}
		err := db.Write(ctx, func(tx csc.Tx) error {
			tx.(interface{ Bulk() }).Bulk()
			stale.FamilyName = "Changed"
			if err := tx.UpdatePerson(&stale); err != nil {
				return err
			}
			return people(tx, 5000) // several batches' worth of statements
		})
		if csc.ErrorKind(err) != csc.Conflict {
			t.Fatalf("a stale update early in a bulk load: got %v, want a conflict", err)
		}
		err = db.Write(ctx, func(tx csc.Tx) error {
			tx.(interface{ Bulk() }).Bulk()
			if err := tx.CreateCaseSummary(&csc.CaseSummary{ChildID: p.ID, Seq: 1, Text: "First."}); err != nil {
				return err
			}
			if err := tx.CreateCaseSummary(&csc.CaseSummary{ChildID: p.ID, Seq: 3, Text: "Skips a version."}); err != nil {
				return err
			}
			return people(tx, 2000)
		})
		if csc.ErrorKind(err) != csc.Conflict {
			t.Fatalf("a case summary out of sequence in a bulk load: got %v, want a conflict", err)
		}
		db.Read(ctx, func(tx csc.Tx) error {
			if found, _ := tx.FindPeople(csc.PersonQuery{Name: "Latebatch", Limit: 10}); len(found) != 0 {
				t.Errorf("after the failed bulk loads %d people named Latebatch were saved, want none", len(found))
			}
			if got, _ := tx.FindPersonByID(p.ID); got.GivenName != "Fresh" || got.FamilyName != "Earlybatch" {
				t.Errorf("the record is now %s %s, want the fresh save", got.GivenName, got.FamilyName)
			}
			if sums, _ := tx.ListCaseSummaries(p.ID, 10); len(sums) != 0 {
				t.Errorf("%d case summary versions saved, want none", len(sums))
			}
			return nil
		})
		var ok csc.CaseSummary
		mustWrite(t, db, func(tx csc.Tx) error {
			tx.(interface{ Bulk() }).Bulk()
			ok = csc.CaseSummary{ChildID: p.ID, Seq: 1, Text: "First.", WriterID: 0}
			if err := tx.CreateCaseSummary(&ok); err != nil {
				return err
			}
			return tx.CreateCaseSummary(&csc.CaseSummary{ChildID: p.ID, Seq: 2, Text: "Second."})
		})
		db.Read(ctx, func(tx csc.Tx) error {
			sums, err := tx.ListCaseSummaries(p.ID, 10)
			if err != nil || len(sums) != 2 || sums[0].Text != "Second." || sums[1].ID != ok.ID {
				t.Errorf("case summaries after a good bulk load: %+v, %v; want versions 2 and 1 with the ids given", sums, err)
			}
			return nil
		})
	})
}
