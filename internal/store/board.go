package store

import (
	"strings"

	"cairn/internal/csc"
)

const boardColumns = `id, name, kind, members, active, created_at, version FROM board`

func scanBoard(r rowScanner, b *csc.Board) error {
	return r.Scan(&b.ID, &b.Name, &b.Kind, scanJSON{&b.Members}, &b.Active, scanTime{&b.CreatedAt}, &b.Version)
}

// CreateBoard inserts a board; a name already used is a Conflict.
func (t *Tx) CreateBoard(b *csc.Board) error {
	b.CreatedAt, b.Version = t.now, 1
	id, err := t.insert(`INSERT INTO board (name, kind, members, active, version, created_at)
		VALUES ($1, $2, $3, $4, 1, $5) RETURNING id`, b.Name, b.Kind, jsonText(b.Members), b.Active, t.now)
	b.ID = id
	return mapErr(err)
}

// UpdateBoard saves a board if its version is current.
func (t *Tx) UpdateBoard(b *csc.Board) error {
	err := t.updateVersioned("board", b.ID, `UPDATE board SET name = $1, kind = $2, members = $3, active = $4,
		version = version + 1 WHERE id = $5 AND version = $6`, b.Name, b.Kind, jsonText(b.Members), b.Active, b.ID, b.Version)
	if err == nil {
		b.Version++
	}
	return err
}

// FindBoardByID returns a board.
func (t *Tx) FindBoardByID(id int64) (*csc.Board, error) {
	var b csc.Board
	if err := scanBoard(t.queryRow(`SELECT `+boardColumns+` WHERE id = $1`, id), &b); err != nil {
		return nil, notFound(err, "board", id)
	}
	return &b, nil
}

