package web

import (
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

type searchData struct {
	Results []csc.PersonMatch
	Search  bool
}

// peopleSearch finds people by name, date of birth, NHS number or postcode.
func (s *Server) peopleSearch(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := r.URL.Query()
	d := &searchData{}
	v := &view{Title: "Find a person", Nav: "people", Data: d, Form: q}
	if q.Get("name") != "" || q.Get("date_of_birth") != "" || q.Get("nhs_number") != "" || q.Get("postcode") != "" {
		d.Search = true
		res, err := s.app.SearchPeople(r.Context(), actor, queryFrom(q))
		if csc.ErrorKind(err) == csc.Invalid {
			v.Errors = csc.ErrorFields(err)
		} else if err != nil {
			return err
		}
		d.Results = res
	}
	s.render(w, r, statusFor(v), "people", v)
	return nil
}

func personInput(f url.Values) csc.PersonInput {
	return csc.PersonInput{Kind: f.Get("kind"), GivenName: f.Get("given_name"), FamilyName: f.Get("family_name"),
		OtherNames: f.Get("other_names"), DateOfBirth: f.Get("date_of_birth"), ExpectedDateOfBirth: f.Get("expected_date_of_birth"),
		Sex: f.Get("sex"), GenderIdentity: f.Get("gender_identity"), Ethnicity: f.Get("ethnicity"),
		FirstLanguage: f.Get("first_language"), InterpreterNeeded: f.Get("interpreter_needed") == "yes",
		Religion: f.Get("religion"), SexualOrientation: f.Get("sexual_orientation"), IdentityNotes: f.Get("identity_notes"),
		Disabilities: f["disabilities"], NHSNumber: f.Get("nhs_number"), UPN: f.Get("upn"), Address: f.Get("address"),
		Postcode: f.Get("postcode"), AddressConfidential: f.Get("address_confidential") == "yes"}
}

func personForm(p *csc.Person) url.Values {
	f := url.Values{"kind": {string(p.Kind)}, "given_name": {p.GivenName}, "family_name": {p.FamilyName},
		"other_names": {p.OtherNames}, "date_of_birth": {p.DateOfBirth.String()}, "expected_date_of_birth": {p.ExpectedDateOfBirth.String()},
		"sex": {string(p.Sex)}, "gender_identity": {p.GenderIdentity}, "ethnicity": {string(p.Ethnicity)},
		"first_language": {p.FirstLanguage}, "religion": {p.Religion}, "sexual_orientation": {p.SexualOrientation},
		"identity_notes": {p.IdentityNotes}, "nhs_number": {string(p.NHSNumber)}, "upn": {string(p.UPN)},
		"address": {p.Address}, "postcode": {string(p.Postcode)}, "version": {strconv.Itoa(p.Version)}}
	if p.InterpreterNeeded {
		f.Set("interpreter_needed", "yes")
	}
	if p.AddressConfidential {
		f.Set("address_confidential", "yes")
	}
	for _, d := range p.Disabilities {
		f.Add("disabilities", string(d))
	}
	return f
}

type personFormData struct {
	ID         int64
	Duplicates []csc.PersonMatch
	Next       string
}

// personNew shows the form for a new person.
func (s *Server) personNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := r.URL.Query()
	f := url.Values{"kind": {"child"}, "given_name": {q.Get("given_name")}, "family_name": {q.Get("family_name")},
		"date_of_birth": {q.Get("date_of_birth")}, "nhs_number": {q.Get("nhs_number")}, "next": {q.Get("next")}}
	s.render(w, r, http.StatusOK, "person_form", &view{Title: "Add a person", Nav: "people", Form: f,
		Data: &personFormData{Next: q.Get("next")}})
	return nil
}

// personCreate saves a new person, first showing likely duplicates unless
// the user has seen them and confirmed this is someone new.
func (s *Server) personCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	in := personInput(f)
	d := &personFormData{Next: f.Get("next")}
	if f.Get("confirm_new") != "yes" {
		dups, err := s.app.LikelyDuplicates(r.Context(), actor, in)
		if err != nil && csc.ErrorKind(err) != csc.Invalid {
			return err
		}
		if len(dups) > 0 {
			d.Duplicates = dups
			s.render(w, r, http.StatusOK, "person_form", &view{Title: "Is this person already on the record?", Nav: "people", Form: f, Data: d})
			return nil
		}
	}
	p, err := s.app.CreatePerson(r.Context(), actor, in)
	if csc.ErrorKind(err) == csc.Invalid {
		s.render(w, r, http.StatusBadRequest, "person_form", &view{Title: "Add a person", Nav: "people", Form: f, Data: d,
			Errors: csc.ErrorFields(err)})
		return nil
	}
	if err != nil {
		return err
	}
	s.flash(w, p.Kind.Label()+" record created")
	if f.Get("next") == "contact" && p.Kind != csc.KindAdult {
		return redirect(w, r, "/contacts/new?child="+strconv.FormatInt(p.ID, 10))
	}
	return redirect(w, r, "/people/"+strconv.FormatInt(p.ID, 10))
}

