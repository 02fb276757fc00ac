package api

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestFrontDoorJourney drives one child through the front door by API:
// created, a contact recorded, seen on the queue, screened, a partner check
// requested and returned, decided (referral), the outcome letter downloaded,
// a manager's oversight recorded, and the child's record showing it all.
func TestFrontDoorJourney(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Kathryn", "Smyth", "2015-02-28", "943 476 5919"))
		c := f.recordContact(t, contactInput(child))
		if c.Version != 1 || !c.Open || c.ChildID != child || c.LetterURL != nil {
			t.Fatalf("recorded contact: %+v", c.contactBriefJSON)
		}
		cURL := fmt.Sprintf("/api/v1/contacts/%d", c.ID)

		var queue queueJSON
		mustJSON(t, f.run(t, scenario{Name: "queue shows the contact", Method: "GET", URL: "/api/v1/contacts", Token: "mash",
			ExpectedStatus: http.StatusOK}), &queue)
		if queue.Total != 1 || len(queue.Items) != 1 || queue.Items[0].ID != c.ID {
			t.Fatalf("queue = %+v, want the one contact", queue)
		}
		if it := queue.Items[0]; it.ElapsedMinutes != 75 || it.RemainingMinutes <= 0 || it.Overdue || it.DueAt == "" {
			t.Errorf("queue clock: elapsed %d, remaining %d, overdue %v, due %q", it.ElapsedMinutes, it.RemainingMinutes, it.Overdue, it.DueAt)
		}

		f.run(t, scenario{Name: "screen", Method: "POST", URL: cURL + "/screening", Token: "mash",
			Body:           `{"version": 1, "rag": "red", "risks": "Unexplained bruising", "protective_factors": "Engaged school", "summary": "Needs assessment"}`,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"rag":"red"`, `"version":2`}})

		var pc partnerCheckJSON
		mustJSON(t, f.run(t, scenario{Name: "partner check requested", Method: "POST", URL: cURL + "/partner-checks", Token: "mash",
			Body: `{"agency": "police"}`, ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"returned":false`}}), &pc)
		f.run(t, scenario{Name: "partner check returned", Method: "POST", URL: cURL + "/partner-checks", Token: "mash",
			Body:           fmt.Sprintf(`{"id": %d, "version": %d, "summary": "Two previous call-outs to the address", "returned": true}`, pc.ID, pc.Version),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"returned":true`, `"returned_at":"2026-03-02T09:30:00Z"`}})

		var decided contactJSON
		mustJSON(t, f.run(t, scenario{Name: "decide: referral", Method: "POST", URL: cURL + "/decision", Token: "mash",
			Body:           `{"version": 2, "decision": "referral", "rationale": "Threshold for assessment met"}`,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"decision":"referral"`, `"open":false`}}), &decided)
		if decided.LetterDocumentID == nil || decided.LetterURL == nil || decided.ReferralID == nil {
			t.Fatalf("decision response lacks the letter or referral: %+v", decided.contactBriefJSON)
		}
		if want := fmt.Sprintf("/api/v1/documents/%d", *decided.LetterDocumentID); *decided.LetterURL != want {
			t.Errorf("letter_url = %q, want %q", *decided.LetterURL, want)
		}
		if len(decided.PartnerChecks) != 1 || !decided.PartnerChecks[0].Returned {
			t.Errorf("decided contact's partner checks: %+v", decided.PartnerChecks)
		}

		f.checkLetter(t, *decided.LetterURL, *decided.LetterDocumentID)

		f.run(t, scenario{Name: "oversight by the team manager", Method: "POST", URL: cURL + "/oversight", Token: "manager",
			Body: `{"rationale": "Agree: referral and allocation for assessment"}`, ExpectedStatus: http.StatusCreated,
			ExpectedContent: []string{`"staff_name":"Test manager"`, `"subject_type":"contact"`}})

		f.run(t, scenario{Name: "queue is empty once decided", Method: "GET", URL: "/api/v1/contacts", Token: "mash",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"total":0`, `"items":[]`}})

		f.checkRecordAfterJourney(t, child, c.ID, *decided.LetterDocumentID)
	})
}

// checkLetter downloads the outcome letter and checks it is a real PDF,
// sent so that no browser sniffs it and no header names the child.
func (f *fixture) checkLetter(t *testing.T, url string, id int64) {
	t.Helper()
	req, _ := http.NewRequest("GET", f.srv.URL+url, nil)
	req.Header.Set("Authorization", "Bearer "+f.tokens["mash"])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	pdf, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("letter: status %d, starts %q", res.StatusCode, pdf[:min(len(pdf), 8)])
	}
	want := map[string]string{
		"Content-Type":           "application/pdf",
		"Content-Disposition":    fmt.Sprintf(`attachment; filename="document-%d.pdf"`, id),
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "no-store",
	}
	for k, v := range want {
		if got := res.Header.Get(k); got != v {
			t.Errorf("letter header %s = %q, want %q", k, got, v)
		}
	}
	for k, vs := range res.Header {
		for _, v := range vs {
			if strings.Contains(v, "Kathryn") || strings.Contains(v, "Smyth") {
				t.Errorf("letter header %s names the child: %q", k, v)
			}
		}
	}
}

// checkRecordAfterJourney reads the child's record and checks everything
// the journey did shows on it.
func (f *fixture) checkRecordAfterJourney(t *testing.T, child, contact, letter int64) {
	t.Helper()
	var rec childRecordJSON
	mustJSON(t, f.run(t, scenario{Name: "child record", Method: "GET", URL: fmt.Sprintf("/api/v1/people/%d", child), Token: "social",
		ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"date_of_birth":"2015-02-28"`, `"nhs_number":"9434765919"`}}), &rec)
	if rec.Person.ID != child || rec.Person.Name != "Kathryn Smyth" || rec.Person.Age == nil || *rec.Person.Age != 11 {
		t.Errorf("person = %+v", rec.Person)
	}
	if !slices.ContainsFunc(rec.Badges, func(b badgeJSON) bool { return b.Label == "Open referral" }) {
		t.Errorf("badges %+v lack Open referral", rec.Badges)
	}
	if len(rec.Contacts) != 1 || rec.Contacts[0].ID != contact || rec.Contacts[0].Decision != "referral" {
		t.Errorf("contacts = %+v", rec.Contacts)
	}
	if len(rec.Referrals) != 1 || !rec.Referrals[0].Open || rec.Referrals[0].ReferralDate == nil || *rec.Referrals[0].ReferralDate != "2026-03-02" {
		t.Errorf("referrals = %+v", rec.Referrals)
	}
	if len(rec.Documents) != 1 || rec.Documents[0].ID != letter || rec.Documents[0].URL != fmt.Sprintf("/api/v1/documents/%d", letter) ||
		rec.Documents[0].MediaType != "application/pdf" || rec.Documents[0].Size == 0 {
		t.Errorf("documents = %+v", rec.Documents)
	}
	if len(rec.Oversight) != 1 || rec.Oversight[0].StaffName != "Test manager" {
		t.Errorf("oversight = %+v", rec.Oversight)
	}
	var kinds []string
	for i, e := range rec.Timeline {
		kinds = append(kinds, e.Kind)
		if i > 0 && e.At > rec.Timeline[i-1].At {
			t.Errorf("timeline not newest first: %s after %s", e.At, rec.Timeline[i-1].At)
		}
	}
	for _, k := range []string{"person", "contact", "screening", "partner-check", "referral", "letter", "decision", "oversight"} {
		if !slices.Contains(kinds, k) {
			t.Errorf("timeline kinds %v lack %q", kinds, k)
		}
	}
	if rec.Allocation != nil || rec.Access == nil || rec.Relationships == nil {
		t.Errorf("allocation %+v, access %v, relationships %v: want null, [], []", rec.Allocation, rec.Access, rec.Relationships)
	}
}

