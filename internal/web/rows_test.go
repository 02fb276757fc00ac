package web

import (
	"html/template"
	"net/url"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/clock"
	"cairn/internal/csc"
)

const hostile = `<script>alert("x")</script> & 'quoted' <b>`

// The rows written in Go escape every value from the record, in text and in
// attributes, as html/template would.
func TestRowsEscapeTheRecordsText(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 30, 0, 0, time.UTC)
	entries := []csc.ChronologyEntry{
		{ChildID: 7, EntryID: 41, Kind: csc.KindManual, Date: csc.MustParseDate("2026-03-04"), What: hostile, Source: hostile,
			By: hostile, Impact: hostile, Significant: true, Version: 3},
		{ChildID: 7, EventID: 90, Kind: "contact", Date: csc.MustParseDate("2026-03-01"), What: "Contact received", By: "Sam"},
		{ChildID: 8, EventID: 91, Kind: "contact", Date: csc.MustParseDate("2026-02-01"), What: "Sibling's contact", ChildName: hostile},
	}
	page := &caseworkPage{Record: &app.ChildRecord{Child: &csc.Person{ID: 7}},
		Chron:    &app.Chronology{Entries: entries, Merged: []csc.Person{{ID: 8}}},
		EditLink: "/people/7/chronology?kind=manual&edit="}
	sw := csc.Actor{StaffID: 1, Role: csc.RoleSocialWorker}
	analyst := csc.Actor{StaffID: 2, Role: csc.RoleAnalyst}
	escaped := `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39; &lt;b&gt;`

	rows := string(chronologyRows(&view{Actor: sw, Data: page}))
	for _, want := range []string{escaped, `id="entry-41"`, `id="event-90"`, "4 March 2026", "Significant</strong>",
		`href="/people/7/chronology?kind=manual&amp;edit=entry-41#entry-41">Change`,
		`href="/people/7/chronology?kind=manual&amp;edit=event-90#event-90">Change`} {
		if !strings.Contains(rows, want) {
			t.Errorf("the rows lack %s:\n%s", want, rows)
		}
	}
	if strings.Contains(rows, "<script>") || strings.Contains(rows, "<b>") || strings.Contains(rows, `"x"`) {
		t.Errorf("the rows print the record's text unescaped:\n%s", rows)
	}
	if strings.Contains(rows, "edit=event-91") || strings.Contains(rows, "<form") {
		t.Errorf("a sibling's entry can be changed here, or a form is open unasked:\n%s", rows)
	}
	if rows := string(chronologyRows(&view{Actor: analyst, Data: page})); strings.Contains(rows, "Change") {
		t.Errorf("someone who may not change the chronology is offered to:\n%s", rows)
	}

	// The entry being changed has its form; after errors it shows what was
	// submitted.
	page.Section = "entry-41"
	rows = string(chronologyRows(&view{Actor: sw, Data: page}))
	for _, want := range []string{`action="/people/7/chronology/entries/41"`, `name="version" value="3"`,
		`name="what" value="` + escaped + `"`, `<textarea class="govuk-textarea" id="impact-entry-41" name="impact" rows="2">` + escaped,
		`id="sig-entry-41" name="significant" type="checkbox" value="yes" checked`} {
		if !strings.Contains(rows, want) {
			t.Errorf("the open form lacks %s:\n%s", want, rows)
		}
	}
	errs := &view{Actor: sw, Data: page, Errors: []csc.FieldError{{Field: "impact", Message: "Too long"}},
		Form: url.Values{"impact": {"Typed <again>"}}}
	rows = string(chronologyRows(errs))
	if !strings.Contains(rows, `rows="2">Typed &lt;again&gt;</textarea>`) || strings.Contains(rows, `value="yes" checked`) {
		t.Errorf("after errors the form does not show what was submitted:\n%s", rows)
	}

	items := string(timelineItems(&view{}, []csc.Event{{Summary: hostile, StaffName: hostile, At: at}, {Summary: "Visit recorded", At: at}}))
	for _, want := range []string{`<h3 class="moj-timeline__title">` + escaped + `</h3>`, `by ` + escaped,
		`<time datetime="2026-03-04T10:30:00Z">4 March 2026 at 10:30</time>`} {
		if !strings.Contains(items, want) {
			t.Errorf("the timeline lacks %s:\n%s", want, items)
		}
	}
	if strings.Contains(items, "<script>") || strings.Count(items, "moj-timeline__byline") != 1 {
		t.Errorf("the timeline prints text unescaped, or a byline with no one:\n%s", items)
	}
}

