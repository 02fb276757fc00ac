package store

import (
	"strings"

	"cairn/internal/csc"
)

const contactColumns = `c.id, c.child_id, p.given_name, p.family_name, c.received_at, c.due_at, c.source,
	c.referrer_name, c.referrer_org, c.referrer_role, c.referrer_phone, c.referrer_email,
	c.referrer_address, c.out_of_hours, c.presenting_concerns, c.historic_concerns, c.consent,
	c.consent_rationale, c.team_id, COALESCE(tm.name, ''), c.rag, c.risks, c.protective_factors,
	c.screening_summary, c.decision, c.decision_rationale, c.decided_at, c.decided_by,
	COALESCE(ds.name, ''), c.letter_document_id, c.referral_id, c.recorded_by, COALESCE(rs.name, ''),
	c.created_at, c.version`

const contactFrom = ` FROM contact c JOIN person p ON p.id = c.child_id
	LEFT JOIN team tm ON tm.id = c.team_id
	LEFT JOIN staff ds ON ds.id = c.decided_by
	LEFT JOIN staff rs ON rs.id = c.recorded_by`

func scanContact(r rowScanner, c *csc.Contact) error {
	var given, family, source, consent, rag, decision string
	err := r.Scan(&c.ID, &c.ChildID, &given, &family, scanTime{&c.ReceivedAt}, scanTime{&c.DueAt}, &source,
		&c.Referrer.Name, &c.Referrer.Organisation, &c.Referrer.Role, &c.Referrer.Phone,
		&c.Referrer.Email, &c.Referrer.Address, &c.OutOfHours, &c.PresentingConcerns,
		&c.HistoricConcerns, &consent, &c.ConsentRationale, scanID{&c.TeamID}, &c.TeamName, &rag,
		&c.Risks, &c.ProtectiveFactors, &c.ScreeningSummary, &decision, &c.DecisionRationale,
		scanTime{&c.DecidedAt}, scanID{&c.DecidedByID}, &c.DecidedBy, scanID{&c.LetterDocumentID},
		scanID{&c.ReferralID}, scanID{&c.RecordedByID}, &c.RecordedBy, scanTime{&c.CreatedAt}, &c.Version)
	c.ChildName = strings.TrimSpace(given + " " + family)
	c.Source, c.Consent, c.RAG, c.Decision = csc.ReferralSourceCode(source), csc.Consent(consent), csc.RAG(rag), csc.Decision(decision)
	return err
}

