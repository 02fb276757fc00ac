package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cairn/internal/csc"
)

// MaxImpact is the longest impact note a chronology entry takes, in
// characters: a sentence or two on what the event meant for the child.
const MaxImpact = 2000

// CaseworkPart is the child's page's view of child in need plans, visits, case notes and the case summary.
type CaseworkPart struct {
	// CurrentPlan is the open child in need plan, nil when there is none;
	// NextReview and NextVisit are when its CIN-02 and CIN-03 clocks fall due.
	CurrentPlan           *csc.CINPlan
	NextReview, NextVisit csc.Date
	Plans                 []csc.CINPlan
	// LastVisit is the newest visit to the child (of a visit type), nil if none.
	LastVisit   *csc.Visit
	RecentNotes []csc.Visit // the newest visits, notes and calls
	Summary     SummaryView
	// SummaryFirst puts the case summary before everything else on the
	// page: for out-of-hours workers, who meet the child cold.
	SummaryFirst bool
}

// SummaryView is the current case summary with its staleness.
type SummaryView struct {
	Current *csc.CaseSummary // nil when none has been written
	// Stale is set when a significant event is newer than the summary;
	// Since is the newest such event's instant.
	Stale bool
	Since time.Time
}

// loadCaseworkPart reads this part of the child's record into r, inside the
// page's read transaction.
func (a *App) loadCaseworkPart(tx csc.Tx, actor csc.Actor, r *ChildRecord) error {
	reads, assemble := a.caseworkReads(tx, actor, r.Child.ID, r)
	return readPart(tx, reads, assemble)
}

// caseworkReads returns this part's reads, which need only the child's
// id, and the assembly that follows them, which needs the child's clocks.
func (a *App) caseworkReads(tx csc.Tx, actor csc.Actor, id int64, r *ChildRecord) ([]func() error, func()) {
	p := &r.Casework
	var visits []csc.Visit
	return append([]func() error{
		func() (err error) { p.Plans, err = tx.ListCINPlans(id); return err },
		func() (err error) {
			visits, err = tx.FindVisits(csc.VisitQuery{ChildID: id, Limit: 50})
			return err
		},
		func() (err error) { p.SummaryFirst, err = outOfHours(tx, actor); return err },
	}, summaryReads(tx, id, &p.Summary)...), func() { p.Summary.staled(); assembleCasework(r, visits) }
}

// assembleCasework picks out the current plan with its next review and
// visit due, and the last visit.
func assembleCasework(r *ChildRecord, visits []csc.Visit) {
	p := &r.Casework
	for i := range p.Plans {
		if p.Plans[i].Open() {
			p.CurrentPlan = &p.Plans[i]
			break
		}
	}
	if p.CurrentPlan != nil {
		for _, c := range r.Clocks {
			if c.Subject != p.CurrentPlan.ID || !c.Met.IsZero() || !c.Stopped.IsZero() {
				continue
			}
			switch c.Rule {
			case "CIN-02":
				p.NextReview = c.Due
			case "CIN-03":
				p.NextVisit = c.Due
			}
		}
	}
	for i := range visits {
		if csc.IsVisitType(visits[i].Type) {
			p.LastVisit = &visits[i]
			break
		}
	}
	p.RecentNotes = visits[:min(5, len(visits))]
}

// outOfHours reports whether the actor works in an out-of-hours team.
func outOfHours(tx csc.Tx, actor csc.Actor) (bool, error) {
	if actor.TeamID == 0 {
		return false, nil
	}
	t, err := tx.FindTeamByID(actor.TeamID)
	if csc.ErrorKind(err) == csc.NotFound {
		return false, nil
	}
	return err == nil && t.Kind == csc.TeamOutOfHours, err
}

// summaryView reads the child's current case summary and whether a
// significant event is newer than it.
func summaryView(tx csc.Tx, childID int64) (SummaryView, error) {
	var v SummaryView
	if err := tx.Together(summaryReads(tx, childID, &v)...); err != nil {
		return SummaryView{}, err
	}
	v.staled()
	return v, nil
}

// summaryReads are summaryView's reads, which need not wait for each
// other: the summary, and the latest significant event (read even when
// there is no summary to be out of date, so as not to wait for it).
func summaryReads(tx csc.Tx, childID int64, v *SummaryView) []func() error {
	var list []csc.CaseSummary
	return []func() error{
		func() (err error) {
			list, err = tx.ListCaseSummaries(childID, 1)
			if err == nil && len(list) > 0 {
				v.Current = &list[0]
			}
			return err
		},
		func() (err error) {
			v.Since, err = tx.LatestSignificant(childID, csc.SignificantEventKinds)
			return err
		},
	}
}

