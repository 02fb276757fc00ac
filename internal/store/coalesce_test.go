package store

import (
	"strings"
	"testing"
)

func TestRankTablesPutsEveryTableAfterThoseItRefersTo(t *testing.T) {
	order := rankTables(map[string][]string{
		"person": nil, "contact": {"person"}, "contact_household": {"contact", "person"},
		"cp_plan": {"cp_conference", "person"}, "cp_conference": {"person"},
		"loop_a": {"loop_b"}, "loop_b": {"loop_a"}, "behind_loop": {"loop_a"},
	})
	for child, parents := range map[string][]string{"contact": {"person"}, "contact_household": {"contact", "person"},
		"cp_plan": {"cp_conference", "person"}} {
		for _, p := range parents {
			if order[child] <= order[p] {
				t.Errorf("%s ranks %d, not after %s (%d)", child, order[child], p, order[p])
			}
		}
	}
	for _, tbl := range []string{"loop_a", "loop_b", "behind_loop"} {
		if _, ok := order[tbl]; ok {
			t.Errorf("%s is on or behind a cycle of foreign keys but was ranked; its inserts could be reordered", tbl)
		}
	}
}

func TestParseRowInsert(t *testing.T) {
	for _, tc := range []struct {
		query  string
		params int // 0: not a single-row insert
	}{
		{`INSERT INTO person_name_key (person_id, name_key) VALUES ($1, $2)`, 2},
		{"INSERT INTO contact (id, a, b, created_at, updated_at)\n\t\tVALUES ($4, $1, $2, $3, $3)", 4},
		{`INSERT INTO relationship (a, b, pr, v) VALUES ($1, $2, FALSE, 1)`, 2},
		{`INSERT INTO audit (a, b) VALUES ($1, $2), ($3, $4)`, 0},
		{`INSERT INTO t (a) VALUES ($1) RETURNING id`, 0},
		{`INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING`, 0},
		{`INSERT INTO t (a, b) VALUES ($1, 'x')`, 0},
		{`INSERT INTO t (a, b) VALUES ($1, $3)`, 0},
		{`INSERT INTO t (a) SELECT $1`, 0},
		{`UPDATE t SET a = $1 WHERE id = $2`, 0},
		{`DELETE FROM clock WHERE child_id IN ($1, $2)`, 0},
	} {
		ri := splitRowInsert(tc.query)
		switch {
		case tc.params == 0 && ri != nil:
			t.Errorf("%q was taken for a single-row insert", tc.query)
		case tc.params != 0 && ri == nil:
			t.Errorf("%q was not recognised as a single-row insert", tc.query)
		case ri != nil && ri.params != tc.params:
			t.Errorf("%q: %d parameters, want %d", tc.query, ri.params, tc.params)
		}
	}
	q := "INSERT INTO contact (id, a, created_at, updated_at) VALUES ($3, $1, $2, $2)"
	got := splitRowInsert(q).text(q, 3)
	want := "INSERT INTO contact (id, a, created_at, updated_at) VALUES ($3, $1, $2, $2), ($6, $4, $5, $5), ($9, $7, $8, $8)"
	if got != want {
		t.Errorf("three rows:\n got %s\nwant %s", got, want)
	}
}

func TestCoalesceJoinsRowsAndKeepsForeignKeyOrder(t *testing.T) {
	order := insertOrder{"person": 0, "person_name_key": 1, "relationship": 1, "contact": 1, "contact_household": 2}
	person := `INSERT INTO person (id, name) VALUES ($2, $1)`
	key := `INSERT INTO person_name_key (person_id, name_key) VALUES ($1, $2)`
	contact := `INSERT INTO contact (id, child_id) VALUES ($2, $1)`
	member := `INSERT INTO contact_household (contact_id, person_id) VALUES ($1, $2)`
	del := `DELETE FROM clock WHERE child_id IN ($1)`
	held := []heldBack{
		{query: person, args: []any{"a", 1}}, {query: key, args: []any{1, "A"}},
		{query: contact, args: []any{1, 10}}, {query: member, args: []any{10, 1}},
		{query: person, args: []any{"b", 2}}, {query: key, args: []any{2, "B"}}, {query: member, args: []any{10, 2}},
		{query: del, args: []any{1}},
		{query: key, args: []any{1, "A2"}},
	}
	got := coalesce(held, order)
	var texts []string
	for _, h := range got {
		texts = append(texts, h.query)
	}
	want := []string{
		"INSERT INTO person (id, name) VALUES ($2, $1), ($4, $3)",
		"INSERT INTO person_name_key (person_id, name_key) VALUES ($1, $2), ($3, $4)",
		contact,
		"INSERT INTO contact_household (contact_id, person_id) VALUES ($1, $2), ($3, $4)",
		del,
		key,
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Fatalf("statements sent:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	if a := got[1].args; a[0] != 1 || a[1] != "A" || a[2] != 2 || a[3] != "B" {
		t.Errorf("name keys' arguments %v: rows out of the order they were made", a)
	}
	if a := got[3].args; a[1] != 1 || a[3] != 2 {
		t.Errorf("household members' arguments %v: rows out of the order they were made", a)
	}
	n := 0
	for _, h := range got {
		n += len(h.args)
	}
	if n != 2+2+2+2+2+2+2+1+2 {
		t.Errorf("%d arguments sent for 17 held back", n)
	}
}

func TestCoalesceSplitsLongRunsIntoPowersOfTwo(t *testing.T) {
	q := `INSERT INTO person_name_key (person_id, name_key) VALUES ($1, $2)`
	var held []heldBack
	for i := range 300 {
		held = append(held, heldBack{query: q, args: []any{i, "K"}})
	}
	got := coalesce(held, insertOrder{"person_name_key": 1})
	var sizes []int
	for _, h := range got {
		sizes = append(sizes, len(h.args)/2)
	}
	if len(sizes) != 4 || sizes[0] != 256 || sizes[1] != 32 || sizes[2] != 8 || sizes[3] != 4 {
		t.Errorf("300 rows sent in statements of %v rows, want 256, 32, 8 and 4", sizes)
	}
	if got[3].args[len(got[3].args)-2] != 299 {
		t.Errorf("the last row sent is %v, want row 299", got[3].args[len(got[3].args)-2])
	}
}

func FuzzParseRowInsert(f *testing.F) {
	f.Add(`INSERT INTO person_name_key (person_id, name_key) VALUES ($1, $2)`)
	f.Add("INSERT INTO contact (id, a) VALUES ($2, $1)")
	f.Add(`INSERT INTO t (a) VALUES ($1, ($2)`)
	f.Add(`INSERT INTO t (a) VALUES ($99999999999999999999)`)
	f.Fuzz(func(t *testing.T, q string) {
		ri := splitRowInsert(q)
		if ri == nil {
			return
		}
		two := ri.text(q, 2)
		if strings.Count(two, "$") != 2*strings.Count(ri.row, "$") {
			t.Errorf("%q joined twice has %d parameters", q, strings.Count(two, "$"))
		}
	})
}
