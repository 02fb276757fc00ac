package app_test

// Service-layer benchmarks on a full-sized synthetic authority: the child's
// page, the front-door queue, a people search and recording a contact, each
// with its audit row, on SQLite and (when CAIRN_TEST_POSTGRES is set)
// PostgreSQL. The authority (CAIRN_BENCH_CHILDREN children, default 50,000)
// is built once per test process, inside the first benchmark that needs it,
// so `go test ./...` never pays for it:
//
//	go test ./internal/app/ -run '^$' -bench . -benchtime 2000x -count 3
//
// The Parallel variants run 50 goroutines at once (the load the targets
// name) and report the 99th-percentile latency as p99-ms. BENCHMARKS.md
// records the figures.

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// benchClients is how many requests are in flight in the Parallel variants.
const benchClients = 50

// benchWorld is a synthetic authority open for benchmarking.
type benchWorld struct {
	app      *app.App
	db       *store.DB
	actor    csc.Actor // mash: the front door, every child in scope
	children []int64   // unrestricted children
	names    []string  // family names of children
	// The children with long records (synth.Options.LongRecords), kept out
	// of children.
	longRecord, longChronology int64
}

var benchWorlds struct {
	sync.Mutex
	m map[string]*benchOnce
}

type benchOnce struct {
	once sync.Once
	w    *benchWorld
	err  error
}

// benchEngines runs body once per available engine with its world.
func benchEngines(b *testing.B, body func(b *testing.B, w *benchWorld)) {
	engines := []string{"sqlite"}
	if os.Getenv(storetest.PostgresEnv) != "" {
		engines = append(engines, "postgres")
	}
	for _, e := range engines {
		b.Run(e, func(b *testing.B) {
			w := benchWorldFor(b, e)
			b.ResetTimer()
			body(b, w)
		})
	}
}

func benchWorldFor(b *testing.B, engine string) *benchWorld {
	benchWorlds.Lock()
	if benchWorlds.m == nil {
		benchWorlds.m = map[string]*benchOnce{}
	}
	o := benchWorlds.m[engine]
	if o == nil {
		o = &benchOnce{}
		benchWorlds.m[engine] = o
	}
	benchWorlds.Unlock()
	o.once.Do(func() { o.w, o.err = buildBenchWorld(engine) })
	if o.err != nil {
		b.Fatal(o.err)
	}
	return o.w
}

// benchChildren is the size of the authority: CAIRN_BENCH_CHILDREN, or 50,000.
func benchChildren() int {
	if n, err := strconv.Atoi(os.Getenv("CAIRN_BENCH_CHILDREN")); err == nil && n > 0 {
		return n
	}
	return 50000
}

