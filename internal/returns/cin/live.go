package cin

import (
	"cairn/internal/csc"
)

// YearToDate is the census as if it were taken on today: the collection year
// that contains today, from 1 April to today as its reference date, so that
// every rule reads today's record as it would read the record on 31 March
// (an assessment open for more than 45 working days is reported now, not
// at the year's end). The year is checked with its own rules or, while
// cairn has none for it yet, with those of the latest earlier year it has:
// Label names the rules; CY is the year itself.
func YearToDate(today csc.Date) (Year, bool) {
	cy := csc.CollectionYearOf(today)
	var rules string
	for _, l := range Years() {
		y, _ := ParseYear(l)
		if y.CY <= cy {
			rules = l
		}
	}
	if rules == "" {
		return Year{}, false
	}
	return Year{Label: rules, CY: cy, Start: cy.Start(), End: today}, true
}

// LiveHeader is the Header of a census produced from the record for year.
func LiveHeader(y Year) Header {
	return Header{Collection: "CIN", Year: y.End.String()[:4], ReferenceDate: y.End, SourceLevel: "L", SoftwareCode: "cairn"}
}

// CheckRange produces from the record in tx the census children of year y
// with ids in [fromID, toID], numbering their elements in src, and runs the
// per-child rules over them with k. It returns the children as the record
// holds them.
func CheckRange(tx csc.CensusTx, y Year, h *Header, k *Checker, src *Sources, fromID, toID int64) ([]csc.CensusChild, error) {
	kids, err := tx.CensusChildren(y.Start, y.End, fromID, toID)
	if err != nil || len(kids) == 0 {
		return nil, err
	}
	batch := make([]Child, 0, min(len(kids), BatchSize))
	for i := range kids {
		batch = append(batch, src.FromRecord(&kids[i], y))
		if len(batch) == BatchSize {
			k.Check(h, batch)
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		k.Check(h, batch)
	}
	return kids, nil
}
