package api

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/pdfdoc"
)

// improvementRoutes are the API routes of inspections and the improvement
// loop: the register, findings, the plan and the self-evaluation. Reading
// needs improvement.view, changing improvement.edit; the service layer
// decides.
var improvementRoutes = []route{
	{Method: http.MethodGet, Path: "/improvement", Handler: (*server).improvementSummary},
	{Method: http.MethodGet, Path: "/improvement/inspections", Handler: (*server).listInspections},
	{Method: http.MethodPost, Path: "/improvement/inspections", Handler: (*server).recordInspection},
	{Method: http.MethodGet, Path: "/improvement/inspections/{id}", Handler: (*server).inspection},
	{Method: http.MethodPut, Path: "/improvement/inspections/{id}", Handler: (*server).updateInspection},
	{Method: http.MethodPost, Path: "/improvement/inspections/{id}/letter", Handler: (*server).attachLetter},
	{Method: http.MethodPost, Path: "/improvement/inspections/{id}/findings", Handler: (*server).recordFindings},
	{Method: http.MethodPost, Path: "/improvement/inspections/{id}/findings/draft", Handler: (*server).draftFindings},
	{Method: http.MethodPut, Path: "/improvement/findings/{id}", Handler: (*server).updateFinding},
	{Method: http.MethodGet, Path: "/improvement/history", Handler: (*server).gradeHistory},
	{Method: http.MethodGet, Path: "/improvement/documents/{id}", Handler: (*server).improvementDocument},
	{Method: http.MethodGet, Path: "/improvement/plan", Handler: (*server).improvementPlan},
	{Method: http.MethodPost, Path: "/improvement/actions", Handler: (*server).recordAction},
	{Method: http.MethodGet, Path: "/improvement/actions/{id}", Handler: (*server).improvementAction},
	{Method: http.MethodPut, Path: "/improvement/actions/{id}", Handler: (*server).updateAction},
	{Method: http.MethodPost, Path: "/improvement/actions/{id}/status", Handler: (*server).setActionStatus},
	{Method: http.MethodPost, Path: "/improvement/actions/{id}/updates", Handler: (*server).recordProgress},
	{Method: http.MethodPost, Path: "/improvement/actions/{id}/evidence", Handler: (*server).recordEvidence},
	{Method: http.MethodPost, Path: "/improvement/actions/{id}/evidence/documents", Handler: (*server).recordEvidenceDocument},
	{Method: http.MethodGet, Path: "/improvement/self-evaluations", Handler: (*server).listSelfEvaluations},
	{Method: http.MethodPost, Path: "/improvement/self-evaluations", Handler: (*server).createSelfEvaluation},
	{Method: http.MethodGet, Path: "/improvement/self-evaluations/{id}", Handler: (*server).selfEvaluation},
	{Method: http.MethodPost, Path: "/improvement/self-evaluations/{id}/versions", Handler: (*server).saveSelfEvaluation},
	{Method: http.MethodGet, Path: "/improvement/self-evaluations/{id}/compare", Handler: (*server).compareSelfEvaluation},
}

// judgementJSON is one judgement of a graded inspection.
type judgementJSON struct {
	Judgement  string `json:"judgement"`
	Label      string `json:"label"`
	Grade      string `json:"grade"`
	GradeLabel string `json:"grade_label"`
}

// inspectionJSON is an inspection or visit in the register.
type inspectionJSON struct {
	ID               int64           `json:"id"`
	Kind             string          `json:"kind"`
	KindLabel        string          `json:"kind_label"`
	Graded           bool            `json:"graded"`
	NoticeDate       *string         `json:"notice_date"`
	OnSiteStart      *string         `json:"onsite_start"`
	OnSiteEnd        *string         `json:"onsite_end"`
	Published        *string         `json:"published"`
	Inspectors       string          `json:"inspectors"`
	Focus            string          `json:"focus"`
	Judgements       []judgementJSON `json:"judgements"`
	LetterURL        *string         `json:"letter_url"`
	LetterTextSource *string         `json:"letter_text_source"`
	RecordedBy       string          `json:"recorded_by"`
	CreatedAt        string          `json:"created_at"`
	UpdatedAt        string          `json:"updated_at"`
	Version          int             `json:"version"`
	URL              string          `json:"url"`
}

func inspectionOf(i *csc.Inspection) inspectionJSON {
	out := inspectionJSON{ID: i.ID, Kind: string(i.Kind), KindLabel: i.Kind.Label(), Graded: i.Kind.Graded(),
		NoticeDate: date(i.NoticeDate), OnSiteStart: date(i.OnSiteStart), OnSiteEnd: date(i.OnSiteEnd), Published: date(i.Published),
		Inspectors: i.Inspectors, Focus: i.Focus, RecordedBy: i.RecordedBy, CreatedAt: instant(i.CreatedAt),
		UpdatedAt: instant(i.UpdatedAt), Version: i.Version, URL: link("improvement/inspections", i.ID),
		LetterURL: optLink("improvement/documents", i.LetterDocumentID), Judgements: list(i.Judgements, judgementOf)}
	if i.LetterTextSource != "" {
		out.LetterTextSource = &i.LetterTextSource
	}
	return out
}

