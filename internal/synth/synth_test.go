package synth_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/store"
	"cairn/internal/store/storetest"
	"cairn/internal/synth"
)

// asOf is a Wednesday morning in term time.
var asOf = time.Date(2026, 3, 4, 11, 0, 0, 0, time.UTC)

// storeClock fixes the transaction clock, so that created_at columns are
// the same in every run and two databases can be compared row for row.
func storeClock() time.Time { return time.Date(2026, 3, 4, 11, 30, 0, 0, time.UTC) }

// generated is a store filled by Generate, with a plain connection for
// reading its tables directly.
type generated struct {
	sum    synth.Summary
	store  *store.DB
	db     *sql.DB
	engine store.Engine
	asOf   time.Time
}

// generate fills the database named by dsn and opens it for reading.
func generate(t testing.TB, dsn string, opt synth.Options) *generated {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, store.Options{Now: storeClock})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	sum, err := synth.Generate(ctx, st, opt)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	g := &generated{sum: sum, store: st, engine: store.EngineOf(dsn), asOf: opt.AsOf}
	driver := "sqlite"
	if g.engine == store.Postgres {
		driver = "pgx"
	}
	if g.db, err = sql.Open(driver, dsn); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.db.Close() })
	return g
}

// query runs a query and calls fn for each row with its values.
func (g *generated) query(t testing.TB, fn func(vals []any), query string, args ...any) {
	t.Helper()
	rows, err := g.db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fn(vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// count runs a query returning one number.
func (g *generated) count(t testing.TB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := g.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// tables are the tables Generate writes, with the order that makes their
// rows comparable.
var tables = [][2]string{
	{"district", "id"}, {"team", "id"}, {"staff", "id"}, {"person", "id"},
	{"person_name_key", "person_id, name_key"}, {"person_disability", "person_id, code"},
	{"relationship", "id"}, {"person_access", "person_id, staff_id"}, {"allocation", "id"},
	{"contact", "id"}, {"contact_household", "contact_id, person_id"}, {"partner_check", "id"},
	{"oversight", "id"}, {"referral", "id"}, {"event", "id"},
	{"assessment", "id"}, {"assessment_seen", "id"}, {"early_help", "id"}, {"strategy_discussion", "id"},
	{"s47_enquiry", "id"}, {"cp_conference", "id"}, {"cp_conference_decision", "id"}, {"cp_plan", "id"},
	{"cp_plan_action", "id"}, {"cp_core_group", "id"}, {"cin_plan", "id"}, {"cin_action", "id"},
	{"cin_review", "id"}, {"visit", "id"}, {"case_summary", "id"},
	{"board", "id"}, {"board_meeting", "id"}, {"board_agenda_item", "id"}, {"board_resolution", "id"},
	{"board_resolution_update", "id"}, {"board_resolution_action", "resolution_id, action_id"},
	{"board_resolution_finding", "resolution_id, finding_id"},
}

// digests hashes every row of every table, one digest per table.
func (g *generated) digests(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, tb := range tables {
		h := sha256.New()
		rows := 0
		g.query(t, func(vals []any) {
			rows++
			for _, v := range vals {
				switch x := v.(type) {
				case time.Time:
					v = x.UTC().Format(time.RFC3339Nano)
				case []byte:
					v = string(x)
				}
				fmt.Fprintf(h, "%v\x1f", v)
			}
			h.Write([]byte{'\n'})
		}, `SELECT * FROM `+tb[0]+` ORDER BY `+tb[1])
		out[tb[0]] = fmt.Sprintf("%d rows %s", rows, hex.EncodeToString(h.Sum(nil))[:16])
	}
	return out
}

func TestSameSeedSameRows(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		opt := synth.Options{Children: 400, Seed: 7, AsOf: asOf, DemoPasswordHash: "demo-hash", Dirty: 0.1}
		a := generate(t, dsn, opt)
		b := generate(t, storetest.Another(t, dsn), opt)
		if !reflect.DeepEqual(a.sum, b.sum) || len(a.sum.Seeded) == 0 {
			t.Errorf("summaries differ or seeded no errors:\n%+v\n%+v", a.sum, b.sum)
		}
		da, db := a.digests(t), b.digests(t)
		for _, tb := range tables {
			if da[tb[0]] != db[tb[0]] {
				t.Errorf("table %s differs: %s, then %s", tb[0], da[tb[0]], db[tb[0]])
			}
			if strings.HasPrefix(da[tb[0]], "0 rows") && tb[0] != "person_disability" {
				t.Errorf("table %s is empty", tb[0])
			}
		}
		if store.EngineOf(dsn) != store.SQLite {
			return
		}
		opt.Seed = 8
		c := generate(t, storetest.Another(t, dsn), opt)
		if dc := c.digests(t); dc["person"] == da["person"] || dc["contact"] == da["contact"] {
			t.Error("a different seed gave the same people or contacts")
		}
	})
}

// TestManyBatchesSameRows writes an authority in many small transactions,
// two of them at once, twice: the rows, ids included, are the same both
// times, however the server interleaves the two transactions' statements.
func TestManyBatchesSameRows(t *testing.T) {
	defer synth.SetBatchChildren(40)()
	storetest.Engines(t, func(t *testing.T, dsn string) {
		opt := synth.Options{Children: 600, Seed: 11, AsOf: asOf, DemoPasswordHash: "demo-hash"}
		a := generate(t, dsn, opt)
		b := generate(t, storetest.Another(t, dsn), opt)
		if !reflect.DeepEqual(a.sum, b.sum) || a.sum.Children != 600 {
			t.Errorf("summaries differ or children missing:\n%+v\n%+v", a.sum, b.sum)
		}
		da, db := a.digests(t), b.digests(t)
		for _, tb := range tables {
			if da[tb[0]] != db[tb[0]] {
				t.Errorf("table %s differs: %s, then %s", tb[0], da[tb[0]], db[tb[0]])
			}
		}
		if n := a.count(t, `SELECT COUNT(*) FROM person WHERE kind <> 'adult'`); n != 600 {
			t.Errorf("%d children stored, want 600", n)
		}
	})
}

func TestOptionsAreChecked(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.SQLiteDSN(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := synth.Generate(ctx, st, synth.Options{Children: 10}); err == nil {
		t.Error("no AsOf: want an error, since the generator must not read the clock")
	}
	if _, err := synth.Generate(ctx, st, synth.Options{Children: -1, AsOf: asOf}); err == nil {
		t.Error("negative Children: want an error")
	}
	for _, rate := range []float64{-0.01, 0.51, math.NaN()} {
		if _, err := synth.Generate(ctx, st, synth.Options{Children: 10, AsOf: asOf, Dirty: rate}); err == nil {
			t.Errorf("Dirty %g: want an error", rate)
		}
	}
	var stages []string
	last := 0
	sum, err := synth.Generate(ctx, st, synth.Options{Children: 30, AsOf: asOf, Progress: func(stage string, done, total int) {
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
		if stage == "children" {
			last = done
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Children != 30 || last != 30 || strings.Join(stages, ",") != "planning,organisation,children,improvement" {
		t.Errorf("30 children: summary %+v, progress stages %v ending at %d", sum, stages, last)
	}
	if err := st.Read(ctx, func(tx csc.Tx) error {
		_, _, err := tx.FindStaffByUsername("sw")
		return err
	}); csc.ErrorKind(err) != csc.NotFound {
		t.Errorf("demo accounts were created without a password hash (err %v)", err)
	}
}

func TestGenerate50000(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 50,000 children (about a minute); skipped with -short")
	}
	start := time.Now()
	g := generate(t, storetest.SQLiteDSN(t), synth.Options{Children: 50000, Seed: 1, AsOf: asOf})
	t.Logf("50,000 children on SQLite in %v: %+v", time.Since(start).Round(time.Millisecond), g.sum)
	if g.sum.Children != 50000 || g.count(t, `SELECT COUNT(*) FROM person WHERE kind <> 'adult'`) != 50000 {
		t.Errorf("summary %+v", g.sum)
	}
	if n := g.count(t, `SELECT COUNT(*) FROM contact`); n != g.sum.Contacts || n < 65000 {
		t.Errorf("%d contacts in the database, %d in the summary", n, g.sum.Contacts)
	}
}

func BenchmarkGenerate2000(b *testing.B) {
	for b.Loop() {
		generate(b, storetest.SQLiteDSN(b), synth.Options{Children: 2000, Seed: 1, AsOf: asOf, DemoPasswordHash: "x"})
	}
}

// TestLongRecords: the two long records are there, as long as they say,
// and found by their names.
func TestLongRecords(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, dsn string) {
		g := generate(t, dsn, synth.Options{Children: 200, Seed: 3, AsOf: asOf, DemoPasswordHash: "demo-hash", LongRecords: true})
		if g.sum.LongRecord == 0 || g.sum.LongChronology == 0 || g.sum.LongRecord == g.sum.LongChronology {
			t.Fatalf("long records %d and %d", g.sum.LongRecord, g.sum.LongChronology)
		}
		if n := g.count(t, `SELECT COUNT(*) FROM event WHERE child_id = $1`, g.sum.LongRecord); n < 500 || n > 520 {
			t.Errorf("the ten-year record has %d timeline entries, want about 500", n)
		}
		// The chronology's length is checked in the app (TestLongRecordsRead),
		// which chooses the events that make one.
		if n := g.count(t, `SELECT COUNT(*) FROM chronology_entry WHERE child_id = $1`, g.sum.LongChronology); n != 1272 {
			t.Errorf("the long chronology's child has %d manual entries, want 1,272", n)
		}
		if n := g.count(t, `SELECT COUNT(*) FROM visit WHERE child_id = $1`, g.sum.LongRecord); n != 300 {
			t.Errorf("the ten-year record has %d visits and notes, want 300", n)
		}
		if n := g.count(t, `SELECT COUNT(*) FROM person WHERE family_name = 'Longrecord'`); n != 2 {
			t.Errorf("%d people named Longrecord, want 2", n)
		}
		if plain := generate(t, storetest.Another(t, dsn), synth.Options{Children: 200, Seed: 3, AsOf: asOf}); plain.sum.LongRecord != 0 ||
			plain.count(t, `SELECT COUNT(*) FROM person WHERE family_name = 'Longrecord'`) != 0 {
			t.Error("long records written without being asked for")
		}
	})
}
