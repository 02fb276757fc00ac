package app_test

import (
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
)

func TestSearchToleratesSpelling(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash := e.Actor(csc.RoleMASH)
		want := e.Child(t, "Kathryn", "Thompson", "2014-09-09")
		e.Child(t, "Oliver", "Ngata", "2014-09-09")
		for _, q := range []csc.PersonQuery{{Name: "catherine thomson"}, {Name: "Kathryn"}, {Name: "thom"},
			{Name: "kathrin tompson"}, {DateOfBirth: "2014-09-09", Name: "thompson"}} {
			res, err := e.App.SearchPeople(ctx, mash, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) == 0 || res[0].ID != want.ID {
				t.Errorf("search %+v: first result %v", q, res)
			}
		}
		res, _ := e.App.SearchPeople(ctx, mash, csc.PersonQuery{DateOfBirth: "2014-09-09"})
		if len(res) != 2 {
			t.Errorf("date of birth search found %d", len(res))
		}
		if _, err := e.App.SearchPeople(ctx, mash, csc.PersonQuery{}); csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("empty search: %v", err)
		}
		_, err := e.App.SearchPeople(ctx, mash, csc.PersonQuery{NHSNumber: "943 476 5910"})
		if csc.ErrorKind(err) != csc.Invalid || strings.Contains(fieldsOf(err), "943") {
			t.Errorf("bad NHS number in search: %v", err)
		}
	})
}

func TestLikelyDuplicatesBeforeCreating(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash := e.Actor(csc.RoleMASH)
		existing := e.Child(t, "Mohammed", "Khan", "2017-01-20")
		dups, err := e.App.LikelyDuplicates(ctx, mash, csc.PersonInput{GivenName: "Muhammad", FamilyName: "Khan", DateOfBirth: "2017-01-20"})
		if err != nil || len(dups) != 1 || dups[0].ID != existing.ID {
			t.Errorf("duplicates %v, %v", dups, err)
		}
		dups, _ = e.App.LikelyDuplicates(ctx, mash, csc.PersonInput{GivenName: "Muhammad", FamilyName: "Khan", DateOfBirth: "2019-01-20"})
		if len(dups) != 0 {
			t.Errorf("a different date of birth is not a likely duplicate: %v", dups)
		}
	})
}

func TestPersonValidation(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash := e.Actor(csc.RoleMASH)
		cases := map[string]struct {
			in    csc.PersonInput
			field string
		}{
			"future date of birth":    {csc.PersonInput{GivenName: "A", FamilyName: "B", DateOfBirth: "2027-01-01"}, "date_of_birth"},
			"impossible date":         {csc.PersonInput{GivenName: "A", FamilyName: "B", DateOfBirth: "2023-02-29"}, "date_of_birth"},
			"bad NHS number":          {csc.PersonInput{GivenName: "A", FamilyName: "B", DateOfBirth: "2020-01-01", NHSNumber: "9434765910"}, "nhs_number"},
			"bad ethnicity":           {csc.PersonInput{GivenName: "A", FamilyName: "B", DateOfBirth: "2020-01-01", Ethnicity: "XXXX"}, "ethnicity"},
			"bad postcode":            {csc.PersonInput{GivenName: "A", FamilyName: "B", DateOfBirth: "2020-01-01", Postcode: "12345"}, "postcode"},
			"no family name":          {csc.PersonInput{GivenName: "A", DateOfBirth: "2020-01-01"}, "family_name"},
			"unborn with no due date": {csc.PersonInput{Kind: "unborn", FamilyName: "B"}, "expected_date_of_birth"},
		}
		for name, tc := range cases {
			_, err := e.App.CreatePerson(ctx, mash, tc.in)
			if csc.ErrorKind(err) != csc.Invalid || !strings.Contains(fieldsOf(err), tc.field+":") {
				t.Errorf("%s: %v (%s)", name, err, fieldsOf(err))
			}
			if strings.Contains(err.Error(), "9434765910") {
				t.Errorf("%s: the error repeats the NHS number", name)
			}
		}
	})
}

func TestStaleEditIsRefused(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw, tm := e.Actor(csc.RoleSocialWorker), e.Actor(csc.RoleTeamManager)
		p := e.Child(t, "Finn", "Garcia", "2015-05-05")
		in := csc.PersonInput{Kind: "child", GivenName: "Finn", FamilyName: "Garcia", DateOfBirth: "2015-05-05", Religion: "Catholic"}
		if _, err := e.App.UpdatePerson(ctx, sw, p.ID, p.Version, in); err != nil {
			t.Fatal(err)
		}
		in.Religion = "None"
		if _, err := e.App.UpdatePerson(ctx, tm, p.ID, p.Version, in); csc.ErrorKind(err) != csc.Conflict {
			t.Fatalf("stale edit: %v", err)
		}
		rec, _ := e.App.ChildRecord(ctx, tm, p.ID)
		if rec.Child.Religion != "Catholic" {
			t.Errorf("the stale edit overwrote the record: %q", rec.Child.Religion)
		}
	})
}

