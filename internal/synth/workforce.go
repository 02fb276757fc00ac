package synth

import (
	"fmt"
	"time"

	"cairn/internal/csc"
)

// Hiring, the demo accounts, and putting cases on workers' caseloads.

// staffGroups is the heritage of staff names: a workforce a little more
// diverse than the county it serves.
var staffGroups = []weighted[int]{{grpBritish, 74}, {grpIrish, 3}, {grpEastEurope, 4}, {grpPakistani, 4},
	{grpIndian, 3}, {grpBangladeshi, 1}, {grpCaribbean, 4}, {grpAfrican, 5}, {grpChinese, 1}, {grpMiddleEast, 1}}

// hire adds a member of staff with a synthetic name to a team.
func (s *staffing) hire(t *teamPlan, role csc.Role) *worker {
	r := s.r
	ng := &nameGroups[choose(r, staffGroups)]
	given := pickCommon(r, ng.men)
	if r.chance(0.8) { // most of the social care workforce are women
		given = pickCommon(r, ng.women)
	}
	family := pickCommon(r, ng.family)
	w := &worker{team: t, cap: r.between(14, 20)}
	if r.chance(0.12) {
		w.cap = r.between(9, 12) // newly qualified, with a protected caseload
	}
	user := s.unique(emailLocal(given, family))
	w.s = csc.Staff{Username: user, Name: given + " " + family, Email: user + "@northmoor.example",
		Role: role, Employment: csc.EmployPermanent, Active: true}
	switch {
	case s.agency(role, t.t.Kind):
		w.s.Employment = csc.EmployAgency
	case role == csc.RoleIRO && r.chance(0.15):
		w.s.Employment = csc.EmployCommissioned
	}
	if registered(role, t.t.Kind) {
		w.s.Registration = s.registration()
	}
	t.workers = append(t.workers, w)
	s.staff = append(s.staff, w)
	return w
}

// agency decides whether the next worker in a role and kind of team comes
// from an agency. It keeps a running share per role, so the workforce has
// the intended share of agency staff even when it is small.
func (s *staffing) agency(role csc.Role, kind csc.TeamKind) bool {
	key := string(role)
	acc, ok := s.agencyAcc[key]
	if !ok {
		acc = s.r.Float64()
	}
	acc += agencyShare(role, kind)
	s.agencyAcc[key] = acc
	if acc >= 1 {
		s.agencyAcc[key] = acc - 1
		return true
	}
	return false
}

// unique returns name, or name with a number, so usernames never repeat.
func (s *staffing) unique(name string) string {
	out := name
	for i := 2; s.used[out]; i++ {
		out = fmt.Sprintf("%s%d", name, i)
	}
	s.used[out] = true
	return out
}

// registration returns an unused Social Work England-style number.
func (s *staffing) registration() string {
	for {
		n := fmt.Sprintf("SW%06d", s.r.between(100000, 999999))
		if !s.used[n] {
			s.used[n] = true
			return n
		}
	}
}