// CreateContact inserts a contact and its household members.
func (t *Tx) CreateContact(c *csc.Contact) error {
	if c.CreatedAt.IsZero() {
		c.CreatedAt = t.now
	}
	c.Version = 1
	id, err := t.insert(`INSERT INTO contact (child_id, received_at, due_at, source, referrer_name,
		referrer_org, referrer_role, referrer_phone, referrer_email, referrer_address, out_of_hours,
		presenting_concerns, historic_concerns, consent, consent_rationale, team_id, rag, risks,
		protective_factors, screening_summary, decision, decision_rationale, decided_at, decided_by,
		letter_document_id, referral_id, recorded_by, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
		$20, $21, $22, $23, $24, $25, $26, $27, 1, $28, $28) RETURNING id`,
		c.ChildID, c.ReceivedAt.UTC(), c.DueAt.UTC(), string(c.Source), c.Referrer.Name,
		c.Referrer.Organisation, c.Referrer.Role, c.Referrer.Phone, c.Referrer.Email, c.Referrer.Address,
		c.OutOfHours, c.PresentingConcerns, c.HistoricConcerns, string(c.Consent), c.ConsentRationale,
		nullID(c.TeamID), string(c.RAG), c.Risks, c.ProtectiveFactors, c.ScreeningSummary,
		string(c.Decision), c.DecisionRationale, nullTime(c.DecidedAt), nullID(c.DecidedByID),
		nullID(c.LetterDocumentID), nullID(c.ReferralID), nullID(c.RecordedByID), c.CreatedAt.UTC())
	if err != nil {
		return mapErr(err)
	}
	c.ID = id
	for _, h := range c.Household {
		if err := t.later(`INSERT INTO contact_household (contact_id, person_id, relationship)
			VALUES ($1, $2, $3)`, c.ID, h.PersonID, h.Relationship); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// UpdateContact saves screening and decision fields if the version is current.
func (t *Tx) UpdateContact(c *csc.Contact) error {
	err := t.updateVersioned("contact", c.ID, `UPDATE contact SET source = $1, referrer_name = $2,
		referrer_org = $3, referrer_role = $4, referrer_phone = $5, referrer_email = $6,
		referrer_address = $7, out_of_hours = $8, presenting_concerns = $9, historic_concerns = $10,
		consent = $11, consent_rationale = $12, team_id = $13, rag = $14, risks = $15,
		protective_factors = $16, screening_summary = $17, decision = $18, decision_rationale = $19,
		decided_at = $20, decided_by = $21, letter_document_id = $22, referral_id = $23,
		version = version + 1, updated_at = $24 WHERE id = $25 AND version = $26`,
		string(c.Source), c.Referrer.Name, c.Referrer.Organisation, c.Referrer.Role, c.Referrer.Phone,
		c.Referrer.Email, c.Referrer.Address, c.OutOfHours, c.PresentingConcerns, c.HistoricConcerns,
		string(c.Consent), c.ConsentRationale, nullID(c.TeamID), string(c.RAG), c.Risks,
		c.ProtectiveFactors, c.ScreeningSummary, string(c.Decision), c.DecisionRationale,
		nullTime(c.DecidedAt), nullID(c.DecidedByID), nullID(c.LetterDocumentID), nullID(c.ReferralID),
		t.now, c.ID, c.Version)
	if err == nil {
		c.Version++
	}
	return err
}

// FindContactByID returns a contact with its household, partner checks and
// oversight.
func (t *Tx) FindContactByID(id int64) (*csc.Contact, error) {
	var c csc.Contact
	if err := scanContact(t.queryRow(`SELECT `+contactColumns+contactFrom+` WHERE c.id = $1`, id), &c); err != nil {
		return nil, notFound(err, "contact", id)
	}
	rows, err := t.query(`SELECT h.person_id, p.given_name, p.family_name, p.kind, h.relationship
		FROM contact_household h JOIN person p ON p.id = h.person_id WHERE h.contact_id = $1
		ORDER BY p.kind DESC, p.date_of_birth`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h csc.HouseholdMember
		var given, family string
		if err := rows.Scan(&h.PersonID, &given, &family, &h.Kind, &h.Relationship); err != nil {
			return nil, err
		}
		h.Name = strings.TrimSpace(given + " " + family)
		c.Household = append(c.Household, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if c.PartnerChecks, err = t.listPartnerChecks(id); err != nil {
		return nil, err
	}
	c.Oversight, err = t.listOversight(`WHERE o.subject_type = 'contact' AND o.subject_id = $1`, id)
	return &c, err
}

// FindContacts lists contacts matching q, oldest first (the most overdue
// first in the open queue), with the total before paging.
func (t *Tx) FindContacts(q csc.ContactQuery) ([]csc.Contact, int, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + itoa(len(args))
	}
	if q.Open {
		where = append(where, `c.decision = ''`)
	}
	switch q.RAG {
	case "":
	case "none": // not yet rated
		where = append(where, `c.rag = ''`)
	default:
		where = append(where, `c.rag = `+arg(string(q.RAG)))
	}
	if q.Source != "" {
		where = append(where, `c.source = `+arg(q.Source))
	}
	if q.TeamID != 0 {
		where = append(where, `c.team_id = `+arg(q.TeamID))
	}
	if q.ChildID != 0 {
		where = append(where, `c.child_id = `+arg(q.ChildID))
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	order := ` ORDER BY c.received_at, c.id`
	if !q.Open {
		order = ` ORDER BY c.received_at DESC, c.id DESC`
	}
	limit := q.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	offset := max(q.Offset, 0)
	// The count's arguments are the filters'; the list's add its page.
	countArgs := args[:len(args):len(args)]
	listQuery := `SELECT ` + contactColumns + contactFrom + w + order + ` LIMIT ` + arg(limit) + ` OFFSET ` + arg(offset)
	var out []csc.Contact
	list := func() error {
		rows, err := t.query(listQuery, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c csc.Contact
			if err := scanContact(rows, &c); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	}
	total := -1
	count := func() error {
		return t.queryRow(`SELECT COUNT(*) FROM contact c`+w, countArgs...).Scan(&total)
	}
	if q.ChildID == 0 {
		// A list across children (the front-door queue) is usually a full
		// page, which needs the count: both are read together.
		if err := t.Together(list, count); err != nil {
			return nil, 0, err
		}
		return out, total, nil
	}
	if err := list(); err != nil {
		return nil, 0, err
	}
	// A page that is not full and not past the end holds the last of the
	// matches, so the total is known without counting them all (a child's
	// contacts always fit on one page).
	if len(out) == limit || (len(out) == 0 && offset > 0) {
		if err := count(); err != nil {
			return nil, 0, err
		}
		return out, total, nil
	}
	return out, offset + len(out), nil
}

func (t *Tx) listPartnerChecks(contactID int64) ([]csc.PartnerCheck, error) {
	rows, err := t.query(`SELECT pc.id, pc.contact_id, pc.agency, pc.requested_at, pc.requested_by,
		COALESCE(s.name, ''), pc.returned_at, pc.summary, pc.version FROM partner_check pc
		LEFT JOIN staff s ON s.id = pc.requested_by WHERE pc.contact_id = $1 ORDER BY pc.id`, contactID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.PartnerCheck
	for rows.Next() {
		var pc csc.PartnerCheck
		var agency string
		if err := rows.Scan(&pc.ID, &pc.ContactID, &agency, scanTime{&pc.RequestedAt}, scanID{&pc.RequestedByID},
			&pc.RequestedBy, scanTime{&pc.ReturnedAt}, &pc.Summary, &pc.Version); err != nil {
			return nil, err
		}
		pc.Agency = csc.Agency(agency)
		out = append(out, pc)
	}
	return out, rows.Err()
}

// CreatePartnerCheck records a request to a partner agency.
func (t *Tx) CreatePartnerCheck(pc *csc.PartnerCheck) error {
	if pc.RequestedAt.IsZero() {
		pc.RequestedAt = t.now
	}
	pc.Version = 1
	id, err := t.insert(`INSERT INTO partner_check (contact_id, agency, requested_at, requested_by,
		returned_at, summary, version) VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
		pc.ContactID, string(pc.Agency), pc.RequestedAt.UTC(), nullID(pc.RequestedByID), nullTime(pc.ReturnedAt), pc.Summary)
	pc.ID = id
	return mapErr(err)
}

// UpdatePartnerCheck saves a check's return and summary.
func (t *Tx) UpdatePartnerCheck(pc *csc.PartnerCheck) error {
	err := t.updateVersioned("partner_check", pc.ID, `UPDATE partner_check SET returned_at = $1,
		summary = $2, version = version + 1 WHERE id = $3 AND version = $4`,
		nullTime(pc.ReturnedAt), pc.Summary, pc.ID, pc.Version)
	if err == nil {
		pc.Version++
	}
	return err
}

// CreateOversight records a manager's oversight.
func (t *Tx) CreateOversight(o *csc.Oversight) error {
	if o.RecordedAt.IsZero() {
		o.RecordedAt = t.now
	}
	id, err := t.insert(`INSERT INTO oversight (subject_type, subject_id, child_id, staff_id, recorded_at,
		rationale) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		o.SubjectType, o.SubjectID, o.ChildID, o.StaffID, o.RecordedAt.UTC(), o.Rationale)
	o.ID = id
	return mapErr(err)
}

// ListOversightForChild returns every oversight on a child's work, newest first.
func (t *Tx) ListOversightForChild(childID int64) ([]csc.Oversight, error) {
	return t.listOversight(`WHERE o.child_id = $1`, childID)
}

func (t *Tx) listOversight(where string, arg any) ([]csc.Oversight, error) {
	rows, err := t.query(`SELECT o.id, o.subject_type, o.subject_id, o.child_id, o.staff_id, s.name,
		o.recorded_at, o.rationale FROM oversight o JOIN staff s ON s.id = o.staff_id `+where+
		` ORDER BY o.recorded_at DESC, o.id DESC`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Oversight
	for rows.Next() {
		var o csc.Oversight
		if err := rows.Scan(&o.ID, &o.SubjectType, &o.SubjectID, &o.ChildID, &o.StaffID, &o.StaffName,
			scanTime{&o.RecordedAt}, &o.Rationale); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// CreateReferral opens a referral (a CIN episode).
func (t *Tx) CreateReferral(r *csc.Referral) error {
	r.Version = 1
	id, err := t.insert(`INSERT INTO referral (child_id, contact_id, referral_date, source, primary_need,
		nfa, closure_date, closure_reason, team_id, version, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10) RETURNING id`,
		r.ChildID, nullID(r.ContactID), r.ReferralDate, string(r.Source), r.PrimaryNeed, r.NFA,
		r.ClosureDate, r.ClosureReason, nullID(r.TeamID), t.now)
	r.ID = id
	return mapErr(err)
}

// ListReferrals returns a child's referrals, newest first.
func (t *Tx) ListReferrals(childID int64) ([]csc.Referral, error) {
	rows, err := t.query(`SELECT id, child_id, contact_id, referral_date, source, primary_need, nfa,
		closure_date, closure_reason, team_id, version FROM referral WHERE child_id = $1
		ORDER BY referral_date DESC, id DESC`, childID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Referral
	for rows.Next() {
		var r csc.Referral
		var source string
		if err := rows.Scan(&r.ID, &r.ChildID, scanID{&r.ContactID}, &r.ReferralDate, &source, &r.PrimaryNeed,
			&r.NFA, &r.ClosureDate, &r.ClosureReason, scanID{&r.TeamID}, &r.Version); err != nil {
			return nil, err
		}
		r.Source = csc.ReferralSourceCode(source)
		out = append(out, r)
	}
	return out, rows.Err()
}
