package app_test

// The data-quality page and the child's page of a child in the census, on
// the synthetic authority of bench_test.go (50,000 children unless
// CAIRN_BENCH_CHILDREN says otherwise):
//
//	go test ./internal/app/ -run '^$' -bench 'ChildRecord$|ChildRecordInCensus' -benchtime 1000x
//	go test ./internal/app/ -run '^$' -bench 'DataQuality|AnnexADownload' -benchtime 5x

import (
	"context"
	"io"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
)

// analyst is the bench world's member of staff acting as a performance
// analyst, who sees every child.
func (w *benchWorld) analyst() csc.Actor {
	a := w.actor
	a.Role = csc.RoleAnalyst
	return a
}

var censusKids struct {
	sync.Mutex
	m map[*benchWorld][]int64
}

// censusChildren are up to 2,000 of the bench world's unrestricted
// children in the census of the year to date, found once per world by the
// store's census reader (so that the benchmark reads the same children
// before and after the child's page checks their census data).
func (w *benchWorld) censusChildren(b *testing.B) []int64 {
	censusKids.Lock()
	defer censusKids.Unlock()
	if ids, ok := censusKids.m[w]; ok {
		return ids
	}
	today := csc.DateOf(time.Now())
	var ids []int64
	err := w.db.Read(context.Background(), func(tx csc.Tx) error {
		last, err := tx.MaxPersonID()
		if err != nil {
			return err
		}
		kids, err := tx.CensusChildren(csc.CollectionYearOf(today).Start(), today, 1, last)
		if err != nil {
			return err
		}
		for i := 0; i < len(kids) && len(ids) < 2000; i += max(1, len(kids)/2000) {
			p, err := tx.FindPersonByID(kids[i].ID)
			if err != nil {
				return err
			}
			if !p.Restricted {
				ids = append(ids, p.ID)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(ids) == 0 {
		b.Fatal("bench: no child in the census")
	}
	if censusKids.m == nil {
		censusKids.m = map[*benchWorld][]int64{}
	}
	censusKids.m[w] = ids
	return ids
}

// The data-quality page for the whole authority: the census of the year to
// date produced and checked in memory, the issues counted by rule and team,
// and the first page of children read and audited.
func BenchmarkDataQuality(b *testing.B) {
	benchSerial(b, func(w *benchWorld, _ *rand.Rand) error {
		_, err := w.app.DataQuality(context.Background(), w.analyst(), app.DataQualityQuery{})
		return err
	})
}

// The child's page for children in this year's census, whose page checks
// their census data (BenchmarkChildRecord picks any child with a contact,
// many of whom are not in this year's census).
func BenchmarkChildRecordInCensus(b *testing.B) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		ids := w.censusChildren(b)
		rng := rand.New(rand.NewPCG(7, 0))
		cpu, n := processCPU(), 0
		b.ResetTimer()
		for b.Loop() {
			if _, err := w.app.ChildRecord(context.Background(), w.actor, ids[rng.IntN(len(ids))]); err != nil {
				b.Fatal(err)
			}
			n++
		}
		reportCPU(b, cpu, n)
	})
}

// The Annex A page's workbook download for today: the lists produced, an
// audit row for every child named, the workbook written (here to nowhere).
func BenchmarkAnnexADownload(b *testing.B) {
	b.ReportAllocs()
	benchSerial(b, func(w *benchWorld, _ *rand.Rand) error {
		lists, err := w.app.AnnexA(context.Background(), w.analyst(), csc.DateOf(time.Now()), 0)
		if err != nil {
			return err
		}
		return annexa.WriteXLSX(io.Discard, lists)
	})
}
