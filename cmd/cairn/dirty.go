package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"cairn/internal/csc"
	"cairn/internal/returns/cin"
	"cairn/internal/synth"
)

// dirtyFlags seed known census data errors into a synthetic authority, on
// cairn synth and cairn demo.
type dirtyFlags struct{ rate, manifest string }

func (d *dirtyFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.rate, "dirty", "0", fmt.Sprintf("seed census data errors into this share of the census's children (0 to %g)", synth.MaxDirty))
	fs.StringVar(&d.manifest, "dirty-manifest", "", "write the seeded errors to this CSV file")
}

// options sets the generation's Dirty and DirtyYear: the census of the
// year of asOf, or of the latest year before it that cairn has rules for,
// so that cairn validate cin can check it.
func (d *dirtyFlags) options(opt *synth.Options, asOf time.Time) error {
	rate, err := strconv.ParseFloat(d.rate, 64)
	if err != nil || !(rate >= 0 && rate <= synth.MaxDirty) {
		return fmt.Errorf("%w: --dirty %q: give the share of the census's children to seed an error into, from 0 to %g (0.05 is one child in twenty)",
			errUsage, d.rate, synth.MaxDirty)
	}
	if d.manifest != "" && rate == 0 {
		return fmt.Errorf("%w: --dirty-manifest lists the errors --dirty seeds: give --dirty too", errUsage)
	}
	opt.Dirty = rate
	opt.DirtyYear = csc.CollectionYearOf(csc.DateOf(asOf))
	for _, label := range cin.Years() {
		if y, _ := cin.ParseYear(label); y.CY <= csc.CollectionYearOf(csc.DateOf(asOf)) {
			opt.DirtyYear = y.CY
		}
	}
	return nil
}

// report says what was seeded and writes the manifest.
func (d *dirtyFlags) report(stdout io.Writer, sum synth.Summary) error {
	if len(sum.Seeded) == 0 && sum.SeededYear == 0 {
		return nil
	}
	kinds := map[string]bool{}
	for _, s := range sum.Seeded {
		kinds[s.Kind] = true
	}
	fmt.Fprintf(stdout, "Seeded %d census data errors, of %d kinds, into the record for the %s census", len(sum.Seeded), len(kinds), sum.SeededYear)
	if d.manifest == "" {
		fmt.Fprintln(stdout, ".")
		return nil
	}
	err := writeAtomically(d.manifest, func(w io.Writer) error { return synth.WriteManifest(w, sum.SeededYear, sum.Seeded) })
	if err != nil {
		return fmt.Errorf("--dirty-manifest: %w", err)
	}
	fmt.Fprintf(stdout, "; they are listed in %s.\n", d.manifest)
	return nil
}

// ignored tells a demo reusing its database that --dirty changes nothing.
func (d *dirtyFlags) ignored(stdout io.Writer) {
	if d.rate != "0" || d.manifest != "" {
		fmt.Fprintln(stdout, "--dirty seeds errors when the demo database is built; the existing one is used as it is.")
	}
}
