package app

import (
	"context"
	"slices"
	"strings"

	"cairn/internal/csc"
)

// openAssessment loads an assessment and checks actor may do act to its child.
func openAssessment(tx csc.Tx, actor csc.Actor, act csc.Action, id int64) (*csc.Assessment, error) {
	if err := require(actor, act); err != nil {
		return nil, err
	}
	x, err := tx.FindAssessmentByID(id)
	if err != nil {
		return nil, err
	}
	if _, _, err := loadChild(tx, actor, act, x.ChildID); err != nil {
		return nil, err
	}
	return x, nil
}

// changeAssessment runs fn on an assessment in a write transaction, once
// the actor may take act on its child and the assessment is in one of the
// statuses the step allows.
func (a *App) changeAssessment(ctx context.Context, actor csc.Actor, act csc.Action, id int64, statuses []csc.AssessmentStatus,
	fn func(tx csc.Tx, au *auditor, x *csc.Assessment) error) (x *csc.Assessment, err error) {
	if err := require(actor, act); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if x, err = openAssessment(tx, actor, act, id); err != nil {
			return err
		}
		if !slices.Contains(statuses, x.Status) {
			return csc.Errorf(csc.Invalid, "Assessment %d is %s, so that cannot be done now.", id, strings.ToLower(x.Status.Label()))
		}
		return fn(tx, au, x)
	})
	return x, err
}

// AssessmentView is an assessment's page: the assessment, its referral
// and its HP-03 due date.
type AssessmentView struct {
	Assessment *csc.Assessment
	Referral   *csc.Referral
	Child      *csc.Person
	Due        csc.Date
}

