package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"cairn/internal/csc"
)

// Tx is one transaction. It implements csc.Tx; its methods live in one file
// per part of the record.
type Tx struct {
	ctx    context.Context
	tx     *sql.Tx // on SQLite
	engine Engine
	now    time.Time
	stmts  map[string]*sql.Stmt
	shared *stmtCache

	// On PostgreSQL, the transaction's own connection and the statements
	// a write holds back to be sent together (see pipeline.go).
	conn     *sql.Conn
	pool     *sql.DB       // the pool conn came from, for a bulk load's ids
	begin    string        // the BEGIN not yet sent (see Tx.opening)
	begun    bool          // the BEGIN has been sent
	trips    *atomic.Int64 // the round trips PostgreSQL transactions make, counted for tests
	inflight []*sending    // batches sent on their own goroutine, oldest first, until awaited
	order    insertOrder   // tables ranked by foreign keys, for joining held-back inserts
	bulk     bool          // a bulk load: versioned updates are checked when sent (see Bulk)
	held     []heldBack
	inserts  map[string]int      // inserts made, by table
	ids      map[string]*idBlock // ids taken from sequences, by table
	err      error               // why the transaction failed, once it has

	customPlans atomic.Bool // PostgreSQL plans each statement for its values (see planEachTime)

	// On a PostgreSQL read transaction, the statements of the functions
	// Together runs are gathered here to be sent together (together.go).
	readOnly bool
	glance   bool // reads outside a transaction (see DB.Glance)
	gather   *gatherer
	gathered int // round trips of gathered statements, for tests
}

var _ csc.Tx = (*Tx)(nil)

// Now is the instant the transaction began, used for every timestamp it writes.
func (t *Tx) Now() time.Time { return t.now }

// stmt returns a prepared statement for query. SQLite re-parses unprepared
// SQL on every call, which dominates bulk loads, and parsing costs as much
// as running most of cairn's queries, so on SQLite statements come from the
// pool's shared cache (prepared once per connection) or, the first time,
// are prepared for the transaction; pgx caches prepared statements itself.
func (t *Tx) stmt(query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	var s *sql.Stmt
	if shared := t.shared.get(query); shared != nil {
		s = t.tx.StmtContext(t.ctx, shared)
	} else {
		var err error
		if s, err = t.tx.PrepareContext(t.ctx, query); err != nil {
			return nil, err
		}
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = s
	return s, nil
}

func (t *Tx) closeStmts() {
	for _, s := range t.stmts {
		s.Close()
	}
	t.stmts = nil
}

func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	if t.engine == SQLite {
		s, err := t.stmt(query)
		if err != nil {
			return nil, err
		}
		return s.ExecContext(t.ctx, args...)
	}
	if t.glance {
		return nil, errGlanceWrites
	}
	if t.gather != nil {
		a := t.gather.ask(query, args)
		return batchResult(a.affected), a.err
	}
	if t.begin != "" || len(t.held) > 0 || len(t.inflight) > 0 {
		n, err := t.sendBatch(&heldBack{query: query, args: args}, nil)
		return batchResult(n), err
	}
	t.trips.Add(1)
	return t.conn.ExecContext(t.ctx, query, args...)
}

func (t *Tx) query(query string, args ...any) (Rows, error) {
	if t.engine == SQLite {
		s, err := t.stmt(query)
		if err != nil {
			return nil, err
		}
		return s.QueryContext(t.ctx, args...)
	}
	if err := t.glanced(query); err != nil {
		return nil, err
	}
	if t.gather != nil {
		return rowsOf(t.gather.ask(query, args))
	}
	if t.begin != "" || len(t.held) > 0 {
		return rowsOf(t.askWithHeld(query, args))
	}
	if err := t.await(); err != nil {
		return nil, err
	}
	t.trips.Add(1)
	return t.conn.QueryContext(t.ctx, query, args...)
}

func (t *Tx) queryRow(query string, args ...any) Row {
	if t.engine == SQLite {
		if s, err := t.stmt(query); err == nil {
			return s.QueryRowContext(t.ctx, args...)
		}
		return t.tx.QueryRowContext(t.ctx, query, args...) // to report why it could not be prepared
	}
	if err := t.glanced(query); err != nil {
		return rowOf(&answer{err: err})
	}
	if t.gather != nil {
		return rowOf(t.gather.ask(query, args))
	}
	if t.begin != "" || len(t.held) > 0 {
		return rowOf(t.askWithHeld(query, args))
	}
	// A failed batch leaves the transaction aborted: the query then fails
	// too, and the transaction reports the batch's error.
	t.await()
	t.trips.Add(1)
	return t.conn.QueryRowContext(t.ctx, query, args...)
}

// errGlanceWrites is the error for a write attempted in a glance.
var errGlanceWrites = errors.New("store: a glance only reads: it has no transaction to write in")

