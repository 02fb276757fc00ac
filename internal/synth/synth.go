// Package synth generates a deterministic synthetic local authority,
// Northmoor, for the demo, tests and benchmarks: districts and teams, a
// workforce, and children with their families and three years of front-door
// history — contacts, screening, partner checks, decisions, manager
// oversight, referrals, allocations and the timeline — in roughly the
// proportions of an English council's children's social care.
//
// Everything is invented. Names come from lists of common given and family
// names; addresses are in the postcode area NM, which does not exist; NHS
// numbers are in the NHS test range. The same seed and AsOf always give the
// same records, written through the store's ordinary transactions, so later
// features (assessments, child protection, children in care) can extend the
// plan of each family and write their records alongside.
package synth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"cairn/internal/csc"
)

// Version numbers the generator. It changes whenever the same Options
// give different records, so that an authority kept from an earlier run
// (synthtest.Cached) is not mistaken for a current one.
const Version = 4

// Options control a generation.
type Options struct {
	// Children is the number of children, unborn children included
	// (default 2000).
	Children int
	// Seed chooses the authority: the same Seed and AsOf give identical data.
	Seed uint64
	// AsOf is "now" for the synthetic history. Histories run for three years
	// up to it; open contacts were received in the last few working days
	// before it. It must be set: the generator never reads the clock.
	AsOf time.Time
	// DemoPasswordHash, if set, also creates the demo accounts (mash, sw,
	// tm, eh, iro, qa, analyst, support, admin, inspector) with this
	// password hash and Demo set.
	DemoPasswordHash string
	// Dirty, if above zero, seeds known data errors into the record once it
	// is written: that share (at most MaxDirty) of the children in the
	// census of DirtyYear get one each, of the kinds DirtyKinds lists,
	// chosen from Seed. Summary.Seeded says what was seeded.
	Dirty float64
	// DirtyYear is the collection year whose census the errors are for
	// (default: the year of AsOf).
	DirtyYear csc.CollectionYear
	// LongRecords, if set, also writes two children with long records
	// (longrecord.go): one with ten years of record, about 500 timeline
	// entries, and one with a 2,000-entry chronology. Summary gives their
	// ids.
	LongRecords bool
	// Progress, if set, is told how far each stage has got.
	Progress func(stage string, done, total int)
}

// Summary counts what a generation wrote.
type Summary struct {
	Districts, Teams, Staff int
	Children, Adults        int
	Contacts, OpenContacts  int
	Referrals, Documents    int
	Assessments, Visits     int
	CINPlans, CPPlans       int
	EarlyHelp               int
	// The inspections and improvement loop (improvement.go).
	Inspections, Findings, ImprovementActions int
	// Boards and committees, their meetings and resolutions.
	Boards, Meetings, Resolutions int
	// Seeded lists the data errors Options.Dirty seeded, by child, for the
	// census of the year SeededYear.
	Seeded     []SeededError
	SeededYear csc.CollectionYear
	// LongRecord and LongChronology are the ids of the children
	// Options.LongRecords wrote, or zero.
	LongRecord, LongChronology int64
}

// batchChildren is about how many children are written per transaction:
// some 60,000 rows. Larger transactions load faster on SQLite (fewer
// commits and checkpoints) and hold the write lock for about a second. Tests
// make it smaller to write many transactions.
var batchChildren = 2000

// writers is how many batches are written at once (see writeFamilies).
const writers = 2

// maxChildren bounds a generation; a million children is about twenty
// times the largest English authority.
const maxChildren = 1_000_000

// nhsNumbers is how many synthetic NHS numbers are used before the rest of
// the people go without one (csc.SyntheticNHSNumber has about 909,000).
const nhsNumbers = 900_000

// Generate writes a synthetic authority into an empty store, in
// transactions of about 2,000 children each, so a failure part-way leaves
// the batches already committed: start again with an empty store. Last it
// writes the authority's inspection history and improvement plan. While one
// batch is written the next is generated on another goroutine. Documents
// are not generated: outcome letters come from live decisions.
func Generate(ctx context.Context, st csc.Store, opt Options) (Summary, error) {
	var sum Summary
	if opt.AsOf.IsZero() {
		return sum, errors.New("synth: Options.AsOf must be set")
	}
	if opt.Children < 0 || opt.Children > maxChildren {
		return sum, fmt.Errorf("synth: Options.Children must be between 0 and %d", maxChildren)
	}
	if opt.Children == 0 {
		opt.Children = 2000
	}
	if !(opt.Dirty >= 0 && opt.Dirty <= MaxDirty) {
		return sum, fmt.Errorf("synth: Options.Dirty must be between 0 and %g, the share of the census's children given an error", MaxDirty)
	}
	progress := opt.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	asOf := csc.DateOf(opt.AsOf)
	g := &famGen{opt: opt, w: newWorld(opt.Seed, opt.Children), asOf: asOf,
		schoolAge: csc.NewDate(csc.CollectionYearOf(asOf).End().Year-4, time.August, 31)}
	progress("planning", 0, opt.Children)
	staff := planStaffing(opt, g.w, g.census())
	progress("organisation", 0, 1)
	if err := st.Write(ctx, func(tx csc.Tx) error { return writeOrganisation(tx, g.w, staff, &sum) }); err != nil {
		return sum, fmt.Errorf("synth: organisation: %w", err)
	}
	progress("organisation", 1, 1)
	if err := g.writeFamilies(ctx, st, staff, &sum, progress); err != nil {
		return sum, err
	}
	progress("improvement", 0, 1)
	if err := st.Write(ctx, func(tx csc.Tx) error { return writeImprovement(tx, staff, g.asOf, &sum) }); err != nil {
		return sum, fmt.Errorf("synth: inspections and improvement: %w", err)
	}
	progress("improvement", 1, 1)
	if err := st.Write(ctx, func(tx csc.Tx) error { return writeBoards(tx, staff, opt.AsOf, &sum) }); err != nil {
		return sum, fmt.Errorf("synth: boards: %w", err)
	}
	if opt.LongRecords {
		progress("long records", 0, 1)
		var err error
		if sum.LongRecord, sum.LongChronology, err = writeLongRecords(ctx, st, asOf, staff.longRecordWorker()); err != nil {
			return sum, err
		}
		progress("long records", 1, 1)
	}
	if opt.Dirty == 0 {
		return sum, nil
	}
	sum.SeededYear = opt.DirtyYear
	if sum.SeededYear == 0 {
		sum.SeededYear = csc.CollectionYearOf(asOf)
	}
	progress("errors", 0, 1)
	seeded, err := seedErrors(ctx, st, opt.Seed, asOf, sum.SeededYear, opt.Dirty)
	if err != nil {
		return sum, fmt.Errorf("synth: seeding errors: %w", err)
	}
	sum.Seeded = seeded
	progress("errors", 1, 1)
	return sum, nil
}