// buildBenchWorld writes a synthetic authority to a new SQLite file or
// PostgreSQL schema named after this process. Nothing removes it when the
// process ends (benchmarks cannot clean up after the last one), so each
// build first removes what earlier, finished processes left.
func buildBenchWorld(engine string) (*benchWorld, error) {
	ctx := context.Background()
	tag := fmt.Sprintf("cairn_bench_app_%d", os.Getpid())
	var dsn string
	if engine == "sqlite" {
		removeStaleBenchFiles("cairn_bench_app_")
		dir := filepath.Join(os.TempDir(), tag)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		dsn = filepath.Join(dir, "cairn.db")
	} else {
		var err error
		if dsn, err = benchSchema(tag); err != nil {
			return nil, err
		}
	}
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		return nil, err
	}
	a := app.New(db, app.Options{PasswordCost: app.TestPasswordCost, Authority: "Northmoor County Council"})
	hash, err := a.DemoPasswordHash()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	sum, err := synth.Generate(ctx, db, synth.Options{Children: benchChildren(), Seed: 1, AsOf: time.Now(), DemoPasswordHash: hash,
		LongRecords: true})
	if err != nil {
		return nil, fmt.Errorf("synth on %s: %w", engine, err)
	}
	// The statutory clocks too, as `cairn synth` and `cairn demo` store
	// them: every page's navigation counts the open ones.
	if _, err := a.RefreshAllClocks(ctx); err != nil {
		return nil, fmt.Errorf("clocks on %s: %w", engine, err)
	}
	fmt.Fprintf(os.Stderr, "bench: %s authority of %d children, %d contacts (%d open) built in %.1fs\n",
		engine, sum.Children, sum.Contacts, sum.OpenContacts, time.Since(start).Seconds())
	if engine == "postgres" {
		// What autovacuum does soon after a bulk load (the test server may
		// run without it): planner statistics and the visibility map.
		raw, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, err
		}
		_, err = raw.Exec(`VACUUM (ANALYZE)`)
		raw.Close()
		if err != nil {
			return nil, err
		}
	}
	w := &benchWorld{app: a, db: db, longRecord: sum.LongRecord, longChronology: sum.LongChronology}
	err = db.Read(ctx, func(tx csc.Tx) error {
		staff, _, err := tx.FindStaffByUsername("mash")
		if err != nil {
			return err
		}
		w.actor = staff.Actor(csc.ChannelWeb)
		// Children with contacts, from pages spread through the whole list.
		_, total, err := tx.FindContacts(csc.ContactQuery{Limit: 1})
		if err != nil {
			return err
		}
		seen := map[int64]bool{}
		for page := range 10 {
			cs, _, err := tx.FindContacts(csc.ContactQuery{Limit: 500, Offset: page * total / 10})
			if err != nil {
				return err
			}
			for _, c := range cs {
				if seen[c.ChildID] || strings.HasPrefix(c.ChildName, "Restricted") || c.ChildID == w.longRecord ||
					c.ChildID == w.longChronology {
					continue
				}
				seen[c.ChildID] = true
				p, err := tx.FindPersonByID(c.ChildID)
				if err != nil {
					return err
				}
				if p.Restricted || p.Kind != csc.KindChild {
					continue
				}
				w.children = append(w.children, p.ID)
				if !slices.Contains(w.names, p.FamilyName) {
					w.names = append(w.names, p.FamilyName)
				}
			}
		}
		return nil
	})
	if err == nil && (len(w.children) == 0 || len(w.names) == 0) {
		err = fmt.Errorf("bench: found no children in the synthetic authority")
	}
	return w, err
}

