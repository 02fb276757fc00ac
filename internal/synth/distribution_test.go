package synth_test

import (
	"strings"
	"testing"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// TestTwoThousandChildren generates the demo-sized authority and checks
// that it looks like one: the proportions a social worker would expect, the
// front door's rules kept, identifiers that parse, and the demo accounts.
func TestTwoThousandChildren(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		g := generate(t, dsn, synth.Options{Children: 2000, Seed: 1, AsOf: asOf, DemoPasswordHash: "demo-hash"})
		t.Run("summary", func(t *testing.T) { checkSummary(t, g) })
		t.Run("decisions", func(t *testing.T) { checkDecisions(t, g) })
		t.Run("sources", func(t *testing.T) { checkSources(t, g) })
		t.Run("ethnicity", func(t *testing.T) { checkEthnicity(t, g) })
		t.Run("identifiers", func(t *testing.T) { checkIdentifiers(t, g) })
		t.Run("front door rules", func(t *testing.T) { checkFrontDoorRules(t, g) })
		t.Run("open contacts", func(t *testing.T) { checkOpenContacts(t, g) })
		t.Run("referrals", func(t *testing.T) { checkReferrals(t, g) })
		t.Run("allocations", func(t *testing.T) { checkAllocations(t, g) })
		t.Run("pathway", func(t *testing.T) { checkPathway(t, g) })
		t.Run("restricted", func(t *testing.T) { checkRestricted(t, g) })
		t.Run("demo accounts", func(t *testing.T) { checkDemoAccounts(t, g) })
		t.Run("workforce", func(t *testing.T) { checkWorkforce(t, g) })
		t.Run("timeline", func(t *testing.T) { checkTimeline(t, g) })
		t.Run("names", func(t *testing.T) { checkNames(t, g) })
	})
}

// within fails the test unless part/whole lies in [lo, hi].
func within(t *testing.T, what string, part, whole int, lo, hi float64) {
	t.Helper()
	share := float64(part) / float64(max(whole, 1))
	if share < lo || share > hi {
		t.Errorf("%s: %d of %d (%.1f%%), want %.0f%% to %.0f%%", what, part, whole, 100*share, 100*lo, 100*hi)
	}
}

// tally counts rows by their first column.
func tally(t *testing.T, g *generated, query string) (map[string]int, int) {
	t.Helper()
	out, total := map[string]int{}, 0
	g.query(t, func(v []any) {
		n := int(v[1].(int64))
		out[str(v[0])] += n
		total += n
	}, query)
	return out, total
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case nil:
		return ""
	}
	panic("not text")
}

func checkSummary(t *testing.T, g *generated) {
	s := g.sum
	if s.Districts != 4 || s.Children != 2000 || s.Documents != 0 || s.Teams < 15 || s.Staff < 40 {
		t.Errorf("summary %+v", s)
	}
	for what, pair := range map[string][2]int{
		"children": {s.Children, g.count(t, `SELECT COUNT(*) FROM person WHERE kind <> 'adult'`)},
		"adults":   {s.Adults, g.count(t, `SELECT COUNT(*) FROM person WHERE kind = 'adult'`)},
		"contacts": {s.Contacts, g.count(t, `SELECT COUNT(*) FROM contact`)},
		"open":     {s.OpenContacts, g.count(t, `SELECT COUNT(*) FROM contact WHERE decision = ''`)},
		"referral": {s.Referrals, g.count(t, `SELECT COUNT(*) FROM referral`)},
		"staff":    {s.Staff, g.count(t, `SELECT COUNT(*) FROM staff`)},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s: summary says %d, the database holds %d", what, pair[0], pair[1])
		}
	}
	within(t, "contacts per child (as a share of 1.5)", s.Contacts, s.Children*3/2, 0.8, 1.1)
	within(t, "children with an open contact", g.count(t, `SELECT COUNT(DISTINCT child_id) FROM contact WHERE decision = ''`), s.Children, 0.01, 0.025)
	within(t, "children with two or more contacts",
		g.count(t, `SELECT COUNT(*) FROM (SELECT child_id FROM contact GROUP BY child_id HAVING COUNT(*) > 1) x`), s.Children, 0.18, 0.3)
	if n := g.count(t, `SELECT COUNT(*) FROM person p WHERE kind <> 'adult' AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.child_id = p.id)`); n != 0 {
		t.Errorf("%d children have no contact", n)
	}
	unborn := g.count(t, `SELECT COUNT(*) FROM person WHERE kind = 'unborn' AND expected_dob IS NOT NULL AND sex = 'U'`)
	within(t, "unborn children", unborn, s.Children, 0.002, 0.012)
	within(t, "children with a disability", g.count(t, `SELECT COUNT(DISTINCT person_id) FROM person_disability WHERE code <> 'NONE'`), s.Children, 0.06, 0.12)
	within(t, "children recorded as having no disability", g.count(t, `SELECT COUNT(DISTINCT person_id) FROM person_disability WHERE code = 'NONE'`), s.Children, 0.86, 0.94)
	if n := g.count(t, `SELECT COUNT(*) FROM person p WHERE kind = 'child' AND NOT EXISTS (SELECT 1 FROM person_disability d WHERE d.person_id = p.id)`); n != 0 {
		t.Errorf("%d children have no disability recorded, not even none (census rule 8540)", n)
	}
}

