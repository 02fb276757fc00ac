package store_test

// Storage benchmarks on a full-sized synthetic authority: the reads behind
// the child's page, the front-door queue and a people search, and the cost
// of committing a write, on SQLite and (when CAIRN_TEST_POSTGRES is set)
// PostgreSQL. They measure the store alone, without permission checks or
// the audit trail, to show where the service layer's time goes. The
// authority (CAIRN_BENCH_CHILDREN children, default 50,000) is built once
// per test process inside the first benchmark that needs it, so
// `go test ./...` never pays for it:
//
//	go test ./internal/store/ -run '^$' -bench . -count 3
//
// CAIRN_BENCH_DSN names an existing database written by `cairn synth` or
// `cairn demo` to use instead (benchmarks that write add rows to it).
// BenchmarkSynth times building the authority itself.

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

type storeWorld struct {
	db       *store.DB
	staffID  int64
	teamID   int64
	children []int64
	names    []string
}

var storeWorlds struct {
	sync.Mutex
	m map[string]*storeOnce
}

type storeOnce struct {
	once sync.Once
	w    *storeWorld
	err  error
}

// benchChildren is the size of the authority: CAIRN_BENCH_CHILDREN, or 50,000.
func benchChildren() int {
	if n, err := strconv.Atoi(os.Getenv("CAIRN_BENCH_CHILDREN")); err == nil && n > 0 {
		return n
	}
	return 50000
}

func benchEngineNames() []string {
	if dsn := os.Getenv("CAIRN_BENCH_DSN"); dsn != "" {
		return []string{string(store.EngineOf(dsn))}
	}
	engines := []string{"sqlite"}
	if os.Getenv(storetest.PostgresEnv) != "" {
		engines = append(engines, "postgres")
	}
	return engines
}

// storeBench runs body once per available engine with its world.
func storeBench(b *testing.B, body func(b *testing.B, w *storeWorld)) {
	for _, e := range benchEngineNames() {
		b.Run(e, func(b *testing.B) {
			storeWorlds.Lock()
			if storeWorlds.m == nil {
				storeWorlds.m = map[string]*storeOnce{}
			}
			o := storeWorlds.m[e]
			if o == nil {
				o = &storeOnce{}
				storeWorlds.m[e] = o
			}
			storeWorlds.Unlock()
			o.once.Do(func() { o.w, o.err = buildStoreWorld(e) })
			if o.err != nil {
				b.Fatal(o.err)
			}
			b.ResetTimer()
			body(b, o.w)
		})
	}
}

