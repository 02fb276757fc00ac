package store

import (
	"database/sql"
	"sort"
	"strings"

	"cairn/internal/csc"
)

const personColumns = `p.id, p.kind, p.given_name, p.family_name, p.other_names, p.date_of_birth,
	p.expected_dob, p.date_of_death, p.sex, p.gender_identity, p.ethnicity, p.first_language,
	p.interpreter_needed, p.religion, p.sexual_orientation, p.identity_notes, p.nhs_number, p.upn,
	p.address, p.postcode, p.address_confidential, p.restricted, p.restriction_reason, p.version,
	p.created_at, p.updated_at`

type rowScanner interface{ Scan(dest ...any) error }

func scanPerson(r rowScanner, p *csc.Person) error {
	var sex, eth, nhs, upn, pc string
	err := r.Scan(&p.ID, &p.Kind, &p.GivenName, &p.FamilyName, &p.OtherNames, &p.DateOfBirth,
		&p.ExpectedDateOfBirth, &p.DateOfDeath, &sex, &p.GenderIdentity, &eth, &p.FirstLanguage,
		&p.InterpreterNeeded, &p.Religion, &p.SexualOrientation, &p.IdentityNotes, &nhs, &upn,
		&p.Address, &pc, &p.AddressConfidential, &p.Restricted, &p.RestrictionReason, &p.Version,
		scanTime{&p.CreatedAt}, scanTime{&p.UpdatedAt})
	p.Sex, p.Ethnicity, p.NHSNumber = csc.SexCode(sex), csc.EthnicityCode(eth), csc.NHSNumber(nhs)
	p.UPN, p.Postcode = csc.UPN(upn), csc.Postcode(pc)
	return err
}

// CreatePerson inserts a person with their disabilities and search keys.
func (t *Tx) CreatePerson(p *csc.Person) error {
	if p.CreatedAt.IsZero() {
		p.CreatedAt = t.now
	}
	p.UpdatedAt, p.Version = p.CreatedAt, 1
	id, err := t.insert(`INSERT INTO person (kind, given_name, family_name, other_names, date_of_birth,
		expected_dob, date_of_death, sex, gender_identity, ethnicity, first_language, interpreter_needed,
		religion, sexual_orientation, identity_notes, nhs_number, upn, address, postcode,
		address_confidential, restricted, restriction_reason, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
		$20, $21, $22, 1, $23, $23) RETURNING id`,
		p.Kind, p.GivenName, p.FamilyName, p.OtherNames, p.DateOfBirth, p.ExpectedDateOfBirth,
		p.DateOfDeath, string(p.Sex), p.GenderIdentity, string(p.Ethnicity), p.FirstLanguage,
		p.InterpreterNeeded, p.Religion, p.SexualOrientation, p.IdentityNotes, string(p.NHSNumber),
		string(p.UPN), p.Address, string(p.Postcode), p.AddressConfidential, p.Restricted,
		p.RestrictionReason, p.CreatedAt.UTC())
	if err != nil {
		return mapErr(err)
	}
	p.ID = id
	return t.writePersonDetails(p, false)
}

// UpdatePerson saves every field of p if its version is still current.
func (t *Tx) UpdatePerson(p *csc.Person) error {
	err := t.updateVersioned("person", p.ID, `UPDATE person SET kind = $1, given_name = $2,
		family_name = $3, other_names = $4, date_of_birth = $5, expected_dob = $6, date_of_death = $7,
		sex = $8, gender_identity = $9, ethnicity = $10, first_language = $11, interpreter_needed = $12,
		religion = $13, sexual_orientation = $14, identity_notes = $15, nhs_number = $16, upn = $17,
		address = $18, postcode = $19, address_confidential = $20, restricted = $21,
		restriction_reason = $22, version = version + 1, updated_at = $23
		WHERE id = $24 AND version = $25`,
		p.Kind, p.GivenName, p.FamilyName, p.OtherNames, p.DateOfBirth, p.ExpectedDateOfBirth,
		p.DateOfDeath, string(p.Sex), p.GenderIdentity, string(p.Ethnicity), p.FirstLanguage,
		p.InterpreterNeeded, p.Religion, p.SexualOrientation, p.IdentityNotes, string(p.NHSNumber),
		string(p.UPN), p.Address, string(p.Postcode), p.AddressConfidential, p.Restricted,
		p.RestrictionReason, t.now, p.ID, p.Version)
	if err != nil {
		return err
	}
	p.Version++
	p.UpdatedAt = t.now
	return t.writePersonDetails(p, true)
}

