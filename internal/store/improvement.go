package store

import (
	"slices"

	"cairn/internal/csc"
)

// The improvement area's documents, the inspection register and findings.
// The plan and the self-evaluation are in improvement_plan.go.

// CreateImprovementDocument stores a document with its content.
func (t *Tx) CreateImprovementDocument(d *csc.ImprovementDocument) error {
	d.CreatedAt, d.Size = t.now, len(d.Content)
	id, err := t.insert(`INSERT INTO improvement_document (kind, subject_type, subject_id, title, filename,
		media_type, size, sha256, pages, content, text, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		d.Kind, d.SubjectType, d.SubjectID, d.Title, d.Filename, d.MediaType, d.Size, d.SHA256, d.Pages,
		d.Content, d.Text, t.now, nullID(d.CreatedByID))
	d.ID = id
	return mapErr(err)
}

const improvementDocumentColumns = `d.id, d.kind, d.subject_type, d.subject_id, d.title, d.filename, d.media_type,
	d.size, d.sha256, d.pages, d.created_at, COALESCE(d.created_by, 0), COALESCE(s.name, '')`

func scanImprovementDocument(r rowScanner, d *csc.ImprovementDocument, extra ...any) error {
	return r.Scan(append([]any{&d.ID, &d.Kind, &d.SubjectType, &d.SubjectID, &d.Title, &d.Filename, &d.MediaType,
		&d.Size, &d.SHA256, &d.Pages, scanTime{&d.CreatedAt}, &d.CreatedByID, &d.CreatedBy}, extra...)...)
}

// FindImprovementDocument returns a document with its content and text.
func (t *Tx) FindImprovementDocument(id int64) (*csc.ImprovementDocument, error) {
	var d csc.ImprovementDocument
	err := scanImprovementDocument(t.queryRow(`SELECT `+improvementDocumentColumns+`, d.content, d.text
		FROM improvement_document d LEFT JOIN staff s ON s.id = d.created_by WHERE d.id = $1`, id), &d, &d.Content, &d.Text)
	if err != nil {
		return nil, notFound(err, "document", id)
	}
	return &d, nil
}

// ListImprovementDocuments returns a subject's documents without content.
func (t *Tx) ListImprovementDocuments(subjectType string, subjectID int64) ([]csc.ImprovementDocument, error) {
	rows, err := t.query(`SELECT `+improvementDocumentColumns+` FROM improvement_document d
		LEFT JOIN staff s ON s.id = d.created_by WHERE d.subject_type = $1 AND d.subject_id = $2
		ORDER BY d.created_at, d.id`, subjectType, subjectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.ImprovementDocument
	for rows.Next() {
		var d csc.ImprovementDocument
		if err := scanImprovementDocument(rows, &d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CreateInspection stores an inspection and its judgements.
func (t *Tx) CreateInspection(i *csc.Inspection) error {
	i.CreatedAt, i.UpdatedAt, i.Version = t.now, t.now, 1
	id, err := t.insert(`INSERT INTO inspection (kind, notice_date, onsite_start, onsite_end, published, inspectors,
		focus, letter_document_id, letter_text, letter_text_source, recorded_by, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id`,
		i.Kind, i.NoticeDate, i.OnSiteStart, i.OnSiteEnd, i.Published, i.Inspectors, i.Focus,
		nullID(i.LetterDocumentID), i.LetterText, i.LetterTextSource, nullID(i.RecordedByID), t.now)
	if err != nil {
		return mapErr(err)
	}
	i.ID = id
	return t.writeJudgements(i)
}

// writeJudgements stores an inspection's judgements.
func (t *Tx) writeJudgements(i *csc.Inspection) error {
	for _, j := range i.Judgements {
		if _, err := t.exec(`INSERT INTO inspection_judgement (inspection_id, judgement, grade) VALUES ($1, $2, $3)`,
			i.ID, j.Judgement, j.Grade); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// UpdateInspection saves an inspection's details and replaces its
// judgements if the version is current.
func (t *Tx) UpdateInspection(i *csc.Inspection) error {
	err := t.updateVersioned("inspection", i.ID, `UPDATE inspection SET kind = $1, notice_date = $2,
		onsite_start = $3, onsite_end = $4, published = $5, inspectors = $6, focus = $7, letter_document_id = $8,
		letter_text = $9, letter_text_source = $10, updated_at = $11, version = version + 1
		WHERE id = $12 AND version = $13`,
		i.Kind, i.NoticeDate, i.OnSiteStart, i.OnSiteEnd, i.Published, i.Inspectors, i.Focus,
		nullID(i.LetterDocumentID), i.LetterText, i.LetterTextSource, t.now, i.ID, i.Version)
	if err != nil {
		return err
	}
	i.Version++
	i.UpdatedAt = t.now
	if _, err := t.exec(`DELETE FROM inspection_judgement WHERE inspection_id = $1`, i.ID); err != nil {
		return err
	}
	return t.writeJudgements(i)
}

const inspectionColumns = `i.id, i.kind, i.notice_date, i.onsite_start, i.onsite_end, i.published, i.inspectors,
	i.focus, COALESCE(i.letter_document_id, 0), i.letter_text_source, COALESCE(i.recorded_by, 0),
	COALESCE(s.name, ''), i.created_at, i.updated_at, i.version`

func scanInspection(r rowScanner, i *csc.Inspection, extra ...any) error {
	return r.Scan(append([]any{&i.ID, &i.Kind, &i.NoticeDate, &i.OnSiteStart, &i.OnSiteEnd, &i.Published,
		&i.Inspectors, &i.Focus, &i.LetterDocumentID, &i.LetterTextSource, &i.RecordedByID, &i.RecordedBy,
		scanTime{&i.CreatedAt}, scanTime{&i.UpdatedAt}, &i.Version}, extra...)...)
}

// FindInspectionByID returns an inspection with its judgements and letter text.
func (t *Tx) FindInspectionByID(id int64) (*csc.Inspection, error) {
	var i csc.Inspection
	err := scanInspection(t.queryRow(`SELECT `+inspectionColumns+`, i.letter_text FROM inspection i
		LEFT JOIN staff s ON s.id = i.recorded_by WHERE i.id = $1`, id), &i, &i.LetterText)
	if err != nil {
		return nil, notFound(err, "inspection", id)
	}
	byID, err := t.judgements(id)
	if err != nil {
		return nil, err
	}
	i.Judgements = byID[id]
	return &i, nil
}

// judgements reads the judgements of one inspection (id > 0) or of all
// (id 0), in the order of csc.Judgements.
func (t *Tx) judgements(id int64) (map[int64][]csc.JudgementGrade, error) {
	rows, err := t.query(`SELECT inspection_id, judgement, grade FROM inspection_judgement
		WHERE inspection_id = $1 OR $1 = 0`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]csc.JudgementGrade{}
	for rows.Next() {
		var ins int64
		var j csc.JudgementGrade
		if err := rows.Scan(&ins, &j.Judgement, &j.Grade); err != nil {
			return nil, err
		}
		out[ins] = append(out[ins], j)
	}
	for _, js := range out {
		sortJudgements(js)
	}
	return out, rows.Err()
}

// sortJudgements puts judgements in the order reports give them.
func sortJudgements(js []csc.JudgementGrade) {
	slices.SortFunc(js, func(a, b csc.JudgementGrade) int {
		return slices.Index(csc.Judgements, a.Judgement) - slices.Index(csc.Judgements, b.Judgement)
	})
}

// ListInspections returns every inspection, newest first.
func (t *Tx) ListInspections() ([]csc.Inspection, error) {
	rows, err := t.query(`SELECT ` + inspectionColumns + ` FROM inspection i LEFT JOIN staff s ON s.id = i.recorded_by
		ORDER BY COALESCE(i.onsite_start, i.notice_date) DESC, i.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Inspection
	for rows.Next() {
		var i csc.Inspection
		if err := scanInspection(rows, &i); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	byID, err := t.judgements(0)
	if err != nil {
		return nil, err
	}
	for k := range out {
		out[k].Judgements = byID[out[k].ID]
	}
	return out, nil
}

// CreateFindings stores findings, numbering each inspection's after its
// last.
func (t *Tx) CreateFindings(fs []csc.Finding) error {
	next := map[int64]int{}
	for k := range fs {
		f := &fs[k]
		if _, ok := next[f.InspectionID]; !ok {
			var last int
			if err := t.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM finding WHERE inspection_id = $1`,
				f.InspectionID).Scan(&last); err != nil {
				return err
			}
			next[f.InspectionID] = last
		}
		next[f.InspectionID]++
		f.Seq, f.CreatedAt, f.Version = next[f.InspectionID], t.now, 1
		id, err := t.insert(`INSERT INTO finding (inspection_id, seq, kind, text, areas, area_version, recorded_by,
			version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) RETURNING id`,
			f.InspectionID, f.Seq, f.Kind, f.Text, jsonText(f.Areas), f.AreaVersion, nullID(f.RecordedByID), t.now)
		if err != nil {
			return mapErr(err)
		}
		f.ID = id
	}
	return nil
}

// UpdateFinding saves a finding's kind, text and areas if the version is
// current.
func (t *Tx) UpdateFinding(f *csc.Finding) error {
	err := t.updateVersioned("finding", f.ID, `UPDATE finding SET kind = $1, text = $2, areas = $3,
		area_version = $4, version = version + 1 WHERE id = $5 AND version = $6`,
		f.Kind, f.Text, jsonText(f.Areas), f.AreaVersion, f.ID, f.Version)
	if err == nil {
		f.Version++
	}
	return err
}

const findingColumns = `f.id, f.inspection_id, f.seq, f.kind, f.text, f.areas, f.area_version,
	COALESCE(f.recorded_by, 0), f.created_at, f.version FROM finding f`

func scanFinding(r rowScanner, f *csc.Finding) error {
	return r.Scan(&f.ID, &f.InspectionID, &f.Seq, &f.Kind, &f.Text, scanJSON{&f.Areas}, &f.AreaVersion,
		&f.RecordedByID, scanTime{&f.CreatedAt}, &f.Version)
}

// FindFindingByID returns a finding with its actions.
func (t *Tx) FindFindingByID(id int64) (*csc.Finding, error) {
	var f csc.Finding
	if err := scanFinding(t.queryRow(`SELECT `+findingColumns+` WHERE f.id = $1`, id), &f); err != nil {
		return nil, notFound(err, "finding", id)
	}
	links, err := t.actionLinks(`finding_id = $1`, id)
	if err != nil {
		return nil, err
	}
	f.ActionIDs = links.actions[id]
	return &f, nil
}

// ListFindings returns an inspection's findings (all findings for 0) in
// inspection and letter order, with their actions.
func (t *Tx) ListFindings(inspectionID int64) ([]csc.Finding, error) {
	rows, err := t.query(`SELECT `+findingColumns+` JOIN inspection i ON i.id = f.inspection_id
		WHERE f.inspection_id = $1 OR $1 = 0
		ORDER BY COALESCE(i.onsite_start, i.notice_date) DESC, i.id DESC, f.seq`, inspectionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Finding
	for rows.Next() {
		var f csc.Finding
		if err := scanFinding(rows, &f); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	links, err := t.actionLinks(`finding_id IN (SELECT id FROM finding WHERE inspection_id = $1 OR $1 = 0)`, inspectionID)
	if err != nil {
		return nil, err
	}
	for k := range out {
		out[k].ActionIDs = links.actions[out[k].ID]
	}
	return out, nil
}

// links holds rows of action_finding both ways round.
type links struct {
	actions  map[int64][]int64 // finding → actions
	findings map[int64][]int64 // action → findings
}

// actionLinks reads the action–finding links a WHERE clause on
// action_finding selects, in id order.
func (t *Tx) actionLinks(where string, args ...any) (links, error) {
	l := links{actions: map[int64][]int64{}, findings: map[int64][]int64{}}
	rows, err := t.query(`SELECT action_id, finding_id FROM action_finding WHERE `+where+`
		ORDER BY action_id, finding_id`, args...)
	if err != nil {
		return l, err
	}
	defer rows.Close()
	for rows.Next() {
		var a, f int64
		if err := rows.Scan(&a, &f); err != nil {
			return l, err
		}
		l.actions[f] = append(l.actions[f], a)
		l.findings[a] = append(l.findings[a], f)
	}
	return l, rows.Err()
}
