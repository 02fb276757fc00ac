package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/returns/cin"
)

// dataQualityRoutes are the data-quality page; a child's own census
// issues are on the child's page.
func (s *Server) dataQualityRoutes(mux *http.ServeMux) {
	mux.Handle("GET /data-quality", s.page(s.dataQuality))
}

// dataQualityData is the data-quality page's data with the links its
// filters make.
type dataQualityData struct {
	*app.DataQuality
}

// Link returns the page's address with one filter changed (and the page
// back to the first).
func (d *dataQualityData) Link(key, value string) string {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("team", d.Query.Team)
	set("rule", d.Query.Rule)
	set("severity", d.Query.Severity)
	if key == "page" {
		set("page", value)
	} else {
		q.Del(key)
		set(key, value)
	}
	return "/data-quality?" + q.Encode()
}

// dataQuality shows the census issues of the year to date by rule, by team
// and by child.
func (s *Server) dataQuality(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	qs := r.URL.Query()
	q, err := dataQualityQueryOf(qs)
	if err != nil {
		return err
	}
	d, err := s.app.DataQuality(r.Context(), actor, q)
	if csc.ErrorKind(err) == csc.Invalid {
		v := &view{Title: "Census data quality", Nav: "data-quality", Errors: csc.ErrorFields(err), Form: qs}
		s.render(w, r, http.StatusBadRequest, "dataquality", v)
		return nil
	}
	if err != nil {
		return err
	}
	v := &view{Title: "Census data quality", Nav: "data-quality", Data: &dataQualityData{d},
		Form: url.Values{"team": {d.Query.Team}, "rule": {d.Query.Rule}, "severity": {d.Query.Severity}}}
	s.render(w, r, http.StatusOK, "dataquality", v)
	return nil
}

// dataQualityQueryOf reads the page's filters from its query string; the
// service checks the team, rule and severity against the record.
func dataQualityQueryOf(qs url.Values) (app.DataQualityQuery, error) {
	q := app.DataQualityQuery{Team: qs.Get("team"), Rule: qs.Get("rule"), Severity: qs.Get("severity")}
	if v := qs.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return q, csc.Errorf(csc.Invalid, "The page number must be a whole number from 1.")
		}
		q.Page = n
	}
	return q, nil
}

// censusFix is where the data behind a census issue is corrected: the link
// and what it opens.
type censusFix struct {
	Href, Label string
}

// fixFor maps the record an issue came from to the page where it is
// edited: the child's details, the referral, the assessment, a plan, the
// enquiry or the conference. canEdit says whether the user may change a
// child's details; others are sent to the child's page.
func fixFor(src cin.Source, canEdit bool) censusFix {
	c := src.ChildID
	switch src.Kind {
	case cin.SourceChild:
		if canEdit {
			return censusFix{fmt.Sprintf("/people/%d/edit", c), "Change the child's details"}
		}
		return censusFix{fmt.Sprintf("/people/%d", c), "Open the child's record"}
	case cin.SourceReferral:
		return censusFix{fmt.Sprintf("/referrals/%d", src.ID), "Open the referral"}
	case cin.SourceAssessment:
		return censusFix{fmt.Sprintf("/assessments/%d", src.ID), "Open the assessment"}
	case cin.SourceCINPlan:
		return censusFix{fmt.Sprintf("/people/%d/cin-plans/%d", c, src.ID), "Open the child in need plan"}
	case cin.SourceS47:
		return censusFix{fmt.Sprintf("/people/%d/s47/%d", c, src.ID), "Open the section 47 enquiry"}
	case cin.SourceCPPlan:
		return censusFix{fmt.Sprintf("/people/%d/cp-plans/%d", c, src.ID), "Open the child protection plan"}
	case cin.SourceConference:
		return censusFix{fmt.Sprintf("/people/%d/conferences/%d", c, src.ID), "Open the conference"}
	}
	return censusFix{}
}

// censusTables names the census's tables as staff would say them.
var censusTables = map[string]string{
	cin.TChildIdentifiers:     "Child identifiers",
	cin.TChildCharacteristics: "Child characteristics",
	cin.TDisabilities:         "Disabilities",
	cin.TCINdetails:           "Episode of need",
	cin.TAssessments:          "Assessment",
	cin.TCINplanDates:         "Child in need plan",
	cin.TSection47:            "Section 47 enquiry",
	cin.TChildProtectionPlans: "Child protection plan",
	cin.TReviews:              "Review conference",
	cin.TPreProceedings:       "Pre-proceedings",
	cin.THeader:               "Header",
}

func init() {
	funcs["censusFix"] = func(v *view, src cin.Source) censusFix {
		fix := fixFor(src, v.Can(string(csc.ActChildEdit)))
		if rec, ok := v.Data.(*app.ChildRecord); ok && fix.Href == fmt.Sprintf("/people/%d", rec.Child.ID) {
			return censusFix{} // no link to the page the issue is on
		}
		return fix
	}
	funcs["teamValue"] = func(id int64) string {
		if id < 0 {
			return "unallocated"
		}
		return strconv.FormatInt(id, 10)
	}
	funcs["censusTable"] = func(t string) string {
		if l, ok := censusTables[t]; ok {
			return l
		}
		return t
	}
}
