package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestValidateListRules(t *testing.T) {
	for year, want := range map[string]int{"2025-26": 311, "2026-27": 322} {
		out, _, err := runCLI(t, "validate", "903", "--list-rules", "--year", year)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(out, "\n"); n != want {
			t.Errorf("%s: %d lines, want %d", year, n, want)
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestValidateExitStatus(t *testing.T) {
	header := "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
	episodes := "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
	bad := writeFiles(t, map[string]string{
		"header.csv":   header + "C1,X,05/06/2012,WBRI,A123456789012,,\n",
		"episodes.csv": episodes + "C1,01/05/2025,S,C2,N1,U1,PR1,,,,,,\n",
	})
	out, stderr, err := runCLI(t, "validate", "903", bad, "--year", "2025-26", "--format", "csv")
	var code exitCode
	if !errors.As(err, &code) || code != exitFailures {
		t.Fatalf("err = %v, want exit 1", err)
	}
	if !strings.Contains(out, "C1,101,Header,SEX,") {
		t.Errorf("csv report lacks the rule 101 failure:\n%s", out)
	}
	if !strings.Contains(out, "not implemented") && !strings.Contains(stderr, "not implemented") {
		t.Errorf("the report does not say which rules were not implemented")
	}

	_, _, err = runCLI(t, "validate", "903", filepath.Join(bad, "nothing-here"), "--year", "2025-26")
	if !errors.As(err, &code) || code != exitUnusable {
		t.Fatalf("missing path: err = %v, want exit 2", err)
	}
	noEpisodes := writeFiles(t, map[string]string{"header.csv": header + "C1,M,05/06/2012,WBRI,A123456789012,,\n"})
	_, stderr, err = runCLI(t, "validate", "903", noEpisodes, "--year", "2025-26")
	if !errors.As(err, &code) || code != exitUnusable || !strings.Contains(stderr, "no Episodes table") {
		t.Fatalf("no episodes: err = %v, stderr %q, want exit 2", err, stderr)
	}
	if _, _, err = runCLI(t, "validate", "903", bad); !errors.Is(err, errUsage) {
		t.Errorf("no --year: err = %v, want usage", err)
	}
}

func TestValidateReference(t *testing.T) {
	header := "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,05/06/2012,WBRI,A123456789012,,\n"
	episodes := "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
		"C1,01/05/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,FA1 1AA,SC999999\n"
	dir := writeFiles(t, map[string]string{"header.csv": header, "episodes.csv": episodes})
	ref := writeFiles(t, map[string]string{
		"providers.csv": "URN,PLACE_CODES,PROVIDER_CODES,REG_END,POSTCODE\nSC123456,U1,PR1,,AB1 3CD\n",
		"postcodes.csv": "POSTCODE,LA,LAT,LONG\nAB1 2CD,E09000001,51.5,-0.1\nFA1 1AA,S12000001,58.5,-4.2\n",
		"broken.csv":    "POSTCODE,LAT\nAB1 2CD,51.5\n",
	})

	out, _, _ := runCLI(t, "validate", "903", dir, "--year", "2025-26", "--format", "csv")
	if strings.Contains(out, "C1,454,") || strings.Contains(out, "C1,1008,") || !strings.Contains(out, "not run: needs a postcode list (--postcodes)") {
		t.Errorf("reference rules ran without reference data:\n%s", out)
	}
	out, _, _ = runCLI(t, "validate", "903", dir, "--year", "2025-26", "--format", "csv", "--la", "e09000001",
		"--providers", filepath.Join(ref, "providers.csv"), "--postcodes", filepath.Join(ref, "postcodes.csv"))
	for _, want := range []string{"C1,454,Episodes,PL_DISTANCE", "C1,1008,Episodes,URN", "C1,1015,Episodes,PL_LA;PLACE_PROVIDER"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	perm := writeFiles(t, map[string]string{"header.csv": header, "episodes.csv": episodes,
		"prevperm.csv": "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,05/06/2012,P2,999,01/01/2020\n"})
	if out, _, _ = runCLI(t, "validate", "903", perm, "--year", "2025-26", "--format", "csv"); !strings.Contains(out, ",633,PrevPerm,LA_PERM,not run: needs a list of DfE local authority codes (--la-codes)") {
		t.Errorf("633 ran without the code list:\n%s", out)
	}
	ref = writeFiles(t, map[string]string{"las.csv": "LA_CODE,NAME\n201,City of London\n", "bad.csv": "LA_CODE\nE09000001\n"})
	if out, _, _ = runCLI(t, "validate", "903", perm, "--year", "2025-26", "--format", "csv", "--la-codes", filepath.Join(ref, "las.csv")); !strings.Contains(out, "C1,633,PrevPerm,LA_PERM") {
		t.Errorf("633 did not find the unknown code:\n%s", out)
	}
	if _, stderr, err := runCLI(t, "validate", "903", perm, "--year", "2025-26", "--la-codes", filepath.Join(ref, "bad.csv")); err == nil || !strings.Contains(stderr, "bad.csv line 2") {
		t.Errorf("a bad code list: err %v, stderr %q", err, stderr)
	}
	_, stderr, err := runCLI(t, "validate", "903", dir, "--year", "2025-26", "--postcodes", filepath.Join(ref, "broken.csv"))
	var code exitCode
	if !errors.As(err, &code) || code != exitUnusable || !strings.Contains(stderr, "broken.csv") {
		t.Errorf("broken postcode list: err = %v, stderr %q, want exit 2 naming the file", err, stderr)
	}
}
