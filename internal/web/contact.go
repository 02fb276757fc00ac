package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"cairn/internal/app"
	"cairn/internal/csc"
)

type contactNewData struct {
	Record  *app.ChildRecord
	Teams   []csc.Team
	Results []csc.PersonMatch
	Search  bool
}

// contactNew starts a contact: find the child first, then the form.
func (s *Server) contactNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActContactRecord) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot record contacts.", actor.Role.Label())
	}
	q := r.URL.Query()
	if id := formID(q.Get("child")); id != 0 {
		return s.contactForm(w, r, actor, id, http.StatusOK, url.Values{"received_at": {isoNow(s)}, "consent": {"sought"}}, nil)
	}
	d := contactNewData{}
	v := &view{Title: "Record a contact: find the child", Nav: "contact", Data: &d, Form: q}
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
	s.render(w, r, statusFor(v), "contact_find", v)
	return nil
}

func isoNow(s *Server) string { return s.app.Now().In(csc.London).Format("2006-01-02T15:04") }

func statusFor(v *view) int {
	if len(v.Errors) > 0 {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

func (s *Server) contactForm(w http.ResponseWriter, r *http.Request, actor csc.Actor, childID int64, st int, form url.Values, errs []csc.FieldError) error {
	rec, err := s.app.ChildRecord(r.Context(), actor, childID)
	if err != nil {
		return err
	}
	teams, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, st, "contact_new", &view{Title: "Record a contact", Nav: "contact", Form: form, Errors: errs,
		Data: &contactNewData{Record: rec, Teams: teams}})
	return nil
}

// contactCreate saves a new contact.
func (s *Server) contactCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	in := csc.ContactInput{ChildID: formID(f.Get("child_id")), ReceivedAt: f.Get("received_at"), Source: f.Get("source"),
		Referrer: csc.Referrer{Name: f.Get("referrer_name"), Organisation: f.Get("referrer_organisation"), Role: f.Get("referrer_role"),
			Phone: f.Get("referrer_phone"), Email: f.Get("referrer_email"), Address: f.Get("referrer_address")},
		OutOfHours: f.Get("out_of_hours") == "yes", PresentingConcerns: f.Get("presenting_concerns"),
		HistoricConcerns: f.Get("historic_concerns"), Consent: f.Get("consent"), ConsentRationale: f.Get("consent_rationale"),
		TeamID: formID(f.Get("team_id"))}
	for _, h := range f["household"] {
		if id := formID(h); id != 0 {
			in.HouseholdIDs = append(in.HouseholdIDs, id)
		}
	}
	c, err := s.app.RecordContact(r.Context(), actor, in)
	if csc.ErrorKind(err) == csc.Invalid && in.ChildID != 0 {
		return s.contactForm(w, r, actor, in.ChildID, http.StatusBadRequest, f, formFields(csc.ErrorFields(err)))
	}
	if err != nil {
		return err
	}
	s.flash(w, "Contact recorded")
	return redirect(w, r, "/contacts/"+strconv.FormatInt(c.ID, 10))
}

// formFields maps the service layer's field names (referrer.name) to the
// form's (referrer_name), so each error sits by its input.
func formFields(fs []csc.FieldError) []csc.FieldError {
	out := make([]csc.FieldError, len(fs))
	for i, f := range fs {
		out[i] = csc.FieldError{Field: strings.ReplaceAll(f.Field, ".", "_"), Message: f.Message}
	}
	return out
}

type contactData struct {
	Contact *csc.Contact
	Record  *app.ChildRecord
	Section string // which form the errors belong to
}

// contactShow is a contact's page: what was received, screening, partner
// checks, the decision and manager oversight, with the forms for each.
func (s *Server) contactShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showContact(w, r, actor, id, http.StatusOK, "", nil, nil)
}

func (s *Server) showContact(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, section string, form url.Values, errs []csc.FieldError) error {
	c, err := s.app.FindContact(r.Context(), actor, id)
	if err != nil {
		return err
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, c.ChildID)
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{"rag": {string(c.RAG)}, "risks": {c.Risks}, "protective_factors": {c.ProtectiveFactors},
			"summary": {c.ScreeningSummary}}
	}
	s.render(w, r, st, "contact", &view{Title: "Contact " + strconv.FormatInt(c.ID, 10), Nav: "front-door",
		Data: &contactData{Contact: c, Record: rec, Section: section}, Form: form, Errors: errs})
	return nil
}

