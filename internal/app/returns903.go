package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"cairn/internal/csc"
	"cairn/internal/returns"
	"cairn/internal/returns/ssda903"
)

// Checking an SSDA903 return that another system wrote: a performance
// analyst uploads its files, the same engine as `cairn validate 903` checks
// them in memory, and the report is kept for a few hours so that its viewer
// can filter it and download it. The files are another system's data and
// are never stored; only the report is kept, in memory, for the member of
// staff who ran it. Each run and each download is audited by file names and
// counts, which name no child.

// SSDA903File is one uploaded file.
type SSDA903File struct {
	Name string
	Data []byte
}

// SSDA903Input is what a check of a return is given.
type SSDA903Input struct {
	Year  string        // collection year, 2025-26
	Files []SSDA903File // the return: CSV tables or one XML file
	Last  []SSDA903File // last year's return, optional
	// Optional reference data, as the command line's --providers,
	// --postcodes and --la-codes files, and --la.
	Providers, Postcodes, LACodes *SSDA903File
	LA                            string
}

// SSDA903Run is one check of a return: what was given, what was read and
// the report.
type SSDA903Run struct {
	ID        int64
	StaffID   int64
	At        time.Time
	Year      string
	Files     []string // this year's file names, sorted
	LastFiles []string
	RefFiles  []string // reference files, "postcodes: NAME"
	LA        string
	Read      string // the tables read and their rows, e.g. "Header 40, Episodes 80"
	Report    *returns.Report
}

// Limits on what is kept: the runs are another system's data about
// children, held in memory, so few and not for long.
const (
	ssda903Keep      = 8 * time.Hour // a run is kept this long
	ssda903MaxRuns   = 12            // runs kept in all
	ssda903PerPerson = 3             // runs kept for one member of staff
)

// ssda903MaxFailures is the most failures a kept report may have. A return
// with more is nearly always the wrong year's or another return's files,
// and the command line handles it without a limit.
var ssda903MaxFailures = 100000

// ssda903Runs keeps the recent runs. Its zero value is ready to use.
type ssda903Runs struct {
	mu   sync.Mutex
	runs []*SSDA903Run // oldest first
	// busy lets one check run at a time: a large return keeps both cores
	// busy for a fraction of a second, and the record's users come first.
	busy sync.Mutex
}

func (s *ssda903Runs) prune(now time.Time) {
	kept := s.runs[:0]
	for _, r := range s.runs {
		if now.Sub(r.At) < ssda903Keep {
			kept = append(kept, r)
		}
	}
	clear(s.runs[len(kept):])
	s.runs = kept
}

func (s *ssda903Runs) add(r *SSDA903Run) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prune(r.At)
	mine := 0
	for _, o := range s.runs {
		if o.StaffID == r.StaffID {
			mine++
		}
	}
	for ; mine >= ssda903PerPerson; mine-- {
		oldest := slices.IndexFunc(s.runs, func(o *SSDA903Run) bool { return o.StaffID == r.StaffID })
		s.runs = slices.Delete(s.runs, oldest, oldest+1)
	}
	for len(s.runs) >= ssda903MaxRuns {
		s.runs = slices.Delete(s.runs, 0, 1)
	}
	s.runs = append(s.runs, r)
}

func (s *ssda903Runs) get(id, staff int64, now time.Time) *SSDA903Run {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prune(now)
	for _, r := range s.runs {
		if r.ID == id && r.StaffID == staff {
			return r
		}
	}
	return nil
}

