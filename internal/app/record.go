package app

import (
	"context"
	"fmt"
	"time"

	"cairn/internal/csc"
)

// ChildRecord is everything the child's page shows, read in one transaction.
type ChildRecord struct {
	Child         *csc.Person
	Allocation    *csc.Allocation // nil when unallocated
	Relationships []csc.Relationship
	Contacts      []csc.Contact
	Referrals     []csc.Referral
	Documents     []csc.Document
	Oversight     []csc.Oversight
	Timeline      []csc.Event
	Access        []csc.Staff // staff named on a restricted record
	Badges        []Badge
	Clocks        []TrayItem // open clocks, and those closed in the last year
	AsOf          time.Time  // when the record was read; ages are worked out at this instant

	// The parts of help and protection, each read by its own loader.
	Assessment AssessmentPart // referrals' episodes, assessments, early help
	Protection ProtectionPart // strategy discussions, s47s, conferences, CP plans
	Casework   CaseworkPart   // CIN plans, visits, case notes, case summary
	Census     *CensusPart    // the child's census issues this year to date; nil when none
}

// Badge is a flag on the identity bar.
type Badge struct {
	Label  string
	Colour string // a GOV.UK tag colour: red, orange, blue, purple, grey...
}

// Household returns the people the child lives with.
func (r *ChildRecord) Household() []csc.Relationship {
	var out []csc.Relationship
	for _, rel := range r.Relationships {
		if rel.LivesWith {
			out = append(out, rel)
		}
	}
	return out
}

// badges computes the identity bar's flags from the record.
func badges(r *ChildRecord) []Badge {
	var out []Badge
	if r.Child.Restricted {
		out = append(out, Badge{"Restricted", "red"})
	}
	if r.Child.DateOfDeath != (csc.Date{}) {
		out = append(out, Badge{"Deceased", "grey"})
	}
	if r.Child.Kind == csc.KindUnborn {
		out = append(out, Badge{"Unborn", "purple"})
	}
	rerefs := csc.ReReferrals(r.Referrals)
	for _, ref := range r.Referrals {
		if ref.Open() {
			out = append(out, Badge{"Open referral", "orange"})
			if rerefs[ref.ID] {
				out = append(out, Badge{"Re-referral within 12 months", "red"})
			}
			break
		}
	}
	for _, c := range r.Contacts {
		if c.Open() {
			out = append(out, Badge{"Open contact", "yellow"})
			break
		}
	}
	if r.Child.AddressConfidential {
		out = append(out, Badge{"Confidential address", "pink"})
	}
	if len(r.Child.Disabilities) > 0 && r.Child.Disabilities[0] != "NONE" {
		out = append(out, Badge{"Disabled", "blue"})
	}
	if r.Child.InterpreterNeeded {
		out = append(out, Badge{"Interpreter needed", "turquoise"})
	}
	if r.Allocation == nil && r.Child.Kind != csc.KindAdult {
		out = append(out, Badge{"Unallocated", "grey"})
	}
	return out
}

