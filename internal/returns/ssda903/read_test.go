package ssda903

import (
	"strings"
	"testing"

	"cairn/internal/csc"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // YYYY-MM-DD, or "" for not valid
	}{
		{"01/04/2025", "2025-04-01"},
		{"1/4/2025", "2025-04-01"},
		{" 31/03/2026 ", "2026-03-31"},
		{"29/02/2024", "2024-02-29"},
		{"29/02/2025", ""},
		{"31/04/2025", ""},
		{"2025-04-01", ""},
		{"01/13/2025", ""},
		{"00/01/2025", ""},
		{"01/04/25", ""},
		{"1/1/20255", ""},
		{"", ""},
		{"aa/bb/cccc", ""},
	} {
		d := ParseDate(tc.in)
		if got := d.Date.String(); got != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if d.Valid() == (tc.want == "") {
			t.Errorf("ParseDate(%q).Valid() = %v", tc.in, d.Valid())
		}
		if d.Invalid() != (tc.want == "" && strings.TrimSpace(tc.in) != "") {
			t.Errorf("ParseDate(%q).Invalid() = %v", tc.in, d.Invalid())
		}
	}
}

func mustRead(t *testing.T, files map[string]string) *Input {
	t.Helper()
	bs := map[string][]byte{}
	for n, s := range files {
		bs[n] = []byte(s)
	}
	in, err := ReadFiles(bs)
	if err != nil {
		t.Fatalf("ReadFiles: %v", err)
	}
	return in
}

const headerCSV = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"

func TestReadCSVColumnsByName(t *testing.T) {
	in := mustRead(t, map[string]string{
		"header.csv": "\ufeffUPN,EXTRA,child,DOB,SEX,ETHNIC,MOTHER,MC_DOB\r\nA123456789012,x,C1,05/06/2012,M,WBRI,,\r\n\r\n",
		"episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA\n" +
			"C1,01/05/2025,S,C2,N1,U1,PR1,,X1,,AB1 2CD,AB1 3CD,SC123456,E\n",
	})
	if len(in.Problems) != 0 {
		t.Fatalf("problems: %v", in.Problems)
	}
	if len(in.Header) != 1 {
		t.Fatalf("header rows = %d", len(in.Header))
	}
	h := in.Header[0]
	if h.Child != "C1" || h.UPN != "A123456789012" || h.Sex != "M" || h.DOB.Date != csc.NewDate(2012, 6, 5) || h.Row != 2 {
		t.Errorf("header row = %+v", h)
	}
	e := in.Episodes[0]
	if e.Place != "U1" || e.URN != "SC123456" || !e.DEC.Blank() || e.DECOM.Date != csc.NewDate(2025, 5, 1) {
		t.Errorf("episode = %+v", e)
	}
	if len(in.Unusable) != 0 {
		t.Errorf("unusable = %v", in.Unusable)
	}
}

func TestReadBadInput(t *testing.T) {
	for _, tc := range []struct {
		name     string
		files    map[string]string
		problem  string // a substring of the one problem expected
		unusable string // a table expected to be unusable, if any
	}{
		{"duplicate header", map[string]string{"h.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,DOB\n"},
			"h.csv:1:8: column DOB appears twice (columns 3 and 8)", THeader},
		{"missing column", map[string]string{"h.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MC_DOB\nC1,M,01/01/2010,WBRI,,\n"},
			"h.csv:1: the Header table has no column MOTHER", THeader},
		{"stray file", map[string]string{"h.csv": headerCSV, "notes.txt": "hello"},
			"notes.txt: not a CSV or XML file", ""},
		{"stray csv", map[string]string{"h.csv": headerCSV, "other.csv": "A,B\n1,2\n"},
			"other.csv:1: not an SSDA903 table", ""},
		{"empty file", map[string]string{"h.csv": headerCSV, "e.csv": ""},
			"e.csv: the file is empty", ""},
		{"bad quote", map[string]string{"h.csv": headerCSV + "C1,M,\"01/01/2010,WBRI,,,\nC2,F,01/01/2010,WBRI,,,\n"},
			"h.csv:2: a quoted field is not closed (found at line 3, column 25)", THeader},
		{"two files one table", map[string]string{"a.csv": headerCSV, "b.csv": headerCSV},
			"b.csv:1: both a.csv and this file hold the Header table", THeader},
		{"malformed xml", map[string]string{"r.xml": "<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID></HEADER>\n<EPISODE></CHILD></EXPSSDA903>"},
			"r.xml:2", TEpisodes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := mustRead(t, tc.files)
			if len(in.Problems) != 1 || !strings.Contains(in.Problems[0].String(), tc.problem) {
				t.Fatalf("problems = %v, want one containing %q", in.Problems, tc.problem)
			}
			if tc.unusable != "" {
				if _, ok := in.Unusable[tc.unusable]; !ok {
					t.Errorf("%s not unusable: %v", tc.unusable, in.Unusable)
				}
			}
		})
	}
}

