package main

import (
	"errors"
	"testing"
	"time"
)

// The demo's --as-of clock starts at the UK time given and runs on from it.
func TestDemoClock(t *testing.T) {
	now, err := demoClock("2025-10-06T09:40")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2025, 10, 6, 8, 40, 0, 0, time.UTC) // 09:40 BST
	if got := now(); got.Before(want) || got.After(want.Add(time.Minute)) {
		t.Errorf("--as-of 2025-10-06T09:40 gives %v, want just after %v", got, want)
	}
	if _, err := demoClock("6 October"); !errors.Is(err, errUsage) {
		t.Errorf("a bad --as-of gives %v, want a usage error", err)
	}
	if real, _ := demoClock(""); time.Since(real()) > time.Minute {
		t.Errorf("without --as-of the demo's clock is not the real one")
	}
}
