package cin

import (
	"strings"
	"time"

	"cairn/internal/csc"
)

// Rules on ChildIdentifiers, ChildCharacteristics and Disabilities, and the
// rules about the file as a whole.

// upnLetters are the letters a UPN may use as its check letter (character 1)
// and, in a temporary UPN, as character 13: the alphabet without I, O and S.
const upnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ"

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// upnCheckLetter works out the check letter of a UPN's characters 2 to 13:
// each weighted by its position, the sum taken modulo 23 and read as a
// letter. A temporary UPN's letter at 13 counts as its place in upnLetters.
func upnCheckLetter(upn string) (byte, bool) {
	if len(upn) != 13 || !allDigits(upn[1:12]) {
		return 0, false
	}
	sum := 0
	for i := 1; i < 12; i++ {
		sum += int(upn[i]-'0') * (i + 1)
	}
	last := upn[12]
	switch {
	case last >= '0' && last <= '9':
		sum += int(last-'0') * 13
	case strings.IndexByte(upnLetters, last) >= 0:
		sum += strings.IndexByte(upnLetters, last) * 13
	default:
		return 0, false
	}
	return upnLetters[sum%23], true
}

// laCodes are the authority codes (UPN characters 2 to 4) the DfE
// recognises: post-1998 authorities and "pseudo" authorities.
var laCodes = func() map[string]bool {
	m := map[string]bool{}
	span := func(a, b int) {
		for i := a; i <= b; i++ {
			m[pad3(i)] = true
		}
	}
	for _, r := range [][2]int{{1, 5}, {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373},
		{380, 384}, {390, 394}, {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808}, {810, 813},
		{815, 816}, {820, 823}, {825, 826}, {830, 831}, {835, 841}, {845, 846}, {850, 852}, {855, 857},
		{860, 861}, {865, 896}, {908, 909}, {916, 916}, {919, 919}, {921, 921}, {925, 926}, {928, 929},
		{931, 931}, {933, 933}, {935, 938}, {940, 943}} {
		span(r[0], r[1])
	}
	return m
}()

func pad3(i int) string {
	return string([]byte{byte('0' + i/100), byte('0' + i/10%10), byte('0' + i%10)})
}

