package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
)

// Writes on PostgreSQL are pipelined. Every statement sent on its own costs
// a network round trip and the waking of both processes, which capped a
// bulk load at about 7,000 rows a second (`cairn synth --children 50000`
// took four minutes). So a write transaction holds back the statements
// whose results nobody waits for — the inserts of search keys, household
// members, timeline entries, audit rows and the like — and sends them
// together, in one round trip, just before the next statement whose result
// is needed, or at commit. Inserts that must return their new id are held
// back too once a transaction has made a few of the same kind: it then
// takes ids from the table's sequence in blocks and writes them itself.
//
// A held-back statement that fails makes the transaction fail at the next
// statement or at commit rather than at the call; the tables held back
// have no constraint a caller expects to report (such as a unique name),
// and PostgreSQL aborts the whole transaction on any error anyway. On
// SQLite, which is in the same process, every statement runs at once.

// heldBack is a statement waiting to be sent.
type heldBack struct {
	query string
	args  []any
	// check, when set, is a versioned UPDATE's check of the rows it
	// changed, made when the batch is sent (bulk transactions only).
	check func(affected int64) error
}

const (
	// maxHeldBack bounds the statements held back before they are sent.
	maxHeldBack = 4096
	// maxInFlight bounds the batches sent on their own goroutine and not
	// yet read, for the memory they hold.
	maxInFlight = 16
	// immediateInserts is how many inserts into a table a transaction
	// makes with RETURNING id before it takes ids in blocks: the ordinary
	// single-record write never skips an id.
	immediateInserts = 8
	// maxIDBlock is the largest block of ids taken at once; blocks grow
	// from 16 by fours.
	maxIDBlock = 1024
)

// pipelinedTables are the tables whose inserts may be held back.
var pipelinedTables = map[string]bool{
	"person": true, "relationship": true, "contact": true, "partner_check": true,
	"oversight": true, "referral": true, "allocation": true, "event": true,
	"assessment": true, "assessment_seen": true, "early_help": true, "strategy_discussion": true,
	"cp_conference": true, "cp_conference_decision": true, "cp_plan": true, "cp_plan_action": true,
	"cp_core_group": true, "cin_plan": true, "cin_action": true, "cin_review": true, "visit": true,
	"s47_enquiry": true,
}

// later runs a statement whose result the caller does not need: at once on
// SQLite, held back on PostgreSQL.
func (t *Tx) later(query string, args ...any) error {
	if t.engine == SQLite || t.conn == nil || t.readOnly {
		_, err := t.exec(query, args...)
		return err
	}
	return t.hold(heldBack{query: query, args: args})
}

// laterInsert runs an INSERT whose new row's id nobody needs, as later
// does. In a bulk load the id comes from the transaction's block, like
// every other new row's, so that a load written by two transactions at once
// gets the same ids whatever order the server runs their statements in.
func (t *Tx) laterInsert(query string, args ...any) error {
	if !t.bulk || t.conn == nil {
		return t.later(query, args...)
	}
	id, err := t.nextID(insertTable(query))
	if err != nil {
		return err
	}
	q, err := withExplicitID(query+" RETURNING id", len(args)+1)
	if err != nil {
		return err
	}
	return t.later(q, append(args[:len(args):len(args)], id)...)
}

// hold adds a statement to those held back, sending them all once there
// are enough. Those are sent on their own goroutine, so that the server
// writes one batch while the caller makes the next (see sendAsync).
func (t *Tx) hold(h heldBack) error {
	if t.glance {
		return errGlanceWrites
	}
	t.held = append(t.held, h)
	if len(t.held) >= maxHeldBack {
		return t.sendAsync()
	}
	return nil
}

// sendAsync sends the held-back statements on another goroutine and returns
// at once. A load spent as long making its statements as the server spent
// writing them, one after the other; now the two overlap. Batches are sent
// in order, each once the one before it has been read, and at most
// maxInFlight wait at once. Until they are all read (await), nothing else may
// use the connection: every use of it awaits first. A failure is reported at
// the next statement or at commit, as for any held-back statement, and the
// batches queued behind it are not sent.
func (t *Tx) sendAsync() error {
	if len(t.inflight) >= maxInFlight {
		oldest := t.inflight[0]
		<-oldest.done
		t.inflight = t.inflight[1:]
		t.failed(oldest.err)
	}
	if t.err != nil {
		return t.err
	}
	begin, held := t.opening(), t.held
	t.held = make([]heldBack, 0, maxHeldBack)
	b := &sending{done: make(chan struct{})}
	var before *sending
	if n := len(t.inflight); n > 0 {
		before = t.inflight[n-1]
	}
	t.inflight = append(t.inflight, b)
	go func() {
		defer close(b.done)
		if before != nil {
			if <-before.done; before.err != nil {
				b.err = before.err
				return
			}
		}
		b.err = t.send(begin, held, nil, nil)
	}()
	return nil
}

