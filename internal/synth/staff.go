package synth

import (
	"fmt"
	"math"

	"cairn/internal/csc"
)

// The workforce. Case-holding teams are sized from the open cases the
// history leaves at AsOf — about one social worker for every 15 to 18
// cases, one early help practitioner for about 18 families, teams of up to
// seven workers under a team manager — and the front door from the number
// of contacts a working day. About one social worker in six is from an
// agency.

// caseKinds are the team kinds that hold cases, in census order.
var caseKinds = []csc.TeamKind{csc.TeamAssessment, csc.TeamSafeguarding, csc.TeamEarlyHelp,
	csc.TeamChildInCare, csc.TeamDisabled}

func kindIndex(k csc.TeamKind) int {
	for i, c := range caseKinds {
		if c == k {
			return i
		}
	}
	return -1
}

// census is what the first pass over the families counts to size the
// workforce.
type census struct {
	open     [][5]int // open allocations by district and case kind
	contacts int
}

// worker is a member of staff as generated, with the caseload they can
// carry and carry now.
type worker struct {
	s         csc.Staff
	cap, load int
	team      *teamPlan
}

// teamPlan is a team with its manager and workers.
type teamPlan struct {
	t        csc.Team
	district int // -1 for county-wide teams
	manager  *worker
	workers  []*worker
}

// staffing is the whole workforce.
type staffing struct {
	teams     []*teamPlan
	pools     map[[2]int][]*teamPlan // by district and case kind; looked up, never ranged over
	staff     []*worker              // in creation order
	demo      map[string]*worker
	mash      *teamPlan
	ooh       *teamPlan
	mashBS    []*worker // contact officers who log contacts
	r         *rng
	used      map[string]bool // usernames and registration numbers taken
	demoHash  string
	agencyAcc map[string]float64 // running agency share by role
	// demoLate is set once the demo social worker has a visit running late,
	// so that their tray shows what an overdue timescale looks like.
	demoLate bool
}

// planStaffing builds the teams and staff for the census.
func planStaffing(opt Options, w *world, c census) *staffing {
	s := &staffing{pools: map[[2]int][]*teamPlan{}, demo: map[string]*worker{},
		r: newRand(opt.Seed, streamStaff, 0), used: map[string]bool{}, demoHash: opt.DemoPasswordHash,
		agencyAcc: map[string]float64{}}
	perDay := float64(c.contacts) / (3 * 253)
	mashWorkers := max(3, int(math.Ceil(perDay/5)))
	s.mash = s.team(County+" Front Door (MASH)", csc.TeamMASH, -1)
	s.mash.manager = s.hire(s.mash, csc.RoleTeamManager)
	s.hire(s.mash, csc.RoleTeamManager)
	for range mashWorkers {
		s.hire(s.mash, csc.RoleMASH)
	}
	for range max(1, int(perDay/15)) {
		s.mashBS = append(s.mashBS, s.hire(s.mash, csc.RoleBusinessSupport))
	}
	s.ooh = s.team("Emergency Duty Team", csc.TeamOutOfHours, -1)
	s.ooh.manager = s.hire(s.ooh, csc.RoleTeamManager)
	for range max(2, mashWorkers/3) {
		s.hire(s.ooh, csc.RoleSocialWorker)
	}
	for di, d := range w.districts {
		for ki, kind := range caseKinds {
			open := c.open[di][ki]
			if kind == csc.TeamDisabled {
				if !d.spec.hostsDisabled {
					continue
				}
				open = 0
				for _, o := range c.open {
					open += o[ki]
				}
			}
			s.caseTeams(d, di, kind, open)
		}
	}
	s.countyTeams(opt, c)
	if opt.DemoPasswordHash != "" {
		s.demoAccounts(opt)
	}
	return s
}

// caseTeams makes the case-holding teams of one kind in a district.
func (s *staffing) caseTeams(d *district, di int, kind csc.TeamKind, open int) {
	per, role := 16.5, csc.RoleSocialWorker
	if kind == csc.TeamEarlyHelp {
		per, role = 18, csc.RoleEarlyHelp
	}
	workers := max(1, int(math.Round(float64(open)/per)))
	n := (workers + 6) / 7
	name := d.spec.name + " " + teamWord(kind)
	if kind == csc.TeamDisabled {
		name = County + " Disabled Children's Team"
	}
	for i := range n {
		tn := name
		if n > 1 {
			tn = fmt.Sprintf("%s %d", name, i+1)
		}
		t := s.team(tn, kind, di)
		t.manager = s.hire(t, csc.RoleTeamManager)
		for j := i; j < workers; j += n {
			s.hire(t, role)
		}
		key := [2]int{di, kindIndex(kind)}
		if kind == csc.TeamDisabled {
			key[0] = -1
		}
		s.pools[key] = append(s.pools[key], t)
	}
}

