package api

import (
	"net/http"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// boardRoutes are the API routes of boards and committees, their meetings
// and resolutions.
var boardRoutes = []route{
	{Method: http.MethodGet, Path: "/boards", Handler: (*server).listBoards},
	{Method: http.MethodPost, Path: "/boards", Handler: (*server).createBoard},
	{Method: http.MethodGet, Path: "/boards/{id}", Handler: (*server).findBoard},
	{Method: http.MethodPut, Path: "/boards/{id}", Handler: (*server).updateBoard},
	{Method: http.MethodPost, Path: "/boards/{id}/meetings", Handler: (*server).scheduleMeeting},
	{Method: http.MethodGet, Path: "/boards/{id}/pack", Handler: (*server).boardPack},
	{Method: http.MethodGet, Path: "/meetings/{id}", Handler: (*server).findMeeting},
	{Method: http.MethodPut, Path: "/meetings/{id}", Handler: (*server).rescheduleMeeting},
	{Method: http.MethodPost, Path: "/meetings/{id}/agenda", Handler: (*server).addAgendaItem},
	{Method: http.MethodPost, Path: "/meetings/{id}/agenda/{item}/move", Handler: (*server).moveAgendaItem},
	{Method: http.MethodPost, Path: "/meetings/{id}/agenda/{item}/reports", Handler: (*server).addAgendaReport},
	{Method: http.MethodPut, Path: "/meetings/{id}/minutes", Handler: (*server).recordMinutes},
	{Method: http.MethodGet, Path: "/resolutions", Handler: (*server).listResolutions},
	{Method: http.MethodPost, Path: "/resolutions", Handler: (*server).raiseResolution},
	{Method: http.MethodGet, Path: "/resolutions/{id}", Handler: (*server).findResolution},
	{Method: http.MethodPost, Path: "/resolutions/{id}/status", Handler: (*server).updateResolution},
	{Method: http.MethodPut, Path: "/resolutions/{id}/links", Handler: (*server).linkResolution},
	{Method: http.MethodGet, Path: "/resolution-owners", Handler: (*server).listOwners},
}

// The board API writes the domain's records, with every list present
// (empty rather than null).

func boardOut(b *csc.Board) csc.Board {
	out := *b
	out.Members = nonNil(out.Members)
	return out
}

// meetingJSON is a meeting with its agenda; each item's reports are
// described as the improvement area's documents are.
type meetingJSON struct {
	ID        int64                 `json:"id"`
	BoardID   int64                 `json:"board_id"`
	BoardName string                `json:"board_name"`
	BoardKind csc.BoardKind         `json:"board_kind"`
	Date      csc.Date              `json:"date"`
	Status    string                `json:"status"`
	Location  string                `json:"location"`
	Minutes   string                `json:"minutes"`
	Attendees []csc.MeetingAttendee `json:"attendees"`
	Agenda    []agendaItemJSON      `json:"agenda"`
	CreatedAt time.Time             `json:"created_at"`
	Version   int                   `json:"version"`
}

// agendaItemJSON is one item of an agenda with its reports.
type agendaItemJSON struct {
	ID        int64                     `json:"id"`
	MeetingID int64                     `json:"meeting_id"`
	Position  int                       `json:"position"`
	Title     string                    `json:"title"`
	Presenter string                    `json:"presenter"`
	Minutes   string                    `json:"minutes"`
	Reports   []improvementDocumentJSON `json:"reports"`
	Version   int                       `json:"version"`
}

func agendaItemOf(it *csc.AgendaItem) agendaItemJSON {
	return agendaItemJSON{ID: it.ID, MeetingID: it.MeetingID, Position: it.Position, Title: it.Title, Presenter: it.Presenter,
		Minutes: it.Minutes, Reports: list(it.Reports, improvementDocumentOf), Version: it.Version}
}

func meetingOut(m *csc.Meeting) meetingJSON {
	return meetingJSON{ID: m.ID, BoardID: m.BoardID, BoardName: m.BoardName, BoardKind: m.BoardKind, Date: m.Date, Status: m.Status,
		Location: m.Location, Minutes: m.Minutes, Attendees: nonNil(m.Attendees), Agenda: list(m.Agenda, agendaItemOf),
		CreatedAt: m.CreatedAt, Version: m.Version}
}

func resolutionOut(r *csc.Resolution) csc.Resolution {
	out := *r
	out.Updates, out.ActionIDs, out.FindingIDs = nonNil(out.Updates), nonNil(out.ActionIDs), nonNil(out.FindingIDs)
	return out
}

// boardsJSON lists the boards, active ones first.
type boardsJSON struct {
	Boards []app.BoardSummary `json:"boards"`
}

// boardDetailJSON is a board with its meetings, newest first, and its
// outstanding resolutions.
type boardDetailJSON struct {
	Board                  csc.Board        `json:"board"`
	Meetings               []meetingJSON    `json:"meetings"`
	OutstandingResolutions []csc.Resolution `json:"outstanding_resolutions"`
	NextMeetingID          *int64           `json:"next_meeting_id"`
}

// meetingDetailJSON is a meeting with the resolutions raised at it and its
// matters arising.
type meetingDetailJSON struct {
	Meeting           meetingJSON         `json:"meeting"`
	Resolutions       []csc.Resolution    `json:"resolutions"`
	MattersArising    []app.MatterArising `json:"matters_arising"`
	PreviousMeetingID *int64              `json:"previous_meeting_id"`
	NextMeetingID     *int64              `json:"next_meeting_id"`
}

// resolutionsJSON lists resolutions, oldest meeting first.
type resolutionsJSON struct {
	Resolutions []csc.Resolution `json:"resolutions"`
}

// ownersJSON lists who may own a resolution.
type ownersJSON struct {
	Owners []app.Owner `json:"owners"`
}

// agendaMoveInput moves an agenda item one place.
type agendaMoveInput struct {
	Direction string `json:"direction"` // "up" or "down"
}

func meetingRef(m *csc.Meeting) *int64 {
	if m == nil {
		return nil
	}
	return ref(m.ID)
}

func (s *server) listBoards(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	bs, err := s.app.Boards(r.Context(), actor)
	if err != nil {
		return err
	}
	for i := range bs {
		bs[i].Members = nonNil(bs[i].Members)
	}
	return writeJSON(w, http.StatusOK, boardsJSON{Boards: nonNil(bs)})
}

func (s *server) findBoard(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.Board(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, boardDetailJSON{Board: boardOut(v.Board), Meetings: list(v.Meetings, meetingOut),
		OutstandingResolutions: list(v.Outstanding, resolutionOut), NextMeetingID: meetingRef(v.Next)})
}

func (s *server) createBoard(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.BoardInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	b, err := s.app.SaveBoard(r.Context(), actor, 0, in)
	if err != nil {
		return err
	}
	return created(w, link("boards", b.ID), boardOut(b))
}

func (s *server) updateBoard(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versionedChange(w, r, func(in csc.BoardInput) int { return in.Version }, func(id int64, in csc.BoardInput) (any, error) {
		b, err := s.app.SaveBoard(r.Context(), actor, id, in)
		return valueOf(b, err, boardOut)
	}, func(id int64) (int, error) {
		v, err := s.app.Board(r.Context(), actor, id)
		if err != nil {
			return 0, err
		}
		return v.Board.Version, nil
	})
}

func (s *server) scheduleMeeting(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.MeetingInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	m, err := s.app.ScheduleMeeting(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("meetings", m.ID), meetingOut(m))
}

func (s *server) findMeeting(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.Meeting(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, meetingDetailJSON{Meeting: meetingOut(v.Meeting), Resolutions: list(v.Raised, resolutionOut),
		MattersArising: list(v.Arising, func(m *app.MatterArising) app.MatterArising {
			m.Resolution = resolutionOut(&m.Resolution)
			return *m
		}), PreviousMeetingID: meetingRef(v.Previous), NextMeetingID: meetingRef(v.Next)})
}

// meetingVersion reads a meeting's current version after a conflict.
func (s *server) meetingVersion(r *http.Request, actor csc.Actor) func(id int64) (int, error) {
	return func(id int64) (int, error) {
		v, err := s.app.Meeting(r.Context(), actor, id)
		if err != nil {
			return 0, err
		}
		return v.Meeting.Version, nil
	}
}

func (s *server) rescheduleMeeting(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versionedChange(w, r, func(in csc.MeetingInput) int { return in.Version }, func(id int64, in csc.MeetingInput) (any, error) {
		m, err := s.app.RescheduleMeeting(r.Context(), actor, id, in)
		return valueOf(m, err, meetingOut)
	}, s.meetingVersion(r, actor))
}

func (s *server) recordMinutes(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versionedChange(w, r, func(in csc.MinutesInput) int { return in.Version }, func(id int64, in csc.MinutesInput) (any, error) {
		m, err := s.app.RecordMinutes(r.Context(), actor, id, in)
		return valueOf(m, err, meetingOut)
	}, s.meetingVersion(r, actor))
}

func (s *server) addAgendaItem(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.AgendaItemInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	it, err := s.app.AddAgendaItem(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("meetings", id), agendaItemOf(it))
}

// meetingAndItem reads the meeting's and the agenda item's ids from the
// path.
func meetingAndItem(r *http.Request) (int64, int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, 0, err
	}
	item, err := namedID(r, "item")
	return id, item, err
}

