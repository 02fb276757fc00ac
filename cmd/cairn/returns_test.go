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
	// The synthetic authority's census has no errors (queries are allowed).
	if msg, _, err := runCLI(t, "validate", "cin", out, "--year", "2025-26"); err != nil {
		t.Fatalf("validate: %v\n%s", err, msg)
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

// TestSynthDirty seeds census errors into a small synthetic authority with
// cairn synth --dirty, lists them with --dirty-manifest, and finds them in
// the census with cairn validate cin; bad rates are refused before anything
// is written.
func TestSynthDirty(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an authority")
	}
	dir := t.TempDir()
	db, manifest := filepath.Join(dir, "cairn.db"), filepath.Join(dir, "seeded.csv")
	msg, _, err := runCLI(t, "synth", "--db", db, "--children", "300", "--seed", "3", "--as-of", "2026-03-04",
		"--dirty", "0.2", "--dirty-manifest", manifest)
	if err != nil || !strings.Contains(msg, "census data errors") || !strings.Contains(msg, "2025-26 census") {
		t.Fatalf("%q %v", msg, err)
	}
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(rows) < 6 || rows[0] != "child_id,la_child_id,census,rule,kind,table,change" {
		t.Fatalf("manifest:\n%s", data)
	}
	out := filepath.Join(dir, "census.xml")
	if _, _, err := runCLI(t, "returns", "cin", "--db", db, "--year", "2025-26", "--out", out); err != nil {
		t.Fatal(err)
	}
	report, _, err := runCLI(t, "validate", "cin", out, "--year", "2025-26", "--format", "csv")
	if !errors.Is(err, exitFailures) {
		t.Fatalf("validate: %v, want errors found", err)
	}
	for _, row := range rows[1:] {
		f := strings.Split(row, ",")
		if !strings.Contains(report, "\n"+f[1]+","+f[3]+",") {
			t.Errorf("seeded %s, not reported:\n%s", row, report)
		}
	}
	for _, bad := range []string{"0.51", "-0.01", "five percent", "NaN"} {
		if _, _, err := runCLI(t, "synth", "--db", filepath.Join(dir, "bad.db"), "--dirty", bad); !errors.Is(err, errUsage) {
			t.Errorf("--dirty %s: %v, want a usage error", bad, err)
		}
	}
	if _, _, err := runCLI(t, "synth", "--db", filepath.Join(dir, "bad.db"), "--dirty-manifest", manifest); !errors.Is(err, errUsage) {
		t.Errorf("--dirty-manifest without --dirty: %v, want a usage error", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.db")); err == nil {
		t.Error("a refused command made a database")
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
