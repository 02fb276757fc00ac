package store

import (
	"strings"
	"sync"

	"cairn/internal/csc"
)

// CreateDocument files a document on a child's record.
func (t *Tx) CreateDocument(d *csc.Document) error {
	d.CreatedAt = t.now
	d.Size = len(d.Content)
	id, err := t.insert(`INSERT INTO document (child_id, kind, title, media_type, size, sha256, source_type,
		source_id, content, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		RETURNING id`, d.ChildID, d.Kind, d.Title, d.MediaType, d.Size, d.SHA256, d.SourceType, d.SourceID,
		d.Content, t.now, nullID(d.CreatedByID))
	d.ID = id
	return mapErr(err)
}

const documentColumns = `d.id, d.child_id, d.kind, d.title, d.media_type, d.size, d.sha256, d.source_type,
	d.source_id, d.created_at, d.created_by, COALESCE(s.name, '')`

func scanDocument(r rowScanner, d *csc.Document, extra ...any) error {
	return r.Scan(append([]any{&d.ID, &d.ChildID, &d.Kind, &d.Title, &d.MediaType, &d.Size, &d.SHA256,
		&d.SourceType, &d.SourceID, scanTime{&d.CreatedAt}, scanID{&d.CreatedByID}, &d.CreatedBy}, extra...)...)
}

// FindDocumentByID returns a document with its content.
func (t *Tx) FindDocumentByID(id int64) (*csc.Document, error) {
	var d csc.Document
	err := scanDocument(t.queryRow(`SELECT `+documentColumns+`, d.content FROM document d
		LEFT JOIN staff s ON s.id = d.created_by WHERE d.id = $1`, id), &d, &d.Content)
	if err != nil {
		return nil, notFound(err, "document", id)
	}
	return &d, nil
}

// ListDocuments returns a child's documents without content, newest first.
func (t *Tx) ListDocuments(childID int64) ([]csc.Document, error) {
	rows, err := t.query(`SELECT `+documentColumns+` FROM document d LEFT JOIN staff s ON s.id = d.created_by
		WHERE d.child_id = $1 ORDER BY d.created_at DESC, d.id DESC`, childID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Document
	for rows.Next() {
		var d csc.Document
		if err := scanDocument(rows, &d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CreateEvent adds an entry to a child's timeline; At defaults to now.
func (t *Tx) CreateEvent(e *csc.Event) error {
	if e.At.IsZero() {
		e.At = t.now
	}
	id, err := t.insert(`INSERT INTO event (child_id, at, kind, summary, subject_type, subject_id, staff_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, e.ChildID, e.At.UTC(), e.Kind, e.Summary,
		e.SubjectType, e.SubjectID, nullID(e.StaffID))
	e.ID = id
	return mapErr(err)
}

// ListEvents returns a child's timeline, newest first.
//
// The names of the staff who recorded the entries are asked for beside the
// entries, not joined to them: on PostgreSQL a join of a ten-year record's
// 500 entries to the staff table hashes every member of staff and sorts the
// entries again after, three times the cost of the entries read in their
// index's order plus the few names they need (BENCHMARKS.md, issue 4).
func (t *Tx) ListEvents(childID int64, limit int) ([]csc.Event, error) {
	if limit <= 0 {
		limit = 200
	}
	var out []csc.Event
	names := map[int64]string{}
	err := t.queryEach([]string{`SELECT id, child_id, at, kind, summary, subject_type, subject_id, staff_id
		FROM event WHERE child_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
		`SELECT s.id, s.name FROM staff s WHERE s.id IN (SELECT e.staff_id FROM event e WHERE e.child_id = $1)`},
		[][]any{{childID, limit}, {childID}}, func(i int, rows Rows) error {
			for rows.Next() {
				if i == 1 {
					var id int64
					var name string
					if err := rows.Scan(&id, &name); err != nil {
						return err
					}
					names[id] = name
					continue
				}
				var e csc.Event
				if err := rows.Scan(&e.ID, &e.ChildID, scanTime{&e.At}, &e.Kind, &e.Summary, &e.SubjectType,
					&e.SubjectID, scanID{&e.StaffID}); err != nil {
					return err
				}
				out = append(out, e)
			}
			return rows.Err()
		})
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].StaffName = names[out[i].StaffID]
	}
	return out, nil
}

// maxAuditRowsPerInsert is the most audit rows one INSERT writes.
const maxAuditRowsPerInsert = 64

// CreateAudit appends rows to the audit trail, in order; At defaults to now.
//
// A page of the front-door queue audits fifty rows and the audit writer
// commits many pages' rows together, so the rows go in multi-row INSERTs:
// a statement of the largest power of two rows that fits, up to 64, then
// the next. Powers of two keep the statement texts few, so their prepared
// statements are reused.
func (t *Tx) CreateAudit(entries ...csc.AuditEntry) error {
	for len(entries) > 0 {
		n := 1
		for n*2 <= min(len(entries), maxAuditRowsPerInsert) {
			n *= 2
		}
		args := make([]any, 0, 8*n)
		for _, e := range entries[:n] {
			if e.At.IsZero() {
				e.At = t.now
			}
			args = append(args, e.At.UTC(), nullID(e.StaffID), e.Action, e.SubjectType, e.SubjectID, e.ChildID,
				string(e.Channel), e.Detail)
		}
		if err := t.later(auditInsert(n), args...); err != nil {
			return err
		}
		entries = entries[n:]
	}
	return nil
}

// auditInserts holds the INSERT text for each power of two rows.
var auditInserts sync.Map

// auditInsert returns the statement that inserts n audit rows.
func auditInsert(n int) string {
	if q, ok := auditInserts.Load(n); ok {
		return q.(string)
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO audit (at, staff_id, action, subject_type, subject_id, child_id, channel, detail) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(" + placeholders(8*i+1, 8) + ")")
	}
	q, _ := auditInserts.LoadOrStore(n, b.String())
	return q.(string)
}

// FindAudit returns audit rows for a child or a member of staff, newest
// first, with the total before paging.
func (t *Tx) FindAudit(q csc.AuditQuery) ([]csc.AuditEntry, int, error) {
	var where []string
	var args []any
	if q.ChildID != 0 {
		args = append(args, q.ChildID)
		where = append(where, `a.child_id = $`+itoa(len(args)))
	}
	if q.StaffID != 0 {
		args = append(args, q.StaffID)
		where = append(where, `a.staff_id = $`+itoa(len(args)))
	}
	w := ""
	if len(where) > 0 {
		w = ` WHERE ` + strings.Join(where, " AND ")
	}
	var total int
	if err := t.queryRow(`SELECT COUNT(*) FROM audit a`+w, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := q.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	args = append(args, limit, max(q.Offset, 0))
	rows, err := t.query(`SELECT a.id, a.at, a.staff_id, COALESCE(s.name, ''), a.action, a.subject_type,
		a.subject_id, a.child_id, a.channel, a.detail FROM audit a LEFT JOIN staff s ON s.id = a.staff_id`+
		w+` ORDER BY a.at DESC, a.id DESC LIMIT $`+itoa(len(args)-1)+` OFFSET $`+itoa(len(args)), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []csc.AuditEntry
	for rows.Next() {
		var e csc.AuditEntry
		var ch string
		if err := rows.Scan(&e.ID, scanTime{&e.At}, scanID{&e.StaffID}, &e.StaffName, &e.Action, &e.SubjectType,
			&e.SubjectID, &e.ChildID, &ch, &e.Detail); err != nil {
			return nil, 0, err
		}
		e.Channel = csc.Channel(ch)
		out = append(out, e)
	}
	return out, total, rows.Err()
}