// staled finishes a summary read by summaryReads: stale if a significant
// event is newer than it, and Since that event only then.
func (v *SummaryView) staled() {
	if v.Current == nil || !v.Since.After(v.Current.WrittenAt) {
		v.Since = time.Time{}
		return
	}
	v.Stale = true
}

// dateField reads a required date that may not be in the future.
func dateField(probs *csc.Problems, field, s, what string, today csc.Date) csc.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		probs.Add(field, "Enter the %s", what)
		return csc.Date{}
	}
	d, err := csc.ParseDate(s)
	if err != nil {
		probs.Add(field, "Enter the %s as a real date, for example 2026-03-02", what)
		return csc.Date{}
	}
	if d.After(today) {
		probs.Add(field, "The %s must be today or in the past", what)
		return csc.Date{}
	}
	return d
}

// yesNo reads a "yes"/"no" answer; "" is unanswered.
func yesNo(probs *csc.Problems, field, s string) string {
	switch s = strings.ToLower(strings.TrimSpace(s)); s {
	case "", "yes", "no":
		return s
	}
	probs.Add(field, "Answer yes or no")
	return ""
}

// planOf finds a child's CIN plan, checking it is the child's.
func planOf(tx csc.Tx, actor csc.Actor, act csc.Action, planID int64) (*csc.CINPlan, *csc.Person, error) {
	p, err := tx.FindCINPlanByID(planID)
	if err != nil {
		return nil, nil, err
	}
	child, _, err := loadChild(tx, actor, act, p.ChildID)
	return p, child, err
}

