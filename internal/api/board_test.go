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
		"BoardMember": reflect.TypeFor[csc.BoardMember](), "Board": reflect.TypeFor[csc.Board](),
		"BoardInput": reflect.TypeFor[csc.BoardInput](), "BoardSummary": reflect.TypeFor[app.BoardSummary](),
		"Boards": reflect.TypeFor[boardsJSON](), "BoardDetail": reflect.TypeFor[boardDetailJSON](),
		"MeetingAttendee": reflect.TypeFor[csc.MeetingAttendee](), "AgendaItem": reflect.TypeFor[agendaItemJSON](),
		"Meeting": reflect.TypeFor[meetingJSON](), "MeetingInput": reflect.TypeFor[csc.MeetingInput](),
		"AgendaItemInput": reflect.TypeFor[csc.AgendaItemInput](), "AgendaMoveInput": reflect.TypeFor[agendaMoveInput](),
		"ItemMinutes": reflect.TypeFor[csc.ItemMinutes](), "MinutesInput": reflect.TypeFor[csc.MinutesInput](),
		"ResolutionUpdate": reflect.TypeFor[csc.ResolutionUpdate](), "Resolution": reflect.TypeFor[csc.Resolution](),
		"Resolutions": reflect.TypeFor[resolutionsJSON](), "ResolutionInput": reflect.TypeFor[csc.ResolutionInput](),
		"ResolutionStatusInput": reflect.TypeFor[csc.ResolutionStatusInput](), "MatterArising": reflect.TypeFor[app.MatterArising](),
		"MeetingDetail": reflect.TypeFor[meetingDetailJSON](), "Owner": reflect.TypeFor[app.Owner](),
		"Owners": reflect.TypeFor[ownersJSON](), "ResolutionLinksInput": reflect.TypeFor[csc.ResolutionLinksInput](),
	} {
		schemaTypes[name] = typ
	}
}

