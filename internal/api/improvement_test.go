package api

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/letters"
)

func init() {
	for name, typ := range map[string]reflect.Type{
		"Judgement": reflect.TypeFor[judgementJSON](), "Inspection": reflect.TypeFor[inspectionJSON](),
		"InspectionList": reflect.TypeFor[inspectionListJSON](), "ImprovementDocument": reflect.TypeFor[improvementDocumentJSON](),
		"Finding": reflect.TypeFor[findingJSON](), "FindingList": reflect.TypeFor[findingListJSON](),
		"InspectionDetail": reflect.TypeFor[inspectionDetailJSON](), "InspectionInput": reflect.TypeFor[csc.InspectionInput](),
		"FindingInput": reflect.TypeFor[csc.FindingInput](), "FindingsInput": reflect.TypeFor[csc.FindingsInput](),
		"FindingDraftInput": reflect.TypeFor[draftInput](), "FindingDrafts": reflect.TypeFor[draftJSON](),
		"GradeRow": reflect.TypeFor[gradeRowJSON](), "GradeHistory": reflect.TypeFor[historyJSON](),
		"ActionRating": reflect.TypeFor[ratingJSON](), "ProgressUpdate": reflect.TypeFor[progressJSON](),
		"ImprovementAction": reflect.TypeFor[actionJSON](), "PlanTheme": reflect.TypeFor[themeJSON](),
		"ImprovementPlan": reflect.TypeFor[planJSON](), "ImprovementSummary": reflect.TypeFor[summaryJSON](),
		"Evidence": reflect.TypeFor[evidenceJSON](), "ImprovementActionDetail": reflect.TypeFor[actionDetailJSON](),
		"ImprovementActionInput": reflect.TypeFor[csc.ActionInput](), "ActionStatusInput": reflect.TypeFor[csc.ActionStatusInput](),
		"ProgressInput": reflect.TypeFor[csc.ProgressInput](), "EvidenceInput": reflect.TypeFor[csc.EvidenceInput](),
		"SelfEvaluation": reflect.TypeFor[selfEvaluationJSON](), "SelfEvaluationList": reflect.TypeFor[selfEvaluationListJSON](),
		"SelfEvaluationVersion": reflect.TypeFor[selfEvaluationVersionJSON](), "SelfEvaluationDetail": reflect.TypeFor[selfEvaluationDetailJSON](),
		"SelfEvaluationInput": reflect.TypeFor[csc.SelfEvaluationInput](), "DiffLine": reflect.TypeFor[app.DiffLine](),
		"SectionDiff": reflect.TypeFor[app.SectionDiff](), "SelfEvaluationComparison": reflect.TypeFor[compareJSON](),
	} {
		schemaTypes[name] = typ
	}
}

