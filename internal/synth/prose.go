package synth

import (
	"fmt"
	"strings"

	"cairn/internal/csc"
)

// Writing the free text of a family's contacts. The words are chosen once
// per incident, so brothers and sisters referred together have the same
// account, and filled in for each child.

var noHistory = []string{
	"No previous contacts with Northmoor children's services.",
	"Not previously known to children's social care in Northmoor.",
	"No previous involvement known. The family moved to {town} about two years ago; records requested from the previous authority.",
	"Not known to children's social care. The family had support from the {town} family hub when {Child} was younger.",
}

var lowRisks = []string{
	"No immediate risks identified.",
	"Low-level concern about {label}; no indication that {Child} has been harmed.",
	"No immediate risks identified; needs can be met by universal services.",
}

var genericProtective = []string{
	"{Carer} engaged with the screening call and gave a consistent account.",
	"The family have a supportive network of friends and relatives nearby.",
	"{Child} is registered with a GP and has been seen regularly by health services.",
}

// incidentWords are the templates chosen for an incident.
type incidentWords struct {
	risks, protective []string
	checks            []string
	rationale         string
	consent           string
	oversight         string
	noHistory         string
}

func (g *famGen) writeText(r *rng, f *family) {
	for _, inc := range f.incidents {
		w := g.chooseWords(r, inc)
		for _, cp := range inc.contacts {
			s := g.slotsFor(r, f, inc, cp.child)
			cp.presenting = fill(inc.text, s)
			cp.historic = historic(cp, s, w.noHistory)
			cp.consentWhy = fill(w.consent, s)
			if inc.screened {
				cp.risks = fillAll(w.risks, s)
				cp.protective = fillAll(w.protective, s)
				cp.summary = summary(inc, cp)
			}
			for i, c := range inc.checks {
				text := ""
				if !c.returned.IsZero() {
					text = fill(w.checks[i], s)
				}
				cp.checkText = append(cp.checkText, text)
			}
			if inc.open {
				continue
			}
			cp.rationale = fill(w.rationale, s)
			if cp.openCase {
				cp.rationale = fill(openCaseText, s)
			}
			if !inc.overseenAt.IsZero() {
				cp.overseen = fill(w.oversight, s)
				if cp.openCase {
					cp.overseen = "Agree: open case, and the information has gone to the allocated social worker."
				}
			}
		}
	}
}

func (g *famGen) chooseWords(r *rng, inc *incident) incidentWords {
	var w incidentWords
	w.noHistory = pick(r, noHistory)
	if inc.rag == csc.RAGGreen {
		w.risks = []string{pick(r, lowRisks)}
	} else {
		w.risks = pickSome(r, inc.th.risks, 2)
	}
	w.protective = append(pickSome(r, inc.th.protective, 1), pickSome(r, genericProtective, 1)...)
	band := inc.band
	for _, c := range inc.checks {
		w.checks = append(w.checks, pick(r, checkTexts[c.agency][band]))
	}
	if inc.decision != csc.DecisionNone {
		w.rationale = pick(r, decisionTexts[inc.decision])
		w.oversight = pick(r, oversightTexts[inc.decision])
		if inc.late {
			w.oversight += lateOversight
		}
	}
	if list := consentTexts[inc.consent]; len(list) > 0 {
		w.consent = pick(r, list)
	}
	return w
}

// pickSome returns up to n different entries of list, in list order.
func pickSome(r *rng, list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	var out []string
	for i, s := range list {
		if r.IntN(len(list)-i) < n-len(out) {
			out = append(out, s)
		}
	}
	return out
}

func fillAll(list []string, s *slots) string {
	out := make([]string, len(list))
	for i, t := range list {
		out[i] = fill(t, s)
	}
	return strings.Join(out, " ")
}

