package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/pdfdoc"
)

// improvementRoutes registers the pages of inspections and the
// improvement loop: the register, findings, the plan and the
// self-evaluation. Board members, analysts and inspectors read them;
// senior leaders and QA change them.
func (s *Server) improvementRoutes(mux *http.ServeMux) {
	mux.Handle("GET /improvement", s.page(s.improvementHome))
	mux.Handle("GET /improvement/inspections", s.page(s.inspectionList))
	mux.Handle("GET /improvement/inspections/new", s.page(s.inspectionNew))
	mux.Handle("POST /improvement/inspections", s.page(s.inspectionCreate))
	mux.Handle("GET /improvement/inspections/{id}", s.page(s.inspectionShow))
	mux.Handle("GET /improvement/inspections/{id}/edit", s.page(s.inspectionEdit))
	mux.Handle("POST /improvement/inspections/{id}", s.page(s.inspectionUpdate))
	mux.Handle("POST /improvement/inspections/{id}/letter", s.uploadPage(s.letterUpload))
	mux.Handle("POST /improvement/inspections/{id}/findings/draft", s.page(s.findingsDraft))
	mux.Handle("POST /improvement/inspections/{id}/findings", s.page(s.findingsCreate))
	mux.Handle("GET /improvement/findings/{id}/edit", s.page(s.findingEdit))
	mux.Handle("POST /improvement/findings/{id}", s.page(s.findingUpdate))
	mux.Handle("GET /improvement/history", s.page(s.gradeHistory))
	mux.Handle("GET /improvement/documents/{id}", s.page(s.improvementDocument))
	s.planRoutes(mux)
	s.selfEvaluationRoutes(mux)
}

func init() {
	funcs["inspectionKinds"] = func() []csc.InspectionKind { return csc.InspectionKinds }
	funcs["judgements"] = func() []csc.Judgement { return csc.Judgements }
	funcs["grades"] = func() []csc.Grade { return csc.Grades }
	funcs["findingKinds"] = func() []csc.FindingKind { return csc.FindingKinds }
	funcs["practiceAreas"] = func() []csc.PracticeArea { return csc.CurrentPracticeAreas().Areas }
	funcs["areaLabel"] = csc.PracticeAreaLabel
	funcs["gradeTag"] = gradeTag
	funcs["planTag"] = planTag
	funcs["withdrawn"] = func() csc.Date { return csc.OverallEffectivenessWithdrawn }
	funcs["ragRule"] = func() []string { return app.RAGRule }
	funcs["ragCount"] = func(m map[csc.PlanRAG]int, k string) int { return m[csc.PlanRAG(k)] }
	funcs["deref"] = func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	funcs["maxUpload"] = func() string { return strconv.Itoa(pdfdoc.MaxSize>>20) + " MB" }
}

// gradeTag is the GOV.UK tag colour of an Ofsted grade.
func gradeTag(g csc.Grade) string {
	switch g {
	case csc.GradeOutstanding:
		return "govuk-tag--turquoise"
	case csc.GradeGood:
		return "govuk-tag--green"
	case csc.GradeRequiresImprovement:
		return "govuk-tag--yellow"
	case csc.GradeInadequate:
		return "govuk-tag--red"
	}
	return "govuk-tag--grey"
}

// planTag is the GOV.UK tag colour of an action's rating.
func planTag(r csc.PlanRAG) string {
	switch r {
	case csc.PlanBlue:
		return "govuk-tag--blue"
	case csc.PlanRed:
		return "govuk-tag--red"
	case csc.PlanAmber:
		return "govuk-tag--yellow"
	case csc.PlanGreen:
		return "govuk-tag--green"
	}
	return "govuk-tag--grey"
}

// afterChange answers a form's POST: on success a flash and a redirect;
// when the input was refused, the page again with its errors (a refusal
// with no field is shown against field).
func (s *Server) afterChange(w http.ResponseWriter, r *http.Request, err error, field, flash, to string,
	reshow func(status int, errs []csc.FieldError) error) error {
	if csc.ErrorKind(err) == csc.Invalid {
		errs := csc.ErrorFields(err)
		if len(errs) == 0 {
			errs = []csc.FieldError{{Field: field, Message: csc.ErrorMessage(err)}}
		}
		return reshow(http.StatusBadRequest, errs)
	}
	if err != nil {
		return err
	}
	s.flash(w, flash)
	return redirect(w, r, to)
}

