package store

import (
	"database/sql"
	"strings"
	"time"

	"cairn/internal/csc"
)

// The dated steps of casework the clocks read: CIN plans starting and
// ending (CIN-02, CIN-03), CIN reviews (CIN-02), and statutory visits at
// which the child was seen, under a CIN plan (CIN-03) or a CP plan (CP-12).
// A visit's plan_kind is cin, cp or empty (under no plan); the visits
// query asks for a plan_kind that is not empty rather than one IN the two
// kinds, which SQLite
// answered from the plan index, reading every visit under any plan (84,000
// at 50,000 children, 36 ms) each time one child's clocks were refreshed —
// after every contact, visit or decision — instead of the child's own.
func init() {
	stepFactQueries = append(stepFactQueries,
		`SELECT child_id, 'cin-plan.started', id, 0, start_date, NULL, '' FROM cin_plan
			WHERE child_id BETWEEN $1 AND $2`,
		`SELECT child_id, 'cin-plan.ended', id, 0, end_date, NULL, '' FROM cin_plan
			WHERE child_id BETWEEN $1 AND $2 AND end_date IS NOT NULL`,
		`SELECT child_id, 'cin-plan.reviewed', id, plan_id, review_date, NULL, '' FROM cin_review
			WHERE child_id BETWEEN $1 AND $2`,
		`SELECT child_id, CASE plan_kind WHEN 'cin' THEN 'cin-visit.made' ELSE 'cp-visit.made' END, id, plan_id,
			visit_date, at, '' FROM visit
			WHERE child_id BETWEEN $1 AND $2 AND type = 'statutory-visit' AND child_seen = TRUE AND plan_kind <> ''`,
	)
}

const cinPlanColumns = `c.id, c.child_id, c.referral_id, c.start_date, c.end_date, c.end_reason, c.started_by,
	COALESCE(s.name, ''), c.created_at, c.version FROM cin_plan c LEFT JOIN staff s ON s.id = c.started_by`

func scanCINPlan(r rowScanner, p *csc.CINPlan) error {
	return r.Scan(&p.ID, &p.ChildID, &p.ReferralID, &p.StartDate, &p.EndDate, &p.EndReason, scanID{&p.StartedByID},
		&p.StartedBy, scanTime{&p.CreatedAt}, &p.Version)
}

// CreateCINPlan starts a child in need plan.
func (t *Tx) CreateCINPlan(p *csc.CINPlan) error {
	p.CreatedAt, p.Version = t.now, 1
	id, err := t.insert(`INSERT INTO cin_plan (child_id, referral_id, start_date, end_date, end_reason, started_by,
		version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id`,
		p.ChildID, p.ReferralID, p.StartDate, p.EndDate, p.EndReason, nullID(p.StartedByID), t.now)
	p.ID = id
	return mapErr(err)
}

// UpdateCINPlan saves the plan's end if the version is current.
func (t *Tx) UpdateCINPlan(p *csc.CINPlan) error {
	err := t.updateVersioned("cin_plan", p.ID, `UPDATE cin_plan SET end_date = $1, end_reason = $2,
		version = version + 1, updated_at = $3 WHERE id = $4 AND version = $5`,
		p.EndDate, p.EndReason, t.now, p.ID, p.Version)
	if err == nil {
		p.Version++
	}
	return err
}