// counters number the synthetic NHS numbers and UPNs in family order.
type counters struct{ nhs, upn int }

// number gives a family's members their NHS numbers and UPNs. It runs on
// the generating goroutine, off the writer's critical path.
func (c *counters) number(f *family) {
	for _, list := range [][]*member{f.children, f.adults} {
		for _, m := range list {
			if m.hasNHS && c.nhs < nhsNumbers {
				m.p.NHSNumber = csc.SyntheticNHSNumber(c.nhs)
				c.nhs++
			}
			if m.hasUPN {
				m.p.UPN = csc.SyntheticUPN(LACode, c.upn)
				c.upn++
			}
		}
	}
}

// census runs through the families without writing them, counting what the
// workforce must be sized for.
func (g *famGen) census() census {
	c := census{open: make([][5]int, len(g.w.districts))}
	g.each(false, func(f *family) bool {
		for _, inc := range f.incidents {
			c.contacts += len(inc.contacts)
			for _, cp := range inc.contacts {
				for _, a := range cp.allocs {
					if a.end.IsZero() && !a.dropped {
						c.open[a.district.index][kindIndex(a.kind)]++
					}
				}
			}
		}
		return true
	})
	return c
}

// each generates the families in order until there are enough children,
// stopping early if fn returns false.
func (g *famGen) each(text bool, fn func(*family) bool) {
	left := g.opt.Children
	for i := 0; left > 0; i++ {
		f := g.newFamily(i, left, text)
		left -= len(f.children)
		if !fn(f) {
			return
		}
	}
}

// writeFamilies generates batches of families on one goroutine while
// writing the earlier batches (writeBatches).
func (g *famGen) writeFamilies(ctx context.Context, st csc.Store, staff *staffing, sum *Summary,
	progress func(string, int, int)) error {
	batches := make(chan []*family, 2)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(batches)
		var batch []*family
		n := 0
		send := func() bool {
			select {
			case batches <- batch:
				batch, n = nil, 0
				return true
			case <-stop:
				return false
			}
		}
		var seq counters
		g.each(true, func(f *family) bool {
			seq.number(f)
			batch = append(batch, f)
			if n += len(f.children); n >= batchChildren {
				return send()
			}
			return true
		})
		if len(batch) > 0 {
			send()
		}
	}()
	return g.writeBatches(ctx, st, staff, sum, progress, batches)
}

// writeBatches writes each batch of families in a transaction of its own,
// two transactions at once. The families of a batch are written in turn —
// each batch's after the batch before it has made all its statements, since
// they share the random draws and the staff's caseloads — but a batch's
// statements are still being run and committed by the server while the next
// batch's are made. On PostgreSQL the server is the slower side of a load and
// now uses both cores, one per connection; on SQLite, with one writer, a
// batch waits for the one before to commit, as before. Families share no
// rows, so neither transaction waits for the other's. The records are the
// same either way: every id is taken as the statements are made, in turn.
func (g *famGen) writeBatches(ctx context.Context, st csc.Store, staff *staffing, sum *Summary,
	progress func(string, int, int), batches <-chan []*family) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	r := newRand(g.opt.Seed, streamAssign, 0)
	slots := make(chan struct{}, writers)
	turn := make(chan struct{}) // closed when the batch before has made its statements
	close(turn)
	var wg sync.WaitGroup
	for batch := range batches {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		before, mine := turn, make(chan struct{})
		turn = mine
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			var once sync.Once
			done := func() { once.Do(func() { close(mine) }) }
			defer done() // also when the transaction could not begin
			// The transaction begins only when the batch before has made
			// its statements: on SQLite, with its one writer connection,
			// beginning sooner would take the connection that batch needs.
			select {
			case <-before:
			case <-ctx.Done():
			}
			if ctx.Err() != nil {
				return
			}
			err := st.Write(ctx, func(tx csc.Tx) error {
				defer done()
				if b, ok := tx.(interface{ Bulk() }); ok {
					b.Bulk()
				}
				w := &writer{tx: tx, st: staff, r: r, sum: sum, seed: g.opt.Seed, asOf: g.opt.AsOf}
				for _, f := range batch {
					if err := w.family(f); err != nil {
						return fmt.Errorf("family %d: %w", f.index, err)
					}
				}
				progress("children", sum.Children, g.opt.Children)
				return nil
			})
			if err != nil {
				cancel(err)
			}
		}()
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	return nil
}