func checkDecisions(t *testing.T, g *generated) {
	by, total := tally(t, g, `SELECT decision, COUNT(*) FROM contact WHERE decision <> '' GROUP BY decision`)
	within(t, "no further action", by["nfa"], total, 0.2, 0.3)
	within(t, "advice", by["advice"], total, 0.15, 0.25)
	within(t, "early help", by["early_help"], total, 0.15, 0.25)
	within(t, "referral", by["referral"], total, 0.23, 0.33)
	within(t, "strategy discussion", by["strategy"], total, 0.04, 0.1)
	consent, all := tally(t, g, `SELECT consent, COUNT(*) FROM contact GROUP BY consent`)
	within(t, "consent given", consent["given"], all, 0.65, 0.88)
	within(t, "consent refused", consent["refused"], all, 0.04, 0.12)
	within(t, "consent overridden", consent["overridden"], all, 0.015, 0.06)
	ooh, _ := tally(t, g, `SELECT CASE WHEN out_of_hours THEN 'y' ELSE 'n' END, COUNT(*) FROM contact GROUP BY 1`)
	within(t, "out of hours", ooh["y"], all, 0.07, 0.18)
	overseen := g.count(t, `SELECT COUNT(DISTINCT subject_id) FROM oversight WHERE subject_type = 'contact'`)
	within(t, "decided contacts with manager oversight", overseen, total, 0.75, 0.95)
}

func checkSources(t *testing.T, g *generated) {
	by, total := tally(t, g, `SELECT source, COUNT(*) FROM contact GROUP BY source`)
	group := func(codes ...string) int {
		n := 0
		for _, c := range codes {
			n += by[c]
		}
		return n
	}
	within(t, "police", by["6"], total, 0.24, 0.36)
	within(t, "schools", by["2A"], total, 0.13, 0.24)
	within(t, "health", group("3A", "3B", "3C", "3D", "3E", "3F"), total, 0.09, 0.19)
	within(t, "council services", group("5A", "5B", "5C", "5D"), total, 0.08, 0.17)
	within(t, "individuals", group("1A", "1B", "1C", "1D"), total, 0.05, 0.13)
	within(t, "anonymous", by["9"], total, 0.005, 0.03)
	within(t, "housing", by["4"], total, 0.005, 0.04)
	g.query(t, func(v []any) {
		received := v[1].(time.Time)
		if err := csc.CheckCode(csc.ListReferralSource, csc.CollectionYearOf(csc.DateOf(received)), str(v[0])); err != nil {
			t.Errorf("contact source: %v", err)
		}
	}, `SELECT source, received_at FROM contact`)
}

func checkEthnicity(t *testing.T, g *generated) {
	by, total := tally(t, g, `SELECT ethnicity, COUNT(*) FROM person WHERE kind <> 'adult' GROUP BY ethnicity`)
	prefix := func(p string) int {
		n := 0
		for code, c := range by {
			if strings.HasPrefix(code, p) {
				n += c
			}
		}
		return n
	}
	within(t, "White British", by["WBRI"], total, 0.62, 0.72)
	within(t, "Mixed", prefix("M"), total, 0.05, 0.11)
	within(t, "Asian", prefix("A"), total, 0.06, 0.12)
	within(t, "Black", prefix("B"), total, 0.035, 0.09)
	for code := range by {
		if err := csc.CheckCode(csc.ListEthnicity, 2025, code); err != nil {
			t.Error(err)
		}
	}
}

