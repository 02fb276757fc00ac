package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"cairn/internal/csc"
)

// maxListRows bounds the repeating rows of a protection record (attendees,
// statements, scaling, views), so a body cannot grow a record without limit.
const maxListRows = 50

// childReferral finds the child's referral (CIN episode) a step hangs off.
func childReferral(tx csc.Tx, childID, referralID int64) (*csc.Referral, error) {
	refs, err := tx.ListReferrals(childID)
	if err != nil {
		return nil, err
	}
	for i := range refs {
		if refs[i].ID == referralID {
			return &refs[i], nil
		}
	}
	return nil, csc.Problems{{Field: "referral_id", Message: "Choose one of the child's referrals"}}.Err()
}

func (a *App) parseStrategy(in csc.StrategyInput) (csc.Strategy, error) {
	var probs csc.Problems
	s := csc.Strategy{ReferralID: in.ReferralID}
	if in.ReferralID <= 0 {
		probs.Add("referral_id", "Choose the referral the strategy discussion is about")
	}
	if strings.TrimSpace(in.HeldAt) == "" {
		probs.Add("held_at", "Enter the date and time of the strategy discussion")
	} else if t, err := ParseInstant(in.HeldAt); err != nil {
		probs.Add("held_at", "Enter the date and time as a real date and time, for example 2026-03-02T14:05")
	} else if t.After(a.Now().Add(5 * time.Minute)) {
		probs.Add("held_at", "The strategy discussion must have happened: its time cannot be in the future")
	} else {
		s.HeldAt = t
	}
	if len(in.Attendees) > maxListRows || len(in.Dangers) > maxListRows || len(in.Scaling) > maxListRows {
		probs.Add("attendees", "Enter at most %d attendees, danger statements and scales", maxListRows)
		return s, probs.Err()
	}
	for i, at := range in.Attendees {
		f := fmt.Sprintf("attendees.%d", i)
		at.Name, at.Role = textField(&probs, f+".name", at.Name, 200), textField(&probs, f+".role", at.Role, 200)
		if csc.AgencyLabel(at.Agency) == at.Agency {
			probs.Add(f+".agency", "Choose the agency of attendee %d", i+1)
		}
		if at.Name == "" {
			probs.Add(f+".name", "Enter the name of attendee %d", i+1)
		}
		s.Attendees = append(s.Attendees, at)
	}
	if len(in.Attendees) == 0 {
		probs.Add("attendees", "Enter who took part in the strategy discussion")
	}
	s.InformationShared = textField(&probs, "information_shared", in.InformationShared, maxText)
	if s.InformationShared == "" {
		probs.Add("information_shared", "Enter the information shared by each agency")
	}
	for i, d := range in.Dangers {
		f := fmt.Sprintf("danger_statements.%d", i)
		d.Danger, d.Goal = textField(&probs, f+".danger", d.Danger, maxText), textField(&probs, f+".goal", d.Goal, maxText)
		if d.Danger == "" || d.Goal == "" {
			probs.Add(f+".goal", "Pair danger statement %d with a safety goal: enter both", i+1)
		}
		s.Dangers = append(s.Dangers, d)
	}
	for i, sc := range in.Scaling {
		f := fmt.Sprintf("scaling.%d", i)
		sc.Participant, sc.Reason = textField(&probs, f+".participant", sc.Participant, 200), textField(&probs, f+".reason", sc.Reason, maxText)
		if sc.Participant == "" {
			probs.Add(f+".participant", "Enter who gave safety scale %d", i+1)
		}
		if sc.Score < 0 || sc.Score > 10 {
			probs.Add(f+".score", "Safety scale %d must be a whole number from 0 to 10", i+1)
		}
		if sc.Reason == "" {
			probs.Add(f+".reason", "Enter the reason for safety scale %d", i+1)
		}
		s.Scaling = append(s.Scaling, sc)
	}
	s.Decision = in.Decision
	if s.Decision != csc.StrategyS47 && s.Decision != csc.StrategyNoS47 {
		probs.Add("decision", "Choose whether to start a section 47 enquiry")
	}
	s.DecisionReasons = textField(&probs, "decision_reasons", in.DecisionReasons, maxText)
	if s.DecisionReasons == "" {
		probs.Add("decision_reasons", "Enter the reasons for the decision")
	}
	s.SafetyActions = textField(&probs, "immediate_safety_actions", in.SafetyActions, maxText)
	return s, probs.Err()
}

