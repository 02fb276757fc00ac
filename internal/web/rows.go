package web

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"time"

	"cairn/internal/app"
	"cairn/internal/clock"
	"cairn/internal/csc"
)

// The longest lists, written in Go. html/template escapes every value it
// prints by calling an escaping function through reflection: on a
// chronology of 2,000 entries that was two thirds of the page's time, about
// 30 ms. These writers build the rows of the lists that grow with a record —
// the chronology and the child's timeline — directly, and hand html/template
// the result as template.HTML. Every value from the record goes through
// html.EscapeString (which escapes < > & ' and ", so it is safe in text and
// in quoted attributes); links are built from ids and anchors the writers
// make, never from the record's text. rows_test.go checks them against
// hostile text. The front-door queue's rows are written here too: a page
// of fifty contacts spent a third of its time printing them.

// htmlBuilder writes HTML, escaping what it is told is text, into a buffer:
// its own, or the page being rendered (see view.writer).
type htmlBuilder struct{ buf *bytes.Buffer }

// newHTMLBuilder is a builder with a buffer of its own, of about size bytes.
func newHTMLBuilder(size int) htmlBuilder {
	b := htmlBuilder{new(bytes.Buffer)}
	b.buf.Grow(size)
	return b
}

// htmlEscaper escapes as html.EscapeString does, writing into the buffer
// rather than making a new string.
var htmlEscaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

func (b htmlBuilder) raw(s string)  { b.buf.WriteString(s) }
func (b htmlBuilder) text(s string) { htmlEscaper.WriteString(b.buf, s) }
func (b htmlBuilder) id(n int64)    { b.buf.Write(strconv.AppendInt(b.buf.AvailableBuffer(), n, 10)) }

// anchor writes a chronology entry's anchor, as its Anchor method gives
// it ("entry-41", "event-90"), without making a string of it.
func (b htmlBuilder) anchor(e csc.ChronologyEntry) {
	if e.EntryID != 0 {
		b.raw("entry-")
		b.id(e.EntryID)
		return
	}
	b.raw("event-")
	b.id(e.EventID)
}

// date writes a date as pages show it, "3 March 2026" (digits, letters
// and spaces: nothing to escape).
func (b htmlBuilder) date(d csc.Date) { b.buf.Write(d.AppendLong(b.buf.AvailableBuffer())) }

// instant writes an instant in the layout given, in UK time, or nothing for
// the zero time; the layouts used here print nothing to escape.
func (b htmlBuilder) instant(t time.Time, layout string) {
	if !t.IsZero() {
		b.buf.Write(t.In(csc.London).AppendFormat(b.buf.AvailableBuffer(), layout))
	}
}

// rag writes a RAG rating as its coloured tag.
func (b htmlBuilder) rag(r csc.RAG) {
	b.raw(`<strong class="govuk-tag `)
	b.raw(ragTag(r))
	b.raw(`">`)
	b.text(r.Label())
	b.raw(`</strong>`)
}

// html returns what was written, for a template to print as it is.
func (b htmlBuilder) html() template.HTML { return template.HTML(b.buf.String()) }

