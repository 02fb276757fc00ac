package app_test

// The board pack's benchmark (issue 7): a plan of 500 actions, each with a
// year of quarterly progress updates, answering the findings of five
// inspections, and a board that has met every quarter for three years,
// raising five resolutions at each meeting; the pack is rendered for the
// latest meeting, on SQLite and (when CAIRN_TEST_POSTGRES is set)
// PostgreSQL:
//
//	go test ./internal/app/ -run '^$' -bench BoardPack -benchtime 20x -count 3
//
// The target: under 2 seconds. BENCHMARKS.md records the figures.
// CAIRN_BENCH_PACK=path writes the last pack there, to look at.

import (
	"bytes"
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

// packWorld is the plan and board of the benchmark.
type packWorld struct {
	app     *app.App
	board   int64
	meeting int64
	actor   csc.Actor
}

// packBenchNow is the benchmark's today: Thursday 15 January 2026.
var packBenchNow = time.Date(2026, 1, 15, 9, 0, 0, 0, csc.London)

func buildPackWorld(b *testing.B, dsn string) packWorld {
	b.Helper()
	clock := func() time.Time { return packBenchNow }
	db, err := store.Open(context.Background(), dsn, store.Options{Now: clock})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	a := app.New(db, app.Options{Now: clock, PasswordCost: app.TestPasswordCost, Authority: "Northmoor County Council"})
	b.Cleanup(a.Close)
	w := packWorld{app: a}
	today := csc.DateOf(packBenchNow)
	err = db.Write(context.Background(), func(tx csc.Tx) error {
		var owners []csc.Staff
		for i := range 20 {
			s := csc.Staff{Username: fmt.Sprintf("owner%d", i), Name: fmt.Sprintf("Owner %d", i), Role: csc.RoleTeamManager,
				Active: i != 6, Employment: csc.EmployPermanent}
			if err := tx.CreateStaff(&s, ""); err != nil {
				return err
			}
			owners = append(owners, s)
		}
		member := csc.Staff{Username: "member", Name: "Board Member", Role: csc.RoleBoardMember, Active: true, Employment: csc.EmployPermanent}
		if err := tx.CreateStaff(&member, ""); err != nil {
			return err
		}
		w.actor = member.Actor(csc.ChannelWeb)
		areas := csc.CurrentPracticeAreas().Areas
		var findings []csc.Finding
		for i := range 5 {
			ins := csc.Inspection{Kind: csc.InspFocusedVisit, OnSiteStart: today.AddDays(-900 + 180*i)}
			if err := tx.CreateInspection(&ins); err != nil {
				return err
			}
			fs := make([]csc.Finding, 8)
			for k := range fs {
				fs[k] = csc.Finding{InspectionID: ins.ID, Kind: csc.FindingImprovement, Text: fmt.Sprintf("Finding %d of visit %d.", k+1, i+1),
					Areas: []string{areas[k%len(areas)].Code}, AreaVersion: csc.CurrentPracticeAreas().Version}
			}
			if err := tx.CreateFindings(fs); err != nil {
				return err
			}
			findings = append(findings, fs...)
		}
		for i := range 500 {
			start := today.AddDays(-400 + i%300)
			act := csc.ImprovementAction{Title: fmt.Sprintf("Action %d: make the change the finding asks for", i+1),
				Theme: areas[i%len(areas)].Code, OwnerID: owners[i%len(owners)].ID, Start: start, Due: start.AddDays(120 + i%200),
				Status:     []csc.ActionStatus{csc.StatusInProgress, csc.StatusInProgress, csc.StatusNotStarted, csc.StatusComplete}[i%4],
				FindingIDs: []int64{findings[i%(len(findings)-3)].ID}}
			if act.Status == csc.StatusComplete {
				act.CompletedOn = act.Start.AddDays(90)
			}
			if err := tx.CreateImprovementAction(&act); err != nil {
				return err
			}
			for q, k := csc.QuarterOf(today).Prev(), 0; k < 4; q, k = q.Prev(), k+1 {
				pct := 80 - 20*k
				if err := tx.CreateProgressUpdate(&csc.ProgressUpdate{ActionID: act.ID, Quarter: q, Narrative: "Progress as planned.",
					Percent: &pct}); err != nil {
					return err
				}
			}
		}
		board := csc.Board{Name: "Quality and Development Board", Kind: csc.BoardImprovement, Active: true}
		if err := tx.CreateBoard(&board); err != nil {
			return err
		}
		w.board = board.ID
		for k := 12; k >= 0; k-- {
			m := csc.Meeting{BoardID: board.ID, Date: today.AddDays(-91 * k), Status: csc.MeetingHeld, Minutes: "Quorate."}
			if err := tx.CreateMeeting(&m); err != nil {
				return err
			}
			w.meeting = m.ID
			for j := range 5 {
				r := csc.Resolution{BoardID: board.ID, MeetingID: m.ID, MeetingDate: m.Date, DueFromMeetingID: m.ID,
					Text: fmt.Sprintf("Resolution %d of the meeting of %s", j+1, m.Date.Long()), OwnerID: owners[j].ID,
					ByNextMeeting: j == 0, Status: csc.ResolutionOpen}
				if j > 0 {
					r.Due = m.Date.AddDays(30 * j)
				}
				if j >= 2 && k > 2 {
					r.Status, r.StatusNote, r.ClosedOn = csc.ResolutionDone, "Done.", m.Date.AddDays(20)
				}
				if err := tx.CreateResolution(&r); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return w
}

// BenchmarkBoardPack renders the pack for the board's latest meeting.
func BenchmarkBoardPack(b *testing.B) {
	engines := map[string]func(testing.TB) string{"sqlite": storetest.SQLiteDSN}
	if os.Getenv(storetest.PostgresEnv) != "" {
		engines["postgres"] = storetest.PostgresDSN
	}
	for _, name := range []string{"sqlite", "postgres"} {
		dsn, ok := engines[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			w := buildPackWorld(b, dsn(b))
			b.ReportAllocs()
			b.ResetTimer()
			var pages int
			for b.Loop() {
				f, err := w.app.BoardPack(context.Background(), w.actor, w.board, app.PackInput{MeetingID: w.meeting})
				if err != nil {
					b.Fatal(err)
				}
				pages = bytes.Count(f.PDF, []byte("/Type /Page\n"))
				if os.Getenv("CAIRN_BENCH_PACK") != "" {
					os.WriteFile(os.Getenv("CAIRN_BENCH_PACK"), f.PDF, 0o600)
				}
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}
