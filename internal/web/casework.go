package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"cairn/internal/app"
	"cairn/internal/csc"
)

func init() {
	funcs["visitTypeLabel"] = csc.VisitTypeLabel
	funcs["isVisitType"] = csc.IsVisitType
	funcs["visitTypes"] = func() []csc.Labelled { return csc.VisitTypes }
	funcs["cinOutcomeLabel"] = csc.CINReviewOutcomeLabel
	funcs["cinOutcomes"] = func() []csc.Labelled { return csc.CINReviewOutcomes }
	funcs["cinEndReasonLabel"] = csc.CINPlanEndReasonLabel
	funcs["cinEndReasons"] = func() []csc.Labelled { return csc.CINPlanEndReasons }
	funcs["hasPrefix"] = strings.HasPrefix
	funcs["yesNoItems"] = func() []csc.Labelled { return []csc.Labelled{{Code: "yes", Label: "Yes"}, {Code: "no", Label: "No"}} }
	funcs["announcedItems"] = func() []csc.Labelled {
		return []csc.Labelled{{Code: "announced", Label: "Announced"}, {Code: "unannounced", Label: "Unannounced"}}
	}
	funcs["chronologyKinds"] = func() []string { return app.ChronologyKinds }
	funcs["chronologyKindLabel"] = app.ChronologyKindLabel
}

// caseworkRoutes registers the pages of child in need plans, visits, case notes and the case summary.
func (s *Server) caseworkRoutes(mux *http.ServeMux) {
	mux.Handle("GET /people/{child}/cin-plans/new", s.page(s.cinPlanNew))
	mux.Handle("POST /people/{child}/cin-plans", s.page(s.cinPlanCreate))
	mux.Handle("GET /people/{child}/cin-plans/{plan}", s.page(s.cinPlanShow))
	mux.Handle("POST /people/{child}/cin-plans/{plan}/end", s.page(s.cinPlanEnd))
	mux.Handle("POST /people/{child}/cin-plans/{plan}/actions", s.page(s.cinActionAdd))
	mux.Handle("POST /people/{child}/cin-plans/{plan}/actions/{action}", s.page(s.cinActionUpdate))
	mux.Handle("POST /people/{child}/cin-plans/{plan}/reviews", s.page(s.cinReviewAdd))
	mux.Handle("GET /people/{child}/visits", s.page(s.visitList))
	mux.Handle("GET /people/{child}/visits/new", s.page(s.visitNew))
	mux.Handle("POST /people/{child}/visits", s.page(s.visitCreate))
	mux.Handle("GET /people/{child}/visits/{visit}", s.page(s.visitShow))
	mux.Handle("GET /people/{child}/chronology", s.page(s.chronologyShow))
	mux.Handle("GET /people/{child}/chronology/pdf", s.page(s.chronologyPDF))
	mux.Handle("POST /people/{child}/chronology/entries", s.page(s.chronologyAdd))
	mux.Handle("POST /people/{child}/chronology/entries/{entry}", s.page(s.chronologyEntryUpdate))
	mux.Handle("POST /people/{child}/chronology/events/{event}", s.page(s.chronologyMark))
	mux.Handle("GET /people/{child}/summary", s.page(s.summaryShow))
	mux.Handle("POST /people/{child}/summary", s.page(s.summaryWrite))
}

// caseworkPage is what the casework pages receive: the child's record for
// the identity bar and the page's own data.
type caseworkPage struct {
	Record  *app.ChildRecord
	Plan    *app.CINPlanView
	Visit   *csc.Visit
	Visits  []csc.Visit
	Chron   *app.Chronology
	Summary *app.CaseSummaryView
	Query   url.Values // the chronology's filters, for links
	Section string     // which form the errors belong to, or the chronology entry being changed
	// EditLink is the chronology with its filters, less the entry's anchor
	// ending "edit=": the link that opens an entry's form.
	EditLink string
}

// childPage shows a page about a child that needs the whole record, such as
// a form offering the child's plans to choose from.
func (s *Server) childPage(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, name, title string,
	d *caseworkPage, form url.Values, errs []csc.FieldError) error {
	return s.childPageOf(s.app.ChildRecord, w, r, actor, st, name, title, d, form, errs)
}

// childPartPage shows a page about one part of a child's record (a plan,
// a visit, the chronology) under the identity bar, reading only what the bar
// needs of the rest.
func (s *Server) childPartPage(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, name, title string,
	d *caseworkPage, form url.Values, errs []csc.FieldError) error {
	return s.childPageOf(s.app.ChildHeader, w, r, actor, st, name, title, d, form, errs)
}

