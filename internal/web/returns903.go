package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/returns"
	"cairn/internal/returns/ssda903"
)

// The analysts' page for checking an SSDA903 return that any system wrote:
// upload its CSV tables or XML file (and last year's, and reference data),
// see the summary and the failures, filter them by rule, table and child in
// the query string, and download the report as the command line writes it.

const (
	// ssda903MaxUpload caps the files of one upload: both years' files and
	// the reference data. A large authority's return is a few megabytes.
	ssda903MaxUpload = 64 << 20
	// ssda903MaxBody allows for the form around them.
	ssda903MaxBody = ssda903MaxUpload + 1<<20
	// ssda903MaxFiles caps the files of one upload.
	ssda903MaxFiles = 60
	// ssda903PageRows is how many failures one page of results shows.
	ssda903PageRows = 200
)

func (s *Server) returns903Routes(mux *http.ServeMux) {
	mux.Handle("GET /returns/903", s.page(s.returns903Form))
	mux.Handle("POST /returns/903", s.pageUpTo(s.returns903Check, ssda903MaxBody))
	mux.Handle("GET /returns/903/runs/{id}", s.page(s.returns903Run))
	mux.Handle("GET /returns/903/runs/{id}/{file}", s.page(s.returns903Download))
}

type returns903FormData struct {
	Years []year903
	MaxMB int
}

// year903 is a collection year as the form offers it: 2025-26 is shown as
// "2025 to 2026".
type year903 struct{ Value, Label string }

func (s *Server) returns903Form(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActIndicators) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot check statutory returns.", actor.Role.Label())
	}
	return s.renderReturns903Form(w, r, http.StatusOK, url.Values{"year": {s.defaultYear903()}}, nil)
}

func (s *Server) renderReturns903Form(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []csc.FieldError) error {
	d := &returns903FormData{MaxMB: ssda903MaxUpload >> 20}
	for _, y := range ssda903.Years {
		start, _ := strconv.Atoi(y[:4])
		d.Years = append(d.Years, year903{y, fmt.Sprintf("%d to %d", start, start+1)})
	}
	s.render(w, r, status, "returns903", &view{Title: "Check an SSDA903 return", Nav: "returns903", Form: form, Errors: errs, Data: d})
	return nil
}

// defaultYear903 is the collection year today falls in, when cairn has its
// rules, else the latest year it has.
func (s *Server) defaultYear903() string {
	today := csc.DateOf(s.app.Now())
	y := today.Year
	if today.Month < 4 {
		y--
	}
	label := fmt.Sprintf("%d-%02d", y, (y+1)%100)
	for _, l := range ssda903.Years {
		if l == label {
			return l
		}
	}
	return ssda903.Years[len(ssda903.Years)-1]
}

func (s *Server) returns903Check(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if !actor.Can(csc.ActIndicators) {
		return csc.Errorf(csc.Forbidden, "Your role (%s) cannot check statutory returns.", actor.Role.Label())
	}
	in, form, err := readUpload903(r)
	if err == nil {
		var run *app.SSDA903Run
		run, err = s.app.CheckSSDA903(r.Context(), actor, in)
		if err == nil {
			return redirect(w, r, fmt.Sprintf("/returns/903/runs/%d", run.ID))
		}
	}
	if csc.ErrorKind(err) != csc.Invalid {
		return err
	}
	status := http.StatusUnprocessableEntity
	if errors.Is(err, errTooLarge) {
		status = http.StatusRequestEntityTooLarge
	}
	if form.Get("year") == "" {
		form.Set("year", s.defaultYear903())
	}
	return s.renderReturns903Form(w, r, status, form, csc.ErrorFields(err))
}

// errTooLarge marks an upload over the size limit.
var errTooLarge = errors.New("upload too large")

// readUpload903 reads the upload form part by part into memory, so that no
// file is written to disk, within the size limit.
func readUpload903(r *http.Request) (app.SSDA903Input, url.Values, error) {
	form := url.Values{}
	var in app.SSDA903Input
	tooLarge := &csc.Error{Kind: csc.Invalid, Message: "The upload is too large.", Err: errTooLarge, Fields: []csc.FieldError{{Field: "files",
		Message: fmt.Sprintf("The files come to more than %d MB, more than this page takes. A return is a few megabytes: check these are the right files, or check them with cairn validate 903", ssda903MaxUpload>>20)}}}
	if r.ContentLength > ssda903MaxBody {
		return in, form, tooLarge
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return in, form, csc.Problems{{Field: "files", Message: "Choose the return's files with the form on this page"}}.Err()
	}
	var total int64
	count := 0
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return in, form, uploadError(err, tooLarge)
		}
		field := p.FormName()
		if p.FileName() == "" {
			v, err := io.ReadAll(io.LimitReader(p, 200))
			if err != nil {
				return in, form, uploadError(err, tooLarge)
			}
			form.Set(field, strings.TrimSpace(string(v)))
			continue
		}
		if count++; count > ssda903MaxFiles {
			return in, form, csc.Problems{{Field: "files", Message: fmt.Sprintf("Choose at most %d files: a return has one file per table", ssda903MaxFiles)}}.Err()
		}
		data, err := io.ReadAll(io.LimitReader(p, ssda903MaxUpload-total+1))
		if err != nil {
			return in, form, uploadError(err, tooLarge)
		}
		if total += int64(len(data)); total > ssda903MaxUpload {
			return in, form, tooLarge
		}
		f := app.SSDA903File{Name: uploadName(p), Data: data}
		switch field {
		case "files":
			in.Files = append(in.Files, f)
		case "last":
			in.Last = append(in.Last, f)
		case "providers":
			in.Providers = &f
		case "postcodes":
			in.Postcodes = &f
		case "la_codes":
			in.LACodes = &f
		}
	}
	in.Year, in.LA = form.Get("year"), form.Get("la")
	return in, form, nil
}

