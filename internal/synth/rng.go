package synth

import (
	"math/rand/v2"
	"time"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// Randomness. Every family draws from its own generators, seeded from the
// run's seed and the family's index, so a family comes out the same whether
// it is generated once (to size the workforce) or twice (to write it), and
// whatever is generated before it. Each family has two streams: one for the
// structure of the record (people, dates, decisions) and one for free text,
// so that skipping the text when counting does not shift the structure.

// Stream numbers keep the generators of different purposes apart.
const (
	streamWorld uint64 = iota + 1
	streamFamily
	streamText
	streamStaff
	streamAssign
	streamPathway
	streamDirty
)

// mix is the SplitMix64 finaliser: it spreads nearby inputs across the
// whole 64-bit range so that seeds 1, 2, 3 give unrelated generators.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// newRand returns the generator for one purpose (stream) and index.
func newRand(seed, stream uint64, index int) *rng {
	hi := mix(seed ^ mix(stream))
	lo := mix(hi ^ mix(uint64(index)+0x632be59bd9b4e019))
	return &rng{rand.New(rand.NewPCG(hi, lo))}
}

// rng adds the draws the generator needs to math/rand/v2.
type rng struct{ *rand.Rand }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi].
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// pick returns one element of list, uniformly.
func pick[T any](r *rng, list []T) T { return list[r.IntN(len(list))] }

// pickCommon returns an element of list, favouring the start of it: the
// weight of element i is 1/(i+4), roughly how common names are spread, so
// lists of names are written most common first.
func pickCommon(r *rng, list []string) string {
	total := 0.0
	for i := range list {
		total += 1 / float64(i+4)
	}
	x := r.Float64() * total
	for i, s := range list {
		x -= 1 / float64(i+4)
		if x < 0 {
			return s
		}
	}
	return list[len(list)-1]
}

// weighted is a value with a relative weight.
type weighted[T any] struct {
	v T
	w float64
}

// choose draws from a weighted list; weights need not sum to anything.
func choose[T any](r *rng, list []weighted[T]) T {
	total := 0.0
	for _, e := range list {
		total += e.w
	}
	x := r.Float64() * total
	for _, e := range list {
		x -= e.w
		if x < 0 {
			return e.v
		}
	}
	return list[len(list)-1].v
}

// at returns the instant of a London wall-clock time on a date.
func at(d csc.Date, minutes int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, minutes, 0, 0, csc.London).UTC()
}

// officeTime returns an instant in office hours (08:30 to 17:00, busiest in
// the morning) on a working day on or after d.
func (r *rng) officeTime(d csc.Date) time.Time {
	d = clock.WorkingDayOnOrAfter(d)
	x := r.Float64()
	return at(d, 8*60+30+int(float64(8*60+25)*(0.4*x+0.6*x*x)))
}

// outOfHoursTime returns an instant outside office hours on or just after d:
// an evening or the small hours of a working day, or any time at a weekend
// or on a bank holiday.
func (r *rng) outOfHoursTime(d csc.Date) time.Time {
	if !clock.IsWorkingDay(d) {
		return at(d, r.IntN(24*60))
	}
	if r.chance(0.7) {
		return at(d, 17*60+r.IntN(7*60)) // 17:00 to midnight
	}
	return at(d, r.IntN(8*60+30)) // midnight to 08:30
}

// duration returns a random duration in [lo, hi].
func (r *rng) duration(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(r.Int64N(int64(hi-lo)))
}

// workingTimeAfter returns an office-hours instant n working days after t
// (n = 0: later the same working day if there is time, else the next one).
func (r *rng) workingTimeAfter(t time.Time, n int) time.Time {
	d := csc.DateOf(t)
	if n > 0 {
		d = clock.AddWorkingDays(d, n)
	}
	out := r.officeTime(d)
	for !out.After(t) {
		d = clock.AddWorkingDays(d, 1)
		out = r.officeTime(d)
	}
	return out
}
