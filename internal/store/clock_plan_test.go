package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Refreshing one child's clocks runs after every contact, visit and
// decision, so each query of the facts must search the child's own rows by
// an index on child_id — never a whole index of some other column, which at
// 50,000 children made every such write 36 ms slower. SQLite, with no
// statistics, chooses its plan from the query alone, as it does in use.
func TestClockFactsReadByChild(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "plan.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	queries := append([]string{
		`SELECT child_id, id FROM contact WHERE child_id BETWEEN $1 AND $2 ORDER BY child_id, received_at, id`,
		`SELECT child_id, id FROM referral WHERE child_id BETWEEN $1 AND $2 ORDER BY child_id, referral_date, id`,
	}, stepFactQueries...)
	for _, q := range queries {
		rows, err := db.read.Query(`EXPLAIN QUERY PLAN `+strings.ReplaceAll(strings.ReplaceAll(q, "$1", "?1"), "$2", "?2"), 7, 7)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if len(plan) == 0 || !strings.Contains(plan[0], "child_id") && !strings.Contains(plan[0], "_child") {
			t.Errorf("the first step of %q is %q, not a search by the child\n%s", strings.Join(strings.Fields(q), " "),
				plan, strings.Join(plan, "\n"))
		}
	}
}
