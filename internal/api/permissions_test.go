package api

import (
	"fmt"
	"net/http"
	"testing"
)

// TestPermissions checks the API passes on the service layer's refusals
// unchanged, and refuses anyone without a valid bearer token.
func TestPermissions(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Ava", "Jones", "2019-06-01", ""))
		c := f.recordContact(t, contactInput(child))
		f.run(t, scenario{Name: "screened", Method: "POST", URL: fmt.Sprintf("/api/v1/contacts/%d/screening", c.ID), Token: "mash",
			Body: `{"version": 1, "rag": "amber", "risks": "Neglect concerns"}`, ExpectedStatus: http.StatusOK})
		person := fmt.Sprintf("/api/v1/people/%d", child)
		decision := fmt.Sprintf("/api/v1/contacts/%d/decision", c.ID)
		unauthorised := map[string]string{"WWW-Authenticate": `Bearer realm="cairn"`}
		for _, sc := range []scenario{
			{Name: "inspector cannot record a contact", Method: "POST", URL: "/api/v1/contacts", Token: "inspector",
				Body: jsonBody(t, contactInput(child)), ExpectedStatus: http.StatusForbidden,
				ExpectedContent: []string{"Inspector (read-only)"}},
			{Name: "inspector can read the record", Method: "GET", URL: person, Token: "inspector", ExpectedStatus: http.StatusOK},
			{Name: "admin cannot read a child's record", Method: "GET", URL: person, Token: "admin", ExpectedStatus: http.StatusForbidden,
				NotExpectedContent: []string{"Ava", "Jones"}},
			{Name: "early help cannot decide", Method: "POST", URL: decision, Token: "earlyhelp",
				Body: `{"version": 2, "decision": "nfa", "rationale": "No role for us"}`, ExpectedStatus: http.StatusForbidden},
			{Name: "social worker cannot decide", Method: "POST", URL: decision, Token: "social",
				Body: `{"version": 2, "decision": "nfa", "rationale": "No role for us"}`, ExpectedStatus: http.StatusForbidden},
			{Name: "social worker cannot see the queue", Method: "GET", URL: "/api/v1/contacts", Token: "social", ExpectedStatus: http.StatusForbidden},
			{Name: "MASH worker cannot record oversight", Method: "POST", URL: fmt.Sprintf("/api/v1/contacts/%d/oversight", c.ID), Token: "mash",
				Body: `{"rationale": "Agree"}`, ExpectedStatus: http.StatusForbidden},
			{Name: "MASH worker cannot read the audit trail", Method: "GET", URL: fmt.Sprintf("/api/v1/audit?child_id=%d", child), Token: "mash",
				ExpectedStatus: http.StatusForbidden},
			{Name: "MASH worker cannot add staff", Method: "POST", URL: "/api/v1/staff", Token: "mash",
				Body: `{"username": "eve", "name": "Eve", "role": "admin", "password": "correct horse battery"}`, ExpectedStatus: http.StatusForbidden},
			{Name: "no token", Method: "GET", URL: person, ExpectedStatus: http.StatusUnauthorized,
				ExpectedContent: []string{"Authorization: Bearer"}, ExpectedHeaders: unauthorised},
			{Name: "no token, before the body is read", Method: "POST", URL: "/api/v1/contacts", Body: `not json`,
				ExpectedStatus: http.StatusUnauthorized, ExpectedHeaders: unauthorised},
			{Name: "a wrong token", Method: "GET", URL: person, Headers: map[string]string{"Authorization": "Bearer not-a-token"},
				ExpectedStatus: http.StatusUnauthorized, ExpectedHeaders: unauthorised},
			{Name: "basic auth is not a bearer token", Method: "GET", URL: person, Headers: map[string]string{"Authorization": "Basic bWFzaDpkZW1v"},
				ExpectedStatus: http.StatusUnauthorized},
			{Name: "the OpenAPI document needs no token", Method: "GET", URL: "/api/v1/openapi.json", ExpectedStatus: http.StatusOK,
				ExpectedContent: []string{`"openapi": "3.1`}},
		} {
			f.run(t, sc)
		}
	})
}

