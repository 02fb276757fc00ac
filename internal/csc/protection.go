package csc

// ProtectionTx stores strategy discussions, section 47 enquiries,
// conferences and child protection plans with their actions and core groups.
type ProtectionTx interface {
}
