package api

import (
	"net/http"

	"cairn/internal/csc"
)

// teamJSON is a team of staff.
type teamJSON struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	DistrictID   *int64 `json:"district_id"`
	DistrictName string `json:"district_name"`
	Active       bool   `json:"active"`
	Version      int    `json:"version"`
	URL          string `json:"url"`
}

func teamOf(t *csc.Team) teamJSON {
	return teamJSON{ID: t.ID, Name: t.Name, Kind: string(t.Kind), DistrictID: ref(t.DistrictID),
		DistrictName: t.DistrictName, Active: t.Active, Version: t.Version, URL: link("teams", t.ID)}
}

// teamsJSON lists every team, by name.
type teamsJSON struct {
	Teams []teamJSON `json:"teams"`
}

// districtJSON is a part of the county with its own teams.
type districtJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// districtsJSON lists the districts, by name.
type districtsJSON struct {
	Districts []districtJSON `json:"districts"`
}

func (s *server) listTeams(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ts, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, teamsJSON{Teams: list(ts, teamOf)})
}

func (s *server) createTeam(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.TeamInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	t, err := s.app.SaveTeam(r.Context(), actor, 0, in)
	if err != nil {
		return err
	}
	return created(w, link("teams", t.ID), teamOf(t))
}

func (s *server) updateTeam(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.TeamInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	t, err := s.app.SaveTeam(r.Context(), actor, id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) { return s.teamVersion(r, actor, id) })
	}
	return writeJSON(w, http.StatusOK, teamOf(t))
}

// teamVersion reads a team's current version after a conflict.
func (s *server) teamVersion(r *http.Request, actor csc.Actor, id int64) (int, error) {
	ts, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return 0, err
	}
	for _, t := range ts {
		if t.ID == id {
			return t.Version, nil
		}
	}
	return 0, csc.Errorf(csc.NotFound, "There is no team %d.", id)
}

func (s *server) listDistricts(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ds, err := s.app.Districts(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, districtsJSON{Districts: list(ds, func(d *csc.District) districtJSON {
		return districtJSON{ID: d.ID, Name: d.Name}
	})})
}
