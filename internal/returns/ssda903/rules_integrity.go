package ssda903

import "cairn/internal/returns"

// Integrity rules (INTnn): every table's children must be in Header, carry
// the Header's date of birth and sex, and appear once in the tables that
// hold one row per child.

// keyed is what integrity rules need from a row of any table.
type keyed struct {
	row   int
	child string
	dob   Date
	sex   string
}

// tableKeys lists, for each table with a DOB column, its rows as keys.
var tableKeys = map[string]func(*Dataset) []keyed{
	TAD1: func(d *Dataset) []keyed {
		return keys(d.AD1, func(r *AD1) keyed { return keyed{r.Row, r.Child, r.DOB, ""} })
	},
	TPlacedAdoption: func(d *Dataset) []keyed {
		return keys(d.PlacedAdoption, func(r *PlacedAdoption) keyed { return keyed{r.Row, r.Child, r.DOB, ""} })
	},
	TMissing: func(d *Dataset) []keyed {
		return keys(d.Missing, func(r *Missing) keyed { return keyed{r.Row, r.Child, r.DOB, ""} })
	},
	TOC2: func(d *Dataset) []keyed {
		return keys(d.OC2, func(r *OC2) keyed { return keyed{r.Row, r.Child, r.DOB, ""} })
	},
	TOC3: func(d *Dataset) []keyed {
		return keys(d.OC3, func(r *OC3) keyed { return keyed{r.Row, r.Child, r.DOB, ""} })
	},
	TPrevPerm: func(d *Dataset) []keyed {
		return keys(d.PrevPerm, func(r *PrevPerm) keyed { return keyed{r.Row, r.Child, r.DOB, ""} })
	},
	TReviews: func(d *Dataset) []keyed {
		return keys(d.Reviews, func(r *Review) keyed { return keyed{r.Row, r.Child, r.DOB, ""} })
	},
	TUASC: func(d *Dataset) []keyed {
		return keys(d.UASC, func(r *UASC) keyed { return keyed{r.Row, r.Child, r.DOB, r.Sex} })
	},
	TEpisodes: func(d *Dataset) []keyed {
		return keys(d.Episodes, func(r *Episode) keyed { return keyed{r.Row, r.Child, Date{}, ""} })
	},
	THeader: func(d *Dataset) []keyed {
		return keys(d.Header, func(r *Header) keyed { return keyed{r.Row, r.Child, r.DOB, r.Sex} })
	},
}

func keys[R any](rs []R, k func(*R) keyed) []keyed {
	out := make([]keyed, len(rs))
	for i := range rs {
		out[i] = k(&rs[i])
	}
	return out
}

// notInHeader fails each row of table whose child has no Header row.
func notInHeader(table string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for _, k := range tableKeys[table](d) {
			if d.HeaderOf(k.child) == nil {
				f.add(table, k.row, k.child, "CHILD")
			}
		}
		return f.result()
	}
}

// dobDiffers fails each row of table whose DOB is not the Header's.
func dobDiffers(table string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for _, k := range tableKeys[table](d) {
			if h := d.HeaderOf(k.child); h != nil && !sameDate(h.DOB, k.dob) {
				f.add(table, k.row, k.child, "DOB")
			}
		}
		return f.result()
	}
}

// sameDate compares two recorded dates: as dates when both are valid, so
// that 1/4/2010 and 01/04/2010 agree, otherwise as text.
func sameDate(a, b Date) bool {
	if a.Valid() && b.Valid() {
		return a.Date == b.Date
	}
	return a.Raw == b.Raw
}

// repeated fails every row of a child who appears more than once in table.
func repeated(table string) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		ks := tableKeys[table](d)
		n := make(map[string]int, len(ks))
		for _, k := range ks {
			n[k.child]++
		}
		var f failures
		for _, k := range ks {
			if n[k.child] > 1 {
				f.add(table, k.row, k.child, "CHILD")
			}
		}
		return f.result()
	}
}

func init() {
	for code, table := range map[string]string{
		"INT01": TAD1, "INT02": TPlacedAdoption, "INT03": TEpisodes, "INT04": TMissing, "INT05": TOC2,
		"INT06": TOC3, "INT07": TPrevPerm, "INT08": TReviews, "INT09": TUASC,
	} {
		register(code, notInHeader(table))
	}
	for code, table := range map[string]string{
		"INT11": TAD1, "INT12": TPlacedAdoption, "INT13": TMissing, "INT14": TOC2, "INT15": TOC3,
		"INT16": TPrevPerm, "INT17": TReviews, "INT18": TUASC,
	} {
		register(code, dobDiffers(table))
	}
	for code, table := range map[string]string{
		"INT31": TAD1, "INT32": THeader, "INT33": TOC2, "INT34": TOC3, "INT35": TPrevPerm, "INT36": TUASC,
	} {
		register(code, repeated(table))
	}
	register("INT21", func(d *Dataset) ([]returns.Failure, error) {
		var f failures
		for _, u := range d.UASC {
			if h := d.HeaderOf(u.Child); h != nil && h.Sex != u.Sex {
				f.add(TUASC, u.Row, u.Child, "SEX")
			}
		}
		return f.result()
	})
	// EPI: a child in Header with no episodes cannot be validated further.
	// Care leavers (OC3) are in the return without episodes this year, so
	// they are not flagged.
	register("EPI", func(d *Dataset) ([]returns.Failure, error) {
		leavers := childSet(len(d.OC3), func(i int) string { return d.OC3[i].Child })
		var f failures
		for _, h := range d.Header {
			if len(d.EpisodesOf(h.Child)) == 0 && !leavers[h.Child] {
				f.add(THeader, h.Row, h.Child, "CHILD")
			}
		}
		return f.result()
	})
}

func childSet(n int, child func(int) string) map[string]bool {
	m := make(map[string]bool, n)
	for i := range n {
		m[child(i)] = true
	}
	return m
}
