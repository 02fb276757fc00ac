package main

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/url"
	"strconv"
	"sync"
	"time"
	_ "time/tzdata" // Europe/London for the contact form's local times
)

// action is one kind of request a client makes.
type action struct {
	name   string
	weight int
	do     func(ctx context.Context, s *session, t *targets, rng *rand.Rand) result
}

var (
	childAction = action{"child", 40, func(ctx context.Context, s *session, t *targets, rng *rand.Rand) result {
		id := strconv.FormatInt(t.childIDs[rng.IntN(len(t.childIDs))], 10)
		if s.api() {
			return s.do(ctx, "GET", "/api/v1/people/"+id, "", nil, false)
		}
		return s.do(ctx, "GET", "/people/"+id, "", nil, false)
	}}
	queueAction = action{"queue", 20, func(ctx context.Context, s *session, t *targets, rng *rand.Rand) result {
		if s.api() {
			return s.do(ctx, "GET", "/api/v1/contacts", "", nil, false)
		}
		return s.do(ctx, "GET", "/front-door", "", nil, false)
	}}
	searchAction = action{"search", 30, func(ctx context.Context, s *session, t *targets, rng *rand.Rand) result {
		name := url.QueryEscape(t.familyNames[rng.IntN(len(t.familyNames))])
		if s.api() {
			return s.do(ctx, "GET", "/api/v1/people?name="+name, "", nil, false)
		}
		return s.do(ctx, "GET", "/people?name="+name, "", nil, false)
	}}
	chronologyAction = action{"chronology", 10, func(ctx context.Context, s *session, t *targets, rng *rand.Rand) result {
		id := strconv.FormatInt(t.childIDs[rng.IntN(len(t.childIDs))], 10)
		if s.api() {
			return s.do(ctx, "GET", "/api/v1/people/"+id+"/chronology", "", nil, false)
		}
		return s.do(ctx, "GET", "/people/"+id+"/chronology", "", nil, false)
	}}
	contactAction = action{"contact", 10, func(ctx context.Context, s *session, t *targets, rng *rand.Rand) result {
		id := t.childIDs[rng.IntN(len(t.childIDs))]
		// Received between 5 minutes and 10 hours ago.
		received := time.Now().Add(-time.Duration(5+rng.IntN(595)) * time.Minute)
		if s.api() {
			body, _ := json.Marshal(map[string]any{"child_id": id, "received_at": received.UTC().Format(time.RFC3339),
				"source": "6", "referrer": map[string]string{"name": "Load test referrer"},
				"presenting_concerns": "Synthetic contact recorded by cairnload.", "consent": "given"})
			return s.do(ctx, "POST", "/api/v1/contacts", "application/json", body, false)
		}
		form := url.Values{"child_id": {strconv.FormatInt(id, 10)}, "received_at": {received.In(london).Format("2006-01-02T15:04")},
			"source": {"6"}, "referrer_name": {"Load test referrer"},
			"presenting_concerns": {"Synthetic contact recorded by cairnload."}, "consent": {"given"}}
		return s.do(ctx, "POST", "/contacts", "application/x-www-form-urlencoded", []byte(form.Encode()), false)
	}}
)

var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

// scenarioByName returns the actions of a scenario, or nil.
func scenarioByName(name string) []action {
	switch name {
	case "child":
		return []action{childAction}
	case "queue":
		return []action{queueAction}
	case "search":
		return []action{searchAction}
	case "contact":
		return []action{contactAction}
	case "chronology":
		return []action{chronologyAction}
	case "mix":
		return []action{childAction, searchAction, queueAction, contactAction}
	}
	return nil
}

// pick chooses an action by weight.
func pick(acts []action, rng *rand.Rand) action {
	if len(acts) == 1 {
		return acts[0]
	}
	total := 0
	for _, a := range acts {
		total += a.weight
	}
	n := rng.IntN(total)
	for _, a := range acts {
		if n < a.weight {
			return a
		}
		n -= a.weight
	}
	return acts[len(acts)-1]
}

// load runs every session as a client, each sending one request after
// another (pausing about think between them, if think is set, and starting
// at a random moment within the first pause), until the
// duration is up; requests in flight then finish and are counted. Ctrl-C
// stops it early.
func load(ctx context.Context, sessions []*session, t *targets, acts []action, d time.Duration, seed int64,
	think time.Duration) *report {
	start := time.Now()
	stop := start.Add(d)
	recs := make([]map[string]*recorder, len(sessions))
	var wg sync.WaitGroup
	for i, s := range sessions {
		recs[i] = map[string]*recorder{}
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
			if think > 0 {
				// People do not all click at the same instant: each client
				// starts somewhere in its first pause, as in the steady state,
				// rather than fifty requests arriving together at the start.
				select {
				case <-ctx.Done():
				case <-time.After(min(time.Duration(rng.Int64N(int64(think)*3/2+1)), time.Until(stop))):
				}
			}
			for ctx.Err() == nil && time.Now().Before(stop) {
				a := pick(acts, rng)
				t0 := time.Now()
				r := a.do(ctx, s, t, rng)
				took := time.Since(t0)
				if ctx.Err() != nil {
					return // interrupted: the request's outcome says nothing about the server
				}
				rec := recs[i][a.name]
				if rec == nil {
					rec = &recorder{}
					recs[i][a.name] = rec
				}
				rec.add(took, r)
				if think > 0 {
					pause := think/2 + time.Duration(rng.Int64N(int64(think)+1))
					select {
					case <-ctx.Done():
					case <-time.After(min(pause, time.Until(stop))):
					}
				}
			}
		})
	}
	wg.Wait()
	rep := &report{elapsed: time.Since(start), clients: len(sessions)}
	for _, a := range acts {
		var merged recorder
		for _, m := range recs {
			if r := m[a.name]; r != nil {
				merged.merge(r)
			}
		}
		rep.lines = append(rep.lines, merged.summary(a.name, rep.elapsed))
	}
	return rep
}
