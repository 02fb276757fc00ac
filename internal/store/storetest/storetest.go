// Package storetest opens real, isolated databases for tests: a fresh SQLite
// file for each test, and, when CAIRN_TEST_POSTGRES holds a DSN, a fresh
// PostgreSQL schema too, dropped when the test ends. Storage and service
// tests run their body on every engine available; CI sets the variable so
// both always run there.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cairn/internal/store"
)

// PostgresEnv names the environment variable holding a PostgreSQL DSN.
const PostgresEnv = "CAIRN_TEST_POSTGRES"

// Engines runs body once per available engine as a named subtest.
func Engines(t *testing.T, body func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { body(t, SQLiteDSN(t)) })
	if os.Getenv(PostgresEnv) != "" {
		t.Run("postgres", func(t *testing.T) { body(t, PostgresDSN(t)) })
	}
}

// Open is Engines with the store opened (and closed at the end), its clock
// set by now (nil for the real clock).
func Open(t *testing.T, now func() time.Time, body func(t *testing.T, db *store.DB)) {
	t.Helper()
	Engines(t, func(t *testing.T, dsn string) {
		db, err := store.Open(context.Background(), dsn, store.Options{Now: now})
		if err != nil {
			t.Fatalf("open %s: %v", store.EngineOf(dsn), err)
		}
		t.Cleanup(func() { db.Close() })
		body(t, db)
	})
}

// Another returns a new, empty database of the same engine as dsn, for a
// test that compares two.
func Another(t testing.TB, dsn string) string {
	if store.EngineOf(dsn) == store.Postgres {
		return PostgresDSN(t)
	}
	return SQLiteDSN(t)
}

// SQLiteDSN returns the path of a new SQLite file in the test's temp folder.
func SQLiteDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "cairn.db")
}

// PostgresDSN creates a schema of its own on the server named by
// CAIRN_TEST_POSTGRES and returns a DSN that uses it, its connections named
// (application_name) after it; the schema is dropped when the test ends. It fails the test when the variable is unset.
func PostgresDSN(t testing.TB) string {
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Fatalf("%s is not set", PostgresEnv)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	// The test's connections carry its schema's name, so that a test can
	// tell its own from those of the tests running beside it.
	q.Set("application_name", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
