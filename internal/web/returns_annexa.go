package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
)

// annexARoutes are the analysts' Annex A page and its downloads.
func (s *Server) annexARoutes(mux *http.ServeMux) {
	mux.Handle("GET /returns/annex-a", s.page(s.annexA))
	mux.Handle("GET /returns/annex-a/workbook", s.page(s.annexADownload))
	mux.Handle("GET /returns/annex-a/lists/{list}", s.page(s.annexADownload))
}

// annexATitles says what each list holds.
var annexATitles = map[int]string{
	1: "Contacts", 2: "Early help assessments", 3: "Referrals", 4: "Assessments",
	5: "Section 47 enquiries and initial conferences", 6: "Children in need", 7: "Child protection",
}

// annexARow is a list's row on the page.
type annexARow struct {
	app.AnnexACount
	Title string
}

type annexAData struct {
	AsOf  csc.Date
	Lists []annexARow
}

// annexADate reads the inspection date from the query string: today when
// absent.
func annexADate(v string, today csc.Date) (csc.Date, error) {
	if v == "" {
		return today, nil
	}
	d, err := csc.ParseDate(v)
	if err != nil {
		return d, csc.Problems{{Field: "as_of", Message: "Enter the inspection date as a real date, for example 2026-03-02"}}.Err()
	}
	return d, nil
}

// annexAList reads a list's number from the path: 1 to 7; "" is the
// workbook, 0.
func annexAList(v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 7 {
		return 0, csc.Errorf(csc.NotFound, "There is no Annex A list %q; the lists are 1 to 7.", v)
	}
	return n, nil
}

// annexA shows the row count of each list for the inspection date, with
// the downloads.
func (s *Server) annexA(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActReturns) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot produce statutory returns.", actor.Role.Label())
	}
	q := r.URL.Query()
	v := &view{Title: "Annex A", Nav: "annex-a", Form: url.Values{"as_of": {q.Get("as_of")}}}
	asOf, err := annexADate(q.Get("as_of"), s.app.Today())
	var counts []app.AnnexACount
	if err == nil {
		v.Form.Set("as_of", asOf.String())
		counts, err = s.app.AnnexACounts(r.Context(), actor, asOf)
	}
	if csc.ErrorKind(err) == csc.Invalid {
		v.Errors = csc.ErrorFields(err)
		s.render(w, r, http.StatusBadRequest, "annexa", v)
		return nil
	}
	if err != nil {
		return err
	}
	d := &annexAData{AsOf: asOf}
	for _, c := range counts {
		d.Lists = append(d.Lists, annexARow{c, annexATitles[c.Number]})
	}
	v.Data = d
	s.render(w, r, http.StatusOK, "annexa", v)
	return nil
}

// annexADownload streams the workbook, or one list as CSV, straight to
// the response: the lists are held once, in the form produced, and written
// as they are encoded.
func (s *Server) annexADownload(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	asOf, err := annexADate(r.URL.Query().Get("as_of"), s.app.Today())
	if err != nil {
		return err
	}
	number, err := annexAList(r.PathValue("list"))
	if err != nil {
		return err
	}
	lists, err := s.app.AnnexA(r.Context(), actor, asOf, number)
	if err != nil {
		return err
	}
	h := w.Header()
	if number == 0 {
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="annex-a-%s.xlsx"`, asOf))
		err = annexa.WriteXLSX(w, lists)
	} else {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="annex-a-%s-%s"`, asOf, lists[0].File))
		err = annexa.WriteCSV(w, lists[0])
	}
	if err != nil {
		// The response has begun: the download is cut short, and the
		// browser reports it as failed.
		s.log.Error("annex a download", "err", err)
		panic(http.ErrAbortHandler)
	}
	return nil
}
