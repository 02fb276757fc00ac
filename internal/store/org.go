package store

import (
	"strconv"
	"time"

	"cairn/internal/csc"
)

func itoa(n int) string { return strconv.Itoa(n) }

// CreateDistrict inserts a district.
func (t *Tx) CreateDistrict(d *csc.District) error {
	id, err := t.insert(`INSERT INTO district (name) VALUES ($1) RETURNING id`, d.Name)
	d.ID = id
	return mapErr(err)
}

// ListDistricts returns the districts by name.
func (t *Tx) ListDistricts() ([]csc.District, error) {
	rows, err := t.query(`SELECT id, name FROM district ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.District
	for rows.Next() {
		var d csc.District
		if err := rows.Scan(&d.ID, &d.Name); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

const teamSelect = `SELECT t.id, t.name, t.kind, t.district_id, COALESCE(d.name, ''), t.active, t.version
	FROM team t LEFT JOIN district d ON d.id = t.district_id `

func scanTeam(r rowScanner, tm *csc.Team) error {
	var kind string
	err := r.Scan(&tm.ID, &tm.Name, &kind, scanID{&tm.DistrictID}, &tm.DistrictName, &tm.Active, &tm.Version)
	tm.Kind = csc.TeamKind(kind)
	return err
}

// CreateTeam inserts a team.
func (t *Tx) CreateTeam(tm *csc.Team) error {
	id, err := t.insert(`INSERT INTO team (name, kind, district_id, active, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, 1, $5, $5) RETURNING id`, tm.Name, string(tm.Kind), nullID(tm.DistrictID), tm.Active, t.now)
	if err != nil {
		return mapErr(err)
	}
	tm.ID, tm.Version = id, 1
	return nil
}

// UpdateTeam saves a team if its version is current.
func (t *Tx) UpdateTeam(tm *csc.Team) error {
	err := t.updateVersioned("team", tm.ID, `UPDATE team SET name = $1, kind = $2, district_id = $3,
		active = $4, version = version + 1, updated_at = $5 WHERE id = $6 AND version = $7`,
		tm.Name, string(tm.Kind), nullID(tm.DistrictID), tm.Active, t.now, tm.ID, tm.Version)
	if err == nil {
		tm.Version++
	}
	return err
}

// FindTeamByID returns one team.
func (t *Tx) FindTeamByID(id int64) (*csc.Team, error) {
	var tm csc.Team
	if err := scanTeam(t.queryRow(teamSelect+`WHERE t.id = $1`, id), &tm); err != nil {
		return nil, notFound(err, "team", id)
	}
	return &tm, nil
}

// ListTeams returns every team by name.
func (t *Tx) ListTeams() ([]csc.Team, error) {
	rows, err := t.query(teamSelect + `ORDER BY t.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Team
	for rows.Next() {
		var tm csc.Team
		if err := scanTeam(rows, &tm); err != nil {
			return nil, err
		}
		out = append(out, tm)
	}
	return out, rows.Err()
}

const staffColumns = `s.id, s.username, s.name, s.email, s.role, s.team_id, COALESCE(t.name, ''),
	COALESCE(t.district_id, 0), s.employment, s.registration, s.active, s.expires_at, s.demo,
	s.last_sign_in, s.version, s.password_hash`

const staffSelect = `SELECT ` + staffColumns + ` FROM staff s LEFT JOIN team t ON t.id = s.team_id `

func scanStaff(r rowScanner, s *csc.Staff, hash *string) error {
	var role, emp string
	err := r.Scan(&s.ID, &s.Username, &s.Name, &s.Email, &role, scanID{&s.TeamID}, &s.TeamName,
		&s.DistrictID, &emp, &s.Registration, &s.Active, scanTime{&s.ExpiresAt}, &s.Demo,
		scanTime{&s.LastSignIn}, &s.Version, hash)
	s.Role, s.Employment = csc.Role(role), csc.Employment(emp)
	return err
}

// CreateStaff inserts a staff account with its password hash.
func (t *Tx) CreateStaff(s *csc.Staff, passwordHash string) error {
	id, err := t.insert(`INSERT INTO staff (username, name, email, role, team_id, employment, registration,
		password_hash, active, expires_at, demo, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id`,
		s.Username, s.Name, s.Email, string(s.Role), nullID(s.TeamID), string(s.Employment),
		s.Registration, passwordHash, s.Active, nullTime(s.ExpiresAt), s.Demo, t.now)
	if err != nil {
		return mapErr(err)
	}
	s.ID, s.Version = id, 1
	return nil
}

// UpdateStaff saves an account's details (not its password) if current.
func (t *Tx) UpdateStaff(s *csc.Staff) error {
	err := t.updateVersioned("staff", s.ID, `UPDATE staff SET username = $1, name = $2, email = $3,
		role = $4, team_id = $5, employment = $6, registration = $7, active = $8, expires_at = $9,
		version = version + 1, updated_at = $10 WHERE id = $11 AND version = $12`,
		s.Username, s.Name, s.Email, string(s.Role), nullID(s.TeamID), string(s.Employment),
		s.Registration, s.Active, nullTime(s.ExpiresAt), t.now, s.ID, s.Version)
	if err == nil {
		s.Version++
	}
	return err
}

// SetPassword replaces an account's password hash and signs it out everywhere.
func (t *Tx) SetPassword(staffID int64, passwordHash string) error {
	if _, err := t.exec(`UPDATE staff SET password_hash = $1, updated_at = $2 WHERE id = $3`,
		passwordHash, t.now, staffID); err != nil {
		return err
	}
	_, err := t.exec(`DELETE FROM session WHERE staff_id = $1`, staffID)
	return err
}

// FindStaffByID returns one account.
func (t *Tx) FindStaffByID(id int64) (*csc.Staff, error) {
	var s csc.Staff
	var hash string
	if err := scanStaff(t.queryRow(staffSelect+`WHERE s.id = $1`, id), &s, &hash); err != nil {
		return nil, notFound(err, "member of staff", id)
	}
	return &s, nil
}

// FindStaffByUsername returns an account and its password hash.
func (t *Tx) FindStaffByUsername(username string) (*csc.Staff, string, error) {
	var s csc.Staff
	var hash string
	if err := scanStaff(t.queryRow(staffSelect+`WHERE s.username = $1`, username), &s, &hash); err != nil {
		return nil, "", notFound(err, "account", "with that username")
	}
	return &s, hash, nil
}

// ListStaff returns the staff of a team, or everyone when teamID is 0.
func (t *Tx) ListStaff(teamID int64) ([]csc.Staff, error) {
	if teamID == 0 {
		return t.listStaff(`ORDER BY s.name`)
	}
	return t.listStaff(`WHERE s.team_id = $1 ORDER BY s.name`, teamID)
}

func (t *Tx) listStaff(where string, args ...any) ([]csc.Staff, error) {
	rows, err := t.query(staffSelect+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Staff
	for rows.Next() {
		var s csc.Staff
		var hash string
		if err := scanStaff(rows, &s, &hash); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// RecordSignIn notes when an account last signed in.
func (t *Tx) RecordSignIn(staffID int64) error {
	_, err := t.exec(`UPDATE staff SET last_sign_in = $1 WHERE id = $2`, t.now, staffID)
	return err
}

// CreateSession stores a sign-in session under the hash of its token.
func (t *Tx) CreateSession(tokenHash string, staffID int64, expires time.Time) error {
	if _, err := t.exec(`DELETE FROM session WHERE expires_at < $1`, t.now); err != nil {
		return err
	}
	_, err := t.exec(`INSERT INTO session (token_hash, staff_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, staffID, t.now, expires.UTC())
	return mapErr(err)
}

// FindSession returns the account behind a live session and when it
// expires, in one query: every page request makes it.
func (t *Tx) FindSession(tokenHash string) (*csc.Staff, time.Time, error) {
	var s csc.Staff
	var hash string
	var expires time.Time
	err := scanStaff(withExtra{t.queryRow(`SELECT `+staffColumns+`, ss.expires_at
		FROM session ss JOIN staff s ON s.id = ss.staff_id LEFT JOIN team t ON t.id = s.team_id
		WHERE ss.token_hash = $1 AND ss.expires_at > $2`, tokenHash, t.now), scanTime{&expires}}, &s, &hash)
	if err != nil {
		return nil, time.Time{}, notFound(err, "session", "")
	}
	return &s, expires, nil
}

// DeleteSession ends a session.
func (t *Tx) DeleteSession(tokenHash string) error {
	_, err := t.exec(`DELETE FROM session WHERE token_hash = $1`, tokenHash)
	return err
}

// CreateToken stores an API token under its hash.
func (t *Tx) CreateToken(tokenHash string, staffID int64, name string, expires time.Time) error {
	_, err := t.exec(`INSERT INTO api_token (token_hash, staff_id, name, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5)`, tokenHash, staffID, name, t.now, nullTime(expires))
	return mapErr(err)
}

// FindToken returns the account behind a live, unrevoked API token.
func (t *Tx) FindToken(tokenHash string) (*csc.Staff, error) {
	var staffID int64
	err := t.queryRow(`SELECT staff_id FROM api_token WHERE token_hash = $1 AND revoked_at IS NULL
		AND (expires_at IS NULL OR expires_at > $2)`, tokenHash, t.now).Scan(&staffID)
	if err != nil {
		return nil, notFound(err, "token", "")
	}
	return t.FindStaffByID(staffID)
}

// CreateAllocation puts a child on a worker's caseload.
func (t *Tx) CreateAllocation(a *csc.Allocation) error {
	if a.StartedAt.IsZero() {
		a.StartedAt = t.now
	}
	id, err := t.insert(`INSERT INTO allocation (child_id, staff_id, team_id, started_at, ended_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, a.ChildID, a.StaffID, a.TeamID, a.StartedAt.UTC(), nullTime(a.EndedAt))
	a.ID = id
	return mapErr(err)
}

// EndAllocation ends a child's current allocation, if any.
func (t *Tx) EndAllocation(childID int64, at time.Time) error {
	_, err := t.exec(`UPDATE allocation SET ended_at = $1 WHERE child_id = $2 AND ended_at IS NULL`, at.UTC(), childID)
	return err
}

const allocationSelect = `SELECT a.id, a.child_id, a.staff_id, s.name, a.team_id, tm.name, a.started_at,
	COALESCE(tm.district_id, 0)
	FROM allocation a JOIN staff s ON s.id = a.staff_id JOIN team tm ON tm.id = a.team_id `

func scanAllocation(r rowScanner, a *csc.Allocation) error {
	return r.Scan(&a.ID, &a.ChildID, &a.StaffID, &a.StaffName, &a.TeamID, &a.TeamName, scanTime{&a.StartedAt},
		&a.TeamDistrictID)
}

// CurrentAllocation returns a child's open allocation, or NotFound.
func (t *Tx) CurrentAllocation(childID int64) (*csc.Allocation, error) {
	var a csc.Allocation
	err := scanAllocation(t.queryRow(allocationSelect+`WHERE a.child_id = $1 AND a.ended_at IS NULL
		ORDER BY a.started_at DESC, a.id DESC LIMIT 1`, childID), &a)
	if err != nil {
		return nil, notFound(err, "allocation for child", childID)
	}
	return &a, nil
}

// CurrentAllocations returns the open allocations of the given children in
// one query, by child id; an unallocated child has no entry. Where a child
// has two open allocations the latest started is kept, as CurrentAllocation
// returns it.
func (t *Tx) CurrentAllocations(childIDs []int64) (map[int64]*csc.Allocation, error) {
	if len(childIDs) == 0 {
		return map[int64]*csc.Allocation{}, nil
	}
	list, args := idList(childIDs)
	return t.openAllocations(`a.child_id IN (`+list+`)`, len(childIDs), args...)
}

// CurrentAllocationsBetween returns the open allocations of the children
// with ids in [fromID, toID] in one query, as CurrentAllocations does.
func (t *Tx) CurrentAllocationsBetween(fromID, toID int64) (map[int64]*csc.Allocation, error) {
	return t.openAllocations(`a.child_id BETWEEN $1 AND $2`, 0, fromID, toID)
}

// openAllocations reads the open allocations matching where, the latest
// started of each child's.
func (t *Tx) openAllocations(where string, size int, args ...any) (map[int64]*csc.Allocation, error) {
	out := make(map[int64]*csc.Allocation, size)
	rows, err := t.query(allocationSelect+`WHERE `+where+` AND a.ended_at IS NULL
		ORDER BY a.child_id, a.started_at DESC, a.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a csc.Allocation
		if err := scanAllocation(rows, &a); err != nil {
			return nil, err
		}
		if _, seen := out[a.ChildID]; !seen {
			out[a.ChildID] = &a
		}
	}
	return out, rows.Err()
}
