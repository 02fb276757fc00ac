package app

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"cairn/internal/csc"
)

// Teams lists every team. Any signed-in member of staff may see the list.
func (a *App) Teams(ctx context.Context, actor csc.Actor) (out []csc.Team, err error) {
	if actor.StaffID == 0 {
		return nil, csc.Errorf(csc.Unauthenticated, "Sign in to continue.")
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		out, err = tx.ListTeams()
		return err
	})
	return out, err
}

// Districts lists the districts.
func (a *App) Districts(ctx context.Context, actor csc.Actor) (out []csc.District, err error) {
	if actor.StaffID == 0 {
		return nil, csc.Errorf(csc.Unauthenticated, "Sign in to continue.")
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		out, err = tx.ListDistricts()
		return err
	})
	return out, err
}

// SaveTeam creates a team (id 0) or changes one. Needs team.manage.
func (a *App) SaveTeam(ctx context.Context, actor csc.Actor, id int64, in csc.TeamInput) (t *csc.Team, err error) {
	defer csc.WrapOp(&err, "app.SaveTeam")
	if err := require(actor, csc.ActTeamManage); err != nil {
		return nil, err
	}
	var probs csc.Problems
	t = &csc.Team{ID: id, Name: textField(&probs, "name", in.Name, 100), Kind: csc.TeamKind(in.Kind),
		DistrictID: in.DistrictID, Active: in.Active || id == 0, Version: in.Version}
	if t.Name == "" {
		probs.Add("name", "Enter the team's name")
	}
	if !slices.Contains(csc.TeamKinds, t.Kind) {
		probs.Add("kind", "Choose what the team does")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if t.DistrictID != 0 {
			ds, err := tx.ListDistricts()
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(ds, func(d csc.District) bool { return d.ID == t.DistrictID }) {
				return csc.Problems{{Field: "district_id", Message: "Choose a district from the list"}}.Err()
			}
		}
		var err error
		if id == 0 {
			err = tx.CreateTeam(t)
		} else {
			err = tx.UpdateTeam(t)
		}
		if csc.ErrorKind(err) == csc.Conflict && strings.Contains(csc.ErrorMessage(err), "already in use") {
			return csc.Problems{{Field: "name", Message: "There is already a team with that name"}}.Err()
		}
		if err != nil {
			return err
		}
		au.add(actor, map[bool]string{true: "create", false: "update"}[id == 0], "team", t.ID, 0, "")
		return nil
	})
	return t, err
}

// Staff lists staff accounts, of one team or all. Needs staff.manage, or
// team manager looking at their own team.
func (a *App) Staff(ctx context.Context, actor csc.Actor, teamID int64) (out []csc.Staff, err error) {
	defer csc.WrapOp(&err, "app.Staff")
	if !(actor.Can(csc.ActStaffManage) || (actor.Role == csc.RoleTeamManager && teamID == actor.TeamID && teamID != 0)) {
		return nil, forbidden(actor, csc.ActStaffManage)
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		out, err = tx.ListStaff(teamID)
		return err
	})
	return out, err
}

// FindStaff returns one account. Needs staff.manage.
func (a *App) FindStaff(ctx context.Context, actor csc.Actor, id int64) (s *csc.Staff, err error) {
	if err := require(actor, csc.ActStaffManage); err != nil {
		return nil, err
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		s, err = tx.FindStaffByID(id)
		return err
	})
	return s, err
}

var usernamePattern = regexp.MustCompile(`^[a-z][a-z0-9._-]{1,39}$`)

