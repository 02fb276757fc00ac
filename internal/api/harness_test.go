package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// testNow is Monday 2 March 2026, 09:30 in London (GMT): a working day.
var testNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func testClock() time.Time { return testNow }

// fixture is a real API over a real, seeded database and the real service
// layer: a district, a MASH team and an assessment team, and one member of
// staff for each role the tests act as, each with a bearer token.
type fixture struct {
	srv    *httptest.Server
	app    *app.App
	db     *store.DB
	tokens map[string]string
	staff  map[string]csc.Staff
	mash   csc.Team
	assess csc.Team
	logs   *syncBuffer
}

// syncBuffer collects the API's log lines for tests to inspect.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// withAPI runs body against a fresh fixture on every engine available.
func withAPI(t *testing.T, body func(t *testing.T, f *fixture)) {
	storetest.Open(t, testClock, func(t *testing.T, db *store.DB) {
		logs := &syncBuffer{}
		log := slog.New(slog.NewTextHandler(logs, nil))
		a := app.New(db, app.Options{Now: testClock, PasswordCost: app.TestPasswordCost,
			Authority: "Northmoor County Council", Logger: log})
		defer a.Close()
		f := &fixture{app: a, db: db, logs: logs, tokens: map[string]string{}, staff: map[string]csc.Staff{}}
		f.seed(t)
		f.srv = httptest.NewServer(New(a, log))
		defer f.srv.Close()
		body(t, f)
	})
}

// seed writes the organisation directly through the store and mints a
// token for each member of staff, as `cairn user token` does.
func (f *fixture) seed(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	people := []struct {
		key  string
		role csc.Role
		team *csc.Team
	}{
		{"mash", csc.RoleMASH, &f.mash}, {"manager", csc.RoleTeamManager, &f.mash},
		{"social", csc.RoleSocialWorker, &f.assess}, {"earlyhelp", csc.RoleEarlyHelp, &f.assess},
		{"inspector", csc.RoleInspector, nil}, {"admin", csc.RoleAdmin, nil},
	}
	err := f.db.Write(ctx, func(tx csc.Tx) error {
		d := csc.District{Name: "Northmoor East"}
		if err := tx.CreateDistrict(&d); err != nil {
			return err
		}
		f.mash = csc.Team{Name: "Front Door MASH", Kind: csc.TeamMASH, DistrictID: d.ID, Active: true}
		f.assess = csc.Team{Name: "East Assessment", Kind: csc.TeamAssessment, DistrictID: d.ID, Active: true}
		for _, tm := range []*csc.Team{&f.mash, &f.assess} {
			if err := tx.CreateTeam(tm); err != nil {
				return err
			}
		}
		for _, p := range people {
			s := csc.Staff{Username: p.key, Name: "Test " + p.key, Role: p.role, Employment: csc.EmployPermanent, Active: true}
			if p.team != nil {
				s.TeamID = p.team.ID
			}
			if p.role == csc.RoleInspector {
				s.ExpiresAt = testNow.Add(30 * 24 * time.Hour)
			}
			if err := tx.CreateStaff(&s, ""); err != nil {
				return err
			}
			f.staff[p.key] = s
		}
		return nil
	})
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	for _, p := range people {
		tok, err := f.app.CreateToken(ctx, p.key, "test", time.Hour)
		if err != nil {
			t.Fatalf("token for %s: %v", p.key, err)
		}
		f.tokens[p.key] = tok
	}
}

// scenario is one request and what should come back, as pocketbase's API
// tests write them. Token names the member of staff ("" for none); Body is
// sent as application/json unless Headers says otherwise.
type scenario struct {
	Name               string
	Method             string
	URL                string
	Token              string
	Headers            map[string]string
	Body               string
	ExpectedStatus     int
	ExpectedContent    []string
	NotExpectedContent []string
	ExpectedHeaders    map[string]string
}

// run sends the scenario's request and checks the answer, returning the
// response body for later steps.
func (f *fixture) run(t *testing.T, sc scenario) []byte {
	t.Helper()
	var body io.Reader
	if sc.Body != "" {
		body = strings.NewReader(sc.Body)
	}
	req, err := http.NewRequest(sc.Method, f.srv.URL+sc.URL, body)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if sc.Token != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[sc.Token])
	}
	for k, v := range sc.Headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != sc.ExpectedStatus {
		t.Errorf("%s: %s %s: status %d, want %d; body %s", sc.Name, sc.Method, sc.URL, res.StatusCode, sc.ExpectedStatus, clipBody(got))
	}
	for _, want := range sc.ExpectedContent {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("%s: body lacks %q; body %s", sc.Name, want, clipBody(got))
		}
	}
	for _, bad := range sc.NotExpectedContent {
		if bytes.Contains(got, []byte(bad)) {
			t.Errorf("%s: body contains %q; body %s", sc.Name, bad, clipBody(got))
		}
	}
	for k, want := range sc.ExpectedHeaders {
		if g := res.Header.Get(k); g != want {
			t.Errorf("%s: header %s = %q, want %q", sc.Name, k, g, want)
		}
	}
	return got
}

func clipBody(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// mustJSON decodes a response body into v.
func mustJSON(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("decode %s: %v", clipBody(body), err)
	}
}

// jsonBody marshals v for a scenario's Body.
func jsonBody(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// childInput is a valid child for tests to create.
func childInput(given, family, dob, nhs string) csc.PersonInput {
	return csc.PersonInput{Kind: "child", GivenName: given, FamilyName: family, DateOfBirth: dob, Sex: "F",
		Ethnicity: "WBRI", NHSNumber: nhs, Postcode: "NM3 4QT", Address: "1 High Street\nNorthmoor"}
}

// createChild creates a child through the API and returns its id.
func (f *fixture) createChild(t *testing.T, in csc.PersonInput) int64 {
	t.Helper()
	body := f.run(t, scenario{Name: "create child", Method: "POST", URL: "/api/v1/people", Token: "mash",
		Body: jsonBody(t, in), ExpectedStatus: http.StatusCreated})
	var p personJSON
	mustJSON(t, body, &p)
	return p.ID
}

// contactInput is a valid contact about a child from a named GP.
func contactInput(childID int64) csc.ContactInput {
	return csc.ContactInput{ChildID: childID, ReceivedAt: "2026-03-02T08:15:00Z", Source: "3A",
		Referrer: csc.Referrer{Name: "Dr A Patel", Organisation: "Northmoor Surgery", Role: "GP",
			Address: "Northmoor Surgery\nStation Road\nNorthmoor NM1 2AB"},
		PresentingConcerns: "Bruising seen at an appointment; explanation inconsistent.",
		Consent:            "given"}
}

// recordContact records a contact through the API and returns it.
func (f *fixture) recordContact(t *testing.T, in csc.ContactInput) contactJSON {
	t.Helper()
	body := f.run(t, scenario{Name: "record contact", Method: "POST", URL: "/api/v1/contacts", Token: "mash",
		Body: jsonBody(t, in), ExpectedStatus: http.StatusCreated})
	var c contactJSON
	mustJSON(t, body, &c)
	return c
}
