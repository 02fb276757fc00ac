package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"cairn/internal/csc"
)

// The improvement plan: actions answering findings, owned by a member of
// staff, with dates, a status, quarterly progress and evidence, and a
// rating derived by RateAction. Reading needs improvement.view; every
// change needs improvement.edit and is audited.

// ActionRow is an action with its rating and its latest update.
type ActionRow struct {
	csc.ImprovementAction
	Rating Rating
	Latest *csc.ProgressUpdate
}

// Overdue reports whether the action is past its due date and not
// complete or dropped.
func (r *ActionRow) Overdue() bool { return r.Rating.RAG == csc.PlanRed }

// Unowned reports whether a live action's owner has left: their account is
// closed or has expired.
func (r *ActionRow) Unowned() bool { return !r.OwnerActive && !r.Status.Closed() }

// ThemeGroup is the actions of one theme (practice area).
type ThemeGroup struct {
	Code, Label string
	Actions     []ActionRow
	Counts      map[csc.PlanRAG]int
}

// FindingRef is a finding with the inspection it came from.
type FindingRef struct {
	csc.Finding
	Inspection csc.Inspection
}

// Plan is the improvement plan as at one day: actions grouped by theme,
// and the flags a board should see.
type Plan struct {
	AsOf    csc.Date
	Quarter csc.Quarter
	Themes  []ThemeGroup
	Counts  map[csc.PlanRAG]int
	Total   int
	// Overdue, Unowned and Unanswered are the flags: actions past due and
	// not complete, live actions whose owner has left, and findings other
	// than strengths with no live action.
	Overdue    []ActionRow
	Unowned    []ActionRow
	Unanswered []FindingRef
	// Findings are every finding, by id, for the actions' links.
	Findings map[int64]FindingRef
}

// rateAll rates every action on today from the updates of all of them.
func rateAll(actions []csc.ImprovementAction, updates []csc.ProgressUpdate, today csc.Date) []ActionRow {
	byAction := map[int64][]csc.ProgressUpdate{}
	for _, u := range updates {
		byAction[u.ActionID] = append(byAction[u.ActionID], u)
	}
	rows := make([]ActionRow, len(actions))
	for i, act := range actions {
		us := byAction[act.ID]
		rows[i] = ActionRow{ImprovementAction: act, Rating: RateAction(&actions[i], us, today)}
		if len(us) > 0 {
			latest := us[len(us)-1]
			rows[i].Latest = &latest
		}
	}
	return rows
}

// ImprovementPlan reads the whole plan, rated as at today. Needs
// improvement.view.
func (a *App) ImprovementPlan(ctx context.Context, actor csc.Actor) (p *Plan, err error) {
	defer csc.WrapOp(&err, "app.ImprovementPlan")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	var actions []csc.ImprovementAction
	var updates []csc.ProgressUpdate
	var findings []csc.Finding
	var inspections []csc.Inspection
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		if actions, err = tx.ListImprovementActions(); err != nil {
			return err
		}
		if updates, err = tx.ListProgressUpdates(0); err != nil {
			return err
		}
		if findings, err = tx.ListFindings(0); err != nil {
			return err
		}
		inspections, err = tx.ListInspections()
		return err
	})
	if err != nil {
		return nil, err
	}
	return BuildPlan(actions, updates, findings, inspections, a.Today()), nil
}

// BuildPlan rates and groups a plan as at today, and raises its flags. It
// is pure, for the plan page, the API and the board pack alike.
func BuildPlan(actions []csc.ImprovementAction, updates []csc.ProgressUpdate, findings []csc.Finding,
	inspections []csc.Inspection, today csc.Date) *Plan {
	p := &Plan{AsOf: today, Quarter: csc.QuarterOf(today), Counts: map[csc.PlanRAG]int{}, Total: len(actions),
		Findings: map[int64]FindingRef{}}
	byIns := map[int64]csc.Inspection{}
	for _, ins := range inspections {
		byIns[ins.ID] = ins
	}
	byID := map[int64]csc.ImprovementAction{}
	for _, act := range actions {
		byID[act.ID] = act
	}
	for _, f := range findings {
		ref := FindingRef{Finding: f, Inspection: byIns[f.InspectionID]}
		p.Findings[f.ID] = ref
		if unanswered(f, byID) {
			p.Unanswered = append(p.Unanswered, ref)
		}
	}
	groups := map[string]*ThemeGroup{}
	for _, row := range rateAll(actions, updates, today) {
		g := groups[row.Theme]
		if g == nil {
			g = &ThemeGroup{Code: row.Theme, Label: csc.PracticeAreaLabel(row.Theme), Counts: map[csc.PlanRAG]int{}}
			groups[row.Theme] = g
		}
		g.Actions = append(g.Actions, row)
		g.Counts[row.Rating.RAG]++
		p.Counts[row.Rating.RAG]++
		if row.Overdue() {
			p.Overdue = append(p.Overdue, row)
		}
		if row.Unowned() {
			p.Unowned = append(p.Unowned, row)
		}
	}
	// Themes in the order of the practice area list, any retired codes last.
	for _, area := range csc.CurrentPracticeAreas().Areas {
		if g := groups[area.Code]; g != nil {
			p.Themes = append(p.Themes, *g)
			delete(groups, area.Code)
		}
	}
	var rest []string
	for code := range groups {
		rest = append(rest, code)
	}
	slices.Sort(rest)
	for _, code := range rest {
		p.Themes = append(p.Themes, *groups[code])
	}
	slices.SortStableFunc(p.Overdue, func(x, y ActionRow) int { return x.Due.Compare(y.Due) })
	return p
}