// StartCINPlan starts a child in need plan under the child's referral (the
// CIN episode): the open one unless another is named. A child has at most
// one open plan. Starts the CIN-02 review and CIN-03 visit clocks. Needs
// plan.record and the child in scope.
func (a *App) StartCINPlan(ctx context.Context, actor csc.Actor, childID int64, in csc.CINPlanInput) (p *csc.CINPlan, err error) {
	defer csc.WrapOp(&err, "app.StartCINPlan")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	start := dateField(&probs, "start_date", in.StartDate, "date the plan started", a.Today())
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		child, _, err := loadChild(tx, actor, csc.ActPlanRecord, childID)
		if err != nil {
			return err
		}
		if child.Kind == csc.KindAdult {
			return csc.Problems{{Field: "start_date", Message: "A child in need plan is for a child, not an adult"}}.Err()
		}
		if open, err := tx.FindOpenCINPlan(childID); err == nil {
			return csc.Problems{{Field: "start_date", Message: fmt.Sprintf("This child already has an open child in need plan, started %s. End it before starting another.", open.StartDate.Long())}}.Err()
		} else if csc.ErrorKind(err) != csc.NotFound {
			return err
		}
		refs, err := tx.ListReferrals(childID)
		if err != nil {
			return err
		}
		var ref *csc.Referral
		for i := range refs {
			if (in.ReferralID == 0 && refs[i].Open() && (ref == nil || refs[i].ReferralDate.After(ref.ReferralDate))) || refs[i].ID == in.ReferralID && in.ReferralID != 0 {
				ref = &refs[i]
			}
		}
		switch {
		case ref == nil && in.ReferralID != 0:
			return csc.Problems{{Field: "referral_id", Message: "Choose one of this child's referrals"}}.Err()
		case ref == nil:
			return csc.Problems{{Field: "referral_id", Message: "This child has no open referral: a child in need plan is made under a referral"}}.Err()
		case start.Before(ref.ReferralDate):
			return csc.Problems{{Field: "start_date", Message: fmt.Sprintf("The plan cannot start before the referral date, %s", ref.ReferralDate.Long())}}.Err()
		case !ref.Open() && start.After(ref.ClosureDate):
			return csc.Problems{{Field: "start_date", Message: fmt.Sprintf("The referral closed on %s: the plan cannot start after that", ref.ClosureDate.Long())}}.Err()
		}
		p = &csc.CINPlan{ChildID: childID, ReferralID: ref.ID, StartDate: start, StartedByID: actor.StaffID, StartedBy: actor.Name}
		if err := tx.CreateCINPlan(p); err != nil {
			return err
		}
		if err := tx.CreateEvent(&csc.Event{ChildID: childID, At: csc.StepTime(start), Kind: csc.EventCINPlanStarted,
			Summary: "Child in need plan started", SubjectType: "cin_plan", SubjectID: p.ID, StaffID: actor.StaffID}); err != nil {
			return err
		}
		au.add(actor, "create", "cin_plan", p.ID, childID, "")
		return a.refreshClocks(tx, childID)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// EndCINPlan ends a child in need plan, stopping its clocks. Needs
// plan.record.
func (a *App) EndCINPlan(ctx context.Context, actor csc.Actor, planID int64, in csc.CINPlanEndInput) (p *csc.CINPlan, err error) {
	defer csc.WrapOp(&err, "app.EndCINPlan")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	end := dateField(&probs, "end_date", in.EndDate, "date the plan ended", a.Today())
	if !csc.ValidCINPlanEndReason(in.EndReason) {
		probs.Add("end_reason", "Choose why the plan ended")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if p, _, err = planOf(tx, actor, csc.ActPlanRecord, planID); err != nil {
			return err
		}
		if !p.Open() {
			return csc.Errorf(csc.Invalid, "This plan ended on %s.", p.EndDate.Long())
		}
		if end.Before(p.StartDate) {
			return csc.Problems{{Field: "end_date", Message: fmt.Sprintf("The plan cannot end before it started, on %s", p.StartDate.Long())}}.Err()
		}
		p.Version = in.Version
		p.EndDate, p.EndReason = end, in.EndReason
		if err := tx.UpdateCINPlan(p); err != nil {
			return err
		}
		if err := tx.CreateEvent(&csc.Event{ChildID: p.ChildID, At: csc.StepTime(end), Kind: csc.EventCINPlanEnded,
			Summary: "Child in need plan ended: " + csc.CINPlanEndReasonLabel(p.EndReason), SubjectType: "cin_plan",
			SubjectID: p.ID, StaffID: actor.StaffID}); err != nil {
			return err
		}
		au.add(actor, "update", "cin_plan", p.ID, p.ChildID, "ended")
		return a.refreshClocks(tx, p.ChildID)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func parseCINAction(in csc.CINActionInput, today csc.Date) (csc.CINAction, error) {
	var probs csc.Problems
	var act csc.CINAction
	act.What = textField(&probs, "what", in.What, 2000)
	if act.What == "" {
		probs.Add("what", "Enter what is to be done")
	}
	act.Who = textField(&probs, "who", in.Who, 200)
	if act.Who == "" {
		probs.Add("who", "Enter who will do it")
	}
	if strings.TrimSpace(in.Due) == "" {
		probs.Add("due", "Enter the date it is to be done by")
	} else if d, err := csc.ParseDate(in.Due); err != nil {
		probs.Add("due", "Enter the date it is to be done by as a real date, for example 2026-03-02")
	} else {
		act.Due = d
	}
	if strings.TrimSpace(in.Done) != "" {
		act.Done = dateField(&probs, "done", in.Done, "date it was done", today)
	}
	return act, probs.Err()
}

// AddCINAction adds a specific, time-bound action to an open plan. Needs
// plan.record.
func (a *App) AddCINAction(ctx context.Context, actor csc.Actor, planID int64, in csc.CINActionInput) (act *csc.CINAction, err error) {
	defer csc.WrapOp(&err, "app.AddCINAction")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	v, err := parseCINAction(in, a.Today())
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		p, _, err := planOf(tx, actor, csc.ActPlanRecord, planID)
		if err != nil {
			return err
		}
		if !p.Open() {
			return csc.Errorf(csc.Invalid, "This plan has ended, so its actions can no longer change.")
		}
		v.PlanID, v.ChildID = p.ID, p.ChildID
		if err := tx.CreateCINAction(&v); err != nil {
			return err
		}
		act = &v
		au.add(actor, "create", "cin_action", v.ID, p.ChildID, "")
		return event(tx, actor, p.ChildID, csc.EventPlanAction, "Child in need plan action added, due "+v.Due.Long(), "cin_plan", p.ID)
	})
	return act, err
}

// UpdateCINAction changes an action, most often to mark it done. Needs
// plan.record; the version must be current.
func (a *App) UpdateCINAction(ctx context.Context, actor csc.Actor, actionID int64, in csc.CINActionInput) (act *csc.CINAction, err error) {
	defer csc.WrapOp(&err, "app.UpdateCINAction")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	v, err := parseCINAction(in, a.Today())
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		cur, err := tx.FindCINActionByID(actionID)
		if err != nil {
			return err
		}
		if _, _, err := planOf(tx, actor, csc.ActPlanRecord, cur.PlanID); err != nil {
			return err
		}
		wasDone := !cur.Done.IsZero()
		cur.What, cur.Who, cur.Due, cur.Done, cur.Version = v.What, v.Who, v.Due, v.Done, in.Version
		if err := tx.UpdateCINAction(cur); err != nil {
			return err
		}
		act = cur
		au.add(actor, "update", "cin_action", cur.ID, cur.ChildID, "")
		if !wasDone && !cur.Done.IsZero() {
			return event(tx, actor, cur.ChildID, csc.EventPlanAction, "Child in need plan action done", "cin_plan", cur.PlanID)
		}
		return nil
	})
	return act, err
}

