package cin

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"cairn/internal/csc"
	"cairn/internal/returns"
)

// The rule catalogues are copies of shared/specs/cin-census/rules-*.csv: the
// code, severity (ERROR or QUERY), table, DfE message and fields of every
// rule in each year. They decide which rules a year has; the checks decide
// how each is run.
//
//go:embed spec/rules-*.csv
var specFiles embed.FS

// Year is a collection year: 1 April to 31 March, the census reference date.
type Year struct {
	Label string // "2025-26"
	CY    csc.CollectionYear
	Start csc.Date // 1 April
	End   csc.Date // 31 March, the reference date
}

// ParseYear reads a collection year written as the DfE does, "2025-26".
func ParseYear(s string) (Year, error) {
	if !slices.Contains(Years(), s) {
		return Year{}, fmt.Errorf("cairn has no CIN census rules for %q; years with rules: %s", s, strings.Join(Years(), ", "))
	}
	var y int
	fmt.Sscanf(s, "%d", &y)
	cy := csc.CollectionYear(y)
	return Year{Label: s, CY: cy, Start: cy.Start(), End: cy.End()}, nil
}

// scope says what a check reads: one batch of children, or the facts kept
// about the whole file (duplicates, percentages, the Header).
type scope int

const (
	perChild scope = iota
	perFile
)

// def is a rule's implementation.
type def struct {
	scope scope
	check returns.Check[*Dataset]
}

// base holds the checks as the DfE defines them in 2025/26, the first year
// cairn validates; rule files add to it in init functions. A later year
// inherits its parent's checks and lists only what changed (see yearSpec).
var base = map[string]def{}

func childRule(code string, c func(d *Dataset, ch *Child, f *fails)) {
	register(code, def{perChild, func(d *Dataset) ([]returns.Failure, error) {
		var f fails
		for i := range d.Children {
			c(d, &d.Children[i], &f)
		}
		return f.out, nil
	}})
}

func fileRule(code string, c func(d *Dataset, f *fails)) {
	register(code, def{perFile, func(d *Dataset) ([]returns.Failure, error) {
		var f fails
		c(d, &f)
		return f.out, nil
	}})
}

func register(code string, d def) {
	if _, dup := base[code]; dup {
		panic("cin: rule " + code + " registered twice")
	}
	base[code] = d
}

// yearSpec is how a year's rules differ from its parent year's: rules added,
// rules whose check changed, rules dropped. The catalogue file of the year
// must list exactly the parent's codes plus add, minus drop.
type yearSpec struct {
	label    string
	inherits string // "" for the first year, whose checks are base
	add      map[string]def
	change   map[string]def
	drop     []string
}

// yearSpecs lists the years cairn validates. To add a year: copy its
// catalogue to spec/rules-YYYY-YY.csv and add a yearSpec inheriting from the
// year before with only the rules the DfE added, changed or dropped.
var yearSpecs = []yearSpec{
	{label: "2025-26"},
}

// yearDefs is built on first use: the rule files register their checks in
// init functions, which run after package variables are initialised.
var yearDefs = sync.OnceValue(func() map[string]map[string]def { return buildYears(yearSpecs) })

func buildYears(specs []yearSpec) map[string]map[string]def {
	out := map[string]map[string]def{}
	for _, y := range specs {
		m := map[string]def{}
		if y.inherits == "" {
			for k, v := range base {
				m[k] = v
			}
		} else {
			parent, ok := out[y.inherits]
			if !ok {
				panic("cin: year " + y.label + " inherits from unknown " + y.inherits)
			}
			for k, v := range parent {
				m[k] = v
			}
		}
		for _, code := range y.drop {
			if _, ok := m[code]; !ok {
				panic("cin: year " + y.label + " drops unknown rule " + code)
			}
			delete(m, code)
		}
		for code, d := range y.change {
			if _, ok := m[code]; !ok {
				panic("cin: year " + y.label + " changes unknown rule " + code)
			}
			m[code] = d
		}
		for code, d := range y.add {
			if _, ok := m[code]; ok {
				panic("cin: year " + y.label + " adds existing rule " + code)
			}
			m[code] = d
		}
		out[y.label] = m
	}
	return out
}

// Years lists the collection years cairn has CIN census rules for.
func Years() []string {
	var ys []string
	for _, y := range yearSpecs {
		ys = append(ys, y.label)
	}
	return ys
}

// Catalogue returns the specifications of the year's rules. Each year's
// catalogue is read once; callers share its specifications and must not
// change them.
func Catalogue(year string) ([]returns.Spec, error) {
	if c, ok := catalogues.Load(year); ok {
		return slices.Clip(c.([]returns.Spec)), nil
	}
	data, err := specFiles.ReadFile("spec/rules-" + year + ".csv")
	if err != nil {
		return nil, fmt.Errorf("no CIN census rules for %s; years with rules: %s", year, strings.Join(Years(), ", "))
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("CIN census rules for %s: %v", year, err)
	}
	specs, err := returns.ParseCatalogue(recs)
	if err != nil {
		return nil, err
	}
	catalogues.Store(year, specs)
	return slices.Clip(specs), nil
}

// catalogues holds each year's parsed catalogue: the data-quality pages
// check a child's census on every view of their page.
var catalogues sync.Map

// Rule is a catalogue rule with its check and what the check reads.
type Rule struct {
	returns.Rule[*Dataset]
	scope scope
}

// Rules returns every rule of the year with its check, sorted by code. A
// rule cairn does not implement has a nil check and is reported so.
func Rules(year string) ([]Rule, error) {
	specs, err := Catalogue(year)
	if err != nil {
		return nil, err
	}
	defs := yearDefs()[year]
	rules := make([]Rule, len(specs))
	for i, s := range specs {
		d := defs[s.Code]
		rules[i] = Rule{returns.Rule[*Dataset]{Spec: s, Check: d.check}, d.scope}
	}
	sort.SliceStable(rules, func(i, j int) bool { return codeLess(rules[i].Code, rules[j].Code) })
	return rules, nil
}

// codeLess orders codes by number, then suffix: 100, 1103, 2886Q, 8500.
func codeLess(a, b string) bool {
	na, ra := leadingNumber(a)
	nb, rb := leadingNumber(b)
	if na != nb {
		return na < nb
	}
	return ra < rb
}

func leadingNumber(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, s[i:]
}

// fails collects a rule's failures.
type fails struct{ out []returns.Failure }

func (f *fails) add(c *Child, table string, line int, fields ...string) {
	f.out = append(f.out, returns.Failure{Child: c.LAchildID, Table: table, Row: line, Fields: fields})
}

// whole records a failure of the return as a whole (a rule about
// percentages or codes across all children).
func (f *fails) whole(table string, fields ...string) {
	f.out = append(f.out, returns.Failure{Table: table, Fields: fields})
}

func failure(child, table string, line int, fields ...string) returns.Failure {
	return returns.Failure{Child: child, Table: table, Row: line, Fields: fields}
}
