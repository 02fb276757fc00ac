package cin

import (
	"context"
	"io"

	"cairn/internal/csc"
)

// produceRange is how many person ids are read per set of queries: enough
// for few round trips, few enough to keep memory small.
const produceRange = 20_000

// Produce writes the census for year from the record in st: every child
// with an episode of need open at any point in the year, read in ranges of
// ids in one read transaction (a consistent snapshot) and written as read.
// h is the file's Header; Produce fills in its collection details. It
// returns the number of children written.
func Produce(ctx context.Context, st csc.Store, year Year, h Header, w io.Writer) (int, error) {
	h.Collection = "CIN"
	h.Year = year.End.String()[:4]
	h.ReferenceDate = year.End
	n := 0
	err := st.Read(ctx, func(tx csc.Tx) error {
		max, err := tx.MaxPersonID()
		if err != nil {
			return err
		}
		cw, err := NewWriter(w, h)
		if err != nil {
			return err
		}
		for from := int64(1); from <= max; from += produceRange {
			if err := ctx.Err(); err != nil {
				return err
			}
			kids, err := tx.CensusChildren(year.Start, year.End, from, from+produceRange-1)
			if err != nil {
				return err
			}
			for i := range kids {
				c := FromRecord(&kids[i], year)
				if err := cw.WriteChild(&c); err != nil {
					return err
				}
				n++
			}
		}
		return cw.Close()
	})
	return n, err
}
