package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/web"
)

var ctx = context.Background()

// site is a running test server with a signed-in browser per role.
type site struct {
	*apptest.Env
	srv     *httptest.Server
	clients map[csc.Role]*http.Client
}

func newSite(t *testing.T, e *apptest.Env) *site {
	h, err := web.New(e.App, web.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), InsecureCookies: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	s := &site{Env: e, srv: srv, clients: map[csc.Role]*http.Client{}}
	for _, r := range csc.Roles {
		jar, _ := cookiejar.New(nil)
		u, _ := url.Parse(srv.URL)
		jar.SetCookies(u, []*http.Cookie{{Name: "cairn_session", Value: e.SignIn(t, r), Path: "/"}})
		s.clients[r] = &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	return s
}

func (s *site) do(t *testing.T, r csc.Role, method, path string, form url.Values) (int, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, s.srv.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return s.send(t, r, req)
}

// send makes a request as the role's browser and returns the status and body.
func (s *site) send(t *testing.T, r csc.Role, req *http.Request) (int, string) {
	t.Helper()
	resp, err := s.clients[r].Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// fixture is a fresh child in the assessment team's district, allocated to
// the social worker, with a screened open contact and a decided one.
type fixture struct {
	child, open, decided, letter int64
	version                      int
	clock                        int64 // an overdue contact-decision clock, explained by the MASH worker

	t   *testing.T
	s   *site
	ids map[string]int64 // named records built on demand by fixtureParts
}

// fixtureParts build the further records a route needs, on demand: a route
// whose path says {assessment} gets the part registered (with addPart) as
// "assessment" run once for its fixture. A part sets f.ids[name] (and may set others it makes on the
// way, such as a record's version as "assessment.version").
var fixtureParts = map[string]func(t *testing.T, s *site, f *fixture){}

// addPart registers a fixture part; two parts of the same name are a
// mistake that would silently replace one with the other.
func addPart(name string, build func(t *testing.T, s *site, f *fixture)) {
	if _, dup := fixtureParts[name]; dup {
		panic("web tests: two fixture parts are named " + name)
	}
	fixtureParts[name] = build
}

// id returns the named record of the fixture, building it if need be.
func (f *fixture) id(name string) int64 {
	f.t.Helper()
	switch name {
	case "child":
		return f.child
	case "open":
		return f.open
	case "decided":
		return f.decided
	case "letter":
		return f.letter
	case "clock":
		return f.clock
	}
	if v, ok := f.ids[name]; ok {
		return v
	}
	base, _, _ := strings.Cut(name, ".")
	build, ok := fixtureParts[base]
	if !ok {
		f.t.Fatalf("no fixture part builds %q", name)
	}
	build(f.t, f.s, f)
	v, ok := f.ids[name]
	if !ok {
		f.t.Fatalf("fixture part %q did not set %q", base, name)
	}
	return v
}

var placeholder = regexp.MustCompile(`\{([a-z0-9.\-]+)\}`)

// expand fills a route's {name} placeholders from the fixture.
func (f *fixture) expand(path string) string {
	return placeholder.ReplaceAllStringFunc(path, func(m string) string {
		return fmt.Sprint(f.id(m[1 : len(m)-1]))
	})
}

func (s *site) fixture(t *testing.T) fixture {
	mash := s.Actor(csc.RoleMASH)
	p := s.Child(t, "Iris", fmt.Sprintf("Vale%d", len(s.Audits(t, 0))), "2013-04-04")
	s.Allocate(t, p.ID, s.Staff[csc.RoleSocialWorker])
	c := s.Contact(t, p.ID)
	c, err := s.App.ScreenContact(ctx, mash, c.ID, csc.ScreeningInput{Version: c.Version, RAG: "amber", Risks: "x"})
	if err != nil {
		t.Fatal(err)
	}
	d := s.Contact(t, p.ID)
	d, _ = s.App.ScreenContact(ctx, mash, d.ID, csc.ScreeningInput{Version: d.Version, RAG: "green", Risks: "x"})
	d, err = s.App.DecideContact(ctx, mash, d.ID, csc.DecisionInput{Version: d.Version, Decision: "advice", Rationale: "Advice."})
	if err != nil {
		t.Fatal(err)
	}
	late, err := s.App.RecordContact(ctx, mash, csc.ContactInput{ChildID: p.ID, ReceivedAt: s.Clock.Now().Add(-96 * time.Hour).Format(time.RFC3339),
		Source: "6", Referrer: csc.Referrer{Name: "PC Example"}, PresentingConcerns: "Found alone at night.", Consent: "given"})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.App.ChildRecord(ctx, mash, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var clockID int64
	for _, k := range rec.Clocks {
		if k.Subject == late.ID {
			clockID = k.ID
		}
	}
	if err := s.App.ExplainClock(ctx, mash, clockID, app.ExplainInput{ReasonCode: "capacity"}); err != nil {
		t.Fatal(err)
	}
	return fixture{child: p.ID, open: c.ID, decided: d.ID, letter: d.LetterDocumentID, version: c.Version, clock: clockID,
		t: t, s: s, ids: map[string]int64{}}
}

type route struct {
	method, path string
	form         func(f *fixture) url.Values
	allowed      []csc.Role
}

var (
	viewers        = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleMASH, csc.RoleIRO, csc.RoleQA, csc.RoleAnalyst, csc.RoleBusinessSupport, csc.RoleInspector, csc.RoleSeniorLeader}
	editors        = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleMASH}
	recorders      = []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleMASH, csc.RoleBusinessSupport}
	frontDoor      = []csc.Role{csc.RoleTeamManager, csc.RoleMASH}
	indicatorRoles = []csc.Role{csc.RoleTeamManager, csc.RoleQA, csc.RoleAnalyst, csc.RoleInspector, csc.RoleSeniorLeader}
)

