package synth

import (
	"context"
	"fmt"
	"time"

	"cairn/internal/csc"
)

// Two children with long records, for trying and measuring the pages that
// grow with a record (Options.LongRecords): one with ten years of record —
// four contacts a year, a referral and assessment each year, two child
// protection episodes, three child in need plans and 300 visits and case
// notes, about 500 timeline entries — and one whose chronology has 2,000
// entries (the same ten years, then significant events and manual
// entries). They are written straight to the store, dated as they happened,
// after the authority's families; their clocks come with everyone's.

// longRecordNames are the two children's names, given and family.
var longRecordNames = [2][2]string{{"Lark", "Longrecord"}, {"Rowan", "Longrecord"}}

// writeLongRecords writes the two children, their histories recorded by
// staffID and ending on asOf, and returns their ids.
func writeLongRecords(ctx context.Context, st csc.Store, asOf csc.Date, staffID int64) (record, chronology int64, err error) {
	start := asOf.AddDays(-3660)
	for i, name := range longRecordNames {
		err = st.Write(ctx, func(tx csc.Tx) error {
			p := &csc.Person{Kind: csc.KindChild, GivenName: name[0], FamilyName: name[1], DateOfBirth: start.AddDays(-900),
				Sex: "F", Ethnicity: "WBRI", Disabilities: []csc.DisabilityCode{"NONE"}, Postcode: "GF1 2AB"}
			if i == 1 {
				p.Sex = "M"
			}
			if err := tx.CreatePerson(p); err != nil {
				return err
			}
			h := &history{tx: tx, child: p.ID, staff: staffID}
			h.tenYears(start)
			if i == 1 {
				const more = 1908 // to 2,000 entries: a third significant events, the rest manual
				for n := 0; h.err == nil && n < more; n++ {
					d := start.AddDays(n * 3650 / more)
					if n%3 == 0 {
						h.step(d, csc.EventContact, "Contact received from POLICE", "contact", 0)
						continue
					}
					e := &csc.ChronologyManualEntry{ChildID: p.ID, Date: d, What: "School reported the child absent and unwell.",
						Source: "School", Significant: n%2 == 0, Impact: "Missed learning.", RecordedByID: h.staff}
					h.do(func() error { return tx.CreateChronologyEntry(e) })
				}
				chronology = p.ID
			} else {
				record = p.ID
			}
			return h.err
		})
		if err != nil {
			return 0, 0, fmt.Errorf("synth: long records: %w", err)
		}
	}
	return record, chronology, nil
}

// history writes one child's record straight to the store, dated as it
// happened, keeping the first error.
type history struct {
	tx    csc.Tx
	child int64
	staff int64
	err   error
}

func (h *history) do(f func() error) {
	if h.err == nil {
		h.err = f()
	}
}

func (h *history) event(at time.Time, kind, summary, subject string, id int64) {
	h.do(func() error {
		return h.tx.CreateEvent(&csc.Event{ChildID: h.child, At: at, Kind: kind, Summary: summary, SubjectType: subject,
			SubjectID: id, StaffID: h.staff})
	})
}

func (h *history) step(d csc.Date, kind, summary, subject string, id int64) {
	h.event(csc.StepTime(d), kind, summary, subject, id)
}

