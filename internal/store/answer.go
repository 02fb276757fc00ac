package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"time"

	"cairn/internal/csc"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// Answers read whole. A statement sent with others (Together, askAll) has
// its answer read whole as it arrives, and scanned later by the code that
// asked for it. The answer keeps each value decoded as plainly as it can
// (text as a string, integers, dates and times as the numbers PostgreSQL
// sent), and Scan stores it straight in its destination. Going through
// database/sql instead — every value made a driver.Value, every row handed
// over by a pool of connections to nothing and converted by reflection —
// was a sixth of the server's CPU on a long record's page. Every
// conversion gives what database/sql's would: the commonest destinations
// are written here, and anything else goes through database/sql itself
// (convertValue).

// Rows is the rows of a read: *sql.Rows, or an answer read whole.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// Row is the first row of a read, as *sql.Row gives it.
type Row interface {
	Scan(dest ...any) error
	Err() error
}

// answer is a statement's result, read whole, or why it failed.
type answer struct {
	columns []string
	// chunks hold the cells, row after row, a cell to a column, in chunks
	// of chunkCells: a long answer grows without copying what it has read,
	// and a short one's only chunk grows as a slice does.
	chunks [][]cell
	n      int // cells read
	// other holds the values of kindOther, by cell, decoded by pgtype as
	// they were read.
	other    map[int]driver.Value
	affected int64
	err      error
}

// chunkCells is how many cells a chunk of an answer holds.
const chunkCells = 256

// cell returns cell i.
func (a *answer) cell(i int) *cell { return &a.chunks[i/chunkCells][i%chunkCells] }

// add appends a cell.
func (a *answer) add(c cell) {
	last := len(a.chunks) - 1
	switch {
	case last < 0:
		a.chunks = [][]cell{make([]cell, 0, 8)}
		last = 0
	case len(a.chunks[last]) == chunkCells:
		a.chunks = append(a.chunks, make([]cell, 0, chunkCells))
		last++
	}
	a.chunks[last] = append(a.chunks[last], c)
	a.n++
}