// idForm reads the record id of a change's path and its form.
func idForm(r *http.Request) (int64, url.Values, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, nil, err
	}
	if err := parseForm(r); err != nil {
		return 0, nil, err
	}
	return id, r.PostForm, nil
}

// uploadForm reads a form that may carry a PDF in field: its values and
// the file, nil when none was chosen. A body over the limit is refused
// with a message against field.
func uploadForm(r *http.Request, field string) (url.Values, *app.DocumentUpload, error) {
	err := r.ParseMultipartForm(pdfdoc.MaxSize + 1<<20)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, nil, csc.Problems{{Field: field, Message: fmt.Sprintf("The file is larger than %d MB, the most a PDF can be", pdfdoc.MaxSize>>20)}}.Err()
	case errors.Is(err, http.ErrNotMultipart):
		if err := parseForm(r); err != nil {
			return nil, nil, err
		}
		return r.PostForm, nil, nil
	case err != nil:
		return nil, nil, csc.Errorf(csc.Invalid, "The form could not be read.")
	}
	f, hdr, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) {
		return r.PostForm, nil, nil
	} else if err != nil {
		return nil, nil, csc.Errorf(csc.Invalid, "The file could not be read.")
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, pdfdoc.MaxSize+1))
	if err != nil {
		return nil, nil, csc.Errorf(csc.Invalid, "The file could not be read.")
	}
	return r.PostForm, &app.DocumentUpload{Title: r.PostForm.Get("title"), Filename: hdr.Filename, Content: b}, nil
}

// improvementHomeData is the area's front page: the latest graded
// inspection, and the latest inspection or visit (an annual engagement
// meeting is neither).
type improvementHomeData struct {
	Graded, Latest *csc.Inspection
	Inspections    []csc.Inspection
	Plan           *app.Plan
	SelfEvals      []csc.SelfEvaluation
}

func (s *Server) improvementHome(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ins, err := s.app.Inspections(r.Context(), actor)
	if err != nil {
		return err
	}
	plan, err := s.app.ImprovementPlan(r.Context(), actor)
	if err != nil {
		return err
	}
	ses, err := s.app.SelfEvaluations(r.Context(), actor)
	if err != nil {
		return err
	}
	d := &improvementHomeData{Inspections: ins, Plan: plan, SelfEvals: ses}
	for i := range ins {
		if d.Graded == nil && ins[i].Kind.Graded() && len(ins[i].Judgements) > 0 {
			d.Graded = &ins[i]
		}
		if d.Latest == nil && ins[i].Kind != csc.InspAnnualEngagement {
			d.Latest = &ins[i]
		}
	}
	s.render(w, r, http.StatusOK, "improvement_home", &view{Title: "Inspections and improvement", Nav: "improvement", Data: d})
	return nil
}

func (s *Server) inspectionList(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ins, err := s.app.Inspections(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "improvement_inspections", &view{Title: "Inspection register", Nav: "improvement", Data: ins})
	return nil
}

// inspectionFormData is the register's form, for a new inspection or an
// edit of one (ID and Version set).
type inspectionFormData struct {
	ID, Version int64
}

func (s *Server) inspectionNew(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if err := s.app.CheckImprovementEdit(actor); err != nil {
		return err
	}
	return s.inspectionForm(w, r, http.StatusOK, &inspectionFormData{}, url.Values{}, nil)
}

func (s *Server) inspectionForm(w http.ResponseWriter, r *http.Request, st int, d *inspectionFormData, form url.Values, errs []csc.FieldError) error {
	title := "Record an inspection or visit"
	if d.ID != 0 {
		title = "Change inspection " + strconv.FormatInt(d.ID, 10)
	}
	s.render(w, r, st, "improvement_inspection_form", &view{Title: title, Nav: "improvement", Data: d, Form: form, Errors: errs})
	return nil
}

