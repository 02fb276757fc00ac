package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cairn/internal/csc"
	"cairn/internal/returns/annexa"
)

// AnnexACount is one Annex A list's size for an inspection date.
type AnnexACount struct {
	Number int
	Sheet  string
	Rows   int
}

// checkAnnexADate refuses an inspection date that is missing or after
// today: the lists report what the record held on that date.
func (a *App) checkAnnexADate(asOf csc.Date) error {
	var p csc.Problems
	switch {
	case asOf.IsZero():
		p.Add("as_of", "Enter the inspection date")
	case asOf.After(a.Today()):
		p.Add("as_of", "The inspection date must be today or in the past")
	}
	return p.Err()
}

// AnnexACounts returns the row count of each of Ofsted's Annex A lists 1
// to 7 for the inspection date asOf. Needs returns.produce; it names no
// child, so it is not audited.
func (a *App) AnnexACounts(ctx context.Context, actor csc.Actor, asOf csc.Date) (out []AnnexACount, err error) {
	defer csc.WrapOp(&err, "app.AnnexACounts")
	if err := require(actor, csc.ActReturns); err != nil {
		return nil, err
	}
	if err := a.checkAnnexADate(asOf); err != nil {
		return nil, err
	}
	lists, err := annexa.Produce(ctx, a.store, asOf)
	if err != nil {
		return nil, err
	}
	for _, l := range lists {
		out = append(out, AnnexACount{Number: l.Number, Sheet: l.Sheet, Rows: len(l.Rows)})
	}
	return out, nil
}

// AnnexA produces Ofsted's Annex A lists for the inspection date asOf, as
// `cairn returns annex-a` does, for download: every list (number 0) or the
// one numbered 1 to 7. Needs returns.produce. The lists name children, so
// before they are returned an audit row is written for every child on
// them, saying who produced which lists for which date.
func (a *App) AnnexA(ctx context.Context, actor csc.Actor, asOf csc.Date, number int) (out []*annexa.List, err error) {
	defer csc.WrapOp(&err, "app.AnnexA")
	if err := require(actor, csc.ActReturns); err != nil {
		return nil, err
	}
	if err := a.checkAnnexADate(asOf); err != nil {
		return nil, err
	}
	if number < 0 || number > 7 {
		return nil, csc.Problems{{Field: "list", Message: "Choose a list from 1 to 7"}}.Err()
	}
	lists, err := annexa.Produce(ctx, a.store, asOf)
	if err != nil {
		return nil, err
	}
	for _, l := range lists {
		if number == 0 || l.Number == number {
			out = append(out, l)
		}
	}
	// One row per child, naming the lists the child is on.
	on := map[int64][]int{}
	for _, l := range out {
		for _, r := range l.Rows {
			s, _ := r[0].(string)
			id, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				continue
			}
			if ns := on[id]; len(ns) == 0 || ns[len(ns)-1] != l.Number {
				on[id] = append(ns, l.Number)
			}
		}
	}
	ids := make([]int64, 0, len(on))
	for id := range on {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	au := &auditor{}
	for _, id := range ids {
		ns := make([]string, len(on[id]))
		for i, n := range on[id] {
			ns[i] = strconv.Itoa(n)
		}
		au.add(actor, "download", "annex-a", 0, id, fmt.Sprintf("Annex A as of %s: %s %s", asOf,
			map[bool]string{true: "list", false: "lists"}[len(ns) == 1], strings.Join(ns, ", ")))
	}
	if err := a.audit.record(ctx, au.entries); err != nil {
		return nil, err
	}
	return out, nil
}
