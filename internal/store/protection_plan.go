package store

import (
	"cairn/internal/csc"
)

const conferenceColumns = `c.id, c.child_id, c.referral_id, c.kind, COALESCE(c.s47_id, 0), COALESCE(c.plan_id, 0),
	c.held_on, c.chair_id, COALESCE(st.name, ''), c.attendance, c.child_view, c.family_view, c.views, c.evidence,
	COALESCE(c.recorded_by, 0), c.created_at FROM cp_conference c LEFT JOIN staff st ON st.id = c.chair_id`

func scanConference(r rowScanner, c *csc.Conference) error {
	return r.Scan(&c.ID, &c.ChildID, &c.ReferralID, &c.Kind, &c.S47ID, &c.PlanID, &c.HeldOn, &c.ChairID,
		&c.ChairName, scanJSON{&c.Attendance}, &c.ChildView, &c.FamilyView, scanJSON{&c.Views}, &c.Evidence,
		&c.RecordedByID, scanTime{&c.CreatedAt})
}

// CreateConference inserts a conference; its decisions follow with
// CreateConferenceDecisions once the plans they make exist.
func (t *Tx) CreateConference(c *csc.Conference) error {
	c.CreatedAt = t.now
	id, err := t.insert(`INSERT INTO cp_conference (child_id, referral_id, kind, s47_id, plan_id, held_on, chair_id,
		attendance, child_view, family_view, views, evidence, recorded_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		c.ChildID, c.ReferralID, c.Kind, nullID(c.S47ID), nullID(c.PlanID), c.HeldOn, c.ChairID,
		jsonText(c.Attendance), c.ChildView, c.FamilyView, jsonText(c.Views), c.Evidence, nullID(c.RecordedByID), t.now)
	if err != nil {
		return mapErr(err)
	}
	c.ID = id
	return nil
}

// CreateConferenceDecisions records a conference's decision for each child.
func (t *Tx) CreateConferenceDecisions(conferenceID int64, ds []csc.ConferenceDecision) error {
	for _, d := range ds {
		if err := t.laterInsert(`INSERT INTO cp_conference_decision (conference_id, child_id, plan_needed, category,
			dissent, end_reason, plan_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			conferenceID, d.ChildID, d.PlanNeeded, d.Category, d.Dissent, d.EndReason, nullID(d.PlanID)); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// FindConferenceByID returns a conference with its decisions.
func (t *Tx) FindConferenceByID(id int64) (*csc.Conference, error) {
	var c csc.Conference
	if err := scanConference(t.queryRow(`SELECT `+conferenceColumns+` WHERE c.id = $1`, id), &c); err != nil {
		return nil, notFound(err, "conference", id)
	}
	out := []csc.Conference{c}
	if err := t.conferenceDecisions(`d.conference_id = $1`, id, out); err != nil {
		return nil, err
	}
	return &out[0], nil
}

// ListConferences returns the conferences about a child, or that decided
// about them as a member of a sibling's household, newest first. (Asked as
// "about the child OR deciding about them", PostgreSQL read every
// conference of the authority for each child's page.)
func (t *Tx) ListConferences(childID int64) ([]csc.Conference, error) {
	// The conferences and their decisions are asked for at once (on
	// PostgreSQL in one round trip, or with the page's other reads), rather
	// than the decisions after the conferences. The decisions' UNION is the
	// conferences': written as two IN lists joined by OR, PostgreSQL read
	// every decision of the authority (1.4 ms a page).
	const about = `(SELECT id FROM cp_conference WHERE child_id = $1
		UNION SELECT conference_id FROM cp_conference_decision WHERE child_id = $1)`
	var out []csc.Conference
	err := t.queryAll([]string{`SELECT ` + conferenceColumns + ` WHERE c.id IN ` + about + ` ORDER BY c.held_on DESC, c.id DESC`,
		decisionsSelect + `d.conference_id IN ` + about + ` ORDER BY d.id`},
		[]any{childID}, func(i int, rows Rows) error {
			if i == 1 {
				return scanDecisions(rows, out)
			}
			for rows.Next() {
				var c csc.Conference
				if err := scanConference(rows, &c); err != nil {
					return err
				}
				out = append(out, c)
			}
			return rows.Err()
		})
	if err != nil || len(out) == 0 {
		return nil, err
	}
	return out, nil
}

// decisionsSelect reads conferences' decisions, in scanDecisions' order.
const decisionsSelect = `SELECT d.conference_id, d.child_id, d.plan_needed, d.category, d.dissent, d.end_reason,
	COALESCE(d.plan_id, 0) FROM cp_conference_decision d WHERE `

// conferenceDecisions reads the decisions matching where into the
// conferences they belong to.
func (t *Tx) conferenceDecisions(where string, arg any, into []csc.Conference) error {
	rows, err := t.query(decisionsSelect+where+` ORDER BY d.id`, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanDecisions(rows, into)
}

// scanDecisions scans decisions (decisionsSelect) into the conferences
// they belong to, ignoring any of another conference.
func scanDecisions(rows Rows, into []csc.Conference) error {
	index := map[int64]int{}
	for i, c := range into {
		index[c.ID] = i
	}
	for rows.Next() {
		var conf int64
		var d csc.ConferenceDecision
		if err := rows.Scan(&conf, &d.ChildID, &d.PlanNeeded, &d.Category, &d.Dissent, &d.EndReason, &d.PlanID); err != nil {
			return err
		}
		if i, ok := index[conf]; ok {
			into[i].Decisions = append(into[i].Decisions, d)
		}
	}
	return rows.Err()
}

const planColumns = `id, child_id, COALESCE(referral_id, 0), conference_id, start_date, end_date, initial_category,
	latest_category, end_reason, previous_plans, version FROM cp_plan`

func scanPlan(r rowScanner, p *csc.CPPlan) error {
	return r.Scan(&p.ID, &p.ChildID, &p.ReferralID, &p.ConferenceID, &p.Start, &p.End, &p.InitialCategory,
		&p.LatestCategory, &p.EndReason, &p.PreviousPlans, &p.Version)
}

// CreateCPPlan starts a child protection plan.
func (t *Tx) CreateCPPlan(p *csc.CPPlan) error {
	p.Version = 1
	id, err := t.insert(`INSERT INTO cp_plan (child_id, referral_id, conference_id, start_date, end_date,
		initial_category, latest_category, end_reason, previous_plans, version, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10) RETURNING id`,
		p.ChildID, nullID(p.ReferralID), p.ConferenceID, p.Start, p.End, p.InitialCategory, p.LatestCategory, p.EndReason,
		p.PreviousPlans, t.now)
	p.ID = id
	return mapErr(err)
}

// UpdateCPPlan saves a plan's latest category and its end if the version
// is current.
func (t *Tx) UpdateCPPlan(p *csc.CPPlan) error {
	err := t.updateVersioned("cp_plan", p.ID, `UPDATE cp_plan SET latest_category = $1, end_date = $2,
		end_reason = $3, version = version + 1 WHERE id = $4 AND version = $5`,
		p.LatestCategory, p.End, p.EndReason, p.ID, p.Version)
	if err == nil {
		p.Version++
	}
	return err
}

// FindCPPlanByID returns a plan with its actions and core groups.
func (t *Tx) FindCPPlanByID(id int64) (*csc.CPPlan, error) {
	var p csc.CPPlan
	if err := scanPlan(t.queryRow(`SELECT `+planColumns+` WHERE id = $1`, id), &p); err != nil {
		return nil, notFound(err, "child protection plan", id)
	}
	out := []csc.CPPlan{p}
	if err := t.planDetails(p.ChildID, out); err != nil {
		return nil, err
	}
	return &out[0], nil
}

// ListCPPlans returns a child's plans, newest first, with their actions and
// core groups: three queries however many plans there are.
func (t *Tx) ListCPPlans(childID int64) ([]csc.CPPlan, error) {
	// The plans, their actions and their core groups are asked for at
	// once (on PostgreSQL in one round trip, or with the page's other
	// reads), rather than one after another.
	var out []csc.CPPlan
	index := map[int64]int{}
	err := t.queryAll([]string{`SELECT ` + planColumns + ` WHERE child_id = $1 ORDER BY start_date DESC, id DESC`,
		planActionsSelect, coreGroupsSelect}, []any{childID}, func(i int, rows Rows) error {
		if i > 0 {
			return scanPlanDetail(i == 1, rows, out, index)
		}
		for rows.Next() {
			var p csc.CPPlan
			if err := scanPlan(rows, &p); err != nil {
				return err
			}
			index[p.ID] = len(out)
			out = append(out, p)
		}
		return rows.Err()
	})
	if err != nil || len(out) == 0 {
		return nil, err
	}
	return out, nil
}

// planDetails reads the child's plan actions and core groups into plans,
// both at once.
func (t *Tx) planDetails(childID int64, plans []csc.CPPlan) error {
	index := map[int64]int{}
	for i, p := range plans {
		index[p.ID] = i
	}
	return t.queryAll([]string{planActionsSelect, coreGroupsSelect}, []any{childID}, func(i int, rows Rows) error {
		return scanPlanDetail(i == 0, rows, plans, index)
	})
}

// The child's plan actions and core groups, for scanPlanDetail.
const (
	planActionsSelect = `SELECT id, plan_id, child_id, what, who, due, done, version FROM cp_plan_action
		WHERE child_id = $1 ORDER BY due, id`
	coreGroupsSelect = `SELECT id, plan_id, child_id, held_on, attendance, notes FROM cp_core_group
		WHERE child_id = $1 ORDER BY held_on, id`
)

// scanPlanDetail scans plan actions (planActionsSelect) or core groups
// (coreGroupsSelect) into the plans they belong to, found by index.
func scanPlanDetail(actions bool, rows Rows, plans []csc.CPPlan, index map[int64]int) error {
	for rows.Next() {
		if actions {
			var a csc.PlanAction
			if err := rows.Scan(&a.ID, &a.PlanID, &a.ChildID, &a.What, &a.Who, &a.Due, &a.Done, &a.Version); err != nil {
				return err
			}
			if i, ok := index[a.PlanID]; ok {
				plans[i].Actions = append(plans[i].Actions, a)
			}
			continue
		}
		var g csc.CoreGroup
		if err := rows.Scan(&g.ID, &g.PlanID, &g.ChildID, &g.HeldOn, scanJSON{&g.Attendance}, &g.Notes); err != nil {
			return err
		}
		if i, ok := index[g.PlanID]; ok {
			plans[i].CoreGroups = append(plans[i].CoreGroups, g)
		}
	}
	return rows.Err()
}

// CreatePlanAction adds an action to a plan.
func (t *Tx) CreatePlanAction(a *csc.PlanAction) error {
	a.Version = 1
	id, err := t.insert(`INSERT INTO cp_plan_action (plan_id, child_id, what, who, due, done, version)
		VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`, a.PlanID, a.ChildID, a.What, a.Who, a.Due, a.Done)
	a.ID = id
	return mapErr(err)
}

// UpdatePlanAction saves an action's done date if the version is current.
func (t *Tx) UpdatePlanAction(a *csc.PlanAction) error {
	err := t.updateVersioned("cp_plan_action", a.ID, `UPDATE cp_plan_action SET done = $1, version = version + 1
		WHERE id = $2 AND version = $3`, a.Done, a.ID, a.Version)
	if err == nil {
		a.Version++
	}
	return err
}

// CreateCoreGroup records a core group meeting.
func (t *Tx) CreateCoreGroup(g *csc.CoreGroup) error {
	id, err := t.insert(`INSERT INTO cp_core_group (plan_id, child_id, held_on, attendance, notes, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, g.PlanID, g.ChildID, g.HeldOn, jsonText(g.Attendance), g.Notes, t.now)
	g.ID = id
	return mapErr(err)
}
