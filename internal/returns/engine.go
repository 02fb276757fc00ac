package returns

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
)

// Run runs every rule over d and returns one outcome per rule, in the order
// of rules. Rules run in parallel; each rule reads d and must not change it.
//
// unavailable names the tables that could not be read and why: a rule that
// reads one of them is reported as not run rather than passed on missing
// data. A rule without a check is reported as not implemented, and a check
// that panics is reported as an internal error for that rule alone, so one
// broken rule never hides the others.
func Run[D any](rules []Rule[D], d D, unavailable map[string]string) []Outcome {
	out := make([]Outcome, len(rules))
	workers := min(runtime.GOMAXPROCS(0), len(rules))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = runOne(rules[i], d, unavailable)
			}
		}()
	}
	for i := range rules {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func runOne[D any](r Rule[D], d D, unavailable map[string]string) (o Outcome) {
	o.Spec = r.Spec
	if r.Check == nil {
		o.Status = NotImplemented
		return o
	}
	for _, t := range r.Tables {
		if why, ok := unavailable[t]; ok {
			o.Status = NotRunStatus
			o.Reason = fmt.Sprintf("needs a usable %s table (%s)", t, why)
			return o
		}
	}
	defer func() {
		if p := recover(); p != nil {
			o.Status = Crashed
			o.Reason = fmt.Sprint(p)
			o.Failures = nil
		}
	}()
	fails, err := r.Check(d)
	var nr *NotRun
	switch {
	case errors.As(err, &nr):
		o.Status = NotRunStatus
		o.Reason = "needs " + nr.Needs
	case err != nil:
		o.Status = Crashed
		o.Reason = err.Error()
	case len(fails) > 0:
		o.Status = Failed
		sortFailures(fails)
		o.Failures = fails
	default:
		o.Status = Passed
	}
	return o
}

func sortFailures(fs []Failure) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		return a.Child < b.Child
	})
}

// Summary counts outcomes by status.
type Summary struct {
	Rules          int `json:"rules"`
	Passed         int `json:"passed"`
	Failed         int `json:"failed"`
	NotRun         int `json:"not_run"`
	NotImplemented int `json:"not_implemented"`
	Crashed        int `json:"internal_errors"`
	Failures       int `json:"failures"`
}

// Summarise counts the outcomes.
func Summarise(os []Outcome) Summary {
	s := Summary{Rules: len(os)}
	for _, o := range os {
		switch o.Status {
		case Passed:
			s.Passed++
		case Failed:
			s.Failed++
			s.Failures += len(o.Failures)
		case NotRunStatus:
			s.NotRun++
		case NotImplemented:
			s.NotImplemented++
		case Crashed:
			s.Crashed++
		}
	}
	return s
}