// ChildRecord reads a child's whole record for their page. Needs
// child.view and scope; the read is audited before it is returned.
func (a *App) ChildRecord(ctx context.Context, actor csc.Actor, id int64) (r *ChildRecord, err error) {
	defer csc.WrapOp(&err, "app.ChildRecord")
	if err := require(actor, csc.ActChildView); err != nil {
		return nil, err
	}
	r = &ChildRecord{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		// The child, their allocation and everything else on the page are
		// read together: on PostgreSQL in one round trip rather than
		// thirty, and the check that the actor may see the child waits for
		// none of it. Only once the check passes is any of it used;
		// refused, all of it is dropped with the error.
		var child *csc.Person
		var alloc *csc.Allocation
		var access []csc.Staff
		var clocks []csc.ClockRecord
		reads := []func() error{
			func() (err error) {
				if child, err = tx.FindPersonByID(id); err == nil && child.Restricted {
					access, err = tx.ListAccess(id)
				}
				return err
			},
			func() (err error) { alloc, err = currentAllocation(tx, id); return err },
			func() error { return readRelationships(tx, actor, id, r) },
			func() (err error) {
				r.Contacts, _, err = tx.FindContacts(csc.ContactQuery{ChildID: id, Limit: 500})
				return err
			},
			func() (err error) { r.Referrals, err = tx.ListReferrals(id); return err },
			func() (err error) { r.Documents, err = tx.ListDocuments(id); return err },
			func() (err error) { r.Oversight, err = tx.ListOversightForChild(id); return err },
			func() (err error) { r.Timeline, err = tx.ListEvents(id, 500); return err },
			func() (err error) {
				clocks, err = tx.FindClocks(csc.ClockQuery{ChildID: id, Limit: 1000})
				return err
			},
		}
		// The census check needs the child's referrals, to know whether the
		// child is in the census at all. Where reads go together it is read
		// with everything else and used only if so, which saves a child in
		// the census a round trip and costs every other child nine
		// statements in the same round trip: measured over eighteen runs
		// each way, the ordinary page was no slower for them (BENCHMARKS.md,
		// "Reading answers without database/sql"). Elsewhere it waits for
		// the referrals.
		var census *censusCheck
		var censusErr error
		ahead := tx.Gathers()
		if ahead {
			reads = append(reads, func() error {
				census, censusErr = a.checkCensus(tx, id, id)
				if csc.ErrorKind(censusErr) == csc.NotFound {
					return nil // no rules for the year: nothing to show
				}
				return censusErr
			})
		}
		assessment, thenAssessment := a.assessmentReads(tx, id, r)
		protection, thenProtection := a.protectionReads(tx, id, r)
		casework, thenCasework := a.caseworkReads(tx, actor, id, r)
		reads = append(append(append(reads, assessment...), protection...), casework...)
		if err := tx.Together(reads...); err != nil {
			return err
		}
		if err := childAccess(tx, actor, csc.ActChildView, child, alloc); err != nil {
			return err
		}
		r.Child, r.Allocation, r.Access = child, alloc, access
		r.Clocks = childClocks(clocks, a.Now())
		if child.Kind != csc.KindAdult {
			thenAssessment() // an adult has no referrals' episodes
		}
		thenProtection()
		thenCasework()
		if !ahead {
			if err := a.loadCensusPart(tx, r); err != nil {
				return err
			}
		} else if a.inCensus(r.Referrals) {
			if err := a.censusPart(r, census, censusErr); err != nil {
				return err
			}
		}
		au.add(actor, "view", "person", id, childOf(r.Child), "record")
		return nil
	})
	return a.stamped(r, err)
}

// stamped finishes a record just read: when it was read, and its badges.
func (a *App) stamped(r *ChildRecord, err error) (*ChildRecord, error) {
	if err != nil {
		return nil, err
	}
	r.AsOf = a.Now()
	r.Badges = badges(r)
	return r, nil
}

// ChildHeader reads what the identity bar above every page about a child
// shows — the child, their allocation and the badges — and none of the rest
// of the record (its Contacts are only an open one, if any), for the pages
// that show one part of it (the chronology, a plan, a visit, the case notes,
// the summary): the whole record of a child with ten years of history is
// most of such a page's cost otherwise. The read is audited, as the record's
// is.
func (a *App) ChildHeader(ctx context.Context, actor csc.Actor, id int64) (r *ChildRecord, err error) {
	defer csc.WrapOp(&err, "app.ChildHeader")
	r = &ChildRecord{}
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error { return readHeader(tx, au, actor, id, r) })
	return a.stamped(r, err)
}

// readHeader reads what the identity bar shows into r, audited. The reads
// in more (of the same child's record) go with the header's, on PostgreSQL
// in one round trip; the check that actor may see the child waits for none
// of them, and a refusal leaves r as it was.
func readHeader(tx csc.Tx, au *auditor, actor csc.Actor, id int64, r *ChildRecord, more ...func() error) error {
	if err := require(actor, csc.ActChildView); err != nil {
		return err
	}
	// Badges need an open contact, if there is one, and the referrals
	// (which say whether the open one is a re-referral).
	var child *csc.Person
	var alloc *csc.Allocation
	var open []csc.Contact
	var refs []csc.Referral
	reads := append([]func() error{
		func() (err error) { child, err = tx.FindPersonByID(id); return err },
		func() (err error) { alloc, err = currentAllocation(tx, id); return err },
		func() (err error) {
			open, _, err = tx.FindContacts(csc.ContactQuery{ChildID: id, Open: true, Limit: 1})
			return err
		},
		func() (err error) { refs, err = tx.ListReferrals(id); return err },
	}, more...)
	if err := tx.Together(reads...); err != nil {
		return err
	}
	if err := childAccess(tx, actor, csc.ActChildView, child, alloc); err != nil {
		return err
	}
	r.Child, r.Allocation, r.Contacts, r.Referrals = child, alloc, open, refs
	au.add(actor, "view", "person", id, childOf(r.Child), "identity bar")
	return nil
}

// readChildHead reads what every page about a child shows first: the
// child (checking actor may view them), their allocation and their
// relationships, restricted relatives masked.
func readChildHead(tx csc.Tx, actor csc.Actor, id int64, r *ChildRecord) error {
	var err error
	if r.Child, r.Allocation, err = loadChild(tx, actor, csc.ActChildView, id); err != nil {
		return err
	}
	return readRelationships(tx, actor, id, r)
}

