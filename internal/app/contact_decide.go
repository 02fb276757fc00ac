package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"cairn/internal/csc"
	"cairn/internal/letters"
)

// openContactForWork loads a contact and checks the actor may do act to it.
func openContactForWork(tx csc.Tx, actor csc.Actor, act csc.Action, id int64) (*csc.Contact, *csc.Person, error) {
	c, err := tx.FindContactByID(id)
	if err != nil {
		return nil, nil, err
	}
	child, _, err := loadChild(tx, actor, act, c.ChildID)
	if err != nil {
		return nil, nil, err
	}
	return c, child, nil
}

// ScreenContact records screening: risks, protective factors, a summary and
// the RAG rating. A decided contact cannot be re-screened. Needs
// contact.screen.
func (a *App) ScreenContact(ctx context.Context, actor csc.Actor, id int64, in csc.ScreeningInput) (c *csc.Contact, err error) {
	defer csc.WrapOp(&err, "app.ScreenContact")
	if err := require(actor, csc.ActContactScreen); err != nil {
		return nil, err
	}
	var probs csc.Problems
	rag := csc.RAG(in.RAG)
	if !slices.Contains(csc.RAGs, rag) {
		probs.Add("rag", "Choose a RAG rating: red, amber or green")
	}
	risks := textField(&probs, "risks", in.Risks, maxText)
	protective := textField(&probs, "protective_factors", in.ProtectiveFactors, maxText)
	summary := textField(&probs, "summary", in.Summary, maxText)
	if risks == "" {
		probs.Add("risks", "Enter the risks identified, or “none identified”")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if c, _, err = openContactForWork(tx, actor, csc.ActContactScreen, id); err != nil {
			return err
		}
		if !c.Open() {
			return csc.Errorf(csc.Invalid, "Contact %d has been decided, so its screening can no longer change.", id)
		}
		c.Version = in.Version
		c.RAG, c.Risks, c.ProtectiveFactors, c.ScreeningSummary = rag, risks, protective, summary
		if err := tx.UpdateContact(c); err != nil {
			return err
		}
		au.add(actor, "screen", "contact", c.ID, c.ChildID, "rag="+string(rag))
		return event(tx, actor, c.ChildID, "screening", "Contact screened: "+rag.Label(), "contact", c.ID)
	})
	return c, err
}

// RecordPartnerCheck requests a check from a partner agency, or records
// its return (in.ID set, with a summary). Needs contact.screen.
func (a *App) RecordPartnerCheck(ctx context.Context, actor csc.Actor, contactID int64, in csc.PartnerCheckInput) (pc *csc.PartnerCheck, err error) {
	defer csc.WrapOp(&err, "app.RecordPartnerCheck")
	if err := require(actor, csc.ActContactScreen); err != nil {
		return nil, err
	}
	var probs csc.Problems
	summary := textField(&probs, "summary", in.Summary, maxText)
	agency := csc.Agency(in.Agency)
	if in.ID == 0 && !slices.Contains(csc.Agencies, agency) {
		probs.Add("agency", "Choose the agency: police, health, education or other")
	}
	if in.ID != 0 && in.Returned && summary == "" {
		probs.Add("summary", "Enter a summary of what the agency told us")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		c, _, err := openContactForWork(tx, actor, csc.ActContactScreen, contactID)
		if err != nil {
			return err
		}
		if !c.Open() {
			return csc.Errorf(csc.Invalid, "Contact %d has been decided; record further information as a new contact or case note.", contactID)
		}
		if in.ID == 0 {
			pc = &csc.PartnerCheck{ContactID: contactID, Agency: agency, RequestedByID: actor.StaffID, RequestedBy: actor.Name, Summary: summary}
			if err := tx.CreatePartnerCheck(pc); err != nil {
				return err
			}
			au.add(actor, "create", "partner_check", pc.ID, c.ChildID, string(agency))
			return event(tx, actor, c.ChildID, "partner-check", agency.Label()+" check requested", "contact", c.ID)
		}
		i := slices.IndexFunc(c.PartnerChecks, func(p csc.PartnerCheck) bool { return p.ID == in.ID })
		if i < 0 {
			return csc.Errorf(csc.NotFound, "Contact %d has no partner check %d.", contactID, in.ID)
		}
		pc = &c.PartnerChecks[i]
		pc.Version, pc.Summary = in.Version, summary
		if in.Returned && pc.ReturnedAt.IsZero() {
			pc.ReturnedAt = tx.Now()
		}
		if err := tx.UpdatePartnerCheck(pc); err != nil {
			return err
		}
		au.add(actor, "update", "partner_check", pc.ID, c.ChildID, string(pc.Agency))
		what := " check updated"
		if in.Returned {
			what = " check returned"
		}
		return event(tx, actor, c.ChildID, "partner-check", pc.Agency.Label()+what, "contact", c.ID)
	})
	return pc, err
}

