package clock

import (
	"fmt"
	"math"
	"slices"

	"cairn/internal/csc"
)

// Rule is one statutory or local timescale, held as data so that every page,
// work tray, indicator and return applies the same rule and can say where it
// comes from. A rule starts a clock at each start event, and the clock is met
// by the first linked meeting event, or stopped by a linked stopping event
// before it is met. Repeating rules (visits, reviews) then start the next
// clock in the chain at the meeting event.
type Rule struct {
	// ID is the rule's ID in shared/docs/practice-rules.md ("CP-04"). Where
	// one ID there covers two separate clocks, a letter is added ("LA-27a").
	ID string
	// Title is a short name for lists and column headings.
	Title string
	// Source is the statute or guidance the rule implements, as cited in
	// practice-rules.md, so that a worker can check it.
	Source string
	// Area is the part of the service the rule belongs to: "Front door",
	// "Help and protection", "Children in care", "Care leavers" or
	// "Private fostering".
	Area string

	// Start lists the kinds of event that start a clock. For a rule with
	// After set, it names the kind of the record the chain belongs to, and
	// the clock starts when the After rule's clock is met.
	Start []EventKind
	// Meet lists the kinds of event that meet a clock.
	Meet []EventKind
	// Stop lists the kinds of event, linked to the start by Link.Stop, that
	// stop a clock which no longer needs meeting: a referral closed with no
	// further action stops its assessment clock.
	Stop []EventKind
	// StopAny lists kinds that stop the clock whichever record they belong
	// to, because they end the whole situation for the child: leaving care
	// ends every placement's visits. A start kind listed here means a new
	// start event supersedes the chain of an earlier one (a new move for a
	// care leaver restarts the visits). The start event itself never stops
	// its own clock.
	StopAny []EventKind
	// Link says how meeting and stopping events are matched to the start.
	Link Link

	// Period is the national timescale, or the default of the local
	// setting named by Setting.
	Period Period
	// Setting, if not empty, is the key of a local setting that replaces
	// Period. The value in force on the date each clock starts is used.
	Setting string
	// Min and Max bound the local setting; they are copied from Settings so
	// that a page showing the rule can show them. Zero for national rules.
	Min, Max Period
	// Phases replace Period for clocks that meet their conditions; the
	// first phase whose conditions all hold applies. They express "weekly
	// until the first review, then 6-weekly" as data.
	Phases []Phase
	// Instant means the clock runs from the start event's instant (At)
	// rather than its date: HP-01's one working day and LA-29's 72 hours.
	Instant bool

	// Repeat means each meeting event starts the next clock of a chain,
	// until a stopping event: visits and reviews.
	Repeat bool
	// After, if not empty, is the ID of the rule whose met clocks start
	// this rule's chain, on the date they were met: the second looked-after
	// review is due 3 months after the first was held. The chain keeps the
	// first rule's start event, so Link and Subject refer to it.
	After string
	// Early means a linked meeting event dated before the start also meets
	// the first clock, for duties that should be done before the start
	// where practicable (a placement plan before the placement).
	Early bool

	// When, if not empty, limits the rule to start events carrying at least
	// one of these qualifiers; Unless excludes start events carrying any of
	// them. Reg 28 visits differ by kind of placement.
	When, Unless []string
	// FromAge, if not zero, delays the start to the child's birthday of
	// that age when the start event is earlier: CL-02 runs from the 16th
	// birthday or becoming eligible, whichever is later.
	FromAge int
	// UntilAge, if not zero, ends the duty on the child's birthday of that
	// age: a personal adviser's reg 8 visits are to relevant children.
	UntilAge int

	// InForce is the period the rule applies in: from (inclusive) and to
	// (exclusive; zero means open-ended). A clock starting outside it is
	// not created, and an open clock is stopped on the day the rule ends.
	InForce [2]csc.Date
	// National is true when the timescale is set nationally (statute or
	// statutory guidance) rather than by local practice.
	National bool
	// Describe is the one sentence a worker reads to understand the clock.
	Describe string
}

// Link says how meeting and stopping events are matched to the event that
// started a clock, so that a visit under one plan never meets the clock of
// another plan.
type Link struct {
	Meet Match // how a meeting event is matched to the start event
	Stop Match // how an event in Rule.Stop is matched (StopAny needs none)
}