// SaveStaff creates an account (id 0, with a password) or changes one
// (a non-empty password replaces it and signs the account out). Inspector
// accounts must expire within 90 days. Needs staff.manage.
func (a *App) SaveStaff(ctx context.Context, actor csc.Actor, id int64, in csc.StaffInput) (s *csc.Staff, err error) {
	defer csc.WrapOp(&err, "app.SaveStaff")
	if err := require(actor, csc.ActStaffManage); err != nil {
		return nil, err
	}
	s, probs := a.parseStaff(id, in)
	if id == 0 && in.Password == "" {
		probs.Add("password", "Enter a password for the new account")
	}
	if in.Password != "" {
		if msg := checkPasswordStrength(in.Password); msg != "" {
			probs.Add("password", "%s", msg)
		}
	}
	if id == actor.StaffID && (!s.Active || s.Role != actor.Role) {
		probs.Add("role", "You cannot change your own role or deactivate your own account")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	hash := ""
	if in.Password != "" {
		if hash, err = hashPassword(in.Password, a.opt.PasswordCost); err != nil {
			return nil, err
		}
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if s.TeamID != 0 {
			if _, err := tx.FindTeamByID(s.TeamID); err != nil {
				if csc.ErrorKind(err) == csc.NotFound {
					return csc.Problems{{Field: "team_id", Message: "Choose a team from the list"}}.Err()
				}
				return err
			}
		}
		var err error
		if id == 0 {
			err = tx.CreateStaff(s, hash)
		} else {
			cur, ferr := tx.FindStaffByID(id)
			if ferr != nil {
				return ferr
			}
			s.Demo = cur.Demo
			if err = tx.UpdateStaff(s); err == nil && hash != "" {
				err = tx.SetPassword(id, hash)
			}
			if err == nil && !s.Active {
				err = tx.SetPassword(id, "") // an inactive account keeps no way in
			}
		}
		if csc.ErrorKind(err) == csc.Conflict && strings.Contains(csc.ErrorMessage(err), "already in use") {
			return csc.Problems{{Field: "username", Message: "That username is already taken"}}.Err()
		}
		if err != nil {
			return err
		}
		detail := "role=" + string(s.Role)
		if hash != "" {
			detail += ",password"
		}
		au.add(actor, map[bool]string{true: "create", false: "update"}[id == 0], "staff", s.ID, 0, detail)
		return nil
	})
	return s, err
}

func (a *App) parseStaff(id int64, in csc.StaffInput) (*csc.Staff, csc.Problems) {
	var probs csc.Problems
	s := &csc.Staff{ID: id, Version: in.Version, Username: strings.ToLower(strings.TrimSpace(in.Username)),
		Name: textField(&probs, "name", in.Name, 100), Email: textField(&probs, "email", in.Email, 200),
		Role: csc.Role(in.Role), TeamID: in.TeamID, Employment: csc.Employment(in.Employment),
		Registration: textField(&probs, "registration", in.Registration, 20), Active: in.Active || id == 0}
	if !usernamePattern.MatchString(s.Username) {
		probs.Add("username", "Enter a username of 2 to 40 lower-case letters, digits, dots, hyphens or underscores, starting with a letter")
	}
	if s.Name == "" {
		probs.Add("name", "Enter the person's name")
	}
	if !s.Role.Valid() {
		probs.Add("role", "Choose a role")
	}
	if s.Employment == "" {
		s.Employment = csc.EmployPermanent
	} else if !slices.Contains(csc.Employments, s.Employment) {
		probs.Add("employment", "Choose permanent, agency or commissioned")
	}
	if e := strings.TrimSpace(in.ExpiresOn); e != "" {
		d, err := csc.ParseDate(e)
		switch {
		case err != nil:
			probs.Add("expires_on", "Enter the expiry date as a real date, for example 2026-12-01")
		case !d.After(a.Today()):
			probs.Add("expires_on", "The expiry date must be in the future")
		default:
			s.ExpiresAt = d.AddDays(1).In(csc.London).UTC()
		}
	}
	if s.Role == csc.RoleInspector {
		switch {
		case s.ExpiresAt.IsZero() && !probs.Has("expires_on"):
			probs.Add("expires_on", "An inspector's account must have an expiry date")
		case s.ExpiresAt.After(a.Now().Add(91 * 24 * time.Hour)):
			probs.Add("expires_on", "An inspector's account may last at most 90 days")
		}
	}
	return s, probs
}

// RestrictionInput restricts a record (or lifts the restriction) and names
// the staff who may open it.
type RestrictionInput struct {
	Version    int     `json:"version"`
	Restricted bool    `json:"restricted"`
	Reason     string  `json:"reason"`
	StaffIDs   []int64 `json:"staff_ids"`
}