// inspectionInput reads the register's form.
func inspectionInput(f url.Values) csc.InspectionInput {
	in := csc.InspectionInput{Version: version(f), Kind: f.Get("kind"), NoticeDate: f.Get("notice_date"),
		OnSiteStart: f.Get("onsite_start"), OnSiteEnd: f.Get("onsite_end"), Published: f.Get("published"),
		Inspectors: f.Get("inspectors"), Focus: f.Get("focus"), LetterText: f.Get("letter_text"), Grades: map[csc.Judgement]string{}}
	for _, j := range csc.Judgements {
		if g := f.Get("grades." + string(j)); g != "" {
			in.Grades[j] = g
		}
	}
	return in
}

func (s *Server) inspectionCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ins, err := s.app.RecordInspection(r.Context(), actor, inspectionInput(r.PostForm))
	to := ""
	if err == nil {
		to = inspectionPath(ins.ID)
	}
	return s.afterChange(w, r, err, "kind", "Inspection recorded", to, func(st int, errs []csc.FieldError) error {
		return s.inspectionForm(w, r, st, &inspectionFormData{}, r.PostForm, errs)
	})
}

func inspectionPath(id int64) string { return "/improvement/inspections/" + strconv.FormatInt(id, 10) }

// inspectionValues fills the register's form from an inspection.
func inspectionValues(ins *csc.Inspection) url.Values {
	f := url.Values{"version": {strconv.Itoa(ins.Version)}, "kind": {string(ins.Kind)}, "notice_date": {ins.NoticeDate.String()},
		"onsite_start": {ins.OnSiteStart.String()}, "onsite_end": {ins.OnSiteEnd.String()}, "published": {ins.Published.String()},
		"inspectors": {ins.Inspectors}, "focus": {ins.Focus}, "letter_text": {ins.LetterText}}
	for _, g := range ins.Judgements {
		f.Set("grades."+string(g.Judgement), string(g.Grade))
	}
	return f
}

func (s *Server) inspectionEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.app.CheckImprovementEdit(actor); err != nil {
		return err
	}
	v, err := s.app.Inspection(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return s.inspectionForm(w, r, http.StatusOK, &inspectionFormData{ID: id, Version: int64(v.Version)}, inspectionValues(&v.Inspection), nil)
}

func (s *Server) inspectionUpdate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, f, err := idForm(r)
	if err != nil {
		return err
	}
	_, err = s.app.UpdateInspection(r.Context(), actor, id, inspectionInput(f))
	return s.afterChange(w, r, err, "kind", "Inspection changed", inspectionPath(id), func(st int, errs []csc.FieldError) error {
		return s.inspectionForm(w, r, st, &inspectionFormData{ID: id, Version: int64(version(f))}, f, errs)
	})
}

// inspectionData is an inspection's page; Drafts are findings split from
// a paste, for review before they are saved.
type inspectionData struct {
	*app.InspectionView
	Section string // the form the errors belong to: "letter", "paste"
}

func (s *Server) inspectionShow(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.showInspection(w, r, actor, id, http.StatusOK, "", url.Values{"kind": {"improvement"}}, nil)
}

func (s *Server) showInspection(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st int, section string, form url.Values, errs []csc.FieldError) error {
	v, err := s.app.Inspection(r.Context(), actor, id)
	if err != nil {
		return err
	}
	s.render(w, r, st, "improvement_inspection", &view{Title: v.Title(), Nav: "improvement",
		Data: &inspectionData{InspectionView: v, Section: section}, Form: form, Errors: errs})
	return nil
}

func (s *Server) letterUpload(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, up, err := uploadForm(r, "letter")
	if err == nil && up == nil {
		err = csc.Problems{{Field: "letter", Message: "Choose the PDF of the published letter"}}.Err()
	}
	if err == nil {
		_, err = s.app.AttachLetter(r.Context(), actor, id, version(f), *up)
	}
	return s.afterChange(w, r, err, "letter", "Letter saved", inspectionPath(id)+"#letter", func(st int, errs []csc.FieldError) error {
		return s.showInspection(w, r, actor, id, st, "letter", url.Values{"kind": {"improvement"}}, errs)
	})
}

