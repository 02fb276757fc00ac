package api

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"cairn/internal/csc"
)

// pathID reads the record id in the path: a positive whole number.
func pathID(r *http.Request) (int64, error) {
	id, ok := positiveInt(r.PathValue("id"))
	if !ok {
		return 0, badRequest("id", "The id in the address must be a positive whole number, such as /123.")
	}
	return id, nil
}

// positiveInt reads a positive whole number written in plain digits (no
// sign, no spaces) that fits in int64.
func positiveInt(s string) (int64, bool) {
	if s == "" || len(s) > 19 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

// query reads a request's query parameters, collecting every problem so a
// client hears of them all at once. A parameter the route does not take,
// or one given twice, is a problem too: a misspelt filter must not
// silently widen a search.
type query struct {
	v     url.Values
	probs csc.Problems
}

// parseQuery checks the query string holds only the allowed parameters,
// each at most once.
func parseQuery(r *http.Request, allowed ...string) *query {
	q := &query{}
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		q.probs.Add("query", "The query string is not correctly encoded")
	}
	q.v = v
	for name, vals := range v {
		switch {
		case !slices.Contains(allowed, name):
			q.probs.Add(clip(name), "This address takes no parameter called “%s”", clip(name))
		case len(vals) > 1:
			q.probs.Add(name, "Give %s at most once", name)
		}
	}
	return q
}

// text returns a parameter's value, or "" when absent.
func (q *query) text(name string, maxLen int) string {
	s := q.v.Get(name)
	if len(s) > maxLen {
		q.probs.Add(name, "Enter at most %d characters", maxLen)
		return ""
	}
	return s
}

// id returns an optional record id: 0 when absent.
func (q *query) id(name string) int64 {
	s := q.v.Get(name)
	if s == "" {
		return 0
	}
	n, ok := positiveInt(s)
	if !ok {
		q.probs.Add(name, "Enter %s as a positive whole number", name)
	}
	return n
}

// number returns a whole number in [lo, hi], or def when absent.
func (q *query) number(name string, def, lo, hi int) int {
	s := q.v.Get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi || s[0] == '+' {
		q.probs.Add(name, "Enter %s as a whole number from %d to %d", name, lo, hi)
		return def
	}
	return n
}

// flag returns a true/false parameter; absent is false.
func (q *query) flag(name string) bool {
	switch q.v.Get(name) {
	case "", "false":
		return false
	case "true":
		return true
	}
	q.probs.Add(name, "Enter %s as true or false", name)
	return false
}

// oneOf returns a parameter that must be one of the choices, or "".
func (q *query) oneOf(name string, choices ...string) string {
	s := q.v.Get(name)
	if s != "" && !slices.Contains(choices, s) {
		q.probs.Add(name, "Choose %s from: %s", name, strings.Join(choices, ", "))
		return ""
	}
	return s
}

// err returns the problems found, as one 400.
func (q *query) err() error {
	if len(q.probs) == 0 {
		return nil
	}
	return &statusError{Status: http.StatusBadRequest, Message: "There is a problem with the query parameters.", Fields: q.probs}
}

// requireVersion checks a body carries the version of the record the
// client read: without it an update could overwrite a change it never saw.
func requireVersion(v int) error {
	if v < 1 {
		return badRequest("version", "Send the version of the record you read (a whole number from 1), so a change made since is not overwritten.")
	}
	return nil
}
