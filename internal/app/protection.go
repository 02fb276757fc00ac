package app

import (
	"context"

	"cairn/internal/csc"
)

// ProtectionPart is the child's page's view of strategy discussions, section 47 enquiries, conferences and protection plans.
type ProtectionPart struct {
	Strategies  []csc.Strategy
	S47s        []S47Row
	Conferences []csc.Conference
	Plans       []csc.CPPlan
	// Current is the open plan, if any, with its next review due (CP-13 or
	// CP-14) and how many of its actions are overdue.
	Current        *csc.CPPlan
	NextReviewDue  csc.Date
	ActionsOverdue int
	// PlanVisits are the statutory visits recorded under each plan, by plan
	// id, newest first; read for the protection pages, not the child's page.
	PlanVisits map[int64][]csc.Visit
}

// S47Row is an enquiry with the date its initial conference is due (CP-04).
type S47Row struct {
	csc.S47
	ConferenceDue csc.Date `json:"conference_due"`
	ICPCID        int64    `json:"icpc_id,omitempty"` // its initial conference, once held
}

// loadProtectionPart reads this part of the child's record into r, inside the
// page's read transaction: four queries for the lists, due dates from the
// clocks already read.
func (a *App) loadProtectionPart(tx csc.Tx, actor csc.Actor, r *ChildRecord) error {
	reads, assemble := a.protectionReads(tx, r.Child.ID, r)
	return readPart(tx, reads, assemble)
}

// protectionReads returns this part's reads, which need only the child's
// id, and the assembly that follows them, which needs the child's clocks.
func (a *App) protectionReads(tx csc.Tx, id int64, r *ChildRecord) ([]func() error, func()) {
	p := &r.Protection
	var s47s []csc.S47
	return []func() error{
		func() (err error) { p.Strategies, err = tx.ListStrategies(id); return err },
		func() (err error) { s47s, err = tx.ListS47s(id); return err },
		func() (err error) { p.Conferences, err = tx.ListConferences(id); return err },
		func() (err error) { p.Plans, err = tx.ListCPPlans(id); return err },
	}, func() { a.assembleProtection(r, s47s) }
}

// assembleProtection works out the part's due dates from the clocks.
func (a *App) assembleProtection(r *ChildRecord, s47s []csc.S47) {
	p := &r.Protection
	due := map[string]csc.Date{}
	for _, c := range r.Clocks {
		if c.Met.IsZero() && c.Stopped.IsZero() {
			if k := c.Rule + "/" + itoa(c.Subject); due[k].IsZero() || c.Due.Before(due[k]) {
				due[k] = c.Due
			}
		}
	}
	icpc := map[int64]int64{}
	for _, c := range p.Conferences {
		if c.Kind == csc.ConferenceInitial {
			icpc[c.S47ID] = c.ID
		}
	}
	for _, e := range s47s {
		p.S47s = append(p.S47s, S47Row{S47: e, ConferenceDue: due["CP-04/"+itoa(e.ID)], ICPCID: icpc[e.ID]})
	}
	for i := range p.Plans {
		if p.Plans[i].Open() {
			p.Current = &p.Plans[i]
			break
		}
	}
	if p.Current != nil {
		for _, rule := range []string{"CP-13", "CP-14"} {
			if d := due[rule+"/"+itoa(p.Current.ID)]; !d.IsZero() && (p.NextReviewDue.IsZero() || d.Before(p.NextReviewDue)) {
				p.NextReviewDue = d
			}
		}
		today := csc.DateOf(a.Now())
		for _, act := range p.Current.Actions {
			if act.Overdue(today) {
				p.ActionsOverdue++
			}
		}
	}
}

