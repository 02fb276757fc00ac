// Command cairnload puts load on a running cairn server and reports how it
// held up: requests, errors by status, throughput and latency percentiles.
//
//	cairnload [--base http://127.0.0.1:8080] [--clients 50] [--duration 30s]
//	          [--scenario child|chronology|queue|search|contact|mix]
//	          [--user mash --password demo | --token TOKEN] [--seed 1] [--child ID]
//
// With --user and --password each client signs in through the real sign-in
// form and uses the web pages, one session per client; the sign-ins are made
// one after another at the start (a failed one stops the run at once, so the
// server's sign-in throttle is never tripped). With --token (from `cairn user
// token USERNAME --db DSN`) the clients use the JSON API instead.
//
// Before the clock starts it discovers what to ask for from the server
// itself: the children named on the front-door queue, then people searches
// on their family names, collecting child ids and family names. The
// scenarios are:
//
//	child    GET /people/{id} for a random child (API: /api/v1/people/{id})
//	chronology  GET /people/{id}/chronology for a random child (API: /api/v1/people/{id}/chronology)
//	queue    GET /front-door, the first page of open contacts (API: /api/v1/contacts)
//	search   GET /people?name=FAMILYNAME for a random discovered family name
//	contact  POST /contacts, a new contact about a random child (API: POST /api/v1/contacts)
//	mix      child 40%, search 30%, queue 20%, contact 10%
//
// --child ID makes every child and chronology request about that one record,
// to load the page of a child with a long record.
//
// It runs for --duration and then stops by itself. Latency is measured from
// sending a request to reading the whole response; redirects are not
// followed (a 303 after a form post is success, a redirect to the sign-in
// page is an error).
//
// Contacts it records are real rows: run it against a throwaway database.
// It talks only to loopback addresses (127.0.0.0/8, ::1, localhost) and
// refuses any other --base.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"
)

// maxDuration bounds a run: a load generator left running by mistake
// should stop on its own.
const maxDuration = time.Hour

type config struct {
	base       string
	clients    int
	duration   time.Duration
	scenario   string
	user       string
	password   string
	token      string
	seed       int64
	maxIDs     int
	child      int64
	reqTimeout time.Duration
	think      time.Duration
	settle     time.Duration
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "cairnload:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("cairnload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.base, "base", "http://127.0.0.1:8080", "the cairn server (loopback only)")
	fs.IntVar(&c.clients, "clients", 50, "concurrent clients, each with its own session and connection")
	fs.DurationVar(&c.duration, "duration", 30*time.Second, "how long to run (at most 1h)")
	fs.StringVar(&c.scenario, "scenario", "mix", "child, chronology, queue, search, contact or mix")
	fs.StringVar(&c.user, "user", "mash", "username to sign in as (web pages)")
	fs.StringVar(&c.password, "password", "demo", "password for --user")
	fs.StringVar(&c.token, "token", "", "API bearer token: use the JSON API instead of signing in")
	fs.Int64Var(&c.seed, "seed", 1, "seed for the random choice of children, names and scenarios")
	fs.IntVar(&c.maxIDs, "ids", 2000, "how many child ids to discover before starting")
	fs.Int64Var(&c.child, "child", 0, "ask about this child's record only (child and chronology scenarios)")
	fs.DurationVar(&c.reqTimeout, "timeout", 30*time.Second, "timeout for one request")
	fs.DurationVar(&c.think, "think", 0, "each client pauses about this long (half to one and a half times it) "+
		"between requests, as a person reading a page would; 0 sends the next request at once")
	fs.DurationVar(&c.settle, "settle", 0, "wait this long after signing in before the load starts, so that the "+
		"password hashing of fifty sign-ins at once (and the memory it frees) is not in the figures")
	if err := fs.Parse(args); err != nil {
		return c, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	switch {
	case c.clients < 1 || c.clients > 1000:
		return c, fmt.Errorf("%w: --clients must be between 1 and 1000", errUsage)
	case c.duration <= 0 || c.duration > maxDuration:
		return c, fmt.Errorf("%w: --duration must be more than 0 and at most %v", errUsage, maxDuration)
	case scenarioByName(c.scenario) == nil:
		return c, fmt.Errorf("%w: --scenario must be child, chronology, queue, search, contact or mix", errUsage)
	case c.token == "" && (c.user == "" || c.password == ""):
		return c, fmt.Errorf("%w: give --user and --password, or --token", errUsage)
	case c.maxIDs < 1:
		return c, fmt.Errorf("%w: --ids must be at least 1", errUsage)
	case c.child < 0:
		return c, fmt.Errorf("%w: --child must be a record number", errUsage)
	case c.think < 0 || c.think > time.Hour:
		return c, fmt.Errorf("%w: --think must be between 0 and 1h", errUsage)
	case c.settle < 0 || c.settle > time.Hour:
		return c, fmt.Errorf("%w: --settle must be between 0 and 1h", errUsage)
	}
	if err := checkLoopback(c.base); err != nil {
		return c, fmt.Errorf("%w: %v", errUsage, err)
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	sc := scenarioByName(c.scenario)
	hc := newHTTPClient(c.clients, c.reqTimeout)
	mode := "web pages as " + c.user
	if c.token != "" {
		mode = "JSON API with a bearer token"
	}
	if c.think > 0 {
		mode += fmt.Sprintf(", thinking about %v between requests", c.think)
	}
	fmt.Fprintf(stdout, "cairnload: %s, scenario %s, %d clients for %v, %s\n", c.base, c.scenario, c.clients, c.duration, mode)

	sessions := make([]*session, c.clients)
	start := time.Now()
	for i := range sessions {
		s := &session{http: hc, base: c.base, token: c.token}
		if c.token == "" {
			if err := s.signIn(ctx, c.user, c.password); err != nil {
				return fmt.Errorf("client %d: %w", i+1, err)
			}
		}
		sessions[i] = s
	}
	if c.token == "" {
		fmt.Fprintf(stdout, "signed in %d sessions in %.1fs\n", c.clients, time.Since(start).Seconds())
	}

	tgt := &targets{childIDs: []int64{c.child}}
	if c.child != 0 && (c.scenario == "child" || c.scenario == "chronology") {
		// Nothing to discover: and a social worker, who has no front-door
		// queue to discover from, can be the one asking.
		fmt.Fprintf(stdout, "every request is about record %d\n", c.child)
	} else {
		start = time.Now()
		if tgt, err = discover(ctx, sessions[0], c.maxIDs); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "discovered %d children and %d family names in %.1fs\n",
			len(tgt.childIDs), len(tgt.familyNames), time.Since(start).Seconds())
		if c.child != 0 {
			tgt.childIDs = []int64{c.child}
			fmt.Fprintf(stdout, "every child and chronology request is about record %d\n", c.child)
		}
	}

	if c.settle > 0 {
		fmt.Fprintf(stdout, "settling for %v\n", c.settle)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(c.settle):
		}
	}
	res := load(ctx, sessions, tgt, sc, c.duration, c.seed, c.think)
	res.write(stdout)
	return nil
}