// RecordStrategy records a strategy discussion on one of the child's
// referrals. It is not refused for a missing core agency or many danger
// statements; Strategy.Warnings says so instead. Needs strategy.record.
func (a *App) RecordStrategy(ctx context.Context, actor csc.Actor, childID int64, in csc.StrategyInput) (s *csc.Strategy, err error) {
	defer csc.WrapOp(&err, "app.RecordStrategy")
	if err := require(actor, csc.ActStrategyRecord); err != nil {
		return nil, err
	}
	v, err := a.parseStrategy(in)
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActStrategyRecord, childID); err != nil {
			return err
		}
		ref, err := childReferral(tx, childID, v.ReferralID)
		if err != nil {
			return err
		}
		if csc.DateOf(v.HeldAt).Before(ref.ReferralDate) {
			return csc.Problems{{Field: "held_at", Message: "The strategy discussion cannot be before the referral date, " + ref.ReferralDate.Long()}}.Err()
		}
		v.ChildID, v.RecordedByID, v.RecordedBy = childID, actor.StaffID, actor.Name
		if err := tx.CreateStrategy(&v); err != nil {
			return err
		}
		s = &v
		au.add(actor, "create", "strategy_discussion", v.ID, childID, v.Decision)
		summary := "Strategy discussion held: no section 47 enquiry"
		if v.Decision == csc.StrategyS47 {
			summary = "Strategy discussion held: section 47 enquiry to start"
		}
		return tx.CreateEvent(&csc.Event{ChildID: childID, At: v.HeldAt, Kind: csc.EventStrategy, Summary: summary,
			SubjectType: "strategy_discussion", SubjectID: v.ID, StaffID: actor.StaffID})
	})
	return s, err
}

// registeredSocialWorker reports why a member of staff may not lead a
// section 47 enquiry, or "" if they may (CP-03, CP-08).
func registeredSocialWorker(st *csc.Staff) string {
	if !st.Active {
		return fmt.Sprintf("Staff member %d's account is not active", st.ID)
	}
	if st.Role != csc.RoleSocialWorker && st.Role != csc.RoleTeamManager {
		return fmt.Sprintf("A section 47 enquiry must be led by a registered social worker (CP-03, CP-08); staff member %d is a %s", st.ID, strings.ToLower(st.Role.Label()))
	}
	if strings.TrimSpace(st.Registration) == "" {
		return fmt.Sprintf("A section 47 enquiry must be led by a registered social worker (CP-03, CP-08); staff member %d has no Social Work England registration recorded", st.ID)
	}
	return ""
}