// listings name children in passing (queues, trays, searches, indicators);
// they are audited per child listed, but the fixture's child need not be on
// them, so the route test does not require a row about it.
var listings = []string{"/front-door", "/people?", "/work", "/team", "/indicators", "/admin/settings"}

func isListing(path string) bool {
	for _, l := range listings {
		if strings.HasPrefix(path, l) {
			return true
		}
	}
	return false
}

func personForm(f *fixture) url.Values {
	return url.Values{"kind": {"child"}, "given_name": {"Iris"}, "family_name": {"Vale"}, "date_of_birth": {"2013-04-04"}, "version": {"1"}}
}

// childRoutes is every route that reads or changes a child's record, with
// the roles that may use it. Paths name the fixture's records in braces:
// {child}, {open} (an open contact), {decided} (a decided contact), {letter}
// (its outcome letter), {clock} (an explained overdue clock), and any name
// a fixture part builds. Each later part of the record appends its own
// routes in an init function beside its tests.
var childRoutes = []route{
	{"GET", "/people/{child}", nil, viewers},
	{"GET", "/people/{child}/edit", nil, editors},
	{"POST", "/people/{child}", personForm, editors},
	{"POST", "/people/{child}/relationships", func(f *fixture) url.Values {
		return url.Values{"other_id": {"1"}, "type": {"sibling"}}
	}, editors},
	{"GET", "/people/{child}/restriction", nil, []csc.Role{csc.RoleTeamManager}},
	{"GET", "/people?name=vale", nil, append([]csc.Role{csc.RoleEarlyHelp}, viewers...)},
	{"GET", "/contacts/new?child={child}", nil, recorders},
	{"POST", "/contacts", func(f *fixture) url.Values {
		return url.Values{"child_id": {fmt.Sprint(f.child)}, "received_at": {"2026-03-02T09:00"}, "source": {"6"},
			"referrer_name": {"PC Example"}, "presenting_concerns": {"Concern"}, "consent": {"given"}}
	}, recorders},
	{"GET", "/contacts/{open}", nil, viewers},
	{"POST", "/contacts/{open}/screening", func(f *fixture) url.Values {
		return url.Values{"version": {fmt.Sprint(f.version)}, "rag": {"red"}, "risks": {"Injury"}}
	}, frontDoor},
	{"POST", "/contacts/{open}/checks", func(f *fixture) url.Values { return url.Values{"agency": {"health"}} }, frontDoor},
	{"POST", "/contacts/{open}/decision", func(f *fixture) url.Values {
		return url.Values{"version": {fmt.Sprint(f.version)}, "decision": {"referral"}, "rationale": {"Assess."}}
	}, frontDoor},
	{"POST", "/contacts/{decided}/oversight", func(f *fixture) url.Values {
		return url.Values{"oversight_rationale": {"Agreed."}}
	}, []csc.Role{csc.RoleTeamManager}},
	{"GET", "/documents/{letter}", nil, viewers},
	{"GET", "/front-door", nil, frontDoor},
	{"GET", "/clocks/{clock}", nil, viewers},
	{"POST", "/clocks/{clock}/explanation", func(f *fixture) url.Values {
		return url.Values{"version": {"1"}, "reason_code": {"partner-delay"}}
	}, []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleMASH}},
	{"POST", "/clocks/{clock}/sign-off", func(f *fixture) url.Values { return url.Values{"version": {"1"}} },
		[]csc.Role{csc.RoleTeamManager}},
	{"GET", "/work", nil, []csc.Role{csc.RoleSocialWorker, csc.RoleTeamManager, csc.RoleMASH, csc.RoleEarlyHelp, csc.RoleIRO}},
	{"GET", "/team", nil, []csc.Role{csc.RoleTeamManager}},
	{"GET", "/indicators", nil, indicatorRoles},
	{"GET", "/indicators/HP-01", nil, indicatorRoles},
	{"GET", "/admin/settings", nil, []csc.Role{csc.RoleAdmin}},
	{"GET", "/admin/audit?child={child}", nil, []csc.Role{csc.RoleAdmin}},
}

