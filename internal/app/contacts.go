package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// ContactDecisionDays is HP-01: the front door decides what happens with a
// contact within one working day of receiving it.
const ContactDecisionDays = 1

// ParseInstant reads a time entered in a form ("2026-03-02T14:05", London
// time) or sent by the API (RFC 3339).
func ParseInstant(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, csc.London); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date and time")
}

func (a *App) parseContact(in csc.ContactInput) (csc.Contact, error) {
	var c csc.Contact
	var probs csc.Problems
	now := a.Now()
	if in.ChildID <= 0 {
		probs.Add("child_id", "Choose the child the contact is about")
	}
	c.ChildID = in.ChildID
	if strings.TrimSpace(in.ReceivedAt) == "" {
		probs.Add("received_at", "Enter the date and time the contact was received")
	} else if t, err := ParseInstant(in.ReceivedAt); err != nil {
		probs.Add("received_at", "Enter the date and time received as a real date and time, for example 2026-03-02T14:05")
	} else if t.After(now.Add(5 * time.Minute)) {
		probs.Add("received_at", "The time received must be in the past")
	} else if t.Before(now.AddDate(-1, 0, 0)) {
		probs.Add("received_at", "The time received must be within the last year")
	} else {
		c.ReceivedAt = t
	}
	year := csc.CollectionYearOf(csc.DateOf(now))
	if !c.ReceivedAt.IsZero() {
		year = csc.CollectionYearOf(csc.DateOf(c.ReceivedAt))
	}
	if in.Source == "" {
		probs.Add("source", "Choose the source of the contact")
	} else if err := csc.CheckCode(csc.ListReferralSource, year, in.Source); err != nil {
		probs.Add("source", "%s", err.Error())
	}
	c.Source = csc.ReferralSourceCode(in.Source)
	c.Referrer = csc.Referrer{
		Name: textField(&probs, "referrer.name", in.Referrer.Name, 200), Organisation: textField(&probs, "referrer.organisation", in.Referrer.Organisation, 200),
		Role: textField(&probs, "referrer.role", in.Referrer.Role, 200), Phone: textField(&probs, "referrer.phone", in.Referrer.Phone, 50),
		Email: textField(&probs, "referrer.email", in.Referrer.Email, 200), Address: textField(&probs, "referrer.address", in.Referrer.Address, 500),
	}
	if c.Referrer.Name == "" && c.Source != "9" {
		probs.Add("referrer.name", "Enter the referrer's name, or choose the source “Anonymous”")
	}
	if e := c.Referrer.Email; e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " <>")) {
		probs.Add("referrer.email", "Enter an email address in the correct format, like name@example.org")
	}
	c.OutOfHours = in.OutOfHours
	c.PresentingConcerns = textField(&probs, "presenting_concerns", in.PresentingConcerns, maxText)
	if c.PresentingConcerns == "" {
		probs.Add("presenting_concerns", "Enter the presenting concerns: what the referrer told us")
	}
	c.HistoricConcerns = textField(&probs, "historic_concerns", in.HistoricConcerns, maxText)
	c.Consent = csc.Consent(in.Consent)
	c.ConsentRationale = textField(&probs, "consent_rationale", in.ConsentRationale, maxText)
	switch {
	case in.Consent == "":
		probs.Add("consent", "Choose whether consent to share information was sought, given, refused or overridden")
	case !slices.Contains(csc.Consents, c.Consent):
		probs.Add("consent", "Choose a consent state from the list")
	case (c.Consent == csc.ConsentOverridden || c.Consent == csc.ConsentNotSought) && c.ConsentRationale == "":
		probs.Add("consent_rationale", "Enter why consent was %s: an override needs a recorded rationale", strings.ToLower(c.Consent.Label()))
	}
	c.TeamID = in.TeamID
	return c, probs.Err()
}