// RecordCINReview records a review of a plan, which meets the CIN-02 clock
// and starts the next. Needs plan.record.
func (a *App) RecordCINReview(ctx context.Context, actor csc.Actor, planID int64, in csc.CINReviewInput) (r *csc.CINReview, err error) {
	defer csc.WrapOp(&err, "app.RecordCINReview")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	v := csc.CINReview{Date: dateField(&probs, "date", in.Date, "date of the review", a.Today()), Outcome: in.Outcome}
	if !csc.ValidCINReviewOutcome(in.Outcome) {
		probs.Add("outcome", "Choose the outcome of the review: continue, step up, step down or close")
	}
	v.Attendance = textField(&probs, "attendance", in.Attendance, 2000)
	if v.Attendance == "" {
		probs.Add("attendance", "Enter who attended the review")
	}
	v.Notes = textField(&probs, "notes", in.Notes, maxText)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		p, _, err := planOf(tx, actor, csc.ActPlanRecord, planID)
		if err != nil {
			return err
		}
		if v.Date.Before(p.StartDate) {
			return csc.Problems{{Field: "date", Message: fmt.Sprintf("A review cannot be before the plan started, on %s", p.StartDate.Long())}}.Err()
		}
		if !p.Open() && v.Date.After(p.EndDate) {
			return csc.Problems{{Field: "date", Message: fmt.Sprintf("A review cannot be after the plan ended, on %s", p.EndDate.Long())}}.Err()
		}
		v.PlanID, v.ChildID, v.RecordedByID, v.RecordedBy = p.ID, p.ChildID, actor.StaffID, actor.Name
		if err := tx.CreateCINReview(&v); err != nil {
			return err
		}
		if err := tx.CreateEvent(&csc.Event{ChildID: p.ChildID, At: csc.StepTime(v.Date), Kind: csc.EventCINReview,
			Summary: "Child in need plan reviewed: " + csc.CINReviewOutcomeLabel(v.Outcome), SubjectType: "cin_review",
			SubjectID: v.ID, StaffID: actor.StaffID}); err != nil {
			return err
		}
		r = &v
		au.add(actor, "create", "cin_review", v.ID, p.ChildID, v.Outcome)
		return a.refreshClocks(tx, p.ChildID)
	})
	return r, err
}

// CINPlanView is a plan's page: the plan with its actions and reviews, the
// visits made under it and its clocks.
type CINPlanView struct {
	Plan   *csc.CINPlan
	Visits []csc.Visit
	Clocks []TrayItem
}

// FindCINPlan reads a plan with its actions, reviews and visits. Needs
// child.view; audited.
func (a *App) FindCINPlan(ctx context.Context, actor csc.Actor, planID int64) (v *CINPlanView, err error) {
	defer csc.WrapOp(&err, "app.FindCINPlan")
	if err := require(actor, csc.ActChildView); err != nil {
		return nil, err
	}
	v = &CINPlanView{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if v.Plan, _, err = planOf(tx, actor, csc.ActChildView, planID); err != nil {
			return err
		}
		if v.Visits, err = tx.FindVisits(csc.VisitQuery{ChildID: v.Plan.ChildID, PlanKind: csc.PlanKindCIN, PlanID: planID, Limit: 500}); err != nil {
			return err
		}
		clocks, err := tx.FindClocks(csc.ClockQuery{ChildID: v.Plan.ChildID, Limit: 1000})
		if err != nil {
			return err
		}
		for _, c := range clocks {
			if c.Subject == planID && (c.Rule == "CIN-02" || c.Rule == "CIN-03") {
				v.Clocks = append(v.Clocks, trayItem(c, a.Now()))
			}
		}
		au.add(actor, "view", "cin_plan", planID, v.Plan.ChildID, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// CINPlans lists a child's plans, newest first. Needs child.view; audited.
func (a *App) CINPlans(ctx context.Context, actor csc.Actor, childID int64) (out []csc.CINPlan, err error) {
	defer csc.WrapOp(&err, "app.CINPlans")
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActChildView, childID); err != nil {
			return err
		}
		out, err = tx.ListCINPlans(childID)
		au.add(actor, "list", "cin_plan", 0, childID, "")
		return err
	})
	return out, err
}

