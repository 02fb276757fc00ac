package app

import "cairn/internal/csc"

// AssessmentPart is the child's page's view of referrals' episodes, assessments, early help and homeless 16/17 outcomes.
type AssessmentPart struct{}

// loadAssessmentPart reads this part of the child's record into r, inside the
// page's read transaction.
func (a *App) loadAssessmentPart(tx csc.Tx, actor csc.Actor, r *ChildRecord) error { return nil }
