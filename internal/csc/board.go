package csc

import "time"

// BoardTx stores boards and committees, their meetings with agenda items
// and minutes, and the resolutions raised at them with the history of each
// resolution's status. Finders return NotFound for a missing record;
// updates return Conflict when the version is stale.
type BoardTx interface {
	// CreateBoard returns a Conflict when another board has the name.
	CreateBoard(b *Board) error
	UpdateBoard(b *Board) error
	FindBoardByID(id int64) (*Board, error)
	ListBoards() ([]Board, error)

	// CreateMeeting returns a Conflict when the board already meets that day.
	CreateMeeting(m *Meeting) error
	// UpdateMeeting saves the date, status, place, minutes and attendees;
	// agenda items are saved on their own.
	UpdateMeeting(m *Meeting) error
	// FindMeetingByID returns a meeting with its agenda in order, each item
	// with its reports.
	FindMeetingByID(id int64) (*Meeting, error)
	// ListMeetings returns a board's meetings, newest first, without agendas.
	ListMeetings(boardID int64) ([]Meeting, error)
	CreateAgendaItem(it *AgendaItem) error
	// UpdateAgendaItem saves an item's title, presenter, minutes and position.
	UpdateAgendaItem(it *AgendaItem) error

	CreateResolution(r *Resolution) error
	// UpdateResolution saves the status, note, closing date, due date and
	// the meeting a "next meeting" due date counts from.
	UpdateResolution(r *Resolution) error
	CreateResolutionUpdate(u *ResolutionUpdate) error
	// SetResolutionLinks replaces the improvement actions and findings a
	// resolution is linked to.
	SetResolutionLinks(id int64, actionIDs, findingIDs []int64) error
	// FindResolutionByID returns a resolution with its due date resolved
	// and its history of updates, oldest first.
	FindResolutionByID(id int64) (*Resolution, error)
	// FindResolutions returns the resolutions q matches, their due dates
	// resolved, ordered by the meeting raising them and then by id.
	FindResolutions(q ResolutionQuery) ([]Resolution, error)
}

// BoardKind says what sort of board or committee it is.
type BoardKind string

// Board kinds.
const (
	BoardImprovement        BoardKind = "improvement_board"
	BoardScrutiny           BoardKind = "scrutiny_committee"
	BoardCorporateParenting BoardKind = "corporate_parenting_board"
	BoardOther              BoardKind = "other"
)

// BoardKinds lists the kinds in form order.
var BoardKinds = []BoardKind{BoardImprovement, BoardScrutiny, BoardCorporateParenting, BoardOther}

// Label reads as a page shows it.
func (k BoardKind) Label() string {
	switch k {
	case BoardImprovement:
		return "Improvement board"
	case BoardScrutiny:
		return "Scrutiny committee"
	case BoardCorporateParenting:
		return "Corporate parenting board"
	case BoardOther:
		return "Other board or committee"
	}
	return string(k)
}

// Board is a board or committee that monitors the service: the improvement
// (quality and development) board, a scrutiny committee, the corporate
// parenting board.
type Board struct {
	ID        int64         `json:"id"`
	Name      string        `json:"name"`
	Kind      BoardKind     `json:"kind"`
	Members   []BoardMember `json:"members"`
	Active    bool          `json:"active"`
	CreatedAt time.Time     `json:"created_at"`
	Version   int           `json:"version"`
}

// BoardMember is a member of a board: a member of staff, named by their
// account, or someone from outside (an elected member, a partner) named in
// free text.
type BoardMember struct {
	StaffID int64  `json:"staff_id,omitempty"`
	Name    string `json:"name"`
	Role    string `json:"role"` // what they are on the board: "Chair", "Elected member", …
}

// BoardInput creates or changes a board. A member with a staff id takes
// the name on that account.
type BoardInput struct {
	Version int           `json:"version"`
	Name    string        `json:"name"`
	Kind    string        `json:"kind"`
	Members []BoardMember `json:"members"`
	Active  bool          `json:"active"`
}

// Meeting statuses.
const (
	MeetingScheduled = "scheduled"
	MeetingHeld      = "held"
)

// MeetingStatusLabel names a meeting status.
func MeetingStatusLabel(s string) string {
	if s == MeetingHeld {
		return "Held"
	}
	return "Scheduled"
}

