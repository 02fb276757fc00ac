package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// meetingPageData is a meeting's page: matters arising, the agenda and
// minutes, resolutions, and (for those who keep the board) its forms.
type meetingPageData struct {
	View    *app.MeetingView
	Owners  []app.Owner
	Section string // which form the errors belong to
	Rows    []int  // the minutes form's attendance rows
}

func (s *Server) meetingShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.showMeeting(w, r, actor, "meeting_show", http.StatusOK, "", nil, nil)
}

// showMeeting renders a meeting's page or its minutes form, with a form's
// values and errors when it is shown again after a refusal.
func (s *Server) showMeeting(w http.ResponseWriter, r *http.Request, actor csc.Actor, page string, st int, section string, f url.Values, errs []csc.FieldError) error {
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	v, err := s.app.Meeting(r.Context(), actor, id)
	if err != nil {
		return err
	}
	d := &meetingPageData{View: v, Section: section}
	if actor.Can(csc.ActImprovementEdit) {
		if d.Owners, err = s.app.Owners(r.Context(), actor); err != nil {
			return err
		}
	}
	// The page holds several forms: the one posted keeps what was entered,
	// the others show the record.
	base := meetingForm(v.Meeting, v.Board)
	for k, vs := range f {
		base[k] = vs
	}
	f = base
	d.Rows = spareRows(f, "attendees", 4)
	title := v.Meeting.BoardName + ", " + v.Meeting.Date.Long()
	if page == "meeting_minutes" {
		title = "Minutes: " + title
	}
	s.render(w, r, st, page, &view{Title: title, Nav: "boards", Form: f, Errors: errs, Data: d})
	return nil
}

// meetingForm fills the meeting's forms from the record: its date and
// place, and its minutes and attendance as last recorded — or, before any
// is, the board's members, expected present.
func meetingForm(m *csc.Meeting, b *csc.Board) url.Values {
	f := url.Values{"version": {strconv.Itoa(m.Version)}, "date": {m.Date.String()}, "location": {m.Location},
		"minutes": {m.Minutes}}
	attendees := m.Attendees
	if len(attendees) == 0 && !m.Held() {
		for _, mem := range b.Members {
			attendees = append(attendees, csc.MeetingAttendee{StaffID: mem.StaffID, Name: mem.Name, Present: true})
		}
	}
	for i, at := range attendees {
		p := fmt.Sprintf("attendees.%d.", i)
		f.Set(p+"name", at.Name)
		if at.StaffID != 0 {
			f.Set(p+"staff_id", strconv.FormatInt(at.StaffID, 10))
			f.Set(p+"name", "")
		}
		if at.Present {
			f.Set(p+"present", "yes")
		}
	}
	for i, it := range m.Agenda {
		f.Set(fmt.Sprintf("items.%d.id", i), strconv.FormatInt(it.ID, 10))
		f.Set(fmt.Sprintf("items.%d.minutes", i), it.Minutes)
	}
	return f
}

// meetingChange reads a change to a meeting from its form, applies it with
// do, and redirects to the meeting's page with a confirmation, or shows
// the page again with the form's errors.
func (s *Server) meetingChange(w http.ResponseWriter, r *http.Request, actor csc.Actor, section, done string,
	do func(id int64, f url.Values) error) error {
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	err = do(id, r.PostForm)
	if csc.ErrorKind(err) == csc.Invalid {
		page := "meeting_show"
		if section == "minutes" {
			page = "meeting_minutes"
		}
		return s.showMeeting(w, r, actor, page, http.StatusBadRequest, section, r.PostForm, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, done)
	return redirect(w, r, fmt.Sprintf("/meetings/%d#%s", id, section))
}

func (s *Server) meetingReschedule(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.meetingChange(w, r, actor, "details", "Meeting changed", func(id int64, f url.Values) error {
		_, err := s.app.RescheduleMeeting(r.Context(), actor, id, csc.MeetingInput{Version: version(f), Date: f.Get("date"),
			Location: f.Get("location")})
		return err
	})
}

func (s *Server) agendaAdd(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.meetingChange(w, r, actor, "agenda", "Agenda item added", func(id int64, f url.Values) error {
		_, err := s.app.AddAgendaItem(r.Context(), actor, id, csc.AgendaItemInput{Title: f.Get("title"), Presenter: f.Get("presenter")})
		return err
	})
}

func (s *Server) agendaMove(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	item, err := pathID(r, "item")
	if err != nil {
		return err
	}
	return s.meetingChange(w, r, actor, "agenda", "Agenda reordered", func(id int64, f url.Values) error {
		return s.app.MoveAgendaItem(r.Context(), actor, id, item, f.Get("direction") == "up")
	})
}

// agendaReport files a report (a PDF) under the agenda item the form
// chooses.
func (s *Server) agendaReport(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	f, up, err := uploadForm(r, "report")
	if err == nil && up == nil {
		err = csc.Problems{{Field: "report", Message: "Choose the report's PDF file"}}.Err()
	}
	if err == nil {
		up.Title = f.Get("report_title")
		_, err = s.app.AddAgendaReport(r.Context(), actor, id, formID(f.Get("item_id")), *up)
	}
	if csc.ErrorKind(err) == csc.Invalid {
		return s.showMeeting(w, r, actor, "meeting_show", http.StatusBadRequest, "reports", f, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Report filed")
	return redirect(w, r, fmt.Sprintf("/meetings/%d#agenda", id))
}

func (s *Server) minutesForm(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActImprovementEdit) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot record minutes.", actor.Role.Label())
	}
	return s.showMeeting(w, r, actor, "meeting_minutes", http.StatusOK, "minutes", nil, nil)
}

// minutesInputOf reads the minutes form: attendance rows (blank ones
// included, so that errors name the right row) and each item's minutes.
func minutesInputOf(f url.Values) csc.MinutesInput {
	in := csc.MinutesInput{Version: version(f), Minutes: f.Get("minutes")}
	for _, i := range spareRows(f, "attendees", 0) {
		p := fmt.Sprintf("attendees.%d.", i)
		in.Attendees = append(in.Attendees, csc.MeetingAttendee{StaffID: formID(f.Get(p + "staff_id")),
			Name: f.Get(p + "name"), Present: f.Get(p+"present") == "yes"})
	}
	for i := 0; i < 200 && f.Has(fmt.Sprintf("items.%d.id", i)); i++ {
		in.Items = append(in.Items, csc.ItemMinutes{ID: formID(f.Get(fmt.Sprintf("items.%d.id", i))),
			Minutes: f.Get(fmt.Sprintf("items.%d.minutes", i))})
	}
	return in
}

func (s *Server) minutesSave(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.meetingChange(w, r, actor, "minutes", "Minutes saved", func(id int64, f url.Values) error {
		_, err := s.app.RecordMinutes(r.Context(), actor, id, minutesInputOf(f))
		return err
	})
}

func (s *Server) resolutionRaise(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.meetingChange(w, r, actor, "resolutions", "Resolution recorded", func(id int64, f url.Values) error {
		_, err := s.app.RaiseResolution(r.Context(), actor, csc.ResolutionInput{MeetingID: id,
			AgendaItemID: formID(f.Get("agenda_item_id")), Text: f.Get("text"), OwnerID: formID(f.Get("owner_id")),
			Due: dueField(f), ByNextMeeting: f.Get("due_when") == "next"})
		return err
	})
}

// dueField is the due date a form gives, when "on a date" is chosen (or
// no choice is made).
func dueField(f url.Values) string {
	if f.Get("due_when") == "next" {
		return ""
	}
	return f.Get("due")
}
