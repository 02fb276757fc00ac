package cin

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"cairn/internal/returns"
)

func validateBytes(t *testing.T, data []byte) (*returns.Report, error) {
	t.Helper()
	return Validate("census.xml", bytes.NewReader(data), y2526, 0)
}

func genCensus(t *testing.T, n int, bad func(int) string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeCensus(&b, n, bad); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCleanCensusPasses reads a generated census and checks every rule
// passes: the reader fills the model as the rule tests' base child is.
func TestCleanCensusPasses(t *testing.T) {
	rep, err := validateBytes(t, genCensus(t, 3, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 {
		t.Errorf("problems: %v", rep.Problems)
	}
	for _, o := range rep.Outcomes {
		if o.Status != returns.Passed {
			t.Errorf("%s: %s %s %+v", o.Code, o.Status, o.Reason, o.Failures)
		}
	}
}

func TestReadModel(t *testing.T) {
	rd := NewReader("x.xml", bytes.NewReader(genCensus(t, 1, nil)), 0)
	var c Child
	ok, err := rd.Next(&c)
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
	if rd.Header.ReferenceDate != d("2026-03-31") || rd.Header.LEA != "201" {
		t.Errorf("header %+v", rd.Header)
	}
	e := c.CIN[0]
	if c.LAchildID != "C0" || c.Sex != "F" || len(c.Disabilities) != 8 || e.ReferralDate != d("2025-05-01") ||
		len(e.Assessments[0].Factors) != 2 || e.S47[0].DateOfInitialCPC != d("2025-07-01") ||
		e.CPP[0].Reviews[0].Date != d("2025-09-25") || e.Plans[0].StartDate != d("2025-12-01") || e.CPP[0].Line != 10 {
		t.Errorf("child %+v", c)
	}
	if ok, err := rd.Next(&c); ok || err != nil {
		t.Errorf("after the last child: %v %v", ok, err)
	}
}

// TestMalformedChildReported: one child's broken XML is an input problem
// naming the child, and the children after it are still validated.
func TestMalformedChildReported(t *testing.T) {
	data := genCensus(t, 5, func(i int) string {
		switch i {
		case 1:
			return "<ChildCharacteristics><Ethnicity>WBRI</Ethnic></ChildCharacteristics>"
		case 3:
			return "<ChildCharacteristics><Ethnicity>ZZZZ</Ethnicity><Hobby>chess</Hobby></ChildCharacteristics>"
		}
		return ""
	})
	rep, err := validateBytes(t, data)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range rep.Problems {
		msgs = append(msgs, p.Child+": "+p.Message)
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, "C1: this child's XML is malformed") || !strings.Contains(all, "C3: unexpected element Hobby") {
		t.Errorf("problems:\n%s", all)
	}
	for _, o := range rep.Outcomes {
		if o.Code == "4220" && (len(o.Failures) != 1 || o.Failures[0].Child != "C3") {
			t.Errorf("4220: %+v", o.Failures)
		}
	}
}

func TestBadInputUnusable(t *testing.T) {
	bomb := `<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Message><Children>&b;</Children></Message>`
	for name, in := range map[string]string{
		"not XML":     "LAchildID,UPN\nC1,A123\n",
		"wrong root":  "<EXPSSDA903><CHILD/></EXPSSDA903>",
		"truncated":   string(genCensus(t, 2, nil))[:900],
		"entity bomb": bomb,
		"encoding":    `<?xml version="1.0" encoding="ISO-8859-1"?><Message/>`,
		"utf-16":      "\xff\xfe<\x00M\x00",
		"empty":       "",
		"undefined":   "<Message><Children>&nbsp;</Children></Message>",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := validateBytes(t, []byte(in))
			if !errors.Is(err, ErrUnusable) && name != "undefined" {
				t.Fatalf("err = %v", err)
			}
			if err == nil && name != "undefined" {
				t.Fatal("no error")
			}
		})
	}
}

// TestSizeLimit: a file larger than the limit is refused without reading on.
func TestSizeLimit(t *testing.T) {
	r := io.MultiReader(strings.NewReader("<Message><Children>"), endless{})
	_, err := Validate("big.xml", r, y2526, 1<<20)
	if !errors.Is(err, ErrUnusable) || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Fatalf("err = %v", err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// TestGenderCurrentFile: a 2023/24 file (GenderCurrent, no Sex) is read, the
// difference is said, and 4180 fails for each child.
func TestGenderCurrentFile(t *testing.T) {
	data := bytes.ReplaceAll(genCensus(t, 2, nil), []byte("<Sex>F</Sex>"), []byte("<GenderCurrent>2</GenderCurrent>"))
	data = bytes.ReplaceAll(data, []byte("<Sex>M</Sex>"), []byte("<GenderCurrent>1</GenderCurrent>"))
	rep, err := validateBytes(t, data)
	if err != nil {
		t.Fatal(err)
	}
	said := false
	for _, p := range rep.Problems {
		said = said || strings.Contains(p.Message, "GenderCurrent")
	}
	for _, o := range rep.Outcomes {
		if o.Code == "4180" && len(o.Failures) != 2 {
			t.Errorf("4180: %+v", o.Failures)
		}
	}
	if !said {
		t.Errorf("problems: %v", rep.Problems)
	}
}

func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	writeCensus(&b, 2, nil)
	f.Add(b.Bytes())
	f.Add([]byte("<Message><Children><Child><ChildIdentifiers><LAchildID>A&amp;B</LAchildID></ChildIdentifiers></Child></Children></Message>"))
	f.Add([]byte("<Message><Children><Child><![CDATA[x]]><!-- c --><CINdetails/></Child><Child></Children></Message>"))
	f.Add([]byte("<?xml version='1.0'?><Message xmlns:x='u'><x:Children><Child a='1'/></x:Children></Message>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := Validate("f.xml", bytes.NewReader(data), y2526, 1<<20)
		if (rep == nil) == (err == nil) {
			t.Fatalf("report %v and error %v", rep != nil, err)
		}
		if err != nil && !errors.Is(err, ErrUnusable) {
			t.Fatalf("unexpected error kind: %v", err)
		}
	})
}