// FindCINPlanByID returns a plan with its actions and reviews.
func (t *Tx) FindCINPlanByID(id int64) (*csc.CINPlan, error) {
	var p csc.CINPlan
	if err := scanCINPlan(t.queryRow(`SELECT `+cinPlanColumns+` WHERE c.id = $1`, id), &p); err != nil {
		return nil, notFound(err, "child in need plan", id)
	}
	rows, err := t.query(`SELECT id, plan_id, child_id, what, who, due, done, version FROM cin_action
		WHERE plan_id = $1 ORDER BY due, id`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var a csc.CINAction
		if err := rows.Scan(&a.ID, &a.PlanID, &a.ChildID, &a.What, &a.Who, &a.Due, &a.Done, &a.Version); err != nil {
			rows.Close()
			return nil, err
		}
		p.Actions = append(p.Actions, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = t.query(`SELECT r.id, r.plan_id, r.child_id, r.review_date, r.attendance, r.outcome, r.notes,
		r.recorded_by, COALESCE(s.name, ''), r.created_at FROM cin_review r LEFT JOIN staff s ON s.id = r.recorded_by
		WHERE r.plan_id = $1 ORDER BY r.review_date, r.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r csc.CINReview
		if err := rows.Scan(&r.ID, &r.PlanID, &r.ChildID, &r.Date, &r.Attendance, &r.Outcome, &r.Notes,
			scanID{&r.RecordedByID}, &r.RecordedBy, scanTime{&r.CreatedAt}); err != nil {
			return nil, err
		}
		p.Reviews = append(p.Reviews, r)
	}
	return &p, rows.Err()
}

// FindOpenCINPlan returns the child's open plan.
func (t *Tx) FindOpenCINPlan(childID int64) (*csc.CINPlan, error) {
	var p csc.CINPlan
	err := scanCINPlan(t.queryRow(`SELECT `+cinPlanColumns+` WHERE c.child_id = $1 AND c.end_date IS NULL
		ORDER BY c.start_date DESC, c.id DESC LIMIT 1`, childID), &p)
	if err != nil {
		return nil, notFound(err, "open child in need plan for child", childID)
	}
	return &p, nil
}

// ListCINPlans returns a child's plans, newest first.
func (t *Tx) ListCINPlans(childID int64) ([]csc.CINPlan, error) {
	rows, err := t.query(`SELECT `+cinPlanColumns+` WHERE c.child_id = $1 ORDER BY c.start_date DESC, c.id DESC`, childID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.CINPlan
	for rows.Next() {
		var p csc.CINPlan
		if err := scanCINPlan(rows, &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CreateCINAction adds an action to a plan.
func (t *Tx) CreateCINAction(a *csc.CINAction) error {
	a.Version = 1
	id, err := t.insert(`INSERT INTO cin_action (plan_id, child_id, what, who, due, done, version)
		VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`, a.PlanID, a.ChildID, a.What, a.Who, a.Due, a.Done)
	a.ID = id
	return mapErr(err)
}

// UpdateCINAction saves an action if the version is current.
func (t *Tx) UpdateCINAction(a *csc.CINAction) error {
	err := t.updateVersioned("cin_action", a.ID, `UPDATE cin_action SET what = $1, who = $2, due = $3, done = $4,
		version = version + 1 WHERE id = $5 AND version = $6`, a.What, a.Who, a.Due, a.Done, a.ID, a.Version)
	if err == nil {
		a.Version++
	}
	return err
}

// FindCINActionByID returns one action.
func (t *Tx) FindCINActionByID(id int64) (*csc.CINAction, error) {
	var a csc.CINAction
	err := t.queryRow(`SELECT id, plan_id, child_id, what, who, due, done, version FROM cin_action WHERE id = $1`, id).
		Scan(&a.ID, &a.PlanID, &a.ChildID, &a.What, &a.Who, &a.Due, &a.Done, &a.Version)
	if err != nil {
		return nil, notFound(err, "plan action", id)
	}
	return &a, nil
}

// CreateCINReview records a review of a plan.
func (t *Tx) CreateCINReview(r *csc.CINReview) error {
	r.CreatedAt = t.now
	id, err := t.insert(`INSERT INTO cin_review (plan_id, child_id, review_date, attendance, outcome, notes,
		recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		r.PlanID, r.ChildID, r.Date, r.Attendance, r.Outcome, r.Notes, nullID(r.RecordedByID), t.now)
	r.ID = id
	return mapErr(err)
}

const visitColumns = `v.id, v.child_id, v.at, v.type, v.plan_kind, v.plan_id, v.child_seen, v.seen_alone,
	v.not_alone_reason, v.bedroom_seen, v.baby_awake, v.present, v.announced, v.wishes_feelings, v.observations,
	v.analysis, v.recorded_by, COALESCE(s.name, ''), v.created_at FROM visit v LEFT JOIN staff s ON s.id = v.recorded_by`

func scanVisit(r rowScanner, v *csc.Visit) error {
	return r.Scan(&v.ID, &v.ChildID, scanTime{&v.At}, &v.Type, &v.PlanKind, &v.PlanID, &v.ChildSeen, &v.SeenAlone,
		&v.NotAloneReason, &v.BedroomSeen, &v.BabyAwake, &v.Present, &v.Announced, &v.WishesFeelings,
		&v.Observations, &v.Analysis, scanID{&v.RecordedByID}, &v.RecordedBy, scanTime{&v.CreatedAt})
}

// CreateVisit records a visit, piece of direct work or case note.
func (t *Tx) CreateVisit(v *csc.Visit) error {
	v.CreatedAt = t.now
	id, err := t.insert(`INSERT INTO visit (child_id, at, visit_date, type, plan_kind, plan_id, child_seen, seen_alone,
		not_alone_reason, bedroom_seen, baby_awake, present, announced, wishes_feelings, observations, analysis,
		recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
		RETURNING id`, v.ChildID, v.At.UTC(), csc.DateOf(v.At), v.Type, v.PlanKind, v.PlanID, v.ChildSeen, v.SeenAlone,
		v.NotAloneReason, v.BedroomSeen, v.BabyAwake, v.Present, v.Announced, v.WishesFeelings, v.Observations,
		v.Analysis, nullID(v.RecordedByID), t.now)
	v.ID = id
	return mapErr(err)
}

// FindVisitByID returns one visit or note.
func (t *Tx) FindVisitByID(id int64) (*csc.Visit, error) {
	var v csc.Visit
	if err := scanVisit(t.queryRow(`SELECT `+visitColumns+` WHERE v.id = $1`, id), &v); err != nil {
		return nil, notFound(err, "visit or case note", id)
	}
	return &v, nil
}

// FindVisits returns a child's visits and notes, newest first, optionally
// those under one plan.
func (t *Tx) FindVisits(q csc.VisitQuery) ([]csc.Visit, error) {
	limit := q.Limit
	if limit <= 0 || limit > 2000 {
		limit = 200
	}
	var rows Rows
	var err error
	if q.PlanKind != "" {
		rows, err = t.query(`SELECT `+visitColumns+` WHERE v.plan_kind = $1 AND v.plan_id = $2 AND v.child_id = $3
			ORDER BY v.at DESC, v.id DESC LIMIT $4`, q.PlanKind, q.PlanID, q.ChildID, limit)
	} else {
		rows, err = t.query(`SELECT `+visitColumns+` WHERE v.child_id = $1 ORDER BY v.at DESC, v.id DESC LIMIT $2`,
			q.ChildID, limit)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Visit
	for rows.Next() {
		var v csc.Visit
		if err := scanVisit(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// kindsHolder numbers the placeholders for a list of event kinds from the
// given one and returns them with their arguments.
func kindsHolder(kinds []string, from int) (string, []any) {
	args := make([]any, len(kinds))
	for i, k := range kinds {
		args[i] = k
	}
	return placeholders(from, len(kinds)), args
}

// periodWhere adds a bound on column to a query's conditions for each end
// of a period that is set, numbering its placeholders after args. An open
// end adds no condition at all, rather than a bound far in the past or
// future: PostgreSQL plans a prepared statement once for every call, and a
// range on unknown values makes it guess that a child's rows are a handful,
// which for a ten-year record picks a join that revisits the other table
// once a row.
func periodWhere(where []string, args []any, column string, from, to any, fromSet, toSet bool, toOp string) ([]string, []any) {
	if fromSet {
		args = append(args, from)
		where = append(where, column+" >= "+placeholders(len(args), 1))
	}
	if toSet {
		args = append(args, to)
		where = append(where, column+" "+toOp+" "+placeholders(len(args), 1))
	}
	return where, args
}

// ChronologyEvents reads a child's events for the chronology in one query:
// those of the significant kinds and those marked by hand, with their marks.
func (t *Tx) ChronologyEvents(childID int64, kinds []string, from, to time.Time) ([]csc.ChronologyEntry, error) {
	where, args := periodWhere([]string{"e.child_id = $1"}, []any{childID}, "e.at",
		from.UTC(), to.UTC(), !from.IsZero(), !to.IsZero(), "<")
	in, kargs := kindsHolder(kinds, len(args)+1)
	args = append(args, kargs...)
	rows, err := t.query(`SELECT e.id, e.at, e.kind, e.summary, COALESCE(s.name, ''), o.significant,
		COALESCE(o.impact, ''), COALESCE(o.version, 0)
		FROM event e LEFT JOIN chronology_override o ON o.event_id = e.id LEFT JOIN staff s ON s.id = e.staff_id
		WHERE `+strings.Join(where, " AND ")+` AND (e.kind IN (`+in+`) OR o.event_id IS NOT NULL)
		ORDER BY e.at, e.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.ChronologyEntry
	for rows.Next() {
		e := csc.ChronologyEntry{ChildID: childID}
		var sig sql.NullBool
		if err := rows.Scan(&e.EventID, scanTime{&e.At}, &e.Kind, &e.What, &e.By, &sig, &e.Impact, &e.Version); err != nil {
			return nil, err
		}
		e.Date = csc.DateOf(e.At)
		e.Significant = csc.SignificantKind(e.Kind)
		if sig.Valid {
			e.Significant = sig.Bool
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ChronologyManual reads a child's manual chronology entries, oldest first.
func (t *Tx) ChronologyManual(childID int64, from, to csc.Date) ([]csc.ChronologyEntry, error) {
	where, args := periodWhere([]string{"c.child_id = $1"}, []any{childID}, "c.entry_date",
		from, to, !from.IsZero(), !to.IsZero(), "<=")
	rows, err := t.query(`SELECT c.id, c.entry_date, c.what, c.source, c.significant, c.impact, COALESCE(s.name, ''),
		c.version FROM chronology_entry c LEFT JOIN staff s ON s.id = c.recorded_by
		WHERE `+strings.Join(where, " AND ")+` ORDER BY c.entry_date, c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.ChronologyEntry
	for rows.Next() {
		e := csc.ChronologyEntry{ChildID: childID, Kind: csc.KindManual}
		if err := rows.Scan(&e.EntryID, &e.Date, &e.What, &e.Source, &e.Significant, &e.Impact, &e.By, &e.Version); err != nil {
			return nil, err
		}
		e.At = csc.StepTime(e.Date)
		out = append(out, e)
	}
	return out, rows.Err()
}

// CreateChronologyEntry adds a manual entry.
func (t *Tx) CreateChronologyEntry(e *csc.ChronologyManualEntry) error {
	e.CreatedAt, e.Version = t.now, 1
	id, err := t.insert(`INSERT INTO chronology_entry (child_id, entry_date, what, source, significant, impact,
		recorded_by, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8) RETURNING id`,
		e.ChildID, e.Date, e.What, e.Source, e.Significant, e.Impact, nullID(e.RecordedByID), t.now)
	e.ID = id
	return mapErr(err)
}

// UpdateChronologyEntry saves a manual entry if the version is current.
func (t *Tx) UpdateChronologyEntry(e *csc.ChronologyManualEntry) error {
	err := t.updateVersioned("chronology_entry", e.ID, `UPDATE chronology_entry SET entry_date = $1, what = $2,
		source = $3, significant = $4, impact = $5, version = version + 1, updated_at = $6
		WHERE id = $7 AND version = $8`, e.Date, e.What, e.Source, e.Significant, e.Impact, t.now, e.ID, e.Version)
	if err == nil {
		e.Version++
	}
	return err
}

// FindChronologyEntryByID returns one manual entry.
func (t *Tx) FindChronologyEntryByID(id int64) (*csc.ChronologyManualEntry, error) {
	var e csc.ChronologyManualEntry
	err := t.queryRow(`SELECT c.id, c.child_id, c.entry_date, c.what, c.source, c.significant, c.impact, c.recorded_by,
		COALESCE(s.name, ''), c.created_at, c.version FROM chronology_entry c LEFT JOIN staff s ON s.id = c.recorded_by
		WHERE c.id = $1`, id).Scan(&e.ID, &e.ChildID, &e.Date, &e.What, &e.Source, &e.Significant, &e.Impact,
		scanID{&e.RecordedByID}, &e.RecordedBy, scanTime{&e.CreatedAt}, &e.Version)
	if err != nil {
		return nil, notFound(err, "chronology entry", id)
	}
	return &e, nil
}

// SaveChronologyOverride creates (Version 0) or updates an event's mark.
func (t *Tx) SaveChronologyOverride(o *csc.ChronologyOverride) error {
	if o.Version == 0 {
		_, err := t.exec(`INSERT INTO chronology_override (event_id, child_id, significant, impact, staff_id, version,
			updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6)`, o.EventID, o.ChildID, o.Significant, o.Impact,
			nullID(o.StaffID), t.now)
		if err != nil {
			if csc.ErrorKind(mapErr(err)) == csc.Conflict {
				return csc.Errorf(csc.Conflict, "This chronology entry was changed by someone else after you opened it.")
			}
			return err
		}
		o.Version = 1
		return nil
	}
	res, err := t.exec(`UPDATE chronology_override SET significant = $1, impact = $2, staff_id = $3,
		version = version + 1, updated_at = $4 WHERE event_id = $5 AND version = $6`,
		o.Significant, o.Impact, nullID(o.StaffID), t.now, o.EventID, o.Version)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return csc.Errorf(csc.Conflict, "This chronology entry was changed by someone else after you opened it.")
	}
	o.Version++
	return nil
}

// FindChronologyOverride returns an event's mark.
func (t *Tx) FindChronologyOverride(eventID int64) (*csc.ChronologyOverride, error) {
	var o csc.ChronologyOverride
	err := t.queryRow(`SELECT event_id, child_id, significant, impact, staff_id, version FROM chronology_override
		WHERE event_id = $1`, eventID).Scan(&o.EventID, &o.ChildID, &o.Significant, &o.Impact, scanID{&o.StaffID}, &o.Version)
	if err != nil {
		return nil, notFound(err, "chronology mark for event", eventID)
	}
	return &o, nil
}

// FindEventByID returns one timeline event.
func (t *Tx) FindEventByID(id int64) (*csc.Event, error) {
	var e csc.Event
	err := t.queryRow(`SELECT e.id, e.child_id, e.at, e.kind, e.summary, e.subject_type, e.subject_id, e.staff_id,
		COALESCE(s.name, '') FROM event e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.id = $1`, id).
		Scan(&e.ID, &e.ChildID, scanTime{&e.At}, &e.Kind, &e.Summary, &e.SubjectType, &e.SubjectID, scanID{&e.StaffID}, &e.StaffName)
	if err != nil {
		return nil, notFound(err, "timeline event", id)
	}
	return &e, nil
}

// LatestSignificant is the instant of the child's newest significant
// chronology entry, zero when there is none.
func (t *Tx) LatestSignificant(childID int64, kinds []string) (time.Time, error) {
	in, kargs := kindsHolder(kinds, 2)
	var at time.Time
	var d csc.Date
	// The timeline's and the manual entries' latest are asked for at once.
	err := t.queryEach([]string{`SELECT MAX(e.at) FROM event e LEFT JOIN chronology_override o ON o.event_id = e.id
		WHERE e.child_id = $1 AND ((e.kind IN (` + in + `) AND o.event_id IS NULL) OR o.significant = TRUE)`,
		`SELECT MAX(entry_date) FROM chronology_entry WHERE child_id = $1 AND significant = TRUE`},
		[][]any{append([]any{childID}, kargs...), {childID}}, func(i int, rows Rows) error {
			if !rows.Next() {
				if err := rows.Err(); err != nil {
					return err
				}
				return sql.ErrNoRows
			}
			if i == 0 {
				return rows.Scan(scanTime{&at})
			}
			return rows.Scan(&d)
		})
	if err != nil {
		return time.Time{}, err
	}
	if !d.IsZero() && csc.StepTime(d).After(at) {
		at = csc.StepTime(d)
	}
	return at, nil
}

// CreateCaseSummary adds a new version of the summary.
func (t *Tx) CreateCaseSummary(s *csc.CaseSummary) error {
	if t.bulk && t.conn != nil {
		return t.holdCaseSummary(s)
	}
	var cur int
	if err := t.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM case_summary WHERE child_id = $1`, s.ChildID).Scan(&cur); err != nil {
		return err
	}
	if cur != s.Seq-1 {
		return csc.Errorf(csc.Conflict, "The case summary was rewritten by someone else after you opened it.")
	}
	if s.WrittenAt.IsZero() { // a bulk load may date a summary in the past
		s.WrittenAt = t.now
	}
	id, err := t.insert(`INSERT INTO case_summary (child_id, seq, text, written_by, written_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, s.ChildID, s.Seq, s.Text, nullID(s.WriterID), s.WrittenAt.UTC())
	if err != nil {
		if csc.ErrorKind(mapErr(err)) == csc.Conflict {
			return csc.Errorf(csc.Conflict, "The case summary was rewritten by someone else after you opened it.")
		}
		return err
	}
	s.ID = id
	return nil
}

// holdCaseSummary adds a version of the summary in a bulk load on
// PostgreSQL: the insert is held back with the others (pipeline.go), and its
// check that the version follows the last is made when it is sent.
func (t *Tx) holdCaseSummary(s *csc.CaseSummary) error {
	if s.WrittenAt.IsZero() {
		s.WrittenAt = t.now
	}
	id, err := t.nextID("case_summary")
	if err != nil {
		return err
	}
	s.ID = id
	return t.hold(heldBack{query: `INSERT INTO case_summary (id, child_id, seq, text, written_by, written_at)
		SELECT $1, $2, $3, $4, $5, $6
		WHERE (SELECT COALESCE(MAX(seq), 0) FROM case_summary WHERE child_id = $2) = $7`,
		args: []any{id, s.ChildID, s.Seq, s.Text, nullID(s.WriterID), s.WrittenAt.UTC(), s.Seq - 1},
		check: func(n int64) error {
			if n == 1 {
				return nil
			}
			return csc.Errorf(csc.Conflict, "The case summary was rewritten by someone else after you opened it.")
		}})
}

// ListCaseSummaries returns the versions of a child's summary, newest first.
func (t *Tx) ListCaseSummaries(childID int64, limit int) ([]csc.CaseSummary, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := t.query(`SELECT c.id, c.child_id, c.seq, c.text, c.written_by, COALESCE(s.name, ''), c.written_at
		FROM case_summary c LEFT JOIN staff s ON s.id = c.written_by WHERE c.child_id = $1
		ORDER BY c.seq DESC LIMIT $2`, childID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.CaseSummary
	for rows.Next() {
		var s csc.CaseSummary
		if err := rows.Scan(&s.ID, &s.ChildID, &s.Seq, &s.Text, scanID{&s.WriterID}, &s.WrittenBy, scanTime{&s.WrittenAt}); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
