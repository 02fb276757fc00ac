package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"cairn/internal/csc"
	"cairn/internal/returns"
	"cairn/internal/returns/cin"
)

// CensusIssue is one failure of a children in need census rule about a
// child, as the census would be if it were taken today, with the record
// where the data is corrected.
type CensusIssue struct {
	Rule     string
	Severity returns.Severity // ERROR or QUERY
	Message  string
	Table    string   // the census table the failure is in
	Fields   []string // the census items at fault
	// Source is the record to correct; its Kind is empty for a failure of
	// the return as a whole.
	Source cin.Source
}

// IsQuery reports whether the issue is a query (to be corrected or
// explained) rather than an error.
func (i CensusIssue) IsQuery() bool { return i.Severity == returns.Query }

// censusCheck is the census of the year to date produced from the record
// and checked with every rule of the year.
type censusCheck struct {
	year       cin.Year
	children   int                     // children in the census so far
	restricted map[int64]bool          // children whose records are restricted
	byChild    map[int64][]CensusIssue // each child's failures, in rule order
	whole      []CensusIssue           // failures of the return as a whole
	unchecked  []string                // rules that did not run, with why
}

// censusRange is how many person ids are produced and checked per set of
// queries: a 50,000-child authority (about 100,000 people with the adults)
// in one set, which costs less than five sets of 20,000 as the census
// command reads them, at some megabytes of memory held while it is read.
const censusRange = 100_000

// checkCensus produces, from the record in tx, the census children of the
// collection year to date with ids in [fromID, toID] and runs the year's
// rules over them.
func (a *App) checkCensus(tx csc.Tx, fromID, toID int64) (*censusCheck, error) {
	today := a.Today()
	y, ok := cin.YearToDate(today)
	if !ok {
		return nil, csc.Errorf(csc.NotFound, "cairn has no children in need census rules for %s.", csc.CollectionYearOf(today))
	}
	k, err := cin.NewChecker(y)
	if err != nil {
		return nil, err
	}
	h := cin.LiveHeader(y)
	var src cin.Sources
	c := &censusCheck{year: y, byChild: map[int64][]CensusIssue{}, restricted: map[int64]bool{}}
	for from := fromID; from <= toID; from += censusRange {
		kids, err := cin.CheckRange(tx, y, &h, k, &src, from, min(toID, from+censusRange-1))
		if err != nil {
			return nil, err
		}
		c.children += len(kids)
		for i := range kids {
			if kids[i].Restricted {
				c.restricted[kids[i].ID] = true
			}
		}
	}
	// One child's page needs only the per-child rules; the page of the
	// whole authority, the rules about the return as a whole too.
	var outcomes []returns.Outcome
	if fromID == toID {
		outcomes = k.ChildFailures()
	} else {
		outcomes = k.Report(&h, nil).Outcomes
	}
	for _, o := range outcomes {
		switch o.Status {
		case returns.Failed:
		case returns.Passed:
			continue
		default:
			why := string(o.Status)
			if o.Reason != "" {
				why += ": " + o.Reason
			}
			c.unchecked = append(c.unchecked, o.Code+" ("+why+")")
			continue
		}
		for _, f := range o.Failures {
			is := CensusIssue{Rule: o.Code, Severity: o.SeverityName(), Message: o.Message, Table: f.Table, Fields: f.Fields}
			s, ok := src.Of(f)
			child, err := strconv.ParseInt(f.Child, 10, 64)
			if !ok || err != nil {
				c.whole = append(c.whole, is)
				continue
			}
			is.Source = s
			c.byChild[child] = append(c.byChild[child], is)
		}
	}
	return c, nil
}

// censusCache keeps the last census of the year to date checked for the
// data-quality page, so that changing the page's filters or page does not
// produce and check the whole census again. An entry is used only while
// nothing has been written through this service layer since it was made
// (App.changes, read before the entry's read transaction began and
// advanced after each write commits, so an entry never misses a change
// its number says it has), on the same day, and for at most
// censusCacheFor: the bound on how long a change made by another process
// (a second server on the same database, the command line) can go unseen.
type censusCache struct {
	mu      sync.Mutex
	today   csc.Date
	changes int64
	at      time.Time
	check   *censusCheck
}