func (s *server) moveAgendaItem(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, item, err := meetingAndItem(r)
	if err != nil {
		return err
	}
	var in agendaMoveInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Direction != "up" && in.Direction != "down" {
		return badRequest("direction", "Give the direction as “up” or “down”.")
	}
	if err := s.app.MoveAgendaItem(r.Context(), actor, id, item, in.Direction == "up"); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// addAgendaReport files a report under an agenda item: the PDF itself is
// the body (Content-Type: application/pdf), its title a query parameter.
func (s *server) addAgendaReport(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, item, err := meetingAndItem(r)
	if err != nil {
		return err
	}
	q := parseQuery(r, "title")
	title := q.text("title", 200)
	if err := q.err(); err != nil {
		return err
	}
	pdf, err := readPDF(w, r)
	if err != nil {
		return err
	}
	d, err := s.app.AddAgendaReport(r.Context(), actor, id, item, app.DocumentUpload{Title: title, Content: pdf})
	if err != nil {
		return err
	}
	return created(w, link("improvement/documents", d.ID), improvementDocumentOf(d))
}

func (s *server) listResolutions(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := parseQuery(r, "board_id", "meeting_id", "owner_id", "status", "overdue")
	rq := csc.ResolutionQuery{BoardID: q.id("board_id"), MeetingID: q.id("meeting_id"), OwnerID: q.id("owner_id"),
		Outstanding: q.oneOf("status", "outstanding", "all") != "all"}
	overdue := q.flag("overdue")
	if err := q.err(); err != nil {
		return err
	}
	rs, err := s.app.Resolutions(r.Context(), actor, rq)
	if err != nil {
		return err
	}
	today := csc.DateOf(s.app.Now())
	out := []csc.Resolution{}
	for i := range rs {
		if !overdue || rs[i].Overdue(today) {
			out = append(out, resolutionOut(&rs[i]))
		}
	}
	return writeJSON(w, http.StatusOK, resolutionsJSON{Resolutions: out})
}

func (s *server) raiseResolution(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.ResolutionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	res, err := s.app.RaiseResolution(r.Context(), actor, in)
	if err != nil {
		return err
	}
	return created(w, link("resolutions", res.ID), resolutionOut(res))
}

func (s *server) findResolution(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	res, err := s.app.Resolution(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, resolutionOut(res.Resolution))
}

// resolutionVersion reads a resolution's current version after a conflict.
func (s *server) resolutionVersion(r *http.Request, actor csc.Actor) func(id int64) (int, error) {
	return func(id int64) (int, error) {
		res, err := s.app.Resolution(r.Context(), actor, id)
		if err != nil {
			return 0, err
		}
		return res.Version, nil
	}
}

func (s *server) updateResolution(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versionedChange(w, r, func(in csc.ResolutionStatusInput) int { return in.Version }, func(id int64, in csc.ResolutionStatusInput) (any, error) {
		res, err := s.app.UpdateResolution(r.Context(), actor, id, in)
		return valueOf(res, err, resolutionOut)
	}, s.resolutionVersion(r, actor))
}

func (s *server) linkResolution(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versionedChange(w, r, func(in csc.ResolutionLinksInput) int { return in.Version }, func(id int64, in csc.ResolutionLinksInput) (any, error) {
		res, err := s.app.LinkResolution(r.Context(), actor, id, in)
		return valueOf(res, err, resolutionOut)
	}, s.resolutionVersion(r, actor))
}

func (s *server) listOwners(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	os, err := s.app.Owners(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ownersJSON{Owners: nonNil(os)})
}

// versionedChange decodes a change to the record the path names, insists
// on the version the client read, applies it and answers 200 with the
// result; a conflict carries the record's current version.
func versionedChange[In any](w http.ResponseWriter, r *http.Request, versionOf func(In) int,
	do func(int64, In) (any, error), current func(int64) (int, error)) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in In
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(versionOf(in)); err != nil {
		return err
	}
	out, err := do(id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) { return current(id) })
	}
	return writeJSON(w, http.StatusOK, out)
}

// valueOf shapes a service result for the response, passing on an error.
func valueOf[T, J any](v *T, err error, out func(*T) J) (any, error) {
	if err != nil {
		return nil, err
	}
	return out(v), nil
}

func (s *server) boardPack(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	q := parseQuery(r, "quarter", "meeting_id")
	in := app.PackInput{Quarter: q.text("quarter", 20), MeetingID: q.id("meeting_id")}
	if err := q.err(); err != nil {
		return err
	}
	f, err := s.app.BoardPack(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+f.Filename+`"`)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(f.PDF)
	return nil
}
