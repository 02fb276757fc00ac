package cin

import (
	"io"
	"sync"

	"cairn/internal/returns"
)

// Dataset is what a check reads: the year, the file's Header, and either a
// batch of children (for per-child rules) or the facts about the whole file
// (for per-file rules).
type Dataset struct {
	Year     Year
	Header   *Header
	Children []Child
	File     *Facts
}

// Facts are what is kept about every child of a file while it is read, for
// the rules about the file as a whole.
type Facts struct {
	year     Year
	Children int
	// noSex counts children with no sex recorded (missing or U), unborn
	// children excepted, for 2886Q.
	noSex int
	// disabilityCodes is the set of disability codes used, NONE excepted,
	// for 2887Q; disabled counts children with a disability and multi those
	// with more than one, for 2888Q.
	disabilityCodes map[string]bool
	disabled, multi int
	// planStarts counts child protection plans starting in the year and
	// conferences the initial conferences held in it, for 2883.
	planStarts, conferences int
	ids                     map[string]int // LAchildID to the line of its first child
	idDups                  []dup
	upns                    map[string]dup // UPN to its first child
	upnDups                 []dup
}

type dup struct {
	child string
	line  int
}

func newFacts(year Year) *Facts {
	return &Facts{year: year, disabilityCodes: map[string]bool{}, ids: map[string]int{}, upns: map[string]dup{}}
}

// add records one child.
func (f *Facts) add(c *Child) {
	f.Children++
	if (c.Sex == "" || c.Sex == "U") && c.ExpectedPersonBirthDate.IsZero() {
		f.noSex++
	}
	n := 0
	for _, d := range c.Disabilities {
		if d.Value != "NONE" && d.Value != "" {
			f.disabilityCodes[d.Value] = true
			n++
		}
	}
	if n > 0 {
		f.disabled++
	}
	if n > 1 {
		f.multi++
	}
	for i := range c.CIN {
		e := &c.CIN[i]
		if inYear(e.DateOfInitialCPC, f.year) {
			f.conferences++
		}
		for _, s := range e.S47 {
			if inYear(s.DateOfInitialCPC, f.year) {
				f.conferences++
			}
		}
		for _, p := range e.CPP {
			if inYear(p.StartDate, f.year) {
				f.planStarts++
			}
		}
	}
	if c.LAchildID != "" {
		if first, ok := f.ids[c.LAchildID]; ok {
			if first >= 0 {
				f.idDups = append(f.idDups, dup{c.LAchildID, first})
				f.ids[c.LAchildID] = -1
			}
			f.idDups = append(f.idDups, dup{c.LAchildID, c.IDLine})
		} else {
			f.ids[c.LAchildID] = c.IDLine
		}
	}
	if c.UPN != "" {
		if first, ok := f.upns[c.UPN]; ok {
			if first.line >= 0 {
				f.upnDups = append(f.upnDups, first)
				f.upns[c.UPN] = dup{line: -1}
			}
			f.upnDups = append(f.upnDups, dup{c.LAchildID, c.IDLine})
		} else {
			f.upns[c.UPN] = dup{c.LAchildID, c.IDLine}
		}
	}
}

// BatchSize is how many children are validated together: large enough that
// running every rule over a batch costs little beside the rules' work, small
// enough that a batch of the largest children is a few megabytes.
const BatchSize = 2048

// Checker runs a year's rules over a census given to it a batch of children
// at a time: the per-child rules over each batch as it comes, the rules
// about the return as a whole once every child is in. Validate feeds it
// from a file; the data-quality pages feed it children produced from the
// record, with no file between.
type Checker struct {
	year                  Year
	rules                 []Rule
	childRules, fileRules []returns.Rule[*Dataset]
	facts                 *Facts
	out                   []returns.Outcome
}

// NewChecker returns a Checker for the rules of year.Label.
func NewChecker(year Year) (*Checker, error) {
	set, err := ruleSetOf(year.Label)
	if err != nil {
		return nil, err
	}
	return &Checker{year: year, rules: set.rules, childRules: set.childRules, fileRules: set.fileRules, facts: newFacts(year)}, nil
}

