package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// myWork is a worker's tray: overdue, due today, due this week.
func (s *Server) myWork(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	t, err := s.app.MyWork(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "work", &view{Title: "My work", Nav: "work", Data: t})
	return nil
}

// teamWork is the team manager's view of their team.
func (s *Server) teamWork(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	v, err := s.app.TeamWork(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "team", &view{Title: "Team work", Nav: "team", Data: v})
	return nil
}

type clockData struct {
	Item    app.TrayItem
	Reasons []struct{ Code, Label string }
}

// clockShow is a clock's page: its dates and, when missed, the reason and
// the manager's sign-off, with the forms for each.
func (s *Server) clockShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showClock(w, r, actor, id, http.StatusOK, nil, nil)
}

func (s *Server) showClock(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, f url.Values, errs []csc.FieldError) error {
	it, err := s.app.FindClock(r.Context(), actor, id)
	if err != nil {
		return err
	}
	if f == nil {
		f = url.Values{}
		if e := it.Explanation; e != nil {
			f.Set("reason_code", e.ReasonCode)
			f.Set("reason_text", e.ReasonText)
			f.Set("version", strconv.Itoa(e.Version))
		}
	}
	s.render(w, r, st, "clock", &view{Title: it.Title, Nav: "work", Form: f, Errors: errs,
		Data: &clockData{Item: it, Reasons: csc.MissedReasons}})
	return nil
}

func (s *Server) clockExplain(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	err = s.app.ExplainClock(r.Context(), actor, id, app.ExplainInput{Version: version(f), ReasonCode: f.Get("reason_code"),
		ReasonText: f.Get("reason_text")})
	return s.clockResult(w, r, actor, id, f, err, "Reason recorded. A manager will be asked to sign it off.")
}

func (s *Server) clockSignOff(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	err = s.app.SignOffClock(r.Context(), actor, id, version(r.PostForm), r.PostForm.Get("sign_off_note"))
	return s.clockResult(w, r, actor, id, r.PostForm, err, "Signed off")
}

func (s *Server) clockResult(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, f url.Values, err error, done string) error {
	switch csc.ErrorKind(err) {
	case csc.Invalid, csc.Conflict:
		errs := csc.ErrorFields(err)
		if len(errs) == 0 {
			errs = []csc.FieldError{{Field: "reason_code", Message: csc.ErrorMessage(err)}}
		}
		st := http.StatusBadRequest
		if csc.ErrorKind(err) == csc.Conflict {
			st, f = http.StatusConflict, nil
		}
		return s.showClock(w, r, actor, id, st, f, errs)
	}
	if err != nil {
		return err
	}
	s.flash(w, done)
	return redirect(w, r, "/clocks/"+strconv.FormatInt(id, 10))
}

type settingsData struct {
	Settings []app.SettingView
	Today    csc.Date
}

func (s *Server) settingsShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.showSettings(w, r, actor, http.StatusOK, url.Values{"from": {s.app.Today().String()}}, nil)
}

func (s *Server) showSettings(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, f url.Values, errs []csc.FieldError) error {
	set, err := s.app.LocalSettings(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, st, "settings", &view{Title: "Local rules", Nav: "admin", Form: f, Errors: errs,
		Data: &settingsData{Settings: set, Today: s.app.Today()}})
	return nil
}

