package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"cairn/internal/csc"
)

const maxText = 20000 // characters in a free-text field

// parsePerson checks a person form, reporting every problem at once. today
// bounds dates of birth; year picks the code lists.
func parsePerson(in csc.PersonInput, today csc.Date) (csc.Person, error) {
	var p csc.Person
	var probs csc.Problems
	year := csc.CollectionYearOf(today)
	p.Kind = csc.PersonKind(in.Kind)
	switch p.Kind {
	case csc.KindChild, csc.KindUnborn, csc.KindAdult:
	case "":
		p.Kind = csc.KindChild
	default:
		probs.Add("kind", "Choose child, unborn child or adult")
	}
	p.GivenName, p.FamilyName = strings.TrimSpace(in.GivenName), strings.TrimSpace(in.FamilyName)
	p.OtherNames = strings.TrimSpace(in.OtherNames)
	if p.FamilyName == "" {
		probs.Add("family_name", "Enter a family name")
	}
	if p.GivenName == "" && p.Kind != csc.KindUnborn {
		probs.Add("given_name", "Enter a given name")
	}
	for field, v := range map[string]string{"given_name": p.GivenName, "family_name": p.FamilyName, "other_names": p.OtherNames} {
		if len(v) > 200 {
			probs.Add(field, "Enter at most 200 characters")
		}
	}
	p.DateOfBirth = parseDateField(&probs, "date_of_birth", "date of birth", in.DateOfBirth)
	if !p.DateOfBirth.IsZero() {
		if p.DateOfBirth.After(today) {
			probs.Add("date_of_birth", "Date of birth must be today or in the past")
		} else if p.DateOfBirth.Before(today.AddDays(-130 * 366)) {
			probs.Add("date_of_birth", "Date of birth must be within the last 130 years")
		}
	}
	p.ExpectedDateOfBirth = parseDateField(&probs, "expected_date_of_birth", "expected date of birth", in.ExpectedDateOfBirth)
	switch p.Kind {
	case csc.KindUnborn:
		if !p.DateOfBirth.IsZero() && !probs.Has("date_of_birth") {
			probs.Add("date_of_birth", "An unborn child has no date of birth: enter the expected date of birth")
		}
		if p.ExpectedDateOfBirth.IsZero() && !probs.Has("expected_date_of_birth") {
			probs.Add("expected_date_of_birth", "Enter the expected date of birth")
		}
	case csc.KindChild:
		if p.DateOfBirth.IsZero() && !probs.Has("date_of_birth") {
			probs.Add("date_of_birth", "Enter the child's date of birth")
		} else if age := p.DateOfBirth.AgeOn(today); age > 25 && !probs.Has("date_of_birth") {
			probs.Add("date_of_birth", "A child's record is for someone under 26: record an older person as an adult")
		}
	}
	codeField(&probs, "sex", csc.ListSex, year, in.Sex)
	p.Sex = csc.SexCode(in.Sex)
	codeField(&probs, "ethnicity", csc.ListEthnicity, year, in.Ethnicity)
	p.Ethnicity = csc.EthnicityCode(in.Ethnicity)
	for _, d := range in.Disabilities {
		if d == "" {
			continue
		}
		if err := csc.CheckCode(csc.ListDisability, year, d); err != nil {
			probs.Add("disabilities", "%s", err.Error())
			continue
		}
		if !slices.Contains(p.Disabilities, csc.DisabilityCode(d)) {
			p.Disabilities = append(p.Disabilities, csc.DisabilityCode(d))
		}
	}
	if len(p.Disabilities) > 1 && slices.Contains(p.Disabilities, csc.DisabilityCode("NONE")) {
		probs.Add("disabilities", "Choose either “no disability” or the disabilities the person has, not both")
	}
	if s := strings.TrimSpace(in.NHSNumber); s != "" {
		n, err := csc.ParseNHSNumber(s)
		if err != nil {
			probs.Add("nhs_number", "%s", err.Error())
		}
		p.NHSNumber = n
	}
	if s := strings.TrimSpace(in.UPN); s != "" {
		u, err := csc.ParseUPN(s)
		if err != nil {
			probs.Add("upn", "%s", err.Error())
		}
		p.UPN = u
	}
	if s := strings.TrimSpace(in.Postcode); s != "" {
		pc, err := csc.ParsePostcode(s)
		if err != nil {
			probs.Add("postcode", "%s", err.Error())
		}
		p.Postcode = pc
	}
	p.GenderIdentity = textField(&probs, "gender_identity", in.GenderIdentity, 200)
	p.FirstLanguage = textField(&probs, "first_language", in.FirstLanguage, 100)
	p.Religion = textField(&probs, "religion", in.Religion, 100)
	p.SexualOrientation = textField(&probs, "sexual_orientation", in.SexualOrientation, 100)
	p.IdentityNotes = textField(&probs, "identity_notes", in.IdentityNotes, maxText)
	p.Address = textField(&probs, "address", in.Address, 500)
	p.InterpreterNeeded, p.AddressConfidential = in.InterpreterNeeded, in.AddressConfidential
	return p, probs.Err()
}

