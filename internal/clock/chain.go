package clock

import (
	"cmp"
	"math"
	"slices"
	"time"

	"cairn/internal/csc"
)

// This file is the engine behind Evaluate: it walks each rule's chains of
// clocks over the child's events, sorted once by date.

// item is an event prepared for evaluation: its kind as a bit, its date as
// a day number, and its position in the caller's slice, where its instant
// and qualifiers stay. It holds no pointers, so preparing and sorting
// items costs the garbage collector nothing.
type item struct {
	bit             kindMask
	day             int
	date            csc.Date
	subject, parent int64
	src             int
}

// moment is where a clock starts: a day, and the event that started it
// (-1 when the start is a birthday rather than an event), whose instant is
// used by instant rules.
type moment struct {
	day  int
	date csc.Date
	ev   int
}

// rawClock is a clock as the engine finds it, without pointers so that
// sorting it is cheap; build turns it into a Clock.
type rawClock struct {
	rule, root, seq, met int32 // met: index of the meeting event, or -1
	startEv              int32 // index of the event that started it, or -1
	startDay, dueDay     int
	stop                 int // the day it was stopped, or MaxInt
	period               Period
}

// metRef remembers a met clock so that the rule that follows it (After)
// can start its chain there.
type metRef struct {
	rule, root, ev int
}

// evaluator holds one evaluation; it is created per call and never shared.
// Its methods only read evs, so that the slice can point at a buffer on
// the caller's stack.
type evaluator struct {
	rules   []compiled
	child   int64
	dob     csc.Date
	local   Local
	asOfDay int
	present kindMask // every kind of event the record has
	events  []Event
	evs     []item
}

// found is what the chains have found so far: the clocks, and the met
// clocks that start other rules' chains. It is passed along and returned
// by value rather than kept in the evaluator, which lets its buffers live
// on the stack too (appending through a pointer would move them to the
// heap).
type found struct {
	raw  []rawClock
	mets []metRef
}

// load appends to dst the events dated on or before asDay, of kinds the
// catalogue knows, with their dates normalised, sorted by day and instant.
// Ties are broken by kind, subject and parent, so that the order the
// record lists its events in never changes the result; only events that
// are identical but for their qualifiers keep the record's order.
func (e *evaluator) load(dst []item, events []Event, asDay int) []item {
	e.events, e.asOfDay = events, asDay
	if !e.dob.IsZero() {
		e.dob = fromDayNumber(dayNumber(e.dob))
	}
	for i := range events {
		ev := &events[i]
		b, ok := kindBit[ev.Kind]
		date := ev.Date
		if date.IsZero() && !ev.At.IsZero() {
			date = csc.DateOf(ev.At)
		}
		if !ok || date.IsZero() {
			continue
		}
		day := dayNumber(date)
		if day > asDay {
			continue
		}
		dst = append(dst, item{bit: 1 << b, day: day, date: fromDayNumber(day),
			subject: ev.Subject, parent: ev.Parent, src: i})
		e.present |= 1 << b
	}
	slices.SortFunc(dst, func(a, b item) int {
		if c := cmp.Compare(a.day, b.day); c != 0 {
			return c
		}
		if c := events[a.src].At.Compare(events[b.src].At); c != 0 {
			return c
		}
		if c := cmp.Compare(a.bit, b.bit); c != 0 {
			return c
		}
		if c := cmp.Compare(a.subject, b.subject); c != 0 {
			return c
		}
		if c := cmp.Compare(a.parent, b.parent); c != 0 {
			return c
		}
		return cmp.Compare(a.src, b.src)
	})
	return dst
}

