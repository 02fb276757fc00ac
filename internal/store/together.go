package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// Reads made together. A child's page is some thirty reads, most of them
// independent of each other once the child is known, and on PostgreSQL
// every read sent on its own costs a round trip to the server and the
// waking of both processes: at 50,000 children that, not the queries,
// was most of the page's time and of the machine's. Together runs the
// functions it is given each on its own goroutine; whenever every one of
// them is either waiting on a statement or finished, the statements they
// wait on go to the server together, in one round trip, and each function
// goes on with its answer. The code of each function reads as it always
// did, one statement after another; the page costs as many round trips as
// its longest chain of statements that depend on each other.
//
// Only a PostgreSQL read transaction gathers statements. Elsewhere, and
// inside a function Together is already running, the functions run one
// after another, as they would have been written: SQLite is in the same
// process, and a write transaction has its own way of holding statements
// back (pipeline.go).

// Together runs fns, on PostgreSQL read transactions at once with their
// statements sent together (see above), elsewhere one after another. Every
// function runs, whatever the others return; Together returns the error of
// the first function, in the order given, that failed. The functions must
// not share anything but the transaction: each writes its own variables.
func (t *Tx) Together(fns ...func() error) error {
	if !t.Gathers() || len(fns) < 2 {
		var first error
		for _, fn := range fns {
			if err := fn(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	g := &gatherer{running: len(fns)}
	g.idle = sync.NewCond(&g.mu)
	t.gather = g
	defer func() { t.gather = nil }()
	errs := make([]error, len(fns))
	var panicked any
	for i, fn := range fns {
		go func() {
			defer func() {
				if p := recover(); p != nil {
					g.mu.Lock()
					if panicked == nil {
						panicked = fmt.Sprintf("%v\n%s", p, debug.Stack())
					}
					g.mu.Unlock()
				}
				g.finished()
			}()
			errs[i] = fn()
		}()
	}
	for {
		g.mu.Lock()
		for g.running > 0 {
			g.idle.Wait()
		}
		batch := g.waiting
		g.waiting = nil
		g.running, g.waiters = g.waiters, 0
		g.mu.Unlock()
		if len(batch) == 0 {
			break
		}
		t.sendGathered(batch)
	}
	if panicked != nil {
		panic(panicked)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Gathers reports whether Together sends its functions' statements
// together: in a PostgreSQL read transaction.
func (t *Tx) Gathers() bool { return t.engine == Postgres && t.readOnly && t.gather == nil }

// gatherer counts the functions Together runs that are neither finished
// nor waiting on a statement, and holds the statements they wait on.
type gatherer struct {
	mu      sync.Mutex
	idle    *sync.Cond // signalled when running falls to 0
	running int
	waiting []*gathered // the statements waited on
	waiters int         // the functions waiting on them
}

// gathered is a statement a function waits on; answer is set before done
// is closed.
type gathered struct {
	query  string
	args   []any
	answer *answer
	done   chan struct{}
}

// finished notes that a function has returned.
func (g *gatherer) finished() {
	g.mu.Lock()
	g.running--
	if g.running == 0 {
		g.idle.Signal()
	}
	g.mu.Unlock()
}

// ask queues a statement and waits for its answer.
func (g *gatherer) ask(query string, args []any) *answer {
	return g.askAll([]string{query}, [][]any{args})[0]
}

// askAll queues statements, each with its args, to go in the same round
// trip, and waits for all their answers.
func (g *gatherer) askAll(queries []string, args [][]any) []*answer {
	qs := make([]*gathered, len(queries))
	for i, query := range queries {
		qs[i] = &gathered{query: query, args: args[i], done: make(chan struct{})}
	}
	g.mu.Lock()
	g.waiting = append(g.waiting, qs...)
	g.waiters++
	g.mu.Unlock()
	g.finished()
	answers := make([]*answer, len(qs))
	for i, q := range qs {
		<-q.done
		answers[i] = q.answer
	}
	return answers
}

// sendGathered sends the statements waited on in one round trip and reads
// every answer whole. After a statement fails PostgreSQL refuses the rest
// of the transaction, so that failure, the cause, is every later answer.
func (t *Tx) sendGathered(batch []*gathered) {
	defer func() {
		for _, q := range batch {
			if q.answer == nil {
				q.answer = &answer{err: t.err}
			}
			close(q.done)
		}
	}()
	if t.err != nil {
		return
	}
	t.gathered++
	begin := t.opening()
	t.failed(t.withPgx(func(c *pgx.Conn) error {
		b := &pgx.Batch{}
		if begin != "" {
			b.Queue(begin)
		}
		for _, q := range batch {
			b.Queue(q.query, q.args...)
		}
		br := c.SendBatch(t.ctx, b)
		if err := t.readHeld(br, begin, nil); err != nil {
			br.Close()
			return err
		}
		types := c.TypeMap()
		for _, q := range batch {
			rows, err := br.Query()
			if err == nil {
				q.answer, err = readAnswer(types, rows)
			}
			if err != nil {
				br.Close()
				return err
			}
		}
		return br.Close()
	}))
}

// answer is a statement's result, read whole: its rows as database/sql
// values, or why it failed.
type answer struct {
	columns  []string
	rows     [][]driver.Value
	affected int64
	err      error
}

// readAnswer reads every row of a result, converting each value as the
// database/sql driver does (see sqlValue), and closes it.
func readAnswer(types *pgtype.Map, rows pgx.Rows) (*answer, error) {
	defer rows.Close()
	fields := rows.FieldDescriptions()
	a := &answer{columns: make([]string, len(fields))}
	for i, f := range fields {
		a.columns[i] = f.Name
	}
	for rows.Next() {
		raw := rows.RawValues()
		row := make([]driver.Value, len(raw))
		for i, v := range raw {
			var err error
			if row[i], err = sqlValue(types, fields[i].DataTypeOID, fields[i].Format, v); err != nil {
				return nil, fmt.Errorf("store: column %s: %w", fields[i].Name, err)
			}
		}
		a.rows = append(a.rows, row)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	a.affected = rows.CommandTag().RowsAffected()
	return a, nil
}

// sqlValue converts a value as PostgreSQL sent it to the value pgx's
// database/sql driver gives for its type, so that a row scans the same
// whether it came on its own or with others: integers as int64, floats as
// float64, dates and times as time.Time, bytes and JSON as []byte, booleans
// as bool, anything else as text.
func sqlValue(types *pgtype.Map, oid uint32, format int16, raw []byte) (driver.Value, error) {
	if raw == nil {
		return nil, nil
	}
	// The commonest values are decoded here: through pgtype.Map.Scan, which
	// finds a plan for each value, they were a tenth of a long record's page.
	// Text is the same in either format, and PostgreSQL sends it as text.
	if oid == pgtype.TextOID || oid == pgtype.VarcharOID {
		return string(raw), nil
	}
	if format == pgtype.BinaryFormatCode {
		switch {
		case oid == pgtype.Int8OID && len(raw) == 8:
			return int64(binary.BigEndian.Uint64(raw)), nil
		case oid == pgtype.Int4OID && len(raw) == 4:
			return int64(int32(binary.BigEndian.Uint32(raw))), nil
		case oid == pgtype.BoolOID && len(raw) == 1:
			return raw[0] == 1, nil
		case oid == pgtype.DateOID && len(raw) == 4:
			// Days since 2000-01-01; the record's dates are well within
			// the range checked, and anything else is left to pgtype.
			if days := int32(binary.BigEndian.Uint32(raw)); days > -plainDays && days < plainDays {
				return time.Date(2000, 1, int(1+days), 0, 0, 0, 0, time.UTC), nil
			}
		case oid == pgtype.TimestamptzOID && len(raw) == 8:
			// Microseconds since 2000-01-01 00:00 UTC, as a local time.
			if us := int64(binary.BigEndian.Uint64(raw)); us > -plainDays*microsPerDay && us < plainDays*microsPerDay {
				return time.Unix(y2kUnix+us/1e6, us%1e6*1e3), nil
			}
		}
	}
	return scannedValue(types, oid, format, raw)
}

// plainDays bounds the dates and times sqlValue decodes itself: within
// about 270 years of 2000, where pgtype's range checks cannot fail.
const (
	plainDays    = 100_000
	microsPerDay = 86_400_000_000
	y2kUnix      = 946_684_800 // 2000-01-01 00:00 UTC in Unix seconds
)

// scannedValue is sqlValue through pgtype.Map.Scan, for every type.
func scannedValue(types *pgtype.Map, oid uint32, format int16, raw []byte) (driver.Value, error) {
	switch oid {
	case pgtype.BoolOID:
		var v bool
		err := types.Scan(oid, format, raw, &v)
		return v, err
	case pgtype.Int2OID, pgtype.Int4OID, pgtype.Int8OID:
		var v int64
		err := types.Scan(oid, format, raw, &v)
		return v, err
	case pgtype.Float4OID, pgtype.Float8OID:
		var v float64
		err := types.Scan(oid, format, raw, &v)
		return v, err
	case pgtype.DateOID:
		var v pgtype.Date
		if err := types.Scan(oid, format, raw, &v); err != nil {
			return nil, err
		}
		return v.Value()
	case pgtype.TimestampOID:
		var v pgtype.Timestamp
		if err := types.Scan(oid, format, raw, &v); err != nil {
			return nil, err
		}
		return v.Value()
	case pgtype.TimestamptzOID:
		var v pgtype.Timestamptz
		if err := types.Scan(oid, format, raw, &v); err != nil {
			return nil, err
		}
		return v.Value()
	case pgtype.ByteaOID, pgtype.JSONOID, pgtype.JSONBOID:
		var v []byte
		err := types.Scan(oid, format, raw, &v)
		return v, err
	}
	var v string
	err := types.Scan(oid, format, raw, &v)
	return v, err
}

// answers turns answers read whole back into *sql.Rows and *sql.Row, so
// that the code scanning them is the code that scans rows read one
// statement at a time, with database/sql's conversions. It is a pool of
// connections to nothing: each "query" is handed its answer as its one
// argument.
var answers = sql.OpenDB(answerConnector{})

// rowsOf returns an answer's rows.
func rowsOf(a *answer) (*sql.Rows, error) {
	return answers.QueryContext(context.Background(), "", a)
}

// rowOf returns an answer's first row.
func rowOf(a *answer) *sql.Row {
	return answers.QueryRowContext(context.Background(), "", a)
}

type answerConnector struct{}

func (answerConnector) Connect(context.Context) (driver.Conn, error) { return answerConn{}, nil }
func (answerConnector) Driver() driver.Driver                        { return answerDriver{} }

type answerDriver struct{}

func (answerDriver) Open(string) (driver.Conn, error) { return answerConn{}, nil }

type answerConn struct{}

var errNotAnswer = errors.New("store: the answers pool only reads answers")

func (answerConn) Prepare(string) (driver.Stmt, error)      { return nil, errNotAnswer }
func (answerConn) Close() error                             { return nil }
func (answerConn) Begin() (driver.Tx, error)                { return nil, errNotAnswer }
func (answerConn) CheckNamedValue(*driver.NamedValue) error { return nil }

func (answerConn) QueryContext(_ context.Context, _ string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) != 1 {
		return nil, errNotAnswer
	}
	a, ok := args[0].Value.(*answer)
	if !ok {
		return nil, errNotAnswer
	}
	if a.err != nil {
		return nil, a.err
	}
	return &answerRows{answer: a}, nil
}

type answerRows struct {
	*answer
	next int
}

func (r *answerRows) Columns() []string { return r.columns }
func (r *answerRows) Close() error      { return nil }

func (r *answerRows) Next(dest []driver.Value) error {
	if r.next == len(r.rows) {
		return io.EOF
	}
	copy(dest, r.rows[r.next])
	r.next++
	return nil
}
