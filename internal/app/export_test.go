package app

import (
	"context"

	"cairn/internal/csc"
)

// ForgetCensus empties the data-quality page's cache, so that a benchmark
// measures producing and checking the census every time.
func (a *App) ForgetCensus() {
	a.census.mu.Lock()
	a.census.check = nil
	a.census.mu.Unlock()
}

// ChildCensusPart reads and checks one child's census data as their page
// does, alone, for a benchmark of what the page pays for it.
func (a *App) ChildCensusPart(ctx context.Context, childID int64) (*CensusPart, error) {
	r := &ChildRecord{}
	err := a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		if r.Child, err = tx.FindPersonByID(childID); err != nil {
			return err
		}
		if r.Referrals, err = tx.ListReferrals(childID); err != nil {
			return err
		}
		return a.loadCensusPart(tx, r)
	})
	return r.Census, err
}
