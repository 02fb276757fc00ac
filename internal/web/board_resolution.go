package web

import (
	"fmt"
	"net/http"
	"net/url"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// resolutionsData is the list of resolutions across boards.
type resolutionsData struct {
	Resolutions []csc.Resolution
	Boards      []app.BoardSummary
	Query       url.Values
	Overdue     int
}

// resolutionList lists resolutions, outstanding ones unless asked for all,
// optionally of one board or only the overdue.
func (s *Server) resolutionList(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := r.URL.Query()
	rq := csc.ResolutionQuery{BoardID: formID(q.Get("board")), Outstanding: q.Get("status") != "all"}
	rs, err := s.app.Resolutions(r.Context(), actor, rq)
	if err != nil {
		return err
	}
	boards, err := s.app.Boards(r.Context(), actor)
	if err != nil {
		return err
	}
	today := csc.DateOf(s.app.Now())
	d := &resolutionsData{Boards: boards, Query: q}
	for _, x := range rs {
		if x.Overdue(today) {
			d.Overdue++
		}
		if q.Get("overdue") != "yes" || x.Overdue(today) {
			d.Resolutions = append(d.Resolutions, x)
		}
	}
	s.render(w, r, http.StatusOK, "resolution_list", &view{Title: "Resolutions", Nav: "boards", Form: q, Data: d})
	return nil
}

// resolutionPageData is a resolution's page with its history and, for
// those who keep the board, the form that changes its status.
type resolutionPageData struct {
	R        *app.ResolutionView
	Meetings []csc.Meeting // the board's meetings, for "agreed at"
	Owners   []app.Owner
	// Actions and Findings are the choices for what the resolution is
	// about.
	Actions  []csc.ImprovementAction
	Findings []csc.Finding
}

func (s *Server) resolutionShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.showResolution(w, r, actor, http.StatusOK, url.Values{}, nil)
}

func (s *Server) showResolution(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, f url.Values, errs []csc.FieldError) error {
	id, err := pathID(r, "resolution")
	if err != nil {
		return err
	}
	res, err := s.app.Resolution(r.Context(), actor, id)
	if err != nil {
		return err
	}
	d := &resolutionPageData{R: res}
	if actor.Can(csc.ActImprovementEdit) {
		bv, err := s.app.Board(r.Context(), actor, res.BoardID)
		if err != nil {
			return err
		}
		d.Meetings = bv.Meetings
		if d.Owners, err = s.app.Owners(r.Context(), actor); err != nil {
			return err
		}
		if d.Actions, d.Findings, err = s.app.PlanChoices(r.Context(), actor); err != nil {
			return err
		}
	}
	if f.Get("version") == "" {
		f.Set("version", fmt.Sprint(res.Version))
	}
	if _, posted := f["linking"]; !posted {
		for _, x := range res.ActionIDs {
			f.Add("action_ids", fmt.Sprint(x))
		}
		for _, x := range res.FindingIDs {
			f.Add("finding_ids", fmt.Sprint(x))
		}
	}
	s.render(w, r, st, "resolution_show", &view{Title: "Resolution " + fmt.Sprint(res.ID), Nav: "boards", Form: f, Errors: errs, Data: d})
	return nil
}

// resolutionChange reads a change to a resolution from its form, applies
// it with do, and redirects to the resolution's page with a confirmation,
// or shows the page again with the form's errors.
func (s *Server) resolutionChange(w http.ResponseWriter, r *http.Request, actor csc.Actor, done, anchor string,
	do func(id int64, f url.Values) error) error {
	id, err := pathID(r, "resolution")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	err = do(id, r.PostForm)
	if csc.ErrorKind(err) == csc.Invalid {
		return s.showResolution(w, r, actor, http.StatusBadRequest, r.PostForm, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, done)
	return redirect(w, r, fmt.Sprintf("/resolutions/%d#%s", id, anchor))
}

func (s *Server) resolutionStatus(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.resolutionChange(w, r, actor, "Resolution updated", "history", func(id int64, f url.Values) error {
		_, err := s.app.UpdateResolution(r.Context(), actor, id, csc.ResolutionStatusInput{Version: version(f), Status: f.Get("status"),
			Note: f.Get("note"), On: f.Get("on"), MeetingID: formID(f.Get("meeting_id")), Due: dueField(f),
			ByNextMeeting: f.Get("due_when") == "next", OwnerID: formID(f.Get("owner_id"))})
		return err
	})
}

// formIDs reads the ids a multiple choice sends; anything not a positive
// whole number is passed on as 0, which the service refuses by name.
func formIDs(vs []string) []int64 {
	out := make([]int64, 0, len(vs))
	for _, v := range vs {
		out = append(out, formID(v))
	}
	return out
}

func (s *Server) resolutionLinks(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.resolutionChange(w, r, actor, "Links saved", "links", func(id int64, f url.Values) error {
		_, err := s.app.LinkResolution(r.Context(), actor, id, csc.ResolutionLinksInput{Version: version(f),
			ActionIDs: formIDs(f["action_ids"]), FindingIDs: formIDs(f["finding_ids"])})
		return err
	})
}
