package cin

import (
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// Rules on CINdetails, Assessments and Section47.

// eachCIN calls fn for every episode of the child.
func eachCIN(c *Child, fn func(e *CINDetails)) {
	for i := range c.CIN {
		fn(&c.CIN[i])
	}
}

func weekend(d csc.Date) bool {
	w := d.Weekday()
	return !d.IsZero() && (w == time.Saturday || w == time.Sunday)
}

// s47Open reports whether an enquiry has neither held its conference nor
// been marked as not needing one.
func s47Open(s *Section47) bool { return s.DateOfInitialCPC.IsZero() && !isTrue(s.ICPCnotRequired) }

func init() {
	childRule("1103", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			for _, a := range e.Assessments {
				if !a.StartDate.IsZero() && a.StartDate.Before(e.ReferralDate) {
					f.add(c, TAssessments, a.Line, "AssessmentActualStartDate", "CINreferralDate")
				}
			}
		})
	})
	childRule("1104", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !e.DateOfInitialCPC.IsZero() && e.DateOfInitialCPC.Before(e.ReferralDate) {
				f.add(c, TCINdetails, e.Line, "CINreferralDate", "DateOfInitialCPC")
			}
			for _, s := range e.S47 {
				if !s.DateOfInitialCPC.IsZero() && s.DateOfInitialCPC.Before(e.ReferralDate) {
					f.add(c, TSection47, s.Line, "CINreferralDate", "DateOfInitialCPC")
				}
			}
		})
	})
	childRule("2884", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if e.DateOfInitialCPC.IsZero() {
				return
			}
			for _, s := range e.S47 {
				if !s.DateOfInitialCPC.IsZero() {
					f.add(c, TSection47, s.Line, "DateOfInitialCPC")
				}
			}
		})
	})
	childRule("2889", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			for _, s := range e.S47 {
				if !s.StartDate.IsZero() && s.StartDate.Before(e.ReferralDate) {
					f.add(c, TSection47, s.Line, "S47ActualStartDate", "CINreferralDate")
				}
			}
		})
	})
	childRule("2990", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if (e.ReasonForClosure == "RC8" || e.ReasonForClosure == "RC9") &&
				(len(e.Plans) > 0 || len(e.S47) > 0 || len(e.CPP) > 0 || !e.DateOfInitialCPC.IsZero()) {
				f.add(c, TCINdetails, e.Line, "ReasonForClosure")
			}
		})
	})
	childRule("2991Q", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if len(e.S47) > 0 && len(e.Assessments) == 0 {
				f.add(c, TCINdetails, e.Line, "Section47", "Assessments")
			}
		})
	})
	childRule("8555Q", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !c.PersonDeathDate.IsZero() && e.ReferralDate.After(c.PersonDeathDate) {
				f.add(c, TCINdetails, e.Line, "PersonDeathDate", "CINreferralDate")
			}
		})
	})
	childRule("8565", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			cl := e.ClosureDate
			if cl.IsZero() {
				return
			}
			after := func(d csc.Date) bool { return d.After(cl) }
			if after(e.DateOfInitialCPC) {
				f.add(c, TCINdetails, e.Line, "CINclosureDate", "DateOfInitialCPC")
			}
			for _, a := range e.Assessments {
				if after(a.StartDate) || after(a.AuthorisationDate) {
					f.add(c, TAssessments, a.Line, "CINclosureDate", "AssessmentActualStartDate", "AssessmentAuthorisationDate")
				}
			}
			for _, s := range e.S47 {
				if after(s.StartDate) || after(s.DateOfInitialCPC) {
					f.add(c, TSection47, s.Line, "CINclosureDate", "S47ActualStartDate", "DateOfInitialCPC")
				}
			}
			for _, p := range e.CPP {
				if after(p.EndDate) {
					f.add(c, TChildProtectionPlans, p.Line, "CINclosureDate", "CPPendDate")
				}
			}
			for _, p := range e.Plans {
				if after(p.StartDate) || after(p.EndDate) {
					f.add(c, TCINplanDates, p.Line, "CINclosureDate", "CINPlanStartDate", "CINPlanEndDate")
				}
			}
		})
	})
	childRule("8568", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !isTrue(e.ReferralNFA) && !isFalse(e.ReferralNFA) {
				f.add(c, TCINdetails, e.Line, "ReferralNFA")
			}
		})
	})
	childRule("8569Q", func(d *Dataset, c *Child, f *fails) {
		cut := clock.AddWorkingDays(d.Year.Start, -1)
		eachCIN(c, func(e *CINDetails) {
			if !e.ReferralDate.IsZero() && e.ReferralDate.Before(cut) && isTrue(e.ReferralNFA) {
				f.add(c, TCINdetails, e.Line, "ReferralNFA", "CINreferralDate")
			}
		})
	})
	childRule("8585Q", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if e.ReasonForClosure == "RC2" && c.PersonDeathDate.IsZero() {
				f.add(c, TCINdetails, e.Line, "ReasonForClosure", "PersonDeathDate")
			}
		})
	})
	childRule("8600", func(d *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if e.ReferralDate.IsZero() || e.ReferralDate.After(d.Year.End) {
				f.add(c, TCINdetails, e.Line, "CINreferralDate")
			}
		})
	})
	childRule("8606", func(_ *Dataset, c *Child, f *fails) {
		born := c.PersonBirthDate
		if born.IsZero() {
			born = c.ExpectedPersonBirthDate
		}
		if born.IsZero() {
			return
		}
		earliest := born.AddDays(-40 * 7)
		eachCIN(c, func(e *CINDetails) {
			if !e.ReferralDate.IsZero() && e.ReferralDate.Before(earliest) {
				f.add(c, TCINdetails, e.Line, "CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate")
			}
		})
	})
	childRule("8610", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if isFalse(e.ReferralNFA) && e.PrimaryNeedCode == "" {
				f.add(c, TCINdetails, e.Line, "ReferralNFA", "PrimaryNeedCode")
			}
		})
	})
	childRule("8620", func(d *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !e.ClosureDate.IsZero() && !inYear(e.ClosureDate, d.Year) {
				f.add(c, TCINdetails, e.Line, "CINclosureDate")
			}
		})
	})
	childRule("8630", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !e.ClosureDate.IsZero() && e.ClosureDate.Before(e.ReferralDate) {
				f.add(c, TCINdetails, e.Line, "CINreferralDate", "CINclosureDate")
			}
		})
	})
	childRule("8640", func(d *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if _, ok := csc.LookupCode(csc.ListClosureReason, d.Year.CY, e.ReasonForClosure); e.ReasonForClosure != "" && !ok {
				f.add(c, TCINdetails, e.Line, "ReasonForClosure")
			}
		})
	})
	childRule("8650", func(d *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if _, ok := csc.LookupCode(csc.ListPrimaryNeed, d.Year.CY, e.PrimaryNeedCode); e.PrimaryNeedCode != "" && !ok {
				f.add(c, TCINdetails, e.Line, "PrimaryNeedCode")
			}
		})
	})
	childRule("8805", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !e.ClosureDate.IsZero() && e.ReasonForClosure == "" {
				f.add(c, TCINdetails, e.Line, "CINclosureDate", "ReasonForClosure")
			}
		})
	})
	childRule("8810", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if e.ClosureDate.IsZero() && e.ReasonForClosure != "" {
				f.add(c, TCINdetails, e.Line, "ReasonForClosure", "CINclosureDate")
			}
		})
	})
	childRule("8815", func(_ *Dataset, c *Child, f *fails) {
		n := 0
		eachCIN(c, func(e *CINDetails) {
			if e.ClosureDate.IsZero() && !isTrue(e.ReferralNFA) {
				n++
			}
		})
		if n > 1 {
			f.add(c, TCINdetails, c.CIN[0].Line, "ReferralNFA", "CINclosureDate")
		}
	})
	childRule("8816", func(_ *Dataset, c *Child, f *fails) {
		var latest csc.Date
		eachCIN(c, func(e *CINDetails) {
			if e.ReferralDate.After(latest) {
				latest = e.ReferralDate
			}
		})
		eachCIN(c, func(e *CINDetails) {
			if e.ClosureDate.IsZero() && !isTrue(e.ReferralNFA) && e.ReferralDate.Before(latest) {
				f.add(c, TCINdetails, e.Line, "CINreferralDate", "ReferralNFA")
			}
		})
	})
	childRule("8820", func(_ *Dataset, c *Child, f *fails) {
		for i := range c.CIN {
			a := &c.CIN[i]
			for j := range c.CIN {
				b := &c.CIN[j]
				if i == j || a.ReferralDate.IsZero() || b.ReferralDate.IsZero() || b.ReferralDate.Before(a.ReferralDate) {
					continue
				}
				if b.ReferralDate == a.ReferralDate && j < i {
					continue
				}
				if a.ClosureDate.IsZero() || b.ReferralDate.Before(a.ClosureDate) {
					f.add(c, TCINdetails, b.Line, "CINreferralDate", "CINclosureDate")
					return
				}
			}
		}
	})
	childRule("8825Q", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if (e.ReasonForClosure == "RC8" || e.ReasonForClosure == "RC9") && len(e.Assessments) == 0 {
				f.add(c, TCINdetails, e.Line, "ReasonForClosure")
			}
		})
	})
	childRule("8831", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !isTrue(e.ReferralNFA) {
				return
			}
			act := !e.DateOfInitialCPC.IsZero()
			for _, a := range e.Assessments {
				act = act || !a.StartDate.IsZero() || !a.AuthorisationDate.IsZero()
			}
			for _, s := range e.S47 {
				act = act || !s.StartDate.IsZero() || !s.DateOfInitialCPC.IsZero()
			}
			if act {
				f.add(c, TCINdetails, e.Line, "ReferralNFA", "AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate", "DateOfInitialCPC")
			}
		})
	})
	childRule("8866", func(d *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if _, ok := csc.LookupCode(csc.ListReferralSource, d.Year.CY, e.ReferralSource); !ok {
				f.add(c, TCINdetails, e.Line, "ReferralSource")
			}
		})
	})
	childRule("8867", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if e.ClosureDate.IsZero() {
				return
			}
			for _, a := range e.Assessments {
				if a.AuthorisationDate.IsZero() {
					f.add(c, TAssessments, a.Line, "CINclosureDate", "AssessmentAuthorisationDate")
				}
			}
		})
	})
	childRule("8868", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if e.ClosureDate.IsZero() {
				return
			}
			for i := range e.S47 {
				if s47Open(&e.S47[i]) {
					f.add(c, TSection47, e.S47[i].Line, "CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired")
				}
			}
		})
	})
	childRule("8890", func(_ *Dataset, c *Child, f *fails) {
		var all []*Section47
		eachCIN(c, func(e *CINDetails) {
			for i := range e.S47 {
				all = append(all, &e.S47[i])
			}
		})
		for i, a := range all {
			for j, b := range all {
				if i == j || a.StartDate.IsZero() || b.StartDate.IsZero() || b.StartDate.Before(a.StartDate) || (b.StartDate == a.StartDate && j < i) {
					continue
				}
				if s47Open(a) || b.StartDate.Before(a.DateOfInitialCPC) {
					f.add(c, TSection47, b.Line, "S47ActualStartDate")
					return
				}
			}
		}
	})
	// Assessments.
	childRule("8608", func(_ *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if !a.AuthorisationDate.IsZero() && a.StartDate.After(a.AuthorisationDate) {
				f.add(c, TAssessments, a.Line, "AssessmentActualStartDate", "AssessmentAuthorisationDate")
			}
		})
	})
	childRule("8614", func(_ *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if len(a.Factors) > 0 && a.AuthorisationDate.IsZero() {
				f.add(c, TAssessments, a.Line, "AssessmentAuthorisationDate", "AssessmentFactors")
			}
		})
	})
	childRule("8670Q", func(d *Dataset, c *Child, f *fails) {
		cut := clock.AddWorkingDays(d.Year.End, -45)
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if a.AuthorisationDate.IsZero() && !a.StartDate.IsZero() && a.StartDate.Before(cut) {
				f.add(c, TAssessments, a.Line, "AssessmentActualStartDate")
			}
		})
	})
	childRule("8696", func(d *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if !a.AuthorisationDate.IsZero() && !inYear(a.AuthorisationDate, d.Year) {
				f.add(c, TAssessments, a.Line, "AssessmentAuthorisationDate")
			}
		})
	})
	childRule("8736", func(d *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if a.AuthorisationDate.IsZero() && !inYear(a.StartDate, d.Year) {
				f.add(c, TAssessments, a.Line, "AssessmentActualStartDate", "AssessmentAuthorisationDate")
			}
		})
	})
	childRule("8863Q", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			as := e.Assessments
			for i := range as {
				for j := range as {
					a, b := &as[i], &as[j]
					if i == j || a.StartDate.IsZero() || b.StartDate.IsZero() || b.StartDate.Before(a.StartDate) || (b.StartDate == a.StartDate && j < i) {
						continue
					}
					if a.AuthorisationDate.IsZero() || b.StartDate.Before(a.AuthorisationDate) {
						f.add(c, TAssessments, b.Line, "AssessmentActualStartDate", "AssessmentAuthorisationDate")
						return
					}
				}
			}
		})
	})
	childRule("8869", func(_ *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if len(a.Factors) > 1 && hasFactor(a, "21") {
				f.add(c, TAssessments, a.Line, "AssessmentFactors")
			}
		})
	})
	childRule("8873Q", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if len(e.Assessments) != 1 || e.ReasonForClosure == "" || e.ReasonForClosure == "RC8" || e.ReasonForClosure == "RC9" {
				return
			}
			if a := &e.Assessments[0]; !a.AuthorisationDate.IsZero() && hasFactor(a, "21") {
				f.add(c, TCINdetails, e.Line, "ReasonForClosure", "AssessmentFactors")
			}
		})
	})
	childRule("8896", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			n := 0
			for _, a := range e.Assessments {
				if a.AuthorisationDate.IsZero() {
					n++
				}
			}
			if n > 1 {
				f.add(c, TAssessments, e.Assessments[0].Line, "AssessmentAuthorisationDate")
			}
		})
	})
	childRule("8897Q", func(_ *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if !a.AuthorisationDate.IsZero() && len(a.Factors) == 0 {
				f.add(c, TAssessments, a.Line, "AssessmentAuthorisationDate", "AssessmentFactors")
			}
		})
	})
	childRule("8898", func(_ *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			for i, x := range a.Factors {
				for _, y := range a.Factors[:i] {
					if x.Value == y.Value {
						f.add(c, TAssessments, x.Line, "AssessmentFactors")
						return
					}
				}
			}
		})
	})
	childRule("8945Q", func(_ *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if hasFactor(a, "18A") {
				f.add(c, TAssessments, a.Line, "AssessmentFactors")
			}
		})
	})
	childRule("8950Q", func(_ *Dataset, c *Child, f *fails) {
		eachAssessment(c, func(e *CINDetails, a *Assessment) {
			if hasFactor(a, "19A") {
				f.add(c, TAssessments, a.Line, "AssessmentFactors")
			}
		})
	})
	// Section 47 enquiries.
	childRule("8615", func(_ *Dataset, c *Child, f *fails) {
		eachS47(c, func(e *CINDetails, s *Section47) {
			if s.StartDate.IsZero() || s.StartDate.After(s.DateOfInitialCPC) && !s.DateOfInitialCPC.IsZero() {
				f.add(c, TSection47, s.Line, "S47ActualStartDate", "DateOfInitialCPC")
			}
		})
	})
	childRule("8675Q", func(d *Dataset, c *Child, f *fails) {
		cut := clock.AddWorkingDays(d.Year.End, -15)
		eachS47(c, func(e *CINDetails, s *Section47) {
			if s47Open(s) && !s.StartDate.IsZero() && s.StartDate.Before(cut) {
				f.add(c, TSection47, s.Line, "S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired")
			}
		})
	})
	childRule("8715", func(d *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if !e.DateOfInitialCPC.IsZero() && !inYear(e.DateOfInitialCPC, d.Year) {
				f.add(c, TCINdetails, e.Line, "DateOfInitialCPC")
			}
		})
		eachS47(c, func(e *CINDetails, s *Section47) {
			if !s.DateOfInitialCPC.IsZero() && !inYear(s.DateOfInitialCPC, d.Year) {
				f.add(c, TSection47, s.Line, "DateOfInitialCPC")
			}
		})
	})
	childRule("8740", func(d *Dataset, c *Child, f *fails) {
		eachS47(c, func(e *CINDetails, s *Section47) {
			if s47Open(s) && !inYear(s.StartDate, d.Year) {
				f.add(c, TSection47, s.Line, "S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired")
			}
		})
	})
	childRule("8839", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			n := 0
			for i := range e.S47 {
				if s47Open(&e.S47[i]) {
					n++
				}
			}
			if n > 1 {
				f.add(c, TSection47, e.S47[0].Line, "DateOfInitialCPC")
			}
		})
	})
	childRule("8870Q", func(_ *Dataset, c *Child, f *fails) {
		eachS47(c, func(e *CINDetails, s *Section47) {
			if weekend(s.InitialCPCtarget) {
				f.add(c, TSection47, s.Line, "InitialCPCtarget")
			}
		})
	})
	childRule("8875", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if weekend(e.DateOfInitialCPC) {
				f.add(c, TCINdetails, e.Line, "DateOfInitialCPC")
			}
		})
		eachS47(c, func(e *CINDetails, s *Section47) {
			if weekend(s.DateOfInitialCPC) {
				f.add(c, TSection47, s.Line, "DateOfInitialCPC")
			}
		})
	})
}

func eachAssessment(c *Child, fn func(e *CINDetails, a *Assessment)) {
	eachCIN(c, func(e *CINDetails) {
		for i := range e.Assessments {
			fn(e, &e.Assessments[i])
		}
	})
}

func eachS47(c *Child, fn func(e *CINDetails, s *Section47)) {
	eachCIN(c, func(e *CINDetails) {
		for i := range e.S47 {
			fn(e, &e.S47[i])
		}
	})
}

func hasFactor(a *Assessment, code string) bool {
	for _, x := range a.Factors {
		if x.Value == code {
			return true
		}
	}
	return false
}
