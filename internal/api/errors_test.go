package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cairn/internal/csc"
)

// TestBadBodies sends each kind of bad request body and checks the status,
// that the message says what is wrong, and that no message repeats a
// child's identifier.
func TestBadBodies(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Ava", "Jones", "2019-06-01", ""))
		person := fmt.Sprintf("/api/v1/people/%d", child)
		contact := jsonBody(t, contactInput(child))
		badSource := contactInput(child)
		badSource.Source = "ZZ"
		future := childInput("Leo", "Hart", "2027-01-10", "")
		badNHS := childInput("Leo", "Hart", "2020-01-10", "943 476 5918")
		huge := `{"given_name": "` + strings.Repeat("a", maxBodyBytes) + `"}`
		for _, sc := range []scenario{
			{Name: "malformed JSON", Method: "POST", URL: "/api/v1/people", Token: "mash",
				Body:           "{\n  \"given_name\": \"Leo\",\n  family_name: \"Hart\"\n}",
				ExpectedStatus: 400, ExpectedContent: []string{"not valid JSON", "line 3, column 3"}},
			{Name: "truncated JSON", Method: "POST", URL: "/api/v1/people", Token: "mash", Body: `{"given_name": "Leo"`,
				ExpectedStatus: 400, ExpectedContent: []string{"ends before its JSON is complete", "byte offset 20"}},
			{Name: "oversized body", Method: "POST", URL: "/api/v1/people", Token: "mash", Body: huge,
				ExpectedStatus: 413, ExpectedContent: []string{"larger than the API accepts", "1 MiB"}},
			{Name: "unknown field", Method: "POST", URL: "/api/v1/people", Token: "mash",
				Body:           `{"given_name": "Leo", "family_name": "Hart", "favourite_colour": "blue"}`,
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"favourite_colour"`, "not part of this request"}},
			{Name: "wrong content type", Method: "POST", URL: "/api/v1/people", Token: "mash", Body: `{}`,
				Headers: map[string]string{"Content-Type": "text/plain"}, ExpectedStatus: 415, ExpectedContent: []string{"application/json"}},
			{Name: "no content type", Method: "POST", URL: "/api/v1/contacts", Token: "mash", Body: contact,
				Headers: map[string]string{"Content-Type": ""}, ExpectedStatus: 415},
			{Name: "trailing data", Method: "POST", URL: "/api/v1/people", Token: "mash", Body: `{"kind": "child"} {"kind": "adult"}`,
				ExpectedStatus: 400, ExpectedContent: []string{"single JSON object"}},
			{Name: "not an object", Method: "POST", URL: "/api/v1/people", Token: "mash", Body: `["Leo"]`,
				ExpectedStatus: 400, ExpectedContent: []string{"must be a JSON object"}},
			{Name: "empty body", Method: "POST", URL: "/api/v1/people", Token: "mash", Headers: map[string]string{"Content-Type": "application/json"},
				ExpectedStatus: 400, ExpectedContent: []string{"empty"}},
			{Name: "wrong type", Method: "POST", URL: "/api/v1/contacts", Token: "mash", Body: `{"child_id": "seven"}`,
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"child_id"`, "a whole number"}},
			{Name: "wrong nested type", Method: "POST", URL: "/api/v1/contacts", Token: "mash", Body: `{"referrer": {"name": 12}}`,
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"referrer.name"`, "a string"}},
			{Name: "invalid source code", Method: "POST", URL: "/api/v1/contacts", Token: "mash", Body: jsonBody(t, badSource),
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"source"`, "not a referral source code"}},
			{Name: "future date of birth", Method: "POST", URL: "/api/v1/people", Token: "mash", Body: jsonBody(t, future),
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"date_of_birth"`, "today or in the past"}},
			{Name: "invalid NHS number", Method: "POST", URL: "/api/v1/people", Token: "mash", Body: jsonBody(t, badNHS),
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"nhs_number"`, "check digit"},
				NotExpectedContent: []string{"943", "476", "5918"}},
			{Name: "missing version", Method: "PUT", URL: person, Token: "mash", Body: jsonBody(t, childInput("Ava", "Jones", "2019-06-01", "")),
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"version"`}},
			{Name: "invalid NHS number in a search", Method: "GET", URL: "/api/v1/people?nhs_number=9434765918", Token: "mash",
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"nhs_number"`}, NotExpectedContent: []string{"9434765918", "943"}},
		} {
			f.run(t, sc)
		}
	})
}

