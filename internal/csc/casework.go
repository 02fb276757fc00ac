package csc

// CaseworkTx stores child in need plans, case notes and visits, manual
// chronology entries and case summaries.
type CaseworkTx interface {
}
