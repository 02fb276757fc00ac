package ssda903

import "cairn/internal/returns"

// Rules on unaccompanied asylum-seeking children that read the UASC status
// flag (Header UASC: 1 when the child was UASC during the year) with the
// date UASC status ceased (DUC, the UASC table). The 205 family compares
// both with last year's return.
//
// DfE's guidance records DUC as the child's 18th birthday while the child is
// still UASC (status ends at 18 at the latest, rule 304), and as the actual
// date once it has ceased earlier. The 205 rules are read in that light.

// uascYear is one year's UASC data for a child: the flag, and the UASC row
// with its DUC (nil when the child has none).
type uascYear struct {
	header *Header
	row    *UASC
}

func (u uascYear) flagged() bool { return u.header != nil && u.header.UASC == "1" }

func (u uascYear) duc() Date {
	if u.row == nil {
		return Date{}
	}
	return u.row.DUC
}

// uascRule builds a 205 rule: it needs the flag in both years' returns, and
// calls bad for each child in this year's Header with this year's and last
// year's UASC data; a failure is on the UASC row when the child has one
// (field is that row's field), else on the Header row.
func uascRule(bad func(d *Dataset, now, last uascYear) bool, headerFields, rowFields []string) returns.Check[*Dataset] {
	return needsLast(needsFlag(func(d *Dataset) ([]returns.Failure, error) {
		if !d.Last.hasFlag() {
			return nil, returns.NeedsData("%s, in last year's return too", flagNeeded)
		}
		rows := rowsByChild(d.UASC, func(u *UASC) string { return u.Child })
		lastRows := rowsByChild(d.Last.UASC, func(u *UASC) string { return u.Child })
		var f failures
		for i := range d.Header {
			h := &d.Header[i]
			now := uascYear{h, rows[h.Child]}
			last := uascYear{d.LastHeaderOf(h.Child), lastRows[h.Child]}
			if !bad(d, now, last) {
				continue
			}
			if now.row != nil {
				f.add(TUASC, now.row.Row, h.Child, rowFields...)
			} else {
				f.add(THeader, h.Row, h.Child, headerFields...)
			}
		}
		return f.result()
	}))
}

// lastYearOf is the collection year before y.
func lastYearOf(y Year) Year {
	return Year{Start: addYears(y.Start, -1), End: addYears(y.End, -1)}
}

func within(d Date, y Year) bool {
	return d.Valid() && !d.Date.Before(y.Start) && !d.Date.After(y.End)
}

func init() {
	// 205A: UASC last year, not this year. Interpretation: the status ended
	// during last year, so last year's return must give a DUC within last
	// year's collection period, and this year's return no DUC at all (a
	// DUC this year would say the status ran on).
	register("205A", uascRule(func(d *Dataset, now, last uascYear) bool {
		if !last.flagged() || now.flagged() {
			return false
		}
		return !now.duc().Blank() || !within(last.duc(), lastYearOf(d.Year))
	}, []string{"CHILD", "UASC"}, []string{"CHILD", "DUC"}))

	// 205B: UASC in both years. Interpretation: the status ran on past last
	// year, so last year's DUC (where given) must be the child's 18th
	// birthday, the date recorded while the status lasts; this year's DUC
	// (where given) must be that same date or, if the status has now
	// ended, a date within this year.
	register("205B", uascRule(func(d *Dataset, now, last uascYear) bool {
		if !now.flagged() || !last.flagged() {
			return false
		}
		b18, ok := d.birthday(now.header.Child, Date{}, 18)
		if !ok {
			return false
		}
		lastDUC, nowDUC := last.duc(), now.duc()
		if lastDUC.Valid() && lastDUC.Date != b18 {
			return true
		}
		return nowDUC.Valid() && !within(nowDUC, d.Year) && !(lastDUC.Valid() && nowDUC.Date == lastDUC.Date)
	}, []string{"UASC"}, []string{"DUC"}))

	// 205C: UASC in neither year (not flagged this year, and not flagged or
	// not in last year's return) but a DUC is given in either year.
	register("205C", uascRule(func(_ *Dataset, now, last uascYear) bool {
		return !now.flagged() && !last.flagged() && (!now.duc().Blank() || !last.duc().Blank())
	}, []string{"UASC"}, []string{"DUC"}))

	// 205D: UASC this year though last year's return, which has the child,
	// did not say so. A child is identified as UASC on arrival; one looked
	// after last year as not UASC is unlikely to become UASC since.
	register("205D", uascRule(func(_ *Dataset, now, last uascYear) bool {
		return now.flagged() && last.header != nil && !last.flagged()
	}, []string{"CHILD", "UASC"}, []string{"CHILD", "UASC"}))

	// 231: a child flagged UASC should be at least 11 at the end of the
	// year (born on or before that day 11 years earlier); a younger one
	// is more likely a wrong date of birth, or needs a bypass request.
	register("231", needsFlag(headerCheck(func(d *Dataset, h *Header) bool {
		return h.UASC == "1" && h.DOB.Valid() && h.DOB.Date.After(addYears(d.Year.End, -11))
	}, "DOB", "UASC_STATUS")))
}
