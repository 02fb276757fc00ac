package synth

import (
	"slices"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// The history of a family: contacts over the last three years, what the
// front door decided, the referrals (CIN episodes) that followed, and who
// held each child's case. Incidents are planned first, then decided in
// order, because what happens next depends on what is still open.

const day = 24 * time.Hour

// incident is one piece of news about a family reaching the front door:
// one contact for each child it concerns, decided together.
type incident struct {
	at, due    time.Time
	src        *source
	th         *theme
	text       string // the presenting-concerns template
	band       int
	ooh, open  bool
	screened   bool
	decision   csc.Decision
	rag        csc.RAG
	consent    csc.Consent
	screenedAt time.Time
	decidedAt  time.Time
	overseenAt time.Time // zero when no manager oversight was recorded
	late       bool
	byManager  bool
	checks     []checkPlan
	referrer   csc.Referrer
	focus      *member
	children   []*member
	contacts   []*contactPlan
	progress   float64      // 0 three years ago, 1 at AsOf: practice improves over time
	forced     csc.Decision // a decision fixed in advance
	keepOpen   bool         // the referral stays open (the demo's restricted case)
	onlyFocus  bool
	ep         episodeDraw
}

// checkPlan is a partner agency check on a contact.
type checkPlan struct {
	agency              csc.Agency
	requested, returned time.Time
}

// contactPlan is one child's contact from an incident.
type contactPlan struct {
	inc      *incident
	child    *member
	decision csc.Decision
	openCase bool // the child was already open to a social work team
	referral *episode
	allocs   []*allocPlan
	// free text, filled when writing
	presenting, historic, risks, protective  string
	summary, rationale, consentWhy, overseen string
	checkText                                []string
}

// episode is a referral and its outcome.
type episode struct {
	date     csc.Date
	nfa      bool
	need     string
	closed   csc.Date
	closedAt time.Time // when the closure was recorded
	reason   string

	// The course of the work, for the writer to record step by step (see
	// pathway.go). Zero times are steps not reached by AsOf.
	assessFrom, assessTo time.Time // the assessment's start and authorisation
	course               int       // as episodeDraw.outcome
	strategy             bool      // the front door asked for a strategy discussion
	workFrom, workTo     time.Time // continuing work after the assessment
	ehFrom, ehTo         time.Time // early help after closure

	// Set when written.
	refID int64
	team  *teamPlan
}

// allocPlan is a period on a team's caseload. The writer chooses the team
// and worker; end is zero while it continues.
type allocPlan struct {
	kind       csc.TeamKind
	district   *district
	start, end time.Time
	change     bool // a new worker in the same team
	dropped    bool // superseded before it began
	child      *member
	worker     *worker // set when written
	team       *teamPlan
}

// history plans and decides the family's incidents.
func (g *famGen) history(r *rng, f *family) {
	asOf := g.opt.AsOf
	start, cutoff := asOf.AddDate(-3, 0, 0), asOf.Add(-36*time.Hour)
	var incs []*incident
	if f.showcase && f.children[0].p.Kind == csc.KindChild {
		incs = append(incs, &incident{at: asOf.Add(-day * time.Duration(r.between(10, 40))),
			focus: f.children[0], forced: csc.DecisionReferral, keepOpen: true, onlyFocus: true})
	} else if f.born() > 0 {
		incs = g.planIncidents(r, f, start, cutoff)
	}
	for _, c := range f.children {
		if c.p.Kind == csc.KindUnborn {
			from := maxTime(start, at(c.p.ExpectedDateOfBirth.AddDays(-182), 12*60))
			incs = append(incs, &incident{at: randTime(r, from, cutoff), focus: c, onlyFocus: true})
			continue
		}
		if !slices.ContainsFunc(incs, func(i *incident) bool { return i.focus == c || (!i.onlyFocus && c.born.Before(i.at.Add(-day))) }) {
			from := minTime(maxTime(start, c.born.Add(3*day)), cutoff.Add(-time.Hour))
			incs = append(incs, &incident{at: randTime(r, from, cutoff), focus: c, onlyFocus: true})
		}
	}
	if f.index < 2 || g.spread(f.index, openShare, 1) {
		incs = append(incs, g.openIncident(r, f))
	}
	slices.SortStableFunc(incs, func(a, b *incident) int { return a.at.Compare(b.at) })
	for i := 0; i < len(incs); i++ {
		inc := incs[i]
		inc.progress = float64(inc.at.Sub(start)) / float64(asOf.Sub(start))
		g.decide(r, f, inc)
		for _, next := range g.reReferrals(r, inc, cutoff) {
			j := i + 1
			for j < len(incs) && !incs[j].at.After(next.at) {
				j++
			}
			incs = slices.Insert(incs, j, next)
		}
	}
	f.incidents = incs
}

// reReferral is the chance that a closed referral is followed by another
// within the year: about one referral in five is a re-referral.
const reReferral = 0.36

// reReferrals plans the new concerns that bring children back after their
// referral closed.
func (g *famGen) reReferrals(r *rng, inc *incident, cutoff time.Time) []*incident {
	var out []*incident
	for _, cp := range inc.contacts {
		e := cp.referral
		if e == nil || e.nfa || e.closed.IsZero() || !r.chance(reReferral) {
			continue
		}
		t := at(e.closed, 12*60).Add(day * time.Duration(r.between(14, 300)))
		if t.Before(cutoff) {
			d := choose(r, []weighted[csc.Decision]{{csc.DecisionReferral, 80}, {csc.DecisionStrategy, 20}})
			out = append(out, &incident{at: t, focus: cp.child, forced: d, onlyFocus: true})
		}
	}
	return out
}

// openShare is the share of families with a contact awaiting a decision at
// AsOf: about 1.5% of children, so about 30 on the demo's front-door queue.
const openShare = 0.02

// spread reports whether family index is among a share of families, spread
// evenly through the families (a Weyl sequence from the seed) rather than
// drawn independently, so that small authorities get their share too.
func (g *famGen) spread(index int, share float64, salt uint64) bool {
	offset := float64(mix(g.opt.Seed^mix(salt))>>11) / (1 << 53)
	x := offset + float64(index)*0.6180339887498949
	return x-float64(int(x)) < share
}

// incidentCounts is how many incidents a family has in three years: most
// families come to the front door once, a few again and again.
var incidentCounts = []weighted[int]{{1, 66}, {2, 15}, {3, 8}, {4, 5}, {5, 3}, {6, 2}, {8, 1}}

func (g *famGen) planIncidents(r *rng, f *family, start, cutoff time.Time) []*incident {
	eldest := f.children[0]
	from := maxTime(start, eldest.born.Add(3*day))
	n := choose(r, incidentCounts)
	var out []*incident
	t := randTime(r, from, cutoff)
	for i := 0; i < n && t.Before(cutoff); i++ {
		var kids []*member
		for _, c := range f.children {
			if c.p.Kind == csc.KindChild && c.born.Before(t.Add(-day)) {
				kids = append(kids, c)
			}
		}
		out = append(out, &incident{at: t, focus: pick(r, kids), onlyFocus: len(kids) == 1 || !r.chance(0.6)})
		if r.chance(0.5) {
			t = t.Add(day * time.Duration(r.between(7, 90)))
		} else {
			t = randTime(r, t, cutoff.Add(200*day))
		}
	}
	return out
}

// openIncident is a contact still awaiting a decision at AsOf, received in
// the last three working days. The first family's is overdue and the
// second's not yet due, so the front-door queue always shows both.
func (g *famGen) openIncident(r *rng, f *family) *incident {
	asOf := g.opt.AsOf
	today := clock.WorkingDayOnOrBefore(csc.DateOf(asOf))
	var at time.Time
	switch {
	case f.index == 0:
		at = r.officeTime(clock.AddWorkingDays(today, -r.between(2, 3)))
	case f.index == 1:
		at = asOf.Add(-r.duration(30*time.Minute, 4*time.Hour)).Truncate(time.Minute)
	default:
		at = r.officeTime(clock.AddWorkingDays(today, -choose(r, []weighted[int]{{0, 35}, {1, 35}, {2, 20}, {3, 10}})))
		if r.chance(0.12) {
			at = r.outOfHoursTime(csc.DateOf(at).AddDays(-1))
		}
	}
	if !at.Before(asOf) {
		at = asOf.Add(-r.duration(10*time.Minute, 3*time.Hour)).Truncate(time.Minute)
	}
	var kids []*member
	for _, c := range f.children {
		if c.p.Kind == csc.KindUnborn || c.born.Before(at.Add(-day)) {
			kids = append(kids, c)
		}
	}
	return &incident{at: at, open: true, focus: pick(r, kids), onlyFocus: len(kids) == 1 || !r.chance(0.4)}
}

func randTime(r *rng, from, to time.Time) time.Time {
	if !to.After(from) {
		return from
	}
	return from.Add(time.Duration(r.Int64N(int64(to.Sub(from)))))
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