// CheckSSDA903 validates an uploaded SSDA903 return against its year's
// rules and keeps the report for the actor. Needs indicators.view. Files
// that cannot be validated at all (no table found, no usable Header or
// Episodes table, a reference file that cannot be read) are an Invalid
// error whose field errors say which file, line and column; a return with
// lesser problems is validated, and its report lists them.
func (a *App) CheckSSDA903(ctx context.Context, actor csc.Actor, in SSDA903Input) (run *SSDA903Run, err error) {
	defer csc.WrapOp(&err, "app.CheckSSDA903")
	if err := require(actor, csc.ActIndicators); err != nil {
		return nil, err
	}
	var probs csc.Problems
	year, yerr := ssda903.ParseYear(in.Year)
	if yerr != nil || !hasYear(year.Label) {
		probs.Add("year", "Choose the collection year: %s", strings.Join(ssda903.Years, " or "))
	}
	if len(in.Files) == 0 {
		probs.Add("files", "Choose the return's files: its CSV tables, or its XML file")
	}
	la := strings.ToUpper(strings.TrimSpace(in.LA))
	if la != "" && !onsCode(la) {
		probs.Add("la", "Enter the authority's ONS code as a letter and 8 digits, like E09000001")
	}
	ref, refFiles := readSSDA903Reference(in, &probs)
	ref.LA = la

	a.ssda903.busy.Lock()
	defer a.ssda903.busy.Unlock()
	var this *ssda903.Input
	if len(in.Files) > 0 {
		this = readSSDA903Files("files", "", in.Files, &probs)
	}
	opt := ssda903.Options{Ref: ref}
	if len(in.Last) > 0 {
		opt.Last = readSSDA903Files("last", "Last year's return: ", in.Last, &probs)
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	rep, err := ssda903.Validate(this, year, opt)
	if err != nil {
		return nil, err
	}
	failures := rep.Summary().Failures
	if failures > ssda903MaxFailures {
		probs.Add("files", "The return has %d failures, more than the %d this page keeps: check these are the %s return's files, or check them with cairn validate 903",
			failures, ssda903MaxFailures, year.Label)
		return nil, probs.Err()
	}
	// The report keeps the children's identifiers; clone them, so that it
	// does not hold the lines of the files they were read from.
	for i := range rep.Outcomes {
		for j := range rep.Outcomes[i].Failures {
			f := &rep.Outcomes[i].Failures[j]
			f.Child = strings.Clone(f.Child)
		}
	}
	run = &SSDA903Run{ID: runID(), StaffID: actor.StaffID, At: a.Now(), Year: year.Label, Files: names(in.Files),
		LastFiles: names(in.Last), RefFiles: refFiles, LA: la, Read: this.Describe(), Report: rep}
	s := rep.Summary()
	detail := fmt.Sprintf("SSDA903 %s: %s; %d rules: %d passed, %d failed (%d failures), %d not run; %d input problems",
		year.Label, fileList(run), s.Rules, s.Passed, s.Failed, s.Failures, s.NotRun, len(rep.Problems))
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		au.add(actor, "validate", "ssda903", run.ID, 0, clip(detail, 2000))
		return nil
	})
	if err != nil {
		return nil, err
	}
	a.ssda903.add(run)
	return run, nil
}

// SSDA903Run returns a run the actor made in the last hours. Needs
// indicators.view; another's run, or one no longer kept, is not found.
func (a *App) SSDA903Run(ctx context.Context, actor csc.Actor, id int64) (run *SSDA903Run, err error) {
	defer csc.WrapOp(&err, "app.SSDA903Run")
	if err := require(actor, csc.ActIndicators); err != nil {
		return nil, err
	}
	if run = a.ssda903.get(id, actor.StaffID, a.Now()); run == nil {
		return nil, csc.Errorf(csc.NotFound, "There is no such check, or it has been cleared: checks are kept for %d hours. Upload the files again.", int(ssda903Keep.Hours()))
	}
	return run, nil
}

