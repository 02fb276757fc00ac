package csc

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// CollectionYear names a statutory collection year by the year it starts:
// 2025 is 1 April 2025 to 31 March 2026, which the DfE writes "2025-26" (the
// CIN census and SSDA903 "2025 to 2026" collections).
type CollectionYear int

// CollectionYearOf returns the collection year containing d: dates from
// 1 April belong to the year starting that April, dates to 31 March to the
// year before. The zero Date gives 0.
func CollectionYearOf(d Date) CollectionYear {
	if d.IsZero() {
		return 0
	}
	if d.Month >= time.April {
		return CollectionYear(d.Year)
	}
	return CollectionYear(d.Year - 1)
}

// Start returns 1 April, the first day of the collection year.
func (y CollectionYear) Start() Date { return NewDate(int(y), time.April, 1) }

// End returns 31 March, the last day of the collection year and the census
// reference date.
func (y CollectionYear) End() Date { return NewDate(int(y)+1, time.March, 31) }

// Contains reports whether d falls within the collection year.
func (y CollectionYear) Contains(d Date) bool {
	return !d.IsZero() && CollectionYearOf(d) == y
}

// String writes the year the DfE's way, such as "2025-26".
func (y CollectionYear) String() string {
	next := (int(y) + 1) % 100
	if next < 0 {
		next += 100
	}
	return fmt.Sprintf("%d-%02d", int(y), next)
}

// ListID names one of the DfE code lists cairn knows.
type ListID string

// The code lists. Each is a CIN census item; the comments name the XML
// element.
const (
	ListEthnicity        ListID = "ethnicity"         // Ethnicity
	ListReferralSource   ListID = "referral-source"   // ReferralSource
	ListSex              ListID = "sex"               // Sex from 2024-25; GenderCurrent before
	ListDisability       ListID = "disability"        // Disability
	ListPrimaryNeed      ListID = "primary-need"      // PrimaryNeedCode
	ListClosureReason    ListID = "closure-reason"    // ReasonForClosure
	ListAbuseCategory    ListID = "abuse-category"    // InitialCategoryOfAbuse, LatestCategoryOfAbuse
	ListAssessmentFactor ListID = "assessment-factor" // AssessmentFactors
	ListUPNUnknown       ListID = "upn-unknown"       // UPNunknown
)

// Code is one value of a DfE code list with its DfE description.
type Code struct {
	List  ListID
	Value string // as returned to the DfE, such as "WBRI" or "1A"
	Label string // the DfE's wording, such as "White British"
}

// The code lists are known from clFirstYear to clLastYear. A year outside
// that range uses the nearest known year's list: earlier years get the
// 2022-23 lists and later years the 2027-28 lists, which are the 2025-26
// lists until the DfE publishes changes and code_lists.go records them.
const (
	clFirstYear CollectionYear = 2022
	clLastYear  CollectionYear = 2027
)

// clTable is one list in one year, with its lookup index built once.
type clTable struct {
	codes []Code
	index map[string]int
}

// clList is one list across the known years. Years with no change share the
// previous year's table.
type clList struct {
	id      ListID
	article string // "a" or "an", for messages
	noun    string // "referral source code", for messages
	years   [clLastYear - clFirstYear + 1]*clTable
}

func (l *clList) table(y CollectionYear) *clTable {
	y = min(max(y, clFirstYear), clLastYear)
	return l.years[y-clFirstYear]
}

var clRegistry, clOrder = clBuild(clSpecs)