// sending is a batch sent on its own goroutine: err is set before done is
// closed.
type sending struct {
	done chan struct{}
	err  error
}

// await waits for the batches sent by sendAsync, if any, and returns why
// the transaction failed, if it has.
func (t *Tx) await() error {
	if n := len(t.inflight); n > 0 {
		last := t.inflight[n-1]
		<-last.done
		t.inflight = t.inflight[:0]
		t.failed(last.err)
	}
	return t.err
}

// failed keeps the first cause of the transaction's failure for every later
// call: PostgreSQL aborts the transaction at its first error.
func (t *Tx) failed(err error) {
	if err != nil && t.err == nil {
		t.err = err
	}
}

// Bulk marks the transaction as a bulk load (the synthetic authority): on
// PostgreSQL a versioned update is held back with the inserts and its check
// (that it changed one row) is made when the batch is sent, so an update
// does not cost a round trip of its own. A failed check still fails the
// transaction, at the next statement or at commit rather than at the update.
// Transactions of people's work never use it: they report a conflict at the
// update that met it.
func (t *Tx) Bulk() { t.bulk = true }

// flush sends the held-back statements in one round trip.
func (t *Tx) flush() error {
	if err := t.await(); err != nil || len(t.held) == 0 {
		return err
	}
	_, err := t.sendBatch(nil, nil)
	return err
}

// sendBatch sends the held-back statements followed by last (if not nil)
// in one round trip. For last it returns the rows affected, or scans its
// one row into into.
func (t *Tx) sendBatch(last *heldBack, into []any) (int64, error) {
	if err := t.await(); err != nil {
		return 0, err
	}
	begin, held := t.opening(), t.held
	t.held = nil
	var affected int64
	read := func(br pgx.BatchResults, _ *pgtype.Map) error {
		if into != nil {
			return br.QueryRow().Scan(into...)
		}
		tag, err := br.Exec()
		affected = tag.RowsAffected()
		return err
	}
	if last == nil {
		read = nil
	}
	err := t.send(begin, held, last, read)
	if err != nil && last == nil {
		// The transaction is aborted: keep the cause for every later call.
		t.err = err
	}
	return affected, err
}

// askWithHeld sends the BEGIN, if not yet sent, and the held-back
// statements followed by query, in one round trip, and returns query's
// answer read whole.
func (t *Tx) askWithHeld(query string, args []any) *answer {
	answers, err := t.askAll([]string{query}, [][]any{args})
	if err != nil {
		return &answer{err: err}
	}
	return answers[0]
}

// askAll sends the BEGIN, if not yet sent, and the held-back statements
// followed by the queries, each with its args, in one round trip, and
// returns the queries' answers read whole.
func (t *Tx) askAll(queries []string, args [][]any) ([]*answer, error) {
	for _, q := range queries {
		if err := t.glanced(q); err != nil {
			return nil, err
		}
	}
	if t.gather != nil {
		// In Together, they go with the statements the others wait on.
		answers := t.gather.askAll(queries, args)
		for _, a := range answers {
			if a.err != nil {
				return nil, a.err
			}
		}
		return answers, nil
	}
	if err := t.await(); err != nil {
		return nil, err
	}
	begin, held := t.opening(), coalesce(t.held, t.order)
	t.held = nil
	answers := make([]*answer, 0, len(queries))
	err := t.withPgx(func(c *pgx.Conn) error {
		br := c.SendBatch(t.ctx, t.batch(begin, held, queries, args))
		defer br.Close()
		if err := t.readHeld(br, begin, held); err != nil {
			return err
		}
		for range queries {
			rows, err := br.Query()
			var a *answer
			if err == nil {
				a, err = readAnswer(c.TypeMap(), rows)
			}
			if err != nil {
				return err
			}
			answers = append(answers, a)
		}
		return br.Close()
	})
	if err != nil {
		if len(held) > 0 {
			t.failed(err)
		}
		return nil, err
	}
	return answers, nil
}

// queryAll runs the queries, each with args, and hands each one's rows to
// read, in order. On PostgreSQL they go to the server in one round trip
// (in Together, the one the others' statements go in; see askAll); on
// SQLite one after another.
func (t *Tx) queryAll(queries []string, args []any, read func(i int, rows Rows) error) error {
	each := make([][]any, len(queries))
	for i := range each {
		each[i] = args
	}
	return t.queryEach(queries, each, read)
}

