// Package letters renders the letters cairn sends as PDF files, ready to be
// posted or emailed and filed on the child's record.
//
// The first is the outcome letter to a referrer (RenderOutcomeLetter), sent
// when the front door (MASH) has decided what happens with a contact about a
// child. Letters are A4, set in Liberation Sans (metric-compatible with
// Arial) embedded in the package, and carry the OFFICIAL-SENSITIVE marking
// and "Page N of M" on every page.
//
// Rendering is deterministic: the same input always gives byte-identical
// output, so a filed letter can be regenerated and compared. The package
// takes plain values only and imports nothing else from cairn.
package letters

import (
	"errors"
	"fmt"
	"strings"
)

// MaxPages is the most pages a letter may run to. A letter that would be
// longer is refused with an error wrapping ErrTooLong rather than produced.
const MaxPages = 60

// ErrTooLong is wrapped by the error returned for a letter that would run to
// more than MaxPages pages.
var ErrTooLong = errors.New("letters: letter is too long")

// ErrMissingField is matched (with errors.Is) by every *MissingFieldError.
var ErrMissingField = errors.New("letters: missing required field")

// MissingFieldError reports that a letter lacks one or more essential fields.
type MissingFieldError struct {
	Letter string   // which letter, e.g. "outcome letter"
	Fields []string // the missing fields, by their Go field names
}

// Error names the missing fields, e.g.
// "letters: outcome letter is missing Reference, SignOffName".
func (e *MissingFieldError) Error() string {
	return fmt.Sprintf("letters: %s is missing %s", e.Letter, strings.Join(e.Fields, ", "))
}

// Is makes errors.Is(err, ErrMissingField) true for a *MissingFieldError.
func (e *MissingFieldError) Is(target error) bool {
	return target == ErrMissingField
}

// FieldError reports a field whose content cannot be laid out, such as a
// return address too long for the letterhead.
type FieldError struct {
	Field   string // the Go field name
	Problem string // what is wrong with it
}

// Error names the field and the problem.
func (e *FieldError) Error() string {
	return fmt.Sprintf("letters: %s %s", e.Field, e.Problem)
}

// recoverRender turns a panic inside the PDF library into an error, so that
// a bug there fails one letter rather than the request filing it. The fuzz
// test treats such an error as a failure.
func recoverRender(pdf *[]byte, err *error) {
	if r := recover(); r != nil {
		*pdf, *err = nil, fmt.Errorf("letters: internal error rendering letter: %v", r)
	}
}
