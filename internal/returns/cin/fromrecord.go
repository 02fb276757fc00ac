package cin

import (
	"strconv"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// FromRecord maps a child of the census population, as the record holds
// them, to the census's Child for year: dates after the reference date are
// not yet known to the census and are left out, an initial conference that
// followed an enquiry is reported on the enquiry (not on the episode, rule
// 2884) or, for a plan whose conference followed no enquiry in the census,
// on the episode; the enquiry's target is 15 working days after the strategy discussion, and a
// child with no sex recorded is reported as U.
func FromRecord(r *csc.CensusChild, y Year) Child {
	known := func(d csc.Date) csc.Date {
		if d.After(y.End) {
			return csc.Date{}
		}
		return d
	}
	c := Child{
		LAchildID:               strconv.FormatInt(r.ID, 10),
		UPN:                     string(r.UPN),
		PersonBirthDate:         known(r.DateOfBirth),
		ExpectedPersonBirthDate: r.ExpectedDateOfBirth,
		Sex:                     string(r.Sex),
		PersonDeathDate:         known(r.DateOfDeath),
		Ethnicity:               string(r.Ethnicity),
	}
	if c.Sex == "" {
		c.Sex = "U"
	}
	if !c.PersonBirthDate.IsZero() {
		c.ExpectedPersonBirthDate = csc.Date{}
	}
	for _, d := range r.Disabilities {
		c.Disabilities = append(c.Disabilities, Coded{Value: string(d)})
	}
	c.CIN = make([]CINDetails, 0, len(r.Episodes))
	for i := range r.Episodes {
		e := &r.Episodes[i]
		d := CINDetails{
			ReferralDate:    e.ReferralDate,
			ReferralSource:  e.Source,
			PrimaryNeedCode: e.PrimaryNeed,
			ClosureDate:     known(e.ClosureDate),
			ReferralNFA:     strconv.FormatBool(e.NFA),
		}
		if !d.ClosureDate.IsZero() {
			d.ReasonForClosure = e.ClosureReason
		}
		for _, a := range e.Assessments {
			m := Assessment{StartDate: a.StartDate, AuthorisationDate: known(a.AuthorisedDate)}
			if !m.AuthorisationDate.IsZero() {
				for _, f := range a.Factors {
					m.Factors = append(m.Factors, Coded{Value: f})
				}
			}
			d.Assessments = append(d.Assessments, m)
		}
		for _, p := range e.CINPlans {
			d.Plans = append(d.Plans, CINPlan{StartDate: p.StartDate, EndDate: known(p.EndDate)})
		}
		for _, s := range e.S47s {
			m := Section47{StartDate: s.StartDate, DateOfInitialCPC: known(s.InitialCPC), ICPCnotRequired: "false"}
			if !s.StrategyDate.IsZero() {
				m.InitialCPCtarget = clock.AddWorkingDays(s.StrategyDate, 15)
			}
			if m.DateOfInitialCPC.IsZero() && s.Concluded && !s.ConferenceNeeded {
				m.ICPCnotRequired = "true"
			}
			d.S47 = append(d.S47, m)
		}
		// A plan made in the year by an initial conference that followed
		// no enquiry in the census has the conference on the episode.
		// Conferences before the year are not reported (rule 8715).
		s47CPC := false
		for _, s := range d.S47 {
			s47CPC = s47CPC || !s.DateOfInitialCPC.IsZero()
		}
		for _, p := range e.ProtectionPlan {
			if !s47CPC && d.DateOfInitialCPC.IsZero() && !p.InitialCPC.Before(y.Start) {
				d.DateOfInitialCPC = known(p.InitialCPC)
			}
		}
		for _, p := range e.ProtectionPlan {
			m := ProtectionPlan{
				StartDate:              p.StartDate,
				EndDate:                known(p.EndDate),
				InitialCategoryOfAbuse: p.InitialCategory,
				LatestCategoryOfAbuse:  p.LatestCategory,
				NumberOfPreviousCPP:    strconv.Itoa(p.PreviousPlans),
			}
			for _, r := range p.Reviews {
				m.Reviews = append(m.Reviews, Review{Date: r})
			}
			d.CPP = append(d.CPP, m)
		}
		c.CIN = append(c.CIN, d)
	}
	return c
}