// Meeting is one meeting of a board: its date, its agenda, and once held
// its attendance and minutes.
type Meeting struct {
	ID        int64             `json:"id"`
	BoardID   int64             `json:"board_id"`
	BoardName string            `json:"board_name"`
	BoardKind BoardKind         `json:"board_kind"`
	Date      Date              `json:"date"`
	Status    string            `json:"status"` // MeetingScheduled or MeetingHeld
	Location  string            `json:"location"`
	Minutes   string            `json:"minutes"` // the overall minutes; each item has its own
	Attendees []MeetingAttendee `json:"attendees"`
	Agenda    []AgendaItem      `json:"agenda"`
	CreatedAt time.Time         `json:"created_at"`
	Version   int               `json:"version"`
}

// Held reports whether the meeting has taken place and been minuted.
func (m *Meeting) Held() bool { return m.Status == MeetingHeld }

// MeetingAttendee is someone expected at a meeting: present, or sending
// apologies.
type MeetingAttendee struct {
	StaffID int64  `json:"staff_id,omitempty"`
	Name    string `json:"name"`
	Present bool   `json:"present"`
}

// AgendaItem is one item of a meeting's agenda, in order, with the minutes
// of its discussion.
type AgendaItem struct {
	ID        int64  `json:"id"`
	MeetingID int64  `json:"meeting_id"`
	Position  int    `json:"position"` // 1 for the first item
	Title     string `json:"title"`
	Presenter string `json:"presenter"`
	Minutes   string `json:"minutes"`
	// Reports are the papers presented under the item: PDFs in the
	// improvement area's document store, without their content.
	Reports []ImprovementDocument `json:"reports"`
	Version int                   `json:"version"`
}

// A board report is an improvement document that belongs to an agenda
// item.
const (
	DocBoardReport    = "board_report"
	SubjectAgendaItem = "board_agenda_item"
)

// MeetingInput schedules a meeting or changes its date and place.
type MeetingInput struct {
	Version  int    `json:"version"`
	Date     string `json:"date"`
	Location string `json:"location"`
}

// AgendaItemInput adds an item to a meeting's agenda, at the end.
type AgendaItemInput struct {
	Title     string `json:"title"`
	Presenter string `json:"presenter"`
}

// MinutesInput records a meeting as held: who attended, the overall
// minutes and the minutes of each agenda item by its id.
type MinutesInput struct {
	Version   int               `json:"version"`
	Attendees []MeetingAttendee `json:"attendees"`
	Minutes   string            `json:"minutes"`
	Items     []ItemMinutes     `json:"items"`
}

// ItemMinutes are the minutes of one agenda item.
type ItemMinutes struct {
	ID      int64  `json:"id"`
	Minutes string `json:"minutes"`
}

// Resolution statuses. A resolution carried forward is still outstanding:
// it goes to the next meeting again.
const (
	ResolutionOpen    = "open"
	ResolutionDone    = "done"
	ResolutionCarried = "carried_forward"
	ResolutionDropped = "dropped"
)

// ResolutionStatuses lists the statuses in form order.
var ResolutionStatuses = []string{ResolutionOpen, ResolutionDone, ResolutionCarried, ResolutionDropped}

// ResolutionStatusLabel names a status.
func ResolutionStatusLabel(s string) string {
	switch s {
	case ResolutionOpen:
		return "Open"
	case ResolutionDone:
		return "Done"
	case ResolutionCarried:
		return "Carried forward"
	case ResolutionDropped:
		return "Dropped"
	}
	return s
}

// Resolution is something a board agreed at a meeting should be done
// ("circulate a breakdown of staff absence", "bring a report on homeless
// young people to a future meeting"), with an owner and a due date — a
// date, or the board's next meeting — tracked until it is done or dropped.
type Resolution struct {
	ID           int64  `json:"id"`
	BoardID      int64  `json:"board_id"`
	BoardName    string `json:"board_name"`
	MeetingID    int64  `json:"meeting_id"` // the meeting it was raised at
	MeetingDate  Date   `json:"meeting_date"`
	AgendaItemID int64  `json:"agenda_item_id,omitempty"`
	Text         string `json:"text"`
	OwnerID      int64  `json:"owner_id"`
	OwnerName    string `json:"owner_name"`
	// Due is the date it is due: the date set, or for one due by the next
	// meeting the date of the board's first meeting after DueFrom's, zero
	// while none is scheduled.
	Due           Date  `json:"due"`
	ByNextMeeting bool  `json:"by_next_meeting"`
	DueMeetingID  int64 `json:"due_meeting_id,omitempty"` // the meeting "next meeting" resolved to
	// DueFromMeetingID is the meeting "next meeting" counts from: the one
	// that raised it, or the one that last carried it forward.
	DueFromMeetingID int64              `json:"due_from_meeting_id"`
	Status           string             `json:"status"`
	StatusNote       string             `json:"status_note"` // what was done, or why it was dropped
	ClosedOn         Date               `json:"closed_on"`   // when it was done or dropped
	Updates          []ResolutionUpdate `json:"updates"`
	// ActionIDs and FindingIDs are the improvement plan's actions and the
	// inspection findings the resolution is about.
	ActionIDs    []int64   `json:"action_ids"`
	FindingIDs   []int64   `json:"finding_ids"`
	RecordedByID int64     `json:"recorded_by_id"`
	CreatedAt    time.Time `json:"created_at"`
	Version      int       `json:"version"`
}

