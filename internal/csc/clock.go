package csc

import "time"

// ClockRecord is a statutory clock as the record keeps it: computed by the
// clock engine from the child's record, stored so that work trays and
// indicators read fast, and refreshed whenever the record changes and
// every night. The engine's rules decide every date; the store only keeps
// them.
type ClockRecord struct {
	ID        int64  `json:"id"`
	ChildID   int64  `json:"child_id"`
	ChildName string `json:"child_name,omitempty"`
	// Restricted is set when the child's record is restricted; the name
	// is then shown only to the staff named on it.
	Restricted bool      `json:"restricted,omitempty"`
	Rule       string    `json:"rule"`
	Key        string    `json:"key"` // rule/subject/seq: stable across refreshes
	Subject    int64     `json:"subject"`
	Seq        int       `json:"seq"`
	Started    Date      `json:"started"`
	StartedAt  time.Time `json:"started_at,omitzero"`
	Due        Date      `json:"due"`
	DueAt      time.Time `json:"due_at"`
	Met        Date      `json:"met"`
	MetAt      time.Time `json:"met_at,omitzero"`
	Stopped    Date      `json:"stopped"`
	TeamID     int64     `json:"team_id,omitempty"`
	TeamName   string    `json:"team_name,omitempty"`
	StaffID    int64     `json:"staff_id,omitempty"`
	StaffName  string    `json:"staff_name,omitempty"`
	// Explanation is the recorded reason the clock was missed, if any.
	Explanation *ClockExplanation `json:"explanation,omitempty"`
}

// ClockExplanation records why a clock was missed (a reason code and text)
// and a manager's sign-off of it, as the guidance expects for every
// timescale exceeded.
type ClockExplanation struct {
	ChildID       int64     `json:"child_id"`
	Key           string    `json:"key"`
	ReasonCode    string    `json:"reason_code"`
	ReasonText    string    `json:"reason_text"`
	RecordedBy    int64     `json:"recorded_by"`
	RecordedName  string    `json:"recorded_name"`
	RecordedAt    time.Time `json:"recorded_at"`
	SignedOffBy   int64     `json:"signed_off_by,omitempty"`
	SignedOffName string    `json:"signed_off_name,omitempty"`
	SignedOffAt   time.Time `json:"signed_off_at,omitzero"`
	SignOffNote   string    `json:"sign_off_note,omitempty"`
	Version       int       `json:"version"`
}

// MissedReasons are the reason codes a worker chooses from when a clock is
// missed; "other" needs the text to say more.
var MissedReasons = []struct{ Code, Label string }{
	{"family-unavailable", "Family not available or did not engage"},
	{"child-unavailable", "Child not available or unwell"},
	{"partner-delay", "Waiting for a partner agency"},
	{"capacity", "Worker or team capacity"},
	{"rescheduled", "Rescheduled by agreement in the child's interests"},
	{"recording", "Done in time but recorded late"},
	{"other", "Other"},
}

// ClockQuery selects stored clocks for trays, panels and indicators.
type ClockQuery struct {
	ChildID int64
	StaffID int64
	TeamID  int64
	Open    bool // not met and not stopped
	DueFrom Date // inclusive
	DueTo   Date // inclusive
	Rule    string
	// Unallocated keeps only clocks with no allocated worker.
	Unallocated bool
	Limit       int
}

// LocalSetting is one dated change to a local rule made by an administrator.
type LocalSetting struct {
	ID            int64     `json:"id"`
	Key           string    `json:"key"`
	Value         string    `json:"value"` // a period such as "10 working days"
	From          Date      `json:"from"`
	ChangedBy     int64     `json:"changed_by"`
	ChangedByName string    `json:"changed_by_name"`
	ChangedAt     time.Time `json:"changed_at"`
	Reason        string    `json:"reason"`
}

// ChildFacts are the dated facts of one child's record that the clock
// engine reads, loaded in bulk so every child's clocks can be computed in
// one pass. Later parts of the record (assessments, plans, visits) add
// their own facts here.
type ChildFacts struct {
	ChildID     int64
	DateOfBirth Date
	StaffID     int64 // the allocated worker, 0 if unallocated
	TeamID      int64 // the allocated team
	Contacts    []ContactFact
	Referrals   []ReferralFact
	// Steps are the dated steps of help and protection and later parts of
	// the record (assessments, s47s, conferences, plans, visits), already
	// in the clock engine's vocabulary.
	Steps []StepFact
}

// StepFact is one dated step of a child's record as the clocks see it. Kind
// is a clock event kind ("assessment.completed", "cp-plan.started", …);
// Subject is the step's own record and Parent the record it belongs to (the
// referral of an assessment, the plan of a visit). At is set only where the
// record keeps the instant.
type StepFact struct {
	Kind    string
	Subject int64
	Parent  int64
	Date    Date
	At      time.Time
	Attr    string // a qualifier some rules need (see clock.Attr…), or ""
}

// ContactFact is a contact as the clocks see it.
type ContactFact struct {
	ID         int64
	ReceivedAt time.Time
	DecidedAt  time.Time
	TeamID     int64
}

// ReferralFact is a referral as the clocks see it.
type ReferralFact struct {
	ID     int64
	Date   Date
	Closed Date
}