// tenYears writes ten years of a child's life in children's services: four
// contacts a year and a referral with its assessment, two child protection
// episodes (strategy discussion, s47, initial and review conferences, a
// plan with actions and core groups), three child in need plans with
// reviews, and statutory visits and case notes throughout.
func (h *history) tenYears(start csc.Date) {
	att := []csc.ConferenceAttendee{{Name: "Sam Worker", Role: "Social worker", Attended: true}, {Name: "DC Hale", Role: "Police", Attended: true}}
	for y := range 10 {
		year := start.AddDays(365 * y)
		var ref csc.Referral
		for q := range 4 {
			at := csc.StepTime(year.AddDays(91 * q)).Add(-2 * time.Hour)
			c := &csc.Contact{ChildID: h.child, ReceivedAt: at, DueAt: at.Add(24 * time.Hour), Source: "2A",
				Referrer:           csc.Referrer{Name: "Pat Example", Organisation: "Greyford Primary School"},
				PresentingConcerns: "Concerns about the child's care at home.", Consent: csc.ConsentGiven, RAG: csc.RAGAmber,
				Risks: "Neglect.", Decision: csc.DecisionAdvice, DecisionRationale: "Advice to the school.",
				DecidedAt: at.Add(3 * time.Hour), DecidedByID: h.staff, RecordedByID: h.staff, CreatedAt: at}
			if q == 0 {
				c.Decision = csc.DecisionReferral
			}
			h.do(func() error { return h.tx.CreateContact(c) })
			h.event(at, csc.EventContact, "Contact received from SCHOOLS", "contact", c.ID)
			h.event(at.Add(time.Hour), csc.EventScreening, "Contact screened: Amber", "contact", c.ID)
			h.event(c.DecidedAt, csc.EventDecision, "Contact decided: "+c.Decision.Label(), "contact", c.ID)
			if q > 0 {
				continue
			}
			ref = csc.Referral{ChildID: h.child, ContactID: c.ID, ReferralDate: csc.DateOf(at), Source: "2A", PrimaryNeed: "N1",
				ClosureDate: year.AddDays(330), ClosureReason: "RC7"}
			h.do(func() error { return h.tx.CreateReferral(&ref) })
			h.event(c.DecidedAt, csc.EventReferral, "Referral to children's social care opened", "referral", ref.ID)
			x := &csc.Assessment{ChildID: h.child, ReferralID: ref.ID, StartDate: year, Status: csc.AssessmentAuthorised,
				Analysis: "Analysis.", Factors: []string{"16A"}, Outcome: csc.OutcomeCINPlan, NextSteps: "A plan.",
				AuthorisedDate: year.AddDays(30), AuthorisedByID: h.staff, CreatedByID: h.staff}
			h.do(func() error { return h.tx.CreateAssessment(x) })
			h.step(year, csc.EventAssessmentStarted, "Child and family assessment started", "assessment", x.ID)
			h.step(year.AddDays(30), csc.EventAssessmentCompleted, "Assessment authorised: Child in need plan", "assessment", x.ID)
			h.step(ref.ClosureDate, csc.EventReferralClosed, "Referral closed: RC7", "referral", ref.ID)
		}
		switch y {
		case 3, 7:
			h.protection(ref, year.AddDays(35), att)
		case 1, 5, 9:
			h.cinPlan(ref, year.AddDays(35))
		}
		for v := range 30 { // statutory visits every 10 days or so, with a case note after each two
			at := csc.StepTime(year.AddDays(40 + 10*v)).Add(3 * time.Hour)
			typ, kind := csc.VisitStatutory, csc.EventVisit
			if v%3 == 2 {
				typ, kind = csc.VisitCaseNote, csc.EventCaseNote
			}
			vi := &csc.Visit{ChildID: h.child, At: at, Type: typ, ChildSeen: kind == csc.EventVisit, SeenAlone: kind == csc.EventVisit,
				Announced: "announced", Observations: "The child was well and talked about school.", RecordedByID: h.staff, CreatedAt: at}
			if kind == csc.EventCaseNote {
				vi.ChildSeen, vi.SeenAlone, vi.Announced = false, false, ""
			}
			h.do(func() error { return h.tx.CreateVisit(vi) })
			h.event(at, kind, csc.VisitTypeLabel(typ)+" recorded", "visit", vi.ID)
		}
	}
}

