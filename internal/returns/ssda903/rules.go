package ssda903

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"sort"

	"cairn/internal/returns"
)

// The rule catalogues are copies of shared/specs/ssda903/rules-*.csv: the
// codes, DfE messages, tables and fields of every rule in each year. They
// decide which rules a year has; the checks below decide how each is run.
//
//go:embed spec/rules-*.csv
var specFiles embed.FS

// Years lists the collection years cairn has a rule catalogue for.
var Years = []string{"2025-26", "2026-27"}

// checks maps a rule code to its implementation, for every year whose
// catalogue lists the code. A year whose rule differs registers its own
// check in yearChecks. Rule files add to these maps in init functions, one
// file per band of rule numbers.
var (
	checks     = map[string]returns.Check[*Dataset]{}
	yearChecks = map[string]map[string]returns.Check[*Dataset]{}
)

func register(code string, c returns.Check[*Dataset]) {
	if _, dup := checks[code]; dup {
		panic("ssda903: rule " + code + " registered twice")
	}
	checks[code] = c
}

// Catalogue returns the specifications of the year's rules, in the order of
// the catalogue file.
func Catalogue(year string) ([]returns.Spec, error) {
	data, err := specFiles.ReadFile("spec/rules-" + year + ".csv")
	if err != nil {
		return nil, fmt.Errorf("no SSDA903 rules for %s; years with rules: %v", year, Years)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("SSDA903 rules for %s: %v", year, err)
	}
	return returns.ParseCatalogue(recs)
}

// Rules returns every rule of the year with its check, sorted by code. A rule
// cairn does not implement yet has a nil check and will be reported so.
func Rules(year string) ([]returns.Rule[*Dataset], error) {
	specs, err := Catalogue(year)
	if err != nil {
		return nil, err
	}
	rules := make([]returns.Rule[*Dataset], len(specs))
	for i, s := range specs {
		c := checks[s.Code]
		if yc, ok := yearChecks[year][s.Code]; ok {
			c = yc
		}
		rules[i] = returns.Rule[*Dataset]{Spec: s, Check: c}
	}
	sort.SliceStable(rules, func(i, j int) bool { return codeLess(rules[i].Code, rules[j].Code) })
	return rules, nil
}

// codeLess orders codes as people read them: numbers by value (101 before
// 1000), then the lettered families (EPI, INT, NoE, SW) alphabetically.
func codeLess(a, b string) bool {
	na, ra := leadingNumber(a)
	nb, rb := leadingNumber(b)
	switch {
	case na >= 0 && nb >= 0 && na != nb:
		return na < nb
	case na >= 0 && nb < 0:
		return true
	case na < 0 && nb >= 0:
		return false
	case na >= 0:
		return ra < rb
	}
	return a < b
}

func leadingNumber(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 {
		return -1, s
	}
	return n, s[i:]
}

// Options are the optional inputs of a validation.
type Options struct {
	Last *Input    // last year's return, for the rules that compare years
	Ref  Reference // reference data
}

// Validate runs every rule of the year over the input and returns the report.
func Validate(in *Input, year Year, opt Options) (*returns.Report, error) {
	rules, err := Rules(year.Label)
	if err != nil {
		return nil, err
	}
	unusable := map[string]string{}
	for t, why := range in.Unusable {
		unusable[t] = why
	}
	var last *Tables
	if opt.Last != nil {
		last = &opt.Last.Tables
		for t, why := range opt.Last.Unusable {
			unusable[t+"_last"] = "last year's " + why
		}
	}
	// Social worker episodes (from 2023/24) and DoLOs (from 2026/27) have no
	// place in the 2021 XML schema: when they are not given, their rules
	// cannot run, which is not the same as passing.
	for _, t := range []string{TSWEpisodes, TDoLo} {
		if !in.Supplied[t] {
			if _, bad := unusable[t]; !bad {
				unusable[t] = "no " + t + " table was given"
			}
		}
	}
	if opt.Ref.Providers == nil {
		unusable["Provider Info"] = "no Ofsted provider list was given (--providers)"
	}
	d := NewDataset(in.Tables, last, year, opt.Ref)
	rep := &returns.Report{Return: "SSDA903", Year: year.Label, Problems: in.Problems}
	if opt.Last != nil {
		for _, p := range opt.Last.Problems {
			p.File = "last year: " + p.File
			rep.Problems = append(rep.Problems, p)
		}
	}
	rep.Outcomes = returns.Run(rules, d, unusable)
	return rep, nil
}