// clBuild turns the change history in code_lists.go into one table per list
// per year. It panics on a malformed history, so a bad edit to the data
// fails every test at once.
func clBuild(specs []clSpec) (map[ListID]*clList, []ListID) {
	reg := make(map[ListID]*clList, len(specs))
	order := make([]ListID, 0, len(specs))
	for _, spec := range specs {
		if _, dup := reg[spec.id]; dup {
			panic("csc: code list " + string(spec.id) + " defined twice")
		}
		l := &clList{id: spec.id, article: spec.article, noun: spec.noun}
		var cur []clPair
		next := 0
		for y := clFirstYear; y <= clLastYear; y++ {
			changed := false
			for next < len(spec.changes) && spec.changes[next].year == y {
				cur = spec.changes[next].apply(spec.id, cur)
				next++
				changed = true
			}
			if !changed && y > clFirstYear {
				l.years[y-clFirstYear] = l.years[y-clFirstYear-1]
				continue
			}
			if len(cur) == 0 {
				panic("csc: code list " + string(spec.id) + " is empty in " + y.String())
			}
			l.years[y-clFirstYear] = clNewTable(spec.id, y, cur)
		}
		if next != len(spec.changes) {
			panic("csc: code list " + string(spec.id) + " has changes out of order or outside the known years")
		}
		reg[spec.id] = l
		order = append(order, spec.id)
	}
	return reg, order
}

func clNewTable(id ListID, y CollectionYear, pairs []clPair) *clTable {
	t := &clTable{codes: make([]Code, len(pairs)), index: make(map[string]int, len(pairs))}
	for i, p := range pairs {
		if _, dup := t.index[p.v]; dup {
			panic("csc: code list " + string(id) + " has " + p.v + " twice in " + y.String())
		}
		t.codes[i] = Code{List: id, Value: p.v, Label: p.l}
		t.index[p.v] = i
	}
	return t
}

// apply returns the list after the change; it never modifies cur.
func (c clChange) apply(id ListID, cur []clPair) []clPair {
	fail := func(what string) { panic("csc: code list " + string(id) + " in " + c.year.String() + ": " + what) }
	if c.set != nil {
		cur = c.set
	}
	out := slices.Clone(cur)
	for _, v := range c.remove {
		i := slices.IndexFunc(out, func(p clPair) bool { return p.v == v })
		if i < 0 {
			fail("cannot remove missing " + v)
		}
		out = slices.Delete(out, i, i+1)
	}
	for _, a := range c.add {
		at := len(out)
		if a.after != "" {
			i := slices.IndexFunc(out, func(p clPair) bool { return p.v == a.after })
			if i < 0 {
				fail("cannot add after missing " + a.after)
			}
			at = i + 1
		}
		out = slices.Insert(out, at, clPair{a.v, a.l})
	}
	for _, r := range c.relabel {
		i := slices.IndexFunc(out, func(p clPair) bool { return p.v == r.v })
		if i < 0 {
			fail("cannot relabel missing " + r.v)
		}
		out[i].l = r.l
	}
	return out
}

// CodeLists returns the IDs of every code list cairn knows, in a fixed order.
func CodeLists() []ListID { return slices.Clone(clOrder) }

// Codes returns the codes of a list in a collection year, in the DfE's order,
// or nil for an unknown list. A year outside the known range uses the nearest
// known year. The slice is a copy that the caller may keep or change.
func Codes(list ListID, year CollectionYear) []Code {
	l := clRegistry[list]
	if l == nil {
		return nil
	}
	return slices.Clone(l.table(year).codes)
}

// LookupCode returns the code with the given value in a list in a collection
// year, and false if there is none. Values are matched exactly, as the DfE
// does: "wbri" is not "WBRI". It does not allocate.
func LookupCode(list ListID, year CollectionYear, value string) (Code, bool) {
	l := clRegistry[list]
	if l == nil {
		return Code{}, false
	}
	t := l.table(year)
	i, ok := t.index[value]
	if !ok {
		return Code{}, false
	}
	return t.codes[i], true
}

