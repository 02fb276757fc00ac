package api

import (
	"net/http"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// childRecordJSON is a child's whole record, as the child's page shows it.
// Lists are never null. Household is the subset of relationships whose
// person lives with the child. Access lists the staff named on a restricted
// record (empty otherwise).
type childRecordJSON struct {
	Person        personJSON         `json:"person"`
	Badges        []badgeJSON        `json:"badges"`
	Allocation    *allocationJSON    `json:"allocation"`
	Relationships []relationshipJSON `json:"relationships"`
	Household     []relationshipJSON `json:"household"`
	Contacts      []contactBriefJSON `json:"contacts"`
	Referrals     []referralJSON     `json:"referrals"`
	Documents     []documentJSON     `json:"documents"`
	Oversight     []oversightJSON    `json:"oversight"`
	Timeline      []eventJSON        `json:"timeline"`
	Access        []staffBriefJSON   `json:"access"`
}

// badgeJSON is a flag on the identity bar, such as "Open referral".
type badgeJSON struct {
	Label  string `json:"label"`
	Colour string `json:"colour"`
}

// allocationJSON is the worker and team a child is allocated to.
type allocationJSON struct {
	ID        int64   `json:"id"`
	StaffID   int64   `json:"staff_id"`
	StaffName string  `json:"staff_name"`
	TeamID    int64   `json:"team_id"`
	TeamName  string  `json:"team_name"`
	StartedAt string  `json:"started_at"`
	EndedAt   *string `json:"ended_at"`
}

// referralJSON is a referral to children's social care (a CIN episode).
type referralJSON struct {
	ID            int64   `json:"id"`
	ChildID       int64   `json:"child_id"`
	ContactID     *int64  `json:"contact_id"`
	ReferralDate  *string `json:"referral_date"`
	Source        string  `json:"source"`
	PrimaryNeed   string  `json:"primary_need"`
	NFA           bool    `json:"nfa"`
	Open          bool    `json:"open"`
	ClosureDate   *string `json:"closure_date"`
	ClosureReason string  `json:"closure_reason"`
	TeamID        *int64  `json:"team_id"`
	Version       int     `json:"version"`
}

// oversightJSON is a manager's recorded oversight of a piece of work.
type oversightJSON struct {
	ID          int64  `json:"id"`
	SubjectType string `json:"subject_type"`
	SubjectID   int64  `json:"subject_id"`
	ChildID     int64  `json:"child_id"`
	StaffID     int64  `json:"staff_id"`
	StaffName   string `json:"staff_name"`
	RecordedAt  string `json:"recorded_at"`
	Rationale   string `json:"rationale"`
}

// eventJSON is one entry on a child's timeline.
type eventJSON struct {
	ID          int64  `json:"id"`
	At          string `json:"at"`
	Kind        string `json:"kind"`
	Summary     string `json:"summary"`
	SubjectType string `json:"subject_type"`
	SubjectID   *int64 `json:"subject_id"`
	StaffID     *int64 `json:"staff_id"`
	StaffName   string `json:"staff_name"`
}

// staffBriefJSON names a member of staff.
type staffBriefJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

func recordOf(rec *app.ChildRecord, today csc.Date) childRecordJSON {
	out := childRecordJSON{
		Person:        personOf(rec.Child, today),
		Badges:        list(rec.Badges, func(b *app.Badge) badgeJSON { return badgeJSON{Label: b.Label, Colour: b.Colour} }),
		Relationships: list(rec.Relationships, func(r *csc.Relationship) relationshipJSON { return relationshipOf(r, today) }),
		Household:     list(rec.Household(), func(r *csc.Relationship) relationshipJSON { return relationshipOf(r, today) }),
		Contacts:      list(rec.Contacts, contactBriefOf),
		Referrals:     list(rec.Referrals, referralOf),
		Documents:     list(rec.Documents, documentOf),
		Oversight:     list(rec.Oversight, oversightOf),
		Timeline:      list(rec.Timeline, eventOf),
		Access: list(rec.Access, func(s *csc.Staff) staffBriefJSON {
			return staffBriefJSON{ID: s.ID, Name: s.Name, Role: string(s.Role)}
		}),
	}
	if a := rec.Allocation; a != nil {
		out.Allocation = &allocationJSON{ID: a.ID, StaffID: a.StaffID, StaffName: a.StaffName, TeamID: a.TeamID,
			TeamName: a.TeamName, StartedAt: instant(a.StartedAt), EndedAt: optInstant(a.EndedAt)}
	}
	return out
}

func referralOf(r *csc.Referral) referralJSON {
	return referralJSON{ID: r.ID, ChildID: r.ChildID, ContactID: ref(r.ContactID), ReferralDate: date(r.ReferralDate),
		Source: string(r.Source), PrimaryNeed: r.PrimaryNeed, NFA: r.NFA, Open: r.Open(),
		ClosureDate: date(r.ClosureDate), ClosureReason: r.ClosureReason, TeamID: ref(r.TeamID), Version: r.Version}
}

func oversightOf(o *csc.Oversight) oversightJSON {
	return oversightJSON{ID: o.ID, SubjectType: o.SubjectType, SubjectID: o.SubjectID, ChildID: o.ChildID,
		StaffID: o.StaffID, StaffName: o.StaffName, RecordedAt: instant(o.RecordedAt), Rationale: o.Rationale}
}

func eventOf(e *csc.Event) eventJSON {
	return eventJSON{ID: e.ID, At: instant(e.At), Kind: e.Kind, Summary: e.Summary, SubjectType: e.SubjectType,
		SubjectID: ref(e.SubjectID), StaffID: ref(e.StaffID), StaffName: e.StaffName}
}

// childRecord answers GET /people/{id}: the whole record, read in one
// transaction and audited by the service layer before it is returned.
func (s *server) childRecord(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rec, err := s.app.ChildRecord(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, recordOf(rec, s.app.Today()))
}
