// Package annexa produces Ofsted's ILACS Annex A lists 1 to 7 (contacts,
// early help assessments, referrals, assessments, section 47 enquiries and
// initial conferences, children in need, child protection plans) from the record for an inspection date, and writes
// them as an xlsx workbook in the layout of the Annex A template (one sheet
// per list, its header row, dates as real dates shown dd/mm/yyyy) or as one
// CSV file per list.
package annexa

import (
	"context"
	"strconv"

	"cairn/internal/csc"
)

// produceRange is how many person ids are read per set of queries. The
// contacts that named a child in their household are found by reading
// every contact of the year for each range (nothing indexes a household by
// person), so few large ranges beat many small ones: a 50,000-child
// authority (about 100,000 people) is read in one, its year's material a
// few megabytes.
const produceRange = 100_000

// List is one Annex A list: its sheet, header row and rows. A cell is a
// string, an int or a csc.Date (empty when zero).
type List struct {
	Number int
	Sheet  string // the template's sheet name, "List 1"
	File   string // the CSV file name
	Header []string
	From   csc.Date // the period the list covers, From to the as-of date
	Rows   [][]any
}

// Period is the six months before the inspection date: [asOf less six
// months, asOf], both inclusive.
func Period(asOf csc.Date) csc.Date { return csc.DateOfUTC(asOf.Time().AddDate(0, -6, 0)) }

// Year is the twelve months before the inspection date, for the counts "in
// the last 12 months".
func Year(asOf csc.Date) csc.Date { return csc.DateOfUTC(asOf.Time().AddDate(-1, 0, 0)) }

var person = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"}

// NewLists returns the empty lists for asOf, with their headers.
func NewLists(asOf csc.Date) []*List {
	six := Period(asOf)
	h := func(more ...string) []string { return append(append([]string{}, person...), more...) }
	return []*List{
		{Number: 1, Sheet: "List 1", File: "list1_contacts.csv", From: six,
			Header: h("Date of Contact", "Contact Source")},
		{Number: 2, Sheet: "List 2", File: "list2_early_help_assessments.csv", From: six,
			Header: h("Assessment start date", "Assessment completion date", "Organisation completing assessment")},
		{Number: 3, Sheet: "List 3", File: "list3_referrals.csv", From: six,
			Header: h("Date of Referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker")},
		{Number: 4, Sheet: "List 4", File: "list4_assessments.csv", From: six,
			Header: h("Does the Child have a Disability", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
				"Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?",
				"Allocated Team", "Allocated Worker")},
		{Number: 5, Sheet: "List 5", File: "list5_s47_enquiries.csv", From: six,
			Header: h("Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
				"Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
				"Did the Initial Child Protection Conference Result in a Child Protection Plan",
				"Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
				"Allocated Team", "Allocated Worker")},
		{Number: 6, Sheet: "List 6", File: "list6_children_in_need.csv", From: six,
			Header: h("Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
				"CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker")},
		{Number: 7, Sheet: "List 7", File: "list7_child_protection.csv", From: six,
			Header: h("Does the Child have a Disability", "Child Protection Plan Start Date", "Initial Category of Abuse",
				"Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
				"Date of latest review conference", "Child Protection Plan End Date",
				"Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
				"Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker")},
	}
}

// Produce reads the record in st in ranges of ids in one read transaction
// and returns lists 1 to 7 for the inspection date asOf.
func Produce(ctx context.Context, st csc.Store, asOf csc.Date) ([]*List, error) {
	lists := NewLists(asOf)
	err := st.Read(ctx, func(tx csc.Tx) error {
		max, err := tx.MaxPersonID()
		if err != nil {
			return err
		}
		for from := int64(1); from <= max; from += produceRange {
			if err := ctx.Err(); err != nil {
				return err
			}
			a, err := tx.AnnexA(Year(asOf), asOf, from, from+produceRange-1)
			if err != nil {
				return err
			}
			Add(lists, a, asOf)
		}
		return nil
	})
	return lists, err
}