func judgementOf(j *csc.JudgementGrade) judgementJSON {
	return judgementJSON{Judgement: string(j.Judgement), Label: j.Judgement.Label(), Grade: string(j.Grade), GradeLabel: j.Grade.Label()}
}

// improvementDocumentJSON is a document's metadata; its content is at URL.
type improvementDocumentJSON struct {
	ID          int64  `json:"id"`
	Kind        string `json:"kind"`
	SubjectType string `json:"subject_type"`
	SubjectID   *int64 `json:"subject_id"`
	Title       string `json:"title"`
	Filename    string `json:"filename"`
	MediaType   string `json:"media_type"`
	Size        int    `json:"size"`
	SHA256      string `json:"sha256"`
	Pages       int    `json:"pages"`
	CreatedAt   string `json:"created_at"`
	CreatedBy   string `json:"created_by"`
	URL         string `json:"url"`
}

func improvementDocumentOf(d *csc.ImprovementDocument) improvementDocumentJSON {
	return improvementDocumentJSON{ID: d.ID, Kind: d.Kind, SubjectType: d.SubjectType, SubjectID: ref(d.SubjectID), Title: d.Title,
		Filename: d.Filename, MediaType: d.MediaType, Size: d.Size, SHA256: d.SHA256, Pages: d.Pages,
		CreatedAt: instant(d.CreatedAt), CreatedBy: d.CreatedBy, URL: link("improvement/documents", d.ID)}
}

// findingJSON is one finding of an inspection.
type findingJSON struct {
	ID           int64    `json:"id"`
	InspectionID int64    `json:"inspection_id"`
	Seq          int      `json:"seq"`
	Kind         string   `json:"kind"`
	KindLabel    string   `json:"kind_label"`
	Text         string   `json:"text"`
	Areas        []string `json:"areas"`
	AreaVersion  string   `json:"area_version"`
	ActionIDs    []int64  `json:"action_ids"`
	NeedsAction  bool     `json:"needs_action"`
	Version      int      `json:"version"`
}

func findingOf(f *csc.Finding) findingJSON {
	return findingJSON{ID: f.ID, InspectionID: f.InspectionID, Seq: f.Seq, Kind: string(f.Kind), KindLabel: f.Kind.Label(),
		Text: f.Text, Areas: nonNil(f.Areas), AreaVersion: f.AreaVersion, ActionIDs: nonNil(f.ActionIDs),
		NeedsAction: f.Kind.NeedsAction(), Version: f.Version}
}

// inspectionListJSON is the register, newest first.
type inspectionListJSON struct {
	Inspections []inspectionJSON `json:"inspections"`
}

// findingListJSON is findings just recorded.
type findingListJSON struct {
	Findings []findingJSON `json:"findings"`
}

// inspectionDetailJSON is an inspection with its letter and findings.
type inspectionDetailJSON struct {
	inspectionJSON
	LetterText string                   `json:"letter_text"`
	Letter     *improvementDocumentJSON `json:"letter"`
	Findings   []findingJSON            `json:"findings"`
	Unanswered []int64                  `json:"unanswered_finding_ids"`
}

func (s *server) listInspections(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	ins, err := s.app.Inspections(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, inspectionListJSON{Inspections: list(ins, inspectionOf)})
}

func (s *server) inspection(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.Inspection(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, inspectionDetailOf(v))
}

func inspectionDetailOf(v *app.InspectionView) inspectionDetailJSON {
	out := inspectionDetailJSON{inspectionJSON: inspectionOf(&v.Inspection), LetterText: v.LetterText,
		Findings: list(v.Findings, findingOf), Unanswered: []int64{}}
	if v.Letter != nil {
		d := improvementDocumentOf(v.Letter)
		out.Letter = &d
	}
	for _, f := range v.Findings {
		if v.Unanswered(f) {
			out.Unanswered = append(out.Unanswered, f.ID)
		}
	}
	return out
}

func (s *server) recordInspection(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.InspectionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	ins, err := s.app.RecordInspection(r.Context(), actor, in)
	if err != nil {
		return err
	}
	return created(w, link("improvement/inspections", ins.ID), inspectionOf(ins))
}

func (s *server) updateInspection(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.InspectionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	ins, err := s.app.UpdateInspection(r.Context(), actor, id, in)
	if err != nil {
		return s.inspectionConflict(r, actor, id, err)
	}
	return writeJSON(w, http.StatusOK, inspectionOf(ins))
}