// SetRestriction restricts or unrestricts a child's record and sets the
// named staff. The actor is always kept on the list so they cannot lock
// themselves out by mistake. Needs child.restrict; a team manager must be
// able to see the record.
func (a *App) SetRestriction(ctx context.Context, actor csc.Actor, childID int64, in RestrictionInput) (err error) {
	defer csc.WrapOp(&err, "app.SetRestriction")
	if err := require(actor, csc.ActChildRestrict); err != nil {
		return err
	}
	reason := strings.TrimSpace(in.Reason)
	if in.Restricted && reason == "" {
		return csc.Problems{{Field: "reason", Message: "Enter why the record is restricted"}}.Err()
	}
	return a.write(ctx, func(tx csc.Tx, au *auditor) error {
		p, err := tx.FindPersonByID(childID)
		if err != nil {
			return err
		}
		if actor.Role != csc.RoleAdmin {
			if _, _, err := loadChild(tx, actor, csc.ActChildRestrict, childID); err != nil {
				return err
			}
		}
		p.Version, p.Restricted, p.RestrictionReason = in.Version, in.Restricted, reason
		if !in.Restricted {
			p.RestrictionReason = ""
		}
		if err := tx.UpdatePerson(p); err != nil {
			return err
		}
		current, err := tx.ListAccess(childID)
		if err != nil {
			return err
		}
		want := map[int64]bool{actor.StaffID: true}
		for _, id := range in.StaffIDs {
			want[id] = true
		}
		for _, s := range current {
			if !want[s.ID] {
				if err := tx.RevokeAccess(childID, s.ID); err != nil {
					return err
				}
			}
		}
		for id := range want {
			if _, err := tx.FindStaffByID(id); err != nil {
				if csc.ErrorKind(err) == csc.NotFound {
					return csc.Problems{{Field: "staff_ids", Message: fmt.Sprintf("There is no member of staff %d", id)}}.Err()
				}
				return err
			}
			if err := tx.GrantAccess(childID, id); err != nil {
				return err
			}
		}
		au.add(actor, "restrict", "person", childID, childOf(p), map[bool]string{true: "restricted", false: "unrestricted"}[in.Restricted])
		return event(tx, actor, childID, "restriction", map[bool]string{true: "Record restricted", false: "Restriction lifted"}[in.Restricted], "person", childID)
	})
}

// AuditTrail returns audit rows about a child (who viewed or changed their
// record) or by a member of staff (what they viewed). Needs audit.view.
func (a *App) AuditTrail(ctx context.Context, actor csc.Actor, q csc.AuditQuery) (out []csc.AuditEntry, total int, err error) {
	defer csc.WrapOp(&err, "app.AuditTrail")
	if err := require(actor, csc.ActAuditView); err != nil {
		return nil, 0, err
	}
	if q.ChildID == 0 && q.StaffID == 0 {
		return nil, 0, csc.Problems{{Field: "child_id", Message: "Enter a record number or choose a member of staff"}}.Err()
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		out, total, err = tx.FindAudit(q)
		au.add(actor, "view", "audit", q.StaffID, q.ChildID, "audit trail")
		return err
	})
	return out, total, err
}

// CreateAccount creates a staff account from the command line
// (`cairn user create`), for setting up the first administrator. Whoever
// runs it holds the server's database, so it runs as the system and is
// audited as coming through the command line.
func (a *App) CreateAccount(ctx context.Context, in csc.StaffInput) (s *csc.Staff, err error) {
	defer csc.WrapOp(&err, "app.CreateAccount")
	s, probs := a.parseStaff(0, in)
	if msg := checkPasswordStrength(in.Password); msg != "" {
		probs.Add("password", "%s", msg)
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	hash, err := hashPassword(in.Password, a.opt.PasswordCost)
	if err != nil {
		return nil, err
	}
	err = a.store.Write(ctx, func(tx csc.Tx) error {
		if err := tx.CreateStaff(s, hash); err != nil {
			if csc.ErrorKind(err) == csc.Conflict {
				return csc.Problems{{Field: "username", Message: "That username is already taken"}}.Err()
			}
			return err
		}
		return tx.CreateAudit(csc.AuditEntry{Action: "create", SubjectType: "staff", SubjectID: s.ID,
			Channel: csc.ChannelCLI, Detail: "role=" + string(s.Role)})
	})
	return s, err
}

// DemoPasswordHash returns a hash of the demo password for the synthetic
// authority's demo accounts.
func (a *App) DemoPasswordHash() (string, error) {
	return hashPassword(DemoPassword, a.opt.PasswordCost)
}