func checkIdentifiers(t *testing.T, g *generated) {
	var children, nhs, schoolAge, upn int
	g.query(t, func(v []any) {
		kind, n, u, pc := str(v[0]), str(v[1]), str(v[2]), str(v[3])
		if n != "" {
			if parsed, err := csc.ParseNHSNumber(n); err != nil || !parsed.IsTestRange() {
				t.Errorf("NHS number of person %v: %v (test range %v)", v[5], err, parsed.IsTestRange())
			}
		}
		if u != "" {
			if _, err := csc.ParseUPN(u); err != nil {
				t.Errorf("UPN of person %v: %v", v[5], err)
			}
		}
		if parsed, err := csc.ParsePostcode(pc); err != nil || string(parsed) != pc || parsed.Area() != "NM" {
			t.Errorf("postcode %q of person %v: %v", pc, v[5], err)
		}
		if kind == "child" {
			children++
			if n != "" {
				nhs++
			}
			// School age for the census of the year: born by 31 August four
			// years before 31 March (census rule 8770Q).
			cut := csc.NewDate(csc.CollectionYearOf(csc.DateOf(g.asOf)).End().Year-4, time.August, 31)
			if dob, ok := v[4].(time.Time); ok && !csc.DateOfUTC(dob).After(cut) {
				schoolAge++
				if u != "" {
					upn++
				}
			} else if u != "" {
				t.Errorf("child %v, under school age, has a UPN", v[5])
			}
		}
	}, `SELECT kind, nhs_number, upn, postcode, date_of_birth, id FROM person`)
	within(t, "children with an NHS number", nhs, children, 0.85, 0.95)
	if upn != schoolAge || schoolAge < children/2 {
		t.Errorf("%d of %d school-age children have a UPN, of %d children", upn, schoolAge, children)
	}
	if n := g.count(t, `SELECT COUNT(*) FROM (SELECT nhs_number FROM person WHERE nhs_number <> '' GROUP BY nhs_number HAVING COUNT(*) > 1) x`); n > 0 {
		t.Errorf("%d NHS numbers are shared", n)
	}
}

func checkFrontDoorRules(t *testing.T, g *generated) {
	late, decided := 0, 0
	g.query(t, func(v []any) {
		id, decision, consent, why, rag := v[0], str(v[1]), str(v[2]), str(v[3]), str(v[4])
		received, due := v[5].(time.Time), v[6].(time.Time)
		if want := clock.WorkingDayDeadline(received, 1, csc.London); !due.Equal(want) {
			t.Errorf("contact %v: due %v, want %v", id, due, want)
		}
		if (consent == "overridden" || consent == "not_sought") && why == "" {
			t.Errorf("contact %v: consent %s without a rationale", id, consent)
		}
		if !received.Before(g.asOf) {
			t.Errorf("contact %v received at %v, after AsOf", id, received)
		}
		if decision == "" {
			return
		}
		decided++
		decidedAt, _ := v[7].(time.Time)
		if rag == "" || decidedAt.Before(received) || !decidedAt.Before(g.asOf) || str(v[8]) == "" {
			t.Errorf("contact %v: decided %s at %v with RAG %q and rationale %q", id, decision, decidedAt, rag, str(v[8]))
		}
		if !decidedAt.Before(due) {
			late++
		}
		if decision == "early_help" && consent != "given" || decision == "referral" && consent == "refused" {
			t.Errorf("contact %v: %s with consent %s", id, decision, consent)
		}
	}, `SELECT id, decision, consent, consent_rationale, rag, received_at, due_at, decided_at, decision_rationale FROM contact`)
	within(t, "decisions after the deadline", late, decided, 0.05, 0.16)
}

