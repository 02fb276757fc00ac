package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// pageRoute is one page of an area whose routes are kept as a table, so
// that a test can check its permission matrix covers every one.
type pageRoute struct {
	pattern string
	h       func(s *Server, w http.ResponseWriter, r *http.Request, actor csc.Actor) error
	upload  bool // the form sends a PDF, so its body may be larger
}

// boardPages are the pages of boards and committees, their meetings and
// resolutions.
var boardPages = []pageRoute{
	{pattern: "GET /boards", h: (*Server).boardList},
	{pattern: "GET /boards/new", h: (*Server).boardNew},
	{pattern: "POST /boards", h: (*Server).boardSave},
	{pattern: "GET /boards/{board}", h: (*Server).boardShow},
	{pattern: "GET /boards/{board}/edit", h: (*Server).boardEdit},
	{pattern: "POST /boards/{board}", h: (*Server).boardSave},
	{pattern: "POST /boards/{board}/meetings", h: (*Server).meetingSchedule},
	{pattern: "GET /boards/{board}/pack", h: (*Server).boardPack},
	{pattern: "GET /meetings/{meeting}", h: (*Server).meetingShow},
	{pattern: "POST /meetings/{meeting}", h: (*Server).meetingReschedule},
	{pattern: "POST /meetings/{meeting}/agenda", h: (*Server).agendaAdd},
	{pattern: "POST /meetings/{meeting}/agenda/{item}/move", h: (*Server).agendaMove},
	{pattern: "POST /meetings/{meeting}/reports", h: (*Server).agendaReport, upload: true},
	{pattern: "GET /meetings/{meeting}/minutes", h: (*Server).minutesForm},
	{pattern: "POST /meetings/{meeting}/minutes", h: (*Server).minutesSave},
	{pattern: "POST /meetings/{meeting}/resolutions", h: (*Server).resolutionRaise},
	{pattern: "GET /resolutions", h: (*Server).resolutionList},
	{pattern: "GET /resolutions/{resolution}", h: (*Server).resolutionShow},
	{pattern: "POST /resolutions/{resolution}/status", h: (*Server).resolutionStatus},
	{pattern: "POST /resolutions/{resolution}/links", h: (*Server).resolutionLinks},
}

// boardRoutes registers the pages of boards and committees.
func (s *Server) boardRoutes(mux *http.ServeMux) {
	for _, rt := range boardPages {
		h := rt.h
		wrap := s.page
		if rt.upload {
			wrap = s.uploadPage
		}
		mux.Handle(rt.pattern, wrap(func(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
			return h(s, w, r, actor)
		}))
	}
}

func init() {
	funcs["boardKinds"] = func() []csc.BoardKind { return csc.BoardKinds }
	funcs["resolutionStatus"] = csc.ResolutionStatusLabel
	funcs["resolutionStatuses"] = func() []string { return csc.ResolutionStatuses }
	funcs["meetingStatus"] = csc.MeetingStatusLabel
	funcs["attending"] = func(as []csc.MeetingAttendee, present bool) string {
		var names []string
		for _, a := range as {
			if a.Present == present {
				names = append(names, a.Name)
			}
		}
		if len(names) == 0 {
			return "None recorded"
		}
		return strings.Join(names, "; ")
	}
	funcs["hasID"] = func(vs []string, id int64) bool { return contains(vs, strconv.FormatInt(id, 10)) }
	funcs["today"] = func(now time.Time) csc.Date { return csc.DateOf(now) }
	funcs["daysOver"] = func(r csc.Resolution, now time.Time) int { return r.DaysOverdue(csc.DateOf(now)) }
}

type boardListData struct {
	Boards []app.BoardSummary
}

func (s *Server) boardList(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	bs, err := s.app.Boards(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "board_list", &view{Title: "Boards and committees", Nav: "boards", Data: &boardListData{Boards: bs}})
	return nil
}

// boardFormData is the form that adds or changes a board.
type boardFormData struct {
	ID     int64
	Owners []app.Owner
	Rows   []int // the members' rows: those held and a few spare
}

func (s *Server) boardForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, f url.Values, errs []csc.FieldError) error {
	owners, err := s.app.Owners(r.Context(), actor)
	if err != nil {
		return err
	}
	title := "Add a board or committee"
	if id != 0 {
		title = "Change board"
	}
	d := &boardFormData{ID: id, Owners: owners, Rows: spareRows(f, "members", 4)}
	s.render(w, r, st, "board_form", &view{Title: title, Nav: "boards", Form: f, Errors: errs, Data: d})
	return nil
}

