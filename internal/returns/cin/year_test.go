package cin

import (
	"testing"

	"cairn/internal/returns"
)

// TestYearInheritance checks how a later year is declared: it inherits its
// parent's checks and lists only what it adds, changes and drops.
func TestYearInheritance(t *testing.T) {
	changed := def{perChild, func(*Dataset) ([]returns.Failure, error) { return nil, nil }}
	ys := buildYears([]yearSpec{
		{label: "2025-26"},
		{label: "2026-27", inherits: "2025-26", drop: []string{"8945Q"}, change: map[string]def{"4180": changed},
			add: map[string]def{"9001": changed}},
	})
	a, b := ys["2025-26"], ys["2026-27"]
	if len(a) != len(base) || len(b) != len(base) {
		t.Fatalf("%d and %d checks, want %d each", len(a), len(b), len(base))
	}
	if _, ok := b["8945Q"]; ok {
		t.Error("a dropped rule was inherited")
	}
	if _, ok := a["9001"]; ok {
		t.Error("a later year's rule reached its parent")
	}
	if b["1103"].check == nil || b["9001"].check == nil {
		t.Error("inherited or added rule has no check")
	}
	for _, bad := range []yearSpec{{label: "x", inherits: "2019-20"}, {label: "x", drop: []string{"nope"}}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%+v was accepted", bad)
				}
			}()
			buildYears([]yearSpec{bad})
		}()
	}
}

// TestQueriesDoNotFail: a report whose only failures are queries is not a
// failed report.
func TestQueriesDoNotFail(t *testing.T) {
	rep := &returns.Report{Outcomes: []returns.Outcome{
		{Spec: returns.Spec{Code: "8897Q", Severity: returns.Query}, Status: returns.Failed, Failures: []returns.Failure{{Child: "C1"}}},
		{Spec: returns.Spec{Code: "8500", Severity: returns.Error}, Status: returns.Passed},
	}}
	if rep.HasFailures() {
		t.Error("a query made the report fail")
	}
	rep.Outcomes[1].Status = returns.Failed
	if !rep.HasFailures() {
		t.Error("an error did not make the report fail")
	}
}
