package app

import (
	"context"
	"strconv"
	"strings"

	"cairn/internal/csc"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// EarlyHelpView is an early help episode's page.
type EarlyHelpView struct {
	EarlyHelp *csc.EarlyHelp
	Child     *csc.Person
}

// openEarlyHelp loads an episode and checks actor may do act to its child.
func openEarlyHelp(tx csc.Tx, actor csc.Actor, act csc.Action, id int64) (*csc.EarlyHelp, *csc.Person, error) {
	if err := require(actor, act); err != nil {
		return nil, nil, err
	}
	e, err := tx.FindEarlyHelpByID(id)
	if err != nil {
		return nil, nil, err
	}
	child, _, err := loadChild(tx, actor, act, e.ChildID)
	if err != nil {
		return nil, nil, err
	}
	return e, child, nil
}

// EarlyHelp reads an early help episode for its page. Needs child.view; audited.
func (a *App) EarlyHelp(ctx context.Context, actor csc.Actor, id int64) (v *EarlyHelpView, err error) {
	defer csc.WrapOp(&err, "app.EarlyHelp")
	v = &EarlyHelpView{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if v.EarlyHelp, v.Child, err = openEarlyHelp(tx, actor, csc.ActChildView, id); err != nil {
			return err
		}
		au.add(actor, "view", "early_help", id, v.EarlyHelp.ChildID, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// StartEarlyHelp starts an early help episode for a child: a step down
// from a referral (closed with RC9, or still open) or directly. It needs
// a named lead practitioner, their agency and the family's consent
// (CIN-04). Needs earlyhelp.record.
func (a *App) StartEarlyHelp(ctx context.Context, actor csc.Actor, childID int64, in csc.EarlyHelpInput) (e *csc.EarlyHelp, err error) {
	defer csc.WrapOp(&err, "app.StartEarlyHelp")
	if err := require(actor, csc.ActEarlyHelpRecord); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		child, _, err := loadChild(tx, actor, csc.ActEarlyHelpRecord, childID)
		if err != nil {
			return err
		}
		if child.Kind == csc.KindAdult {
			return csc.Errorf(csc.Invalid, "Early help is for a child; person %d is an adult.", childID)
		}
		var probs csc.Problems
		var notBefore csc.Date
		if in.ReferralID != 0 {
			r, err := tx.FindReferralByID(in.ReferralID)
			switch {
			case csc.ErrorKind(err) == csc.NotFound || err == nil && r.ChildID != childID:
				probs.Add("referral_id", "Referral %d is not one of this child's referrals", in.ReferralID)
			case err != nil:
				return err
			case !r.Open() && r.ClosureReason != "RC9":
				probs.Add("referral_id", "Referral %d closed with %s; a step down to early help closes with RC9", r.ID, r.ClosureReason)
			default:
				notBefore = r.ReferralDate
			}
		}
		e = &csc.EarlyHelp{ChildID: childID, ReferralID: in.ReferralID, Consent: in.Consent}
		e.StartDate = stepDate(&probs, "start_date", "start date", strings.TrimSpace(in.StartDate), notBefore, "the referral date", a.Today())
		e.LeadPractitioner = textField(&probs, "lead_practitioner", in.LeadPractitioner, 200)
		e.Agency = textField(&probs, "agency", in.Agency, 200)
		if e.LeadPractitioner == "" {
			probs.Add("lead_practitioner", "Enter the lead practitioner's name")
		}
		if e.Agency == "" {
			probs.Add("agency", "Enter the lead practitioner's agency")
		}
		if !in.Consent {
			probs.Add("consent", "Early help needs the family's consent: record that it was given")
		}
		if err := probs.Err(); err != nil {
			return err
		}
		if err := tx.CreateEarlyHelp(e); err != nil {
			return err
		}
		au.add(actor, "create", "early_help", e.ID, childID, "")
		summary := "Early help started"
		if e.ReferralID != 0 {
			summary = "Stepped down to early help"
		}
		return stepEvent(tx, actor, childID, csc.EventEarlyHelpStarted, summary+", led by "+e.Agency, "early_help", e.ID, e.StartDate)
	})
	return e, err
}

// changeEarlyHelp runs fn on an open early help episode in a write
// transaction, once the actor may record early help for its child.
func (a *App) changeEarlyHelp(ctx context.Context, actor csc.Actor, id int64, fn func(tx csc.Tx, au *auditor, e *csc.EarlyHelp) error) (e *csc.EarlyHelp, err error) {
	if err := require(actor, csc.ActEarlyHelpRecord); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if e, _, err = openEarlyHelp(tx, actor, csc.ActEarlyHelpRecord, id); err != nil {
			return err
		}
		if !e.Open() {
			return csc.Errorf(csc.Invalid, "Early help episode %d ended on %s.", id, e.EndDate.Long())
		}
		return fn(tx, au, e)
	})
	return e, err
}