// childShow is the child's page: identity bar, details, household,
// contacts, documents and the timeline.
func (s *Server) childShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, id)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "child", &view{Title: rec.Child.Name(), Nav: "people", Data: rec})
	return nil
}

// personEdit shows the edit form with the version the user is editing.
func (s *Server) personEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if !actor.Can(csc.ActChildEdit) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot change a person's details.", actor.Role.Label())
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, id)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "person_form", &view{Title: "Change details", Nav: "people", Form: personForm(rec.Child),
		Data: &personFormData{ID: id}})
	return nil
}

// personUpdate saves changes; a stale version gets the conflict page.
func (s *Server) personUpdate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	_, err = s.app.UpdatePerson(r.Context(), actor, id, version(f), personInput(f))
	switch csc.ErrorKind(err) {
	case csc.Invalid:
		s.render(w, r, http.StatusBadRequest, "person_form", &view{Title: "Change details", Nav: "people", Form: f,
			Data: &personFormData{ID: id}, Errors: csc.ErrorFields(err)})
		return nil
	case csc.Conflict:
		return s.personConflict(w, r, actor, id, f)
	}
	if err != nil {
		return err
	}
	s.flash(w, "Details saved")
	return redirect(w, r, "/people/"+strconv.FormatInt(id, 10))
}

var personFieldLabels = []struct{ key, label string }{
	{"given_name", "Given name"}, {"family_name", "Family name"}, {"other_names", "Other names"},
	{"date_of_birth", "Date of birth"}, {"expected_date_of_birth", "Expected date of birth"}, {"sex", "Sex"},
	{"gender_identity", "Gender identity"}, {"ethnicity", "Ethnicity"}, {"first_language", "First language"},
	{"interpreter_needed", "Interpreter needed"}, {"religion", "Religion"}, {"sexual_orientation", "Sexual orientation"},
	{"identity_notes", "Identity and culture"}, {"nhs_number", "NHS number"}, {"upn", "UPN"}, {"address", "Address"},
	{"postcode", "Postcode"}, {"address_confidential", "Address confidential"},
}

func (s *Server) personConflict(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, f url.Values) error {
	rec, err := s.app.ChildRecord(r.Context(), actor, id)
	if err != nil {
		return err
	}
	cur := personForm(rec.Child)
	d := &conflictData{What: "this person's details", Back: "/people/" + strconv.FormatInt(id, 10),
		Version: rec.Child.Version, Form: f, Action: "/people/" + strconv.FormatInt(id, 10)}
	for _, fl := range personFieldLabels {
		if f.Get(fl.key) != cur.Get(fl.key) {
			d.Rows = append(d.Rows, conflictRow{fl.label, f.Get(fl.key), cur.Get(fl.key)})
		}
	}
	s.render(w, r, http.StatusConflict, "conflict", &view{Title: "Someone else changed this record", Data: d})
	return nil
}

// relationshipCreate links another person to the child.
func (s *Server) relationshipCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	_, err = s.app.AddRelationship(r.Context(), actor, id, app.RelationshipInput{OtherID: formID(f.Get("other_id")),
		Type: f.Get("type"), ParentalResponsibility: f.Get("parental_responsibility") == "yes",
		LivesWith: f.Get("lives_with") == "yes", Notes: f.Get("notes")})
	if csc.ErrorKind(err) == csc.Invalid {
		rec, rerr := s.app.ChildRecord(r.Context(), actor, id)
		if rerr != nil {
			return rerr
		}
		s.render(w, r, http.StatusBadRequest, "child", &view{Title: rec.Child.Name(), Nav: "people", Data: rec, Form: f,
			Errors: csc.ErrorFields(err)})
		return nil
	}
	if err != nil {
		return err
	}
	s.flash(w, "Relationship added")
	return redirect(w, r, "/people/"+strconv.FormatInt(id, 10)+"#relationships")
}

// documentShow sends a filed document. The file name carries the record
// number only, never the child's name.
func (s *Server) documentShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.app.OpenDocument(r.Context(), actor, id)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", d.MediaType)
	w.Header().Set("Content-Disposition", `inline; filename="document-`+strconv.FormatInt(d.ID, 10)+`.pdf"`)
	w.Header().Set("Content-Length", strconv.Itoa(len(d.Content)))
	w.Write(d.Content)
	return nil
}
