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

	"cairn/internal/returns/cin"
)

const returnsUsage = `Usage:
  cairn returns cin --db DSN --year 2025-26 --out FILE.xml [--lea 999]

Writes the children in need census for the collection year from the record:
every child with an episode of need open at any point from 1 April to
31 March, in the 2025/26 layout. --lea is the authority's three-digit code
for the Header (default 000). Check the file with cairn validate cin.`

// returnsCmd produces statutory returns from the record.
func returnsCmd(ctx context.Context, args []string, stdout io.Writer) error {
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
	// Write beside the target and rename, so a failure never leaves half a file.
	f, err := os.CreateTemp(filepath.Dir(out), ".cairn-census-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	start := time.Now()
	n, err := cin.Produce(ctx, db, y, cin.Header{
		SourceLevel: "L", LEA: lea, SoftwareCode: "cairn", Release: "1", SerialNo: "001",
		DateTime: time.Now().UTC().Format("2006-01-02T15:04:05"),
	}, f)
	if err == nil {
		err = f.Close()
	} else {
		f.Close()
	}
	if err != nil {
		return err
	}
	if err := os.Rename(f.Name(), out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d children, census %s, in %s\n", out, n, y.Label, time.Since(start).Round(time.Millisecond))
	return nil
}