// ParsePlanRef reads a plan reference "cin:12" or "cp:7"; "" is none.
func ParsePlanRef(s string) (kind string, id int64, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", 0, true
	}
	k, n, found := strings.Cut(s, ":")
	if !found || (k != csc.PlanKindCIN && k != csc.PlanKindCP) || n == "" || len(n) > 18 {
		return "", 0, false
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			return "", 0, false
		}
	}
	id, err := strconv.ParseInt(n, 10, 64)
	if err != nil || id <= 0 {
		return "", 0, false
	}
	return k, id, true
}

func (a *App) parseVisit(in csc.VisitInput) (csc.Visit, error) {
	var probs csc.Problems
	var v csc.Visit
	now := a.Now()
	if strings.TrimSpace(in.At) == "" {
		probs.Add("at", "Enter the date and time")
	} else if t, err := ParseInstant(in.At); err != nil {
		probs.Add("at", "Enter the date and time as a real date and time, for example 2026-03-02T14:05")
	} else if t.After(now.Add(5 * time.Minute)) {
		probs.Add("at", "The date and time must be in the past: record a visit once it has happened")
	} else {
		v.At = t
	}
	v.Type = in.Type
	if csc.VisitTypeLabel(in.Type) == in.Type {
		probs.Add("type", "Choose the type: statutory visit, other visit, direct work, call, meeting or case note")
	}
	kind, id, ok := ParsePlanRef(in.Plan)
	if !ok {
		probs.Add("plan", "Choose the plan the visit was made under, such as cin:12 or cp:7")
	}
	v.PlanKind, v.PlanID = kind, id
	if v.Type == csc.VisitStatutory && kind == "" && ok {
		probs.Add("plan", "A statutory visit is made under a child in need or child protection plan: choose the plan")
	}
	seen := yesNo(&probs, "child_seen", in.ChildSeen)
	alone := yesNo(&probs, "seen_alone", in.SeenAlone)
	v.BedroomSeen = yesNo(&probs, "bedroom_seen", in.BedroomSeen)
	v.BabyAwake = yesNo(&probs, "baby_seen_awake", in.BabyAwake)
	v.NotAloneReason = textField(&probs, "not_alone_reason", in.NotAloneReason, 2000)
	if csc.IsVisitType(v.Type) {
		if seen == "" {
			probs.Add("child_seen", "Say whether the child was seen")
		}
		switch in.Announced {
		case "announced", "unannounced":
			v.Announced = in.Announced
		default:
			probs.Add("announced", "Say whether the visit was announced or unannounced")
		}
	} else if in.Announced != "" {
		probs.Add("announced", "Only a visit is announced or unannounced")
	}
	v.ChildSeen = seen == "yes"
	if v.ChildSeen {
		switch {
		case alone == "":
			probs.Add("seen_alone", "Say whether the child was seen alone")
		case alone == "no" && v.NotAloneReason == "":
			probs.Add("not_alone_reason", "Enter why the child was not seen alone")
		}
	} else if alone == "yes" {
		probs.Add("seen_alone", "The child cannot be seen alone without being seen")
	}
	v.SeenAlone = alone == "yes"
	if v.SeenAlone {
		v.NotAloneReason = ""
	}
	v.Present = textField(&probs, "present", in.Present, 2000)
	v.WishesFeelings = textField(&probs, "wishes_feelings", in.WishesFeelings, maxText)
	v.Observations = textField(&probs, "observations", in.Observations, maxText)
	v.Analysis = textField(&probs, "analysis", in.Analysis, maxText)
	if v.Observations == "" {
		probs.Add("observations", "Enter what was done and observed")
	}
	return v, probs.Err()
}