// glanced refuses, in a glance, a statement other than a SELECT: a glance
// has no read-only transaction for the server to refuse a write in, and a
// write there would commit on its own.
func (t *Tx) glanced(query string) error {
	if t.glance && !strings.HasPrefix(strings.TrimLeft(query, " \n\t"), "SELECT") {
		return errGlanceWrites
	}
	return nil
}

// planEachTime makes PostgreSQL plan the rest of the transaction's
// statements for the values they are given, rather than reuse a plan made
// for any value. A prepared statement run often gets such a generic plan,
// and for a name search it is a disaster: not knowing how few people share
// the name, it walks every person in id order (for the ORDER BY … LIMIT),
// checking each against the name: 17–36 ms at 50,000 children where
// finding the few people named takes 0.2 ms. The price is planning the
// statement every time it runs, so it is for statements whose best plan
// depends on their values.
func (t *Tx) planEachTime() error {
	if t.engine != Postgres || t.customPlans.Load() {
		return nil
	}
	if t.glance {
		return errors.New("store: a glance has no transaction to plan its statements in")
	}
	if _, err := t.exec(`SET LOCAL plan_cache_mode = force_custom_plan`); err != nil {
		return err
	}
	t.customPlans.Store(true)
	return nil
}

// insert runs an INSERT … RETURNING id and returns the new id. On SQLite
// it runs the INSERT without its RETURNING clause and reads the rowid the
// statement assigned: RETURNING there goes through a temporary table and a
// result set for every row, which costs about a third of a bulk load.
func (t *Tx) insert(query string, args ...any) (int64, error) {
	if t.engine == SQLite {
		if q, ok := strings.CutSuffix(query, "RETURNING id"); ok {
			res, err := t.exec(q, args...)
			if err != nil {
				return 0, err
			}
			return res.LastInsertId()
		}
		var id int64
		err := t.queryRow(query, args...).Scan(&id)
		return id, err
	}
	return t.insertPostgres(query, args)
}

// updateVersioned runs an UPDATE whose WHERE clause ends in
// "id = $n AND version = $m" and reports a conflict or absence when it
// changes no row.
func (t *Tx) updateVersioned(table string, id int64, query string, args ...any) error {
	if t.bulk && t.conn != nil {
		return t.hold(heldBack{query: query, args: args, check: func(n int64) error {
			if n == 1 {
				return nil
			}
			return csc.Errorf(csc.Conflict, "The %s %d being loaded was changed by someone else, or is not there.",
				strings.ReplaceAll(table, "_", " "), id)
		}})
	}
	res, err := t.exec(query, args...)
	if err != nil {
		return mapErr(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	var exists int
	if err := t.queryRow(`SELECT COUNT(*) FROM `+table+` WHERE id = $1`, id).Scan(&exists); err != nil {
		return err
	}
	if exists == 0 {
		return csc.Errorf(csc.NotFound, "There is no %s %d.", strings.ReplaceAll(table, "_", " "), id)
	}
	return csc.Errorf(csc.Conflict, "This %s was changed by someone else after you opened it.", strings.ReplaceAll(table, "_", " "))
}

// notFound turns sql.ErrNoRows into a NotFound error naming the record.
func notFound(err error, what string, id any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return csc.Errorf(csc.NotFound, "There is no %s %v.", what, id)
	}
	return err
}

// mapErr turns a unique-constraint violation into a Conflict a user can act on.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	s := err.Error()
	if strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505") {
		return &csc.Error{Kind: csc.Conflict, Message: "That is already in use.", Err: err}
	}
	return err
}

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// nullID stores id 0 as NULL, for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// scanTime reads a nullable instant.
type scanTime struct{ t *time.Time }

func (s scanTime) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*s.t = time.Time{}
	case time.Time:
		*s.t = v.UTC()
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	default:
		return fmt.Errorf("store: cannot read a time from %T", src)
	}
	return nil
}

func (s scanTime) parse(v string) error {
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			*s.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("store: cannot read the time %q", v)
}

// scanID reads a nullable reference as 0 when NULL.
type scanID struct{ id *int64 }

func (s scanID) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*s.id = n.Int64
	return nil
}

// idList returns the placeholders "$1, $2, …" and arguments for an IN list
// of ids. The list is padded, by repeating the last id, to a power of two
// (or a multiple of 512), so that lists of many lengths share a few query
// texts and their prepared statements.
func idList(ids []int64) (string, []any) {
	n := 1
	for n < len(ids) && n < 512 {
		n *= 2
	}
	if len(ids) > n {
		n = (len(ids) + 511) / 512 * 512
	}
	args := make([]any, n)
	for i := range args {
		args[i] = ids[min(i, len(ids)-1)]
	}
	return placeholders(1, n), args
}

// placeholders returns "$from, $from+1, … " for n values.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", from+i)
	}
	return b.String()
}
