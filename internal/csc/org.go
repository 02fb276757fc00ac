package csc

import "time"

// District is a part of the county with its own teams.
type District struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// TeamKind says what a team does; the front door queue and allocation use it.
type TeamKind string

// Team kinds.
const (
	TeamMASH         TeamKind = "mash"
	TeamOutOfHours   TeamKind = "out_of_hours"
	TeamAssessment   TeamKind = "assessment"
	TeamSafeguarding TeamKind = "safeguarding"
	TeamEarlyHelp    TeamKind = "early_help"
	TeamChildInCare  TeamKind = "children_in_care"
	TeamLeavingCare  TeamKind = "leaving_care"
	TeamDisabled     TeamKind = "disabled_children"
	TeamIRO          TeamKind = "iro"
	TeamQA           TeamKind = "quality_assurance"
	TeamPerformance  TeamKind = "performance"
	TeamSupport      TeamKind = "business_support"
)

// TeamKinds lists the kinds in form order.
var TeamKinds = []TeamKind{TeamMASH, TeamOutOfHours, TeamAssessment, TeamSafeguarding, TeamEarlyHelp,
	TeamChildInCare, TeamLeavingCare, TeamDisabled, TeamIRO, TeamQA, TeamPerformance, TeamSupport}

// Label reads as a page shows it.
func (k TeamKind) Label() string {
	switch k {
	case TeamMASH:
		return "Front door (MASH)"
	case TeamOutOfHours:
		return "Out of hours"
	case TeamAssessment:
		return "Assessment"
	case TeamSafeguarding:
		return "Safeguarding and family support"
	case TeamEarlyHelp:
		return "Early help"
	case TeamChildInCare:
		return "Children in care"
	case TeamLeavingCare:
		return "Leaving care"
	case TeamDisabled:
		return "Disabled children"
	case TeamIRO:
		return "Independent reviewing"
	case TeamQA:
		return "Quality assurance"
	case TeamPerformance:
		return "Performance"
	case TeamSupport:
		return "Business support"
	}
	return string(k)
}

// Team is a team of staff.
type Team struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Kind         TeamKind `json:"kind"`
	DistrictID   int64    `json:"district_id"`
	DistrictName string   `json:"district_name"`
	Active       bool     `json:"active"`
	Version      int      `json:"version"`
}

// TeamInput creates or changes a team.
type TeamInput struct {
	Version    int    `json:"version"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	DistrictID int64  `json:"district_id"`
	Active     bool   `json:"active"`
}

// Employment is how a worker is employed (S19).
type Employment string

// Employment types.
const (
	EmployPermanent    Employment = "permanent"
	EmployAgency       Employment = "agency"
	EmployCommissioned Employment = "commissioned"
)

// Employments lists them in form order.
var Employments = []Employment{EmployPermanent, EmployAgency, EmployCommissioned}

// Label reads as a page shows it.
func (e Employment) Label() string {
	switch e {
	case EmployAgency:
		return "Agency"
	case EmployCommissioned:
		return "Commissioned"
	}
	return "Permanent"
}

// Staff is a member of staff with an account.
type Staff struct {
	ID           int64      `json:"id"`
	Username     string     `json:"username"`
	Name         string     `json:"name"`
	Email        string     `json:"email"`
	Role         Role       `json:"role"`
	TeamID       int64      `json:"team_id"`
	TeamName     string     `json:"team_name"`
	DistrictID   int64      `json:"district_id"`
	Employment   Employment `json:"employment"`
	Registration string     `json:"registration"` // Social Work England number
	Active       bool       `json:"active"`
	ExpiresAt    time.Time  `json:"expires_at,omitzero"`
	Demo         bool       `json:"demo"`
	LastSignIn   time.Time  `json:"last_sign_in,omitzero"`
	Version      int        `json:"version"`
}

// Actor returns the actor that acts as this member of staff through channel.
func (s *Staff) Actor(ch Channel) Actor {
	return Actor{StaffID: s.ID, Username: s.Username, Name: s.Name, Role: s.Role,
		TeamID: s.TeamID, DistrictID: s.DistrictID, Channel: ch, ExpiresAt: s.ExpiresAt}
}

// Usable reports whether the account may sign in at instant now.
func (s *Staff) Usable(now time.Time) bool {
	return s.Active && (s.ExpiresAt.IsZero() || now.Before(s.ExpiresAt))
}

// StaffInput creates or changes a staff account.
type StaffInput struct {
	Version      int    `json:"version"`
	Username     string `json:"username"`
	Name         string `json:"name"`
	Email        string `json:"email"`
	Role         string `json:"role"`
	TeamID       int64  `json:"team_id"`
	Employment   string `json:"employment"`
	Registration string `json:"registration"`
	Active       bool   `json:"active"`
	ExpiresOn    string `json:"expires_on"` // YYYY-MM-DD; required for inspectors
	Password     string `json:"password,omitempty"`
}

// Allocation puts a child on a worker's caseload for a period.
type Allocation struct {
	ID        int64     `json:"id"`
	ChildID   int64     `json:"child_id"`
	StaffID   int64     `json:"staff_id"`
	StaffName string    `json:"staff_name"`
	TeamID    int64     `json:"team_id"`
	TeamName  string    `json:"team_name"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at,omitzero"`
	// TeamDistrictID is the allocated team's district (0 for a team in
	// none), read with the allocation for the check of who may see the
	// child.
	TeamDistrictID int64 `json:"-"`
}

// Document is a file on a child's record: a generated letter or an upload.
type Document struct {
	ID          int64     `json:"id"`
	ChildID     int64     `json:"child_id"`
	Kind        string    `json:"kind"`
	Title       string    `json:"title"`
	MediaType   string    `json:"media_type"`
	Size        int       `json:"size"`
	SHA256      string    `json:"sha256"`
	SourceType  string    `json:"source_type"`
	SourceID    int64     `json:"source_id"`
	CreatedAt   time.Time `json:"created_at"`
	CreatedByID int64     `json:"created_by_id"`
	CreatedBy   string    `json:"created_by"`
	Content     []byte    `json:"-"`
}

// Event is one entry on a child's timeline: something recorded, with who and
// when. Events are written by the service layer in the same transaction as
// the record they describe.
type Event struct {
	ID          int64     `json:"id"`
	ChildID     int64     `json:"child_id"`
	At          time.Time `json:"at"`
	Kind        string    `json:"kind"`
	Summary     string    `json:"summary"`
	SubjectType string    `json:"subject_type"`
	SubjectID   int64     `json:"subject_id"`
	StaffID     int64     `json:"staff_id"`
	StaffName   string    `json:"staff_name"`
}

// AuditEntry is one row of the audit trail: who read or changed which record,
// when, and through which door. The app offers no way to edit or delete one.
type AuditEntry struct {
	ID          int64     `json:"id"`
	At          time.Time `json:"at"`
	StaffID     int64     `json:"staff_id"`
	StaffName   string    `json:"staff_name"`
	Action      string    `json:"action"` // view, create, update, decide, search, download, sign-in...
	SubjectType string    `json:"subject_type"`
	SubjectID   int64     `json:"subject_id"`
	ChildID     int64     `json:"child_id"`
	Channel     Channel   `json:"channel"`
	Detail      string    `json:"detail"` // field names or counts, never personal details
}

// AuditQuery filters the audit trail.
type AuditQuery struct {
	ChildID int64
	StaffID int64
	Limit   int
	Offset  int
}
