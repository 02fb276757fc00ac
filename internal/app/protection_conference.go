package app

import (
	"context"
	"fmt"
	"slices"

	"cairn/internal/csc"
)

func (a *App) parseConference(in csc.ConferenceInput) (csc.Conference, error) {
	var probs csc.Problems
	c := csc.Conference{Kind: in.Kind, S47ID: in.S47ID, PlanID: in.PlanID, ReferralID: in.ReferralID, ChairID: in.ChairID}
	switch in.Kind {
	case csc.ConferenceInitial:
		if in.S47ID <= 0 {
			probs.Add("s47_id", "Choose the section 47 enquiry the initial conference follows")
		}
	case csc.ConferenceReview:
		if in.PlanID <= 0 {
			probs.Add("plan_id", "Choose the plan the review conference reviews")
		}
	case csc.ConferenceTransfer:
		if in.ReferralID <= 0 {
			probs.Add("referral_id", "Choose the referral the transfer-in conference belongs to")
		}
	default:
		probs.Add("kind", "Choose the kind of conference: initial, review or transfer-in")
	}
	c.HeldOn = a.stepDate(&probs, "held_on", "date of the conference", in.HeldOn)
	if in.ChairID <= 0 {
		probs.Add("chair_id", "Choose the chair of the conference")
	}
	if len(in.Attendance) > maxListRows || len(in.Views) > maxListRows || len(in.Decisions) > maxListRows {
		probs.Add("attendance", "Enter at most %d attendees, views and decisions", maxListRows)
		return c, probs.Err()
	}
	c.Attendance = attendance(&probs, "attendance", in.Attendance)
	if len(c.Attendance) == 0 {
		probs.Add("attendance", "Enter who was invited and who attended")
	}
	c.ChildView = textField(&probs, "child_view", in.ChildView, maxText)
	if c.ChildView == "" {
		probs.Add("child_view", "Enter the child's views, or how they were sought and represented")
	}
	c.FamilyView = textField(&probs, "family_view", in.FamilyView, maxText)
	if c.FamilyView == "" {
		probs.Add("family_view", "Enter the family's views")
	}
	for i, v := range in.Views {
		f := fmt.Sprintf("views.%d", i)
		v.Who, v.View = textField(&probs, f+".who", v.Who, 200), textField(&probs, f+".view", v.View, maxText)
		if v.Who == "" || v.View == "" {
			probs.Add(f+".view", "Enter who gave view %d and what it was", i+1)
		}
		c.Views = append(c.Views, v)
	}
	c.Evidence = textField(&probs, "evidence", in.Evidence, maxText)
	if c.Evidence == "" {
		probs.Add("evidence", "Enter a summary of the evidence considered")
	}
	year := csc.CollectionYearOf(a.Today())
	if !c.HeldOn.IsZero() {
		year = csc.CollectionYearOf(c.HeldOn)
	}
	for _, d := range in.Decisions {
		f := fmt.Sprintf("decisions.%d", d.ChildID)
		d.Dissent = textField(&probs, f+".dissent", d.Dissent, maxText)
		if d.PlanNeeded {
			if d.Category == "" {
				probs.Add(f+".category", "Choose the category of abuse for child record %d: a protection plan needs one", d.ChildID)
			} else if err := csc.CheckCode(csc.ListAbuseCategory, year, d.Category); err != nil {
				probs.Add(f+".category", "%s", err.Error())
			}
		} else {
			d.Category = ""
		}
		if d.EndReason != "" && !csc.ValidCPPlanEndReason(d.EndReason) {
			probs.Add(f+".end_reason", "Choose why the plan of child record %d ends", d.ChildID)
		}
		d.PlanID = 0
		c.Decisions = append(c.Decisions, d)
	}
	return c, probs.Err()
}

// attendance checks the rows of an attendance list.
func attendance(probs *csc.Problems, field string, rows []csc.ConferenceAttendee) []csc.ConferenceAttendee {
	var out []csc.ConferenceAttendee
	for i, at := range rows {
		f := fmt.Sprintf("%s.%d", field, i)
		at.Name, at.Role = textField(probs, f+".name", at.Name, 200), textField(probs, f+".role", at.Role, 200)
		if at.Name == "" {
			probs.Add(f+".name", "Enter the name of person %d", i+1)
		}
		out = append(out, at)
	}
	return out
}

// household is the child and the children they live with: a conference
// decides about each (CP-05).
func household(tx csc.Tx, childID int64) ([]int64, error) {
	rels, err := tx.ListRelationships(childID)
	if err != nil {
		return nil, err
	}
	out := []int64{childID}
	for _, r := range rels {
		if r.LivesWith && r.Other.Kind != csc.KindAdult && !slices.Contains(out, r.Other.ID) {
			out = append(out, r.Other.ID)
		}
	}
	return out, nil
}