// Protection reads the child protection part of a child's record, for the
// pages and API of its steps. Needs child.view and scope; audited.
func (a *App) Protection(ctx context.Context, actor csc.Actor, childID int64) (r *ChildRecord, err error) {
	defer csc.WrapOp(&err, "app.Protection")
	r = &ChildRecord{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		err := readChildHead(tx, actor, childID, r)
		if err != nil {
			return err
		}
		if r.Referrals, err = tx.ListReferrals(childID); err != nil {
			return err
		}
		clocks, err := tx.FindClocks(csc.ClockQuery{ChildID: childID, Limit: 1000})
		if err != nil {
			return err
		}
		r.Clocks = childClocks(clocks, a.Now())
		au.add(actor, "view", "person", childID, childOf(r.Child), "protection")
		if err := a.loadProtectionPart(tx, actor, r); err != nil {
			return err
		}
		r.Protection.PlanVisits = map[int64][]csc.Visit{}
		for _, p := range r.Protection.Plans {
			visits, err := tx.FindVisits(csc.VisitQuery{ChildID: childID, PlanKind: csc.PlanKindCP, PlanID: p.ID, Limit: 2000})
			if err != nil {
				return err
			}
			r.Protection.PlanVisits[p.ID] = visits
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	r.AsOf = a.Now()
	r.Badges = badges(r)
	return r, nil
}

// openPlan loads a plan of the child for a change by actor.
func openPlan(tx csc.Tx, actor csc.Actor, childID, id int64) (*csc.CPPlan, error) {
	if _, _, err := loadChild(tx, actor, csc.ActPlanRecord, childID); err != nil {
		return nil, err
	}
	p, err := tx.FindCPPlanByID(id)
	if err != nil {
		return nil, err
	}
	if p.ChildID != childID {
		return nil, csc.Errorf(csc.NotFound, "There is no child protection plan %d on record %d.", id, childID)
	}
	return p, nil
}

// AddPlanAction adds a specific, time-bound action to an open plan. Needs
// plan.record.
func (a *App) AddPlanAction(ctx context.Context, actor csc.Actor, childID, planID int64, in csc.PlanActionInput) (act *csc.PlanAction, err error) {
	defer csc.WrapOp(&err, "app.AddPlanAction")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	what := textField(&probs, "what", in.What, maxText)
	who := textField(&probs, "who", in.Who, 200)
	if what == "" {
		probs.Add("what", "Enter what must be done")
	}
	if who == "" {
		probs.Add("who", "Enter who will do it")
	}
	due := parseDateField(&probs, "due", "date it is due by", in.Due)
	if due.IsZero() && !probs.Has("due") {
		probs.Add("due", "Enter the date it must be done by")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		p, err := openPlan(tx, actor, childID, planID)
		if err != nil {
			return err
		}
		if !p.Open() {
			return csc.Errorf(csc.Invalid, "Plan %d has ended; its actions can no longer change.", planID)
		}
		if due.Before(p.Start) {
			return csc.Problems{{Field: "due", Message: "An action cannot be due before the plan started, " + p.Start.Long()}}.Err()
		}
		act = &csc.PlanAction{PlanID: p.ID, ChildID: childID, What: what, Who: who, Due: due}
		if err := tx.CreatePlanAction(act); err != nil {
			return err
		}
		au.add(actor, "create", "cp_plan_action", act.ID, childID, "")
		return event(tx, actor, childID, csc.EventPlanAction, "Protection plan action added, due "+due.Long(), "cp_plan", p.ID)
	})
	return act, err
}

// CompletePlanAction records an action done. Needs plan.record.
func (a *App) CompletePlanAction(ctx context.Context, actor csc.Actor, childID, planID, actionID int64, in csc.PlanActionDoneInput) (act *csc.PlanAction, err error) {
	defer csc.WrapOp(&err, "app.CompletePlanAction")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	done := a.stepDate(&probs, "done", "date it was done", in.Done)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		p, err := openPlan(tx, actor, childID, planID)
		if err != nil {
			return err
		}
		for i := range p.Actions {
			if p.Actions[i].ID == actionID {
				act = &p.Actions[i]
			}
		}
		if act == nil {
			return csc.Errorf(csc.NotFound, "Plan %d has no action %d.", planID, actionID)
		}
		if done.Before(p.Start) {
			return csc.Problems{{Field: "done", Message: "An action cannot be done before the plan started, " + p.Start.Long()}}.Err()
		}
		act.Version, act.Done = in.Version, done
		if err := tx.UpdatePlanAction(act); err != nil {
			return err
		}
		au.add(actor, "update", "cp_plan_action", act.ID, childID, "done")
		return stepEvent(tx, actor, childID, csc.EventPlanAction, "Protection plan action done", "cp_plan", p.ID, done)
	})
	return act, err
}

// RecordCoreGroup records a core group meeting of a plan (CP-10, CP-11).
// Needs plan.record.
func (a *App) RecordCoreGroup(ctx context.Context, actor csc.Actor, childID, planID int64, in csc.CoreGroupInput) (g *csc.CoreGroup, err error) {
	defer csc.WrapOp(&err, "app.RecordCoreGroup")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	held := a.stepDate(&probs, "held_on", "date of the core group", in.HeldOn)
	if len(in.Attendance) > maxListRows {
		probs.Add("attendance", "Enter at most %d people", maxListRows)
		return nil, probs.Err()
	}
	att := attendance(&probs, "attendance", in.Attendance)
	if len(att) == 0 {
		probs.Add("attendance", "Enter who attended the core group")
	}
	notes := textField(&probs, "notes", in.Notes, maxText)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		p, err := openPlan(tx, actor, childID, planID)
		if err != nil {
			return err
		}
		if held.Before(p.Start) || (!p.Open() && held.After(p.End)) {
			return csc.Problems{{Field: "held_on", Message: "A core group is held while the plan lasts, from " + p.Start.Long()}}.Err()
		}
		g = &csc.CoreGroup{PlanID: p.ID, ChildID: childID, HeldOn: held, Attendance: att, Notes: notes}
		if err := tx.CreateCoreGroup(g); err != nil {
			return err
		}
		au.add(actor, "create", "cp_core_group", g.ID, childID, "")
		if err := stepEvent(tx, actor, childID, csc.EventCoreGroup, "Core group meeting held", "cp_plan", p.ID, held); err != nil {
			return err
		}
		return a.refreshClocks(tx, childID)
	})
	return g, err
}

// EndPlan ends a plan outside a review conference, for example when the
// child becomes looked after (CP-16) or moves away. Needs plan.record.
func (a *App) EndPlan(ctx context.Context, actor csc.Actor, childID, planID int64, in csc.PlanEndInput) (p *csc.CPPlan, err error) {
	defer csc.WrapOp(&err, "app.EndPlan")
	if err := require(actor, csc.ActPlanRecord); err != nil {
		return nil, err
	}
	var probs csc.Problems
	end := a.stepDate(&probs, "end", "end date", in.End)
	if !csc.ValidCPPlanEndReason(in.Reason) {
		probs.Add("reason", "Choose why the plan ends")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if p, err = openPlan(tx, actor, childID, planID); err != nil {
			return err
		}
		if !p.Open() {
			return csc.Errorf(csc.Invalid, "Plan %d already ended on %s.", planID, p.End.Long())
		}
		if end.Before(p.Start) {
			return csc.Problems{{Field: "end", Message: "A plan cannot end before it starts, " + p.Start.Long()}}.Err()
		}
		p.Version, p.End, p.EndReason = in.Version, end, in.Reason
		if err := tx.UpdateCPPlan(p); err != nil {
			return err
		}
		if err := planEnded(tx, actor, au, p); err != nil {
			return err
		}
		return a.refreshClocks(tx, childID)
	})
	return p, err
}
