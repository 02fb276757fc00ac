package store

import (
	"database/sql"
	"errors"
	"reflect"
	"testing"
	"time"

	"cairn/internal/csc"

	"github.com/jackc/pgx/v5/pgtype"
)

type (
	namedText string
	namedInt  int32
	namedBool bool
)

// scanDestinations makes a fresh destination of each kind the store scans
// into, and a few it does not: each returns the destination and what it
// points to, to compare.
var scanDestinations = []func() (dest, into any){
	func() (any, any) { var v string; return &v, &v },
	func() (any, any) { var v int64; return &v, &v },
	func() (any, any) { var v int; return &v, &v },
	func() (any, any) { var v int32; return &v, &v },
	func() (any, any) { var v int8; return &v, &v },
	func() (any, any) { var v bool; return &v, &v },
	func() (any, any) { var v time.Time; return &v, &v },
	func() (any, any) { var v time.Time; return scanTime{&v}, &v },
	func() (any, any) { v := int64(7); return scanID{&v}, &v },
	func() (any, any) { v := csc.Date{Year: 2020, Month: 1, Day: 2}; return &v, &v },
	func() (any, any) { v := []string{"kept when NULL"}; return scanJSON{&v}, &v },
	func() (any, any) { var v namedText; return &v, &v },
	func() (any, any) { var v namedInt; return &v, &v },
	func() (any, any) { var v namedBool; return &v, &v },
	func() (any, any) { var v csc.Quarter; return &v, &v },
	func() (any, any) { var v float64; return &v, &v },
	func() (any, any) { var v any; return &v, &v },
	func() (any, any) { var v []byte; return &v, &v },
	func() (any, any) { var v sql.NullString; return &v, &v },
	func() (any, any) { var v sql.NullInt64; return &v, &v },
	func() (any, any) { var v sql.NullBool; return &v, &v },
	func() (any, any) { v := new(string); return &v, &v },
	func() (any, any) { v := new(int64); return &v, &v },
	func() (any, any) { v := new(int); return &v, &v },
	func() (any, any) { v := new(bool); return &v, &v },
}

// An answer read whole is scanned straight from the bytes PostgreSQL sent;
// whatever it sent and whatever the destination, the answer must store
// what database/sql stores, or fail as database/sql fails.
func FuzzAnswerScansAsDatabaseSQL(f *testing.F) {
	oids := []uint32{pgtype.TextOID, pgtype.VarcharOID, pgtype.Int8OID, pgtype.Int4OID, pgtype.BoolOID, pgtype.DateOID, pgtype.TimestamptzOID}
	f.Add(uint8(0), uint8(0), []byte("Sam Worker"))
	f.Add(uint8(0), uint8(9), []byte("2024-02-29"))
	f.Add(uint8(0), uint8(9), []byte("2024-02-30"))
	f.Add(uint8(0), uint8(7), []byte("2024-02-29 10:11:12+00:00"))
	f.Add(uint8(0), uint8(10), []byte(`["police","health"]`))
	f.Add(uint8(0), uint8(10), []byte(`{"not":"a list"}`))
	f.Add(uint8(0), uint8(1), []byte("42"))
	f.Add(uint8(0), uint8(14), []byte("2025-26 Q3"))
	f.Add(uint8(0x40), uint8(0), []byte{}) // NULL
	f.Add(uint8(0x40), uint8(10), []byte{})
	f.Add(uint8(0x40), uint8(8), []byte{})
	f.Add(uint8(2), uint8(4), []byte{0, 0, 0, 0, 0, 0, 1, 0})
	f.Add(uint8(2), uint8(3), []byte{0, 0, 0, 1, 0, 0, 0, 0})
	f.Add(uint8(3), uint8(12), []byte{0xff, 0xff, 0xff, 0xfe})
	f.Add(uint8(4), uint8(13), []byte{1})
	f.Add(uint8(4), uint8(0), []byte{2})
	f.Add(uint8(5), uint8(9), []byte{0, 0, 0x25, 0x1c})
	f.Add(uint8(5), uint8(7), []byte{0xff, 0xff, 0xfe, 0x00})
	f.Add(uint8(6), uint8(6), []byte{0, 3, 0x1d, 0x2a, 0x5b, 0x1c, 0x9a, 0x00})
	f.Add(uint8(6), uint8(9), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add(uint8(6), uint8(0), []byte{0, 3, 0x1d, 0x2a, 0x5b, 0x1c, 0x9a, 0x00})
	f.Fuzz(func(t *testing.T, which, destKind uint8, raw []byte) {
		oid := oids[int(which&0x3f)%len(oids)]
		if which&0x40 != 0 {
			raw = nil
		}
		k := plainKind(oid, pgtype.BinaryFormatCode, raw)
		if k == kindOther {
			return // decoded by pgtype as it is read, and stored by database/sql
		}
		a := &answer{columns: []string{"value"}}
		a.add(cellOf(k, raw))
		newDest := scanDestinations[int(destKind)%len(scanDestinations)]
		dest, got := newDest()
		gotErr := rowOf(a).Scan(dest)
		dest, want := newDest()
		wantErr := convertValue(dest, plainValue(k, raw))
		if wantErr != nil {
			wantErr = errors.New(`sql: Scan error on column index 0, name "value": ` + wantErr.Error())
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("oid %d, %x into %T: error %v, database/sql gives %v", oid, raw, dest, gotErr, wantErr)
		}
		if gotErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("oid %d, %x into %T: stored %#v, database/sql stores %#v", oid, raw, dest, got, want)
		}
	})
}

