package cin_test

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/returns"
	"cairn/internal/returns/cin"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// TestDirtyCensus synthesises the same authority twice on each engine,
// clean and with errors seeded into 5% of the census's children, produces
// and validates both censuses, and checks what the validator finds against
// the manifest of seeded errors (as `cairn synth --dirty-manifest` writes
// it): every child and rule the manifest lists is reported for the dirty
// census and not for the clean one, and nothing else differs between the
// two. The clean census's own findings are the queries it may raise
// (cleanQueries); TestCensusFromSynth checks them.
func TestDirtyCensus(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an authority")
	}
	year, _ := cin.ParseYear("2025-26")
	opt := synth.Options{Children: 2000, Seed: 1, AsOf: time.Date(2026, 3, 4, 11, 0, 0, 0, time.UTC)}
	storetest.Engines(t, func(t *testing.T, dsn string) {
		st, _ := synthesise(t, dsn, opt)
		clean := findings(t, st, year)
		dirtyOpt := opt
		dirtyOpt.Dirty = 0.05
		st, sum := synthesise(t, storetest.Another(t, dsn), dirtyOpt)
		dirty := findings(t, st, year)

		var manifest bytes.Buffer
		if err := synth.WriteManifest(&manifest, sum.SeededYear, sum.Seeded); err != nil {
			t.Fatal(err)
		}
		seeded := readManifest(t, manifest.Bytes(), year.Label)
		kinds := map[string]int{}
		for _, s := range sum.Seeded {
			kinds[s.Kind]++
		}
		t.Logf("%d errors seeded, %d rules to report them; by kind %v", len(sum.Seeded), len(seeded), kinds)
		if len(kinds) != len(synth.DirtyKinds()) {
			t.Errorf("%d kinds of error seeded, want all %d: %v", len(kinds), len(synth.DirtyKinds()), kinds)
		}
		for f, what := range seeded {
			if _, ok := dirty[f]; !ok {
				t.Errorf("seeded, not reported: child %s, rule %s (%s)", f.child, f.rule, what)
			}
			if _, ok := clean[f]; ok {
				t.Errorf("seeded, but reported for the clean census too: child %s, rule %s (%s)", f.child, f.rule, what)
			}
		}
		for f, msg := range dirty {
			_, isSeeded := seeded[f]
			if _, isClean := clean[f]; !isSeeded && !isClean {
				t.Errorf("reported, not seeded: child %q, rule %s: %s", f.child, f.rule, msg)
			}
		}
		for f := range clean {
			if _, ok := dirty[f]; !ok {
				t.Errorf("reported for the clean census, not the dirty one: child %q, rule %s", f.child, f.rule)
			}
		}
	})
}

// finding is a rule reported for a child ("" for the census as a whole).
type finding struct{ child, rule string }

// findings produces and validates the census of st, returning each child
// and rule reported, with the rule's message.
func findings(t *testing.T, st csc.Store, year cin.Year) map[finding]string {
	t.Helper()
	census, _ := produce(t, st, year)
	rep, err := cin.Validate("census.xml", bytes.NewReader(census), year, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Errorf("input problem: %s", p)
	}
	out := map[finding]string{}
	for _, o := range rep.Outcomes {
		if o.Status != returns.Passed && o.Status != returns.Failed {
			t.Errorf("rule %s: %v", o.Spec.Code, o.Status)
		}
		for _, f := range o.Failures {
			out[finding{f.Child, o.Spec.Code}] = o.Spec.Message
		}
	}
	return out
}

// readManifest reads a manifest of seeded errors: each child and rule with
// what was changed.
func readManifest(t *testing.T, data []byte, year string) map[finding]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || len(rows[0]) != 7 || rows[0][1] != "la_child_id" || rows[0][3] != "rule" || rows[0][6] != "change" {
		t.Fatalf("manifest %q", rows)
	}
	out := map[finding]string{}
	for _, r := range rows[1:] {
		if r[2] != year || r[0] != r[1] || r[6] == "" {
			t.Errorf("manifest row %q", r)
		}
		out[finding{r[1], r[3]}] = r[4] + ": " + r[6]
	}
	return out
}
