package store

import (
	"database/sql/driver"
	"encoding/binary"
	"fmt"
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

// sqlValue converts a value as PostgreSQL sent it to the value pgx's
// database/sql driver gives for its type, so that a row scans the same
// whether it came on its own or with others: integers as int64, floats as
// float64, dates and times as time.Time, bytes and JSON as []byte, booleans
// as bool, anything else as text.
func sqlValue(types *pgtype.Map, oid uint32, format int16, raw []byte) (driver.Value, error) {
	if k := plainKind(oid, format, raw); k != kindOther {
		return plainValue(k, raw), nil
	}
	return scannedValue(types, oid, format, raw)
}

// valueKind is how a value PostgreSQL sent is decoded. The commonest
// values are decoded here: through pgtype.Map.Scan, which finds a plan for
// each value, they were a tenth of a long record's page. Every other value
// (kindOther) is left to pgtype.
type valueKind uint8

const (
	kindNull    valueKind = iota
	kindText              // text or varchar, the same in either format
	kindInt8              // bigint, binary
	kindInt4              // integer, binary
	kindBool              // boolean, binary
	kindDate              // date, binary: days since 2000-01-01
	kindInstant           // timestamptz, binary: microseconds since 2000-01-01 00:00 UTC
	kindOther
)

// plainKind says how a value of type oid sent in format is decoded.
func plainKind(oid uint32, format int16, raw []byte) valueKind {
	switch {
	case raw == nil:
		return kindNull
	case oid == pgtype.TextOID || oid == pgtype.VarcharOID:
		return kindText
	case format != pgtype.BinaryFormatCode:
		return kindOther
	case oid == pgtype.Int8OID && len(raw) == 8:
		return kindInt8
	case oid == pgtype.Int4OID && len(raw) == 4:
		return kindInt4
	case oid == pgtype.BoolOID && len(raw) == 1:
		return kindBool
	case oid == pgtype.DateOID && len(raw) == 4:
		// The record's dates are well within the range checked, and
		// anything else is left to pgtype.
		if days := int32(binary.BigEndian.Uint32(raw)); days > -plainDays && days < plainDays {
			return kindDate
		}
	case oid == pgtype.TimestamptzOID && len(raw) == 8:
		if us := int64(binary.BigEndian.Uint64(raw)); us > -plainDays*microsPerDay && us < plainDays*microsPerDay {
			return kindInstant
		}
	}
	return kindOther
}

// plainValue is the database/sql value of raw, of a kind other than
// kindOther.
func plainValue(k valueKind, raw []byte) driver.Value {
	c := cellOf(k, raw)
	return c.value()
}

// cell is a value decoded plainly: text as a string; an integer, a
// boolean (1 for true), a date (days since 2000-01-01) or an instant
// (microseconds since 2000-01-01 00:00 UTC) as a number.
type cell struct {
	kind valueKind
	n    int64
	s    string
}

// cellOf decodes raw, of kind k.
func cellOf(k valueKind, raw []byte) cell {
	c := cell{kind: k}
	switch k {
	case kindText:
		c.s = string(raw)
	case kindInt4, kindDate:
		c.n = int64(int32(binary.BigEndian.Uint32(raw)))
	case kindInt8, kindInstant:
		c.n = int64(binary.BigEndian.Uint64(raw))
	case kindBool:
		if raw[0] == 1 {
			c.n = 1
		}
	}
	return c
}

// value is the cell's database/sql value.
func (c *cell) value() driver.Value {
	switch c.kind {
	case kindText:
		return c.s
	case kindInt8, kindInt4:
		return c.n
	case kindBool:
		return c.n == 1
	case kindDate, kindInstant:
		return c.time()
	}
	return nil
}

// time is a date's midnight UTC, or an instant as a local time.
func (c *cell) time() time.Time {
	if c.kind == kindDate {
		return time.Date(2000, 1, int(1+c.n), 0, 0, 0, 0, time.UTC)
	}
	return time.Unix(y2kUnix+c.n/1e6, c.n%1e6*1e3)
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