// draftData is the review of findings split from a paste.
type draftData struct {
	Inspection *app.InspectionView
	Count      int
}

func (s *Server) findingsDraft(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, f, err := idForm(r)
	if err != nil {
		return err
	}
	drafts, err := s.app.PrepareFindings(r.Context(), actor, id, f.Get("pasted"), f.Get("kind"))
	if csc.ErrorKind(err) == csc.Invalid {
		return s.showInspection(w, r, actor, id, http.StatusBadRequest, "paste", f, csc.ErrorFields(err))
	}
	if err != nil {
		return err
	}
	form := url.Values{}
	for i, d := range drafts {
		p := "findings." + strconv.Itoa(i) + "."
		form.Set(p+"include", "yes")
		form.Set(p+"kind", d.Kind)
		form.Set(p+"text", d.Text)
		form[p+"areas"] = d.Areas
	}
	return s.showDrafts(w, r, actor, id, http.StatusOK, len(drafts), form, nil)
}

func (s *Server) showDrafts(w http.ResponseWriter, r *http.Request, actor csc.Actor, id int64, st, count int, form url.Values, errs []csc.FieldError) error {
	v, err := s.app.Inspection(r.Context(), actor, id)
	if err != nil {
		return err
	}
	s.render(w, r, st, "improvement_findings_review", &view{Title: "Check the findings", Nav: "improvement",
		Data: &draftData{Inspection: v, Count: count}, Form: form, Errors: errs})
	return nil
}

// maxDraftRows bounds the rows a review form is read for.
const maxDraftRows = 300

func (s *Server) findingsCreate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, f, err := idForm(r)
	if err != nil {
		return err
	}
	count := min(max(formInt(f.Get("count")), 0), maxDraftRows)
	var in csc.FindingsInput
	var rows []int // the form row of each finding sent
	for i := range count {
		p := "findings." + strconv.Itoa(i) + "."
		if f.Get(p+"include") != "yes" {
			continue
		}
		in.Findings = append(in.Findings, csc.FindingInput{Kind: f.Get(p + "kind"), Text: f.Get(p + "text"), Areas: f[p+"areas"]})
		rows = append(rows, i)
	}
	fs, err := s.app.RecordFindings(r.Context(), actor, id, in)
	flash := fmt.Sprintf("%d findings saved", len(fs))
	return s.afterChange(w, r, err, "findings", flash, inspectionPath(id)+"#findings", func(st int, errs []csc.FieldError) error {
		// The service numbers the findings it was sent; the form numbers its rows.
		for k := range errs {
			if rest, ok := strings.CutPrefix(errs[k].Field, "findings."); ok {
				n, field, _ := strings.Cut(rest, ".")
				if i, err := strconv.Atoi(n); err == nil && i < len(rows) {
					errs[k].Field = "findings." + strconv.Itoa(rows[i]) + "." + field
				}
			}
		}
		return s.showDrafts(w, r, actor, id, st, count, f, errs)
	})
}

// formInt reads a whole number from a form value, 0 when it is not one.
func formInt(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0
	}
	return n
}

// findingFormData is the form that corrects one finding.
type findingFormData struct {
	Finding    *csc.Finding
	Inspection *csc.Inspection
}

func (s *Server) findingEdit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.app.CheckImprovementEdit(actor); err != nil {
		return err
	}
	f, ins, err := s.app.Finding(r.Context(), actor, id)
	if err != nil {
		return err
	}
	form := url.Values{"version": {strconv.Itoa(f.Version)}, "kind": {string(f.Kind)}, "text": {f.Text}, "areas": f.Areas}
	return s.findingForm(w, r, http.StatusOK, f, ins, form, nil)
}

func (s *Server) findingForm(w http.ResponseWriter, r *http.Request, st int, f *csc.Finding, ins *csc.Inspection, form url.Values, errs []csc.FieldError) error {
	s.render(w, r, st, "improvement_finding_form", &view{Title: "Change finding " + strconv.FormatInt(f.ID, 10), Nav: "improvement",
		Data: &findingFormData{Finding: f, Inspection: ins}, Form: form, Errors: errs})
	return nil
}

