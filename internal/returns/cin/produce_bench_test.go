package cin_test

import (
	"context"
	"io"
	"testing"
	"time"

	"cairn/internal/returns/cin"
	"cairn/internal/store"
	"cairn/internal/synth"
	"cairn/internal/synth/synthtest"
)

// BenchmarkProduceCensus50k produces the 2025/26 census from a synthetic
// authority of 50,000 children (the target: under 5 s) on SQLite
// and, when CAIRN_TEST_POSTGRES is set, PostgreSQL. The authority is
// generated on the first run and kept for later ones (synthtest.Cached):
//
//	go test ./internal/returns/cin/ -run '^$' -bench ProduceCensus50k -benchtime 3x
func BenchmarkProduceCensus50k(b *testing.B) {
	ctx := context.Background()
	year, _ := cin.ParseYear("2025-26")
	synthtest.Engines(b, func(b *testing.B, engine string) {
		dsn := synthtest.Cached(b, engine, synth.Options{Children: synthtest.Children(), Seed: 1,
			AsOf: time.Date(2026, 3, 4, 11, 0, 0, 0, time.UTC)})
		st, err := store.Open(ctx, dsn, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		var n int
		synthtest.Loop(b, func() (err error) {
			n, err = cin.Produce(ctx, st, year, header, io.Discard)
			return err
		})
		b.ReportMetric(float64(n), "children")
	})
}
