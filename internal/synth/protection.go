package synth

import (
	"fmt"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// Child protection for an incident the front door sent to a strategy
// discussion: a discussion and a section 47 enquiry for each child referred,
// then, where harm was substantiated, one initial conference for the
// household with a decision for every child living there, protection plans
// with core groups, visits and review conferences, and a step down to a
// child in need plan when the plans end. Most steps are on time; about one
// in ten is late, as in a real authority.

// protected is a child referred by the incident whose episode reached the
// protection steps.
type protected struct {
	cp    *contactPlan
	e     *episode
	s47   *csc.S47
	plan  *csc.CPPlan
	worst bool // the enquiry found harm and a conference is needed
}

// protection writes the incident's protection steps.
func (w *writer) protection(f *family, inc *incident) error {
	if inc.open || inc.decision != csc.DecisionStrategy {
		return nil
	}
	r := w.pr
	var kids []*protected
	for _, cp := range inc.contacts {
		if e := cp.referral; e != nil && e.refID != 0 && !e.nfa && !e.assessFrom.IsZero() {
			kids = append(kids, &protected{cp: cp, e: e})
		}
	}
	if len(kids) == 0 {
		return nil
	}
	held := inc.decidedAt.Add(r.duration(30*time.Minute, 3*time.Hour)).Truncate(5 * time.Minute)
	if !held.Before(w.asOf) {
		return nil
	}
	for _, k := range kids {
		// Where the work will not continue, some discussions find no
		// reasonable cause to suspect significant harm: no enquiry.
		noS47 := k.e.course != 2 && r.chance(0.3)
		if err := w.strategy(k, held, noS47); err != nil {
			return err
		}
	}
	// The enquiries conclude: harm substantiated where the work continues.
	icpc := csc.Date{}
	for _, k := range kids {
		if k.s47 == nil {
			continue
		}
		if k.e.course == 2 && !k.e.workFrom.IsZero() {
			k.worst = true
			gap := r.between(8, 14)
			if r.chance(0.12) {
				gap = r.between(16, 22)
			}
			icpc = clock.AddWorkingDays(csc.DateOf(held), gap)
			continue
		}
		// Concluded by the time the episode closed, if it has: the census
		// shows an enquiry still open in a closed episode as an error (8868).
		on := clock.AddWorkingDays(csc.DateOf(held), r.between(4, 12))
		if closed := k.e.closed; !closed.IsZero() && closed.Before(on) && !closed.Before(csc.DateOf(held)) {
			on = closed
		}
		if err := w.s47Outcome(k, csc.S47NotSubstantiated, false, on); err != nil {
			return err
		}
	}
	if icpc.IsZero() {
		return nil
	}
	if !icpc.Before(csc.DateOf(w.asOf)) {
		return nil // the conference is still to come: CP-04 is running
	}
	var worst []*protected
	for _, k := range kids {
		if k.worst && k.cp.child.cpUntil.After(icpc) {
			k.worst = false // already on a plan from an earlier conference: that plan goes on
			if err := w.s47Outcome(k, csc.S47Substantiated, false, clock.AddWorkingDays(icpc, -2)); err != nil {
				return err
			}
			continue
		}
		if k.worst {
			if err := w.s47Outcome(k, csc.S47Substantiated, true, clock.AddWorkingDays(icpc, -2)); err != nil {
				return err
			}
			worst = append(worst, k)
		}
	}
	if len(worst) == 0 {
		return nil
	}
	return w.plans(f, inc, worst, icpc)
}

// strategy writes a child's strategy discussion and the enquiry it starts,
// unless it decides against one.
func (w *writer) strategy(k *protected, held time.Time, noS47 bool) error {
	r, c, e := w.pr, k.cp.child, k.e
	sw := k.cp.workerOn(held, e.team)
	ev := w.events(c.id)
	att := []csc.Attendee{{Agency: "csc", Name: sw.s.Name, Role: "Social worker"},
		{Agency: "police", Name: "DC " + pick(r, []string{"Ashby", "Brennan", "Cole", "Dunmore"}), Role: "Public protection unit"}}
	if r.chance(0.9) {
		att = append(att, csc.Attendee{Agency: "health", Name: "Named nurse", Role: "Safeguarding nurse"})
	}
	if c.age >= 4 && r.chance(0.7) {
		att = append(att, csc.Attendee{Agency: "education", Name: "Designated safeguarding lead", Role: "School"})
	}
	th := k.cp.inc.th
	s := &csc.Strategy{ChildID: c.id, ReferralID: e.refID, HeldAt: held, Attendees: att,
		InformationShared: "Police, health and school shared what they know of the family; " + th.label + " is the concern.",
		Dangers: []csc.DangerGoal{{Danger: "Children's services are worried that the child will be hurt again at home.",
			Goal: "The child is safe at home and every adult caring for them keeps them safe."}},
		Scaling: []csc.SafetyScale{{Participant: "Social worker", Score: r.between(2, 5), Reason: "Harm has happened and the risk is current."},
			{Participant: "Police", Score: r.between(2, 6), Reason: "Previous call-outs to the address."}},
		Decision: csc.StrategyS47, DecisionReasons: "Reasonable cause to suspect significant harm.",
		SafetyActions: "Child to stay with the other parent until the enquiry concludes.", RecordedByID: sw.s.ID}
	if noS47 {
		s.Decision, s.DecisionReasons = csc.StrategyNoS47, "Threshold for a section 47 enquiry not met; the assessment continues under section 17."
		s.SafetyActions = "None needed beyond the safety plan agreed with the family."
	}
	if err := w.tx.CreateStrategy(s); err != nil {
		return fmt.Errorf("strategy discussion: %w", err)
	}
	if noS47 {
		ev.add(held, csc.EventStrategy, "Strategy discussion held: no section 47 enquiry", "strategy", s.ID, sw)
		return ev.err
	}
	ev.add(held, csc.EventStrategy, "Strategy discussion held: section 47 enquiry to start", "strategy", s.ID, sw)
	k.s47 = &csc.S47{ChildID: c.id, ReferralID: e.refID, StrategyID: s.ID, Started: csc.DateOf(held), LeadID: sw.s.ID}
	if err := w.tx.CreateS47(k.s47); err != nil {
		return fmt.Errorf("s47: %w", err)
	}
	ev.add(held, csc.EventS47Started, "Section 47 enquiry started", "s47_enquiry", k.s47.ID, sw)
	return ev.err
}

// s47Outcome concludes an enquiry on a date (its timeline entry at noon),
// if that time has come.
func (w *writer) s47Outcome(k *protected, outcome string, conference bool, on csc.Date) error {
	s := k.s47
	if on.Before(s.Started) {
		on = s.Started
	}
	if on.IsZero() || !csc.StepTime(on).Before(w.asOf) {
		return nil
	}
	sw := k.cp.workerOn(on.In(csc.London), k.e.team)
	s.Visits = []csc.S47Visit{{Date: s.Started.AddDays(1), ChildSeen: true, SeenAlone: k.cp.child.age >= 4}}
	s.PartnerViews = []csc.S47View{{Agency: "health", View: "Concerns shared; the child's health needs are being met."}}
	s.Outcome, s.ConferenceNeeded, s.OutcomeDate = outcome, conference, on
	if err := w.tx.UpdateS47(s); err != nil {
		return fmt.Errorf("s47: %w", err)
	}
	ev := w.events(k.cp.child.id)
	what := "Section 47 enquiry concluded: not substantiated"
	if outcome == csc.S47Substantiated {
		what = "Section 47 enquiry concluded: substantiated, initial conference needed"
	}
	ev.add(csc.StepTime(on), csc.EventS47Outcome, what, "s47_enquiry", s.ID, sw)
	return ev.err
}

// chair is an independent reviewing officer.
func (w *writer) chair() *worker {
	for _, t := range w.st.teams {
		if t.t.Kind == csc.TeamIRO {
			if iros := t.withRole(csc.RoleIRO); len(iros) > 0 {
				return pick(w.pr, iros)
			}
			return t.manager
		}
	}
	return nil
}

// plans holds the household's initial conference and runs the plans it
// makes: core groups, visits and review conferences until the plans end at
// a review, then child in need plans until the episodes close.
func (w *writer) plans(f *family, inc *incident, worst []*protected, icpc csc.Date) error {
	r := w.pr
	chair := w.chair()
	if chair == nil {
		return nil
	}
	lead := worst[0]
	planned := map[int64]*protected{}
	for _, k := range worst {
		planned[k.cp.child.id] = k
	}
	category := categoryFor[inc.th.key]
	if category == "" {
		category = "NEG"
	}
	// Plans last four to eighteen months, or until the work ends.
	end := icpc.AddDays(r.between(120, 540))
	for _, k := range worst {
		if !k.e.workTo.IsZero() && csc.DateOf(k.e.workTo).Before(end) {
			end = csc.DateOf(k.e.workTo)
		}
	}
	conf := func(kind string, on csc.Date, planID int64, decide func(*member) csc.ConferenceDecision) (*csc.Conference, error) {
		c := &csc.Conference{ChildID: lead.cp.child.id, ReferralID: lead.e.refID, Kind: kind, HeldOn: on, ChairID: chair.s.ID,
			Attendance: []csc.ConferenceAttendee{{Name: "Parent", Role: "Parent", Attended: true},
				{Name: "Social worker", Role: "Children's social care", Attended: true},
				{Name: "Designated safeguarding lead", Role: "School", Attended: r.chance(0.8)},
				{Name: "Health visitor", Role: "Health", Attended: r.chance(0.7)}},
			ChildView:    pick(r, wishes),
			FamilyView:   "The family accept some of the concerns and want to work with the plan.",
			Evidence:     "The social worker's report, the police and health checks, and the section 47 enquiry.",
			RecordedByID: chair.s.ID}
		if kind == csc.ConferenceInitial {
			c.S47ID = lead.s47.ID
		} else {
			c.PlanID = planID
		}
		if err := w.tx.CreateConference(c); err != nil {
			return nil, fmt.Errorf("conference: %w", err)
		}
		for _, m := range f.children {
			if m.id != 0 && m.lives && m.p.Kind != csc.KindAdult {
				c.Decisions = append(c.Decisions, decide(m))
			}
		}
		return c, nil
	}
	c, err := conf(csc.ConferenceInitial, icpc, 0, func(m *member) csc.ConferenceDecision {
		if planned[m.id] != nil {
			return csc.ConferenceDecision{ChildID: m.id, PlanNeeded: true, Category: category}
		}
		return csc.ConferenceDecision{ChildID: m.id}
	})
	if err != nil {
		return err
	}
	for i, d := range c.Decisions {
		k := planned[d.ChildID]
		if k == nil {
			continue
		}
		k.plan = &csc.CPPlan{ChildID: d.ChildID, ReferralID: k.e.refID, ConferenceID: c.ID, Start: icpc,
			InitialCategory: category, LatestCategory: category}
		if err := w.tx.CreateCPPlan(k.plan); err != nil {
			return fmt.Errorf("cp plan: %w", err)
		}
		c.Decisions[i].PlanID = k.plan.ID
		k.cp.child.cpUntil = csc.DateOf(w.asOf).AddDays(100000) // open until it ends below
		w.sum.CPPlans++
		ev := w.events(d.ChildID)
		ev.add(csc.StepTime(icpc), csc.EventConferenceICPC, "Initial child protection conference held", "cp_conference", c.ID, chair)
		label, _ := csc.LookupCode(csc.ListAbuseCategory, csc.CollectionYearOf(icpc), category)
		ev.add(csc.StepTime(icpc), csc.EventCPPlanStarted, "Child protection plan started: "+label.Label, "cp_plan", k.plan.ID, chair)
		if ev.err != nil {
			return ev.err
		}
	}
	if err := w.tx.CreateConferenceDecisions(c.ID, c.Decisions); err != nil {
		return fmt.Errorf("conference decisions: %w", err)
	}
	today := csc.DateOf(w.asOf)
	for _, k := range worst {
		if err := w.planWork(k, icpc, end); err != nil {
			return err
		}
	}
	// Review conferences: the first within three months, then six-monthly;
	// the plans end at the review on or after the planned end.
	closes := csc.Date{} // the earliest closure among the household's episodes
	for _, k := range worst {
		if !k.e.workTo.IsZero() && (closes.IsZero() || csc.DateOf(k.e.workTo).Before(closes)) {
			closes = csc.DateOf(k.e.workTo)
		}
	}
	for on := icpc.AddDays(reviewGap(r, 90)); on.Before(today); {
		if !closes.IsZero() && on.After(closes) {
			// The episode closes before the review is due: the plans end
			// with it, without a conference.
			for _, k := range worst {
				if err := w.endPlan(k, closes, chair, w.events(k.cp.child.id)); err != nil {
					return err
				}
			}
			break
		}
		last := !on.Before(end)
		rc, err := conf(csc.ConferenceReview, on, lead.plan.ID, func(m *member) csc.ConferenceDecision {
			k := planned[m.id]
			switch {
			case k == nil:
				return csc.ConferenceDecision{ChildID: m.id}
			case last:
				return csc.ConferenceDecision{ChildID: m.id, EndReason: "no-longer-at-risk", PlanID: k.plan.ID}
			}
			return csc.ConferenceDecision{ChildID: m.id, PlanNeeded: true, Category: category, PlanID: k.plan.ID}
		})
		if err != nil {
			return err
		}
		if err := w.tx.CreateConferenceDecisions(rc.ID, rc.Decisions); err != nil {
			return fmt.Errorf("conference decisions: %w", err)
		}
		for _, k := range worst {
			ev := w.events(k.cp.child.id)
			ev.add(csc.StepTime(on), csc.EventConferenceRCPC, "Review child protection conference held", "cp_conference", rc.ID, chair)
			if last {
				if err := w.endPlan(k, on, chair, ev); err != nil {
					return err
				}
			}
			if ev.err != nil {
				return ev.err
			}
		}
		if last {
			break
		}
		on = on.AddDays(reviewGap(r, 182))
	}
	// Step down: a child in need plan until the episode closes.
	for _, k := range worst {
		if k.plan.End.IsZero() {
			continue
		}
		k.cp.child.cpUntil = k.plan.End
		if !k.e.workTo.IsZero() && !csc.DateOf(k.e.workTo).After(k.plan.End) {
			continue // the episode closed with the plan
		}
		ref := &csc.Referral{ID: k.e.refID}
		from := k.plan.End.In(csc.London).Add(10 * time.Hour)
		if err := w.cinPlan(k.cp, ref, k.e.team, w.events(k.cp.child.id), from, k.e.workTo); err != nil {
			return err
		}
	}
	return nil
}

// endPlan ends a child's protection plan on a date: the child is no longer
// at continuing risk.
func (w *writer) endPlan(k *protected, on csc.Date, chair *worker, ev *events) error {
	k.plan.End, k.plan.EndReason = on, "no-longer-at-risk"
	if err := w.tx.UpdateCPPlan(k.plan); err != nil {
		return fmt.Errorf("cp plan: %w", err)
	}
	ev.add(csc.StepTime(on), csc.EventCPPlanEnded, "Child protection plan ended: no longer at continuing risk", "cp_plan", k.plan.ID, chair)
	return ev.err
}

// planWork writes a protection plan's actions, core groups (the first
// within ten working days of the conference, then every four to six weeks)
// and statutory visits (about every ten working days), up to the plan's end
// or today.
func (w *writer) planWork(k *protected, icpc, end csc.Date) error {
	r, c := w.pr, k.cp.child
	today := csc.DateOf(w.asOf)
	stop := end
	if today.Before(stop) {
		stop = today
	}
	for i, what := range []string{"Parent to attend the domestic abuse programme", "Health visitor to see the baby weekly",
		"School to share attendance and presentation every Friday"} {
		a := &csc.PlanAction{PlanID: k.plan.ID, ChildID: c.id, What: what, Who: []string{"Parent", "Health", "School"}[i],
			Due: icpc.AddDays(30 * (i + 1))}
		if a.Due.Before(today) && r.chance(0.85) {
			a.Done = a.Due.AddDays(-r.between(0, 14))
		}
		if err := w.tx.CreatePlanAction(a); err != nil {
			return fmt.Errorf("plan action: %w", err)
		}
	}
	gap := r.between(4, 9)
	if r.chance(0.1) {
		gap = r.between(11, 15)
	}
	for d := clock.AddWorkingDays(icpc, gap); d.Before(stop); d = d.AddDays(r.between(28, 42)) {
		g := &csc.CoreGroup{PlanID: k.plan.ID, ChildID: c.id, HeldOn: d,
			Attendance: []csc.ConferenceAttendee{{Name: "Parent", Role: "Parent", Attended: true},
				{Name: "Social worker", Role: "Children's social care", Attended: true}},
			Notes: "Progress against each action reviewed; the plan updated."}
		if err := w.tx.CreateCoreGroup(g); err != nil {
			return fmt.Errorf("core group: %w", err)
		}
		ev := w.events(c.id)
		ev.add(csc.StepTime(d), csc.EventCoreGroup, "Core group meeting held", "cp_plan", k.plan.ID, k.cp.workerOn(d.In(csc.London), k.e.team))
		if ev.err != nil {
			return ev.err
		}
	}
	to := end.In(csc.London)
	return w.visits(k.cp, k.e.team, w.events(c.id), csc.PlanKindCP, k.plan.ID, icpc.In(csc.London), to, 10)
}