const censusCacheFor = 30 * time.Second

// wholeCensus returns the census of the year to date for the whole
// authority, checked: from the cache when it is current, or produced from
// the record in tx (whose transaction began after changes was read).
func (a *App) wholeCensus(tx csc.Tx, changes int64) (*censusCheck, error) {
	cc := &a.census
	cc.mu.Lock()
	defer cc.mu.Unlock()
	now, today := a.Now(), a.Today()
	if cc.check != nil && cc.today == today && cc.changes == changes && now.Sub(cc.at) < censusCacheFor && !now.Before(cc.at) {
		return cc.check, nil
	}
	last, err := tx.MaxPersonID()
	if err != nil {
		return nil, err
	}
	c, err := a.checkCensus(tx, 1, last)
	if err != nil {
		return nil, err
	}
	cc.today, cc.changes, cc.at, cc.check = today, changes, now, c
	return c, nil
}

// CensusPart is the child's own census issues for their page: the census
// of the year to date as it stands for this child. It is nil for a child
// with no issues, and for a child outside the census.
type CensusPart struct {
	Year   string   // the collection year, "2026-27"
	AsOf   csc.Date // the census as if taken on this date
	Issues []CensusIssue
}

// loadCensusPart checks the child's own census data when the child has an
// episode of need open at some point in the collection year to date; for
// every other child it reads nothing more.
func (a *App) loadCensusPart(tx csc.Tx, r *ChildRecord) error {
	if !a.inCensus(r.Referrals) {
		return nil
	}
	c, err := a.checkCensus(tx, r.Child.ID, r.Child.ID)
	return a.censusPart(r, c, err)
}

// inCensus reports whether a child with these referrals has an episode of
// need open at some point in the collection year to date.
func (a *App) inCensus(refs []csc.Referral) bool {
	today := a.Today()
	start := csc.CollectionYearOf(today).Start()
	for _, ref := range refs {
		d := ref.ReferralDate
		if !d.After(today) && (ref.ClosureDate.IsZero() || !ref.ClosureDate.Before(start)) {
			return true
		}
	}
	return false
}

// censusPart sets the record's census part from the check of the child's
// census data (c, or err if it could not be checked).
func (a *App) censusPart(r *ChildRecord, c *censusCheck, err error) error {
	if csc.ErrorKind(err) == csc.NotFound {
		return nil // no rules for the year: nothing to show
	}
	if err != nil {
		return err
	}
	if is := c.byChild[r.Child.ID]; len(is) > 0 {
		r.Census = &CensusPart{Year: c.year.CY.String(), AsOf: c.year.End, Issues: is}
	}
	return nil
}

// DataQualityQuery filters the data-quality page.
type DataQualityQuery struct {
	// Team is "" for the default (a team manager's own team; everyone
	// else's, all), "all", "unallocated" or a team's id.
	Team     string
	Rule     string // a rule's code, or "" for every rule
	Severity string // "error", "query", or "" for both
	Page     int    // the page of children, from 1
}

// DataQuality is the census of the year to date's issues across the
// authority (or the part of it in the actor's scope).
type DataQuality struct {
	Year      string   // the collection year, "2026-27"
	RulesYear string   // the year whose rules check it, "2025-26"
	AsOf      csc.Date // the census as if taken on this date
	Census    int      // children in the census so far, authority-wide
	Query     DataQualityQuery
	TeamName  string       // the team filter's name; "" for all
	Teams     []TeamChoice // the teams the actor may filter by
	Rules     []RuleCount  // by rule, for the team and severity chosen
	ByTeam    []TeamCount  // by team, for the rule and severity chosen
	Whole     []CensusIssue
	Children  []ChildIssues // the page of children, for every filter
	Matching  int           // children matching every filter, listed or not
	// Restricted is how many of them have restricted records the actor is
	// not named on: counted, never listed.
	Restricted  int
	Page, Pages int
	Unchecked   []string // rules that could not run
}

// TeamChoice is a team on the page's filter.
type TeamChoice struct {
	Value, Name string
}