// An answer's rows are read in turn, as *sql.Rows are, and its first row
// as *sql.Row is.
func TestAnswerRowsReadInTurn(t *testing.T) {
	a := &answer{columns: []string{"id", "name"}}
	for i := range chunkCells {
		// rows enough to fill two chunks: 7 "Sam", 8 NULL, 9 "Sam"...
		a.add(cell{kind: kindInt4, n: int64(7 + i)})
		if i%2 == 1 {
			a.add(cellOf(kindNull, nil))
		} else {
			a.add(cellOf(kindText, []byte("Sam")))
		}
	}
	rows, err := rowsOf(a)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	var name string
	if err := rows.Scan(&id, &name); err == nil {
		t.Error("Scan before Next succeeded")
	}
	var got []string
	for rows.Next() {
		var name sql.NullString
		if err := rows.Scan(&id, &name); err != nil {
			t.Fatal(err)
		}
		got = append(got, name.String)
		if err := rows.Scan(&id); err == nil || err.Error() != "sql: expected 2 destination arguments in Scan, not 1" {
			t.Errorf("scanning one column of two: %v", err)
		}
	}
	if len(got) != chunkCells || got[0] != "Sam" || got[1] != "" || got[len(got)-2] != "Sam" || id != int64(7+chunkCells-1) {
		t.Errorf("rows read %q, last id %d; want Sam, '' in turn, %d rows, last %d", got, id, chunkCells, 7+chunkCells-1)
	}
	if rows.Next() || rows.Err() != nil {
		t.Error("rows go on after the last")
	}
	if err := rowOf(a).Scan(&id, &name); err != nil || id != 7 || name != "Sam" {
		t.Errorf("first row: %d %q %v", id, name, err)
	}
	err = rowOf(a).Scan(&name, &id)
	if err == nil || err.Error() != `sql: Scan error on column index 1, name "name": converting driver.Value type string ("Sam") to a int64: invalid syntax` {
		t.Errorf("text scanned as a number: %v", err)
	}
	if err := rowOf(&answer{columns: []string{"id"}}).Scan(&id); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("no rows: %v", err)
	}
	failed := errors.New("the statement failed")
	if _, err := rowsOf(&answer{err: failed}); err != failed {
		t.Errorf("a failed statement's rows: %v", err)
	}
	if err := rowOf(&answer{err: failed}).Scan(&id); err != failed {
		t.Errorf("a failed statement's row: %v", err)
	}
}
