package web

import (
	"net/url"
	"testing"

	"cairn/internal/csc"
)

// FuzzReturnsPagesQuery reads arbitrary query strings and paths as the
// data-quality and Annex A pages do: the readers never panic, a page
// number accepted is from 1, a date accepted is a real date, and a list
// accepted is 1 to 7 (or the workbook).
func FuzzReturnsPagesQuery(f *testing.F) {
	f.Add("team=all&rule=8540&severity=error&page=2", "3")
	f.Add("team=unallocated&page=0&as_of=2026-02-30", "8")
	f.Add("page=-1&as_of=2026-03-02&page=99999999999999999999", "x")
	f.Add("as_of=%00&rule=%FF", "")
	today := csc.NewDate(2026, 3, 2)
	f.Fuzz(func(t *testing.T, query, list string) {
		v, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		if q, err := dataQualityQueryOf(v); err == nil && q.Page < 0 {
			t.Fatalf("accepted page %d", q.Page)
		} else if err != nil && csc.ErrorKind(err) != csc.Invalid {
			t.Fatalf("a bad query is not a clear refusal: %v", err)
		}
		if d, err := annexADate(v.Get("as_of"), today); err == nil && (d.IsZero() || d.String() == "") {
			t.Fatalf("accepted date %q as %v", v.Get("as_of"), d)
		}
		if n, err := annexAList(list); err == nil && (n < 0 || n > 7 || (n == 0) != (list == "")) {
			t.Fatalf("accepted list %q as %d", list, n)
		}
	})
}