func (s *Server) findingUpdate(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, f, err := idForm(r)
	if err != nil {
		return err
	}
	fd, err := s.app.UpdateFinding(r.Context(), actor, id, csc.FindingInput{Version: version(f), Kind: f.Get("kind"),
		Text: f.Get("text"), Areas: f["areas"]})
	to := ""
	if err == nil {
		to = inspectionPath(fd.InspectionID) + "#findings"
	}
	return s.afterChange(w, r, err, "text", "Finding changed", to, func(st int, errs []csc.FieldError) error {
		cur, ins, err := s.app.Finding(r.Context(), actor, id)
		if err != nil {
			return err
		}
		return s.findingForm(w, r, st, cur, ins, f, errs)
	})
}

// historyData is the grades over time, as a table and a chart.
type historyData struct {
	*app.GradeHistory
	Chart *gradeChart
}

func (s *Server) gradeHistory(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	h, err := s.app.InspectionHistory(r.Context(), actor)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "improvement_history", &view{Title: "Inspection grades over time", Nav: "improvement",
		Data: &historyData{GradeHistory: h, Chart: newGradeChart(h)}})
	return nil
}

func (s *Server) improvementDocument(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.app.OpenImprovementDocument(r.Context(), actor, id)
	if err != nil {
		return err
	}
	servePDF(w, "improvement-document-"+strconv.FormatInt(d.ID, 10), d.Content)
	return nil
}

// servePDF answers with a PDF shown in the browser, named name.pdf.
func servePDF(w http.ResponseWriter, name string, content []byte) {
	w.Header().Set("Content-Type", pdfdoc.MediaType)
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.pdf"`)
	w.Header().Set("Content-Length", strconv.Itoa(len(content)))
	w.Write(content)
}

// gradeChart draws the grades over time as lines, one per judgement:
// outstanding at the top, inadequate at the foot, one column per
// inspection. The table beside it carries the same facts for those who
// cannot see the chart.
type gradeChart struct {
	Width, Height int
	Columns       []chartColumn
	Lines         []chartLine
	Levels        []chartLevel
}

type chartColumn struct {
	X     int
	Label string
}

type chartLine struct {
	Label, Colour, Points string
	Dots                  []chartDot
}

type chartDot struct{ X, Y int }

type chartLevel struct {
	Y     int
	Label string
}

// chartColours are GOV.UK palette colours, one per judgement.
var chartColours = []string{"#0b0c0c", "#1d70b8", "#00703c", "#f47738", "#4c2c92"}

func newGradeChart(h *app.GradeHistory) *gradeChart {
	if len(h.Inspections) == 0 {
		return nil
	}
	const left, top, step, colWidth = 270, 20, 45, 190
	c := &gradeChart{Width: left + colWidth*len(h.Inspections), Height: top + step*3 + 40}
	y := func(g csc.Grade) int { return top + step*(g.Rank()-1) }
	for _, g := range csc.Grades {
		c.Levels = append(c.Levels, chartLevel{Y: y(g), Label: g.Label()})
	}
	x := func(i int) int { return left + colWidth*i + colWidth/2 }
	for i, ins := range h.Inspections {
		c.Columns = append(c.Columns, chartColumn{X: x(i), Label: ins.Date().Long()})
	}
	for k, row := range h.Rows {
		l := chartLine{Label: row.Judgement.Short(), Colour: chartColours[k%len(chartColours)]}
		var pts []string
		for i, g := range row.Grades {
			if g.Rank() == 0 {
				continue
			}
			// Lines a few pixels apart, so that equal grades stay visible.
			d := chartDot{X: x(i), Y: y(g) + 3*k - 6}
			l.Dots = append(l.Dots, d)
			pts = append(pts, strconv.Itoa(d.X)+","+strconv.Itoa(d.Y))
		}
		l.Points = strings.Join(pts, " ")
		c.Lines = append(c.Lines, l)
	}
	return c
}
