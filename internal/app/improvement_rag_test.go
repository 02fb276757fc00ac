package app

import (
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
)

func pct(n int) *int { return &n }

// TestRateActionEdges walks the rating rule over its edges: the due date
// itself and the day after, the first day of a quarter, the tolerance,
// and working days across the Christmas bank holidays.
func TestRateActionEdges(t *testing.T) {
	d := csc.MustParseDate
	// Runs from Sunday 4 January to Friday 27 March 2026: 60 working days.
	act := csc.ImprovementAction{ID: 1, Start: d("2026-01-04"), Due: d("2026-03-27"), Status: csc.StatusInProgress}
	update := func(q csc.Quarter, p *int) csc.ProgressUpdate {
		return csc.ProgressUpdate{ActionID: 1, Quarter: q, Percent: p, Milestone: "m", CreatedAt: time.Unix(int64(q.Q), 0)}
	}
	q4 := csc.Quarter{Year: 2025, Q: 4}
	for _, c := range []struct {
		name    string
		act     func(a *csc.ImprovementAction)
		updates []csc.ProgressUpdate
		today   string
		want    csc.PlanRAG
		reason  string
	}{
		{"on the due date, not done, is not yet overdue", nil, []csc.ProgressUpdate{update(q4, pct(100))}, "2026-03-27", csc.PlanGreen, "On track"},
		{"the day after the due date is overdue", nil, []csc.ProgressUpdate{update(q4, pct(100))}, "2026-03-28", csc.PlanRed, "overdue by 1 day"},
		{"complete is blue even when late", func(a *csc.ImprovementAction) { a.Status, a.CompletedOn = csc.StatusComplete, d("2026-04-10") },
			nil, "2026-05-01", csc.PlanBlue, "Completed on 10 April 2026"},
		{"dropped is grey", func(a *csc.ImprovementAction) { a.Status, a.DroppedReason = csc.StatusDropped, "Superseded" },
			nil, "2026-05-01", csc.PlanGrey, "Superseded"},
		// 30 of 60 working days passed by Friday 13 February: 50%.
		{"exactly the tolerance behind is green", nil, []csc.ProgressUpdate{update(q4, pct(40))}, "2026-02-13", csc.PlanGreen, "40% done"},
		{"one point more behind is amber", nil, []csc.ProgressUpdate{update(q4, pct(39))}, "2026-02-13", csc.PlanAmber, "39% done, but 50%"},
		{"the latest quarter's percentage counts", nil, []csc.ProgressUpdate{update(q4, pct(10)), update(q4.Next(), pct(45))}, "2026-02-13", csc.PlanGreen, "45% done"},
		{"not started counts as 0%", func(a *csc.ImprovementAction) { a.Status = csc.StatusNotStarted },
			[]csc.ProgressUpdate{update(q4, nil)}, "2026-01-20", csc.PlanAmber, "Not started, but 20%"},
		{"a milestone alone is not judged on percentage", nil, []csc.ProgressUpdate{update(q4, nil)}, "2026-03-20", csc.PlanGreen, "updated for Q4"},
	} {
		a := act
		if c.act != nil {
			c.act(&a)
		}
		r := RateAction(&a, c.updates, d(c.today))
		if r.RAG != c.want || !strings.Contains(strings.Join(r.Reasons, " "), c.reason) {
			t.Errorf("%s: %s %q, want %s with %q", c.name, r.RAG, r.Reasons, c.want, c.reason)
		}
	}
}

// TestRateActionStaleness checks the missing-update rule at the turn of a
// quarter: an action started in the quarter being rated needs no update
// yet; one started the day before it began needs one for the quarter
// before.
func TestRateActionStaleness(t *testing.T) {
	d := csc.MustParseDate
	long := csc.ImprovementAction{ID: 7, Due: d("2027-03-31"), Status: csc.StatusInProgress}
	today := d("2026-04-01") // the first day of Q1 2026-27
	for _, c := range []struct {
		start   string
		updates []csc.Quarter
		want    csc.PlanRAG
		reason  string
	}{
		{"2026-04-01", nil, csc.PlanGreen, "Started this quarter"},
		{"2026-03-31", nil, csc.PlanAmber, "No progress update has been recorded; one is due for Q4 2025–26"},
		{"2025-10-01", []csc.Quarter{{Year: 2025, Q: 3}}, csc.PlanAmber, "The last progress update was for Q3 2025–26"},
		{"2025-10-01", []csc.Quarter{{Year: 2025, Q: 3}, {Year: 2025, Q: 4}}, csc.PlanGreen, "updated for Q4 2025–26"},
		{"2025-10-01", []csc.Quarter{{Year: 2026, Q: 1}}, csc.PlanGreen, "updated for Q1 2026–27"},
		{"2026-05-01", nil, csc.PlanGreen, "Starts on 1 May 2026"},
	} {
		a := long
		a.Start = d(c.start)
		var us []csc.ProgressUpdate
		for _, q := range c.updates {
			us = append(us, csc.ProgressUpdate{ActionID: 7, Quarter: q, Milestone: "m"})
		}
		// Updates of another action never count.
		us = append(us, csc.ProgressUpdate{ActionID: 8, Quarter: csc.Quarter{Year: 2026, Q: 1}, Percent: pct(100)})
		r := RateAction(&a, us, today)
		if r.RAG != c.want || !strings.Contains(strings.Join(r.Reasons, " "), c.reason) {
			t.Errorf("start %s, updates %v: %s %q, want %s with %q", c.start, c.updates, r.RAG, r.Reasons, c.want, c.reason)
		}
	}
}

// TestElapsedWorkingDays checks the share of time passed counts working
// days: the Christmas and New Year bank holidays do not count.
func TestElapsedWorkingDays(t *testing.T) {
	d := csc.MustParseDate
	// Friday 19 December 2025 to Friday 9 January 2026: 22, 23, 24, 29, 30,
	// 31 December and 2, 5, 6, 7, 8, 9 January are the 12 working days.
	start, due := d("2025-12-19"), d("2026-01-09")
	for _, c := range []struct {
		today string
		want  int
	}{{"2025-12-19", 0}, {"2025-12-24", 25}, {"2026-01-01", 50}, {"2026-01-02", 58}, {"2026-01-09", 100}, {"2026-02-01", 100}} {
		if got := elapsedPercent(start, due, d(c.today)); got != c.want {
			t.Errorf("%s: %d%% elapsed, want %d%%", c.today, got, c.want)
		}
	}
	if got := elapsedPercent(d("2026-01-03"), d("2026-01-04"), d("2026-01-04")); got != 100 {
		t.Errorf("a weekend-long action on its due date: %d%%", got)
	}
}
