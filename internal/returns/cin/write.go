package cin

import (
	"bufio"
	"io"
	"strconv"

	"cairn/internal/csc"
)

// Writer writes a census file in the 2025/26 layout (Sex M/F/U), one child
// at a time: call WriteChild for each child, then Close.
type Writer struct {
	w   *bufio.Writer
	buf []byte
}

// NewWriter writes the XML declaration and the Header and opens Children.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	cw := &Writer{w: bufio.NewWriterSize(w, 1<<16)}
	cw.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<Message>\n<Header>\n<CollectionDetails>")
	cw.el("Collection", h.Collection)
	cw.el("Year", h.Year)
	cw.date("ReferenceDate", h.ReferenceDate)
	cw.raw("</CollectionDetails>\n<Source>")
	cw.el("SourceLevel", h.SourceLevel)
	cw.el("LEA", h.LEA)
	cw.el("SoftwareCode", h.SoftwareCode)
	cw.el("Release", h.Release)
	cw.el("SerialNo", h.SerialNo)
	cw.el("DateTime", h.DateTime)
	cw.raw("</Source>\n</Header>\n<Children>\n")
	return cw, cw.flushIfBig()
}

// WriteChild writes one Child element. Empty items are left out.
func (cw *Writer) WriteChild(c *Child) error {
	cw.raw("<Child>\n<ChildIdentifiers>")
	cw.el("LAchildID", c.LAchildID)
	cw.el("UPN", c.UPN)
	cw.el("FormerUPN", c.FormerUPN)
	cw.el("UPNunknown", c.UPNunknown)
	cw.date("PersonBirthDate", c.PersonBirthDate)
	cw.date("ExpectedPersonBirthDate", c.ExpectedPersonBirthDate)
	cw.raw("<Sex>")
	cw.text(c.Sex)
	cw.raw("</Sex>")
	cw.date("PersonDeathDate", c.PersonDeathDate)
	cw.raw("</ChildIdentifiers>\n<ChildCharacteristics><Ethnicity>")
	cw.text(c.Ethnicity)
	cw.raw("</Ethnicity>")
	if len(c.Disabilities) > 0 {
		cw.raw("<Disabilities>")
		for _, d := range c.Disabilities {
			cw.el("Disability", d.Value)
		}
		cw.raw("</Disabilities>")
	}
	cw.raw("</ChildCharacteristics>\n")
	for i := range c.CIN {
		e := &c.CIN[i]
		cw.raw("<CINdetails>")
		cw.date("CINreferralDate", e.ReferralDate)
		cw.el("ReferralSource", e.ReferralSource)
		cw.el("PrimaryNeedCode", e.PrimaryNeedCode)
		cw.date("CINclosureDate", e.ClosureDate)
		cw.el("ReasonForClosure", e.ReasonForClosure)
		cw.date("DateOfInitialCPC", e.DateOfInitialCPC)
		cw.raw("\n")
		for _, a := range e.Assessments {
			cw.raw("<Assessments>")
			cw.date("AssessmentActualStartDate", a.StartDate)
			cw.date("AssessmentInternalReviewDate", a.InternalReviewDate)
			cw.date("AssessmentAuthorisationDate", a.AuthorisationDate)
			if len(a.Factors) > 0 {
				cw.raw("<FactorsIdentifiedAtAssessment>")
				for _, f := range a.Factors {
					cw.el("AssessmentFactors", f.Value)
				}
				cw.raw("</FactorsIdentifiedAtAssessment>")
			}
			cw.raw("</Assessments>\n")
		}
		for _, p := range e.Plans {
			cw.raw("<CINPlanDates>")
			cw.date("CINPlanStartDate", p.StartDate)
			cw.date("CINPlanEndDate", p.EndDate)
			cw.raw("</CINPlanDates>\n")
		}
		for _, s := range e.S47 {
			cw.raw("<Section47>")
			cw.date("S47ActualStartDate", s.StartDate)
			cw.date("InitialCPCtarget", s.InitialCPCtarget)
			cw.date("DateOfInitialCPC", s.DateOfInitialCPC)
			cw.el("ICPCnotRequired", s.ICPCnotRequired)
			cw.raw("</Section47>\n")
		}
		cw.el("ReferralNFA", e.ReferralNFA)
		for _, p := range e.CPP {
			cw.raw("\n<ChildProtectionPlans>")
			cw.date("CPPstartDate", p.StartDate)
			cw.date("CPPendDate", p.EndDate)
			cw.el("InitialCategoryOfAbuse", p.InitialCategoryOfAbuse)
			cw.el("LatestCategoryOfAbuse", p.LatestCategoryOfAbuse)
			cw.el("NumberOfPreviousCPP", p.NumberOfPreviousCPP)
			if len(p.Reviews) > 0 {
				cw.raw("<Reviews>")
				for _, r := range p.Reviews {
					cw.date("CPPreviewDate", r.Date)
				}
				cw.raw("</Reviews>")
			}
			cw.raw("</ChildProtectionPlans>")
		}
		for _, p := range e.PreProceedings {
			cw.raw("\n<PreProceedingsandFGDM>")
			cw.date("PPStartDate", p.PPStartDate)
			cw.date("LBPSentDate", p.LBPSentDate)
			cw.el("FGDMMeetingOffer", p.FGDMMeetingOffer)
			cw.el("FGDMMeetingFac", p.FGDMMeetingFac)
			cw.date("InitialPPMeetingDate", p.InitialPPMeetingDate)
			cw.el("ReviewMeetingsCount", p.ReviewMeetingsCount)
			cw.date("StepDecisionDate", p.StepDecisionDate)
			cw.el("PPOutcome", p.PPOutcome)
			cw.date("CourtAppDate", p.CourtAppDate)
			cw.date("LetterInitCPDate", p.LetterInitCPDate)
			cw.raw("</PreProceedingsandFGDM>")
		}
		cw.raw("</CINdetails>\n")
	}
	cw.raw("</Child>\n")
	return cw.flushIfBig()
}

