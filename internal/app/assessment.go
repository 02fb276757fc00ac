package app

import (
	"context"
	"slices"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// AssessmentWorkingDays is HP-03: the assessment concludes within 45
// working days of the referral date.
const AssessmentWorkingDays = 45

// Timeline kinds this part writes beyond the shared ones in csc/timeline.go:
// steps that are worth a line on the timeline but not the chronology.
const (
	eventReferralAmended     = "referral.amended"
	eventAssessmentUpdated   = "assessment.updated"
	eventAssessmentSubmitted = "assessment.submitted"
	eventEarlyHelpAssessment = "early-help.assessment"
	eventHomelessPresented   = "homeless.presented"
)

// AssessmentPart is the child's page's view of referrals' episodes, assessments, early help and homeless 16/17 outcomes.
type AssessmentPart struct {
	Episodes  []Episode // newest first
	EarlyHelp []csc.EarlyHelp
	Homeless  []csc.HomelessPresentation
	// ReReferral is set when the child's latest referral is a re-referral.
	ReReferral bool
}

// Episode is one referral (CIN episode) with what happened in it.
type Episode struct {
	Referral    csc.Referral
	ReReferral  bool
	HP03Due     csc.Date // 45 working days from the referral date
	Assessments []csc.Assessment
	EarlyHelp   []csc.EarlyHelp // stepped down from this referral
	Homeless    []csc.HomelessPresentation
}

// AssessmentDue is the HP-03 due date for a referral.
func AssessmentDue(referral csc.Date) csc.Date {
	return clock.AddWorkingDays(referral, AssessmentWorkingDays)
}

// WorkingDaysLeft is how many working days remain from today to due
// (negative once overdue).
func WorkingDaysLeft(today, due csc.Date) int { return clock.WorkingDaysBetween(today, due) }

// loadAssessmentPart reads this part of the child's record into r, inside the
// page's read transaction: three set-based reads for the whole child.
func (a *App) loadAssessmentPart(tx csc.Tx, actor csc.Actor, r *ChildRecord) error {
	if r.Child.Kind == csc.KindAdult {
		return nil
	}
	reads, assemble := a.assessmentReads(tx, r.Child.ID, r)
	return readPart(tx, reads, assemble)
}

// assessmentReads returns this part's reads, which need only the child's
// id, and the assembly that follows them, which needs the child's
// referrals. An adult has no part: ask only for a child.
func (a *App) assessmentReads(tx csc.Tx, id int64, r *ChildRecord) ([]func() error, func()) {
	p := &r.Assessment
	var as []csc.Assessment
	return []func() error{
			func() (err error) { as, err = tx.ListAssessments(id); return err },
			func() (err error) { p.EarlyHelp, err = tx.ListEarlyHelp(id); return err },
			func() (err error) { p.Homeless, err = tx.ListHomeless(id); return err },
		}, func() {
			p.Episodes = episodes(r.Referrals, as, p.EarlyHelp, p.Homeless)
			if len(p.Episodes) > 0 {
				p.ReReferral = p.Episodes[0].ReReferral
			}
		}
}

// episodes groups a child's assessments, early help and presentations
// under their referrals, in the referrals' order.
func episodes(refs []csc.Referral, as []csc.Assessment, eh []csc.EarlyHelp, hl []csc.HomelessPresentation) []Episode {
	re := csc.ReReferrals(refs)
	out := make([]Episode, len(refs))
	index := map[int64]int{}
	for i, r := range refs {
		out[i] = Episode{Referral: r, ReReferral: re[r.ID], HP03Due: AssessmentDue(r.ReferralDate)}
		index[r.ID] = i
	}
	for _, x := range as {
		if i, ok := index[x.ReferralID]; ok {
			out[i].Assessments = append(out[i].Assessments, x)
		}
	}
	for _, x := range eh {
		if i, ok := index[x.ReferralID]; ok {
			out[i].EarlyHelp = append(out[i].EarlyHelp, x)
		}
	}
	for _, x := range hl {
		if i, ok := index[x.ReferralID]; ok {
			out[i].Homeless = append(out[i].Homeless, x)
		}
	}
	return out
}

// ReferralView is a referral's page: the episode and what followed.
type ReferralView struct {
	Episode
	Child *csc.Person
}

// Referral reads a referral's episode for its page. Needs child.view and
// the child in scope; audited.
func (a *App) Referral(ctx context.Context, actor csc.Actor, id int64) (v *ReferralView, err error) {
	defer csc.WrapOp(&err, "app.Referral")
	v = &ReferralView{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		ref, err := tx.FindReferralByID(id)
		if err != nil {
			return err
		}
		if v.Child, _, err = loadChild(tx, actor, csc.ActChildView, ref.ChildID); err != nil {
			return err
		}
		refs, err := tx.ListReferrals(ref.ChildID)
		if err != nil {
			return err
		}
		as, err := tx.ListAssessments(ref.ChildID)
		if err != nil {
			return err
		}
		eh, err := tx.ListEarlyHelp(ref.ChildID)
		if err != nil {
			return err
		}
		hl, err := tx.ListHomeless(ref.ChildID)
		if err != nil {
			return err
		}
		for _, e := range episodes(refs, as, eh, hl) {
			if e.Referral.ID == id {
				v.Episode = e
			}
		}
		au.add(actor, "view", "referral", id, ref.ChildID, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// openReferral loads a referral and checks actor may do act to its child.
func openReferral(tx csc.Tx, actor csc.Actor, act csc.Action, id int64) (*csc.Referral, *csc.Person, error) {
	if err := require(actor, act); err != nil {
		return nil, nil, err
	}
	r, err := tx.FindReferralByID(id)
	if err != nil {
		return nil, nil, err
	}
	child, _, err := loadChild(tx, actor, act, r.ChildID)
	if err != nil {
		return nil, nil, err
	}
	return r, child, nil
}

// stepEvent adds a timeline entry placed at the step's own date.
func stepEvent(tx csc.Tx, actor csc.Actor, childID int64, kind, summary, subjectType string, subjectID int64, on csc.Date) error {
	return tx.CreateEvent(&csc.Event{ChildID: childID, Kind: kind, Summary: summary, At: csc.StepTime(on),
		SubjectType: subjectType, SubjectID: subjectID, StaffID: actor.StaffID})
}

// stepDate reads a required date that must fall between notBefore (when
// set) and today, reporting problems against field.
func stepDate(probs *csc.Problems, field, label, s string, notBefore csc.Date, after string, today csc.Date) csc.Date {
	if s == "" {
		probs.Add(field, "Enter the %s", label)
		return csc.Date{}
	}
	d := parseDateField(probs, field, label, s)
	switch {
	case d.IsZero():
	case d.After(today):
		probs.Add(field, "The %s cannot be in the future", label)
	case !notBefore.IsZero() && d.Before(notBefore):
		probs.Add(field, "The %s must be on or after %s (%s)", label, after, notBefore.Long())
	default:
		return d
	}
	return csc.Date{}
}

// AmendReferral changes an open referral's primary need (N0–N9) and its
// no-further-action flag. Needs referral.record.
func (a *App) AmendReferral(ctx context.Context, actor csc.Actor, id int64, in csc.ReferralInput) (r *csc.Referral, err error) {
	defer csc.WrapOp(&err, "app.AmendReferral")
	if err := require(actor, csc.ActReferralRecord); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if r, _, err = openReferral(tx, actor, csc.ActReferralRecord, id); err != nil {
			return err
		}
		if !r.Open() {
			return csc.Errorf(csc.Invalid, "Referral %d is closed, so its details can no longer change.", id)
		}
		var probs csc.Problems
		if in.PrimaryNeed == "" {
			probs.Add("primary_need", "Choose the primary need code (N0 to N9)")
		} else {
			codeField(&probs, "primary_need", csc.ListPrimaryNeed, csc.CollectionYearOf(r.ReferralDate), in.PrimaryNeed)
		}
		if err := probs.Err(); err != nil {
			return err
		}
		r.Version, r.PrimaryNeed, r.NFA = in.Version, in.PrimaryNeed, in.NFA
		if err := tx.UpdateReferral(r); err != nil {
			return err
		}
		au.add(actor, "update", "referral", r.ID, r.ChildID, "primary_need="+r.PrimaryNeed)
		summary := "Referral details amended: primary need " + r.PrimaryNeed
		if r.NFA {
			summary += ", no further action"
		}
		return event(tx, actor, r.ChildID, eventReferralAmended, summary, "referral", r.ID)
	})
	return r, err
}

// CloseReferral closes a referral's episode with a date and a reason
// (RC1–RC9): a manager's decision. It is refused while an assessment in
// the episode is unauthorised or a homeless 16/17-year-old's section 20
// decision is outstanding. Closing stops HP-03 if the assessment is not
// done. Needs referral.close.
func (a *App) CloseReferral(ctx context.Context, actor csc.Actor, id int64, in csc.ClosureInput) (r *csc.Referral, err error) {
	defer csc.WrapOp(&err, "app.CloseReferral")
	if err := require(actor, csc.ActReferralClose); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if r, _, err = openReferral(tx, actor, csc.ActReferralClose, id); err != nil {
			return err
		}
		if !r.Open() {
			return csc.Errorf(csc.Invalid, "Referral %d was already closed on %s.", id, r.ClosureDate.Long())
		}
		var probs csc.Problems
		d := stepDate(&probs, "closure_date", "closure date", in.ClosureDate, r.ReferralDate, "the referral date", a.Today())
		year := csc.CollectionYearOf(a.Today())
		if !d.IsZero() {
			year = csc.CollectionYearOf(d)
		}
		if in.ClosureReason == "" {
			probs.Add("closure_reason", "Choose the reason for closure (RC1 to RC9)")
		} else {
			codeField(&probs, "closure_reason", csc.ListClosureReason, year, in.ClosureReason)
		}
		if err := probs.Err(); err != nil {
			return err
		}
		if err := closable(tx, r); err != nil {
			return err
		}
		r.Version, r.ClosureDate, r.ClosureReason = in.Version, d, in.ClosureReason
		if err := tx.UpdateReferral(r); err != nil {
			return err
		}
		au.add(actor, "close", "referral", r.ID, r.ChildID, r.ClosureReason)
		label := csc.Codes(csc.ListClosureReason, year)
		reason := r.ClosureReason
		if i := slices.IndexFunc(label, func(c csc.Code) bool { return c.Value == reason }); i >= 0 {
			reason += " (" + label[i].Label + ")"
		}
		if err := stepEvent(tx, actor, r.ChildID, csc.EventReferralClosed, "Referral closed: "+reason, "referral", r.ID, d); err != nil {
			return err
		}
		return a.refreshClocks(tx, r.ChildID)
	})
	return r, err
}

// closable refuses to close an episode with an assessment still open or a
// homeless presentation without its section 20 decision (HL-01 to HL-03).
func closable(tx csc.Tx, r *csc.Referral) error {
	as, err := tx.ListAssessments(r.ChildID)
	if err != nil {
		return err
	}
	var probs csc.Problems
	for _, x := range as {
		if x.ReferralID == r.ID && x.Status != csc.AssessmentAuthorised {
			probs.Add("closure_date", "Assessment %d in this referral is not yet authorised: authorise it before closing the referral", x.ID)
		}
	}
	hl, err := tx.ListHomeless(r.ChildID)
	if err != nil {
		return err
	}
	for _, h := range hl {
		if h.ReferralID == r.ID && !h.Decided() {
			probs.Add("closure_date", "The young person presented as homeless on %s: record the section 20 decision before closing the referral", h.PresentedOn.Long())
		}
	}
	return probs.Err()
}