// TestBoardJourney keeps a board by API: a board and its meetings, an
// agenda, a resolution raised and refused for want of a meeting, an owner
// or a due date after the meeting, minutes, matters arising at the next
// meeting, and the resolution carried forward and done; board members read
// it all and change none of it.
func TestBoardJourney(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		f.addStaff(t, "leader", csc.RoleSeniorLeader)
		f.addStaff(t, "member", csc.RoleBoardMember)
		var b csc.Board
		mustJSON(t, f.run(t, scenario{Name: "board", Method: "POST", URL: "/api/v1/boards", Token: "leader",
			Body:           `{"name": "Quality and Development Board", "kind": "improvement_board", "members": [{"name": "Cllr Ada Example", "role": "Chair"}]}`,
			ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"active":true`, `"role":"Chair"`}}), &b)
		f.run(t, scenario{Name: "board member cannot add a board", Method: "POST", URL: "/api/v1/boards", Token: "member",
			Body: `{"name": "Another", "kind": "other"}`, ExpectedStatus: http.StatusForbidden})
		f.run(t, scenario{Name: "social worker cannot read boards", Method: "GET", URL: "/api/v1/boards", Token: "social",
			ExpectedStatus: http.StatusForbidden})
		var jan, mar csc.Meeting
		meetings := fmt.Sprintf("/api/v1/boards/%d/meetings", b.ID)
		mustJSON(t, f.run(t, scenario{Name: "January", Method: "POST", URL: meetings, Token: "leader",
			Body: `{"date": "2026-01-15", "location": "County Hall"}`, ExpectedStatus: http.StatusCreated}), &jan)
		mustJSON(t, f.run(t, scenario{Name: "March", Method: "POST", URL: meetings, Token: "leader",
			Body: `{"date": "2026-03-19"}`, ExpectedStatus: http.StatusCreated}), &mar)
		f.run(t, scenario{Name: "a second meeting that day", Method: "POST", URL: meetings, Token: "leader",
			Body: `{"date": "2026-03-19"}`, ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{"already has a meeting"}})
		var item csc.AgendaItem
		mustJSON(t, f.run(t, scenario{Name: "agenda", Method: "POST", URL: fmt.Sprintf("/api/v1/meetings/%d/agenda", jan.ID), Token: "leader",
			Body: `{"title": "Focused visit letter", "presenter": "Head of service"}`, ExpectedStatus: http.StatusCreated,
			ExpectedContent: []string{`"position":1`}}), &item)
		reports := fmt.Sprintf("/api/v1/meetings/%d/agenda/%d/reports", jan.ID, item.ID)
		pdfHeaders := map[string]string{"Content-Type": "application/pdf"}
		for _, sc := range []scenario{
			{Name: "a report that is not a PDF", Body: "Dear members", Headers: pdfHeaders, ExpectedStatus: http.StatusBadRequest,
				ExpectedContent: []string{`"field":"report"`, "not a PDF"}},
			{Name: "a report sent as JSON", Body: `{"report": "x"}`, ExpectedStatus: http.StatusUnsupportedMediaType},
			{Name: "a report", Body: apiPDF(t), Headers: pdfHeaders, ExpectedStatus: http.StatusCreated,
				ExpectedContent: []string{`"kind":"board_report"`, `"title":"Focused visit letter"`, `"subject_type":"board_agenda_item"`}},
		} {
			sc.Method, sc.URL, sc.Token = "POST", reports+"?title=Focused+visit+letter", "leader"
			f.run(t, sc)
		}
		f.run(t, scenario{Name: "a report by a board member", Method: "POST", URL: reports, Token: "member", Body: apiPDF(t),
			Headers: pdfHeaders, ExpectedStatus: http.StatusForbidden})
		f.run(t, scenario{Name: "the agenda lists the report", Method: "GET", URL: fmt.Sprintf("/api/v1/meetings/%d", jan.ID), Token: "member",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"reports":[{`, `"url":"/api/v1/improvement/documents/`}})
		owner := f.staff["leader"].ID
		for _, sc := range []scenario{
			{Name: "no meeting", Body: fmt.Sprintf(`{"text": "Circulate staff absence", "owner_id": %d, "due": "2026-02-01"}`, owner),
				ExpectedContent: []string{`"field":"meeting_id"`, "always raised at a meeting"}},
			{Name: "no owner", Body: fmt.Sprintf(`{"meeting_id": %d, "text": "Circulate staff absence", "due": "2026-02-01"}`, jan.ID),
				ExpectedContent: []string{`"field":"owner_id"`}},
			{Name: "due before the meeting", Body: fmt.Sprintf(`{"meeting_id": %d, "text": "Circulate staff absence", "owner_id": %d, "due": "2026-01-14"}`, jan.ID, owner),
				ExpectedContent: []string{`"field":"due"`, "15 January 2026"}},
			{Name: "at a meeting yet to meet", Body: fmt.Sprintf(`{"meeting_id": %d, "text": "x", "owner_id": %d, "by_next_meeting": true}`, mar.ID, owner),
				ExpectedContent: []string{`"field":"meeting_id"`}},
		} {
			sc.Method, sc.URL, sc.Token, sc.ExpectedStatus = "POST", "/api/v1/resolutions", "leader", http.StatusBadRequest
			f.run(t, sc)
		}
		var res csc.Resolution
		mustJSON(t, f.run(t, scenario{Name: "resolution", Method: "POST", URL: "/api/v1/resolutions", Token: "leader",
			Body: fmt.Sprintf(`{"meeting_id": %d, "agenda_item_id": %d, "text": "Circulate a breakdown of staff absence", "owner_id": %d, "by_next_meeting": true}`,
				jan.ID, item.ID, owner),
			ExpectedStatus: http.StatusCreated, ExpectedContent: []string{`"due":"2026-03-19"`, fmt.Sprintf(`"due_meeting_id":%d`, mar.ID), `"updates":[]`}}), &res)
		f.run(t, scenario{Name: "minutes", Method: "PUT", URL: fmt.Sprintf("/api/v1/meetings/%d/minutes", jan.ID), Token: "leader",
			Body: fmt.Sprintf(`{"version": %d, "minutes": "Quorate.", "attendees": [{"name": "Cllr Ada Example", "present": true}], "items": [{"id": %d, "minutes": "Noted."}]}`,
				jan.Version, item.ID),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"status":"held"`, `"minutes":"Noted."`}})
		f.run(t, scenario{Name: "stale minutes", Method: "PUT", URL: fmt.Sprintf("/api/v1/meetings/%d/minutes", jan.ID), Token: "leader",
			Body: fmt.Sprintf(`{"version": %d, "minutes": "Lost."}`, jan.Version), ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{`"current_version":2`}})
		f.run(t, scenario{Name: "matters arising", Method: "GET", URL: fmt.Sprintf("/api/v1/meetings/%d", mar.ID), Token: "member",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"matters_arising":[{`, `"standing":"due"`, fmt.Sprintf(`"previous_meeting_id":%d`, jan.ID)}})
		f.run(t, scenario{Name: "board member cannot change a resolution", Method: "POST", URL: fmt.Sprintf("/api/v1/resolutions/%d/status", res.ID),
			Token: "member", Body: `{"version": 1, "status": "done", "note": "x"}`, ExpectedStatus: http.StatusForbidden})
		f.run(t, scenario{Name: "done without a note", Method: "POST", URL: fmt.Sprintf("/api/v1/resolutions/%d/status", res.ID),
			Token: "leader", Body: `{"version": 1, "status": "done"}`, ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"note"`}})
		f.run(t, scenario{Name: "done", Method: "POST", URL: fmt.Sprintf("/api/v1/resolutions/%d/status", res.ID),
			Token: "leader", Body: `{"version": 1, "status": "done", "note": "Circulated by email."}`, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"status":"done"`, `"closed_on":"2026-03-02"`, `"recorded_by":"Test leader"`}})
		f.run(t, scenario{Name: "outstanding list", Method: "GET", URL: fmt.Sprintf("/api/v1/resolutions?board_id=%d", b.ID), Token: "inspector",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"resolutions":[]`}})
		f.run(t, scenario{Name: "all", Method: "GET", URL: fmt.Sprintf("/api/v1/resolutions?board_id=%d&status=all", b.ID), Token: "inspector",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Circulate a breakdown of staff absence"}})
		f.run(t, scenario{Name: "a bad filter", Method: "GET", URL: "/api/v1/resolutions?status=closed", Token: "inspector",
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"status"`}})
		pack := fmt.Sprintf("/api/v1/boards/%d/pack", b.ID)
		f.run(t, scenario{Name: "board pack", Method: "GET", URL: pack + fmt.Sprintf("?meeting_id=%d", jan.ID), Token: "member",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"%PDF-"},
			ExpectedHeaders: map[string]string{"Content-Type": "application/pdf",
				"Content-Disposition": fmt.Sprintf(`attachment; filename="board-pack-%d-2025-26-Q4.pdf"`, b.ID)}})
		f.run(t, scenario{Name: "board pack for a quarter to come", Method: "GET", URL: pack + "?quarter=2026-27+Q2", Token: "member",
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"quarter"`, "has not started yet"}})
		f.run(t, scenario{Name: "board pack, a stray parameter", Method: "GET", URL: pack + "?as_of=2026-01-01", Token: "member",
			ExpectedStatus: http.StatusBadRequest})
		f.run(t, scenario{Name: "board pack for a social worker", Method: "GET", URL: pack, Token: "social",
			ExpectedStatus: http.StatusForbidden})
		f.run(t, scenario{Name: "owners for editors only", Method: "GET", URL: "/api/v1/resolution-owners", Token: "member",
			ExpectedStatus: http.StatusForbidden})
		f.run(t, scenario{Name: "owners", Method: "GET", URL: "/api/v1/resolution-owners", Token: "leader",
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"name":"Test leader"`}})
	})
}