func checkOpenContacts(t *testing.T, g *generated) {
	overdue, inTime := 0, 0
	earliest := clock.AddWorkingDays(clock.WorkingDayOnOrBefore(csc.DateOf(g.asOf)), -4)
	g.query(t, func(v []any) {
		received, due := v[0].(time.Time), v[1].(time.Time)
		if csc.DateOf(received).Before(earliest) {
			t.Errorf("open contact received %v, more than three working days before AsOf", received)
		}
		if due.After(g.asOf) {
			inTime++
		} else {
			overdue++
		}
	}, `SELECT received_at, due_at FROM contact WHERE decision = ''`)
	if overdue == 0 || inTime == 0 {
		t.Errorf("open contacts at AsOf: %d overdue, %d not yet due; the queue needs both", overdue, inTime)
	}
	rags, total := tally(t, g, `SELECT rag, COUNT(*) FROM contact WHERE decision = '' GROUP BY rag`)
	if rags[""] == 0 || rags[""] == total {
		t.Errorf("open contacts by rating %v: want some not yet rated and some rated", rags)
	}
}

var reRefWindow = 365 * 24 * time.Hour

func checkReferrals(t *testing.T, g *generated) {
	last := map[int64]time.Time{}
	total, again := 0, 0
	g.query(t, func(v []any) {
		child, date := v[0].(int64), v[1].(time.Time)
		total++
		if prev, ok := last[child]; ok && date.Sub(prev) <= reRefWindow {
			again++
		}
		last[child] = date
		if closed, ok := v[2].(time.Time); ok {
			year := csc.CollectionYearOf(csc.DateOfUTC(closed))
			if err := csc.CheckCode(csc.ListClosureReason, year, str(v[3])); err != nil || closed.Before(date) {
				t.Errorf("referral %v closed %v: %v", v[5], closed, err)
			}
		}
		if err := csc.CheckCode(csc.ListPrimaryNeed, 2025, str(v[4])); err != nil {
			t.Error(err)
		}
	}, `SELECT child_id, referral_date, closure_date, closure_reason, primary_need, id FROM referral ORDER BY child_id, referral_date, id`)
	within(t, "re-referrals within a year", again, total, 0.15, 0.3)
	if n := g.count(t, `SELECT COUNT(*) FROM referral r JOIN contact c ON c.id = r.contact_id
		WHERE c.referral_id = r.id AND c.decision IN ('referral', 'strategy')`); n != total {
		t.Errorf("%d of %d referrals come from a contact decided as a referral and linked to it", n, total)
	}
	reasons, closed := tally(t, g, `SELECT closure_reason, COUNT(*) FROM referral WHERE closure_date IS NOT NULL GROUP BY closure_reason`)
	within(t, "closures RC8 or RC9", reasons["RC8"]+reasons["RC9"], closed, 0.45, 0.85)
}

func checkAllocations(t *testing.T, g *generated) {
	if n := g.count(t, `SELECT COUNT(*) FROM (SELECT child_id FROM allocation WHERE ended_at IS NULL GROUP BY child_id HAVING COUNT(*) > 1) x`); n > 0 {
		t.Errorf("%d children have two open allocations", n)
	}
	g.query(t, func(v []any) {
		start, end := v[1].(time.Time), v[2].(time.Time)
		if end.Before(start) || !start.Before(g.asOf) {
			t.Errorf("allocation %v runs from %v to %v", v[0], start, end)
		}
	}, `SELECT id, started_at, ended_at FROM allocation WHERE ended_at IS NOT NULL`)
	open := g.count(t, `SELECT COUNT(*) FROM referral WHERE closure_date IS NULL`)
	allocated := g.count(t, `SELECT COUNT(*) FROM referral r WHERE closure_date IS NULL AND EXISTS
		(SELECT 1 FROM allocation a JOIN team t ON t.id = a.team_id WHERE a.child_id = r.child_id AND a.ended_at IS NULL AND t.kind <> 'early_help')`)
	within(t, "open referrals allocated to a social work team", allocated, open, 0.85, 1)
	if allocated == open {
		t.Errorf("all %d open referrals are allocated: the demo needs some children waiting for a worker", open)
	}
}

// TestAwkwardDates generates up to a Saturday, a bank holiday and a Monday
// before the office opens, with other seeds, where receipt times, deadlines
// and closures most easily slip past AsOf.
func TestAwkwardDates(t *testing.T) {
	if testing.Short() {
		t.Skip("three more authorities; skipped with -short")
	}
	london := func(y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, csc.London)
	}
	for i, at := range []time.Time{london(2026, time.March, 7, 10, 0), london(2026, time.April, 6, 11, 15),
		london(2026, time.June, 1, 7, 30)} {
		t.Run(at.Format("Mon 2 Jan 2006 15:04"), func(t *testing.T) {
			g := generate(t, storetest.SQLiteDSN(t), synth.Options{Children: 2000, Seed: uint64(100 + i), AsOf: at,
				DemoPasswordHash: "demo-hash"})
			checkFrontDoorRules(t, g)
			checkOpenContacts(t, g)
			checkReferrals(t, g)
			checkAllocations(t, g)
			checkTimeline(t, g)
			checkDemoAccounts(t, g)
		})
	}
}