// rule evaluates every chain of the rule at index ri.
func (e *evaluator) rule(ri int, f found) found {
	c := &e.rules[ri]
	if c.after >= 0 {
		for _, m := range f.mets {
			if m.rule == c.after {
				f = e.chain(ri, m.root, e.momentOf(m.ev), true, f)
			}
		}
		return f
	}
	if e.present&c.start == 0 {
		return f // most children have events for only a few areas
	}
	// The subjects already started: a short list for the few start events
	// a rule usually has, and a map once a record has many.
	var buf [8]int64
	seen, many := buf[:0], map[int64]bool(nil)
	for i := range e.evs {
		ev := &e.evs[i]
		if ev.bit&c.start == 0 || !e.qualifies(c, ev) {
			continue
		}
		if id := ev.subject; id != 0 {
			if many[id] || (many == nil && slices.Contains(seen, id)) {
				continue
			}
			if seen = append(seen, id); many != nil || len(seen) > 32 {
				many = addAll(many, seen)
				seen = seen[:0]
			}
		}
		s := e.momentOf(i)
		if c.rule.FromAge > 0 && !e.dob.IsZero() {
			if b := birthday(e.dob, c.rule.FromAge); dayNumber(b) > ev.day {
				s = moment{day: dayNumber(b), date: b, ev: -1}
			}
		}
		f = e.chain(ri, i, s, false, f)
	}
	return f
}