// DecideContact records the front door's decision and its rationale. In the
// same transaction it opens a referral when the decision is a referral or a
// strategy discussion, and generates the outcome letter to the referrer and
// files it on the child's record (S5), so a decision never exists without
// its letter. Needs contact.decide.
func (a *App) DecideContact(ctx context.Context, actor csc.Actor, id int64, in csc.DecisionInput) (c *csc.Contact, err error) {
	defer csc.WrapOp(&err, "app.DecideContact")
	if err := require(actor, csc.ActContactDecide); err != nil {
		return nil, err
	}
	var probs csc.Problems
	d := csc.Decision(in.Decision)
	if !slices.Contains(csc.Decisions, d) {
		probs.Add("decision", "Choose a decision")
	}
	rationale := textField(&probs, "rationale", in.Rationale, maxText)
	if rationale == "" {
		probs.Add("rationale", "Enter the rationale for the decision")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		var child *csc.Person
		if c, child, err = openContactForWork(tx, actor, csc.ActContactDecide, id); err != nil {
			return err
		}
		if err := decisionAllowed(c, d); err != nil {
			return err
		}
		c.Version = in.Version
		c.Decision, c.DecisionRationale, c.DecidedAt = d, rationale, tx.Now()
		c.DecidedByID, c.DecidedBy = actor.StaffID, actor.Name
		if d.OpensReferral() {
			r := &csc.Referral{ChildID: c.ChildID, ContactID: c.ID, ReferralDate: csc.DateOf(c.ReceivedAt),
				Source: c.Source, TeamID: c.TeamID}
			if err := tx.CreateReferral(r); err != nil {
				return err
			}
			c.ReferralID = r.ID
			au.add(actor, "create", "referral", r.ID, c.ChildID, "")
			if err := event(tx, actor, c.ChildID, "referral", "Referral to children's social care opened", "referral", r.ID); err != nil {
				return err
			}
		}
		if err := a.fileOutcomeLetter(tx, actor, au, c, child); err != nil {
			return err
		}
		if err := tx.UpdateContact(c); err != nil {
			return err
		}
		au.add(actor, "decide", "contact", c.ID, c.ChildID, string(d))
		if err := event(tx, actor, c.ChildID, "decision", "Contact decided: "+d.Label(), "contact", c.ID); err != nil {
			return err
		}
		return a.refreshClocks(tx, c.ChildID)
	})
	return c, err
}

// decisionAllowed applies the front door's rules about a decision: one
// decision per contact, a RAG rating first, and consent (DP-03): early help
// is a service families agree to, and a referral against a refusal needs
// the refusal overridden with a rationale. A strategy discussion about
// significant harm goes ahead without consent.
func decisionAllowed(c *csc.Contact, d csc.Decision) error {
	if !c.Open() {
		return csc.Errorf(csc.Invalid, "Contact %d was already decided (%s).", c.ID, c.Decision.Label())
	}
	var probs csc.Problems
	if c.RAG == csc.RAGNone {
		probs.Add("decision", "Screen the contact and give it a RAG rating before deciding")
	}
	switch {
	case d == csc.DecisionEarlyHelp && c.Consent != csc.ConsentGiven:
		probs.Add("decision", "Early help needs the family's consent: record consent as given first, or choose another decision")
	case d == csc.DecisionReferral && c.Consent == csc.ConsentRefused:
		probs.Add("decision", "Consent was refused: record it as overridden, with the rationale, before referring")
	}
	return probs.Err()
}

// decisionText is what the letter says each decision means for the child.
var decisionText = map[csc.Decision][2]string{
	csc.DecisionNFA: {"We have looked carefully at the information you gave us, together with what we and our partner agencies already know. We have decided that no further action by children's services is needed at this time.",
		"If you have new information, or your concerns grow, please contact us again straight away. If a child is in immediate danger, call 999."},
	csc.DecisionAdvice: {"We have looked carefully at the information you gave us. We have given information and advice to the family and, where appropriate, to you, and we do not plan further involvement at this time.",
		"If you have new information, or your concerns grow, please contact us again. If a child is in immediate danger, call 999."},
	csc.DecisionEarlyHelp: {"We have decided that the family would benefit from early help. With the family's agreement, their details have been passed to the early help service, who will contact them to offer support.",
		"A lead practitioner will be named. If you work with the family you may be asked to take part in an early help assessment or a team around the family meeting."},
	csc.DecisionReferral: {"We have decided that a social work assessment is needed. Your contact has become a referral to children's social care, and a social worker will be allocated to assess the child's needs.",
		"The social worker may contact you for more information. Please continue to share any new concerns with us."},
	csc.DecisionStrategy: {"We are concerned that the child may be at risk of significant harm. A strategy discussion will be held with the police, health and other agencies to decide what happens next.",
		"You may be asked to take part or to share further information. Please keep any new information and contact us straight away if anything changes."},
}

