package csc

import (
	"errors"
	"strings"
	"testing"
)

// identSafe fails the test if an error message could echo an identifier: it
// must contain no run of three or more digits, and so none of the input's
// digits as a string.
func identSafe(t *testing.T, input string, err error) {
	t.Helper()
	msg := err.Error()
	run := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] >= '0' && msg[i] <= '9' {
			run++
			if run >= 3 {
				t.Fatalf("error for %q has a run of digits: %q", input, msg)
			}
		} else {
			run = 0
		}
	}
	var digits strings.Builder
	for i := 0; i < len(input); i++ {
		if input[i] >= '0' && input[i] <= '9' {
			digits.WriteByte(input[i])
		}
	}
	if digits.Len() >= 3 && strings.Contains(msg, digits.String()) {
		t.Fatalf("error for %q contains its digits: %q", input, msg)
	}
}

func TestParseNHSNumber(t *testing.T) {
	valid := map[string]NHSNumber{
		"9434765919":       "9434765919", // the NHS's own example number
		"943 476 5919":     "9434765919",
		"943-476-5919":     "9434765919",
		"  943 476 5919\t": "9434765919",
		"943 4765919":      "9434765919", // one separator is still the 3-3-4 grouping
		"9990000018":       "9990000018",
		"0000000000":       "0000000000", // passes the modulus 11 check; accepted, see ParseNHSNumber
		"1111111111":       "1111111111",
	}
	for in, want := range valid {
		got, err := ParseNHSNumber(in)
		if err != nil || got != want {
			t.Errorf("ParseNHSNumber(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	invalid := map[string]error{
		"":               errNHSEmpty,
		"   ":            errNHSEmpty,
		"9434765918":     errNHSCheck,
		"9434765910":     errNHSCheck,
		"0000000060":     errNHSCheck, // stem has remainder 1: no check digit exists
		"0000000069":     errNHSCheck,
		"943476591":      errNHSLength,
		"94347659190":    errNHSLength,
		"943 476 591":    errNHSLength,
		"9434 765 919":   errNHSGrouping,
		"943  476 5919":  errNHSGrouping,
		"943 476 5919 0": errNHSLength,
		"943 476 591 9":  errNHSGrouping,
		" -9434765919":   errNHSGrouping,
		"943.476.5919":   errNHSChars,
		"943 476 591X":   errNHSChars,
		"９４３４７６５９１９":     errNHSChars, // full-width digits
	}
	for in, want := range invalid {
		_, err := ParseNHSNumber(in)
		if !errors.Is(err, want) {
			t.Errorf("ParseNHSNumber(%q) error = %v; want %v", in, err, want)
			continue
		}
		identSafe(t, in, err)
	}
}

func TestNHSNumberString(t *testing.T) {
	if got := NHSNumber("9434765919").String(); got != "943 476 5919" {
		t.Errorf("String() = %q", got)
	}
	for _, odd := range []NHSNumber{"", "123", "94347659xx"} {
		if got := odd.String(); got != string(odd) {
			t.Errorf("NHSNumber(%q).String() = %q; want it unchanged", string(odd), got)
		}
	}
}

func TestNHSNumberIsTestRange(t *testing.T) {
	cases := map[NHSNumber]bool{"9990000018": true, "9434765919": false, "999": false, "": false}
	for n, want := range cases {
		if got := n.IsTestRange(); got != want {
			t.Errorf("NHSNumber(%q).IsTestRange() = %v", string(n), got)
		}
	}
}

func TestSyntheticNHSNumber(t *testing.T) {
	// 999 000 000 has remainder 1 and no check digit, so the first is 999 000 001 8.
	if got := SyntheticNHSNumber(0); got != "9990000018" {
		t.Fatalf("SyntheticNHSNumber(0) = %q", got)
	}
	// Compare with a plain scan of the range.
	seq := 0
	for stem := synthNHSBase; seq < 3000; stem++ {
		s := []byte(strings.Repeat("0", 9))
		for i, v := 8, stem; i >= 0; i, v = i-1, v/10 {
			s[i] = byte('0' + v%10)
		}
		sum := 0
		for i, c := range s {
			sum += int(c-'0') * (10 - i)
		}
		check := (11 - sum%11) % 11
		if check == 10 {
			continue
		}
		want := NHSNumber(string(s) + string(rune('0'+check)))
		if got := SyntheticNHSNumber(seq); got != want {
			t.Fatalf("SyntheticNHSNumber(%d) = %q; want %q", seq, got, want)
		}
		seq++
	}
	total := synthNHS.before[synthNHSBlocks]
	if total < 900_000 || total > 920_000 {
		t.Fatalf("synthetic range holds %d numbers", total)
	}
	prev := NHSNumber("")
	for _, i := range []int{0, 1, 999, 1000, 123_456, 500_000, total - 2, total - 1} {
		n := SyntheticNHSNumber(i)
		p, err := ParseNHSNumber(n.String())
		if err != nil || p != n || !n.IsTestRange() {
			t.Fatalf("SyntheticNHSNumber(%d) = %q: parse %q, %v; test range %v", i, n, p, err, n.IsTestRange())
		}
		if n <= prev {
			t.Fatalf("SyntheticNHSNumber(%d) = %q, not above %q", i, n, prev)
		}
		prev = n
	}
	for _, bad := range []int{-1, total} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("SyntheticNHSNumber(%d) did not panic", bad)
				}
			}()
			SyntheticNHSNumber(bad)
		}()
	}
}