// conferenceLinks checks what the conference hangs off: an initial one its
// s47 (and is not before the strategy discussion that started it), a
// review one an open plan, a transfer-in one a referral.
func conferenceLinks(tx csc.Tx, childID int64, c *csc.Conference) error {
	switch c.Kind {
	case csc.ConferenceInitial:
		e, err := tx.FindS47ByID(c.S47ID)
		if err != nil || e.ChildID != childID {
			return csc.Problems{{Field: "s47_id", Message: "Choose one of the child's section 47 enquiries"}}.Err()
		}
		if e.Concluded() && !e.ConferenceNeeded {
			return csc.Problems{{Field: "s47_id", Message: fmt.Sprintf("Section 47 enquiry %d concluded that no conference was needed", e.ID)}}.Err()
		}
		if c.HeldOn.Before(e.Started) {
			return csc.Problems{{Field: "held_on", Message: "An initial conference cannot be before the strategy discussion that started the enquiry, " + e.Started.Long()}}.Err()
		}
		confs, err := tx.ListConferences(childID)
		if err != nil {
			return err
		}
		for _, o := range confs {
			if o.Kind == csc.ConferenceInitial && o.S47ID == e.ID {
				return csc.Errorf(csc.Conflict, "Section 47 enquiry %d already has its initial conference (%d).", e.ID, o.ID)
			}
		}
		c.ReferralID = e.ReferralID
	case csc.ConferenceReview:
		p, err := tx.FindCPPlanByID(c.PlanID)
		if err != nil || p.ChildID != childID {
			return csc.Problems{{Field: "plan_id", Message: "Choose one of the child's protection plans"}}.Err()
		}
		if !p.Open() {
			return csc.Problems{{Field: "plan_id", Message: fmt.Sprintf("Plan %d ended on %s: a review conference is held during a plan", p.ID, p.End.Long())}}.Err()
		}
		if c.HeldOn.Before(p.Start) {
			return csc.Problems{{Field: "held_on", Message: "A review conference is held during the plan, which started on " + p.Start.Long()}}.Err()
		}
		c.ReferralID = p.ReferralID
	case csc.ConferenceTransfer:
		ref, err := childReferral(tx, childID, c.ReferralID)
		if err != nil {
			return err
		}
		if c.HeldOn.Before(ref.ReferralDate) {
			return csc.Problems{{Field: "held_on", Message: "The conference cannot be before the referral date, " + ref.ReferralDate.Long()}}.Err()
		}
	}
	return nil
}

// checkDecisions refuses a conference without exactly one decision for each
// child of the household; the message names record numbers, never names.
func checkDecisions(c *csc.Conference, house []int64) error {
	var probs csc.Problems
	seen := map[int64]bool{}
	for _, d := range c.Decisions {
		switch {
		case seen[d.ChildID]:
			probs.Add(fmt.Sprintf("decisions.%d", d.ChildID), "There are two decisions for child record %d", d.ChildID)
		case !slices.Contains(house, d.ChildID):
			probs.Add(fmt.Sprintf("decisions.%d", d.ChildID), "Child record %d does not live in the household", d.ChildID)
		}
		seen[d.ChildID] = true
	}
	for _, id := range house {
		if !seen[id] {
			probs.Add(fmt.Sprintf("decisions.%d", id), "Record the conference's decision for child record %d, who lives in the household (CP-05)", id)
		}
	}
	return probs.Err()
}

