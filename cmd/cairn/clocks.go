package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"cairn/internal/app"
	"cairn/internal/clock"
	"cairn/internal/csc"
)

// workdays does working-day arithmetic on England and Wales working days:
//
//	cairn workdays add 2025-12-19 10      → 2026-01-07
//	cairn workdays between 2025-12-19 2026-01-07 → 10
func workdays(args []string, stdout io.Writer) error {
	if len(args) != 3 {
		return fmt.Errorf("%w: cairn workdays add DATE N | cairn workdays between DATE DATE", errUsage)
	}
	a, err := csc.ParseDate(args[1])
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if !clock.InRange(a) {
		return fmt.Errorf("%w: %s is outside %d–%d, the years whose bank holidays cairn knows", errUsage, a, clock.MinYear, clock.MaxYear)
	}
	switch args[0] {
	case "add":
		n, err := strconv.Atoi(args[2])
		if err != nil || n < -10000 || n > 10000 {
			return fmt.Errorf("%w: %q is not a number of working days", errUsage, args[2])
		}
		fmt.Fprintln(stdout, clock.AddWorkingDays(a, n))
		return nil
	case "between":
		b, err := csc.ParseDate(args[2])
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if !clock.InRange(b) {
			return fmt.Errorf("%w: %s is outside %d–%d", errUsage, b, clock.MinYear, clock.MaxYear)
		}
		fmt.Fprintln(stdout, clock.WorkingDaysBetween(a, b))
		return nil
	}
	return fmt.Errorf("%w: unknown workdays command %q", errUsage, args[0])
}

// clocksCmd lists every open clock, and those closed in the 90 days before
// the date, computed from the record as of that date.
func clocksCmd(ctx context.Context, args []string, stdout io.Writer) error {
	var c config
	var asOf, format string
	fs := flag.NewFlagSet("clocks", flag.ContinueOnError)
	c.flags(fs, "")
	fs.StringVar(&asOf, "as-of", "", "the date to compute clocks as of (default today)")
	fs.StringVar(&format, "format", "text", "text or csv")
	if err := parse(fs, args); err != nil {
		return err
	}
	if format != "text" && format != "csv" {
		return fmt.Errorf("%w: --format must be text or csv", errUsage)
	}
	db, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	a := app.New(db, app.Options{})
	defer a.Close()
	on := a.Today()
	if asOf != "" {
		if on, err = csc.ParseDate(asOf); err != nil {
			return fmt.Errorf("%w: --as-of: %v", errUsage, err)
		}
	}
	asOfEnd := on.AddDays(1).In(csc.London)
	w := newClockWriter(stdout, format)
	cut := on.AddDays(-90)
	err = a.ComputeClocks(ctx, on, func(f csc.ChildFacts, clocks []clock.Clock) error {
		for _, k := range clocks {
			closed := k.Met
			if closed.IsZero() {
				closed = k.Stopped
			}
			if !closed.IsZero() && closed.Before(cut) {
				continue
			}
			w.row(f.ChildID, k, k.Status(asOfEnd.Add(-1)))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return w.flush()
}

type clockWriter struct {
	csv *csv.Writer
	tab *tabwriter.Writer
}

var clockHeader = []string{"child", "rule", "started", "due", "met", "status"}

func newClockWriter(out io.Writer, format string) *clockWriter {
	if format == "csv" {
		w := &clockWriter{csv: csv.NewWriter(out)}
		w.csv.Write(clockHeader)
		return w
	}
	w := &clockWriter{tab: tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)}
	fmt.Fprintln(w.tab, strings.Join(clockHeader, "\t"))
	return w
}

func (w *clockWriter) row(child int64, k clock.Clock, st clock.Status) {
	rec := []string{strconv.FormatInt(child, 10), k.Rule, k.Started.String(), k.Due.String(), k.Met.String(), string(st)}
	if w.csv != nil {
		w.csv.Write(rec)
		return
	}
	fmt.Fprintln(w.tab, strings.Join(rec, "\t"))
}

func (w *clockWriter) flush() error {
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return w.tab.Flush()
}