func TestScopeAndRestriction(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		child := e.Child(t, "Gia", "Patel", "2010-10-10")
		e.Allocate(t, child.ID, e.Staff[csc.RoleSocialWorker])
		if _, err := e.App.ChildRecord(ctx, e.Other.Actor(csc.ChannelWeb), child.ID); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a worker in another district read the record: %v", err)
		}
		if _, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleAdmin), child.ID); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("the administrator read a child's record: %v", err)
		}
		if _, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleEarlyHelp), child.ID); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("early help (team scope) read another team's child: %v", err)
		}
		tm := e.Actor(csc.RoleTeamManager)
		rec, _ := e.App.ChildRecord(ctx, tm, child.ID)
		err := e.App.SetRestriction(ctx, tm, child.ID, app.RestrictionInput{Version: rec.Child.Version, Restricted: true,
			Reason: "Child of a member of staff", StaffIDs: []int64{e.Staff[csc.RoleSocialWorker].ID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.ChildRecord(ctx, e.Actor(csc.RoleSocialWorker), child.ID); err != nil {
			t.Errorf("a named worker was refused: %v", err)
		}
		for _, r := range []csc.Role{csc.RoleMASH, csc.RoleQA, csc.RoleInspector} {
			if _, err := e.App.ChildRecord(ctx, e.Actor(r), child.ID); csc.ErrorKind(err) != csc.Forbidden {
				t.Errorf("%s opened a restricted record: %v", r, err)
			}
			res, _ := e.App.SearchPeople(ctx, e.Actor(r), csc.PersonQuery{Name: "patel"})
			if len(res) != 0 {
				t.Errorf("%s found a restricted record in search", r)
			}
		}
	})
}

func TestEveryReadIsAudited(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		qa := e.Actor(csc.RoleQA)
		child := e.Child(t, "Hana", "Sato", "2012-12-12")
		before := len(e.Audits(t, child.ID))
		for range 3 {
			if _, err := e.App.ChildRecord(ctx, qa, child.ID); err != nil {
				t.Fatal(err)
			}
		}
		rows := e.Audits(t, child.ID)
		if len(rows) != before+3 || rows[0].Action != "view" || rows[0].StaffID != qa.StaffID {
			t.Errorf("audit rows after 3 reads: %d (was %d): %+v", len(rows), before, rows[0])
		}
		trail, _, err := e.App.AuditTrail(ctx, e.Actor(csc.RoleAdmin), csc.AuditQuery{StaffID: qa.StaffID})
		if err != nil || len(trail) != 3 {
			t.Errorf("what the auditor viewed: %d rows, %v", len(trail), err)
		}
		if _, _, err := e.App.AuditTrail(ctx, qa, csc.AuditQuery{ChildID: child.ID}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("QA read the audit trail: %v", err)
		}
	})
}

func TestSignIn(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		admin := e.Actor(csc.RoleAdmin)
		s, err := e.App.SaveStaff(ctx, admin, 0, csc.StaffInput{Username: "jo.bloggs", Name: "Jo Example", Role: "social_worker",
			TeamID: e.Assessment.ID, Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.App.SignIn(ctx, "jo.bloggs", "wrong password!!", "192.0.2.1"); csc.ErrorKind(err) != csc.Unauthenticated {
			t.Errorf("wrong password: %v", err)
		}
		tok, actor, err := e.App.SignIn(ctx, "Jo.Bloggs ", "correct horse battery", "192.0.2.1")
		if err != nil || actor.StaffID != s.ID {
			t.Fatalf("sign in: %v", err)
		}
		if got, err := e.App.Session(ctx, tok); err != nil || got.StaffID != s.ID {
			t.Errorf("session: %v", err)
		}
		for range 5 {
			e.App.SignIn(ctx, "jo.bloggs", "guess", "192.0.2.2")
		}
		if _, _, err := e.App.SignIn(ctx, "jo.bloggs", "correct horse battery", "192.0.2.3"); csc.ErrorKind(err) != csc.TooMany {
			t.Errorf("after five failures: %v", err)
		}
		e.Clock.Advance(16 * time.Minute)
		if _, _, err := e.App.SignIn(ctx, "jo.bloggs", "correct horse battery", "192.0.2.3"); err != nil {
			t.Errorf("after the window: %v", err)
		}
		_, err = e.App.SaveStaff(ctx, admin, 0, csc.StaffInput{Username: "insp", Name: "An Inspector", Role: "inspector", Password: "long enough password"})
		if !strings.Contains(fieldsOf(err), "expires_on") {
			t.Errorf("an inspector without expiry: %v", err)
		}
	})
}

func TestDemoAccountsOnlyInDemoMode(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		hash, _ := e.App.DemoPasswordHash()
		err := e.DB.Write(ctx, func(tx csc.Tx) error {
			return tx.CreateStaff(&csc.Staff{Username: "mashdemo", Name: "Demo", Role: csc.RoleMASH, Active: true, Demo: true}, hash)
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.App.SignIn(ctx, "mashdemo", app.DemoPassword, "192.0.2.9"); csc.ErrorKind(err) != csc.Unauthenticated {
			t.Errorf("a demo account signed in outside demo mode: %v", err)
		}
		demo := app.New(e.DB, app.Options{Demo: true, Now: e.Clock.Now, PasswordCost: app.TestPasswordCost})
		defer demo.Close()
		if _, _, err := demo.SignIn(ctx, "mashdemo", app.DemoPassword, "192.0.2.9"); err != nil {
			t.Errorf("demo sign-in in demo mode: %v", err)
		}
	})
}
