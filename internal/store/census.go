package store

import (
	"strings"
	"time"

	"cairn/internal/csc"
)

// censusReferrals is the condition on referral r (and the arguments $1 from,
// $2 to, $3 and $4 the range of child ids) that makes it an episode of the
// census: open at any point in [from, to].
const censusReferrals = `r.child_id BETWEEN $3 AND $4 AND r.referral_date <= $2
	AND (r.closure_date IS NULL OR r.closure_date >= $1)`

// The census statements: each asks for the episodes open in [$1, $2] of
// the children with ids in [$3, $4] (see censusReferrals), but for the
// initial conferences, which ask for the children with ids in [$1, $2].
const (
	censusChildrenSQL = `SELECT p.id, p.date_of_birth, p.expected_dob, p.date_of_death, p.sex, p.ethnicity, p.upn, p.restricted
		FROM person p WHERE p.id IN (SELECT r.child_id FROM referral r WHERE ` + censusReferrals + `)
		ORDER BY p.id`
	censusDisabilitiesSQL = `SELECT d.person_id, d.code FROM person_disability d
		WHERE d.person_id IN (SELECT r.child_id FROM referral r WHERE ` + censusReferrals + `)
		ORDER BY d.person_id, d.code`
	censusEpisodesSQL = `SELECT r.id, r.child_id, r.referral_date, r.source, r.primary_need, r.nfa, r.closure_date, r.closure_reason
		FROM referral r WHERE ` + censusReferrals + ` ORDER BY r.child_id, r.referral_date, r.id`
	censusAssessmentsSQL = `SELECT a.id, a.referral_id, a.start_date, a.authorised_date, a.factors
		FROM assessment a JOIN referral r ON r.id = a.referral_id
		WHERE ` + censusReferrals + ` AND a.start_date <= $2 AND (a.authorised_date IS NULL OR a.authorised_date >= $1)
		ORDER BY a.referral_id, a.start_date, a.id`
	censusCINPlansSQL = `SELECT p.id, p.referral_id, p.start_date, p.end_date
		FROM cin_plan p JOIN referral r ON r.id = p.referral_id
		WHERE ` + censusReferrals + ` AND p.child_id BETWEEN $3 AND $4 AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1)
		ORDER BY p.referral_id, p.start_date, p.id`
	censusEnquiriesSQL = `SELECT s.id, s.child_id, s.referral_id, r.closure_date, s.started, d.held_at, s.outcome,
			s.conference_needed, s.outcome_date
		FROM s47_enquiry s JOIN referral r ON r.id = s.referral_id
		JOIN strategy_discussion d ON d.id = s.strategy_id
		WHERE ` + censusReferrals + ` AND s.child_id BETWEEN $3 AND $4 AND s.started <= $2
		ORDER BY s.child_id, s.started, s.id`
	censusConferencesSQL = `SELECT c.id, c.child_id, COALESCE(c.s47_id, 0), c.held_on FROM cp_conference c
			WHERE c.kind = 'initial' AND c.child_id BETWEEN $1 AND $2
			UNION ALL
			SELECT c.id, k.child_id, 0, c.held_on FROM cp_conference c JOIN cp_conference_decision k ON k.conference_id = c.id
			WHERE c.kind = 'initial' AND k.child_id BETWEEN $1 AND $2 AND k.child_id <> c.child_id
			ORDER BY 2, 4`
	censusCPPlansSQL = `SELECT p.id, p.referral_id, p.start_date, p.end_date, p.initial_category, p.latest_category, p.previous_plans,
			CASE WHEN c.kind = 'initial' THEN c.held_on END, CASE WHEN c.kind = 'initial' THEN c.id ELSE 0 END
		FROM cp_plan p JOIN referral r ON r.id = p.referral_id JOIN cp_conference c ON c.id = p.conference_id
		WHERE ` + censusReferrals + ` AND p.child_id BETWEEN $3 AND $4 AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1)
		ORDER BY p.referral_id, p.start_date, p.id`
	censusReviewsSQL = `SELECT c.plan_id, c.id, c.held_on
		FROM cp_conference c JOIN cp_plan p ON p.id = c.plan_id JOIN referral r ON r.id = p.referral_id
		WHERE ` + censusReferrals + ` AND p.child_id BETWEEN $3 AND $4 AND c.kind = 'review' AND c.held_on BETWEEN $1 AND $2
		ORDER BY c.plan_id, c.held_on, c.id`
)

