package synth

import (
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// What follows a decision: partner checks, the referral and its episode,
// and allocations to teams.

// checks plans the partner agency checks made while screening: most agencies
// are asked about a red contact, few about a green one. Checks on open
// contacts may not be back yet.
func (g *famGen) checks(r *rng, inc *incident) {
	if !inc.screened {
		return
	}
	p := map[csc.RAG]float64{csc.RAGRed: 0.9, csc.RAGAmber: 0.6, csc.RAGGreen: 0.2}[inc.rag]
	if inc.open {
		p = 0.5
	}
	agencies := []csc.Agency{csc.AgencyPolice, csc.AgencyHealth}
	if inc.focus.age >= 4 {
		agencies = append(agencies, csc.AgencyEducation)
	}
	asOf := g.opt.AsOf
	for _, a := range agencies {
		if !r.chance(p) {
			continue
		}
		c := checkPlan{agency: a}
		if inc.open {
			c.requested = inc.screenedAt.Add(asOf.Sub(inc.screenedAt) / 10).Truncate(time.Minute)
			if back := c.requested.Add(r.duration(time.Hour, 6*time.Hour)); back.Before(asOf) && r.chance(0.5) {
				c.returned = back.Truncate(time.Minute)
			}
		} else {
			c.requested = inc.screenedAt.Add(inc.decidedAt.Sub(inc.screenedAt) / 10).Truncate(time.Minute)
			c.returned = c.requested.Add(time.Duration(float64(inc.decidedAt.Sub(c.requested)) * (0.2 + 0.7*r.Float64())))
			c.returned = c.returned.Truncate(time.Minute)
		}
		inc.checks = append(inc.checks, c)
	}
}

// episodeDraw holds the chances behind a referral's course, drawn once per
// incident so that brothers and sisters referred together stay together.
type episodeDraw struct {
	nfa          bool
	assessWD     int // working days from referral to the end of assessment
	outcome      int // 0 closed after assessment, 1 closed to early help, 2 continues
	contDays     int // calendar days the case continues after assessment
	never        bool
	reason       string
	allocDelay   int
	unallocated  bool
	change       bool
	longU, cicU  float64
	ehTaken      bool
	ehDelay      int
	ehDays       int
	need         string
	stepDownEH   bool
	stepDownWait int
}

var primaryNeeds = []weighted[string]{{"N1", 55}, {"N2", 4}, {"N3", 4}, {"N4", 10}, {"N5", 15},
	{"N6", 3}, {"N7", 1}, {"N8", 4}, {"N9", 2}, {"N0", 2}}

var closureReasons = []weighted[string]{{"RC7", 80}, {"RC5", 7}, {"RC4", 5}, {"RC3", 4}, {"RC6", 4}}

func drawEpisode(r *rng, inc *incident) episodeDraw {
	e := episodeDraw{
		need:       inc.th.need,
		nfa:        inc.decision == csc.DecisionReferral && r.chance(0.05),
		assessWD:   r.between(5, 45),
		contDays:   30 + int(r.ExpFloat64()*250),
		never:      r.chance(0.04),
		reason:     choose(r, closureReasons),
		allocDelay: r.between(0, 3), unallocated: r.chance(0.03), change: r.chance(0.3),
		longU: r.Float64(), cicU: r.Float64(),
		ehTaken: r.chance(0.85), ehDelay: r.between(2, 8), ehDays: r.between(60, 240),
		stepDownEH: r.chance(0.8), stepDownWait: r.between(1, 5),
	}
	if e.need == "N0" || r.chance(0.3) {
		e.need = choose(r, primaryNeeds)
	}
	if r.chance(0.07) {
		e.assessWD = r.between(46, 70)
	}
	if inc.decision == csc.DecisionStrategy {
		e.outcome = choose(r, []weighted[int]{{0, 25}, {1, 15}, {2, 60}})
	} else {
		e.outcome = choose(r, []weighted[int]{{0, 40}, {1, 22}, {2, 38}})
	}
	if inc.keepOpen {
		e.nfa, e.outcome, e.never, e.unallocated = false, 2, true, false
	}
	return e
}

// contact makes a child's contact from an incident, and what follows it.
func (g *famGen) contact(r *rng, f *family, inc *incident, c *member) {
	cp := &contactPlan{inc: inc, child: c, decision: inc.decision}
	if !inc.open && c.openUntil.After(inc.at) {
		cp.decision, cp.openCase = csc.DecisionNFA, true
	}
	c.contacts = append(c.contacts, cp)
	inc.contacts = append(inc.contacts, cp)
	switch {
	case inc.open || cp.openCase:
	case cp.decision.OpensReferral():
		g.episode(r, f, cp)
	case cp.decision == csc.DecisionEarlyHelp && inc.ep.ehTaken:
		start := r.workingTimeAfter(inc.decidedAt, inc.ep.ehDelay)
		g.addAlloc(cp, f, csc.TeamEarlyHelp, start, start.Add(day*time.Duration(inc.ep.ehDays)))
	}
}

// episode opens the referral and plans its course: assessment, then
// closure or continuing work in a safeguarding, children in care or
// disabled children's team, with allocations along the way.
func (g *famGen) episode(r *rng, f *family, cp *contactPlan) {
	inc, ep, c, asOf := cp.inc, cp.inc.ep, cp.child, g.opt.AsOf
	e := &episode{date: csc.DateOf(inc.at), need: ep.need}
	cp.referral = e
	if ep.nfa {
		// No assessment took place, so not RC8 "case closed after
		// assessment", which the census queries without one (rule 8825Q).
		e.nfa, e.closed, e.closedAt, e.reason = true, csc.DateOf(inc.decidedAt), inc.decidedAt, "RC7"
		return
	}
	start := r.officeTime(clock.AddWorkingDays(e.date, ep.allocDelay))
	if !start.After(inc.decidedAt) {
		start = r.workingTimeAfter(inc.decidedAt, 0)
	}
	assessDay := later(clock.AddWorkingDays(e.date, ep.assessWD), clock.AddWorkingDays(csc.DateOf(start), 2))
	assessEnd := at(assessDay, 16*60)
	closeAt, reason := assessEnd, "RC8"
	switch ep.outcome {
	case 1:
		reason = "RC9"
	case 2:
		closeAt, reason = at(assessDay.AddDays(ep.contDays), 16*60), ep.reason
	}
	if ep.never || !closeAt.Before(asOf) {
		c.openUntil = asOf.AddDate(100, 0, 0)
	} else {
		c.openUntil = closeAt
		e.closed, e.closedAt = csc.DateOf(closeAt), closeAt
		if inc.decision == csc.DecisionStrategy && (reason == "RC8" || reason == "RC9") {
			reason = "RC7" // closed after a section 47 enquiry, not "after assessment" (census rule 2990)
		}
		e.reason = g.closureReason(c, e.closed, reason)
	}
	open := e.closed.IsZero()
	if ep.unallocated && open {
		return
	}
	if open {
		closeAt = time.Time{}
	}
	e.course, e.strategy = ep.outcome, inc.decision == csc.DecisionStrategy
	if start.Before(asOf) {
		e.assessFrom = start
		if assessEnd.Before(asOf) && (closeAt.IsZero() || !assessEnd.After(closeAt)) {
			e.assessTo = assessEnd
		}
	}
	if ep.outcome != 2 || (!closeAt.IsZero() && !assessEnd.Before(closeAt)) {
		g.addAlloc(cp, f, csc.TeamAssessment, start, closeAt)
	} else {
		g.addAlloc(cp, f, csc.TeamAssessment, start, assessEnd)
		g.continuing(cp, f, assessEnd, closeAt)
		if assessEnd.Before(asOf) {
			e.workFrom, e.workTo = assessEnd, closeAt
		}
	}
	if ep.outcome == 1 && !open && ep.stepDownEH {
		eh := r.workingTimeAfter(closeAt, ep.stepDownWait)
		g.addAlloc(cp, f, csc.TeamEarlyHelp, eh, eh.Add(day*time.Duration(ep.ehDays)))
		if eh.Before(asOf) {
			e.ehFrom = eh
			if end := eh.Add(day * time.Duration(ep.ehDays)); end.Before(asOf) {
				e.ehTo = end
			}
		}
	}
}

// continuing allocates the work after assessment, sometimes with a change
// of worker half way through.
func (g *famGen) continuing(cp *contactPlan, f *family, from, to time.Time) {
	ep, c := cp.inc.ep, cp.child
	kind := csc.TeamSafeguarding
	switch {
	case len(c.p.Disabilities) > 0 && ep.longU < 0.5:
		kind = csc.TeamDisabled
	case ep.contDays > 365 && ep.cicU < 0.35:
		kind = csc.TeamChildInCare
	}
	end := to
	if end.IsZero() {
		end = g.opt.AsOf
	}
	if ep.change && end.Sub(from) > 120*day {
		mid := from.Add(end.Sub(from) / 2)
		g.addAlloc(cp, f, kind, from, mid)
		g.addAlloc(cp, f, kind, mid, to)
		cp.allocs[len(cp.allocs)-1].change = true
		return
	}
	g.addAlloc(cp, f, kind, from, to)
}

func later(a, b csc.Date) csc.Date {
	if a.After(b) {
		return a
	}
	return b
}

// closureReason checks a closure reason fits the child and the year:
// transfer to adult services only at 17, and RC9 only from 2023-24.
func (g *famGen) closureReason(c *member, closed csc.Date, reason string) string {
	if reason == "RC6" && (c.p.DateOfBirth.IsZero() || c.p.DateOfBirth.AgeOn(closed) < 17) {
		reason = "RC7"
	}
	if _, ok := csc.LookupCode(csc.ListClosureReason, csc.CollectionYearOf(closed), reason); !ok {
		reason = "RC8"
	}
	return reason
}

// addAlloc plans an allocation from start to end (zero: still open),
// ending the child's previous allocation when this one starts. Allocations
// that would start after AsOf are not made.
func (g *famGen) addAlloc(cp *contactPlan, f *family, kind csc.TeamKind, start, end time.Time) {
	asOf, c := g.opt.AsOf, cp.child
	if !start.Before(asOf) {
		return
	}
	if last := c.lastAlloc; last != nil && (last.end.IsZero() || last.end.After(start)) {
		last.end = start
		if !last.start.Before(start) {
			last.dropped = true
		}
	}
	if !end.IsZero() && !end.Before(asOf) {
		end = time.Time{}
	}
	if !end.IsZero() && !end.After(start) {
		return
	}
	a := &allocPlan{kind: kind, district: f.d, start: start, end: end, child: c}
	cp.allocs = append(cp.allocs, a)
	c.lastAlloc = a
}
