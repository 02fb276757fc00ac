package letters

import (
	"strings"
	"time"
)

// OutcomeLetter holds what the outcome letter to a referrer says. It is sent
// when the front door (MASH) has decided what happens with a contact about a
// child. All text is already decided by the caller; the letter adds only its
// fixed framing (salutation, headings, closing).
type OutcomeLetter struct {
	// Authority is the council and service, shown as the letterhead,
	// e.g. "Northmoor County Council — Children's Services".
	Authority string
	// AuthorityAddress is the return address, one line per element.
	AuthorityAddress []string
	// Reference is our reference, e.g. "Contact 104233". Required.
	Reference string
	// Date is the letter date. It is a civil date: only its year, month and
	// day are used. Required.
	Date time.Time
	// ReferrerName is the name of the person who made the contact, used in
	// the address block and the salutation ("Dear …"). Required.
	ReferrerName string
	// ReferrerOrganisation is the referrer's organisation; empty for a
	// member of the public.
	ReferrerOrganisation string
	// ReferrerAddress is the referrer's postal address; may be empty.
	ReferrerAddress []string
	// ChildName is the name of the child the contact was about.
	ChildName string
	// ChildDateOfBirth is already formatted, e.g. "3 March 2015"; empty for
	// an unborn child or when it is not known.
	ChildDateOfBirth string
	// ContactReceived is when the contact was received, shown as
	// "3 March 2026 at 14:05" in the location of the value given, which the
	// caller sets to Europe/London. The zero time leaves it out.
	ContactReceived time.Time
	// DecisionLabel names the decision, e.g. "Step down to early help".
	// Required.
	DecisionLabel string
	// DecisionExplanation explains the decision: one or more paragraphs
	// separated by blank lines.
	DecisionExplanation string
	// NextSteps says what happens next: paragraphs separated by blank lines.
	NextSteps string
	// SignOffName is the name of the person who made the decision and signs
	// the letter. Required.
	SignOffName string
	// SignOffRole is the signatory's job title.
	SignOffRole string
	// Team is the signatory's team, e.g. "Multi-Agency Safeguarding Hub".
	Team string
	// ContactPhone is the telephone number the referrer can call.
	ContactPhone string
	// ContactEmail is the email address the referrer can write to.
	ContactEmail string
}

// RenderOutcomeLetter renders the outcome letter as an A4 PDF. The output
// depends only on l: the same letter always gives byte-identical bytes.
//
// A letter missing an essential field (Reference, Date, ReferrerName,
// DecisionLabel or SignOffName) gives a *MissingFieldError naming it. A
// letterhead or address too long to lay out gives a *FieldError, and a
// letter running past MaxPages pages gives an error wrapping ErrTooLong.
func RenderOutcomeLetter(l OutcomeLetter) (pdf []byte, err error) {
	defer recoverRender(&pdf, &err)
	c := cleanOutcome(l)
	if err := c.validate(); err != nil {
		return nil, err
	}
	ref := "Our reference: " + c.Reference
	doc, err := newPDF(docInfo{
		title:   "Outcome of your contact (" + c.Reference + ")",
		author:  c.Authority,
		subject: "Outcome letter to referrer",
		date:    c.Date,
	})
	if err != nil {
		return nil, err
	}
	m := newMeasurer(doc)
	first, bodyTop, err := c.letterhead(m)
	if err != nil {
		return nil, err
	}
	blocks, err := c.body(m)
	if err != nil {
		return nil, err
	}
	pages, err := paginate(first, blocks, frame{
		firstTop: bodyTop,
		top:      marginTop + 18,
		bottom:   bodyBottom,
		maxPages: MaxPages,
	})
	if err != nil {
		return nil, err
	}
	return draw(doc, m, pages, chrome{
		marking:      "OFFICIAL-SENSITIVE",
		footer:       "OFFICIAL-SENSITIVE: this letter contains personal information about a child",
		continuation: ref + "  \u00b7  letter dated " + formatDate(c.Date) + " (continued)",
	})
}

// cleanOutcome returns a copy of l with every text field cleaned: single-line
// fields on one line, paragraphs normalised, invisible characters removed.
func cleanOutcome(l OutcomeLetter) OutcomeLetter {
	c := l
	for _, f := range []*string{
		&c.Authority, &c.Reference, &c.ReferrerName, &c.ReferrerOrganisation,
		&c.ChildName, &c.ChildDateOfBirth, &c.DecisionLabel, &c.SignOffName,
		&c.SignOffRole, &c.Team, &c.ContactPhone, &c.ContactEmail,
	} {
		*f = cleanLine(*f)
	}
	c.AuthorityAddress = cleanLines(l.AuthorityAddress)
	c.ReferrerAddress = cleanLines(l.ReferrerAddress)
	c.DecisionExplanation = strings.Join(paragraphs(l.DecisionExplanation), "\n\n")
	c.NextSteps = strings.Join(paragraphs(l.NextSteps), "\n\n")
	return c
}

// validate checks that the essentials are there, after cleaning, so that a
// field of nothing but spaces or control characters counts as missing.
func (l OutcomeLetter) validate() error {
	var missing []string
	for _, f := range []struct {
		name  string
		empty bool
	}{
		{"Reference", blank(l.Reference)},
		{"Date", l.Date.IsZero()},
		{"ReferrerName", blank(l.ReferrerName)},
		{"DecisionLabel", blank(l.DecisionLabel)},
		{"SignOffName", blank(l.SignOffName)},
	} {
		if f.empty {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return &MissingFieldError{Letter: "outcome letter", Fields: missing}
	}
	return nil
}

// blank reports whether s has nothing visible in it.
func blank(s string) bool {
	return strings.Trim(s, " \u00a0") == ""
}