// The front-door queue's rows escape the record's text and say how long
// each contact has left, or how long it is overdue.
func TestQueueRows(t *testing.T) {
	received := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)
	items := []app.QueueItem{
		{Contact: csc.Contact{ID: 31, ChildName: hostile, TeamName: hostile, Source: "1A", RAG: csc.RAGRed,
			OutOfHours: true, ReceivedAt: received, DueAt: received.Add(24 * time.Hour)},
			Overdue: true, Elapsed: 26 * time.Hour, Remaining: -2 * time.Hour},
		{Contact: csc.Contact{ID: 32, ChildName: "Sam", ReceivedAt: received, DueAt: received.Add(24 * time.Hour)},
			Elapsed: 3 * time.Hour, Remaining: 21 * time.Hour},
	}
	rows := string(queueRows(items))
	escaped := `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39; &lt;b&gt;`
	for _, want := range []string{
		`<a class="govuk-link" href="/contacts/31">Contact 31</a><br><span class="govuk-body-s">Out of hours</span>`,
		`<td class="govuk-table__cell">` + escaped + `</td>`,
		`1A: INDIVIDUAL`, `govuk-tag--red">Red</strong>`, `Overdue</strong><br><span class="govuk-body-s">by 2 hours 0 minutes`,
		`<a class="govuk-link" href="/contacts/32">Contact 32</a></td>`, `govuk-tag--grey">Not rated</strong>`,
		`in 21 hours 0 minutes (by 5 Mar 09:00)`, `4 Mar 09:00<br><span class="govuk-body-s">3 hours 0 minutes ago`,
	} {
		if !strings.Contains(rows, want) {
			t.Errorf("the queue lacks %s:\n%s", want, rows)
		}
	}
	if strings.Contains(rows, "<script>") || strings.Count(rows, "<tr") != 2 {
		t.Errorf("the queue prints text unescaped, or not one row a contact:\n%s", rows)
	}
}

// A child's contacts are written as the template wrote them, cell for
// cell: compared here with the template they replaced, run through
// html/template with the page's functions.
func TestContactRows(t *testing.T) {
	received := time.Date(2026, 3, 4, 9, 5, 0, 0, time.UTC)
	contacts := []csc.Contact{
		{ID: 31, Source: "1A", RAG: csc.RAGRed, Decision: csc.DecisionNFA, ReceivedAt: received},
		{ID: 32, Source: hostile, ReceivedAt: received.AddDate(-3, 0, 0)},
	}
	was := template.Must(template.New("rows").Funcs(funcs).Parse(`{{range .}}<tr class="govuk-table__row">` +
		`<td class="govuk-table__cell"><a class="govuk-link" href="/contacts/{{.ID}}">{{whenShort .ReceivedAt}} {{.ReceivedAt.Year}}</a></td>` +
		`<td class="govuk-table__cell">{{codeLabel "referral-source" .Source .ReceivedAt}}</td>` +
		`<td class="govuk-table__cell"><strong class="govuk-tag {{ragTag .RAG}}">{{.RAG.Label}}</strong></td>` +
		`<td class="govuk-table__cell">{{.Decision.Label}}</td></tr>` + "\n{{end}}"))
	var want strings.Builder
	if err := was.Execute(&want, contacts); err != nil {
		t.Fatal(err)
	}
	if got := string(contactRows(contacts)); got != want.String() {
		t.Errorf("contact rows:\n%s\nthe template wrote:\n%s", got, want.String())
	}
	if !strings.Contains(want.String(), "&lt;script&gt;") || !strings.Contains(want.String(), `href="/contacts/31">4 Mar 09:05 2026</a>`) {
		t.Errorf("the comparison lacks escaped text or a dated link:\n%s", want.String())
	}
}

