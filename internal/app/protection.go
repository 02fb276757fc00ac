package app

import "cairn/internal/csc"

// ProtectionPart is the child's page's view of strategy discussions, section 47 enquiries, conferences and protection plans.
type ProtectionPart struct{}

// loadProtectionPart reads this part of the child's record into r, inside the
// page's read transaction.
func (a *App) loadProtectionPart(tx csc.Tx, actor csc.Actor, r *ChildRecord) error { return nil }
