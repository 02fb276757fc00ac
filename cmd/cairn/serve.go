package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"cairn/internal/api"
	"cairn/internal/app"
	"cairn/internal/store"
	"cairn/internal/web"
)

// config is what every command that opens the record needs.
type config struct {
	db        string
	addr      string
	authority string
}

func (c *config) flags(fs *flag.FlagSet, addr string) {
	fs.StringVar(&c.db, "db", env("CAIRN_DB", ""), "database: a file path for SQLite, or a postgres:// URL")
	fs.StringVar(&c.addr, "addr", env("CAIRN_ADDR", addr), "address to listen on")
	fs.StringVar(&c.authority, "authority", env("CAIRN_AUTHORITY", "Northmoor County Council"), "the council's name, as letters show it")
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func parse(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v\n\n%s", errUsage, err, usage)
	}
	return nil
}

func openStore(ctx context.Context, dsn string) (*store.DB, error) {
	if dsn == "" {
		return nil, fmt.Errorf("%w: --db is required (or set CAIRN_DB)", errUsage)
	}
	return store.Open(ctx, dsn, store.Options{})
}

func appOptions(c config, demo bool, log *slog.Logger) app.Options {
	return app.Options{Authority: c.authority, Demo: demo, Logger: log,
		AuthorityAddress: []string{"Children's Services", "County Hall", "Northmoor", "NM1 1AA"},
		FrontDoorPhone:   "0300 555 0100", FrontDoorEmail: "frontdoor@northmoor.example"}
}

// serve runs cairn for real: demo accounts are refused.
func serve(ctx context.Context, args []string, log *slog.Logger) error {
	var c config
	var insecure bool
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.flags(fs, ":8080")
	fs.BoolVar(&insecure, "insecure-cookies", false, "send cookies over plain HTTP (development only)")
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	a := app.New(db, appOptions(c, false, log))
	defer a.Close()
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	log.Info("cairn serving", "addr", ln.Addr().String(), "engine", string(db.Engine))
	go a.RunNightly(ctx)
	return listen(ctx, ln, a, insecure, log)
}

// listen serves the site on ln until ctx ends, then shuts down gracefully.
func listen(ctx context.Context, ln net.Listener, a *app.App, insecure bool, log *slog.Logger) error {
	tuneGC()
	h, err := web.New(a, web.Options{Logger: log, InsecureCookies: insecure, API: api.New(a, log)})
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// serverGCPercent is how far the heap grows past what is live before the
// garbage collector runs, for the server (Go's default is 100). A page
// allocates far more than it keeps — a 2,000-entry chronology is a megabyte
// of rows and HTML thrown away once sent — and with the default the
// collector took a fifth of the server's CPU under fifty readers; at 400 it
// runs a quarter as often, for a heap of some hundreds of megabytes.
const serverGCPercent = 400

// tuneGC sets the collector for serving, unless GOGC says otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
}
