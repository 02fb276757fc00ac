package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"cairn/internal/app/apptest"
	"cairn/internal/csc"
)

func TestSecurityHeadersAndCookies(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.PostForm(s.srv.URL+"/sign-in", url.Values{"username": {"mash_worker"}, "password": {apptest.Password}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("CSP %q", csp)
		}
		if h.Get("X-Frame-Options") != "DENY" || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Cache-Control") != "no-store" {
			t.Errorf("headers %v", h)
		}
		var session *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == "cairn_session" {
				session = c
			}
		}
		if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
			t.Errorf("session cookie %+v", session)
		}
	})
}

func TestCrossSiteFormsAreRefused(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		req, _ := http.NewRequest("POST", s.srv.URL+fmt.Sprintf("/contacts/%d/oversight", f.decided),
			strings.NewReader("oversight_rationale=forged"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		resp, err := s.clients[csc.RoleTeamManager].Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site POST: status %d", resp.StatusCode)
		}
		rec, _ := s.App.ChildRecord(ctx, s.Actor(csc.RoleTeamManager), f.child)
		if len(rec.Oversight) != 0 {
			t.Errorf("a forged oversight was saved")
		}
	})
}

func TestSignedOutIsSentToSignIn(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.Get(s.srv.URL + "/people/1")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/sign-in?next=/people/1" {
			t.Errorf("status %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		resp, _ = http.Get(s.srv.URL + "/healthz")
		if resp.StatusCode != 200 {
			t.Errorf("healthz %d", resp.StatusCode)
		}
	})
}

// TestStaleSaveShowsTheConflict edits a child's details in two browsers: the
// second save gets a conflict page naming what differs, and nothing of it
// is saved.
func TestStaleSaveShowsTheConflict(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		base := url.Values{"kind": {"child"}, "given_name": {"Iris"}, "family_name": {"Vale"}, "date_of_birth": {"2013-04-04"}, "version": {"1"}}
		first := cloneForm(base)
		first.Set("religion", "Quaker")
		if st, body := s.do(t, csc.RoleSocialWorker, "POST", fmt.Sprintf("/people/%d", f.child), first); st != http.StatusSeeOther {
			t.Fatalf("first save: %d %.300s", st, body)
		}
		second := cloneForm(base)
		second.Set("religion", "Buddhist")
		st, body := s.do(t, csc.RoleTeamManager, "POST", fmt.Sprintf("/people/%d", f.child), second)
		if st != http.StatusConflict || !strings.Contains(body, "Someone else changed") || !strings.Contains(body, "Buddhist") || !strings.Contains(body, "Quaker") {
			t.Fatalf("second save: %d %.500s", st, body)
		}
		rec, _ := s.App.ChildRecord(ctx, s.Actor(csc.RoleTeamManager), f.child)
		if rec.Child.Religion != "Quaker" {
			t.Errorf("religion is %q after the refused save", rec.Child.Religion)
		}
	})
}

func cloneForm(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// TestFormErrorsAreSpecific submits bad forms without JavaScript and checks
// the GOV.UK error summary names each problem and links to its field.
func TestFormErrorsAreSpecific(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		st, body := s.do(t, csc.RoleMASH, "POST", "/people", url.Values{"kind": {"child"}, "given_name": {"Zed"},
			"family_name": {"Quorn"}, "date_of_birth": {"2099-01-01"}, "nhs_number": {"123 456 7890"}})
		if st != http.StatusBadRequest || !strings.Contains(body, "govuk-error-summary") ||
			!strings.Contains(body, `href="#date_of_birth"`) || !strings.Contains(body, `href="#nhs_number"`) {
			t.Errorf("person form: %d %.800s", st, body)
		}
		if strings.Contains(body, "1234567890") {
			t.Errorf("the error page repeats the NHS number")
		}
		st, body = s.do(t, csc.RoleMASH, "POST", "/contacts", url.Values{"child_id": {fmt.Sprint(f.child)}, "source": {"ZZ"}, "consent": {"overridden"}})
		for _, want := range []string{`href="#received_at"`, `href="#source"`, `href="#referrer_name"`, `href="#presenting_concerns"`, `href="#consent_rationale"`} {
			if !strings.Contains(body, want) {
				t.Errorf("contact form errors lack %s (status %d)", want, st)
			}
		}
		st, body = s.do(t, csc.RoleMASH, "POST", fmt.Sprintf("/contacts/%d/decision", f.open), url.Values{"version": {fmt.Sprint(f.version)}, "decision": {"nfa"}})
		if st != http.StatusBadRequest || !strings.Contains(body, "Enter the rationale for the decision") {
			t.Errorf("decision without rationale: %d", st)
		}
	})
}

// TestNavigationCountsWorkDue: the navigation's "My work" shows how much of
// the worker's work is overdue or due today, on a page opened with GET (the
// count asked for beside the page's reads) and on a form sent back with its
// errors, and the count follows the work as it comes in.
func TestNavigationCountsWorkDue(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		mash := s.Actor(csc.RoleMASH)
		shows := func(t *testing.T, body string) int {
			t.Helper()
			want, err := s.App.TrayCount(ctx, mash)
			if err != nil {
				t.Fatal(err)
			}
			if want == 0 {
				t.Fatal("the fixture's overdue contact counts for nothing in the MASH worker's tray")
			}
			nav := fmt.Sprintf("My work <span class=\"cairn-count\">(%d<span class=\"govuk-visually-hidden\"> overdue or due today</span>)", want)
			if !strings.Contains(body, nav) {
				i := strings.Index(body, "My work")
				t.Fatalf("the navigation does not show %d: %.200s", want, body[max(i, 0):])
			}
			return want
		}
		st, body := s.do(t, csc.RoleMASH, "GET", fmt.Sprintf("/people/%d", f.child), nil)
		if st != http.StatusOK {
			t.Fatalf("child page: %d", st)
		}
		before := shows(t, body)
		st, body = s.do(t, csc.RoleMASH, "POST", fmt.Sprintf("/contacts/%d/decision", f.open), url.Values{"version": {fmt.Sprint(f.version)}})
		if st != http.StatusBadRequest {
			t.Fatalf("a decision without its fields: %d %.300s", st, body)
		}
		shows(t, body)
		if _, err := s.App.RecordContact(ctx, mash, csc.ContactInput{ChildID: f.child, ReceivedAt: s.Clock.Now().Add(-96 * time.Hour).Format(time.RFC3339),
			Source: "6", Referrer: csc.Referrer{Name: "PC Example"}, PresentingConcerns: "Seen outside at night.", Consent: "given"}); err != nil {
			t.Fatal(err)
		}
		_, body = s.do(t, csc.RoleMASH, "GET", "/front-door", nil)
		if after := shows(t, body); after != before+1 {
			t.Errorf("another overdue contact took the count from %d to %d", before, after)
		}
	})
}