// Outstanding reports whether the resolution still needs doing: open or
// carried forward.
func (r *Resolution) Outstanding() bool {
	return r.Status == ResolutionOpen || r.Status == ResolutionCarried
}

// OutstandingOn reports whether the resolution was still to be done on the
// date on: outstanding now, or closed on or after that date.
func (r *Resolution) OutstandingOn(on Date) bool {
	return r.Outstanding() || !r.ClosedOn.Before(on)
}

// Overdue reports whether an outstanding resolution's due date was before
// asOf. One due by a next meeting that is not yet scheduled is not overdue.
func (r *Resolution) Overdue(asOf Date) bool {
	return r.Outstanding() && !r.Due.IsZero() && r.Due.Before(asOf)
}

// DaysOverdue is how many days past its due date an overdue resolution is
// on asOf; 0 if it is not overdue.
func (r *Resolution) DaysOverdue(asOf Date) int {
	if !r.Overdue(asOf) {
		return 0
	}
	return r.Due.DaysUntil(asOf)
}

// DueLabel says when the resolution is due as a page shows it: "3 March
// 2026", "Next meeting (3 March 2026)" or "Next meeting (not yet
// scheduled)".
func (r *Resolution) DueLabel() string {
	if !r.ByNextMeeting {
		return r.Due.Long()
	}
	if r.Due.IsZero() {
		return "Next meeting (not yet scheduled)"
	}
	return "Next meeting (" + r.Due.Long() + ")"
}

// ResolutionUpdate is one change of a resolution's status.
type ResolutionUpdate struct {
	ID           int64     `json:"id"`
	ResolutionID int64     `json:"resolution_id"`
	Status       string    `json:"status"`
	Note         string    `json:"note"`
	On           Date      `json:"on"`
	MeetingID    int64     `json:"meeting_id,omitempty"` // the meeting it was agreed at, if any
	MeetingDate  Date      `json:"meeting_date"`         // that meeting's date
	Due          Date      `json:"due"`                  // a new due date set when carried forward
	RecordedByID int64     `json:"recorded_by_id"`
	RecordedBy   string    `json:"recorded_by"`
	RecordedAt   time.Time `json:"recorded_at"`
}

// ResolutionInput raises a resolution at a meeting. Exactly one of Due
// and ByNextMeeting says when it is due.
type ResolutionInput struct {
	MeetingID     int64  `json:"meeting_id"`
	AgendaItemID  int64  `json:"agenda_item_id"`
	Text          string `json:"text"`
	OwnerID       int64  `json:"owner_id"`
	Due           string `json:"due"`
	ByNextMeeting bool   `json:"by_next_meeting"`
	// ActionIDs and FindingIDs link the resolution to the improvement
	// plan's actions and to inspection findings; both may be empty.
	ActionIDs  []int64 `json:"action_ids"`
	FindingIDs []int64 `json:"finding_ids"`
}

// ResolutionLinksInput replaces the actions and findings a resolution is
// linked to.
type ResolutionLinksInput struct {
	Version    int     `json:"version"`
	ActionIDs  []int64 `json:"action_ids"`
	FindingIDs []int64 `json:"finding_ids"`
}

// ResolutionStatusInput changes a resolution's status: done needs a note
// of what was done, dropped a reason; carried forward takes a new due
// date or "next meeting" again, counted from MeetingID (the meeting that
// carried it) when given. A non-zero OwnerID hands it to another owner.
type ResolutionStatusInput struct {
	Version       int    `json:"version"`
	Status        string `json:"status"`
	Note          string `json:"note"`
	On            string `json:"on"`
	MeetingID     int64  `json:"meeting_id"`
	Due           string `json:"due"`
	ByNextMeeting bool   `json:"by_next_meeting"`
	OwnerID       int64  `json:"owner_id"`
}

// ResolutionQuery filters resolutions. Zero fields do not filter.
type ResolutionQuery struct {
	BoardID   int64
	MeetingID int64 // raised at this meeting
	OwnerID   int64
	// Before keeps those raised at meetings before this date.
	Before Date
	// OutstandingOn keeps those outstanding now or closed on or after
	// this date.
	OutstandingOn Date
	// Outstanding keeps those open or carried forward.
	Outstanding bool
}
