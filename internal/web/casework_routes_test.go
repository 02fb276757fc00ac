package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
)

// planners keep plans and write chronologies and summaries; noters record
// visits and notes (the IRO and MASH too; early help only for its team).
var (
	planners = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager}
	noters   = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleMASH, csc.RoleIRO}
)

func init() {
	day := csc.DateOf(apptest.Start).String()
	childRoutes = append(childRoutes,
		route{"GET", "/people/{child}/cin-plans/new", nil, planners},
		route{"POST", "/people/{child}/cin-plans", func(f *fixture) url.Values {
			f.id("referral")
			return url.Values{"start_date": {day}}
		}, planners},
		route{"GET", "/people/{child}/cin-plans/{cinplan}", nil, viewers},
		route{"POST", "/people/{child}/cin-plans/{cinplan}/actions", func(f *fixture) url.Values {
			return url.Values{"what": {"Register with a GP"}, "who": {"Mother"}, "due": {day}}
		}, planners},
		route{"POST", "/people/{child}/cin-plans/{cinplan}/actions/{cinplan.action}", func(f *fixture) url.Values {
			return url.Values{"version": {"1"}, "what": {"Register with a GP"}, "who": {"Mother"}, "due": {day}, "done": {day}}
		}, planners},
		route{"POST", "/people/{child}/cin-plans/{cinplan}/reviews", func(f *fixture) url.Values {
			return url.Values{"date": {day}, "attendance": {"Mother"}, "outcome": {"continue"}}
		}, planners},
		route{"POST", "/people/{child}/cin-plans/{cinplan}/end", func(f *fixture) url.Values {
			return url.Values{"version": {"1"}, "end_date": {day}, "end_reason": {"needs-met"}}
		}, planners},
		route{"GET", "/people/{child}/visits", nil, viewers},
		route{"GET", "/people/{child}/visits/new?plan=cin:{cinplan}", nil, noters},
		route{"POST", "/people/{child}/visits", func(f *fixture) url.Values {
			return url.Values{"at": {apptest.Start.Add(-time.Hour).Format("2006-01-02T15:04")}, "type": {"statutory-visit"},
				"plan": {fmt.Sprintf("cin:%d", f.id("cinplan"))}, "child_seen": {"yes"}, "seen_alone": {"yes"},
				"announced": {"announced"}, "observations": {"Seen at home."}}
		}, noters},
		route{"GET", "/people/{child}/visits/{visit}", nil, viewers},
		route{"GET", "/people/{child}/chronology", nil, viewers},
		route{"GET", "/people/{child}/chronology/pdf?significance=significant", nil, viewers},
		route{"POST", "/people/{child}/chronology/entries", func(f *fixture) url.Values {
			return url.Values{"date": {day}, "what": {"Moved house"}, "source": {"Mother"}, "significant": {"yes"}}
		}, planners},
		route{"POST", "/people/{child}/chronology/entries/{chronentry}", func(f *fixture) url.Values {
			return url.Values{"version": {"1"}, "date": {day}, "what": {"Moved house"}, "source": {"Mother"}, "impact": {"New school."}}
		}, planners},
		route{"POST", "/people/{child}/chronology/events/{chronevent}", func(f *fixture) url.Values {
			return url.Values{"version": {"0"}, "significant": {"yes"}, "impact": {"Frightened."}}
		}, planners},
		route{"GET", "/people/{child}/summary", nil, viewers},
		route{"POST", "/people/{child}/summary", func(f *fixture) url.Values {
			return url.Values{"version": {"0"}, "text": {"Lives with her mother."}}
		}, planners},
	)
	// {referral} is built by the assessment routes' fixture part.
	addPart("cinplan", func(t *testing.T, s *site, f *fixture) {
		f.id("referral")
		sw := s.Actor(csc.RoleSocialWorker)
		p, err := s.App.StartCINPlan(ctx, sw, f.child, csc.CINPlanInput{StartDate: csc.DateOf(apptest.Start).AddDays(-1).String()})
		if err != nil {
			// The referral is dated today; start the plan today.
			p, err = s.App.StartCINPlan(ctx, sw, f.child, csc.CINPlanInput{StartDate: csc.DateOf(apptest.Start).String()})
		}
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.App.AddCINAction(ctx, sw, p.ID, csc.CINActionInput{What: "Attend school", Who: "Mother", Due: "2026-04-01"})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["cinplan"], f.ids["cinplan.action"] = p.ID, a.ID
	})
	addPart("visit", func(t *testing.T, s *site, f *fixture) {
		v, err := s.App.RecordVisit(ctx, s.Actor(csc.RoleSocialWorker), f.child, csc.VisitInput{
			At: apptest.Start.Add(-2 * time.Hour).Format(time.RFC3339), Type: csc.VisitCaseNote, Observations: "Called school."})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["visit"] = v.ID
	})
	addPart("chronentry", func(t *testing.T, s *site, f *fixture) {
		e, err := s.App.AddChronologyEntry(ctx, s.Actor(csc.RoleSocialWorker), f.child, csc.ChronologyEntryInput{
			Date: csc.DateOf(apptest.Start).String(), What: "Grandmother died.", Source: "Mother", Significant: true})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["chronentry"] = e.ID
	})
	addPart("chronevent", func(t *testing.T, s *site, f *fixture) {
		c, err := s.App.ChildChronology(ctx, s.Actor(csc.RoleSocialWorker), f.child, csc.ChronologyQuery{})
		if err != nil || len(c.Entries) == 0 {
			t.Fatalf("chronology: %v", err)
		}
		f.ids["chronevent"] = c.Entries[0].EventID
	})
}