// contactAction runs one of the contact page's forms and either redirects
// back with a confirmation or shows the page again with the form's errors.
func (s *Server) contactAction(w http.ResponseWriter, r *http.Request, actor csc.Actor, section, done string,
	do func(id int64, f url.Values) error) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	err = do(id, r.PostForm)
	switch csc.ErrorKind(err) {
	case csc.Invalid:
		errs := csc.ErrorFields(err)
		if len(errs) == 0 {
			errs = []csc.FieldError{{Field: section, Message: csc.ErrorMessage(err)}}
		}
		return s.showContact(w, r, actor, id, http.StatusBadRequest, section, r.PostForm, errs)
	case csc.Conflict:
		return s.contactConflict(w, r, actor, id, section, r.PostForm)
	}
	if err != nil {
		return err
	}
	s.flash(w, done)
	return redirect(w, r, "/contacts/"+strconv.FormatInt(id, 10)+"#"+section)
}

func version(f url.Values) int {
	v, _ := strconv.Atoi(f.Get("version"))
	return v
}

func (s *Server) contactScreen(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.contactAction(w, r, actor, "screening", "Screening saved", func(id int64, f url.Values) error {
		_, err := s.app.ScreenContact(r.Context(), actor, id, csc.ScreeningInput{Version: version(f), RAG: f.Get("rag"),
			Risks: f.Get("risks"), ProtectiveFactors: f.Get("protective_factors"), Summary: f.Get("summary")})
		return err
	})
}

func (s *Server) contactCheck(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.contactAction(w, r, actor, "checks", "Partner check saved", func(id int64, f url.Values) error {
		_, err := s.app.RecordPartnerCheck(r.Context(), actor, id, csc.PartnerCheckInput{ID: formID(f.Get("check_id")),
			Version: version(f), Agency: f.Get("agency"), Summary: f.Get("check_summary"), Returned: f.Get("returned") == "yes"})
		if fs := csc.ErrorFields(err); len(fs) > 0 {
			for i := range fs {
				if fs[i].Field == "summary" {
					fs[i].Field = "check_summary"
				}
			}
		}
		return err
	})
}

func (s *Server) contactDecide(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.contactAction(w, r, actor, "decision", "Decision recorded. The outcome letter has been filed on the child's record.", func(id int64, f url.Values) error {
		_, err := s.app.DecideContact(r.Context(), actor, id, csc.DecisionInput{Version: version(f), Decision: f.Get("decision"),
			Rationale: f.Get("rationale")})
		return err
	})
}

func (s *Server) contactOversee(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.contactAction(w, r, actor, "oversight", "Management oversight recorded", func(id int64, f url.Values) error {
		_, err := s.app.RecordOversight(r.Context(), actor, id, f.Get("oversight_rationale"))
		if fs := csc.ErrorFields(err); len(fs) > 0 {
			fs[0].Field = "oversight_rationale"
		}
		return err
	})
}

// conflictRow is one field of a conflict page: what the user entered and
// what the record now holds.
type conflictRow struct {
	Field, Yours, Current string
}

type conflictData struct {
	What    string
	Back    string
	Rows    []conflictRow
	Version int
	Form    url.Values
	Action  string
}

// contactConflict explains that someone else saved the contact first and
// shows what differs, so nothing is silently overwritten.
func (s *Server) contactConflict(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, section string, f url.Values) error {
	c, err := s.app.FindContact(r.Context(), actor, id)
	if err != nil {
		return err
	}
	d := &conflictData{What: "contact " + strconv.FormatInt(id, 10), Back: "/contacts/" + strconv.FormatInt(id, 10), Version: c.Version}
	switch section {
	case "screening":
		d.Rows = []conflictRow{{"RAG rating", csc.RAG(f.Get("rag")).Label(), c.RAG.Label()},
			{"Risks", f.Get("risks"), c.Risks}, {"Protective factors", f.Get("protective_factors"), c.ProtectiveFactors},
			{"Summary", f.Get("summary"), c.ScreeningSummary}}
		d.Action, d.Form = "/contacts/"+strconv.FormatInt(id, 10)+"/screening", f
	case "decision":
		d.Rows = []conflictRow{{"Decision", csc.Decision(f.Get("decision")).Label(), c.Decision.Label()},
			{"Rationale", f.Get("rationale"), c.DecisionRationale}}
		if c.Open() {
			d.Action, d.Form = "/contacts/"+strconv.FormatInt(id, 10)+"/decision", f
		}
	default:
		d.Rows = []conflictRow{{"Summary", f.Get("check_summary"), ""}}
	}
	s.render(w, r, http.StatusConflict, "conflict", &view{Title: "Someone else changed this record", Data: d})
	return nil
}

func queryFrom(q url.Values) csc.PersonQuery {
	return csc.PersonQuery{Name: q.Get("name"), DateOfBirth: q.Get("date_of_birth"), NHSNumber: q.Get("nhs_number"),
		Postcode: q.Get("postcode"), Kind: csc.PersonKind(q.Get("kind"))}
}
