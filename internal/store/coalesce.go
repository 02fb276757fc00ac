package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Held-back inserts are sent as multi-row INSERTs. PostgreSQL spends about as
// long starting and finishing a one-row INSERT as writing the row, so a bulk
// load of single-row inserts — even pipelined — was bound by the server at
// about 25,000 rows a second. Before a batch is sent, each run of held-back
// single-row INSERTs (a run ends at any other statement, such as a DELETE,
// which keeps its place) is put in an order that respects the schema's
// foreign keys — a table after every table it refers to, rows of one table in
// the order they were made — and rows of the same statement are joined into
// one INSERT of many rows. PostgreSQL checks a foreign key at the end of each
// statement, so a row may refer to one inserted earlier in the batch or in the
// same multi-row INSERT.

// maxRowsPerInsert bounds the rows in one multi-row INSERT. Statements are
// built for powers of two up to it, so that a few texts per table are
// prepared and cached instead of one per batch size.
const maxRowsPerInsert = 256

// maxParams is PostgreSQL's limit on a statement's parameters.
const maxParams = 65535

// insertOrder ranks the tables by their foreign keys: every table ranks after
// each table it refers to. Tables missing from it are never reordered.
type insertOrder map[string]int

// loadInsertOrder reads the foreign keys between the schema's tables and
// ranks the tables. Tables in a cycle of foreign keys or referring to
// themselves (there are none today) are left out, so their inserts keep
// their places.
func loadInsertOrder(ctx context.Context, db *DB) (insertOrder, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT c.relname, coalesce(p.relname, '')
		FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
		LEFT JOIN pg_constraint f ON f.conrelid = c.oid AND f.contype = 'f'
		LEFT JOIN pg_class p ON p.oid = f.confrelid
		WHERE c.relkind IN ('r', 'p')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	parents, selfRef := map[string][]string{}, map[string]bool{}
	for rows.Next() {
		var table, parent string
		if err := rows.Scan(&table, &parent); err != nil {
			return nil, err
		}
		if _, ok := parents[table]; !ok {
			parents[table] = nil
		}
		if parent == table {
			parent = "" // ranked below, then left out
			selfRef[table] = true
		}
		if parent != "" {
			parents[table] = append(parents[table], parent)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	order := rankTables(parents)
	for t := range selfRef {
		delete(order, t)
	}
	return order, nil
}

// rankTables gives each table one more than the highest rank of the tables it
// refers to; tables on or behind a cycle get no rank.
func rankTables(parents map[string][]string) insertOrder {
	order := insertOrder{}
	const visiting = -1
	var rank func(t string, depth int) int
	rank = func(t string, depth int) int {
		if r, ok := order[t]; ok {
			return r
		}
		if depth > len(parents) {
			return visiting
		}
		order[t] = visiting
		r := 0
		for _, p := range parents[t] {
			pr := rank(p, depth+1)
			if pr == visiting {
				r = visiting
				break
			}
			r = max(r, pr+1)
		}
		order[t] = r
		return r
	}
	for t := range parents {
		rank(t, 0)
	}
	for t, r := range order {
		if r == visiting {
			delete(order, t)
		}
	}
	return order
}

// rowInsert is a single-row INSERT split into the text before its row and the
// row, "INSERT INTO t (a, b) VALUES " and "($1, $2)".
type rowInsert struct {
	table, head, row string
	params           int
}

var rowInserts sync.Map // query → *rowInsert, or nil when the query is not one

// parseRowInsert recognises "INSERT INTO t (cols) VALUES (row)" with nothing
// after the row, no quotes, and parameters $1..$n (one may be used twice).
func parseRowInsert(query string) *rowInsert {
	if v, ok := rowInserts.Load(query); ok {
		ri, _ := v.(*rowInsert)
		return ri
	}
	ri := splitRowInsert(query)
	rowInserts.Store(query, ri)
	return ri
}

func splitRowInsert(query string) *rowInsert {
	q := strings.TrimSpace(query)
	table := insertTable(q)
	i := strings.LastIndex(q, "VALUES (")
	if table == "" || i < 0 || strings.ContainsAny(q, `'";`) || !strings.HasSuffix(q, ")") {
		return nil
	}
	head, row := q[:i+len("VALUES ")], q[i+len("VALUES "):]
	if strings.Count(row, "(") != strings.Count(row, ")") || strings.Count(row, "),") > 0 {
		return nil
	}
	seen := map[int]bool{}
	for rest := row; ; {
		j := strings.IndexByte(rest, '$')
		if j < 0 {
			break
		}
		rest = rest[j+1:]
		k := 0
		for k < len(rest) && rest[k] >= '0' && rest[k] <= '9' {
			k++
		}
		n, err := strconv.Atoi(rest[:k])
		if err != nil {
			return nil
		}
		seen[n] = true
		rest = rest[k:]
	}
	for n := 1; n <= len(seen); n++ {
		if !seen[n] {
			return nil
		}
	}
	if strings.Contains(head, "$") || len(seen) == 0 {
		return nil
	}
	return &rowInsert{table: table, head: head, row: row, params: len(seen)}
}

var manyRows sync.Map // manyKey → the INSERT of that many rows

type manyKey struct {
	query string
	rows  int
}

// text returns the INSERT of n rows.
func (ri *rowInsert) text(query string, n int) string {
	key := manyKey{query, n}
	if v, ok := manyRows.Load(key); ok {
		return v.(string)
	}
	var b strings.Builder
	b.WriteString(ri.head)
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		rest := ri.row
		for {
			j := strings.IndexByte(rest, '$')
			if j < 0 {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:j+1])
			rest = rest[j+1:]
			k := 0
			for k < len(rest) && rest[k] >= '0' && rest[k] <= '9' {
				k++
			}
			p, _ := strconv.Atoi(rest[:k])
			b.WriteString(strconv.Itoa(p + r*ri.params))
			rest = rest[k:]
		}
	}
	v, _ := manyRows.LoadOrStore(key, b.String())
	return v.(string)
}