// Close ends the file and flushes it.
func (cw *Writer) Close() error {
	cw.raw("</Children>\n</Message>\n")
	if _, err := cw.w.Write(cw.buf); err != nil {
		return err
	}
	cw.buf = cw.buf[:0]
	return cw.w.Flush()
}

func (cw *Writer) flushIfBig() error {
	if len(cw.buf) < 32<<10 {
		return nil
	}
	_, err := cw.w.Write(cw.buf)
	cw.buf = cw.buf[:0]
	return err
}

func (cw *Writer) raw(s string) { cw.buf = append(cw.buf, s...) }

// el writes <name>v</name>, or nothing when v is empty.
func (cw *Writer) el(name, v string) {
	if v == "" {
		return
	}
	cw.buf = append(cw.buf, '<')
	cw.buf = append(cw.buf, name...)
	cw.buf = append(cw.buf, '>')
	cw.text(v)
	cw.buf = append(cw.buf, "</"...)
	cw.buf = append(cw.buf, name...)
	cw.buf = append(cw.buf, '>')
}

func (cw *Writer) date(name string, d csc.Date) {
	if d.IsZero() {
		return
	}
	cw.buf = append(cw.buf, '<')
	cw.buf = append(cw.buf, name...)
	cw.buf = append(cw.buf, '>')
	cw.buf = appendPad(cw.buf, d.Year, 4)
	cw.buf = append(cw.buf, '-')
	cw.buf = appendPad(cw.buf, int(d.Month), 2)
	cw.buf = append(cw.buf, '-')
	cw.buf = appendPad(cw.buf, d.Day, 2)
	cw.buf = append(cw.buf, "</"...)
	cw.buf = append(cw.buf, name...)
	cw.buf = append(cw.buf, '>')
}

func appendPad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// text appends s escaped for XML character data.
func (cw *Writer) text(s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			cw.buf = append(cw.buf, "&lt;"...)
		case '>':
			cw.buf = append(cw.buf, "&gt;"...)
		case '&':
			cw.buf = append(cw.buf, "&amp;"...)
		default:
			cw.buf = append(cw.buf, c)
		}
	}
}