func (s *Server) settingsChange(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	err := s.app.ChangeSetting(r.Context(), actor, app.SettingInput{Key: f.Get("key"), Value: f.Get("value"),
		From: f.Get("from"), Reason: f.Get("reason")})
	if csc.ErrorKind(err) == csc.Invalid {
		return s.showSettings(w, r, actor, http.StatusBadRequest, f, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Local rule changed. Every child's clocks have been recalculated.")
	return redirect(w, r, "/admin/settings")
}

type indicatorData struct {
	Rows     []app.TimelinessRow
	From, To csc.Date
	Rule     string
	Team     int64
	Items    []app.TrayItem
}

// periodOf reads a from/to period, defaulting to the last three months.
func (s *Server) periodOf(q url.Values) (csc.Date, csc.Date, []csc.FieldError) {
	today := s.app.Today()
	from, to := today.AddDays(-91), today
	var errs []csc.FieldError
	if v := q.Get("from"); v != "" {
		d, err := csc.ParseDate(v)
		if err != nil {
			errs = append(errs, csc.FieldError{Field: "from", Message: "Enter the start as a real date, for example 2026-01-01"})
		} else {
			from = d
		}
	}
	if v := q.Get("to"); v != "" {
		d, err := csc.ParseDate(v)
		if err != nil {
			errs = append(errs, csc.FieldError{Field: "to", Message: "Enter the end as a real date, for example 2026-03-31"})
		} else {
			to = d
		}
	}
	return from, to, errs
}

// indicators shows the timeliness of every rule by team.
func (s *Server) indicators(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := r.URL.Query()
	from, to, errs := s.periodOf(q)
	d := &indicatorData{From: from, To: to}
	v := &view{Title: "Timeliness", Nav: "indicators", Data: d, Errors: errs,
		Form: url.Values{"from": {from.String()}, "to": {to.String()}}}
	if len(errs) == 0 {
		rows, err := s.app.Timeliness(r.Context(), actor, from, to)
		if csc.ErrorKind(err) == csc.Invalid {
			v.Errors = csc.ErrorFields(err)
		} else if err != nil {
			return err
		}
		d.Rows = rows
	}
	s.render(w, r, statusFor(v), "indicators", v)
	return nil
}

// indicatorChildren drills down from an indicator row to its children.
func (s *Server) indicatorChildren(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := r.URL.Query()
	from, to, errs := s.periodOf(q)
	if len(errs) > 0 {
		return csc.Errorf(csc.Invalid, "%s", errs[0].Message)
	}
	team, _ := strconv.ParseInt(q.Get("team"), 10, 64)
	items, err := s.app.TimelinessChildren(r.Context(), actor, r.PathValue("rule"), team, from, to)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "indicator_children", &view{Title: "Timeliness: " + r.PathValue("rule"), Nav: "indicators",
		Data: &indicatorData{Items: items, From: from, To: to, Rule: r.PathValue("rule"), Team: team}})
	return nil
}

// trayCount is the navigation's count of work overdue or due today. A
// failure to count never stops a page: the count is left out. A page
// opened with GET has it counted already, or under way (countAhead).
func (s *Server) trayCount(r *http.Request, actor csc.Actor) int {
	if actor.StaffID == 0 {
		return 0
	}
	if c, ok := r.Context().Value(trayKey{}).(*trayCounting); ok && c.actor.StaffID == actor.StaffID {
		<-c.done
		return c.n
	}
	return s.countTray(r.Context(), actor)
}

func (s *Server) countTray(ctx context.Context, actor csc.Actor) int {
	n, err := s.app.TrayCount(ctx, actor)
	if err != nil {
		if ctx.Err() == nil { // not a page that finished, or was left, before its count
			s.log.Error("tray count", "err", err)
		}
		return 0
	}
	return n
}

type trayKey struct{}

// trayCounting is a navigation count asked for as a page starts.
type trayCounting struct {
	actor csc.Actor
	done  chan struct{} // closed once n is set
	n     int
}

// countAhead starts counting the actor's tray beside the page's own reads,
// so that the count is not a round trip to the database of its own after
// them: on a child's page it was one of four. Only pages opened with GET
// are counted ahead; they nearly all render the navigation.
func (s *Server) countAhead(r *http.Request, actor csc.Actor) *http.Request {
	if r.Method != http.MethodGet || actor.StaffID == 0 {
		return r
	}
	c := &trayCounting{actor: actor, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		c.n = s.countTray(r.Context(), actor)
	}()
	return r.WithContext(context.WithValue(r.Context(), trayKey{}, c))
}