func TestParseUPN(t *testing.T) {
	valid := map[string]UPN{
		"B801200005001":   "B801200005001", // python-stdnum's example
		"b801200005001":   "B801200005001",
		" B801200005001 ": "B801200005001",
		// Temporary UPNs, check letters worked by hand: the sum of
		// 8×2 + 1×4 + 2×5 + 5×10 is 80, plus 13 × the letter's value.
		"M80120000500A": "M80120000500A", // 80 mod 23 = 11 → M
		"Y80120000500Z": "Y80120000500Z", // (80 + 13×22) mod 23 = 21 → Y
	}
	for in, want := range valid {
		got, err := ParseUPN(in)
		if err != nil || got != want {
			t.Errorf("ParseUPN(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	invalid := map[string]error{
		"":               errUPNEmpty,
		"A801200005001":  errUPNCheck,
		"B801200005002":  errUPNCheck,
		"B810200005001":  errUPNCheck, // transposed digits
		"N80120000500A":  errUPNCheck,
		"X80120000A001":  errUPNMiddle,
		"B8012000050":    errUPNLength,
		"B8012000050011": errUPNLength,
		"I801200005001":  errUPNFirst,
		"1801200005001":  errUPNFirst,
		"B80120000500I":  errUPNLast,
		"B80120000500-":  errUPNLast,
		"B80120000500é":  errUPNLength,
	}
	for in, want := range invalid {
		_, err := ParseUPN(in)
		if !errors.Is(err, want) {
			t.Errorf("ParseUPN(%q) error = %v; want %v", in, err, want)
			continue
		}
		identSafe(t, in, err)
	}
}

func TestUPNParts(t *testing.T) {
	u := UPN("M80120000500A")
	if u.LACode() != "801" || !u.IsTemporary() {
		t.Errorf("LACode %q, IsTemporary %v", u.LACode(), u.IsTemporary())
	}
	u = "B801200005001"
	if u.IsTemporary() || u.String() != "B801200005001" {
		t.Errorf("B801200005001: IsTemporary %v", u.IsTemporary())
	}
	if UPN("").LACode() != "" || UPN("").IsTemporary() {
		t.Error("empty UPN has parts")
	}
}

func TestSyntheticUPN(t *testing.T) {
	seen := map[UPN]bool{}
	for _, la := range []int{0, 201, 801, 999} {
		for _, seq := range []int{0, 1, 999, 1000, 99_999, 100_000, 54_321_987, 99_999_999} {
			u := SyntheticUPN(la, seq)
			p, err := ParseUPN(string(u))
			if err != nil || p != u {
				t.Fatalf("SyntheticUPN(%d, %d) = %q: parse %q, %v", la, seq, u, p, err)
			}
			if seen[u] {
				t.Fatalf("SyntheticUPN(%d, %d) = %q repeats", la, seq, u)
			}
			seen[u] = true
			if u.LACode() != string([]byte{byte('0' + la/100), byte('0' + la/10%10), byte('0' + la%10)}) {
				t.Fatalf("SyntheticUPN(%d, %d) = %q has LA code %q", la, seq, u, u.LACode())
			}
		}
	}
	// Every single-character change to a synthetic UPN is caught.
	u := string(SyntheticUPN(801, 4242))
	for i := 1; i < 13; i++ {
		for c := byte('0'); c <= '9'; c++ {
			if c == u[i] {
				continue
			}
			mut := u[:i] + string(c) + u[i+1:]
			if _, err := ParseUPN(mut); err == nil {
				t.Errorf("changed UPN %q accepted", mut)
			}
		}
	}
	for _, bad := range [][2]int{{-1, 0}, {1000, 0}, {801, -1}, {801, 100_000_000}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("SyntheticUPN(%d, %d) did not panic", bad[0], bad[1])
				}
			}()
			SyntheticUPN(bad[0], bad[1])
		}()
	}
}

