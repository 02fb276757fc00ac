package store_test

import (
	"database/sql"
	"fmt"
	"os"
	"testing"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// A name search reads the people with the name, not everyone. On
// PostgreSQL a prepared statement run many times may be given one plan for
// any name, and for a name search that plan walks every person in id order
// (the ORDER BY … LIMIT) checking each against the name: 17–36 ms at
// 50,000 children instead of 0.2 ms. The store asks for a plan made for the
// name searched; here the server is told to prefer the plan for any value,
// as it does once it has run the search often enough.
func TestNameSearchReadsOnlyThePeopleNamed(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip("PostgreSQL only: ", storetest.PostgresEnv, " is not set")
	}
	dsn := storetest.PostgresDSN(t) + "&plan_cache_mode=force_generic_plan"
	db, err := store.Open(ctx, dsn, store.Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const everyone = 3000
	mustWrite(t, db, func(tx csc.Tx) error {
		for i := range everyone {
			family := fmt.Sprintf("Family%04d", i)
			if i%1000 == 7 {
				family = "Quill"
			}
			p := csc.Person{Kind: csc.KindChild, GivenName: "Sam", FamilyName: family, DateOfBirth: csc.MustParseDate("2015-02-28")}
			if err := tx.CreatePerson(&p); err != nil {
				return err
			}
		}
		return nil
	})
	// The statistics a server has on a database in use.
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	// The server's counts of rows read are kept until it reports them, so
	// the search's are the difference across it.
	const rowsRead = `SELECT COALESCE(SUM(seq_tup_read + idx_tup_fetch), 0) FROM pg_stat_xact_user_tables WHERE relname = 'person'`
	err = db.Read(ctx, func(tx csc.Tx) error {
		before, err := store.CountInTx(tx, rowsRead)
		if err != nil {
			return err
		}
		found, err := tx.FindPeople(csc.PersonQuery{Name: "quill", Limit: 10})
		if err != nil {
			return err
		}
		if len(found) != 3 {
			t.Errorf("found %d people named Quill, want 3", len(found))
		}
		after, err := store.CountInTx(tx, rowsRead)
		if err != nil {
			return err
		}
		if read := after - before; read > 30 {
			t.Errorf("a search for a name three people have read %d rows of person (of %d)", read, everyone)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
