package api

import (
	"context"
	"errors"
	"net/http"

	"cairn/internal/csc"
)

// errorJSON is the body of every error response. Fields appear only on 400
// validation errors; CurrentVersion only on a 409 for a stale version;
// Candidates only on the 409 that warns of likely duplicate people.
type errorJSON struct {
	Error          string            `json:"error"`
	Fields         []fieldErrorJSON  `json:"fields,omitempty"`
	CurrentVersion int               `json:"current_version,omitempty"`
	Candidates     []personMatchJSON `json:"candidates,omitempty"`
}

// fieldErrorJSON is one problem with one field of a request.
type fieldErrorJSON struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// genericMessage is all a client learns about a failure inside cairn.
const genericMessage = "Something went wrong in cairn. The problem has been logged."

// statusError is a failure the API finds itself, before any service call:
// a wrong content type, an oversized or malformed body, an unknown address.
type statusError struct {
	Status  int
	Message string
	Fields  []csc.FieldError
	Allow   string // the Allow header of a 405
}

func (e *statusError) Error() string { return http.StatusText(e.Status) + ": " + e.Message }

// badRequest is a 400 naming the field at fault, or the body as a whole
// when field is "".
func badRequest(field, message string) error {
	e := &statusError{Status: http.StatusBadRequest, Message: message}
	if field != "" {
		e.Fields = []csc.FieldError{{Field: field, Message: message}}
	}
	return e
}

// conflictError is a service layer Conflict for a stale version, with the
// version the record has now, so a client can re-read and retry.
type conflictError struct {
	Err            error
	CurrentVersion int
}

func (e *conflictError) Error() string { return e.Err.Error() }
func (e *conflictError) Unwrap() error { return e.Err }

// withCurrentVersion adds the record's current version to a Conflict
// error; current reads it. Any other error, or a read that fails, leaves
// err as it was: the conflict is still reported, without the version.
func withCurrentVersion(err error, current func() (int, error)) error {
	if csc.ErrorKind(err) != csc.Conflict {
		return err
	}
	v, rerr := current()
	if rerr != nil {
		return err
	}
	return &conflictError{Err: err, CurrentVersion: v}
}

// duplicatesError stops a new person being created while people already on
// the record may be the same person.
type duplicatesError struct{ Candidates []personMatchJSON }

func (e *duplicatesError) Error() string { return "likely duplicates found" }

// statusOf is the one place an error becomes an HTTP status.
func statusOf(err error) int {
	var se *statusError
	if errors.As(err, &se) {
		return se.Status
	}
	var de *duplicatesError
	if errors.As(err, &de) {
		return http.StatusConflict
	}
	if errors.Is(err, context.Canceled) {
		return 499 // the client closed the request; nobody reads the answer
	}
	switch csc.ErrorKind(err) {
	case csc.Invalid:
		return http.StatusBadRequest
	case csc.NotFound:
		return http.StatusNotFound
	case csc.Forbidden:
		return http.StatusForbidden
	case csc.Unauthenticated:
		return http.StatusUnauthorized
	case csc.Conflict:
		return http.StatusConflict
	case csc.TooMany:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// writeError sends err as a JSON error response. A 500 is logged with its
// operation and cause and the client is told nothing more than that it was
// logged; request bodies, query strings and record content are never
// logged, only the route pattern and the error (whose messages name record
// IDs only).
func (s *server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status == 499 {
		return
	}
	body := errorJSON{Error: csc.ErrorMessage(err)}
	var se *statusError
	var ce *conflictError
	var de *duplicatesError
	switch {
	case status >= 500:
		op := ""
		var e *csc.Error
		if errors.As(err, &e) {
			op = e.Op
		}
		s.log.Error("api: request failed", "op", op, "route", r.Pattern, "method", r.Method, "status", status, "err", err)
		body = errorJSON{Error: genericMessage}
	case errors.As(err, &se):
		body = errorJSON{Error: se.Message, Fields: fieldsJSON(se.Fields)}
		if se.Allow != "" {
			w.Header().Set("Allow", se.Allow)
		}
	case errors.As(err, &de):
		body.Error = "People already on the record may be this person. Check the candidates; to create a new record anyway, send the request again with confirm_new=true."
		body.Candidates = de.Candidates
	case errors.As(err, &ce):
		body.CurrentVersion = ce.CurrentVersion
	case status == http.StatusBadRequest:
		body.Fields = fieldsJSON(csc.ErrorFields(err))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="cairn"`)
	}
	if werr := writeJSON(w, status, body); werr != nil {
		s.log.Error("api: could not write an error response", "route", r.Pattern, "err", werr)
	}
}

func fieldsJSON(fs []csc.FieldError) []fieldErrorJSON {
	var out []fieldErrorJSON
	for _, f := range fs {
		out = append(out, fieldErrorJSON{Field: f.Field, Message: f.Message})
	}
	return out
}
