package cin

import (
	"io"
	"runtime"

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

// Validate reads the census in r and runs every rule of the year over it.
// The error is for a file that cannot be used (it wraps ErrUnusable): the
// report is then nil. Malformed children are reported as input problems and
// the rest are validated.
func Validate(name string, r io.Reader, year Year, limit int64) (*returns.Report, error) {
	rules, err := Rules(year.Label)
	if err != nil {
		return nil, err
	}
	var childRules, fileRules []returns.Rule[*Dataset]
	for _, rl := range rules {
		if rl.Check != nil && rl.scope == perChild {
			childRules = append(childRules, rl.Rule)
		} else {
			fileRules = append(fileRules, rl.Rule)
		}
	}

	rd := NewReader(name, r, limit)
	facts := newFacts(year)
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
	var childOut []returns.Outcome
	for b := range full {
		for i := range b.children {
			facts.add(&b.children[i])
		}
		d := &Dataset{Year: year, Header: &rd.Header, Children: b.children}
		out := returns.Run(childRules, d, nil)
		// Failures keep only strings and ints, never the batch's memory, so
		// the batch can be refilled.
		if childOut == nil {
			childOut = out
		} else {
			returns.Combine(childOut, out)
		}
		free <- b
	}
	if readErr != nil {
		return nil, readErr
	}
	if childOut == nil {
		// No children: the per-child rules ran over none and passed.
		childOut = returns.Run(childRules, &Dataset{Year: year, Header: &rd.Header}, nil)
	}
	fileOut := returns.Run(fileRules, &Dataset{Year: year, Header: &rd.Header, File: facts}, nil)
	byCode := map[string]returns.Outcome{}
	for _, o := range append(childOut, fileOut...) {
		byCode[o.Code] = o
	}
	rep := &returns.Report{Return: "CIN census", Year: year.Label, Problems: rd.Problems(), Severities: true, ChildColumn: "LAchildID"}
	rep.Outcomes = make([]returns.Outcome, len(rules))
	for i, rl := range rules {
		rep.Outcomes[i] = byCode[rl.Code]
	}
	returns.SortFailures(rep.Outcomes)
	runtime.KeepAlive(facts)
	return rep, nil
}