// Add maps the record's material for a range of children, read for the
// twelve months to asOf, to rows of the lists.
func Add(lists []*List, a *csc.AnnexA, asOf csc.Date) {
	six := Period(asOf)
	in := func(d csc.Date) bool { return !d.IsZero() && !d.Before(six) && !d.After(asOf) }
	known := func(d csc.Date) csc.Date {
		if d.After(asOf) {
			return csc.Date{}
		}
		return d
	}
	who := func(id int64) []any {
		c := a.Children[id]
		if c == nil {
			c = &csc.AnnexAChild{ID: id}
		}
		var age any = ""
		if !c.DateOfBirth.IsZero() && !c.DateOfBirth.After(asOf) {
			age = c.DateOfBirth.AgeOn(asOf)
		}
		return []any{strconv.FormatInt(id, 10), gender(c.Sex), string(c.Ethnicity), c.DateOfBirth, age}
	}
	alloc := func(id int64) []any {
		if c := a.Children[id]; c != nil {
			return []any{c.Team, c.Worker}
		}
		return []any{"", ""}
	}
	row := func(l *List, id int64, cells ...any) {
		l.Rows = append(l.Rows, append(who(id), cells...))
	}

	for _, c := range a.Contacts {
		if in(c.Received) {
			row(lists[0], c.ChildID, c.Received, source(c.Source, asOf))
		}
	}
	for _, e := range a.EarlyHelp {
		// A current intervention whose assessment is not yet complete.
		open := !e.Start.After(asOf) && (e.End.IsZero() || e.End.After(asOf)) && known(e.EHACompleted).IsZero()
		if in(e.EHAStart) || in(e.EHACompleted) || open {
			row(lists[1], e.ChildID, known(e.EHAStart), known(e.EHACompleted), e.Agency)
		}
	}
	referrals := map[int64]int{}
	for _, r := range a.Referrals {
		referrals[r.ChildID]++
	}
	for _, r := range a.Referrals {
		if in(r.Date) {
			row(lists[2], r.ChildID, append([]any{r.Date, source(r.Source, asOf), yesNo(r.NFA), referrals[r.ChildID]}, alloc(r.ChildID)...)...)
		}
	}
	for _, x := range a.Assessments {
		if x.Start.After(asOf) || (!x.Authorised.IsZero() && x.Authorised.Before(six)) {
			continue
		}
		outcome := ""
		if !known(x.Authorised).IsZero() {
			outcome = x.Outcome
		}
		row(lists[3], x.ChildID, append([]any{disabled(a.Children[x.ChildID]), x.Start, yesNo(x.Seen), known(x.Authorised), outcome}, alloc(x.ChildID)...)...)
	}
	s47s, icpcs := map[int64]int{}, map[int64]int{}
	for _, s := range a.S47s {
		if !s.Started.After(asOf) && !s.Started.Before(Year(asOf)) {
			s47s[s.ChildID]++
		}
	}
	for _, c := range a.ICPCs {
		icpcs[c.ChildID]++
	}
	for _, s := range a.S47s {
		if s.Started.After(asOf) || (s.Started.Before(six) && s.Concluded) {
			continue
		}
		cpc := known(s.InitialCPC)
		unnecessary := s.Concluded && !s.ConferenceNeeded && cpc.IsZero()
		plan := ""
		if !cpc.IsZero() {
			plan = yesNo(s.Plan)
		}
		row(lists[4], s.ChildID, append([]any{disabled(a.Children[s.ChildID]), s.StrategyDate, yesNo(unnecessary), cpc, plan,
			s47s[s.ChildID], icpcs[s.ChildID]}, alloc(s.ChildID)...)...)
	}
	// List 6: episodes of need open at some point in the period.
	for _, c := range a.CIN {
		if c.Start.After(asOf) || (!c.Closed.IsZero() && c.Closed.Before(six)) {
			continue
		}
		closed, reason := known(c.Closed), ""
		if !closed.IsZero() {
			reason = coded(csc.ListClosureReason, c.ClosureReason, asOf)
		}
		status := ""
		switch {
		case c.CPPlan:
			status = "a) Child protection plan"
		case c.CINPlan:
			status = "c) Child in need plan"
		}
		var seen csc.Date
		if ch := a.Children[c.ChildID]; ch != nil {
			seen = known(ch.LastSeen)
		}
		row(lists[5], c.ChildID, append([]any{disabled(a.Children[c.ChildID]), c.Start,
			coded(csc.ListPrimaryNeed, c.PrimaryNeed, asOf), seen, closed, reason, status}, alloc(c.ChildID)...)...)
	}
	// List 7: plans open at the inspection or ended in the period.
	for _, p := range a.CPPlans {
		if p.Start.After(asOf) || (!p.End.IsZero() && p.End.Before(six)) {
			continue
		}
		alone := ""
		if !known(p.LastVisit).IsZero() {
			alone = abYesNo(p.SeenAlone)
		}
		row(lists[6], p.ChildID, append([]any{disabled(a.Children[p.ChildID]), p.Start,
			category(p.Initial, asOf), category(p.Latest, asOf), known(p.LastVisit), alone,
			known(p.LastReview), known(p.End), "", p.PreviousPlans}, alloc(p.ChildID)...)...)
	}
}

// abYesNo is the template's "a) Yes" or "b) No".
func abYesNo(b bool) string {
	if b {
		return "a) Yes"
	}
	return "b) No"
}

// coded is a code with its DfE description as the template shows it,
// "N1 - Abuse or Neglect"; empty when there is no code.
func coded(list csc.ListID, code string, asOf csc.Date) string {
	if code == "" {
		return ""
	}
	if c, ok := csc.LookupCode(list, csc.CollectionYearOf(asOf), code); ok && c.Label != "" {
		return code + " - " + c.Label
	}
	return code
}

// category is a category of abuse by its description, "Physical abuse".
func category(code string, asOf csc.Date) string {
	if c, ok := csc.LookupCode(csc.ListAbuseCategory, csc.CollectionYearOf(asOf), code); ok && c.Label != "" {
		return c.Label
	}
	return code
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// gender is the template's label for a sex code.
func gender(s csc.SexCode) string {
	switch s {
	case "M":
		return "a) Male"
	case "F":
		return "b) Female"
	}
	return "c) Not stated/recorded"
}

// disabled is the template's answer to "Does the Child have a Disability".
func disabled(c *csc.AnnexAChild) string {
	if c == nil || len(c.Disabilities) == 0 {
		return "c) Not recorded"
	}
	for _, d := range c.Disabilities {
		if d != "NONE" {
			return "a) Yes"
		}
	}
	return "b) No"
}

// source is a referral source code with its DfE description, "1B: Individual".
func source(code string, asOf csc.Date) string {
	if c, ok := csc.LookupCode(csc.ListReferralSource, csc.CollectionYearOf(asOf), code); ok && c.Label != "" {
		return code + ": " + c.Label
	}
	return code
}
