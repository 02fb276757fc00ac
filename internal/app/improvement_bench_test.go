package app_test

// The improvement plan's benchmark: reading and rating a plan of 500
// actions with three years of quarterly updates (6,000) answering 120
// findings of 8 inspections, as the plan page, the API and the board pack
// do:
//
//	go test ./internal/app/ -run '^$' -bench ImprovementPlan -benchtime 20x
//
// The board pack for such a plan must be produced in under 2 s (issue 7);
// the plan is the larger part of what it reads. BENCHMARKS.md records the
// figures.

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

func BenchmarkImprovementPlan(b *testing.B) {
	now := time.Date(2026, 3, 2, 9, 30, 0, 0, csc.London)
	clock := func() time.Time { return now }
	for _, eng := range planEngines(b) {
		b.Run(string(store.EngineOf(eng)), func(b *testing.B) {
			db, err := store.Open(context.Background(), eng, store.Options{Now: clock})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			if err := db.Write(context.Background(), func(tx csc.Tx) error { return largePlan(tx, csc.DateOf(now)) }); err != nil {
				b.Fatal(err)
			}
			a := app.New(db, app.Options{Now: clock})
			defer a.Close()
			board := csc.Staff{Username: "board", Name: "Board", Role: csc.RoleBoardMember, Active: true}
			if err := db.Write(context.Background(), func(tx csc.Tx) error { return tx.CreateStaff(&board, "") }); err != nil {
				b.Fatal(err)
			}
			actor := board.Actor(csc.ChannelWeb)
			b.ResetTimer()
			for b.Loop() {
				p, err := a.ImprovementPlan(context.Background(), actor)
				if err != nil || p.Total != 500 {
					b.Fatalf("plan of %d actions: %v", p.Total, err)
				}
			}
		})
	}
}

// planEngines are the DSNs of a fresh database on each engine available.
func planEngines(b *testing.B) []string {
	out := []string{storetest.SQLiteDSN(b)}
	if os.Getenv(storetest.PostgresEnv) != "" {
		out = append(out, storetest.PostgresDSN(b))
	}
	return out
}

// largePlan writes 8 inspections of 15 findings each, and 500 actions,
// each answering one or two findings, with an update every quarter for
// the three years before today.
func largePlan(tx csc.Tx, today csc.Date) error {
	owner := csc.Staff{Username: "owner", Name: "Owner", Role: csc.RoleSeniorLeader, Active: true}
	if err := tx.CreateStaff(&owner, ""); err != nil {
		return err
	}
	areas := csc.CurrentPracticeAreas().Areas
	var findings []int64
	for i := range 8 {
		ins := csc.Inspection{Kind: csc.InspFocusedVisit, OnSiteStart: today.AddDays(-1100 + 130*i)}
		if err := tx.CreateInspection(&ins); err != nil {
			return err
		}
		fs := make([]csc.Finding, 15)
		for k := range fs {
			fs[k] = csc.Finding{InspectionID: ins.ID, Kind: csc.FindingImprovement, Text: fmt.Sprintf("Finding %d of visit %d.", k, i),
				Areas: []string{areas[k%len(areas)].Code}, AreaVersion: "2026.1"}
		}
		if err := tx.CreateFindings(fs); err != nil {
			return err
		}
		for _, f := range fs {
			findings = append(findings, f.ID)
		}
	}
	first := csc.QuarterOf(today.AddDays(-3 * 365))
	for i := range 500 {
		act := csc.ImprovementAction{Title: fmt.Sprintf("Action %d", i), Theme: areas[i%len(areas)].Code, OwnerID: owner.ID,
			Start: first.Start(), Due: today.AddDays(i - 250), Status: csc.StatusInProgress,
			FindingIDs: []int64{findings[i%len(findings)], findings[(i+7)%len(findings)]}}
		if err := tx.CreateImprovementAction(&act); err != nil {
			return err
		}
		n := 0
		for q := first; q.Compare(csc.QuarterOf(today)) < 0; q = q.Next() {
			pct := min(100, n*8)
			if err := tx.CreateProgressUpdate(&csc.ProgressUpdate{ActionID: act.ID, Quarter: q, Narrative: "Progress.", Percent: &pct}); err != nil {
				return err
			}
			n++
		}
	}
	return nil
}
