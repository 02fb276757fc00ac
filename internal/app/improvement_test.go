package app_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/letters"
)

// letterPDF renders a real PDF holding the given lines, with cairn's own
// layout engine, to stand in for a published inspection letter.
func letterPDF(t testing.TB, lines ...string) []byte {
	t.Helper()
	c := letters.Chronology{Authority: "Northmoor County Council", ChildName: "Focused visit letter",
		RecordNumber: "Letter", Generated: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	for _, l := range lines {
		c.Entries = append(c.Entries, letters.ChronologyEntry{Date: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC), What: l})
	}
	pdf, err := letters.RenderChronology(c)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// auditBy returns the audit rows written by the member of staff with the role.
func auditBy(t *testing.T, e *apptest.Env, r csc.Role) []csc.AuditEntry {
	t.Helper()
	rows, _, err := e.App.AuditTrail(ctx, e.Actor(csc.RoleAdmin), csc.AuditQuery{StaffID: e.Staff[r].ID, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// closeAccount deactivates a member of staff, as when they leave.
func closeAccount(t *testing.T, e *apptest.Env, id int64) {
	t.Helper()
	err := e.DB.Write(ctx, func(tx csc.Tx) error {
		s, err := tx.FindStaffByID(id)
		if err != nil {
			return err
		}
		s.Active = false
		return tx.UpdateStaff(s)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func focusedVisit(t *testing.T, e *apptest.Env) *csc.Inspection {
	t.Helper()
	ins, err := e.App.RecordInspection(ctx, e.Actor(csc.RoleQA), csc.InspectionInput{Kind: "focused_visit",
		NoticeDate: "2026-01-26", OnSiteStart: "2026-02-09", OnSiteEnd: "2026-02-10", Inspectors: "Two inspectors",
		Focus: "Children in need and child protection"})
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

func TestInspectionRegisterRules(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		qa, board := e.Actor(csc.RoleQA), e.Actor(csc.RoleBoardMember)
		graded := csc.InspectionInput{Kind: "focused_visit", OnSiteStart: "2026-02-09",
			Grades: map[csc.Judgement]string{csc.JudgeHelpAndProtection: "good"}}
		_, err := e.App.RecordInspection(ctx, qa, graded)
		if msg := fieldMessage(err, "grades.help_and_protection"); !strings.Contains(msg, "focused visit is not graded") {
			t.Errorf("a grade on a focused visit: %v", err)
		}
		late := csc.InspectionInput{Kind: "standard", NoticeDate: "2026-03-02", OnSiteStart: "2026-04-13",
			Grades: map[csc.Judgement]string{csc.JudgeOverall: "good", csc.JudgeLeaders: "good"}}
		_, err = e.App.RecordInspection(ctx, qa, late)
		if msg := fieldMessage(err, "grades.overall_effectiveness"); !strings.Contains(msg, "1 April 2026 (OF-03)") {
			t.Errorf("an overall grade after its withdrawal: %v", err)
		}
		_, err = e.App.RecordInspection(ctx, qa, csc.InspectionInput{Kind: "short", OnSiteStart: "2025-11-10", OnSiteEnd: "2025-11-07"})
		if fieldMessage(err, "onsite_end") == "" {
			t.Errorf("last day on site before the first: %v", err)
		}
		if _, err := e.App.RecordInspection(ctx, board, csc.InspectionInput{Kind: "short", OnSiteStart: "2025-11-10"}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member recorded an inspection: %v", err)
		}
		if list, err := e.App.Inspections(ctx, board); err != nil || len(list) != 0 {
			t.Errorf("refused inspections were saved: %d, %v", len(list), err)
		}
		delete(late.Grades, csc.JudgeOverall)
		after, err := e.App.RecordInspection(ctx, e.Actor(csc.RoleSeniorLeader), late)
		if err != nil || after.Grade(csc.JudgeLeaders) != csc.GradeGood {
			t.Fatalf("an inspection after April 2026 without an overall grade: %+v, %v", after, err)
		}
		before, err := e.App.RecordInspection(ctx, qa, csc.InspectionInput{Kind: "standard", OnSiteStart: "2023-01-16",
			Grades: map[csc.Judgement]string{csc.JudgeOverall: "requires_improvement", csc.JudgeCareLeavers: "inadequate"}})
		if err != nil {
			t.Fatal(err)
		}
		focusedVisit(t, e)
		// A stale edit is a conflict, not a lost update.
		in := csc.InspectionInput{Version: before.Version, Kind: "standard", OnSiteStart: "2023-01-16", Inspectors: "Three inspectors",
			Grades: map[csc.Judgement]string{csc.JudgeOverall: "requires_improvement", csc.JudgeCareLeavers: "requires_improvement"}}
		if _, err := e.App.UpdateInspection(ctx, qa, before.ID, in); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.UpdateInspection(ctx, qa, before.ID, in); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a stale inspection edit: %v", err)
		}
		if _, err := e.App.Inspections(ctx, e.Actor(csc.RoleSocialWorker)); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a social worker read the register: %v", err)
		}
		h, err := e.App.InspectionHistory(ctx, board)
		if err != nil || len(h.Inspections) != 2 || h.Inspections[0].ID != before.ID {
			t.Fatalf("history of graded inspections, oldest first: %+v, %v", h, err)
		}
		if h.Rows[0].Judgement != csc.JudgeOverall || h.Rows[0].Grades[0] != csc.GradeRequiresImprovement || h.Rows[0].Grades[1] != "" ||
			h.Rows[3].Grades[0] != csc.GradeRequiresImprovement {
			t.Errorf("history rows %+v", h.Rows)
		}
		var details []string
		for _, r := range auditBy(t, e, csc.RoleQA) {
			details = append(details, r.Action+" "+r.SubjectType+" "+r.Detail)
		}
		if got := strings.Join(details, "; "); !strings.Contains(got, "update inspection inspectors,judgements") ||
			!strings.Contains(got, "create inspection focused_visit, 0 judgements") {
			t.Errorf("audit trail of the QA auditor: %s", got)
		}
	})
}

func TestInspectionLetter(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		qa := e.Actor(csc.RoleQA)
		ins := focusedVisit(t, e)
		_, err := e.App.AttachLetter(ctx, qa, ins.ID, ins.Version, app.DocumentUpload{Filename: "letter.docx", Content: []byte("PK\x03\x04word")})
		if !strings.Contains(fieldMessage(err, "letter"), "not a PDF") {
			t.Errorf("a Word file as the letter: %v", err)
		}
		pdf := letterPDF(t, "Audit actions are completed in a timely way.")
		got, err := e.App.AttachLetter(ctx, qa, ins.ID, ins.Version, app.DocumentUpload{Filename: `C:\letters\visit.pdf`, Content: pdf})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := exec.LookPath("pdftotext"); err == nil {
			if got.LetterTextSource != csc.LetterExtracted || !strings.Contains(got.LetterText, "Audit actions are completed") {
				t.Errorf("letter text not read from the PDF: %q (%s)", got.LetterText, got.LetterTextSource)
			}
		}
		doc, err := e.App.OpenImprovementDocument(ctx, e.Actor(csc.RoleBoardMember), got.LetterDocumentID)
		if err != nil || !bytes.Equal(doc.Content, pdf) || doc.Filename != "visit.pdf" || doc.Title != "visit" {
			t.Fatalf("the letter read back: %+v, %v", doc, err)
		}
		if rows := auditBy(t, e, csc.RoleBoardMember); len(rows) == 0 || rows[0].Action != "download" {
			t.Errorf("the download was not audited: %+v", rows)
		}
		// Pasted text is the person's own: a later PDF does not replace it.
		in := csc.InspectionInput{Version: got.Version, Kind: "focused_visit", OnSiteStart: "2026-02-09", LetterText: "Pasted text."}
		got, err = e.App.UpdateInspection(ctx, qa, ins.ID, in)
		if err != nil || got.LetterTextSource != csc.LetterPasted || got.LetterDocumentID == 0 {
			t.Fatalf("pasting the text: %+v, %v", got, err)
		}
		got, err = e.App.AttachLetter(ctx, qa, ins.ID, got.Version, app.DocumentUpload{Title: "Corrected letter", Content: pdf})
		if err != nil || got.LetterText != "Pasted text." {
			t.Errorf("pasted text replaced by the PDF's: %+v, %v", got, err)
		}
	})
}

func TestFindingsAreSavedTogether(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		qa := e.Actor(csc.RoleQA)
		ins := focusedVisit(t, e)
		drafts, err := e.App.PrepareFindings(ctx, qa, ins.ID, "What needs to improve\n◼ the stability of the workforce\n◼ audit actions are completed on time", "improvement")
		if err != nil || len(drafts) != 2 || drafts[1].Text != "Audit actions are completed on time" {
			t.Fatalf("drafts %+v, %v", drafts, err)
		}
		if _, err := e.App.PrepareFindings(ctx, e.Actor(csc.RoleBoardMember), ins.ID, "• x", "improvement"); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member drafted findings: %v", err)
		}
		drafts[1].Text = "  "
		drafts = append(drafts, csc.FindingInput{Kind: "strength", Text: "Managers oversee work closely.", Areas: []string{"nowhere"}})
		_, err = e.App.RecordFindings(ctx, qa, ins.ID, csc.FindingsInput{Findings: drafts})
		if fieldMessage(err, "findings.1.text") == "" || !strings.Contains(fieldMessage(err, "findings.2.areas"), "no practice area") {
			t.Errorf("bad findings: %v", err)
		}
		if v, _ := e.App.Inspection(ctx, qa, ins.ID); len(v.Findings) != 0 {
			t.Fatalf("%d findings saved from a refused set", len(v.Findings))
		}
		drafts[1].Text, drafts[2].Areas = "Audit actions are completed on time", []string{"supervision", "supervision"}
		fs, err := e.App.RecordFindings(ctx, qa, ins.ID, csc.FindingsInput{Findings: drafts})
		if err != nil || len(fs) != 3 || fs[2].Seq != 3 || len(fs[2].Areas) != 1 || fs[0].AreaVersion != "2026.1" {
			t.Fatalf("findings %+v, %v", fs, err)
		}
		f, err := e.App.UpdateFinding(ctx, qa, fs[0].ID, csc.FindingInput{Version: 1, Kind: "priority_action", Text: "Stabilise the workforce.", Areas: []string{"workforce"}})
		if err != nil || f.Version != 2 || f.Kind != csc.FindingPriorityAction {
			t.Errorf("correcting a finding: %+v, %v", f, err)
		}
	})
}

