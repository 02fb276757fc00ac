package returns

import (
	"errors"
	"fmt"
	"strings"
)

// Spec is what the Department for Education publishes about a rule: its code,
// its message and the tables and fields it reads. It comes from the year's
// rule catalogue, not from code, so that the list of rules is the
// specification's list whether or not cairn implements each one.
type Spec struct {
	Code     string
	Severity Severity
	Message  string
	Tables   []string
	Fields   []string
}

// Severity is how a failed rule counts. An error must be corrected before the
// return is accepted; a query (the CIN census's "Q" rules) must be corrected
// or explained. The SSDA903 catalogue gives no severity: its rules are errors.
type Severity string

// The severities a catalogue may give.
const (
	Error Severity = "ERROR"
	Query Severity = "QUERY"
)

// IsQuery reports whether a failure of the rule is a query rather than an
// error.
func (s Spec) IsQuery() bool { return s.Severity == Query }

// SeverityName is the rule's severity as reports print it: ERROR unless the
// catalogue says QUERY.
func (s Spec) SeverityName() Severity {
	if s.Severity == "" {
		return Error
	}
	return s.Severity
}

// Failure is one place a rule found wrong: the child, the table and the row
// (the line in the file the data came from; 0 when the failure is about a
// child's data as a whole), and the fields at fault.
type Failure struct {
	Child  string   `json:"child"`
	Table  string   `json:"table"`
	Row    int      `json:"row"`
	Fields []string `json:"fields"`
}

// Check runs one rule over a dataset of type D and returns where it fails.
// A check that cannot run on this input (reference data not given, a table
// that could not be read) returns a NotRun error instead.
type Check[D any] func(D) ([]Failure, error)

// Rule is a specification and the check that implements it. A nil Check means
// cairn does not implement the rule yet; the engine reports it as such.
type Rule[D any] struct {
	Spec
	Check Check[D]
}

// NotRun says a rule could not be run on this input, and what it needs.
type NotRun struct{ Needs string }

func (e *NotRun) Error() string { return "not run: needs " + e.Needs }

// NeedsData returns a NotRun error: the rule needs what is described.
func NeedsData(format string, args ...any) error {
	return &NotRun{Needs: fmt.Sprintf(format, args...)}
}

// Status is what became of one rule in a run.
type Status string

// The statuses of a rule in a report, in the order reports list them.
const (
	Failed         Status = "failed"
	NotRunStatus   Status = "not run"
	NotImplemented Status = "not implemented"
	Crashed        Status = "internal error"
	Passed         Status = "passed"
)

// Outcome is one rule's result in a run.
type Outcome struct {
	Spec
	Status   Status
	Reason   string // for not run and internal error: why
	Failures []Failure
}

// ParseCatalogue reads a rule catalogue in the form the specifications are
// kept in: a CSV file with the columns code, message, tables and fields,
// tables and fields separated by semicolons. The CIN census catalogue names
// its one table "module" and adds a "type" column, ERROR or QUERY, which is
// read as the rule's severity.
func ParseCatalogue(records [][]string) ([]Spec, error) {
	if len(records) == 0 {
		return nil, errors.New("rule catalogue is empty")
	}
	col := map[string]int{}
	for i, h := range records[0] {
		h = strings.ToLower(strings.TrimSpace(h))
		switch h {
		case "module":
			h = "tables"
		case "type":
			h = "severity"
		}
		col[h] = i
	}
	for _, want := range []string{"code", "message", "tables", "fields"} {
		if _, ok := col[want]; !ok {
			return nil, fmt.Errorf("rule catalogue has no %q column", want)
		}
	}
	seen := map[string]bool{}
	specs := make([]Spec, 0, len(records)-1)
	for n, rec := range records[1:] {
		s := Spec{
			Code:    strings.TrimSpace(rec[col["code"]]),
			Message: strings.TrimSpace(rec[col["message"]]),
			Tables:  splitList(rec[col["tables"]]),
			Fields:  splitList(rec[col["fields"]]),
		}
		if i, ok := col["severity"]; ok {
			switch sv := Severity(strings.ToUpper(strings.TrimSpace(rec[i]))); sv {
			case Error, Query:
				s.Severity = sv
			default:
				return nil, fmt.Errorf("rule catalogue line %d: severity %q is not ERROR or QUERY", n+2, rec[i])
			}
		}
		if s.Code == "" || seen[s.Code] {
			return nil, fmt.Errorf("rule catalogue line %d: missing or repeated code %q", n+2, s.Code)
		}
		seen[s.Code] = true
		specs = append(specs, s)
	}
	return specs, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
