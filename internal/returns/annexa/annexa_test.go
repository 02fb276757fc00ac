package annexa_test

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestAnnexAGolden maps a small fixed record and writes it as CSV: each list
// must match its file in testdata (go test -run Golden -update rewrites
// them); the workbook must have a sheet per list.
func TestAnnexAGolden(t *testing.T) {
	d := csc.MustParseDate
	asOf := d("2026-03-04")
	a := &csc.AnnexA{
		Children: map[int64]*csc.AnnexAChild{
			101: {ID: 101, DateOfBirth: d("2015-06-10"), Sex: "F", Ethnicity: "WBRI", Disabilities: []csc.DisabilityCode{"NONE"}, Team: "Duty Team", Worker: "Ann Lee", LastSeen: d("2026-02-20")},
			102: {ID: 102, DateOfBirth: d("2020-01-02"), Sex: "M", Ethnicity: "APKN", Disabilities: []csc.DisabilityCode{"LD"}},
		},
		Contacts:    []csc.AnnexAContact{{ChildID: 101, Received: d("2025-05-01"), Source: "6"}, {ChildID: 101, Received: d("2025-10-01"), Source: "6"}, {ChildID: 102, Received: d("2026-03-04"), Source: "1B"}},
		EarlyHelp:   []csc.AnnexAEarlyHelp{{ChildID: 102, Start: d("2025-11-01"), EHAStart: d("2025-11-03"), EHACompleted: d("2025-12-01"), Agency: "Top Town Academy"}},
		Referrals:   []csc.AnnexAReferral{{ChildID: 101, Date: d("2025-04-01"), Source: "6"}, {ChildID: 101, Date: d("2025-10-02"), Source: "6", NFA: true}},
		Assessments: []csc.AnnexAAssessment{{ChildID: 101, Start: d("2025-10-03"), Seen: true, Authorised: d("2025-11-20"), Outcome: "CIN plan"}},
		S47s:        []csc.AnnexAS47{{ChildID: 101, Started: d("2025-10-05"), StrategyDate: d("2025-10-05"), Concluded: true, ConferenceNeeded: true, InitialCPC: d("2025-10-25"), Plan: true}},
		ICPCs:       []csc.AnnexAICPC{{ChildID: 101, Held: d("2025-10-25")}},
		CIN: []csc.AnnexACIN{{ChildID: 101, Start: d("2025-10-02"), PrimaryNeed: "N1", CPPlan: true},
			{ChildID: 102, Start: d("2025-03-01"), PrimaryNeed: "N1", Closed: d("2025-09-30"), ClosureReason: "RC8", CINPlan: true},
			{ChildID: 102, Start: d("2024-01-01"), PrimaryNeed: "N1", Closed: d("2025-08-01"), ClosureReason: "RC8"}},
		CPPlans: []csc.AnnexACPPlan{{ID: 1, ChildID: 101, Start: d("2025-10-25"), Initial: "PHY", Latest: "NEG",
			LastVisit: d("2026-02-20"), SeenAlone: true, LastReview: d("2026-01-15"), PreviousPlans: 1},
			{ID: 2, ChildID: 102, Start: d("2024-06-01"), End: d("2025-08-01"), Initial: "EMO", Latest: "EMO"}},
	}
	lists := annexa.NewLists(asOf)
	annexa.Add(lists, a, asOf)
	for _, l := range lists {
		var b bytes.Buffer
		if err := annexa.WriteCSV(&b, l); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", l.File)
		if *update {
			if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s:\n%s\nwant:\n%s", l.File, b.Bytes(), want)
		}
	}
	var x bytes.Buffer
	if err := annexa.WriteXLSX(&x, lists); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(x.Bytes()), int64(x.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(r)
		r.Close()
		parts[f.Name] = b.String()
	}
	if !strings.Contains(parts["xl/workbook.xml"], `<sheet name="List 7"`) ||
		!strings.Contains(parts["xl/worksheets/sheet1.xml"], `<t>Child Unique ID</t>`) ||
		!strings.Contains(parts["xl/worksheets/sheet3.xml"], `<c r="F2" s="1"><v>45932</v></c>`) {
		t.Errorf("workbook:\n%s\n%s", parts["xl/workbook.xml"], parts["xl/worksheets/sheet3.xml"])
	}
}

// TestAnnexAFromSynth produces the lists of a synthetic authority on each
// engine: every list has rows, and every row's dates are in its period.
func TestAnnexAFromSynth(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an authority")
	}
	storetest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := store.Open(ctx, dsn, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		at := time.Date(2026, 3, 4, 11, 0, 0, 0, time.UTC)
		if _, err := synth.Generate(ctx, st, synth.Options{Children: 600, Seed: 1, AsOf: at}); err != nil {
			t.Fatal(err)
		}
		asOf := csc.DateOf(at)
		lists, err := annexa.Produce(ctx, st, asOf)
		if err != nil {
			t.Fatal(err)
		}
		in := func(d any) bool {
			x, _ := d.(csc.Date)
			return !x.IsZero() && !x.Before(annexa.Period(asOf)) && !x.After(asOf)
		}
		after := func(d any) bool { x, _ := d.(csc.Date); return x.After(asOf) }
		for _, l := range lists {
			t.Logf("%s: %d rows", l.Sheet, len(l.Rows))
			if len(l.Rows) == 0 {
				t.Errorf("%s has no rows", l.Sheet)
			}
			for _, r := range l.Rows {
				if len(r) != len(l.Header) {
					t.Fatalf("%s: row %v has %d cells", l.Sheet, r, len(r))
				}
				for _, c := range r[5:] {
					if after(c) {
						t.Errorf("%s: a date after the inspection: %v", l.Sheet, r)
					}
				}
				ok := true
				switch l.Number {
				case 1, 3:
					ok = in(r[5])
				case 2: // assessed in the period, or an intervention open in it
					ok = in(r[5]) || in(r[6]) || r[6] == csc.Date{}
				case 4: // open at some point in the period
					ok = r[8] == csc.Date{} || in(r[8])
				case 5: // begun in the period, or still open
					ok = in(r[6]) || r[7] == "No"
				case 6: // open at the inspection or closed in the period
					ok = r[9] == csc.Date{} || in(r[9])
				case 7: // open at the inspection or ended in the period
					ok = r[12] == csc.Date{} || in(r[12])
				}
				if !ok {
					t.Errorf("%s: row outside the period: %v", l.Sheet, r)
				}
			}
		}
	})
}
