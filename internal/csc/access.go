package csc

import (
	"slices"
	"time"
)

// Role is what a member of staff does; it decides which actions they may take.
type Role string

// The roles of issue 2. Inspectors are read-only and their accounts expire.
const (
	RoleSocialWorker    Role = "social_worker"
	RoleTeamManager     Role = "team_manager"
	RoleMASH            Role = "mash_worker"
	RoleEarlyHelp       Role = "early_help"
	RoleIRO             Role = "iro"
	RoleQA              Role = "qa_auditor"
	RoleAnalyst         Role = "analyst"
	RoleBusinessSupport Role = "business_support"
	RoleAdmin           Role = "admin"
	RoleInspector       Role = "inspector"
	RoleSeniorLeader    Role = "senior_leader"
	RoleBoardMember     Role = "board_member"
)

// Roles lists every role in the order the administrator's pages show them.
var Roles = []Role{RoleSocialWorker, RoleTeamManager, RoleMASH, RoleEarlyHelp, RoleIRO,
	RoleQA, RoleAnalyst, RoleBusinessSupport, RoleAdmin, RoleInspector, RoleSeniorLeader, RoleBoardMember}

// Label is the role's name as staff know it.
func (r Role) Label() string {
	switch r {
	case RoleSocialWorker:
		return "Social worker"
	case RoleTeamManager:
		return "Team manager"
	case RoleMASH:
		return "MASH worker"
	case RoleEarlyHelp:
		return "Early help practitioner"
	case RoleIRO:
		return "Independent reviewing officer"
	case RoleQA:
		return "Quality assurance auditor"
	case RoleAnalyst:
		return "Performance analyst"
	case RoleBusinessSupport:
		return "Business support"
	case RoleAdmin:
		return "Administrator"
	case RoleInspector:
		return "Inspector (read-only)"
	case RoleSeniorLeader:
		return "Senior leader"
	case RoleBoardMember:
		return "Board member (read-only)"
	}
	return string(r)
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Action is something a user may be allowed to do.
type Action string

// Actions checked by the service layer. Default deny: a role may do only what
// its row in the table below grants.
const (
	ActChildView     Action = "child.view"
	ActChildCreate   Action = "child.create"
	ActChildEdit     Action = "child.edit"
	ActChildRestrict Action = "child.restrict"
	ActPeopleSearch  Action = "people.search"
	ActContactView   Action = "contact.view"
	ActContactRecord Action = "contact.record"
	ActContactScreen Action = "contact.screen"
	ActContactDecide Action = "contact.decide"
	ActOversee       Action = "oversight.record"
	ActDocumentView  Action = "document.view"
	ActTeamManage    Action = "team.manage"
	ActStaffManage   Action = "staff.manage"
	ActAuditView     Action = "audit.view"
	ActTokenCreate   Action = "token.create"
	ActWorkTray      Action = "work.tray"
	ActClockExplain  Action = "clock.explain"
	ActClockSignOff  Action = "clock.signoff"
	ActSettings      Action = "settings.manage"
	ActIndicators    Action = "indicators.view"
	ActDataQuality   Action = "dataquality.view" // the census's errors across the authority, by team and child
	ActReturns       Action = "returns.produce"  // produce statutory returns (Annex A) from the record

	// Help and protection. Viewing any of these steps is ActChildView.
	ActReferralRecord   Action = "referral.record"      // open, amend and close a referral (CIN episode)
	ActReferralClose    Action = "referral.close"       // close a referral: a manager's decision
	ActAssessmentRecord Action = "assessment.record"    // start and write a child and family assessment
	ActAssessmentAuth   Action = "assessment.authorise" // authorise an assessment's outcome
	ActStrategyRecord   Action = "strategy.record"      // record a strategy discussion
	ActS47Record        Action = "s47.record"           // lead a section 47 enquiry (registered social workers only)
	ActConferenceRecord Action = "conference.record"    // record a child protection conference and its decisions
	ActPlanRecord       Action = "plan.record"          // keep a CP or CIN plan: actions, core groups, reviews
	ActEarlyHelpRecord  Action = "earlyhelp.record"     // step down to and up from early help
	ActCaseNoteRecord   Action = "casenote.record"      // case notes, visits and direct work
	ActChronologyRecord Action = "chronology.record"    // manual chronology entries, significance, case summary

	// Inspections and the improvement loop: the inspection register, findings,
	// the improvement plan, boards and their resolutions, self-evaluation.
	// None of it is a child's record.
	ActImprovementView Action = "improvement.view" // read the inspection register, plan, boards and packs
	ActImprovementEdit Action = "improvement.edit" // record inspections, findings, actions, meetings, resolutions
)

// Scope is how far a role reaches across children's records.
type Scope int

// Scopes, narrowest first. Restricted records need more than any scope: the
// user must be named on the record.
const (
	ScopeNone     Scope = iota
	ScopeCaseload       // children allocated to the user
	ScopeTeam           // children allocated to the user's team
	ScopeService        // children in the user's district, or allocated to no one
	ScopeAll            // every child in the authority
)

func (s Scope) String() string {
	return [...]string{"none", "own caseload", "own team", "service", "all"}[s]
}

var (
	viewer    = []Action{ActChildView, ActContactView, ActDocumentView, ActPeopleSearch}
	recorder  = append(slices.Clone(viewer), ActChildCreate, ActChildEdit, ActContactRecord)
	frontDoor = append(slices.Clone(recorder), ActContactScreen, ActContactDecide)
	// practitioner is the casework a social worker does on a child in need
	// or protection case.
	practitioner = []Action{ActReferralRecord, ActAssessmentRecord, ActStrategyRecord, ActS47Record,
		ActConferenceRecord, ActPlanRecord, ActEarlyHelpRecord, ActCaseNoteRecord, ActChronologyRecord}
)

// grants is the permission table: role → actions and scope. It is the single
// place a permission is decided.
var grants = map[Role]struct {
	actions []Action
	scope   Scope
}{
	RoleSocialWorker: {append(slices.Concat(recorder, practitioner), ActWorkTray, ActClockExplain), ScopeService},
	RoleTeamManager: {append(slices.Concat(frontDoor, practitioner), ActOversee, ActChildRestrict, ActWorkTray,
		ActClockExplain, ActClockSignOff, ActIndicators, ActReferralClose, ActAssessmentAuth, ActDataQuality), ScopeService},
	RoleMASH: {append(slices.Clone(frontDoor), ActWorkTray, ActClockExplain, ActStrategyRecord,
		ActCaseNoteRecord), ScopeAll},
	RoleEarlyHelp: {append(slices.Clone(viewer), ActContactRecord, ActWorkTray, ActClockExplain, ActEarlyHelpRecord,
		ActCaseNoteRecord), ScopeTeam},
	RoleIRO:             {append(slices.Clone(viewer), ActWorkTray, ActConferenceRecord, ActCaseNoteRecord), ScopeAll},
	RoleQA:              {append(slices.Clone(viewer), ActIndicators, ActImprovementView, ActImprovementEdit, ActDataQuality), ScopeAll},
	RoleAnalyst:         {append(slices.Clone(viewer), ActIndicators, ActImprovementView, ActDataQuality, ActReturns), ScopeAll},
	RoleBusinessSupport: {append(slices.Clone(viewer), ActContactRecord, ActChildCreate), ScopeService},
	RoleAdmin: {[]Action{ActTeamManage, ActStaffManage, ActAuditView, ActTokenCreate, ActChildRestrict,
		ActSettings}, ScopeNone},
	RoleInspector: {append(slices.Clone(viewer), ActIndicators, ActImprovementView), ScopeAll},
	// Senior leaders (director, heads of service) see every child and own the
	// improvement loop with QA.
	RoleSeniorLeader: {append(slices.Clone(viewer), ActIndicators, ActImprovementView, ActImprovementEdit, ActDataQuality), ScopeAll},
	// Board members (improvement board, scrutiny, corporate parenting) read the
	// improvement area and nothing of children's records.
	RoleBoardMember: {[]Action{ActImprovementView}, ScopeNone},
}

// Can reports whether role may take action at all, before any record scope.
func (r Role) Can(a Action) bool {
	g, ok := grants[r]
	return ok && slices.Contains(g.actions, a)
}

// Scope returns how far the role reaches across children's records.
func (r Role) Scope() Scope { return grants[r].scope }

// ReadOnly reports whether the role may change nothing.
func (r Role) ReadOnly() bool {
	for _, a := range grants[r].actions {
		switch a {
		case ActChildView, ActContactView, ActDocumentView, ActPeopleSearch, ActIndicators, ActImprovementView,
			ActDataQuality, ActReturns:
		default:
			return false
		}
	}
	return true
}

// Channel says which door a request came through, for the audit trail.
type Channel string

// The doors into the service layer.
const (
	ChannelWeb    Channel = "web"
	ChannelAPI    Channel = "api"
	ChannelCLI    Channel = "cli"
	ChannelSystem Channel = "system"
)

// Actor is the signed-in member of staff on whose behalf a service method
// runs. Every service method takes one; there is no anonymous access to
// children's records.
type Actor struct {
	StaffID    int64
	Username   string
	Name       string
	Role       Role
	TeamID     int64
	DistrictID int64
	Channel    Channel
	ExpiresAt  time.Time // zero for accounts that do not expire
}

// Can reports whether the actor's role grants the action.
func (a Actor) Can(act Action) bool { return a.StaffID != 0 && a.Role.Can(act) }

// SystemActor is the actor for background jobs and the synthetic data
// generator. It has no role and so no permissions: jobs call the store
// directly inside the service layer.
var SystemActor = Actor{StaffID: 0, Username: "system", Name: "cairn", Channel: ChannelSystem}