// readRelationships reads the child's relationships, restricted relatives
// masked.
func readRelationships(tx csc.Tx, actor csc.Actor, id int64, r *ChildRecord) (err error) {
	if r.Relationships, err = tx.ListRelationships(id); err != nil {
		return err
	}
	return maskRestricted(tx, actor, r.Relationships)
}

// readPart runs a part of the record's reads together, then puts the part
// together.
func readPart(tx csc.Tx, reads []func() error, assemble func()) error {
	if err := tx.Together(reads...); err != nil {
		return err
	}
	assemble()
	return nil
}

// childClocks keeps the clocks the child's page shows: every open one and
// those that fell due in the last year, most urgent first.
func childClocks(clocks []csc.ClockRecord, now time.Time) []TrayItem {
	cut := csc.DateOf(now).AddDays(-366)
	var out []TrayItem
	for _, c := range clocks {
		it := trayItem(c, now)
		if it.Met.IsZero() && it.Stopped.IsZero() || !c.Due.Before(cut) {
			out = append(out, it)
		}
	}
	return out
}

// maskRestricted hides the details of related people whose own records are
// restricted from staff not named on them: the page shows that a restricted
// relative exists, and nothing more.
func maskRestricted(tx csc.Tx, actor csc.Actor, rels []csc.Relationship) error {
	for i := range rels {
		o := &rels[i].Other
		ok, err := visible(tx, actor, o)
		if err != nil {
			return err
		}
		if !ok {
			*o = csc.Person{ID: o.ID, Kind: o.Kind, FamilyName: restrictedName(o.ID), Restricted: true}
		}
	}
	return nil
}

// OpenDocument returns a document with its content for download. Needs
// document.view and the child in scope; audited.
func (a *App) OpenDocument(ctx context.Context, actor csc.Actor, id int64) (d *csc.Document, err error) {
	defer csc.WrapOp(&err, "app.OpenDocument")
	err = a.read(ctx, func(tx csc.Tx, au *auditor) error {
		if err := require(actor, csc.ActDocumentView); err != nil {
			return err
		}
		if d, err = tx.FindDocumentByID(id); err != nil {
			return err
		}
		if _, _, err := loadChild(tx, actor, csc.ActDocumentView, d.ChildID); err != nil {
			return err
		}
		au.add(actor, "download", "document", d.ID, d.ChildID, "")
		return nil
	})
	return d, err
}

// RelationshipInput links a child to another person.
type RelationshipInput struct {
	OtherID                int64  `json:"other_id"`
	Type                   string `json:"type"`
	ParentalResponsibility bool   `json:"parental_responsibility"`
	LivesWith              bool   `json:"lives_with"`
	Notes                  string `json:"notes"`
}

// AddRelationship records how another person is related to a child: Other
// is Type to the child ("Other is the child's parent"). Needs child.edit.
func (a *App) AddRelationship(ctx context.Context, actor csc.Actor, childID int64, in RelationshipInput) (rel *csc.Relationship, err error) {
	defer csc.WrapOp(&err, "app.AddRelationship")
	var probs csc.Problems
	typ := csc.RelationshipType(in.Type)
	valid := false
	for _, t := range csc.RelationshipTypes {
		valid = valid || t == typ
	}
	if !valid {
		probs.Add("type", "Choose how the person is related")
	}
	if in.OtherID <= 0 || in.OtherID == childID {
		probs.Add("other_id", "Choose another person on the record")
	}
	notes := textField(&probs, "notes", in.Notes, 2000)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		child, _, err := loadChild(tx, actor, csc.ActChildEdit, childID)
		if err != nil {
			return err
		}
		other, err := tx.FindPersonByID(in.OtherID)
		if csc.ErrorKind(err) == csc.NotFound {
			return csc.Problems{{Field: "other_id", Message: fmt.Sprintf("Person %d is not on the record", in.OtherID)}}.Err()
		} else if err != nil {
			return err
		}
		if ok, err := visible(tx, actor, other); err != nil || !ok {
			if err == nil {
				err = csc.Errorf(csc.Forbidden, "Person %d is a restricted record.", other.ID)
			}
			return err
		}
		// Stored from the child's side: the child is Type.Inverse() to Other.
		rel = &csc.Relationship{PersonID: child.ID, Other: *other, Type: typ, LivesWith: in.LivesWith,
			ParentalResponsibility: in.ParentalResponsibility, Notes: notes}
		if err := tx.CreateRelationship(rel); err != nil {
			return err
		}
		au.add(actor, "create", "relationship", rel.ID, child.ID, string(typ))
		return event(tx, actor, child.ID, "relationship", fmt.Sprintf("Relationship added: %s (person %d)", typ.Label(), other.ID), "person", other.ID)
	})
	return rel, err
}