func upnWellFormed(u string) bool {
	if len(u) != 13 || strings.IndexByte(upnLetters, u[0]) < 0 || !allDigits(u[1:12]) {
		return false
	}
	return (u[12] >= '0' && u[12] <= '9') || strings.IndexByte(upnLetters, u[12]) >= 0
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// anyFurtherAction reports whether any episode is not a referral with no
// further action.
func anyFurtherAction(c *Child) bool {
	for i := range c.CIN {
		if isFalse(c.CIN[i].ReferralNFA) {
			return true
		}
	}
	return false
}

// expectedBirthWindow is when an unborn child may be expected on the
// reference date r: from the first of r's month to the end of the ninth
// month after it. On 31 March that is March to December of the census year,
// as the DfE's rule says; on any other date the census is taken from the
// record (the data-quality page takes it today) it is as far on either side.
func expectedBirthWindow(r csc.Date) (from, to csc.Date) {
	return csc.NewDate(r.Year, r.Month, 1), csc.NewDate(r.Year, r.Month+10, 0)
}

// schoolAgeCut is the latest birth date of a child of school age on the
// reference date r: at school by the September after r, so born on or
// before 31 August four years before that September.
func schoolAgeCut(r csc.Date) csc.Date {
	sept := r.Year
	if r.Month >= time.September {
		sept++
	}
	return csc.NewDate(sept-4, time.August, 31)
}

func inYear(d csc.Date, y Year) bool { return !d.IsZero() && !d.Before(y.Start) && !d.After(y.End) }

func init() {
	fileRule("100", func(d *Dataset, f *fails) {
		if d.Header == nil || d.Header.ReferenceDate != d.Year.End {
			f.whole(THeader, "ReferenceDate")
		}
	})
	childRule("1510", func(_ *Dataset, c *Child, f *fails) {
		if want, ok := upnCheckLetter(c.UPN); ok && c.UPN[0] != want {
			f.add(c, TChildIdentifiers, c.IDLine, "UPN")
		}
	})
	fileRule("1520", func(d *Dataset, f *fails) {
		for _, u := range d.File.upnDups {
			f.out = append(f.out, failure(u.child, TChildIdentifiers, u.line, "UPN"))
		}
	})
	childRule("1530", func(_ *Dataset, c *Child, f *fails) {
		if len(c.UPN) == 13 && !laCodes[c.UPN[1:4]] {
			f.add(c, TChildIdentifiers, c.IDLine, "UPN")
		}
	})
	childRule("1540", func(_ *Dataset, c *Child, f *fails) {
		if len(c.UPN) == 13 && !allDigits(c.UPN[4:12]) {
			f.add(c, TChildIdentifiers, c.IDLine, "UPN")
		}
	})
	childRule("1550", func(_ *Dataset, c *Child, f *fails) {
		if len(c.UPN) == 13 {
			if l := c.UPN[12]; !(l >= '0' && l <= '9') && strings.IndexByte(upnLetters, l) < 0 {
				f.add(c, TChildIdentifiers, c.IDLine, "UPN")
			}
		}
	})
	childRule("1560Q", func(_ *Dataset, c *Child, f *fails) {
		if c.FormerUPN != "" && !upnWellFormed(c.FormerUPN) {
			f.add(c, TChildIdentifiers, c.IDLine, "FormerUPN")
		}
	})
	childRule("1570", func(_ *Dataset, c *Child, f *fails) {
		if len(c.LAchildID) > 20 {
			f.add(c, TChildIdentifiers, c.IDLine, "LAchildID")
		}
	})
	childRule("1580", func(_ *Dataset, c *Child, f *fails) {
		if !isAlnum(c.LAchildID) {
			f.add(c, TChildIdentifiers, c.IDLine, "LAchildID")
		}
	})
	fileRule("2886Q", func(d *Dataset, f *fails) {
		if d.File.Children > 0 && float64(d.File.noSex)/float64(d.File.Children) > 0.02 {
			f.whole(TChildIdentifiers, "Sex", "ExpectedPersonBirthDate")
		}
	})
	fileRule("2887Q", func(d *Dataset, f *fails) {
		if d.File.Children > 0 && len(d.File.disabilityCodes) < 8 {
			f.whole(TDisabilities, "Disability")
		}
	})
	fileRule("2888Q", func(d *Dataset, f *fails) {
		if d.File.disabled > 0 && d.File.multi == 0 {
			f.whole(TDisabilities, "Disability")
		}
	})
	childRule("4180", func(d *Dataset, c *Child, f *fails) {
		if _, ok := csc.LookupCode(csc.ListSex, d.Year.CY, c.Sex); !ok {
			f.add(c, TChildIdentifiers, c.IDLine, "Sex")
		}
	})
	childRule("4220", func(d *Dataset, c *Child, f *fails) {
		if _, ok := csc.LookupCode(csc.ListEthnicity, d.Year.CY, c.Ethnicity); !ok {
			f.add(c, TChildCharacteristics, c.CharLine, "Ethnicity")
		}
	})
	childRule("8500", func(_ *Dataset, c *Child, f *fails) {
		if c.LAchildID == "" {
			f.add(c, TChildIdentifiers, c.IDLine, "LAchildID")
		}
	})
	fileRule("8510", func(d *Dataset, f *fails) {
		for _, u := range d.File.idDups {
			f.out = append(f.out, failure(u.child, TChildIdentifiers, u.line, "LAchildID"))
		}
	})
	childRule("8520", func(d *Dataset, c *Child, f *fails) {
		if c.PersonBirthDate.After(d.Year.End) {
			f.add(c, TChildIdentifiers, c.IDLine, "PersonBirthDate")
		}
	})
	childRule("8525Q", func(_ *Dataset, c *Child, f *fails) {
		if c.PersonBirthDate.IsZero() == c.ExpectedPersonBirthDate.IsZero() {
			f.add(c, TChildIdentifiers, c.IDLine, "PersonBirthDate", "ExpectedPersonBirthDate")
		}
	})
	childRule("8530Q", func(d *Dataset, c *Child, f *fails) {
		e := c.ExpectedPersonBirthDate
		from, to := expectedBirthWindow(d.Year.End)
		if !e.IsZero() && (e.Before(from) || e.After(to)) {
			f.add(c, TChildIdentifiers, c.IDLine, "ExpectedPersonBirthDate")
		}
	})
	childRule("8535Q", func(_ *Dataset, c *Child, f *fails) {
		if !c.PersonDeathDate.IsZero() && c.PersonDeathDate.Before(c.PersonBirthDate) {
			f.add(c, TChildIdentifiers, c.IDLine, "PersonDeathDate", "PersonBirthDate")
		}
	})
	childRule("8540", func(d *Dataset, c *Child, f *fails) {
		if c.PersonBirthDate.IsZero() || !anyFurtherAction(c) {
			return
		}
		bad := len(c.Disabilities) == 0
		for _, x := range c.Disabilities {
			if _, ok := csc.LookupCode(csc.ListDisability, d.Year.CY, x.Value); !ok {
				bad = true
			}
		}
		if bad {
			f.add(c, TChildCharacteristics, c.CharLine, "Disability")
		}
	})
	childRule("8545Q", func(d *Dataset, c *Child, f *fails) {
		if !c.PersonDeathDate.IsZero() && !inYear(c.PersonDeathDate, d.Year) {
			f.add(c, TChildIdentifiers, c.IDLine, "PersonDeathDate")
		}
	})
	childRule("8590", func(_ *Dataset, c *Child, f *fails) {
		if len(c.CIN) == 0 {
			f.add(c, TChildIdentifiers, c.IDLine, "LAchildID")
		}
	})
	childRule("8750", func(_ *Dataset, c *Child, f *fails) {
		if c.PersonBirthDate.IsZero() && !c.ExpectedPersonBirthDate.IsZero() && c.Sex != "U" {
			f.add(c, TChildIdentifiers, c.IDLine, "Sex")
		}
	})
	childRule("8770Q", func(d *Dataset, c *Child, f *fails) {
		cut := schoolAgeCut(d.Year.End)
		if c.PersonBirthDate.IsZero() || c.PersonBirthDate.After(cut) || !anyFurtherAction(c) || c.UPN != "" {
			return
		}
		switch c.UPNunknown {
		case "UN2", "UN3", "UN4", "UN5", "UN6", "UN7":
			return
		}
		f.add(c, TChildIdentifiers, c.IDLine, "UPN", "UPNunknown")
	})
	childRule("8772", func(_ *Dataset, c *Child, f *fails) {
		if c.UPNunknown == "UN7" && anyFurtherAction(c) {
			f.add(c, TChildIdentifiers, c.IDLine, "UPNunknown", "ReferralNFA")
		}
	})
	childRule("8775Q", func(d *Dataset, c *Child, f *fails) {
		b := c.PersonBirthDate
		if b.IsZero() || !b.Before(csc.NewDate(d.Year.End.Year-25, d.Year.End.Month, d.Year.End.Day)) {
			return
		}
		at25 := csc.NewDate(b.Year+25, b.Month, b.Day)
		for i := range c.CIN {
			if cl := c.CIN[i].ClosureDate; cl.IsZero() || cl.After(at25) {
				f.add(c, TChildIdentifiers, c.IDLine, "PersonBirthDate", "CINclosureDate")
				return
			}
		}
	})
	childRule("8790", func(_ *Dataset, c *Child, f *fails) {
		none := false
		for _, x := range c.Disabilities {
			none = none || x.Value == "NONE"
		}
		if none && len(c.Disabilities) > 1 {
			f.add(c, TDisabilities, c.Disabilities[0].Line, "Disability")
		}
	})
	childRule("8794", func(_ *Dataset, c *Child, f *fails) {
		for i, x := range c.Disabilities {
			for _, y := range c.Disabilities[:i] {
				if x.Value == y.Value {
					f.add(c, TDisabilities, x.Line, "Disability")
					return
				}
			}
		}
	})
}