// queryEach is queryAll with each query's own args.
func (t *Tx) queryEach(queries []string, args [][]any, read func(i int, rows Rows) error) error {
	var answers []*answer
	if t.engine == Postgres {
		var err error
		if answers, err = t.askAll(queries, args); err != nil {
			return err
		}
	}
	for i, q := range queries {
		var rows Rows
		var err error
		if answers != nil {
			rows, err = rowsOf(answers[i])
		} else {
			rows, err = t.query(q, args[i]...)
		}
		if err != nil {
			return err
		}
		err = read(i, rows)
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// send joins the held-back statements (see coalesce) and sends them and
// last, if not nil, in one round trip, after begin if it is not empty.
// It reads every held-back statement's result, and last's with read.
func (t *Tx) send(begin string, held []heldBack, last *heldBack, read func(pgx.BatchResults, *pgtype.Map) error) error {
	held = coalesce(held, t.order)
	var lasts []string
	var args [][]any
	if last != nil {
		lasts, args = []string{last.query}, [][]any{last.args}
	}
	return t.withPgx(func(c *pgx.Conn) error {
		br := c.SendBatch(t.ctx, t.batch(begin, held, lasts, args))
		defer br.Close()
		if err := t.readHeld(br, begin, held); err != nil {
			return err
		}
		if last != nil {
			if err := read(br, c.TypeMap()); err != nil {
				return err
			}
		}
		return br.Close()
	})
}

// batch is begin, if not empty, the held-back statements and the queries,
// each with its args, as one batch.
func (t *Tx) batch(begin string, held []heldBack, queries []string, args [][]any) *pgx.Batch {
	b := &pgx.Batch{}
	if begin != "" {
		b.Queue(begin)
	}
	for _, h := range held {
		b.Queue(h.query, h.args...)
	}
	for i, q := range queries {
		b.Queue(q, args[i]...)
	}
	return b
}

// readHeld reads the results of a batch's begin and held-back statements,
// making each one's check.
func (t *Tx) readHeld(br pgx.BatchResults, begin string, held []heldBack) error {
	if begin != "" {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	for _, h := range held {
		tag, err := br.Exec()
		if err == nil && h.check != nil {
			err = h.check(tag.RowsAffected())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// withPgx calls fn with the transaction's own connection as pgx has it, for
// sending statements in a batch.
func (t *Tx) withPgx(fn func(*pgx.Conn) error) error {
	t.trips.Add(1)
	return t.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: unexpected PostgreSQL driver connection %T", dc)
		}
		return fn(c.Conn())
	})
}

// batchResult is the sql.Result of a statement sent in a batch.
type batchResult int64

func (r batchResult) LastInsertId() (int64, error) {
	return 0, fmt.Errorf("store: no LastInsertId on PostgreSQL")
}
func (r batchResult) RowsAffected() (int64, error) { return int64(r), nil }

var _ sql.Result = batchResult(0)
var _ driver.Result = batchResult(0)

// insertPostgres runs an INSERT … RETURNING id on PostgreSQL.
func (t *Tx) insertPostgres(query string, args []any) (int64, error) {
	if t.glance {
		return 0, errGlanceWrites
	}
	table := insertTable(query)
	if t.conn != nil && pipelinedTables[table] {
		if t.inserts == nil {
			t.inserts = map[string]int{}
		}
		t.inserts[table]++
		if t.inserts[table] > immediateInserts || t.bulk {
			id, err := t.nextID(table)
			if err != nil {
				return 0, err
			}
			q, err := withExplicitID(query, len(args)+1)
			if err != nil {
				return 0, err
			}
			return id, t.later(q, append(args[:len(args):len(args)], id)...)
		}
	}
	var id int64
	if t.begin != "" || len(t.held) > 0 || len(t.inflight) > 0 {
		_, err := t.sendBatch(&heldBack{query: query, args: args}, []any{&id})
		return id, err
	}
	t.trips.Add(1)
	err := t.conn.QueryRowContext(t.ctx, query, args...).Scan(&id)
	return id, err
}

// nextID returns the next id of a block taken from the table's sequence.
func (t *Tx) nextID(table string) (int64, error) {
	if t.ids == nil {
		t.ids = map[string]*idBlock{}
	}
	b := t.ids[table]
	if b == nil {
		b = &idBlock{size: 16}
		t.ids[table] = b
	}
	if len(b.free) == 0 {
		// A bulk load takes its ids on another connection, leaving its own
		// to the batch being sent; a sequence hands out the same ids inside
		// a transaction or outside it. Other transactions keep to their own
		// connection: fifty people saving at once must not each hold two.
		query, queryRow := t.conn.QueryContext, t.conn.QueryRowContext
		if t.bulk && t.pool != nil {
			query, queryRow = t.pool.QueryContext, t.pool.QueryRowContext
		} else if err := t.await(); err != nil {
			return 0, err
		}
		if b.seq == "" {
			// Found once: a call in the query below would be made for
			// every id.
			t.trips.Add(1)
			if err := queryRow(t.ctx, `SELECT pg_get_serial_sequence($1, 'id')`, table).Scan(&b.seq); err != nil {
				return 0, fmt.Errorf("store: the id sequence of %s: %w", table, err)
			}
		}
		t.trips.Add(1)
		rows, err := query(t.ctx, `SELECT nextval($1::regclass) FROM generate_series(1, $2)`, b.seq, b.size)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return 0, err
			}
			b.free = append(b.free, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
		if len(b.free) == 0 {
			return 0, fmt.Errorf("store: no ids from the sequence of %s", table)
		}
		b.size = min(b.size*4, maxIDBlock)
	}
	id := b.free[0]
	b.free = b.free[1:]
	return id, nil
}

// idBlock is ids taken from a sequence and not yet used.
type idBlock struct {
	seq  string // the sequence's name
	free []int64
	size int
}

// insertTable returns the table an INSERT statement writes to.
func insertTable(query string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(query), "INSERT INTO ")
	if !ok {
		return ""
	}
	end := strings.IndexAny(rest, " (\n\t")
	if end < 0 {
		return ""
	}
	return rest[:end]
}

var explicitID sync.Map // INSERT … RETURNING id → the same INSERT with its id given

// withExplicitID rewrites "INSERT INTO t (a, b) VALUES ($1, $2) RETURNING id"
// to "INSERT INTO t (id, a, b) VALUES ($n, $1, $2)".
func withExplicitID(query string, n int) (string, error) {
	if q, ok := explicitID.Load(query); ok {
		return q.(string), nil
	}
	body, ok := strings.CutSuffix(strings.TrimRight(query, " \n\t"), "RETURNING id")
	cols := strings.Index(body, "(")
	vals := strings.Index(body, "VALUES (")
	if !ok || cols < 0 || vals < cols {
		return "", fmt.Errorf("store: cannot give an id to %q", query)
	}
	vals += len("VALUES (")
	q := body[:cols+1] + "id, " + body[cols+1:vals] + "$" + strconv.Itoa(n) + ", " + strings.TrimRight(body[vals:], " \n\t")
	explicitID.Store(query, q)
	return q, nil
}

// opening returns the BEGIN not yet sent, if any, for the caller to send
// first in its batch, and notes that it has been sent.
func (t *Tx) opening() string {
	begin := t.begin
	if begin != "" {
		t.begin, t.begun = "", true
	}
	return begin
}

// commit sends the held-back statements and the COMMIT in one round trip,
// with the BEGIN if the transaction has sent nothing yet. A transaction
// that has sent nothing and holds nothing never began, and sends nothing;
// nor does a glance, which never begins.
func (t *Tx) commit() error {
	if err := t.await(); err != nil {
		return err
	}
	if !t.begun && len(t.held) == 0 {
		t.begin = ""
		return nil
	}
	begin, held := t.opening(), t.held
	t.held = nil
	committed := false
	err := t.send(begin, held, &heldBack{query: "COMMIT"}, func(br pgx.BatchResults, _ *pgtype.Map) error {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("commit: %w", err)
		}
		committed = true
		return nil
	})
	if err != nil {
		if !committed && len(held) > 0 {
			t.failed(err)
		}
		return fmt.Errorf("store: %w", err)
	}
	t.begun = false
	return nil
}

// rollback ends a transaction that failed, if it began. Should the
// ROLLBACK fail too, the connection is left in its transaction, and the
// pool discards it rather than hand it to anyone else (pgx's driver checks
// every connection it is given back).
func (t *Tx) rollback() {
	t.held, t.begin = nil, ""
	if !t.begun {
		return
	}
	t.begun = false
	ctx, cancel := context.WithTimeout(context.WithoutCancel(t.ctx), 10*time.Second)
	defer cancel()
	t.trips.Add(1)
	t.conn.ExecContext(ctx, "ROLLBACK")
}