// TestChildRecordReadsAreAudited checks every successful read of a child's
// record through the API leaves an audit row, and a refused one does not
// pretend to have been a view.
func TestChildRecordReadsAreAudited(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Ava", "Jones", "2019-06-01", ""))
		auditURL := fmt.Sprintf("/api/v1/audit?child_id=%d", child)
		views := func() int {
			var trail auditJSON
			mustJSON(t, f.run(t, scenario{Name: "audit", Method: "GET", URL: auditURL, Token: "admin", ExpectedStatus: http.StatusOK}), &trail)
			n := 0
			for _, e := range trail.Entries {
				if e.Action == "view" && e.SubjectType == "person" && e.SubjectID != nil && *e.SubjectID == child {
					n++
					if e.Channel != "api" || e.StaffID == nil || *e.StaffID != f.staff["social"].ID {
						t.Errorf("view row %+v: want channel api by the social worker", e)
					}
				}
			}
			return n
		}
		if n := views(); n != 0 {
			t.Fatalf("%d views before any read", n)
		}
		url := fmt.Sprintf("/api/v1/people/%d", child)
		for i := 1; i <= 3; i++ {
			f.run(t, scenario{Name: "read", Method: "GET", URL: url, Token: "social", ExpectedStatus: http.StatusOK})
			if n := views(); n != i {
				t.Errorf("after %d reads the audit trail holds %d views", i, n)
			}
		}
		f.run(t, scenario{Name: "admin refused", Method: "GET", URL: url, Token: "admin", ExpectedStatus: http.StatusForbidden})
		if n := views(); n != 3 {
			t.Errorf("a refused read added a view: %d", n)
		}
	})
}

// TestDuplicateCheck checks a client sees likely duplicates before making
// a second record for the same child, and can still insist.
func TestDuplicateCheck(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		first := f.createChild(t, childInput("Kathryn", "Smyth", "2015-02-28", "9434765919"))
		again := jsonBody(t, childInput("Catherine", "Smith", "2015-02-28", ""))
		f.run(t, scenario{Name: "duplicate found", Method: "POST", URL: "/api/v1/people?check_duplicates=true", Token: "mash",
			Body: again, ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{`"candidates":[`, fmt.Sprintf(`"id":%d`, first), "confirm_new=true"}})
		f.run(t, scenario{Name: "new person, no candidates", Method: "POST", URL: "/api/v1/people?check_duplicates=true", Token: "mash",
			Body: jsonBody(t, childInput("Leo", "Hart", "2020-01-10", "")), ExpectedStatus: http.StatusCreated})
		f.run(t, scenario{Name: "confirmed new", Method: "POST", URL: "/api/v1/people?check_duplicates=true&confirm_new=true", Token: "mash",
			Body: again, ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"name":"Catherine Smith"`}})
		f.run(t, scenario{Name: "search finds both", Method: "GET", URL: "/api/v1/people?name=smith&date_of_birth=2015-02-28", Token: "mash",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"Kathryn Smyth"`, `"Catherine Smith"`, `"reasons":["date of birth"`}})
	})
}
