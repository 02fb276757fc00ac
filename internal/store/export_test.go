package store

import "cairn/internal/csc"

// CountInTx runs a query returning one number inside tx, for tests that
// look at what a transaction did from inside it (such as PostgreSQL's
// statistics of the rows it read).
func CountInTx(tx csc.Tx, query string, args ...any) (n int64, err error) {
	err = tx.(*Tx).queryRow(query, args...).Scan(&n)
	return n, err
}

// GatheredRoundTrips is how many times the transaction has sent statements
// gathered by Together.
func GatheredRoundTrips(tx csc.Tx) int { return tx.(*Tx).gathered }

// RoundTrips is how many round trips to PostgreSQL the store's
// transactions have made.
func RoundTrips(db *DB) int64 { return db.RoundTrips() }
