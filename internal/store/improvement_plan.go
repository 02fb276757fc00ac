package store

import (
	"database/sql"
	"time"

	"cairn/internal/csc"
)

// The improvement plan (actions, their links to findings, progress updates
// and evidence) and the self-evaluation.

// CreateImprovementAction stores an action and its links to findings.
func (t *Tx) CreateImprovementAction(a *csc.ImprovementAction) error {
	a.CreatedAt, a.UpdatedAt, a.Version = t.now, t.now, 1
	id, err := t.insert(`INSERT INTO improvement_action (title, detail, theme, owner_id, start_date, due_date, status,
		dropped_reason, completed_on, recorded_by, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id`,
		a.Title, a.Detail, a.Theme, a.OwnerID, a.Start, a.Due, a.Status, a.DroppedReason, a.CompletedOn,
		nullID(a.RecordedByID), t.now)
	if err != nil {
		return mapErr(err)
	}
	a.ID = id
	return t.writeActionLinks(a)
}

func (t *Tx) writeActionLinks(a *csc.ImprovementAction) error {
	for _, f := range a.FindingIDs {
		if _, err := t.exec(`INSERT INTO action_finding (action_id, finding_id) VALUES ($1, $2)`, a.ID, f); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// UpdateImprovementAction saves an action and replaces its links to
// findings if the version is current.
func (t *Tx) UpdateImprovementAction(a *csc.ImprovementAction) error {
	err := t.updateVersioned("improvement_action", a.ID, `UPDATE improvement_action SET title = $1, detail = $2,
		theme = $3, owner_id = $4, start_date = $5, due_date = $6, status = $7, dropped_reason = $8,
		completed_on = $9, updated_at = $10, version = version + 1 WHERE id = $11 AND version = $12`,
		a.Title, a.Detail, a.Theme, a.OwnerID, a.Start, a.Due, a.Status, a.DroppedReason, a.CompletedOn, t.now,
		a.ID, a.Version)
	if err != nil {
		return err
	}
	a.Version++
	a.UpdatedAt = t.now
	if _, err := t.exec(`DELETE FROM action_finding WHERE action_id = $1`, a.ID); err != nil {
		return err
	}
	return t.writeActionLinks(a)
}

const actionColumns = `a.id, a.title, a.detail, a.theme, a.owner_id, COALESCE(s.name, ''), COALESCE(s.active, FALSE),
	s.expires_at, a.start_date, a.due_date, a.status, a.dropped_reason, a.completed_on, COALESCE(a.recorded_by, 0),
	a.created_at, a.updated_at, a.version FROM improvement_action a LEFT JOIN staff s ON s.id = a.owner_id`

func (t *Tx) scanAction(r rowScanner, a *csc.ImprovementAction) error {
	var expires time.Time
	err := r.Scan(&a.ID, &a.Title, &a.Detail, &a.Theme, &a.OwnerID, &a.OwnerName, &a.OwnerActive, scanTime{&expires},
		&a.Start, &a.Due, &a.Status, &a.DroppedReason, &a.CompletedOn, &a.RecordedByID, scanTime{&a.CreatedAt},
		scanTime{&a.UpdatedAt}, &a.Version)
	if !expires.IsZero() && !t.now.Before(expires) {
		a.OwnerActive = false
	}
	return err
}

// FindImprovementActionByID returns an action with its owner and findings.
func (t *Tx) FindImprovementActionByID(id int64) (*csc.ImprovementAction, error) {
	var a csc.ImprovementAction
	if err := t.scanAction(t.queryRow(`SELECT `+actionColumns+` WHERE a.id = $1`, id), &a); err != nil {
		return nil, notFound(err, "improvement action", id)
	}
	l, err := t.actionLinks(`action_id = $1`, id)
	if err != nil {
		return nil, err
	}
	a.FindingIDs = l.findings[id]
	return &a, nil
}

// ListImprovementActions returns every action by theme and due date.
func (t *Tx) ListImprovementActions() ([]csc.ImprovementAction, error) {
	rows, err := t.query(`SELECT ` + actionColumns + ` ORDER BY a.theme, a.due_date, a.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.ImprovementAction
	for rows.Next() {
		var a csc.ImprovementAction
		if err := t.scanAction(rows, &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	l, err := t.actionLinks(`1 = 1`)
	if err != nil {
		return nil, err
	}
	for k := range out {
		out[k].FindingIDs = l.findings[out[k].ID]
	}
	return out, nil
}

// CreateProgressUpdate stores a quarter's progress on an action.
func (t *Tx) CreateProgressUpdate(u *csc.ProgressUpdate) error {
	u.CreatedAt = t.now
	var pct any
	if u.Percent != nil {
		pct = *u.Percent
	}
	id, err := t.insert(`INSERT INTO progress_update (action_id, quarter, narrative, percent, milestone, recorded_by,
		created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		u.ActionID, u.Quarter, u.Narrative, pct, u.Milestone, nullID(u.RecordedByID), t.now)
	u.ID = id
	return mapErr(err)
}

// ListProgressUpdates returns one action's updates, or every action's for 0.
func (t *Tx) ListProgressUpdates(actionID int64) ([]csc.ProgressUpdate, error) {
	rows, err := t.query(`SELECT u.id, u.action_id, u.quarter, u.narrative, u.percent, u.milestone,
		COALESCE(u.recorded_by, 0), COALESCE(s.name, ''), u.created_at FROM progress_update u
		LEFT JOIN staff s ON s.id = u.recorded_by WHERE u.action_id = $1 OR $1 = 0
		ORDER BY u.action_id, u.quarter, u.created_at, u.id`, actionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.ProgressUpdate
	for rows.Next() {
		var u csc.ProgressUpdate
		var pct sql.NullInt64
		if err := rows.Scan(&u.ID, &u.ActionID, &u.Quarter, &u.Narrative, &pct, &u.Milestone, &u.RecordedByID,
			&u.RecordedBy, scanTime{&u.CreatedAt}); err != nil {
			return nil, err
		}
		if pct.Valid {
			n := int(pct.Int64)
			u.Percent = &n
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CreateEvidence stores evidence of an action's progress.
func (t *Tx) CreateEvidence(e *csc.Evidence) error {
	e.CreatedAt = t.now
	id, err := t.insert(`INSERT INTO action_evidence (action_id, note, document_id, recorded_by, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, e.ActionID, e.Note, nullID(e.DocumentID), nullID(e.RecordedByID), t.now)
	e.ID = id
	return mapErr(err)
}

// ListEvidence returns an action's evidence, oldest first.
func (t *Tx) ListEvidence(actionID int64) ([]csc.Evidence, error) {
	rows, err := t.query(`SELECT e.id, e.action_id, e.note, COALESCE(e.document_id, 0), COALESCE(d.title, ''),
		COALESCE(e.recorded_by, 0), COALESCE(s.name, ''), e.created_at FROM action_evidence e
		LEFT JOIN improvement_document d ON d.id = e.document_id LEFT JOIN staff s ON s.id = e.recorded_by
		WHERE e.action_id = $1 ORDER BY e.created_at, e.id`, actionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Evidence
	for rows.Next() {
		var e csc.Evidence
		if err := rows.Scan(&e.ID, &e.ActionID, &e.Note, &e.DocumentID, &e.DocumentTitle, &e.RecordedByID,
			&e.RecordedBy, scanTime{&e.CreatedAt}); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CreateSelfEvaluation starts a self-evaluation; its versions are added
// with CreateSelfEvaluationVersion.
func (t *Tx) CreateSelfEvaluation(s *csc.SelfEvaluation) error {
	s.CreatedAt = t.now
	id, err := t.insert(`INSERT INTO self_evaluation (title, created_by, created_at) VALUES ($1, $2, $3) RETURNING id`,
		s.Title, nullID(s.CreatedByID), t.now)
	s.ID = id
	return mapErr(err)
}

const selfEvaluationColumns = `e.id, e.title, COALESCE(e.created_by, 0), e.created_at,
	COALESCE((SELECT MAX(v.number) FROM self_evaluation_version v WHERE v.self_evaluation_id = e.id), 0),
	(SELECT MAX(v.saved_at) FROM self_evaluation_version v WHERE v.self_evaluation_id = e.id)
	FROM self_evaluation e`

func scanSelfEvaluation(r rowScanner, s *csc.SelfEvaluation) error {
	return r.Scan(&s.ID, &s.Title, &s.CreatedByID, scanTime{&s.CreatedAt}, &s.Latest, scanTime{&s.LatestAt})
}

// FindSelfEvaluationByID returns a self-evaluation with its latest version number.
func (t *Tx) FindSelfEvaluationByID(id int64) (*csc.SelfEvaluation, error) {
	var s csc.SelfEvaluation
	if err := scanSelfEvaluation(t.queryRow(`SELECT `+selfEvaluationColumns+` WHERE e.id = $1`, id), &s); err != nil {
		return nil, notFound(err, "self-evaluation", id)
	}
	return &s, nil
}

// ListSelfEvaluations returns every self-evaluation, newest first.
func (t *Tx) ListSelfEvaluations() ([]csc.SelfEvaluation, error) {
	rows, err := t.query(`SELECT ` + selfEvaluationColumns + ` ORDER BY e.created_at DESC, e.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.SelfEvaluation
	for rows.Next() {
		var s csc.SelfEvaluation
		if err := scanSelfEvaluation(rows, &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// CreateSelfEvaluationVersion stores a new version; a number already used
// is a Conflict.
func (t *Tx) CreateSelfEvaluationVersion(v *csc.SelfEvaluationVersion) error {
	v.SavedAt = t.now
	id, err := t.insert(`INSERT INTO self_evaluation_version (self_evaluation_id, number, know, how, doing,
		finding_ids, action_ids, note, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		v.SelfEvaluationID, v.Number, v.Know, v.How, v.Doing, jsonText(v.FindingIDs), jsonText(v.ActionIDs), v.Note,
		nullID(v.SavedByID), t.now)
	if err != nil {
		if err = mapErr(err); csc.ErrorKind(err) == csc.Conflict {
			return &csc.Error{Kind: csc.Conflict, Message: "Someone else saved this self-evaluation after you opened it. " +
				"Open it again to see their version, then make your changes.", Err: err}
		}
		return err
	}
	v.ID = id
	return nil
}

// ListSelfEvaluationVersions returns a self-evaluation's versions, oldest first.
func (t *Tx) ListSelfEvaluationVersions(id int64) ([]csc.SelfEvaluationVersion, error) {
	rows, err := t.query(`SELECT v.id, v.self_evaluation_id, v.number, v.know, v.how, v.doing, v.finding_ids,
		v.action_ids, v.note, COALESCE(v.saved_by, 0), COALESCE(s.name, ''), v.saved_at
		FROM self_evaluation_version v LEFT JOIN staff s ON s.id = v.saved_by
		WHERE v.self_evaluation_id = $1 ORDER BY v.number`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.SelfEvaluationVersion
	for rows.Next() {
		var v csc.SelfEvaluationVersion
		if err := rows.Scan(&v.ID, &v.SelfEvaluationID, &v.Number, &v.Know, &v.How, &v.Doing, scanJSON{&v.FindingIDs},
			scanJSON{&v.ActionIDs}, &v.Note, &v.SavedByID, &v.SavedBy, scanTime{&v.SavedAt}); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
