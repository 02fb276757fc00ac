package store

import (
	"encoding/json"
	"fmt"

	"cairn/internal/csc"
)

// The clock engine's facts of child protection: an s47 dated by the
// strategy discussion that started it (CP-04), its end without a conference,
// initial and review conferences (one fact per child decided about), plans
// starting and ending, and core groups.
func init() {
	stepFactQueries = append(stepFactQueries,
		`SELECT child_id, 's47.started', id, 0, started, NULL, '' FROM s47_enquiry WHERE child_id BETWEEN $1 AND $2`,
		`SELECT child_id, 's47.ended', id, 0, outcome_date, NULL, '' FROM s47_enquiry
			WHERE child_id BETWEEN $1 AND $2 AND outcome <> '' AND conference_needed = FALSE AND outcome_date IS NOT NULL`,
		// An initial conference decides for every child in the household; for
		// each it concludes that child's own enquiry: the conference's for the
		// child it was called for, else the child's latest begun by then.
		`SELECT d.child_id, 'conference.initial', c.id, CASE WHEN d.child_id = c.child_id THEN COALESCE(c.s47_id, 0)
			ELSE COALESCE((SELECT s.id FROM s47_enquiry s WHERE s.child_id = d.child_id AND s.started <= c.held_on
				ORDER BY s.started DESC, s.id DESC LIMIT 1), 0) END, c.held_on, NULL, ''
			FROM cp_conference_decision d JOIN cp_conference c ON c.id = d.conference_id
			WHERE d.child_id BETWEEN $1 AND $2 AND c.kind = 'initial'`,
		`SELECT d.child_id, 'conference.review', c.id, d.plan_id, c.held_on, NULL, '' FROM cp_conference_decision d
			JOIN cp_conference c ON c.id = d.conference_id
			WHERE d.child_id BETWEEN $1 AND $2 AND c.kind = 'review' AND d.plan_id IS NOT NULL`,
		`SELECT child_id, 'cp-plan.started', id, 0, start_date, NULL, '' FROM cp_plan WHERE child_id BETWEEN $1 AND $2`,
		`SELECT child_id, 'cp-plan.ended', id, 0, end_date, NULL, '' FROM cp_plan
			WHERE child_id BETWEEN $1 AND $2 AND end_date IS NOT NULL`,
		`SELECT child_id, 'core-group.held', id, plan_id, held_on, NULL, '' FROM cp_core_group WHERE child_id BETWEEN $1 AND $2`,
	)
}

// jsonText stores a list as JSON text; nil lists are stored as [].
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// scanJSON reads a JSON text column into a list.
type scanJSON struct{ v any }

func (s scanJSON) Scan(src any) error {
	var b []byte
	switch x := src.(type) {
	case nil:
		return nil
	case string:
		b = []byte(x)
	case []byte:
		b = x
	default:
		return fmt.Errorf("store: cannot read JSON from %T", src)
	}
	return json.Unmarshal(b, s.v)
}

const strategyColumns = `s.id, s.child_id, s.referral_id, s.held_at, s.attendees, s.information_shared, s.dangers,
	s.scaling, s.decision, s.decision_reasons, s.safety_actions, COALESCE(e.id, 0), COALESCE(s.recorded_by, 0),
	COALESCE(st.name, ''), s.created_at, s.version FROM strategy_discussion s
	LEFT JOIN s47_enquiry e ON e.strategy_id = s.id LEFT JOIN staff st ON st.id = s.recorded_by`

func scanStrategy(r rowScanner, s *csc.Strategy) error {
	return r.Scan(&s.ID, &s.ChildID, &s.ReferralID, scanTime{&s.HeldAt}, scanJSON{&s.Attendees}, &s.InformationShared,
		scanJSON{&s.Dangers}, scanJSON{&s.Scaling}, &s.Decision, &s.DecisionReasons, &s.SafetyActions, &s.S47ID,
		&s.RecordedByID, &s.RecordedBy, scanTime{&s.CreatedAt}, &s.Version)
}

