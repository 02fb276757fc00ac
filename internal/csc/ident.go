package csc

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// This file holds the identifiers cairn reads from outside: NHS numbers,
// unique pupil numbers and postcodes. Each has a parser that normalises and
// checks what a person typed or a file held.
//
// Privacy rule: an identifier belongs to a child, so no error here repeats
// the input. Messages say what is wrong in general terms and are safe to show
// and to log.

// NHSNumber is a checked NHS number held as its 10 digits with no spaces, for
// example "9434765919". The empty value means "not recorded". Make one with
// ParseNHSNumber; String writes it the way people read it.
type NHSNumber string

var (
	errNHSEmpty    = errors.New("no NHS number was given")
	errNHSChars    = errors.New("an NHS number has only digits, with an optional space or hyphen after the third and sixth digits")
	errNHSLength   = errors.New("an NHS number has 10 digits")
	errNHSGrouping = errors.New("write an NHS number as 10 digits, or as groups of three, three and four digits separated by spaces or hyphens")
	errNHSCheck    = errors.New("the check digit does not match: check the NHS number was copied correctly")
)

// ParseNHSNumber reads an NHS number written as 10 digits, either run
// together ("9434765919") or grouped three, three and four with a space or a
// hyphen between groups ("943 476 5919", "943-476-5919"); each of the two
// gaps may hold one space or hyphen or nothing. Surrounding spaces are
// ignored. It checks the modulus 11 check digit as the NHS Data Dictionary
// defines it: the first nine digits are weighted 10 down to 2, the weighted sum
// is divided by 11, and the check digit is 11 minus the remainder, where 11
// means 0 and 10 means the number is not valid.
//
// Numbers made of one repeated digit (0000000000, 1111111111 ...) pass the
// check digit test. ParseNHSNumber accepts them: the NHS Data Dictionary
// validates only length and check digit, and we found no NHS rule excluding
// them. Callers that want to refuse obvious placeholders must do so
// themselves.
//
// Errors never contain the number.
func ParseNHSNumber(s string) (NHSNumber, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errNHSEmpty
	}
	var digits [10]byte
	n := 0          // digits seen
	sepAt := -1     // digit count at the last separator
	badSep := false // a separator somewhere other than after digit 3 or 6
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n < len(digits) {
				digits[n] = c
			}
			n++
		case c == ' ' || c == '-':
			if (n != 3 && n != 6) || sepAt == n {
				badSep = true
			}
			sepAt = n
		default:
			return "", errNHSChars
		}
	}
	if n != 10 {
		return "", errNHSLength
	}
	if badSep {
		return "", errNHSGrouping
	}
	check, ok := nhsCheckDigit(digits[:9])
	if !ok || check != digits[9]-'0' {
		return "", errNHSCheck
	}
	return NHSNumber(digits[:]), nil
}

// nhsCheckDigit returns the check digit for the first nine digits of an NHS
// number (ASCII), and false when no check digit exists (remainder gives 10).
func nhsCheckDigit(first9 []byte) (byte, bool) {
	sum := 0
	for i, c := range first9 {
		sum += int(c-'0') * (10 - i)
	}
	check := 11 - sum%11
	switch check {
	case 11:
		return 0, true
	case 10:
		return 0, false
	}
	return byte(check), true
}

// String writes the number in the NHS's 3-3-4 grouping with spaces, such as
// "943 476 5919". A value that is not 10 digits is returned unchanged.
func (n NHSNumber) String() string {
	if !identDigits(string(n), 10) {
		return string(n)
	}
	return string(n[:3]) + " " + string(n[3:6]) + " " + string(n[6:])
}

// IsTestRange reports whether the number starts with 999, a range the NHS
// reserves for testing and never issues to a patient.
func (n NHSNumber) IsTestRange() bool {
	return identDigits(string(n), 10) && strings.HasPrefix(string(n), "999")
}

// The synthetic NHS numbers run from 999 000 0000 to 999 999 9999: one
// million nine-digit stems, of which about one in eleven has no valid check
// digit and is skipped. synthNHS counts the valid stems in each block of
// 1000 once, so SyntheticNHSNumber costs at most one block scan per call.
const (
	synthNHSBase   = 999_000_000
	synthNHSStems  = 1_000_000
	synthNHSBlock  = 1000
	synthNHSBlocks = synthNHSStems / synthNHSBlock
)

var synthNHS struct {
	once   sync.Once
	before [synthNHSBlocks + 1]int // valid stems before each block; the last is the total
}

func synthNHSStemValid(stem int) bool {
	var b [9]byte
	for i := 8; i >= 0; i-- {
		b[i] = byte('0' + stem%10)
		stem /= 10
	}
	_, ok := nhsCheckDigit(b[:])
	return ok
}

// SyntheticNHSNumber returns the seq'th (from 0) NHS number in the NHS test
// range, counting upward from 999 000 0000 and skipping stems that have no
// valid check digit. Every result parses with ParseNHSNumber and reports
// IsTestRange; distinct seq give distinct numbers. It is for demonstration
// and test data only. It panics if seq is negative or beyond the roughly
// 909,000 numbers the range holds.
func SyntheticNHSNumber(seq int) NHSNumber {
	synthNHS.once.Do(func() {
		total := 0
		for b := range synthNHSBlocks {
			synthNHS.before[b] = total
			for stem := synthNHSBase + b*synthNHSBlock; stem < synthNHSBase+(b+1)*synthNHSBlock; stem++ {
				if synthNHSStemValid(stem) {
					total++
				}
			}
		}
		synthNHS.before[synthNHSBlocks] = total
	})
	if seq < 0 || seq >= synthNHS.before[synthNHSBlocks] {
		panic(fmt.Sprintf("csc: synthetic NHS number sequence %d out of range", seq))
	}
	// The last block whose count-before is <= seq holds the number.
	b := sort.Search(synthNHSBlocks, func(i int) bool { return synthNHS.before[i+1] > seq })
	left := seq - synthNHS.before[b]
	for stem := synthNHSBase + b*synthNHSBlock; ; stem++ {
		if !synthNHSStemValid(stem) {
			continue
		}
		if left == 0 {
			s := fmt.Sprintf("%09d", stem)
			check, _ := nhsCheckDigit([]byte(s))
			return NHSNumber(s + string('0'+check))
		}
		left--
	}
}