// TestRoutesAuditAndRefuse proves each route that touches a child's record
// writes an audit row about that child for every role allowed to use it,
// and refuses every other role with 403 and no change.
func TestRoutesAuditAndRefuse(t *testing.T) {
	if testing.Short() {
		t.Skip("the full route matrix runs in the ordinary test run; -short (the race run) skips it")
	}
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		for _, rt := range childRoutes {
			for _, role := range csc.Roles {
				name := rt.method + " " + rt.path + " as " + string(role)
				t.Run(name, func(t *testing.T) {
					f := s.fixture(t)
					path := f.expand(rt.path)
					var form url.Values
					if rt.form != nil {
						form = rt.form(&f)
					}
					before := len(s.Audits(t, f.child))
					st, body := s.do(t, role, rt.method, path, form)
					after := len(s.Audits(t, f.child))
					allowed := false
					for _, a := range rt.allowed {
						allowed = allowed || a == role
					}
					switch {
					case allowed && st >= 400:
						t.Errorf("status %d for an allowed role: %.300s", st, body)
					case allowed && after <= before && !isListing(path):
						t.Errorf("no audit row written about child %d", f.child)
					case !allowed && st != http.StatusForbidden:
						t.Errorf("status %d, want 403", st)
					case !allowed && after != before:
						t.Errorf("a refused request changed the audit trail (%d → %d rows)", before, after)
					}
				})
			}
		}
	})
}

// TestListingsAreAudited checks the queue and search, which list many
// children, leave a trail: each queued contact's child, and each search
// with the records it returned.
func TestListingsAreAudited(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		before := len(s.Audits(t, f.child))
		if st, _ := s.do(t, csc.RoleMASH, "GET", "/front-door", nil); st != 200 {
			t.Fatal(st)
		}
		// The child has two open contacts on the queue: a row for each.
		if got := len(s.Audits(t, f.child)); got != before+2 {
			t.Errorf("the queue listing of the child left %d audit rows, want 2", got-before)
		}
		s.do(t, csc.RoleQA, "GET", "/people?name=iris", nil)
		rows, _, _ := s.App.AuditTrail(ctx, s.Actor(csc.RoleAdmin), csc.AuditQuery{StaffID: s.Staff[csc.RoleQA].ID})
		if len(rows) == 0 || rows[0].Action != "search" || !strings.Contains(rows[0].Detail, fmt.Sprint(f.child)) {
			t.Errorf("search audit: %+v", rows)
		}
	})
}
