package ssda903

import (
	"bytes"
	"testing"
)

// FuzzReadCSV feeds arbitrary bytes to the CSV reader as a table file beside
// a good Header. It must never panic, and every row it keeps must come from a
// line of the file.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/05/2025,S,C2,N1,U1,PR1,,X1,,,,\n"))
	f.Add([]byte("\ufeffCHILD,DOB,REVIEW,REVIEW_CODE\r\nC1,1/1/2010,\"01/06/2025\",PN1\r\n"))
	f.Add([]byte("CHILD,DOB,DOB\n"))
	f.Add([]byte("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_LOCATION\nC1,01/05/2025,S,C2,N1,U1,PR1,,,,,,,IN\nC1\n"))
	f.Add([]byte("CHILD,DOB,MISSING,MIS_START\n\"C1,,\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := ReadFiles(map[string][]byte{"h.csv": []byte(headerCSV + "C1,M,01/01/2010,WBRI,,,\n"), "t.csv": data})
		if err != nil {
			t.Fatalf("a good Header was given, yet: %v", err)
		}
		for _, e := range in.Episodes {
			if e.Row < 2 {
				t.Fatalf("episode row %d", e.Row)
			}
		}
	})
}

// FuzzReadXML feeds arbitrary bytes to the XML reader. It must never panic.
func FuzzReadXML(f *testing.F) {
	f.Add([]byte(sampleXML))
	f.Add([]byte("<EXPSSDA903><CHILD><HEADER/></CHILD></EXPSSDA903>"))
	f.Add([]byte("<EXPSSDA903><CHILD><EPISODE><DECOM>1</DECOM></EPISODE></CHILD>"))
	f.Add([]byte("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><EXPSSDA903>&a;</EXPSSDA903>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := ReadFiles(map[string][]byte{"r.xml": data})
		if err == nil && in == nil {
			t.Fatal("no input and no error")
		}
	})
}

// FuzzReadReference feeds arbitrary bytes to the reference file readers
// (providers, postcodes, local authority codes). They must never panic, and
// a list they accept must hold only what the format allows.
func FuzzReadReference(f *testing.F) {
	f.Add([]byte("LA_CODE,NAME\n201,City of London\n"))
	f.Add([]byte("URN,PLACE_CODES,PROVIDER_CODES,REG_END,POSTCODE\nSC1,K2;K1,PR4,31/12/2025,AB1 2CD\n"))
	f.Add([]byte("POSTCODE,LA,LAT,LONG\nAB1 2CD,E09000001,51.5,-0.1\n"))
	f.Add([]byte("\ufeffLA_CODE\n\"201\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadProviders("p.csv", bytes.NewReader(data))
		ReadPostcodes("pc.csv", bytes.NewReader(data))
		las, err := ReadLACodes("la.csv", bytes.NewReader(data))
		if err == nil {
			for c := range las {
				if len(c) != 3 || !isDigit(c[0]) || !isDigit(c[1]) || !isDigit(c[2]) {
					t.Fatalf("accepted code %q", c)
				}
			}
		}
	})
}