// Clocks' rows are written as the clockTable template wrote them, for
// every status, with and without the owner's column: compared here with
// the template they replaced, run through html/template with the page's
// functions.
func TestClockRows(t *testing.T) {
	started := csc.MustParseDate("2026-03-02")
	due := csc.MustParseDate("2026-03-04")
	dueAt := time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)
	item := func(id int64, rule string, status clock.Status, late int) app.TrayItem {
		return app.TrayItem{ClockRecord: csc.ClockRecord{ID: id, ChildID: 7, ChildName: "Sam", Rule: rule, Started: started,
			Due: due}, Title: "Child and family assessment", Status: status, Late: late}
	}
	items := []app.TrayItem{
		item(1, "HP-03", clock.StatusOverdue, 3),
		item(2, "HP-03", clock.StatusOverdue, 1),
		item(3, "HP-03", clock.StatusOverdue, 0),
		item(4, "CP-04", clock.StatusDue, 0),
		item(5, "CP-04", clock.StatusOpen, 0),
		item(6, "CP-10", clock.StatusMet, 0),
		item(7, "CP-10", clock.StatusLate, 0),
		item(8, "CP-10", clock.StatusStopped, 0),
		item(9, "HP-01", clock.StatusOpen, 0),
		item(10, "CP-12", clock.StatusOpen, 0),
	}
	items[0].ChildName, items[0].Title, items[0].StaffName = hostile, hostile, hostile
	items[1].TeamName = "MASH & front door"
	items[6].Explanation = &csc.ClockExplanation{SignedOffBy: 4}
	items[7].Explanation = &csc.ClockExplanation{}
	items[8].DueAt = dueAt // the front door's clock falls due at a time
	items[9].DueAt = dueAt // another rule's is shown by its date
	items[9].Started = csc.Date{}
	was := template.Must(template.New("status").Funcs(funcs).Parse(`{{define "clockStatus"}}{{if eq .Status "overdue"}}<strong class="govuk-tag govuk-tag--red">Overdue</strong>{{if .Late}}<br><span class="govuk-body-s">by {{.Late}} working {{plural .Late "day" "days"}}</span>{{end}}{{else if eq .Status "due"}}<strong class="govuk-tag govuk-tag--orange">Due today</strong>{{else if eq .Status "open"}}<strong class="govuk-tag govuk-tag--blue">Due {{date .Due}}</strong>{{else if eq .Status "met"}}<strong class="govuk-tag govuk-tag--green">Met on time</strong>{{else if eq .Status "late"}}<strong class="govuk-tag govuk-tag--red">Met late</strong>{{else}}<strong class="govuk-tag govuk-tag--grey">Stopped</strong>{{end}}{{with .Explanation}}<br><span class="govuk-body-s">{{if .SignedOffBy}}Reason signed off{{else}}Reason awaiting sign-off{{end}}</span>{{end}}{{end}}` +
		`{{define "rows"}}{{range .Items}}<tr class="govuk-table__row">
    <td class="govuk-table__cell"><a class="govuk-link" href="/people/{{.ChildID}}">{{.ChildName}}</a></td>
    <td class="govuk-table__cell"><a class="govuk-link" href="/clocks/{{.ID}}">{{.Rule}}: {{.Title}}</a></td>
    <td class="govuk-table__cell">{{date .Started}}</td>
    <td class="govuk-table__cell">{{if .DueAt.IsZero}}{{date .Due}}{{else if eq .Rule "HP-01"}}{{when .DueAt}}{{else}}{{date .Due}}{{end}}</td>
    <td class="govuk-table__cell">{{template "clockStatus" .}}</td>
    {{if $.Owner}}<td class="govuk-table__cell">{{or .StaffName .TeamName "Unallocated"}}</td>{{end}}</tr>{{end}}{{end}}`))
	for _, owner := range []any{true, false, nil} {
		var want strings.Builder
		if err := was.ExecuteTemplate(&want, "rows", map[string]any{"Items": items, "Owner": owner}); err != nil {
			t.Fatal(err)
		}
		if got := string(clockRows(items, owner)); got != want.String() {
			t.Errorf("owner %v: clock rows:\n%s\nthe template wrote:\n%s", owner, got, want.String())
		}
		if owner == true && (!strings.Contains(want.String(), "&lt;script&gt;") || !strings.Contains(want.String(), "by 3 working days") ||
			!strings.Contains(want.String(), "by 1 working day<") || !strings.Contains(want.String(), "4 March 2026 at 09:30") ||
			!strings.Contains(want.String(), "MASH &amp; front door") || !strings.Contains(want.String(), "Unallocated") ||
			!strings.Contains(want.String(), "Reason awaiting sign-off")) {
			t.Errorf("the comparison lacks a case it should cover:\n%s", want.String())
		}
	}
}

