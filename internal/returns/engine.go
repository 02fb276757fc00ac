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
	Queries        int `json:"queries,omitempty"` // failed rules that are queries, counted in Failed too
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
			if o.IsQuery() {
				s.Queries++
			}
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

// Combine folds the outcomes of the same rules run over another part of a
// dataset into into: a return too large to hold at once is validated in
// batches of children, and each rule's outcome over the whole return is its
// worst status over the batches with every batch's failures. Both slices
// must hold the same rules in the same order.
func Combine(into, more []Outcome) {
	for i := range into {
		a, b := &into[i], more[i]
		if rank(b.Status) < rank(a.Status) {
			a.Status, a.Reason = b.Status, b.Reason
		}
		a.Failures = append(a.Failures, b.Failures...)
	}
}

// rank orders statuses from the one a combined outcome must show first: a
// rule that could not run or crashed on any batch did not validate the whole
// return, whatever it found elsewhere.
func rank(s Status) int {
	switch s {
	case Crashed:
		return 0
	case NotImplemented:
		return 1
	case NotRunStatus:
		return 2
	case Failed:
		return 3
	}
	return 4
}

// SortFailures puts a combined outcome's failures in report order: by table,
// then row, then child.
func SortFailures(os []Outcome) {
	for i := range os {
		sortFailures(os[i].Failures)
	}
}
