package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cairn/internal/store/storetest"
)

// The demo's --as-of clock starts at the UK time given and runs on from it.
func TestDemoClock(t *testing.T) {
	now, err := demoClock("2025-10-06T09:40")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2025, 10, 6, 8, 40, 0, 0, time.UTC) // 09:40 BST
	if got := now(); got.Before(want) || got.After(want.Add(time.Minute)) {
		t.Errorf("--as-of 2025-10-06T09:40 gives %v, want just after %v", got, want)
	}
	if _, err := demoClock("6 October"); !errors.Is(err, errUsage) {
		t.Errorf("a bad --as-of gives %v, want a usage error", err)
	}
	if real, _ := demoClock(""); time.Since(real()) > time.Minute {
		t.Errorf("without --as-of the demo's clock is not the real one")
	}
}

// stopOnServing stops the demo once it says it is serving.
type stopOnServing struct {
	strings.Builder
	stop context.CancelFunc
}

func (w *stopOnServing) Write(p []byte) (int, error) {
	if strings.Contains(string(p), "is serving") {
		w.stop()
	}
	return w.Builder.Write(p)
}

// demoRunsSaying runs the demo once for each of wants, stopping it once it
// serves, and fails unless that run's terminal says the want.
func demoRunsSaying(t *testing.T, args []string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		ctx, cancel := context.WithCancel(context.Background())
		out := &stopOnServing{stop: cancel}
		err := run(ctx, args, strings.NewReader(""), out, io.Discard)
		cancel()
		if err != nil || !strings.Contains(out.String(), want) {
			t.Fatalf("want %q: %v\n%s", want, err, out.String())
		}
	}
}

// TestDemoDirty builds a demo with census errors seeded (--dirty), then
// starts it again on the same database, which --dirty leaves as it is; a
// bad rate is refused before a database is made.
func TestDemoDirty(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an authority")
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	args := []string{"demo", "--addr", "127.0.0.1:0", "--db", db, "--children", "200", "--as-of", "2026-03-04T10:00", "--dirty", "0.2"}
	demoRunsSaying(t, args, "census data errors", "the existing one is used as it is")
	bad := filepath.Join(t.TempDir(), "bad.db")
	if _, _, err := runCLI(t, "demo", "--db", bad, "--dirty", "0.9"); !errors.Is(err, errUsage) {
		t.Errorf("--dirty 0.9: %v, want a usage error", err)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a refused demo made a database")
	}
}

// A demo run again on the same database uses the authority already there,
// on either engine: on PostgreSQL, where there is no file to look for, a
// second run once built a second authority on top of the first and failed.
func TestDemoReusesItsDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an authority")
	}
	storetest.Engines(t, func(t *testing.T, dsn string) {
		args := []string{"demo", "--addr", "127.0.0.1:0", "--db", dsn, "--children", "50", "--as-of", "2026-03-04T10:00"}
		demoRunsSaying(t, args, "Built a synthetic authority", "Using the existing demo database")
	})
}

// The demo's terminal names its database without a PostgreSQL password.
func TestShownDSN(t *testing.T) {
	for dsn, want := range map[string]string{
		"cairn-demo.db": "cairn-demo.db",
		"postgres://cairn:s3cret@db.example:5432/cairn":               "postgres://cairn:xxxxx@db.example:5432/cairn",
		"postgres://cairn@db.example/cairn?password=s3cret&sslmode=x": "postgres://cairn@db.example/cairn?password=xxxxx&sslmode=x",
	} {
		if got := shownDSN(dsn); got != want {
			t.Errorf("shownDSN(%q) = %q, want %q", dsn, got, want)
		}
	}
}