// chronologyRows writes the chronology table's rows. An entry of the child's
// own (not a merged sibling's) has a Change link for those who may change
// it, and the entry being changed (page.Section) has its form, showing the
// values just submitted when they had errors.
func chronologyRows(v *view) template.HTML {
	p, ok := v.Data.(*caseworkPage)
	if !ok || p.Chron == nil || p.Record == nil {
		return ""
	}
	c, child := p.Chron, p.Record.Child.ID
	canEdit := v.Can(string(csc.ActChronologyRecord))
	childPath := "/people/" + strconv.FormatInt(child, 10) + "/chronology/"
	b, direct := v.writer(len(c.Entries) * 700) // an editor's row is about 600 bytes
	editLink := htmlEscaper.Replace(p.EditLink)
	for _, e := range c.Entries {
		b.raw(`<tr class="govuk-table__row" id="`)
		b.anchor(e)
		b.raw(`"><td class="govuk-table__cell">`)
		b.date(e.Date)
		if e.Significant {
			b.raw(`<br><strong class="govuk-tag govuk-tag--red">Significant</strong>`)
		}
		b.raw(`</td>`)
		if len(c.Merged) > 0 {
			b.raw(`<td class="govuk-table__cell">`)
			b.text(e.ChildName)
			b.raw(`</td>`)
		}
		b.raw(`<td class="govuk-table__cell">`)
		b.text(e.What)
		if e.Source != "" {
			b.raw(`<br><span class="govuk-body-s">Source: `)
			b.text(e.Source)
			b.raw(`</span>`)
		}
		b.raw(`</td><td class="govuk-table__cell">`)
		b.text(e.Impact)
		if canEdit && e.ChildID == child {
			if p.Section != "" && p.Section == e.Anchor() {
				chronologyForm(b, v, p, e, childPath, p.Section)
			} else {
				b.raw(`<p class="govuk-body-s govuk-!-margin-bottom-0"><a class="govuk-link" href="`)
				b.raw(editLink)
				b.anchor(e)
				b.raw(`#`)
				b.anchor(e)
				b.raw(`">Change<span class="govuk-visually-hidden"> the entry of `)
				b.date(e.Date)
				b.raw(`</span></a></p>`)
			}
		}
		b.raw(`</td><td class="govuk-table__cell">`)
		b.text(e.By)
		b.raw("</td></tr>\n")
	}
	if direct {
		return ""
	}
	return b.html()
}

// chronologyForm writes the form that marks an event significant or
// changes an entry, with what it means for the child.
func chronologyForm(b htmlBuilder, v *view, p *caseworkPage, e csc.ChronologyEntry, childPath, key string) {
	significant, impact := e.Significant, e.Impact
	if len(v.Errors) > 0 {
		significant, impact = v.Value("significant") == "yes", v.Value("impact")
	}
	b.raw(`<form method="post" action="`)
	b.raw(childPath)
	if e.EntryID != 0 {
		b.raw("entries/")
		b.id(e.EntryID)
	} else {
		b.raw("events/")
		b.id(e.EventID)
	}
	b.raw(`" novalidate><input type="hidden" name="version" value="`)
	b.id(int64(e.Version))
	b.raw(`">`)
	if e.EntryID != 0 {
		b.raw(`<input type="hidden" name="date" value="`)
		b.text(e.Date.String())
		b.raw(`"><input type="hidden" name="what" value="`)
		b.text(e.What)
		b.raw(`"><input type="hidden" name="source" value="`)
		b.text(e.Source)
		b.raw(`">`)
	}
	b.raw(`<div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item">`)
	b.raw(`<input class="govuk-checkboxes__input" id="sig-` + key + `" name="significant" type="checkbox" value="yes"`)
	if significant {
		b.raw(" checked")
	}
	b.raw(`><label class="govuk-label govuk-checkboxes__label" for="sig-` + key + `">Significant</label></div></div>`)
	b.raw(`<label class="govuk-label" for="impact-` + key + `">What this meant for the child</label>`)
	b.raw(`<textarea class="govuk-textarea" id="impact-` + key + `" name="impact" rows="2">`)
	b.text(impact)
	b.raw(`</textarea><div class="govuk-button-group">`)
	b.raw(`<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Save</button>`)
	b.raw(`<a class="govuk-link" href="`)
	b.text(p.EditLink)
	b.raw(`#` + key + `">Cancel</a></div></form>`)
}

// timelineItems writes the child's timeline, newest first, as MOJ timeline
// items.
func timelineItems(v *view, events []csc.Event) template.HTML {
	b, direct := v.writer(len(events) * 300)
	for _, e := range events {
		b.raw(`<div class="moj-timeline__item"><div class="moj-timeline__header"><h3 class="moj-timeline__title">`)
		b.text(e.Summary)
		b.raw(`</h3>`)
		if e.StaffName != "" {
			b.raw(` <p class="moj-timeline__byline">by `)
			b.text(e.StaffName)
			b.raw(`</p>`)
		}
		b.raw(`</div><p class="moj-timeline__date"><time datetime="`)
		b.buf.Write(e.At.AppendFormat(b.buf.AvailableBuffer(), time.RFC3339))
		b.raw(`">`)
		b.instant(e.At, whenLayout)
		b.raw("</time></p></div>\n")
	}
	if direct {
		return ""
	}
	return b.html()
}