// readAnswer reads every row of a result and closes it.
func readAnswer(types *pgtype.Map, rows pgx.Rows) (*answer, error) {
	defer rows.Close()
	fields := rows.FieldDescriptions()
	a := &answer{columns: make([]string, len(fields))}
	for i, f := range fields {
		a.columns[i] = f.Name
	}
	for rows.Next() {
		for i, v := range rows.RawValues() {
			f := &fields[i]
			k := plainKind(f.DataTypeOID, f.Format, v)
			if k == kindOther {
				val, err := scannedValue(types, f.DataTypeOID, f.Format, v)
				if err != nil {
					return nil, fmt.Errorf("store: column %s: %w", f.Name, err)
				}
				if a.other == nil {
					a.other = map[int]driver.Value{}
				}
				a.other[a.n] = val
			}
			a.add(cellOf(k, v))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	a.affected = rows.CommandTag().RowsAffected()
	return a, nil
}

// rowsOf returns an answer's rows, or why the statement failed.
func rowsOf(a *answer) (Rows, error) {
	if a.err != nil {
		return nil, a.err
	}
	return &answerRows{answer: a, at: -len(a.columns)}, nil
}

// rowOf returns an answer's first row.
func rowOf(a *answer) Row { return answerRow{a} }

// answerRows reads an answer's rows in turn, as *sql.Rows does.
type answerRows struct {
	*answer
	at     int // the current row's first cell
	closed bool
}

func (r *answerRows) Next() bool {
	if r.closed {
		return false
	}
	next := r.at + len(r.columns)
	if len(r.columns) == 0 || next >= r.n {
		r.closed = true
		return false
	}
	r.at = next
	return true
}

func (r *answerRows) Scan(dest ...any) error {
	if r.closed {
		return errors.New("sql: Rows are closed")
	}
	if r.at < 0 {
		return errors.New("sql: Scan called without calling Next")
	}
	return r.scanRow(r.at, dest)
}

func (r *answerRows) Err() error   { return nil }
func (r *answerRows) Close() error { r.closed = true; return nil }

// answerRow is an answer's first row, as *sql.Row is.
type answerRow struct{ *answer }

func (r answerRow) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	if len(r.columns) == 0 || r.n == 0 {
		return sql.ErrNoRows
	}
	return r.scanRow(0, dest)
}

func (r answerRow) Err() error { return r.err }

// scanRow scans the row starting at cell at into dest, one destination to
// a column.
func (a *answer) scanRow(at int, dest []any) error {
	if len(dest) != len(a.columns) {
		return fmt.Errorf("sql: expected %d destination arguments in Scan, not %d", len(a.columns), len(dest))
	}
	for i, d := range dest {
		if err := a.scanCell(at+i, d); err != nil {
			return fmt.Errorf("sql: Scan error on column index %d, name %q: %w", i, a.columns[i], err)
		}
	}
	return nil
}

// scanCell stores cell i in dest as database/sql would store its value.
func (a *answer) scanCell(i int, dest any) error {
	c := a.cell(i)
	switch c.kind {
	case kindOther:
		return assign(dest, a.other[i])
	case kindNull:
		switch d := dest.(type) {
		case scanTime:
			*d.t = time.Time{}
			return nil
		case scanID:
			*d.id = 0
			return nil
		case *csc.Date:
			*d = csc.Date{}
			return nil
		case **string:
			*d = nil
			return nil
		case **int64:
			*d = nil
			return nil
		case **int:
			*d = nil
			return nil
		}
	case kindText:
		switch d := dest.(type) {
		case *string:
			*d = c.s
			return nil
		case *csc.Date:
			return d.UnmarshalText([]byte(c.s))
		case scanTime:
			return d.parse(c.s)
		case scanJSON:
			return json.Unmarshal([]byte(c.s), d.v)
		case **string:
			v := c.s
			*d = &v
			return nil
		}
		if v, ok := settable(dest, reflect.String); ok {
			v.SetString(c.s)
			return nil
		}
	case kindInt8, kindInt4:
		n := c.n
		switch d := dest.(type) {
		case *int64:
			*d = n
			return nil
		case scanID:
			*d.id = n
			return nil
		case **int64:
			*d = &n
			return nil
		case **int:
			v := int(n)
			*d = &v
			return nil
		}
		if v, ok := settable(dest, reflect.Int); ok && !v.OverflowInt(n) {
			v.SetInt(n)
			return nil
		}
	case kindBool:
		switch d := dest.(type) {
		case *bool:
			*d = c.n == 1
			return nil
		}
		if v, ok := settable(dest, reflect.Bool); ok {
			v.SetBool(c.n == 1)
			return nil
		}
	case kindDate, kindInstant:
		t := c.time()
		switch d := dest.(type) {
		case *time.Time:
			*d = t
			return nil
		case scanTime:
			*d.t = t.UTC()
			return nil
		case *csc.Date:
			*d = csc.DateOfUTC(t)
			return nil
		}
	}
	return assign(dest, c.value())
}

// assign stores v in dest as database/sql would: a sql.Scanner scans it
// itself, and anything else goes through database/sql (convertValue).
func assign(dest any, v driver.Value) error {
	if s, ok := dest.(sql.Scanner); ok {
		return s.Scan(v)
	}
	return convertValue(dest, v)
}

// settable returns what dest points to if it is of kind k (for
// reflect.Int, any signed integer) and dest is not a sql.Scanner, which
// database/sql would ask to scan the value itself.
func settable(dest any, k reflect.Kind) (reflect.Value, bool) {
	if _, ok := dest.(sql.Scanner); ok {
		return reflect.Value{}, false
	}
	p := reflect.ValueOf(dest)
	if p.Kind() != reflect.Pointer || p.IsNil() {
		return reflect.Value{}, false
	}
	v := p.Elem()
	switch v.Kind() {
	case k:
		return v, true
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v, k == reflect.Int
	}
	return reflect.Value{}, false
}

// convertValue stores v in dest through database/sql itself, for the
// conversions scanCell does not make: it scans a one-value row from a
// pool of connections to nothing.
func convertValue(dest any, v driver.Value) error {
	err := values.QueryRowContext(context.Background(), "", oneValue{v}).Scan(dest)
	if inner := errors.Unwrap(err); inner != nil {
		err = inner // scanRow says which column
	}
	return err
}

// values is the pool convertValue scans from: each "query" is handed its
// value as its one argument.
var values = sql.OpenDB(valueConnector{})

// oneValue is the argument of a query to values.
type oneValue struct{ v driver.Value }

type valueConnector struct{}

func (valueConnector) Connect(context.Context) (driver.Conn, error) { return valueConn{}, nil }
func (valueConnector) Driver() driver.Driver                        { return valueDriver{} }

type valueDriver struct{}

func (valueDriver) Open(string) (driver.Conn, error) { return valueConn{}, nil }

type valueConn struct{}

var errNotValue = errors.New("store: the values pool only converts values")

func (valueConn) Prepare(string) (driver.Stmt, error)      { return nil, errNotValue }
func (valueConn) Close() error                             { return nil }
func (valueConn) Begin() (driver.Tx, error)                { return nil, errNotValue }
func (valueConn) CheckNamedValue(*driver.NamedValue) error { return nil }

func (valueConn) QueryContext(_ context.Context, _ string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) != 1 {
		return nil, errNotValue
	}
	v, ok := args[0].Value.(oneValue)
	if !ok {
		return nil, errNotValue
	}
	return &valueRows{v: v.v}, nil
}

// valueRows is one row of one column.
type valueRows struct {
	v    driver.Value
	done bool
}

func (r *valueRows) Columns() []string { return []string{"value"} }
func (r *valueRows) Close() error      { return nil }

func (r *valueRows) Next(dest []driver.Value) error {
	if r.done {
		return io.EOF
	}
	dest[0], r.done = r.v, true
	return nil
}
