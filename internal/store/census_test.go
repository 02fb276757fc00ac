package store_test

import (
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
