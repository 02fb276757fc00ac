package returns

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Problem is something wrong with the input itself rather than with the data
// it carries: a file that is not a table, a missing column, a malformed XML
// element. Line and Column are 1-based; 0 means not known or not relevant.
type Problem struct {
	File    string `json:"file"`
	Child   string `json:"child,omitempty"` // the child whose data it is, when known
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// Report is the result of validating one return.
type Report struct {
	Return   string    `json:"return"`
	Year     string    `json:"year"`
	Problems []Problem `json:"problems"`
	Outcomes []Outcome `json:"-"`
	// Severities makes the CSV report give each line's severity (ERROR or
	// QUERY) and name the child column ChildColumn, as the CIN census asks.
	Severities  bool   `json:"-"`
	ChildColumn string `json:"-"`
}

// Summary counts the report's outcomes.
func (r *Report) Summary() Summary { return Summarise(r.Outcomes) }

// HasFailures reports whether any rule that is an error failed, or a rule
// could not run because of an internal error. A failed query does not count:
// the authority may answer it with a reason.
func (r *Report) HasFailures() bool {
	s := r.Summary()
	return s.Failed-s.Queries > 0 || s.Crashed > 0
}

// WriteText writes the report for people: a summary, the input problems,
// every failure, then the rules that did not run and those not implemented.
func (r *Report) WriteText(w io.Writer) error {
	s := r.Summary()
	bw := &errWriter{w: w}
	bw.printf("%s %s: %d rules: %d passed, %d failed (%d failures), %d not run, %d not implemented",
		r.Return, r.Year, s.Rules, s.Passed, s.Failed, s.Failures, s.NotRun, s.NotImplemented)
	if s.Queries > 0 {
		bw.printf("; %d of the failed rules are queries", s.Queries)
	}
	if s.Crashed > 0 {
		bw.printf(", %d internal errors", s.Crashed)
	}
	bw.printf("\n")
	if len(r.Problems) > 0 {
		bw.printf("\nInput problems:\n")
		for _, p := range r.Problems {
			bw.printf("  %s\n", p)
		}
	}
	for _, st := range []Status{Failed, Crashed, NotRunStatus, NotImplemented} {
		first := true
		for _, o := range r.Outcomes {
			if o.Status != st {
				continue
			}
			if first {
				bw.printf("\n%s:\n", strings.ToUpper(string(st[:1]))+string(st[1:]))
				first = false
			}
			switch st {
			case Failed:
				q := ""
				if o.IsQuery() {
					q = "[query] "
				}
				bw.printf("  %s  %s%s (%d)\n", o.Code, q, o.Message, len(o.Failures))
				for _, f := range o.Failures {
					if f.Child == "" && f.Row == 0 {
						bw.printf("      the return as a whole\n")
						continue
					}
					bw.printf("      child %s  %s row %d  %s\n", f.Child, f.Table, f.Row, strings.Join(f.Fields, ";"))
				}
			case NotImplemented:
				bw.printf("  %s  %s\n", o.Code, o.Message)
			default:
				bw.printf("  %s  %s: %s\n", o.Code, st, o.Reason)
			}
		}
	}
	return bw.err
}

// CSVHeader is the header of the CSV report: the columns the issue asks for,
// then the row the failure was found on.
var CSVHeader = []string{"CHILD", "rule", "table", "fields", "message", "row"}

// WriteCSV writes one line per failure; a rule that was not run or is not
// implemented gets one line with no child, whose message says so, so that a
// spreadsheet of the report never shows a rule as passed that was not run.
//
// With Severities set the columns are ChildColumn, rule, severity, table,
// fields, message and row; an input problem has the severity ERROR, since a
// child whose data could not be read has not been validated.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	write := func(child, rule string, sev Severity, table, fields, msg, row string) {
		if r.Severities {
			cw.Write([]string{child, rule, string(sev), table, fields, msg, row})
			return
		}
		cw.Write([]string{child, rule, table, fields, msg, row})
	}
	if r.Severities {
		col := r.ChildColumn
		if col == "" {
			col = CSVHeader[0]
		}
		cw.Write([]string{col, "rule", "severity", "table", "fields", "message", "row"})
	} else {
		cw.Write(CSVHeader)
	}
	for _, p := range r.Problems {
		line := ""
		if p.Line > 0 && r.Severities {
			line = strconv.Itoa(p.Line)
		}
		write(p.Child, "input", Error, "", "", p.String(), line)
	}
	for _, o := range r.Outcomes {
		sev := o.SeverityName()
		tables, fields := strings.Join(o.Tables, ";"), strings.Join(o.Fields, ";")
		switch o.Status {
		case Failed:
			for _, f := range o.Failures {
				row := ""
				if f.Row > 0 || !r.Severities {
					row = strconv.Itoa(f.Row)
				}
				write(f.Child, o.Code, sev, f.Table, strings.Join(f.Fields, ";"), o.Message, row)
			}
		case NotImplemented:
			write("", o.Code, sev, tables, fields, "not implemented: "+o.Message, "")
		case NotRunStatus, Crashed:
			write("", o.Code, sev, tables, fields, string(o.Status)+": "+o.Reason, "")
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonOutcome struct {
	Code     string    `json:"code"`
	Severity Severity  `json:"severity,omitempty"`
	Message  string    `json:"message"`
	Tables   []string  `json:"tables"`
	Fields   []string  `json:"fields"`
	Status   Status    `json:"status"`
	Reason   string    `json:"reason,omitempty"`
	Failures []Failure `json:"failures,omitempty"`
}

// WriteJSON writes the whole report, every rule with its status.
func (r *Report) WriteJSON(w io.Writer) error {
	v := struct {
		Return   string        `json:"return"`
		Year     string        `json:"year"`
		Summary  Summary       `json:"summary"`
		Problems []Problem     `json:"problems"`
		Rules    []jsonOutcome `json:"rules"`
	}{Return: r.Return, Year: r.Year, Summary: r.Summary(), Problems: r.Problems}
	if v.Problems == nil {
		v.Problems = []Problem{}
	}
	for _, o := range r.Outcomes {
		v.Rules = append(v.Rules, jsonOutcome{o.Code, o.Severity, o.Message, o.Tables, o.Fields, o.Status, o.Reason, o.Failures})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(v)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