// RuleCount is one rule's failures.
type RuleCount struct {
	Rule     string
	Severity returns.Severity
	Message  string
	Failures int
	Children int
}

// TeamCount is one team's issues; TeamID is -1 for unallocated children.
type TeamCount struct {
	TeamID   int64
	Name     string
	Errors   int
	Queries  int
	Children int
}

// ChildIssues is a child on the page with their issues.
type ChildIssues struct {
	ChildID int64
	Name    string
	Team    string
	Issues  []CensusIssue
}

// DataQualityPageSize is how many children one page of the list shows.
const DataQualityPageSize = 100

// DataQuality produces the children in need census of the collection year
// to date from the record, in memory, checks it with every rule of the
// year and returns the issues by rule, by team and by child, filtered by
// q. Needs dataquality.view; children outside the actor's scope are left
// out, restricted records the actor is not named on are counted but not
// listed, and each child listed is audited.
func (a *App) DataQuality(ctx context.Context, actor csc.Actor, q DataQualityQuery) (out *DataQuality, err error) {
	defer csc.WrapOp(&err, "app.DataQuality")
	if err := require(actor, csc.ActDataQuality); err != nil {
		return nil, err
	}
	var p csc.Problems
	switch q.Severity {
	case "", "error", "query":
	default:
		p.Add("severity", "Choose errors, queries or both")
	}
	if q.Page < 1 {
		q.Page = 1
	}
	if q.Team == "" {
		q.Team = "all"
		if actor.Role.Scope() < csc.ScopeAll && actor.TeamID != 0 {
			q.Team = strconv.FormatInt(actor.TeamID, 10)
		}
	}
	changes := a.changes.Load() // before the read transaction begins
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		c, err := a.wholeCensus(tx, changes)
		if err != nil {
			return err
		}
		last, err := tx.MaxPersonID()
		if err != nil {
			return err
		}
		out = &DataQuality{Year: c.year.CY.String(), RulesYear: c.year.Label, AsOf: c.year.End, Census: c.children,
			Unchecked: c.unchecked}
		specs, err := cin.Catalogue(c.year.Label)
		if err != nil {
			return err
		}
		if q.Rule != "" && !slices.ContainsFunc(specs, func(s returns.Spec) bool { return s.Code == q.Rule }) {
			p.Add("rule", "There is no rule %q in the %s census; choose a rule from the list", q.Rule, c.year.Label)
		}
		teams, inScopeOf, err := teamScope(tx, actor)
		if err != nil {
			return err
		}
		for _, t := range teams {
			if inScopeOf(&csc.Allocation{TeamID: t.ID}) {
				out.Teams = append(out.Teams, TeamChoice{strconv.FormatInt(t.ID, 10), t.Name})
			}
		}
		if inScopeOf(nil) {
			out.Teams = append(out.Teams, TeamChoice{"unallocated", "Unallocated"})
		}
		if q.Team != "all" {
			i := slices.IndexFunc(out.Teams, func(t TeamChoice) bool { return t.Value == q.Team })
			if i < 0 {
				p.Add("team", "Choose a team from the list")
			} else {
				out.TeamName = out.Teams[i].Name
			}
		}
		if err := p.Err(); err != nil {
			return err
		}
		out.Query = q

		// The children with issues, their teams, and which the actor may see.
		ids := make([]int64, 0, len(c.byChild))
		for id := range c.byChild {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		allocs, err := tx.CurrentAllocationsBetween(1, last)
		if err != nil {
			return err
		}
		teamOf := func(id int64) (string, string) {
			if al := allocs[id]; al != nil {
				return strconv.FormatInt(al.TeamID, 10), al.TeamName
			}
			return "unallocated", "Unallocated"
		}
		keep := func(is CensusIssue, rule bool) bool {
			return (q.Severity == "" || (q.Severity == "query") == is.IsQuery()) && (!rule || q.Rule == "" || is.Rule == q.Rule)
		}
		rules := map[string]*RuleCount{}
		byTeam := map[string]*TeamCount{}
		var matching []int64
		for _, id := range ids {
			if !inScopeOf(allocs[id]) {
				continue
			}
			team, teamName := teamOf(id)
			onTeam := q.Team == "all" || q.Team == team
			countedRule, countedTeam, matched := map[string]bool{}, false, false
			for _, is := range c.byChild[id] {
				if onTeam && keep(is, false) {
					rc := rules[is.Rule]
					if rc == nil {
						rc = &RuleCount{Rule: is.Rule, Severity: is.Severity, Message: is.Message}
						rules[is.Rule] = rc
					}
					rc.Failures++
					if !countedRule[is.Rule] {
						countedRule[is.Rule] = true
						rc.Children++
					}
				}
				if keep(is, true) {
					tc := byTeam[team]
					if tc == nil {
						tid, _ := strconv.ParseInt(team, 10, 64)
						if team == "unallocated" {
							tid = -1
						}
						tc = &TeamCount{TeamID: tid, Name: teamName}
						byTeam[team] = tc
					}
					if is.IsQuery() {
						tc.Queries++
					} else {
						tc.Errors++
					}
					if !countedTeam {
						countedTeam = true
						tc.Children++
					}
					matched = matched || onTeam
				}
			}
			if matched {
				matching = append(matching, id)
			}
		}
		if q.Rule != "" && rules[q.Rule] == nil {
			// The rule chosen stays on the page, with nothing against it.
			sp := specs[slices.IndexFunc(specs, func(s returns.Spec) bool { return s.Code == q.Rule })]
			rules[q.Rule] = &RuleCount{Rule: sp.Code, Severity: sp.SeverityName(), Message: sp.Message}
		}
		for _, rc := range rules {
			out.Rules = append(out.Rules, *rc)
		}
		slices.SortFunc(out.Rules, func(x, y RuleCount) int {
			return cmp.Or(cmp.Compare(y.Failures, x.Failures), strings.Compare(x.Rule, y.Rule))
		})
		for _, tc := range byTeam {
			out.ByTeam = append(out.ByTeam, *tc)
		}
		slices.SortFunc(out.ByTeam, func(x, y TeamCount) int {
			if (x.TeamID < 0) != (y.TeamID < 0) {
				return cmp.Compare(y.TeamID, x.TeamID) // unallocated last
			}
			return strings.Compare(x.Name, y.Name)
		})
		for _, is := range c.whole {
			if keep(is, true) {
				out.Whole = append(out.Whole, is)
			}
		}

		// The page of children: restricted records the actor is not named
		// on are counted and left out.
		out.Matching = len(matching)
		var listable []int64
		for _, id := range matching {
			if c.restricted[id] {
				ok, err := tx.HasAccess(id, actor.StaffID)
				if err != nil {
					return err
				}
				if !ok {
					out.Restricted++
					continue
				}
			}
			listable = append(listable, id)
		}
		out.Pages = max(1, (len(listable)+DataQualityPageSize-1)/DataQualityPageSize)
		out.Page = min(q.Page, out.Pages)
		out.Query.Page = out.Page
		from := (out.Page - 1) * DataQualityPageSize
		page := listable[from:min(len(listable), from+DataQualityPageSize)]
		people, err := tx.FindPeopleBrief(page)
		if err != nil {
			return err
		}
		names := map[int64]string{}
		for i := range people {
			names[people[i].ID] = people[i].Name()
		}
		for _, id := range page {
			ci := ChildIssues{ChildID: id, Name: names[id]}
			_, ci.Team = teamOf(id)
			for _, is := range c.byChild[id] {
				if keep(is, true) {
					ci.Issues = append(ci.Issues, is)
				}
			}
			out.Children = append(out.Children, ci)
			au.add(actor, "list", "census", id, id, dataQualityDetail(out))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// dataQualityDetail is the audit row's note of what the list showed: the
// page and its filters, no personal details.
func dataQualityDetail(d *DataQuality) string {
	q := d.Query
	s := fmt.Sprintf("data quality %s as of %s, team %s", d.Year, d.AsOf, q.Team)
	if q.Rule != "" {
		s += ", rule " + q.Rule
	}
	if q.Severity != "" {
		s += ", " + q.Severity + "s"
	}
	return s + fmt.Sprintf(", page %d", d.Page)
}
