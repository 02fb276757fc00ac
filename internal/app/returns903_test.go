package app_test

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/app/apptest"
	"cairn/internal/csc"
	"cairn/internal/returns/ssda903"
)

// sample903 is a small synthetic return (made-up children), as uploaded
// files in name order.
func sample903(edit func(files map[string][]byte)) []app.SSDA903File {
	files := ssda903.Sample(40, 7)
	if edit != nil {
		edit(files)
	}
	var out []app.SSDA903File
	for n, b := range files {
		out = append(out, app.SSDA903File{Name: n, Data: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// withBadCode gives the first episode a reason for new episode that is not
// a code: rule 143 fails once.
func withBadCode(files map[string][]byte) {
	lines := strings.SplitN(string(files["episodes.csv"]), "\n", 3)
	f := strings.Split(lines[1], ",")
	f[2] = "Q"
	lines[1] = strings.Join(f, ",")
	files["episodes.csv"] = []byte(strings.Join(lines, "\n"))
}

// lastAudit is the latest audit row written by a member of staff.
func lastAudit(t *testing.T, e *apptest.Env, r csc.Role) csc.AuditEntry {
	t.Helper()
	rows, _, err := e.App.AuditTrail(ctx, e.Actor(csc.RoleAdmin), csc.AuditQuery{StaffID: e.Staff[r].ID, Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no audit row for %s: %v", r, err)
	}
	return rows[0]
}

func TestCheckSSDA903(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		analyst := e.Actor(csc.RoleAnalyst)
		run, err := e.App.CheckSSDA903(ctx, analyst, app.SSDA903Input{Year: "2025-26", Files: sample903(withBadCode)})
		if err != nil {
			t.Fatal(err)
		}
		s := run.Report.Summary()
		if s.Rules != 311 || s.Failures != 1 || s.NotImplemented != 0 || !strings.Contains(run.Read, "Header 40, Episodes 74") {
			t.Errorf("summary %+v, read %q", s, run.Read)
		}
		for _, o := range run.Report.Outcomes {
			if o.Code == "143" && (len(o.Failures) != 1 || o.Failures[0].Child != "C000001") {
				t.Errorf("143: %+v", o)
			}
		}
		// The run is audited by file names and counts, naming no child.
		a := lastAudit(t, e, csc.RoleAnalyst)
		if a.Action != "validate" || a.SubjectType != "ssda903" || a.SubjectID != run.ID || a.ChildID != 0 ||
			!strings.Contains(a.Detail, "episodes.csv, header.csv") || !strings.Contains(a.Detail, "311 rules") ||
			!strings.Contains(a.Detail, "(1 failures)") || strings.Contains(a.Detail, "C0000") {
			t.Errorf("audit row %+v", a)
		}

		// The results are the analyst's alone.
		if got, err := e.App.SSDA903Run(ctx, analyst, run.ID); err != nil || got != run {
			t.Errorf("own run: %v", err)
		}
		if _, err := e.App.SSDA903Run(ctx, e.Actor(csc.RoleQA), run.ID); csc.ErrorKind(err) != csc.NotFound {
			t.Errorf("another's run: %v, want not found", err)
		}

		// The download is the command line's report, and is audited.
		var b bytes.Buffer
		if err := e.App.DownloadSSDA903(ctx, analyst, run.ID, "csv", &b); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		run.Report.WriteCSV(&want)
		if b.String() != want.String() || !strings.Contains(b.String(), "C000001,143,Episodes,RNE") {
			t.Errorf("csv download:\n%s", b.String())
		}
		if a := lastAudit(t, e, csc.RoleAnalyst); a.Action != "download" || a.SubjectID != run.ID || !strings.Contains(a.Detail, "as CSV: 1 failures") {
			t.Errorf("download audit %+v", a)
		}
		if err := e.App.DownloadSSDA903(ctx, analyst, run.ID, "xlsx", &b); csc.ErrorKind(err) != csc.NotFound {
			t.Errorf("xlsx download: %v", err)
		}

		// Kept for 8 hours.
		e.Clock.Advance(8*time.Hour + time.Minute)
		if _, err := e.App.SSDA903Run(ctx, analyst, run.ID); csc.ErrorKind(err) != csc.NotFound {
			t.Errorf("a run 8 hours old: %v, want not found", err)
		}
	})
}

func TestCheckSSDA903Refused(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		for _, r := range []csc.Role{csc.RoleSocialWorker, csc.RoleMASH, csc.RoleEarlyHelp, csc.RoleBoardMember} {
			before, _, _ := e.App.AuditTrail(ctx, e.Actor(csc.RoleAdmin), csc.AuditQuery{StaffID: e.Staff[r].ID})
			if _, err := e.App.CheckSSDA903(ctx, e.Actor(r), app.SSDA903Input{Year: "2025-26", Files: sample903(nil)}); csc.ErrorKind(err) != csc.Forbidden {
				t.Errorf("%s: %v, want forbidden", r, err)
			}
			after, _, _ := e.App.AuditTrail(ctx, e.Actor(csc.RoleAdmin), csc.AuditQuery{StaffID: e.Staff[r].ID})
			if len(after) != len(before) {
				t.Errorf("%s: a refused check was audited", r)
			}
		}
	})
}

func TestCheckSSDA903KeepsFewRuns(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		qa := e.Actor(csc.RoleQA)
		var ids []int64
		for range 4 {
			run, err := e.App.CheckSSDA903(ctx, qa, app.SSDA903Input{Year: "2025-26", Files: sample903(nil)})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, run.ID)
		}
		if _, err := e.App.SSDA903Run(ctx, qa, ids[0]); csc.ErrorKind(err) != csc.NotFound {
			t.Errorf("the oldest of 4 runs is still kept: %v", err)
		}
		for _, id := range ids[1:] {
			if _, err := e.App.SSDA903Run(ctx, qa, id); err != nil {
				t.Errorf("run %d: %v", id, err)
			}
		}
	})
}

