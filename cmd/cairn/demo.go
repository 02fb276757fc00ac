package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"os"
	"time"

	"cairn/internal/app"
	"cairn/internal/store"
	"cairn/internal/synth"
)

var demoUsers = []struct{ username, role string }{
	{"mash", "MASH worker"}, {"sw", "social worker"}, {"tm", "team manager"}, {"eh", "early help practitioner"},
	{"iro", "independent reviewing officer"}, {"qa", "QA auditor"}, {"analyst", "performance analyst"},
	{"support", "business support"}, {"admin", "administrator"}, {"inspector", "inspector (read-only)"},
	{"leader", "senior leader"}, {"board", "board member (read-only)"},
}

// demo builds a synthetic authority on first run (an existing file is
// reused) and serves it on loopback only, with the demo sign-ins.
func demo(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	start := time.Now()
	var c config
	var children int
	var seed uint64
	var asOf string
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	c.flags(fs, "127.0.0.1:8080")
	fs.IntVar(&children, "children", 2000, "children in the synthetic authority (first run only)")
	fs.Uint64Var(&seed, "seed", 1, "seed for the synthetic authority (first run only)")
	fs.StringVar(&asOf, "as-of", "", "run the demo's clock from this UK time (YYYY-MM-DDTHH:MM), for walk-throughs and tests")
	var dirty dirtyFlags
	dirty.register(fs)
	var long longRecordsFlag
	long.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	now, err := demoClock(asOf)
	if err != nil {
		return err
	}
	opt := synth.Options{Children: children, Seed: seed, AsOf: now(), LongRecords: bool(long)}
	if err := dirty.options(&opt, opt.AsOf); err != nil {
		return err
	}
	if c.db == "" {
		c.db = "cairn-demo.db"
	}
	if err := loopbackOnly(c.addr); err != nil {
		return err
	}
	_, statErr := os.Stat(c.db)
	newFile := store.EngineOf(c.db) == store.SQLite && errors.Is(statErr, os.ErrNotExist)
	db, err := store.Open(ctx, c.db, store.Options{Now: now})
	if err != nil {
		return err
	}
	defer db.Close()
	// A PostgreSQL database is never a new file: it is fresh when it holds
	// no organisation yet.
	existing, err := db.HasRecords(ctx)
	if err != nil {
		return err
	}
	fresh := newFile || !existing
	appOpt := appOptions(c, true, log)
	appOpt.Now = now
	a := app.New(db, appOpt)
	defer a.Close()
	if fresh {
		if opt.DemoPasswordHash, err = a.DemoPasswordHash(); err != nil {
			return err
		}
		sum, err := synth.Generate(ctx, db, opt)
		if err != nil {
			removeNew(c.db, newFile)
			return fmt.Errorf("build the demo authority: %w", err)
		}
		clocks, err := a.RefreshAllClocks(ctx)
		if err != nil {
			removeNew(c.db, newFile)
			return fmt.Errorf("compute the demo authority's clocks: %w", err)
		}
		fmt.Fprintf(stdout, "Built a synthetic authority in %s: %d children, %d contacts (%d open), %d staff, %d statutory clocks.\n",
			shownDSN(c.db), sum.Children, sum.Contacts, sum.OpenContacts, sum.Staff, clocks)
		if err := dirty.report(stdout, sum); err != nil {
			return err
		}
		long.report(stdout, sum)
	} else {
		dirty.ignored(stdout)
		// Bring the clocks up to today: the file may have been made days ago.
		if _, err := a.RefreshAllClocks(ctx); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Using the existing demo database %s.\n", shownDSN(c.db))
	}
	go a.RunNightly(ctx)
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\ncairn demo is serving at http://%s/ (ready in %.1fs)\n\nSign in as any of these, password %q:\n",
		ln.Addr(), time.Since(start).Seconds(), app.DemoPassword)
	for _, u := range demoUsers {
		fmt.Fprintf(stdout, "  %-10s %s\n", u.username, u.role)
	}
	fmt.Fprintln(stdout, "\nAll data is synthetic. Demo passwords work only in demo mode. Press Ctrl+C to stop.")
	return listen(ctx, ln, a, true, log)
}

// shownDSN is a DSN as the terminal shows it: a PostgreSQL URL's password
// is not printed.
func shownDSN(dsn string) string {
	if store.EngineOf(dsn) != store.Postgres {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "the PostgreSQL database given"
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// removeNew removes a demo file this run created, when building it failed,
// so that the next run starts again rather than reuse half an authority.
func removeNew(path string, created bool) {
	if created {
		os.Remove(path)
	}
}

// demoClock is the demo's clock: the real one, or with --as-of one that
// starts at that UK time and runs on from it, so a walk-through can be set
// on chosen dates (a later run with a later --as-of moves the same record
// on in time). The demo only: the demo accounts and data are synthetic.
func demoClock(asOf string) (func() time.Time, error) {
	if asOf == "" {
		return time.Now, nil
	}
	at, err := app.ParseInstant(asOf)
	if err != nil {
		return nil, fmt.Errorf("%w: --as-of %q is not a UK date and time like 2026-01-05T09:00", errUsage, asOf)
	}
	started := time.Now()
	return func() time.Time { return at.Add(time.Since(started)) }, nil
}

// loopbackOnly refuses a demo address that is not on this machine: the demo
// accounts have a published password.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%w: --addr %q is not host:port", errUsage, addr)
	}
	if host == "localhost" {
		return nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.IsLoopback() {
		return fmt.Errorf("%w: the demo listens only on loopback (for example 127.0.0.1:8080), not %q", errUsage, addr)
	}
	return nil
}
