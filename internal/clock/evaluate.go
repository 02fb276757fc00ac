package clock

import (
	"strconv"
	"time"

	"cairn/internal/csc"
)

// Status is where a clock stands at an instant. Pages, work trays and
// indicators all read it from Clock.Status so that "overdue" means the same
// thing everywhere.
type Status string

// The statuses of a clock. An indicator of timeliness counts StatusMet as
// in time and both StatusLate and StatusOverdue as not in time; StatusOpen,
// StatusDue and StatusStopped are outside its count.
const (
	// StatusOpen: not met and due after today.
	StatusOpen Status = "open"
	// StatusDue: not met and due today (for an instant rule, later today).
	StatusDue Status = "due"
	// StatusOverdue: not met and past its deadline. A clock stopped after
	// its due date stays overdue, because the duty was missed before the
	// situation ended; its Stopped date tells a work tray it is closed.
	StatusOverdue Status = "overdue"
	// StatusMet: met on or before the due date (before the deadline instant
	// for instant rules).
	StatusMet Status = "met"
	// StatusLate: met, but after the due date.
	StatusLate Status = "late"
	// StatusStopped: ended by a stopping event on or before the due date, or
	// by the rule ceasing to apply, so nothing was missed.
	StatusStopped Status = "stopped"
)

// Clock is one statutory timescale for one child: when it started, when it
// is due, and whether and when it was met or stopped. It is a value computed
// by Evaluate from the record, never stored as the truth; Key lets a worker's
// explanation of a missed clock stay attached to it across recomputation.
type Clock struct {
	Rule    string // the rule's ID, such as "CP-04"
	ChildID int64
	// Subject is the record the chain belongs to: the start event's Subject
	// (the contact, the referral, the plan, the placement).
	Subject int64
	// Seq is 1 for the first clock of a chain and counts up along it.
	Seq int
	// Period is the timescale that applied: the rule's, a phase's, or the
	// local setting in force when the clock started.
	Period Period

	Started   csc.Date
	StartedAt time.Time // the start instant for instant rules; zero otherwise
	// Due is the last day on which meeting the clock is in time.
	Due csc.Date
	// DueAt is the exclusive deadline instant: for instant rules the exact
	// deadline, for date rules the start of the day after Due in London.
	DueAt time.Time
	Met   csc.Date  // zero if not met (by the date Evaluate was asked about)
	MetAt time.Time // the meeting instant, where the record keeps one
	// Stopped is the date a stopping event (or the end of the rule) closed
	// the clock before it was met; zero otherwise.
	Stopped csc.Date
}

// Status returns where the clock stands at the instant asOf, which is an
// instant so that "due today" and HP-01's end-of-day deadline both work.
// A clock met or stopped after asOf is treated as not yet met or stopped,
// so a past asOf shows the clock as it stood then; met, late and stopped
// do not otherwise depend on asOf. Status is pure.
func (c Clock) Status(asOf time.Time) Status {
	today := csc.DateOf(asOf)
	if !c.Met.IsZero() && c.metBy(asOf, today) {
		if c.metInTime() {
			return StatusMet
		}
		return StatusLate
	}
	if !c.Stopped.IsZero() && !c.Stopped.After(today) {
		if c.Stopped.After(c.Due) {
			return StatusOverdue
		}
		return StatusStopped
	}
	if !asOf.Before(c.deadline()) {
		return StatusOverdue
	}
	if today.Compare(c.Due) == 0 {
		return StatusDue
	}
	return StatusOpen
}

// metBy reports whether the meeting event had happened by asOf.
func (c Clock) metBy(asOf time.Time, today csc.Date) bool {
	if !c.MetAt.IsZero() {
		return !c.MetAt.After(asOf)
	}
	return !c.Met.After(today)
}

// metInTime compares instants when both are known and dates otherwise, so
// that a decision recorded only by its date on the due day is in time.
func (c Clock) metInTime() bool {
	if !c.MetAt.IsZero() && !c.DueAt.IsZero() {
		return c.MetAt.Before(c.DueAt)
	}
	return !c.Met.After(c.Due)
}

// deadline returns DueAt, or works it out from Due for a clock built by hand.
func (c Clock) deadline() time.Time {
	if !c.DueAt.IsZero() {
		return c.DueAt
	}
	return endOfDay(c.Due)
}

