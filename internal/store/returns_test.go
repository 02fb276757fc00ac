package store_test

import (
	"reflect"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// TestCensusEnquiryConcludedAfterYear reads an enquiry that began in March
// and concluded in April into two censuses: at 31 March it is still under
// way (the census must not say no conference was needed before anyone
// knew), and in the next year's census it has concluded.
func TestCensusEnquiryConcludedAfterYear(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		var child csc.Person
		var staff csc.Staff
		mustWrite(t, db, func(tx csc.Tx) (err error) {
			if child, staff, err = childAndWorker(tx); err != nil {
				return err
			}
			ref := csc.Referral{ChildID: child.ID, ReferralDate: csc.MustParseDate("2026-03-30"), Source: "2A", PrimaryNeed: "N1"}
			if err := tx.CreateReferral(&ref); err != nil {
				return err
			}
			sd := csc.Strategy{ChildID: child.ID, ReferralID: ref.ID, HeldAt: time.Date(2026, 3, 30, 14, 0, 0, 0, time.UTC),
				Decision: csc.StrategyS47, RecordedByID: staff.ID}
			if err := tx.CreateStrategy(&sd); err != nil {
				return err
			}
			e := csc.S47{ChildID: child.ID, ReferralID: ref.ID, StrategyID: sd.ID, Started: csc.MustParseDate("2026-03-31"), LeadID: staff.ID}
			if err := tx.CreateS47(&e); err != nil {
				return err
			}
			e.Outcome, e.OutcomeDate = csc.S47NotSubstantiated, csc.MustParseDate("2026-04-20")
			return tx.UpdateS47(&e)
		})
		for _, c := range []struct {
			from, to  string
			concluded bool
		}{{"2025-04-01", "2026-03-31", false}, {"2026-04-01", "2027-03-31", true}} {
			err := db.Read(ctx, func(tx csc.Tx) error {
				kids, err := tx.CensusChildren(csc.MustParseDate(c.from), csc.MustParseDate(c.to), child.ID, child.ID)
				if err != nil {
					return err
				}
				if len(kids) != 1 || len(kids[0].Episodes) != 1 || len(kids[0].Episodes[0].S47s) != 1 {
					t.Fatalf("census %s to %s: %+v", c.from, c.to, kids)
				}
				if s := kids[0].Episodes[0].S47s[0]; s.Concluded != c.concluded || s.ConferenceNeeded {
					t.Errorf("census %s to %s: enquiry %+v, want concluded %v", c.from, c.to, s, c.concluded)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestAnnexAPlansAndConferences reads the Annex A material of two children
// on protection plans from one household's conferences: the initial
// conference followed the elder's enquiry and made plans for both; a
// review of the household decided about both plans, and a later review
// was the younger's alone. Each plan's latest review, the enquiry's
// conference and plan, and which of each episode's plans were open are
// what lists 5 to 7 show.
func TestAnnexAPlansAndConferences(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		d := csc.MustParseDate
		var elder, younger csc.Person
		var staff csc.Staff
		mustWrite(t, db, func(tx csc.Tx) (err error) {
			if elder, staff, err = childAndWorker(tx); err != nil {
				return err
			}
			younger = csc.Person{Kind: csc.KindChild, GivenName: "C", FamilyName: "B", DateOfBirth: d("2019-05-01")}
			if err := tx.CreatePerson(&younger); err != nil {
				return err
			}
			refs := map[int64]*csc.Referral{}
			for _, c := range []int64{elder.ID, younger.ID} {
				refs[c] = &csc.Referral{ChildID: c, ReferralDate: d("2025-12-01"), Source: "2A", PrimaryNeed: "N1"}
				if err := tx.CreateReferral(refs[c]); err != nil {
					return err
				}
			}
			sd := csc.Strategy{ChildID: elder.ID, ReferralID: refs[elder.ID].ID, HeldAt: time.Date(2025, 12, 2, 10, 0, 0, 0, time.UTC),
				Decision: csc.StrategyS47, RecordedByID: staff.ID}
			if err := tx.CreateStrategy(&sd); err != nil {
				return err
			}
			e := csc.S47{ChildID: elder.ID, ReferralID: refs[elder.ID].ID, StrategyID: sd.ID, Started: d("2025-12-02"), LeadID: staff.ID}
			if err := tx.CreateS47(&e); err != nil {
				return err
			}
			conference := func(c *csc.Conference, plans ...*csc.CPPlan) error {
				c.ChairID = staff.ID
				if err := tx.CreateConference(c); err != nil {
					return err
				}
				var ds []csc.ConferenceDecision
				for _, p := range plans {
					if p.ID == 0 {
						p.ConferenceID = c.ID
						if err := tx.CreateCPPlan(p); err != nil {
							return err
						}
					}
					ds = append(ds, csc.ConferenceDecision{ChildID: p.ChildID, PlanNeeded: true, Category: "NEG", PlanID: p.ID})
				}
				return tx.CreateConferenceDecisions(c.ID, ds)
			}
			plans := map[int64]*csc.CPPlan{}
			for _, c := range []int64{elder.ID, younger.ID} {
				plans[c] = &csc.CPPlan{ChildID: c, ReferralID: refs[c].ID, Start: d("2026-01-05"), InitialCategory: "NEG", LatestCategory: "NEG"}
			}
			if err := conference(&csc.Conference{ChildID: elder.ID, ReferralID: refs[elder.ID].ID, Kind: csc.ConferenceInitial,
				S47ID: e.ID, HeldOn: d("2026-01-05")}, plans[elder.ID], plans[younger.ID]); err != nil {
				return err
			}
			if err := conference(&csc.Conference{ChildID: elder.ID, ReferralID: refs[elder.ID].ID, Kind: csc.ConferenceReview,
				PlanID: plans[elder.ID].ID, HeldOn: d("2026-02-10")}, plans[elder.ID], plans[younger.ID]); err != nil {
				return err
			}
			if err := conference(&csc.Conference{ChildID: younger.ID, ReferralID: refs[younger.ID].ID, Kind: csc.ConferenceReview,
				PlanID: plans[younger.ID].ID, HeldOn: d("2026-03-02")}, plans[younger.ID]); err != nil {
				return err
			}
			return tx.CreateCINPlan(&csc.CINPlan{ChildID: younger.ID, ReferralID: refs[younger.ID].ID, StartDate: d("2025-12-10"),
				EndDate: d("2026-01-05"), StartedByID: staff.ID})
		})
		err := db.Read(ctx, func(tx csc.Tx) error {
			a, err := tx.AnnexA(d("2025-03-04"), d("2026-03-04"), elder.ID, younger.ID)
			if err != nil {
				return err
			}
			want := map[int64]string{elder.ID: "2026-02-10", younger.ID: "2026-03-02"}
			if len(a.CPPlans) != 2 {
				t.Fatalf("plans %+v", a.CPPlans)
			}
			for _, p := range a.CPPlans {
				if p.LastReview.String() != want[p.ChildID] {
					t.Errorf("child %d's plan: latest review %s, want %s", p.ChildID, p.LastReview, want[p.ChildID])
				}
			}
			if len(a.S47s) != 1 || a.S47s[0].InitialCPC != d("2026-01-05") || !a.S47s[0].Plan {
				t.Errorf("enquiries %+v", a.S47s)
			}
			for _, c := range a.CIN {
				if !c.CPPlan || c.CINPlan != (c.ChildID == younger.ID) {
					t.Errorf("episode of child %d: CIN plan %v, protection plan %v", c.ChildID, c.CINPlan, c.CPPlan)
				}
			}
			if len(a.CIN) != 2 {
				t.Errorf("episodes %+v", a.CIN)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// A child's page reads the census data of the one child in statements of
// their own (by id, not by a range of ids): what it reads must be exactly
// that child's part of the census of the whole authority.
func TestCensusOfOneChildIsTheirPartOfTheWhole(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		db := synthAuthority(t, dsn, 300, 5)
		from, to := csc.CollectionYearOf(csc.DateOf(synthAsOf)).Start(), csc.DateOf(synthAsOf)
		err := db.Read(ctx, func(tx csc.Tx) error {
			all, err := tx.CensusChildren(from, to, 1, 1<<40)
			if err != nil {
				return err
			}
			var plans, enquiries int
			for _, want := range all {
				got, err := tx.CensusChildren(from, to, want.ID, want.ID)
				if err != nil {
					return err
				}
				if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
					t.Errorf("child %d alone:\n%+v\nin the whole census:\n%+v", want.ID, got, want)
				}
				for _, e := range want.Episodes {
					plans += len(e.ProtectionPlan)
					enquiries += len(e.S47s)
				}
			}
			if len(all) < 20 || plans == 0 || enquiries == 0 {
				t.Errorf("the census has %d children, %d protection plans and %d enquiries: too few to compare", len(all), plans, enquiries)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