// TestOrganisation covers teams, districts and staff, and checks a
// password never comes back.
func TestOrganisation(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		f.run(t, scenario{Name: "districts", Method: "GET", URL: "/api/v1/districts", Token: "social",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"name":"Northmoor East"`}})
		var team teamJSON
		mustJSON(t, f.run(t, scenario{Name: "create team", Method: "POST", URL: "/api/v1/teams", Token: "admin",
			Body: `{"name": "West Safeguarding", "kind": "safeguarding"}`, ExpectedStatus: http.StatusCreated,
			ExpectedContent: []string{`"active":true`, `"district_id":null`}}), &team)
		teamURL := fmt.Sprintf("/api/v1/teams/%d", team.ID)
		f.run(t, scenario{Name: "rename team", Method: "PUT", URL: teamURL, Token: "admin",
			Body: `{"version": 1, "name": "West Family Safeguarding", "kind": "safeguarding", "active": true}`, ExpectedStatus: http.StatusOK})
		f.run(t, scenario{Name: "stale team", Method: "PUT", URL: teamURL, Token: "admin",
			Body: `{"version": 1, "name": "Old name", "kind": "safeguarding", "active": true}`, ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{`"current_version":2`}})
		f.run(t, scenario{Name: "list teams", Method: "GET", URL: "/api/v1/teams", Token: "mash", ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"West Family Safeguarding", "Front Door MASH"}})

		pw := "a long enough passphrase"
		var st staffJSON
		mustJSON(t, f.run(t, scenario{Name: "create staff", Method: "POST", URL: "/api/v1/staff", Token: "admin",
			Body:           fmt.Sprintf(`{"username": "sam.w", "name": "Sam Wright", "role": "social_worker", "team_id": %d, "password": %q}`, f.assess.ID, pw),
			ExpectedStatus: http.StatusCreated, NotExpectedContent: []string{pw, "password", "argon2"}}), &st)
		staffURL := fmt.Sprintf("/api/v1/staff/%d", st.ID)
		for _, sc := range []scenario{
			{Name: "read staff", Method: "GET", URL: staffURL, Token: "admin", ExpectedStatus: http.StatusOK,
				ExpectedContent: []string{`"username":"sam.w"`, `"team_name":"East Assessment"`}, NotExpectedContent: []string{"password", "argon2"}},
			{Name: "list staff", Method: "GET", URL: "/api/v1/staff", Token: "admin", ExpectedStatus: http.StatusOK,
				ExpectedContent: []string{"Sam Wright", "Test mash"}, NotExpectedContent: []string{"password", "argon2"}},
			{Name: "team manager lists own team", Method: "GET", URL: fmt.Sprintf("/api/v1/staff?team_id=%d", f.mash.ID), Token: "manager",
				ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Test mash"}, NotExpectedContent: []string{"Sam Wright"}},
			{Name: "change staff", Method: "PUT", URL: staffURL, Token: "admin",
				Body:           fmt.Sprintf(`{"version": 1, "username": "sam.w", "name": "Sam Wright-Jones", "role": "social_worker", "team_id": %d, "active": true}`, f.assess.ID),
				ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"version":2`, "Wright-Jones"}},
			{Name: "weak password", Method: "POST", URL: "/api/v1/staff", Token: "admin",
				Body:           `{"username": "weak", "name": "Weak", "role": "analyst", "password": "short"}`,
				ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"password"`}, NotExpectedContent: []string{"short"}},
		} {
			f.run(t, sc)
		}
	})
}

// TestRelationshipsAndRestriction adds a parent to a child's record, then
// restricts the record so that only named staff can open it.
func TestRelationshipsAndRestriction(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Ava", "Jones", "2019-06-01", ""))
		var mum personJSON
		mustJSON(t, f.run(t, scenario{Name: "create adult", Method: "POST", URL: "/api/v1/people", Token: "mash",
			Body: `{"kind": "adult", "given_name": "Sara", "family_name": "Jones"}`, ExpectedStatus: http.StatusCreated,
			ExpectedContent: []string{`"age":null`, `"date_of_birth":null`}}), &mum)
		person := fmt.Sprintf("/api/v1/people/%d", child)
		restrict := person + "/restriction"
		for _, sc := range []scenario{
			{Name: "add parent", Method: "POST", URL: person + "/relationships", Token: "mash",
				Body:           fmt.Sprintf(`{"other_id": %d, "type": "parent", "parental_responsibility": true, "lives_with": true}`, mum.ID),
				ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"label":"Parent"`, `"name":"Sara Jones"`}},
			{Name: "unknown relationship type", Method: "POST", URL: person + "/relationships", Token: "mash",
				Body: fmt.Sprintf(`{"other_id": %d, "type": "aunt"}`, mum.ID), ExpectedStatus: http.StatusBadRequest,
				ExpectedContent: []string{`"field":"type"`}},
			{Name: "household shows the parent", Method: "GET", URL: person, Token: "social", ExpectedStatus: http.StatusOK,
				ExpectedContent: []string{`"household":[{`, `"parental_responsibility":true`}},
			{Name: "social worker cannot restrict", Method: "PUT", URL: restrict, Token: "social",
				Body: `{"version": 1, "restricted": true, "reason": "High profile"}`, ExpectedStatus: http.StatusForbidden},
			{Name: "restrict without a reason", Method: "PUT", URL: restrict, Token: "manager",
				Body: `{"version": 1, "restricted": true}`, ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"reason"`}},
			{Name: "restrict", Method: "PUT", URL: restrict, Token: "manager",
				Body:           fmt.Sprintf(`{"version": 1, "restricted": true, "reason": "High profile", "staff_ids": [%d]}`, f.staff["mash"].ID),
				ExpectedStatus: http.StatusNoContent},
			{Name: "unnamed worker refused", Method: "GET", URL: person, Token: "social", ExpectedStatus: http.StatusForbidden,
				ExpectedContent: []string{"restricted"}},
			{Name: "search hides it from the unnamed", Method: "GET", URL: "/api/v1/people?name=ava+jones", Token: "social",
				ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"results":[]`}},
			{Name: "named worker sees it", Method: "GET", URL: person, Token: "mash", ExpectedStatus: http.StatusOK,
				ExpectedContent: []string{`"label":"Restricted"`, `"restricted":true`, `"name":"Test manager"`, `"name":"Test mash"`}},
			{Name: "stale restriction", Method: "PUT", URL: restrict, Token: "manager",
				Body: `{"version": 1, "restricted": false}`, ExpectedStatus: http.StatusConflict, ExpectedContent: []string{`"current_version":2`}},
		} {
			f.run(t, sc)
		}
	})
}