// Key returns the clock's stable identity, "rule/subject/seq" such as
// "CP-12/4711/3". It stays the same when the record is re-evaluated, so an
// explanation or manager's sign-off recorded against a missed clock stays
// attached to it. It is unique within one child's clocks when every start
// event carries its record's ID.
func (c Clock) Key() string {
	b := make([]byte, 0, 32)
	b = append(b, c.Rule...)
	b = append(b, '/')
	b = strconv.AppendInt(b, c.Subject, 10)
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(c.Seq), 10)
	return string(b)
}

// Evaluate returns every clock of the child's record as it stood at the
// end of the day asOf: the closed ones and the open ones, with, for each
// repeating chain, the next open clock after its last meeting event. Events
// dated after asOf are ignored, as if not yet recorded; Evaluate is pure and
// deterministic, does not change the record, and gives the same answer
// whatever order the events are listed in (unless two differ only in their
// qualifiers). Clocks come in a stable order:
// by Due, then Rule, then Subject, then Seq. Settings are taken from local
// as they stood on the day each clock started. Ask each clock's Status with
// the instant that matters (now, for a work tray).
//
// The edge cases, decided once here for every rule:
//
//   - Working days skip weekends and bank holidays; calendar periods
//     (days, weeks, months) end on their date even when it is a weekend or
//     bank holiday, because "within 3 months" is not extended by them.
//     Months are clamped at month ends (31 January + 1 month is the last
//     day of February).
//   - HP-01 runs to the end of the first working day after the day of
//     receipt; a contact received on a weekend or bank holiday counts as
//     received on the next working day (WorkingDayDeadline). LA-29's 72
//     hours are elapsed time, through weekends, holidays and clock changes.
//   - A meeting event on the due date is in time; for an instant rule, one
//     before the deadline instant (or dated on the due day without a time).
//   - A meeting event dated before the start does not meet the clock,
//     except for rules marked Early (plans due before a placement). In a
//     chain the next clock is met only by an event on a later day than the
//     one that started it, so two visits on one day count once.
//   - A meeting event and a stopping event on the same day: the meeting
//     counts.
//   - A stopping event after the due date closes an unmet clock as
//     overdue, not stopped, so an indicator counts it as missed.
//   - Each start event starts its own clock: two referrals, two clocks.
//     Start events repeated with the same kind and Subject count once.
//   - A clock starting on a day its rule is not in force is not created; a
//     clock still open when its rule ends is stopped on that day.
//   - Events link by record ID, and an ID of 0 never links: an event that
//     does not say which record it belongs to cannot meet or stop a clock
//     that is matched by record.
//   - Rules that depend on age use the date of birth on the day each clock
//     starts; an unknown date of birth counts as the younger age (the
//     shorter interval) and does not delay or end any duty.
func Evaluate(r Record, asOf csc.Date, local Local) []Clock {
	return evaluate(compiledRules, r, asOf, local)
}

// evaluate is Evaluate over any compiled rules, so tests can try rules that
// are not in the catalogue (for example one that has ended).
func evaluate(rules []compiled, r Record, asOf csc.Date, local Local) []Clock {
	if asOf.IsZero() {
		return nil
	}
	// Working buffers on the stack, big enough for a typical child, so
	// that an evaluation allocates little but its result; a longer record
	// spills to the heap as the slices grow.
	var evBuf [32]item
	var rawBuf [48]rawClock
	var metBuf [8]metRef
	e := evaluator{rules: rules, child: r.ChildID, dob: r.DateOfBirth, local: local}
	e.evs = e.load(evBuf[:0], r.Events, dayNumber(asOf))
	f := found{rawBuf[:0], metBuf[:0]}
	for i := range rules {
		f = e.rule(i, f)
	}
	return e.build(f.raw)
}

// endOfDay returns the first instant of the day after d in London: the
// exclusive deadline of something due on d.
func endOfDay(d csc.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day+1, 0, 0, 0, 0, csc.London)
}

// birthday returns the day a person born on dob reaches age n, consistent
// with csc.Date.AgeOn: someone born on 29 February reaches it on 1 March in
// a common year.
func birthday(dob csc.Date, n int) csc.Date {
	b := AddMonths(dob, 12*n)
	if b.Day != dob.Day {
		b = b.AddDays(1)
	}
	return b
}