// CensusChildren reads the census population with ids in [fromID, toID] in
// nine queries, one per table, each for the whole range. Each table's own
// child_id is bounded by the range too (a record's child is its referral's
// child), so that a range of one child, as the child's page reads it, is
// found through the tables' child indexes rather than a scan.
func (t *Tx) CensusChildren(from, to csc.Date, fromID, toID int64) ([]csc.CensusChild, error) {
	args, confArgs := []any{from, to, fromID, toID}, []any{fromID, toID}
	conferences := censusConferencesSQL
	byID := func(query string) string { return query }
	// A child's page checks the one child's census data. PostgreSQL plans a
	// prepared statement that asks for a range of children afresh every
	// time it runs, because one plan cannot suit both a range of one child
	// and the whole authority: eight plans a page, 0.3–0.5 ms each, a
	// quarter of the database's work on a child's page. One child is asked
	// for by id instead, in statements of their own whose plan is kept.
	one := fromID == toID
	if one {
		args, confArgs = args[:3], confArgs[:1]
		byID = func(query string) string { return strings.ReplaceAll(query, "BETWEEN $3 AND $4", "= $3") }
		conferences = strings.ReplaceAll(conferences, "BETWEEN $1 AND $2", "= $1")
	}
	// For one child on PostgreSQL, the statements go to the server together
	// in one round trip (in Together, the round trip of the statements the
	// others wait on), rather than nine one after another; a range is read
	// one statement at a time, as its rows may be the authority's.
	var ahead map[string]*answer
	if one && t.engine == Postgres {
		queries := []string{byID(censusChildrenSQL), byID(censusDisabilitiesSQL), byID(censusEpisodesSQL),
			byID(censusAssessmentsSQL), byID(censusCINPlansSQL), byID(censusEnquiriesSQL), conferences,
			byID(censusCPPlansSQL), byID(censusReviewsSQL)}
		queryArgs := [][]any{args, args, args, args, args, args, confArgs, args, args}
		answers, err := t.askAll(queries, queryArgs)
		if err != nil {
			return nil, err
		}
		ahead = make(map[string]*answer, len(queries))
		for i, q := range queries {
			ahead[q] = answers[i]
		}
	}
	each := func(query string, args []any, fn func(Rows) error) error {
		query = byID(query) // the conferences' statement has no range of $3 and $4
		if a := ahead[query]; a != nil {
			rows, err := rowsOf(a)
			return eachRow(rows, err, fn)
		}
		return t.each(query, args, fn)
	}
	var kids []csc.CensusChild
	at := map[int64]int{} // child id to index in kids

	// The children.
	err := each(censusChildrenSQL, args, func(rows Rows) error {
		var c csc.CensusChild
		if err := rows.Scan(&c.ID, &c.DateOfBirth, &c.ExpectedDateOfBirth, &c.DateOfDeath, &c.Sex, &c.Ethnicity, &c.UPN, &c.Restricted); err != nil {
			return err
		}
		at[c.ID] = len(kids)
		kids = append(kids, c)
		return nil
	})
	if err != nil || len(kids) == 0 {
		return nil, err
	}
	err = each(censusDisabilitiesSQL, args, func(rows Rows) error {
		var id int64
		var code csc.DisabilityCode
		if err := rows.Scan(&id, &code); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			kids[i].Disabilities = append(kids[i].Disabilities, code)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Their episodes.
	type place struct{ kid, ep int }
	eps := map[int64]place{}
	err = each(censusEpisodesSQL, args, func(rows Rows) error {
		var e csc.CensusEpisode
		var child int64
		if err := rows.Scan(&e.ReferralID, &child, &e.ReferralDate, &e.Source, &e.PrimaryNeed, &e.NFA, &e.ClosureDate, &e.ClosureReason); err != nil {
			return err
		}
		i, ok := at[child]
		if !ok {
			return nil
		}
		eps[e.ReferralID] = place{i, len(kids[i].Episodes)}
		kids[i].Episodes = append(kids[i].Episodes, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	episode := func(referral int64) *csc.CensusEpisode {
		p, ok := eps[referral]
		if !ok {
			return nil
		}
		return &kids[p.kid].Episodes[p.ep]
	}

	// What was done under them, open at some point in the period.
	err = each(censusAssessmentsSQL, args, func(rows Rows) error {
		var ref int64
		var a csc.CensusAssessment
		var factors string
		if err := rows.Scan(&a.ID, &ref, &a.StartDate, &a.AuthorisedDate, &factors); err != nil {
			return err
		}
		a.Factors = strings.Fields(factors)
		if e := episode(ref); e != nil {
			e.Assessments = append(e.Assessments, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(censusCINPlansSQL, args, func(rows Rows) error {
		var ref int64
		var p csc.CensusCINPlan
		if err := rows.Scan(&p.ID, &ref, &p.StartDate, &p.EndDate); err != nil {
			return err
		}
		if e := episode(ref); e != nil {
			e.CINPlans = append(e.CINPlans, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Enquiries, and the initial conferences about the children: those
	// held for them and those held for the household with a decision about
	// them. An enquiry's conference is the one held for it or else the
	// child's first conference on or after it began, before the referral
	// closed and the child's next enquiry began.
	type enquiry struct {
		id, child, ref int64
		closed         csc.Date
		outcomeDate    csc.Date
		s              csc.CensusS47
	}
	var enquiries []enquiry
	err = each(censusEnquiriesSQL, args, func(rows Rows) error {
		var e enquiry
		var held time.Time
		var outcome string
		if err := rows.Scan(&e.id, &e.child, &e.ref, &e.closed, &e.s.StartDate, scanTime{&held}, &outcome,
			&e.s.ConferenceNeeded, &e.outcomeDate); err != nil {
			return err
		}
		e.s.ID = e.id
		e.s.StrategyDate = csc.DateOf(held)
		// An outcome reached after the period was not yet known in it.
		e.s.Concluded = outcome != "" && !e.outcomeDate.After(to)
		enquiries = append(enquiries, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	type conference struct {
		id, child, s47 int64
		held           csc.Date
	}
	var confs []conference
	if len(enquiries) > 0 {
		err = each(conferences, confArgs, func(rows Rows) error {
			var c conference
			if err := rows.Scan(&c.id, &c.child, &c.s47, &c.held); err != nil {
				return err
			}
			confs = append(confs, c)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	ci := 0
	for i := range enquiries {
		e := &enquiries[i]
		for ci < len(confs) && confs[ci].child < e.child {
			ci++
		}
		var next csc.Date
		if i+1 < len(enquiries) && enquiries[i+1].child == e.child {
			next = enquiries[i+1].s.StartDate
		}
		for j := ci; j < len(confs) && confs[j].child == e.child; j++ {
			c := confs[j]
			if c.s47 == e.id {
				e.s.InitialCPC, e.s.ConferenceID = c.held, c.id
				break
			}
			if c.held.Before(e.s.StartDate) || (!e.closed.IsZero() && c.held.After(e.closed)) ||
				(!next.IsZero() && !next.After(c.held)) || (c.s47 != 0 && c.s47 != e.id) {
				continue
			}
			if e.s.InitialCPC.IsZero() {
				e.s.InitialCPC, e.s.ConferenceID = c.held, c.id
			}
		}
		// An enquiry over before the period began is not in it.
		if e.s.StartDate.Before(from) {
			if !e.s.InitialCPC.IsZero() && e.s.InitialCPC.Before(from) {
				continue
			}
			if e.s.InitialCPC.IsZero() && e.s.Concluded && !e.outcomeDate.IsZero() && e.outcomeDate.Before(from) {
				continue
			}
		}
		if ep := episode(e.ref); ep != nil {
			ep.S47s = append(ep.S47s, e.s)
		}
	}
	plans := map[int64]*csc.CensusCPPlan{}
	type planAt struct {
		id  int64
		ref int64
	}
	var order []planAt
	err = each(censusCPPlansSQL, args, func(rows Rows) error {
		var id, ref int64
		var p csc.CensusCPPlan
		if err := rows.Scan(&id, &ref, &p.StartDate, &p.EndDate, &p.InitialCategory, &p.LatestCategory, &p.PreviousPlans, &p.InitialCPC, &p.ConferenceID); err != nil {
			return err
		}
		p.ID = id
		if e := episode(ref); e != nil {
			e.ProtectionPlan = append(e.ProtectionPlan, p)
			order = append(order, planAt{id, ref})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Plans are appended in order, so their addresses are stable only once
	// every plan of the episode is in: take them now.
	seen := map[int64]int{}
	for _, p := range order {
		e := episode(p.ref)
		plans[p.id] = &e.ProtectionPlan[seen[p.ref]]
		seen[p.ref]++
	}
	err = each(censusReviewsSQL, args, func(rows Rows) error {
		var id, conf int64
		var d csc.Date
		if err := rows.Scan(&id, &conf, &d); err != nil {
			return err
		}
		if p := plans[id]; p != nil {
			p.Reviews = append(p.Reviews, d)
			p.ReviewIDs = append(p.ReviewIDs, conf)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return kids, nil
}

// each runs query and calls fn for every row.
func (t *Tx) each(query string, args []any, fn func(Rows) error) error {
	rows, err := t.query(query, args...)
	return eachRow(rows, err, fn)
}

// eachRow calls fn for every row of rows, unless err, and closes them.
func eachRow(rows Rows, err error, fn func(Rows) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