// Match is one way of relating an event to the start event of a clock.
// Record IDs are only unique within one kind of record, so a rule states
// which relation it means rather than accepting any equal number.
type Match int

// The ways an event can belong to a clock.
const (
	// SameSubject: the event is about the same record as the start event
	// (a contact's decision, a plan's ending).
	SameSubject Match = iota + 1
	// UnderSubject: the event belongs to the start's record; its Parent is
	// the start event's Subject (an assessment of a referral, a visit under
	// a plan).
	UnderSubject
	// AnyForChild: any event of the kind on the child's record counts,
	// because the child has only one such situation at a time (one
	// looked-after episode, one care-leaver status).
	AnyForChild
)

// maxPhases is the most phases a rule may have; the engine keeps a small
// fixed array per chain rather than allocating.
const maxPhases = 4

// Phase gives the period of the clocks in a chain that meet its
// conditions. Every non-zero condition must hold.
type Phase struct {
	// MinSeq: the clock is at least this far along its chain (2 = every
	// clock after the first).
	MinSeq int
	// FromYears: the clock starts at least this many years after the start
	// event of the chain (1 = after the first year of the placement).
	FromYears int
	// AfterKind: an event of this kind for the child is dated on or after
	// the chain's start event and on or before the clock's start (the first
	// looked-after review has been held).
	AfterKind EventKind
	// MinAge: the child is at least this old on the day the clock starts;
	// an unknown date of birth counts as younger.
	MinAge int
	// Attr: the chain's start event carries this qualifier.
	Attr string
	// Period applies to clocks that meet the conditions.
	Period Period
}

// Catalogue returns every rule, in a stable order in which a rule always
// comes after the rule named in its After. The caller owns the returned
// rules: changing them does not change the catalogue.
func Catalogue() []Rule {
	out := make([]Rule, len(compiledRules))
	for i := range compiledRules {
		out[i] = compiledRules[i].rule.clone()
	}
	return out
}

// RuleByID returns the rule with the given ID ("CP-04"), so that a page or
// an explanation of a missed clock can show what the rule says.
func RuleByID(id string) (Rule, bool) {
	for i := range compiledRules {
		if compiledRules[i].rule.ID == id {
			return compiledRules[i].rule.clone(), true
		}
	}
	return Rule{}, false
}

// InForceOn reports whether the rule applies to a clock starting on d.
func (r Rule) InForceOn(d csc.Date) bool {
	if !r.InForce[0].IsZero() && d.Before(r.InForce[0]) {
		return false
	}
	return r.InForce[1].IsZero() || d.Before(r.InForce[1])
}

// clone copies the rule's slices so that callers cannot change the
// catalogue through them.
func (r Rule) clone() Rule {
	r.Start, r.Meet, r.Stop, r.StopAny = slices.Clone(r.Start), slices.Clone(r.Meet), slices.Clone(r.Stop), slices.Clone(r.StopAny)
	r.Phases, r.When, r.Unless = slices.Clone(r.Phases), slices.Clone(r.When), slices.Clone(r.Unless)
	return r
}

// NominalDays returns a rough length of a period in calendar days: a
// working day is 7/5 of a day, a month 30.4375 days, an hour 1/24 of a day,
// rounded to the nearest day. It exists only to compare periods written in
// different units, such as a setting of "20 working days" against a bound
// of "6 weeks"; deadlines are always computed exactly with Period.From.
func NominalDays(p Period) int {
	switch p.Unit {
	case WorkingDays:
		return (p.N*14 + 5) / 10
	case Days:
		return p.N
	case Weeks:
		return p.N * daysInWeek
	case Months:
		return (p.N*4870 + 80) / 160
	case Hours:
		return (p.N + 12) / 24
	}
	return 0
}

// compiled is a rule prepared for evaluation: kinds as bit masks and the
// predecessor as an index, worked out once at start-up.
type compiled struct {
	rule                       Rule
	start, meet, stop, stopAny kindMask
	after                      int  // index of the After rule, or -1
	from, to                   int  // InForce as day numbers; to is MaxInt when open-ended
	rank                       int  // position of the ID in sorted order, for ordering clocks
	followed                   bool // another rule starts where this one is met (After)
}

