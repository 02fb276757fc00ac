package app

import "cairn/internal/csc"

// CaseworkPart is the child's page's view of child in need plans, visits, case notes and the case summary.
type CaseworkPart struct{}

// loadCaseworkPart reads this part of the child's record into r, inside the
// page's read transaction.
func (a *App) loadCaseworkPart(tx csc.Tx, actor csc.Actor, r *ChildRecord) error { return nil }
