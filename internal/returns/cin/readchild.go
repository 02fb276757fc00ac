package cin

import (
	"errors"

	"cairn/internal/csc"
)

// readChild reads the elements of one Child, its start tag already read,
// up to and including its end tag. A syntax error is returned for the
// caller to report and recover from; unknown elements and values that are
// not dates are problems of this child, and the rest of it is still read.
func (r *Reader) readChild() error {
	sc := r.sc
	base := len(r.stack) // the Child is r.stack[base-1]
	r.skip = 0
	r.val = r.val[:0]
	var late []pending // problems found before the child's ID was read
	elements := 0
	for {
		k, err := sc.token()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return &syntaxError{line: sc.line, msg: "the file ends inside a Child: it is truncated", fatal: true}
		case tokText:
			r.val = append(r.val, sc.text...)
		case tokStart:
			r.val = r.val[:0]
			name := string(sc.name)
			line := sc.line
			if len(r.stack) >= maxDepth {
				return sc.fail("elements are nested too deeply")
			}
			// Rules compare a child's episodes, plans and codes pairwise; a
			// bound on a child's size keeps that cheap whatever the file.
			if elements++; elements > maxChildElements {
				return sc.fail("the child has more than %d elements", maxChildElements)
			}
			if r.skip == 0 && !r.open(name, line) {
				late = append(late, pending{line, "unexpected element " + clip(name) + " under " + r.stack[len(r.stack)-1].name + "; it was not read"})
				r.skip = len(r.stack) + 1
			}
			if sc.self {
				if r.skip == 0 {
					r.push(name, line)
					r.stack = r.stack[:len(r.stack)-1]
					late = r.leaf(name, line, nil, late)
				} else if r.skip == len(r.stack)+1 {
					r.skip = 0
				}
				continue
			}
			r.push(name, line)
		case tokEnd:
			n := len(r.stack)
			f := r.stack[n-1]
			if f.name != string(sc.name) {
				return sc.fail("the end tag </%s> does not match <%s> on line %d", clip(string(sc.name)), clip(f.name), f.line)
			}
			r.stack = r.stack[:n-1]
			if r.skip != 0 {
				if r.skip == n {
					r.skip = 0
				}
				r.val = r.val[:0]
				continue
			}
			if !f.kids {
				late = r.leaf(f.name, f.line, trimSpace(r.val), late)
			}
			r.val = r.val[:0]
			if n == base {
				for _, p := range late {
					r.problem(r.c.LAchildID, p.line, "%s", p.msg)
				}
				return nil
			}
		}
	}
}

// maxChildElements bounds one child. A child with a long history has a few
// hundred elements.
const maxChildElements = 5000

type pending struct {
	line int
	msg  string
}

// open checks that a container or leaf element is where the census puts it
// and, for a container, starts its row.
func (r *Reader) open(name string, line int) bool {
	c := r.c
	parent := r.stack[len(r.stack)-1].name
	cin := func() *CINDetails { return &c.CIN[len(c.CIN)-1] }
	switch parent {
	case "Child":
		switch name {
		case "ChildIdentifiers":
			c.IDLine = line
			return true
		case "ChildCharacteristics":
			c.CharLine = line
			return true
		case "CINdetails":
			c.CIN = append(c.CIN, CINDetails{Line: line})
			return true
		}
	case "ChildIdentifiers":
		switch name {
		case "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
			"GenderCurrent", "Sex", "PersonDeathDate":
			return true
		}
	case "ChildCharacteristics":
		return name == "Ethnicity" || name == "Disabilities"
	case "Disabilities":
		return name == "Disability"
	case "CINdetails":
		d := cin()
		switch name {
		case "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
			"DateOfInitialCPC", "ReferralNFA":
			return true
		case "Assessments":
			d.Assessments = append(d.Assessments, Assessment{Line: line})
			return true
		case "CINPlanDates":
			d.Plans = append(d.Plans, CINPlan{Line: line})
			return true
		case "Section47":
			d.S47 = append(d.S47, Section47{Line: line})
			return true
		case "ChildProtectionPlans":
			d.CPP = append(d.CPP, ProtectionPlan{Line: line})
			return true
		case "PreProceedingsandFGDM":
			d.PreProceedings = append(d.PreProceedings, PreProceedings{Line: line})
			return true
		}
	case "Assessments":
		switch name {
		case "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment":
			return true
		}
	case "FactorsIdentifiedAtAssessment":
		return name == "AssessmentFactors"
	case "CINPlanDates":
		return name == "CINPlanStartDate" || name == "CINPlanEndDate"
	case "Section47":
		switch name {
		case "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired":
			return true
		}
	case "ChildProtectionPlans":
		switch name {
		case "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews":
			return true
		}
	case "Reviews":
		return name == "CPPreviewDate"
	case "PreProceedingsandFGDM":
		switch name {
		case "PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate",
			"ReviewMeetingsCount", "StepDecisionDate", "PPOutcome", "CourtAppDate", "LetterInitCPDate":
			return true
		}
	}
	return false
}