// addStaff adds a member of staff with a token, for roles the shared
// fixture does not seed.
func (f *fixture) addStaff(t *testing.T, key string, role csc.Role) {
	t.Helper()
	s := csc.Staff{Username: key, Name: "Test " + key, Role: role, Employment: csc.EmployPermanent, Active: true}
	if err := f.db.Write(context.Background(), func(tx csc.Tx) error { return tx.CreateStaff(&s, "") }); err != nil {
		t.Fatal(err)
	}
	tok, err := f.app.CreateToken(context.Background(), key, "test", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	f.staff[key], f.tokens[key] = s, tok
}

func apiPDF(t *testing.T) string {
	t.Helper()
	pdf, err := letters.RenderChronology(letters.Chronology{Authority: "Northmoor County Council", ChildName: "Letter",
		RecordNumber: "1", Generated: testNow, Entries: []letters.ChronologyEntry{{Date: testNow, What: "Audit actions are timely."}}})
	if err != nil {
		t.Fatal(err)
	}
	return string(pdf)
}

// TestImprovementJourney records a focused visit by API, drafts its
// findings from a pasted list, saves them, turns one into an action with
// an update and evidence, and reads the plan and a self-evaluation back,
// with the refusals a client would meet on the way.
func TestImprovementJourney(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		f.addStaff(t, "qa", csc.RoleQA)
		f.addStaff(t, "board", csc.RoleBoardMember)
		pdfHeaders := map[string]string{"Content-Type": "application/pdf"}
		f.run(t, scenario{Name: "grade on a focused visit", Method: "POST", URL: "/api/v1/improvement/inspections", Token: "qa",
			Body: `{"kind": "focused_visit", "onsite_start": "2026-02-09", "grades": {"leaders": "good"}}`, ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"field":"grades.leaders"`, "not graded"}})
		f.run(t, scenario{Name: "board member cannot record", Method: "POST", URL: "/api/v1/improvement/inspections", Token: "board",
			Body: `{"kind": "focused_visit", "onsite_start": "2026-02-09"}`, ExpectedStatus: http.StatusForbidden})
		f.run(t, scenario{Name: "social worker cannot read", Method: "GET", URL: "/api/v1/improvement/plan", Token: "social",
			ExpectedStatus: http.StatusForbidden})
		var ins inspectionJSON
		mustJSON(t, f.run(t, scenario{Name: "record", Method: "POST", URL: "/api/v1/improvement/inspections", Token: "qa",
			Body:           `{"kind": "focused_visit", "notice_date": "2026-01-26", "onsite_start": "2026-02-09", "focus": "Front door"}`,
			ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"graded":false`, `"onsite_end":null`, `"letter_url":null`}}), &ins)
		base := fmt.Sprintf("/api/v1/improvement/inspections/%d", ins.ID)
		f.run(t, scenario{Name: "letter as JSON", Method: "POST", URL: base + "/letter?version=1", Token: "qa", Body: `{}`,
			ExpectedStatus: http.StatusUnsupportedMediaType})
		f.run(t, scenario{Name: "a text file as the letter", Method: "POST", URL: base + "/letter?version=1", Token: "qa",
			Body: "Dear Director", Headers: pdfHeaders, ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"letter"`, "not a PDF"}})
		f.run(t, scenario{Name: "letter", Method: "POST", URL: base + "/letter?version=1&title=Published+letter", Token: "qa",
			Body: apiPDF(t), Headers: pdfHeaders, ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"version":2`, `"letter_url":"/api/v1/improvement/documents/`}})
		f.run(t, scenario{Name: "stale letter", Method: "POST", URL: base + "/letter?version=1", Token: "qa",
			Body: apiPDF(t), Headers: pdfHeaders, ExpectedStatus: http.StatusConflict, ExpectedContent: []string{`"current_version":2`}})
		var drafts draftJSON
		mustJSON(t, f.run(t, scenario{Name: "draft", Method: "POST", URL: base + "/findings/draft", Token: "qa",
			Body:           `{"kind": "improvement", "text": "What needs to improve\n◼ the stability of the\nworkforce\n◼ timely audit actions."}`,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"text":"The stability of the workforce"`, `"areas":["workforce"]`}}), &drafts)
		f.run(t, scenario{Name: "findings with one empty", Method: "POST", URL: base + "/findings", Token: "qa",
			Body:           `{"findings": [{"kind": "improvement", "text": "x"}, {"kind": "improvement", "text": ""}]}`,
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"findings.1.text"`}})
		var fs findingListJSON
		mustJSON(t, f.run(t, scenario{Name: "findings", Method: "POST", URL: base + "/findings", Token: "qa",
			Body: jsonBody(t, csc.FindingsInput{Findings: drafts.Findings}), ExpectedStatus: http.StatusCreated}), &fs)
		if len(fs.Findings) != 2 {
			t.Fatalf("findings %+v", fs)
		}
		action := fmt.Sprintf(`{"title": "Recruitment drive", "theme": "workforce", "owner_id": %d, "start": "2026-01-05", "due": "%%s", "finding_ids": [%d]}`,
			f.staff["manager"].ID, fs.Findings[0].ID)
		f.run(t, scenario{Name: "due before start", Method: "POST", URL: "/api/v1/improvement/actions", Token: "qa",
			Body: fmt.Sprintf(action, "2026-01-04"), ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"due"`}})
		var act actionJSON
		mustJSON(t, f.run(t, scenario{Name: "action", Method: "POST", URL: "/api/v1/improvement/actions", Token: "qa",
			Body: fmt.Sprintf(action, "2026-02-27"), ExpectedStatus: http.StatusCreated,
			ExpectedContent: []string{`"rag":"red"`, `"overdue":true`, `"status":"not_started"`}}), &act)
		au := fmt.Sprintf("/api/v1/improvement/actions/%d", act.ID)
		f.run(t, scenario{Name: "update", Method: "POST", URL: au + "/updates", Token: "qa",
			Body: `{"quarter": "2025-26 Q4", "narrative": "Adverts placed.", "percent": 30}`, ExpectedStatus: http.StatusCreated,
			ExpectedContent: []string{`"quarter_label":"Q4 2025–26 (January to March 2026)"`}})
		f.run(t, scenario{Name: "evidence PDF", Method: "POST", URL: au + "/evidence/documents?title=Advert&note=Placed", Token: "qa",
			Body: apiPDF(t), Headers: pdfHeaders, ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"document_title":"Advert"`}})
		f.run(t, scenario{Name: "stale status", Method: "POST", URL: au + "/status", Token: "qa",
			Body: `{"version": 9, "status": "complete"}`, ExpectedStatus: http.StatusConflict, ExpectedContent: []string{`"current_version":1`}})
		f.run(t, scenario{Name: "complete", Method: "POST", URL: au + "/status", Token: "qa",
			Body: `{"version": 1, "status": "complete", "completed_on": "2026-02-26"}`, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"rag":"blue"`, `"completed_on":"2026-02-26"`}})
		var plan planJSON
		mustJSON(t, f.run(t, scenario{Name: "plan", Method: "GET", URL: "/api/v1/improvement/plan", Token: "board", ExpectedStatus: http.StatusOK}), &plan)
		if plan.Total != 1 || plan.Counts["blue"] != 1 || len(plan.Unanswered) != 1 || plan.Unanswered[0].ID != fs.Findings[1].ID ||
			len(plan.Themes) != 1 || plan.Themes[0].Actions[0].LatestUpdate == nil {
			t.Errorf("plan %+v", plan)
		}
		f.run(t, scenario{Name: "summary", Method: "GET", URL: "/api/v1/improvement", Token: "board", ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"unanswered_findings":1`, `"kind":"focused_visit"`}})
		f.run(t, scenario{Name: "inspection", Method: "GET", URL: base, Token: "board", ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{fmt.Sprintf(`"unanswered_finding_ids":[%d]`, fs.Findings[1].ID), `"title":"Published letter"`}})
		f.run(t, scenario{Name: "letter download", Method: "GET", URL: "/api/v1/improvement/documents/1", Token: "board",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"%PDF-"},
			ExpectedHeaders: map[string]string{"Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="improvement-document-1.pdf"`}})
		var v1 selfEvaluationVersionJSON
		mustJSON(t, f.run(t, scenario{Name: "self-evaluation", Method: "POST", URL: "/api/v1/improvement/self-evaluations", Token: "qa",
			Body: `{"title": "Self-evaluation 2025-26", "what_do_we_know": "Line one.\nLine two."}`, ExpectedStatus: http.StatusCreated}), &v1)
		f.run(t, scenario{Name: "self-evaluation version 2", Method: "POST", URL: "/api/v1/improvement/self-evaluations/1/versions", Token: "qa",
			Body: `{"base_version": 1, "what_do_we_know": "Line one.\nLine three."}`, ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"number":2`}})
		f.run(t, scenario{Name: "stale self-evaluation", Method: "POST", URL: "/api/v1/improvement/self-evaluations/1/versions", Token: "qa",
			Body: `{"base_version": 1, "what_do_we_know": "Other."}`, ExpectedStatus: http.StatusConflict, ExpectedContent: []string{`"current_version":2`}})
		f.run(t, scenario{Name: "compare", Method: "GET", URL: "/api/v1/improvement/self-evaluations/1/compare", Token: "board",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`{"op":"removed","text":"Line two."}`, `{"op":"added","text":"Line three."}`}})
		f.run(t, scenario{Name: "history", Method: "GET", URL: "/api/v1/improvement/history", Token: "board", ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"inspections":[]`, `"judgement":"overall_effectiveness"`}})
	})
}
