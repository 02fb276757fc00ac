package app_test

// Help and protection's benchmarks (issue 4): the page of a child with ten
// years of record (about 500 timeline entries) and a 2,000-entry
// chronology, alone and under 50 concurrent readers. The two children are
// the synthetic authority's long records (synth.Options.LongRecords) in
// bench_test.go's world (CAIRN_BENCH_CHILDREN children), so their queries
// run against full-sized tables:
//
//	go test ./internal/app/ -run '^$' -bench 'LongRecord|LongChronology' -benchtime 2000x -count 3
//
// The targets: the page under 50 ms and the chronology under 100 ms, both
// at p99 under 50 concurrent clients. BENCHMARKS.md records the figures.

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"cairn/internal/csc"
)

// longChildren are the two children of one bench world
// (synth.Options.LongRecords).
type longChildren struct {
	record, chronology int64
}

func longChildrenFor(b *testing.B, w *benchWorld) longChildren {
	if w.longRecord == 0 || w.longChronology == 0 {
		b.Fatal("the bench world has no long records")
	}
	return longChildren{record: w.longRecord, chronology: w.longChronology}
}

// benchLong runs op serially and reports the median and 99th-percentile
// latency alongside ns/op.
func benchLong(b *testing.B, op func(w *benchWorld, c longChildren) error) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		c := longChildrenFor(b, w)
		var took []time.Duration
		b.ResetTimer()
		for b.Loop() {
			t0 := time.Now()
			if err := op(w, c); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(t0))
		}
		slices.Sort(took)
		b.ReportMetric(benchPercentile(took, 50), "p50-ms")
		b.ReportMetric(benchPercentile(took, 99), "p99-ms")
	})
}

func benchLongParallel(b *testing.B, op func(w *benchWorld, c longChildren) error) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		c := longChildrenFor(b, w)
		b.ResetTimer()
		benchParallel(b, func(*rand.Rand) error { return op(w, c) })
	})
}

func longRecord(w *benchWorld, c longChildren) error {
	r, err := w.app.ChildRecord(context.Background(), w.actor, c.record)
	if err == nil && len(r.Timeline) < 500 {
		err = fmt.Errorf("the long record's page shows %d timeline entries, want 500", len(r.Timeline))
	}
	return err
}

func longChronology(w *benchWorld, c longChildren) error {
	ch, err := w.app.ChildChronology(context.Background(), w.actor, c.chronology, csc.ChronologyQuery{})
	if err == nil && len(ch.Entries) < 2000 {
		err = fmt.Errorf("the long chronology has %d entries, want 2,000", len(ch.Entries))
	}
	return err
}

// The page of a child with ten years of record: about 500 timeline
// entries, 40 contacts, 10 referrals and assessments, two protection plans
// with their conferences and core groups, three child in need plans and
// 300 visits and notes.
func BenchmarkLongRecord(b *testing.B)         { benchLong(b, longRecord) }
func BenchmarkLongRecordParallel(b *testing.B) { benchLongParallel(b, longRecord) }

// A chronology of 2,000 entries: significant events and manual entries.
func BenchmarkLongChronology(b *testing.B)         { benchLong(b, longChronology) }
func BenchmarkLongChronologyParallel(b *testing.B) { benchLongParallel(b, longChronology) }
