package ssda903

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"

	"cairn/internal/csc"
)

// Sample builds a synthetic 2025/26 return as CSV files: children made up
// from a seed, with no real person's data. 23 in 27 children have two
// episodes (a change of placement), the rest one, so 27,000 children give
// 50,000 episodes, the scale of a large authority's return. The return is
// meant to be clean against the rules cairn implements; tests that need
// dirty data break it on purpose.
func Sample(children int, seed uint64) map[string][]byte {
	r := rand.New(rand.NewPCG(seed, 903))
	w := newSampleWriter()
	start := csc.NewDate(2025, 4, 1)
	for i := range children {
		child := fmt.Sprintf("C%06d", i+1)
		// Born from April 2008, so no child is 18 by the end of the year
		// (rule 359 would want them accommodated under section 20(5)).
		dob := csc.NewDate(2008+r.IntN(16), 4, 1).AddDays(r.IntN(365))
		sex := []string{"M", "F"}[r.IntN(2)]
		mother := ""
		if sex == "F" {
			mother = "0"
		}
		w.header.Write([]string{child, sex, ddmmyyyy(dob), sampleEthnic[r.IntN(len(sampleEthnic))],
			fmt.Sprintf("A%012d", 100000000000+int64(i)), mother, ""})
		first := start.AddDays(-r.IntN(700))
		if first.Before(dob.AddDays(1)) {
			first = dob.AddDays(1 + r.IntN(30))
		}
		ls := []string{"C2", "C1", "V2", "C2"}[r.IntN(4)]
		cin := fmt.Sprintf("N%d", 1+r.IntN(8))
		place, provider := samplePlace(r)
		two := (i*23)%27 < 23
		end := csc.Date{}
		rec, rpc := "", ""
		if two {
			// The reason for a placement change is on the episode that ends.
			end = maxDate(first, start).AddDays(1 + r.IntN(150))
			rec, rpc = "X1", "CARPL"
		}
		w.episode(child, first, "S", ls, cin, place, provider, end, rec, rpc, i)
		if !first.Before(start) {
			w.permanence(child, dob, first, i)
		}
		w.review(child, dob, maxDate(first, start).AddDays(20))
		rec2 := ""
		if two {
			place2, provider2 := samplePlace(r)
			var end2 csc.Date
			if r.IntN(4) == 0 {
				end2, rec2 = end.AddDays(1+r.IntN(150)), []string{"E13", "E8", "E13", "E8"}[r.IntN(4)]
			}
			w.episode(child, end, "P", ls, cin, place2, provider2, end2, rec2, "", i+children)
		}
		if !first.After(start) && (!two || rec2 == "") {
			w.outcomes(child, dob, start, start.AddDays(364))
		}
		if r.IntN(10) == 0 {
			ms := maxDate(first, start).AddDays(5)
			w.missing.Write([]string{child, ddmmyyyy(dob), "M", ddmmyyyy(ms), ddmmyyyy(ms.AddDays(1))})
		}
	}
	return w.files()
}

var sampleEthnic = []string{"WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "AIND", "BAFR", "OOTH", "NOBT"}

// samplePlace picks a placement and a provider the rules accept together.
func samplePlace(r *rand.Rand) (string, string) {
	switch r.IntN(6) {
	case 0:
		return "U4", "PR4"
	case 1:
		return "K2", "PR1"
	case 2:
		return "R1", "PR3"
	}
	return []string{"U1", "U3", "U6"}[r.IntN(3)], "PR1"
}

func maxDate(a, b csc.Date) csc.Date {
	if a.After(b) {
		return a
	}
	return b
}

func ddmmyyyy(d csc.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

type sampleWriter struct {
	bufs                                              map[string]*bytes.Buffer
	header, episodes, reviews, missing, oc2, prevPerm *csv.Writer
}

func newSampleWriter() *sampleWriter {
	w := &sampleWriter{bufs: map[string]*bytes.Buffer{}}
	mk := func(name string, table string) *csv.Writer {
		b := &bytes.Buffer{}
		w.bufs[name] = b
		cw := csv.NewWriter(b)
		cw.Write(tableDefByName(table).cols)
		return cw
	}
	w.header = mk("header.csv", THeader)
	w.episodes = mk("episodes.csv", TEpisodes)
	w.reviews = mk("reviews.csv", TReviews)
	w.missing = mk("missing.csv", TMissing)
	w.oc2 = mk("oc2.csv", TOC2)
	w.prevPerm = mk("prevperm.csv", TPrevPerm)
	return w
}

// permanence writes the previous permanence of a child who started to be
// looked after this year: mostly none (Z1); one in five had a special
// guardianship order (P2) made by the City of London (201) when they were
// one, or a month before coming into care if that is sooner.
func (w *sampleWriter) permanence(child string, dob, first csc.Date, n int) {
	if n%5 != 0 {
		w.prevPerm.Write([]string{child, ddmmyyyy(dob), "Z1", "", ""})
		return
	}
	on := addYears(dob, 1)
	if !on.Before(first) {
		on = first.AddDays(-30)
	}
	if on.Before(dob) {
		on = dob
	}
	w.prevPerm.Write([]string{child, ddmmyyyy(dob), "P2", "201", ddmmyyyy(on)})
}

func (w *sampleWriter) episode(child string, decom csc.Date, rne, ls, cin, place, provider string, dec csc.Date, rec, rpc string, n int) {
	urn := fmt.Sprintf("SC%06d", 100000+n%800000)
	if noURNPlaces.has(place) {
		urn = ""
	}
	// A change of placement is always to another address.
	pl := "CD"
	if rne != "S" {
		pl = "EF"
	}
	w.episodes.Write([]string{child, ddmmyyyy(decom), rne, ls, cin, place, provider, ddmmyyyy(dec), rec, rpc,
		fmt.Sprintf("NM%d %dAB", 1+n%9, n%10), fmt.Sprintf("NM%d %d%s", 1+(n+3)%9, (n+7)%10, pl), urn})
}

func (w *sampleWriter) review(child string, dob, on csc.Date) {
	// A child under 4 at the review has participation code PN0.
	code := "PN1"
	if dob.AgeOn(on) < 4 {
		code = "PN0"
	}
	w.reviews.Write([]string{child, ddmmyyyy(dob), ddmmyyyy(on), code})
}

// outcomes writes the OC2 row of a child looked after for 12 months at 31 March,
// completed as the rules expect for the child's age.
func (w *sampleWriter) outcomes(child string, dob, start, end csc.Date) {
	atStart, atEnd := dob.AgeOn(start), dob.AgeOn(end)
	score, reason, convicted, check := "", "", "", ""
	switch {
	case atStart >= 4 && atEnd < 17:
		score = fmt.Sprint(atEnd + 3)
	case atEnd >= 4 && atStart < 17: // 4th or 17th birthday in the year
		reason = "SDQ1"
	}
	if atEnd >= 10 {
		convicted = "0"
	}
	if atEnd < 5 {
		check = "1"
	}
	w.oc2.Write([]string{child, ddmmyyyy(dob), score, reason, convicted, check, "1", "1", "1", "0", "", ""})
}

func (w *sampleWriter) files() map[string][]byte {
	out := map[string][]byte{}
	for _, cw := range []*csv.Writer{w.header, w.episodes, w.reviews, w.missing, w.oc2, w.prevPerm} {
		cw.Flush()
	}
	for n, b := range w.bufs {
		out[n] = b.Bytes()
	}
	return out
}
