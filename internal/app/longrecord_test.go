package app_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// longRecordAuthority is a synthetic authority of the given number of
// children with its long records (synth.Options.LongRecords), on
// 20 November 2026.
func longRecordAuthority(t *testing.T, dsn string, children int, seed uint64) (*store.DB, *app.App, synth.Summary) {
	t.Helper()
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 20, 11, 0, 0, 0, time.UTC) }
	db, err := store.Open(ctx, dsn, store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := app.New(db, app.Options{Now: now, PasswordCost: app.TestPasswordCost})
	t.Cleanup(a.Close)
	sum, err := synth.Generate(ctx, db, synth.Options{Children: children, Seed: seed, AsOf: now(),
		DemoPasswordHash: "demo-hash", LongRecords: true})
	if err != nil {
		t.Fatal(err)
	}
	return db, a, sum
}

// contactedChildren is the children of the synthetic authority's first 60
// contacts, as the front door would open them.
func contactedChildren(t *testing.T, db *store.DB) []int64 {
	t.Helper()
	var ids []int64
	err := db.Read(context.Background(), func(tx csc.Tx) error {
		found, _, err := tx.FindContacts(csc.ContactQuery{Limit: 60})
		for _, c := range found {
			ids = append(ids, c.ChildID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// staffActor is the synthetic authority's member of staff of that
// username, signed in on the web.
func staffActor(t *testing.T, db *store.DB, username string) csc.Actor {
	t.Helper()
	var s *csc.Staff
	err := db.Read(context.Background(), func(tx csc.Tx) (err error) { s, _, err = tx.FindStaffByUsername(username); return err })
	if err != nil {
		t.Fatal(err)
	}
	return s.Actor(csc.ChannelWeb)
}

// TestLongRecordsRead: the synthetic authority's long records
// (synth.Options.LongRecords), read as a front-door worker would: the
// ten-year record's page shows the newest 500 of its timeline entries, and
// the other child's chronology has 2,000 entries.
func TestLongRecordsRead(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, a, sum := longRecordAuthority(t, dsn, 100, 5)
		actor := staffActor(t, db, "mash")
		r, err := a.ChildRecord(ctx, actor, sum.LongRecord)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Timeline) != 500 || len(r.Contacts) != 40 || len(r.Referrals) != 10 {
			t.Errorf("the ten-year record's page: %d timeline entries, %d contacts, %d referrals; want 500, 40 and 10",
				len(r.Timeline), len(r.Contacts), len(r.Referrals))
		}
		ch, err := a.ChildChronology(ctx, actor, sum.LongChronology, csc.ChronologyQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ch.Entries) != 2000 {
			t.Errorf("the long chronology has %d entries, want 2,000", len(ch.Entries))
		}
	})
}

// TestChildHeaderShowsTheRecordsBadges: the identity bar read on its own
// (the chronology, plan and visit pages) shows the badges the whole record
// does, and its read is audited.
func TestChildHeaderShowsTheRecordsBadges(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		child := e.Child(t, "Wren", "Badgewell", "2016-04-05")
		sw := e.Actor(csc.RoleSocialWorker)
		check := func(when string, want ...string) {
			t.Helper()
			whole, err := e.App.ChildRecord(ctx, sw, child.ID)
			if err != nil {
				t.Fatal(err)
			}
			head, err := e.App.ChildHeader(ctx, sw, child.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range head.Badges {
				got = append(got, b.Label)
			}
			if !reflect.DeepEqual(head.Badges, whole.Badges) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the identity bar alone shows %v, the record %v; want %v", when, head.Badges, whole.Badges, want)
			}
		}
		check("before any contact", "Unallocated")
		e.Contact(t, child.ID)
		e.Contact(t, child.ID)
		check("with open contacts", "Open contact", "Unallocated")
		before := len(e.Audits(t, child.ID))
		if _, err := e.App.ChildHeader(ctx, sw, child.ID); err != nil {
			t.Fatal(err)
		}
		if after := len(e.Audits(t, child.ID)); after != before+1 {
			t.Errorf("reading the identity bar wrote %d audit rows, want 1", after-before)
		}
		if _, err := e.App.ChildHeader(ctx, e.Actor(csc.RoleBoardMember), child.ID); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member reading a child's identity bar: %v, want forbidden", err)
		}

		// The chronology page reads the bar with the chronology, in one
		// read: the same badges and entries, both reads audited.
		counts := func() map[string]int {
			n := map[string]int{}
			for _, a := range e.Audits(t, child.ID) {
				n[a.Action+" "+a.SubjectType+" "+a.Detail]++
			}
			return n
		}
		was := counts()
		head, c, err := e.App.ChronologyPage(ctx, sw, child.ID, csc.ChronologyQuery{})
		if err != nil {
			t.Fatal(err)
		}
		now := counts()
		if now["view person identity bar"] != was["view person identity bar"]+1 || now["view chronology "] != was["view chronology "]+1 {
			t.Errorf("the chronology page's read audited %v, then %v; want one more identity bar and one more chronology", was, now)
		}
		alone, err := e.App.ChildChronology(ctx, sw, child.ID, csc.ChronologyQuery{})
		if err != nil {
			t.Fatal(err)
		}
		whole, _ := e.App.ChildRecord(ctx, sw, child.ID)
		if !reflect.DeepEqual(head.Badges, whole.Badges) || !reflect.DeepEqual(c.Entries, alone.Entries) || len(c.Entries) == 0 ||
			head.Child.ID != child.ID || c.Child.ID != child.ID {
			t.Errorf("the chronology page read badges %v and %d entries; alone, %v and %d", head.Badges, len(c.Entries),
				whole.Badges, len(alone.Entries))
		}
	})
}