func teamWord(k csc.TeamKind) string {
	switch k {
	case csc.TeamAssessment:
		return "Assessment Team"
	case csc.TeamSafeguarding:
		return "Safeguarding and Family Support Team"
	case csc.TeamEarlyHelp:
		return "Early Help Team"
	case csc.TeamChildInCare:
		return "Children in Care Team"
	}
	return k.Label() + " Team"
}

// countyTeams are the teams serving the whole county.
func (s *staffing) countyTeams(opt Options, c census) {
	long := 0
	for _, o := range c.open {
		long += o[kindIndex(csc.TeamSafeguarding)] + o[kindIndex(csc.TeamChildInCare)]
	}
	iro := s.team("Independent Reviewing Service", csc.TeamIRO, -1)
	iro.manager = s.hire(iro, csc.RoleTeamManager)
	for range max(2, long/50) {
		s.hire(iro, csc.RoleIRO)
	}
	qa := s.team("Quality Assurance and Practice Improvement", csc.TeamQA, -1)
	for range 2 + opt.Children/10000 {
		s.hire(qa, csc.RoleQA)
	}
	perf := s.team("Performance and Intelligence", csc.TeamPerformance, -1)
	for range 2 + opt.Children/20000 {
		s.hire(perf, csc.RoleAnalyst)
	}
	for range 1 + opt.Children/25000 {
		s.hire(perf, csc.RoleAdmin)
	}
	bs := s.team("Children's Services Business Support", csc.TeamSupport, -1)
	for range 2 + opt.Children/5000 {
		s.hire(bs, csc.RoleBusinessSupport)
	}
}

func (s *staffing) team(name string, kind csc.TeamKind, district int) *teamPlan {
	t := &teamPlan{t: csc.Team{Name: name, Kind: kind, Active: true}, district: district}
	s.teams = append(s.teams, t)
	return t
}

// registered reports whether a role in a team needs Social Work England
// registration.
func registered(role csc.Role, kind csc.TeamKind) bool {
	switch role {
	case csc.RoleSocialWorker, csc.RoleMASH, csc.RoleIRO, csc.RoleQA:
		return true
	case csc.RoleTeamManager:
		return kind != csc.TeamEarlyHelp
	}
	return false
}

// agencyShare is the chance a worker in a role and team is from an agency:
// highest in assessment teams, lowest in children in care.
func agencyShare(role csc.Role, kind csc.TeamKind) float64 {
	switch {
	case role == csc.RoleTeamManager:
		return 0.1
	case role == csc.RoleMASH:
		return 0.15
	case role != csc.RoleSocialWorker:
		return 0
	case kind == csc.TeamAssessment:
		return 0.24
	case kind == csc.TeamSafeguarding:
		return 0.18
	case kind == csc.TeamOutOfHours:
		return 0.1
	}
	return 0.12
}

// writeOrganisation writes the districts, teams and staff.
func writeOrganisation(tx csc.Tx, w *world, s *staffing, sum *Summary) error {
	ids := make([]int64, len(w.districts))
	for i, d := range w.districts {
		rec := &csc.District{Name: d.spec.name}
		if err := tx.CreateDistrict(rec); err != nil {
			return err
		}
		ids[i] = rec.ID
		sum.Districts++
	}
	for _, t := range s.teams {
		if t.district >= 0 {
			t.t.DistrictID = ids[t.district]
		}
		if err := tx.CreateTeam(&t.t); err != nil {
			return err
		}
		sum.Teams++
	}
	for _, wk := range s.staff {
		hash := ""
		if wk.team != nil {
			wk.s.TeamID = wk.team.t.ID
		}
		if wk.s.Demo {
			hash = s.demoHash
		}
		if err := tx.CreateStaff(&wk.s, hash); err != nil {
			return err
		}
		sum.Staff++
	}
	return nil
}

// longRecordWorker is who recorded the long records: the demo social worker
// when there is one, or else the first social worker taken on.
func (s *staffing) longRecordWorker() int64 {
	if sw := s.demo["sw"]; sw != nil {
		return sw.s.ID
	}
	for _, w := range s.staff {
		if w.s.Role == csc.RoleSocialWorker {
			return w.s.ID
		}
	}
	return s.staff[0].s.ID
}