// RecordEHA records the early help assessment's start and completion.
// Needs earlyhelp.record.
func (a *App) RecordEHA(ctx context.Context, actor csc.Actor, id int64, in csc.EHAInput) (e *csc.EarlyHelp, err error) {
	defer csc.WrapOp(&err, "app.RecordEHA")
	return a.changeEarlyHelp(ctx, actor, id, func(tx csc.Tx, au *auditor, e *csc.EarlyHelp) error {
		var probs csc.Problems
		start := stepDate(&probs, "eha_start", "early help assessment start date", strings.TrimSpace(in.EHAStart), e.StartDate, "the episode's start", a.Today())
		var done csc.Date
		if s := strings.TrimSpace(in.EHACompleted); s != "" && !start.IsZero() {
			done = stepDate(&probs, "eha_completed", "completion date", s, start, "the assessment's start", a.Today())
		}
		if err := probs.Err(); err != nil {
			return err
		}
		e.Version, e.EHAStart, e.EHACompleted = in.Version, start, done
		if err := tx.UpdateEarlyHelp(e); err != nil {
			return err
		}
		au.add(actor, "update", "early_help", e.ID, e.ChildID, "eha")
		summary, on := "Early help assessment started", start
		if !done.IsZero() {
			summary, on = "Early help assessment completed", done
		}
		return stepEvent(tx, actor, e.ChildID, eventEarlyHelpAssessment, summary, "early_help", e.ID, on)
	})
}

// EndEarlyHelp ends an episode with a reason; a step up marks it ended
// because the child needs children's social care, and the page then
// offers to record a contact. Needs earlyhelp.record.
func (a *App) EndEarlyHelp(ctx context.Context, actor csc.Actor, id int64, in csc.EarlyHelpEndInput) (e *csc.EarlyHelp, err error) {
	defer csc.WrapOp(&err, "app.EndEarlyHelp")
	return a.changeEarlyHelp(ctx, actor, id, func(tx csc.Tx, au *auditor, e *csc.EarlyHelp) error {
		var probs csc.Problems
		after, what := e.StartDate, "the episode's start"
		if e.EHACompleted.After(after) {
			after, what = e.EHACompleted, "the early help assessment's completion"
		}
		end := stepDate(&probs, "end_date", "end date", strings.TrimSpace(in.EndDate), after, what, a.Today())
		reason := textField(&probs, "end_reason", in.EndReason, 2000)
		if reason == "" {
			probs.Add("end_reason", "Enter why the episode ended")
		}
		if err := probs.Err(); err != nil {
			return err
		}
		e.Version, e.EndDate, e.EndReason, e.SteppedUp = in.Version, end, reason, in.StepUp
		if err := tx.UpdateEarlyHelp(e); err != nil {
			return err
		}
		au.add(actor, "end", "early_help", e.ID, e.ChildID, "")
		summary := "Early help ended"
		if e.SteppedUp {
			summary = "Early help ended: stepped up to children's social care"
		}
		return stepEvent(tx, actor, e.ChildID, csc.EventEarlyHelpEnded, summary, "early_help", e.ID, end)
	})
}