func (s *Server) childPageOf(read func(context.Context, csc.Actor, int64) (*app.ChildRecord, error),
	w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, name, title string,
	d *caseworkPage, form url.Values, errs []csc.FieldError) error {
	id, err := pathID(r, "child")
	if err != nil {
		return err
	}
	if d.Record, err = read(r.Context(), actor, id); err != nil {
		return err
	}
	if form == nil {
		form = url.Values{}
	}
	s.render(w, r, st, name, &view{Title: title, Data: d, Form: form, Errors: errs})
	return nil
}

// caseworkPost runs a form's change: on success it redirects with a
// confirmation; on bad input it shows the form again with its errors.
func (s *Server) caseworkPost(w http.ResponseWriter, r *http.Request, done string,
	do func(childID int64, f url.Values) (string, error), again func(f url.Values, errs []csc.FieldError) error) error {
	childID, err := pathID(r, "child")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	to, err := do(childID, r.PostForm)
	if csc.ErrorKind(err) == csc.Invalid {
		errs := csc.ErrorFields(err)
		if len(errs) == 0 {
			errs = []csc.FieldError{{Field: "form", Message: csc.ErrorMessage(err)}}
		}
		return again(r.PostForm, errs)
	}
	if err != nil {
		return err
	}
	s.flash(w, done)
	return redirect(w, r, to)
}

func childURL(childID int64, rest string) string {
	return "/people/" + strconv.FormatInt(childID, 10) + rest
}

func (s *Server) cinPlanNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActPlanRecord) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot start plans.", actor.Role.Label())
	}
	return s.childPage(w, r, actor, http.StatusOK, "cinplan_new", "Start a child in need plan", &caseworkPage{},
		url.Values{"start_date": {s.app.Today().String()}}, nil)
}

func (s *Server) cinPlanCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.caseworkPost(w, r, "Child in need plan started", func(childID int64, f url.Values) (string, error) {
		p, err := s.app.StartCINPlan(r.Context(), actor, childID, csc.CINPlanInput{ReferralID: formID(f.Get("referral_id")), StartDate: f.Get("start_date")})
		if err != nil {
			return "", err
		}
		return childURL(childID, fmt.Sprintf("/cin-plans/%d", p.ID)), nil
	}, func(f url.Values, errs []csc.FieldError) error {
		return s.childPage(w, r, actor, http.StatusBadRequest, "cinplan_new", "Start a child in need plan", &caseworkPage{}, f, errs)
	})
}

// planPage shows a plan's page, checking the plan is the child's.
func (s *Server) planPage(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, section string, form url.Values, errs []csc.FieldError) error {
	childID, err := pathID(r, "child")
	if err != nil {
		return err
	}
	planID, err := pathID(r, "plan")
	if err != nil {
		return err
	}
	v, err := s.app.FindCINPlan(r.Context(), actor, planID)
	if err != nil {
		return err
	}
	if v.Plan.ChildID != childID {
		return csc.Errorf(csc.NotFound, "There is no such plan on this child's record.")
	}
	if form == nil {
		form = url.Values{"version": {strconv.Itoa(v.Plan.Version)}}
	}
	return s.childPartPage(w, r, actor, st, "cinplan", "Child in need plan", &caseworkPage{Plan: v, Section: section}, form, errs)
}

func (s *Server) cinPlanShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.planPage(w, r, actor, http.StatusOK, "", nil, nil)
}

// planPost runs one of the plan page's forms.
func (s *Server) planPost(w http.ResponseWriter, r *http.Request, actor csc.Actor, section, done string,
	do func(planID int64, f url.Values) error) error {
	planID, err := pathID(r, "plan")
	if err != nil {
		return err
	}
	return s.caseworkPost(w, r, done, func(childID int64, f url.Values) (string, error) {
		return childURL(childID, fmt.Sprintf("/cin-plans/%d#%s", planID, section)), do(planID, f)
	}, func(f url.Values, errs []csc.FieldError) error {
		return s.planPage(w, r, actor, http.StatusBadRequest, section, f, errs)
	})
}

func (s *Server) cinPlanEnd(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.planPost(w, r, actor, "end", "Plan ended", func(planID int64, f url.Values) error {
		_, err := s.app.EndCINPlan(r.Context(), actor, planID, csc.CINPlanEndInput{Version: version(f), EndDate: f.Get("end_date"), EndReason: f.Get("end_reason")})
		return err
	})
}

func actionInput(f url.Values) csc.CINActionInput {
	return csc.CINActionInput{Version: version(f), What: f.Get("what"), Who: f.Get("who"), Due: f.Get("due"), Done: f.Get("done")}
}

