package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// targets is what the scenarios ask for: children's record ids and family
// names to search for, all found on the server.
type targets struct {
	childIDs    []int64
	familyNames []string
}

// discover collects child ids and family names: the children named on the
// front-door queue, then people searches on their family names (and the
// family names those find), until max ids are known or the names run out.
func discover(ctx context.Context, s *session, max int) (*targets, error) {
	t := &targets{}
	seenID := map[int64]bool{}
	seenName := map[string]bool{}
	addName := func(full string) {
		f := familyName(full)
		if f != "" && !seenName[f] {
			seenName[f] = true
			t.familyNames = append(t.familyNames, f)
		}
	}
	addChild := func(id int64, name string) {
		if !seenID[id] {
			seenID[id] = true
			t.childIDs = append(t.childIDs, id)
		}
		addName(name)
	}

	names, err := queueNames(ctx, s)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		addName(n)
	}
	// Search the names in the order found; each search adds the family
	// names of the children it finds to the end of the list.
	for i := 0; i < len(t.familyNames) && len(t.childIDs) < max && i < 500; i++ {
		found, err := searchChildren(ctx, s, t.familyNames[i])
		if err != nil {
			return nil, err
		}
		for _, c := range found {
			addChild(c.id, c.name)
		}
	}
	if len(t.childIDs) == 0 || len(t.familyNames) == 0 {
		return nil, fmt.Errorf("found no children to load: is the database populated (cairn synth), and can the user see the front door?")
	}
	return t, nil
}

// familyName is the last word of a name; "Restricted record 12" is none.
func familyName(full string) string {
	if full == "" || strings.HasPrefix(full, "Restricted record") {
		return ""
	}
	f := strings.Fields(full)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

type child struct {
	id   int64
	name string
}

var (
	// A row of the front-door queue: the contact link, then the child's name.
	queueRow = regexp.MustCompile(`(?s)href="/contacts/\d+">Contact \d+</a>.*?</td>\s*<td class="govuk-table__cell">([^<]*)</td>`)
	// A search result: the person link, then "(Adult)" or "(Unborn child)"
	// unless the person is a child.
	searchRow = regexp.MustCompile(`href="/people/(\d+)">([^<]+)</a>( <span class="govuk-body-s">\(([^)]*)\)</span>)?`)
)

// queueNames returns the children's names on the first pages of the queue.
func queueNames(ctx context.Context, s *session) ([]string, error) {
	if s.api() {
		r := s.do(ctx, "GET", "/api/v1/contacts?limit=500", "", nil, true)
		if !r.ok() {
			return nil, fmt.Errorf("discover: GET /api/v1/contacts: %s", describe(r))
		}
		var q struct {
			Items []struct {
				ChildName string `json:"child_name"`
			} `json:"items"`
		}
		if err := json.Unmarshal(r.body, &q); err != nil {
			return nil, fmt.Errorf("discover: read the queue: %w", err)
		}
		var out []string
		for _, it := range q.Items {
			out = append(out, it.ChildName)
		}
		return out, nil
	}
	var out []string
	for page := 1; page <= 10; page++ {
		path := "/front-door?page=" + strconv.Itoa(page)
		r := s.do(ctx, "GET", path, "", nil, true)
		if !r.ok() || r.status != 200 {
			return nil, fmt.Errorf("discover: GET %s: %s", path, describe(r))
		}
		m := queueRow.FindAllSubmatch(r.body, -1)
		for _, row := range m {
			out = append(out, html.UnescapeString(string(row[1])))
		}
		if len(m) < 50 {
			break
		}
	}
	return out, nil
}

// searchChildren searches people by name and returns the children found.
func searchChildren(ctx context.Context, s *session, name string) ([]child, error) {
	if s.api() {
		path := "/api/v1/people?kind=child&limit=100&name=" + url.QueryEscape(name)
		r := s.do(ctx, "GET", path, "", nil, true)
		if !r.ok() {
			return nil, fmt.Errorf("discover: GET /api/v1/people: %s", describe(r))
		}
		var res struct {
			Results []struct {
				ID   int64  `json:"id"`
				Name string `json:"name"`
			} `json:"results"`
		}
		if err := json.Unmarshal(r.body, &res); err != nil {
			return nil, fmt.Errorf("discover: read a search: %w", err)
		}
		var out []child
		for _, p := range res.Results {
			out = append(out, child{p.ID, p.Name})
		}
		return out, nil
	}
	r := s.do(ctx, "GET", "/people?name="+url.QueryEscape(name), "", nil, true)
	if !r.ok() || r.status != 200 {
		return nil, fmt.Errorf("discover: GET /people?name=...: %s", describe(r))
	}
	var out []child
	for _, m := range searchRow.FindAllSubmatch(r.body, -1) {
		if len(m[4]) > 0 { // an adult or unborn child
			continue
		}
		id, err := strconv.ParseInt(string(m[1]), 10, 64)
		if err == nil {
			out = append(out, child{id, html.UnescapeString(string(m[2]))})
		}
	}
	return out, nil
}

// describe says how a request went, for an error message.
func describe(r result) string {
	switch {
	case r.err != nil:
		return r.err.Error()
	case r.location != "":
		return fmt.Sprintf("status %d to %s", r.status, r.location)
	}
	return fmt.Sprintf("status %d", r.status)
}
