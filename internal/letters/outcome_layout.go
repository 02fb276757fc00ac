package letters

import (
	"fmt"
	"strings"
)

// Letterhead geometry, in points.
const (
	rightColWidth = 68 * mm                                 // return address, contact details, reference, date
	rightColX     = pageWidth - marginRight - rightColWidth // left edge of that column
	leftColWidth  = contentWidth - rightColWidth - 10*mm    // authority name and referrer's address
	labelWidth    = 24 * mm                                 // "Telephone", "Date" … in the right column
	addressTop    = 50 * mm                                 // referrer's address, in a DL window envelope's window
	addressWidth  = 85 * mm                                 // the window is about 90 mm wide
	bodyLeading   = 15.5                                    // 11 pt text
	smallLeading  = 12.5                                    // 9.5 pt text
	boxPad        = 6.0                                     // call-out box padding
	boxIndent     = 10.0                                    // call-out box text indent
	boxTextWidth  = contentWidth - 2*boxIndent              // call-out box text width
	signatureGap  = 30.0                                    // room for a wet signature
	maxLetterhead = 3                                       // lines of authority name
	maxRightCol   = 22                                      // lines in the right column
	maxAddress    = 12                                      // lines in the address block
	rightValueX   = rightColX + labelWidth                  // values beside labels
	rightValueW   = rightColWidth - labelWidth              // width of those values
)

var (
	stBody    = style{size: 11, color: colText}
	stBold    = style{bold: true, size: 11, color: colText}
	stSubject = style{bold: true, size: 12, color: colText}
	stHeading = style{bold: true, size: 11.5, color: colHeading}
	stLabel   = style{bold: true, size: 12, color: colText}
	stAuth    = style{bold: true, size: 15, color: colHeading}
	stTeam    = style{size: 10.5, color: colMuted}
	stSmall   = style{size: 9.5, color: colText}
	stSmallLb = style{bold: true, size: 9.5, color: colMuted}
)

// column lays out texts one under another in a column starting at top,
// returning the placed lines and the y just below them.
func (m *measurer) column(st style, texts []string, x, width, leading, top float64, a align) ([]placed, float64, error) {
	var out []placed
	y := top
	for _, t := range texts {
		b, err := m.textBlock(st, t, x, width, leading, a)
		if err != nil {
			return nil, 0, err
		}
		for _, l := range b.lines {
			out = append(out, placed{line: l, top: y})
			y += leading
		}
	}
	return out, y, nil
}

// letterhead lays out the top of page one: the authority's name and team on
// the left, the return address, contact details, reference and date on the
// right, and the referrer's address where an envelope window shows it. It
// returns the page so far and where the body of the letter starts.
func (l OutcomeLetter) letterhead(m *measurer) (page, float64, error) {
	var p page
	head, y, err := m.column(stAuth, nonEmpty(l.Authority), marginLeft, leftColWidth, 19, marginTop, alignLeft)
	if err != nil {
		return p, 0, err
	}
	if len(head) > maxLetterhead {
		return p, 0, &FieldError{Field: "Authority", Problem: fmt.Sprintf("is too long for the letterhead (%d lines; at most %d)", len(head), maxLetterhead)}
	}
	team, y, err := m.column(stTeam, nonEmpty(l.Team), marginLeft, leftColWidth, 14, y+2, alignLeft)
	if err != nil {
		return p, 0, err
	}
	if len(team) > 2 {
		return p, 0, &FieldError{Field: "Team", Problem: "is too long for the letterhead (more than 2 lines)"}
	}
	p.lines = append(head, team...)
	if len(p.lines) > 0 {
		y += 5
		p.rules = append(p.rules, hrule{x1: marginLeft, x2: marginLeft + 40*mm, y: y, width: 1.5, color: colHeading})
	}
	right, rightBottom, err := l.rightColumn(m)
	if err != nil {
		return p, 0, err
	}
	p.lines = append(p.lines, right...)
	addr, addrBottom, err := m.column(stBody, l.addressLines(), marginLeft, addressWidth, 14, max(addressTop, y+10*mm), alignLeft)
	if err != nil {
		return p, 0, err
	}
	if len(addr) > maxAddress {
		return p, 0, &FieldError{Field: "ReferrerAddress", Problem: fmt.Sprintf("is too long for the address block (%d lines with name and organisation; at most %d)", len(addr), maxAddress)}
	}
	p.lines = append(p.lines, addr...)
	return p, max(addrBottom, rightBottom) + 11*mm, nil
}

// rightColumn lays out the return address, then labelled contact details,
// then the reference and date, in the right-hand column of the letterhead,
// with a small gap between the groups.
func (l OutcomeLetter) rightColumn(m *measurer) ([]placed, float64, error) {
	out, y, err := m.column(stSmall, l.AuthorityAddress, rightColX, rightColWidth, smallLeading, marginTop+2, alignLeft)
	if err != nil {
		return nil, 0, err
	}
	groups := [][][2]string{
		{{"Telephone", l.ContactPhone}, {"Email", l.ContactEmail}},
		{{"Our reference", l.Reference}, {"Date", formatDate(l.Date)}},
	}
	for _, group := range groups {
		gap := len(out) > 0
		for _, item := range group {
			if item[1] == "" {
				continue
			}
			if gap {
				y, gap = y+6, false
			}
			label, _, err := m.column(stSmallLb, []string{item[0]}, rightColX, labelWidth, smallLeading, y, alignLeft)
			if err != nil {
				return nil, 0, err
			}
			value, bottom, err := m.column(stSmall, []string{item[1]}, rightValueX, rightValueW, smallLeading, y, alignLeft)
			if err != nil {
				return nil, 0, err
			}
			out = append(append(out, label...), value...)
			y = bottom
		}
	}
	if len(out) > maxRightCol {
		return nil, 0, &FieldError{Field: "AuthorityAddress", Problem: fmt.Sprintf("with the contact details and reference, is too long for the letterhead (%d lines; at most %d)", len(out), maxRightCol)}
	}
	return out, y, nil
}