// slotsFor gathers what the templates need to know about a child on a
// contact.
func (g *famGen) slotsFor(r *rng, f *family, inc *incident, c *member) *slots {
	s := &slots{child: c.name(), town: f.home.town, address: f.home.address, label: inc.th.label,
		n: r.between(2, 5), pct: r.between(68, 89)}
	s.he, s.his, s.him = pronouns(c.p.Sex, c.name())
	local := inc.at.In(csc.London)
	s.day, s.time = local.Weekday().String(), local.Format("15:04")
	s.kids, s.was, s.is = s.child, "was", "is"
	switch others := len(inc.children) - 1; {
	case others == 1:
		other := inc.children[0]
		if other == c {
			other = inc.children[1]
		}
		s.kids = fmt.Sprintf("%s and %s %s %s", s.child, s.his, strings.ToLower(relationTo(c, other)), other.name())
		s.was, s.is = "were", "are"
	case others > 1:
		s.kids, s.was, s.is = s.child+" and "+s.his+" siblings", "were", "are"
	}
	carer := f.carer
	s.carer, s.carerrel = carer.p.GivenName, strings.ToLower(carer.role)
	s.cshe, s.cher, s.cherO = "she", "her", "her"
	if carer.p.Sex == "M" {
		s.cshe, s.cher, s.cherO = "he", "his", "him"
	}
	s.partner = s.cher + " ex-partner"
	if f.partner != nil {
		s.partner = f.partner.p.GivenName
	}
	s.org = inc.referrer.Organisation
	if s.org == "" {
		s.org = "the referrer"
	}
	s.dis = "additional needs"
	if len(c.p.Disabilities) > 0 {
		s.dis = disabilityWords[c.p.Disabilities[0]]
	}
	if c.p.Kind == csc.KindUnborn {
		s.weeks = max(8, 40-int(c.p.ExpectedDateOfBirth.In(csc.London).Sub(inc.at)/(7*day)))
	} else {
		s.age = c.p.DateOfBirth.AgeOn(csc.DateOf(inc.at))
	}
	for _, p := range c.contacts {
		if p.inc == inc {
			break
		}
		s.prev++
	}
	if s.prev > 0 {
		s.pattern = fmt.Sprintf(" This is contact number %d in three years, which shows a pattern of concern.", s.prev+1)
	}
	s.team = f.d.spec.name + " Assessment Team"
	if inc.decision == csc.DecisionEarlyHelp {
		s.team = f.d.spec.name + " Early Help Team"
	}
	return s
}

// historic summarises the child's previous contacts, newest first.
func historic(cp *contactPlan, s *slots, none string) string {
	var prev []*contactPlan
	for _, p := range cp.child.contacts {
		if p == cp {
			break
		}
		prev = append(prev, p)
	}
	if len(prev) == 0 {
		return fill(none, s)
	}
	var lines []string
	for i := len(prev) - 1; i >= 0 && len(lines) < 4; i-- {
		p := prev[i]
		line := fmt.Sprintf("%s (%s, %s): %s.", csc.DateOf(p.inc.at).Long(), p.inc.src.short, p.inc.th.label, p.decision.Label())
		if e := p.referral; e != nil && !e.closed.IsZero() && e.closed.Before(csc.DateOf(cp.inc.at)) {
			label, _ := csc.LookupCode(csc.ListClosureReason, csc.CollectionYearOf(e.closed), e.reason)
			line += fmt.Sprintf(" Referral closed %s: %s.", e.closed.Long(), strings.ToLower(label.Label[:1])+label.Label[1:])
		} else if e != nil {
			line += " The referral is still open."
		}
		lines = append(lines, line)
	}
	return fmt.Sprintf("%d previous contact%s in Northmoor. %s", len(prev), plural(len(prev)), strings.Join(lines, " "))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// summary is the screener's one-line summary.
func summary(inc *incident, cp *contactPlan) string {
	var agencies []string
	for _, c := range inc.checks {
		agencies = append(agencies, strings.ToLower(c.agency.Label()))
	}
	checks := "none needed"
	if len(agencies) > 0 {
		checks = strings.Join(agencies, ", ")
	}
	prev := 0
	for _, p := range cp.child.contacts {
		if p == cp {
			break
		}
		prev++
	}
	history := "No previous contacts"
	if prev > 0 {
		history = fmt.Sprintf("%d previous contact%s", prev, plural(prev))
	}
	return fmt.Sprintf("%s rating: %s. %s. Partner checks: %s.", inc.rag.Label(), inc.th.label, history, checks)
}