// ActionView is one action with everything recorded about it.
type ActionView struct {
	ActionRow
	Findings []FindingRef
	Updates  []csc.ProgressUpdate
	Evidence []csc.Evidence
	AsOf     csc.Date
}

// ImprovementActionView reads one action, rated as at today. Needs
// improvement.view.
func (a *App) ImprovementActionView(ctx context.Context, actor csc.Actor, id int64) (v *ActionView, err error) {
	defer csc.WrapOp(&err, "app.ImprovementActionView")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	v = &ActionView{AsOf: a.Today()}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		act, err := tx.FindImprovementActionByID(id)
		if err != nil {
			return err
		}
		if v.Updates, err = tx.ListProgressUpdates(id); err != nil {
			return err
		}
		if v.Evidence, err = tx.ListEvidence(id); err != nil {
			return err
		}
		v.ActionRow = rateAll([]csc.ImprovementAction{*act}, v.Updates, v.AsOf)[0]
		for _, fid := range act.FindingIDs {
			f, err := tx.FindFindingByID(fid)
			if err != nil {
				return err
			}
			ins, err := tx.FindInspectionByID(f.InspectionID)
			if err != nil {
				return err
			}
			ins.LetterText = ""
			v.Findings = append(v.Findings, FindingRef{Finding: *f, Inspection: *ins})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// parseAction checks an action's fields that need no database.
func parseAction(in csc.ActionInput) (csc.ImprovementAction, error) {
	var probs csc.Problems
	act := csc.ImprovementAction{OwnerID: in.OwnerID}
	act.Title = textField(&probs, "title", in.Title, 300)
	if act.Title == "" {
		probs.Add("title", "Enter what will be done")
	}
	act.Detail = textField(&probs, "detail", in.Detail, maxText)
	act.Theme = strings.TrimSpace(in.Theme)
	if !csc.CurrentPracticeAreas().Has(act.Theme) {
		probs.Add("theme", "Choose the theme (practice area) the action belongs to")
	}
	if in.OwnerID <= 0 {
		probs.Add("owner_id", "Choose the member of staff who owns this action")
	}
	act.Start = parseDateField(&probs, "start", "start date", in.Start)
	if act.Start.IsZero() && !probs.Has("start") {
		probs.Add("start", "Enter the date the action starts")
	}
	act.Due = parseDateField(&probs, "due", "due date", in.Due)
	switch {
	case act.Due.IsZero() && !probs.Has("due"):
		probs.Add("due", "Enter the date the action is due")
	case !act.Start.IsZero() && act.Due.Before(act.Start):
		probs.Add("due", "The due date must be on or after the start date, %s", act.Start.Long())
	}
	for _, id := range in.FindingIDs {
		if id > 0 && !slices.Contains(act.FindingIDs, id) {
			act.FindingIDs = append(act.FindingIDs, id)
		}
	}
	if len(act.FindingIDs) == 0 {
		probs.Add("finding_ids", "Choose the finding or findings this action answers")
	}
	return act, probs.Err()
}

// checkActionRefs checks, inside the transaction, that the owner is a
// member of staff still in post and that every finding exists.
func checkActionRefs(tx csc.Tx, act *csc.ImprovementAction, now time.Time) error {
	var probs csc.Problems
	owner, err := tx.FindStaffByID(act.OwnerID)
	switch {
	case csc.ErrorKind(err) == csc.NotFound:
		probs.Add("owner_id", "There is no member of staff %d: choose the action's owner from the list", act.OwnerID)
	case err != nil:
		return err
	case !owner.Usable(now):
		probs.Add("owner_id", "%s's account is closed: choose an owner who is still in post", owner.Name)
	}
	for _, id := range act.FindingIDs {
		if _, err := tx.FindFindingByID(id); csc.ErrorKind(err) == csc.NotFound {
			probs.Add("finding_ids", "There is no finding %d", id)
		} else if err != nil {
			return err
		}
	}
	return probs.Err()
}

// RecordAction adds an action to the plan, not started. Needs
// improvement.edit; audited.
func (a *App) RecordAction(ctx context.Context, actor csc.Actor, in csc.ActionInput) (act *csc.ImprovementAction, err error) {
	defer csc.WrapOp(&err, "app.RecordAction")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	v, err := parseAction(in)
	if err != nil {
		return nil, err
	}
	v.Status, v.RecordedByID = csc.StatusNotStarted, actor.StaffID
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if err := checkActionRefs(tx, &v, a.Now()); err != nil {
			return err
		}
		if err := tx.CreateImprovementAction(&v); err != nil {
			return err
		}
		au.add(actor, "create", "improvement_action", v.ID, 0, fmt.Sprintf("theme %s, %d findings", v.Theme, len(v.FindingIDs)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// UpdateAction changes an action's title, detail, theme, owner, dates and
// findings; its status changes with SetActionStatus. Needs
// improvement.edit; audited.
func (a *App) UpdateAction(ctx context.Context, actor csc.Actor, id int64, in csc.ActionInput) (act *csc.ImprovementAction, err error) {
	defer csc.WrapOp(&err, "app.UpdateAction")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	v, err := parseAction(in)
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if act, err = openAction(tx, id, in.Version); err != nil {
			return err
		}
		if err := checkActionRefs(tx, &v, a.Now()); err != nil {
			return err
		}
		detail := changedAction(act, &v)
		act.Title, act.Detail, act.Theme, act.OwnerID, act.Start, act.Due, act.FindingIDs =
			v.Title, v.Detail, v.Theme, v.OwnerID, v.Start, v.Due, v.FindingIDs
		if err := tx.UpdateImprovementAction(act); err != nil {
			return err
		}
		au.add(actor, "update", "improvement_action", id, 0, detail)
		return nil
	})
	return act, err
}

// openAction reads an action for a change made from the given version.
func openAction(tx csc.Tx, id int64, version int) (*csc.ImprovementAction, error) {
	act, err := tx.FindImprovementActionByID(id)
	if err != nil {
		return nil, err
	}
	if act.Version != version {
		return nil, staleVersion("action")
	}
	return act, nil
}

// changedAction names the fields an update changed, for the audit trail.
func changedAction(old, new *csc.ImprovementAction) string {
	var out []string
	for _, c := range []struct {
		name    string
		changed bool
	}{{"title", old.Title != new.Title}, {"detail", old.Detail != new.Detail}, {"theme", old.Theme != new.Theme},
		{"owner", old.OwnerID != new.OwnerID}, {"start", old.Start != new.Start}, {"due", old.Due != new.Due},
		{"findings", !slices.Equal(old.FindingIDs, new.FindingIDs)}} {
		if c.changed {
			out = append(out, c.name)
		}
	}
	return strings.Join(out, ",")
}

// SetActionStatus records an action started, complete (on a date, today
// if none is given), dropped (with a reason) or back in progress. Needs
// improvement.edit; audited.
func (a *App) SetActionStatus(ctx context.Context, actor csc.Actor, id int64, in csc.ActionStatusInput) (act *csc.ImprovementAction, err error) {
	defer csc.WrapOp(&err, "app.SetActionStatus")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	st := csc.ActionStatus(in.Status)
	if !st.Valid() {
		probs.Add("status", "Choose the action's status")
	}
	reason := textField(&probs, "reason", in.Reason, 2000)
	if st == csc.StatusDropped && reason == "" {
		probs.Add("reason", "Say why the action is being dropped")
	}
	var done csc.Date
	if st == csc.StatusComplete {
		done = a.Today()
		if strings.TrimSpace(in.CompletedOn) != "" {
			done = a.stepDate(&probs, "completed_on", "date it was completed", in.CompletedOn)
		}
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if act, err = openAction(tx, id, in.Version); err != nil {
			return err
		}
		if st == csc.StatusComplete && done.Before(act.Start) {
			return csc.Problems{{Field: "completed_on", Message: "An action cannot be completed before it started, " + act.Start.Long()}}.Err()
		}
		from := act.Status
		act.Status, act.CompletedOn, act.DroppedReason = st, done, ""
		if st == csc.StatusDropped {
			act.DroppedReason = reason
		}
		if err := tx.UpdateImprovementAction(act); err != nil {
			return err
		}
		au.add(actor, "update", "improvement_action", id, 0, fmt.Sprintf("status %s → %s", from, st))
		return nil
	})
	return act, err
}
