// Package apptest builds a small, real authority for service, page and API
// tests: a real database (SQLite, and PostgreSQL when CAIRN_TEST_POSTGRES
// is set), the real service layer, a district with its teams, and one
// member of staff for each role, all on a clock the test controls.
package apptest

import (
	"context"
	"sync"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// Env is one test authority.
type Env struct {
	App   *app.App
	DB    *store.DB
	Clock *Clock
	// Staff holds one account per role, keyed by role; Other is a social
	// worker in another district.
	Staff map[csc.Role]*csc.Staff
	Other *csc.Staff
	// Teams: the MASH, an assessment team in district 1 and one in district 2.
	MASH, Assessment, Elsewhere *csc.Team
}

// Clock is a settable clock.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

// Start is the clock's starting time: Monday 2 March 2026, 09:30 in London.
var Start = time.Date(2026, 3, 2, 9, 30, 0, 0, csc.London)

// Run runs body against a fresh authority on each available engine.
func Run(t *testing.T, body func(t *testing.T, e *Env)) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, dsn string) {
		clk := &Clock{t: Start}
		db, err := store.Open(context.Background(), dsn, store.Options{Now: clk.Now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		a := app.New(db, app.Options{Now: clk.Now, PasswordCost: app.TestPasswordCost, Authority: "Northmoor County Council",
			AuthorityAddress: []string{"County Hall", "Northmoor", "NM1 1AA"}, FrontDoorPhone: "0300 555 0100"})
		t.Cleanup(a.Close)
		e := &Env{App: a, DB: db, Clock: clk, Staff: map[csc.Role]*csc.Staff{}}
		if err := e.seed(); err != nil {
			t.Fatal(err)
		}
		body(t, e)
	})
}

func (e *Env) seed() error {
	return e.DB.Write(context.Background(), func(tx csc.Tx) error {
		d1, d2 := &csc.District{Name: "Greyford"}, &csc.District{Name: "Kestrel Coast"}
		for _, d := range []*csc.District{d1, d2} {
			if err := tx.CreateDistrict(d); err != nil {
				return err
			}
		}
		e.MASH = &csc.Team{Name: "Northmoor MASH", Kind: csc.TeamMASH, Active: true}
		e.Assessment = &csc.Team{Name: "Greyford Assessment", Kind: csc.TeamAssessment, DistrictID: d1.ID, Active: true}
		e.Elsewhere = &csc.Team{Name: "Kestrel Coast Assessment", Kind: csc.TeamAssessment, DistrictID: d2.ID, Active: true}
		eh := &csc.Team{Name: "Greyford Early Help", Kind: csc.TeamEarlyHelp, DistrictID: d1.ID, Active: true}
		for _, t := range []*csc.Team{e.MASH, e.Assessment, e.Elsewhere, eh} {
			if err := tx.CreateTeam(t); err != nil {
				return err
			}
		}
		hash, err := app.HashPassword(Password, app.TestPasswordCost)
		if err != nil {
			return err
		}
		teamOf := map[csc.Role]*csc.Team{csc.RoleMASH: e.MASH, csc.RoleSocialWorker: e.Assessment,
			csc.RoleTeamManager: e.Assessment, csc.RoleEarlyHelp: eh, csc.RoleBusinessSupport: e.Assessment}
		for _, r := range csc.Roles {
			s := &csc.Staff{Username: string(r), Name: "Test " + r.Label(), Role: r, Active: true, Employment: csc.EmployPermanent}
			if t, ok := teamOf[r]; ok {
				s.TeamID, s.DistrictID = t.ID, t.DistrictID
			}
			if r == csc.RoleInspector {
				s.ExpiresAt = Start.Add(14 * 24 * time.Hour)
			}
			if err := tx.CreateStaff(s, hash); err != nil {
				return err
			}
			e.Staff[r] = s
		}
		e.Other = &csc.Staff{Username: "elsewhere", Name: "Test Worker Elsewhere", Role: csc.RoleSocialWorker,
			TeamID: e.Elsewhere.ID, DistrictID: d2.ID, Active: true}
		return tx.CreateStaff(e.Other, hash)
	})
}

// Password is every test account's password.
const Password = "a test password"

// SignIn signs in the member of staff with the role and returns the
// session token for the cookie.
func (e *Env) SignIn(t testing.TB, r csc.Role) string {
	t.Helper()
	tok, _, err := e.App.SignIn(context.Background(), e.Staff[r].Username, Password, "127.0.0.1")
	if err != nil {
		t.Fatalf("sign in as %s: %v", r, err)
	}
	return tok
}

// Actor is the web actor for the member of staff with the role.
func (e *Env) Actor(r csc.Role) csc.Actor { return e.Staff[r].Actor(csc.ChannelWeb) }

// Child creates a child through the service layer as the MASH worker.
func (e *Env) Child(t testing.TB, given, family, dob string) *csc.Person {
	t.Helper()
	p, err := e.App.CreatePerson(context.Background(), e.Actor(csc.RoleMASH),
		csc.PersonInput{Kind: "child", GivenName: given, FamilyName: family, DateOfBirth: dob, Sex: "F", Ethnicity: "WBRI"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Allocate puts a child on a worker's caseload.
func (e *Env) Allocate(t testing.TB, childID int64, s *csc.Staff) {
	t.Helper()
	err := e.DB.Write(context.Background(), func(tx csc.Tx) error {
		return tx.CreateAllocation(&csc.Allocation{ChildID: childID, StaffID: s.ID, TeamID: s.TeamID})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Contact records a contact about a child, received now, from a school.
func (e *Env) Contact(t testing.TB, childID int64) *csc.Contact {
	t.Helper()
	c, err := e.App.RecordContact(context.Background(), e.Actor(csc.RoleMASH), csc.ContactInput{
		ChildID: childID, ReceivedAt: e.Clock.Now().Format(time.RFC3339), Source: "2A",
		Referrer:           csc.Referrer{Name: "Pat Teacher", Organisation: "Greyford Primary School", Address: "1 School Lane\nGreyford\nNM2 3AB"},
		PresentingConcerns: "Arrived hungry three days this week.", Consent: "given"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Audits returns the audit rows about a child.
func (e *Env) Audits(t testing.TB, childID int64) []csc.AuditEntry {
	t.Helper()
	var out []csc.AuditEntry
	err := e.DB.Read(context.Background(), func(tx csc.Tx) error {
		var err error
		out, _, err = tx.FindAudit(csc.AuditQuery{ChildID: childID, Limit: 1000})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