func parseDateField(probs *csc.Problems, field, label, s string) csc.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return csc.Date{}
	}
	d, err := csc.ParseDate(s)
	if err != nil {
		probs.Add(field, "Enter the %s as a real date, for example 2015-03-27", label)
		return csc.Date{}
	}
	return d
}

func codeField(probs *csc.Problems, field string, list csc.ListID, year csc.CollectionYear, v string) {
	if v == "" {
		return
	}
	if err := csc.CheckCode(list, year, v); err != nil {
		probs.Add(field, "%s", err.Error())
	}
}

func textField(probs *csc.Problems, field, v string, limit int) string {
	v = strings.TrimSpace(v)
	if len([]rune(v)) > limit {
		probs.Add(field, "Enter at most %d characters", limit)
	}
	return v
}

// CreatePerson adds a person to the record. Needs child.create.
func (a *App) CreatePerson(ctx context.Context, actor csc.Actor, in csc.PersonInput) (p *csc.Person, err error) {
	defer csc.WrapOp(&err, "app.CreatePerson")
	if err := require(actor, csc.ActChildCreate); err != nil {
		return nil, err
	}
	v, err := parsePerson(in, a.Today())
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if err := tx.CreatePerson(&v); err != nil {
			return err
		}
		child := v.ID
		if v.Kind == csc.KindAdult {
			child = 0
		} else if err := event(tx, actor, v.ID, "person", v.Kind.Label()+" record created", "person", v.ID); err != nil {
			return err
		}
		au.add(actor, "create", "person", v.ID, child, "")
		return nil
	})
	return &v, err
}

// UpdatePerson changes a person's details. version is the version the user
// edited; a stale version gets a Conflict. Needs child.edit and scope.
func (a *App) UpdatePerson(ctx context.Context, actor csc.Actor, id int64, version int, in csc.PersonInput) (p *csc.Person, err error) {
	defer csc.WrapOp(&err, "app.UpdatePerson")
	if err := require(actor, csc.ActChildEdit); err != nil {
		return nil, err
	}
	v, err := parsePerson(in, a.Today())
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		cur, _, err := loadChild(tx, actor, csc.ActChildEdit, id)
		if err != nil {
			return err
		}
		v.ID, v.Version, v.Restricted, v.RestrictionReason = id, version, cur.Restricted, cur.RestrictionReason
		v.CreatedAt = cur.CreatedAt
		changed := changedFields(cur, &v)
		if err := tx.UpdatePerson(&v); err != nil {
			return err
		}
		child := childOf(&v)
		if child != 0 && len(changed) > 0 {
			if err := event(tx, actor, id, "person", "Details changed: "+strings.Join(changed, ", "), "person", id); err != nil {
				return err
			}
		}
		au.add(actor, "update", "person", id, child, strings.Join(changed, ","))
		return nil
	})
	return &v, err
}

func childOf(p *csc.Person) int64 {
	if p.Kind == csc.KindAdult {
		return 0
	}
	return p.ID
}