// CheckCode returns nil if value is a code of the list in the collection
// year, and otherwise an error a user can act on, such as
// `"ZZ" is not a referral source code in 2025-26`. The message adds a hint
// when the value is a code in another year or in other letter case. It does
// not allocate when the value is valid.
func CheckCode(list ListID, year CollectionYear, value string) error {
	l := clRegistry[list]
	if l == nil {
		return fmt.Errorf("%q is not a code list cairn knows", clCut(string(list)))
	}
	if _, ok := l.table(year).index[value]; ok {
		return nil
	}
	if strings.TrimSpace(value) == "" {
		return fmt.Errorf("no %s was given", l.noun)
	}
	msg := fmt.Sprintf("%q is not %s %s in %s", clCut(value), l.article, l.noun, year)
	if fixed := strings.ToUpper(strings.TrimSpace(value)); fixed != value {
		if _, ok := l.table(year).index[fixed]; ok {
			return fmt.Errorf("%s: did you mean %q?", msg, fixed)
		}
	}
	if from, ok := l.firstYearWith(value, year+1); ok {
		return fmt.Errorf("%s (it is used from %s)", msg, from)
	}
	if last, ok := l.lastYearWith(value, year-1); ok {
		return fmt.Errorf("%s (it was last used in %s)", msg, last)
	}
	return errors.New(msg)
}

// firstYearWith returns the first known year from y on whose list has value.
func (l *clList) firstYearWith(value string, y CollectionYear) (CollectionYear, bool) {
	for y = max(y, clFirstYear); y <= clLastYear; y++ {
		if _, ok := l.table(y).index[value]; ok {
			return y, true
		}
	}
	return 0, false
}

// lastYearWith returns the last known year up to y whose list has value.
func (l *clList) lastYearWith(value string, y CollectionYear) (CollectionYear, bool) {
	for y = min(y, clLastYear); y >= clFirstYear; y-- {
		if _, ok := l.table(y).index[value]; ok {
			return y, true
		}
	}
	return 0, false
}

// clCut shortens text quoted back in a message.
func clCut(s string) string {
	const limit = 20
	if len(s) <= limit {
		return s
	}
	return strings.ToValidUTF8(s[:limit], "") + "…"
}

// codeLabel is the label of value in a list and year, or "".
func codeLabel(list ListID, year CollectionYear, value string) string {
	c, _ := LookupCode(list, year, value)
	return c.Label
}

// EthnicityCode is a DfE ethnicity code such as "WBRI" (list ListEthnicity).
type EthnicityCode string

// Label returns the DfE description of the code in the collection year, or
// "" if it is not a code that year.
func (c EthnicityCode) Label(year CollectionYear) string {
	return codeLabel(ListEthnicity, year, string(c))
}

// Check returns nil if c is an ethnicity code in the collection year, and
// otherwise an error as CheckCode describes.
func (c EthnicityCode) Check(year CollectionYear) error {
	return CheckCode(ListEthnicity, year, string(c))
}

// ReferralSourceCode is a CIN census referral source such as "6" for police
// (list ListReferralSource).
type ReferralSourceCode string

// Label returns the DfE description of the code in the collection year, or
// "" if it is not a code that year.
func (c ReferralSourceCode) Label(year CollectionYear) string {
	return codeLabel(ListReferralSource, year, string(c))
}

// Check returns nil if c is a referral source code in the collection year,
// and otherwise an error as CheckCode describes.
func (c ReferralSourceCode) Check(year CollectionYear) error {
	return CheckCode(ListReferralSource, year, string(c))
}

// SexCode is a person's sex as the DfE codes it (list ListSex): "M", "F" or
// "U" from 2024-25, and the GenderCurrent codes "1", "2", "0" or "9" before.
type SexCode string

// Label returns the DfE description of the code in the collection year, or
// "" if it is not a code that year.
func (c SexCode) Label(year CollectionYear) string {
	return codeLabel(ListSex, year, string(c))
}

// Check returns nil if c is a sex code in the collection year, and otherwise
// an error as CheckCode describes.
func (c SexCode) Check(year CollectionYear) error {
	return CheckCode(ListSex, year, string(c))
}

// DisabilityCode is a DfE disability code such as "AUT" (list
// ListDisability). A child may have several.
type DisabilityCode string

// Label returns the DfE description of the code in the collection year, or
// "" if it is not a code that year.
func (c DisabilityCode) Label(year CollectionYear) string {
	return codeLabel(ListDisability, year, string(c))
}

// Check returns nil if c is a disability code in the collection year, and
// otherwise an error as CheckCode describes.
func (c DisabilityCode) Check(year CollectionYear) error {
	return CheckCode(ListDisability, year, string(c))
}
