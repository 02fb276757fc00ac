package annexa_test

import (
	"context"
	"io"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
	"cairn/internal/store"
	"cairn/internal/synth"
	"cairn/internal/synth/synthtest"
)

// BenchmarkProduceAnnexA50k produces the Annex A workbook (lists 1 to 7,
// read from the record and written as .xlsx) for an inspection on the day
// of a synthetic authority of 50,000 children (the target: under
// 5 s), on SQLite and, when CAIRN_TEST_POSTGRES is set, PostgreSQL. The
// authority is the census benchmark's, kept between runs
// (synthtest.Cached):
//
//	go test ./internal/returns/annexa/ -run '^$' -bench ProduceAnnexA50k -benchtime 3x
func BenchmarkProduceAnnexA50k(b *testing.B) {
	ctx := context.Background()
	at := time.Date(2026, 3, 4, 11, 0, 0, 0, time.UTC)
	synthtest.Engines(b, func(b *testing.B, engine string) {
		dsn := synthtest.Cached(b, engine, synth.Options{Children: synthtest.Children(), Seed: 1, AsOf: at})
		st, err := store.Open(ctx, dsn, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		rows := 0
		synthtest.Loop(b, func() error {
			lists, err := annexa.Produce(ctx, st, csc.DateOf(at))
			if err != nil {
				return err
			}
			rows = 0
			for _, l := range lists {
				rows += len(l.Rows)
			}
			return annexa.WriteXLSX(io.Discard, lists)
		})
		b.ReportMetric(float64(rows), "rows")
	})
}
