package app_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
)

var ctx = context.Background()

func fieldsOf(err error) string {
	var out []string
	for _, f := range csc.ErrorFields(err) {
		out = append(out, f.Field+": "+f.Message)
	}
	return strings.Join(out, "; ")
}

func TestFrontDoorJourney(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash, tm := e.Actor(csc.RoleMASH), e.Actor(csc.RoleTeamManager)
		child := e.Child(t, "Ruby", "Fairweather", "2016-05-04")
		c := e.Contact(t, child.ID)
		// Received Monday 09:30: due by the end of Tuesday (one working day).
		wantDue := time.Date(2026, 3, 4, 0, 0, 0, 0, csc.London)
		if !c.DueAt.Equal(wantDue) {
			t.Errorf("due at %v, want %v", c.DueAt, wantDue)
		}
		q, err := e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{})
		if err != nil || q.Total != 1 || q.Items[0].ID != c.ID || q.Items[0].Overdue {
			t.Fatalf("queue = %+v, %v", q, err)
		}
		if _, err := e.App.RecordPartnerCheck(ctx, mash, c.ID, csc.PartnerCheckInput{Agency: "police"}); err != nil {
			t.Fatal(err)
		}
		c, _ = e.App.FindContact(ctx, mash, c.ID)
		pc := c.PartnerChecks[0]
		if _, err := e.App.RecordPartnerCheck(ctx, mash, c.ID, csc.PartnerCheckInput{ID: pc.ID, Version: pc.Version,
			Summary: "No police involvement known.", Returned: true}); err != nil {
			t.Fatal(err)
		}
		c, err = e.App.ScreenContact(ctx, mash, c.ID, csc.ScreeningInput{Version: c.Version, RAG: "amber", Risks: "Neglect indicators"})
		if err != nil {
			t.Fatal(err)
		}
		e.Clock.Advance(3 * time.Hour)
		c, err = e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "referral", Rationale: "Needs assessment."})
		if err != nil {
			t.Fatal(err)
		}
		if c.LetterDocumentID == 0 || c.ReferralID == 0 || c.DecidedAt.After(c.DueAt) {
			t.Fatalf("decided contact %+v", c)
		}
		doc, err := e.App.OpenDocument(ctx, mash, c.LetterDocumentID)
		if err != nil || !bytes.HasPrefix(doc.Content, []byte("%PDF-")) || doc.ChildID != child.ID {
			t.Fatalf("letter: %v", err)
		}
		if _, err := e.App.RecordOversight(ctx, tm, c.ID, "Agree: assessment needed."); err != nil {
			t.Fatal(err)
		}
		rec, err := e.App.ChildRecord(ctx, tm, child.ID)
		if err != nil {
			t.Fatal(err)
		}
		var labels []string
		for _, b := range rec.Badges {
			labels = append(labels, b.Label)
		}
		if !strings.Contains(strings.Join(labels, ","), "Open referral") || len(rec.Documents) != 1 ||
			len(rec.Oversight) != 1 || rec.Oversight[0].StaffName != e.Staff[csc.RoleTeamManager].Name {
			t.Errorf("child record: badges %v, %d documents, oversight %+v", labels, len(rec.Documents), rec.Oversight)
		}
		if len(rec.Timeline) < 6 || rec.Timeline[0].At.Before(rec.Timeline[len(rec.Timeline)-1].At) {
			t.Errorf("timeline not newest first or too short: %d entries", len(rec.Timeline))
		}
		q, _ = e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{})
		if q.Total != 0 {
			t.Errorf("a decided contact is still in the queue")
		}
	})
}

