package web_test

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"cairn/internal/app/apptest"
	"cairn/internal/csc"
)

var dataQualityRoles = []csc.Role{csc.RoleTeamManager, csc.RoleQA, csc.RoleAnalyst, csc.RoleSeniorLeader}

func init() {
	childRoutes = append(childRoutes,
		route{"GET", "/data-quality", nil, dataQualityRoles},
		route{"GET", "/data-quality?team=all&severity=error", nil, dataQualityRoles},
	)
	// The page lists the children with census issues, each audited; the
	// fixture's child has no referral and so is not in the census.
	listings = append(listings, "/data-quality")
}

var hrefs = regexp.MustCompile(`href="([^"]+)"`)

// links returns the page's links, unescaped.
func links(body string) []string {
	var out []string
	for _, m := range hrefs.FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// section returns the part of body from the element with the id to the
// end of the next element of the same kind: enough to look inside one
// child's card or one table.
func section(body, marker, end string) string {
	i := strings.Index(body, marker)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], end)
	if j < 0 {
		return body[i:]
	}
	return body[i : i+j]
}

// TestDataQualityPages: a seeded census error appears on the data-quality
// page under the child's team and on the child's page, each with a link
// that opens the place to correct it; correcting the record through the
// service removes it from both; the navigation shows the page only to the
// roles that may see it.
func TestDataQualityPages(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		child := s.Child(t, "Wren", "Halloway", "2013-04-04")
		s.Allocate(t, child.ID, s.Staff[csc.RoleSocialWorker])
		ref := asmReferral(t, s, child.ID)
		clean := s.Child(t, "Fern", "Halloway", "2014-04-04")

		st, body := s.do(t, csc.RoleAnalyst, "GET", "/data-quality", nil)
		if st != 200 {
			t.Fatalf("data-quality page: %d", st)
		}
		team := section(body, `id="by-team"`, "</table>")
		if !strings.Contains(team, "Greyford Assessment") {
			t.Errorf("the by-team summary lacks the child's team: %.500s", team)
		}
		rules := section(body, `id="by-rule"`, "</table>")
		if !strings.Contains(rules, "8540") || !strings.Contains(rules, "disability is missing") {
			t.Errorf("the by-rule summary lacks rule 8540: %.800s", rules)
		}
		card := section(body, fmt.Sprintf(`href="/people/%d">`, child.ID), "cairn-census-child")
		if !strings.Contains(card, "Wren Halloway") || !strings.Contains(card, "Greyford Assessment") || !strings.Contains(card, "8540") {
			t.Errorf("the child's card lacks their name, team or error: %.800s", card)
		}
		// The team manager, who can correct it, is linked to the child's
		// details and the referral; the links work.
		_, body = s.do(t, csc.RoleTeamManager, "GET", "/data-quality", nil)
		ls := links(body)
		for _, want := range []string{fmt.Sprintf("/people/%d/edit", child.ID), fmt.Sprintf("/referrals/%d", ref.ID)} {
			found := false
			for _, l := range ls {
				found = found || l == want
			}
			if !found {
				t.Errorf("the team manager's page has no link to %s", want)
				continue
			}
			if st, _ := s.do(t, csc.RoleTeamManager, "GET", want, nil); st != 200 {
				t.Errorf("%s: status %d", want, st)
			}
		}
		// The analyst, who cannot change a child's details, is sent to the
		// child's page instead.
		_, body = s.do(t, csc.RoleAnalyst, "GET", "/data-quality?rule=8540", nil)
		if strings.Contains(body, fmt.Sprintf("/people/%d/edit", child.ID)) || !strings.Contains(body, "Open the child&#39;s record") {
			t.Error("the analyst is linked to a form they cannot use")
		}

		// The child's page: the error, linked to where it is corrected.
		_, body = s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d", child.ID), nil)
		box := section(body, `id="census-issues"`, "</ul>")
		if !strings.Contains(box, "8540") || !strings.Contains(box, fmt.Sprintf(`href="/people/%d/edit"`, child.ID)) {
			t.Errorf("the child's page lacks the census error and its link: %.800s", box)
		}
		// An analyst, who cannot change the details, sees the issue without
		// a link back to the page they are on.
		_, body = s.do(t, csc.RoleAnalyst, "GET", fmt.Sprintf("/people/%d", child.ID), nil)
		if box := section(body, `id="census-issues"`, "</ul>"); !strings.Contains(box, "8540") || strings.Contains(box, "Open the child") {
			t.Errorf("the analyst's view of the child's census issues: %.800s", box)
		}
		if st, _ := s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d/edit", child.ID), nil); st != 200 {
			t.Errorf("the link to correct the child's details: status %d", st)
		}
		if _, body := s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d", clean.ID), nil); strings.Contains(body, "census-issues") {
			t.Error("a child with no census issues shows the census box")
		}

		// Corrected through the service, the error leaves both pages.
		rec, _ := s.App.ChildRecord(ctx, s.Actor(csc.RoleSocialWorker), child.ID)
		if _, err := s.App.UpdatePerson(ctx, s.Actor(csc.RoleSocialWorker), child.ID, rec.Child.Version, csc.PersonInput{
			Kind: "child", GivenName: "Wren", FamilyName: "Halloway", DateOfBirth: "2013-04-04", Sex: "F", Ethnicity: "WBRI",
			Disabilities: []string{"NONE"}}); err != nil {
			t.Fatal(err)
		}
		if _, body := s.do(t, csc.RoleAnalyst, "GET", "/data-quality?rule=8540", nil); strings.Contains(body, "Wren Halloway") {
			t.Error("the corrected child is still listed under 8540")
		}
		if _, body := s.do(t, csc.RoleSocialWorker, "GET", fmt.Sprintf("/people/%d", child.ID), nil); strings.Contains(section(body, `id="census-issues"`, "</ul>"), "8540") {
			t.Error("the corrected error is still on the child's page")
		}

		// Bad filters get a clear message.
		st, body = s.do(t, csc.RoleAnalyst, "GET", "/data-quality?severity=warning&rule=9999", nil)
		if st != http.StatusBadRequest || !strings.Contains(body, "Choose errors, queries or both") || !strings.Contains(body, "There is no rule") {
			t.Errorf("bad filters: status %d", st)
		}
		if st, _ := s.do(t, csc.RoleAnalyst, "GET", "/data-quality?page=x", nil); st != http.StatusBadRequest {
			t.Errorf("page=x: status %d", st)
		}

		// The navigation, on a page every signed-in role gets.
		for _, r := range csc.Roles {
			_, body := s.do(t, r, "GET", "/no-such-page", nil)
			want := false
			for _, a := range dataQualityRoles {
				want = want || a == r
			}
			if has := strings.Contains(body, `href="/data-quality"`); has != want {
				t.Errorf("%s: navigation link to data quality shown %v, want %v", r, has, want)
			}
			if has := strings.Contains(body, `href="/returns/annex-a"`); has != (r == csc.RoleAnalyst) {
				t.Errorf("%s: navigation link to Annex A shown %v", r, has)
			}
		}
	})
}