func TestReadNothingUsable(t *testing.T) {
	for name, files := range map[string]map[string][]byte{
		"no tables":  {"a.csv": []byte("X,Y\n")},
		"two xml":    {"a.xml": []byte("<EXPSSDA903/>"), "b.xml": []byte("<EXPSSDA903/>")},
		"wrong root": {"a.xml": []byte("<Message/>")},
	} {
		if _, err := ReadFiles(files); err == nil || csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("%s: err = %v, want Invalid", name, err)
		}
	}
}

func TestMissingRequiredTables(t *testing.T) {
	in := mustRead(t, map[string]string{"r.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010,01/06/2025,PN1\n"})
	if _, ok := in.Unusable[THeader]; !ok {
		t.Errorf("Header should be unusable when absent: %v", in.Unusable)
	}
	if _, ok := in.Unusable[TEpisodes]; !ok {
		t.Errorf("Episodes should be unusable when absent: %v", in.Unusable)
	}
}

const sampleXML = `<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>
 <CHILD>
  <HEADER>
   <CHILDID>C1</CHILDID><UPN>UN1</UPN><SEX>F</SEX><DOB>03/02/2009</DOB><ETHNIC>WBRI</ETHNIC><UASC>1</UASC><DUC>03/02/2027</DUC>
   <IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>S1</ACCOM>
   <AMISSING><MISSING>M</MISSING><MIS_START>01/06/2025</MIS_START><MIS_END>02/06/2025</MIS_END></AMISSING>
   <AREVIEW><REVIEW>01/07/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
   <AREVIEW><REVIEW>01/12/2025</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>
   <PERMANENCE><PREV_PERM>Z1</PREV_PERM></PERMANENCE>
   <OC2><SDQ_SCORE>12</SDQ_SCORE><CONVICTED>0</CONVICTED></OC2>
  </HEADER>
  <EPISODE><DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N1</CIN><PL>U1</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC>X1</REC></EPISODE>
  <EPISODE><DECOM>01/08/2025</DECOM><RNE>P</RNE><LS>V2</LS><CIN>N1</CIN><PL>U2</PL><DEC>01/09/2025</DEC><REC>E11</REC></EPISODE>
  <DOLO><DOLO_START>01/08/2025</DOLO_START></DOLO>
 </CHILD>
</EXPSSDA903>
`

func TestReadXML(t *testing.T) {
	in := mustRead(t, map[string]string{"return.xml": sampleXML})
	if len(in.Problems) != 0 {
		t.Fatalf("problems: %v", in.Problems)
	}
	counts := map[string]int{THeader: 1, TEpisodes: 2, TReviews: 2, TUASC: 1, TOC2: 1, TOC3: 1, TAD1: 0, TMissing: 1, TPrevPerm: 1, TDoLo: 1, TSWEpisodes: 0}
	for table, want := range counts {
		if got := in.count(table); got != want {
			t.Errorf("%s rows = %d, want %d", table, got, want)
		}
	}
	e := in.Episodes[1]
	if e.Place != "U2" || e.REC != "E11" || e.Row != 14 {
		t.Errorf("episode = %+v", e)
	}
	if in.Reviews[1].Row != 9 || in.Reviews[1].ReviewCode != "PN2" {
		t.Errorf("review = %+v", in.Reviews[1])
	}
	if !in.Supplied[TDoLo] || in.Supplied[TSWEpisodes] {
		t.Errorf("supplied = %v", in.Supplied)
	}
}

// TestReadOptionalColumns checks the columns a file may carry but need not:
// the UASC status flag (by either name) and PL_LOCATION are read when there
// and recorded as carried; a file without them reads them as blank.
func TestReadOptionalColumns(t *testing.T) {
	in := mustRead(t, map[string]string{
		"header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC_STATUS\nC1,M,05/06/2012,WBRI,UN1,,,1\n",
		"episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_LOCATION\n" +
			"C1,01/05/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,AB1 3CD,SC123456,OUT\n",
	})
	if in.Header[0].UASC != "1" || in.Episodes[0].PLLocation != "OUT" || !in.Has[ColUASC] || !in.Has[ColPLLocation] || !in.hasFlag() {
		t.Errorf("header %+v, episode %+v, has %v", in.Header[0], in.Episodes[0], in.Has)
	}
	in = mustRead(t, map[string]string{"header.csv": headerCSV + "C1,M,05/06/2012,WBRI,UN1,,\n"})
	if in.Header[0].UASC != "" || in.Has[ColUASC] || in.hasFlag() {
		t.Errorf("a file without the flag: %+v, has %v", in.Header[0], in.Has)
	}
	xml := strings.Replace(strings.Replace(sampleXML, "<UASC>1</UASC>", "<UASC_STATUS>1</UASC_STATUS>", 1),
		"<PL>U1</PL>", "<PL>U1</PL><PL_LOCATION>IN</PL_LOCATION>", 1)
	in = mustRead(t, map[string]string{"return.xml": xml})
	if in.Header[0].UASC != "1" || in.Episodes[0].PLLocation != "IN" || !in.Has[ColPLLocation] || !in.hasFlag() {
		t.Errorf("xml: header %+v, episode %+v, has %v", in.Header[0], in.Episodes[0], in.Has)
	}
	if in := mustRead(t, map[string]string{"return.xml": sampleXML}); in.Has[ColPLLocation] {
		t.Error("an XML file without PL_LOCATION was read as carrying it")
	}
}
