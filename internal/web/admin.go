package web

import (
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

type teamsData struct {
	Teams     []csc.Team
	Districts []csc.District
	ID        int64
}

func (s *Server) teamList(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActTeamManage) {
		return csc.Errorf(csc.Forbidden, "Only an administrator can manage teams.")
	}
	teams, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "teams", &view{Title: "Teams", Nav: "admin", Data: &teamsData{Teams: teams}})
	return nil
}

func (s *Server) teamForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, f url.Values, errs []csc.FieldError) error {
	ds, err := s.app.Districts(r.Context(), actor)
	if err != nil {
		return err
	}
	title := "Add a team"
	if id != 0 {
		title = "Change team"
	}
	s.render(w, r, st, "team_form", &view{Title: title, Nav: "admin", Form: f, Errors: errs, Data: &teamsData{Districts: ds, ID: id}})
	return nil
}

func (s *Server) teamNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActTeamManage) {
		return csc.Errorf(csc.Forbidden, "Only an administrator can manage teams.")
	}
	return s.teamForm(w, r, actor, 0, http.StatusOK, url.Values{"active": {"yes"}}, nil)
}

func (s *Server) teamEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if !actor.Can(csc.ActTeamManage) {
		return csc.Errorf(csc.Forbidden, "Only an administrator can manage teams.")
	}
	teams, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return err
	}
	for _, t := range teams {
		if t.ID == id {
			f := url.Values{"name": {t.Name}, "kind": {string(t.Kind)}, "district_id": {strconv.FormatInt(t.DistrictID, 10)},
				"version": {strconv.Itoa(t.Version)}}
			if t.Active {
				f.Set("active", "yes")
			}
			return s.teamForm(w, r, actor, id, http.StatusOK, f, nil)
		}
	}
	return csc.Errorf(csc.NotFound, "There is no team %d.", id)
}

func (s *Server) teamSave(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = pathID(r, "id"); err != nil {
			return err
		}
	}
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	_, err := s.app.SaveTeam(r.Context(), actor, id, csc.TeamInput{Version: version(f), Name: f.Get("name"), Kind: f.Get("kind"),
		DistrictID: formID(f.Get("district_id")), Active: f.Get("active") == "yes"})
	if csc.ErrorKind(err) == csc.Invalid {
		return s.teamForm(w, r, actor, id, http.StatusBadRequest, f, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Team saved")
	return redirect(w, r, "/admin/teams")
}

type staffData struct {
	Staff []csc.Staff
	Teams []csc.Team
	ID    int64
	Team  int64
}

func (s *Server) staffList(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	team := formID(r.URL.Query().Get("team"))
	staff, err := s.app.Staff(r.Context(), actor, team)
	if err != nil {
		return err
	}
	teams, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "staff", &view{Title: "Staff accounts", Nav: "admin", Data: &staffData{Staff: staff, Teams: teams, Team: team}})
	return nil
}

func (s *Server) staffForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, f url.Values, errs []csc.FieldError) error {
	teams, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return err
	}
	title := "Add a staff account"
	if id != 0 {
		title = "Change staff account"
	}
	f.Del("password")
	s.render(w, r, st, "staff_form", &view{Title: title, Nav: "admin", Form: f, Errors: errs, Data: &staffData{Teams: teams, ID: id}})
	return nil
}

func (s *Server) staffNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActStaffManage) {
		return csc.Errorf(csc.Forbidden, "Only an administrator can manage staff accounts.")
	}
	return s.staffForm(w, r, actor, 0, http.StatusOK, url.Values{"active": {"yes"}, "employment": {"permanent"}}, nil)
}

func (s *Server) staffEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	st, err := s.app.FindStaff(r.Context(), actor, id)
	if err != nil {
		return err
	}
	f := url.Values{"username": {st.Username}, "name": {st.Name}, "email": {st.Email}, "role": {string(st.Role)},
		"team_id": {strconv.FormatInt(st.TeamID, 10)}, "employment": {string(st.Employment)}, "registration": {st.Registration},
		"version": {strconv.Itoa(st.Version)}}
	if st.Active {
		f.Set("active", "yes")
	}
	if !st.ExpiresAt.IsZero() {
		f.Set("expires_on", csc.DateOf(st.ExpiresAt.Add(-1)).String())
	}
	return s.staffForm(w, r, actor, id, http.StatusOK, f, nil)
}

