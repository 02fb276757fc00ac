package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"cairn/internal/returns"
	"cairn/internal/returns/cin"
)

const validateCINUsage = `Usage:
  cairn validate cin FILE.xml --year 2025-26 [--format text|csv|json]
  cairn validate cin --list-rules --year 2025-26

FILE.xml is a children in need census from any system, 2023/24 onward
(2023/24 files have GenderCurrent, which the 2025/26 rules report as a
missing Sex). FILE.xml may be - for standard input.

The CSV report has one line per issue: LAchildID, rule, severity (ERROR or
QUERY), table, fields, message, and the line of the file.

Exit status: 0 no errors (queries allowed), 1 errors (a rule that is an
error failed, or the file has input problems such as a malformed child),
2 the input could not be used.`

func validateCIN(args []string, stdout, stderr io.Writer) error {
	var year, format string
	var list bool
	fs := flag.NewFlagSet("validate cin", flag.ContinueOnError)
	fs.StringVar(&year, "year", "", "collection year, e.g. 2025-26")
	fs.StringVar(&format, "format", "text", "text, csv or json")
	fs.BoolVar(&list, "list-rules", false, "list the year's rules, one a line")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if year == "" {
		return fmt.Errorf("%w: --year is required (one of %s)\n\n%s", errUsage, strings.Join(cin.Years(), ", "), validateCINUsage)
	}
	y, err := cin.ParseYear(year)
	if err != nil {
		return fmt.Errorf("%w: --year: %v", errUsage, err)
	}
	if list {
		return listCINRules(y.Label, stdout)
	}
	if len(paths) != 1 {
		return fmt.Errorf("%w: give one FILE.xml\n\n%s", errUsage, validateCINUsage)
	}
	if format != "text" && format != "csv" && format != "json" {
		return fmt.Errorf("%w: --format must be text, csv or json", errUsage)
	}
	in, name, err := openCensus(paths[0])
	if err != nil {
		fmt.Fprintln(stderr, "cairn:", err)
		return exitUnusable
	}
	defer in.Close()
	rep, err := cin.Validate(name, bufio.NewReaderSize(in, 1<<20), y, 0)
	if errors.Is(err, cin.ErrUnusable) {
		fmt.Fprintln(stderr, "cairn:", err)
		return exitUnusable
	}
	if err != nil {
		return err
	}
	if err := writeReport(rep, format, stdout); err != nil {
		return err
	}
	s := rep.Summary()
	if s.NotRun+s.NotImplemented > 0 {
		fmt.Fprintf(stderr, "cairn: %d of %d rules did not run: the report is not a full validation\n", s.NotRun+s.NotImplemented, s.Rules)
	}
	if rep.HasFailures() || childProblems(rep.Problems) {
		return exitFailures
	}
	return nil
}

// childProblems reports whether some child could not be read as written: its
// data was not all validated, which must not pass as clean.
func childProblems(ps []returns.Problem) bool { return len(ps) > 0 }

func openCensus(path string) (io.ReadCloser, string, error) {
	if path == "-" {
		return io.NopCloser(os.Stdin), "standard input", nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("%s cannot be read: %s", path, errNoFile(err))
	}
	if st.IsDir() {
		return nil, "", fmt.Errorf("%s is a folder; give the census XML file", path)
	}
	if st.Size() > cin.MaxFileSize {
		return nil, "", fmt.Errorf("%s is %d MB, larger than any census (at most %d MB)", filepath.Base(path), st.Size()>>20, cin.MaxFileSize>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("%s cannot be read: %s", path, errNoFile(err))
	}
	return f, filepath.Base(path), nil
}

func errNoFile(err error) string {
	if os.IsNotExist(err) {
		return "no such file"
	}
	return "permission denied or not readable"
}

func listCINRules(year string, stdout io.Writer) error {
	rules, err := cin.Rules(year)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	w := bufio.NewWriter(stdout)
	for _, r := range rules {
		state := "implemented"
		if r.Check == nil {
			state = "not implemented"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Code, r.SeverityName(), state, strings.Join(r.Tables, ";"), strings.Join(r.Fields, ";"), r.Message)
	}
	return w.Flush()
}