// Assessment reads an assessment for its page. Needs child.view; audited.
func (a *App) Assessment(ctx context.Context, actor csc.Actor, id int64) (v *AssessmentView, err error) {
	defer csc.WrapOp(&err, "app.Assessment")
	v = &AssessmentView{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if v.Assessment, err = openAssessment(tx, actor, csc.ActChildView, id); err != nil {
			return err
		}
		if v.Child, err = tx.FindPersonByID(v.Assessment.ChildID); err != nil {
			return err
		}
		if v.Referral, err = tx.FindReferralByID(v.Assessment.ReferralID); err != nil {
			return err
		}
		v.Due = AssessmentDue(v.Referral.ReferralDate)
		au.add(actor, "view", "assessment", id, v.Assessment.ChildID, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// StartAssessment starts a child and family assessment in an open
// referral's episode, on or after the referral date. A second assessment
// in the same episode is allowed once the earlier one is authorised.
// Needs assessment.record.
func (a *App) StartAssessment(ctx context.Context, actor csc.Actor, referralID int64, start string) (x *csc.Assessment, err error) {
	defer csc.WrapOp(&err, "app.StartAssessment")
	if err := require(actor, csc.ActAssessmentRecord); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		r, _, err := openReferral(tx, actor, csc.ActAssessmentRecord, referralID)
		if err != nil {
			return err
		}
		x, err = a.startAssessment(tx, actor, au, r, start)
		return err
	})
	return x, err
}

func (a *App) startAssessment(tx csc.Tx, actor csc.Actor, au *auditor, r *csc.Referral, start string) (*csc.Assessment, error) {
	var probs csc.Problems
	d := stepDate(&probs, "start_date", "start date", strings.TrimSpace(start), r.ReferralDate, "the referral date", a.Today())
	if err := probs.Err(); err != nil {
		return nil, err
	}
	if !r.Open() {
		return nil, csc.Errorf(csc.Invalid, "Referral %d is closed: record a new contact to open a new referral.", r.ID)
	}
	as, err := tx.ListAssessments(r.ChildID)
	if err != nil {
		return nil, err
	}
	for _, o := range as {
		if o.ReferralID == r.ID && o.Status != csc.AssessmentAuthorised {
			return nil, csc.Problems{{Field: "start_date", Message: "Assessment " + itoa(o.ID) + " in this referral is still open: finish it first"}}.Err()
		}
	}
	x := &csc.Assessment{ChildID: r.ChildID, ReferralID: r.ID, StartDate: d, Status: csc.AssessmentOpen, CreatedByID: actor.StaffID}
	if err := tx.CreateAssessment(x); err != nil {
		return nil, err
	}
	au.add(actor, "create", "assessment", x.ID, x.ChildID, "")
	return x, stepEvent(tx, actor, x.ChildID, csc.EventAssessmentStarted, "Child and family assessment started", "assessment", x.ID, d)
}

// parseAssessment checks the worker's draft: lengths, identity aspects,
// factor codes in the start date's collection year and the outcome. A
// draft may be incomplete; SubmitAssessment checks completeness.
func parseAssessment(in csc.AssessmentInput, year csc.CollectionYear) (csc.Assessment, error) {
	var x csc.Assessment
	var probs csc.Problems
	x.NotSeenReason = textField(&probs, "not_seen_reason", in.NotSeenReason, maxText)
	x.History = textField(&probs, "history", in.History, maxText)
	x.LivedExperience = textField(&probs, "lived_experience", in.LivedExperience, maxText)
	x.ParentsCarers = textField(&probs, "parents_carers", in.ParentsCarers, maxText)
	x.Risks = textField(&probs, "risks", in.Risks, maxText)
	x.Protective = textField(&probs, "protective_factors", in.Protective, maxText)
	x.Analysis = textField(&probs, "analysis", in.Analysis, maxText)
	x.NextSteps = textField(&probs, "next_steps", in.NextSteps, maxText)
	x.Identity = map[string]csc.IdentityNote{}
	for k, n := range in.Identity {
		if !slices.Contains(csc.IdentityAspects, k) {
			probs.Add("identity", "%q is not an aspect of identity the assessment records", clipText(k))
			continue
		}
		x.Identity[k] = csc.IdentityNote{Found: textField(&probs, "identity."+k, n.Found, maxText),
			NotExplored: textField(&probs, "identity."+k+"_why", n.NotExplored, 2000)}
	}
	for _, f := range in.Factors {
		f = strings.TrimSpace(f)
		if f == "" || slices.Contains(x.Factors, f) {
			continue
		}
		if err := csc.CheckCode(csc.ListAssessmentFactor, year, f); err != nil {
			probs.Add("factors", "%s", err.Error())
			continue
		}
		x.Factors = append(x.Factors, f)
	}
	if slices.Contains(x.Factors, "21") && len(x.Factors) > 1 {
		probs.Add("factors", "Factor 21 means no factors were identified: remove it or the other factors")
	}
	x.Outcome = csc.AssessmentOutcome(in.Outcome)
	if in.Outcome != "" && !slices.Contains(csc.AssessmentOutcomes, x.Outcome) {
		probs.Add("outcome", "Choose an outcome from the list")
	}
	return x, probs.Err()
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// SaveAssessment saves the worker's draft of an assessment in progress.
// Needs assessment.record.
func (a *App) SaveAssessment(ctx context.Context, actor csc.Actor, id int64, in csc.AssessmentInput) (x *csc.Assessment, err error) {
	defer csc.WrapOp(&err, "app.SaveAssessment")
	return a.changeAssessment(ctx, actor, csc.ActAssessmentRecord, id, []csc.AssessmentStatus{csc.AssessmentOpen},
		func(tx csc.Tx, au *auditor, x *csc.Assessment) error {
			v, err := parseAssessment(in, csc.CollectionYearOf(x.StartDate))
			if err != nil {
				return err
			}
			x.Version = in.Version
			x.NotSeenReason, x.History, x.LivedExperience, x.Identity = v.NotSeenReason, v.History, v.LivedExperience, v.Identity
			x.ParentsCarers, x.Risks, x.Protective, x.Analysis = v.ParentsCarers, v.Risks, v.Protective, v.Analysis
			x.Factors, x.Outcome, x.NextSteps = v.Factors, v.Outcome, v.NextSteps
			if err := tx.UpdateAssessment(x); err != nil {
				return err
			}
			au.add(actor, "update", "assessment", x.ID, x.ChildID, "")
			return event(tx, actor, x.ChildID, eventAssessmentUpdated, "Assessment updated", "assessment", x.ID)
		})
}

// RecordChildSeen records a date the child was seen during an assessment
// and whether they were seen alone (HP-06). Needs assessment.record.
func (a *App) RecordChildSeen(ctx context.Context, actor csc.Actor, id int64, date string, alone bool) (s *csc.ChildSeen, err error) {
	defer csc.WrapOp(&err, "app.RecordChildSeen")
	_, err = a.changeAssessment(ctx, actor, csc.ActAssessmentRecord, id, []csc.AssessmentStatus{csc.AssessmentOpen, csc.AssessmentSubmitted},
		func(tx csc.Tx, au *auditor, x *csc.Assessment) error {
			var probs csc.Problems
			d := stepDate(&probs, "seen_date", "date the child was seen", strings.TrimSpace(date), x.StartDate, "the assessment's start", a.Today())
			if err := probs.Err(); err != nil {
				return err
			}
			s = &csc.ChildSeen{AssessmentID: x.ID, ChildID: x.ChildID, Date: d, Alone: alone}
			if err := tx.CreateChildSeen(s); err != nil {
				return err
			}
			au.add(actor, "create", "assessment_seen", s.ID, x.ChildID, "")
			summary := "Child seen during assessment"
			if alone {
				summary = "Child seen alone during assessment"
			}
			return stepEvent(tx, actor, x.ChildID, csc.EventVisit, summary, "assessment", x.ID, d)
		})
	return s, err
}

// readiness lists what an assessment still needs before a manager can
// authorise it: every aspect of identity explored or a reason recorded,
// the child seen or a reason, the factors, the analysis, the outcome and
// the next steps.
func readiness(x *csc.Assessment) error {
	var probs csc.Problems
	for _, k := range csc.IdentityAspects {
		if !x.Identity[k].Complete() {
			probs.Add("identity."+k, "Identity: record what was found about the child's %s, or why it was not explored", strings.ToLower(csc.IdentityLabel(k)))
		}
	}
	if !x.SeenOrReason() {
		probs.Add("seen_date", "Record the date the child was seen, or why they were not seen")
	}
	if x.Analysis == "" {
		probs.Add("analysis", "Enter the analysis")
	}
	if len(x.Factors) == 0 {
		probs.Add("factors", "Choose the factors identified at assessment (21 if none)")
	}
	if x.Outcome == "" {
		probs.Add("outcome", "Choose the outcome of the assessment")
	}
	if x.NextSteps == "" {
		probs.Add("next_steps", "Enter the next steps")
	}
	return probs.Err()
}

// SubmitAssessment sends a complete assessment to a manager for
// authorisation. Needs assessment.record.
func (a *App) SubmitAssessment(ctx context.Context, actor csc.Actor, id int64, version int) (x *csc.Assessment, err error) {
	defer csc.WrapOp(&err, "app.SubmitAssessment")
	return a.changeAssessment(ctx, actor, csc.ActAssessmentRecord, id, []csc.AssessmentStatus{csc.AssessmentOpen},
		func(tx csc.Tx, au *auditor, x *csc.Assessment) error {
			if err := readiness(x); err != nil {
				return err
			}
			x.Version, x.Status, x.SubmittedAt = version, csc.AssessmentSubmitted, tx.Now()
			if err := tx.UpdateAssessment(x); err != nil {
				return err
			}
			au.add(actor, "submit", "assessment", x.ID, x.ChildID, "")
			return event(tx, actor, x.ChildID, eventAssessmentSubmitted, "Assessment submitted for authorisation", "assessment", x.ID)
		})
}

// AuthoriseInput is a manager's authorisation of an assessment.
type AuthoriseInput struct {
	Version int    `json:"version"`
	Date    string `json:"date"`
}

// AuthoriseAssessment is the manager's authorisation: the assessment is
// complete on the authorisation date, which meets HP-03 for its referral.
// The date is on or after the start and not in the future; identity must
// be complete and the child seen or a reason recorded. Needs
// assessment.authorise.
func (a *App) AuthoriseAssessment(ctx context.Context, actor csc.Actor, id int64, in AuthoriseInput) (x *csc.Assessment, err error) {
	defer csc.WrapOp(&err, "app.AuthoriseAssessment")
	return a.changeAssessment(ctx, actor, csc.ActAssessmentAuth, id, []csc.AssessmentStatus{csc.AssessmentSubmitted},
		func(tx csc.Tx, au *auditor, x *csc.Assessment) error {
			var probs csc.Problems
			d := stepDate(&probs, "date", "authorisation date", strings.TrimSpace(in.Date), x.StartDate, "the assessment's start", a.Today())
			if err := probs.Err(); err != nil {
				return err
			}
			if err := readiness(x); err != nil {
				return err
			}
			x.Version, x.Status, x.AuthorisedDate = in.Version, csc.AssessmentAuthorised, d
			x.AuthorisedByID, x.AuthorisedBy = actor.StaffID, actor.Name
			if err := tx.UpdateAssessment(x); err != nil {
				return err
			}
			au.add(actor, "authorise", "assessment", x.ID, x.ChildID, string(x.Outcome))
			summary := "Assessment authorised: " + x.Outcome.Label()
			if err := stepEvent(tx, actor, x.ChildID, csc.EventAssessmentCompleted, summary, "assessment", x.ID, d); err != nil {
				return err
			}
			return a.refreshClocks(tx, x.ChildID)
		})
}