func TestCheckSSDA903BadInput(t *testing.T) {
	apptest.Run(t, func(t *testing.T, e *apptest.Env) {
		analyst := e.Actor(csc.RoleAnalyst)
		header := "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
		file := func(name, text string) []app.SSDA903File { return []app.SSDA903File{{Name: name, Data: []byte(text)}} }
		laCodes := &app.SSDA903File{Name: "las.csv", Data: []byte("LA_CODE\n201\nCamden\n")}
		for _, tc := range []struct {
			name  string
			in    app.SSDA903Input
			field string
			want  string
		}{
			{"no files", app.SSDA903Input{Year: "2025-26"}, "files", "Choose the return's files"},
			{"no year", app.SSDA903Input{Year: "2019-20", Files: sample903(nil)}, "year", "2025-26 or 2026-27"},
			{"no episodes", app.SSDA903Input{Year: "2025-26", Files: file("h.csv", header+"C1,M,\"01/01/2010,WBRI,,,\n")}, "files",
				"h.csv:2:26: extraneous or missing \" in quoted-field"},
			{"no episodes table", app.SSDA903Input{Year: "2025-26", Files: file("h.csv", header)}, "files",
				"usable Episodes (no Episodes table was given) table"},
			{"malformed xml", app.SSDA903Input{Year: "2025-26", Files: file("r.xml", "<EXPSSDA903><CHILD>\n<HEADER></CHILD></EXPSSDA903>")}, "files", "r.xml:2"},
			{"not a return", app.SSDA903Input{Year: "2025-26", Files: file("notes.txt", "hello")}, "files", "notes.txt: not a CSV or XML file"},
			{"bad last year", app.SSDA903Input{Year: "2025-26", Files: sample903(nil), Last: file("l.csv", "A,B\n")}, "last", "Last year's return: no SSDA903 table"},
			{"bad code list", app.SSDA903Input{Year: "2025-26", Files: sample903(nil), LACodes: laCodes}, "la_codes", "las.csv line 3"},
			{"bad ONS code", app.SSDA903Input{Year: "2025-26", Files: sample903(nil), LA: "Camden"}, "la", "ONS code"},
		} {
			_, err := e.App.CheckSSDA903(ctx, analyst, tc.in)
			if csc.ErrorKind(err) != csc.Invalid || !strings.Contains(fieldsOf(err), tc.field+": ") || !strings.Contains(fieldsOf(err), tc.want) {
				t.Errorf("%s: %v (%s), want %s: …%s…", tc.name, err, fieldsOf(err), tc.field, tc.want)
			}
		}
		// A return with more failures than a report may keep.
		defer app.SetSSDA903MaxFailures(0)()
		_, err := e.App.CheckSSDA903(ctx, analyst, app.SSDA903Input{Year: "2025-26", Files: sample903(withBadCode)})
		if !strings.Contains(fieldsOf(err), "The return has 1 failures, more than the 0 this page keeps") {
			t.Errorf("over the failure limit: %v", err)
		}
	})
}
