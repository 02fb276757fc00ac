package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"net"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// recorder collects one client's latencies and failures for one action.
type recorder struct {
	took   []time.Duration
	errors map[string]int // by status ("500", "303 to /sign-in") or transport failure
}

func (r *recorder) add(d time.Duration, res result) {
	r.took = append(r.took, d)
	if res.ok() {
		return
	}
	if r.errors == nil {
		r.errors = map[string]int{}
	}
	r.errors[failure(res)]++
}

func (r *recorder) merge(o *recorder) {
	r.took = append(r.took, o.took...)
	for k, n := range o.errors {
		if r.errors == nil {
			r.errors = map[string]int{}
		}
		r.errors[k] += n
	}
}

// failure names how a request failed, for counting.
func failure(res result) string {
	if res.err != nil {
		var ne net.Error
		if errors.As(res.err, &ne) && ne.Timeout() {
			return "timeout"
		}
		return "transport error"
	}
	if res.status >= 300 && res.status < 400 {
		return strconv.Itoa(res.status) + " to /sign-in"
	}
	return strconv.Itoa(res.status)
}

// percentile returns the p-th percentile (0 < p ≤ 100) of sorted durations
// by the nearest-rank method: the smallest value with at least p% of the
// values at or below it. It returns 0 for no values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(n)))
	rank = min(max(rank, 1), n)
	return sorted[rank-1]
}

// summary is one line of the report.
type summary struct {
	name                string
	requests, failed    int
	perSecond           float64
	p50, p90, p99, maxD time.Duration
	errors              map[string]int
}

func (r *recorder) summary(name string, elapsed time.Duration) summary {
	s := slices.Clone(r.took)
	slices.Sort(s)
	sum := summary{name: name, requests: len(s), errors: r.errors,
		p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), maxD: percentile(s, 100)}
	for _, n := range r.errors {
		sum.failed += n
	}
	if elapsed > 0 {
		sum.perSecond = float64(len(s)) / elapsed.Seconds()
	}
	return sum
}

// report is the outcome of a run.
type report struct {
	elapsed time.Duration
	clients int
	lines   []summary
}

func (rep *report) write(w io.Writer) {
	fmt.Fprintf(w, "ran %.1fs with %d clients; latency is from sending a request to reading all of the answer\n\n",
		rep.elapsed.Seconds(), rep.clients)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\trequests\terrors\treq/s\tp50\tp90\tp99\tmax\t")
	for _, l := range rep.lines {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%s\t%s\t%s\t%s\t\n", l.name, l.requests, l.failed, l.perSecond,
			ms(l.p50), ms(l.p90), ms(l.p99), ms(l.maxD))
	}
	tw.Flush()
	for _, l := range rep.lines {
		if len(l.errors) == 0 {
			continue
		}
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(l.errors)) {
			parts = append(parts, fmt.Sprintf("%s: %d", k, l.errors[k]))
		}
		fmt.Fprintf(w, "%s errors: %s\n", l.name, strings.Join(parts, ", "))
	}
}

// ms formats a duration in milliseconds with one decimal.
func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 1, 64) + "ms"
}
