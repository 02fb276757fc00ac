package csc

import (
	"encoding/xml"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCollectionYear(t *testing.T) {
	cases := map[string]CollectionYear{
		"2025-04-01": 2025,
		"2026-03-31": 2025,
		"2025-03-31": 2024,
		"2025-12-31": 2025,
		"2024-02-29": 2023,
	}
	for d, want := range cases {
		if got := CollectionYearOf(MustParseDate(d)); got != want {
			t.Errorf("CollectionYearOf(%s) = %d; want %d", d, got, want)
		}
	}
	if got := CollectionYearOf(Date{}); got != 0 {
		t.Errorf("CollectionYearOf(zero) = %d", got)
	}
	y := CollectionYear(2025)
	if y.Start() != NewDate(2025, time.April, 1) || y.End() != NewDate(2026, time.March, 31) {
		t.Errorf("2025: %s to %s", y.Start(), y.End())
	}
	if !y.Contains(y.Start()) || !y.Contains(y.End()) || y.Contains(y.End().AddDays(1)) || y.Contains(Date{}) {
		t.Error("Contains is wrong at the edges")
	}
	for year, want := range map[CollectionYear]string{2025: "2025-26", 1999: "1999-00", 2009: "2009-10", 0: "0-01", -1: "-1-00"} {
		if got := year.String(); got != want {
			t.Errorf("CollectionYear(%d).String() = %q; want %q", int(year), got, want)
		}
	}
}

func codeValues(list ListID, y CollectionYear) []string {
	var out []string
	for _, c := range Codes(list, y) {
		out = append(out, c.Value)
	}
	return out
}

func TestCodeListContents(t *testing.T) {
	want := map[ListID]string{
		ListEthnicity:      "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT",
		ListReferralSource: "1A 1B 1C 1D 2A 2B 3A 3B 3C 3D 3E 3F 4 5A 5B 5C 5D 6 7 8 9 10",
		ListSex:            "M F U",
		ListDisability:     "NONE MOB HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA",
		ListPrimaryNeed:    "N1 N2 N3 N4 N5 N6 N7 N8 N9 N0",
		ListClosureReason:  "RC1 RC2 RC3 RC4 RC5 RC6 RC7 RC8 RC9",
		ListAbuseCategory:  "NEG PHY SAB EMO MUL",
		ListAssessmentFactor: "1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F " +
			"9A 10A 11A 12A 13A 14A 15A 16A 17A 18B 18C 19B 19C 20 21 22A 23A 24A",
		ListUPNUnknown: "UN1 UN2 UN3 UN4 UN5 UN6 UN7",
	}
	if got := CodeLists(); len(got) != len(want) {
		t.Fatalf("CodeLists() = %v", got)
	}
	for _, list := range CodeLists() {
		if got := strings.Join(codeValues(list, 2025), " "); got != want[list] {
			t.Errorf("%s 2025-26:\n got %s\nwant %s", list, got, want[list])
		}
	}
}

func TestCodeListsEveryYear(t *testing.T) {
	for _, list := range CodeLists() {
		for y := CollectionYear(2015); y <= 2035; y++ {
			codes := Codes(list, y)
			if len(codes) == 0 {
				t.Fatalf("%s is empty in %s", list, y)
			}
			seen := map[string]bool{}
			for _, c := range codes {
				if seen[c.Value] {
					t.Errorf("%s has %s twice in %s", list, c.Value, y)
				}
				seen[c.Value] = true
				if c.List != list || c.Value == "" || c.Label == "" || strings.TrimSpace(c.Label) != c.Label || strings.TrimSpace(c.Value) != c.Value {
					t.Errorf("%s %s: bad code %+v", list, y, c)
				}
				if got, ok := LookupCode(list, y, c.Value); !ok || got != c {
					t.Errorf("LookupCode(%s, %s, %s) = %+v, %v", list, y, c.Value, got, ok)
				}
				if err := CheckCode(list, y, c.Value); err != nil {
					t.Errorf("CheckCode(%s, %s, %s) = %v", list, y, c.Value, err)
				}
			}
		}
	}
}

func TestCodeYearChanges(t *testing.T) {
	has := func(list ListID, y CollectionYear, v string) bool {
		_, ok := LookupCode(list, y, v)
		return ok
	}
	for y := CollectionYear(2015); y <= 2035; y++ {
		from2023 := y >= 2023
		if has(ListReferralSource, y, "5D") != from2023 {
			t.Errorf("referral source 5D in %s: %v", y, !from2023)
		}
		if has(ListClosureReason, y, "RC9") != from2023 {
			t.Errorf("closure reason RC9 in %s: %v", y, !from2023)
		}
		from2024 := y >= 2024
		for _, v := range []string{"M", "F", "U"} {
			if has(ListSex, y, v) != from2024 {
				t.Errorf("sex %s in %s: %v", v, y, !from2024)
			}
		}
		for _, v := range []string{"0", "1", "2", "9"} {
			if has(ListSex, y, v) == from2024 {
				t.Errorf("gender %s in %s: %v", v, y, from2024)
			}
		}
	}
	if got := strings.Join(codeValues(ListReferralSource, 2023)[14:18], " "); got != "5B 5C 5D 6" {
		t.Errorf("5D is not after 5C: %s", got)
	}
	if n := len(Codes(ListReferralSource, 2022)); n != 21 {
		t.Errorf("2022-23 has %d referral sources", n)
	}
	// Years outside the known range use the nearest known year.
	if !slices.Equal(Codes(ListSex, 1990), Codes(ListSex, clFirstYear)) || !slices.Equal(Codes(ListSex, 2100), Codes(ListSex, clLastYear)) {
		t.Error("years outside the known range are not clamped")
	}
}

func TestCheckCodeMessages(t *testing.T) {
	cases := []struct {
		list  ListID
		year  CollectionYear
		value string
		want  string
	}{
		{ListReferralSource, 2025, "ZZ", `"ZZ" is not a referral source code in 2025-26`},
		{ListReferralSource, 2022, "5D", `"5D" is not a referral source code in 2022-23 (it is used from 2023-24)`},
		{ListReferralSource, 2019, "5D", `"5D" is not a referral source code in 2019-20 (it is used from 2023-24)`},
		{ListSex, 2025, "1", `"1" is not a sex code in 2025-26 (it was last used in 2023-24)`},
		{ListSex, 2023, "M", `"M" is not a sex code in 2023-24 (it is used from 2024-25)`},
		{ListEthnicity, 2025, "wbri", `"wbri" is not an ethnicity code in 2025-26: did you mean "WBRI"?`},
		{ListEthnicity, 2025, " WBRI", `" WBRI" is not an ethnicity code in 2025-26: did you mean "WBRI"?`},
		{ListEthnicity, 2025, "", `no ethnicity code was given`},
		{ListAssessmentFactor, 2025, "8A", `"8A" is not an assessment factor code in 2025-26`},
		{ListClosureReason, 2022, "RC9", `"RC9" is not a reason for closure code in 2022-23 (it is used from 2023-24)`},
		{ListUPNUnknown, 2025, "UN8", `"UN8" is not a UPN unknown reason code in 2025-26`},
		{ListDisability, 2025, strings.Repeat("X", 30), `"XXXXXXXXXXXXXXXXXXXX…" is not a disability code in 2025-26`},
		{"religion", 2025, "X", `"religion" is not a code list cairn knows`},
	}
	for _, c := range cases {
		err := CheckCode(c.list, c.year, c.value)
		if err == nil || err.Error() != c.want {
			t.Errorf("CheckCode(%s, %d, %q) = %v\nwant %s", c.list, c.year, c.value, err, c.want)
		}
	}
}

func TestCodesUnknownAndCopy(t *testing.T) {
	if Codes("religion", 2025) != nil {
		t.Error("unknown list gave codes")
	}
	if _, ok := LookupCode("religion", 2025, "X"); ok {
		t.Error("unknown list gave a code")
	}
	codes := Codes(ListEthnicity, 2025)
	codes[0].Label = "changed"
	if got := Codes(ListEthnicity, 2025)[0].Label; got != "White British" {
		t.Errorf("Codes returned the table itself: %q", got)
	}
	lists := CodeLists()
	lists[0] = "changed"
	if CodeLists()[0] != ListEthnicity {
		t.Error("CodeLists returned the table itself")
	}
}

func TestTypedCodes(t *testing.T) {
	if got := EthnicityCode("WBRI").Label(2025); got != "White British" {
		t.Errorf("WBRI: %q", got)
	}
	if got := ReferralSourceCode("6").Label(2025); got != "POLICE" {
		t.Errorf("6: %q", got)
	}
	if got := ReferralSourceCode("5D").Label(2022); got != "" {
		t.Errorf("5D in 2022-23: %q", got)
	}
	if got := SexCode("M").Label(2024); got != "Male" {
		t.Errorf("M: %q", got)
	}
	if got := SexCode("M").Label(2023); got != "" {
		t.Errorf("M in 2023-24: %q", got)
	}
	if got := SexCode("1").Label(2023); got != "Male" {
		t.Errorf("1 in 2023-24: %q", got)
	}
	if got := DisabilityCode("AUT").Label(2025); got != "Autism" {
		t.Errorf("AUT: %q", got)
	}
	if EthnicityCode("WBRI").Check(2025) != nil || ReferralSourceCode("5D").Check(2025) != nil ||
		SexCode("U").Check(2025) != nil || DisabilityCode("NONE").Check(2025) != nil {
		t.Error("a valid typed code failed its check")
	}
	if EthnicityCode("XXXX").Check(2025) == nil || ReferralSourceCode("5D").Check(2022) == nil ||
		SexCode("0").Check(2025) == nil || DisabilityCode("none").Check(2025) == nil {
		t.Error("an invalid typed code passed its check")
	}
}

func TestCodeLookupsDoNotAllocate(t *testing.T) {
	value := strings.Clone("24A")
	allocs := testing.AllocsPerRun(1000, func() {
		if _, ok := LookupCode(ListAssessmentFactor, 2025, value); !ok {
			t.Fatal("24A missing")
		}
		if CheckCode(ListAssessmentFactor, 2031, value) != nil {
			t.Fatal("24A invalid")
		}
		_ = EthnicityCode("WBRI").Label(2025)
	})
	if allocs != 0 {
		t.Errorf("lookups allocate %v times", allocs)
	}
}

func BenchmarkLookupCode(b *testing.B) {
	for b.Loop() {
		LookupCode(ListAssessmentFactor, 2025, "24A")
	}
}

// TestCodesMatchSchema compares the 2024-25 lists with the enumerations and
// annotations of the CIN census schema in testdata, a copy of
// shared/specs/cin-census/CIN_schema_2024.xsd (liia-tools, MIT).
func TestCodesMatchSchema(t *testing.T) {
	raw, err := os.ReadFile("testdata/cin_schema_2024.xsd")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Types []struct {
			Name  string `xml:"name,attr"`
			Enums []struct {
				Value string `xml:"value,attr"`
				Doc   string `xml:"annotation>documentation"`
			} `xml:"restriction>enumeration"`
		} `xml:"simpleType"`
	}
	if err := xml.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	types := map[string]ListID{
		"ethnicitytype":         ListEthnicity,
		"disabilitytype":        ListDisability,
		"referralsourcetype":    ListReferralSource,
		"categoryofabuse":       ListAbuseCategory,
		"primaryneedcodetype":   ListPrimaryNeed,
		"reasonforclosuretype":  ListClosureReason,
		"assessmentfactorstype": ListAssessmentFactor,
		"unknownupntype":        ListUPNUnknown, // values only: the schema has no labels
		"gendertype":            ListSex,        // GenderCurrent, the schema's sex item until 2023-24
	}
	// Documented departures from the schema's text.
	fixes := map[string]string{"(LA SERVICES – early help": "LA SERVICES – early help"}
	checked := 0
	for _, st := range schema.Types {
		list, ok := types[st.Name]
		if !ok {
			continue
		}
		checked++
		year := CollectionYear(2024)
		if list == ListSex {
			year = 2023
		}
		codes := Codes(list, year)
		if len(codes) != len(st.Enums) {
			t.Errorf("%s: %d codes, schema has %d", list, len(codes), len(st.Enums))
			continue
		}
		for i, e := range st.Enums {
			label := strings.TrimSpace(e.Doc)
			if f, ok := fixes[label]; ok {
				label = f
			}
			if codes[i].Value != e.Value || (label != "" && codes[i].Label != label) {
				t.Errorf("%s #%d: have %q %q, schema %q %q", list, i, codes[i].Value, codes[i].Label, e.Value, label)
			}
		}
	}
	if checked != len(types) {
		t.Errorf("checked %d schema types, want %d", checked, len(types))
	}
}
