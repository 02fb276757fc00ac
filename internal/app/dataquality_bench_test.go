package app_test

// The data-quality page and the child's page of a child in the census, on
// the synthetic authority of bench_test.go (50,000 children unless
// CAIRN_BENCH_CHILDREN says otherwise):
//
//	go test ./internal/app/ -run '^$' -bench 'ChildRecord$|ChildRecordInCensus' -benchtime 1000x
//	go test ./internal/app/ -run '^$' -bench 'DataQuality|AnnexADownload' -benchtime 5x

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
	"cairn/internal/store"
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

// What the child's page of a child in the census pays for their census
// issues: the child and their referrals read, their census produced and
// checked (BenchmarkChildRecordInCensus, the whole page, includes this).
func BenchmarkChildCensusPart(b *testing.B) {
	benchCensusChildren(b, func(w *benchWorld, id int64) error {
		_, err := w.app.ChildCensusPart(context.Background(), id)
		return err
	})
}

// benchCensusChildren runs op on children of the census, picked at random
// from censusChildren, found before the timer starts.
func benchCensusChildren(b *testing.B, op func(w *benchWorld, id int64) error) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		ids := w.censusChildren(b)
		rng := rand.New(rand.NewPCG(7, 0))
		cpu, n := processCPU(), 0
		b.ResetTimer()
		for b.Loop() {
			if err := op(w, ids[rng.IntN(len(ids))]); err != nil {
				b.Fatal(err)
			}
			n++
		}
		reportCPU(b, cpu, n)
	})
}

// The data-quality page for the whole authority: the census of the year to
// date produced and checked in memory (the cache emptied each time), the
// issues counted by rule and team, and the first page of children read and
// audited.
func BenchmarkDataQuality(b *testing.B) {
	benchSerial(b, func(w *benchWorld, _ *rand.Rand) error {
		w.app.ForgetCensus()
		_, err := w.app.DataQuality(context.Background(), w.analyst(), app.DataQualityQuery{})
		return err
	})
}

// The page again with other filters, the census checked a moment ago: one
// of the teams with issues, or a later page of children.
func BenchmarkDataQualityFiltered(b *testing.B) {
	benchSerial(b, func(w *benchWorld, rng *rand.Rand) error {
		ctx := context.Background()
		d, err := w.app.DataQuality(ctx, w.analyst(), app.DataQualityQuery{Page: 1 + rng.IntN(3)})
		if err != nil || len(d.ByTeam) == 0 {
			return err
		}
		t := d.ByTeam[rng.IntN(len(d.ByTeam))]
		team := "unallocated"
		if t.TeamID > 0 {
			team = fmt.Sprint(t.TeamID)
		}
		_, err = w.app.DataQuality(ctx, w.analyst(), app.DataQualityQuery{Team: team, Severity: "error"})
		return err
	})
}

// The child's page for children in this year's census, whose page checks
// their census data (BenchmarkChildRecord picks any child with a contact,
// many of whom are not in this year's census).
func BenchmarkChildRecordInCensus(b *testing.B) {
	benchCensusChildren(b, func(w *benchWorld, id int64) error {
		_, err := w.app.ChildRecord(context.Background(), w.actor, id)
		return err
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

// fileApp opens the authority already written by `cairn synth` at
// CAIRN_DQ_BENCH_DB (a SQLite file), for profiling the pages without
// building one, with a member of its staff acting as an analyst:
//
//	cairn synth --db /tmp/now50k.db --children 50000 --seed 1
//	CAIRN_DQ_BENCH_DB=/tmp/now50k.db go test ./internal/app/ -run '^$' -bench 'DataQualityFile' -benchtime 5x
func fileApp(b *testing.B) (*app.App, csc.Actor) {
	dsn := os.Getenv("CAIRN_DQ_BENCH_DB")
	if dsn == "" {
		b.Skip("set CAIRN_DQ_BENCH_DB to a synthetic authority's SQLite file")
	}
	db, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	a := app.New(db, app.Options{PasswordCost: app.TestPasswordCost})
	b.Cleanup(a.Close)
	var analyst csc.Actor
	err = db.Read(context.Background(), func(tx csc.Tx) error {
		staff, err := tx.ListStaff(0)
		if err != nil || len(staff) == 0 {
			return fmt.Errorf("bench: no staff (%v)", err)
		}
		analyst = staff[0].Actor(csc.ChannelWeb)
		analyst.Role = csc.RoleAnalyst
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return a, analyst
}

// fileBench runs op on the authority of fileApp, reporting CPU per op.
func fileBench(b *testing.B, op func(a *app.App, analyst csc.Actor) error) {
	a, analyst := fileApp(b)
	cpu, n := processCPU(), 0
	for b.Loop() {
		if err := op(a, analyst); err != nil {
			b.Fatal(err)
		}
		n++
	}
	reportCPU(b, cpu, n)
}

func BenchmarkDataQualityFile(b *testing.B) {
	fileBench(b, func(a *app.App, analyst csc.Actor) error {
		a.ForgetCensus()
		_, err := a.DataQuality(context.Background(), analyst, app.DataQualityQuery{})
		return err
	})
}

func BenchmarkAnnexADownloadFile(b *testing.B) {
	fileBench(b, func(a *app.App, analyst csc.Actor) error {
		lists, err := a.AnnexA(context.Background(), analyst, a.Today(), 0)
		if err != nil {
			return err
		}
		return annexa.WriteXLSX(io.Discard, lists)
	})
}