func TestQueueIsMostOverdueFirstAndFilters(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash := e.Actor(csc.RoleMASH)
		a := e.Child(t, "Ada", "Hill", "2014-01-01")
		b := e.Child(t, "Ben", "Hill", "2015-01-01")
		// Friday 27 Feb, then Monday: Friday's contact fell due at the end of Monday.
		e.Clock.Set(time.Date(2026, 2, 27, 16, 0, 0, 0, csc.London))
		older := e.Contact(t, a.ID)
		e.Clock.Set(time.Date(2026, 3, 3, 8, 0, 0, 0, csc.London))
		newer := e.Contact(t, b.ID)
		if _, err := e.App.ScreenContact(ctx, mash, newer.ID, csc.ScreeningInput{Version: 1, RAG: "red", Risks: "Injury"}); err != nil {
			t.Fatal(err)
		}
		q, _ := e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{})
		if q.Total != 2 || q.Items[0].ID != older.ID || !q.Items[0].Overdue || q.Items[1].Overdue {
			t.Fatalf("queue order/overdue wrong: %+v", q.Items)
		}
		red, _ := e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{RAG: csc.RAGRed})
		unrated, _ := e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{RAG: "none"})
		police, _ := e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{Source: "6"})
		team, _ := e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{TeamID: e.MASH.ID})
		if red.Total != 1 || red.Items[0].ID != newer.ID || unrated.Total != 1 || police.Total != 0 || team.Total != 2 {
			t.Errorf("filters: red %d, unrated %d, police %d, team %d", red.Total, unrated.Total, police.Total, team.Total)
		}
	})
}

func TestContactValidation(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash := e.Actor(csc.RoleMASH)
		child := e.Child(t, "Cara", "Lane", "2013-07-07")
		cases := []struct {
			name  string
			in    csc.ContactInput
			field string
		}{
			{"future", csc.ContactInput{ChildID: child.ID, ReceivedAt: "2026-03-05T10:00", Source: "6", Referrer: csc.Referrer{Name: "PC A"}, PresentingConcerns: "x", Consent: "given"}, "received_at"},
			{"bad source", csc.ContactInput{ChildID: child.ID, ReceivedAt: "2026-03-02T09:00", Source: "ZZ", Referrer: csc.Referrer{Name: "PC A"}, PresentingConcerns: "x", Consent: "given"}, "source"},
			{"override without rationale", csc.ContactInput{ChildID: child.ID, ReceivedAt: "2026-03-02T09:00", Source: "6", Referrer: csc.Referrer{Name: "PC A"}, PresentingConcerns: "x", Consent: "overridden"}, "consent_rationale"},
			{"no referrer", csc.ContactInput{ChildID: child.ID, ReceivedAt: "2026-03-02T09:00", Source: "6", PresentingConcerns: "x", Consent: "given"}, "referrer.name"},
			{"no concerns", csc.ContactInput{ChildID: child.ID, ReceivedAt: "2026-03-02T09:00", Source: "6", Referrer: csc.Referrer{Name: "PC A"}, Consent: "given"}, "presenting_concerns"},
			{"not a time", csc.ContactInput{ChildID: child.ID, ReceivedAt: "yesterday", Source: "6", Referrer: csc.Referrer{Name: "PC A"}, PresentingConcerns: "x", Consent: "given"}, "received_at"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := e.App.RecordContact(ctx, mash, tc.in)
				if csc.ErrorKind(err) != csc.Invalid || !strings.Contains(fieldsOf(err), tc.field+":") {
					t.Errorf("got %v (%s), want a problem with %s", err, fieldsOf(err), tc.field)
				}
			})
		}
		q, _ := e.App.FrontDoorQueue(ctx, mash, csc.ContactQuery{})
		if q.Total != 0 {
			t.Errorf("invalid contacts were saved: %d", q.Total)
		}
		if a := e.Audits(t, child.ID); len(a) != 1 { // only the creation of the child
			t.Errorf("refused contacts left %d audit rows", len(a))
		}
	})
}

