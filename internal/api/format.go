package api

import (
	"strconv"
	"time"

	"cairn/internal/csc"
)

// The API writes civil dates as "YYYY-MM-DD" and instants as RFC 3339 in
// UTC. A date, instant or reference that is not recorded is null, never an
// empty string or 0, so a client need not guess what "" means.

// date writes a civil date, or null when it is not recorded.
func date(d csc.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// instant writes an instant in UTC.
func instant(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// optInstant writes an instant, or null when it is not recorded.
func optInstant(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := instant(t)
	return &s
}

// ref writes a reference to another record, or null when there is none.
func ref(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// link builds the API address of a record.
func link(collection string, id int64) string {
	return Prefix + "/" + collection + "/" + strconv.FormatInt(id, 10)
}

// optLink is link, or null when there is no record.
func optLink(collection string, id int64) *string {
	if id == 0 {
		return nil
	}
	u := link(collection, id)
	return &u
}

// list maps a slice to its JSON form, giving [] rather than null when empty
// so that a client can always iterate.
func list[T, J any](in []T, f func(*T) J) []J {
	out := make([]J, 0, len(in))
	for i := range in {
		out = append(out, f(&in[i]))
	}
	return out
}

// stringsOf copies a slice of string-like values, never nil.
func stringsOf[S ~string](in []S) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		out = append(out, string(s))
	}
	return out
}
