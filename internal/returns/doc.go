// Package returns holds what the statutory returns share: a validation rule
// (code, message, tables, fields and a check over a typed dataset), the
// engine that runs a year's rules and the reports it writes. The returns
// themselves live in sub-packages (ssda903 for the looked-after children
// return; the CIN census will follow), each with its own tables, readers and
// rule catalogue per collection year.
//
// Nothing here may pretend: every rule in a year's catalogue appears in every
// report, as passed, failed, not run (with what it needs) or not
// implemented.
package returns