// spareRows numbers the rows of a repeating part of a form: those the form
// holds and spare more.
func spareRows(f url.Values, prefix string, spare int) []int {
	n := 0
	for n < 200 && (f.Has(fmt.Sprintf("%s.%d.name", prefix, n)) || f.Has(fmt.Sprintf("%s.%d.staff_id", prefix, n))) {
		n++
	}
	out := make([]int, n+spare)
	for i := range out {
		out[i] = i
	}
	return out
}

func (s *Server) boardNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.boardForm(w, r, actor, 0, http.StatusOK, url.Values{"active": {"yes"}}, nil)
}

// loadBoard reads the board the path names.
func (s *Server) loadBoard(r *http.Request, actor csc.Actor) (*app.BoardView, error) {
	id, err := pathID(r, "board")
	if err != nil {
		return nil, err
	}
	return s.app.Board(r.Context(), actor, id)
}

func (s *Server) boardEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	v, err := s.loadBoard(r, actor)
	if err != nil {
		return err
	}
	b := v.Board
	f := url.Values{"name": {b.Name}, "kind": {string(b.Kind)}, "version": {strconv.Itoa(b.Version)}}
	if b.Active {
		f.Set("active", "yes")
	}
	for i, m := range b.Members {
		p := fmt.Sprintf("members.%d.", i)
		f.Set(p+"name", m.Name)
		f.Set(p+"role", m.Role)
		if m.StaffID != 0 {
			f.Set(p+"staff_id", strconv.FormatInt(m.StaffID, 10))
			f.Set(p+"name", "")
		}
	}
	return s.boardForm(w, r, actor, b.ID, http.StatusOK, f, nil)
}

// boardInputOf reads the board form. Every row is passed on, blank or not,
// so that a problem in row n is reported against row n.
func boardInputOf(f url.Values) csc.BoardInput {
	in := csc.BoardInput{Version: version(f), Name: f.Get("name"), Kind: f.Get("kind"), Active: f.Get("active") == "yes"}
	for _, i := range spareRows(f, "members", 0) {
		p := fmt.Sprintf("members.%d.", i)
		in.Members = append(in.Members, csc.BoardMember{StaffID: formID(f.Get(p + "staff_id")), Name: f.Get(p + "name"), Role: f.Get(p + "role")})
	}
	return in
}

func (s *Server) boardSave(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var id int64
	if r.PathValue("board") != "" {
		var err error
		if id, err = pathID(r, "board"); err != nil {
			return err
		}
	}
	if err := parseForm(r); err != nil {
		return err
	}
	b, err := s.app.SaveBoard(r.Context(), actor, id, boardInputOf(r.PostForm))
	if csc.ErrorKind(err) == csc.Invalid {
		return s.boardForm(w, r, actor, id, http.StatusBadRequest, r.PostForm, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Board saved")
	return redirect(w, r, fmt.Sprintf("/boards/%d", b.ID))
}

// boardPageData is a board's page.
type boardPageData struct {
	View *app.BoardView
	// Quarters are the quarters a pack may be downloaded for: this one and
	// the eleven before, newest first.
	Quarters []csc.Quarter
}

func (s *Server) boardShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.showBoard(w, r, actor, http.StatusOK, nil, nil)
}

func (s *Server) showBoard(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, f url.Values, errs []csc.FieldError) error {
	v, err := s.loadBoard(r, actor)
	if err != nil {
		return err
	}
	d := &boardPageData{View: v}
	for q := csc.QuarterOf(csc.DateOf(s.app.Now())); len(d.Quarters) < 12; q = q.Prev() {
		d.Quarters = append(d.Quarters, q)
	}
	s.render(w, r, st, "board_show", &view{Title: v.Board.Name, Nav: "boards", Form: f, Errors: errs, Data: d})
	return nil
}

func (s *Server) meetingSchedule(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "board")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	m, err := s.app.ScheduleMeeting(r.Context(), actor, id, csc.MeetingInput{Date: f.Get("date"), Location: f.Get("location")})
	if csc.ErrorKind(err) == csc.Invalid {
		return s.showBoard(w, r, actor, http.StatusBadRequest, f, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Meeting scheduled")
	return redirect(w, r, fmt.Sprintf("/meetings/%d", m.ID))
}

// boardPack sends a board's quarterly pack as a PDF download: for the
// quarter chosen, or for the meeting named.
func (s *Server) boardPack(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "board")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f, err := s.app.BoardPack(r.Context(), actor, id, app.PackInput{Quarter: q.Get("quarter"), MeetingID: formID(q.Get("meeting"))})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+f.Filename+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(len(f.PDF)))
	w.Write(f.PDF)
	return nil
}