// fileOutcomeLetter renders the outcome letter and files it on the child's
// record. An anonymous referrer has no one to write to, so no letter is
// made and the timeline says so.
func (a *App) fileOutcomeLetter(tx csc.Tx, actor csc.Actor, au *auditor, c *csc.Contact, child *csc.Person) error {
	if strings.TrimSpace(c.Referrer.Name) == "" {
		return event(tx, actor, c.ChildID, "letter", "No outcome letter: the referrer is anonymous", "contact", c.ID)
	}
	text := decisionText[c.Decision]
	addr := []string{}
	if c.Referrer.Address != "" {
		addr = strings.Split(c.Referrer.Address, "\n")
	}
	team := c.TeamName
	if team == "" {
		team = "Front door (MASH)"
	}
	pdf, err := letters.RenderOutcomeLetter(letters.OutcomeLetter{
		Authority: a.opt.Authority, AuthorityAddress: a.opt.AuthorityAddress,
		Reference: fmt.Sprintf("Contact %d", c.ID), Date: c.DecidedAt.In(csc.London),
		ReferrerName: c.Referrer.Name, ReferrerOrganisation: c.Referrer.Organisation, ReferrerAddress: addr,
		ChildName: child.Name(), ChildDateOfBirth: child.DateOfBirth.Long(),
		ContactReceived: c.ReceivedAt.In(csc.London), DecisionLabel: c.Decision.Label(),
		DecisionExplanation: text[0], NextSteps: text[1],
		SignOffName: actor.Name, SignOffRole: actor.Role.Label(), Team: team,
		ContactPhone: a.opt.FrontDoorPhone, ContactEmail: a.opt.FrontDoorEmail,
	})
	if err != nil {
		return fmt.Errorf("render outcome letter for contact %d: %w", c.ID, err)
	}
	sum := sha256.Sum256(pdf)
	to := c.Referrer.Organisation
	if to == "" {
		to = "the referrer"
	}
	doc := &csc.Document{ChildID: c.ChildID, Kind: "outcome_letter", MediaType: "application/pdf",
		Title:  fmt.Sprintf("Outcome letter to %s (contact %d)", to, c.ID),
		SHA256: hex.EncodeToString(sum[:]), SourceType: "contact", SourceID: c.ID,
		CreatedByID: actor.StaffID, Content: pdf}
	if err := tx.CreateDocument(doc); err != nil {
		return err
	}
	c.LetterDocumentID = doc.ID
	au.add(actor, "create", "document", doc.ID, c.ChildID, "outcome letter")
	return event(tx, actor, c.ChildID, "letter", "Outcome letter filed: "+doc.Title, "document", doc.ID)
}

// RecordOversight records a manager's oversight of a contact: who, when and
// the rationale (S3). It shows on the contact and the child's record. Needs
// oversight.record.
func (a *App) RecordOversight(ctx context.Context, actor csc.Actor, contactID int64, rationale string) (o *csc.Oversight, err error) {
	defer csc.WrapOp(&err, "app.RecordOversight")
	if err := require(actor, csc.ActOversee); err != nil {
		return nil, err
	}
	var probs csc.Problems
	rationale = textField(&probs, "rationale", rationale, maxText)
	if rationale == "" {
		probs.Add("rationale", "Enter the rationale for your oversight")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		c, _, err := openContactForWork(tx, actor, csc.ActOversee, contactID)
		if err != nil {
			return err
		}
		o = &csc.Oversight{SubjectType: "contact", SubjectID: c.ID, ChildID: c.ChildID, StaffID: actor.StaffID,
			StaffName: actor.Name, Rationale: rationale}
		if err := tx.CreateOversight(o); err != nil {
			return err
		}
		au.add(actor, "create", "oversight", o.ID, c.ChildID, "contact")
		return event(tx, actor, c.ChildID, "oversight", "Manager oversight of contact recorded", "oversight", o.ID)
	})
	return o, err
}