// RecordVisit records a visit, piece of direct work, call or case note
// about a child. A statutory visit at which the child was seen meets the
// plan's visit clock (CIN-03 or CP-12). Needs casenote.record.
func (a *App) RecordVisit(ctx context.Context, actor csc.Actor, childID int64, in csc.VisitInput) (v *csc.Visit, err error) {
	defer csc.WrapOp(&err, "app.RecordVisit")
	if err := require(actor, csc.ActCaseNoteRecord); err != nil {
		return nil, err
	}
	val, err := a.parseVisit(in)
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		child, _, err := loadChild(tx, actor, csc.ActCaseNoteRecord, childID)
		if err != nil {
			return err
		}
		var probs csc.Problems
		if age, ok := child.AgeOn(csc.DateOf(val.At)); ok && age < 1 && val.ChildSeen && val.BabyAwake == "" {
			probs.Add("baby_seen_awake", "Say whether the baby was seen awake")
		}
		switch val.PlanKind {
		case csc.PlanKindCIN:
			p, err := tx.FindCINPlanByID(val.PlanID)
			switch {
			case csc.ErrorKind(err) == csc.NotFound || err == nil && p.ChildID != childID:
				probs.Add("plan", "Choose one of this child's child in need plans")
			case err != nil:
				return err
			default:
				planDates(&probs, val.At, p.StartDate, p.EndDate)
			}
		case csc.PlanKindCP:
			p, err := tx.FindCPPlanByID(val.PlanID)
			switch {
			case csc.ErrorKind(err) == csc.NotFound || err == nil && p.ChildID != childID:
				probs.Add("plan", "Choose one of this child's child protection plans")
			case err != nil:
				return err
			default:
				planDates(&probs, val.At, p.Start, p.End)
			}
		}
		if err := probs.Err(); err != nil {
			return err
		}
		val.ChildID, val.RecordedByID, val.RecordedBy = childID, actor.StaffID, actor.Name
		if err := tx.CreateVisit(&val); err != nil {
			return err
		}
		kind := csc.EventCaseNote
		summary := csc.VisitTypeLabel(val.Type) + " recorded"
		if csc.IsVisitType(val.Type) {
			kind = csc.EventVisit
			switch {
			case val.SeenAlone:
				summary = csc.VisitTypeLabel(val.Type) + ": child seen alone"
			case val.ChildSeen:
				summary = csc.VisitTypeLabel(val.Type) + ": child seen, not alone"
			default:
				summary = csc.VisitTypeLabel(val.Type) + ": child not seen"
			}
		}
		if err := tx.CreateEvent(&csc.Event{ChildID: childID, At: val.At, Kind: kind, Summary: summary,
			SubjectType: "visit", SubjectID: val.ID, StaffID: actor.StaffID}); err != nil {
			return err
		}
		v = &val
		au.add(actor, "create", "visit", val.ID, childID, val.Type)
		return a.refreshClocks(tx, childID)
	})
	return v, err
}

// FindVisit reads one visit or note. Needs child.view; audited.
func (a *App) FindVisit(ctx context.Context, actor csc.Actor, id int64) (v *csc.Visit, err error) {
	defer csc.WrapOp(&err, "app.FindVisit")
	if err := require(actor, csc.ActChildView); err != nil {
		return nil, err
	}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if v, err = tx.FindVisitByID(id); err != nil {
			return err
		}
		if _, _, err := loadChild(tx, actor, csc.ActChildView, v.ChildID); err != nil {
			return err
		}
		au.add(actor, "view", "visit", id, v.ChildID, "")
		return nil
	})
	return v, err
}

// Visits lists a child's visits and notes, newest first. Needs
// child.view; audited.
func (a *App) Visits(ctx context.Context, actor csc.Actor, childID int64) (out []csc.Visit, err error) {
	defer csc.WrapOp(&err, "app.Visits")
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActChildView, childID); err != nil {
			return err
		}
		out, err = tx.FindVisits(csc.VisitQuery{ChildID: childID, Limit: 1000})
		au.add(actor, "list", "visit", 0, childID, "")
		return err
	})
	return out, err
}

// planDates checks a visit falls within its plan.
func planDates(probs *csc.Problems, at time.Time, start, end csc.Date) {
	switch d := csc.DateOf(at); {
	case d.Before(start):
		probs.Add("at", "The visit cannot be before the plan started, on %s", start.Long())
	case !end.IsZero() && d.After(end):
		probs.Add("at", "The visit cannot be after the plan ended, on %s", end.Long())
	}
}

// VisitPlans are the plans a visit to the child may be made under, for the
// visit form: the child's CIN plans (open first).
func (a *App) VisitPlans(ctx context.Context, actor csc.Actor, childID int64) ([]csc.CINPlan, error) {
	return a.CINPlans(ctx, actor, childID)
}
