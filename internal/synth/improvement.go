package synth

import (
	"fmt"
	"math"
	"strings"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// Northmoor's inspections and improvement loop: a history of inspections
// climbing from inadequate to good, a monitoring visit, a focused visit
// with four areas for improvement, their findings, the quality and
// development plan answering them with quarterly progress, and a
// self-evaluation in two versions. It is fixed, not drawn at random: only
// its dates move with AsOf. The leaders who own actions are added to the
// workforce here, one of them as a member of staff who has left.

// leader is a member of the leadership team added for the plan.
type leader struct {
	key, username, name string
	role                csc.Role
	active              bool
}

var northmoorLeaders = []leader{
	{"dcs", "director.cs", "Morwenna Clay (Director of Children's Services)", csc.RoleSeniorLeader, true},
	{"ad", "ad.safeguarding", "Idris Penhale (Assistant Director, Safeguarding)", csc.RoleSeniorLeader, true},
	{"hos", "hos.cin", "Ruth Amadi (Head of Service, Children in Need)", csc.RoleSeniorLeader, true},
	{"qahead", "head.qa", "Tamsin Oduya (Head of Quality Assurance)", csc.RoleQA, true},
	{"former", "hos.youngpeople", "Gareth Blyth (Head of Service, Young People)", csc.RoleSeniorLeader, false},
}

// improvementWriter writes the history in one transaction.
type improvementWriter struct {
	tx       csc.Tx
	asOf     csc.Date
	owners   map[string]int64
	findings map[string]int64
	sum      *Summary
}

// writeImprovement writes Northmoor's inspection history and improvement
// plan, owned by its leaders and by staff of the generated workforce.
func writeImprovement(tx csc.Tx, s *staffing, asOf csc.Date, sum *Summary) error {
	w := &improvementWriter{tx: tx, asOf: asOf, owners: map[string]int64{}, findings: map[string]int64{}, sum: sum}
	if err := w.leaders(); err != nil {
		return err
	}
	for _, wk := range s.staff {
		switch {
		case wk.s.Role == csc.RoleQA && w.owners["qa"] == 0:
			w.owners["qa"] = wk.s.ID
		case wk.s.Role == csc.RoleTeamManager && wk.team != nil && wk.team.t.Kind == csc.TeamChildInCare && w.owners["manager"] == 0:
			w.owners["manager"] = wk.s.ID
		}
	}
	for _, k := range []string{"qa", "manager"} {
		if w.owners[k] == 0 {
			w.owners[k] = w.owners["qahead"]
		}
	}
	for _, h := range northmoorInspections {
		if err := w.inspection(h); err != nil {
			return fmt.Errorf("inspection %s: %w", h.key, err)
		}
	}
	var ids []int64
	for i, a := range northmoorPlan {
		id, err := w.action(a)
		if err != nil {
			return fmt.Errorf("action %d: %w", i, err)
		}
		ids = append(ids, id)
	}
	return w.selfEvaluation(ids)
}

// leaders adds the leadership team; one has left, so their action shows
// as unowned.
func (w *improvementWriter) leaders() error {
	for _, l := range northmoorLeaders {
		name := l.username
		for i := 2; ; i++ {
			if _, _, err := w.tx.FindStaffByUsername(name); csc.ErrorKind(err) == csc.NotFound {
				break
			} else if err != nil {
				return err
			}
			name = fmt.Sprintf("%s%d", l.username, i)
		}
		st := &csc.Staff{Username: name, Name: l.name, Email: name + "@northmoor.example", Role: l.role,
			Employment: csc.EmployPermanent, Active: l.active}
		if err := w.tx.CreateStaff(st, ""); err != nil {
			return err
		}
		w.owners[l.key] = st.ID
		w.sum.Staff++
	}
	return nil
}

// day returns the date n days from AsOf (before it when n < 0).
func (w *improvementWriter) day(n int) csc.Date { return w.asOf.AddDays(n) }

// inspection writes one inspection with its letter's text and findings.
func (w *improvementWriter) inspection(h histInspection) error {
	start := clock.WorkingDayOnOrAfter(w.day(-h.daysAgo))
	for start.Weekday() != time.Monday && h.siteDays > 2 { // full inspections start on a Monday
		start = start.AddDays(1)
	}
	ins := csc.Inspection{Kind: h.kind, NoticeDate: clock.AddWorkingDays(start, -h.noticeDays), OnSiteStart: start,
		OnSiteEnd: clock.AddWorkingDays(start, max(0, h.siteDays-1)), Inspectors: "Two of His Majesty's Inspectors",
		Focus: h.focus, LetterTextSource: csc.LetterPasted, RecordedByID: w.owners["qahead"]}
	if h.kind != csc.InspAnnualEngagement {
		ins.Published = clock.AddWorkingDays(ins.OnSiteEnd, 25)
	}
	for _, j := range csc.Judgements {
		g, ok := h.grades[j]
		if !ok || (j == csc.JudgeOverall && !start.Before(csc.OverallEffectivenessWithdrawn)) {
			continue
		}
		ins.Judgements = append(ins.Judgements, csc.JudgementGrade{Judgement: j, Grade: g})
	}
	ins.LetterText = letterText(h, &ins)
	if err := w.tx.CreateInspection(&ins); err != nil {
		return err
	}
	w.sum.Inspections++
	if len(h.findings) == 0 {
		return nil
	}
	fs := make([]csc.Finding, len(h.findings))
	for i, f := range h.findings {
		fs[i] = csc.Finding{InspectionID: ins.ID, Kind: f.kind, Text: f.text, Areas: f.areas,
			AreaVersion: csc.CurrentPracticeAreas().Version, RecordedByID: w.owners["qahead"]}
	}
	if err := w.tx.CreateFindings(fs); err != nil {
		return err
	}
	for i, f := range h.findings {
		w.findings[f.key] = fs[i].ID
	}
	w.sum.Findings += len(fs)
	return nil
}

// letterText writes an inspection's letter as a published letter lays it
// out, its findings as square bullets under the letter's headings, so that
// pasting a section shows how findings are drafted.
func letterText(h histInspection, ins *csc.Inspection) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s to Northmoor County Council children's services\n\n", ins.Kind.Label())
	when := ins.OnSiteStart.Long()
	if ins.OnSiteEnd != ins.OnSiteStart {
		when += " to " + ins.OnSiteEnd.Long()
	}
	fmt.Fprintf(&b, "This letter summarises the findings of the %s on %s. %s\n\n", strings.ToLower(ins.Kind.Label()), when, h.opening)
	for _, g := range ins.Judgements {
		fmt.Fprintf(&b, "%s: %s\n", g.Judgement.Label(), g.Grade.Label())
	}
	headings := map[csc.FindingKind]string{csc.FindingStrength: "What is working well",
		csc.FindingImprovement:    "What needs to improve in this area of social work practice",
		csc.FindingPriorityAction: "Areas for priority action", csc.FindingRecommendation: "Recommendations"}
	for _, k := range csc.FindingKinds {
		first := true
		for _, f := range h.findings {
			if f.kind != k {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n%s\n\n", headings[k])
				first = false
			}
			fmt.Fprintf(&b, "◼ %s\n\n", f.text)
		}
	}
	b.WriteString("\nOfsted will take the findings into account when planning the next inspection or visit.\n")
	return b.String()
}