func (s *Server) cinActionAdd(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.planPost(w, r, actor, "actions", "Action added", func(planID int64, f url.Values) error {
		_, err := s.app.AddCINAction(r.Context(), actor, planID, actionInput(f))
		return err
	})
}

func (s *Server) cinActionUpdate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "action")
	if err != nil {
		return err
	}
	return s.planPost(w, r, actor, "actions", "Action saved", func(planID int64, f url.Values) error {
		_, err := s.app.UpdateCINAction(r.Context(), actor, id, actionInput(f))
		return err
	})
}

func (s *Server) cinReviewAdd(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.planPost(w, r, actor, "reviews", "Review recorded", func(planID int64, f url.Values) error {
		_, err := s.app.RecordCINReview(r.Context(), actor, planID, csc.CINReviewInput{Date: f.Get("date"),
			Attendance: f.Get("attendance"), Outcome: f.Get("outcome"), Notes: f.Get("notes")})
		return err
	})
}

func (s *Server) visitList(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	childID, err := pathID(r, "child")
	if err != nil {
		return err
	}
	visits, err := s.app.Visits(r.Context(), actor, childID)
	if err != nil {
		return err
	}
	return s.childPartPage(w, r, actor, http.StatusOK, "casenote_list", "Visits and case notes", &caseworkPage{Visits: visits}, nil, nil)
}

func (s *Server) visitNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActCaseNoteRecord) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot record visits or case notes.", actor.Role.Label())
	}
	q := r.URL.Query()
	typ := q.Get("type")
	if typ == "" {
		typ = csc.VisitStatutory
	}
	form := url.Values{"at": {isoNow(s)}, "plan": {q.Get("plan")}, "type": {typ}}
	return s.childPage(w, r, actor, http.StatusOK, "visit_new", "Record a visit or case note", &caseworkPage{}, form, nil)
}

func (s *Server) visitCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.caseworkPost(w, r, "Saved", func(childID int64, f url.Values) (string, error) {
		v, err := s.app.RecordVisit(r.Context(), actor, childID, csc.VisitInput{At: f.Get("at"), Type: f.Get("type"),
			Plan: f.Get("plan"), ChildSeen: f.Get("child_seen"), SeenAlone: f.Get("seen_alone"),
			NotAloneReason: f.Get("not_alone_reason"), BedroomSeen: f.Get("bedroom_seen"), BabyAwake: f.Get("baby_seen_awake"),
			Present: f.Get("present"), Announced: f.Get("announced"), WishesFeelings: f.Get("wishes_feelings"),
			Observations: f.Get("observations"), Analysis: f.Get("analysis")})
		if err != nil {
			return "", err
		}
		return childURL(childID, fmt.Sprintf("/visits/%d", v.ID)), nil
	}, func(f url.Values, errs []csc.FieldError) error {
		return s.childPage(w, r, actor, http.StatusBadRequest, "visit_new", "Record a visit or case note", &caseworkPage{}, f, errs)
	})
}

func (s *Server) visitShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	childID, err := pathID(r, "child")
	if err != nil {
		return err
	}
	id, err := pathID(r, "visit")
	if err != nil {
		return err
	}
	v, err := s.app.FindVisit(r.Context(), actor, id)
	if err != nil {
		return err
	}
	if v.ChildID != childID {
		return csc.Errorf(csc.NotFound, "There is no such visit on this child's record.")
	}
	return s.childPartPage(w, r, actor, http.StatusOK, "visit", visitTitle(v), &caseworkPage{Visit: v}, nil, nil)
}

func visitTitle(v *csc.Visit) string { return csc.VisitTypeLabel(v.Type) }

// chronologyQuery reads the chronology's filters from the address.
func chronologyQuery(q url.Values) csc.ChronologyQuery {
	out := csc.ChronologyQuery{Kind: q.Get("kind"), Significance: q.Get("significance"), From: q.Get("from"), To: q.Get("to")}
	for _, s := range q["sibling"] {
		if id := formID(s); id != 0 {
			out.Siblings = append(out.Siblings, id)
		}
	}
	return out
}

func (s *Server) chronologyShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.chronologyPage(w, r, actor, http.StatusOK, "", nil, nil)
}

