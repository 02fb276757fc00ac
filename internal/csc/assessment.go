package csc

// AssessmentTx stores referrals' details and closure, child and family
// assessments, early help episodes and homeless 16/17-year-old outcomes.
type AssessmentTx interface {
}
