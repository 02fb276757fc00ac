package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"cairn/internal/csc"
	"cairn/internal/letters"
)

// PackInput chooses a board pack: the quarter it reports on, or the
// meeting it is prepared for (its figures then run to the meeting's date),
// or both.
type PackInput struct {
	Quarter   string // "2025-26 Q3"; empty for the quarter of the meeting, or of today
	MeetingID int64
}

// BoardPackFile is a rendered board pack.
type BoardPackFile struct {
	PDF      []byte
	Filename string
	Quarter  csc.Quarter
	AsOf     csc.Date
}

// BoardPack renders a board's quarterly pack as a PDF: the improvement
// plan's progress by theme, its overdue and unowned actions, the board's
// outstanding resolutions and the latest inspection with whether each of
// its findings is answered by an action. Figures are as at the end of the
// quarter, or today if the quarter has not ended, or the meeting's date
// when the pack is for a meeting. Actions made, completed or dropped, and
// progress recorded, after that day are left out or shown as they stood.
// Needs improvement.view; the download is audited.
func (a *App) BoardPack(ctx context.Context, actor csc.Actor, boardID int64, in PackInput) (f *BoardPackFile, err error) {
	defer csc.WrapOp(&err, "app.BoardPack")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	var q csc.Quarter
	if s := strings.TrimSpace(in.Quarter); s != "" {
		if q, err = csc.ParseQuarter(s); err != nil {
			return nil, csc.Problems{{Field: "quarter", Message: "Choose the quarter as it is written, for example 2025-26 Q3"}}.Err()
		}
	}
	today := a.Today()
	if !q.IsZero() && q.Start().After(today) {
		return nil, notStarted(q)
	}
	var src packSource
	var asOf csc.Date
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		var err error
		if src, err = readPackSource(tx, boardID, in.MeetingID); err != nil {
			return err
		}
		if q, asOf, err = packPeriod(q, src.meeting, today); err != nil {
			return err
		}
		au.add(actor, "download", "board_pack", boardID, 0, q.String()+" as at "+asOf.String())
		return nil
	})
	if err != nil {
		return nil, err
	}
	pack := src.pack(q, asOf)
	pack.Authority, pack.Generated = a.opt.Authority, a.Now().In(csc.London)
	pdf, err := letters.RenderBoardPack(pack)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("board-pack-%d-%d-%02d-Q%d.pdf", boardID, q.Year, (q.Year+1)%100, q.Q)
	return &BoardPackFile{PDF: pdf, Filename: name, Quarter: q, AsOf: asOf}, nil
}

// packPeriod settles the quarter a pack reports on and the day its
// figures are as at: the end of the quarter, or today, or the meeting's
// date, whichever is first. Without a quarter it is the quarter of that
// day.
func packPeriod(q csc.Quarter, m *csc.Meeting, today csc.Date) (csc.Quarter, csc.Date, error) {
	asOf := today
	if m != nil && m.Date.Before(asOf) {
		asOf = m.Date
	}
	if q.IsZero() {
		q = csc.QuarterOf(asOf)
	}
	if q.End().Before(asOf) {
		asOf = q.End()
	}
	if asOf.Before(q.Start()) {
		return q, asOf, csc.Problems{{Field: "quarter", Message: fmt.Sprintf("The meeting of %s is before %s: choose a quarter up to the meeting",
			asOf.Long(), q.Label())}}.Err()
	}
	return q, asOf, nil
}

// notStarted refuses a pack for a quarter that has not begun.
func notStarted(q csc.Quarter) error {
	return csc.Problems{{Field: "quarter", Message: fmt.Sprintf("%s has not started yet: choose a quarter up to this one", q.Label())}}.Err()
}

// packSource is everything a board pack is made from, read in one
// transaction.
type packSource struct {
	board       *csc.Board
	meeting     *csc.Meeting
	resolutions []csc.Resolution
	actions     []csc.ImprovementAction
	updates     []csc.ProgressUpdate
	findings    []csc.Finding
	inspections []csc.Inspection
}

func readPackSource(tx csc.Tx, boardID, meetingID int64) (packSource, error) {
	var s packSource
	var err error
	if s.board, err = tx.FindBoardByID(boardID); err != nil {
		return s, err
	}
	if meetingID != 0 {
		if s.meeting, err = tx.FindMeetingByID(meetingID); err != nil {
			return s, err
		}
		if s.meeting.BoardID != boardID {
			return s, csc.Errorf(csc.NotFound, "Meeting %d is not a meeting of board %d.", meetingID, boardID)
		}
	}
	if s.resolutions, err = tx.FindResolutions(csc.ResolutionQuery{BoardID: boardID}); err != nil {
		return s, err
	}
	if s.actions, err = tx.ListImprovementActions(); err != nil {
		return s, err
	}
	if s.updates, err = tx.ListProgressUpdates(0); err != nil {
		return s, err
	}
	if s.findings, err = tx.ListFindings(0); err != nil {
		return s, err
	}
	s.inspections, err = tx.ListInspections()
	return s, err
}

// asAt returns the plan as it stood at the end of the day asOf: actions
// made later are left out, and progress recorded later; an action
// completed or dropped later is shown in progress.
func asAt(actions []csc.ImprovementAction, updates []csc.ProgressUpdate, asOf csc.Date) ([]csc.ImprovementAction, []csc.ProgressUpdate) {
	var acts []csc.ImprovementAction
	for _, act := range actions {
		if csc.DateOf(act.CreatedAt).After(asOf) {
			continue
		}
		switch {
		case act.Status == csc.StatusComplete && act.CompletedOn.After(asOf),
			act.Status == csc.StatusDropped && csc.DateOf(act.UpdatedAt).After(asOf):
			act.Status, act.CompletedOn, act.DroppedReason = csc.StatusInProgress, csc.Date{}, ""
		}
		acts = append(acts, act)
	}
	var ups []csc.ProgressUpdate
	for _, u := range updates {
		if !csc.DateOf(u.CreatedAt).After(asOf) {
			ups = append(ups, u)
		}
	}
	return acts, ups
}