// TestBadAddresses checks ids in paths, query parameters, unknown
// addresses and wrong methods are refused with a JSON error that says why.
func TestBadAddresses(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Ava", "Jones", "2019-06-01", ""))
		person := fmt.Sprintf("/api/v1/people/%d", child)
		for _, sc := range []scenario{
			{Name: "non-numeric id", Method: "GET", URL: "/api/v1/people/abc", Token: "mash",
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"id"`, "positive whole number"}},
			{Name: "zero id", Method: "GET", URL: "/api/v1/contacts/0", Token: "mash", ExpectedStatus: 400},
			{Name: "negative id", Method: "GET", URL: "/api/v1/documents/-4", Token: "mash", ExpectedStatus: 400},
			{Name: "signed id", Method: "PUT", URL: "/api/v1/teams/+4", Token: "admin", Body: `{"version": 1}`, ExpectedStatus: 400},
			{Name: "no such record", Method: "GET", URL: "/api/v1/people/99999", Token: "mash", ExpectedStatus: 404,
				ExpectedContent: []string{"There is no person 99999."}},
			{Name: "unknown query parameter", Method: "GET", URL: "/api/v1/people?nmae=jones", Token: "mash",
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"nmae"`}},
			{Name: "repeated query parameter", Method: "GET", URL: "/api/v1/people?name=a&name=b", Token: "mash", ExpectedStatus: 400},
			{Name: "bad limit", Method: "GET", URL: "/api/v1/people?name=jones&limit=lots", Token: "mash",
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"limit"`}},
			{Name: "bad rag", Method: "GET", URL: "/api/v1/contacts?rag=purple", Token: "mash",
				ExpectedStatus: 400, ExpectedContent: []string{`"field":"rag"`, "red, amber, green"}},
			{Name: "bad source filter", Method: "GET", URL: "/api/v1/contacts?source=ZZ", Token: "mash", ExpectedStatus: 400},
			{Name: "bad team filter", Method: "GET", URL: "/api/v1/staff?team_id=x", Token: "admin", ExpectedStatus: 400},
			{Name: "bad flag", Method: "POST", URL: "/api/v1/people?check_duplicates=yes", Token: "mash", Body: `{}`, ExpectedStatus: 400},
			{Name: "empty search", Method: "GET", URL: "/api/v1/people", Token: "mash", ExpectedStatus: 400,
				ExpectedContent: []string{"Enter a name, date of birth, NHS number or postcode"}},
			{Name: "unknown address", Method: "GET", URL: "/api/v1/children", Token: "mash", ExpectedStatus: 404,
				ExpectedContent: []string{`"error":`, "openapi.json"}, ExpectedHeaders: map[string]string{"Content-Type": "application/json; charset=utf-8"}},
			{Name: "unknown address without a token", Method: "GET", URL: "/api/v1/people/1/secrets", ExpectedStatus: 404},
			{Name: "wrong method", Method: "DELETE", URL: "/api/v1/people", Token: "mash", ExpectedStatus: 405,
				ExpectedContent: []string{`"error":`}, ExpectedHeaders: map[string]string{"Allow": "GET, HEAD, POST"}},
			{Name: "wrong method on a record", Method: "DELETE", URL: person, Token: "mash", ExpectedStatus: 405,
				ExpectedHeaders: map[string]string{"Allow": "GET, HEAD, PUT"}},
		} {
			f.run(t, sc)
		}
	})
}

// TestStaleVersion checks a stale update is refused with 409 and the
// version the record has now, and that nothing was overwritten.
func TestStaleVersion(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Ava", "Jones", "2019-06-01", ""))
		url := fmt.Sprintf("/api/v1/people/%d", child)
		first := personUpdateInput{Version: 1, PersonInput: childInput("Eva", "Jones", "2019-06-01", "")}
		f.run(t, scenario{Name: "first edit", Method: "PUT", URL: url, Token: "mash", Body: jsonBody(t, first),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"version":2`, `"name":"Eva Jones"`}})
		second := personUpdateInput{Version: 1, PersonInput: childInput("Ava", "Jonas", "2019-06-01", "")}
		body := f.run(t, scenario{Name: "stale edit", Method: "PUT", URL: url, Token: "mash", Body: jsonBody(t, second),
			ExpectedStatus: http.StatusConflict, ExpectedContent: []string{`"current_version":2`, "changed by someone else"}})
		var e errorJSON
		mustJSON(t, body, &e)
		if e.Fields != nil || e.Candidates != nil {
			t.Errorf("conflict body carries fields or candidates: %s", body)
		}
		f.run(t, scenario{Name: "first edit kept", Method: "GET", URL: url, Token: "mash",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"name":"Eva Jones"`, `"version":2`}})

		c := f.recordContact(t, contactInput(child))
		f.run(t, scenario{Name: "stale screening", Method: "POST", URL: fmt.Sprintf("/api/v1/contacts/%d/screening", c.ID), Token: "mash",
			Body: `{"version": 7, "rag": "amber", "risks": "none identified"}`, ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{`"current_version":1`}})
	})
}

// TestInternalErrorsAreGenericAndLogged checks a failure inside cairn
// reaches the client as a generic message only, and the log names the
// operation and the cause but not the query string, which may hold a
// child's name or NHS number.
func TestInternalErrorsAreGenericAndLogged(t *testing.T) {
	logs := &syncBuffer{}
	s := &server{log: slog.New(slog.NewTextHandler(logs, nil))}
	r := httptest.NewRequest("GET", "/api/v1/people?name=Kathryn&nhs_number=9434765919", nil)
	r.Pattern = "GET /api/v1/people"
	w := httptest.NewRecorder()
	s.writeError(w, r, &csc.Error{Op: "app.SearchPeople", Kind: csc.Internal,
		Message: "The audit trail could not be written", Err: errors.New("sql: database is closed")})
	if w.Code != http.StatusInternalServerError {
		t.Fatalf("status %d", w.Code)
	}
	var body errorJSON
	mustJSON(t, w.Body.Bytes(), &body)
	if body.Error != genericMessage || body.Fields != nil {
		t.Errorf("500 body = %+v, want only the generic message", body)
	}
	logged := logs.String()
	for _, want := range []string{"op=app.SearchPeople", `route="GET /api/v1/people"`, "database is closed"} {
		if !strings.Contains(logged, want) {
			t.Errorf("log lacks %q: %s", want, logged)
		}
	}
	for _, bad := range []string{"Kathryn", "9434765919"} {
		if strings.Contains(logged, bad) {
			t.Errorf("log holds %q: %s", bad, logged)
		}
	}
}

// TestErrorStatuses checks the one mapping from error kinds to statuses.
func TestErrorStatuses(t *testing.T) {
	for kind, want := range map[csc.Kind]int{csc.Invalid: 400, csc.NotFound: 404, csc.Forbidden: 403,
		csc.Unauthenticated: 401, csc.Conflict: 409, csc.TooMany: 429, csc.Internal: 500} {
		err := fmt.Errorf("wrapped: %w", &csc.Error{Kind: kind})
		if got := statusOf(err); got != want {
			t.Errorf("%v: status %d, want %d", kind, got, want)
		}
	}
	if got := statusOf(json.Unmarshal([]byte("{"), &struct{}{})); got != 500 {
		t.Errorf("an unclassified error maps to %d, want 500", got)
	}
}