// ListBoards returns every board, active ones first, by name.
func (t *Tx) ListBoards() ([]csc.Board, error) {
	rows, err := t.query(`SELECT ` + boardColumns + ` ORDER BY active DESC, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Board
	for rows.Next() {
		var b csc.Board
		if err := scanBoard(rows, &b); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

const meetingColumns = `m.id, m.board_id, b.name, b.kind, m.meeting_date, m.status, m.location, m.minutes, m.attendees,
	m.created_at, m.version FROM board_meeting m JOIN board b ON b.id = m.board_id`

func scanMeeting(r rowScanner, m *csc.Meeting) error {
	return r.Scan(&m.ID, &m.BoardID, &m.BoardName, &m.BoardKind, &m.Date, &m.Status, &m.Location, &m.Minutes,
		scanJSON{&m.Attendees}, scanTime{&m.CreatedAt}, &m.Version)
}

// CreateMeeting inserts a meeting; a second meeting of the board on the
// same day is a Conflict.
func (t *Tx) CreateMeeting(m *csc.Meeting) error {
	m.CreatedAt, m.Version = t.now, 1
	id, err := t.insert(`INSERT INTO board_meeting (board_id, meeting_date, status, location, minutes, attendees,
		version, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7) RETURNING id`,
		m.BoardID, m.Date, m.Status, m.Location, m.Minutes, jsonText(m.Attendees), t.now)
	m.ID = id
	return mapErr(err)
}

// UpdateMeeting saves a meeting's own fields if its version is current.
func (t *Tx) UpdateMeeting(m *csc.Meeting) error {
	err := t.updateVersioned("board_meeting", m.ID, `UPDATE board_meeting SET meeting_date = $1, status = $2,
		location = $3, minutes = $4, attendees = $5, version = version + 1 WHERE id = $6 AND version = $7`,
		m.Date, m.Status, m.Location, m.Minutes, jsonText(m.Attendees), m.ID, m.Version)
	if err == nil {
		m.Version++
	}
	return err
}

// FindMeetingByID returns a meeting with its agenda in order, each item
// with its reports.
func (t *Tx) FindMeetingByID(id int64) (*csc.Meeting, error) {
	var m csc.Meeting
	if err := scanMeeting(t.queryRow(`SELECT `+meetingColumns+` WHERE m.id = $1`, id), &m); err != nil {
		return nil, notFound(err, "meeting", id)
	}
	rows, err := t.query(`SELECT id, meeting_id, position, title, presenter, minutes, version FROM board_agenda_item
		WHERE meeting_id = $1 ORDER BY position, id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var it csc.AgendaItem
		if err := rows.Scan(&it.ID, &it.MeetingID, &it.Position, &it.Title, &it.Presenter, &it.Minutes, &it.Version); err != nil {
			return nil, err
		}
		m.Agenda = append(m.Agenda, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range m.Agenda {
		if m.Agenda[i].Reports, err = t.ListImprovementDocuments(csc.SubjectAgendaItem, m.Agenda[i].ID); err != nil {
			return nil, err
		}
	}
	return &m, nil
}

// ListMeetings returns a board's meetings, newest first.
func (t *Tx) ListMeetings(boardID int64) ([]csc.Meeting, error) {
	rows, err := t.query(`SELECT `+meetingColumns+` WHERE m.board_id = $1 ORDER BY m.meeting_date DESC`, boardID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Meeting
	for rows.Next() {
		var m csc.Meeting
		if err := scanMeeting(rows, &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CreateAgendaItem inserts an agenda item at the position it gives.
func (t *Tx) CreateAgendaItem(it *csc.AgendaItem) error {
	it.Version = 1
	id, err := t.insert(`INSERT INTO board_agenda_item (meeting_id, position, title, presenter, minutes, version)
		VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`, it.MeetingID, it.Position, it.Title, it.Presenter, it.Minutes)
	it.ID = id
	return mapErr(err)
}

// UpdateAgendaItem saves an agenda item if its version is current.
func (t *Tx) UpdateAgendaItem(it *csc.AgendaItem) error {
	err := t.updateVersioned("board_agenda_item", it.ID, `UPDATE board_agenda_item SET position = $1, title = $2,
		presenter = $3, minutes = $4, version = version + 1 WHERE id = $5 AND version = $6`,
		it.Position, it.Title, it.Presenter, it.Minutes, it.ID, it.Version)
	if err == nil {
		it.Version++
	}
	return err
}

// resolutionColumns reads a resolution with its due date resolved: a date
// set, or the date of the board's first meeting after the meeting its
// "next meeting" counts from.
const resolutionColumns = `r.id, r.board_id, b.name, r.meeting_id, m.meeting_date, COALESCE(r.agenda_item_id, 0), r.text,
	r.owner_id, COALESCE(o.name, ''), COALESCE(r.due, nm.meeting_date), r.by_next_meeting, COALESCE(nm.id, 0),
	r.due_from_meeting_id, r.status, r.status_note, r.closed_on, COALESCE(r.recorded_by, 0), r.created_at, r.version
	FROM board_resolution r
	JOIN board b ON b.id = r.board_id
	JOIN board_meeting m ON m.id = r.meeting_id
	LEFT JOIN staff o ON o.id = r.owner_id
	LEFT JOIN board_meeting nm ON r.by_next_meeting AND r.due IS NULL AND nm.id = (
		SELECT n.id FROM board_meeting n JOIN board_meeting f ON f.id = r.due_from_meeting_id
		WHERE n.board_id = r.board_id AND n.meeting_date > f.meeting_date ORDER BY n.meeting_date LIMIT 1)`

func scanResolution(r rowScanner, x *csc.Resolution) error {
	return r.Scan(&x.ID, &x.BoardID, &x.BoardName, &x.MeetingID, &x.MeetingDate, &x.AgendaItemID, &x.Text,
		&x.OwnerID, &x.OwnerName, &x.Due, &x.ByNextMeeting, &x.DueMeetingID, &x.DueFromMeetingID, &x.Status,
		&x.StatusNote, &x.ClosedOn, &x.RecordedByID, scanTime{&x.CreatedAt}, &x.Version)
}

// CreateResolution inserts a resolution. Its Due is stored only when it is
// not due by the next meeting.
func (t *Tx) CreateResolution(r *csc.Resolution) error {
	r.CreatedAt, r.Version = t.now, 1
	id, err := t.insert(`INSERT INTO board_resolution (board_id, meeting_id, agenda_item_id, text, owner_id, due,
		by_next_meeting, due_from_meeting_id, status, status_note, closed_on, recorded_by, version, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13) RETURNING id`,
		r.BoardID, r.MeetingID, nullID(r.AgendaItemID), r.Text, r.OwnerID, storedDue(r), r.ByNextMeeting,
		r.DueFromMeetingID, r.Status, r.StatusNote, r.ClosedOn, nullID(r.RecordedByID), t.now)
	r.ID = id
	if err != nil {
		return mapErr(err)
	}
	return t.SetResolutionLinks(r.ID, r.ActionIDs, r.FindingIDs)
}

// SetResolutionLinks replaces a resolution's links to improvement actions
// and inspection findings.
func (t *Tx) SetResolutionLinks(id int64, actionIDs, findingIDs []int64) error {
	for _, link := range []struct {
		table, column string
		ids           []int64
	}{{"board_resolution_action", "action_id", actionIDs}, {"board_resolution_finding", "finding_id", findingIDs}} {
		if _, err := t.exec(`DELETE FROM `+link.table+` WHERE resolution_id = $1`, id); err != nil {
			return err
		}
		for _, x := range link.ids {
			if _, err := t.exec(`INSERT INTO `+link.table+` (resolution_id, `+link.column+`) VALUES ($1, $2)`, id, x); err != nil {
				return mapErr(err)
			}
		}
	}
	return nil
}

// loadResolutionLinks fills in the actions and findings the resolutions
// are linked to.
func (t *Tx) loadResolutionLinks(rs []csc.Resolution) error {
	if len(rs) == 0 {
		return nil
	}
	at := map[int64]*csc.Resolution{}
	ids := make([]int64, len(rs))
	for i := range rs {
		at[rs[i].ID], ids[i] = &rs[i], rs[i].ID
	}
	in, args := idList(ids)
	rows, err := t.query(`SELECT resolution_id, 'action', action_id FROM board_resolution_action WHERE resolution_id IN (`+in+`)
		UNION ALL SELECT resolution_id, 'finding', finding_id FROM board_resolution_finding WHERE resolution_id IN (`+in+`)
		ORDER BY 1, 2, 3`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var rid, x int64
		var kind string
		if err := rows.Scan(&rid, &kind, &x); err != nil {
			return err
		}
		if r := at[rid]; kind == "action" {
			r.ActionIDs = append(r.ActionIDs, x)
		} else {
			r.FindingIDs = append(r.FindingIDs, x)
		}
	}
	return rows.Err()
}

// storedDue is the due date a resolution stores: none when it is due by
// the next meeting, which is resolved when read.
func storedDue(r *csc.Resolution) csc.Date {
	if r.ByNextMeeting {
		return csc.Date{}
	}
	return r.Due
}

// UpdateResolution saves a resolution's status and due date if its version
// is current.
func (t *Tx) UpdateResolution(r *csc.Resolution) error {
	err := t.updateVersioned("board_resolution", r.ID, `UPDATE board_resolution SET owner_id = $1, due = $2,
		by_next_meeting = $3, due_from_meeting_id = $4, status = $5, status_note = $6, closed_on = $7,
		version = version + 1 WHERE id = $8 AND version = $9`,
		r.OwnerID, storedDue(r), r.ByNextMeeting, r.DueFromMeetingID, r.Status, r.StatusNote, r.ClosedOn, r.ID, r.Version)
	if err == nil {
		r.Version++
	}
	return err
}

// CreateResolutionUpdate records a change of a resolution's status.
func (t *Tx) CreateResolutionUpdate(u *csc.ResolutionUpdate) error {
	u.RecordedAt = t.now
	id, err := t.insert(`INSERT INTO board_resolution_update (resolution_id, status, note, on_date, meeting_id, due,
		recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		u.ResolutionID, u.Status, u.Note, u.On, nullID(u.MeetingID), u.Due, nullID(u.RecordedByID), t.now)
	u.ID = id
	return mapErr(err)
}

// FindResolutionByID returns a resolution with its history.
func (t *Tx) FindResolutionByID(id int64) (*csc.Resolution, error) {
	var r csc.Resolution
	if err := scanResolution(t.queryRow(`SELECT `+resolutionColumns+` WHERE r.id = $1`, id), &r); err != nil {
		return nil, notFound(err, "resolution", id)
	}
	rows, err := t.query(`SELECT u.id, u.resolution_id, u.status, u.note, u.on_date, COALESCE(u.meeting_id, 0), m.meeting_date,
		u.due, COALESCE(u.recorded_by, 0), COALESCE(s.name, ''), u.recorded_at FROM board_resolution_update u
		LEFT JOIN staff s ON s.id = u.recorded_by LEFT JOIN board_meeting m ON m.id = u.meeting_id
		WHERE u.resolution_id = $1 ORDER BY u.recorded_at, u.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var u csc.ResolutionUpdate
		if err := rows.Scan(&u.ID, &u.ResolutionID, &u.Status, &u.Note, &u.On, &u.MeetingID, &u.MeetingDate, &u.Due, &u.RecordedByID,
			&u.RecordedBy, scanTime{&u.RecordedAt}); err != nil {
			return nil, err
		}
		r.Updates = append(r.Updates, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	one := []csc.Resolution{r}
	if err := t.loadResolutionLinks(one); err != nil {
		return nil, err
	}
	return &one[0], nil
}

// FindResolutions returns the resolutions q matches, oldest meeting first.
func (t *Tx) FindResolutions(q csc.ResolutionQuery) ([]csc.Resolution, error) {
	var where []string
	var args []any
	arg := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+itoa(len(args))))
	}
	if q.BoardID != 0 {
		arg("r.board_id = ?", q.BoardID)
	}
	if q.MeetingID != 0 {
		arg("r.meeting_id = ?", q.MeetingID)
	}
	if q.OwnerID != 0 {
		arg("r.owner_id = ?", q.OwnerID)
	}
	if !q.Before.IsZero() {
		arg("m.meeting_date < ?", q.Before)
	}
	if !q.OutstandingOn.IsZero() {
		arg("(r.status IN ('open', 'carried_forward') OR r.closed_on >= ?)", q.OutstandingOn)
	}
	if q.Outstanding {
		where = append(where, "r.status IN ('open', 'carried_forward')")
	}
	query := `SELECT ` + resolutionColumns
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := t.query(query+` ORDER BY m.meeting_date, r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Resolution
	for rows.Next() {
		var r csc.Resolution
		if err := scanResolution(rows, &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, t.loadResolutionLinks(out)
}
