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
}

// Summary counts the report's outcomes.
func (r *Report) Summary() Summary { return Summarise(r.Outcomes) }

// HasFailures reports whether any rule failed or could not run because of an
// internal error.
func (r *Report) HasFailures() bool {
	s := r.Summary()
	return s.Failed > 0 || s.Crashed > 0
}

// WriteText writes the report for people: a summary, the input problems,
// every failure, then the rules that did not run and those not implemented.
func (r *Report) WriteText(w io.Writer) error {
	s := r.Summary()
	bw := &errWriter{w: w}
	bw.printf("%s %s: %d rules: %d passed, %d failed (%d failures), %d not run, %d not implemented",
		r.Return, r.Year, s.Rules, s.Passed, s.Failed, s.Failures, s.NotRun, s.NotImplemented)
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
				bw.printf("  %s  %s (%d)\n", o.Code, o.Message, len(o.Failures))
				for _, f := range o.Failures {
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
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	for _, p := range r.Problems {
		cw.Write([]string{"", "input", "", "", p.String(), ""})
	}
	for _, o := range r.Outcomes {
		switch o.Status {
		case Failed:
			for _, f := range o.Failures {
				cw.Write([]string{f.Child, o.Code, f.Table, strings.Join(f.Fields, ";"), o.Message, strconv.Itoa(f.Row)})
			}
		case NotImplemented:
			cw.Write([]string{"", o.Code, strings.Join(o.Tables, ";"), strings.Join(o.Fields, ";"), "not implemented: " + o.Message, ""})
		case NotRunStatus, Crashed:
			cw.Write([]string{"", o.Code, strings.Join(o.Tables, ";"), strings.Join(o.Fields, ";"), string(o.Status) + ": " + o.Reason, ""})
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonOutcome struct {
	Code     string    `json:"code"`
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
		v.Rules = append(v.Rules, jsonOutcome{o.Code, o.Message, o.Tables, o.Fields, o.Status, o.Reason, o.Failures})
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
