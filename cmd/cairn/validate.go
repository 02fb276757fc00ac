package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"cairn/internal/csc"
	"cairn/internal/returns"
	"cairn/internal/returns/ssda903"
)

// exitCode asks main to leave with a status other than 0 without printing an
// error: the report already said what is wrong.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// Exit statuses of cairn validate, the same for every return.
const (
	exitFailures = exitCode(1) // rules failed
	exitUnusable = exitCode(2) // the input could not be used
)

const validateUsage = `Usage:
  cairn validate 903 PATH --year 2025-26 [--last PATH] [--format text|csv|json]
                          [--providers FILE] [--postcodes FILE] [--la CODE] [--la-codes FILE]
  cairn validate 903 --list-rules --year 2025-26
  cairn validate cin FILE.xml --year 2025-26 [--format text|csv|json]
  cairn validate cin --list-rules --year 2025-26

PATH is a folder of CSV tables, one CSV table or an XML (EXPSSDA903) file.
--last is last year's return, for the rules that compare years.

Reference data, for the rules that need it (without it they are reported
"not run: needs ..."). The files are CSV with a header row; columns are
found by name, in any order, and others are ignored:
  --providers FILE  Ofsted providers: URN,PLACE_CODES,PROVIDER_CODES,REG_END,POSTCODE
                    (codes separated by ";", REG_END dd/mm/yyyy or blank)
  --postcodes FILE  postcodes: POSTCODE,LA,LAT,LONG (the ONS code of the
                    authority the postcode is in; decimal degrees), from which
                    the placement's authority and distance are worked out
  --la CODE         the returning authority's ONS code, e.g. E09000001
  --la-codes FILE   DfE's local authority codes: LA_CODE (three digits, e.g.
                    201), for where a previous permanence order was made

Exit status: 0 no rule failed, 1 rules failed, 2 the input could not be used.`

// validate checks a statutory return's files against the year's rules.
func validate(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: which return?\n\n%s", errUsage, validateUsage)
	}
	switch args[0] {
	case "903", "ssda903":
		return validate903(args[1:], stdout, stderr)
	case "cin":
		return validateCIN(args[1:], stdout, stderr)
	}
	return fmt.Errorf("%w: cairn cannot validate %q yet\n\n%s", errUsage, args[0], validateUsage)
}

func validate903(args []string, stdout, stderr io.Writer) error {
	var year, last, format, providers, postcodes, la, laCodes string
	var list bool
	fs := flag.NewFlagSet("validate 903", flag.ContinueOnError)
	fs.StringVar(&year, "year", "", "collection year, e.g. 2025-26")
	fs.StringVar(&last, "last", "", "last year's return (folder or XML file)")
	fs.StringVar(&format, "format", "text", "text, csv or json")
	fs.BoolVar(&list, "list-rules", false, "list the year's rules, one a line")
	fs.StringVar(&providers, "providers", "", "Ofsted provider list (CSV)")
	fs.StringVar(&postcodes, "postcodes", "", "postcode list (CSV)")
	fs.StringVar(&la, "la", "", "the returning authority's ONS code")
	fs.StringVar(&laCodes, "la-codes", "", "DfE local authority code list (CSV)")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if year == "" {
		return fmt.Errorf("%w: --year is required (one of %s)\n\n%s", errUsage, strings.Join(ssda903.Years, ", "), validateUsage)
	}
	y, err := ssda903.ParseYear(year)
	if err != nil {
		return fmt.Errorf("%w: --year: %v", errUsage, err)
	}
	if list {
		return listRules(y.Label, stdout)
	}
	if len(paths) != 1 {
		return fmt.Errorf("%w: give one PATH\n\n%s", errUsage, validateUsage)
	}
	if format != "text" && format != "csv" && format != "json" {
		return fmt.Errorf("%w: --format must be text, csv or json", errUsage)
	}
	in, err := ssda903.ReadPath(paths[0])
	if err != nil {
		fmt.Fprintln(stderr, "cairn:", csc.ErrorMessage(err))
		return exitUnusable
	}
	var opt ssda903.Options
	if last != "" {
		if opt.Last, err = ssda903.ReadPath(last); err != nil {
			fmt.Fprintln(stderr, "cairn: --last:", csc.ErrorMessage(err))
			return exitUnusable
		}
	}
	if opt.Ref, err = readReference(providers, postcodes, laCodes); err != nil {
		fmt.Fprintln(stderr, "cairn:", err)
		return exitUnusable
	}
	opt.Ref.LA = strings.ToUpper(strings.TrimSpace(la))
	rep, err := ssda903.Validate(in, y, opt)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := writeReport(rep, format, stdout); err != nil {
		return err
	}
	return verdict(rep, in, stderr)
}

// verdict turns a report into the exit status, and says on standard error
// what the report holds that would otherwise be easy to miss.
func verdict(rep *returns.Report, in *ssda903.Input, stderr io.Writer) error {
	s := rep.Summary()
	if s.NotRun+s.NotImplemented > 0 {
		fmt.Fprintf(stderr, "cairn: %d of %d rules did not run (%d not implemented, %d not run): the report is not a full validation\n",
			s.NotRun+s.NotImplemented, s.Rules, s.NotImplemented, s.NotRun)
	}
	for _, t := range []string{ssda903.THeader, ssda903.TEpisodes} {
		if why, bad := in.Unusable[t]; bad {
			fmt.Fprintf(stderr, "cairn: the input cannot be validated: %s\n", why)
			return exitUnusable
		}
	}
	if rep.HasFailures() {
		return exitFailures
	}
	return nil
}

func writeReport(rep *returns.Report, format string, stdout io.Writer) error {
	w := bufio.NewWriterSize(stdout, 64<<10)
	var err error
	switch format {
	case "csv":
		err = rep.WriteCSV(w)
	case "json":
		err = rep.WriteJSON(w)
	default:
		err = rep.WriteText(w)
	}
	if err != nil {
		return err
	}
	return w.Flush()
}

func listRules(year string, stdout io.Writer) error {
	rules, err := ssda903.Rules(year)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	w := bufio.NewWriter(stdout)
	for _, r := range rules {
		state := "implemented"
		if r.Check == nil {
			state = "not implemented"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", r.Code, state, strings.Join(r.Tables, ";"), strings.Join(r.Fields, ";"), r.Message)
	}
	return w.Flush()
}

// parseInterleaved parses flags that may come before or after the
// positional arguments (cairn validate 903 PATH --year 2025-26).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// readReference reads the optional reference files of a 903 validation.
func readReference(providers, postcodes, laCodes string) (ssda903.Reference, error) {
	var ref ssda903.Reference
	read := func(path string, parse func(string, io.Reader) error) error {
		if path == "" {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return parse(filepath.Base(path), f)
	}
	err := read(providers, func(name string, r io.Reader) (err error) {
		ref.Providers, err = ssda903.ReadProviders(name, r)
		return err
	})
	if err == nil {
		err = read(postcodes, func(name string, r io.Reader) (err error) {
			ref.Postcodes, err = ssda903.ReadPostcodes(name, r)
			return err
		})
	}
	if err == nil {
		err = read(laCodes, func(name string, r io.Reader) (err error) {
			ref.LACodes, err = ssda903.ReadLACodes(name, r)
			return err
		})
	}
	return ref, err
}
