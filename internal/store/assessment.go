package store

import (
	"strconv"
	"strings"

	"cairn/internal/csc"
)

// Assessments' authorisations meet HP-03 for their referral.
func init() {
	stepFactQueries = append(stepFactQueries, `SELECT child_id, 'assessment.completed', id, referral_id,
		authorised_date, NULL, '' FROM assessment
		WHERE child_id BETWEEN $1 AND $2 AND authorised_date IS NOT NULL`)
}

// FindReferralByID returns one referral.
func (t *Tx) FindReferralByID(id int64) (*csc.Referral, error) {
	var r csc.Referral
	var source string
	err := t.queryRow(`SELECT id, child_id, contact_id, referral_date, source, primary_need, nfa,
		closure_date, closure_reason, team_id, version FROM referral WHERE id = $1`, id).Scan(
		&r.ID, &r.ChildID, scanID{&r.ContactID}, &r.ReferralDate, &source, &r.PrimaryNeed,
		&r.NFA, &r.ClosureDate, &r.ClosureReason, scanID{&r.TeamID}, &r.Version)
	if err != nil {
		return nil, notFound(err, "referral", id)
	}
	r.Source = csc.ReferralSourceCode(source)
	return &r, nil
}

// UpdateReferral saves a referral's primary need, NFA flag and closure.
func (t *Tx) UpdateReferral(r *csc.Referral) error {
	err := t.updateVersioned("referral", r.ID, `UPDATE referral SET primary_need = $1, nfa = $2,
		closure_date = $3, closure_reason = $4, version = version + 1 WHERE id = $5 AND version = $6`,
		r.PrimaryNeed, r.NFA, r.ClosureDate, r.ClosureReason, r.ID, r.Version)
	if err == nil {
		r.Version++
	}
	return err
}

// identityColumns are the assessment's identity columns, two per aspect:
// what was found and why it was not explored.
var identityColumns = func() string {
	var b strings.Builder
	for _, k := range csc.IdentityAspects {
		b.WriteString(", id_" + k + ", id_" + k + "_why")
	}
	return b.String()
}()

const assessmentColumns = `a.id, a.child_id, a.referral_id, a.start_date, a.status, a.not_seen_reason,
	a.history, a.lived_experience, a.parents_carers, a.risks, a.protective, a.analysis, a.factors,
	a.outcome, a.next_steps, a.submitted_at, a.authorised_date, a.authorised_by, COALESCE(s.name, ''),
	a.created_by, a.version`

var assessmentSelect = `SELECT ` + assessmentColumns + strings.ReplaceAll(identityColumns, ", id_", ", a.id_") +
	` FROM assessment a LEFT JOIN staff s ON s.id = a.authorised_by`

func scanAssessment(r rowScanner, a *csc.Assessment) error {
	var status, factors, outcome string
	dest := []any{&a.ID, &a.ChildID, &a.ReferralID, &a.StartDate, &status, &a.NotSeenReason,
		&a.History, &a.LivedExperience, &a.ParentsCarers, &a.Risks, &a.Protective, &a.Analysis, &factors,
		&outcome, &a.NextSteps, scanTime{&a.SubmittedAt}, &a.AuthorisedDate, scanID{&a.AuthorisedByID},
		&a.AuthorisedBy, scanID{&a.CreatedByID}, &a.Version}
	notes := make([]csc.IdentityNote, len(csc.IdentityAspects))
	for i := range notes {
		dest = append(dest, &notes[i].Found, &notes[i].NotExplored)
	}
	if err := r.Scan(dest...); err != nil {
		return err
	}
	a.Status, a.Outcome = csc.AssessmentStatus(status), csc.AssessmentOutcome(outcome)
	a.Factors = strings.Fields(factors)
	a.Identity = make(map[string]csc.IdentityNote, len(notes))
	for i, k := range csc.IdentityAspects {
		a.Identity[k] = notes[i]
	}
	return nil
}

// identityArgs lists the identity values in column order.
func identityArgs(a *csc.Assessment) []any {
	var out []any
	for _, k := range csc.IdentityAspects {
		out = append(out, a.Identity[k].Found, a.Identity[k].NotExplored)
	}
	return out
}

