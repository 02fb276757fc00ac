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

// TestLongRecordsRead: the synthetic authority's long records
// (synth.Options.LongRecords), read as a front-door worker would: the
// ten-year record's page shows the newest 500 of its timeline entries, and
// the other child's chronology has 2,000 entries.
func TestLongRecordsRead(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		now := func() time.Time { return time.Date(2026, 11, 20, 11, 0, 0, 0, time.UTC) }
		db, err := store.Open(ctx, dsn, store.Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		a := app.New(db, app.Options{Now: now, PasswordCost: app.TestPasswordCost})
		t.Cleanup(a.Close)
		sum, err := synth.Generate(ctx, db, synth.Options{Children: 100, Seed: 5, AsOf: now(), DemoPasswordHash: "demo-hash",
			LongRecords: true})
		if err != nil {
			t.Fatal(err)
		}
		var actor csc.Actor
		err = db.Read(ctx, func(tx csc.Tx) error {
			s, _, err := tx.FindStaffByUsername("mash")
			actor = s.Actor(csc.ChannelWeb)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
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
