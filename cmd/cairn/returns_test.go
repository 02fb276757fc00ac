package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReturnsCensus seeds a small synthetic authority, writes its census
// with cairn returns cin and reads it back with cairn validate cin.
func TestReturnsCensus(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an authority")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "cairn.db")
	if _, _, err := runCLI(t, "synth", "--db", db, "--children", "200", "--seed", "3", "--as-of", "2026-03-04"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "census.xml")
	msg, _, err := runCLI(t, "returns", "cin", "--db", db, "--year", "2025-26", "--out", out, "--lea", "201")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "children, census 2025-26") {
		t.Errorf("output: %q", msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "<LEA>201</LEA>") || !strings.Contains(string(data), "<Sex>") {
		t.Errorf("census:\n%.2000s", data)
	}
	// The synthetic data has known errors (see the cin package's tests):
	// the file must be usable, so the exit is 0 or 1, never 2.
	if _, _, err := runCLI(t, "validate", "cin", out, "--year", "2025-26"); err != nil && !errors.Is(err, exitFailures) {
		t.Fatalf("validate: %v", err)
	}
	for _, bad := range [][]string{
		{"returns"},
		{"returns", "cin", "--db", db, "--out", out},
		{"returns", "cin", "--db", db, "--year", "2019-20", "--out", out},
		{"returns", "cin", "--db", db, "--year", "2025-26", "--out", out, "--lea", "12"},
	} {
		if _, _, err := runCLI(t, bad...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
}

// TestReturnsAnnexA writes the Annex A lists of a small synthetic authority
// as a workbook and as CSV files.
func TestReturnsAnnexA(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an authority")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "cairn.db")
	if _, _, err := runCLI(t, "synth", "--db", db, "--children", "200", "--seed", "3", "--as-of", "2026-03-04"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "annexa.xlsx")
	msg, _, err := runCLI(t, "returns", "annex-a", "--db", db, "--as-of", "2026-03-04", "--out", out)
	if err != nil || !strings.Contains(msg, "List 7") {
		t.Fatalf("%q %v", msg, err)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "PK") {
		t.Fatalf("workbook: %v", err)
	}
	csvDir := filepath.Join(dir, "csv")
	if _, _, err := runCLI(t, "returns", "annex-a", "--db", db, "--as-of", "2026-03-04", "--format", "csv", "--out", csvDir); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(csvDir, "list1_contacts.csv")); err != nil || !strings.HasPrefix(string(data), "Child Unique ID,") {
		t.Fatalf("csv: %v %.200s", err, data)
	}
	for _, bad := range [][]string{
		{"returns", "annex-a", "--db", db, "--out", out},
		{"returns", "annex-a", "--db", db, "--as-of", "2026-13-01", "--out", out},
		{"returns", "annex-a", "--db", db, "--as-of", "2026-03-04", "--out", out, "--format", "ods"},
	} {
		if _, _, err := runCLI(t, bad...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
}
