package store

import (
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
)

// sqlValue decodes the commonest values itself; whatever PostgreSQL
// sends, it must give what pgtype gives, or fail where pgtype fails.
func FuzzSQLValueAgreesWithPgtype(f *testing.F) {
	oids := []uint32{pgtype.TextOID, pgtype.VarcharOID, pgtype.Int8OID, pgtype.Int4OID, pgtype.BoolOID, pgtype.DateOID, pgtype.TimestamptzOID}
	f.Add(uint8(0), []byte("Sam Worker"))
	f.Add(uint8(0x80), []byte("Sam Worker")) // text as PostgreSQL sends it, in the text format
	f.Add(uint8(0x81), []byte{0xff, 'x'})
	f.Add(uint8(2), []byte{0x80, 0, 0, 0, 0, 0, 0, 1})
	f.Add(uint8(3), []byte{0xff, 0xff, 0xff, 0xfe})
	f.Add(uint8(4), []byte{1})
	f.Add(uint8(4), []byte{0})
	f.Add(uint8(2), []byte{1, 2, 3})
	f.Add(uint8(5), []byte{0, 0, 0x25, 0x1c})
	f.Add(uint8(5), []byte{0xff, 0xff, 0xfe, 0x00})
	f.Add(uint8(5), []byte{0x7f, 0xff, 0xff, 0xff})
	f.Add(uint8(6), []byte{0, 3, 0x1d, 0x2a, 0x5b, 0x1c, 0x9a, 0x00})
	f.Add(uint8(6), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add(uint8(6), []byte{0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	types := pgtype.NewMap()
	f.Fuzz(func(t *testing.T, which uint8, raw []byte) {
		oid := oids[int(which&0x7f)%len(oids)]
		format := int16(pgtype.BinaryFormatCode)
		if which&0x80 != 0 {
			format = pgtype.TextFormatCode
		}
		got, gotErr := sqlValue(types, oid, format, raw)
		want, wantErr := scannedValue(types, oid, format, raw)
		if (gotErr != nil) != (wantErr != nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("oid %d, format %d, %x: got %#v (%v), pgtype gives %#v (%v)", oid, format, raw, got, gotErr, want, wantErr)
		}
	})
}
