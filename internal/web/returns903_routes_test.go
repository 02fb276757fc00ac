package web_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/returns/ssda903"
)

func init() {
	childRoutes = append(childRoutes, route{"GET", "/returns/903", nil, indicatorRoles})
	// The page names no child of the record; the check of a return is
	// audited by TestReturns903Roles below.
	listings = append(listings, "/returns/903")
}

// dirty903 is the project's dirty SSDA903 sample (made-up children), the
// files the golden reports of internal/returns/ssda903 are made from.
var dirty903 = filepath.Join("..", "returns", "ssda903", "testdata", "dirty")

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// upload903 posts the form as a browser would: fields, then files under
// their input's name.
func (s *site) upload903(t *testing.T, r csc.Role, fields map[string]string, files map[string]map[string][]byte) (int, string, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for input, fs := range files {
		names := make([]string, 0, len(fs))
		for n := range fs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			w, _ := mw.CreateFormFile(input, n)
			w.Write(fs[n])
		}
	}
	mw.Close()
	req, _ := http.NewRequest("POST", s.srv.URL+"/returns/903", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := s.clients[r].Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

var runPath = regexp.MustCompile(`^/returns/903/runs/\d+$`)

// TestReturns903Page uploads the dirty sample as an analyst would, finds a
// known failure, filters to it, and downloads the report, which is the
// command line's byte for byte.
func TestReturns903Page(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		// No upload is written to disk: multipart files past a size go to
		// temporary files unless read part by part, as the page does.
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)

		st, body := s.do(t, csc.RoleAnalyst, "GET", "/returns/903", nil)
		if st != 200 || !strings.Contains(body, `enctype="multipart/form-data"`) || !strings.Contains(body, `value="2025-26" checked`) ||
			!strings.Contains(body, `href="/returns/903" aria-current="page"`) {
			t.Fatalf("form: %d\n%.2000s", st, body)
		}

		st, loc, body := s.upload903(t, csc.RoleAnalyst, map[string]string{"year": "2025-26"}, map[string]map[string][]byte{"files": readDir(t, dirty903)})
		if st != http.StatusSeeOther || !runPath.MatchString(loc) {
			t.Fatalf("upload: %d %q\n%.2000s", st, loc, body)
		}
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("the upload left files behind: %v", left)
		}

		// What the command line reports for the same files.
		in, err := ssda903.ReadPath(dirty903)
		if err != nil {
			t.Fatal(err)
		}
		y, _ := ssda903.ParseYear("2025-26")
		rep, _ := ssda903.Validate(in, y, ssda903.Options{})
		sum := rep.Summary()

		st, body = s.do(t, csc.RoleAnalyst, "GET", loc, nil)
		for _, want := range []string{
			fmt.Sprintf("SSDA903 2025-26: %d failures of %d rules", sum.Failures, sum.Failed),
			fmt.Sprintf("311 rules: %d passed, %d failed (%d failures), %d not run", sum.Passed, sum.Failed, sum.Failures, sum.NotRun),
			"Episodes (copy).txt: not a CSV or XML file; it was not read", // problems with the files, named
			"uasc.csv:2:24: extraneous or missing &#34; in quoted-field",
			"411</td><td class=\"govuk-table__cell\">not run: needs the authority&#39;s own ONS code (--la)",
			fmt.Sprintf("Showing 1–%d of %d failures.", sum.Failures, sum.Failures),
			`<option value="143">143 (1)</option>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("results lack %q", want)
			}
		}
		if st != 200 || sum.Failures < 20 {
			t.Fatalf("results: %d, %+v", st, sum)
		}

		// Filtered by rule: the one failure of rule 143, on the first
		// child's first episode.
		_, body = s.do(t, csc.RoleAnalyst, "GET", loc+"?rule=143", nil)
		rows := failureRows(body)
		if len(rows) != 1 || !strings.Contains(rows[0], "C000001") || !strings.Contains(rows[0], "The reason for new episode code is not a valid code.") ||
			!strings.Contains(body, "Showing 1–1 of 1 failure that match") || !strings.Contains(body, `<option value="143" selected>`) {
			t.Errorf("rule 143: %v", rows)
		}
		// By table and child: the girl recorded as a mother with a bad code.
		_, body = s.do(t, csc.RoleAnalyst, "GET", loc+"?table=Header&child=c000009", nil)
		if rows := failureRows(body); len(rows) != 1 || !strings.Contains(rows[0], ">165<") {
			t.Errorf("Header, C000009: %v", rows)
		}
		_, body = s.do(t, csc.RoleAnalyst, "GET", loc+"?child=C999999", nil)
		if !strings.Contains(body, "No failure matches these filters.") {
			t.Error("a child with no failures should show none")
		}

		// The downloads are the command line's reports.
		var wantCSV, wantJSON bytes.Buffer
		rep.WriteCSV(&wantCSV)
		rep.WriteJSON(&wantJSON)
		st, body = s.do(t, csc.RoleAnalyst, "GET", loc+"/report.csv", nil)
		if st != 200 || body != wantCSV.String() {
			t.Errorf("CSV download %d differs from the command line's:\n%.600s", st, body)
		}
		if _, body = s.do(t, csc.RoleAnalyst, "GET", loc+"/report.json", nil); body != wantJSON.String() {
			t.Errorf("JSON download differs from the command line's:\n%.600s", body)
		}
		if st, _ = s.do(t, csc.RoleAnalyst, "GET", loc+"/report.xlsx", nil); st != 404 {
			t.Errorf("report.xlsx: %d, want 404", st)
		}
	})
}

// failureRows returns the rows of the results table.
func failureRows(body string) []string {
	i := strings.Index(body, `<table class="govuk-table" id="failures">`)
	if i < 0 {
		return nil
	}
	table := body[i:]
	table = table[:strings.Index(table, "</table>")]
	parts := strings.Split(table, `<tr class="govuk-table__row">`)
	return parts[2:] // the part before the header row, and the header row
}

// TestReturns903BadFiles checks files that cannot be checked are refused
// with the reader's message naming the file, line and column, status 422,
// and an upload over the limit with 413.
func TestReturns903BadFiles(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		bad := map[string][]byte{"header.csv": []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,\"01/01/2010,WBRI,,,\n")}
		st, _, body := s.upload903(t, csc.RoleAnalyst, map[string]string{"year": "2026-27"}, map[string]map[string][]byte{"files": bad})
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, "header.csv:2:26: extraneous or missing &#34; in quoted-field") ||
			!strings.Contains(body, `value="2026-27" checked`) {
			t.Errorf("bad file: %d\n%.3000s", st, body)
		}
		st, _, body = s.upload903(t, csc.RoleAnalyst, map[string]string{"year": "2025-26"}, nil)
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, "Choose the return&#39;s files") {
			t.Errorf("no files: %d", st)
		}
		st, _ = s.do(t, csc.RoleAnalyst, "POST", "/returns/903", map[string][]string{"year": {"2025-26"}})
		if st != http.StatusUnprocessableEntity {
			t.Errorf("a form with no files: %d", st)
		}

		// A file of 66 MB: refused as it is read when its length is not
		// declared, and on its declared length before it is read.
		head, tail := "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.csv\"\r\n\r\n", "\r\n--b--\r\n"
		for _, declared := range []bool{false, true} {
			big := io.MultiReader(strings.NewReader(head), io.LimitReader(zeros{}, 66<<20), strings.NewReader(tail))
			req, _ := http.NewRequest("POST", s.srv.URL+"/returns/903", big)
			req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
			if declared {
				req.ContentLength = int64(len(head) + 66<<20 + len(tail))
			}
			resp, err := s.clients[csc.RoleAnalyst].Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "The files come to more than 64 MB") {
				t.Errorf("too large (length declared %v): %d\n%.2000s", declared, resp.StatusCode, b)
			}
		}
	})
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

// TestReturns903Roles checks each role: those with indicators.view check a
// return, leaving an audit row, and see their own results only; the rest are
// refused with 403 and leave no row.
func TestReturns903Roles(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		files := map[string]map[string][]byte{"files": ssda903.Sample(20, 3)}
		var first string
		for _, r := range csc.Roles {
			t.Run(string(r), func(t *testing.T) {
				rows := func() int {
					out, _, err := e.App.AuditTrail(ctx, e.Actor(csc.RoleAdmin), csc.AuditQuery{StaffID: e.Staff[r].ID, Limit: 1000})
					if err != nil {
						t.Fatal(err)
					}
					n := 0
					for _, a := range out {
						if a.SubjectType == "ssda903" {
							n++
						}
					}
					return n
				}
				before := rows()
				st, loc, _ := s.upload903(t, r, map[string]string{"year": "2025-26"}, files)
				allowed := r.Can(csc.ActIndicators)
				switch {
				case allowed && (st != http.StatusSeeOther || rows() != before+1):
					t.Fatalf("status %d, %d audit rows, want 303 and one row", st, rows()-before)
				case !allowed && (st != http.StatusForbidden || rows() != before):
					t.Fatalf("status %d, %d audit rows, want 403 and none", st, rows()-before)
				case !allowed:
					return
				}
				if st, _ := s.do(t, r, "GET", loc, nil); st != 200 {
					t.Errorf("own results: %d", st)
				}
				if first == "" {
					first = loc
				} else if st, _ := s.do(t, r, "GET", first+"/report.csv", nil); st != 404 {
					t.Errorf("another's results: %d, want 404", st)
				}
			})
		}
		if first == "" {
			t.Fatal("no role could check a return")
		}
		for _, r := range []csc.Role{csc.RoleSocialWorker, csc.RoleAdmin} {
			if st, _ := s.do(t, r, "GET", first, nil); st != 403 {
				t.Errorf("%s opening results: %d, want 403", r, st)
			}
		}
		if st, _ := s.do(t, csc.RoleAnalyst, "GET", fmt.Sprintf("/returns/903/runs/%d", 12345), nil); st != 404 {
			t.Errorf("no such run: %d", st)
		}
	})
}

// TestReturns903Pages checks a long list of failures is shown a page at a
// time, the filters kept in the page links.
func TestReturns903Pages(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		s := newSite(t, e)
		files := ssda903.Sample(300, 2)
		// Every first episode's reason for new episode made a bad code.
		files["episodes.csv"] = bytes.ReplaceAll(files["episodes.csv"], []byte(",S,"), []byte(",Q,"))
		_, loc, _ := s.upload903(t, csc.RoleQA, map[string]string{"year": "2025-26"}, map[string]map[string][]byte{"files": files})
		_, body := s.do(t, csc.RoleQA, "GET", loc+"?rule=143", nil)
		next := regexp.MustCompile(`href="([^"]*page=2[^"]*)">Next page`).FindStringSubmatch(body)
		if !strings.Contains(body, "Showing 1–200 of 300 failures that match.") || len(failureRows(body)) != 200 || next == nil {
			t.Fatalf("page 1: %d rows\n%.600s", len(failureRows(body)), body[strings.Index(body, "<main"):])
		}
		_, body = s.do(t, csc.RoleQA, "GET", strings.ReplaceAll(next[1], "&amp;", "&"), nil)
		if !strings.Contains(body, "Showing 201–300 of 300 failures that match.") || len(failureRows(body)) != 100 ||
			!strings.Contains(body, "Previous page") || strings.Contains(body, "Next page") {
			t.Errorf("page 2: %d rows", len(failureRows(body)))
		}
	})
}
