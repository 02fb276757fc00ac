// Package store keeps cairn's record in SQLite (embedded, the default) or
// PostgreSQL (production), with one SQL text for both. It is reached only
// through the service layer (package app), which decides who may do what;
// the store decides nothing about permission.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/jackc/pgx/v5"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"cairn/internal/csc"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver, registered as "pgx"
	_ "modernc.org/sqlite"             // the pure-Go SQLite driver, registered as "sqlite"
)

// Engine names a database engine.
type Engine string

// The engines cairn runs on.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// DB is an open record store. On SQLite it holds one writer connection (SQLite
// allows one writer at a time; a single connection queues writers in Go
// instead of failing with "database is locked") and a pool of readers; on
// PostgreSQL one pool serves both.
type DB struct {
	Engine Engine
	path   string // the SQLite file
	write  *sql.DB
	read   *sql.DB
	now    func() time.Time

	// On SQLite, prepared statements shared by the transactions of each
	// pool (see stmtCache); nil on PostgreSQL, where pgx caches them.
	writeStmts, readStmts *stmtCache

	// On PostgreSQL, the tables ranked by their foreign keys, read after
	// migrating, so that held-back inserts can be joined (coalesce.go).
	order insertOrder

	commits       atomic.Int64 // SQLite write transactions committed
	checkpointing atomic.Bool  // a WAL checkpoint is running
	roundTrips    atomic.Int64 // PostgreSQL round trips made by transactions (RoundTrips)
}

// Options tune how a store is opened.
type Options struct {
	// Now is the clock every timestamp is taken from; nil means time.Now.
	Now func() time.Time
	// ReadConns is the size of the SQLite read pool (default: 2 × CPUs, at least 4).
	ReadConns int
}

// EngineOf says which engine a DSN names: postgres:// and postgresql:// URLs
// are PostgreSQL; a file path or sqlite: URL is SQLite.
func EngineOf(dsn string) Engine {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return Postgres
	}
	return SQLite
}

// Open opens the store a DSN names and brings its schema up to date.
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	db, err := open(dsn, opt)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if db.Engine == Postgres {
		if db.order, err = loadInsertOrder(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("store: read the foreign keys: %w", err)
		}
	}
	return db, nil
}

func open(dsn string, opt Options) (*DB, error) {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	db := &DB{Engine: EngineOf(dsn), now: now}
	if db.Engine == Postgres {
		pool, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open PostgreSQL: %w", err)
		}
		pool.SetMaxOpenConns(32)
		pool.SetMaxIdleConns(32)
		pool.SetConnMaxIdleTime(5 * time.Minute)
		db.write, db.read = pool, pool
		return db, db.ping()
	}
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "sqlite:")
	if path == "" {
		return nil, errors.New("store: the SQLite database path is empty")
	}
	w, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open SQLite: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	db.write, db.path = w, path
	if err := db.ping(); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open SQLite readers: %w", err)
	}
	n := opt.ReadConns
	if n <= 0 {
		n = max(4, 2*runtime.NumCPU())
	}
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db.read = r
	db.writeStmts, db.readStmts = newStmtCache(w), newStmtCache(r)
	return db, nil
}

// sqliteDSN builds the driver DSN. The pragma order matters: busy_timeout
// first, so that switching to WAL waits for another process instead of
// failing; then WAL, foreign keys and FULL synchronous commits so that a
// committed write survives a power cut. Times are written in SQLite's
// layout, which orders correctly as text. Temporary storage is in memory:
// within a large transaction every statement keeps a journal of the pages
// it changes, and on disk those journal writes were a third of the time
// of a bulk load. The writer's page cache is 64 MiB (the default 2 MiB
// spilled to the log in mid-transaction); a reader's cache is emptied
// whenever another connection writes, so readers keep the default. The
// write-ahead log is cut back to 64 MiB when it restarts (see checkpoint).
func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Add("_time_format", "sqlite")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_txlock", "immediate")
		q.Add("_pragma", "cache_size(-65536)")
		q.Add("_pragma", "journal_size_limit(67108864)")
	}
	return "file:" + path + "?" + q.Encode()
}

func (db *DB) ping() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("store: connect to %s: %w", db.Engine, err)
	}
	return nil
}

// Path returns the SQLite file, or "" on PostgreSQL.
func (db *DB) Path() string { return db.path }

// RoundTrips is how many round trips to PostgreSQL the store's
// transactions have made (none on SQLite): what a page costs the server
// beyond its statements, and what the tests of a page's reads count.
func (db *DB) RoundTrips() int64 { return db.roundTrips.Load() }