// compiledRules is the catalogue, compiled once at package initialisation
// and never changed, so concurrent evaluations need no locking.
var compiledRules = mustCompile(catalogue())

// mustCompile prepares rules for evaluation. It panics on a rule that
// names an unknown kind, setting or predecessor: those are mistakes in this
// package's data, caught by the first test run, never by users.
func mustCompile(rules []Rule) []compiled {
	out, err := compile(rules)
	if err != nil {
		panic(err)
	}
	return out
}

// compile checks and prepares rules; tests use it for rules outside the
// catalogue.
func compile(rules []Rule) ([]compiled, error) {
	out := make([]compiled, len(rules))
	for i, r := range rules {
		if err := checkRule(r); err != nil {
			return nil, err
		}
		if r.Setting != "" {
			s, _ := settingByKey(r.Setting)
			r.Period, r.Min, r.Max = s.Default, s.Min, s.Max
		}
		c := compiled{rule: r, start: maskOf(r.Start), meet: maskOf(r.Meet),
			stop: maskOf(r.Stop), stopAny: maskOf(r.StopAny), after: -1, from: math.MinInt, to: math.MaxInt}
		if !r.InForce[0].IsZero() {
			c.from = dayNumber(r.InForce[0])
		}
		if !r.InForce[1].IsZero() {
			c.to = dayNumber(r.InForce[1])
		}
		if r.After != "" {
			c.after = slices.IndexFunc(out[:i], func(p compiled) bool { return p.rule.ID == r.After })
			if c.after < 0 {
				return nil, fmt.Errorf("clock: rule %s follows %s, which is not before it", r.ID, r.After)
			}
			out[c.after].followed = true
		}
		out[i] = c
	}
	if len(out) > 255 {
		return nil, fmt.Errorf("clock: %d rules; sortKey ranks rules in a byte", len(out))
	}
	for i := range out {
		for j := range out {
			if out[j].rule.ID < out[i].rule.ID {
				out[i].rank++
			}
		}
	}
	return out, nil
}

// checkRule reports the first mistake in a rule's definition.
func checkRule(r Rule) error {
	for _, ks := range [][]EventKind{r.Start, r.Meet, r.Stop, r.StopAny} {
		for _, k := range ks {
			if _, ok := kindBit[k]; !ok {
				return fmt.Errorf("clock: rule %s uses unknown event kind %q", r.ID, k)
			}
		}
	}
	switch {
	case r.ID == "" || len(r.Start) == 0 || len(r.Meet) == 0:
		return fmt.Errorf("clock: rule %q needs an ID, start events and meeting events", r.ID)
	case r.Link.Meet < SameSubject || r.Link.Meet > AnyForChild:
		return fmt.Errorf("clock: rule %s has no way to link meeting events", r.ID)
	case len(r.Stop) > 0 && (r.Link.Stop < SameSubject || r.Link.Stop > AnyForChild):
		return fmt.Errorf("clock: rule %s has no way to link stopping events", r.ID)
	case r.Early && r.Link.Meet == AnyForChild:
		return fmt.Errorf("clock: rule %s accepts early meeting events from any record of the child", r.ID)
	}
	if r.Setting != "" {
		if _, ok := settingByKey(r.Setting); !ok {
			return fmt.Errorf("clock: rule %s uses unknown setting %q", r.ID, r.Setting)
		}
	} else if r.Period.N < 1 || !r.Period.Unit.Valid() {
		return fmt.Errorf("clock: rule %s has no period", r.ID)
	}
	if len(r.Phases) > maxPhases {
		return fmt.Errorf("clock: rule %s has more than %d phases", r.ID, maxPhases)
	}
	for _, p := range r.Phases {
		if p.Period.N < 1 || !p.Period.Unit.Valid() {
			return fmt.Errorf("clock: rule %s has a phase with no period", r.ID)
		}
		if _, ok := kindBit[p.AfterKind]; p.AfterKind != "" && !ok {
			return fmt.Errorf("clock: rule %s has a phase after unknown event kind %q", r.ID, p.AfterKind)
		}
	}
	return nil
}