// changedFields names the fields that differ, for the audit trail and the
// timeline: names of fields only, never their values.
func changedFields(old, cur *csc.Person) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("kind", old.Kind != cur.Kind)
	add("name", old.GivenName != cur.GivenName || old.FamilyName != cur.FamilyName || old.OtherNames != cur.OtherNames)
	add("date of birth", old.DateOfBirth != cur.DateOfBirth || old.ExpectedDateOfBirth != cur.ExpectedDateOfBirth)
	add("sex", old.Sex != cur.Sex)
	add("gender identity", old.GenderIdentity != cur.GenderIdentity)
	add("ethnicity", old.Ethnicity != cur.Ethnicity)
	add("language", old.FirstLanguage != cur.FirstLanguage || old.InterpreterNeeded != cur.InterpreterNeeded)
	add("religion", old.Religion != cur.Religion)
	add("sexual orientation", old.SexualOrientation != cur.SexualOrientation)
	add("identity notes", old.IdentityNotes != cur.IdentityNotes)
	add("disabilities", !slices.Equal(old.Disabilities, cur.Disabilities))
	add("NHS number", old.NHSNumber != cur.NHSNumber)
	add("UPN", old.UPN != cur.UPN)
	add("address", old.Address != cur.Address || old.Postcode != cur.Postcode || old.AddressConfidential != cur.AddressConfidential)
	return out
}

// SearchPeople finds people by name (tolerant of spelling), date of birth,
// NHS number and postcode, best matches first. Restricted records are
// hidden from staff not named on them. The search is audited with the ids
// it returned. Needs people.search.
func (a *App) SearchPeople(ctx context.Context, actor csc.Actor, q csc.PersonQuery) (out []csc.PersonMatch, err error) {
	defer csc.WrapOp(&err, "app.SearchPeople")
	if err := require(actor, csc.ActPeopleSearch); err != nil {
		return nil, err
	}
	norm, err := normaliseQuery(q)
	if err != nil {
		return nil, err
	}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		found, err := tx.FindPeople(norm)
		if err != nil {
			return err
		}
		for i := range found {
			ok, err := visible(tx, actor, &found[i])
			if err != nil {
				return err
			}
			if ok {
				out = append(out, scoreMatch(norm, found[i]))
			}
		}
		rankMatches(out)
		if limit := norm.Limit; limit > 0 && len(out) > limit {
			out = out[:limit]
		}
		if err := fillMatches(tx, out); err != nil {
			return err
		}
		ids := make([]string, len(out))
		for i, m := range out {
			ids[i] = fmt.Sprint(m.ID)
		}
		au.add(actor, "search", "person", 0, 0, fmt.Sprintf("%d results: %s", len(out), strings.Join(ids, " ")))
		return nil
	})
	return out, err
}

// normaliseQuery checks and normalises a search, so that an NHS number typed
// with spaces or a postcode in lower case still matches.
func normaliseQuery(q csc.PersonQuery) (csc.PersonQuery, error) {
	var probs csc.Problems
	out := csc.PersonQuery{Name: strings.TrimSpace(q.Name), Kind: q.Kind, Limit: q.Limit}
	if out.Limit <= 0 || out.Limit > 100 {
		out.Limit = 25
	}
	if len(out.Name) > 200 {
		probs.Add("name", "Enter at most 200 characters")
	}
	if s := strings.TrimSpace(q.DateOfBirth); s != "" {
		d, err := csc.ParseDate(s)
		if err != nil {
			probs.Add("date_of_birth", "Enter the date of birth as a real date, for example 2015-03-27")
		}
		out.DateOfBirth = d.String()
	}
	if s := strings.TrimSpace(q.NHSNumber); s != "" {
		n, err := csc.ParseNHSNumber(s)
		if err != nil {
			probs.Add("nhs_number", "%s", err.Error())
		}
		out.NHSNumber = string(n)
	}
	if s := strings.TrimSpace(q.Postcode); s != "" {
		pc, err := csc.ParsePostcode(s)
		if err != nil {
			probs.Add("postcode", "%s", err.Error())
		}
		out.Postcode = string(pc)
	}
	if err := probs.Err(); err != nil {
		return out, err
	}
	if out.Name == "" && out.DateOfBirth == "" && out.NHSNumber == "" && out.Postcode == "" {
		return out, csc.Problems{{Field: "name", Message: "Enter a name, date of birth, NHS number or postcode to search for"}}.Err()
	}
	return out, nil
}