// DownloadSSDA903 writes a run's report as the command line writes it
// (format csv or json) and audits the download. Needs indicators.view.
func (a *App) DownloadSSDA903(ctx context.Context, actor csc.Actor, id int64, format string, w io.Writer) (err error) {
	defer csc.WrapOp(&err, "app.DownloadSSDA903")
	run, err := a.SSDA903Run(ctx, actor, id)
	if err != nil {
		return err
	}
	if format != "csv" && format != "json" {
		return csc.Errorf(csc.NotFound, "The report can be downloaded as CSV or JSON.")
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		au.add(actor, "download", "ssda903", run.ID, 0, fmt.Sprintf("SSDA903 %s report as %s: %d failures", run.Year, strings.ToUpper(format), run.Report.Summary().Failures))
		return nil
	})
	if err != nil {
		return err
	}
	if format == "csv" {
		return run.Report.WriteCSV(w)
	}
	return run.Report.WriteJSON(w)
}

func hasYear(label string) bool {
	for _, y := range ssda903.Years {
		if y == label {
			return true
		}
	}
	return false
}

// onsCode reports whether s looks like an ONS area code: a letter and eight
// digits.
func onsCode(s string) bool {
	if len(s) != 9 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < 9; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// readSSDA903Files reads one year's files. A return that cannot be
// validated at all adds the reader's problems to probs, under field.
func readSSDA903Files(field, prefix string, files []SSDA903File, probs *csc.Problems) *ssda903.Input {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		if _, dup := m[f.Name]; dup {
			probs.Add(field, "%sTwo files are named %s: give each table once", prefix, clip(f.Name, 80))
			return nil
		}
		m[f.Name] = f.Data
	}
	in, err := ssda903.ReadFiles(m)
	if err != nil {
		probs.Add(field, "%s%s", prefix, csc.ErrorMessage(err))
		return nil
	}
	var unusable []string
	for _, t := range []string{ssda903.THeader, ssda903.TEpisodes} {
		if why, bad := in.Unusable[t]; bad {
			unusable = append(unusable, t+" ("+why+")")
		}
	}
	if len(unusable) > 0 {
		probs.Add(field, "%sThe return cannot be checked without a usable %s table", prefix, strings.Join(unusable, " and "))
		for _, p := range in.Problems {
			probs.Add(field, "%s%s", prefix, p.String())
		}
	}
	return in
}

// readSSDA903Reference reads the optional reference files.
func readSSDA903Reference(in SSDA903Input, probs *csc.Problems) (ssda903.Reference, []string) {
	var ref ssda903.Reference
	var files []string
	read := func(field, what string, f *SSDA903File, parse func(name string, r io.Reader) error) {
		if f == nil {
			return
		}
		if err := parse(f.Name, bytes.NewReader(f.Data)); err != nil {
			probs.Add(field, "%s", err.Error())
			return
		}
		files = append(files, what+": "+f.Name)
	}
	read("providers", "providers", in.Providers, func(name string, r io.Reader) (err error) {
		ref.Providers, err = ssda903.ReadProviders(name, r)
		return err
	})
	read("postcodes", "postcodes", in.Postcodes, func(name string, r io.Reader) (err error) {
		ref.Postcodes, err = ssda903.ReadPostcodes(name, r)
		return err
	})
	read("la_codes", "LA codes", in.LACodes, func(name string, r io.Reader) (err error) {
		ref.LACodes, err = ssda903.ReadLACodes(name, r)
		return err
	})
	return ref, files
}

func names(files []SSDA903File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Name
	}
	sort.Strings(out)
	return out
}

// fileList says what files a run was given, for the audit trail.
func fileList(r *SSDA903Run) string {
	s := "files " + strings.Join(r.Files, ", ")
	if len(r.LastFiles) > 0 {
		s += "; last year " + strings.Join(r.LastFiles, ", ")
	}
	if len(r.RefFiles) > 0 {
		s += "; " + strings.Join(r.RefFiles, ", ")
	}
	return s
}

// clip shortens s to at most n bytes, on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// runID is a random positive id: a run's address, hard to guess, though
// only its owner may open it.
func runID() int64 {
	var b [8]byte
	rand.Read(b[:])
	return int64(binary.BigEndian.Uint64(b[:]) >> 1)
}