// queueRows writes the front-door queue's rows: fifty to a page, each with
// seven cells, every one of which html/template would print through
// reflection, most of them through a function called the same way.
func queueRows(items []app.QueueItem) template.HTML {
	b := newHTMLBuilder(len(items) * 900)
	for _, c := range items {
		b.raw(`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/contacts/`)
		b.id(c.ID)
		b.raw(`">Contact `)
		b.id(c.ID)
		b.raw(`</a>`)
		if c.OutOfHours {
			b.raw(`<br><span class="govuk-body-s">Out of hours</span>`)
		}
		b.raw(`</td><td class="govuk-table__cell">`)
		b.text(c.ChildName)
		b.raw(`</td><td class="govuk-table__cell">`)
		b.text(codeLabel("referral-source", c.Source, c.ReceivedAt))
		b.raw(`</td><td class="govuk-table__cell">`)
		b.rag(c.RAG)
		b.raw(`</td><td class="govuk-table__cell">`)
		b.text(whenFmt(c.ReceivedAt, "2 Jan 15:04"))
		b.raw(`<br><span class="govuk-body-s">`)
		b.text(duration(c.Elapsed))
		b.raw(` ago</span></td><td class="govuk-table__cell">`)
		if c.Overdue {
			b.raw(`<strong class="govuk-tag govuk-tag--red">Overdue</strong><br><span class="govuk-body-s">by `)
			b.text(duration(c.Remaining))
			b.raw(`</span>`)
		} else {
			b.raw(`<strong class="govuk-tag govuk-tag--blue">Due</strong><br><span class="govuk-body-s">in `)
			b.text(duration(c.Remaining))
			b.raw(` (by `)
			b.text(whenFmt(c.DueAt, "2 Jan 15:04"))
			b.raw(`)</span>`)
		}
		b.raw(`</td><td class="govuk-table__cell">`)
		b.text(c.TeamName)
		b.raw("</td></tr>\n")
	}
	return b.html()
}

// contactRows writes the rows of a child's contacts on their page: a
// ten-year record shows forty of them, four cells each.
func contactRows(contacts []csc.Contact) template.HTML {
	b := newHTMLBuilder(len(contacts) * 400)
	for _, c := range contacts {
		b.raw(`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/contacts/`)
		b.id(c.ID)
		b.raw(`">`)
		b.text(whenFmt(c.ReceivedAt, "2 Jan 15:04"))
		b.raw(` `)
		b.id(int64(c.ReceivedAt.Year()))
		b.raw(`</a></td><td class="govuk-table__cell">`)
		b.text(codeLabel("referral-source", c.Source, c.ReceivedAt))
		b.raw(`</td><td class="govuk-table__cell">`)
		b.rag(c.RAG)
		b.raw(`</td><td class="govuk-table__cell">`)
		b.text(c.Decision.Label())
		b.raw("</td></tr>\n")
	}
	return b.html()
}

// clockRows writes a table of clocks' rows (the clockTable template), with
// the column of who has each child when owner is true (the template's
// Owner, which a table without the column leaves out): a child's page, a
// worker's tray and a team's page list tens of clocks, each of a dozen
// values.
func clockRows(items []app.TrayItem, owner any) template.HTML {
	b := newHTMLBuilder(len(items) * 700)
	for _, c := range items {
		b.raw("<tr class=\"govuk-table__row\">\n    <td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/people/")
		b.id(c.ChildID)
		b.raw(`">`)
		b.text(c.ChildName)
		b.raw("</a></td>\n    <td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/clocks/")
		b.id(c.ID)
		b.raw(`">`)
		b.text(c.Rule)
		b.raw(`: `)
		b.text(c.Title)
		b.raw("</a></td>\n    <td class=\"govuk-table__cell\">")
		b.date(c.Started)
		b.raw("</td>\n    <td class=\"govuk-table__cell\">")
		if !c.DueAt.IsZero() && c.Rule == "HP-01" {
			b.instant(c.DueAt, whenLayout)
		} else {
			b.date(c.Due)
		}
		b.raw("</td>\n    <td class=\"govuk-table__cell\">")
		clockStatus(b, c)
		b.raw("</td>\n    ")
		if owner == true {
			b.raw(`<td class="govuk-table__cell">`)
			switch {
			case c.StaffName != "":
				b.text(c.StaffName)
			case c.TeamName != "":
				b.text(c.TeamName)
			default:
				b.raw("Unallocated")
			}
			b.raw(`</td>`)
		}
		b.raw(`</tr>`)
	}
	return b.html()
}

