package cin

import (
	"slices"
	"strconv"

	"cairn/internal/clock"
	"cairn/internal/csc"
	"cairn/internal/returns"
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

// SourceKind names the kind of record an element of the census came from.
type SourceKind string

// The records the census is produced from.
const (
	SourceChild      SourceKind = "child"      // the child's identity and characteristics
	SourceReferral   SourceKind = "referral"   // the episode of need
	SourceAssessment SourceKind = "assessment" // a child and family assessment
	SourceCINPlan    SourceKind = "cin-plan"   // a child in need plan
	SourceS47        SourceKind = "s47"        // a section 47 enquiry
	SourceCPPlan     SourceKind = "cp-plan"    // a child protection plan
	SourceConference SourceKind = "conference" // an initial or review child protection conference
)

// Source is the record an element of the census came from: what kind of
// record, its id, and the child whose record it is.
type Source struct {
	Kind    SourceKind
	ID      int64
	ChildID int64
}

// Sources numbers the elements of children produced from the record, as
// lines number a file's elements, and remembers the record each number came
// from, so that a rule's failure (its table, row and fields) leads back to
// the record where the data is corrected. Numbers run on across every child
// given to it, from 1; the XML written from the children is unchanged.
type Sources struct {
	at []Source
	// icpc holds, for the rows whose DateOfInitialCPC came from a
	// conference (an episode's or an enquiry's), that conference.
	icpc map[int]Source
}

// FromRecord maps r as the package's FromRecord does, numbers the child's
// elements and records where each came from. An element the record has no
// counterpart for is credited to its episode, or to the child.
func (s *Sources) FromRecord(r *csc.CensusChild, y Year) Child {
	c := FromRecord(r, y)
	child := Source{Kind: SourceChild, ID: r.ID, ChildID: r.ID}
	c.Line = s.add(child)
	c.IDLine = s.add(child)
	c.CharLine = s.add(child)
	for i := range c.Disabilities {
		c.Disabilities[i].Line = s.add(child)
	}
	for i := range c.CIN {
		d := &c.CIN[i]
		var e *csc.CensusEpisode
		if i < len(r.Episodes) {
			e = &r.Episodes[i]
		}
		episode := child
		if e != nil {
			episode = Source{Kind: SourceReferral, ID: e.ReferralID, ChildID: r.ID}
		}
		d.Line = s.add(episode)
		if e != nil && !d.DateOfInitialCPC.IsZero() {
			for _, p := range e.ProtectionPlan {
				if p.ConferenceID != 0 && p.InitialCPC == d.DateOfInitialCPC {
					s.conference(d.Line, p.ConferenceID, r.ID)
					break
				}
			}
		}
		// Each element under the episode is credited to its own record,
		// or to the episode when the record has no counterpart.
		credit := func(kind SourceKind, id int64) Source {
			if id == 0 {
				return episode
			}
			return Source{Kind: kind, ID: id, ChildID: r.ID}
		}
		var rec csc.CensusEpisode
		if e != nil {
			rec = *e
		}
		for j := range d.Assessments {
			a := &d.Assessments[j]
			var id int64
			if j < len(rec.Assessments) {
				id = rec.Assessments[j].ID
			}
			a.Line = s.add(credit(SourceAssessment, id))
			for k := range a.Factors {
				a.Factors[k].Line = a.Line
			}
		}
		for j := range d.Plans {
			var id int64
			if j < len(rec.CINPlans) {
				id = rec.CINPlans[j].ID
			}
			d.Plans[j].Line = s.add(credit(SourceCINPlan, id))
		}
		for j := range d.S47 {
			m := &d.S47[j]
			var id, conf int64
			if j < len(rec.S47s) {
				id, conf = rec.S47s[j].ID, rec.S47s[j].ConferenceID
			}
			m.Line = s.add(credit(SourceS47, id))
			if conf != 0 && !m.DateOfInitialCPC.IsZero() {
				s.conference(m.Line, conf, r.ID)
			}
		}
		for j := range d.CPP {
			p := &d.CPP[j]
			var pr csc.CensusCPPlan
			if j < len(rec.ProtectionPlan) {
				pr = rec.ProtectionPlan[j]
			}
			plan := credit(SourceCPPlan, pr.ID)
			p.Line = s.add(plan)
			for k := range p.Reviews {
				src := plan
				if k < len(pr.ReviewIDs) && pr.ReviewIDs[k] != 0 {
					src = Source{Kind: SourceConference, ID: pr.ReviewIDs[k], ChildID: r.ID}
				}
				p.Reviews[k].Line = s.add(src)
			}
		}
		for j := range d.PreProceedings {
			d.PreProceedings[j].Line = s.add(episode)
		}
	}
	return c
}

func (s *Sources) add(src Source) int {
	if len(s.at) == 0 {
		s.at = append(s.at, Source{}) // row 0: no element
	}
	s.at = append(s.at, src)
	return len(s.at) - 1
}

func (s *Sources) conference(row int, id, child int64) {
	if s.icpc == nil {
		s.icpc = map[int]Source{}
	}
	s.icpc[row] = Source{Kind: SourceConference, ID: id, ChildID: child}
}

// Of returns the record a failure is about: the element on its row, or,
// for a failure about the date of an initial conference, the conference.
// A failure with no row (about the return as a whole) has no source.
func (s *Sources) Of(f returns.Failure) (Source, bool) {
	if f.Row <= 0 || f.Row >= len(s.at) {
		return Source{}, false
	}
	if c, ok := s.icpc[f.Row]; ok && slices.Contains(f.Fields, "DateOfInitialCPC") {
		return c, true
	}
	return s.at[f.Row], true
}