// StartS47 starts a section 47 enquiry from a strategy discussion that
// decided on one. Its start is the discussion's date, from which the
// initial conference falls due (CP-04). The lead must be a registered
// social worker. Needs s47.record.
func (a *App) StartS47(ctx context.Context, actor csc.Actor, childID, strategyID int64, in csc.S47StartInput) (e *csc.S47, err error) {
	defer csc.WrapOp(&err, "app.StartS47")
	if err := require(actor, csc.ActS47Record); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActS47Record, childID); err != nil {
			return err
		}
		sd, err := tx.FindStrategyByID(strategyID)
		if err != nil {
			return err
		}
		if sd.ChildID != childID {
			return csc.Errorf(csc.NotFound, "There is no strategy discussion %d on record %d.", strategyID, childID)
		}
		if sd.Decision != csc.StrategyS47 {
			return csc.Errorf(csc.Invalid, "Strategy discussion %d decided not to start a section 47 enquiry.", strategyID)
		}
		if sd.S47ID != 0 {
			return csc.Errorf(csc.Conflict, "Strategy discussion %d already started section 47 enquiry %d.", strategyID, sd.S47ID)
		}
		if in.LeadID <= 0 {
			return csc.Problems{{Field: "lead_id", Message: "Choose the registered social worker leading the enquiry"}}.Err()
		}
		lead, err := tx.FindStaffByID(in.LeadID)
		if csc.ErrorKind(err) == csc.NotFound {
			return csc.Problems{{Field: "lead_id", Message: fmt.Sprintf("There is no staff member %d", in.LeadID)}}.Err()
		} else if err != nil {
			return err
		}
		if why := registeredSocialWorker(lead); why != "" {
			return csc.Problems{{Field: "lead_id", Message: why}}.Err()
		}
		e = &csc.S47{ChildID: childID, ReferralID: sd.ReferralID, StrategyID: sd.ID, Started: csc.DateOf(sd.HeldAt),
			LeadID: lead.ID, LeadName: lead.Name}
		if err := tx.CreateS47(e); err != nil {
			return err
		}
		au.add(actor, "create", "s47_enquiry", e.ID, childID, fmt.Sprintf("strategy=%d", sd.ID))
		if err := tx.CreateEvent(&csc.Event{ChildID: childID, At: sd.HeldAt, Kind: csc.EventS47Started,
			Summary: "Section 47 enquiry started", SubjectType: "s47_enquiry", SubjectID: e.ID, StaffID: actor.StaffID}); err != nil {
			return err
		}
		return a.refreshClocks(tx, childID)
	})
	return e, err
}

// openS47 loads an enquiry of the child for a change by actor.
func openS47(tx csc.Tx, actor csc.Actor, childID, id int64) (*csc.S47, error) {
	if _, _, err := loadChild(tx, actor, csc.ActS47Record, childID); err != nil {
		return nil, err
	}
	e, err := tx.FindS47ByID(id)
	if err != nil {
		return nil, err
	}
	if e.ChildID != childID {
		return nil, csc.Errorf(csc.NotFound, "There is no section 47 enquiry %d on record %d.", id, childID)
	}
	return e, nil
}

// stepDate reads a required date of a step: real, not in the future, and
// not before from (when set), named for the messages.
func (a *App) stepDate(probs *csc.Problems, field, label, s string) csc.Date {
	if strings.TrimSpace(s) == "" {
		probs.Add(field, "Enter the %s", label)
		return csc.Date{}
	}
	d := parseDateField(probs, field, label, s)
	if !d.IsZero() && d.After(a.Today()) {
		probs.Add(field, "The %s cannot be in the future", label)
	}
	return d
}

// AddS47Visit records a visit made during the enquiry. Needs s47.record.
func (a *App) AddS47Visit(ctx context.Context, actor csc.Actor, childID, id int64, in csc.S47VisitInput) (e *csc.S47, err error) {
	defer csc.WrapOp(&err, "app.AddS47Visit")
	if err := require(actor, csc.ActS47Record); err != nil {
		return nil, err
	}
	var probs csc.Problems
	d := a.stepDate(&probs, "date", "date of the visit", in.Date)
	if in.SeenAlone && !in.ChildSeen {
		probs.Add("seen_alone", "A child seen alone was seen: tick “child seen” too")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if e, err = openS47(tx, actor, childID, id); err != nil {
			return err
		}
		if d.Before(e.Started) {
			return csc.Problems{{Field: "date", Message: "The visit cannot be before the enquiry started, " + e.Started.Long()}}.Err()
		}
		e.Version = in.Version
		e.Visits = append(e.Visits, csc.S47Visit{Date: d, ChildSeen: in.ChildSeen, SeenAlone: in.SeenAlone})
		if err := tx.UpdateS47(e); err != nil {
			return err
		}
		au.add(actor, "update", "s47_enquiry", e.ID, childID, "visit")
		what := "child not seen"
		if in.SeenAlone {
			what = "child seen alone"
		} else if in.ChildSeen {
			what = "child seen"
		}
		return stepEvent(tx, actor, childID, EventS47Visit, "Section 47 visit: "+what, "s47_enquiry", e.ID, d)
	})
	return e, err
}

