package synth

import (
	"fmt"
	"time"

	"cairn/internal/csc"
)

// Boards and committees of the synthetic authority, in the shape of the
// seed papers: an improvement (quality and development) board meeting
// monthly over the last two quarters, a scrutiny committee and a corporate
// parenting board meeting quarterly, each with its next meeting scheduled,
// minutes, and resolutions like the ones the papers record — some done,
// some carried forward, some open and overdue, one due at the next
// meeting. Dates run back from AsOf, so the demo's "today" always has
// matters arising. Every name is invented.

// boardSpec is a board with its meetings, oldest first.
type boardSpec struct {
	name     string
	kind     csc.BoardKind
	members  []csc.BoardMember
	meetings []meetingSpec
}

// meetingSpec is one meeting, dated by its offset in days from AsOf
// (negative: held, with minutes; positive: scheduled).
type meetingSpec struct {
	offset      int
	agenda      []string
	resolutions []resolutionSpec
}

// resolutionSpec is a resolution and what became of it. owner picks one
// of the board owners; due is days after the meeting, or 0 for "by the
// next meeting"; later changes are dated in days after the meeting.
type resolutionSpec struct {
	text    string
	owner   int
	due     int
	about   string // a practice area: the resolution is linked to the plan's actions and findings about it
	changes []changeSpec
}

// changeSpec is a change of status agreed at the meeting that many
// meetings later (at > 0), or on a day after the meeting (days > 0).
type changeSpec struct {
	status  string
	note    string
	at      int
	days    int
	carryBy int // when carried forward: days after the change, or 0 for the next meeting
}

var standingAgenda = []string{"Apologies and declarations of interest", "Minutes of the last meeting and matters arising"}

// boardSpecs are the authority's boards.
func boardSpecs() []boardSpec {
	improvement := []string{"Improvement plan: progress by theme", "Performance report", "Workforce: absence, turnover, vacancies and agency staff"}
	return []boardSpec{{
		name: "Quality and Development Board", kind: csc.BoardImprovement,
		members: []csc.BoardMember{{Name: "Morwen Tallis", Role: "Chair, Director of Children's Services"},
			{Name: "Cllr Idris Penhallow", Role: "Lead member for children"}, {Name: "Dr Anjali Fenwick", Role: "Independent adviser"}},
		meetings: []meetingSpec{
			{offset: -182, agenda: improvement, resolutions: []resolutionSpec{
				{text: "Circulate a full breakdown of staff absence, turnover and vacancies to members", owner: 1, due: 21, about: "workforce",
					changes: []changeSpec{{status: csc.ResolutionDone, note: "Breakdown circulated to members by email.", days: 18}}},
				{text: "Bring a report on the response to homeless 16- and 17-year-olds to a future meeting", owner: 0, about: "homeless_16_17",
					changes: []changeSpec{{status: csc.ResolutionCarried, note: "Joint protocol with housing not yet agreed.", at: 1},
						{status: csc.ResolutionDone, note: "Report presented and the joint protocol endorsed.", at: 3}}},
			}},
			{offset: -154, agenda: improvement, resolutions: []resolutionSpec{
				{text: "Report the share of case audit actions completed on time, by team", owner: 1, due: 45, about: "quality_assurance",
					changes: []changeSpec{{status: csc.ResolutionDone, note: "Presented with the quarterly performance report.", at: 2}}},
			}},
			{offset: -126, agenda: improvement, resolutions: []resolutionSpec{
				{text: "Agree a recruitment and retention offer for social workers with human resources", owner: 0, due: 60, about: "workforce"},
			}},
			{offset: -91, agenda: improvement, resolutions: []resolutionSpec{
				{text: "Review supervision frequency in the disabled children's team", owner: 2, due: 30,
					changes: []changeSpec{{status: csc.ResolutionDropped, note: "Superseded by the service-wide supervision audit.", at: 1}}},
			}},
			{offset: -63, agenda: improvement, resolutions: []resolutionSpec{
				{text: "Present the refreshed quality assurance framework", owner: 1, about: "quality_assurance",
					changes: []changeSpec{{status: csc.ResolutionCarried, note: "Awaiting the practice standards consultation.", at: 1}}},
			}},
			{offset: -28, agenda: improvement, resolutions: []resolutionSpec{
				{text: "Circulate the findings of the identity audit to members", owner: 1, due: 49, about: "assessment"},
			}},
			{offset: 10, agenda: improvement},
		},
	}, {
		name: "Children and Young People Scrutiny Committee", kind: csc.BoardScrutiny,
		members: []csc.BoardMember{{Name: "Cllr Bethan Argall", Role: "Chair"}, {Name: "Cllr Owain Tresize", Role: "Vice-chair"},
			{Name: "Cllr Priya Landeg", Role: "Member"}, {Name: "Rev. Hugh Caddick", Role: "Co-opted member"}},
		meetings: []meetingSpec{
			{offset: -150, agenda: []string{"Ofsted focused visit: the outcome letter", "Children's services performance"}, resolutions: []resolutionSpec{
				{text: "Members note the report on the focused visit", owner: 0, due: 1,
					changes: []changeSpec{{status: csc.ResolutionDone, note: "Noted.", days: 1}}},
				{text: "Members to receive information on staff absence, turnover and vacancies", owner: 0, due: 35, about: "workforce",
					changes: []changeSpec{{status: csc.ResolutionDone, note: "Information circulated to members.", days: 30}}},
				{text: "A detailed report on young people presenting as homeless to be brought to a future meeting", owner: 0, about: "homeless_16_17"},
			}},
			{offset: -59, agenda: []string{"Social work academy: the first year", "Externally provided workers"}},
			{offset: 31, agenda: []string{"Homeless 16- and 17-year-olds", "Children's services performance"}},
		},
	}, {
		name: "Corporate Parenting Board", kind: csc.BoardCorporateParenting,
		members: []csc.BoardMember{{Name: "Cllr Idris Penhallow", Role: "Chair"}, {Name: "Tamsin Roskilly", Role: "Virtual school head"},
			{Name: "Jago Pender", Role: "Children in care council"}},
		meetings: []meetingSpec{
			{offset: -120, agenda: []string{"Identity in assessments of need", "Sufficiency of placements"}, resolutions: []resolutionSpec{
				{text: "Look into how children's identity is taken into account in assessments of need", owner: 1, due: 60, about: "assessment"},
				{text: "Report on care leavers in suitable accommodation", owner: 2, due: 40, about: "care_leavers",
					changes: []changeSpec{{status: csc.ResolutionDone, note: "Reported: 91% of care leavers in suitable accommodation.", at: 1}}},
			}},
			{offset: -26, agenda: []string{"Housing for care leavers", "Health assessments of children in care"}, resolutions: []resolutionSpec{
				{text: "Review the new contracts for homelessness and housing provision for 16 to 25-year-olds once they have been let", owner: 0, due: 75, about: "homeless_16_17"},
				{text: "Bring the annual report of the independent reviewing service", owner: 2},
			}},
			{offset: 64, agenda: []string{"Independent reviewing service: annual report"}},
		},
	}}
}

