package synth

import (
	"fmt"
	"time"

	"cairn/internal/csc"
)

// Writing planned families through a transaction. Dated facts carry the
// times of the synthetic history; created_at columns take the transaction's
// clock, as for any record.

// writer writes families in one transaction.
type writer struct {
	tx   csc.Tx
	st   *staffing
	r    *rng
	sum  *Summary
	seed uint64
	asOf time.Time
	pr   *rng // the family's own draws for the steps after the front door
}

func (w *writer) family(f *family) error {
	w.pr = newRand(w.seed, streamPathway, f.index)
	// Records date from the family's first contact (a store that keeps its
	// own clock for created_at ignores this).
	first := f.incidents[0].at
	for _, m := range f.children {
		m.p.CreatedAt = first
		if len(m.contacts) > 0 {
			m.p.CreatedAt = m.contacts[0].inc.at
		}
		if err := w.person(m); err != nil {
			return err
		}
	}
	for _, m := range f.adults {
		m.p.CreatedAt = first
		if err := w.person(m); err != nil {
			return err
		}
	}
	for _, rel := range f.rels {
		err := w.tx.CreateRelationship(&csc.Relationship{PersonID: rel.person.id, Other: csc.Person{ID: rel.other.id},
			Type: rel.typ, ParentalResponsibility: rel.pr, LivesWith: rel.person.lives && rel.other.lives, Notes: rel.notes})
		if err != nil {
			return fmt.Errorf("relationship: %w", err)
		}
	}
	for _, inc := range f.incidents {
		if err := w.incident(f, inc); err != nil {
			return err
		}
	}
	return w.grantAccess(f)
}

func (w *writer) person(m *member) error {
	if m.p.Kind == csc.KindChild && len(m.p.Disabilities) == 0 {
		// The record says the child has no disability rather than leaving
		// it unrecorded, as the census requires (rule 8540); an unrecorded
		// disability is one of the errors Options.Dirty seeds.
		m.p.Disabilities = []csc.DisabilityCode{"NONE"}
	}
	if err := w.tx.CreatePerson(&m.p); err != nil {
		return fmt.Errorf("person: %w", err)
	}
	m.id = m.p.ID
	if m.p.Kind == csc.KindAdult {
		w.sum.Adults++
	} else {
		w.sum.Children++
	}
	return nil
}

// crew is who handles an incident at the front door.
type crew struct {
	recorder, screener, decider, overseer *worker
	team                                  *teamPlan
}

func (w *writer) crew(inc *incident) crew {
	s, r := w.st, w.r
	mash := s.mash.withRole(csc.RoleMASH)
	managers := s.mash.withRole(csc.RoleTeamManager)
	c := crew{team: s.mash, screener: pick(r, mash), overseer: pick(r, managers)}
	c.recorder = c.screener
	if r.chance(0.6) {
		c.recorder = pick(r, s.mashBS)
	}
	if inc.ooh {
		c.team, c.recorder = s.ooh, pick(r, s.ooh.withRole(csc.RoleSocialWorker))
	}
	c.decider = c.screener
	if inc.byManager {
		c.decider = pick(r, managers)
		for _, m := range managers {
			if m != c.decider {
				c.overseer = m
			}
		}
	}
	return c
}

func (w *writer) incident(f *family, inc *incident) error {
	c := w.crew(inc)
	for _, cp := range inc.contacts {
		if err := w.contact(f, inc, cp, c); err != nil {
			return err
		}
	}
	return w.protection(f, inc)
}

// household lists the people a child lives with, for the contact.
func household(f *family, child *member) []csc.HouseholdMember {
	var out []csc.HouseholdMember
	for _, list := range [][]*member{f.adults, f.children} {
		for _, m := range list {
			if m == child || !m.lives {
				continue
			}
			out = append(out, csc.HouseholdMember{PersonID: m.id, Name: m.p.Name(), Kind: string(m.p.Kind),
				Relationship: relationTo(child, m)})
		}
	}
	return out
}