func (s *Server) staffSave(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = pathID(r, "id"); err != nil {
			return err
		}
	}
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	_, err := s.app.SaveStaff(r.Context(), actor, id, csc.StaffInput{Version: version(f), Username: f.Get("username"),
		Name: f.Get("name"), Email: f.Get("email"), Role: f.Get("role"), TeamID: formID(f.Get("team_id")),
		Employment: f.Get("employment"), Registration: f.Get("registration"), Active: f.Get("active") == "yes",
		ExpiresOn: f.Get("expires_on"), Password: f.Get("password")})
	if csc.ErrorKind(err) == csc.Invalid {
		return s.staffForm(w, r, actor, id, http.StatusBadRequest, f, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Staff account saved")
	return redirect(w, r, "/admin/staff")
}

type auditData struct {
	Entries []csc.AuditEntry
	Total   int
	Staff   []csc.Staff
	Query   url.Values
}

// auditTrail shows who viewed or changed a child's record, or what a member
// of staff has viewed.
func (s *Server) auditTrail(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := r.URL.Query()
	staff, err := s.app.Staff(r.Context(), actor, 0)
	if err != nil {
		return err
	}
	d := &auditData{Staff: staff, Query: q}
	v := &view{Title: "Audit trail", Nav: "admin", Data: d, Form: q}
	if q.Get("child") != "" || q.Get("staff") != "" {
		d.Entries, d.Total, err = s.app.AuditTrail(r.Context(), actor, csc.AuditQuery{ChildID: formID(q.Get("child")),
			StaffID: formID(q.Get("staff")), Limit: 200})
		if csc.ErrorKind(err) == csc.Invalid {
			v.Errors = csc.ErrorFields(err)
		} else if err != nil {
			return err
		}
	}
	s.render(w, r, statusFor(v), "audit", v)
	return nil
}

type restrictionData struct {
	Record *app.ChildRecord
	Staff  []csc.Staff
}

func (s *Server) restrictionEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.restrictionForm(w, r, actor, id, http.StatusOK, nil, nil)
}

func (s *Server) restrictionForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, f url.Values, errs []csc.FieldError) error {
	if !actor.Can(csc.ActChildRestrict) {
		return csc.Errorf(csc.Forbidden, "Only a team manager or administrator can restrict a record.")
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, id)
	if err != nil {
		return err
	}
	staff, err := s.app.Staff(r.Context(), actor, actor.TeamID)
	if err != nil {
		return err
	}
	if f == nil {
		f = url.Values{"reason": {rec.Child.RestrictionReason}, "version": {strconv.Itoa(rec.Child.Version)}}
		if rec.Child.Restricted {
			f.Set("restricted", "yes")
		}
		for _, a := range rec.Access {
			f.Add("staff", strconv.FormatInt(a.ID, 10))
		}
	}
	s.render(w, r, st, "restriction", &view{Title: "Restrict this record", Nav: "people", Form: f, Errors: errs,
		Data: &restrictionData{Record: rec, Staff: staff}})
	return nil
}

func (s *Server) restrictionUpdate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	in := app.RestrictionInput{Version: version(f), Restricted: f.Get("restricted") == "yes", Reason: f.Get("reason")}
	for _, v := range f["staff"] {
		if sid := formID(v); sid != 0 {
			in.StaffIDs = append(in.StaffIDs, sid)
		}
	}
	err = s.app.SetRestriction(r.Context(), actor, id, in)
	if csc.ErrorKind(err) == csc.Invalid {
		return s.restrictionForm(w, r, actor, id, http.StatusBadRequest, f, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Restriction saved")
	return redirect(w, r, "/people/"+strconv.FormatInt(id, 10))
}
