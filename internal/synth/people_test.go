package synth_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
)

var regexpSW = regexp.MustCompile(`^SW[0-9]{6}$`)

func checkRestricted(t *testing.T, g *generated) {
	n := 0
	g.query(t, func(v []any) {
		n++
		if str(v[1]) == "" || v[2].(int64) == 0 {
			t.Errorf("restricted record %v: reason %q, %v staff named", v[0], str(v[1]), v[2])
		}
	}, `SELECT p.id, p.restriction_reason, (SELECT COUNT(*) FROM person_access a WHERE a.person_id = p.id)
		FROM person p WHERE p.restricted`)
	if n == 0 {
		t.Error("no restricted record")
	}
	// The named staff are the allocated worker and their team manager.
	if bad := g.count(t, `SELECT COUNT(*) FROM person p JOIN allocation a ON a.child_id = p.id AND a.ended_at IS NULL
		WHERE p.restricted AND NOT EXISTS (SELECT 1 FROM person_access x WHERE x.person_id = p.id AND x.staff_id = a.staff_id)`); bad > 0 {
		t.Errorf("%d restricted records are hidden from their own allocated worker", bad)
	}
}

func checkDemoAccounts(t *testing.T, g *generated) {
	want := map[string]csc.Role{"mash": csc.RoleMASH, "sw": csc.RoleSocialWorker, "tm": csc.RoleTeamManager,
		"eh": csc.RoleEarlyHelp, "iro": csc.RoleIRO, "qa": csc.RoleQA, "analyst": csc.RoleAnalyst,
		"support": csc.RoleBusinessSupport, "admin": csc.RoleAdmin, "inspector": csc.RoleInspector,
		"leader": csc.RoleSeniorLeader, "board": csc.RoleBoardMember}
	accounts := map[string]*csc.Staff{}
	err := g.store.Read(context.Background(), func(tx csc.Tx) error {
		for user := range want {
			s, hash, err := tx.FindStaffByUsername(user)
			if err != nil {
				return err
			}
			if hash != "demo-hash" || !s.Demo || !s.Active {
				t.Errorf("demo account %s: hash %q, demo %v, active %v", user, hash, s.Demo, s.Active)
			}
			accounts[user] = s
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for user, role := range want {
		if accounts[user].Role != role {
			t.Errorf("%s has role %s, want %s", user, accounts[user].Role, role)
		}
	}
	if n := g.count(t, `SELECT COUNT(*) FROM staff WHERE demo`); n != len(want) {
		t.Errorf("%d demo accounts, want %d", n, len(want))
	}
	sw, tm := accounts["sw"], accounts["tm"]
	if sw.TeamID == 0 || sw.TeamID != tm.TeamID || !strings.Contains(sw.TeamName, "Assessment") {
		t.Errorf("sw is in %q and tm in %q: want the same assessment team", sw.TeamName, tm.TeamName)
	}
	if !strings.Contains(accounts["mash"].TeamName, "MASH") || !strings.Contains(accounts["eh"].TeamName, "Early Help") {
		t.Errorf("mash is in %q and eh in %q", accounts["mash"].TeamName, accounts["eh"].TeamName)
	}
	if exp := accounts["inspector"].ExpiresAt; !exp.Equal(g.asOf.Add(14 * 24 * time.Hour)) {
		t.Errorf("inspector account expires %v, want 14 days after AsOf", exp)
	}
	caseload := g.count(t, `SELECT COUNT(*) FROM allocation WHERE staff_id = $1 AND ended_at IS NULL`, sw.ID)
	if caseload < 10 || caseload > 16 {
		t.Errorf("sw has %d open cases, want about 12", caseload)
	}
	if n := g.count(t, `SELECT COUNT(*) FROM allocation WHERE staff_id = $1 AND ended_at IS NULL`, accounts["eh"].ID); n < 5 {
		t.Errorf("eh has %d open cases", n)
	}
	if n := g.count(t, `SELECT COUNT(*) FROM person_access a JOIN person p ON p.id = a.person_id
		WHERE a.staff_id = $1 AND p.restricted`, sw.ID); n == 0 {
		t.Error("the demo social worker has no restricted record to show")
	}
}

func checkWorkforce(t *testing.T, g *generated) {
	emp, workers := tally(t, g, `SELECT employment, COUNT(*) FROM staff WHERE role = 'social_worker' AND NOT demo GROUP BY employment`)
	within(t, "agency social workers", emp["agency"], workers, 0.1, 0.3)
	seen := map[string]bool{}
	g.query(t, func(v []any) {
		role, reg := str(v[0]), str(v[1])
		registered := role == "social_worker" || role == "mash_worker" || role == "iro"
		if registered && !regexpSW.MatchString(reg) || reg != "" && seen[reg] {
			t.Errorf("%s with registration %q", role, reg)
		}
		seen[reg] = reg != ""
	}, `SELECT role, registration FROM staff`)
	cases := g.count(t, `SELECT COUNT(*) FROM allocation a JOIN team t ON t.id = a.team_id
		WHERE a.ended_at IS NULL AND t.kind NOT IN ('early_help')`)
	holders := g.count(t, `SELECT COUNT(*) FROM staff s JOIN team t ON t.id = s.team_id
		WHERE s.role = 'social_worker' AND t.kind NOT IN ('out_of_hours')`)
	if perWorker := float64(cases) / float64(holders); perWorker < 10 || perWorker > 20 {
		t.Errorf("%d open cases for %d social workers: %.1f each, want about 15 to 18", cases, holders, perWorker)
	}
}

func checkTimeline(t *testing.T, g *generated) {
	names := map[int64]string{}
	g.query(t, func(v []any) { names[v[0].(int64)] = str(v[1]) + " " + str(v[2]) },
		`SELECT id, given_name, family_name FROM person WHERE kind = 'child'`)
	var staff []string
	g.query(t, func(v []any) { staff = append(staff, str(v[0])) }, `SELECT name FROM staff`)
	kinds := map[string]int{}
	g.query(t, func(v []any) {
		child, summary, at := v[0].(int64), str(v[1]), v[3].(time.Time)
		kinds[str(v[2])]++
		for _, s := range staff { // a worker may share a child's name
			summary = strings.ReplaceAll(summary, s, "")
		}
		if name, ok := names[child]; ok && strings.Contains(summary, name) {
			t.Errorf("event for child %d names them: %q", child, summary)
		}
		if at.After(g.asOf) {
			t.Errorf("event %q for child %d is dated %v, after AsOf", summary, child, at)
		}
	}, `SELECT child_id, summary, kind, at FROM event`)
	// Partner checks and oversight carry the times of the history, not of
	// the generation.
	g.query(t, func(v []any) {
		received, requested, decided := v[1].(time.Time), v[2].(time.Time), v[3]
		if requested.Before(received) || requested.After(g.asOf) {
			t.Errorf("partner check on contact %v requested %v, received %v", v[0], requested, received)
		}
		if d, ok := decided.(time.Time); ok && requested.After(d) {
			t.Errorf("partner check on contact %v requested %v, after the decision at %v", v[0], requested, d)
		}
	}, `SELECT c.id, c.received_at, p.requested_at, c.decided_at FROM partner_check p JOIN contact c ON c.id = p.contact_id`)
	g.query(t, func(v []any) {
		decided, recorded := v[1].(time.Time), v[2].(time.Time)
		if recorded.Before(decided) || recorded.After(g.asOf) {
			t.Errorf("oversight of contact %v recorded %v, decided %v", v[0], recorded, decided)
		}
	}, `SELECT c.id, c.decided_at, o.recorded_at FROM oversight o JOIN contact c ON c.id = o.subject_id`)
	for _, k := range []string{"person", "contact", "screening", "decision", "referral", "oversight", "allocation"} {
		if kinds[k] == 0 {
			t.Errorf("no %s events on any timeline", k)
		}
	}
}

// checkNames looks for the spellings people mix up, so that the people
// search has near-misses to find.
func checkNames(t *testing.T, g *generated) {
	has := map[string]bool{}
	g.query(t, func(v []any) { has[str(v[0])], has[str(v[1])] = true, true },
		`SELECT given_name, family_name FROM person`)
	for _, pair := range [][2]string{{"Smith", "Smyth"}, {"Mohammed", "Muhammad"}, {"Thompson", "Thomson"},
		{"Aaliyah", "Aliyah"}, {"Catherine", "Kathryn"}} {
		if !has[pair[0]] || !has[pair[1]] {
			t.Errorf("want both %s and %s among the names", pair[0], pair[1])
		}
	}
	err := g.store.Read(context.Background(), func(tx csc.Tx) error {
		found, err := tx.FindPeople(csc.PersonQuery{Name: "smyth"})
		smith := 0
		for _, p := range found {
			if p.FamilyName == "Smith" {
				smith++
			}
		}
		if smith == 0 {
			t.Errorf("a search for Smyth found %d people, none called Smith", len(found))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