// RecordContact records a contact about a child at the front door. The
// decision clock (HP-01: one working day) starts at the time received.
// Needs contact.record and the child in scope.
func (a *App) RecordContact(ctx context.Context, actor csc.Actor, in csc.ContactInput) (c *csc.Contact, err error) {
	defer csc.WrapOp(&err, "app.RecordContact")
	if err := require(actor, csc.ActContactRecord); err != nil {
		return nil, err
	}
	v, err := a.parseContact(in)
	if err != nil {
		return nil, err
	}
	v.DueAt = clock.WorkingDayDeadline(v.ReceivedAt, ContactDecisionDays, csc.London)
	v.RecordedByID, v.RecordedBy = actor.StaffID, actor.Name
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		child, _, err := loadChild(tx, actor, csc.ActContactRecord, v.ChildID)
		if err != nil {
			return err
		}
		if child.Kind == csc.KindAdult {
			return csc.Problems{{Field: "child_id", Message: "A contact is about a child or unborn child, not an adult"}}.Err()
		}
		if err := a.householdOf(tx, &v, in.HouseholdIDs); err != nil {
			return err
		}
		if v.TeamID, err = frontDoorTeam(tx, actor, v.TeamID); err != nil {
			return err
		}
		v.ChildName = child.Name()
		if v.TeamID != 0 {
			team, err := tx.FindTeamByID(v.TeamID)
			if err != nil {
				return err
			}
			v.TeamName = team.Name
		}
		if err := tx.CreateContact(&v); err != nil {
			return err
		}
		summary := fmt.Sprintf("Contact received from %s", csc.ReferralSourceCode(v.Source).Label(csc.CollectionYearOf(csc.DateOf(v.ReceivedAt))))
		if err := tx.CreateEvent(&csc.Event{ChildID: v.ChildID, At: v.ReceivedAt, Kind: "contact", Summary: summary,
			SubjectType: "contact", SubjectID: v.ID, StaffID: actor.StaffID}); err != nil {
			return err
		}
		au.add(actor, "create", "contact", v.ID, v.ChildID, "")
		return a.refreshClocks(tx, v.ChildID)
	})
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func (a *App) householdOf(tx csc.Tx, c *csc.Contact, ids []int64) error {
	seen := map[int64]bool{c.ChildID: true}
	var probs csc.Problems
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		p, err := tx.FindPersonByID(id)
		if csc.ErrorKind(err) == csc.NotFound {
			probs.Add("household_ids", "Person %d is not on the record", id)
			continue
		} else if err != nil {
			return err
		}
		if p.Restricted {
			ok, err := tx.HasAccess(p.ID, c.RecordedByID)
			if err != nil {
				return err
			}
			if !ok {
				probs.Add("household_ids", "Person %d is a restricted record", id)
				continue
			}
		}
		c.Household = append(c.Household, csc.HouseholdMember{PersonID: id, Name: p.Name(), Kind: string(p.Kind)})
	}
	return probs.Err()
}

// frontDoorTeam is the team that owns a contact: the one chosen, else the
// recorder's own team if it is a front-door team, else the first MASH team.
func frontDoorTeam(tx csc.Tx, actor csc.Actor, chosen int64) (int64, error) {
	if chosen != 0 {
		if _, err := tx.FindTeamByID(chosen); err != nil {
			if csc.ErrorKind(err) == csc.NotFound {
				return 0, csc.Problems{{Field: "team_id", Message: "Choose a team from the list"}}.Err()
			}
			return 0, err
		}
		return chosen, nil
	}
	teams, err := tx.ListTeams()
	if err != nil {
		return 0, err
	}
	var first int64
	for _, t := range teams {
		if t.ID == actor.TeamID && (t.Kind == csc.TeamMASH || t.Kind == csc.TeamOutOfHours) {
			return t.ID, nil
		}
		if first == 0 && t.Kind == csc.TeamMASH && t.Active {
			first = t.ID
		}
	}
	return first, nil
}

// FindContact returns a contact for viewing. Needs contact.view and the
// child in scope; the read is audited.
func (a *App) FindContact(ctx context.Context, actor csc.Actor, id int64) (c *csc.Contact, err error) {
	defer csc.WrapOp(&err, "app.FindContact")
	if err := require(actor, csc.ActContactView); err != nil {
		return nil, err
	}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if c, err = tx.FindContactByID(id); err != nil {
			return err
		}
		if _, _, err := loadChild(tx, actor, csc.ActContactView, c.ChildID); err != nil {
			return err
		}
		for i, h := range c.Household {
			p, err := tx.FindPersonByID(h.PersonID)
			if err != nil {
				return err
			}
			if ok, err := visible(tx, actor, p); err != nil {
				return err
			} else if !ok {
				c.Household[i].Name = restrictedName(h.PersonID)
			}
		}
		au.add(actor, "view", "contact", c.ID, c.ChildID, "")
		return nil
	})
	return c, err
}