// A child's referrals are written as the template wrote them: open and
// closed, re-referred or not, with and without assessments and homeless
// presentations; compared with the template they replaced.
func TestReferralRows(t *testing.T) {
	d := csc.MustParseDate
	episodes := []app.Episode{
		{Referral: csc.Referral{ID: 12, ReferralDate: d("2026-03-02"), PrimaryNeed: hostile}, ReReferral: true,
			HP03Due: d("2026-05-05"),
			Assessments: []csc.Assessment{
				{ID: 40, StartDate: d("2026-03-03"), Status: csc.AssessmentOpen},
				{ID: 41, StartDate: d("2026-03-04"), Status: csc.AssessmentAuthorised, AuthorisedDate: d("2026-04-01")},
				{ID: 42, StartDate: d("2026-03-05"), Status: csc.AssessmentStatus(hostile)},
			},
			Homeless: []csc.HomelessPresentation{{ID: 5, PresentedOn: d("2026-03-02"), Decision: "accommodated"},
				{ID: 6, PresentedOn: d("2026-03-09")}}},
		{Referral: csc.Referral{ID: 11, ReferralDate: d("2025-01-06"), PrimaryNeed: "N1", ClosureDate: d("2025-06-30"),
			ClosureReason: hostile}, HP03Due: d("2025-03-10")},
	}
	was := template.Must(template.New("rows").Funcs(funcs).Parse(`{{range .}}<tr class="govuk-table__row">
    <td class="govuk-table__cell"><a class="govuk-link" href="/referrals/{{.Referral.ID}}">{{date .Referral.ReferralDate}}</a>{{if .ReReferral}} <strong class="govuk-tag govuk-tag--orange">Re-referral</strong>{{end}}{{with .Referral.PrimaryNeed}}<br><span class="govuk-body-s">Primary need {{.}}</span>{{end}}</td>
    <td class="govuk-table__cell">{{if .Referral.Open}}<strong class="govuk-tag govuk-tag--blue">Open</strong>{{else}}{{date .Referral.ClosureDate}} ({{.Referral.ClosureReason}}){{end}}</td>
    <td class="govuk-table__cell">{{range .Assessments}}<a class="govuk-link" href="/assessments/{{.ID}}">Started {{date .StartDate}}</a>: {{.Status.Label}}{{if .AuthorisedDate.Year}} {{date .AuthorisedDate}}{{end}}<br>{{else}}None{{end}}
      {{range .Homeless}}<a class="govuk-link" href="/homeless/{{.ID}}">Homeless presentation {{date .PresentedOn}}</a>: {{.DecisionLabel}}<br>{{end}}</td>
    <td class="govuk-table__cell">{{date .HP03Due}}</td>
  </tr>{{end}}`))
	var want strings.Builder
	if err := was.Execute(&want, episodes); err != nil {
		t.Fatal(err)
	}
	if got := string(referralRows(episodes)); got != want.String() {
		t.Errorf("referral rows:\n%s\nthe template wrote:\n%s", got, want.String())
	}
	for _, seen := range []string{"&lt;script&gt;", "Re-referral", "In progress", "Authorised 1 April 2026", "None",
		"Accommodated under section 20", "Awaiting the section 20 decision", "30 June 2025 (&lt;script&gt;", "Open</strong>"} {
		if !strings.Contains(want.String(), seen) {
			t.Errorf("the comparison lacks %q:\n%s", seen, want.String())
		}
	}
}