// clockStatus writes a clock's status as its tag (the clockStatus
// template), with how late an overdue clock is and whether a reason for
// missing it is signed off.
func clockStatus(b htmlBuilder, c app.TrayItem) {
	switch c.Status {
	case clock.StatusOverdue:
		b.raw(`<strong class="govuk-tag govuk-tag--red">Overdue</strong>`)
		if c.Late != 0 {
			b.raw(`<br><span class="govuk-body-s">by `)
			b.id(int64(c.Late))
			if c.Late == 1 {
				b.raw(` working day</span>`)
			} else {
				b.raw(` working days</span>`)
			}
		}
	case clock.StatusDue:
		b.raw(`<strong class="govuk-tag govuk-tag--orange">Due today</strong>`)
	case clock.StatusOpen:
		b.raw(`<strong class="govuk-tag govuk-tag--blue">Due `)
		b.date(c.Due)
		b.raw(`</strong>`)
	case clock.StatusMet:
		b.raw(`<strong class="govuk-tag govuk-tag--green">Met on time</strong>`)
	case clock.StatusLate:
		b.raw(`<strong class="govuk-tag govuk-tag--red">Met late</strong>`)
	default:
		b.raw(`<strong class="govuk-tag govuk-tag--grey">Stopped</strong>`)
	}
	if c.Explanation != nil {
		if c.Explanation.SignedOffBy != 0 {
			b.raw(`<br><span class="govuk-body-s">Reason signed off</span>`)
		} else {
			b.raw(`<br><span class="govuk-body-s">Reason awaiting sign-off</span>`)
		}
	}
}

// referralRows writes the rows of a child's referrals (CIN episodes) on
// their page, newest first, each with its assessments and any homeless
// presentation: a ten-year record has ten of them, each of a score of
// values.
func referralRows(episodes []app.Episode) template.HTML {
	b := newHTMLBuilder(len(episodes) * 900)
	for i := range episodes {
		e := &episodes[i]
		b.raw("<tr class=\"govuk-table__row\">\n    <td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/referrals/")
		b.id(e.Referral.ID)
		b.raw(`">`)
		b.date(e.Referral.ReferralDate)
		b.raw(`</a>`)
		if e.ReReferral {
			b.raw(` <strong class="govuk-tag govuk-tag--orange">Re-referral</strong>`)
		}
		if e.Referral.PrimaryNeed != "" {
			b.raw(`<br><span class="govuk-body-s">Primary need `)
			b.text(e.Referral.PrimaryNeed)
			b.raw(`</span>`)
		}
		b.raw("</td>\n    <td class=\"govuk-table__cell\">")
		if e.Referral.Open() {
			b.raw(`<strong class="govuk-tag govuk-tag--blue">Open</strong>`)
		} else {
			b.date(e.Referral.ClosureDate)
			b.raw(` (`)
			b.text(e.Referral.ClosureReason)
			b.raw(`)`)
		}
		b.raw("</td>\n    <td class=\"govuk-table__cell\">")
		for _, a := range e.Assessments {
			b.raw(`<a class="govuk-link" href="/assessments/`)
			b.id(a.ID)
			b.raw(`">Started `)
			b.date(a.StartDate)
			b.raw(`</a>: `)
			b.text(a.Status.Label())
			if a.AuthorisedDate.Year != 0 {
				b.raw(` `)
				b.date(a.AuthorisedDate)
			}
			b.raw(`<br>`)
		}
		if len(e.Assessments) == 0 {
			b.raw(`None`)
		}
		b.raw("\n      ")
		for j := range e.Homeless {
			h := &e.Homeless[j]
			b.raw(`<a class="govuk-link" href="/homeless/`)
			b.id(h.ID)
			b.raw(`">Homeless presentation `)
			b.date(h.PresentedOn)
			b.raw(`</a>: `)
			b.text(h.DecisionLabel())
			b.raw(`<br>`)
		}
		b.raw("</td>\n    <td class=\"govuk-table__cell\">")
		b.date(e.HP03Due)
		b.raw("</td>\n  </tr>")
	}
	return b.html()
}