// checkPathway checks the steps after the front door look like a real
// authority's: most episodes assessed, most assessments within 45 working
// days with identity explored, most initial conferences within 15 working
// days, plans with visits where the child is mostly seen alone.
func checkPathway(t *testing.T, g *generated) {
	episodes := g.count(t, `SELECT COUNT(*) FROM referral WHERE nfa = FALSE`)
	assessed := g.count(t, `SELECT COUNT(DISTINCT referral_id) FROM assessment`)
	within(t, "episodes with an assessment", assessed, episodes, 0.85, 1)
	onTime, authorised := 0, 0
	g.query(t, func(v []any) {
		authorised++
		ref, auth := csc.DateOfUTC(v[0].(time.Time)), csc.DateOfUTC(v[1].(time.Time))
		if !auth.After(clock.AddWorkingDays(ref, 45)) {
			onTime++
		}
		for i, s := range v[2:] {
			if str(s) == "" {
				t.Errorf("authorised assessment with identity aspect %d left blank", i)
			}
		}
	}, `SELECT r.referral_date, a.authorised_date, a.id_ethnicity || a.id_ethnicity_why, a.id_culture || a.id_culture_why,
		a.id_religion || a.id_religion_why, a.id_language || a.id_language_why, a.id_disability || a.id_disability_why,
		a.id_gender || a.id_gender_why, a.id_sexuality || a.id_sexuality_why
		FROM assessment a JOIN referral r ON r.id = a.referral_id WHERE a.status = 'authorised'`)
	within(t, "assessments authorised within 45 working days", onTime, authorised, 0.85, 0.98)

	icpcOnTime, icpcs := 0, 0
	g.query(t, func(v []any) {
		icpcs++
		start, held := csc.DateOfUTC(v[0].(time.Time)), csc.DateOfUTC(v[1].(time.Time))
		if !held.After(clock.AddWorkingDays(start, 15)) {
			icpcOnTime++
		}
	}, `SELECT s.started, c.held_on FROM cp_conference c JOIN s47_enquiry s ON s.id = c.s47_id WHERE c.kind = 'initial'`)
	if icpcs == 0 {
		t.Fatal("no initial child protection conferences")
	}
	within(t, "initial conferences within 15 working days", icpcOnTime, icpcs, 0.75, 0.97)
	if n := g.count(t, `SELECT COUNT(*) FROM cp_plan p WHERE NOT EXISTS
		(SELECT 1 FROM cp_conference_decision d WHERE d.plan_id = p.id)`); n != 0 {
		t.Errorf("%d protection plans made by no conference decision", n)
	}
	if n := g.count(t, `SELECT COUNT(*) FROM cp_plan WHERE end_date < start_date`); n != 0 {
		t.Errorf("%d protection plans end before they start", n)
	}
	plans := g.count(t, `SELECT COUNT(*) FROM cp_plan`)
	visited := g.count(t, `SELECT COUNT(DISTINCT plan_id) FROM visit WHERE plan_kind = 'cp'`)
	within(t, "protection plans with statutory visits", visited, plans, 0.9, 1)
	alone, seen := 0, 0
	g.query(t, func(v []any) {
		seen += int(v[1].(int64))
		if v[0] == true || v[0] == int64(1) {
			alone += int(v[1].(int64))
		}
	}, `SELECT v.seen_alone, COUNT(*) FROM visit v JOIN person p ON p.id = v.child_id
		WHERE v.child_seen = TRUE AND p.date_of_birth < '2020-01-01' GROUP BY v.seen_alone`)
	within(t, "school-age children seen alone on visits", alone, seen, 0.6, 0.85)
	cin := g.count(t, `SELECT COUNT(*) FROM cin_plan`)
	within(t, "child in need plans per protection plan", plans, cin, 0.2, 1)
	if g.count(t, `SELECT COUNT(*) FROM early_help`) == 0 {
		t.Error("no early help episodes")
	}
}