// Close closes every connection.
func (db *DB) Close() error {
	db.writeStmts.close()
	db.readStmts.close()
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Read runs fn in a read-only transaction.
func (db *DB) Read(ctx context.Context, fn func(csc.Tx) error) error {
	return db.run(ctx, db.read, db.readStmts, true, fn)
}

// Glance runs fn as reads that need not all see one moment: the session
// behind a page request, the navigation's count. On PostgreSQL they run
// without a transaction, so a read of one round trip costs one rather than
// two (its BEGIN goes with it, but its COMMIT would be a second): the
// statements sent together in one round trip are still answered as one
// (PostgreSQL runs a pipeline up to its sync in one implicit transaction),
// but each round trip sees the commits made before it. On SQLite it is Read.
func (db *DB) Glance(ctx context.Context, fn func(csc.Tx) error) error {
	if db.Engine != Postgres {
		return db.Read(ctx, fn)
	}
	return db.runPostgres(ctx, db.read, db.readStmts, true, true, fn)
}

// Write runs fn in a read-write transaction, committed only if fn returns nil.
func (db *DB) Write(ctx context.Context, fn func(csc.Tx) error) error {
	return db.run(ctx, db.write, db.writeStmts, false, fn)
}

func (db *DB) run(ctx context.Context, pool *sql.DB, stmts *stmtCache, readOnly bool, fn func(csc.Tx) error) (err error) {
	if db.Engine == Postgres {
		return db.runPostgres(ctx, pool, stmts, readOnly, false, fn)
	}
	sqlTx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	tx := &Tx{ctx: ctx, tx: sqlTx, engine: db.Engine, now: db.now().UTC().Truncate(time.Microsecond), shared: stmts,
		order: db.order, readOnly: readOnly}
	// Once the connection is back in the pool, prepare for sharing the
	// statements this transaction had to prepare for itself.
	defer stmts.prepareWanted()
	defer func() {
		tx.closeStmts()
		if p := recover(); p != nil {
			sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			sqlTx.Rollback()
			return
		}
		if cerr := sqlTx.Commit(); cerr != nil {
			err = fmt.Errorf("store: commit: %w", cerr)
			return
		}
		if !readOnly && db.commits.Add(1)%checkpointEvery == 0 {
			go db.checkpoint()
		}
	}()
	return fn(tx)
}

// runPostgres runs fn in a transaction on a connection of its own, for
// statements sent together: a write's held back (pipeline.go), a read's
// gathered (together.go).
//
// The BEGIN is not sent on its own: it goes with the transaction's first
// statements, and a write's COMMIT goes with its last held-back ones, so a
// read costs one round trip fewer than it would through database/sql's
// transactions, and a write that only holds statements back (such as a
// page's audit rows) costs one round trip in all instead of three.
//
// A glance (see Glance) sends no BEGIN and so no COMMIT.
func (db *DB) runPostgres(ctx context.Context, pool *sql.DB, stmts *stmtCache, readOnly, glance bool, fn func(csc.Tx) error) (err error) {
	conn, err := pool.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer conn.Close()
	// A read sees one moment, as it does on SQLite: under PostgreSQL's
	// default each statement would see the latest commits, and a page read
	// by several could mix two states of the record. A read-only
	// transaction never fails for it.
	begin := "BEGIN"
	if readOnly {
		begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
	}
	if glance {
		begin = ""
	}
	tx := &Tx{ctx: ctx, engine: db.Engine, now: db.now().UTC().Truncate(time.Microsecond), shared: stmts,
		conn: conn, order: db.order, readOnly: readOnly, glance: glance, begin: begin, trips: &db.roundTrips}
	if !readOnly {
		tx.pool = pool
	}
	defer func() {
		// A batch still being sent holds the connection; its failure is
		// the transaction's.
		tx.await()
		if p := recover(); p != nil {
			tx.rollback()
			panic(p)
		}
		if err == nil {
			err = tx.commit()
		}
		if tx.err != nil {
			err = fmt.Errorf("store: %w", tx.err) // the cause, not the aborted transaction it left
		}
		if err != nil {
			tx.rollback()
		}
	}()
	return fn(tx)
}

// Tidy reclaims, on PostgreSQL, the dead rows a sweep that rewrote every
// row of the tables has left, and refreshes their statistics, at once
// rather than when autovacuum next gets to them. Until then the counts of
// open clocks read on every page (the navigation's) visit the dead rows
// too, and autovacuum's pass later competes with the pages people are
// reading: a demo started on a 50,000-child database, whose clocks it
// recomputes, was seen to stall every request for 0.7 s a few minutes in.
// SQLite leaves no such rows behind, and is left alone: it plans without
// statistics, and gathering them could change its plans.
func (db *DB) Tidy(ctx context.Context, tables ...string) error {
	if db.Engine != Postgres {
		return nil
	}
	for _, table := range tables {
		if _, err := db.write.ExecContext(ctx, `VACUUM (ANALYZE) `+pgx.Identifier{table}.Sanitize()); err != nil {
			return fmt.Errorf("store: tidying %s: %w", table, err)
		}
	}
	return nil
}

// checkpointEvery is how many SQLite write transactions pass between
// forced WAL checkpoints.
const checkpointEvery = 256

// checkpoint copies the SQLite write-ahead log back into the database and
// makes the next write start the log again from the beginning.
//
// SQLite does this by itself only at a moment when no reader is using the
// log, and under steady load (fifty people reading pages, each read writing
// its audit row) there is no such moment: the log grew by hundreds of
// megabytes in minutes, and every page read searched an ever longer log
// index, so pages slowed down the longer the server ran. A RESTART
// checkpoint waits for the readers already in the log to finish (new ones
// read the database file), which takes milliseconds; it gives up after a
// short wait rather than hold up writes behind a long read, and tries
// again later.
func (db *DB) checkpoint() {
	if !db.checkpointing.CompareAndSwap(false, true) {
		return
	}
	defer db.checkpointing.Store(false)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 200`); err != nil {
		return
	}
	conn.ExecContext(ctx, `PRAGMA wal_checkpoint(RESTART)`)
	conn.ExecContext(context.Background(), `PRAGMA busy_timeout = 10000`) // as sqliteDSN sets it
}
