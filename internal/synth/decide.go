package synth

import (
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// Deciding an incident: the decision, the concern it is about, its rating,
// consent, timings, partner checks and the referral that may follow.

// decisionWeights are the front door's decisions before contacts about
// children already open to a team (which are passed to the allocated
// worker and recorded as no further action) and re-referrals are added.
var decisionWeights = []weighted[csc.Decision]{
	{csc.DecisionNFA, 23}, {csc.DecisionAdvice, 23.5}, {csc.DecisionEarlyHelp, 24.5},
	{csc.DecisionReferral, 23.5}, {csc.DecisionStrategy, 5.5},
}

var prebirthDecisions = []weighted[csc.Decision]{
	{csc.DecisionReferral, 45}, {csc.DecisionEarlyHelp, 25}, {csc.DecisionAdvice, 15},
	{csc.DecisionStrategy, 5}, {csc.DecisionNFA, 10},
}

// bandFor says how serious the concerns behind a decision are.
func bandFor(r *rng, d csc.Decision) int {
	switch d {
	case csc.DecisionNFA:
		return choose(r, []weighted[int]{{bandLow, 85}, {bandMid, 15}})
	case csc.DecisionAdvice:
		return choose(r, []weighted[int]{{bandLow, 75}, {bandMid, 25}})
	case csc.DecisionEarlyHelp:
		return choose(r, []weighted[int]{{bandLow, 40}, {bandMid, 60}})
	case csc.DecisionReferral:
		return choose(r, []weighted[int]{{bandMid, 70}, {bandHigh, 30}})
	}
	return bandHigh
}

// ragFor rates a contact from its band, mostly as the band suggests.
func ragFor(r *rng, band int, d csc.Decision) csc.RAG {
	switch {
	case d == csc.DecisionStrategy:
		return csc.RAGRed
	case band == bandHigh:
		return choose(r, []weighted[csc.RAG]{{csc.RAGRed, 85}, {csc.RAGAmber, 15}})
	case band == bandMid:
		return choose(r, []weighted[csc.RAG]{{csc.RAGAmber, 80}, {csc.RAGGreen, 10}, {csc.RAGRed, 10}})
	}
	return choose(r, []weighted[csc.RAG]{{csc.RAGGreen, 85}, {csc.RAGAmber, 15}})
}

// consentFor draws consent to fit the decision, as the front door's rules
// require: early help needs consent given, and a referral cannot proceed
// on a refusal unless it is overridden. Overall consent is given about
// three times in four, refused in about one contact in thirteen and
// overridden in about one in thirty.
func consentFor(r *rng, d csc.Decision, open bool) csc.Consent {
	if open {
		return choose(r, []weighted[csc.Consent]{{csc.ConsentSought, 40}, {csc.ConsentGiven, 40}, {csc.ConsentNotSought, 20}})
	}
	switch d {
	case csc.DecisionNFA:
		return choose(r, []weighted[csc.Consent]{{csc.ConsentGiven, 60}, {csc.ConsentRefused, 18}, {csc.ConsentSought, 12}, {csc.ConsentNotSought, 10}})
	case csc.DecisionAdvice:
		return choose(r, []weighted[csc.Consent]{{csc.ConsentGiven, 75}, {csc.ConsentRefused, 12}, {csc.ConsentSought, 8}, {csc.ConsentNotSought, 5}})
	case csc.DecisionEarlyHelp:
		return csc.ConsentGiven
	case csc.DecisionReferral:
		return choose(r, []weighted[csc.Consent]{{csc.ConsentGiven, 88}, {csc.ConsentOverridden, 5}, {csc.ConsentSought, 7}})
	}
	return choose(r, []weighted[csc.Consent]{{csc.ConsentGiven, 40}, {csc.ConsentOverridden, 25}, {csc.ConsentNotSought, 35}})
}

// decide fills in an incident and makes one contact per child it concerns.
func (g *famGen) decide(r *rng, f *family, inc *incident) {
	unborn := inc.focus.p.Kind == csc.KindUnborn
	year := csc.CollectionYearOf(csc.DateOf(inc.at))
	switch {
	case unborn:
		inc.src = midwifery
		inc.decision = choose(r, prebirthDecisions)
	default:
		inc.src = pickSource(r, inc.focus.age, year, !inc.onlyFocus)
		inc.decision = choose(r, decisionWeights)
	}
	if inc.forced != "" {
		inc.decision = inc.forced
	}
	inc.band = bandFor(r, inc.decision)
	if inc.open {
		inc.band = choose(r, []weighted[int]{{bandLow, 45}, {bandMid, 40}, {bandHigh, 15}})
	}
	inc.th, inc.text = pickTheme(r, inc, unborn)
	if inc.th.key == "homeless" && inc.forced == "" && !inc.decision.OpensReferral() {
		// A 16/17-year-old presenting as homeless is always assessed.
		inc.decision = csc.DecisionReferral
	}
	inc.rag = ragFor(r, inc.band, inc.decision)
	inc.consent = consentFor(r, inc.decision, inc.open)
	inc.ooh = r.chance(inc.src.ooh + 0.03)
	if !inc.open {
		d := csc.DateOf(inc.at)
		if !inc.ooh {
			inc.at = r.officeTime(d)
		}
		if inc.ooh || !inc.at.Before(g.opt.AsOf.Add(-36*time.Hour)) {
			// Office hours would fall after the cut-off (a weekend or bank
			// holiday just before AsOf): it came in out of hours instead.
			inc.ooh, inc.at = true, r.outOfHoursTime(d)
		}
	} else {
		inc.ooh = !clock.IsWorkingDay(csc.DateOf(inc.at)) || inc.at.In(csc.London).Hour() < 8 || inc.at.In(csc.London).Hour() >= 17
	}
	inc.due = clock.WorkingDayDeadline(inc.at, 1, csc.London)
	inc.referrer = g.referrer(r, inc.src, f, inc.focus)
	for _, c := range f.children {
		if c == inc.focus || (!inc.onlyFocus && c.p.Kind == csc.KindChild && c.born.Before(inc.at.Add(-day))) {
			inc.children = append(inc.children, c)
		}
	}
	if inc.open {
		g.openTimes(r, inc)
	} else {
		g.times(r, inc)
	}
	g.checks(r, inc)
	inc.ep = drawEpisode(r, inc)
	for _, c := range inc.children {
		g.contact(r, f, inc, c)
	}
}

// pickTheme chooses what the contact is about, among the source's themes
// that fit the child, the band and the incident's reach, and a template.
func pickTheme(r *rng, inc *incident, unborn bool) (*theme, string) {
	var list []weighted[*theme]
	for _, tw := range inc.src.themes {
		t := themeByKey(tw.v)
		if t == nil || (!inc.onlyFocus && !t.family) || (!unborn && (focusAge(inc) < t.minAge || focusAge(inc) > t.maxAge)) {
			continue
		}
		if len(templatesFor(t, inc)) > 0 {
			list = append(list, weighted[*theme]{t, tw.w})
		}
	}
	t := themes[len(themes)-1] // general concerns, which fit every source and band
	if len(list) > 0 {
		t = choose(r, list)
	}
	return t, pick(r, templatesFor(t, inc))
}

// focusAge is the child's age when the incident happened: a theme such as
// a 16/17-year-old presenting as homeless must fit the child then, not now.
func focusAge(inc *incident) int {
	if dob := inc.focus.p.DateOfBirth; !dob.IsZero() && !inc.at.IsZero() {
		return dob.AgeOn(csc.DateOf(inc.at))
	}
	return inc.focus.age
}

func templatesFor(t *theme, inc *incident) []string {
	var out []string
	for _, tp := range t.texts {
		if tp.band == inc.band && tagFits(tp.src, inc.src.group, focusAge(inc), inc.focus.p.Sex) {
			out = append(out, tp.text)
		}
	}
	return out
}

func themeByKey(key string) *theme {
	for _, t := range themes {
		if t.key == key {
			return t
		}
	}
	return nil
}

// times sets when a decided contact was screened, decided and overseen.
// About one decision in ten misses its deadline, more three years ago than
// now; managers' oversight is recorded on most decisions, more often now.
func (g *famGen) times(r *rng, inc *incident) {
	asOf := g.opt.AsOf
	inc.late = r.chance(0.16 - 0.1*inc.progress)
	switch {
	case inc.late:
		inc.decidedAt = r.workingTimeAfter(inc.due, r.between(0, 2))
	case inc.decision == csc.DecisionStrategy || r.chance(0.55):
		inc.decidedAt = r.workingTimeAfter(inc.at.Add(r.duration(20*time.Minute, 3*time.Hour)), 0)
	default:
		inc.decidedAt = r.workingTimeAfter(inc.at, 1)
	}
	if !inc.late && !inc.decidedAt.Before(inc.due) {
		inc.decidedAt = inc.at.Add(inc.due.Sub(inc.at) / 2)
	}
	if !inc.decidedAt.Before(asOf) {
		inc.decidedAt = inc.at.Add(asOf.Sub(inc.at) / 2)
		inc.late = !inc.decidedAt.Before(inc.due)
	}
	inc.screened = true
	inc.screenedAt = inc.decidedAt.Add(-r.duration(20*time.Minute, 4*time.Hour))
	if floor := inc.at.Add(inc.decidedAt.Sub(inc.at) / 10); inc.screenedAt.Before(floor) {
		inc.screenedAt = floor
	}
	inc.screenedAt = inc.screenedAt.Truncate(time.Minute)
	inc.byManager = r.chance(0.35)
	if r.chance(0.75 + 0.2*inc.progress) {
		o := r.workingTimeAfter(inc.decidedAt, choose(r, []weighted[int]{{0, 6}, {1, 3}, {2, 1}}))
		if o.Before(asOf) {
			inc.overseenAt = o
		}
	}
}

// openTimes sets how far an undecided contact has got: most are screened,
// some with partner checks back.
func (g *famGen) openTimes(r *rng, inc *incident) {
	inc.decision = csc.DecisionNone
	inc.screened = r.chance(0.6)
	if inc.screened {
		inc.screenedAt = inc.at.Add(g.opt.AsOf.Sub(inc.at) / time.Duration(r.between(2, 5))).Truncate(time.Minute)
	} else {
		inc.rag = csc.RAGNone
	}
}
