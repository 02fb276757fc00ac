package synth_test

import (
	"context"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

func init() {
	tables = append(tables, [][2]string{{"inspection", "id"}, {"inspection_judgement", "inspection_id, judgement"},
		{"finding", "id"}, {"improvement_action", "id"}, {"action_finding", "action_id, finding_id"},
		{"progress_update", "id"}, {"action_evidence", "id"}, {"self_evaluation", "id"},
		{"self_evaluation_version", "id"}}...)
}

// TestImprovementHistory checks the synthetic authority's inspection
// history and plan read as the issue asks, through the service layer as a
// board member sees them: grades climbing from inadequate to good, a
// monitoring visit, a focused visit with four areas for improvement, and a
// plan whose flags all show.
func TestImprovementHistory(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		g := generate(t, dsn, synth.Options{Children: 150, Seed: 7, AsOf: asOf, DemoPasswordHash: "x"})
		if g.sum.Inspections != 6 || g.sum.ImprovementActions != 13 || g.sum.Findings != 17 {
			t.Errorf("summary %+v", g.sum)
		}
		a := app.New(g.store, app.Options{Now: func() time.Time { return asOf }})
		defer a.Close()
		board := boardMember(t, g)
		ctx := context.Background()
		h, err := a.InspectionHistory(ctx, board)
		if err != nil {
			t.Fatal(err)
		}
		var overall []csc.Grade
		for _, i := range h.Inspections {
			overall = append(overall, i.Grade(csc.JudgeOverall))
		}
		if len(overall) != 3 || overall[0] != csc.GradeInadequate || overall[1] != csc.GradeRequiresImprovement || overall[2] != csc.GradeGood {
			t.Errorf("overall effectiveness over time: %v", overall)
		}
		list, _ := a.Inspections(ctx, board)
		kinds := map[csc.InspectionKind]int{}
		for _, i := range list {
			kinds[i.Kind]++
			if i.Kind == csc.InspFocusedVisit {
				v, err := a.Inspection(ctx, board, i.ID)
				if err != nil {
					t.Fatal(err)
				}
				improvements := 0
				for _, f := range v.Findings {
					if f.Kind == csc.FindingImprovement {
						improvements++
					}
				}
				if improvements != 4 || len(app.SplitFindings(v.LetterText)) != len(v.Findings) {
					t.Errorf("focused visit: %d areas for improvement, letter splits into %d of %d findings", improvements,
						len(app.SplitFindings(v.LetterText)), len(v.Findings))
				}
			}
		}
		if kinds[csc.InspMonitoringVisit] != 1 || kinds[csc.InspFocusedVisit] != 1 || kinds[csc.InspAnnualEngagement] != 1 {
			t.Errorf("kinds %v", kinds)
		}
		p, err := a.ImprovementPlan(ctx, board)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Overdue) != 1 || len(p.Unowned) != 1 || len(p.Unanswered) != 1 || p.Counts[csc.PlanBlue] != 6 ||
			p.Counts[csc.PlanGrey] != 1 || p.Counts[csc.PlanAmber] != 2 || p.Counts[csc.PlanGreen] != 3 {
			t.Errorf("plan: %d overdue, %d unowned, %d unanswered, counts %v", len(p.Overdue), len(p.Unowned), len(p.Unanswered), p.Counts)
		}
		ses, _ := a.SelfEvaluations(ctx, board)
		if len(ses) != 1 || ses[0].Latest != 2 {
			t.Errorf("self-evaluations %+v", ses)
		}
	})
}

// TestImprovementHistoryAfterWithdrawal checks an authority generated years
// on gives its latest full inspection no overall effectiveness grade (OF-03).
func TestImprovementHistoryAfterWithdrawal(t *testing.T) {
	later := time.Date(2030, 6, 5, 11, 0, 0, 0, time.UTC)
	g := generate(t, storetest.SQLiteDSN(t), synth.Options{Children: 50, Seed: 3, AsOf: later})
	a := app.New(g.store, app.Options{Now: func() time.Time { return later }})
	defer a.Close()
	h, err := a.InspectionHistory(context.Background(), boardMember(t, g))
	if err != nil {
		t.Fatal(err)
	}
	last := h.Inspections[len(h.Inspections)-1]
	if !last.Date().After(csc.OverallEffectivenessWithdrawn) || last.Grade(csc.JudgeOverall) != "" || last.Grade(csc.JudgeLeaders) != csc.GradeGood {
		t.Errorf("the latest inspection, %s: %+v", last.Date(), last.Judgements)
	}
}

// boardMember adds a board member to the generated authority to read it as.
func boardMember(t *testing.T, g *generated) csc.Actor {
	t.Helper()
	s := &csc.Staff{Username: "board.reader", Name: "Board Reader", Role: csc.RoleBoardMember, Active: true, Employment: csc.EmployPermanent}
	if err := g.store.Write(context.Background(), func(tx csc.Tx) error { return tx.CreateStaff(s, "") }); err != nil {
		t.Fatal(err)
	}
	return s.Actor(csc.ChannelWeb)
}
