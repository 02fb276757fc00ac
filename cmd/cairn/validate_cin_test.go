package main

import (
	"errors"
	"strings"
	"testing"
)

// cinFile is a one-child 2025/26 census that passes every rule; the
// replacements make it fail one.
const cinFile = `<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails><Source><LEA>201</LEA></Source></Header>
<Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID><UPN>P201123456789</UPN><PersonBirthDate>2015-06-10</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>MOB</Disability><Disability>HAND</Disability><Disability>PC</Disability><Disability>INC</Disability><Disability>COMM</Disability><Disability>LD</Disability><Disability>HEAR</Disability><Disability>VIS</Disability></Disabilities></ChildCharacteristics>
<CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
<Assessments><AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
</CINdetails></Child></Children></Message>
`

func TestValidateCINListRules(t *testing.T) {
	out, _, err := runCLI(t, "validate", "cin", "--list-rules", "--year", "2025-26")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "\n"); n != 109 || strings.Contains(out, "not implemented") || !strings.Contains(out, "8770Q\tQUERY\timplemented") {
		t.Errorf("%d lines:\n%s", n, out)
	}
}

func TestValidateCINExitStatus(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		want           error
		line           string
	}{
		{"clean", "", "", nil, ""},
		{"query only", "<AssessmentFactors>2A</AssessmentFactors>", "", nil, "C1,8897Q,QUERY,Assessments,"},
		{"error", "<Sex>F</Sex>", "<Sex>X</Sex>", exitFailures, "C1,4180,ERROR,ChildIdentifiers,Sex,"},
		{"malformed child", "<Sex>F</Sex>", "<Sex>F</Sx>", exitFailures, "C1,input,ERROR,"},
		{"not a census", "<Message>", "<Other>", exitUnusable, ""},
		{"entity bomb", `<?xml version="1.0" encoding="UTF-8"?>`, `<!DOCTYPE Message [<!ENTITY a "a">]>`, exitUnusable, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := cinFile
			if c.from != "" {
				data = strings.Replace(data, c.from, c.to, 1)
			}
			dir := writeFiles(t, map[string]string{"cin.xml": data})
			out, stderr, err := runCLI(t, "validate", "cin", dir+"/cin.xml", "--year", "2025-26", "--format", "csv")
			var code exitCode
			if c.want == nil && err != nil || c.want != nil && (!errors.As(err, &code) || code != c.want) {
				t.Fatalf("err = %v, want %v\n%s%s", err, c.want, out, stderr)
			}
			if !strings.HasPrefix(out, "LAchildID,rule,severity,table,fields,message") && c.want != exitUnusable {
				t.Errorf("csv header:\n%s", out)
			}
			if !strings.Contains(out, c.line) {
				t.Errorf("report lacks %q:\n%s", c.line, out)
			}
			if c.want == exitUnusable && stderr == "" {
				t.Error("no message for an unusable file")
			}
		})
	}
}