// TestCaseworkPages walks the pages: a plan, a visit, the chronology with
// bad filters, and the summary shown first to out-of-hours staff.
func TestCaseworkPages(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		f.id("cinplan")
		st, body := s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d", f.child), nil)
		if st != 200 || !strings.Contains(body, "Plans, visits and notes") || !strings.Contains(body, "Open since") {
			t.Errorf("child page %d: casework section missing", st)
		}
		st, body = s.do(t, csc.RoleSocialWorker, "POST", fmt.Sprintf("/people/%d/cin-plans/%d/end", f.child, f.id("cinplan")),
			url.Values{"version": {"1"}, "end_date": {"2026-03-01"}, "end_reason": {"needs-met"}})
		if st != 400 || !strings.Contains(body, "cannot end before it started") {
			t.Errorf("end before start: %d", st)
		}
		st, body = s.do(t, csc.RoleSocialWorker, "POST", fmt.Sprintf("/people/%d/visits", f.child), url.Values{
			"at": {"2026-03-02T09:00"}, "type": {"statutory-visit"}, "plan": {fmt.Sprintf("cin:%d", f.id("cinplan"))},
			"child_seen": {"yes"}, "seen_alone": {"no"}, "announced": {"announced"}, "observations": {"x"}})
		if st != 400 || !strings.Contains(body, "why the child was not seen alone") {
			t.Errorf("not alone without reason: %d", st)
		}
		st, body = s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d/chronology?from=2026-03-05&to=2026-03-01", f.child), nil)
		if st != 400 || !strings.Contains(body, "on or after its start") {
			t.Errorf("bad period: %d", st)
		}
		long := strings.Repeat("x", app.MaxImpact+1)
		st, body = s.do(t, csc.RoleSocialWorker, "POST", fmt.Sprintf("/people/%d/chronology/entries", f.child), url.Values{
			"date": {"2026-03-01"}, "what": {"x"}, "source": {"y"}, "impact": {long}})
		if st != 400 || !strings.Contains(body, "at most 2000") {
			t.Errorf("long impact: %d", st)
		}
		s.do(t, csc.RoleSocialWorker, "POST", fmt.Sprintf("/people/%d/summary", f.child), url.Values{"version": {"0"}, "text": {"Summary text here."}})
		s.Clock.Advance(time.Hour)
		s.do(t, csc.RoleSocialWorker, "POST", fmt.Sprintf("/people/%d/chronology/entries", f.child), url.Values{
			"date": {"2026-03-02"}, "what": {"x"}, "source": {"y"}, "significant": {"yes"}})
		_, body = s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d", f.child), nil)
		if !strings.Contains(body, "Summary text here.") || !strings.Contains(body, "Summary out of date") {
			t.Errorf("child page does not show the stale summary")
		}
		// The timeline's items, too, are written into the page as it is
		// rendered: all of them under its heading, inside its list.
		before, timeline, _ := strings.Cut(body, `<div class="moj-timeline">`)
		if n := strings.Count(timeline, `<div class="moj-timeline__item">`); n == 0 ||
			strings.Contains(before, "moj-timeline__item") || !strings.Contains(before, `id="timeline">Timeline</h2>`) {
			t.Errorf("the child's timeline (%d items) is not under its heading", n)
		}
		// The chronology's rows are written into the page as it is
		// rendered: they must land inside the table, each once.
		st, body = s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d/chronology", f.child), nil)
		head, rest, ok := strings.Cut(body, `<tbody class="govuk-table__body">`)
		table, tail, ok2 := strings.Cut(rest, "</tbody>")
		if st != 200 || !ok || !ok2 {
			t.Fatalf("chronology page %d has no table body", st)
		}
		if n := strings.Count(table, `<tr class="govuk-table__row" id="entry-`); n != 1 {
			t.Errorf("chronology table has %d manual entries, want 1:\n%s", n, table)
		}
		if strings.Contains(head, `id="entry-`) || strings.Contains(tail, `id="entry-`) ||
			!strings.Contains(tail, "Add an entry") || !strings.Contains(head, "Apply filters") {
			t.Errorf("chronology rows are outside the table, or the page around them is out of order")
		}
		st, body = s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d/chronology/pdf", f.child), nil)
		if st != 200 || !strings.HasPrefix(body, "%PDF") {
			t.Errorf("pdf %d", st)
		}
	})
}