func (t *Tx) writePersonDetails(p *csc.Person, replace bool) error {
	if replace {
		if _, err := t.exec(`DELETE FROM person_disability WHERE person_id = $1`, p.ID); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM person_name_key WHERE person_id = $1`, p.ID); err != nil {
			return err
		}
	}
	for _, d := range p.Disabilities {
		if err := t.later(`INSERT INTO person_disability (person_id, code) VALUES ($1, $2)`, p.ID, string(d)); err != nil {
			return err
		}
	}
	for _, k := range csc.NameKeys(p.GivenName, p.FamilyName, p.OtherNames) {
		if err := t.later(`INSERT INTO person_name_key (person_id, name_key) VALUES ($1, $2)`, p.ID, k); err != nil {
			return err
		}
	}
	return nil
}

// FindPersonByID returns one person with their disabilities, read in one
// query: a row per disability code, or one row with no code.
func (t *Tx) FindPersonByID(id int64) (*csc.Person, error) {
	rows, err := t.query(`SELECT `+personColumns+`, d.code FROM person p
		LEFT JOIN person_disability d ON d.person_id = p.id WHERE p.id = $1 ORDER BY d.code`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var p csc.Person
	found := false
	for rows.Next() {
		var code sql.NullString
		if err := scanPerson(withExtra{rows, &code}, &p); err != nil {
			return nil, err
		}
		found = true
		if code.Valid {
			p.Disabilities = append(p.Disabilities, csc.DisabilityCode(code.String))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if !found {
		return nil, notFound(sql.ErrNoRows, "person", id)
	}
	return &p, nil
}

// withExtra scans a row with one more column after those its reader expects.
type withExtra struct {
	row   rowScanner
	extra any
}

func (w withExtra) Scan(dest ...any) error { return w.row.Scan(append(dest, w.extra)...) }

// FindPeopleByIDs returns the people with the given ids, in id order.
func (t *Tx) FindPeopleByIDs(ids []int64) ([]csc.Person, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, args := idList(ids)
	return t.findPeople(`SELECT `+personColumns+` FROM person p WHERE p.id IN (`+list+`) ORDER BY p.id`, args...)
}

func (t *Tx) findPeople(query string, args ...any) ([]csc.Person, error) {
	out, err := t.scanPeople(scanPerson, query, args...)
	if err != nil {
		return nil, err
	}
	ptrs := make([]*csc.Person, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, t.loadDisabilities(ptrs)
}

func (t *Tx) loadDisabilities(ps []*csc.Person) error {
	if len(ps) == 0 {
		return nil
	}
	byID := make(map[int64]*csc.Person, len(ps))
	ids := make([]int64, len(ps))
	for i, p := range ps {
		byID[p.ID] = p
		ids[i] = p.ID
	}
	list, args := idList(ids)
	rows, err := t.query(`SELECT person_id, code FROM person_disability WHERE person_id IN (`+list+
		`) ORDER BY person_id, code`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return err
		}
		byID[id].Disabilities = append(byID[id].Disabilities, csc.DisabilityCode(code))
	}
	return rows.Err()
}

// maxCandidates bounds how many people a search considers.
const maxCandidates = 500

// FindPeople returns candidates for a people search: everyone matching every
// word of the name (by spelling prefix or by sound) and every other field
// given, with the fields search ranks on filled in (see csc.PersonTx).
// Ranking is the service layer's job; at most 500 candidates return.
//
// People whose names match every word by spelling come first. The service
// ranks a spelling match above any sound-alike (every other field given is
// matched by every candidate alike), so when the spelling matches alone
// fill the page (q.Limit of them that anyone may see, or 500) the
// sound-alikes are not looked up at all: a common name's sound-alike key,
// shared by thousands of people at 50,000 children, is the most expensive
// part of a search.
func (t *Tx) FindPeople(q csc.PersonQuery) ([]csc.Person, error) {
	toks := csc.NameTokens(q.Name)
	if len(toks) == 0 {
		return t.findCandidates(q, nil, false)
	}
	exact, err := t.findCandidates(q, toks, false)
	if err != nil || len(exact) >= maxCandidates {
		return exact, err
	}
	open := 0
	for _, p := range exact {
		if !p.Restricted {
			open++
		}
	}
	if q.Limit > 0 && open >= q.Limit {
		return exact, nil
	}
	alike, err := t.findCandidates(q, toks, true)
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, len(exact))
	for _, p := range exact {
		seen[p.ID] = true
	}
	for _, p := range alike {
		if len(exact) == maxCandidates {
			break
		}
		if !seen[p.ID] {
			exact = append(exact, p)
		}
	}
	return exact, nil
}

// findCandidates runs one candidate query: name words matched by spelling
// prefix, or also by sound when soundAlike is set.
func (t *Tx) findCandidates(q csc.PersonQuery, toks []string, soundAlike bool) ([]csc.Person, error) {
	var with string
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + itoa(len(args))
	}
	// The people named are found first, on their own (MATERIALIZED), and
	// then read by id. Left to itself, PostgreSQL would rather walk every
	// person in id order, checking each against the name, until it had
	// the first 500: it reckons that cheaper than looking up each person
	// named, and for a common name (1,164 people at 50,000 children) it
	// reads 38,000 people, 23 ms where looking them up takes 3 ms. For a
	// rare name it would do the same with a plan made for any name, which
	// is why the query is planned for the name given (planEachTime).
	if len(toks) > 0 {
		var sets []string
		for _, tok := range toks {
			set := `SELECT person_id FROM person_name_key WHERE (name_key >= ` + arg("="+tok) +
				` AND name_key < ` + arg("="+tok+"\x7f") + `)`
			if soundAlike {
				set += ` OR name_key = ` + arg("~"+csc.SoundKey(tok))
			}
			sets = append(sets, set)
		}
		with = `WITH named AS MATERIALIZED (` + strings.Join(sets, " INTERSECT ") + `) `
		where = append(where, `p.id IN (SELECT person_id FROM named)`)
	}
	if q.DateOfBirth != "" {
		where = append(where, `p.date_of_birth = `+arg(q.DateOfBirth))
	}
	if q.NHSNumber != "" {
		where = append(where, `p.nhs_number = `+arg(q.NHSNumber))
	}
	if q.Postcode != "" {
		where = append(where, `p.postcode = `+arg(q.Postcode))
	}
	if q.Kind != "" {
		where = append(where, `p.kind = `+arg(string(q.Kind)))
	}
	if len(where) == 0 {
		return nil, nil
	}
	if err := t.planEachTime(); err != nil {
		return nil, err
	}
	return t.scanPeople(scanCandidate, with+briefSelect+`WHERE `+strings.Join(where, " AND ")+
		` ORDER BY p.id LIMIT `+arg(maxCandidates), args...)
}

// FindPeopleBrief returns the people with the given ids, in id order, with
// only the fields a search ranks on and scope is decided on (see
// csc.PersonTx): no disabilities, no timestamps, none of the free text.
func (t *Tx) FindPeopleBrief(ids []int64) ([]csc.Person, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, args := idList(ids)
	return t.scanPeople(scanCandidate, briefSelect+`WHERE p.id IN (`+list+`) ORDER BY p.id`, args...)
}

// briefSelect reads the columns scanCandidate scans.
const briefSelect = `SELECT p.id, p.kind, p.given_name, p.family_name, p.other_names,
	p.date_of_birth, p.nhs_number, p.postcode, p.restricted FROM person p `

// scanCandidate reads a search candidate: the fields ranking needs.
func scanCandidate(r rowScanner, p *csc.Person) error {
	var nhs, pc string
	err := r.Scan(&p.ID, &p.Kind, &p.GivenName, &p.FamilyName, &p.OtherNames, &p.DateOfBirth, &nhs, &pc, &p.Restricted)
	p.NHSNumber, p.Postcode = csc.NHSNumber(nhs), csc.Postcode(pc)
	return err
}

// scanPeople runs a query and reads a person from each row with scan.
func (t *Tx) scanPeople(scan func(rowScanner, *csc.Person) error, query string, args ...any) ([]csc.Person, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Person
	for rows.Next() {
		var p csc.Person
		if err := scan(rows, &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CreateRelationship records a relationship from both sides.
func (t *Tx) CreateRelationship(r *csc.Relationship) error {
	id, err := t.insert(`INSERT INTO relationship (person_id, other_id, type, parental_responsibility,
		lives_with, notes, version, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7) RETURNING id`,
		r.PersonID, r.Other.ID, string(r.Type), r.ParentalResponsibility, r.LivesWith, r.Notes, t.now)
	if err != nil {
		return mapErr(err)
	}
	r.ID, r.Version = id, 1
	// The inverse row: the person is Type.Inverse() to Other. Parental
	// responsibility belongs to whoever is the parent, so it goes only on the
	// row where the other person holds it.
	err = t.laterInsert(`INSERT INTO relationship (person_id, other_id, type, parental_responsibility,
		lives_with, notes, version, created_at) VALUES ($1, $2, $3, FALSE, $4, $5, 1, $6)`,
		r.Other.ID, r.PersonID, string(r.Type.Inverse()), r.LivesWith, r.Notes, t.now)
	return mapErr(err)
}

// ListRelationships returns the people related to personID, household first.
func (t *Tx) ListRelationships(personID int64) ([]csc.Relationship, error) {
	rows, err := t.query(`SELECT r.id, r.type, r.parental_responsibility, r.lives_with, r.notes,
		r.version, `+personColumns+` FROM relationship r JOIN person p ON p.id = r.other_id
		WHERE r.person_id = $1 ORDER BY r.lives_with DESC, p.date_of_birth, p.id`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Relationship
	for rows.Next() {
		r := csc.Relationship{PersonID: personID}
		var typ string
		var p csc.Person
		var sex, eth, nhs, upn, pc string
		err := rows.Scan(&r.ID, &typ, &r.ParentalResponsibility, &r.LivesWith, &r.Notes, &r.Version,
			&p.ID, &p.Kind, &p.GivenName, &p.FamilyName, &p.OtherNames, &p.DateOfBirth,
			&p.ExpectedDateOfBirth, &p.DateOfDeath, &sex, &p.GenderIdentity, &eth, &p.FirstLanguage,
			&p.InterpreterNeeded, &p.Religion, &p.SexualOrientation, &p.IdentityNotes, &nhs, &upn,
			&p.Address, &pc, &p.AddressConfidential, &p.Restricted, &p.RestrictionReason, &p.Version,
			scanTime{&p.CreatedAt}, scanTime{&p.UpdatedAt})
		if err != nil {
			return nil, err
		}
		p.Sex, p.Ethnicity, p.NHSNumber = csc.SexCode(sex), csc.EthnicityCode(eth), csc.NHSNumber(nhs)
		p.UPN, p.Postcode = csc.UPN(upn), csc.Postcode(pc)
		r.Type, r.Other = csc.RelationshipType(typ), p
		out = append(out, r)
	}
	return out, rows.Err()
}

// GrantAccess names a member of staff on a restricted record.
// Naming someone already named changes nothing. The insert waits for
// nothing, so a bulk load sends it with the rest (pipeline.go).
func (t *Tx) GrantAccess(personID, staffID int64) error {
	return mapErr(t.later(`INSERT INTO person_access (person_id, staff_id, granted_at) VALUES ($1, $2, $3)
		ON CONFLICT (person_id, staff_id) DO NOTHING`, personID, staffID, t.now))
}

// RevokeAccess removes a member of staff from a restricted record's list.
func (t *Tx) RevokeAccess(personID, staffID int64) error {
	_, err := t.exec(`DELETE FROM person_access WHERE person_id = $1 AND staff_id = $2`, personID, staffID)
	return err
}

// HasAccess reports whether staffID is named on personID's record.
func (t *Tx) HasAccess(personID, staffID int64) (bool, error) {
	var n int
	err := t.queryRow(`SELECT COUNT(*) FROM person_access WHERE person_id = $1 AND staff_id = $2`,
		personID, staffID).Scan(&n)
	return n > 0, err
}

// ListAccess returns the staff named on a restricted record, by name.
func (t *Tx) ListAccess(personID int64) ([]csc.Staff, error) {
	out, err := t.listStaff(`WHERE s.id IN (SELECT staff_id FROM person_access WHERE person_id = $1)`, personID)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}