// scoreMatch says how well a person matches a search, and why.
func scoreMatch(q csc.PersonQuery, p csc.Person) csc.PersonMatch {
	m := csc.PersonMatch{Person: p}
	if q.NHSNumber != "" && string(p.NHSNumber) == q.NHSNumber {
		m.Score += 100
		m.Reasons = append(m.Reasons, "NHS number")
	}
	if q.DateOfBirth != "" && p.DateOfBirth.String() == q.DateOfBirth {
		m.Score += 40
		m.Reasons = append(m.Reasons, "date of birth")
	}
	if q.Postcode != "" && string(p.Postcode) == q.Postcode {
		m.Score += 20
		m.Reasons = append(m.Reasons, "postcode")
	}
	if qt := csc.NameTokens(q.Name); len(qt) > 0 {
		names := csc.NameTokens(p.GivenName, p.FamilyName, p.OtherNames)
		exact, score := true, 0
		for _, t := range qt {
			best := 99
			for _, n := range names {
				d := csc.EditDistance(t, n)
				if strings.HasPrefix(n, t) {
					d = min(d, 0)
				}
				best = min(best, d)
			}
			if best > 0 {
				exact = false
			}
			score += max(0, 30-10*best)
		}
		m.Score += score
		if exact {
			m.Reasons = append(m.Reasons, "name")
		} else {
			m.Reasons = append(m.Reasons, "name sounds alike")
		}
	}
	return m
}

// rankMatches orders matches best first, then by name. Each name is built
// once: a common surname brings hundreds of candidates to sort.
func rankMatches(ms []csc.PersonMatch) {
	type ranked struct {
		m    csc.PersonMatch
		name string
	}
	rs := make([]ranked, len(ms))
	for i, m := range ms {
		rs[i] = ranked{m, m.Name()}
	}
	slices.SortStableFunc(rs, func(x, y ranked) int {
		if x.m.Score != y.m.Score {
			return y.m.Score - x.m.Score
		}
		return strings.Compare(x.name, y.name)
	})
	for i := range rs {
		ms[i] = rs[i].m
	}
}

// fillMatches replaces the search candidates in ms, which carry only the
// fields ranking needs, with the whole records of the people shown.
func fillMatches(tx csc.Tx, ms []csc.PersonMatch) error {
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	people, err := tx.FindPeopleByIDs(ids)
	if err != nil {
		return err
	}
	byID := make(map[int64]csc.Person, len(people))
	for _, p := range people {
		byID[p.ID] = p
	}
	for i := range ms {
		p, ok := byID[ms[i].ID]
		if !ok {
			return csc.Errorf(csc.NotFound, "Person %d is not on the record.", ms[i].ID)
		}
		ms[i].Person = p
	}
	return nil
}

// LikelyDuplicates suggests people already on the record who may be the
// person about to be created: same NHS number, or a sound-alike name with
// the same date of birth. The front door sees these before a new record is
// made. Needs people.search.
func (a *App) LikelyDuplicates(ctx context.Context, actor csc.Actor, in csc.PersonInput) ([]csc.PersonMatch, error) {
	var out []csc.PersonMatch
	seen := map[int64]bool{}
	try := func(q csc.PersonQuery) error {
		if q.Name == "" && q.NHSNumber == "" && q.DateOfBirth == "" {
			return nil
		}
		ms, err := a.SearchPeople(ctx, actor, q)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if !seen[m.ID] && (m.Score >= 60 || slices.Contains(m.Reasons, "NHS number")) {
				seen[m.ID] = true
				out = append(out, m)
			}
		}
		return nil
	}
	if n, err := csc.ParseNHSNumber(in.NHSNumber); err == nil {
		if err := try(csc.PersonQuery{NHSNumber: string(n), Limit: 10}); err != nil {
			return nil, err
		}
	}
	if d, err := csc.ParseDate(strings.TrimSpace(in.DateOfBirth)); err == nil {
		name := strings.TrimSpace(in.GivenName + " " + in.FamilyName)
		if err := try(csc.PersonQuery{Name: strings.TrimSpace(in.FamilyName), DateOfBirth: d.String(), Limit: 10}); err != nil {
			return nil, err
		}
		if err := try(csc.PersonQuery{Name: name, Limit: 10}); err != nil {
			return nil, err
		}
	}
	rankMatches(out)
	return out, nil
}