// demoAccounts are the accounts a visitor signs in with. The social worker
// and team manager share an assessment team in the first district, so the
// manager oversees the worker's cases.
func (s *staffing) demoAccounts(opt Options) {
	assess := s.pools[[2]int{0, kindIndex(csc.TeamAssessment)}][0]
	eh := s.pools[[2]int{0, kindIndex(csc.TeamEarlyHelp)}][0]
	byKind := func(k csc.TeamKind) *teamPlan {
		for _, t := range s.teams {
			if t.t.Kind == k {
				return t
			}
		}
		return nil
	}
	specs := []struct {
		user, name string
		role       csc.Role
		team       *teamPlan
	}{
		{"mash", "Alex Front (demo MASH worker)", csc.RoleMASH, s.mash},
		{"sw", "Sam Worker (demo social worker)", csc.RoleSocialWorker, assess},
		{"tm", "Terry Manager (demo team manager)", csc.RoleTeamManager, assess},
		{"eh", "Eden Helper (demo early help practitioner)", csc.RoleEarlyHelp, eh},
		{"iro", "Rowan Reviewer (demo independent reviewing officer)", csc.RoleIRO, byKind(csc.TeamIRO)},
		{"qa", "Quinn Auditor (demo quality assurance auditor)", csc.RoleQA, byKind(csc.TeamQA)},
		{"analyst", "Ari Analyst (demo performance analyst)", csc.RoleAnalyst, byKind(csc.TeamPerformance)},
		{"support", "Bailey Support (demo business support)", csc.RoleBusinessSupport, byKind(csc.TeamSupport)},
		{"admin", "Addison Admin (demo administrator)", csc.RoleAdmin, byKind(csc.TeamPerformance)},
		{"inspector", "Indra Inspector (demo inspector)", csc.RoleInspector, nil},
		{"leader", "Lee Leader (demo head of service)", csc.RoleSeniorLeader, nil},
		{"board", "Bo Member (demo improvement board member)", csc.RoleBoardMember, nil},
	}
	var demo []*worker
	for _, d := range specs {
		w := &worker{team: d.team, cap: 12}
		w.s = csc.Staff{Username: d.user, Name: d.name, Email: d.user + "@northmoor.example", Role: d.role,
			Employment: csc.EmployPermanent, Active: true, Demo: true}
		if d.team != nil && registered(d.role, d.team.t.Kind) {
			w.s.Registration = s.registration()
		}
		if d.role == csc.RoleInspector {
			w.s.ExpiresAt = opt.AsOf.Add(14 * 24 * time.Hour).UTC()
		}
		if d.team != nil {
			d.team.workers = append(d.team.workers, w)
		}
		s.demo[d.user] = w
		demo = append(demo, w)
	}
	s.demo["eh"].cap = 8
	s.staff = append(demo, s.staff...)
}

// caseholders are a team's workers who hold cases.
func (t *teamPlan) caseholders() []*worker {
	var out []*worker
	for _, w := range t.workers {
		if w.s.Role == csc.RoleSocialWorker || w.s.Role == csc.RoleEarlyHelp {
			out = append(out, w)
		}
	}
	return out
}

// withRole returns a team's workers in a role.
func (t *teamPlan) withRole(role csc.Role) []*worker {
	var out []*worker
	for _, w := range t.workers {
		if w.s.Role == role {
			out = append(out, w)
		}
	}
	return out
}

// assign chooses the team and worker for an allocation. A case open at
// AsOf goes to the worker with the most room on their caseload; a closed
// one to any worker of the team. The demo social worker and early help
// practitioner are filled first, so their caseloads are never empty.
func (s *staffing) assign(r *rng, a *allocPlan) {
	key := [2]int{a.district.index, kindIndex(a.kind)}
	if a.kind == csc.TeamDisabled {
		key[0] = -1
	}
	pool := s.pools[key]
	if !a.end.IsZero() {
		t := pick(r, pool)
		a.team, a.worker = t, pick(r, t.caseholders())
		return
	}
	if w := s.demoFor(a); w != nil {
		a.team, a.worker = w.team, w
		w.load++
		return
	}
	var best *worker
	for _, t := range pool {
		for _, w := range t.caseholders() {
			if w.s.Demo {
				continue
			}
			if best == nil || w.load*best.cap < best.load*w.cap {
				best = w
			}
		}
	}
	best.load++
	a.team, a.worker = best.team, best
}

func (s *staffing) demoFor(a *allocPlan) *worker {
	if a.district.index != 0 {
		return nil
	}
	if sw := s.demo["sw"]; sw != nil {
		restricted := a.child.p.Restricted && sw.load < 14 && a.kind != csc.TeamEarlyHelp
		if restricted || (sw.load < 12 && (a.kind == csc.TeamAssessment || a.kind == csc.TeamSafeguarding)) {
			return sw
		}
	}
	if eh := s.demo["eh"]; eh != nil && a.kind == csc.TeamEarlyHelp && eh.load < 8 {
		return eh
	}
	return nil
}