// addressLines is the referrer's address block: name, organisation, address.
func (l OutcomeLetter) addressLines() []string {
	return append(nonEmpty(l.ReferrerName, l.ReferrerOrganisation), l.ReferrerAddress...)
}

// nonEmpty returns those of ss that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// subject is the bold subject line.
func (l OutcomeLetter) subject() string {
	child := l.ChildName
	if child == "" {
		child = "a child"
	}
	s := "Your contact about " + child
	if l.ChildDateOfBirth != "" {
		s += ", born " + l.ChildDateOfBirth
	}
	return s
}

// intro is the opening paragraph.
func (l OutcomeLetter) intro() string {
	s := "Thank you for your contact"
	if l.ChildName != "" {
		s += " about " + l.ChildName
	}
	if !l.ContactReceived.IsZero() {
		s += ", which we received on " + formatDateTime(l.ContactReceived)
	}
	return s + ". I am writing to let you know the outcome."
}

// closing is the paragraph telling the referrer how to get in touch.
func (l OutcomeLetter) closing() string {
	var b strings.Builder
	b.WriteString("If you have any questions about this letter, please contact ")
	if l.Team != "" {
		b.WriteString("the " + l.Team)
	} else {
		b.WriteString("us")
	}
	switch {
	case l.ContactPhone != "" && l.ContactEmail != "":
		b.WriteString(" on " + l.ContactPhone + " or by email at " + l.ContactEmail)
	case l.ContactPhone != "":
		b.WriteString(" on " + l.ContactPhone)
	case l.ContactEmail != "":
		b.WriteString(" by email at " + l.ContactEmail)
	}
	b.WriteString(", quoting our reference " + l.Reference + ".")
	return b.String()
}

// body lays out the flowing text of the letter as blocks: subject,
// salutation, opening, the decision in a call-out box with its explanation,
// what happens next, the closing paragraph and the sign-off.
func (l OutcomeLetter) body(m *measurer) ([]block, error) {
	var blocks []block
	add := func(st style, text string, spaceBefore float64) error {
		b, err := m.textBlock(st, text, marginLeft, contentWidth, bodyLeading, alignLeft)
		b.spaceBefore = spaceBefore
		blocks = append(blocks, b)
		return err
	}
	heading := func(text string) error {
		err := add(stHeading, text, 14)
		blocks[len(blocks)-1].keepWithNext = true
		return err
	}
	paras := func(text string) error {
		for _, p := range paragraphs(text) {
			if err := add(stBody, p, 8); err != nil {
				return err
			}
		}
		return nil
	}
	steps := []func() error{
		func() error { return add(stSubject, l.subject(), 0) },
		func() error { return add(stBody, "Dear "+l.ReferrerName+",", 14) },
		func() error { return add(stBody, l.intro(), 8) },
		func() error { return heading("Our decision") },
		func() error { return l.decisionBox(m, &blocks) },
		func() error { return paras(l.DecisionExplanation) },
		func() error {
			if l.NextSteps == "" {
				return nil
			}
			if err := heading("What happens next"); err != nil {
				return err
			}
			return paras(l.NextSteps)
		},
		func() error {
			// Keep the closing paragraph with the sign-off, so the
			// signature never stands alone on the last page.
			err := add(stBody, l.closing(), 14)
			blocks[len(blocks)-1].keepWithNext = true
			return err
		},
		func() error { return l.signOff(m, &blocks) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return blocks, nil
}

// decisionBox adds the decision label, bold in a shaded call-out box.
func (l OutcomeLetter) decisionBox(m *measurer, blocks *[]block) error {
	b, err := m.textBlock(stLabel, l.DecisionLabel, marginLeft+boxIndent, boxTextWidth, 16, alignLeft)
	if err != nil {
		return err
	}
	pad := line{height: boxPad, shaded: true}
	lines := append([]line{pad}, b.lines...)
	lines = append(lines, pad)
	for i := range lines {
		lines[i].shaded = true
	}
	*blocks = append(*blocks, block{lines: lines, spaceBefore: 6, keepTogether: true})
	return nil
}

// signOff adds "Yours sincerely", room for a signature and the signatory's
// name, role and team, kept together on one page.
func (l OutcomeLetter) signOff(m *measurer, blocks *[]block) error {
	b := block{spaceBefore: 14, keepTogether: true}
	parts := []struct {
		st   style
		text string
		gap  float64
	}{
		{stBody, "Yours sincerely,", 0},
		{stBold, l.SignOffName, signatureGap},
		{stBody, l.SignOffRole, 0},
		{stBody, l.Team, 0},
	}
	for _, p := range parts {
		if p.text == "" {
			continue
		}
		if p.gap > 0 {
			b.lines = append(b.lines, line{height: p.gap})
		}
		tb, err := m.textBlock(p.st, p.text, marginLeft, contentWidth, bodyLeading, alignLeft)
		if err != nil {
			return err
		}
		b.lines = append(b.lines, tb.lines...)
	}
	*blocks = append(*blocks, b)
	return nil
}
