package ssda903

import (
	"fmt"
	"regexp"
	"sort"
	"sync"

	"cairn/internal/csc"
)

// Year is a collection year: 1 April to 31 March.
type Year struct {
	Label string   // "2025-26"
	Start csc.Date // 1 April
	End   csc.Date // 31 March
}

var yearPattern = regexp.MustCompile(`^(20\d\d)[-/](\d\d)$`)

// ParseYear reads a collection year written 2025-26 or 2025/26.
func ParseYear(s string) (Year, error) {
	m := yearPattern.FindStringSubmatch(s)
	if m == nil {
		return Year{}, fmt.Errorf("year %q is not in the form 2025-26", s)
	}
	var y int
	fmt.Sscan(m[1], &y)
	if (y+1)%100 != int(m[2][0]-'0')*10+int(m[2][1]-'0') {
		return Year{}, fmt.Errorf("year %q: %s does not follow %d", s, m[2], y)
	}
	return Year{Label: fmt.Sprintf("%d-%02d", y, (y+1)%100), Start: csc.NewDate(y, 4, 1), End: csc.NewDate(y+1, 3, 31)}, nil
}

// Dataset is what rules read: this year's tables, last year's if given, the
// collection year and any reference data, with per-child indexes built once.
type Dataset struct {
	Tables
	Last *Tables // nil when last year's return was not given
	Year Year
	Ref  Reference

	header   map[string]*Header
	episodes map[string][]*Episode // by child, in DECOM order
	epLists  [][]*Episode          // the same lists, for iterating without a map
	lastEps  map[string][]*Episode
	lastHead map[string]*Header

	uascOnce sync.Once
	uasc     map[string]bool // children with a UASC row this year or last
}

// Reference is optional reference data some rules need.
type Reference struct {
	// Providers maps an Ofsted URN to what Ofsted registers it for; nil when
	// no provider list was given.
	Providers map[string]Provider
	// Postcodes maps a postcode (capitals, no spaces) to where it is; nil
	// when no postcode list was given.
	Postcodes map[string]Postcode
	// LA is the ONS code of the authority making the return, for the rules
	// on placements in and out of its area; "" when not given.
	LA string
	// LACodes holds DfE's three-digit local authority codes (the codes the
	// return records where a previous permanence order was arranged); nil
	// when no list was given.
	LACodes map[string]bool
}

// Provider is one Ofsted-registered children's home or social care provider.
type Provider struct {
	URN        string
	PlaceCodes []string
	Providers  []string
	RegEnd     csc.Date
	Postcode   string
}

// NewDataset indexes the tables for the rules.
func NewDataset(t Tables, last *Tables, y Year, ref Reference) *Dataset {
	d := &Dataset{Tables: t, Last: last, Year: y, Ref: ref}
	d.header = indexHeader(t.Header)
	d.episodes = indexEpisodes(t.Episodes)
	d.epLists = make([][]*Episode, 0, len(d.episodes))
	for _, l := range d.episodes {
		d.epLists = append(d.epLists, l)
	}
	if last != nil {
		d.lastHead = indexHeader(last.Header)
		d.lastEps = indexEpisodes(last.Episodes)
	}
	return d
}

func indexHeader(hs []Header) map[string]*Header {
	m := make(map[string]*Header, len(hs))
	for i := range hs {
		if _, ok := m[hs[i].Child]; !ok {
			m[hs[i].Child] = &hs[i]
		}
	}
	return m
}

func indexEpisodes(es []Episode) map[string][]*Episode {
	m := make(map[string][]*Episode, len(es)/2+1)
	for i := range es {
		m[es[i].Child] = append(m[es[i].Child], &es[i])
	}
	for _, l := range m {
		sort.SliceStable(l, func(i, j int) bool { return before(l[i].DECOM.Date, l[j].DECOM.Date) })
	}
	return m
}

// HeaderOf returns the child's Header row, or nil.
func (d *Dataset) HeaderOf(child string) *Header { return d.header[child] }

// EpisodesOf returns the child's episodes in order of start date (episodes
// with no valid start date first).
func (d *Dataset) EpisodesOf(child string) []*Episode { return d.episodes[child] }

// LastEpisodesOf returns the child's episodes in last year's return.
func (d *Dataset) LastEpisodesOf(child string) []*Episode { return d.lastEps[child] }

// LastHeaderOf returns the child's Header row in last year's return, or nil.
func (d *Dataset) LastHeaderOf(child string) *Header { return d.lastHead[child] }

// Children returns the children with episodes, in the order first seen.
func (d *Dataset) Children() []string {
	seen := make(map[string]bool, len(d.episodes))
	out := make([]string, 0, len(d.episodes))
	for _, e := range d.Episodes {
		if !seen[e.Child] {
			seen[e.Child] = true
			out = append(out, e.Child)
		}
	}
	return out
}

// before is a.Before(b) without building a time.Time: sorting a large
// return compares dates millions of times.
func before(a, b csc.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}
