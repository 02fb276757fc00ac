package app_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/pdfdoc"
)

// packText reads a pack's text back with pdftotext, skipping (or, with
// CAIRN_REQUIRE_PDFTOOLS=1, failing) where it is not installed.
func packText(t *testing.T, pdf []byte) string {
	t.Helper()
	text, _, err := pdfdoc.Text(ctx, pdf)
	if errors.Is(err, pdfdoc.ErrNoReader) {
		if os.Getenv("CAIRN_REQUIRE_PDFTOOLS") == "1" {
			t.Fatal("pdftotext is not installed, and CAIRN_REQUIRE_PDFTOOLS=1 requires it")
		}
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(text), " ")
}

// TestBoardPackFigures builds a pack as a board member would download it
// on 2 March 2026 and reads it back: the quarter and the day the figures
// are as at, the overdue action with its owner and days over, the
// board's overdue resolution, and the focused visit's finding that no
// action answers. A pack for the quarter before shows only what stood
// then; a quarter yet to start, or written wrongly, is refused.
func TestBoardPackFigures(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		pc := newPlanCase(t, e)
		lead, member := e.Actor(csc.RoleSeniorLeader), e.Actor(csc.RoleBoardMember)
		late, err := e.App.RecordAction(ctx, lead, csc.ActionInput{Title: "Audit tracker for every team", Theme: "quality_assurance",
			OwnerID: e.Staff[csc.RoleQA].ID, Start: "2025-10-01", Due: "2026-02-27", FindingIDs: []int64{pc.findings[1].ID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.RecordProgress(ctx, lead, late.ID, csc.ProgressInput{Quarter: "2025-26 Q3", Narrative: "Tracker designed.", Percent: ptr(50)}); err != nil {
			t.Fatal(err)
		}
		// An annual engagement meeting after the visit is not an inspection:
		// the pack's latest inspection is still the focused visit.
		if _, err := e.App.RecordInspection(ctx, e.Actor(csc.RoleQA), csc.InspectionInput{Kind: "annual_engagement",
			OnSiteStart: "2026-02-20"}); err != nil {
			t.Fatal(err)
		}
		b, m := boardWithMeeting(t, e, "2026-02-12")
		raise(t, e, csc.ResolutionInput{MeetingID: m.ID, Text: "Circulate a breakdown of staff absence", OwnerID: e.Staff[csc.RoleQA].ID, Due: "2026-02-20"})

		f, err := e.App.BoardPack(ctx, member, b.ID, app.PackInput{MeetingID: m.ID})
		if err != nil {
			t.Fatal(err)
		}
		if f.Filename != fmt.Sprintf("board-pack-%d-2025-26-Q4.pdf", b.ID) || f.AsOf != csc.MustParseDate("2026-02-12") {
			t.Errorf("the meeting's pack: %s as at %v", f.Filename, f.AsOf)
		}
		f, err = e.App.BoardPack(ctx, member, b.ID, app.PackInput{})
		if err != nil {
			t.Fatal(err)
		}
		text := packText(t, f.PDF)
		for _, want := range []string{"Board pack: Quality and Development Board", "Q4 2025–26 (January to March 2026)",
			"Figures as at 2 March 2026", "Overdue actions: 1", "Audit tracker for every team", "Test Quality assurance auditor",
			"27 February 2026", "Circulate a breakdown of staff absence", "overdue by 10 days",
			"Focused visit, 9 February 2026", "Assessments consider identity.", "NOT ACTIONED", "Actioned: 1 action: 1 red",
			"No action needed (a strength)", "Quality assurance and performance"} {
			if !strings.Contains(text, want) {
				t.Errorf("the pack lacks %q\n%s", want, text)
			}
		}
		f, err = e.App.BoardPack(ctx, member, b.ID, app.PackInput{Quarter: "2025-26 Q3"})
		if err != nil {
			t.Fatal(err)
		}
		text = packText(t, f.PDF)
		for _, want := range []string{"Figures as at 31 December 2025", "The improvement plan has no actions yet.",
			"The board has no outstanding resolutions.", "The inspection register is empty."} {
			if !strings.Contains(text, want) {
				t.Errorf("the pack for the quarter before lacks %q\n%s", want, text)
			}
		}
		for q, want := range map[string]string{"2026-27 Q1": "has not started yet", "2025-26 Q5": "for example 2025-26 Q3"} {
			if _, err := e.App.BoardPack(ctx, member, b.ID, app.PackInput{Quarter: q}); !hasFieldError(err, "quarter", want) {
				t.Errorf("quarter %s: %v", q, err)
			}
		}
		if _, err := e.App.BoardPack(ctx, e.Actor(csc.RoleSocialWorker), b.ID, app.PackInput{}); csc.ErrorKind(err) != csc.Forbidden {
			t.Errorf("a social worker downloaded a board pack: %v", err)
		}
		_, other := boardWithMeeting2(t, e, "2026-02-19")
		if _, err := e.App.BoardPack(ctx, member, b.ID, app.PackInput{MeetingID: other.ID}); csc.ErrorKind(err) != csc.NotFound {
			t.Errorf("a pack for another board's meeting: %v", err)
		}
		e.Clock.Set(apptest.Start.AddDate(0, 1, 10))
		if _, err := e.App.BoardPack(ctx, member, b.ID, app.PackInput{MeetingID: m.ID, Quarter: "2026-27 Q1"}); !hasFieldError(err, "quarter", "The meeting of 12 February 2026 is before Q1 2026–27") {
			t.Errorf("a pack for a meeting before its quarter: %v", err)
		}
		downloads := 0
		for _, r := range auditBy(t, e, csc.RoleBoardMember) {
			if r.Action == "download" && r.SubjectType == "board_pack" && r.SubjectID == b.ID {
				downloads++
			}
		}
		if downloads != 3 {
			t.Errorf("%d downloads of the pack audited, want 3", downloads)
		}
	})
}