// benchDSN returns a new database for a benchmark authority: a SQLite file
// or PostgreSQL schema named after tag and this process, first removing
// what earlier, finished processes left (benchmarks cannot clean up after
// the last one).
func benchDSN(engine, tag string) (string, error) {
	prefix := "cairn_bench_" + tag + "_"
	name := prefix + strconv.Itoa(os.Getpid())
	if engine == "sqlite" {
		ents, _ := os.ReadDir(os.TempDir())
		for _, e := range ents {
			if pid, ok := strings.CutPrefix(e.Name(), prefix); ok && !processAlive(pid) {
				os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
			}
		}
		dir, err := os.MkdirTemp(os.TempDir(), name+"_") // cairn_bench_TAG_PID_RANDOM
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "cairn.db"), nil
	}
	base := os.Getenv(storetest.PostgresEnv)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	rows, err := admin.Query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, prefix+"%")
	if err != nil {
		return "", err
	}
	var stale []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return "", err
		}
		if pid, _ := strings.CutPrefix(s, prefix); !processAlive(pid) {
			stale = append(stale, s)
		}
	}
	rows.Close()
	for _, s := range stale {
		if _, err := admin.Exec(`DROP SCHEMA ` + s + ` CASCADE`); err != nil {
			return "", err
		}
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		return "", err
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// processAlive reports whether the process a leftover is named after still
// runs; a name that is not a process id is left alone.
func processAlive(pid string) bool {
	pid, _, _ = strings.Cut(pid, "_")
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 {
		return true
	}
	return syscall.Kill(n, 0) == nil
}

func buildStoreWorld(engine string) (*storeWorld, error) {
	ctx := context.Background()
	dsn := os.Getenv("CAIRN_BENCH_DSN")
	fresh := dsn == ""
	if fresh {
		var err error
		if dsn, err = benchDSN(engine, "store"); err != nil {
			return nil, err
		}
	}
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		return nil, err
	}
	if fresh {
		start := time.Now()
		sum, err := synth.Generate(ctx, db, synth.Options{Children: benchChildren(), Seed: 1, AsOf: time.Now(), DemoPasswordHash: "x"})
		if err != nil {
			return nil, fmt.Errorf("synth on %s: %w", engine, err)
		}
		fmt.Fprintf(os.Stderr, "bench: %s authority of %d children, %d contacts (%d open) built in %.1fs\n",
			engine, sum.Children, sum.Contacts, sum.OpenContacts, time.Since(start).Seconds())
		if err := vacuumAnalyze(engine, dsn); err != nil {
			return nil, err
		}
	}
	w := &storeWorld{db: db}
	err = db.Read(ctx, func(tx csc.Tx) error {
		s, _, err := tx.FindStaffByUsername("mash")
		if err != nil {
			return err
		}
		w.staffID, w.teamID = s.ID, s.TeamID
		_, total, err := tx.FindContacts(csc.ContactQuery{Limit: 1})
		if err != nil {
			return err
		}
		seen := map[int64]bool{}
		names := map[string]bool{}
		for page := range 10 {
			cs, _, err := tx.FindContacts(csc.ContactQuery{Limit: 500, Offset: page * total / 10})
			if err != nil {
				return err
			}
			for _, c := range cs {
				if !seen[c.ChildID] {
					seen[c.ChildID] = true
					w.children = append(w.children, c.ChildID)
				}
				if f := strings.Fields(c.ChildName); len(f) > 1 && !names[f[len(f)-1]] {
					names[f[len(f)-1]] = true
					w.names = append(w.names, f[len(f)-1])
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

// BenchmarkChildReads is the reads behind a child's page, in one
// transaction: the person, allocation, relationships, contacts, referrals,
// documents, oversight and the timeline.
func BenchmarkChildReads(b *testing.B) {
	storeBench(b, func(b *testing.B, w *storeWorld) {
		rng := rand.New(rand.NewPCG(7, 0))
		for b.Loop() {
			id := w.children[rng.IntN(len(w.children))]
			err := w.db.Read(context.Background(), func(tx csc.Tx) error {
				if _, err := tx.FindPersonByID(id); err != nil {
					return err
				}
				if _, err := tx.CurrentAllocation(id); err != nil && csc.ErrorKind(err) != csc.NotFound {
					return err
				}
				if _, err := tx.ListRelationships(id); err != nil {
					return err
				}
				if _, _, err := tx.FindContacts(csc.ContactQuery{ChildID: id, Limit: 500}); err != nil {
					return err
				}
				if _, err := tx.ListReferrals(id); err != nil {
					return err
				}
				if _, err := tx.ListDocuments(id); err != nil {
					return err
				}
				if _, err := tx.ListOversightForChild(id); err != nil {
					return err
				}
				_, err := tx.ListEvents(id, 500)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQueueReads is the reads behind the front-door queue: the first
// 50 open contacts with the count of all, and each child with their
// allocation (which the service layer needs to decide access).
func BenchmarkQueueReads(b *testing.B) {
	storeBench(b, func(b *testing.B, w *storeWorld) {
		for b.Loop() {
			err := w.db.Read(context.Background(), func(tx csc.Tx) error {
				cs, _, err := tx.FindContacts(csc.ContactQuery{Open: true, Limit: 50})
				if err != nil {
					return err
				}
				for _, c := range cs {
					if _, err := tx.CurrentAllocation(c.ChildID); err != nil && csc.ErrorKind(err) != csc.NotFound {
						return err
					}
					if _, err := tx.FindPersonByID(c.ChildID); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQueueReadsBatched is BenchmarkQueueReads with the children read
// in one query (FindPeopleByIDs) and no allocation lookups, which a role
// that sees every child does not need: the shape recommended for
// app.FrontDoorQueue in BENCHMARKS.md.
func BenchmarkQueueReadsBatched(b *testing.B) {
	storeBench(b, func(b *testing.B, w *storeWorld) {
		for b.Loop() {
			err := w.db.Read(context.Background(), func(tx csc.Tx) error {
				cs, _, err := tx.FindContacts(csc.ContactQuery{Open: true, Limit: 50})
				if err != nil {
					return err
				}
				ids := make([]int64, len(cs))
				for i, c := range cs {
					ids[i] = c.ChildID
				}
				_, err = tx.FindPeopleByIDs(ids)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkOpenContactCount is the queue's count of open contacts alone.
func BenchmarkOpenContactCount(b *testing.B) {
	storeBench(b, func(b *testing.B, w *storeWorld) {
		for b.Loop() {
			err := w.db.Read(context.Background(), func(tx csc.Tx) error {
				_, _, err := tx.FindContacts(csc.ContactQuery{Open: true, Limit: 1})
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFindPeople is a people search by family name: the candidates
// (up to 500) with their disabilities.
func BenchmarkFindPeople(b *testing.B) {
	storeBench(b, func(b *testing.B, w *storeWorld) {
		rng := rand.New(rand.NewPCG(7, 0))
		for b.Loop() {
			name := w.names[rng.IntN(len(w.names))]
			err := w.db.Read(context.Background(), func(tx csc.Tx) error {
				_, err := tx.FindPeople(csc.PersonQuery{Name: name})
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAuditCommit is one audit row in a transaction of its own: the
// cost of a durable commit.
func BenchmarkAuditCommit(b *testing.B) {
	storeBench(b, func(b *testing.B, w *storeWorld) {
		for b.Loop() {
			err := w.db.Write(context.Background(), func(tx csc.Tx) error {
				return tx.CreateAudit(csc.AuditEntry{StaffID: w.staffID, Action: "view", SubjectType: "person",
					SubjectID: w.children[0], ChildID: w.children[0], Channel: csc.ChannelWeb, Detail: "benchmark"})
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCreateContact is the writes of recording a contact: the contact,
// its timeline entry and its audit row, committed.
func BenchmarkCreateContact(b *testing.B) {
	storeBench(b, func(b *testing.B, w *storeWorld) {
		rng := rand.New(rand.NewPCG(7, 0))
		for b.Loop() {
			id := w.children[rng.IntN(len(w.children))]
			now := time.Now().UTC()
			err := w.db.Write(context.Background(), func(tx csc.Tx) error {
				c := &csc.Contact{ChildID: id, ReceivedAt: now.Add(-time.Hour), DueAt: now.Add(23 * time.Hour),
					Source: "6", Referrer: csc.Referrer{Name: "Benchmark referrer"}, PresentingConcerns: "Benchmark.",
					Consent: csc.ConsentGiven, TeamID: w.teamID, RecordedByID: w.staffID}
				if err := tx.CreateContact(c); err != nil {
					return err
				}
				if err := tx.CreateEvent(&csc.Event{ChildID: id, At: c.ReceivedAt, Kind: "contact", Summary: "Contact received",
					SubjectType: "contact", SubjectID: c.ID, StaffID: w.staffID}); err != nil {
					return err
				}
				return tx.CreateAudit(csc.AuditEntry{StaffID: w.staffID, Action: "create", SubjectType: "contact",
					SubjectID: c.ID, ChildID: id, Channel: csc.ChannelWeb})
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSynth builds a synthetic authority of CAIRN_BENCH_CHILDREN
// children (default 50,000) into a new database: what `cairn synth` does.
// Run it with -benchtime 1x.
func BenchmarkSynth(b *testing.B) {
	for _, e := range benchEngineNames() {
		b.Run(e, func(b *testing.B) {
			if os.Getenv("CAIRN_BENCH_DSN") != "" {
				b.Skip("synth needs an empty database; unset CAIRN_BENCH_DSN")
			}
			for range b.N {
				b.StopTimer()
				dsn, err := benchDSN(e, "synth")
				if err != nil {
					b.Fatal(err)
				}
				db, err := store.Open(context.Background(), dsn, store.Options{})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				_, err = synth.Generate(context.Background(), db, synth.Options{Children: benchChildren(), Seed: 1, AsOf: time.Now()})
				b.StopTimer()
				db.Close()
				if err != nil {
					b.Fatal(err)
				}
				dropBenchDB(e, dsn)
			}
		})
	}
}

// vacuumAnalyze does on PostgreSQL what autovacuum does soon after a bulk
// load (the test server may run without it): statistics for the planner
// and the visibility map that lets counts read indexes only.
func vacuumAnalyze(engine, dsn string) error {
	if engine != "postgres" {
		return nil
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`VACUUM (ANALYZE)`)
	return err
}

// dropBenchDB removes a database benchDSN made.
func dropBenchDB(engine, dsn string) {
	if engine == "sqlite" {
		os.RemoveAll(filepath.Dir(dsn))
		return
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return
	}
	schema := u.Query().Get("search_path")
	admin, err := sql.Open("pgx", os.Getenv(storetest.PostgresEnv))
	if err != nil || schema == "" {
		return
	}
	defer admin.Close()
	admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
}
