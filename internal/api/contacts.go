package api

import (
	"net/http"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// contactBriefJSON is a contact as lists show it: who it is about, when it
// arrived and fell due, and where the front door has got to with it.
type contactBriefJSON struct {
	ID               int64   `json:"id"`
	ChildID          int64   `json:"child_id"`
	ChildName        string  `json:"child_name"`
	ReceivedAt       string  `json:"received_at"`
	DueAt            string  `json:"due_at"`
	Source           string  `json:"source"`
	OutOfHours       bool    `json:"out_of_hours"`
	Consent          string  `json:"consent"`
	TeamID           *int64  `json:"team_id"`
	TeamName         string  `json:"team_name"`
	RAG              string  `json:"rag"`
	Open             bool    `json:"open"`
	Decision         string  `json:"decision"`
	DecidedAt        *string `json:"decided_at"`
	DecidedBy        string  `json:"decided_by"`
	LetterDocumentID *int64  `json:"letter_document_id"`
	LetterURL        *string `json:"letter_url"`
	ReferralID       *int64  `json:"referral_id"`
	RecordedBy       string  `json:"recorded_by"`
	CreatedAt        string  `json:"created_at"`
	Version          int     `json:"version"`
	URL              string  `json:"url"`
}

func contactBriefOf(c *csc.Contact) contactBriefJSON {
	return contactBriefJSON{ID: c.ID, ChildID: c.ChildID, ChildName: c.ChildName, ReceivedAt: instant(c.ReceivedAt),
		DueAt: instant(c.DueAt), Source: string(c.Source), OutOfHours: c.OutOfHours, Consent: string(c.Consent),
		TeamID: ref(c.TeamID), TeamName: c.TeamName, RAG: string(c.RAG), Open: c.Open(), Decision: string(c.Decision),
		DecidedAt: optInstant(c.DecidedAt), DecidedBy: c.DecidedBy, LetterDocumentID: ref(c.LetterDocumentID),
		LetterURL: optLink("documents", c.LetterDocumentID), ReferralID: ref(c.ReferralID), RecordedBy: c.RecordedBy,
		CreatedAt: instant(c.CreatedAt), Version: c.Version, URL: link("contacts", c.ID)}
}

// contactJSON is a contact in full: the brief fields and what the referrer
// said, the household, screening, partner checks, the decision and its
// rationale, and managers' oversight.
type contactJSON struct {
	contactBriefJSON
	Referrer           referrerJSON       `json:"referrer"`
	PresentingConcerns string             `json:"presenting_concerns"`
	HistoricConcerns   string             `json:"historic_concerns"`
	ConsentRationale   string             `json:"consent_rationale"`
	Household          []householdJSON    `json:"household"`
	Risks              string             `json:"risks"`
	ProtectiveFactors  string             `json:"protective_factors"`
	ScreeningSummary   string             `json:"screening_summary"`
	PartnerChecks      []partnerCheckJSON `json:"partner_checks"`
	DecisionRationale  string             `json:"decision_rationale"`
	DecidedByID        *int64             `json:"decided_by_id"`
	RecordedByID       *int64             `json:"recorded_by_id"`
	Oversight          []oversightJSON    `json:"oversight"`
}

// referrerJSON is who told the front door about the child.
type referrerJSON struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Role         string `json:"role"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Address      string `json:"address"`
}

// householdJSON is another person in the household named on a contact.
type householdJSON struct {
	PersonID     int64  `json:"person_id"`
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	Relationship string `json:"relationship"`
	URL          string `json:"url"`
}

// partnerCheckJSON is a request to a partner agency and its answer.
type partnerCheckJSON struct {
	ID            int64   `json:"id"`
	ContactID     int64   `json:"contact_id"`
	Agency        string  `json:"agency"`
	RequestedAt   string  `json:"requested_at"`
	RequestedByID *int64  `json:"requested_by_id"`
	RequestedBy   string  `json:"requested_by"`
	Returned      bool    `json:"returned"`
	ReturnedAt    *string `json:"returned_at"`
	Summary       string  `json:"summary"`
	Version       int     `json:"version"`
}

func contactOf(c *csc.Contact) contactJSON {
	r := c.Referrer
	return contactJSON{contactBriefJSON: contactBriefOf(c),
		Referrer: referrerJSON{Name: r.Name, Organisation: r.Organisation, Role: r.Role, Phone: r.Phone,
			Email: r.Email, Address: r.Address},
		PresentingConcerns: c.PresentingConcerns, HistoricConcerns: c.HistoricConcerns,
		ConsentRationale: c.ConsentRationale,
		Household: list(c.Household, func(h *csc.HouseholdMember) householdJSON {
			return householdJSON{PersonID: h.PersonID, Name: h.Name, Kind: h.Kind, Relationship: h.Relationship,
				URL: link("people", h.PersonID)}
		}),
		Risks: c.Risks, ProtectiveFactors: c.ProtectiveFactors, ScreeningSummary: c.ScreeningSummary,
		PartnerChecks: list(c.PartnerChecks, partnerCheckOf), DecisionRationale: c.DecisionRationale,
		DecidedByID: ref(c.DecidedByID), RecordedByID: ref(c.RecordedByID),
		Oversight: list(c.Oversight, oversightOf)}
}

func partnerCheckOf(pc *csc.PartnerCheck) partnerCheckJSON {
	return partnerCheckJSON{ID: pc.ID, ContactID: pc.ContactID, Agency: string(pc.Agency),
		RequestedAt: instant(pc.RequestedAt), RequestedByID: ref(pc.RequestedByID), RequestedBy: pc.RequestedBy,
		Returned: !pc.ReturnedAt.IsZero(), ReturnedAt: optInstant(pc.ReturnedAt), Summary: pc.Summary, Version: pc.Version}
}

// queueItemJSON is an open contact on the front-door queue with its clock:
// minutes since it was received and minutes left before the decision is
// due (negative once overdue).
type queueItemJSON struct {
	contactBriefJSON
	Overdue          bool  `json:"overdue"`
	ElapsedMinutes   int64 `json:"elapsed_minutes"`
	RemainingMinutes int64 `json:"remaining_minutes"`
}

// queueJSON is a page of the front-door queue; Total counts every open
// contact matching the filters, not just this page.
type queueJSON struct {
	Total int             `json:"total"`
	Items []queueItemJSON `json:"items"`
}

func queueItemOf(it *app.QueueItem) queueItemJSON {
	return queueItemJSON{contactBriefJSON: contactBriefOf(&it.Contact), Overdue: it.Overdue,
		ElapsedMinutes: int64(it.Elapsed / time.Minute), RemainingMinutes: int64(it.Remaining / time.Minute)}
}

func (s *server) recordContact(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	var in csc.ContactInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.app.RecordContact(r.Context(), actor, in)
	if err != nil {
		return err
	}
	return created(w, link("contacts", c.ID), contactOf(c))
}

// frontDoorQueue answers GET /contacts: open contacts, most overdue first.
func (s *server) frontDoorQueue(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := parseQuery(r, "rag", "source", "team_id", "limit", "offset")
	cq := csc.ContactQuery{RAG: csc.RAG(q.oneOf("rag", stringsOf(csc.RAGs)...)), Source: q.text("source", 10),
		TeamID: q.id("team_id"), Limit: q.number("limit", 50, 1, 500), Offset: q.number("offset", 0, 0, 1_000_000)}
	checkSource(q, cq.Source, s.app.Today())
	if err := q.err(); err != nil {
		return err
	}
	queue, err := s.app.FrontDoorQueue(r.Context(), actor, cq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, queueJSON{Total: queue.Total, Items: list(queue.Items, queueItemOf)})
}

// checkSource refuses a source filter that is not a referral source code
// in this collection year or the last (the queue holds contacts up to a
// year old), so a mistyped code is an error rather than an empty queue.
func checkSource(q *query, source string, today csc.Date) {
	if source == "" {
		return
	}
	year := csc.CollectionYearOf(today)
	if csc.CheckCode(csc.ListReferralSource, year-1, source) == nil {
		return
	}
	if err := csc.CheckCode(csc.ListReferralSource, year, source); err != nil {
		q.probs.Add("source", "%s", err.Error())
	}
}

func (s *server) findContact(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := s.app.FindContact(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, contactOf(c))
}
