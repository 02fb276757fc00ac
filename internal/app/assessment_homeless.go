package app

import (
	"context"
	"strings"

	"cairn/internal/csc"
)

// HomelessView is a homeless presentation's page.
type HomelessView struct {
	Homeless *csc.HomelessPresentation
	Child    *csc.Person
}

// openHomeless loads a presentation and checks actor may do act to its child.
func openHomeless(tx csc.Tx, actor csc.Actor, act csc.Action, id int64) (*csc.HomelessPresentation, *csc.Person, error) {
	if err := require(actor, act); err != nil {
		return nil, nil, err
	}
	h, err := tx.FindHomelessByID(id)
	if err != nil {
		return nil, nil, err
	}
	child, _, err := loadChild(tx, actor, act, h.ChildID)
	if err != nil {
		return nil, nil, err
	}
	return h, child, nil
}

// Homeless reads a presentation for its page. Needs child.view; audited.
func (a *App) Homeless(ctx context.Context, actor csc.Actor, id int64) (v *HomelessView, err error) {
	defer csc.WrapOp(&err, "app.Homeless")
	v = &HomelessView{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if v.Homeless, v.Child, err = openHomeless(tx, actor, csc.ActChildView, id); err != nil {
			return err
		}
		au.add(actor, "view", "homeless_presentation", id, v.Homeless.ChildID, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// RecordHomeless records a 16- or 17-year-old presenting as homeless. It
// always leads to a social work assessment (HL-02, S14): the child's open
// referral is used, or one is opened on the presentation date from the
// given source; its open assessment is used, or one is started. Needs
// assessment.record (and referral.record when a referral is opened).
func (a *App) RecordHomeless(ctx context.Context, actor csc.Actor, childID int64, in csc.HomelessInput) (h *csc.HomelessPresentation, err error) {
	defer csc.WrapOp(&err, "app.RecordHomeless")
	if err := require(actor, csc.ActAssessmentRecord); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		child, alloc, err := loadChild(tx, actor, csc.ActAssessmentRecord, childID)
		if err != nil {
			return err
		}
		var probs csc.Problems
		d := stepDate(&probs, "presented_on", "date of presentation", strings.TrimSpace(in.PresentedOn), csc.Date{}, "", a.Today())
		age, known := child.AgeOn(d)
		switch {
		case d.IsZero():
		case !known:
			probs.Add("presented_on", "Record the young person's date of birth first: a homeless presentation is for 16- and 17-year-olds")
		case age != 16 && age != 17:
			probs.Add("presented_on", "The young person was %d on that date: this is for 16- and 17-year-olds", age)
		}
		if err := probs.Err(); err != nil {
			return err
		}
		ref, err := a.homelessReferral(tx, actor, au, childID, d, in.Source, alloc)
		if err != nil {
			return err
		}
		x, err := a.homelessAssessment(tx, actor, au, ref, d)
		if err != nil {
			return err
		}
		h = &csc.HomelessPresentation{ChildID: childID, ReferralID: ref.ID, AssessmentID: x.ID, PresentedOn: d, Age: age}
		if err := tx.CreateHomeless(h); err != nil {
			return err
		}
		au.add(actor, "create", "homeless_presentation", h.ID, childID, "")
		if err := stepEvent(tx, actor, childID, eventHomelessPresented, "Young person presented as homeless", "homeless_presentation", h.ID, d); err != nil {
			return err
		}
		return a.refreshClocks(tx, childID)
	})
	return h, err
}

// homelessReferral finds the child's open referral or opens one on the
// presentation date.
func (a *App) homelessReferral(tx csc.Tx, actor csc.Actor, au *auditor, childID int64, d csc.Date, source string, alloc *csc.Allocation) (*csc.Referral, error) {
	refs, err := tx.ListReferrals(childID)
	if err != nil {
		return nil, err
	}
	for i := range refs {
		if refs[i].Open() && !refs[i].ReferralDate.After(d) {
			return &refs[i], nil
		}
	}
	if !actor.Can(csc.ActReferralRecord) {
		return nil, forbidden(actor, csc.ActReferralRecord)
	}
	var probs csc.Problems
	if source == "" {
		probs.Add("source", "The young person has no open referral: choose the source of the referral (for example 4, housing)")
	} else {
		codeField(&probs, "source", csc.ListReferralSource, csc.CollectionYearOf(d), source)
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	r := &csc.Referral{ChildID: childID, ReferralDate: d, Source: csc.ReferralSourceCode(source)}
	if alloc != nil {
		r.TeamID = alloc.TeamID
	}
	if err := tx.CreateReferral(r); err != nil {
		return nil, err
	}
	au.add(actor, "create", "referral", r.ID, childID, "homeless")
	return r, stepEvent(tx, actor, childID, csc.EventReferral, "Referral to children's social care opened: homeless presentation", "referral", r.ID, d)
}

// homelessAssessment finds the referral's open assessment or starts one.
func (a *App) homelessAssessment(tx csc.Tx, actor csc.Actor, au *auditor, r *csc.Referral, d csc.Date) (*csc.Assessment, error) {
	as, err := tx.ListAssessments(r.ChildID)
	if err != nil {
		return nil, err
	}
	for i := range as {
		if as[i].ReferralID == r.ID && as[i].Status != csc.AssessmentAuthorised {
			return &as[i], nil
		}
	}
	x, err := a.startAssessment(tx, actor, au, r, d.String())
	if fs := csc.ErrorFields(err); len(fs) > 0 {
		fs[0].Field = "presented_on"
	}
	return x, err
}

// requiredYesNo reads a yes/no answer that must be given.
func requiredYesNo(probs *csc.Problems, field, question, v string) bool {
	switch v {
	case "yes":
		return true
	case "no":
		return false
	}
	probs.Add(field, "Answer yes or no: %s", question)
	return false
}

// DecideHomeless records a presentation's outcome: the section 20
// decision (or why not), the young person's informed view (told the
// consequences, judged competent, their view in their words) and housing's
// interim accommodation (HL-01 to HL-03). Needs assessment.record.
func (a *App) DecideHomeless(ctx context.Context, actor csc.Actor, id int64, in csc.HomelessDecisionInput) (h *csc.HomelessPresentation, err error) {
	defer csc.WrapOp(&err, "app.DecideHomeless")
	if err := require(actor, csc.ActAssessmentRecord); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if h, _, err = openHomeless(tx, actor, csc.ActAssessmentRecord, id); err != nil {
			return err
		}
		if h.Decided() {
			return csc.Errorf(csc.Invalid, "The section 20 decision for presentation %d is already recorded.", id)
		}
		var probs csc.Problems
		d := stepDate(&probs, "decision_date", "decision date", strings.TrimSpace(in.DecisionDate), h.PresentedOn, "the presentation", a.Today())
		switch in.Decision {
		case "accommodated", "not_accommodated":
		default:
			probs.Add("decision", "Choose whether the young person is accommodated under section 20")
		}
		notReason := textField(&probs, "not_accommodated_reason", in.NotReason, maxText)
		if in.Decision == "not_accommodated" && notReason == "" {
			probs.Add("not_accommodated_reason", "Enter why the young person is not accommodated under section 20")
		}
		told := requiredYesNo(&probs, "told_consequences", "was the young person told the consequences of the decision?", in.ToldConsequences)
		competent := requiredYesNo(&probs, "competent", "was the young person judged competent to decide?", in.Competent)
		view := textField(&probs, "young_person_view", in.View, maxText)
		if view == "" {
			probs.Add("young_person_view", "Enter the young person's view, in their words")
		}
		interim := requiredYesNo(&probs, "interim_provided", "did housing provide interim accommodation?", in.InterimProvided)
		where := textField(&probs, "interim_where", in.InterimWhere, 500)
		if interim && where == "" {
			probs.Add("interim_where", "Enter where housing's interim accommodation is")
		}
		if err := probs.Err(); err != nil {
			return err
		}
		h.Version, h.Decision, h.DecisionDate, h.NotReason = in.Version, in.Decision, d, notReason
		h.ToldConsequences, h.Competent, h.View, h.InterimProvided, h.InterimWhere = told, competent, view, interim, where
		if err := tx.UpdateHomeless(h); err != nil {
			return err
		}
		au.add(actor, "decide", "homeless_presentation", h.ID, h.ChildID, h.Decision)
		return stepEvent(tx, actor, h.ChildID, csc.EventHomelessDecision, "Section 20 decision: "+h.DecisionLabel(), "homeless_presentation", h.ID, d)
	})
	return h, err
}
