package synth_test

import (
	"context"
	"testing"

	"cairn/internal/csc"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// TestDemoBoards checks the boards a demo visitor finds: an improvement
// board, a scrutiny committee and a corporate parenting board, each with
// meetings held and minuted and its next one scheduled, and resolutions in
// every state the brief asks for — done, carried forward, open and
// overdue, due at the next meeting — raised only at meetings that have met,
// never due before them, and some linked to the improvement plan's actions
// and an inspection's findings.
func TestDemoBoards(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		g := generate(t, dsn, synth.Options{Children: 150, Seed: 3, AsOf: asOf, DemoPasswordHash: "x"})
		today := csc.DateOf(asOf)
		if g.sum.Boards != 3 || g.sum.Resolutions < 10 {
			t.Errorf("summary: %d boards, %d resolutions", g.sum.Boards, g.sum.Resolutions)
		}
		counts := map[string]int{}
		err := g.store.Read(context.Background(), func(tx csc.Tx) error {
			boards, err := tx.ListBoards()
			if err != nil {
				return err
			}
			kinds := map[csc.BoardKind]bool{}
			for _, b := range boards {
				kinds[b.Kind] = true
				ms, err := tx.ListMeetings(b.ID)
				if err != nil {
					return err
				}
				if len(ms) < 3 || !ms[0].Date.After(today) || ms[0].Held() || !ms[1].Held() || ms[1].Minutes == "" {
					t.Errorf("%s: meetings %+v", b.Name, ms)
				}
				rs, err := tx.FindResolutions(csc.ResolutionQuery{BoardID: b.ID})
				if err != nil {
					return err
				}
				for _, r := range rs {
					if r.MeetingDate.After(today) || (!r.Due.IsZero() && r.Due.Before(r.MeetingDate)) || r.OwnerName == "" {
						t.Errorf("resolution %q: raised %v, due %v, owner %q", r.Text, r.MeetingDate, r.Due, r.OwnerName)
					}
					switch {
					case r.Overdue(today):
						counts["overdue"]++
					case r.Outstanding() && r.ByNextMeeting && r.Due.After(today):
						counts["next meeting"]++
					}
					counts[r.Status]++
					if len(r.ActionIDs) > 0 && len(r.FindingIDs) > 0 {
						counts["linked"]++
					}
				}
			}
			if len(kinds) != 3 {
				t.Errorf("board kinds %v", kinds)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"overdue", "next meeting", "linked", csc.ResolutionDone, csc.ResolutionCarried, csc.ResolutionDropped, csc.ResolutionOpen} {
			if counts[k] == 0 {
				t.Errorf("no resolution is %s: %v", k, counts)
			}
		}
	})
}
