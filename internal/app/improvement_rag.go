package app

import (
	"fmt"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// RAGTolerance is how many percentage points an action's reported progress
// may lag behind the share of its working time that has passed before it
// is rated amber.
const RAGTolerance = 10

// RAGRule is the rating rule as the plan page prints it, so that what
// people read and what RateAction does are written side by side.
var RAGRule = []string{
	"Complete (blue): the action's owner has marked it complete.",
	"Dropped (grey): the action was dropped, with a reason; it is not rated.",
	"Red: the due date has passed and the action is not complete.",
	"Amber: the action started before this quarter and has no progress update for this quarter or the last; " +
		"or its latest reported percentage is more than " + fmt.Sprint(RAGTolerance) + " points behind the share " +
		"of its working days (start to due, weekends and bank holidays excluded) that have passed. An action " +
		"not started counts as 0% done.",
	"Green: none of the above.",
}

// Rating is an action's derived rating, with the reasons for it.
type Rating struct {
	RAG     csc.PlanRAG `json:"rag"`
	Reasons []string    `json:"reasons"`
	// Elapsed is the percentage of the action's working days, from its
	// start to its due date, that have passed by the day rated.
	Elapsed int `json:"elapsed_percent"`
	// Progress is the latest reported percentage (0 for an action not
	// started), or nil when no percentage has been reported.
	Progress *int `json:"progress_percent"`
	// LastUpdate is the latest quarter reported on; zero when none.
	LastUpdate csc.Quarter `json:"last_update_quarter"`
}

// RateAction rates an action on the day today from its dates, its status
// and its progress updates (in any order), by the rule RAGRule describes.
// It is the one place the rating is decided.
func RateAction(a *csc.ImprovementAction, updates []csc.ProgressUpdate, today csc.Date) Rating {
	var r Rating
	latest, last := latestProgress(a.ID, updates)
	r.LastUpdate = last
	if latest != nil {
		p := *latest.Percent
		r.Progress = &p
	} else if a.Status == csc.StatusNotStarted {
		p := 0
		r.Progress = &p
	}
	r.Elapsed = elapsedPercent(a.Start, a.Due, today)
	switch {
	case a.Status == csc.StatusComplete:
		r.RAG = csc.PlanBlue
		if !a.CompletedOn.IsZero() {
			r.Reasons = append(r.Reasons, "Completed on "+a.CompletedOn.Long()+".")
		}
		return r
	case a.Status == csc.StatusDropped:
		r.RAG = csc.PlanGrey
		r.Reasons = append(r.Reasons, "Dropped: "+a.DroppedReason)
		return r
	case today.After(a.Due):
		r.RAG = csc.PlanRed
		n := a.Due.DaysUntil(today)
		r.Reasons = append(r.Reasons, fmt.Sprintf("Due on %s: overdue by %d %s.", a.Due.Long(), n, plural(n, "day", "days")))
		return r
	}
	this := csc.QuarterOf(today)
	if a.Start.Before(this.Start()) && r.LastUpdate.Compare(this.Prev()) < 0 {
		if r.LastUpdate.IsZero() {
			r.Reasons = append(r.Reasons, "No progress update has been recorded; one is due for "+this.Prev().Label()+".")
		} else {
			r.Reasons = append(r.Reasons, "The last progress update was for "+r.LastUpdate.Label()+"; one is due for "+this.Prev().Label()+".")
		}
	}
	if r.Progress != nil && r.Elapsed-*r.Progress > RAGTolerance {
		what := fmt.Sprintf("%d%% done", *r.Progress)
		if latest == nil {
			what = "Not started"
		}
		r.Reasons = append(r.Reasons, fmt.Sprintf("%s, but %d%% of its working time has passed.", what, r.Elapsed))
	}
	if len(r.Reasons) > 0 {
		r.RAG = csc.PlanAmber
		return r
	}
	r.RAG = csc.PlanGreen
	r.Reasons = append(r.Reasons, onTrack(a, &r, today))
	return r
}

// latestProgress finds an action's latest update that gives a percentage
// (by quarter, then by when it was recorded) and the latest quarter any
// of its updates reports on.
func latestProgress(id int64, updates []csc.ProgressUpdate) (latest *csc.ProgressUpdate, last csc.Quarter) {
	for i := range updates {
		u := &updates[i]
		if u.ActionID != id {
			continue
		}
		if u.Quarter.Compare(last) > 0 {
			last = u.Quarter
		}
		if u.Percent != nil && (latest == nil || u.Quarter.Compare(latest.Quarter) > 0 ||
			(u.Quarter == latest.Quarter && !u.CreatedAt.Before(latest.CreatedAt))) {
			latest = u
		}
	}
	return latest, last
}

// onTrack says why a green action is green.
func onTrack(a *csc.ImprovementAction, r *Rating, today csc.Date) string {
	switch {
	case a.Start.After(today):
		return "Starts on " + a.Start.Long() + "."
	case r.Progress != nil:
		return fmt.Sprintf("On track: %d%% done, %d%% of its working time passed.", *r.Progress, r.Elapsed)
	case !r.LastUpdate.IsZero():
		return "On track: updated for " + r.LastUpdate.Label() + "."
	}
	return "Started this quarter: its first progress update is for " + csc.QuarterOf(today).Label() + "."
}

// elapsedPercent is the share of the working days after start up to and
// including due that have passed by today, from 0 to 100. An action whose
// start and due fall within one working day has all its time passed once
// today reaches the due date.
func elapsedPercent(start, due, today csc.Date) int {
	if !today.After(start) {
		return 0
	}
	total := clock.WorkingDaysBetween(start, due)
	if total <= 0 {
		if today.Before(due) {
			return 0
		}
		return 100
	}
	done := clock.WorkingDaysBetween(start, today)
	return max(0, min(100, done*100/total))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
