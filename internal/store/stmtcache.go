package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxSharedStmts bounds a stmtCache. cairn's queries are a fixed set of
// texts, apart from IN lists whose length varies; those beyond the bound
// are prepared per transaction.
const maxSharedStmts = 512

// stmtCache holds prepared statements shared by every transaction on one
// SQLite pool. A transaction uses a shared statement through
// sql.Tx.StmtContext, which reuses the statement already prepared on the
// transaction's connection or prepares it there once. New statements
// cannot be prepared for sharing inside a transaction (that needs a second
// connection, and the writer pool has only one), so a transaction prepares
// an unknown query for itself, notes it as wanted, and the cache prepares
// the wanted ones after the transaction has ended.
type stmtCache struct {
	pool *sql.DB

	mu     sync.Mutex
	stmts  map[string]*sql.Stmt
	wanted map[string]bool
	closed bool
}

func newStmtCache(pool *sql.DB) *stmtCache {
	return &stmtCache{pool: pool, stmts: map[string]*sql.Stmt{}, wanted: map[string]bool{}}
}

// get returns the shared statement for query, or nil, noting that it is
// wanted.
func (c *stmtCache) get(query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.stmts[query]; s != nil {
		return s
	}
	if !c.closed && len(c.stmts)+len(c.wanted) < maxSharedStmts {
		c.wanted[query] = true
	}
	return nil
}

// prepareWanted prepares the wanted statements for sharing. It must be
// called outside any transaction.
func (c *stmtCache) prepareWanted() {
	if c == nil {
		return
	}
	c.mu.Lock()
	if len(c.wanted) == 0 || c.closed {
		c.mu.Unlock()
		return
	}
	var queries []string
	for q := range c.wanted {
		queries = append(queries, q)
	}
	clear(c.wanted)
	c.mu.Unlock()
	for _, q := range queries {
		s, err := c.pool.PrepareContext(context.Background(), q)
		if err != nil {
			continue // the next transaction prepares it for itself again
		}
		c.mu.Lock()
		if c.stmts[q] == nil && !c.closed {
			c.stmts[q] = s
			s = nil
		}
		c.mu.Unlock()
		if s != nil {
			s.Close()
		}
	}
}

func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for _, s := range c.stmts {
		s.Close()
	}
	clear(c.stmts)
}
