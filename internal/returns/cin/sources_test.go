package cin_test

import (
	"bytes"
	"testing"

	"cairn/internal/csc"
	"cairn/internal/returns"
	"cairn/internal/returns/cin"
)

func date(s string) csc.Date {
	d, err := csc.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// sourcedChild is a child of the census whose every record has an id, with
// a child in need plan that starts before its referral (rule 4015), an
// enquiry whose initial conference was held on a Saturday (8875, on the
// conference's date), a review conference before its plan began (8841),
// and no disability recorded (8540).
func sourcedChild() *csc.CensusChild {
	return &csc.CensusChild{ID: 7, DateOfBirth: date("2015-01-01"), Sex: "F", Ethnicity: "WBRI",
		Episodes: []csc.CensusEpisode{{
			ReferralID: 11, ReferralDate: date("2025-05-01"), Source: "1A", PrimaryNeed: "N1",
			Assessments: []csc.CensusAssessment{{ID: 21, StartDate: date("2025-05-02"), AuthorisedDate: date("2025-05-20"), Factors: []string{"2A"}}},
			CINPlans:    []csc.CensusCINPlan{{ID: 31, StartDate: date("2025-04-20")}},
			S47s: []csc.CensusS47{{ID: 41, StartDate: date("2025-05-21"), StrategyDate: date("2025-05-21"), Concluded: true,
				ConferenceNeeded: true, InitialCPC: date("2025-06-07"), ConferenceID: 51}},
			ProtectionPlan: []csc.CensusCPPlan{{ID: 61, StartDate: date("2025-06-10"), InitialCategory: "NEG", LatestCategory: "NEG",
				Reviews: []csc.Date{date("2025-06-01")}, ReviewIDs: []int64{71}}},
		}}}
}

// TestSourcesLeadBackToTheRecord: numbering a child's elements leaves the
// XML as it was, and each failure leads to the record it is about.
func TestSourcesLeadBackToTheRecord(t *testing.T) {
	y, err := cin.ParseYear("2025-26")
	if err != nil {
		t.Fatal(err)
	}
	r := sourcedChild()
	var src cin.Sources
	sourced := src.FromRecord(r, y)
	plain := cin.FromRecord(r, y)
	write := func(c *cin.Child) []byte {
		var b bytes.Buffer
		w, err := cin.NewWriter(&b, header)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.WriteChild(c); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if !bytes.Equal(write(&sourced), write(&plain)) {
		t.Error("numbering the elements changed the XML")
	}

	k, err := cin.NewChecker(y)
	if err != nil {
		t.Fatal(err)
	}
	h := cin.LiveHeader(y)
	k.Check(&h, []cin.Child{sourced})
	rep := k.Report(&h, nil)
	want := map[string]cin.Source{
		"4015": {Kind: cin.SourceCINPlan, ID: 31, ChildID: 7},
		"8875": {Kind: cin.SourceConference, ID: 51, ChildID: 7},
		"8841": {Kind: cin.SourceConference, ID: 71, ChildID: 7},
		"8540": {Kind: cin.SourceChild, ID: 7, ChildID: 7},
	}
	seen := map[string]bool{}
	for _, o := range rep.Outcomes {
		if o.Status != returns.Failed {
			continue
		}
		for _, f := range o.Failures {
			if f.Child == "" {
				continue // about the return as a whole
			}
			s, ok := src.Of(f)
			if !ok || s.ChildID != 7 {
				t.Errorf("rule %s: failure %+v has no source", o.Code, f)
				continue
			}
			if w, ok := want[o.Code]; ok {
				seen[o.Code] = true
				if s != w {
					t.Errorf("rule %s (%s %v) leads to %+v, want %+v", o.Code, f.Table, f.Fields, s, w)
				}
			}
		}
	}
	for code := range want {
		if !seen[code] {
			t.Errorf("rule %s did not fail", code)
		}
	}
	if _, ok := src.Of(returns.Failure{Table: cin.THeader}); ok {
		t.Error("a failure of the return as a whole has a source")
	}
}