func TestParsePostcode(t *testing.T) {
	valid := map[string]Postcode{
		"sw1a1aa":      "SW1A 1AA",
		" SW1A  1AA ":  "SW1A 1AA",
		"m11ae":        "M1 1AE",   // A9
		"b338th":       "B33 8TH",  // A99
		"CR2 6XH":      "CR2 6XH",  // AA9
		"dn55 1pt":     "DN55 1PT", // AA99
		"W1A 0AX":      "W1A 0AX",  // A9A
		"EC1A 1BB":     "EC1A 1BB", // AA9A
		"gir 0aa":      "GIR 0AA",
		"E1W\u00a01AA": "E1W 1AA",  // no-break space
		"AB1 2 3 AB":   "AB12 3AB", // spacing is free
	}
	for in, want := range valid {
		got, err := ParsePostcode(in)
		if err != nil || got != want {
			t.Errorf("ParsePostcode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	invalid := map[string]error{
		"":          errPostcodeEmpty,
		"  ":        errPostcodeEmpty,
		"SW1A-1AA":  errPostcodeChars,
		"SW1A 1AÄ":  errPostcodeChars,
		"SW1A 1AAA": errPostcodeLength,
		"1AA":       errPostcodeLength,
		"SW1A1A":    errPostcodeInward,
		"12345":     errPostcodeInward,
		"SW1A 1CA":  errPostcodeLetters,
		"SW1A 1AV":  errPostcodeLetters,
		"AAAA 1AA":  errPostcodeOutward,
		"9A 1AA":    errPostcodeOutward,
		"A9AA 1AA":  errPostcodeOutward,
		"SW1AB 1AA": errPostcodeLength,
		"GIR 0AB":   errPostcodeOutward,
		"GIR0AAA":   errPostcodeInward,
		"AB12 34AB": errPostcodeLength,
	}
	for in, want := range invalid {
		_, err := ParsePostcode(in)
		if !errors.Is(err, want) {
			t.Errorf("ParsePostcode(%q) error = %v; want %v", in, err, want)
		}
	}
}

func TestPostcodeParts(t *testing.T) {
	cases := []struct {
		p                               Postcode
		outward, district, area, sector string
	}{
		{"SW1A 1AA", "SW1A", "SW1", "SW", "SW1A 1"},
		{"M1 1AE", "M1", "M1", "M", "M1 1"},
		{"B33 8TH", "B33", "B33", "B", "B33 8"},
		{"CR2 6XH", "CR2", "CR2", "CR", "CR2 6"},
		{"DN55 1PT", "DN55", "DN55", "DN", "DN55 1"},
		{"W1A 0AX", "W1A", "W1", "W", "W1A 0"},
		{"E1W 1AA", "E1W", "E1", "E", "E1W 1"},
		{"GIR 0AA", "GIR", "GIR", "GIR", "GIR 0"},
		{"", "", "", "", ""},
	}
	for _, c := range cases {
		if c.p.Outward() != c.outward || c.p.District() != c.district || c.p.Area() != c.area || c.p.Sector() != c.sector {
			t.Errorf("%q: outward %q district %q area %q sector %q", c.p, c.p.Outward(), c.p.District(), c.p.Area(), c.p.Sector())
		}
	}
}

func FuzzParseNHSNumber(f *testing.F) {
	for _, s := range []string{"9434765919", "943 476 5919", "943-476-5919", "0000000000", "943  476 5919", "x", "", "9990000018", "94347659191"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNHSNumber(s)
		if err != nil {
			identSafe(t, s, err)
			return
		}
		if !identDigits(string(n), 10) {
			t.Fatalf("ParseNHSNumber(%q) = %q, not 10 digits", s, n)
		}
		for _, again := range []string{n.String(), string(n)} {
			if m, err := ParseNHSNumber(again); err != nil || m != n {
				t.Fatalf("ParseNHSNumber(%q) = %q, %v; want %q", again, m, err, n)
			}
		}
	})
}

func FuzzParseUPN(f *testing.F) {
	for _, s := range []string{"B801200005001", "b801200005001", "M80120000500A", "A801200005001", "I801200005001", "", "B80120000500é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUPN(s)
		if err != nil {
			identSafe(t, s, err)
			return
		}
		if len(u) != 13 || u.LACode() == "" {
			t.Fatalf("ParseUPN(%q) = %q", s, u)
		}
		if v, err := ParseUPN(u.String()); err != nil || v != u {
			t.Fatalf("ParseUPN(%q) = %q, %v; want %q", u.String(), v, err, u)
		}
	})
}

func FuzzParsePostcode(f *testing.F) {
	for _, s := range []string{"sw1a1aa", "SW1A 1AA", "GIR 0AA", "M1 1AE", "W1A 0AX", "SW1A 1CA", "", "E1W\u00a01AA", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePostcode(s)
		if err != nil {
			identSafe(t, s, err)
			var compact strings.Builder
			for _, r := range strings.ToUpper(s) {
				if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
					compact.WriteRune(r)
				}
			}
			if compact.Len() >= 4 && strings.Contains(err.Error(), compact.String()) {
				t.Fatalf("error for %q contains it: %q", s, err)
			}
			return
		}
		if q, err := ParsePostcode(p.String()); err != nil || q != p {
			t.Fatalf("ParsePostcode(%q) = %q, %v; want %q", p.String(), q, err, p)
		}
		if p.Outward() == "" || p.District() == "" || p.Area() == "" || len(p.Sector()) != len(p.Outward())+2 {
			t.Fatalf("%q: outward %q district %q area %q sector %q", p, p.Outward(), p.District(), p.Area(), p.Sector())
		}
		if !strings.HasPrefix(p.Outward(), p.District()) || !strings.HasPrefix(p.District(), p.Area()) {
			t.Fatalf("%q: parts do not nest", p)
		}
	})
}
