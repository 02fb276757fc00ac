package store

import (
	"strings"

	"cairn/internal/csc"
)

// MaxPersonID returns the highest person id, or 0 when there is nobody.
func (t *Tx) MaxPersonID() (int64, error) {
	var n int64
	err := t.queryRow(`SELECT COALESCE(MAX(id), 0) FROM person`).Scan(&n)
	return n, err
}

// LockChildren locks the person rows with ids from..to, in id order, until
// the transaction ends. On SQLite, whose one writer already takes every
// write in turn, it does nothing. On PostgreSQL two transactions recording
// for one child at once both replaced the child's clocks from facts read
// before the other committed, and the second failed on a clock id the first
// had just written again. The lock is FOR NO KEY UPDATE, which does not wait
// for the key-share locks that inserting rows that refer to a person take:
// FOR UPDATE made two such writers wait for each other.
func (t *Tx) LockChildren(from, to int64) error {
	if t.engine == SQLite {
		return nil
	}
	// Held back, the lock is taken in the round trip that reads the
	// children's clock facts, before the server reads them.
	return t.later(`SELECT id FROM person WHERE id BETWEEN $1 AND $2 ORDER BY id FOR NO KEY UPDATE`, from, to)
}

// ClockFacts loads, for the children with ids from..to, what the clock
// engine reads: date of birth, allocation, contacts, referrals and the
// dated steps of every part of the record. On PostgreSQL its queries go to
// the server together, in one round trip (see queryAll): one at a time they
// were some twenty round trips, most of the time it took to record a
// contact.
func (t *Tx) ClockFacts(from, to int64) ([]csc.ChildFacts, error) {
	queries := append([]string{childFactsQuery, contactFactsQuery, referralFactsQuery}, stepFactQueries...)
	var out []csc.ChildFacts
	index := map[int64]int{}
	err := t.queryAll(queries, []any{from, to}, func(i int, rows Rows) error {
		switch i {
		case 0:
			return childFacts(rows, &out, index)
		case 1:
			return contactFacts(rows, out, index)
		case 2:
			return referralFacts(rows, out, index)
		}
		return stepFacts(rows, out, index)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// childFactsQuery reads each child's date of birth and current allocation
// (the earliest, should there be two). The allocation is looked up child by
// child: joined, PostgreSQL's plan for a range of ids it does not yet know
// (the plan it keeps for a statement it has run often) read every
// allocation of the authority, 2 ms at 50,000 children, for every contact
// recorded.
const childFactsQuery = `SELECT p.id, p.date_of_birth,
		COALESCE((SELECT a.staff_id FROM allocation a WHERE a.child_id = p.id AND a.ended_at IS NULL ORDER BY a.id LIMIT 1), 0),
		COALESCE((SELECT a.team_id FROM allocation a WHERE a.child_id = p.id AND a.ended_at IS NULL ORDER BY a.id LIMIT 1), 0)
		FROM person p WHERE p.id BETWEEN $1 AND $2 AND p.kind <> 'adult' ORDER BY p.id`

// childFacts reads each child's date of birth and allocation.
func childFacts(rows Rows, out *[]csc.ChildFacts, index map[int64]int) error {
	for rows.Next() {
		var f csc.ChildFacts
		if err := rows.Scan(&f.ChildID, &f.DateOfBirth, &f.StaffID, &f.TeamID); err != nil {
			return err
		}
		index[f.ChildID] = len(*out)
		*out = append(*out, f)
	}
	return rows.Err()
}

// stepFactQueries read the dated steps of each part of the record for the
// children with ids between $1 and $2. Each part of the record registers
// its own in an init function beside its storage code. Every query returns
// the columns child_id, kind, subject, parent, date (a DATE), at (a
// DATETIME/TIMESTAMPTZ or NULL) and attr (TEXT, ” for none).
var stepFactQueries []string

// stepFacts reads the rows of one of stepFactQueries.
func stepFacts(rows Rows, out []csc.ChildFacts, index map[int64]int) error {
	for rows.Next() {
		var child int64
		var s csc.StepFact
		if err := rows.Scan(&child, &s.Kind, &s.Subject, &s.Parent, &s.Date, scanTime{&s.At}, &s.Attr); err != nil {
			return err
		}
		if i, ok := index[child]; ok {
			out[i].Steps = append(out[i].Steps, s)
		}
	}
	return rows.Err()
}

const contactFactsQuery = `SELECT child_id, id, received_at, decided_at, COALESCE(team_id, 0) FROM contact
		WHERE child_id BETWEEN $1 AND $2 ORDER BY child_id, received_at, id`

func contactFacts(rows Rows, out []csc.ChildFacts, index map[int64]int) error {
	for rows.Next() {
		var child int64
		var c csc.ContactFact
		if err := rows.Scan(&child, &c.ID, scanTime{&c.ReceivedAt}, scanTime{&c.DecidedAt}, &c.TeamID); err != nil {
			return err
		}
		if i, ok := index[child]; ok {
			out[i].Contacts = append(out[i].Contacts, c)
		}
	}
	return rows.Err()
}

const referralFactsQuery = `SELECT child_id, id, referral_date, closure_date FROM referral
		WHERE child_id BETWEEN $1 AND $2 ORDER BY child_id, referral_date, id`

func referralFacts(rows Rows, out []csc.ChildFacts, index map[int64]int) error {
	for rows.Next() {
		var child int64
		var r csc.ReferralFact
		if err := rows.Scan(&child, &r.ID, &r.Date, &r.Closed); err != nil {
			return err
		}
		if i, ok := index[child]; ok {
			out[i].Referrals = append(out[i].Referrals, r)
		}
	}
	return rows.Err()
}

// ReplaceClocks swaps the stored clocks of the given children for new ones.
// A clock that was already stored keeps its id, so a link to it stays good
// across the nightly recomputation.
func (t *Tx) ReplaceClocks(childIDs []int64, clocks []csc.ClockRecord) error {
	known := map[int64]map[string]int64{}
	for from := 0; from < len(childIDs); from += clockChunk {
		ids := childIDs[from:min(from+clockChunk, len(childIDs))]
		if err := t.clockIDs(ids, known); err != nil {
			return err
		}
		// The deletes and inserts wait for nothing: on PostgreSQL they go
		// in the transaction's pipeline, in order.
		in, args := idList(ids)
		if err := t.later(`DELETE FROM clock WHERE child_id IN (`+in+`)`, args...); err != nil {
			return err
		}
	}
	// Kept ids go in first: SQLite gives a new row the highest id plus one,
	// which could otherwise be a kept id that was just deleted.
	ordered := make([]csc.ClockRecord, 0, len(clocks))
	for _, c := range clocks {
		if _, ok := known[c.ChildID][c.Key]; ok {
			ordered = append(ordered, c)
		}
	}
	for _, c := range clocks {
		if _, ok := known[c.ChildID][c.Key]; !ok {
			ordered = append(ordered, c)
		}
	}
	for _, c := range ordered {
		args := []any{c.ChildID, c.Rule, c.Key, c.Subject, c.Seq, c.Started, nullTime(c.StartedAt), c.Due,
			c.DueAt.UTC(), c.Met, nullTime(c.MetAt), c.Stopped, nullID(c.TeamID), nullID(c.StaffID)}
		q := `INSERT INTO clock (child_id, rule_id, clock_key, subject_id, seq, started, started_at, due, due_at, met,
			met_at, stopped, team_id, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`
		if old, ok := known[c.ChildID][c.Key]; ok {
			// Ids reused here were handed out by the id sequence before, so
			// they can never collide with the new ones it hands out.
			q = `INSERT INTO clock (child_id, rule_id, clock_key, subject_id, seq, started, started_at, due, due_at, met,
			met_at, stopped, team_id, staff_id, id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`
			args = append(args, old)
		}
		if err := t.later(q, args...); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// clockChunk is how many children's clocks are read or deleted in one
// statement.
const clockChunk = 512

// clockIDs reads the stored clock ids of the given children into known,
// by child and clock key.
func (t *Tx) clockIDs(childIDs []int64, known map[int64]map[string]int64) error {
	for _, id := range childIDs {
		known[id] = map[string]int64{}
	}
	in, args := idList(childIDs)
	rows, err := t.query(`SELECT child_id, clock_key, id FROM clock WHERE child_id IN (`+in+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var child, id int64
		var k string
		if err := rows.Scan(&child, &k, &id); err != nil {
			return err
		}
		known[child][k] = id
	}
	return rows.Err()
}

const clockSelect = `SELECT c.id, c.child_id, p.given_name, p.family_name, p.restricted, c.rule_id, c.clock_key, c.subject_id, c.seq,
	c.started, c.started_at, c.due, c.due_at, c.met, c.met_at, c.stopped, COALESCE(c.team_id, 0), COALESCE(tm.name, ''),
	COALESCE(c.staff_id, 0), COALESCE(s.name, ''),
	e.reason_code, e.reason_text, e.recorded_by, rb.name, e.recorded_at, e.signed_off_by, sb.name, e.signed_off_at,
	e.sign_off_note, e.version
	FROM clock c JOIN person p ON p.id = c.child_id
	LEFT JOIN team tm ON tm.id = c.team_id LEFT JOIN staff s ON s.id = c.staff_id
	LEFT JOIN clock_explanation e ON e.child_id = c.child_id AND e.clock_key = c.clock_key
	LEFT JOIN staff rb ON rb.id = e.recorded_by LEFT JOIN staff sb ON sb.id = e.signed_off_by `

func scanClock(r rowScanner, c *csc.ClockRecord) error {
	var given, family string
	var code, text, note, rbName, sbName *string
	var rb, sb *int64
	var ver *int
	var e csc.ClockExplanation
	err := r.Scan(&c.ID, &c.ChildID, &given, &family, &c.Restricted, &c.Rule, &c.Key, &c.Subject, &c.Seq, &c.Started,
		scanTime{&c.StartedAt}, &c.Due, scanTime{&c.DueAt}, &c.Met, scanTime{&c.MetAt}, &c.Stopped, &c.TeamID,
		&c.TeamName, &c.StaffID, &c.StaffName, &code, &text, &rb, &rbName, scanTime{&e.RecordedAt}, &sb, &sbName,
		scanTime{&e.SignedOffAt}, &note, &ver)
	if err != nil {
		return err
	}
	c.ChildName = strings.TrimSpace(given + " " + family)
	if code != nil {
		e.ChildID, e.Key, e.ReasonCode, e.ReasonText, e.RecordedBy = c.ChildID, c.Key, *code, deref(text), *rb
		e.RecordedName, e.SignOffNote, e.Version = deref(rbName), deref(note), *ver
		if sb != nil {
			e.SignedOffBy, e.SignedOffName = *sb, deref(sbName)
		}
		c.Explanation = &e
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// FindClocks lists stored clocks, earliest due first.
func (t *Tx) FindClocks(q csc.ClockQuery) ([]csc.ClockRecord, error) {
	w, args := clockWhere(q)
	limit := q.Limit
	if limit <= 0 || limit > 100000 {
		limit = 1000
	}
	args = append(args, limit)
	rows, err := t.query(clockSelect+w+` ORDER BY c.due, c.due_at, c.child_id, c.id LIMIT $`+itoa(len(args)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.ClockRecord
	for rows.Next() {
		var c csc.ClockRecord
		if err := scanClock(rows, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CountClocks counts the stored clocks q matches, ignoring its limit. It
// reads the clock table alone, through the partial indexes on open clocks,
// so the navigation's count of due work costs one index range scan rather
// than loading every clock it counts.
func (t *Tx) CountClocks(q csc.ClockQuery) (int, error) {
	w, args := clockWhere(q)
	var n int
	err := t.queryRow(`SELECT COUNT(*) FROM clock c `+w, args...).Scan(&n)
	return n, err
}

// clockWhere is the WHERE clause (with its arguments) that selects the
// clocks q asks for.
func clockWhere(q csc.ClockQuery) (string, []any) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + itoa(len(args))
	}
	if q.ChildID != 0 {
		where = append(where, `c.child_id = `+arg(q.ChildID))
	}
	if q.StaffID != 0 {
		where = append(where, `c.staff_id = `+arg(q.StaffID))
	}
	if q.TeamID != 0 {
		where = append(where, `c.team_id = `+arg(q.TeamID))
	}
	if q.Open {
		where = append(where, `c.met IS NULL AND c.stopped IS NULL`)
	}
	if !q.DueFrom.IsZero() {
		where = append(where, `c.due >= `+arg(q.DueFrom))
	}
	if !q.DueTo.IsZero() {
		where = append(where, `c.due <= `+arg(q.DueTo))
	}
	if q.Rule != "" {
		where = append(where, `c.rule_id = `+arg(q.Rule))
	}
	if q.Unallocated {
		where = append(where, `c.staff_id IS NULL`)
	}
	if len(where) == 0 {
		return "", args
	}
	return `WHERE ` + strings.Join(where, " AND "), args
}

// FindClockByID returns one stored clock with its explanation.
func (t *Tx) FindClockByID(id int64) (*csc.ClockRecord, error) {
	var c csc.ClockRecord
	if err := scanClock(t.queryRow(clockSelect+`WHERE c.id = $1`, id), &c); err != nil {
		return nil, notFound(err, "clock", id)
	}
	return &c, nil
}

// SaveExplanation creates an explanation (Version 0) or, if the version is
// current, replaces its reason and sign-off.
func (t *Tx) SaveExplanation(e *csc.ClockExplanation) error {
	if e.Version == 0 {
		if e.RecordedAt.IsZero() {
			e.RecordedAt = t.now
		}
		_, err := t.exec(`INSERT INTO clock_explanation (child_id, clock_key, reason_code, reason_text, recorded_by,
			recorded_at, signed_off_by, signed_off_at, sign_off_note, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)`,
			e.ChildID, e.Key, e.ReasonCode, e.ReasonText, e.RecordedBy, e.RecordedAt.UTC(), nullID(e.SignedOffBy),
			nullTime(e.SignedOffAt), e.SignOffNote)
		if err != nil {
			if strings.Contains(mapErr(err).Error(), "already in use") {
				return csc.Errorf(csc.Conflict, "Someone else explained this clock after you opened it.")
			}
			return err
		}
		e.Version = 1
		return nil
	}
	var id int64
	if err := t.queryRow(`SELECT id FROM clock_explanation WHERE child_id = $1 AND clock_key = $2`, e.ChildID, e.Key).Scan(&id); err != nil {
		return notFound(err, "explanation for clock", e.Key)
	}
	err := t.updateVersioned("clock_explanation", id, `UPDATE clock_explanation SET reason_code = $1, reason_text = $2,
		recorded_by = $3, recorded_at = $4, signed_off_by = $5, signed_off_at = $6, sign_off_note = $7,
		version = version + 1 WHERE id = $8 AND version = $9`, e.ReasonCode, e.ReasonText, e.RecordedBy,
		e.RecordedAt.UTC(), nullID(e.SignedOffBy), nullTime(e.SignedOffAt), e.SignOffNote, id, e.Version)
	if err == nil {
		e.Version++
	}
	return err
}

// ListLocalSettings returns every dated change to local rules, oldest first.
func (t *Tx) ListLocalSettings() ([]csc.LocalSetting, error) {
	rows, err := t.query(`SELECT l.id, l.setting_key, l.value, l.valid_from, COALESCE(l.changed_by, 0),
		COALESCE(s.name, ''), l.changed_at, l.reason FROM local_setting l LEFT JOIN staff s ON s.id = l.changed_by
		ORDER BY l.valid_from, l.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.LocalSetting
	for rows.Next() {
		var l csc.LocalSetting
		if err := rows.Scan(&l.ID, &l.Key, &l.Value, &l.From, &l.ChangedBy, &l.ChangedByName,
			scanTime{&l.ChangedAt}, &l.Reason); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// CreateLocalSetting records a dated change to a local rule.
func (t *Tx) CreateLocalSetting(l *csc.LocalSetting) error {
	l.ChangedAt = t.now
	id, err := t.insert(`INSERT INTO local_setting (setting_key, value, valid_from, changed_by, changed_at, reason)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, l.Key, l.Value, l.From, nullID(l.ChangedBy), t.now, l.Reason)
	l.ID = id
	return mapErr(err)
}