// boardOwners are the staff who own resolutions: the demo head of service
// and QA auditor when there are demo accounts, then the county's team
// managers and auditors, in the order they were created.
func boardOwners(s *staffing) []*csc.Staff {
	var out []*csc.Staff
	for _, u := range []string{"leader", "qa", "tm"} {
		if w, ok := s.demo[u]; ok {
			out = append(out, &w.s)
		}
	}
	for _, w := range s.staff {
		if len(out) >= 3 {
			break
		}
		if !w.s.Demo && (w.s.Role == csc.RoleTeamManager || w.s.Role == csc.RoleQA) {
			out = append(out, &w.s)
		}
	}
	return out
}

// writeBoards writes the boards, their meetings and resolutions.
func writeBoards(tx csc.Tx, s *staffing, asOf time.Time, sum *Summary) error {
	owners := boardOwners(s)
	if len(owners) == 0 {
		return nil
	}
	today := csc.DateOf(asOf)
	links, err := planLinksByArea(tx)
	if err != nil {
		return err
	}
	for _, spec := range boardSpecs() {
		b := &csc.Board{Name: spec.name, Kind: spec.kind, Members: spec.members, Active: true}
		b.Members = append(b.Members, csc.BoardMember{StaffID: owners[0].ID, Name: owners[0].Name, Role: "Head of service"})
		if err := tx.CreateBoard(b); err != nil {
			return err
		}
		sum.Boards++
		var meetings []*csc.Meeting
		for _, ms := range spec.meetings {
			m, err := writeMeeting(tx, b, ms, today, owners)
			if err != nil {
				return err
			}
			meetings = append(meetings, m)
			sum.Meetings++
		}
		for i, ms := range spec.meetings {
			for _, rs := range ms.resolutions {
				if err := writeResolution(tx, b, meetings, i, rs, owners, links[rs.about]); err != nil {
					return fmt.Errorf("resolution %q: %w", rs.text, err)
				}
				sum.Resolutions++
			}
		}
	}
	return nil
}