// ruleSet is a year's rules split by what they read. It is built once per
// year and shared, read-only, by every Checker of the year: a child's page
// checks the child's census on every view.
type ruleSet struct {
	rules                 []Rule
	childRules, fileRules []returns.Rule[*Dataset]
}

var ruleSets sync.Map // year label to *ruleSet

func ruleSetOf(label string) (*ruleSet, error) {
	if s, ok := ruleSets.Load(label); ok {
		return s.(*ruleSet), nil
	}
	rules, err := Rules(label)
	if err != nil {
		return nil, err
	}
	set := &ruleSet{rules: rules}
	for _, rl := range rules {
		if rl.Check != nil && rl.scope == perChild {
			set.childRules = append(set.childRules, rl.Rule)
		} else {
			set.fileRules = append(set.fileRules, rl.Rule)
		}
	}
	ruleSets.Store(label, set)
	return set, nil
}

// Check runs the per-child rules over a batch of children and keeps what
// the rules about the whole return need. The outcomes keep only strings
// and ints, never the batch's memory, so the batch may be reused.
func (k *Checker) Check(h *Header, children []Child) {
	for i := range children {
		k.facts.add(&children[i])
	}
	out := returns.Run(k.childRules, &Dataset{Year: k.year, Header: h, Children: children}, nil)
	if k.out == nil {
		k.out = out
	} else {
		returns.Combine(k.out, out)
	}
}

// ChildFailures returns the failures the per-child rules found in the
// children checked so far, with their rules, leaving out the rules about
// the return as a whole: what one child's page shows.
func (k *Checker) ChildFailures() []returns.Outcome {
	var out []returns.Outcome
	for _, o := range k.out {
		if o.Status != returns.Passed {
			out = append(out, o)
		}
	}
	return out
}

// Report runs the rules about the whole return and returns the report of
// every rule of the year, in code order, with the input problems given.
func (k *Checker) Report(h *Header, problems []returns.Problem) *returns.Report {
	childOut := k.out
	if childOut == nil {
		// No children: the per-child rules ran over none and passed.
		childOut = returns.Run(k.childRules, &Dataset{Year: k.year, Header: h}, nil)
	}
	fileOut := returns.Run(k.fileRules, &Dataset{Year: k.year, Header: h, File: k.facts}, nil)
	byCode := map[string]returns.Outcome{}
	for _, o := range append(childOut, fileOut...) {
		byCode[o.Code] = o
	}
	rep := &returns.Report{Return: "CIN census", Year: k.year.Label, Problems: problems, Severities: true, ChildColumn: "LAchildID"}
	rep.Outcomes = make([]returns.Outcome, len(k.rules))
	for i, rl := range k.rules {
		rep.Outcomes[i] = byCode[rl.Code]
	}
	returns.SortFailures(rep.Outcomes)
	return rep
}

// Validate reads the census in r and runs every rule of the year over it.
// The error is for a file that cannot be used (it wraps ErrUnusable): the
// report is then nil. Malformed children are reported as input problems and
// the rest are validated.
func Validate(name string, r io.Reader, year Year, limit int64) (*returns.Report, error) {
	k, err := NewChecker(year)
	if err != nil {
		return nil, err
	}
	rd := NewReader(name, r, limit)
	// The reader fills batches on its own goroutine while the rules run over
	// the batch before; batches are reused once validated.
	type batch struct{ children []Child }
	full := make(chan *batch, 2)
	free := make(chan *batch, 3)
	for range 3 {
		free <- &batch{children: make([]Child, 0, BatchSize)}
	}
	var readErr error
	go func() {
		defer close(full)
		for {
			b := <-free
			b.children = b.children[:0]
			for len(b.children) < BatchSize {
				b.children = append(b.children, Child{})
				ok, err := rd.Next(&b.children[len(b.children)-1])
				if err != nil || !ok {
					b.children = b.children[:len(b.children)-1]
					readErr = err
					if len(b.children) > 0 {
						full <- b
					}
					return
				}
			}
			full <- b
		}
	}()
	for b := range full {
		k.Check(&rd.Header, b.children)
		free <- b
	}
	if readErr != nil {
		return nil, readErr
	}
	return k.Report(&rd.Header, rd.Problems()), nil
}
