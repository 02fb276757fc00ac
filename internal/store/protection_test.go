package store_test

import (
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// TestProtectionRoundTrip stores a strategy discussion, its s47, a
// conference with a plan, an action and a core group, and reads them back
// with their lists; a second s47 from the same discussion and a stale
// version are conflicts; the clock facts carry each step.
func TestProtectionRoundTrip(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		var child csc.Person
		var staff csc.Staff
		var sd csc.Strategy
		var e csc.S47
		var plan csc.CPPlan
		mustWrite(t, db, func(tx csc.Tx) (err error) {
			if child, staff, err = childAndWorker(tx); err != nil {
				return err
			}
			ref := csc.Referral{ChildID: child.ID, ReferralDate: csc.MustParseDate("2026-03-02"), Source: "2A"}
			if err := tx.CreateReferral(&ref); err != nil {
				return err
			}
			sd = csc.Strategy{ChildID: child.ID, ReferralID: ref.ID, HeldAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
				Attendees: []csc.Attendee{{Agency: "police", Name: "PC"}}, Dangers: []csc.DangerGoal{{Danger: "d", Goal: "g"}},
				Scaling: []csc.SafetyScale{{Participant: "p", Score: 4, Reason: "r"}}, Decision: csc.StrategyS47, RecordedByID: staff.ID}
			if err := tx.CreateStrategy(&sd); err != nil {
				return err
			}
			e = csc.S47{ChildID: child.ID, ReferralID: ref.ID, StrategyID: sd.ID, Started: csc.MustParseDate("2026-03-02"), LeadID: staff.ID}
			if err := tx.CreateS47(&e); err != nil {
				return err
			}
			conf := csc.Conference{ChildID: child.ID, ReferralID: ref.ID, Kind: csc.ConferenceInitial, S47ID: e.ID,
				HeldOn: csc.MustParseDate("2026-03-16"), ChairID: staff.ID, Attendance: []csc.ConferenceAttendee{{Name: "x", Attended: true}}}
			if err := tx.CreateConference(&conf); err != nil {
				return err
			}
			plan = csc.CPPlan{ChildID: child.ID, ReferralID: ref.ID, ConferenceID: conf.ID, Start: conf.HeldOn, InitialCategory: "NEG", LatestCategory: "NEG"}
			if err := tx.CreateCPPlan(&plan); err != nil {
				return err
			}
			if err := tx.CreateConferenceDecisions(conf.ID, []csc.ConferenceDecision{{ChildID: child.ID, PlanNeeded: true, Category: "NEG", PlanID: plan.ID}}); err != nil {
				return err
			}
			if err := tx.CreatePlanAction(&csc.PlanAction{PlanID: plan.ID, ChildID: child.ID, What: "w", Who: "m", Due: csc.MustParseDate("2026-04-01")}); err != nil {
				return err
			}
			return tx.CreateCoreGroup(&csc.CoreGroup{PlanID: plan.ID, ChildID: child.ID, HeldOn: csc.MustParseDate("2026-03-20")})
		})
		err := db.Write(ctx, func(tx csc.Tx) error {
			return tx.CreateS47(&csc.S47{ChildID: child.ID, ReferralID: e.ReferralID, StrategyID: sd.ID, Started: e.Started, LeadID: staff.ID})
		})
		if csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a second s47 from one strategy discussion: %v", err)
		}
		err = db.Write(ctx, func(tx csc.Tx) error {
			stale := e
			stale.Version = 7
			return tx.UpdateS47(&stale)
		})
		if csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a stale s47 update: %v", err)
		}
		err = db.Read(ctx, func(tx csc.Tx) error {
			ss, err := tx.ListStrategies(child.ID)
			if err != nil || len(ss) != 1 || ss[0].S47ID != e.ID || ss[0].Scaling[0].Score != 4 || ss[0].Dangers[0].Goal != "g" || ss[0].RecordedBy != "Sam Worker" {
				t.Errorf("strategies %+v, %v", ss, err)
			}
			confs, err := tx.ListConferences(child.ID)
			if err != nil || len(confs) != 1 || len(confs[0].Decisions) != 1 || confs[0].Decisions[0].PlanID != plan.ID || confs[0].ChairName != "Sam Worker" {
				t.Errorf("conferences %+v, %v", confs, err)
			}
			plans, err := tx.ListCPPlans(child.ID)
			if err != nil || len(plans) != 1 || len(plans[0].Actions) != 1 || len(plans[0].CoreGroups) != 1 || !plans[0].Open() {
				t.Errorf("plans %+v, %v", plans, err)
			}
			facts, err := tx.ClockFacts(child.ID, child.ID)
			if err != nil {
				return err
			}
			kinds := map[string]int{}
			for _, s := range facts[0].Steps {
				kinds[s.Kind]++
				if s.Kind == "conference.initial" && s.Parent != e.ID || s.Kind == "core-group.held" && s.Parent != plan.ID {
					t.Errorf("step %+v has the wrong parent", s)
				}
			}
			for _, k := range []string{"s47.started", "conference.initial", "cp-plan.started", "core-group.held"} {
				if kinds[k] != 1 {
					t.Errorf("clock facts: %d %s, want 1 (%v)", kinds[k], k, kinds)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