// CreateAssessment starts an assessment with whatever of it is already
// written: a new assessment has only its start, while a bulk load writes
// one whole.
func (t *Tx) CreateAssessment(a *csc.Assessment) error {
	a.Version = 1
	if a.Status == "" {
		a.Status = csc.AssessmentOpen
	}
	cols, vals := "", ""
	for i, k := range csc.IdentityAspects {
		cols += ", id_" + k + ", id_" + k + "_why"
		vals += ", $" + strconv.Itoa(18+2*i) + ", $" + strconv.Itoa(19+2*i)
	}
	args := []any{a.ChildID, a.ReferralID, a.StartDate, string(a.Status), nullID(a.CreatedByID), t.now,
		a.NotSeenReason, a.History, a.LivedExperience, a.ParentsCarers, a.Risks, a.Protective, a.Analysis,
		strings.Join(a.Factors, " "), string(a.Outcome), a.NextSteps, nullTime(a.SubmittedAt)}
	args = append(args, identityArgs(a)...)
	args = append(args, a.AuthorisedDate, nullID(a.AuthorisedByID))
	n := len(args)
	id, err := t.insert(`INSERT INTO assessment (child_id, referral_id, start_date, status, created_by,
		version, created_at, updated_at, not_seen_reason, history, lived_experience, parents_carers, risks,
		protective, analysis, factors, outcome, next_steps, submitted_at`+cols+`, authorised_date, authorised_by)
		VALUES ($1, $2, $3, $4, $5, 1, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17`+vals+
		`, $`+strconv.Itoa(n-1)+`, $`+strconv.Itoa(n)+`) RETURNING id`, args...)
	a.ID = id
	return mapErr(err)
}

// UpdateAssessment saves an assessment's sections, status and
// authorisation if the version is current.
func (t *Tx) UpdateAssessment(a *csc.Assessment) error {
	set := ""
	for i, k := range csc.IdentityAspects {
		set += ", id_" + k + " = $" + strconv.Itoa(17+2*i) + ", id_" + k + "_why = $" + strconv.Itoa(18+2*i)
	}
	args := []any{string(a.Status), a.NotSeenReason, a.History, a.LivedExperience, a.ParentsCarers, a.Risks,
		a.Protective, a.Analysis, strings.Join(a.Factors, " "), string(a.Outcome), a.NextSteps,
		nullTime(a.SubmittedAt), a.AuthorisedDate, nullID(a.AuthorisedByID), t.now, a.ID}
	args = append(args, identityArgs(a)...)
	args = append(args, a.Version)
	err := t.updateVersioned("assessment", a.ID, `UPDATE assessment SET status = $1, not_seen_reason = $2,
		history = $3, lived_experience = $4, parents_carers = $5, risks = $6, protective = $7,
		analysis = $8, factors = $9, outcome = $10, next_steps = $11, submitted_at = $12,
		authorised_date = $13, authorised_by = $14, updated_at = $15`+set+`, version = version + 1
		WHERE id = $16 AND version = $`+strconv.Itoa(len(args)), args...)
	if err == nil {
		a.Version++
	}
	return err
}