// benchSchema creates a PostgreSQL schema of this process's own and returns
// a DSN that uses it, first dropping schemas earlier processes left.
func benchSchema(schema string) (string, error) {
	base := os.Getenv(storetest.PostgresEnv)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	rows, err := admin.Query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'cairn_bench_app_%'`)
	if err != nil {
		return "", err
	}
	var stale []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		if pid, _ := strings.CutPrefix(s, "cairn_bench_app_"); !processAlive(pid) {
			stale = append(stale, s)
		}
	}
	rows.Close()
	for _, s := range stale {
		if _, err := admin.Exec(`DROP SCHEMA ` + s + ` CASCADE`); err != nil {
			return "", err
		}
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		return "", err
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

func removeStaleBenchFiles(prefix string) {
	ents, _ := os.ReadDir(os.TempDir())
	for _, e := range ents {
		if pid, ok := strings.CutPrefix(e.Name(), prefix); ok && !processAlive(pid) {
			os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
		}
	}
}

func processAlive(pid string) bool {
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 {
		return true // not ours to judge
	}
	return syscall.Kill(n, 0) == nil
}

// benchParallel runs op from benchClients goroutines at once until b.N
// operations are done, and reports their median and 99th-percentile
// latency and the operations completed per second.
func benchParallel(b *testing.B, op func(rng *rand.Rand) error) {
	var mu sync.Mutex
	var took []time.Duration
	var seq atomic.Uint64
	procs := runtime.GOMAXPROCS(0)
	b.SetParallelism((benchClients + procs - 1) / procs)
	cpu := processCPU()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(7, seq.Add(1)))
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			if err := op(rng); err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		took = append(took, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	reportCPU(b, cpu, len(took))
	slices.Sort(took)
	b.ReportMetric(benchPercentile(took, 50), "p50-ms")
	b.ReportMetric(benchPercentile(took, 99), "p99-ms")
	b.ReportMetric(float64(len(took))/elapsed.Seconds(), "ops/s")
}

// benchPercentile is the nearest-rank p-th percentile of sorted
// durations, in milliseconds.
func benchPercentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := min(max(int(math.Ceil(p/100*float64(len(sorted)))), 1), len(sorted))
	return float64(sorted[rank-1]) / float64(time.Millisecond)
}

func (w *benchWorld) child(rng *rand.Rand) int64 { return w.children[rng.IntN(len(w.children))] }
func (w *benchWorld) name(rng *rand.Rand) string { return w.names[rng.IntN(len(w.names))] }

func (w *benchWorld) childRecord(rng *rand.Rand) error {
	_, err := w.app.ChildRecord(context.Background(), w.actor, w.child(rng))
	return err
}

// frontDoorQueue reads the first page of the queue, as the page shows it.
func (w *benchWorld) frontDoorQueue(*rand.Rand) error {
	_, err := w.app.FrontDoorQueue(context.Background(), w.actor, csc.ContactQuery{Limit: 50})
	return err
}

func (w *benchWorld) searchPeople(rng *rand.Rand) error {
	_, err := w.app.SearchPeople(context.Background(), w.actor, csc.PersonQuery{Name: w.name(rng)})
	return err
}

func (w *benchWorld) recordContact(rng *rand.Rand) error {
	received := time.Now().Add(-time.Duration(5+rng.IntN(600)) * time.Minute)
	_, err := w.app.RecordContact(context.Background(), w.actor, csc.ContactInput{ChildID: w.child(rng),
		ReceivedAt: received.UTC().Format(time.RFC3339), Source: "6", Referrer: csc.Referrer{Name: "Benchmark referrer"},
		PresentingConcerns: "Synthetic contact recorded by a benchmark.", Consent: "given"})
	return err
}

func benchSerial(b *testing.B, op func(*benchWorld, *rand.Rand) error) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		rng := rand.New(rand.NewPCG(7, 0))
		cpu, n := processCPU(), 0
		for b.Loop() {
			if err := op(w, rng); err != nil {
				b.Fatal(err)
			}
			n++
		}
		reportCPU(b, cpu, n)
	})
}

// processCPU is the CPU time this process has used so far, user and system.
// On a machine shared with other work, CPU time per operation varies much
// less than wall time, so the benchmarks report both.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the process's CPU time since start per operation, in
// milliseconds: the operation's own work, its share of the audit writer's,
// and the garbage collector's. (PostgreSQL's own work is not counted.)
func reportCPU(b *testing.B, start time.Duration, ops int) {
	if ops > 0 {
		b.ReportMetric(float64(processCPU()-start)/float64(ops)/float64(time.Millisecond), "cpu-ms/op")
	}
}

func benchConcurrent(b *testing.B, op func(*benchWorld, *rand.Rand) error) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		benchParallel(b, func(rng *rand.Rand) error { return op(w, rng) })
	})
}

// The child's page: the whole record read in one transaction, and its
// audit row committed before it returns.
func BenchmarkChildRecord(b *testing.B) { benchSerial(b, (*benchWorld).childRecord) }
func BenchmarkChildRecordParallel(b *testing.B) {
	benchConcurrent(b, (*benchWorld).childRecord)
}

// The front-door queue: the first 50 open contacts with the count of all,
// and an audit row for each listed.
func BenchmarkFrontDoorQueue(b *testing.B) { benchSerial(b, (*benchWorld).frontDoorQueue) }
func BenchmarkFrontDoorQueueParallel(b *testing.B) {
	benchConcurrent(b, (*benchWorld).frontDoorQueue)
}

// A people search by a family name, spelling variants included.
func BenchmarkSearchPeople(b *testing.B) { benchSerial(b, (*benchWorld).searchPeople) }
func BenchmarkSearchPeopleParallel(b *testing.B) {
	benchConcurrent(b, (*benchWorld).searchPeople)
}

// Recording a contact: the contact, its timeline entry and its audit row
// in one committed transaction. These run last: they add open contacts.
func BenchmarkRecordContact(b *testing.B) { benchSerial(b, (*benchWorld).recordContact) }
func BenchmarkRecordContactParallel(b *testing.B) {
	benchConcurrent(b, (*benchWorld).recordContact)
}

// Recomputing and storing every child's statutory clocks, as `cairn synth`
// and `cairn demo` do after building the authority. Run with -benchtime 1x.
func BenchmarkRefreshAllClocks(b *testing.B) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		for range b.N {
			if _, err := w.app.RefreshAllClocks(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// The navigation's count of due work, read on every page: for mash, the
// front-door team's open contact clocks as well as their own.
func BenchmarkTrayCount(b *testing.B) {
	benchSerial(b, func(w *benchWorld, _ *rand.Rand) error {
		_, err := w.app.TrayCount(context.Background(), w.actor)
		return err
	})
}