// coalesce returns the statements to send for held: runs of single-row
// INSERTs into ranked tables reordered by rank and joined into multi-row
// INSERTs; every other statement where it was.
func coalesce(held []heldBack, order insertOrder) []heldBack {
	if len(order) == 0 || len(held) < 2 {
		return held
	}
	out := make([]heldBack, 0, len(held))
	var run []heldBack
	flushRun := func() {
		out = append(out, joinRun(run, order)...)
		run = run[:0]
	}
	for _, h := range held {
		ri := parseRowInsert(h.query)
		if ri == nil || len(h.args) != ri.params {
			flushRun()
			out = append(out, h)
			continue
		}
		if _, ok := order[ri.table]; !ok {
			flushRun()
			out = append(out, h)
			continue
		}
		run = append(run, h)
	}
	flushRun()
	return out
}

// joinRun orders a run of single-row inserts by table rank and, within a
// rank, by statement in the order each first appears, keeping the order rows
// were made within a statement; then joins each statement's rows. Tables of
// one rank do not refer to each other, and no ranked table refers to itself
// (loadInsertOrder leaves such tables out).
func joinRun(run []heldBack, order insertOrder) []heldBack {
	if len(run) < 2 {
		return slices.Clone(run)
	}
	type ranked struct {
		heldBack
		rank, first int
	}
	first := map[string]int{}
	sorted := make([]ranked, len(run))
	for i, h := range run {
		f, ok := first[h.query]
		if !ok {
			f = i
			first[h.query] = i
		}
		sorted[i] = ranked{h, order[parseRowInsert(h.query).table], f}
	}
	slices.SortStableFunc(sorted, func(a, b ranked) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return a.first - b.first
	})
	var out []heldBack
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].query == sorted[i].query {
			j++
		}
		rows := make([]heldBack, j-i)
		for k := range rows {
			rows[k] = sorted[i+k].heldBack
		}
		out = append(out, joinRows(rows)...)
		i = j
	}
	return out
}

// joinRows joins rows of one INSERT into statements of power-of-two sizes.
func joinRows(rows []heldBack) []heldBack {
	if len(rows) == 1 {
		return []heldBack{rows[0]}
	}
	ri := parseRowInsert(rows[0].query)
	limit := min(maxRowsPerInsert, maxParams/ri.params)
	var out []heldBack
	for len(rows) > 0 {
		n := 1
		for n*2 <= len(rows) && n*2 <= limit {
			n *= 2
		}
		if n == 1 {
			out = append(out, rows[0])
			rows = rows[1:]
			continue
		}
		args := make([]any, 0, n*ri.params)
		for _, r := range rows[:n] {
			args = append(args, r.args...)
		}
		out = append(out, heldBack{query: ri.text(rows[0].query, n), args: args})
		rows = rows[n:]
	}
	return out
}