// pack assembles the pack's figures for quarter q as at asOf.
func (s packSource) pack(q csc.Quarter, asOf csc.Date) letters.BoardPack {
	p := letters.BoardPack{Board: s.board.Name, Quarter: q.Label(), AsOf: asOf.Time()}
	if s.meeting != nil {
		p.Meeting = "the meeting of " + s.meeting.Date.Long()
	}
	actions, updates := asAt(s.actions, s.updates, asOf)
	plan := BuildPlan(actions, updates, s.findings, s.inspections, asOf)
	for _, g := range plan.Themes {
		p.Themes = append(p.Themes, letters.PackTheme{Theme: g.Label, Red: g.Counts[csc.PlanRed], Amber: g.Counts[csc.PlanAmber],
			Green: g.Counts[csc.PlanGreen], Blue: g.Counts[csc.PlanBlue], Grey: g.Counts[csc.PlanGrey]})
	}
	packAction := func(r ActionRow) letters.PackAction {
		return letters.PackAction{Title: r.Title, Theme: csc.PracticeAreaLabel(r.Theme), Owner: r.OwnerName, Due: r.Due.Time(),
			DaysOver: max(0, r.Due.DaysUntil(asOf))}
	}
	for _, r := range plan.Overdue {
		p.Overdue = append(p.Overdue, packAction(r))
	}
	for _, r := range plan.Unowned {
		p.Unowned = append(p.Unowned, packAction(r))
	}
	for _, r := range s.resolutions {
		if r.MeetingDate.After(asOf) || !r.OutstandingOn(asOf.AddDays(1)) {
			continue
		}
		p.Resolutions = append(p.Resolutions, packResolution(r, asOf))
	}
	p.Inspection = latestInspection(s.inspections, plan, asOf)
	return p
}

// packResolution is a resolution outstanding at the end of asOf, with its
// status then: one closed since says so.
func packResolution(r csc.Resolution, asOf csc.Date) letters.PackResolution {
	status := csc.ResolutionStatusLabel(r.Status)
	if !r.Outstanding() {
		status = "Open then; " + strings.ToLower(status) + " on " + r.ClosedOn.Long()
	}
	out := letters.PackResolution{Text: r.Text, Raised: r.MeetingDate.Time(), Owner: r.OwnerName, Due: r.DueLabel(), Status: status}
	if !r.Due.IsZero() && r.Due.Before(asOf) {
		out.DaysOver = r.Due.DaysUntil(asOf)
	}
	return out
}

// latestInspection is the most recent inspection or visit on or before
// asOf (an annual engagement meeting is neither), with each finding and the
// live actions that answer it.
func latestInspection(inspections []csc.Inspection, plan *Plan, asOf csc.Date) *letters.PackInspection {
	var latest *csc.Inspection
	for i := range inspections {
		if inspections[i].Kind == csc.InspAnnualEngagement {
			continue // a conversation about the self-evaluation, not an inspection
		}
		if d := inspections[i].Date(); !d.After(asOf) && (latest == nil || d.After(latest.Date())) {
			latest = &inspections[i]
		}
	}
	if latest == nil {
		return nil
	}
	out := &letters.PackInspection{Title: latest.Title(), Published: latest.Published.Time()}
	if latest.Published.IsZero() {
		out.Published = time.Time{}
	}
	for _, j := range csc.Judgements {
		if g := latest.Grade(j); g != "" {
			out.Judgements = append(out.Judgements, [2]string{j.Label(), g.Label()})
		}
	}
	rated := map[int64]ActionRow{}
	for _, g := range plan.Themes {
		for _, r := range g.Actions {
			rated[r.ID] = r
		}
	}
	var refs []FindingRef
	for _, ref := range plan.Findings {
		if ref.InspectionID == latest.ID {
			refs = append(refs, ref)
		}
	}
	slices.SortFunc(refs, func(x, y FindingRef) int { return x.Seq - y.Seq })
	for _, ref := range refs {
		f := letters.PackFinding{Kind: ref.Kind.Label(), Text: ref.Text, NeedsAct: ref.Kind.NeedsAction()}
		counts := map[csc.PlanRAG]int{}
		for _, id := range ref.ActionIDs {
			if r, ok := rated[id]; ok && r.Rating.RAG != csc.PlanGrey {
				f.Actions++
				counts[r.Rating.RAG]++
			}
		}
		f.Progress = progressLabel(f.Actions, counts)
		out.Findings = append(out.Findings, f)
	}
	return out
}

// progressLabel says how a finding's actions stand: "2 actions: 1
// complete, 1 amber".
func progressLabel(n int, counts map[csc.PlanRAG]int) string {
	var parts []string
	for _, rag := range []csc.PlanRAG{csc.PlanBlue, csc.PlanRed, csc.PlanAmber, csc.PlanGreen} {
		if counts[rag] > 0 {
			label := strings.ToLower(rag.Label())
			parts = append(parts, fmt.Sprintf("%d %s", counts[rag], label))
		}
	}
	return fmt.Sprintf("%d %s: %s", n, plural(n, "action", "actions"), strings.Join(parts, ", "))
}