// RecordConference records a conference and applies its decision for each
// child of the household: a plan is started, continued under its latest
// category, or ended. Needs conference.record, on every child decided about.
func (a *App) RecordConference(ctx context.Context, actor csc.Actor, childID int64, in csc.ConferenceInput) (c *csc.Conference, err error) {
	defer csc.WrapOp(&err, "app.RecordConference")
	if err := require(actor, csc.ActConferenceRecord); err != nil {
		return nil, err
	}
	v, err := a.parseConference(in)
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if _, _, err := loadChild(tx, actor, csc.ActConferenceRecord, childID); err != nil {
			return err
		}
		if err := conferenceLinks(tx, childID, &v); err != nil {
			return err
		}
		chair, err := tx.FindStaffByID(v.ChairID)
		if err != nil || !chair.Active || !chair.Role.Can(csc.ActConferenceRecord) {
			return csc.Problems{{Field: "chair_id", Message: "Choose a chair who may chair conferences: an IRO, child protection chair or manager"}}.Err()
		}
		house, err := household(tx, childID)
		if err != nil {
			return err
		}
		if err := checkDecisions(&v, house); err != nil {
			return err
		}
		// Each child's clocks are recomputed below under a lock on the
		// child. Two conferences for one household, recorded at once from
		// two siblings' pages, would take those locks in opposite orders
		// and one would fail on PostgreSQL's deadlock check; taking them
		// all now, in id order, makes the second wait for the first.
		for _, id := range slices.Sorted(slices.Values(house)) {
			if err := tx.LockChildren(id, id); err != nil {
				return err
			}
		}
		for _, id := range house[1:] {
			if _, _, err := loadChild(tx, actor, csc.ActConferenceRecord, id); err != nil {
				return err
			}
		}
		v.ChildID, v.ChairName, v.RecordedByID = childID, chair.Name, actor.StaffID
		decisions := v.Decisions
		v.Decisions = nil
		if err := tx.CreateConference(&v); err != nil {
			return err
		}
		for i := range decisions {
			if err := a.applyDecision(tx, actor, au, &v, &decisions[i]); err != nil {
				return err
			}
		}
		if err := tx.CreateConferenceDecisions(v.ID, decisions); err != nil {
			return err
		}
		v.Decisions = decisions
		kind := map[string]string{csc.ConferenceInitial: csc.EventConferenceICPC, csc.ConferenceReview: csc.EventConferenceRCPC,
			csc.ConferenceTransfer: csc.EventConferenceTrans}[v.Kind]
		for _, d := range decisions {
			au.add(actor, "create", "cp_conference", v.ID, d.ChildID, v.Kind)
			if err := stepEvent(tx, actor, d.ChildID, kind, csc.ConferenceKindLabel(v.Kind)+" held", "cp_conference", v.ID, v.HeldOn); err != nil {
				return err
			}
			if err := a.refreshClocks(tx, d.ChildID); err != nil {
				return err
			}
		}
		c = &v
		return nil
	})
	return c, err
}

// applyDecision carries out the conference's decision for one child: it
// continues or ends the child's open plan, or starts one.
func (a *App) applyDecision(tx csc.Tx, actor csc.Actor, au *auditor, c *csc.Conference, d *csc.ConferenceDecision) error {
	plans, err := tx.ListCPPlans(d.ChildID)
	if err != nil {
		return err
	}
	var open *csc.CPPlan
	for i := range plans {
		if plans[i].Open() {
			open = &plans[i]
		}
	}
	switch {
	case open != nil && d.PlanNeeded:
		d.PlanID, open.LatestCategory = open.ID, d.Category
		if err := tx.UpdateCPPlan(open); err != nil {
			return err
		}
		au.add(actor, "update", "cp_plan", open.ID, d.ChildID, "category="+d.Category)
	case open != nil:
		if c.HeldOn.Before(open.Start) {
			return csc.Problems{{Field: "held_on", Message: "A plan cannot end before it starts, " + open.Start.Long()}}.Err()
		}
		if d.EndReason == "" {
			d.EndReason = "no-longer-at-risk"
		}
		d.PlanID, open.End, open.EndReason = open.ID, c.HeldOn, d.EndReason
		if err := tx.UpdateCPPlan(open); err != nil {
			return err
		}
		return planEnded(tx, actor, au, open)
	case d.PlanNeeded:
		refID := c.ReferralID
		if d.ChildID != c.ChildID {
			refID = 0
			refs, err := tx.ListReferrals(d.ChildID)
			if err != nil {
				return err
			}
			if len(refs) > 0 && refs[0].Open() {
				refID = refs[0].ID
			}
		}
		p := &csc.CPPlan{ChildID: d.ChildID, ReferralID: refID, ConferenceID: c.ID, Start: c.HeldOn,
			InitialCategory: d.Category, LatestCategory: d.Category, PreviousPlans: len(plans)}
		if err := tx.CreateCPPlan(p); err != nil {
			return err
		}
		d.PlanID = p.ID
		au.add(actor, "create", "cp_plan", p.ID, d.ChildID, "category="+d.Category)
		return stepEvent(tx, actor, d.ChildID, csc.EventCPPlanStarted, "Child protection plan started: "+categoryLabel(p.InitialCategory, p.Start), "cp_plan", p.ID, p.Start)
	}
	return nil
}

// planEnded writes the audit row and timeline entry of a plan ending.
func planEnded(tx csc.Tx, actor csc.Actor, au *auditor, p *csc.CPPlan) error {
	au.add(actor, "end", "cp_plan", p.ID, p.ChildID, p.EndReason)
	return stepEvent(tx, actor, p.ChildID, csc.EventCPPlanEnded, "Child protection plan ended: "+csc.CPPlanEndReasonLabel(p.EndReason), "cp_plan", p.ID, p.End)
}

// categoryLabel names a category of abuse code.
func categoryLabel(code string, on csc.Date) string {
	if c, ok := csc.LookupCode(csc.ListAbuseCategory, csc.CollectionYearOf(on), code); ok {
		return c.Label
	}
	return code
}