// addAll adds ids to the set m, making it if needed.
func addAll(m map[int64]bool, ids []int64) map[int64]bool {
	if m == nil {
		m = make(map[int64]bool, 2*len(ids))
	}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// momentOf returns the moment of the event evs[i].
func (e *evaluator) momentOf(i int) moment {
	return moment{day: e.evs[i].day, date: e.evs[i].date, ev: i}
}

// at returns the instant of a moment, or the zero time.
func (e *evaluator) at(s moment) time.Time {
	if s.ev < 0 {
		return time.Time{}
	}
	return e.events[e.evs[s.ev].src].At
}

// atOf returns the instant of the event evs[i], or the zero time.
func (e *evaluator) atOf(i int) time.Time { return e.events[e.evs[i].src].At }

// qualifies applies the rule's When and Unless qualifiers to a start event.
func (e *evaluator) qualifies(c *compiled, ev *item) bool {
	src := &e.events[ev.src]
	for _, a := range c.rule.Unless {
		if src.hasAttr(a) {
			return false
		}
	}
	if len(c.rule.When) == 0 {
		return true
	}
	return slices.ContainsFunc(c.rule.When, src.hasAttr)
}

// chain evaluates one chain of rule ri whose start event is evs[root],
// starting its first clock at s. fromMeet says that s is a meeting event of
// an earlier clock, so only later days can meet the next one.
//
// The work is linear in the number of events: the search for each meeting
// event resumes after the last one, and the stop is found once, because it
// is the same for every clock of the chain (the first stop on or after the
// chain's start; each later clock starts at a meeting event no later than
// that stop, or the chain would have ended).
func (e *evaluator) chain(ri, root int, s moment, fromMeet bool, f found) found {
	c := &e.rules[ri]
	limit := e.limit(c)
	stop := e.findStop(c, root, s.day, limit)
	r := &e.evs[root]
	var after [maxPhases]int
	e.phaseDays(c, r, &after)
	next := 0 // where the search for the next meeting event resumes
	if fromMeet {
		next = s.ev + 1
	}
	// Each later clock is met by an event on a later day than the one
	// before, so a chain has at most one clock per event, plus the last.
	for seq := 1; seq <= len(e.evs)+1; seq++ {
		if s.day >= limit || s.day < c.from || s.day > e.asOfDay {
			return f
		}
		rc := rawClock{rule: int32(ri), root: int32(root), seq: int32(seq), met: -1, startEv: int32(s.ev),
			startDay: s.day, stop: stop, period: e.period(c, r, s, seq, &after)}
		var dueDate csc.Date
		if c.rule.Instant {
			dueDate, _ = due(true, e.at(s), s.date, rc.period)
		} else {
			dueDate = rc.period.From(s.date)
		}
		rc.dueDay = dayNumber(dueDate)
		m := e.findMeet(c, root, s, next, fromMeet, seq == 1 && !fromMeet)
		if m >= 0 && e.evs[m].day <= stop {
			rc.met, rc.stop, next = int32(m), math.MaxInt, m+1
			f.raw = append(f.raw, rc)
			if c.followed {
				f.mets = append(f.mets, metRef{rule: ri, root: root, ev: m})
			}
			if !c.rule.Repeat {
				return f
			}
			s, fromMeet = e.momentOf(m), true
			continue
		}
		return found{append(f.raw, rc), f.mets}
	}
	return f
}

// limit returns the first day on which the rule no longer applies to this
// child (the end of the rule, or the birthday of UntilAge), or MaxInt.
func (e *evaluator) limit(c *compiled) int {
	l := c.to
	if c.rule.UntilAge > 0 && !e.dob.IsZero() {
		l = min(l, dayNumber(birthday(e.dob, c.rule.UntilAge)))
	}
	return l
}

// period returns the period of a clock: the first phase that holds, the
// local setting in force on the clock's start, or the rule's own.
func (e *evaluator) period(c *compiled, root *item, s moment, seq int, after *[maxPhases]int) Period {
	for i, ph := range c.rule.Phases {
		if e.phaseHolds(ph, root, s, seq, after[i]) {
			return ph.Period
		}
	}
	if c.rule.Setting != "" {
		return e.local.At(c.rule.Setting, s.date)
	}
	return c.rule.Period
}

// phaseDays finds, for each phase with an AfterKind, the first day on or
// after the chain's start event with an event of that kind (MaxInt if none),
// once per chain rather than once per clock.
func (e *evaluator) phaseDays(c *compiled, root *item, after *[maxPhases]int) {
	for i, ph := range c.rule.Phases {
		after[i] = math.MaxInt
		if ph.AfterKind == "" {
			continue
		}
		bit := kindMask(1) << kindBit[ph.AfterKind]
		for _, ev := range e.evs {
			if ev.bit == bit && ev.day >= root.day {
				after[i] = ev.day
				break
			}
		}
	}
}

// phaseHolds reports whether every condition of the phase holds for a
// clock; afterDay is the phase's day from phaseDays.
func (e *evaluator) phaseHolds(ph Phase, root *item, s moment, seq, afterDay int) bool {
	if seq < ph.MinSeq {
		return false
	}
	if ph.FromYears > 0 && s.day < dayNumber(AddMonths(root.date, 12*ph.FromYears)) {
		return false
	}
	if ph.MinAge > 0 && (e.dob.IsZero() || s.day < dayNumber(birthday(e.dob, ph.MinAge))) {
		return false
	}
	if ph.Attr != "" && !e.events[root.src].hasAttr(ph.Attr) {
		return false
	}
	return ph.AfterKind == "" || afterDay <= s.day
}

// due works out the due date and the exclusive deadline instant of a clock
// with period p starting at s. Instant rules count from the start instant
// when the record has one: working days to the end of a working day
// (WorkingDayDeadline), hours as elapsed time. Everything else counts from
// the date and is due by the end of the due day in London.
func due(instant bool, from time.Time, on csc.Date, p Period) (csc.Date, time.Time) {
	if instant {
		var at time.Time
		switch {
		case p.Unit == WorkingDays:
			if from.IsZero() {
				from = on.In(csc.London)
			}
			at = WorkingDayDeadline(from, p.N, csc.London)
		case p.Unit == Hours && !from.IsZero():
			at = from.Add(time.Duration(p.N) * time.Hour)
		}
		if !at.IsZero() {
			return csc.DateOf(at.Add(-time.Nanosecond)), at
		}
	}
	d := p.From(on)
	return d, endOfDay(d)
}

// sortKey is the order Evaluate promises, by Due, then Rule (by the rank
// of its ID), then Subject, then Seq, packed small so that sorting is cheap.
type sortKey struct {
	dueRank  int64 // due day and rule rank
	subject  int64
	seq, raw int32
}

// compareKeys orders sort keys.
func compareKeys(a, b sortKey) int {
	if c := cmp.Compare(a.dueRank, b.dueRank); c != 0 {
		return c
	}
	if c := cmp.Compare(a.subject, b.subject); c != 0 {
		return c
	}
	return cmp.Compare(a.seq, b.seq)
}

// build turns the engine's clocks, sorted, into the Clocks Evaluate returns.
func (e *evaluator) build(raw []rawClock) []Clock {
	var buf [64]sortKey
	keys := buf[:0]
	for i, rc := range raw {
		keys = append(keys, sortKey{int64(rc.dueDay)<<8 | int64(e.rules[rc.rule].rank), e.evs[rc.root].subject, rc.seq, int32(i)})
	}
	slices.SortFunc(keys, compareKeys)
	out := make([]Clock, len(raw))
	for i, key := range keys {
		rc := &raw[key.raw]
		c := &e.rules[rc.rule]
		k := &out[i]
		k.Rule, k.ChildID, k.Subject, k.Seq, k.Period = c.rule.ID, e.child, e.evs[rc.root].subject, int(rc.seq), rc.period
		k.Started, k.Due = fromDayNumber(rc.startDay), fromDayNumber(rc.dueDay)
		if c.rule.Instant {
			k.StartedAt = e.at(moment{ev: int(rc.startEv)})
			_, k.DueAt = due(true, k.StartedAt, k.Started, rc.period)
		} else {
			k.DueAt = endOfDay(k.Due)
		}
		if rc.met >= 0 {
			k.Met, k.MetAt = e.evs[rc.met].date, e.atOf(int(rc.met))
		}
		if rc.stop != math.MaxInt {
			k.Stopped = fromDayNumber(rc.stop)
		}
	}
	return out
}

// linked reports whether an event belongs to the chain of the start event
// root in the way m says. A record ID of 0 never links.
func linked(m Match, root, ev *item) bool {
	switch m {
	case SameSubject:
		return root.subject != 0 && ev.subject == root.subject
	case UnderSubject:
		return root.subject != 0 && ev.parent == root.subject
	case AnyForChild:
		return true
	}
	return false
}

// findMeet returns the index of the first event that meets the clock
// starting at s, or -1. first marks the first clock of a chain started by
// its start event: it is met by an event on or after that event (at or
// after its instant when both have one), or before it for Early rules.
// Clocks started by a meeting event need an event on a later day.
func (e *evaluator) findMeet(c *compiled, root int, s moment, from int, fromMeet, first bool) int {
	r := &e.evs[root]
	for i := from; i < len(e.evs); i++ {
		ev := &e.evs[i]
		if ev.bit&c.meet == 0 || !linked(c.rule.Link.Meet, r, ev) {
			continue
		}
		switch {
		case first && c.rule.Early:
			return i
		case fromMeet:
			if ev.day > s.day {
				return i
			}
		case !e.atOf(root).IsZero() && !e.atOf(i).IsZero():
			if !e.atOf(i).Before(e.atOf(root)) {
				return i
			}
		case ev.day >= r.day:
			return i
		}
	}
	return -1
}

// findStop returns the first day on or after the day from on which the
// chain is stopped: by a linked stopping event, by a StopAny event that
// comes after the start event, or by the rule's limit. It returns MaxInt if
// none has happened yet.
func (e *evaluator) findStop(c *compiled, root int, from, limit int) int {
	r := &e.evs[root]
	for i := range e.evs {
		ev := &e.evs[i]
		if ev.day < from {
			continue
		}
		if ev.day >= limit {
			break
		}
		if ev.bit&c.stop != 0 && linked(c.rule.Link.Stop, r, ev) || ev.bit&c.stopAny != 0 && i > root {
			return ev.day
		}
	}
	if limit <= e.asOfDay {
		return limit
	}
	return math.MaxInt
}