func (s *Server) chronologyPage(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, section string, form url.Values, errs []csc.FieldError) error {
	childID, err := pathID(r, "child")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	head, c, err := s.app.ChronologyPage(r.Context(), actor, childID, chronologyQuery(q))
	if csc.ErrorKind(err) == csc.Invalid {
		errs = append(errs, csc.ErrorFields(err)...)
		head, c, err = s.app.ChronologyPage(r.Context(), actor, childID, csc.ChronologyQuery{})
		st = http.StatusBadRequest
	}
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{"date": {s.app.Today().String()}}
	}
	// One entry's form is shown at a time, opened by its Change link
	// (?edit=entry-N or event-N): a long chronology with a form on every
	// row was megabytes of page.
	filters := url.Values{}
	for k, v := range q {
		if k != "edit" {
			filters[k] = v
		}
		if _, ok := form[k]; !ok {
			form[k] = v
		}
	}
	if section == "" {
		section = q.Get("edit")
	}
	edit := fmt.Sprintf("/people/%d/chronology?", childID)
	if len(filters) > 0 {
		edit += filters.Encode() + "&"
	}
	read := func(context.Context, csc.Actor, int64) (*app.ChildRecord, error) { return head, nil } // read with the chronology
	return s.childPageOf(read, w, r, actor, st, "chronology", "Chronology",
		&caseworkPage{Chron: c, Query: filters, Section: section, EditLink: edit + "edit="}, form, errs)
}

func (s *Server) chronologyPDF(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	childID, err := pathID(r, "child")
	if err != nil {
		return err
	}
	pdf, err := s.app.ChronologyPDF(r.Context(), actor, childID, chronologyQuery(r.URL.Query()))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="chronology-%d.pdf"`, childID))
	w.Write(pdf)
	return nil
}

func entryInput(f url.Values) csc.ChronologyEntryInput {
	return csc.ChronologyEntryInput{Version: version(f), Date: f.Get("date"), What: f.Get("what"), Source: f.Get("source"),
		Significant: f.Get("significant") == "yes", Impact: f.Get("impact")}
}

func (s *Server) chronologyPost(w http.ResponseWriter, r *http.Request, actor csc.Actor, section, done string,
	do func(childID int64, f url.Values) error) error {
	return s.caseworkPost(w, r, done, func(childID int64, f url.Values) (string, error) {
		return childURL(childID, "/chronology#"+section), do(childID, f)
	}, func(f url.Values, errs []csc.FieldError) error {
		return s.chronologyPage(w, r, actor, http.StatusBadRequest, section, f, errs)
	})
}

func (s *Server) chronologyAdd(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.chronologyPost(w, r, actor, "add", "Chronology entry added", func(childID int64, f url.Values) error {
		_, err := s.app.AddChronologyEntry(r.Context(), actor, childID, entryInput(f))
		return err
	})
}

func (s *Server) chronologyEntryUpdate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "entry")
	if err != nil {
		return err
	}
	return s.chronologyPost(w, r, actor, fmt.Sprintf("entry-%d", id), "Chronology entry saved", func(childID int64, f url.Values) error {
		_, err := s.app.UpdateChronologyEntry(r.Context(), actor, id, entryInput(f))
		return err
	})
}

func (s *Server) chronologyMark(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	return s.chronologyPost(w, r, actor, fmt.Sprintf("event-%d", id), "Chronology entry saved", func(childID int64, f url.Values) error {
		_, err := s.app.MarkChronologyEvent(r.Context(), actor, childID, id, csc.ChronologyMarkInput{Version: version(f),
			Significant: f.Get("significant") == "yes", Impact: f.Get("impact")})
		return err
	})
}

func (s *Server) summaryPage(w http.ResponseWriter, r *http.Request, actor csc.Actor, st int, form url.Values, errs []csc.FieldError) error {
	childID, err := pathID(r, "child")
	if err != nil {
		return err
	}
	v, err := s.app.CaseSummary(r.Context(), actor, childID)
	if err != nil {
		return err
	}
	if form == nil {
		form = url.Values{"version": {"0"}}
		if v.Current != nil {
			form = url.Values{"version": {strconv.Itoa(v.Current.Seq)}, "text": {v.Current.Text}}
		}
	}
	return s.childPartPage(w, r, actor, st, "summary", "Case summary", &caseworkPage{Summary: v}, form, errs)
}

func (s *Server) summaryShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.summaryPage(w, r, actor, http.StatusOK, nil, nil)
}

func (s *Server) summaryWrite(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return s.caseworkPost(w, r, "Case summary saved", func(childID int64, f url.Values) (string, error) {
		_, err := s.app.WriteCaseSummary(r.Context(), actor, childID, csc.CaseSummaryInput{Version: version(f), Text: f.Get("text")})
		return childURL(childID, "/summary"), err
	}, func(f url.Values, errs []csc.FieldError) error {
		return s.summaryPage(w, r, actor, http.StatusBadRequest, f, errs)
	})
}
