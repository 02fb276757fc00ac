package app

import (
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
)

func TestParseInstant(t *testing.T) {
	cases := map[string]time.Time{
		"2026-07-01T09:30":          time.Date(2026, 7, 1, 8, 30, 0, 0, time.UTC), // BST
		"2026-01-05T09:30":          time.Date(2026, 1, 5, 9, 30, 0, 0, time.UTC), // GMT
		"2026-07-01T09:30:00+01:00": time.Date(2026, 7, 1, 8, 30, 0, 0, time.UTC),
	}
	for s, want := range cases {
		if got, err := ParseInstant(s); err != nil || !got.Equal(want) {
			t.Errorf("ParseInstant(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "today", "2026-02-30T10:00", "2026-07-01 25:00"} {
		if _, err := ParseInstant(s); err == nil {
			t.Errorf("ParseInstant(%q) accepted", s)
		}
	}
}

func FuzzParseInstant(f *testing.F) {
	for _, s := range []string{"2026-07-01T09:30", "2026-07-01T09:30:00Z", "x", "2026-03-29T01:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseInstant(s)
		if err == nil && got.Location() != time.UTC {
			t.Errorf("ParseInstant(%q) is not in UTC", s)
		}
	})
}

// FuzzParsePerson feeds arbitrary form values to the person parser: it must
// never panic, and an error must never repeat an NHS number or UPN given.
func FuzzParsePerson(f *testing.F) {
	f.Add("child", "Ava", "Smith", "2015-03-01", "M", "WBRI", "943 476 5919", "NM1 1AA", "AUT")
	f.Add("unborn", "", "Baby", "", "", "", "0000000000", "", "NONE")
	f.Add("adult", "\x00", strings.Repeat("é", 300), "2099-01-01", "Z", "ZZZZ", "12", "SW1A", "XYZ")
	today := csc.MustParseDate("2026-03-02")
	f.Fuzz(func(t *testing.T, kind, given, family, dob, sex, eth, nhs, pc, dis string) {
		_, err := parsePerson(csc.PersonInput{Kind: kind, GivenName: given, FamilyName: family, DateOfBirth: dob,
			Sex: sex, Ethnicity: eth, NHSNumber: nhs, Postcode: pc, Disabilities: []string{dis}}, today)
		if err == nil {
			return
		}
		if csc.ErrorKind(err) != csc.Invalid {
			t.Fatalf("kind %v: %v", csc.ErrorKind(err), err)
		}
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, nhs)
		for _, fe := range csc.ErrorFields(err) {
			if len(digits) >= 6 && strings.Contains(fe.Message, digits) {
				t.Errorf("message %q repeats the NHS number", fe.Message)
			}
		}
	})
}

// FuzzParseContact feeds arbitrary values to the contact form parser: it
// must never panic, and every problem must be a field error.
func FuzzParseContact(f *testing.F) {
	f.Add(int64(1), "2026-03-02T09:00", "6", "PC Example", "a@b.org", "Bruising", "given", "")
	f.Add(int64(0), "", "", "", "", "", "", "")
	f.Add(int64(-5), "2026-13-40T99:99", "5D", "\x00", "not an email", "\xff", "overridden", "")
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	a := &App{opt: Options{Now: func() time.Time { return now }}}
	f.Fuzz(func(t *testing.T, child int64, received, source, name, email, concerns, consent, rationale string) {
		c, err := a.parseContact(csc.ContactInput{ChildID: child, ReceivedAt: received, Source: source,
			Referrer: csc.Referrer{Name: name, Email: email}, PresentingConcerns: concerns, Consent: consent, ConsentRationale: rationale})
		if err != nil {
			if csc.ErrorKind(err) != csc.Invalid || len(csc.ErrorFields(err)) == 0 {
				t.Fatalf("%v", err)
			}
			return
		}
		if c.ReceivedAt.After(now.Add(5*time.Minute)) || c.PresentingConcerns == "" {
			t.Errorf("accepted %+v", c)
		}
	})
}
