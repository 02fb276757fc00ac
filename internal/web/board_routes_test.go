package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/web"
)

// boardFixture is a board with a meeting held on 26 February 2026 (its
// agenda of two items, one resolution raised at it) and one scheduled for
// 16 April.
type boardFixture struct {
	board, held, next, item, resolution int64
	boardVersion, meetingVersion        int
	resolutionVersion                   int
	n                                   int // a number for names that must be unique
}

func newBoardFixture(t *testing.T, s *site, n int) boardFixture {
	t.Helper()
	lead := s.Actor(csc.RoleSeniorLeader)
	b, err := s.App.SaveBoard(ctx, lead, 0, csc.BoardInput{Name: fmt.Sprintf("Improvement Board %d", n), Kind: "improvement_board",
		Members: []csc.BoardMember{{Name: "Cllr Ada Example", Role: "Chair"}}})
	if err != nil {
		t.Fatal(err)
	}
	held, err := s.App.ScheduleMeeting(ctx, lead, b.ID, csc.MeetingInput{Date: "2026-02-26"})
	if err != nil {
		t.Fatal(err)
	}
	next, err := s.App.ScheduleMeeting(ctx, lead, b.ID, csc.MeetingInput{Date: "2026-04-16"})
	if err != nil {
		t.Fatal(err)
	}
	it, err := s.App.AddAgendaItem(ctx, lead, held.ID, csc.AgendaItemInput{Title: "Focused visit letter"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.App.AddAgendaItem(ctx, lead, held.ID, csc.AgendaItemInput{Title: "Workforce"}); err != nil {
		t.Fatal(err)
	}
	r, err := s.App.RaiseResolution(ctx, lead, csc.ResolutionInput{MeetingID: held.ID, Text: "Circulate a breakdown of staff absence",
		OwnerID: s.Staff[csc.RoleQA].ID, Due: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	return boardFixture{board: b.ID, held: held.ID, next: next.ID, item: it.ID, resolution: r.ID, boardVersion: b.Version,
		meetingVersion: held.Version, resolutionVersion: r.Version, n: n}
}

// expand fills a board route's placeholders.
func (f boardFixture) expand(path string) string {
	return strings.NewReplacer("{board}", fmt.Sprint(f.board), "{meeting}", fmt.Sprint(f.held),
		"{item}", fmt.Sprint(f.item), "{resolution}", fmt.Sprint(f.resolution)).Replace(path)
}

type boardRoute struct {
	method, path string
	form         func(f boardFixture, s *site) url.Values
	allowed      []csc.Role
}

var boardRoutes = []boardRoute{
	{"GET", "/boards", nil, improvementReaders},
	{"GET", "/boards/new", nil, improvementEditors},
	{"POST", "/boards", func(f boardFixture, s *site) url.Values {
		return url.Values{"name": {fmt.Sprintf("Scrutiny %d", f.n)}, "kind": {"scrutiny_committee"}, "members.0.name": {"Cllr B Example"}}
	}, improvementEditors},
	{"GET", "/boards/{board}", nil, improvementReaders},
	{"GET", "/boards/{board}/edit", nil, improvementEditors},
	{"POST", "/boards/{board}", func(f boardFixture, s *site) url.Values {
		return url.Values{"version": {fmt.Sprint(f.boardVersion)}, "name": {fmt.Sprintf("Renamed board %d", f.n)},
			"kind": {"improvement_board"}, "active": {"yes"}}
	}, improvementEditors},
	{"POST", "/boards/{board}/meetings", func(f boardFixture, s *site) url.Values {
		return url.Values{"date": {"2026-05-14"}, "location": {"County Hall"}}
	}, improvementEditors},
	{"GET", "/boards/{board}/pack?meeting={meeting}", nil, improvementReaders},
	{"GET", "/meetings/{meeting}", nil, improvementReaders},
	{"POST", "/meetings/{meeting}", func(f boardFixture, s *site) url.Values {
		return url.Values{"version": {fmt.Sprint(f.meetingVersion)}, "date": {"2026-02-25"}, "location": {"Room 2"}}
	}, improvementEditors},
	{"POST", "/meetings/{meeting}/agenda", func(f boardFixture, s *site) url.Values {
		return url.Values{"title": {"Any other business"}}
	}, improvementEditors},
	{"POST", "/meetings/{meeting}/agenda/{item}/move", func(f boardFixture, s *site) url.Values {
		return url.Values{"direction": {"down"}}
	}, improvementEditors},
	{"POST", "/meetings/{meeting}/reports", func(f boardFixture, s *site) url.Values {
		return url.Values{"item_id": {fmt.Sprint(f.item)}, "report_title": {"Focused visit letter"}}
	}, improvementEditors},
	{"GET", "/meetings/{meeting}/minutes", nil, improvementEditors},
	{"POST", "/meetings/{meeting}/minutes", func(f boardFixture, s *site) url.Values {
		return url.Values{"version": {fmt.Sprint(f.meetingVersion)}, "minutes": {"Quorate."}, "attendees.0.name": {"Cllr Ada Example"},
			"attendees.0.present": {"yes"}, "items.0.id": {fmt.Sprint(f.item)}, "items.0.minutes": {"Letter noted."}}
	}, improvementEditors},
	{"POST", "/meetings/{meeting}/resolutions", func(f boardFixture, s *site) url.Values {
		return url.Values{"text": {"Bring a report on homeless young people"}, "owner_id": {fmt.Sprint(s.Staff[csc.RoleSeniorLeader].ID)},
			"due_when": {"next"}}
	}, improvementEditors},
	{"GET", "/resolutions", nil, improvementReaders},
	{"GET", "/resolutions/{resolution}", nil, improvementReaders},
	{"POST", "/resolutions/{resolution}/status", func(f boardFixture, s *site) url.Values {
		return url.Values{"version": {fmt.Sprint(f.resolutionVersion)}, "status": {"done"}, "note": {"Circulated by email."}}
	}, improvementEditors},
	{"POST", "/resolutions/{resolution}/links", func(f boardFixture, s *site) url.Values {
		return url.Values{"version": {fmt.Sprint(f.resolutionVersion)}, "linking": {"yes"}}
	}, improvementEditors},
}

// TestBoardRoutesPermitAuditAndRefuse checks every page of boards and
// committees with every role: those allowed get the page or their change
// made and audited; everyone else gets 403, no audit row and no change.
func TestBoardRoutesPermitAuditAndRefuse(t *testing.T) {
	var covered []string
	for _, rt := range boardRoutes {
		covered = append(covered, rt.method+" "+regexp.MustCompile(`\?.*`).ReplaceAllString(rt.path, ""))
	}
	for _, p := range web.BoardPatterns() {
		if !slices.Contains(covered, p) {
			t.Errorf("the route matrix does not cover %s", p)
		}
	}
	if testing.Short() {
		t.Skip("the full route matrix runs in the ordinary test run")
	}
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		n := 0
		for _, rt := range boardRoutes {
			for _, role := range csc.Roles {
				n++
				t.Run(rt.method+" "+rt.path+" as "+string(role), func(t *testing.T) {
					f := newBoardFixture(t, s, n)
					var form url.Values
					if rt.form != nil {
						form = rt.form(f, s)
					}
					before := auditCount(t, s, role)
					resolutions := boardResolutions(t, s, f.board)
					var st int
					var body string
					if strings.HasSuffix(rt.path, "/reports") {
						st, body = s.upload(t, role, f.expand(rt.path), form, "report", "report.pdf", samplePDF(t, "A report."))
					} else {
						st, body = s.do(t, role, rt.method, f.expand(rt.path), form)
					}
					after := auditCount(t, s, role)
					allowed := slices.Contains(rt.allowed, role)
					switch {
					case allowed && st >= 400:
						t.Errorf("status %d for an allowed role: %.400s", st, body)
					case allowed && (rt.method == "POST" || strings.Contains(rt.path, "/pack")) && after <= before:
						t.Errorf("the change left no audit row")
					case !allowed && st != http.StatusForbidden:
						t.Errorf("status %d, want 403", st)
					case !allowed && after != before:
						t.Errorf("a refused request changed the audit trail (%d → %d rows)", before, after)
					case !allowed && boardResolutions(t, s, f.board) != resolutions:
						t.Errorf("a refused request changed the board's resolutions")
					}
				})
			}
		}
	})
}

// boardResolutions describes a board's resolutions and their states.
func boardResolutions(t *testing.T, s *site, board int64) string {
	t.Helper()
	rs, err := s.App.Resolutions(ctx, s.Actor(csc.RoleQA), csc.ResolutionQuery{BoardID: board})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(rs)
}

// TestBoardPages walks the pages as the board's users would: a resolution
// without an owner or dated before its meeting is refused on the page with
// the problem named and nothing saved; the next meeting's matters arising
// show the overdue resolution; a board member reads the meeting without
// the forms that change it and cannot open a child's record.
func TestBoardPages(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := newBoardFixture(t, s, 1)
		child := s.Child(t, "Ivy", "Hale", "2012-02-02")
		raise := fmt.Sprintf("/meetings/%d/resolutions", f.held)
		st, body := s.do(t, csc.RoleSeniorLeader, "POST", raise, url.Values{"text": {"Review the housing contracts"}, "due": {"2026-02-20"}})
		if st != http.StatusBadRequest || !strings.Contains(body, "every resolution needs an owner") ||
			!strings.Contains(body, "cannot be before the meeting it was raised at (26 February 2026)") ||
			!strings.Contains(body, "Review the housing contracts") {
			t.Errorf("a resolution with no owner, due before its meeting: status %d", st)
		}
		if rs := boardResolutions(t, s, f.board); strings.Contains(rs, "housing") {
			t.Errorf("the refused resolution was saved")
		}
		st, _ = s.do(t, csc.RoleSeniorLeader, "POST", raise, url.Values{"text": {"Review the housing contracts"},
			"owner_id": {fmt.Sprint(s.Staff[csc.RoleSeniorLeader].ID)}, "due_when": {"next"}})
		if st != http.StatusSeeOther {
			t.Errorf("a good resolution: status %d", st)
		}
		_, body = s.do(t, csc.RoleBoardMember, "GET", fmt.Sprintf("/meetings/%d", f.next), nil)
		for _, want := range []string{"Matters arising", "Circulate a breakdown of staff absence", "Overdue by 46 days",
			"Review the housing contracts", "Due at this meeting", "Test Quality assurance auditor"} {
			if !strings.Contains(body, want) {
				t.Errorf("the next meeting's page lacks %q", want)
			}
		}
		reports := fmt.Sprintf("/meetings/%d/reports", f.held)
		st, body = s.upload(t, csc.RoleQA, reports, url.Values{"item_id": {fmt.Sprint(f.item)}}, "report", "absence.docx", []byte("PK\x03\x04word"))
		if st != http.StatusBadRequest || !strings.Contains(body, "The file is not a PDF") {
			t.Errorf("a Word file as a report: status %d", st)
		}
		st, _ = s.upload(t, csc.RoleQA, reports, url.Values{"item_id": {fmt.Sprint(f.item)}, "report_title": {"Staff absence breakdown"}},
			"report", "absence.pdf", samplePDF(t, "Absence by team."))
		_, page := s.do(t, csc.RoleBoardMember, "GET", fmt.Sprintf("/meetings/%d", f.held), nil)
		if st != http.StatusSeeOther || !strings.Contains(page, "Staff absence breakdown</a> (PDF") {
			t.Errorf("a report filed: status %d; the meeting's page does not list it", st)
		}
		_, body = s.do(t, csc.RoleBoardMember, "GET", fmt.Sprintf("/meetings/%d", f.next), nil)
		if want := fmt.Sprintf("/boards/%d/pack?meeting=%d", f.board, f.next); !strings.Contains(body, want) {
			t.Errorf("the meeting's page lacks the link to its board pack")
		}
		req, _ := http.NewRequest("GET", s.srv.URL+fmt.Sprintf("/boards/%d/pack?meeting=%d", f.board, f.held), nil)
		resp, err := s.clients[csc.RoleBoardMember].Do(req)
		if err != nil {
			t.Fatal(err)
		}
		pdf, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("the board pack download: status %d, %s", resp.StatusCode, resp.Header)
		}
		if strings.Contains(body, "Record a resolution") || strings.Contains(body, "Add agenda item") {
			t.Errorf("a board member is shown the forms that change a meeting")
		}
		_, body = s.do(t, csc.RoleBoardMember, "GET", "/boards", nil)
		if !strings.Contains(body, "1 overdue") || !strings.Contains(body, `href="/boards"`) {
			t.Errorf("the list of boards lacks the overdue count or the navigation link")
		}
		if st, _ := s.do(t, csc.RoleBoardMember, "GET", fmt.Sprintf("/people/%d", child.ID), nil); st != http.StatusForbidden {
			t.Errorf("a board member opened a child's record: status %d", st)
		}
		_, body = s.do(t, csc.RoleSocialWorker, "GET", "/", nil)
		if strings.Contains(body, `href="/boards"`) {
			t.Errorf("a social worker is shown the boards in the navigation")
		}
	})
}
