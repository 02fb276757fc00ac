package app_test

import (
	"slices"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/returns/cin"
)

// issueOf returns the child's issue under the rule, if any.
func issueOf(is []app.CensusIssue, rule string) (app.CensusIssue, bool) {
	i := slices.IndexFunc(is, func(x app.CensusIssue) bool { return x.Rule == rule })
	if i < 0 {
		return app.CensusIssue{}, false
	}
	return is[i], true
}

func listed(d *app.DataQuality) map[int64]app.ChildIssues {
	m := map[int64]app.ChildIssues{}
	for _, c := range d.Children {
		m[c.ChildID] = c
	}
	return m
}

func teamCount(d *app.DataQuality, name string) (app.TeamCount, bool) {
	for _, t := range d.ByTeam {
		if t.Name == name {
			return t, true
		}
	}
	return app.TeamCount{}, false
}

// TestDataQuality seeds census errors through the service layer and reads
// them back as the data-quality page and the child's page would: under the
// right team, with the record to correct, within each role's scope, and
// gone once the record is corrected.
func TestDataQuality(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		sw, analyst, tm := e.Actor(csc.RoleSocialWorker), e.Actor(csc.RoleAnalyst), e.Actor(csc.RoleTeamManager)

		// An assessment started in November and still not authorised in
		// March: rule 8670Q asks about it.
		e.Clock.Set(time.Date(2025, 11, 3, 10, 0, 0, 0, csc.London))
		late := e.Child(t, "Bea", "Lantern", "2012-06-01")
		e.Allocate(t, late.ID, e.Staff[csc.RoleSocialWorker])
		lateRef := referral(t, e, late.ID)
		x, err := e.App.StartAssessment(ctx, sw, lateRef.ReferralID, "2025-11-03")
		if err != nil {
			t.Fatal(err)
		}
		e.Clock.Set(apptest.Start)

		// Children with a referral and no disability recorded (rule 8540):
		// one in the team, one unallocated, one in the other district.
		ours := e.Child(t, "Ada", "Quill", "2013-04-04")
		e.Allocate(t, ours.ID, e.Staff[csc.RoleSocialWorker])
		referral(t, e, ours.ID)
		nobody := e.Child(t, "Cal", "Moss", "2014-05-05")
		referral(t, e, nobody.ID)
		far := e.Child(t, "Dot", "Fenn", "2015-06-06")
		e.Allocate(t, far.ID, e.Other)
		referral(t, e, far.ID)
		// A child with no referral is not in the census.
		clean := e.Child(t, "Eve", "Sand", "2016-07-07")

		d, err := e.App.DataQuality(ctx, analyst, app.DataQualityQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Year != "2025-26" || d.RulesYear != "2025-26" || d.AsOf != csc.DateOf(apptest.Start) || d.Census != 4 {
			t.Errorf("census %s (rules %s) as of %s with %d children; want 2025-26 as of %s with 4",
				d.Year, d.RulesYear, d.AsOf, d.Census, csc.DateOf(apptest.Start))
		}
		if d.Query.Team != "all" {
			t.Errorf("an analyst's default team filter is %q, want all", d.Query.Team)
		}
		kids := listed(d)
		for name, id := range map[string]int64{"in the team": ours.ID, "unallocated": nobody.ID, "elsewhere": far.ID, "late": late.ID} {
			is, ok := issueOf(kids[id].Issues, "8540")
			if !ok {
				t.Errorf("the child %s is not listed with rule 8540: %+v", name, kids[id])
				continue
			}
			want := cin.Source{Kind: cin.SourceChild, ID: id, ChildID: id}
			if is.Source != want || is.Message == "" || is.IsQuery() {
				t.Errorf("8540 for the child %s: %+v, want an error sourced at %+v", name, is, want)
			}
		}
		if kids[ours.ID].Team != "Greyford Assessment" || kids[nobody.ID].Team != "Unallocated" || kids[far.ID].Team != "Kestrel Coast Assessment" {
			t.Errorf("teams: %q, %q, %q", kids[ours.ID].Team, kids[nobody.ID].Team, kids[far.ID].Team)
		}
		if _, ok := kids[clean.ID]; ok {
			t.Error("a child outside the census is listed")
		}
		is, ok := issueOf(kids[late.ID].Issues, "8670Q")
		if !ok || !is.IsQuery() || is.Source != (cin.Source{Kind: cin.SourceAssessment, ID: x.ID, ChildID: late.ID}) {
			t.Errorf("the late assessment: %+v (found %v), want a query sourced at assessment %d", is, ok, x.ID)
		}
		// A referral that led to further action with no primary need
		// (8610) is corrected on the referral.
		is, ok = issueOf(kids[late.ID].Issues, "8610")
		if !ok || is.Source != (cin.Source{Kind: cin.SourceReferral, ID: lateRef.ReferralID, ChildID: late.ID}) {
			t.Errorf("the referral without a primary need: %+v (found %v), want it sourced at referral %d", is, ok, lateRef.ReferralID)
		}
		if tc, ok := teamCount(d, "Greyford Assessment"); !ok || tc.Children != 2 || tc.Queries == 0 || tc.Errors < 2 {
			t.Errorf("Greyford Assessment by team: %+v", tc)
		}
		if tc, ok := teamCount(d, "Unallocated"); !ok || tc.TeamID != -1 || tc.Children != 1 {
			t.Errorf("Unallocated by team: %+v", tc)
		}
		rc := d.Rules[slices.IndexFunc(d.Rules, func(r app.RuleCount) bool { return r.Rule == "8540" })]
		if rc.Children != 4 || rc.Failures != 4 {
			t.Errorf("rule 8540 summary: %+v", rc)
		}
		// Listing the children is audited, a row for each.
		if !slices.ContainsFunc(e.Audits(t, ours.ID), func(a csc.AuditEntry) bool {
			return a.Action == "list" && a.SubjectType == "census" && a.StaffID == analyst.StaffID
		}) {
			t.Error("the listing left no audit row about the child")
		}

		// Filters.
		d, err = e.App.DataQuality(ctx, analyst, app.DataQualityQuery{Severity: "query"})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Children {
			for _, is := range c.Issues {
				if !is.IsQuery() {
					t.Errorf("queries only, yet %s is listed", is.Rule)
				}
			}
		}
		d, err = e.App.DataQuality(ctx, analyst, app.DataQualityQuery{Rule: "8670Q"})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Children) != 1 || d.Children[0].ChildID != late.ID || len(d.Children[0].Issues) != 1 {
			t.Errorf("rule 8670Q lists %+v", d.Children)
		}
		// A rule chosen that has nothing against the team chosen stays on
		// the page, at nought.
		d, err = e.App.DataQuality(ctx, analyst, app.DataQualityQuery{Rule: "8670Q", Team: itoa(e.Elsewhere.ID)})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(d.Rules, func(r app.RuleCount) bool { return r.Rule == "8670Q" })
		if i < 0 || d.Rules[i].Failures != 0 || d.Rules[i].Message == "" || len(d.Children) != 0 {
			t.Errorf("rule 8670Q for Kestrel Coast: %+v, %d children", d.Rules, len(d.Children))
		}
		for _, bad := range []app.DataQualityQuery{{Rule: "nope"}, {Team: "999999"}, {Team: "x"}, {Severity: "warning"}} {
			if _, err := e.App.DataQuality(ctx, analyst, bad); csc.ErrorKind(err) != csc.Invalid {
				t.Errorf("%+v: %v, want a clear refusal", bad, err)
			}
		}

		// A team manager sees their own team by default, and never a child
		// outside their service.
		d, err = e.App.DataQuality(ctx, tm, app.DataQualityQuery{})
		if err != nil {
			t.Fatal(err)
		}
		kids = listed(d)
		if d.TeamName != "Greyford Assessment" || len(kids) != 2 || kids[ours.ID].ChildID == 0 || kids[late.ID].ChildID == 0 {
			t.Errorf("team manager's default: team %q, children %v", d.TeamName, kids)
		}
		d, err = e.App.DataQuality(ctx, tm, app.DataQualityQuery{Team: "all"})
		if err != nil {
			t.Fatal(err)
		}
		kids = listed(d)
		if _, ok := kids[far.ID]; ok || kids[nobody.ID].ChildID == 0 {
			t.Errorf("team manager, all teams: %v", kids)
		}
		if _, ok := teamCount(d, "Kestrel Coast Assessment"); ok {
			t.Error("the team manager sees the other district's team")
		}
		if _, err := e.App.DataQuality(ctx, tm, app.DataQualityQuery{Team: itoa(e.Elsewhere.ID)}); csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("a team outside the manager's service: %v", err)
		}
		for _, r := range []csc.Role{csc.RoleSocialWorker, csc.RoleMASH, csc.RoleInspector, csc.RoleAdmin} {
			if _, err := e.App.DataQuality(ctx, e.Actor(r), app.DataQualityQuery{}); csc.ErrorKind(err) != csc.Forbidden {
				t.Errorf("%s: %v, want forbidden", r, err)
			}
		}

		// A restricted record is counted, not listed, for staff not named
		// on it.
		p, _ := e.App.ChildRecord(ctx, tm, nobody.ID)
		if err := e.App.SetRestriction(ctx, tm, nobody.ID, app.RestrictionInput{Version: p.Child.Version, Restricted: true, Reason: "Safety."}); err != nil {
			t.Fatal(err)
		}
		d, err = e.App.DataQuality(ctx, analyst, app.DataQualityQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := listed(d)[nobody.ID]; ok || d.Restricted != 1 || d.Matching != 4 {
			t.Errorf("restricted record: listed %v, %d restricted of %d", ok, d.Restricted, d.Matching)
		}

		// The child's page shows the child's own issues; correcting the
		// record through the service removes them from both pages.
		rec, err := e.App.ChildRecord(ctx, sw, ours.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Census == nil {
			t.Fatal("the child's page has no census issues")
		}
		if is, ok := issueOf(rec.Census.Issues, "8540"); !ok || is.Source.Kind != cin.SourceChild {
			t.Errorf("child's page: %+v", rec.Census.Issues)
		}
		if rec, _ := e.App.ChildRecord(ctx, sw, clean.ID); rec.Census != nil {
			t.Errorf("a child outside the census shows census issues: %+v", rec.Census)
		}
		in := csc.PersonInput{Kind: "child", GivenName: "Ada", FamilyName: "Quill", DateOfBirth: "2013-04-04", Sex: "F",
			Ethnicity: "WBRI", Disabilities: []string{"NONE"}}
		if _, err := e.App.UpdatePerson(ctx, sw, ours.ID, rec.Child.Version, in); err != nil {
			t.Fatal(err)
		}
		rec, _ = e.App.ChildRecord(ctx, sw, ours.ID)
		if rec.Census != nil {
			if _, ok := issueOf(rec.Census.Issues, "8540"); ok {
				t.Error("8540 is still on the child's page after the disability was recorded")
			}
		}
		d, _ = e.App.DataQuality(ctx, analyst, app.DataQualityQuery{Rule: "8540"})
		if _, ok := listed(d)[ours.ID]; ok {
			t.Error("8540 is still on the data-quality page after the disability was recorded")
		}
	})
}