func TestDecisionRules(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash := e.Actor(csc.RoleMASH)
		child := e.Child(t, "Dan", "Moss", "2012-02-02")
		c := e.Contact(t, child.ID)
		_, err := e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "nfa", Rationale: "x"})
		if !strings.Contains(fieldsOf(err), "RAG") {
			t.Errorf("deciding before screening: %v", err)
		}
		c, _ = e.App.ScreenContact(ctx, mash, c.ID, csc.ScreeningInput{Version: c.Version, RAG: "green", Risks: "none identified"})
		if _, err := e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "nfa"}); !strings.Contains(fieldsOf(err), "rationale") {
			t.Errorf("no rationale: %v", err)
		}
		if _, err := e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version - 1, Decision: "nfa", Rationale: "x"}); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("stale decision: %v", err)
		}
		if _, err := e.App.DecideContact(ctx, e.Actor(csc.RoleEarlyHelp), c.ID, csc.DecisionInput{Version: c.Version, Decision: "nfa", Rationale: "x"}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("early help deciding: %v", err)
		}
		if _, err := e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "advice", Rationale: "Advice given."}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version + 1, Decision: "nfa", Rationale: "x"}); csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("second decision: %v", err)
		}
		// Consent refused: early help cannot go ahead, a referral needs an override.
		c2, err := e.App.RecordContact(ctx, mash, csc.ContactInput{ChildID: child.ID, ReceivedAt: "2026-03-02T09:00", Source: "6",
			Referrer: csc.Referrer{Name: "PC A"}, PresentingConcerns: "x", Consent: "refused"})
		if err != nil {
			t.Fatal(err)
		}
		c2, _ = e.App.ScreenContact(ctx, mash, c2.ID, csc.ScreeningInput{Version: c2.Version, RAG: "amber", Risks: "x"})
		for _, d := range []string{"early_help", "referral"} {
			if _, err := e.App.DecideContact(ctx, mash, c2.ID, csc.DecisionInput{Version: c2.Version, Decision: d, Rationale: "x"}); !strings.Contains(fieldsOf(err), "onsent") {
				t.Errorf("%s with consent refused: %v", d, err)
			}
		}
		if _, err := e.App.DecideContact(ctx, mash, c2.ID, csc.DecisionInput{Version: c2.Version, Decision: "strategy", Rationale: "Significant harm."}); err != nil {
			t.Errorf("strategy discussion with consent refused: %v", err)
		}
	})
}

func TestAnonymousReferrerGetsNoLetter(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		mash := e.Actor(csc.RoleMASH)
		child := e.Child(t, "Eli", "Stone", "2011-03-03")
		c, err := e.App.RecordContact(ctx, mash, csc.ContactInput{ChildID: child.ID, ReceivedAt: "2026-03-02T09:00", Source: "9",
			PresentingConcerns: "Caller worried about shouting.", Consent: "not_sought", ConsentRationale: "Anonymous caller"})
		if err != nil {
			t.Fatal(err)
		}
		c, _ = e.App.ScreenContact(ctx, mash, c.ID, csc.ScreeningInput{Version: c.Version, RAG: "green", Risks: "x"})
		c, err = e.App.DecideContact(ctx, mash, c.ID, csc.DecisionInput{Version: c.Version, Decision: "nfa", Rationale: "No concerns found."})
		if err != nil || c.LetterDocumentID != 0 {
			t.Fatalf("decide: %v, letter %d", err, c.LetterDocumentID)
		}
		rec, _ := e.App.ChildRecord(ctx, mash, child.ID)
		found := false
		for _, ev := range rec.Timeline {
			found = found || strings.Contains(ev.Summary, "anonymous")
		}
		if !found || len(rec.Documents) != 0 {
			t.Errorf("the timeline should say no letter was sent; documents %d", len(rec.Documents))
		}
	})
}

// The queue lists a restricted child's contact, but only staff named on the
// record see whose it is; the others see its id.
func TestQueueHidesRestrictedChildren(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		open := e.Child(t, "Ava", "Open", "2015-01-01")
		hidden := e.Child(t, "Gia", "Hidden", "2012-02-02")
		e.Allocate(t, hidden.ID, e.Staff[csc.RoleSocialWorker])
		e.Contact(t, open.ID)
		e.Contact(t, hidden.ID)
		tm := e.Actor(csc.RoleTeamManager)
		rec, err := e.App.ChildRecord(ctx, tm, hidden.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.App.SetRestriction(ctx, tm, hidden.ID, app.RestrictionInput{Version: rec.Child.Version,
			Restricted: true, Reason: "Child of a member of staff"}); err != nil {
			t.Fatal(err)
		}
		names := func(actor csc.Actor) string {
			q, err := e.App.FrontDoorQueue(ctx, actor, csc.ContactQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, it := range q.Items {
				out = append(out, it.ChildName)
			}
			return strings.Join(out, ", ")
		}
		if got, want := names(e.Actor(csc.RoleMASH)), fmt.Sprintf("Ava Open, Restricted record %d", hidden.ID); got != want {
			t.Errorf("MASH worker's queue: %s, want %s", got, want)
		}
		if got, want := names(tm), "Ava Open, Gia Hidden"; got != want {
			t.Errorf("named team manager's queue: %s, want %s", got, want)
		}
	})
}
