package api

import (
	"net/http"

	"cairn/internal/csc"
)

// staffJSON is a member of staff's account. It never carries a password or
// its hash: the password in StaffInput is write-only.
type staffJSON struct {
	ID           int64   `json:"id"`
	Username     string  `json:"username"`
	Name         string  `json:"name"`
	Email        string  `json:"email"`
	Role         string  `json:"role"`
	TeamID       *int64  `json:"team_id"`
	TeamName     string  `json:"team_name"`
	DistrictID   *int64  `json:"district_id"`
	Employment   string  `json:"employment"`
	Registration string  `json:"registration"`
	Active       bool    `json:"active"`
	ExpiresAt    *string `json:"expires_at"`
	Demo         bool    `json:"demo"`
	LastSignIn   *string `json:"last_sign_in"`
	Version      int     `json:"version"`
	URL          string  `json:"url"`
}

func staffOf(s *csc.Staff) staffJSON {
	return staffJSON{ID: s.ID, Username: s.Username, Name: s.Name, Email: s.Email, Role: string(s.Role),
		TeamID: ref(s.TeamID), TeamName: s.TeamName, DistrictID: ref(s.DistrictID), Employment: string(s.Employment),
		Registration: s.Registration, Active: s.Active, ExpiresAt: optInstant(s.ExpiresAt), Demo: s.Demo,
		LastSignIn: optInstant(s.LastSignIn), Version: s.Version, URL: link("staff", s.ID)}
}

// staffListJSON lists staff accounts, by name.
type staffListJSON struct {
	Staff []staffJSON `json:"staff"`
}

func (s *server) listStaff(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := parseQuery(r, "team_id")
	teamID := q.id("team_id")
	if err := q.err(); err != nil {
		return err
	}
	ss, err := s.app.Staff(r.Context(), actor, teamID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, staffListJSON{Staff: list(ss, staffOf)})
}

func (s *server) findStaff(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	st, err := s.app.FindStaff(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, staffOf(st))
}

func (s *server) createStaff(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.StaffInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	st, err := s.app.SaveStaff(r.Context(), actor, 0, in)
	if err != nil {
		return err
	}
	return created(w, link("staff", st.ID), staffOf(st))
}

func (s *server) updateStaff(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.StaffInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	st, err := s.app.SaveStaff(r.Context(), actor, id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) {
			cur, err := s.app.FindStaff(r.Context(), actor, id)
			if err != nil {
				return 0, err
			}
			return cur.Version, nil
		})
	}
	return writeJSON(w, http.StatusOK, staffOf(st))
}