// TestChildPageReadInOneRoundTrip: a child's page reads the child, the
// check that the reader may see them, the whole record and the child's
// census data together, on PostgreSQL in one round trip, then commits and
// writes the audit row: three round trips in all, in the census or not.
// The census part the page shows is the one the census check gives alone,
// and a child outside the reader's reach is refused with none of it.
func TestChildPageReadInOneRoundTrip(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, a, sum := longRecordAuthority(t, dsn, 80, 9)
		mash := staffActor(t, db, "mash")
		ids := contactedChildren(t, db)
		ids = append(ids, sum.LongRecord)
		withIssues, without, open := 0, 0, 0
		for _, id := range ids {
			before := db.RoundTrips()
			r, err := a.ChildRecord(ctx, mash, id)
			trips := db.RoundTrips() - before
			if csc.ErrorKind(err) == csc.Forbidden {
				continue // a restricted record the front door is not named on
			}
			if err != nil {
				t.Fatal(err)
			}
			// A restricted record, or a restricted relative, takes a round
			// trip more to ask whether the reader is named on it.
			restricted := r.Child.Restricted
			for _, rel := range r.Relationships {
				restricted = restricted || rel.Other.Restricted
			}
			if db.Engine == store.Postgres && !restricted && trips != 3 {
				t.Errorf("child %d's page took %d round trips, want 3 (the reads, the commit, the audit row)", id, trips)
			}
			if !restricted {
				open++
			}
			alone, err := a.ChildCensusPart(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Census, alone) {
				t.Errorf("child %d's page shows the census part %+v; checked alone it is %+v", id, r.Census, alone)
			}
			if r.Census != nil {
				withIssues++
			} else {
				without++
			}
		}
		if withIssues == 0 || without == 0 || open < 20 {
			t.Errorf("%d children with census issues and %d without, %d with nothing restricted: the test compares too little",
				withIssues, without, open)
		}

		// A social worker's reach is their team's children: the rest are
		// refused after the reads, with none of what was read handed back.
		sw, refused := staffActor(t, db, "sw"), 0
		for _, id := range ids {
			r, err := a.ChildRecord(ctx, sw, id)
			switch {
			case csc.ErrorKind(err) == csc.Forbidden && r == nil:
				refused++
			case err != nil || r == nil:
				t.Errorf("a social worker opening child %d's record: %v, %v", id, r, err)
			}
		}
		if refused == 0 || refused == len(ids) {
			t.Errorf("the social worker was refused %d of %d children: the test checks too little", refused, len(ids))
		}
	})
}

// The chronology page reads the identity bar with the child's entries and
// siblings: on PostgreSQL one round trip for the reads (and one more for
// each sibling, whose access is checked in turn), then the commit and the
// audit rows. A reader who may not see the child is refused with nothing
// handed back.
func TestChronologyPageReadInOneRoundTrip(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, a, sum := longRecordAuthority(t, dsn, 80, 9)
		mash := staffActor(t, db, "mash")
		ids := contactedChildren(t, db)
		ids = append(ids, sum.LongChronology)
		checked := 0
		for _, id := range ids {
			var rels []csc.Relationship
			if err := db.Read(ctx, func(tx csc.Tx) (err error) { rels, err = tx.ListRelationships(id); return err }); err != nil {
				t.Fatal(err)
			}
			before := db.RoundTrips()
			r, c, err := a.ChronologyPage(ctx, mash, id, csc.ChronologyQuery{})
			trips := db.RoundTrips() - before
			if csc.ErrorKind(err) == csc.Forbidden {
				continue // a restricted record the front door is not named on
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Child.ID != id || c.Child.ID != id || len(r.Badges) == 0 && r.Child.Restricted {
				t.Fatalf("child %d's chronology page shows child %d, %d", id, r.Child.ID, c.Child.ID)
			}
			if id == sum.LongChronology && len(c.Entries) < 2000 {
				t.Errorf("the long chronology shows %d entries, want 2,000", len(c.Entries))
			}
			siblings, restricted := 0, r.Child.Restricted
			for _, rel := range rels {
				if rel.Type == csc.RelSibling || rel.Type == csc.RelHalfSibling {
					siblings++
				}
			}
			if db.Engine == store.Postgres && !restricted && siblings == 0 {
				checked++
				if trips != 3 {
					t.Errorf("child %d's chronology page took %d round trips, want 3 (the reads, the commit, the audit rows)", id, trips)
				}
			}
		}
		if db.Engine == store.Postgres && checked < 10 {
			t.Errorf("only %d children without siblings or restrictions: the test counts too few", checked)
		}

		sw, refused := staffActor(t, db, "sw"), 0
		for _, id := range ids {
			r, c, err := a.ChronologyPage(ctx, sw, id, csc.ChronologyQuery{})
			switch {
			case csc.ErrorKind(err) == csc.Forbidden && r == nil && c == nil:
				refused++
			case err != nil || r == nil || c == nil:
				t.Errorf("a social worker opening child %d's chronology: %v, %v, %v", id, r, c, err)
			}
		}
		if refused == 0 || refused == len(ids) {
			t.Errorf("the social worker was refused %d of %d chronologies: the test checks too little", refused, len(ids))
		}
	})
}