func (h *history) protection(ref csc.Referral, d csc.Date, att []csc.ConferenceAttendee) {
	sd := &csc.Strategy{ChildID: h.child, ReferralID: ref.ID, HeldAt: csc.StepTime(d), Attendees: []csc.Attendee{{Agency: "csc", Name: "Sam"},
		{Agency: "police", Name: "DC Hale"}, {Agency: "health", Name: "Dr Okafor"}}, InformationShared: "Shared.", Decision: csc.StrategyS47,
		DecisionReasons: "Reasonable cause.", RecordedByID: h.staff}
	h.do(func() error { return h.tx.CreateStrategy(sd) })
	h.step(d, csc.EventStrategy, "Strategy discussion held: section 47 enquiry to start", "strategy_discussion", sd.ID)
	e := &csc.S47{ChildID: h.child, ReferralID: ref.ID, StrategyID: sd.ID, Started: d, LeadID: h.staff, LeadName: "Sam Worker",
		Outcome: csc.S47Substantiated, ConferenceNeeded: true, OutcomeDate: d.AddDays(8)}
	h.do(func() error { return h.tx.CreateS47(e) })
	h.step(d, csc.EventS47Started, "Section 47 enquiry started", "s47_enquiry", e.ID)
	h.step(d.AddDays(8), csc.EventS47Outcome, "Section 47 outcome: Concerns substantiated; initial conference needed", "s47_enquiry", e.ID)
	icpc := &csc.Conference{ChildID: h.child, ReferralID: ref.ID, Kind: csc.ConferenceInitial, S47ID: e.ID, HeldOn: d.AddDays(14),
		ChairID: h.staff, Attendance: att, ChildView: "Views.", FamilyView: "Views.", Evidence: "Evidence.", RecordedByID: h.staff}
	h.do(func() error { return h.tx.CreateConference(icpc) })
	h.step(icpc.HeldOn, csc.EventConferenceICPC, "Initial child protection conference held", "cp_conference", icpc.ID)
	p := &csc.CPPlan{ChildID: h.child, ReferralID: ref.ID, ConferenceID: icpc.ID, Start: icpc.HeldOn, InitialCategory: "NEG", LatestCategory: "NEG"}
	h.do(func() error { return h.tx.CreateCPPlan(p) })
	h.do(func() error {
		return h.tx.CreateConferenceDecisions(icpc.ID, []csc.ConferenceDecision{{ChildID: h.child, PlanNeeded: true, Category: "NEG", PlanID: p.ID}})
	})
	h.step(p.Start, csc.EventCPPlanStarted, "Child protection plan started: Neglect", "cp_plan", p.ID)
	for i := range 5 {
		a := &csc.PlanAction{PlanID: p.ID, ChildID: h.child, What: fmt.Sprintf("Action %d", i+1), Who: "Mother", Due: p.Start.AddDays(28 * (i + 1)),
			Done: p.Start.AddDays(28*(i+1) - 3)}
		h.do(func() error { return h.tx.CreatePlanAction(a) })
	}
	for i := range 6 {
		g := &csc.CoreGroup{PlanID: p.ID, ChildID: h.child, HeldOn: p.Start.AddDays(10 + 42*i), Attendance: att, Notes: "Progress reviewed."}
		h.do(func() error { return h.tx.CreateCoreGroup(g) })
		h.step(g.HeldOn, csc.EventCoreGroup, "Core group held", "cp_core_group", g.ID)
	}
	for i, days := range []int{85, 260} {
		rc := &csc.Conference{ChildID: h.child, ReferralID: ref.ID, Kind: csc.ConferenceReview, PlanID: p.ID, HeldOn: p.Start.AddDays(days),
			ChairID: h.staff, Attendance: att, ChildView: "Views.", FamilyView: "Views.", Evidence: "Evidence.", RecordedByID: h.staff}
		h.do(func() error { return h.tx.CreateConference(rc) })
		h.do(func() error {
			return h.tx.CreateConferenceDecisions(rc.ID, []csc.ConferenceDecision{{ChildID: h.child, PlanNeeded: i == 0, Category: "NEG", PlanID: p.ID}})
		})
		h.step(rc.HeldOn, csc.EventConferenceRCPC, "Review child protection conference held", "cp_conference", rc.ID)
	}
	h.do(func() error {
		p.End, p.EndReason = p.Start.AddDays(260), "no-longer-at-risk"
		return h.tx.UpdateCPPlan(p)
	})
	h.step(p.End, csc.EventCPPlanEnded, "Child protection plan ended: No longer at continuing risk of significant harm", "cp_plan", p.ID)
}

func (h *history) cinPlan(ref csc.Referral, d csc.Date) {
	p := &csc.CINPlan{ChildID: h.child, ReferralID: ref.ID, StartDate: d, EndDate: d.AddDays(270), EndReason: "needs-met", StartedByID: h.staff,
		StartedBy: "Sam Worker", CreatedAt: csc.StepTime(d)}
	h.do(func() error { return h.tx.CreateCINPlan(p) })
	h.step(d, csc.EventCINPlanStarted, "Child in need plan started", "cin_plan", p.ID)
	for i := range 3 {
		r := &csc.CINReview{PlanID: p.ID, ChildID: h.child, Date: d.AddDays(85 * (i + 1)), Attendance: "Family and school", Outcome: "continue",
			Notes: "Reviewed.", RecordedByID: h.staff, CreatedAt: csc.StepTime(d.AddDays(85 * (i + 1)))}
		h.do(func() error { return h.tx.CreateCINReview(r) })
		h.step(r.Date, csc.EventCINReview, "Child in need review held", "cin_plan", p.ID)
	}
	h.step(p.EndDate, csc.EventCINPlanEnded, "Child in need plan ended: Needs met", "cin_plan", p.ID)
}