// UPN is a checked unique pupil number: 13 characters, held in capitals, such
// as "B801200005001". The empty value means "not recorded". Make one with
// ParseUPN.
//
// The DfE's layout is a check letter, a 3-digit local authority code, a
// 4-digit DfE establishment number, 2 digits for the year of issue and a
// 3-digit serial. A temporary UPN ends in a letter instead of its last digit.
type UPN string

// upnLetters is the DfE check-letter table: the letter for 0 to 22. I, O and
// S are not used. A letter in the 13th position of a temporary UPN counts as
// its index in this table.
const upnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ"

var (
	errUPNEmpty  = errors.New("no UPN was given")
	errUPNLength = errors.New("a UPN has 13 characters")
	errUPNFirst  = errors.New("a UPN starts with a check letter (any letter but I, O or S)")
	errUPNMiddle = errors.New("characters 2 to 12 of a UPN are all digits")
	errUPNLast   = errors.New("the last character of a UPN is a digit, or a letter other than I, O or S")
	errUPNCheck  = errors.New("the check letter does not match: check the UPN was copied correctly")
)

// upnValue returns the check-sum value of a UPN character: a digit's own
// value or a letter's place in upnLetters, and false for anything else.
func upnValue(c byte) (int, bool) {
	if c >= '0' && c <= '9' {
		return int(c - '0'), true
	}
	if i := strings.IndexByte(upnLetters, c); i >= 0 {
		return i, true
	}
	return 0, false
}

// upnCheckLetter computes the check letter for characters 2 to 13 of a UPN,
// which the caller has already checked: each character's value is multiplied
// by its position (2 to 13), and the sum modulo 23 indexes upnLetters. This
// is the algorithm in the DfE's "Unique pupil numbers" guidance; CIN census
// rule 1510 tests it.
func upnCheckLetter(rest string) byte {
	sum := 0
	for i := 0; i < len(rest); i++ {
		v, _ := upnValue(rest[i])
		sum += v * (i + 2)
	}
	return upnLetters[sum%23]
}

// ParseUPN reads a unique pupil number. Surrounding spaces are ignored and
// letters may be in either case; the result is in capitals. It checks the
// layout (a letter, eleven digits, then a digit or letter) and the check
// letter. It does not check that characters 2 to 4 are a current local
// authority code: UPNs keep the code of the authority that issued them, which
// may since have been abolished, so that check needs the DfE's historical
// list and belongs with the census validation.
//
// Errors never contain the UPN.
func ParseUPN(s string) (UPN, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errUPNEmpty
	}
	if len(s) != 13 {
		return "", errUPNLength
	}
	var b [13]byte
	for i := 0; i < 13; i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	if strings.IndexByte(upnLetters, b[0]) < 0 {
		return "", errUPNFirst
	}
	if !identDigits(string(b[1:12]), 11) {
		return "", errUPNMiddle
	}
	if _, ok := upnValue(b[12]); !ok {
		return "", errUPNLast
	}
	if upnCheckLetter(string(b[1:])) != b[0] {
		return "", errUPNCheck
	}
	return UPN(b[:]), nil
}

// String returns the UPN as it is held.
func (u UPN) String() string { return string(u) }

// LACode returns characters 2 to 4, the code of the local authority that
// issued the UPN, or "" if the value is not 13 characters long.
func (u UPN) LACode() string {
	if len(u) != 13 {
		return ""
	}
	return string(u[1:4])
}

// IsTemporary reports whether the UPN is a temporary one, which ends in a
// letter.
func (u UPN) IsTemporary() bool {
	return len(u) == 13 && u[12] >= 'A' && u[12] <= 'Z'
}

// SyntheticUPN returns a well-formed UPN with a correct check letter for
// demonstration and test data. laCode (0 to 999) fills characters 2 to 4;
// seq (0 to 99,999,999) fills the rest as establishment number 9000 + seq /
// 100,000, year seq / 1000 mod 100 and serial seq mod 1000, so distinct seq
// give distinct UPNs. Unlike NHS numbers, UPNs have no reserved test range,
// so a synthetic UPN could match a real pupil's: never let one leave a test
// or demonstration system. It panics when an argument is out of range.
func SyntheticUPN(laCode int, seq int) UPN {
	if laCode < 0 || laCode > 999 {
		panic(fmt.Sprintf("csc: synthetic UPN LA code %d out of range", laCode))
	}
	if seq < 0 || seq > 99_999_999 {
		panic(fmt.Sprintf("csc: synthetic UPN sequence %d out of range", seq))
	}
	rest := fmt.Sprintf("%03d%04d%02d%03d", laCode, 9000+seq/100_000, seq/1000%100, seq%1000)
	return UPN(string(upnCheckLetter(rest)) + rest)
}

// identDigits reports whether s is exactly n ASCII digits.
func identDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