func (w *writer) contact(f *family, inc *incident, cp *contactPlan, cr crew) error {
	child := cp.child
	c := &csc.Contact{ChildID: child.id, ReceivedAt: inc.at, DueAt: inc.due, Source: inc.src.code,
		Referrer: inc.referrer, OutOfHours: inc.ooh, PresentingConcerns: cp.presenting,
		HistoricConcerns: cp.historic, Consent: inc.consent, ConsentRationale: cp.consentWhy,
		Household: household(f, child), TeamID: cr.team.t.ID, RAG: inc.rag, Risks: cp.risks,
		ProtectiveFactors: cp.protective, ScreeningSummary: cp.summary, RecordedByID: cr.recorder.s.ID,
		CreatedAt: inc.at}
	if !inc.open {
		c.Decision, c.DecisionRationale, c.DecidedAt, c.DecidedByID = cp.decision, cp.rationale, inc.decidedAt, cr.decider.s.ID
	}
	if err := w.tx.CreateContact(c); err != nil {
		return fmt.Errorf("contact: %w", err)
	}
	w.sum.Contacts++
	if inc.open {
		w.sum.OpenContacts++
	}
	ev := w.events(child.id)
	if child.contacts[0] == cp {
		ev.add(inc.at, "person", child.p.Kind.Label()+" record created", "person", child.id, cr.recorder)
	}
	year := csc.CollectionYearOf(csc.DateOf(inc.at))
	received := "Contact received from " + inc.src.code.Label(year)
	if inc.ooh {
		received = "Contact received out of hours from " + inc.src.code.Label(year)
	}
	ev.add(inc.at, "contact", received, "contact", c.ID, cr.recorder)
	if inc.screened && inc.rag != csc.RAGNone {
		ev.add(inc.screenedAt, "screening", "Contact screened: "+inc.rag.Label(), "contact", c.ID, cr.screener)
	}
	if err := w.checks(inc, cp, c.ID, cr); err != nil {
		return err
	}
	if inc.open {
		return ev.err
	}
	ev.add(inc.decidedAt, "decision", "Contact decided: "+cp.decision.Label(), "contact", c.ID, cr.decider)
	for _, a := range cp.allocs {
		if !a.dropped {
			w.st.assign(w.r, a)
		}
	}
	if err := w.referral(f, cp, c, cr, ev); err != nil {
		return err
	}
	if !inc.overseenAt.IsZero() {
		o := &csc.Oversight{SubjectType: "contact", SubjectID: c.ID, ChildID: child.id, StaffID: cr.overseer.s.ID,
			Rationale: cp.overseen, RecordedAt: inc.overseenAt}
		if err := w.tx.CreateOversight(o); err != nil {
			return fmt.Errorf("oversight: %w", err)
		}
		ev.add(inc.overseenAt, "oversight", "Manager oversight of contact recorded", "oversight", o.ID, cr.overseer)
	}
	if ev.err != nil {
		return ev.err
	}
	return w.allocations(cp)
}

func (w *writer) checks(inc *incident, cp *contactPlan, contactID int64, cr crew) error {
	for i, ch := range inc.checks {
		pc := &csc.PartnerCheck{ContactID: contactID, Agency: ch.agency, RequestedAt: ch.requested,
			RequestedByID: cr.screener.s.ID, ReturnedAt: ch.returned, Summary: cp.checkText[i]}
		if err := w.tx.CreatePartnerCheck(pc); err != nil {
			return fmt.Errorf("partner check: %w", err)
		}
	}
	return nil
}

