package store

import (
	"time"

	"cairn/internal/csc"
)

// AnnexA reads the Annex A material of the children with ids in [fromID,
// toID] for [from, to] in a query per table, each for the whole range.
// Instants (contacts, strategy discussions) are read a day either side of
// the period and kept by their date in London.
func (t *Tx) AnnexA(from, to csc.Date, fromID, toID int64) (*csc.AnnexA, error) {
	a := &csc.AnnexA{Children: map[int64]*csc.AnnexAChild{}}
	args := []any{from, to, fromID, toID}
	wide := []any{from.AddDays(-1), to.AddDays(2), fromID, toID}
	in := func(d csc.Date) bool { return !d.Before(from) && !d.After(to) }
	need := func(id int64) { a.Children[id] = nil }

	err := t.each(`SELECT c.child_id, c.received_at, c.source FROM contact c
		WHERE c.child_id BETWEEN $3 AND $4 AND c.received_at >= $1 AND c.received_at < $2
		UNION ALL
		SELECT h.person_id, c.received_at, c.source FROM contact c
		JOIN contact_household h ON h.contact_id = c.id JOIN person p ON p.id = h.person_id
		WHERE h.person_id BETWEEN $3 AND $4 AND h.person_id <> c.child_id AND p.kind = 'child'
		AND c.received_at >= $1 AND c.received_at < $2
		ORDER BY 1, 2`, wide, func(rows Rows) error {
		var c csc.AnnexAContact
		var at time.Time
		if err := rows.Scan(&c.ChildID, scanTime{&at}, &c.Source); err != nil {
			return err
		}
		if c.Received = csc.DateOf(at); in(c.Received) {
			a.Contacts = append(a.Contacts, c)
			need(c.ChildID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT e.child_id, e.start_date, e.end_date, e.eha_start, e.eha_completed, e.agency
		FROM early_help e WHERE e.child_id BETWEEN $3 AND $4 AND e.start_date <= $2
		AND (e.end_date IS NULL OR e.end_date >= $1 OR e.eha_completed >= $1)
		ORDER BY e.child_id, e.start_date, e.id`, args, func(rows Rows) error {
		var e csc.AnnexAEarlyHelp
		if err := rows.Scan(&e.ChildID, &e.Start, &e.End, &e.EHAStart, &e.EHACompleted, &e.Agency); err != nil {
			return err
		}
		a.EarlyHelp = append(a.EarlyHelp, e)
		need(e.ChildID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT r.child_id, r.referral_date, r.source, r.nfa FROM referral r
		WHERE r.child_id BETWEEN $3 AND $4 AND r.referral_date BETWEEN $1 AND $2
		ORDER BY r.child_id, r.referral_date, r.id`, args, func(rows Rows) error {
		var r csc.AnnexAReferral
		if err := rows.Scan(&r.ChildID, &r.Date, &r.Source, &r.NFA); err != nil {
			return err
		}
		a.Referrals = append(a.Referrals, r)
		need(r.ChildID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT a.child_id, a.start_date, a.authorised_date, a.outcome,
			EXISTS (SELECT 1 FROM assessment_seen s WHERE s.assessment_id = a.id)
		FROM assessment a WHERE a.child_id BETWEEN $3 AND $4 AND a.start_date <= $2
		AND (a.authorised_date IS NULL OR a.authorised_date >= $1)
		ORDER BY a.child_id, a.start_date, a.id`, args, func(rows Rows) error {
		var x csc.AnnexAAssessment
		if err := rows.Scan(&x.ChildID, &x.Start, &x.Authorised, &x.Outcome, &x.Seen); err != nil {
			return err
		}
		a.Assessments = append(a.Assessments, x)
		need(x.ChildID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT s.child_id, s.started, d.held_at, s.outcome, s.conference_needed,
			(SELECT MIN(c.held_on) FROM cp_conference c
				WHERE c.child_id = s.child_id AND c.s47_id = s.id AND c.kind = 'initial'),
			EXISTS (SELECT 1 FROM cp_plan p JOIN cp_conference c ON c.id = p.conference_id
				WHERE p.child_id = s.child_id AND c.child_id = s.child_id AND c.s47_id = s.id AND c.kind = 'initial')
		FROM s47_enquiry s JOIN strategy_discussion d ON d.id = s.strategy_id
		WHERE s.child_id BETWEEN $3 AND $4 AND s.started <= $2 AND (s.started >= $1 OR s.outcome = '')
		ORDER BY s.child_id, s.started, s.id`, args, func(rows Rows) error {
		var s csc.AnnexAS47
		var held time.Time
		var outcome string
		if err := rows.Scan(&s.ChildID, &s.Started, scanTime{&held}, &outcome, &s.ConferenceNeeded, &s.InitialCPC, &s.Plan); err != nil {
			return err
		}
		s.StrategyDate = csc.DateOf(held)
		s.Concluded = outcome != ""
		a.S47s = append(a.S47s, s)
		need(s.ChildID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT c.child_id, c.held_on FROM cp_conference c
		WHERE c.kind = 'initial' AND c.child_id BETWEEN $3 AND $4 AND c.held_on BETWEEN $1 AND $2
		ORDER BY c.child_id, c.held_on`, args, func(rows Rows) error {
		var c csc.AnnexAICPC
		if err := rows.Scan(&c.ChildID, &c.Held); err != nil {
			return err
		}
		a.ICPCs = append(a.ICPCs, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT r.child_id, r.referral_date, r.primary_need, r.closure_date, r.closure_reason,
			EXISTS (SELECT 1 FROM cin_plan p WHERE p.child_id = r.child_id AND p.referral_id = r.id
				AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1)),
			EXISTS (SELECT 1 FROM cp_plan p WHERE p.child_id = r.child_id AND p.referral_id = r.id
				AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1))
		FROM referral r WHERE r.child_id BETWEEN $3 AND $4 AND r.nfa = FALSE AND r.referral_date <= $2
		AND (r.closure_date IS NULL OR r.closure_date >= $1)
		ORDER BY r.child_id, r.referral_date, r.id`, args, func(rows Rows) error {
		var c csc.AnnexACIN
		if err := rows.Scan(&c.ChildID, &c.Start, &c.PrimaryNeed, &c.Closed, &c.ClosureReason, &c.CINPlan, &c.CPPlan); err != nil {
			return err
		}
		a.CIN = append(a.CIN, c)
		need(c.ChildID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	plans := map[int64]int{}
	err = t.each(`SELECT p.id, p.child_id, p.start_date, p.end_date, p.initial_category, p.latest_category, p.previous_plans
		FROM cp_plan p WHERE p.child_id BETWEEN $3 AND $4 AND p.start_date <= $2
		AND (p.end_date IS NULL OR p.end_date >= $1)
		ORDER BY p.child_id, p.start_date, p.id`, args, func(rows Rows) error {
		var p csc.AnnexACPPlan
		if err := rows.Scan(&p.ID, &p.ChildID, &p.Start, &p.End, &p.Initial, &p.Latest, &p.PreviousPlans); err != nil {
			return err
		}
		plans[p.ID] = len(a.CPPlans)
		a.CPPlans = append(a.CPPlans, p)
		need(p.ChildID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(plans) > 0 {
		// The plans' latest review conferences by the end of the period: a
		// review is held for one child's plan, and a household's review
		// decides about each child's. Matched to the plans here, from the
		// children's conferences and decisions, rather than looked up for
		// each plan (a plan has no index of its conferences).
		err = t.each(`SELECT c.plan_id, c.held_on FROM cp_conference c
			WHERE c.child_id BETWEEN $2 AND $3 AND c.kind = 'review' AND c.held_on <= $1 AND c.plan_id IS NOT NULL
			UNION ALL
			SELECT d.plan_id, c.held_on FROM cp_conference_decision d JOIN cp_conference c ON c.id = d.conference_id
			WHERE d.child_id BETWEEN $2 AND $3 AND c.kind = 'review' AND c.held_on <= $1 AND d.plan_id IS NOT NULL`,
			[]any{to, fromID, toID}, func(rows Rows) error {
				var id int64
				var held csc.Date
				if err := rows.Scan(&id, &held); err != nil {
					return err
				}
				if i, ok := plans[id]; ok && held.After(a.CPPlans[i].LastReview) {
					a.CPPlans[i].LastReview = held
				}
				return nil
			})
		if err != nil {
			return nil, err
		}
		// The visits under the plans, oldest first, so the last kept is the latest.
		err = t.each(`SELECT v.plan_id, v.visit_date, v.seen_alone FROM visit v
			WHERE v.child_id BETWEEN $3 AND $4 AND v.plan_kind = 'cp' AND v.visit_date BETWEEN $1 AND $2
			ORDER BY v.plan_id, v.visit_date, v.at, v.id`, args, func(rows Rows) error {
			var id int64
			var on csc.Date
			var alone bool
			if err := rows.Scan(&id, &on, &alone); err != nil {
				return err
			}
			if i, ok := plans[id]; ok {
				a.CPPlans[i].LastVisit, a.CPPlans[i].SeenAlone = on, alone
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(a.Children) == 0 {
		return a, nil
	}

	// The children the rows are about, with their disabilities and the
	// allocation open at the end of the period.
	ids := []any{fromID, toID}
	err = t.each(`SELECT p.id, p.date_of_birth, p.sex, p.ethnicity FROM person p
		WHERE p.id BETWEEN $1 AND $2 ORDER BY p.id`, ids, func(rows Rows) error {
		var c csc.AnnexAChild
		if err := rows.Scan(&c.ID, &c.DateOfBirth, &c.Sex, &c.Ethnicity); err != nil {
			return err
		}
		if _, ok := a.Children[c.ID]; ok {
			a.Children[c.ID] = &c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for id, c := range a.Children {
		if c == nil { // rows about someone not in the person table cannot happen; keep the id
			a.Children[id] = &csc.AnnexAChild{ID: id}
		}
	}
	err = t.each(`SELECT d.person_id, d.code FROM person_disability d
		WHERE d.person_id BETWEEN $1 AND $2 ORDER BY d.person_id, d.code`, ids, func(rows Rows) error {
		var id int64
		var code csc.DisabilityCode
		if err := rows.Scan(&id, &code); err != nil {
			return err
		}
		if c := a.Children[id]; c != nil {
			c.Disabilities = append(c.Disabilities, code)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT v.child_id, MAX(v.visit_date) FROM visit v
		WHERE v.child_id BETWEEN $1 AND $2 AND v.child_seen AND v.visit_date <= $3
		GROUP BY v.child_id ORDER BY v.child_id`, []any{fromID, toID, to}, func(rows Rows) error {
		var id int64
		var on csc.Date
		if err := rows.Scan(&id, &on); err != nil {
			return err
		}
		if c := a.Children[id]; c != nil {
			c.LastSeen = on
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = t.each(`SELECT l.child_id, tm.name, s.name FROM allocation l
		JOIN team tm ON tm.id = l.team_id JOIN staff s ON s.id = l.staff_id
		WHERE l.child_id BETWEEN $1 AND $2 AND l.started_at < $3 AND (l.ended_at IS NULL OR l.ended_at >= $3)
		ORDER BY l.child_id, l.started_at, l.id`, []any{fromID, toID, to.AddDays(1)}, func(rows Rows) error {
		var id int64
		var team, worker string
		if err := rows.Scan(&id, &team, &worker); err != nil {
			return err
		}
		if c := a.Children[id]; c != nil {
			c.Team, c.Worker = team, worker
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}