// action writes one action with its progress updates and evidence.
func (w *improvementWriter) action(a histAction) (int64, error) {
	act := csc.ImprovementAction{Title: a.title, Detail: a.detail, Theme: a.theme, OwnerID: w.owners[a.owner],
		Start: w.day(a.start), Due: w.day(a.due), Status: a.status, DroppedReason: a.dropped, RecordedByID: w.owners["qahead"]}
	if a.status == csc.StatusComplete {
		act.CompletedOn = w.day(a.completed)
	}
	for _, k := range a.findings {
		act.FindingIDs = append(act.FindingIDs, w.findings[k])
	}
	if err := w.tx.CreateImprovementAction(&act); err != nil {
		return 0, err
	}
	w.sum.ImprovementActions++
	last := csc.QuarterOf(w.asOf)
	for range -a.updatesTo {
		last = last.Prev()
	}
	end := w.asOf
	if a.status == csc.StatusComplete {
		end = act.CompletedOn
	} else if a.status == csc.StatusDropped {
		end = act.Start.AddDays(120)
	}
	if q := csc.QuarterOf(end); q.Compare(last) < 0 {
		last = q
	}
	n := 0
	for q := csc.QuarterOf(act.Start); q.Compare(last) <= 0; q = q.Next() {
		at := q.End()
		if at.After(end) {
			at = end
		}
		pct := int(math.Round(min(100, a.pace*float64(act.Start.DaysUntil(at))*100/float64(max(1, act.Start.DaysUntil(act.Due))))))
		u := &csc.ProgressUpdate{ActionID: act.ID, Quarter: q, Narrative: progressWords[min(n, len(progressWords)-1)], Percent: &pct,
			RecordedByID: act.OwnerID}
		if a.status == csc.StatusComplete && q == csc.QuarterOf(end) {
			pct = 100
			u.Narrative, u.Milestone = "Completed and signed off by the Quality and Development Board.", "Complete"
		}
		if err := w.tx.CreateProgressUpdate(u); err != nil {
			return 0, err
		}
		n++
	}
	if a.evidence != "" {
		if err := w.tx.CreateEvidence(&csc.Evidence{ActionID: act.ID, Note: a.evidence, RecordedByID: act.OwnerID}); err != nil {
			return 0, err
		}
	}
	return act.ID, nil
}

// selfEvaluation writes this year's self-evaluation: a first version, and
// a second after the annual engagement meeting.
func (w *improvementWriter) selfEvaluation(actions []int64) error {
	fy := csc.QuarterOf(w.asOf).Year
	se := &csc.SelfEvaluation{Title: fmt.Sprintf("Self-evaluation %d–%02d", fy, (fy+1)%100), CreatedByID: w.owners["qahead"]}
	if err := w.tx.CreateSelfEvaluation(se); err != nil {
		return err
	}
	var findings []int64
	for _, k := range []string{"fv-i1", "fv-i2", "fv-i3", "fv-i4"} {
		findings = append(findings, w.findings[k])
	}
	notes := [2]string{"Before the annual engagement meeting", "After the annual engagement meeting"}
	for i, text := range selfEvaluationText {
		v := &csc.SelfEvaluationVersion{SelfEvaluationID: se.ID, Number: i + 1, Know: text[0], How: text[1], Doing: text[2],
			FindingIDs: findings, ActionIDs: []int64{actions[0], actions[2], actions[4], actions[6]}, Note: notes[i],
			SavedByID: w.owners["qahead"]}
		if err := w.tx.CreateSelfEvaluationVersion(v); err != nil {
			return err
		}
	}
	return nil
}