// referral opens the referral a decision leads to and links the contact.
func (w *writer) referral(f *family, cp *contactPlan, c *csc.Contact, cr crew, ev *events) error {
	e := cp.referral
	if e == nil {
		return nil
	}
	team := w.st.pools[[2]int{f.d.index, kindIndex(csc.TeamAssessment)}][0]
	if len(cp.allocs) > 0 && !cp.allocs[0].dropped && cp.allocs[0].team.t.Kind == csc.TeamAssessment {
		team = cp.allocs[0].team // the assessment team that took the case
	}
	ref := &csc.Referral{ChildID: cp.child.id, ContactID: c.ID, ReferralDate: e.date, Source: c.Source,
		PrimaryNeed: e.need, NFA: e.nfa, ClosureDate: e.closed, ClosureReason: e.reason, TeamID: team.t.ID}
	if err := w.tx.CreateReferral(ref); err != nil {
		return fmt.Errorf("referral: %w", err)
	}
	w.sum.Referrals++
	c.ReferralID = ref.ID
	if err := w.tx.UpdateContact(c); err != nil {
		return fmt.Errorf("contact: %w", err)
	}
	ev.add(cp.inc.decidedAt, csc.EventReferral, "Referral to children's social care opened", "referral", ref.ID, cr.decider)
	e.refID, e.team = ref.ID, team
	if err := w.pathway(cp, ref, team, ev); err != nil {
		return err
	}
	if !e.closed.IsZero() {
		label, _ := csc.LookupCode(csc.ListClosureReason, csc.CollectionYearOf(e.closed), e.reason)
		ev.add(e.closedAt, csc.EventReferralClosed, "Referral closed: "+label.Label, "referral", ref.ID, team.manager)
	}
	return ev.err
}

func (w *writer) allocations(cp *contactPlan) error {
	for _, a := range cp.allocs {
		if a.dropped {
			continue
		}
		al := &csc.Allocation{ChildID: cp.child.id, StaffID: a.worker.s.ID, TeamID: a.team.t.ID,
			StartedAt: a.start, EndedAt: a.end}
		if err := w.tx.CreateAllocation(al); err != nil {
			return fmt.Errorf("allocation: %w", err)
		}
		what := "Allocated to " + a.worker.s.Name + ", " + a.team.t.Name
		if a.change {
			what = "Change of worker: allocated to " + a.worker.s.Name + ", " + a.team.t.Name
		}
		ev := w.events(cp.child.id)
		ev.add(a.start, "allocation", what, "allocation", al.ID, a.team.manager)
		if ev.err != nil {
			return ev.err
		}
	}
	return nil
}

// grantAccess names the allocated worker and their team manager on each
// restricted record, or the front door's managers if it is unallocated.
func (w *writer) grantAccess(f *family) error {
	for _, c := range f.children {
		if !c.p.Restricted {
			continue
		}
		var named []*worker
		if a := c.lastAlloc; a != nil && a.end.IsZero() && !a.dropped && a.worker != nil {
			named = append(named, a.worker, a.team.manager)
			if tm := w.st.demo["tm"]; tm != nil && tm.team == a.team {
				named = append(named, tm)
			}
		} else {
			named = w.st.mash.withRole(csc.RoleTeamManager)
		}
		for _, s := range named {
			if err := w.tx.GrantAccess(c.id, s.s.ID); err != nil {
				return fmt.Errorf("grant access: %w", err)
			}
		}
	}
	return nil
}

// events writes timeline entries for a child, keeping the first error.
type events struct {
	tx      csc.Tx
	childID int64
	err     error
}

func (w *writer) events(childID int64) *events { return &events{tx: w.tx, childID: childID} }

func (e *events) add(at time.Time, kind, summary, subjectType string, subjectID int64, by *worker) {
	if e.err != nil {
		return
	}
	ev := &csc.Event{ChildID: e.childID, At: at, Kind: kind, Summary: summary, SubjectType: subjectType, SubjectID: subjectID}
	if by != nil {
		ev.StaffID = by.s.ID
	}
	if err := e.tx.CreateEvent(ev); err != nil {
		e.err = fmt.Errorf("event: %w", err)
	}
}
