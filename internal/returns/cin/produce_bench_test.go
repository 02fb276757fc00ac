package cin_test

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	"cairn/internal/returns/cin"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// BenchmarkProduceCensus50k produces the 2025/26 census from a synthetic
// authority of 50,000 children on SQLite (the target: under 5 s).
// Generating the authority takes about a minute; set CAIRN_CENSUS_BENCH_DB
// to a database made by `cairn synth --children 50000 --as-of 2026-03-04`
// to reuse one.
//
//	go test ./internal/returns/cin/ -run '^$' -bench ProduceCensus50k -benchtime 3x
func BenchmarkProduceCensus50k(b *testing.B) {
	ctx := context.Background()
	dsn := os.Getenv("CAIRN_CENSUS_BENCH_DB")
	if dsn == "" {
		dsn = storetest.SQLiteDSN(b)
		st, err := store.Open(ctx, dsn, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		asOf := time.Date(2026, 3, 4, 11, 0, 0, 0, time.UTC)
		if _, err := synth.Generate(ctx, st, synth.Options{Children: 50_000, Seed: 1, AsOf: asOf}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	st, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	year, _ := cin.ParseYear("2025-26")
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		if n, err = cin.Produce(ctx, st, year, header, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "children")
}
