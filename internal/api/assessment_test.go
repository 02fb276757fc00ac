package api

import (
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"cairn/internal/app"
	"cairn/internal/csc"
)

func init() {
	for name, typ := range map[string]reflect.Type{
		"IdentityNote": reflect.TypeFor[csc.IdentityNote](), "ChildSeen": reflect.TypeFor[childSeenJSON](),
		"Assessment": reflect.TypeFor[assessmentJSON](), "EarlyHelp": reflect.TypeFor[earlyHelpJSON](),
		"HomelessPresentation": reflect.TypeFor[homelessJSON](), "Episode": reflect.TypeFor[episodeJSON](),
		"ReferralInput": reflect.TypeFor[csc.ReferralInput](), "ClosureInput": reflect.TypeFor[csc.ClosureInput](),
		"StartAssessmentInput": reflect.TypeFor[startAssessmentInput](), "AssessmentInput": reflect.TypeFor[csc.AssessmentInput](),
		"ChildSeenInput": reflect.TypeFor[childSeenInput](), "VersionInput": reflect.TypeFor[versionInput](),
		"AuthoriseInput": reflect.TypeFor[app.AuthoriseInput](), "EarlyHelpInput": reflect.TypeFor[csc.EarlyHelpInput](),
		"EHAInput": reflect.TypeFor[csc.EHAInput](), "EarlyHelpEndInput": reflect.TypeFor[csc.EarlyHelpEndInput](),
		"HomelessInput": reflect.TypeFor[csc.HomelessInput](), "HomelessDecisionInput": reflect.TypeFor[csc.HomelessDecisionInput](),
	} {
		schemaTypes[name] = typ
	}
}

func TestAssessmentAPI(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Ava", "Stone", "2015-04-01", ""))
		c := f.recordContact(t, contactInput(child))
		cURL := fmt.Sprintf("/api/v1/contacts/%d", c.ID)
		f.run(t, scenario{Name: "screen", Method: "POST", URL: cURL + "/screening", Token: "mash",
			Body: `{"version": 1, "rag": "red", "risks": "x"}`, ExpectedStatus: http.StatusOK})
		var decided contactJSON
		mustJSON(t, f.run(t, scenario{Name: "decide", Method: "POST", URL: cURL + "/decision", Token: "mash",
			Body: `{"version": 2, "decision": "referral", "rationale": "Assess"}`, ExpectedStatus: http.StatusOK}), &decided)
		rURL := fmt.Sprintf("/api/v1/referrals/%d", *decided.ReferralID)
		f.run(t, scenario{Name: "read the episode", Method: "GET", URL: rURL, Token: "inspector", ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"hp03_due":"2026-05-07"`, `"re_referral":false`}})
		f.run(t, scenario{Name: "close with RC10", Method: "POST", URL: rURL + "/closure", Token: "manager",
			Body: `{"version": 1, "closure_date": "2026-03-02", "closure_reason": "RC10"}`, ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"field":"closure_reason"`}})
		f.run(t, scenario{Name: "close without a version", Method: "POST", URL: rURL + "/closure", Token: "manager",
			Body: `{"closure_date": "2026-03-02", "closure_reason": "RC8"}`, ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"field":"version"`}})
		var x assessmentJSON
		mustJSON(t, f.run(t, scenario{Name: "start", Method: "POST", URL: rURL + "/assessments", Token: "social",
			Body: `{"start_date": "2026-03-02"}`, ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"status":"open"`}}), &x)
		aURL := fmt.Sprintf("/api/v1/assessments/%d", x.ID)
		f.run(t, scenario{Name: "inspector cannot write", Method: "PUT", URL: aURL, Token: "inspector",
			Body: `{"version": 1, "history": "x"}`, ExpectedStatus: http.StatusForbidden})
		f.run(t, scenario{Name: "save", Method: "PUT", URL: aURL, Token: "social",
			Body:           `{"version": 1, "identity": {"ethnicity": {"found": "White British"}}, "factors": ["3A"]}`,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"factors":["3A"]`, `"version":2`}})
		f.run(t, scenario{Name: "submit with identity blank", Method: "POST", URL: aURL + "/submission", Token: "social",
			Body: `{"version": 2}`, ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"identity.religion"`},
			NotExpectedContent: []string{`"field":"identity.ethnicity"`}})
		f.run(t, scenario{Name: "closing with the assessment open", Method: "POST", URL: rURL + "/closure", Token: "manager",
			Body: `{"version": 1, "closure_date": "2026-03-02", "closure_reason": "RC8"}`, ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{"not yet authorised"}})
	})
}
