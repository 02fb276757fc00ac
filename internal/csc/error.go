package csc

import (
	"errors"
	"fmt"
	"strings"
)

// Kind says what sort of failure an error is. It decides the HTTP status and
// what a user is told; the cause stays in the server.
type Kind int

// The kinds of failure. Internal is the zero value so that an error nobody
// classified is never shown to a user as their own fault.
const (
	Internal        Kind = iota // something went wrong in cairn
	Invalid                     // the request is wrong; FieldErrors say how
	NotFound                    // no such record, or the user may not know it exists
	Forbidden                   // the user may not do this
	Unauthenticated             // no valid sign-in
	Conflict                    // the record changed since it was read
	TooMany                     // throttled
)

func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case NotFound:
		return "not found"
	case Forbidden:
		return "forbidden"
	case Unauthenticated:
		return "unauthenticated"
	case Conflict:
		return "conflict"
	case TooMany:
		return "too many requests"
	}
	return "internal"
}

// FieldError is one problem with one field of a form or API body, written so
// the user can act on it ("Enter a date of birth in the past").
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is cairn's one error type. Op names the operation that failed, Kind
// decides the status, Message is safe to show to the user and Err is the
// cause, which is logged but never shown. No message may contain a child's
// name, date of birth or identifier: use record IDs.
type Error struct {
	Op      string
	Kind    Kind
	Message string
	Fields  []FieldError
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Kind.String())
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an error of the given kind with a safe message.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// ErrorKind returns the kind of the outermost cairn error in err's chain, or
// Internal when there is none.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// ErrorMessage returns the message that may be shown to a user for err.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	switch ErrorKind(err) {
	case NotFound:
		return "The record could not be found."
	case Forbidden:
		return "You do not have permission to do that."
	case Unauthenticated:
		return "Sign in to continue."
	case Conflict:
		return "Someone else changed this record while you were editing it."
	}
	return "Something went wrong. The problem has been logged."
}

// ErrorFields returns the field errors carried by err, if any.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// WrapOp gives *errp the operation op when it is not nil: call it as
// `defer csc.WrapOp(&err, "app.RecordContact")`. A cairn error keeps its kind
// and message; any other error becomes Internal.
func WrapOp(errp *error, op string) {
	if *errp == nil {
		return
	}
	var e *Error
	if errors.As(*errp, &e) {
		if e.Op == "" {
			e.Op = op
		}
		return
	}
	*errp = &Error{Op: op, Kind: Internal, Err: *errp}
}

// Problems collects field errors while a form or body is checked, so every
// problem is reported at once rather than one per attempt.
type Problems []FieldError

// Add records a problem with field.
func (p *Problems) Add(field, format string, args ...any) {
	*p = append(*p, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Has reports whether field already has a problem.
func (p Problems) Has(field string) bool {
	for _, f := range p {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns an Invalid error carrying the problems, or nil if there are none.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return &Error{Kind: Invalid, Message: "There is a problem with what was entered.", Fields: p}
}