// planCase is a focused visit with two areas for improvement and a
// strength, for plan tests.
type planCase struct {
	ins      *csc.Inspection
	findings []csc.Finding
}

func newPlanCase(t *testing.T, e *apptest.Env) planCase {
	ins := focusedVisit(t, e)
	fs, err := e.App.RecordFindings(ctx, e.Actor(csc.RoleQA), ins.ID, csc.FindingsInput{Findings: []csc.FindingInput{
		{Kind: "improvement", Text: "Assessments consider identity.", Areas: []string{"assessment"}},
		{Kind: "improvement", Text: "Audit actions are completed on time.", Areas: []string{"quality_assurance"}},
		{Kind: "strength", Text: "Strategy meetings are timely.", Areas: []string{"child_protection"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return planCase{ins: ins, findings: fs}
}

func TestActionsAreRefusedClearly(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newPlanCase(t, e)
		lead := e.Actor(csc.RoleSeniorLeader)
		good := csc.ActionInput{Title: "Identity in assessments", Theme: "assessment", OwnerID: e.Staff[csc.RoleTeamManager].ID,
			Start: "2026-01-05", Due: "2026-06-30", FindingIDs: []int64{pc.findings[0].ID}}
		for field, c := range map[string]struct {
			change func(in *csc.ActionInput)
			want   string
		}{
			"owner_id":    {func(in *csc.ActionInput) { in.OwnerID = 0 }, "Choose the member of staff who owns this action"},
			"due":         {func(in *csc.ActionInput) { in.Due = "2026-01-04" }, "on or after the start date, 5 January 2026"},
			"finding_ids": {func(in *csc.ActionInput) { in.FindingIDs = nil }, "Choose the finding"},
			"theme":       {func(in *csc.ActionInput) { in.Theme = "gardening" }, "Choose the theme"},
		} {
			in := good
			c.change(&in)
			if _, err := e.App.RecordAction(ctx, lead, in); !strings.Contains(fieldMessage(err, field), c.want) {
				t.Errorf("%s: %v", field, err)
			}
		}
		closeAccount(t, e, e.Staff[csc.RoleIRO].ID)
		in := good
		in.OwnerID = e.Staff[csc.RoleIRO].ID
		if _, err := e.App.RecordAction(ctx, lead, in); !strings.Contains(fieldMessage(err, "owner_id"), "account is closed") {
			t.Errorf("an owner who has left: %v", err)
		}
		if _, err := e.App.RecordAction(ctx, e.Actor(csc.RoleAnalyst), good); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("an analyst added an action: %v", err)
		}
		if p, _ := e.App.ImprovementPlan(ctx, lead); p.Total != 0 {
			t.Fatalf("refused actions were saved: %d", p.Total)
		}
		act, err := e.App.RecordAction(ctx, lead, good)
		if err != nil || act.Status != csc.StatusNotStarted {
			t.Fatalf("a good action: %+v, %v", act, err)
		}
		if _, err := e.App.SetActionStatus(ctx, lead, act.ID, csc.ActionStatusInput{Version: act.Version, Status: "dropped"}); fieldMessage(err, "reason") == "" {
			t.Errorf("dropped without a reason: %v", err)
		}
		if _, err := e.App.SetActionStatus(ctx, lead, act.ID, csc.ActionStatusInput{Version: act.Version, Status: "complete",
			CompletedOn: "2026-01-02"}); !strings.Contains(fieldMessage(err, "completed_on"), "before it started") {
			t.Errorf("completed before it started: %v", err)
		}
		for name, c := range map[string]struct {
			in    csc.ProgressInput
			field string
			want  string
		}{
			"a future quarter":        {csc.ProgressInput{Quarter: "2026-27 Q1", Narrative: "x", Milestone: "m"}, "quarter", "has not started"},
			"before the action":       {csc.ProgressInput{Quarter: "2025-26 Q3", Narrative: "x", Milestone: "m"}, "quarter", "starts in Q4 2025–26"},
			"a quarter misspelt":      {csc.ProgressInput{Quarter: "Q3", Narrative: "x", Milestone: "m"}, "quarter", "like 2025-26 Q3"},
			"over 100%":               {csc.ProgressInput{Quarter: "2025-26 Q4", Narrative: "x", Percent: ptr(120)}, "percent", "from 0 to 100"},
			"no percent or milestone": {csc.ProgressInput{Quarter: "2025-26 Q4", Narrative: "x"}, "percent", "percentage done or the milestone"},
			"no narrative":            {csc.ProgressInput{Quarter: "2025-26 Q4", Percent: ptr(10)}, "narrative", "Describe"},
		} {
			if _, err := e.App.RecordProgress(ctx, lead, act.ID, c.in); !strings.Contains(fieldMessage(err, c.field), c.want) {
				t.Errorf("%s: %v", name, err)
			}
		}
		if _, err := e.App.RecordEvidence(ctx, lead, act.ID, "", &app.DocumentUpload{Content: []byte("%PDF-1.4 cut short")}); !strings.Contains(fieldMessage(err, "file"), "damaged") {
			t.Errorf("a broken PDF as evidence: %v", err)
		}
		if _, err := e.App.RecordEvidence(ctx, lead, act.ID, "", nil); fieldMessage(err, "note") == "" {
			t.Errorf("empty evidence: %v", err)
		}
		v, err := e.App.ImprovementActionView(ctx, lead, act.ID)
		if err != nil || len(v.Updates) != 0 || len(v.Evidence) != 0 {
			t.Errorf("refused updates or evidence were saved: %+v, %v", v, err)
		}
	})
}

func ptr(n int) *int { return &n }

// TestPlanFlagsAndRatings builds a small plan and checks what a board sees:
// an overdue action, an action whose owner has left, a finding with no
// action, ratings from progress, and evidence.
func TestPlanFlagsAndRatings(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newPlanCase(t, e)
		lead, board := e.Actor(csc.RoleSeniorLeader), e.Actor(csc.RoleBoardMember)
		record := func(title string, owner *csc.Staff, start, due string, finding int) *csc.ImprovementAction {
			t.Helper()
			a, err := e.App.RecordAction(ctx, lead, csc.ActionInput{Title: title, Theme: pc.findings[finding].Areas[0], OwnerID: owner.ID,
				Start: start, Due: due, FindingIDs: []int64{pc.findings[finding].ID}})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		late := record("Audit tracker", e.Staff[csc.RoleQA], "2025-10-01", "2026-02-27", 1)
		onTrack := record("Identity guidance", e.Staff[csc.RoleTeamManager], "2026-01-05", "2026-05-29", 0)
		leaver := record("Identity training", e.Staff[csc.RoleIRO], "2026-01-05", "2026-06-30", 0)
		closeAccount(t, e, e.Staff[csc.RoleIRO].ID)
		if _, err := e.App.RecordProgress(ctx, lead, late.ID, csc.ProgressInput{Quarter: "2025-26 Q3", Narrative: "Tracker designed.", Percent: ptr(50)}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.RecordProgress(ctx, lead, onTrack.ID, csc.ProgressInput{Quarter: "2025-26 Q4", Narrative: "Drafted.", Percent: ptr(40), Milestone: "Draft shared"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.RecordEvidence(ctx, lead, onTrack.ID, "Draft guidance shared with team managers.",
			&app.DocumentUpload{Title: "Draft guidance", Content: letterPDF(t, "Guidance")}); err != nil {
			t.Fatal(err)
		}
		p, err := e.App.ImprovementPlan(ctx, board)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Overdue) != 1 || p.Overdue[0].ID != late.ID || !strings.Contains(p.Overdue[0].Rating.Reasons[0], "overdue by 3 days") {
			t.Errorf("overdue %+v", p.Overdue)
		}
		if len(p.Unowned) != 1 || p.Unowned[0].ID != leaver.ID {
			t.Errorf("unowned %+v", p.Unowned)
		}
		// The strength needs no action; both areas for improvement have one.
		if len(p.Unanswered) != 0 {
			t.Errorf("unanswered %+v", p.Unanswered)
		}
		if len(p.Themes) != 2 || p.Themes[0].Code != "assessment" || len(p.Themes[0].Actions) != 2 || p.Counts[csc.PlanRed] != 1 {
			t.Errorf("themes %+v, counts %v", p.Themes, p.Counts)
		}
		// On 2 March 2026, 40 of the guidance's 100 working days have passed
		// (Good Friday, Easter Monday and two May bank holidays excluded),
		// and it is 40% done.
		v, err := e.App.ImprovementActionView(ctx, board, onTrack.ID)
		if err != nil || v.Rating.RAG != csc.PlanGreen || v.Rating.Elapsed != 40 || len(v.Evidence) != 1 || v.Evidence[0].DocumentTitle != "Draft guidance" ||
			len(v.Findings) != 1 || v.Findings[0].Inspection.ID != pc.ins.ID || v.Latest == nil || v.Latest.Milestone != "Draft shared" {
			t.Errorf("action view %+v, %v", v, err)
		}
		// Dropping the only action on a finding leaves it unanswered.
		if _, err := e.App.SetActionStatus(ctx, lead, late.ID, csc.ActionStatusInput{Version: late.Version, Status: "dropped",
			Reason: "Replaced by the audit module."}); err != nil {
			t.Fatal(err)
		}
		p, _ = e.App.ImprovementPlan(ctx, board)
		if len(p.Unanswered) != 1 || p.Unanswered[0].ID != pc.findings[1].ID || len(p.Overdue) != 0 || p.Counts[csc.PlanGrey] != 1 {
			t.Errorf("after dropping: unanswered %+v, overdue %+v", p.Unanswered, p.Overdue)
		}
		if _, err := e.App.RecordProgress(ctx, lead, late.ID, csc.ProgressInput{Quarter: "2025-26 Q4", Narrative: "x", Percent: ptr(60)}); csc.ErrorKind(err) != csc.Invalid {
			t.Errorf("progress on a dropped action: %v", err)
		}
		var actions []string
		for _, r := range auditBy(t, e, csc.RoleSeniorLeader) {
			actions = append(actions, r.SubjectType+" "+r.Detail)
		}
		if got := strings.Join(actions, "; "); !strings.Contains(got, "improvement_action status not_started → dropped") ||
			!strings.Contains(got, "progress_update action") || !strings.Contains(got, "action_evidence action") {
			t.Errorf("audit trail: %s", got)
		}
	})
}

func TestSelfEvaluationVersions(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newPlanCase(t, e)
		qa := e.Actor(csc.RoleQA)
		if _, err := e.App.SaveSelfEvaluation(ctx, qa, 0, csc.SelfEvaluationInput{Know: "x"}); fieldMessage(err, "title") == "" {
			t.Errorf("no title: %v", err)
		}
		if _, err := e.App.SaveSelfEvaluation(ctx, e.Actor(csc.RoleBoardMember), 0, csc.SelfEvaluationInput{Title: "t", Know: "x"}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a board member saved a self-evaluation: %v", err)
		}
		v1, err := e.App.SaveSelfEvaluation(ctx, qa, 0, csc.SelfEvaluationInput{Title: "Self-evaluation 2025-26",
			Know: "Practice is improving.\nAssessments are timely.", How: "Audits.", Doing: "Training.", FindingIDs: []int64{pc.findings[0].ID}})
		if err != nil || v1.Number != 1 {
			t.Fatal(v1, err)
		}
		id := v1.SelfEvaluationID
		in := csc.SelfEvaluationInput{BaseVersion: 1, Know: "Practice is improving.\nAssessments are timely and thorough.",
			How: "Audits.", Doing: "Training.", FindingIDs: []int64{pc.findings[0].ID}, Note: "After the focused visit"}
		v2, err := e.App.SaveSelfEvaluation(ctx, qa, id, in)
		if err != nil || v2.Number != 2 {
			t.Fatal(v2, err)
		}
		if _, err := e.App.SaveSelfEvaluation(ctx, e.Actor(csc.RoleSeniorLeader), id, in); csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a save from version 1 after version 2: %v", err)
		}
		in.BaseVersion = 2
		if _, err := e.App.SaveSelfEvaluation(ctx, qa, id, in); csc.ErrorKind(err) != csc.Invalid || !strings.Contains(csc.ErrorMessage(err), "Nothing has changed") {
			t.Errorf("a save with no change: %v", err)
		}
		in.ActionIDs = []int64{999}
		if _, err := e.App.SaveSelfEvaluation(ctx, qa, id, in); fieldMessage(err, "action_ids") == "" {
			t.Errorf("a link to no action: %v", err)
		}
		v, err := e.App.SelfEvaluation(ctx, e.Actor(csc.RoleBoardMember), id)
		if err != nil || len(v.Versions) != 2 || v.Latest != 2 || v.Current().Note != "After the focused visit" || len(v.Findings) != 3 {
			t.Fatalf("self-evaluation %+v, %v", v, err)
		}
		diff := app.CompareVersions(v.Version(1), v.Version(2))
		if !diff[0].Changed || diff[1].Changed || len(diff[0].Lines) != 3 || diff[0].Lines[1] != (app.DiffLine{Op: "removed", Text: "Assessments are timely."}) ||
			diff[0].Lines[2].Op != "added" {
			t.Errorf("comparison %+v", diff)
		}
	})
}