// QueueItem is one open contact on the front-door queue with its clock.
type QueueItem struct {
	csc.Contact
	Overdue bool
	// Elapsed is the time since receipt; Remaining the time left before the
	// decision falls due (negative once overdue).
	Elapsed, Remaining time.Duration
}

// Queue is a page of the front-door queue.
type Queue struct {
	Items []QueueItem
	Total int
}

// FrontDoorQueue lists open contacts, most overdue first, filtered by RAG,
// source and team. The children listed are audited as viewed in the queue.
// Needs contact.screen (the front door's own work).
func (a *App) FrontDoorQueue(ctx context.Context, actor csc.Actor, q csc.ContactQuery) (out Queue, err error) {
	defer csc.WrapOp(&err, "app.FrontDoorQueue")
	if err := require(actor, csc.ActContactScreen); err != nil {
		return out, err
	}
	q.Open, q.ChildID = true, 0
	now := a.Now()
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		cs, total, err := tx.FindContacts(q)
		if err != nil {
			return err
		}
		out.Total = total
		children, allocs, err := queueChildren(tx, cs)
		if err != nil {
			return err
		}
		scope := &teamCache{Tx: tx}
		for _, c := range cs {
			if childAccess(scope, actor, csc.ActContactView, children[c.ChildID], allocs[c.ChildID]) != nil {
				c.ChildName = restrictedName(c.ChildID)
			}
			out.Items = append(out.Items, QueueItem{Contact: c, Overdue: !now.Before(c.DueAt),
				Elapsed: now.Sub(c.ReceivedAt), Remaining: c.DueAt.Sub(now)})
			au.add(actor, "list", "contact", c.ID, c.ChildID, "front-door queue")
		}
		return nil
	})
	return out, err
}

// queueChildren loads the children of a page of contacts and their current
// allocations with a query each, read together, rather than two queries per
// contact. The
// children are read brief: scope needs only their kind and restriction.
func queueChildren(tx csc.Tx, cs []csc.Contact) (map[int64]*csc.Person, map[int64]*csc.Allocation, error) {
	ids := make([]int64, 0, len(cs))
	for _, c := range cs {
		ids = append(ids, c.ChildID)
	}
	var people []csc.Person
	var allocs map[int64]*csc.Allocation
	err := tx.Together(
		func() (err error) { people, err = tx.FindPeopleBrief(ids); return err },
		func() (err error) { allocs, err = tx.CurrentAllocations(ids); return err },
	)
	if err != nil {
		return nil, nil, err
	}
	children := make(map[int64]*csc.Person, len(people))
	for i := range people {
		children[people[i].ID] = &people[i]
	}
	for _, id := range ids {
		if children[id] == nil {
			return nil, nil, csc.Errorf(csc.NotFound, "Person %d is not on the record.", id)
		}
	}
	return children, allocs, nil
}

// teamCache remembers the teams a transaction has looked up, so that
// deciding scope for a page of children reads each team once.
type teamCache struct {
	csc.Tx
	teams map[int64]*csc.Team
}

// FindTeamByID returns the team, from the cache when it was read before.
func (c *teamCache) FindTeamByID(id int64) (*csc.Team, error) {
	if t, ok := c.teams[id]; ok {
		return t, nil
	}
	t, err := c.Tx.FindTeamByID(id)
	if err != nil {
		return nil, err
	}
	if c.teams == nil {
		c.teams = map[int64]*csc.Team{}
	}
	c.teams[id] = t
	return t, nil
}

// ContactsForChild lists a child's contacts, newest first. Needs
// contact.view and scope; audited.
func (a *App) ContactsForChild(ctx context.Context, actor csc.Actor, childID int64) (out []csc.Contact, err error) {
	defer csc.WrapOp(&err, "app.ContactsForChild")
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActContactView, childID); err != nil {
			return err
		}
		out, _, err = tx.FindContacts(csc.ContactQuery{ChildID: childID, Limit: 500})
		au.add(actor, "list", "contact", 0, childID, "")
		return err
	})
	return out, err
}