// writeMeeting writes a meeting on its weekday (Thursday), with its agenda
// and, once held, its attendance and minutes.
func writeMeeting(tx csc.Tx, b *csc.Board, ms meetingSpec, today csc.Date, owners []*csc.Staff) (*csc.Meeting, error) {
	d := today.AddDays(ms.offset)
	for d.Weekday() != time.Thursday {
		d = d.AddDays(-1)
	}
	m := &csc.Meeting{BoardID: b.ID, Date: d, Status: csc.MeetingScheduled, Location: "Committee Room 2, County Hall"}
	held := d.Before(today)
	if held {
		m.Status = csc.MeetingHeld
		m.Minutes = "The meeting was quorate. The minutes of the last meeting were agreed as a true record."
		for i, mem := range b.Members {
			m.Attendees = append(m.Attendees, csc.MeetingAttendee{StaffID: mem.StaffID, Name: mem.Name, Present: i != 1})
		}
	}
	if err := tx.CreateMeeting(m); err != nil {
		return nil, err
	}
	for i, title := range append(append([]string{}, standingAgenda...), ms.agenda...) {
		it := &csc.AgendaItem{MeetingID: m.ID, Position: i + 1, Title: title}
		if i >= len(standingAgenda) {
			it.Presenter = owners[i%len(owners)].Name
			if held {
				it.Minutes = "Members received the report and asked questions, which were answered."
			}
		}
		if err := tx.CreateAgendaItem(it); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// writeResolution raises a resolution at meetings[at] and applies its
// later changes.
func writeResolution(tx csc.Tx, b *csc.Board, meetings []*csc.Meeting, at int, rs resolutionSpec, owners []*csc.Staff, about planLinks) error {
	m := meetings[at]
	owner := owners[rs.owner%len(owners)]
	r := &csc.Resolution{BoardID: b.ID, MeetingID: m.ID, MeetingDate: m.Date, DueFromMeetingID: m.ID, Text: rs.text,
		OwnerID: owner.ID, ByNextMeeting: rs.due == 0, Status: csc.ResolutionOpen, RecordedByID: owners[0].ID,
		ActionIDs: about.actions, FindingIDs: about.findings}
	if rs.due > 0 {
		r.Due = m.Date.AddDays(rs.due)
	}
	if err := tx.CreateResolution(r); err != nil {
		return err
	}
	for _, c := range rs.changes {
		u := &csc.ResolutionUpdate{ResolutionID: r.ID, Status: c.status, Note: c.note, RecordedByID: owners[0].ID}
		switch {
		case c.at > 0 && at+c.at < len(meetings):
			u.MeetingID, u.On = meetings[at+c.at].ID, meetings[at+c.at].Date
		default:
			u.On = m.Date.AddDays(c.days)
		}
		r.Status, r.StatusNote, r.ClosedOn = c.status, c.note, csc.Date{}
		switch c.status {
		case csc.ResolutionDone, csc.ResolutionDropped:
			r.ClosedOn = u.On
		case csc.ResolutionCarried:
			r.ByNextMeeting, r.Due = c.carryBy == 0, csc.Date{}
			if c.carryBy > 0 {
				r.Due = u.On.AddDays(c.carryBy)
				u.Due = r.Due
			} else if u.MeetingID != 0 {
				r.DueFromMeetingID = u.MeetingID
			}
		}
		if err := tx.UpdateResolution(r); err != nil {
			return err
		}
		if err := tx.CreateResolutionUpdate(u); err != nil {
			return err
		}
	}
	return nil
}

// planLinks are the improvement actions and findings about one practice
// area.
type planLinks struct{ actions, findings []int64 }

// planLinksByArea finds, for each practice area, the improvement plan's
// first two actions on that theme and the findings about it that need
// action of the latest inspection that has any, so that the demo's resolutions are linked to
// what they discuss.
func planLinksByArea(tx csc.Tx) (map[string]planLinks, error) {
	out := map[string]planLinks{}
	actions, err := tx.ListImprovementActions()
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		if l := out[a.Theme]; len(l.actions) < 2 {
			l.actions = append(l.actions, a.ID)
			out[a.Theme] = l
		}
	}
	inspections, err := tx.ListInspections()
	if err != nil {
		return nil, err
	}
	// The most recent inspection (they come newest first) whose findings
	// call for action: an annual engagement meeting has none.
	for _, ins := range inspections {
		findings, err := tx.ListFindings(ins.ID)
		if err != nil {
			return nil, err
		}
		found := false
		for _, f := range findings {
			if !f.Kind.NeedsAction() {
				continue
			}
			found = true
			for _, area := range f.Areas {
				l := out[area]
				l.findings = append(l.findings, f.ID)
				out[area] = l
			}
		}
		if found {
			break
		}
	}
	return out, nil
}