// FindAssessmentByID returns an assessment with the dates the child was seen.
func (t *Tx) FindAssessmentByID(id int64) (*csc.Assessment, error) {
	var a csc.Assessment
	if err := scanAssessment(t.queryRow(assessmentSelect+` WHERE a.id = $1`, id), &a); err != nil {
		return nil, notFound(err, "assessment", id)
	}
	rows, err := t.query(`SELECT id, assessment_id, seen_on, alone FROM assessment_seen
		WHERE assessment_id = $1 ORDER BY seen_on, id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s csc.ChildSeen
		if err := rows.Scan(&s.ID, &s.AssessmentID, &s.Date, &s.Alone); err != nil {
			return nil, err
		}
		a.Seen = append(a.Seen, s)
	}
	return &a, rows.Err()
}

// ListAssessments returns a child's assessments, oldest first, each with
// the dates the child was seen: two queries for the whole child.
func (t *Tx) ListAssessments(childID int64) ([]csc.Assessment, error) {
	// The assessments and the dates the child was seen are asked for at
	// once (on PostgreSQL in one round trip, or with the page's other
	// reads), rather than the dates after the assessments.
	var out []csc.Assessment
	index := map[int64]int{}
	err := t.queryAll([]string{assessmentSelect + ` WHERE a.child_id = $1 ORDER BY a.start_date, a.id`,
		`SELECT id, assessment_id, seen_on, alone FROM assessment_seen WHERE child_id = $1 ORDER BY seen_on, id`},
		[]any{childID}, func(i int, rows Rows) error {
			for rows.Next() {
				if i == 0 {
					var a csc.Assessment
					if err := scanAssessment(rows, &a); err != nil {
						return err
					}
					index[a.ID] = len(out)
					out = append(out, a)
					continue
				}
				var s csc.ChildSeen
				if err := rows.Scan(&s.ID, &s.AssessmentID, &s.Date, &s.Alone); err != nil {
					return err
				}
				if i, ok := index[s.AssessmentID]; ok {
					out[i].Seen = append(out[i].Seen, s)
				}
			}
			return rows.Err()
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CreateChildSeen records a date the child was seen.
func (t *Tx) CreateChildSeen(s *csc.ChildSeen) error {
	id, err := t.insert(`INSERT INTO assessment_seen (assessment_id, child_id, seen_on, alone, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, s.AssessmentID, s.ChildID, s.Date, s.Alone, t.now)
	s.ID = id
	return mapErr(err)
}

const earlyHelpColumns = `id, child_id, referral_id, start_date, lead_practitioner, agency, consent,
	eha_start, eha_completed, end_date, end_reason, stepped_up, version FROM early_help`

func scanEarlyHelp(r rowScanner, e *csc.EarlyHelp) error {
	return r.Scan(&e.ID, &e.ChildID, scanID{&e.ReferralID}, &e.StartDate, &e.LeadPractitioner, &e.Agency,
		&e.Consent, &e.EHAStart, &e.EHACompleted, &e.EndDate, &e.EndReason, &e.SteppedUp, &e.Version)
}

// CreateEarlyHelp starts an early help episode.
func (t *Tx) CreateEarlyHelp(e *csc.EarlyHelp) error {
	e.Version = 1
	id, err := t.insert(`INSERT INTO early_help (child_id, referral_id, start_date, lead_practitioner, agency,
		consent, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id`,
		e.ChildID, nullID(e.ReferralID), e.StartDate, e.LeadPractitioner, e.Agency, e.Consent, t.now)
	e.ID = id
	return mapErr(err)
}

// UpdateEarlyHelp saves the early help assessment dates and the episode's end.
func (t *Tx) UpdateEarlyHelp(e *csc.EarlyHelp) error {
	err := t.updateVersioned("early_help", e.ID, `UPDATE early_help SET eha_start = $1, eha_completed = $2,
		end_date = $3, end_reason = $4, stepped_up = $5, updated_at = $6, version = version + 1
		WHERE id = $7 AND version = $8`,
		e.EHAStart, e.EHACompleted, e.EndDate, e.EndReason, e.SteppedUp, t.now, e.ID, e.Version)
	if err == nil {
		e.Version++
	}
	return err
}

// FindEarlyHelpByID returns one episode.
func (t *Tx) FindEarlyHelpByID(id int64) (*csc.EarlyHelp, error) {
	var e csc.EarlyHelp
	if err := scanEarlyHelp(t.queryRow(`SELECT `+earlyHelpColumns+` WHERE id = $1`, id), &e); err != nil {
		return nil, notFound(err, "early help episode", id)
	}
	return &e, nil
}

// ListEarlyHelp returns a child's early help episodes, newest first.
func (t *Tx) ListEarlyHelp(childID int64) ([]csc.EarlyHelp, error) {
	rows, err := t.query(`SELECT `+earlyHelpColumns+` WHERE child_id = $1 ORDER BY start_date DESC, id DESC`, childID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.EarlyHelp
	for rows.Next() {
		var e csc.EarlyHelp
		if err := scanEarlyHelp(rows, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

const homelessColumns = `id, child_id, referral_id, assessment_id, presented_on, age, decision,
	decision_date, not_reason, told_consequences, competent, young_view, interim_provided,
	interim_where, version FROM homeless_presentation`

func scanHomeless(r rowScanner, h *csc.HomelessPresentation) error {
	return r.Scan(&h.ID, &h.ChildID, &h.ReferralID, &h.AssessmentID, &h.PresentedOn, &h.Age, &h.Decision,
		&h.DecisionDate, &h.NotReason, &h.ToldConsequences, &h.Competent, &h.View, &h.InterimProvided,
		&h.InterimWhere, &h.Version)
}

// CreateHomeless records a presentation.
func (t *Tx) CreateHomeless(h *csc.HomelessPresentation) error {
	h.Version = 1
	id, err := t.insert(`INSERT INTO homeless_presentation (child_id, referral_id, assessment_id, presented_on,
		age, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id`,
		h.ChildID, h.ReferralID, h.AssessmentID, h.PresentedOn, h.Age, t.now)
	h.ID = id
	return mapErr(err)
}

// UpdateHomeless saves the presentation's outcome.
func (t *Tx) UpdateHomeless(h *csc.HomelessPresentation) error {
	err := t.updateVersioned("homeless_presentation", h.ID, `UPDATE homeless_presentation SET decision = $1,
		decision_date = $2, not_reason = $3, told_consequences = $4, competent = $5, young_view = $6,
		interim_provided = $7, interim_where = $8, updated_at = $9, version = version + 1
		WHERE id = $10 AND version = $11`,
		h.Decision, h.DecisionDate, h.NotReason, h.ToldConsequences, h.Competent, h.View, h.InterimProvided,
		h.InterimWhere, t.now, h.ID, h.Version)
	if err == nil {
		h.Version++
	}
	return err
}

// FindHomelessByID returns one presentation.
func (t *Tx) FindHomelessByID(id int64) (*csc.HomelessPresentation, error) {
	var h csc.HomelessPresentation
	if err := scanHomeless(t.queryRow(`SELECT `+homelessColumns+` WHERE id = $1`, id), &h); err != nil {
		return nil, notFound(err, "homeless presentation", id)
	}
	return &h, nil
}

// ListHomeless returns a child's presentations, newest first.
func (t *Tx) ListHomeless(childID int64) ([]csc.HomelessPresentation, error) {
	rows, err := t.query(`SELECT `+homelessColumns+` WHERE child_id = $1 ORDER BY presented_on DESC, id DESC`, childID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.HomelessPresentation
	for rows.Next() {
		var h csc.HomelessPresentation
		if err := scanHomeless(rows, &h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