// CreateStrategy inserts a strategy discussion.
func (t *Tx) CreateStrategy(s *csc.Strategy) error {
	s.CreatedAt, s.Version = t.now, 1
	id, err := t.insert(`INSERT INTO strategy_discussion (child_id, referral_id, held_at, attendees,
		information_shared, dangers, scaling, decision, decision_reasons, safety_actions, recorded_by, version,
		created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12) RETURNING id`,
		s.ChildID, s.ReferralID, s.HeldAt.UTC(), jsonText(s.Attendees), s.InformationShared, jsonText(s.Dangers),
		jsonText(s.Scaling), s.Decision, s.DecisionReasons, s.SafetyActions, nullID(s.RecordedByID), t.now)
	s.ID = id
	return mapErr(err)
}

// FindStrategyByID returns a strategy discussion.
func (t *Tx) FindStrategyByID(id int64) (*csc.Strategy, error) {
	var s csc.Strategy
	if err := scanStrategy(t.queryRow(`SELECT `+strategyColumns+` WHERE s.id = $1`, id), &s); err != nil {
		return nil, notFound(err, "strategy discussion", id)
	}
	return &s, nil
}

// ListStrategies returns a child's strategy discussions, newest first.
func (t *Tx) ListStrategies(childID int64) ([]csc.Strategy, error) {
	rows, err := t.query(`SELECT `+strategyColumns+` WHERE s.child_id = $1 ORDER BY s.held_at DESC, s.id DESC`, childID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.Strategy
	for rows.Next() {
		var s csc.Strategy
		if err := scanStrategy(rows, &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

const s47Columns = `e.id, e.child_id, e.referral_id, e.strategy_id, e.started, e.lead_id, COALESCE(st.name, ''),
	e.visits, e.partner_views, e.outcome, e.conference_needed, e.outcome_date, e.created_at, e.version
	FROM s47_enquiry e LEFT JOIN staff st ON st.id = e.lead_id`

func scanS47(r rowScanner, s *csc.S47) error {
	return r.Scan(&s.ID, &s.ChildID, &s.ReferralID, &s.StrategyID, &s.Started, &s.LeadID, &s.LeadName,
		scanJSON{&s.Visits}, scanJSON{&s.PartnerViews}, &s.Outcome, &s.ConferenceNeeded, &s.OutcomeDate,
		scanTime{&s.CreatedAt}, &s.Version)
}

// CreateS47 starts a section 47 enquiry. A strategy discussion starts at
// most one: a second gets a Conflict.
func (t *Tx) CreateS47(s *csc.S47) error {
	s.CreatedAt, s.Version = t.now, 1
	id, err := t.insert(`INSERT INTO s47_enquiry (child_id, referral_id, strategy_id, started, lead_id, visits,
		partner_views, outcome, conference_needed, outcome_date, version, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11) RETURNING id`,
		s.ChildID, s.ReferralID, s.StrategyID, s.Started, s.LeadID, jsonText(s.Visits), jsonText(s.PartnerViews),
		s.Outcome, s.ConferenceNeeded, s.OutcomeDate, t.now)
	s.ID = id
	return mapErr(err)
}

// FindS47ByID returns a section 47 enquiry.
func (t *Tx) FindS47ByID(id int64) (*csc.S47, error) {
	var s csc.S47
	if err := scanS47(t.queryRow(`SELECT `+s47Columns+` WHERE e.id = $1`, id), &s); err != nil {
		return nil, notFound(err, "section 47 enquiry", id)
	}
	return &s, nil
}

// ListS47s returns a child's section 47 enquiries, newest first.
func (t *Tx) ListS47s(childID int64) ([]csc.S47, error) {
	rows, err := t.query(`SELECT `+s47Columns+` WHERE e.child_id = $1 ORDER BY e.started DESC, e.id DESC`, childID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []csc.S47
	for rows.Next() {
		var s csc.S47
		if err := scanS47(rows, &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// UpdateS47 saves an enquiry's visits, views and outcome if the version is
// current.
func (t *Tx) UpdateS47(s *csc.S47) error {
	err := t.updateVersioned("s47_enquiry", s.ID, `UPDATE s47_enquiry SET visits = $1, partner_views = $2,
		outcome = $3, conference_needed = $4, outcome_date = $5, version = version + 1
		WHERE id = $6 AND version = $7`,
		jsonText(s.Visits), jsonText(s.PartnerViews), s.Outcome, s.ConferenceNeeded, s.OutcomeDate, s.ID, s.Version)
	if err == nil {
		s.Version++
	}
	return err
}
