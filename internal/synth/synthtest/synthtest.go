// Package synthtest keeps synthetic authorities for benchmarks: a
// 50,000-child authority takes a minute or two to generate, so it is built
// once for each version of the generator and kept, a SQLite file in the
// system's temporary folder or a PostgreSQL database on the test server,
// for every later run to reuse.
package synthtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// Children is the size of a benchmark's authority: CAIRN_BENCH_CHILDREN,
// or 50,000.
func Children() int {
	if n, err := strconv.Atoi(os.Getenv("CAIRN_BENCH_CHILDREN")); err == nil && n > 0 {
		return n
	}
	return 50_000
}

// Engines runs body once per engine available to the tests, as
// storetest.Engines does, naming the engine.
func Engines(b *testing.B, body func(b *testing.B, engine string)) {
	b.Run("sqlite", func(b *testing.B) { body(b, "sqlite") })
	if os.Getenv(storetest.PostgresEnv) != "" {
		b.Run("postgres", func(b *testing.B) { body(b, "postgres") })
	}
}

// Loop runs op for the benchmark's iterations, reporting allocations and,
// besides the wall time, this process's CPU time per operation
// (cpu-ms/op): on a machine shared with other work it varies far less.
// (PostgreSQL's own work, in its server, is not counted.)
func Loop(b *testing.B, op func() error) {
	b.ReportAllocs()
	b.ResetTimer()
	start, n := processCPU(), 0
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(processCPU()-start)/float64(max(n, 1))/float64(time.Millisecond), "cpu-ms/op")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// complete marks a kept PostgreSQL database whose generation finished.
const complete = "cairn synthetic authority, complete"

// Cached returns the DSN of a database on engine ("sqlite" or "postgres")
// holding the synthetic authority opt describes (without demo accounts),
// generating it the first time. It is named by the generator's Version and
// the options, so a new version generates afresh; an interrupted
// generation is never reused. Nothing removes what it keeps: delete
// cairn_synth_* from the temporary folder, or drop the databases of that
// name, to reclaim the space.
func Cached(tb testing.TB, engine string, opt synth.Options) string {
	tb.Helper()
	if opt.AsOf.IsZero() || opt.DemoPasswordHash != "" || opt.Progress != nil {
		tb.Fatal("synthtest: a kept authority needs a fixed AsOf, and no demo accounts or progress")
	}
	name := fmt.Sprintf("cairn_synth_v%d_%d_s%d_%s", synth.Version, opt.Children, opt.Seed, opt.AsOf.UTC().Format("20060102t1504"))
	if opt.Dirty > 0 {
		name += fmt.Sprintf("_d%g_%d", opt.Dirty, opt.DirtyYear)
	}
	name = strings.ReplaceAll(name, ".", "")
	var dsn string
	var err error
	switch engine {
	case "sqlite":
		dsn, err = cachedSQLite(name, opt)
	case "postgres":
		dsn, err = cachedPostgres(name, opt)
	default:
		err = fmt.Errorf("no engine %q", engine)
	}
	if err != nil {
		tb.Fatalf("synthtest: %s authority on %s: %v", name, engine, err)
	}
	return dsn
}

// generate writes the authority into dsn, saying how long it took.
func generate(dsn string, opt synth.Options) error {
	ctx := context.Background()
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	sum, err := synth.Generate(ctx, db, opt)
	if err == nil {
		fmt.Fprintf(os.Stderr, "synthtest: %s authority of %d children generated in %.1fs, kept for later runs\n",
			db.Engine, sum.Children, time.Since(start).Seconds())
	}
	return err
}

// cachedSQLite generates into a file of its own and renames it into place
// once complete.
func cachedSQLite(name string, opt synth.Options) (string, error) {
	path := filepath.Join(os.TempDir(), name+".db")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	building := filepath.Join(os.TempDir(), fmt.Sprintf("%s.building-%d.db", name, os.Getpid()))
	defer func() {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(building + suffix)
		}
	}()
	if err := generate(building, opt); err != nil {
		return "", err
	}
	return path, os.Rename(building, path)
}

// cachedPostgres generates into a database of its own on the test server,
// marked complete once analysed.
func cachedPostgres(name string, opt synth.Options) (string, error) {
	base := os.Getenv(storetest.PostgresEnv)
	if base == "" {
		return "", fmt.Errorf("%s is not set", storetest.PostgresEnv)
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	dsn := u.String()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	var note sql.NullString
	err = admin.QueryRow(`SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1`, name).Scan(&note)
	switch {
	case err == nil && note.String == complete:
		return dsn, nil
	case err == nil:
		if _, err := admin.Exec(`DROP DATABASE ` + name); err != nil {
			return "", err
		}
	case err != sql.ErrNoRows:
		return "", err
	}
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		return "", err
	}
	if err := generate(dsn, opt); err != nil {
		return "", err
	}
	// What autovacuum does soon after a bulk load (the test server may run
	// without it): statistics for the planner and the visibility map.
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", err
	}
	_, err = db.Exec(`VACUUM (ANALYZE)`)
	db.Close()
	if err != nil {
		return "", err
	}
	_, err = admin.Exec(`COMMENT ON DATABASE ` + name + ` IS '` + complete + `'`)
	return dsn, err
}
