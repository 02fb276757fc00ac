package synth

import (
	"fmt"
	"strings"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// The steps after the front door: the child and family assessment, then
// child protection (strategy discussion, section 47 enquiry, conferences
// and a plan), a child in need plan with its visits and reviews, or early
// help. The course was planned with the episode (episode.go); the details
// here are drawn from the family's own generator, so adding them leaves
// every earlier draw as it was.

// factorsFor are the assessment factors each theme of concern most often
// leads to.
var factorsFor = map[string][]string{
	"da": {"3A", "3B"}, "neglect": {"16A"}, "injury": {"18C"}, "pmh": {"4B"}, "substance": {"2B", "1B"},
	"cmh": {"4A", "15A"}, "missing": {"10A", "11A"}, "behaviour": {"14A"}, "sexual": {"19C"},
	"online": {"11A"}, "housing": {"20"}, "parenting": {"16A", "17A"}, "disability": {"6A", "5A"},
	"carer": {"7A"}, "homeless": {"20"}, "prebirth": {"2B", "3B"}, "general": {"20"}, "info": {"20"},
}

// categoryFor is the category of abuse a protection plan takes for each
// theme.
var categoryFor = map[string]string{
	"da": "EMO", "neglect": "NEG", "injury": "PHY", "sexual": "SAB", "substance": "NEG", "pmh": "EMO",
	"parenting": "NEG", "prebirth": "NEG", "missing": "EMO", "online": "SAB", "cmh": "EMO",
}

var wishes = []string{
	"Said home is better when it is calm and wants things to stay that way.",
	"Wants to see more of grandparents and to keep going to football.",
	"Said they worry about mum when they are at school.",
	"Did not want to talk today; drew a picture of the family at the park.",
	"Likes their room and showed their new posters; said nobody shouts now.",
	"Wants the social worker to stop coming once things are better.",
	"Said they feel safe at home and would tell a teacher if they did not.",
	"Would like to stay with their brother and sister whatever happens.",
}

var observations = []string{
	"Home warm and tidy; food in the cupboards; the children appropriately dressed.",
	"Parent engaged well and had kept the appointments agreed at the last review.",
	"Some clutter in the kitchen; discussed the routines agreed in the plan.",
	"Parent tired and low in mood; agreed to see the GP this week.",
	"Child's bedroom seen: clean bedding, toys and a working light.",
	"Partner not present; parent said he has not been to the house since the last visit.",
}

// seenAlone says whether a visit saw the child alone: often for school-age
// children, never for babies.
func seenAlone(r *rng, age int) (bool, string) {
	switch {
	case age < 3:
		return false, "Too young to be seen alone; observed with the parent."
	case r.chance(0.72):
		return true, ""
	default:
		return false, pick(r, []string{"Child did not want to be seen alone today.",
			"Parent would not agree to the child being seen alone.", "Seen with a sibling at the child's request."})
	}
}

// worker returns who held the child's case on a date, or the team's manager.
func (cp *contactPlan) workerOn(at time.Time, team *teamPlan) *worker {
	var w *worker
	for _, a := range cp.allocs {
		if a.dropped || a.worker == nil || a.start.After(at) {
			continue
		}
		w = a.worker
	}
	if w == nil {
		w = team.manager
	}
	return w
}

// heldBy reports whether wk holds the child's case at AsOf: the contact's
// open allocation is theirs.
func (cp *contactPlan) heldBy(wk *worker) bool {
	for _, a := range cp.allocs {
		if !a.dropped && a.end.IsZero() && a.worker == wk {
			return true
		}
	}
	return false
}

// pathway writes the steps of one referral after the front door.
func (w *writer) pathway(cp *contactPlan, ref *csc.Referral, team *teamPlan, ev *events) error {
	e := cp.referral
	if e.assessFrom.IsZero() {
		return nil
	}
	r := w.pr
	if err := w.assessment(cp, ref, team, ev); err != nil {
		return err
	}
	if e.closed.IsZero() && !e.assessTo.IsZero() {
		// The worker summarises the case once the assessment is done; later
		// significant events leave some summaries out of date, as in life.
		sw := cp.workerOn(e.assessTo, team)
		need, _ := csc.LookupCode(csc.ListPrimaryNeed, csc.CollectionYearOf(e.date), e.need)
		s := &csc.CaseSummary{ChildID: cp.child.id, Seq: cp.child.summaries + 1, WriterID: sw.s.ID,
			WrittenAt: e.assessTo.Add(26 * time.Hour),
			Text: capitalise(cp.inc.th.label) + " was the reason for the referral; the assessment found the main need to be " +
				strings.ToLower(need.Label) + ". Wishes and feelings: " + pick(r, wishes)}
		if s.WrittenAt.Before(w.asOf) {
			cp.child.summaries++
			if err := w.tx.CreateCaseSummary(s); err != nil {
				return fmt.Errorf("case summary: %w", err)
			}
			ev.add(s.WrittenAt, csc.EventCaseSummary, "Case summary written", "case_summary", s.ID, sw)
		}
	}
	switch {
	case e.strategy && e.course == 2 && !e.workFrom.IsZero():
		return ev.err // protection, then a child in need plan: written for the household together (protection.go)
	case e.course == 2 && !e.workFrom.IsZero():
		return w.cinPlan(cp, ref, team, ev, e.workFrom.Add(day*time.Duration(r.between(1, 5))), e.workTo)
	case !e.ehFrom.IsZero():
		return w.earlyHelp(cp, ref, ev)
	}
	return ev.err
}

// assessment writes the child and family assessment, authorised on the
// day planned (within 45 working days for most), or still in progress.
func (w *writer) assessment(cp *contactPlan, ref *csc.Referral, team *teamPlan, ev *events) error {
	e, r, c := cp.referral, w.pr, cp.child
	sw := cp.workerOn(e.assessFrom, team)
	a := &csc.Assessment{ChildID: c.id, ReferralID: ref.ID, StartDate: csc.DateOf(e.assessFrom), CreatedByID: sw.s.ID}
	end := e.assessTo
	if end.IsZero() {
		end = w.asOf
	}
	// Seen once or twice, early in the assessment.
	for i, n := 0, r.between(1, 2); i < n; i++ {
		d := csc.DateOf(e.assessFrom.Add(time.Duration(float64(end.Sub(e.assessFrom)) * (0.1 + 0.3*float64(i)))))
		if d.Before(a.StartDate) || !d.Before(csc.DateOf(w.asOf)) {
			continue
		}
		alone, _ := seenAlone(r, c.age)
		a.Seen = append(a.Seen, csc.ChildSeen{ChildID: c.id, Date: d, Alone: alone})
	}
	th := cp.inc.th
	a.History = "Known to children's social care before: see the chronology. " + capitalise(th.label) + " is the presenting concern."
	a.LivedExperience = pick(r, wishes)
	a.Identity = map[string]csc.IdentityNote{}
	for _, k := range csc.IdentityAspects {
		a.Identity[k] = csc.IdentityNote{Found: identityFound(k, c)}
	}
	if r.chance(0.15) {
		a.Identity["sexuality"] = csc.IdentityNote{NotExplored: "Not appropriate to explore at the child's age and understanding."}
	}
	a.ParentsCarers = "Parents seen together and separately; both engaged with the assessment."
	a.Risks = cp.risks
	a.Protective = cp.protective
	a.Factors = factorsFor[th.key]
	if len(a.Factors) == 0 {
		a.Factors = []string{"20"}
	}
	if len(a.Seen) == 0 {
		a.NotSeenReason = "Child not available; seen by the health visitor, whose observations are recorded."
	}
	mgr := team.manager
	if !e.assessTo.IsZero() {
		a.Analysis = "Analysis of the risks against the strengths in the family, with the child's view at its centre."
		switch {
		case e.course == 0:
			a.Outcome = csc.OutcomeNFA
		case e.course == 1:
			a.Outcome = csc.OutcomeEarlyHelp
		case e.strategy:
			a.Outcome = csc.OutcomeStrategy
		default:
			a.Outcome = csc.OutcomeCINPlan
		}
		a.NextSteps = a.Outcome.Label() + "."
		a.Status = csc.AssessmentAuthorised
		a.SubmittedAt = e.assessTo.Add(-3 * time.Hour)
		a.AuthorisedDate = csc.DateOf(e.assessTo)
		a.AuthorisedByID = mgr.s.ID
	} // else still in progress: the sections partly written
	if err := w.tx.CreateAssessment(a); err != nil {
		return fmt.Errorf("assessment: %w", err)
	}
	w.sum.Assessments++
	ev.add(e.assessFrom, csc.EventAssessmentStarted, "Child and family assessment started", "assessment", a.ID, sw)
	for i := range a.Seen {
		s := &a.Seen[i]
		s.AssessmentID = a.ID
		if err := w.tx.CreateChildSeen(s); err != nil {
			return fmt.Errorf("child seen: %w", err)
		}
		ev.add(csc.StepTime(s.Date), csc.EventVisit, map[bool]string{true: "Child seen alone for the assessment",
			false: "Child seen for the assessment"}[s.Alone], "assessment", a.ID, sw)
	}
	if th.key == "homeless" {
		if err := w.homeless(cp, a, sw, ev); err != nil {
			return err
		}
	}
	if !e.assessTo.IsZero() {
		ev.add(e.assessTo, csc.EventAssessmentCompleted, "Assessment authorised: "+a.Outcome.Label(), "assessment", a.ID, mgr)
	}
	return ev.err
}

// homeless records a 16- or 17-year-old's presentation as homeless, which
// the assessment answers, and the section 20 decision made with the young
// person's informed view a few days later.
func (w *writer) homeless(cp *contactPlan, a *csc.Assessment, sw *worker, ev *events) error {
	r, c, e := w.pr, cp.child, cp.referral
	age := c.p.DateOfBirth.AgeOn(e.date)
	if age < 16 || age > 17 {
		return nil
	}
	h := &csc.HomelessPresentation{ChildID: c.id, ReferralID: e.refID, AssessmentID: a.ID, PresentedOn: e.date, Age: age}
	if err := w.tx.CreateHomeless(h); err != nil {
		return fmt.Errorf("homeless presentation: %w", err)
	}
	ev.add(csc.StepTime(e.date), "homeless.presented", "Presented as homeless at 16 or 17", "homeless_presentation", h.ID, sw)
	decided := e.date.AddDays(r.between(1, 6))
	if !decided.Before(csc.DateOf(w.asOf)) || (!e.closed.IsZero() && decided.After(e.closed)) {
		return ev.err
	}
	h.DecisionDate, h.ToldConsequences, h.Competent = decided, true, r.chance(0.95)
	h.View = pick(r, []string{"Wants to stay at a friend's until things calm down at home, not to be in care.",
		"Wants somewhere of their own and understands what being looked after would mean.",
		"Would go home if mum agrees to the family meeting; does not want to be accommodated."})
	if r.chance(0.3) {
		h.Decision = "accommodated"
	} else {
		h.Decision, h.NotReason = "not_accommodated", "Returned to family with support after a family network meeting."
	}
	if r.chance(0.6) {
		h.InterimProvided, h.InterimWhere = true, "Housing's emergency accommodation for young people"
	}
	if err := w.tx.UpdateHomeless(h); err != nil {
		return fmt.Errorf("homeless decision: %w", err)
	}
	ev.add(csc.StepTime(decided), csc.EventHomelessDecision, "Section 20 decision: "+h.DecisionLabel(), "homeless_presentation", h.ID, sw)
	return ev.err
}

// identityFound is what an assessment records of one aspect of the child's
// identity, from what the record already holds.
func identityFound(aspect string, c *member) string {
	p := &c.p
	switch aspect {
	case "ethnicity":
		return "Child's heritage discussed with the family; recorded as " + string(p.Ethnicity) + "."
	case "language":
		if p.FirstLanguage != "" {
			return "First language " + p.FirstLanguage + "."
		}
		return "Speaks English at home and at school."
	case "religion":
		if p.Religion != "" {
			return p.Religion + "; the family's practice discussed."
		}
		return "The family has no religious practice."
	case "disability":
		if len(p.Disabilities) > 0 && p.Disabilities[0] != "NONE" {
			return "Disability recorded; needs and support discussed with the family."
		}
		return "No disability identified."
	case "gender":
		return "Discussed with the child in a way suited to their age."
	case "sexuality":
		return "Not raised by the child; explored in a way suited to their age."
	}
	return "The family's culture and routines discussed."
}

// cinPlan writes a child in need plan from a date, with reviews about every
// three months and statutory visits about every 20 working days (some late).
func (w *writer) cinPlan(cp *contactPlan, ref *csc.Referral, team *teamPlan, ev *events, from, to time.Time) error {
	r, c := w.pr, cp.child
	if !from.Before(w.asOf) || (!to.IsZero() && !to.After(from)) {
		return ev.err
	}
	sw := cp.workerOn(from, team)
	p := &csc.CINPlan{ChildID: c.id, ReferralID: ref.ID, StartDate: csc.DateOf(from), StartedByID: sw.s.ID}
	if !to.IsZero() {
		p.EndDate, p.EndReason = csc.DateOf(to), "needs-met"
	}
	if err := w.tx.CreateCINPlan(p); err != nil {
		return fmt.Errorf("cin plan: %w", err)
	}
	w.sum.CINPlans++
	ev.add(csc.StepTime(p.StartDate), csc.EventCINPlanStarted, "Child in need plan started", "cin_plan", p.ID, sw)
	for i, what := range []string{"Attend the parenting programme", "School to report attendance weekly",
		"GP appointment for the parent's mood"} {
		act := &csc.CINAction{PlanID: p.ID, ChildID: c.id, What: what, Who: []string{"Parent", "School", "Parent"}[i],
			Due: p.StartDate.AddDays(28 * (i + 1))}
		if act.Due.Before(csc.DateOf(w.asOf)) && r.chance(0.8) {
			act.Done = act.Due.AddDays(-r.between(0, 10))
		}
		if err := w.tx.CreateCINAction(act); err != nil {
			return fmt.Errorf("cin action: %w", err)
		}
	}
	end := to
	if end.IsZero() {
		end = w.asOf
	}
	for d := p.StartDate.AddDays(reviewGap(r, 90)); d.Before(csc.DateOf(end)); d = d.AddDays(reviewGap(r, 90)) {
		rv := &csc.CINReview{PlanID: p.ID, ChildID: c.id, Date: d, Attendance: "Parent, school, health visitor",
			Outcome: "continue", RecordedByID: sw.s.ID}
		if err := w.tx.CreateCINReview(rv); err != nil {
			return fmt.Errorf("cin review: %w", err)
		}
		ev.add(csc.StepTime(d), csc.EventCINReview, "Child in need plan reviewed", "cin_plan", p.ID, sw)
	}
	if err := w.visits(cp, team, ev, csc.PlanKindCIN, p.ID, from, end, 20); err != nil {
		return err
	}
	if !to.IsZero() {
		ev.add(csc.StepTime(p.EndDate), csc.EventCINPlanEnded, "Child in need plan ended: needs met", "cin_plan", p.ID, sw)
	}
	return ev.err
}

// reviewGap is the days to the next review due within days: most on time,
// one in ten late.
func reviewGap(r *rng, days int) int {
	if r.chance(0.1) {
		return r.between(days+3, days*13/10)
	}
	return r.between(days*3/4, days-3)
}

// visits writes statutory visits under a plan from one time to another,
// about every wd working days; one gap in ten runs late.
func (w *writer) visits(cp *contactPlan, team *teamPlan, ev *events, kind string, planID int64, from, to time.Time, wd int) error {
	r, c := w.pr, cp.child
	d := csc.DateOf(from)
	for {
		gap := r.between(wd*6/10, wd)
		if r.chance(0.1) {
			gap = r.between(wd+1, wd*3/2)
		}
		d = clock.AddWorkingDays(d, gap)
		at := r.officeTime(d)
		if !at.Before(to) || !at.Before(w.asOf) {
			return ev.err
		}
		sw := cp.workerOn(at, team)
		if demo := w.st.demo["sw"]; demo != nil && !w.st.demoLate && !to.Before(w.asOf) && cp.heldBy(demo) &&
			clock.AddWorkingDays(d, wd+3).After(csc.DateOf(w.asOf)) {
			// One of the plans the demo social worker holds at AsOf misses
			// its latest visit, so their tray shows an overdue timescale to
			// explain: the visit before this one was at least wd+3 working
			// days ago. (Whoever made the earlier visits, the clock is the
			// worker's who holds the case now.)
			w.st.demoLate = true
			return ev.err
		}
		age := c.p.DateOfBirth.AgeOn(d)
		alone, why := seenAlone(r, age)
		v := &csc.Visit{ChildID: c.id, At: at, Type: csc.VisitStatutory, PlanKind: kind, PlanID: planID,
			ChildSeen: true, SeenAlone: alone, NotAloneReason: why, BedroomSeen: map[bool]string{true: "yes", false: "no"}[r.chance(0.6)],
			Present: "Parent", Announced: map[bool]string{true: "announced", false: "unannounced"}[r.chance(0.75)],
			WishesFeelings: pick(r, wishes), Observations: pick(r, observations), RecordedByID: sw.s.ID}
		if age < 1 {
			v.BabyAwake = "yes"
		}
		if err := w.tx.CreateVisit(v); err != nil {
			return fmt.Errorf("visit: %w", err)
		}
		ev.add(at, csc.EventVisit, map[bool]string{true: "Statutory visit: child seen alone", false: "Statutory visit: child seen"}[alone],
			"visit", v.ID, sw)
		w.sum.Visits++
	}
}

// earlyHelp writes the early help episode a closure stepped down to.
func (w *writer) earlyHelp(cp *contactPlan, ref *csc.Referral, ev *events) error {
	e, r, c := cp.referral, w.pr, cp.child
	h := &csc.EarlyHelp{ChildID: c.id, ReferralID: ref.ID, StartDate: csc.DateOf(e.ehFrom),
		LeadPractitioner: pick(r, []string{"Family support worker", "School family liaison officer", "Health visitor"}),
		Agency:           pick(r, []string{"Family hub", "School", "Health visiting"}), Consent: true}
	if err := w.tx.CreateEarlyHelp(h); err != nil {
		return fmt.Errorf("early help: %w", err)
	}
	w.sum.EarlyHelp++
	var by *worker
	if a := c.lastAlloc; a != nil && a.worker != nil {
		by = a.worker
	}
	ev.add(csc.StepTime(h.StartDate), csc.EventEarlyHelpStarted, "Stepped down to early help: "+h.Agency, "early_help", h.ID, by)
	h.EHAStart = h.StartDate.AddDays(r.between(3, 10))
	if !h.EHAStart.Before(csc.DateOf(w.asOf)) {
		h.EHAStart = csc.Date{}
	} else if done := h.EHAStart.AddDays(r.between(10, 30)); done.Before(csc.DateOf(w.asOf)) {
		h.EHACompleted = done
	}
	if !e.ehTo.IsZero() {
		h.EndDate, h.EndReason = csc.DateOf(e.ehTo), "Outcomes achieved"
	}
	if err := w.tx.UpdateEarlyHelp(h); err != nil {
		return fmt.Errorf("early help: %w", err)
	}
	if !h.EndDate.IsZero() {
		ev.add(csc.StepTime(h.EndDate), csc.EventEarlyHelpEnded, "Early help ended: outcomes achieved", "early_help", h.ID, by)
	}
	return ev.err
}
