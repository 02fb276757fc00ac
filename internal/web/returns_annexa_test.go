package web_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
)

var annexARoles = []csc.Role{csc.RoleAnalyst}

func init() {
	// The fixture's child had contacts received today, so list 1 (and the
	// workbook) names them: each download is audited about them. The page
	// itself shows only counts and is not audited.
	childRoutes = append(childRoutes,
		route{"GET", "/returns/annex-a?as_of=", nil, annexARoles},
		route{"GET", "/returns/annex-a/workbook", nil, annexARoles},
		route{"GET", "/returns/annex-a/lists/1", nil, annexARoles},
	)
	listings = append(listings, "/returns/annex-a?")
}

// get fetches a path as a role and returns the response with its body read.
func (s *site) get(t *testing.T, r csc.Role, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := s.clients[r].Get(s.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// TestAnnexAPage: the analyst chooses an inspection date, sees each list's
// row count and downloads the workbook or one list as CSV, byte for byte
// what the command writes; each download is audited against the children
// it names, and bad dates and lists are refused clearly.
func TestAnnexAPage(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		f := s.fixture(t)
		today := s.App.Today()
		lists, err := annexa.Produce(ctx, s.DB, today)
		if err != nil {
			t.Fatal(err)
		}

		st, body := s.do(t, csc.RoleAnalyst, "GET", "/returns/annex-a", nil)
		if st != 200 {
			t.Fatalf("Annex A page: %d", st)
		}
		table := section(body, `id="lists"`, "</table>")
		for _, l := range lists {
			row := section(table, ">"+l.Sheet+"<", "</tr>")
			if !strings.Contains(row, fmt.Sprintf(">%d<", len(l.Rows))) {
				t.Errorf("%s: the page does not show its %d rows: %s", l.Sheet, len(l.Rows), row)
			}
		}
		if len(lists[0].Rows) == 0 {
			t.Fatal("list 1 is empty: the fixture's contacts are not on it")
		}
		if !strings.Contains(body, fmt.Sprintf(`value="%s"`, today)) {
			t.Error("the inspection date does not default to today")
		}

		before := len(s.Audits(t, f.child))
		resp, got := s.get(t, csc.RoleAnalyst, "/returns/annex-a/workbook?as_of="+today.String())
		var want bytes.Buffer
		if err := annexa.WriteXLSX(&want, lists); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || !bytes.Equal(got, want.Bytes()) {
			t.Errorf("workbook: status %d, %d bytes, want the command's %d bytes", resp.StatusCode, len(got), want.Len())
		}
		if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "annex-a-"+today.String()+".xlsx") {
			t.Errorf("workbook headers: %v", resp.Header)
		}
		audits := s.Audits(t, f.child)
		if len(audits) <= before || audits[0].Action != "download" || audits[0].SubjectType != "annex-a" ||
			!strings.Contains(audits[0].Detail, today.String()) || !strings.Contains(audits[0].Detail, "1") {
			t.Errorf("the workbook's download left no audit row naming the date and lists: %+v", audits[0])
		}

		resp, got = s.get(t, csc.RoleAnalyst, "/returns/annex-a/lists/3?as_of="+today.String())
		want.Reset()
		if err := annexa.WriteCSV(&want, lists[2]); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || !bytes.Equal(got, want.Bytes()) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			t.Errorf("list 3 as CSV: status %d, %q", resp.StatusCode, got)
		}

		for path, wantStatus := range map[string]int{
			"/returns/annex-a?as_of=2999-01-01":        http.StatusBadRequest,
			"/returns/annex-a?as_of=31/03/2026":        http.StatusBadRequest,
			"/returns/annex-a/workbook?as_of=nonsense": http.StatusBadRequest,
			"/returns/annex-a/lists/8":                 http.StatusNotFound,
			"/returns/annex-a/lists/x":                 http.StatusNotFound,
		} {
			if st, body := s.do(t, csc.RoleAnalyst, "GET", path, nil); st != wantStatus || !strings.Contains(body, "date") && !strings.Contains(body, "list") {
				t.Errorf("%s: status %d, want %d", path, st, wantStatus)
			}
		}
		if _, body := s.do(t, csc.RoleAnalyst, "GET", "/returns/annex-a?as_of=2999-01-01", nil); !strings.Contains(body, "today or in the past") {
			t.Error("a future inspection date is refused without saying why")
		}
	})
}
