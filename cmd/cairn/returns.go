package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
	"cairn/internal/returns/cin"
)

const returnsUsage = `Usage:
  cairn returns cin --db DSN --year 2025-26 --out FILE.xml [--lea 999]
  cairn returns annex-a --db DSN --as-of 2026-03-04 --out FILE.xlsx
  cairn returns annex-a --db DSN --as-of 2026-03-04 --format csv --out DIR

Writes the children in need census for the collection year from the record:
every child with an episode of need open at any point from 1 April to
31 March, in the 2025/26 layout. --lea is the authority's three-digit code
for the Header (default 000). Check the file with cairn validate cin.

annex-a writes Ofsted's ILACS Annex A lists 1 to 7 for an inspection on
--as-of: the six months to that date (counts over the twelve months), as a
workbook with a sheet per list or, with --format csv, a CSV file per list
in the directory --out.`

// returnsCmd produces statutory returns from the record.
func returnsCmd(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "annex-a" {
		return annexACmd(ctx, args[1:], stdout)
	}
	if len(args) == 0 || args[0] != "cin" {
		return fmt.Errorf("%w\n\n%s", errUsage, returnsUsage)
	}
	var c config
	var year, out, lea string
	fs := flag.NewFlagSet("returns cin", flag.ContinueOnError)
	c.flags(fs, "")
	fs.StringVar(&year, "year", "", "collection year, e.g. 2025-26")
	fs.StringVar(&out, "out", "", "the file to write")
	fs.StringVar(&lea, "lea", "000", "the authority's three-digit LEA code")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if year == "" || out == "" {
		return fmt.Errorf("%w: --year and --out are required\n\n%s", errUsage, returnsUsage)
	}
	y, err := cin.ParseYear(year)
	if err != nil {
		return fmt.Errorf("%w: --year: %v", errUsage, err)
	}
	if len(lea) != 3 || strings.Trim(lea, "0123456789") != "" {
		return fmt.Errorf("%w: --lea must be three digits", errUsage)
	}
	db, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	var n int
	err = writeAtomically(out, func(w io.Writer) error {
		var err error
		n, err = cin.Produce(ctx, db, y, cin.Header{
			SourceLevel: "L", LEA: lea, SoftwareCode: "cairn", Release: "1", SerialNo: "001",
			DateTime: time.Now().UTC().Format("2006-01-02T15:04:05"),
		}, w)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d children, census %s, in %s\n", out, n, y.Label, time.Since(start).Round(time.Millisecond))
	return nil
}

// annexACmd writes the Annex A lists for an inspection date.
func annexACmd(ctx context.Context, args []string, stdout io.Writer) error {
	var c config
	var asOf, out, format string
	fs := flag.NewFlagSet("returns annex-a", flag.ContinueOnError)
	c.flags(fs, "")
	fs.StringVar(&asOf, "as-of", "", "the inspection date, YYYY-MM-DD")
	fs.StringVar(&out, "out", "", "the workbook to write, or the directory for --format csv")
	fs.StringVar(&format, "format", "xlsx", "xlsx or csv")
	if err := parse(fs, args); err != nil {
		return err
	}
	if asOf == "" || out == "" {
		return fmt.Errorf("%w: --as-of and --out are required\n\n%s", errUsage, returnsUsage)
	}
	date, err := csc.ParseDate(asOf)
	if err != nil {
		return fmt.Errorf("%w: --as-of: %v", errUsage, err)
	}
	if format != "xlsx" && format != "csv" {
		return fmt.Errorf("%w: --format is xlsx or csv", errUsage)
	}
	db, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	lists, err := annexa.Produce(ctx, db, date)
	if err != nil {
		return err
	}
	if format == "csv" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		err = annexa.WriteCSVDir(out, lists)
	} else {
		err = writeAtomically(out, func(w io.Writer) error { return annexa.WriteXLSX(w, lists) })
	}
	if err != nil {
		return err
	}
	var counts []string
	for _, l := range lists {
		counts = append(counts, fmt.Sprintf("%s %d", l.Sheet, len(l.Rows)))
	}
	fmt.Fprintf(stdout, "%s: Annex A as of %s: %s, in %s\n", out, date, strings.Join(counts, ", "), time.Since(start).Round(time.Millisecond))
	return nil
}

// writeAtomically writes beside path and renames, so a failure never
// leaves half a file.
func writeAtomically(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".cairn-return-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
