package api

import (
	"net/http"

	"cairn/internal/csc"
)

// auditEntryJSON is one row of the audit trail: who read or changed which
// record, when, and through which door. Detail holds field names or counts,
// never personal details.
type auditEntryJSON struct {
	ID          int64  `json:"id"`
	At          string `json:"at"`
	StaffID     *int64 `json:"staff_id"`
	StaffName   string `json:"staff_name"`
	Action      string `json:"action"`
	SubjectType string `json:"subject_type"`
	SubjectID   *int64 `json:"subject_id"`
	ChildID     *int64 `json:"child_id"`
	Channel     string `json:"channel"`
	Detail      string `json:"detail"`
}

// auditJSON is a page of the audit trail, newest first; Total counts every
// matching row, not just this page.
type auditJSON struct {
	Total   int              `json:"total"`
	Entries []auditEntryJSON `json:"entries"`
}

func auditEntryOf(e *csc.AuditEntry) auditEntryJSON {
	return auditEntryJSON{ID: e.ID, At: instant(e.At), StaffID: ref(e.StaffID), StaffName: e.StaffName,
		Action: e.Action, SubjectType: e.SubjectType, SubjectID: ref(e.SubjectID), ChildID: ref(e.ChildID),
		Channel: string(e.Channel), Detail: e.Detail}
}

// auditTrail answers GET /audit: who viewed or changed a child's record
// (child_id), or what a member of staff viewed or changed (staff_id).
func (s *server) auditTrail(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := parseQuery(r, "child_id", "staff_id", "limit", "offset")
	aq := csc.AuditQuery{ChildID: q.id("child_id"), StaffID: q.id("staff_id"),
		Limit: q.number("limit", 100, 1, 1000), Offset: q.number("offset", 0, 0, 10_000_000)}
	if err := q.err(); err != nil {
		return err
	}
	entries, total, err := s.app.AuditTrail(r.Context(), actor, aq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, auditJSON{Total: total, Entries: list(entries, auditEntryOf)})
}
