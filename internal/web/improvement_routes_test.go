package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/letters"
)

// Who may use the improvement area: board members, analysts and
// inspectors read it; senior leaders and QA also change it.
var (
	improvementReaders = []csc.Role{csc.RoleQA, csc.RoleAnalyst, csc.RoleInspector, csc.RoleSeniorLeader, csc.RoleBoardMember}
	improvementEditors = []csc.Role{csc.RoleQA, csc.RoleSeniorLeader}
)

// impFixture is an inspection with a letter and two findings, an action
// answering one with an update, and a self-evaluation with one version.
type impFixture struct {
	ins, finding, action, selfEval, letter, owner int64
	insVersion, findingVersion, actionVersion     int
}

func (s *site) improvementFixture(t *testing.T) impFixture {
	t.Helper()
	qa := s.Actor(csc.RoleQA)
	ins, err := s.App.RecordInspection(ctx, qa, csc.InspectionInput{Kind: "focused_visit", OnSiteStart: "2026-02-09", Focus: "Front door"})
	if err != nil {
		t.Fatal(err)
	}
	ins, err = s.App.AttachLetter(ctx, qa, ins.ID, ins.Version, app.DocumentUpload{Content: samplePDF(t, "The letter.")})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := s.App.RecordFindings(ctx, qa, ins.ID, csc.FindingsInput{Findings: []csc.FindingInput{
		{Kind: "improvement", Text: "Audit actions are completed on time.", Areas: []string{"quality_assurance"}},
		{Kind: "improvement", Text: "Assessments consider identity.", Areas: []string{"assessment"}}}})
	if err != nil {
		t.Fatal(err)
	}
	act, err := s.App.RecordAction(ctx, qa, csc.ActionInput{Title: "Audit tracker", Theme: "quality_assurance",
		OwnerID: s.Staff[csc.RoleQA].ID, Start: "2026-01-05", Due: "2026-06-30", FindingIDs: []int64{fs[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.App.SaveSelfEvaluation(ctx, qa, 0, csc.SelfEvaluationInput{Title: "Self-evaluation 2025-26", Know: "We know."})
	if err != nil {
		t.Fatal(err)
	}
	return impFixture{ins: ins.ID, insVersion: ins.Version, letter: ins.LetterDocumentID, finding: fs[1].ID, findingVersion: fs[1].Version,
		action: act.ID, actionVersion: act.Version, selfEval: v.SelfEvaluationID, owner: s.Staff[csc.RoleTeamManager].ID}
}

// samplePDF renders a real one-page PDF with cairn's layout engine.
func samplePDF(t testing.TB, text string) []byte {
	t.Helper()
	pdf, err := letters.RenderChronology(letters.Chronology{Authority: "Northmoor County Council", ChildName: "Letter",
		RecordNumber: "1", Generated: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		Entries: []letters.ChronologyEntry{{Date: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC), What: text}}})
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// upload posts a multipart form with a file as the role's browser does.
func (s *site) upload(t *testing.T, r csc.Role, path string, form url.Values, field, filename string, content []byte) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if field != "" {
		fw, _ := mw.CreateFormFile(field, filename)
		fw.Write(content)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", s.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return s.send(t, r, req)
}

type impRoute struct {
	method, path string
	form         func(f impFixture) url.Values
	upload       string // the file field of a multipart form, if any
	allowed      []csc.Role
	changes      bool // a change, which must leave an audit row by its author
}

func impForm(kv ...string) func(f impFixture) url.Values {
	return func(impFixture) url.Values {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}
}

// improvementRoutes is every page of the improvement area with the roles
// that may use it. Paths name the fixture's records: {ins}, {finding},
// {action}, {selfeval}, {letter}.
var improvementRoutes = []impRoute{
	{"GET", "/improvement", nil, "", improvementReaders, false},
	{"GET", "/improvement/inspections", nil, "", improvementReaders, false},
	{"GET", "/improvement/inspections/new", nil, "", improvementEditors, false},
	{"POST", "/improvement/inspections", impForm("kind", "monitoring_visit", "onsite_start", "2026-02-16"), "", improvementEditors, true},
	{"GET", "/improvement/inspections/{ins}", nil, "", improvementReaders, false},
	{"GET", "/improvement/inspections/{ins}/edit", nil, "", improvementEditors, false},
	{"POST", "/improvement/inspections/{ins}", func(f impFixture) url.Values {
		return url.Values{"version": {fmt.Sprint(f.insVersion)}, "kind": {"focused_visit"}, "onsite_start": {"2026-02-09"}, "focus": {"Front door and CIN"}}
	}, "", improvementEditors, true},
	{"POST", "/improvement/inspections/{ins}/letter", func(f impFixture) url.Values {
		return url.Values{"version": {fmt.Sprint(f.insVersion)}}
	}, "letter", improvementEditors, true},
	{"POST", "/improvement/inspections/{ins}/findings/draft", impForm("kind", "improvement", "pasted", "• one\n• two"), "", improvementEditors, false},
	{"POST", "/improvement/inspections/{ins}/findings", impForm("count", "1", "findings.0.include", "yes", "findings.0.kind", "strength",
		"findings.0.text", "Strong front door."), "", improvementEditors, true},
	{"GET", "/improvement/findings/{finding}/edit", nil, "", improvementEditors, false},
	{"POST", "/improvement/findings/{finding}", func(f impFixture) url.Values {
		return url.Values{"version": {fmt.Sprint(f.findingVersion)}, "kind": {"recommendation"}, "text": {"Consider identity."}}
	}, "", improvementEditors, true},
	{"GET", "/improvement/history", nil, "", improvementReaders, false},
	{"GET", "/improvement/documents/{letter}", nil, "", improvementReaders, true},
	{"GET", "/improvement/plan", nil, "", improvementReaders, false},
	{"GET", "/improvement/actions/new?finding={finding}", nil, "", improvementEditors, false},
	{"POST", "/improvement/actions", func(f impFixture) url.Values {
		return url.Values{"title": {"Identity guidance"}, "theme": {"assessment"}, "owner_id": {fmt.Sprint(f.owner)}, "start": {"2026-03-02"},
			"due": {"2026-09-30"}, "finding_ids": {fmt.Sprint(f.finding)}}
	}, "", improvementEditors, true},
	{"GET", "/improvement/actions/{action}", nil, "", improvementReaders, false},
	{"GET", "/improvement/actions/{action}/edit", nil, "", improvementEditors, false},
	{"POST", "/improvement/actions/{action}", func(f impFixture) url.Values {
		return url.Values{"version": {fmt.Sprint(f.actionVersion)}, "title": {"Audit tracker"}, "theme": {"quality_assurance"},
			"owner_id": {fmt.Sprint(f.owner)}, "start": {"2026-01-05"}, "due": {"2026-07-31"}, "finding_ids": {fmt.Sprint(f.finding)}}
	}, "", improvementEditors, true},
	{"POST", "/improvement/actions/{action}/status", func(f impFixture) url.Values {
		return url.Values{"version": {fmt.Sprint(f.actionVersion)}, "status": {"in_progress"}}
	}, "", improvementEditors, true},
	{"POST", "/improvement/actions/{action}/updates", impForm("quarter", "2025-26 Q4", "narrative", "Tracker built.", "percent", "30"), "", improvementEditors, true},
	{"POST", "/improvement/actions/{action}/evidence", impForm("note", "Tracker in use.", "title", "Tracker"), "file", improvementEditors, true},
	{"GET", "/improvement/self-evaluations", nil, "", improvementReaders, false},
	{"GET", "/improvement/self-evaluations/new", nil, "", improvementEditors, false},
	{"POST", "/improvement/self-evaluations", impForm("title", "Self-evaluation 2026-27", "what_do_we_know", "Much."), "", improvementEditors, true},
	{"GET", "/improvement/self-evaluations/{selfeval}", nil, "", improvementReaders, false},
	{"GET", "/improvement/self-evaluations/{selfeval}/edit", nil, "", improvementEditors, false},
	{"POST", "/improvement/self-evaluations/{selfeval}", impForm("base_version", "1", "what_do_we_know", "We know more."), "", improvementEditors, true},
}

func (f impFixture) expand(path string) string {
	return strings.NewReplacer("{ins}", fmt.Sprint(f.ins), "{finding}", fmt.Sprint(f.finding), "{action}", fmt.Sprint(f.action),
		"{selfeval}", fmt.Sprint(f.selfEval), "{letter}", fmt.Sprint(f.letter)).Replace(path)
}

// TestImprovementRoutesAuditAndRefuse proves every page of the area works
// for each role allowed it, that each change leaves an audit row by its
// author, and that every other role is refused with 403 and no change —
// board members included, who read but never change.
func TestImprovementRoutesAuditAndRefuse(t *testing.T) {
	if testing.Short() {
		t.Skip("the full route matrix runs in the ordinary test run; -short (the race run) skips it")
	}
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		pdf := samplePDF(t, "Evidence.")
		for _, rt := range improvementRoutes {
			// A fixture serves the roles in turn until a request may have
			// changed it; then the next role gets a fresh one.
			var f impFixture
			fresh := false
			for _, role := range csc.Roles {
				t.Run(rt.method+" "+rt.path+" as "+string(role), func(t *testing.T) {
					if !fresh {
						f, fresh = s.improvementFixture(t), true
					}
					path := f.expand(rt.path)
					var form url.Values
					if rt.form != nil {
						form = rt.form(f)
					}
					before := auditCount(t, s, role)
					var st int
					var body string
					if rt.upload != "" {
						st, body = s.upload(t, role, path, form, rt.upload, "file.pdf", pdf)
					} else {
						st, body = s.do(t, role, rt.method, path, form)
					}
					after := auditCount(t, s, role)
					allowed := false
					for _, a := range rt.allowed {
						allowed = allowed || a == role
					}
					if allowed && rt.method == "POST" {
						fresh = false
					}
					switch {
					case allowed && st >= 400:
						t.Errorf("status %d for an allowed role: %.400s", st, body)
					case allowed && rt.changes && after <= before:
						t.Errorf("no audit row written by the %s", role)
					case !allowed && st != http.StatusForbidden:
						t.Errorf("status %d, want 403", st)
					case !allowed && after != before:
						t.Errorf("a refused request changed the audit trail (%d → %d rows)", before, after)
					}
				})
			}
		}
	})
}

// auditCount counts the audit rows written by the member of staff with the role.
func auditCount(t *testing.T, s *site, r csc.Role) int {
	t.Helper()
	var n int
	err := s.DB.Read(ctx, func(tx csc.Tx) error {
		var err error
		_, n, err = tx.FindAudit(csc.AuditQuery{StaffID: s.Staff[r].ID, Limit: 1})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestImprovementPages walks the area as its users do: a board member
// lands on it and sees no way into children's records; a grade on a
// focused visit is refused on the form; a pasted list becomes drafts that
// are checked and saved; a Word file is refused as a letter; the plan
// explains its rating and flags what needs attention.
func TestImprovementPages(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		st, _ := s.do(t, csc.RoleBoardMember, "GET", "/", nil)
		if st != http.StatusSeeOther {
			t.Errorf("board member's home: status %d", st)
		}
		st, body := s.do(t, csc.RoleBoardMember, "GET", "/improvement", nil)
		if st != 200 || !strings.Contains(body, `href="/improvement" aria-current="page">Improvement`) || strings.Contains(body, "Find a person") ||
			strings.Contains(body, "Record an inspection") {
			t.Errorf("board member's improvement page: %d", st)
		}
		if st, _ := s.do(t, csc.RoleBoardMember, "GET", "/people?name=vale", nil); st != http.StatusForbidden {
			t.Errorf("a board member searched for children: %d", st)
		}
		st, body = s.do(t, csc.RoleQA, "POST", "/improvement/inspections", url.Values{"kind": {"focused_visit"},
			"onsite_start": {"2026-02-09"}, "grades.help_and_protection": {"good"}})
		if st != http.StatusBadRequest || !strings.Contains(body, "focused visit is not graded") {
			t.Errorf("a graded focused visit: %d", st)
		}
		if list, _ := s.App.Inspections(ctx, s.Actor(csc.RoleQA)); len(list) != 0 {
			t.Fatalf("a refused inspection was saved")
		}
		f := s.improvementFixture(t)
		ins := fmt.Sprintf("/improvement/inspections/%d", f.ins)
		st, body = s.upload(t, csc.RoleQA, ins+"/letter", url.Values{"version": {fmt.Sprint(f.insVersion)}}, "letter", "letter.docx", []byte("PK\x03\x04"))
		if st != http.StatusBadRequest || !strings.Contains(body, "The file is not a PDF") {
			t.Errorf("a Word file as the letter: %d", st)
		}
		st, body = s.do(t, csc.RoleQA, "POST", ins+"/findings/draft", url.Values{"kind": {"improvement"},
			"pasted": {"What needs to improve\n\n◼ the capacity of the workforce in the\n\nwest teams\n◼ timely audit actions.\n\nFindings"}})
		if st != 200 || !strings.Contains(body, "The capacity of the workforce in the west teams") || !strings.Contains(body, `name="count" value="2"`) {
			t.Fatalf("drafts from a paste: %d %.300s", st, body)
		}
		st, _ = s.do(t, csc.RoleQA, "POST", ins+"/findings", url.Values{"count": {"2"},
			"findings.0.include": {"yes"}, "findings.0.kind": {"improvement"}, "findings.0.text": {"The capacity of the workforce in the west teams"},
			"findings.0.areas": {"workforce"}, "findings.1.kind": {"improvement"}, "findings.1.text": {"Timely audit actions."}})
		if st != http.StatusSeeOther {
			t.Errorf("saving the checked drafts: %d", st)
		}
		st, body = s.do(t, csc.RoleQA, "POST", ins+"/findings", url.Values{"count": {"1"},
			"findings.0.include": {"yes"}, "findings.0.kind": {"improvement"}, "findings.0.text": {" "}})
		if st != http.StatusBadRequest || !strings.Contains(body, `href="#findings.0.text"`) {
			t.Errorf("an emptied draft: %d", st)
		}
		_, body = s.do(t, csc.RoleBoardMember, "GET", ins, nil)
		if strings.Count(body, ">No action</strong>") != 2 || !strings.Contains(body, "Workforce") || strings.Contains(body, "Split into findings") {
			t.Errorf("the inspection page does not flag the two findings without an action")
		}
		st, body = s.do(t, csc.RoleSeniorLeader, "POST", "/improvement/actions", url.Values{"title": {"Recruit"}, "theme": {"workforce"},
			"owner_id": {fmt.Sprint(f.owner)}, "start": {"2026-03-02"}, "due": {"2026-03-01"}, "finding_ids": {fmt.Sprint(f.finding)}})
		if st != http.StatusBadRequest || !strings.Contains(body, "The due date must be on or after the start date, 2 March 2026") {
			t.Errorf("an action due before it starts: %d", st)
		}
		_, body = s.do(t, csc.RoleBoardMember, "GET", "/improvement/plan", nil)
		if !strings.Contains(body, "How the rating is worked out") || !strings.Contains(body, "more than 10 points behind") ||
			!strings.Contains(body, "Findings with no action (2)") || !strings.Contains(body, "Audit tracker") {
			t.Errorf("the plan page lacks its rule or flags")
		}
		s.do(t, csc.RoleQA, "POST", fmt.Sprintf("/improvement/self-evaluations/%d", f.selfEval), url.Values{"base_version": {"1"},
			"what_do_we_know": {"We know more."}})
		_, body = s.do(t, csc.RoleBoardMember, "GET", fmt.Sprintf("/improvement/self-evaluations/%d/compare?to=2", f.selfEval), nil)
		if !strings.Contains(body, "<strong>Removed:</strong> We know.") || !strings.Contains(body, "<strong>Added:</strong> We know more.") {
			t.Errorf("the comparison of versions 1 and 2 does not show the change")
		}
		for _, in := range []url.Values{
			{"kind": {"standard"}, "onsite_start": {"2019-06-03"}, "grades.overall_effectiveness": {"inadequate"}, "grades.leaders": {"inadequate"}},
			{"kind": {"short"}, "onsite_start": {"2022-06-06"}, "grades.overall_effectiveness": {"good"}, "grades.leaders": {"outstanding"}},
		} {
			if st, body := s.do(t, csc.RoleSeniorLeader, "POST", "/improvement/inspections", in); st != http.StatusSeeOther {
				t.Fatalf("a graded inspection: %d %.300s", st, body)
			}
		}
		_, body = s.do(t, csc.RoleBoardMember, "GET", "/improvement/history", nil)
		if strings.Count(body, "<polyline") != 5 || !strings.Contains(body, "3 June 2019") || strings.Count(body, ">Outstanding</strong>") != 1 ||
			strings.Count(body, ">Inadequate</strong>") != 2 {
			t.Errorf("the history of grades lacks its chart or table")
		}
	})
}
