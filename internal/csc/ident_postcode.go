package csc

import (
	"errors"
	"strings"
	"unicode"
)

// Postcode is a checked UK postcode in capitals with one space between its
// outward and inward codes, such as "SW1A 1AA". The empty value means "not
// recorded". Make one with ParsePostcode.
//
// The parts, using "SW1A 1AA" as the example: the area is "SW", the outward
// code "SW1A", the district "SW1" (see District), the sector "SW1A 1" and the
// inward code "1AA".
type Postcode string

var (
	errPostcodeEmpty   = errors.New("no postcode was given")
	errPostcodeChars   = errors.New("a postcode has only letters, digits and a space")
	errPostcodeLength  = errors.New("a full postcode has 5 to 7 letters and digits")
	errPostcodeInward  = errors.New("the last part of a postcode is a digit followed by two letters")
	errPostcodeLetters = errors.New("the last two letters of a postcode cannot be C, I, K, M, O or V")
	errPostcodeOutward = errors.New("the first part of the postcode is not in a UK format")
)

// postcodeOutwardShapes are the outward-code layouts, A for a letter and 9 for
// a digit.
var postcodeOutwardShapes = [...]string{"A9", "A99", "AA9", "AA99", "A9A", "AA9A"}

// ParsePostcode reads a UK postcode. Letters may be in either case and
// spacing is free ("sw1a1aa", " SW1A  1AA "); the result is in capitals with
// one space before the last three characters. It checks the format: an
// outward code shaped A9, A99, AA9, AA99, A9A or AA9A, and an inward code of
// a digit and two letters other than C, I, K, M, O and V. "GIR 0AA" is
// accepted as the one historical exception.
//
// It does not apply the finer letter-by-position rules (for example that Q,
// V and X never start a postcode) or check that the postcode exists: that
// needs the ONS postcode directory. British Forces (BFPO) and overseas
// territory postcodes are refused.
//
// Errors never contain the postcode, which is part of an address.
func ParsePostcode(s string) (Postcode, error) {
	var b strings.Builder
	b.Grow(8)
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= 'a' && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteByte(byte(r))
		default:
			return "", errPostcodeChars
		}
		if b.Len() > 7 {
			return "", errPostcodeLength
		}
	}
	c := b.String()
	if c == "" {
		return "", errPostcodeEmpty
	}
	if c == "GIR0AA" {
		return "GIR 0AA", nil
	}
	if len(c) < 5 {
		return "", errPostcodeLength
	}
	out, in := c[:len(c)-3], c[len(c)-3:]
	if !postcodeIsDigit(in[0]) || !postcodeIsLetter(in[1]) || !postcodeIsLetter(in[2]) {
		return "", errPostcodeInward
	}
	if strings.ContainsAny(in[1:], "CIKMOV") {
		return "", errPostcodeLetters
	}
	if !postcodeOutwardOK(out) {
		return "", errPostcodeOutward
	}
	return Postcode(out + " " + in), nil
}

func postcodeIsDigit(c byte) bool  { return c >= '0' && c <= '9' }
func postcodeIsLetter(c byte) bool { return c >= 'A' && c <= 'Z' }

// postcodeShape writes s as its layout: A for each letter, 9 for each digit.
func postcodeShape(s string) string {
	var b [4]byte
	if len(s) > len(b) {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if postcodeIsDigit(s[i]) {
			b[i] = '9'
		} else {
			b[i] = 'A'
		}
	}
	return string(b[:len(s)])
}

func postcodeOutwardOK(out string) bool {
	shape := postcodeShape(out)
	for _, s := range postcodeOutwardShapes {
		if shape == s {
			return true
		}
	}
	return false
}

// String returns the postcode as it is held.
func (p Postcode) String() string { return string(p) }

// Outward returns the outward code, the part before the space: "SW1A" for
// "SW1A 1AA". It returns "" for a value not in the held form.
func (p Postcode) Outward() string {
	out, _, ok := strings.Cut(string(p), " ")
	if !ok {
		return ""
	}
	return out
}

// District returns the postcode district without any sub-district letter:
// "SW1" for "SW1A 1AA", "E1" for "E1W 1AA", and the whole outward code where
// there is no sub-district ("M1" for "M1 1AE", "CR2" for "CR2 6XH"). Royal
// Mail also calls a sub-district such as "SW1A" a district; use Outward for
// that. "GIR 0AA" has district "GIR".
func (p Postcode) District() string {
	out := p.Outward()
	if n := len(out); n > 2 && postcodeIsLetter(out[n-1]) && postcodeIsDigit(out[n-2]) {
		return out[:n-1]
	}
	return out
}

// Area returns the postcode area, the leading letters: "SW" for "SW1A 1AA",
// "M" for "M1 1AE". "GIR 0AA" has area "GIR".
func (p Postcode) Area() string {
	out := p.Outward()
	i := 0
	for i < len(out) && postcodeIsLetter(out[i]) {
		i++
	}
	return out[:i]
}

// Sector returns the outward code, a space and the first character of the
// inward code: "SW1A 1" for "SW1A 1AA", a partial postcode that locates a
// neighbourhood without pointing to an address. It returns "" for a value
// not in the held form.
func (p Postcode) Sector() string {
	out, in, ok := strings.Cut(string(p), " ")
	if !ok || in == "" {
		return ""
	}
	return out + " " + in[:1]
}