func uploadError(err error, tooLarge error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return tooLarge
	}
	return csc.Problems{{Field: "files", Message: "The upload could not be read: choose the files and send them again"}}.Err()
}

// uploadName is the name a file was uploaded with, without any folders.
func uploadName(p *multipart.Part) string {
	n := path.Base(strings.ReplaceAll(p.FileName(), "\\", "/"))
	if len(n) > 120 {
		n = n[:120]
	}
	return strings.ToValidUTF8(n, "")
}

// run903Data is the results page.
type run903Data struct {
	Run      *app.SSDA903Run
	Summary  returns.Summary
	Failed   []returns.Outcome // failed rules, for the filter and the list
	NotRun   []returns.Outcome // rules not run, or that stopped with an internal error
	Tables   []string          // tables with failures, for the filter
	Rule     string            // the filters
	Table    string
	Child    string
	Rows     []issue903
	Matching int // failures the filters match
	From, To int // the rows shown, 1-based
	Prev     string
	Next     string
}

// issue903 is one failure, one row of the results table.
type issue903 struct {
	Child, Rule, Table, Fields, Message string
	Row                                 int
}

func (s *Server) returns903Run(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.app.SSDA903Run(r.Context(), actor, id)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := &run903Data{Run: run, Summary: run.Report.Summary(), Rule: q.Get("rule"), Table: q.Get("table"), Child: strings.TrimSpace(q.Get("child"))}
	tables := map[string]bool{}
	var all []issue903
	for _, o := range run.Report.Outcomes {
		switch o.Status {
		case returns.Failed:
			d.Failed = append(d.Failed, o)
			for _, f := range o.Failures {
				tables[f.Table] = true
				if (d.Rule == "" || d.Rule == o.Code) && (d.Table == "" || d.Table == f.Table) && (d.Child == "" || strings.EqualFold(d.Child, f.Child)) {
					all = append(all, issue903{f.Child, o.Code, f.Table, strings.Join(f.Fields, ", "), o.Message, f.Row})
				}
			}
		case returns.NotRunStatus, returns.Crashed:
			d.NotRun = append(d.NotRun, o)
		}
	}
	for _, t := range []string{ssda903.THeader, ssda903.TEpisodes, ssda903.TReviews, ssda903.TUASC, ssda903.TOC2, ssda903.TOC3,
		ssda903.TAD1, ssda903.TPlacedAdoption, ssda903.TPrevPerm, ssda903.TMissing, ssda903.TSWEpisodes, ssda903.TDoLo} {
		if tables[t] {
			d.Tables = append(d.Tables, t)
		}
	}
	page, _ := strconv.Atoi(q.Get("page"))
	pages := max(1, (len(all)+ssda903PageRows-1)/ssda903PageRows)
	page = min(max(page, 1), pages)
	d.Matching = len(all)
	from := (page - 1) * ssda903PageRows
	d.Rows = all[from:min(from+ssda903PageRows, len(all))]
	d.From, d.To = from+1, from+len(d.Rows)
	link := func(p int) string {
		v := url.Values{}
		for k, val := range map[string]string{"rule": d.Rule, "table": d.Table, "child": d.Child} {
			if val != "" {
				v.Set(k, val)
			}
		}
		v.Set("page", strconv.Itoa(p))
		return fmt.Sprintf("/returns/903/runs/%d?%s", run.ID, v.Encode())
	}
	if page > 1 {
		d.Prev = link(page - 1)
	}
	if page < pages {
		d.Next = link(page + 1)
	}
	s.render(w, r, http.StatusOK, "returns903_run", &view{Title: "SSDA903 " + run.Year + ": check results", Nav: "returns903", Data: d})
	return nil
}

func (s *Server) returns903Download(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var format, ctype string
	switch r.PathValue("file") {
	case "report.csv":
		format, ctype = "csv", "text/csv; charset=utf-8"
	case "report.json":
		format, ctype = "json", "application/json"
	default:
		return csc.Errorf(csc.NotFound, "The report can be downloaded as report.csv or report.json.")
	}
	var b strings.Builder
	if err := s.app.DownloadSSDA903(r.Context(), actor, id, format, &b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"ssda903-%s-report.%s\"", r.PathValue("id"), format))
	io.WriteString(w, b.String())
	return nil
}
