package store_test

import (
	"bytes"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
)

// TestImprovementRoundTrip stores an inspection with its letter and
// judgements, findings, an action answering two of them with an update and
// evidence, and a self-evaluation with two versions, and reads them all
// back: links both ways, a stale version and a reused version number are
// conflicts, and an owner whose account is closed reads as not active.
func TestImprovementRoundTrip(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		lead := csc.Staff{Username: "lead", Name: "Lee Leader", Role: csc.RoleSeniorLeader, Active: true, Employment: csc.EmployPermanent}
		gone := csc.Staff{Username: "gone", Name: "Gail Gone", Role: csc.RoleQA, Active: true, Employment: csc.EmployPermanent}
		pdf := []byte("%PDF-1.4 letter bytes\x00\xff")
		var ins csc.Inspection
		var fs []csc.Finding
		var act csc.ImprovementAction
		var se csc.SelfEvaluation
		mustWrite(t, db, func(tx csc.Tx) error {
			for _, s := range []*csc.Staff{&lead, &gone} {
				if err := tx.CreateStaff(s, ""); err != nil {
					return err
				}
			}
			ins = csc.Inspection{Kind: csc.InspStandard, NoticeDate: csc.MustParseDate("2025-11-03"),
				OnSiteStart: csc.MustParseDate("2025-11-10"), OnSiteEnd: csc.MustParseDate("2025-11-21"),
				Inspectors: "Two inspectors", Focus: "All services", RecordedByID: lead.ID,
				Judgements: []csc.JudgementGrade{{Judgement: csc.JudgeLeaders, Grade: csc.GradeGood},
					{Judgement: csc.JudgeOverall, Grade: csc.GradeRequiresImprovement}}}
			if err := tx.CreateInspection(&ins); err != nil {
				return err
			}
			doc := csc.ImprovementDocument{Kind: csc.DocInspectionLetter, SubjectType: csc.SubjectInspection, SubjectID: ins.ID,
				Title: "Inspection report", Filename: "report.pdf", MediaType: "application/pdf", SHA256: "ab", Pages: 3,
				Content: pdf, Text: "The letter.", CreatedByID: lead.ID}
			if err := tx.CreateImprovementDocument(&doc); err != nil {
				return err
			}
			ins.LetterDocumentID, ins.LetterText, ins.LetterTextSource = doc.ID, doc.Text, csc.LetterExtracted
			if err := tx.UpdateInspection(&ins); err != nil {
				return err
			}
			fs = []csc.Finding{
				{InspectionID: ins.ID, Kind: csc.FindingStrength, Text: "Strong front door.", Areas: []string{"front_door"}, AreaVersion: "2026.1"},
				{InspectionID: ins.ID, Kind: csc.FindingRecommendation, Text: "Assess homeless young people.", Areas: []string{"homeless_16_17", "assessment"}, AreaVersion: "2026.1"},
				{InspectionID: ins.ID, Kind: csc.FindingImprovement, Text: "Audit actions late.", AreaVersion: "2026.1"},
			}
			if err := tx.CreateFindings(fs); err != nil {
				return err
			}
			act = csc.ImprovementAction{Title: "Joint protocol", Theme: "homeless_16_17", OwnerID: gone.ID,
				Start: csc.MustParseDate("2026-01-05"), Due: csc.MustParseDate("2026-06-30"), Status: csc.StatusInProgress,
				FindingIDs: []int64{fs[1].ID, fs[2].ID}, RecordedByID: lead.ID}
			if err := tx.CreateImprovementAction(&act); err != nil {
				return err
			}
			pct := 40
			if err := tx.CreateProgressUpdate(&csc.ProgressUpdate{ActionID: act.ID, Quarter: csc.Quarter{Year: 2025, Q: 4},
				Narrative: "Drafted.", Percent: &pct, RecordedByID: lead.ID}); err != nil {
				return err
			}
			if err := tx.CreateProgressUpdate(&csc.ProgressUpdate{ActionID: act.ID, Quarter: csc.Quarter{Year: 2025, Q: 3},
				Narrative: "Scoped.", Milestone: "Scope agreed"}); err != nil {
				return err
			}
			ev := csc.ImprovementDocument{Kind: csc.DocEvidence, SubjectType: csc.SubjectAction, SubjectID: act.ID,
				Title: "Protocol draft", MediaType: "application/pdf", SHA256: "cd", Content: pdf}
			if err := tx.CreateImprovementDocument(&ev); err != nil {
				return err
			}
			if err := tx.CreateEvidence(&csc.Evidence{ActionID: act.ID, Note: "Draft shared.", DocumentID: ev.ID}); err != nil {
				return err
			}
			se = csc.SelfEvaluation{Title: "Self-evaluation 2025-26", CreatedByID: lead.ID}
			if err := tx.CreateSelfEvaluation(&se); err != nil {
				return err
			}
			for n := 1; n <= 2; n++ {
				if err := tx.CreateSelfEvaluationVersion(&csc.SelfEvaluationVersion{SelfEvaluationID: se.ID, Number: n,
					Know: "Know " + string(rune('0'+n)), How: "Audits.", Doing: "Plan.", FindingIDs: []int64{fs[1].ID},
					ActionIDs: []int64{act.ID}, SavedByID: lead.ID}); err != nil {
					return err
				}
			}
			gone.Active = false
			return tx.UpdateStaff(&gone)
		})
		err := db.Write(ctx, func(tx csc.Tx) error {
			stale := ins
			stale.Version = 1
			return tx.UpdateInspection(&stale)
		})
		if csc.ErrorKind(err) != csc.Conflict {
			t.Errorf("a stale inspection update: %v", err)
		}
		err = db.Write(ctx, func(tx csc.Tx) error {
			return tx.CreateSelfEvaluationVersion(&csc.SelfEvaluationVersion{SelfEvaluationID: se.ID, Number: 2, Know: "x"})
		})
		if csc.ErrorKind(err) != csc.Conflict || csc.ErrorMessage(err) == "That is already in use." {
			t.Errorf("a second version 2: %v", err)
		}
		err = db.Read(ctx, func(tx csc.Tx) error {
			got, err := tx.FindInspectionByID(ins.ID)
			if err != nil {
				return err
			}
			if got.Version != 2 || got.LetterText != "The letter." || got.LetterDocumentID == 0 || got.RecordedBy != "Lee Leader" ||
				len(got.Judgements) != 2 || got.Judgements[0].Judgement != csc.JudgeOverall || got.Grade(csc.JudgeLeaders) != csc.GradeGood {
				t.Errorf("inspection %+v", got)
			}
			doc, err := tx.FindImprovementDocument(got.LetterDocumentID)
			if err != nil || !bytes.Equal(doc.Content, pdf) || doc.Size != len(pdf) || doc.Text != "The letter." || doc.CreatedBy != "Lee Leader" {
				t.Errorf("letter %+v, %v", doc, err)
			}
			list, err := tx.ListInspections()
			if err != nil || len(list) != 1 || list[0].LetterText != "" || len(list[0].Judgements) != 2 {
				t.Errorf("inspections %+v, %v", list, err)
			}
			got2, err := tx.ListFindings(ins.ID)
			if err != nil || len(got2) != 3 || got2[0].Seq != 1 || got2[2].Seq != 3 || len(got2[1].Areas) != 2 ||
				len(got2[0].ActionIDs) != 0 || len(got2[1].ActionIDs) != 1 || got2[1].ActionIDs[0] != act.ID {
				t.Errorf("findings %+v, %v", got2, err)
			}
			a, err := tx.FindImprovementActionByID(act.ID)
			if err != nil || a.OwnerName != "Gail Gone" || a.OwnerActive || len(a.FindingIDs) != 2 || a.Due != csc.MustParseDate("2026-06-30") {
				t.Errorf("action %+v, %v", a, err)
			}
			ups, err := tx.ListProgressUpdates(0)
			if err != nil || len(ups) != 2 || ups[0].Quarter != (csc.Quarter{Year: 2025, Q: 3}) || ups[0].Percent != nil ||
				ups[1].Percent == nil || *ups[1].Percent != 40 || ups[1].RecordedBy != "Lee Leader" {
				t.Errorf("updates %+v, %v", ups, err)
			}
			ev, err := tx.ListEvidence(act.ID)
			if err != nil || len(ev) != 1 || ev[0].DocumentTitle != "Protocol draft" {
				t.Errorf("evidence %+v, %v", ev, err)
			}
			docs, err := tx.ListImprovementDocuments(csc.SubjectAction, act.ID)
			if err != nil || len(docs) != 1 || docs[0].Content != nil {
				t.Errorf("action documents %+v, %v", docs, err)
			}
			ses, err := tx.ListSelfEvaluations()
			if err != nil || len(ses) != 1 || ses[0].Latest != 2 || ses[0].LatestAt.IsZero() {
				t.Errorf("self-evaluations %+v, %v", ses, err)
			}
			vs, err := tx.ListSelfEvaluationVersions(se.ID)
			if err != nil || len(vs) != 2 || vs[1].Know != "Know 2" || vs[0].FindingIDs[0] != fs[1].ID || vs[1].SavedBy != "Lee Leader" {
				t.Errorf("versions %+v, %v", vs, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Relinking an action replaces its findings; a second inspection's
		// findings are numbered from 1.
		mustWrite(t, db, func(tx csc.Tx) error {
			a, err := tx.FindImprovementActionByID(act.ID)
			if err != nil {
				return err
			}
			a.FindingIDs, a.Status, a.CompletedOn = []int64{fs[2].ID}, csc.StatusComplete, csc.MustParseDate("2026-03-01")
			if err := tx.UpdateImprovementAction(a); err != nil {
				return err
			}
			other := csc.Inspection{Kind: csc.InspFocusedVisit, NoticeDate: csc.MustParseDate("2026-02-02")}
			if err := tx.CreateInspection(&other); err != nil {
				return err
			}
			more := []csc.Finding{{InspectionID: other.ID, Kind: csc.FindingImprovement, Text: "x", AreaVersion: "2026.1"}}
			if err := tx.CreateFindings(more); err != nil {
				return err
			}
			if more[0].Seq != 1 {
				t.Errorf("first finding of a second inspection numbered %d", more[0].Seq)
			}
			all, err := tx.ListFindings(0)
			if err != nil || len(all) != 4 || all[0].InspectionID != other.ID {
				t.Errorf("all findings, newest inspection first: %+v, %v", all, err)
			}
			for _, f := range all {
				if f.ID == fs[1].ID && len(f.ActionIDs) != 0 {
					t.Errorf("finding still linked after relinking: %+v", f)
				}
			}
			return nil
		})
		err = db.Read(ctx, func(tx csc.Tx) error {
			as, err := tx.ListImprovementActions()
			if err != nil || len(as) != 1 || as[0].Status != csc.StatusComplete || as[0].Version != 2 || len(as[0].FindingIDs) != 1 {
				t.Errorf("actions %+v, %v", as, err)
			}
			_, err = tx.FindInspectionByID(999)
			if csc.ErrorKind(err) != csc.NotFound {
				t.Errorf("missing inspection: %v", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// TestImprovementOwnerExpiry checks an owner whose account has expired
// reads as not active from the moment it expires.
func TestImprovementOwnerExpiry(t *testing.T) {
	storetest.Open(t, fixedClock(), func(t *testing.T, db *store.DB) {
		var act csc.ImprovementAction
		mustWrite(t, db, func(tx csc.Tx) error {
			s := csc.Staff{Username: "temp", Name: "Tem Porary", Role: csc.RoleQA, Active: true,
				ExpiresAt: tx.Now().Add(-time.Minute), Employment: csc.EmployAgency}
			if err := tx.CreateStaff(&s, ""); err != nil {
				return err
			}
			act = csc.ImprovementAction{Title: "t", Theme: "workforce", OwnerID: s.ID, Start: csc.MustParseDate("2026-01-01"),
				Due: csc.MustParseDate("2026-02-01"), Status: csc.StatusNotStarted}
			return tx.CreateImprovementAction(&act)
		})
		db.Read(ctx, func(tx csc.Tx) error {
			a, err := tx.FindImprovementActionByID(act.ID)
			if err != nil || a.OwnerActive {
				t.Errorf("an expired owner reads as active: %+v, %v", a, err)
			}
			return nil
		})
	})
}