// leaf stores the value of an element with no elements inside it. The
// element's parent is the top of the stack.
func (r *Reader) leaf(name string, line int, v []byte, late []pending) []pending {
	c := r.c
	parent := r.stack[len(r.stack)-1].name
	date := func() csc.Date {
		d, ok := parseDate(v)
		if !ok && len(v) > 0 {
			late = append(late, pending{line, name + " " + quote(v) + " is not a date (YYYY-MM-DD); it was read as missing"})
		}
		return d
	}
	str := func() string { return string(v) }
	switch parent {
	case "ChildIdentifiers":
		switch name {
		case "LAchildID":
			c.LAchildID = str()
		case "UPN":
			c.UPN = str()
		case "FormerUPN":
			c.FormerUPN = str()
		case "UPNunknown":
			c.UPNunknown = str()
		case "PersonBirthDate":
			c.PersonBirthDate = date()
		case "ExpectedPersonBirthDate":
			c.ExpectedPersonBirthDate = date()
		case "GenderCurrent":
			c.GenderCurrent = str()
		case "Sex":
			c.Sex = str()
		case "PersonDeathDate":
			c.PersonDeathDate = date()
		}
	case "ChildCharacteristics":
		if name == "Ethnicity" {
			c.Ethnicity = str()
		}
	case "Disabilities":
		c.Disabilities = append(c.Disabilities, Coded{line, str()})
	case "CINdetails":
		d := &c.CIN[len(c.CIN)-1]
		switch name {
		case "CINreferralDate":
			d.ReferralDate = date()
		case "ReferralSource":
			d.ReferralSource = str()
		case "PrimaryNeedCode":
			d.PrimaryNeedCode = str()
		case "CINclosureDate":
			d.ClosureDate = date()
		case "ReasonForClosure":
			d.ReasonForClosure = str()
		case "DateOfInitialCPC":
			d.DateOfInitialCPC = date()
		case "ReferralNFA":
			d.ReferralNFA = str()
		}
	case "Assessments":
		d := &c.CIN[len(c.CIN)-1]
		a := &d.Assessments[len(d.Assessments)-1]
		switch name {
		case "AssessmentActualStartDate":
			a.StartDate = date()
		case "AssessmentInternalReviewDate":
			a.InternalReviewDate = date()
		case "AssessmentAuthorisationDate":
			a.AuthorisationDate = date()
		}
	case "FactorsIdentifiedAtAssessment":
		d := &c.CIN[len(c.CIN)-1]
		a := &d.Assessments[len(d.Assessments)-1]
		a.Factors = append(a.Factors, Coded{line, str()})
	case "CINPlanDates":
		d := &c.CIN[len(c.CIN)-1]
		p := &d.Plans[len(d.Plans)-1]
		if name == "CINPlanStartDate" {
			p.StartDate = date()
		} else {
			p.EndDate = date()
		}
	case "Section47":
		d := &c.CIN[len(c.CIN)-1]
		s := &d.S47[len(d.S47)-1]
		switch name {
		case "S47ActualStartDate":
			s.StartDate = date()
		case "InitialCPCtarget":
			s.InitialCPCtarget = date()
		case "DateOfInitialCPC":
			s.DateOfInitialCPC = date()
		case "ICPCnotRequired":
			s.ICPCnotRequired = str()
		}
	case "ChildProtectionPlans":
		d := &c.CIN[len(c.CIN)-1]
		p := &d.CPP[len(d.CPP)-1]
		switch name {
		case "CPPstartDate":
			p.StartDate = date()
		case "CPPendDate":
			p.EndDate = date()
		case "InitialCategoryOfAbuse":
			p.InitialCategoryOfAbuse = str()
		case "LatestCategoryOfAbuse":
			p.LatestCategoryOfAbuse = str()
		case "NumberOfPreviousCPP":
			p.NumberOfPreviousCPP = str()
		case "Reviews":
			// an empty Reviews element: no reviews
		}
	case "Reviews":
		d := &c.CIN[len(c.CIN)-1]
		p := &d.CPP[len(d.CPP)-1]
		p.Reviews = append(p.Reviews, Review{line, date()})
	case "PreProceedingsandFGDM":
		d := &c.CIN[len(c.CIN)-1]
		p := &d.PreProceedings[len(d.PreProceedings)-1]
		switch name {
		case "PPStartDate":
			p.PPStartDate = date()
		case "LBPSentDate":
			p.LBPSentDate = date()
		case "FGDMMeetingOffer":
			p.FGDMMeetingOffer = str()
		case "FGDMMeetingFac":
			p.FGDMMeetingFac = str()
		case "InitialPPMeetingDate":
			p.InitialPPMeetingDate = date()
		case "ReviewMeetingsCount":
			p.ReviewMeetingsCount = str()
		case "StepDecisionDate":
			p.StepDecisionDate = date()
		case "PPOutcome":
			p.PPOutcome = str()
		case "CourtAppDate":
			p.CourtAppDate = date()
		case "LetterInitCPDate":
			p.LetterInitCPDate = date()
		}
	}
	return late
}

func quote(v []byte) string {
	return `"` + clip(string(v)) + `"`
}

var _ = errors.New