// EventS47Visit and EventS47View are this part's own timeline kinds for the
// steps of an enquiry between its start and outcome (not in csc.timeline).
const (
	EventS47Visit = "s47.visit"
	EventS47View  = "s47.partner-view"
)

// AddS47View records a partner agency's view. Needs s47.record.
func (a *App) AddS47View(ctx context.Context, actor csc.Actor, childID, id int64, in csc.S47ViewInput) (e *csc.S47, err error) {
	defer csc.WrapOp(&err, "app.AddS47View")
	if err := require(actor, csc.ActS47Record); err != nil {
		return nil, err
	}
	var probs csc.Problems
	agency := textField(&probs, "agency", in.Agency, 200)
	view := textField(&probs, "view", in.View, maxText)
	if agency == "" {
		probs.Add("agency", "Enter the agency")
	}
	if view == "" {
		probs.Add("view", "Enter the agency's view")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if e, err = openS47(tx, actor, childID, id); err != nil {
			return err
		}
		e.Version = in.Version
		e.PartnerViews = append(e.PartnerViews, csc.S47View{Agency: agency, View: view})
		if err := tx.UpdateS47(e); err != nil {
			return err
		}
		au.add(actor, "update", "s47_enquiry", e.ID, childID, "partner view")
		return event(tx, actor, childID, EventS47View, "Section 47 enquiry: a partner agency's view recorded", "s47_enquiry", e.ID)
	})
	return e, err
}

// RecordS47Outcome concludes an enquiry: substantiated or not, and whether
// an initial conference is needed. An enquiry ending without a conference
// stops the CP-04 clock. Needs s47.record.
func (a *App) RecordS47Outcome(ctx context.Context, actor csc.Actor, childID, id int64, in csc.S47OutcomeInput) (e *csc.S47, err error) {
	defer csc.WrapOp(&err, "app.RecordS47Outcome")
	if err := require(actor, csc.ActS47Record); err != nil {
		return nil, err
	}
	var probs csc.Problems
	if in.Outcome != csc.S47NotSubstantiated && in.Outcome != csc.S47Substantiated {
		probs.Add("outcome", "Choose the outcome: concerns substantiated or not substantiated")
	}
	d := a.stepDate(&probs, "outcome_date", "date of the outcome", in.OutcomeDate)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if e, err = openS47(tx, actor, childID, id); err != nil {
			return err
		}
		if e.Concluded() {
			return csc.Errorf(csc.Invalid, "Section 47 enquiry %d already has its outcome.", id)
		}
		if d.Before(e.Started) {
			return csc.Problems{{Field: "outcome_date", Message: "The outcome cannot be dated before the enquiry started, " + e.Started.Long()}}.Err()
		}
		e.Version, e.Outcome, e.ConferenceNeeded, e.OutcomeDate = in.Version, in.Outcome, in.ConferenceNeeded, d
		if err := tx.UpdateS47(e); err != nil {
			return err
		}
		au.add(actor, "update", "s47_enquiry", e.ID, childID, "outcome="+e.Outcome)
		next := "no conference"
		if e.ConferenceNeeded {
			next = "initial conference needed"
		}
		if err := stepEvent(tx, actor, childID, csc.EventS47Outcome, "Section 47 outcome: "+csc.S47OutcomeLabel(e.Outcome)+"; "+next, "s47_enquiry", e.ID, d); err != nil {
			return err
		}
		return a.refreshClocks(tx, childID)
	})
	return e, err
}
