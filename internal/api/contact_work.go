package api

import (
	"errors"
	"net/http"
	"slices"

	"cairn/internal/csc"
)

// The front door's work on a contact: screening, partner checks, the
// decision and managers' oversight. Each is a POST of one action.

// oversightInput is the body of POST /contacts/{id}/oversight.
type oversightInput struct {
	Rationale string `json:"rationale"`
}

func (s *server) screenContact(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.ScreeningInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	c, err := s.app.ScreenContact(r.Context(), actor, id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) { return s.contactVersion(r, actor, id) })
	}
	return writeJSON(w, http.StatusOK, contactOf(c))
}

// recordPartnerCheck requests a check (no id in the body: 201) or records
// its return (the check's id and version: 200).
func (s *server) recordPartnerCheck(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.PartnerCheckInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.ID < 0 {
		return badRequest("id", "Give the id of the partner check being returned, or leave it out to request a new check.")
	}
	if in.ID != 0 {
		if err := requireVersion(in.Version); err != nil {
			return err
		}
	}
	pc, err := s.app.RecordPartnerCheck(r.Context(), actor, id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) { return s.partnerCheckVersion(r, actor, id, in.ID) })
	}
	status := http.StatusOK
	if in.ID == 0 {
		status = http.StatusCreated
	}
	return writeJSON(w, status, partnerCheckOf(pc))
}

// decideContact records the decision. The response is the decided contact,
// with letter_document_id and letter_url for the outcome letter filed in
// the same transaction (null when the referrer was anonymous).
func (s *server) decideContact(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.DecisionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	c, err := s.app.DecideContact(r.Context(), actor, id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) { return s.contactVersion(r, actor, id) })
	}
	return writeJSON(w, http.StatusOK, contactOf(c))
}

func (s *server) recordOversight(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in oversightInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	o, err := s.app.RecordOversight(r.Context(), actor, id, in.Rationale)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, oversightOf(o))
}

// contactVersion reads a contact's current version after a conflict; the
// read is audited as a view of the contact.
func (s *server) contactVersion(r *http.Request, actor csc.Actor, id int64) (int, error) {
	c, err := s.app.FindContact(r.Context(), actor, id)
	if err != nil {
		return 0, err
	}
	return c.Version, nil
}

// partnerCheckVersion reads a partner check's current version after a
// conflict.
func (s *server) partnerCheckVersion(r *http.Request, actor csc.Actor, contactID, checkID int64) (int, error) {
	c, err := s.app.FindContact(r.Context(), actor, contactID)
	if err != nil {
		return 0, err
	}
	i := slices.IndexFunc(c.PartnerChecks, func(pc csc.PartnerCheck) bool { return pc.ID == checkID })
	if i < 0 {
		return 0, errors.New("partner check not found")
	}
	return c.PartnerChecks[i].Version, nil
}