// inspectionConflict adds the inspection's current version to a Conflict.
func (s *server) inspectionConflict(r *http.Request, actor csc.Actor, id int64, err error) error {
	return withCurrentVersion(err, func() (int, error) {
		v, err := s.app.Inspection(r.Context(), actor, id)
		if err != nil {
			return 0, err
		}
		return v.Version, nil
	})
}

// readPDF reads a request body sent as application/pdf, at most
// pdfdoc.MaxSize bytes. Whether it is a PDF is the service layer's check.
func readPDF(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != pdfdoc.MediaType {
		return nil, &statusError{Status: http.StatusUnsupportedMediaType,
			Message: "Send the PDF itself as the request body, with the header “Content-Type: application/pdf”."}
	}
	tooLarge := &statusError{Status: http.StatusRequestEntityTooLarge,
		Message: fmt.Sprintf("The PDF is larger than %d MB, the most the API accepts.", pdfdoc.MaxSize>>20)}
	if r.ContentLength > pdfdoc.MaxSize {
		return nil, tooLarge
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, pdfdoc.MaxSize))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, tooLarge
	} else if err != nil {
		return nil, &statusError{Status: http.StatusBadRequest, Message: "The request body could not be read."}
	}
	return b, nil
}

func (s *server) attachLetter(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	q := parseQuery(r, "version", "title")
	version := q.number("version", 0, 0, 1<<30)
	title := q.text("title", 200)
	if err := q.err(); err != nil {
		return err
	}
	if err := requireVersion(version); err != nil {
		return err
	}
	pdf, err := readPDF(w, r)
	if err != nil {
		return err
	}
	ins, err := s.app.AttachLetter(r.Context(), actor, id, version, app.DocumentUpload{Title: title, Content: pdf})
	if err != nil {
		return s.inspectionConflict(r, actor, id, err)
	}
	return created(w, link("improvement/documents", ins.LetterDocumentID), inspectionOf(ins))
}

func (s *server) recordFindings(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.FindingsInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	fs, err := s.app.RecordFindings(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("improvement/inspections", id), findingListJSON{Findings: list(fs, findingOf)})
}

// draftInput is a pasted section of a letter to split into findings.
type draftInput struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// draftJSON is the findings split from a paste, for review.
type draftJSON struct {
	Findings []csc.FindingInput `json:"findings"`
}

func (s *server) draftFindings(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in draftInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	drafts, err := s.app.PrepareFindings(r.Context(), actor, id, in.Text, in.Kind)
	if err != nil {
		return err
	}
	for i := range drafts {
		drafts[i].Areas = nonNil(drafts[i].Areas)
	}
	return writeJSON(w, http.StatusOK, draftJSON{Findings: drafts})
}

func (s *server) updateFinding(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.FindingInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	f, err := s.app.UpdateFinding(r.Context(), actor, id, in)
	if err != nil {
		return withCurrentVersion(err, func() (int, error) {
			f, _, err := s.app.Finding(r.Context(), actor, id)
			if err != nil {
				return 0, err
			}
			return f.Version, nil
		})
	}
	return writeJSON(w, http.StatusOK, findingOf(f))
}

// gradeRowJSON is one judgement's grades over the history, one per
// inspection (null where it gave none).
type gradeRowJSON struct {
	Judgement string    `json:"judgement"`
	Label     string    `json:"label"`
	Grades    []*string `json:"grades"`
}

// historyJSON is the grades of the graded inspections, oldest first.
type historyJSON struct {
	Inspections []inspectionJSON `json:"inspections"`
	Rows        []gradeRowJSON   `json:"rows"`
}

func (s *server) gradeHistory(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	h, err := s.app.InspectionHistory(r.Context(), actor)
	if err != nil {
		return err
	}
	out := historyJSON{Inspections: list(h.Inspections, inspectionOf), Rows: []gradeRowJSON{}}
	for _, row := range h.Rows {
		jr := gradeRowJSON{Judgement: string(row.Judgement), Label: row.Judgement.Label(), Grades: []*string{}}
		for _, g := range row.Grades {
			var p *string
			if g != "" {
				v := string(g)
				p = &v
			}
			jr.Grades = append(jr.Grades, p)
		}
		out.Rows = append(out.Rows, jr)
	}
	return writeJSON(w, http.StatusOK, out)
}

// improvementDocument answers with the PDF itself, named by its id alone.
func (s *server) improvementDocument(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := s.app.OpenImprovementDocument(r.Context(), actor, id)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", pdfdoc.MediaType)
	h.Set("Content-Length", strconv.Itoa(len(d.Content)))
	h.Set("Content-Disposition", `attachment; filename="improvement-document-`+strconv.FormatInt(d.ID, 10)+`.pdf"`)
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.WriteHeader(http.StatusOK)
	// A failed write means the client has gone: there is nobody to tell.
	_, _ = w.Write(d.Content)
	return nil
}
