package clock

import (
	"time"

	"cairn/internal/csc"
)

// EventKind names a kind of dated event on a child's record. Statutory
// clocks start, are met and are stopped by events, so the kinds are the
// vocabulary shared between the record (which emits events) and the rules
// catalogue (which reacts to them). Each is written "thing.what-happened" so
// that stored or logged kinds read the same everywhere.
type EventKind string

// Front door. A contact's Subject is the contact; a referral's Subject is
// the referral (the CIN episode); an assessment's Parent is its referral.
const (
	// EvContactReceived is a contact arriving at the front door. At is the
	// instant received, because HP-01 runs to the hour.
	EvContactReceived EventKind = "contact.received"
	// EvContactDecided is the front door's decision on a contact (Subject =
	// the contact).
	EvContactDecided EventKind = "contact.decided"
	// EvReferralOpened is the referral date: the point HP-03 counts from.
	EvReferralOpened EventKind = "referral.opened"
	// EvReferralClosed is the referral (CIN episode) closing, whether after
	// services or with no further action.
	EvReferralClosed EventKind = "referral.closed"
	// EvAssessmentCompleted is a child and family assessment concluding
	// (authorised); Parent is the referral it was for.
	EvAssessmentCompleted EventKind = "assessment.completed"
)

// Child protection. An s47's Subject is the enquiry and its Date is the
// strategy discussion that started it (CP-02). A conference's Parent is its
// s47; plan events use the plan as Subject, and core groups, reviews and
// visits have the plan as Parent.
const (
	// EvS47Started is the strategy discussion at which a section 47 enquiry
	// was started; CP-04 counts from its Date.
	EvS47Started EventKind = "s47.started"
	// EvS47Ended is an enquiry concluding that no initial conference will be
	// held (not substantiated, or no continuing risk). An enquiry that goes
	// to conference records EvICPC instead.
	EvS47Ended EventKind = "s47.ended"
	// EvICPC is an initial child protection conference; Parent is the s47.
	EvICPC EventKind = "conference.initial"
	// EvCPPlanStarted is a child protection plan made at a conference: the
	// plan's start date is the date of that conference.
	EvCPPlanStarted EventKind = "cp-plan.started"
	// EvCPPlanEnded is a child protection plan ending, for any reason.
	EvCPPlanEnded EventKind = "cp-plan.ended"
	// EvCoreGroup is a core group meeting; Parent is the plan.
	EvCoreGroup EventKind = "core-group.held"
	// EvCPReview is a child protection review conference; Parent is the plan.
	EvCPReview EventKind = "conference.review"
	// EvCPVisit is a statutory visit to a child on a plan; Parent is the plan.
	EvCPVisit EventKind = "cp-visit.made"
)

// Child in need plans. Plan events use the plan as Subject; visits and
// reviews have the plan as Parent.
const (
	EvCINPlanStarted EventKind = "cin-plan.started"  // a child in need plan starting
	EvCINPlanEnded   EventKind = "cin-plan.ended"    // a child in need plan ending
	EvCINVisit       EventKind = "cin-visit.made"    // a visit under a CIN plan
	EvCINReview      EventKind = "cin-plan.reviewed" // a review of a CIN plan
)

// Children in care. The looked-after episode is the Subject of
// EvLookedAfter and EvCLAEnded; a placement is the Subject of its start and
// end. Reviews, visits and health assessments are matched to the child, not
// to a record, because a child is in at most one episode at a time.
const (
	// EvLookedAfter is the child becoming looked after: the date of the
	// first placement of the episode.
	EvLookedAfter EventKind = "cla.started"
	// EvCLAEnded is the child ceasing to be looked after.
	EvCLAEnded EventKind = "cla.ended"
	// EvPlacementStarted is the start of any placement. Attr says what kind
	// of placement it is where reg 28 visits depend on it: AttrLongTerm,
	// AttrPlacedWithParent, AttrConnectedPerson, AttrICOAtHome,
	// AttrCareOrderAtHome.
	EvPlacementStarted EventKind = "placement.started"
	// EvPlacementEnded is a placement ending (Subject = the placement).
	EvPlacementEnded EventKind = "placement.ended"
	// EvCarePlan is the care plan being made (Parent = the episode); it may
	// be dated before the child became looked after.
	EvCarePlan EventKind = "care-plan.made"
	// EvPlacementPlan is a placement plan (Parent = the placement); it may be
	// dated before the placement started.
	EvPlacementPlan EventKind = "placement-plan.made"
	EvCLAReview     EventKind = "cla.reviewed"   // a looked-after review (IRO-chaired)
	EvCLAVisit      EventKind = "cla-visit.made" // a social worker's reg 28 visit
	// EvHealthAssessmentInitial is the initial health assessment (LA-25).
	EvHealthAssessmentInitial EventKind = "health.initial-assessment"
	// EvHealthAssessmentReview is a review health assessment (LA-26).
	EvHealthAssessmentReview EventKind = "health.review-assessment"
	// EvPEP is the child's first personal education plan (Parent = the
	// episode); it may be dated before the child became looked after.
	EvPEP       EventKind = "pep.made"
	EvPEPReview EventKind = "pep.reviewed" // a PEP review
	// EvMissingReturned is a child returning from a missing episode (Subject
	// = the episode). At is the instant returned, because LA-29 runs in hours.
	EvMissingReturned EventKind = "missing.returned"
	// EvReturnInterviewOffered is a return home interview being offered
	// (Parent = the missing episode).
	EvReturnInterviewOffered EventKind = "missing.interview-offered"
)

// Care leavers. The young person's events are matched to the child.
const (
	// EvEligible is the child becoming an eligible child (CL-01).
	EvEligible EventKind = "care-leaver.eligible"
	// EvCareLeaverEnded is the authority's leaving-care duties ending.
	EvCareLeaverEnded    EventKind = "care-leaver.ended"
	EvNeedsAssessment    EventKind = "care-leaver.needs-assessed" // CL-02 needs assessment
	EvPathwayPlan        EventKind = "pathway-plan.made"          // a pathway plan, first or replacement
	EvPathwayPlanReview  EventKind = "pathway-plan.reviewed"      // a pathway plan review
	EvAccommodationMoved EventKind = "care-leaver.moved"          // a relevant child moving to new accommodation
	EvPAVisit            EventKind = "pa-visit.made"              // a personal adviser's visit
)

// Private fostering. The arrangement is the Subject of the notification and
// of its end; visits have it as Parent.
const (
	// EvPFNotified is the authority receiving notice of an arrangement, or
	// otherwise learning of it: PF-04 and PF-05 count from it.
	EvPFNotified EventKind = "private-fostering.notified"
	EvPFVisit    EventKind = "private-fostering.visited" // an officer's visit (Parent = the arrangement)
	EvPFEnded    EventKind = "private-fostering.ended"   // the arrangement ending
)

// Qualifiers carried in Event.Attr. Reg 28 visit frequencies depend on the
// kind of placement; a placement with none of the "at home" or connected
// qualifiers follows LA-12.
const (
	// AttrLongTerm marks a placement intended to last until the child is 18,
	// which allows 3-monthly visits after its first year (LA-12).
	AttrLongTerm = "long-term"
	// AttrPlacedWithParent marks a reg 19 placement with a parent before the
	// assessment is complete (LA-13).
	AttrPlacedWithParent = "placed-with-parent"
	// AttrConnectedPerson marks a reg 24 temporary approval of a connected
	// person (LA-14).
	AttrConnectedPerson = "connected-person"
	// AttrICOAtHome marks a child on an interim care order living with a
	// parent (LA-14).
	AttrICOAtHome = "ico-at-home"
	// AttrCareOrderAtHome marks a child on a full care order living with a
	// parent (LA-15).
	AttrCareOrderAtHome = "care-order-at-home"
)

// Event is one dated fact on a child's record that a clock can react to.
// The record layer turns contacts, referrals, plans, visits and so on into
// events; the catalogue decides what they mean. Subject and Parent are the
// IDs of records, so that a visit is counted for the plan it was made under
// and not for another plan of the same child. An ID of 0 means "not
// known" and never links two events, so every event that starts a clock
// should carry its record's ID (Clock.Key depends on it too). An event
// with only an instant is dated by that instant's day in England.
type Event struct {
	Kind    EventKind
	Subject int64     // the record the event is: the contact, the referral, the plan, the visit
	Parent  int64     // the record it belongs to (the referral of an assessment, the plan of a visit), 0 if none
	Date    csc.Date  // the civil date it happened
	At      time.Time // the instant, where the record keeps one (contacts, missing returns); zero otherwise
	Attr    []string  // qualifiers some rules need, such as AttrLongTerm
}

// Record is everything Evaluate needs about one child: the dates of birth
// (some timescales depend on age) and the dated events. Events need not be
// sorted; Evaluate does not change the slice.
type Record struct {
	ChildID     int64
	DateOfBirth csc.Date
	Events      []Event
}

// hasAttr reports whether the event carries the qualifier a.
func (e Event) hasAttr(a string) bool {
	for _, x := range e.Attr {
		if x == a {
			return true
		}
	}
	return false
}

// allKinds lists every kind the catalogue may use, so that kinds can be
// turned into bit positions once and rules compared with masks.
var allKinds = []EventKind{
	EvContactReceived, EvContactDecided, EvReferralOpened, EvReferralClosed, EvAssessmentCompleted,
	EvS47Started, EvS47Ended, EvICPC, EvCPPlanStarted, EvCPPlanEnded, EvCoreGroup, EvCPReview, EvCPVisit,
	EvCINPlanStarted, EvCINPlanEnded, EvCINVisit, EvCINReview,
	EvLookedAfter, EvCLAEnded, EvPlacementStarted, EvPlacementEnded, EvCarePlan, EvPlacementPlan,
	EvCLAReview, EvCLAVisit, EvHealthAssessmentInitial, EvHealthAssessmentReview, EvPEP, EvPEPReview,
	EvMissingReturned, EvReturnInterviewOffered,
	EvEligible, EvCareLeaverEnded, EvNeedsAssessment, EvPathwayPlan, EvPathwayPlanReview,
	EvAccommodationMoved, EvPAVisit,
	EvPFNotified, EvPFVisit, EvPFEnded,
}

// EventKinds returns every kind of event the catalogue understands, in a
// stable order, so that the record layer can check what it emits and tests
// can generate records. The caller owns the returned slice.
func EventKinds() []EventKind { return append([]EventKind(nil), allKinds...) }

// kindBit maps each kind to its bit in a kindMask. It is built once at
// package initialisation and never changed.
var kindBit = func() map[EventKind]uint8 {
	if len(allKinds) > 64 {
		panic("clock: more than 64 event kinds; widen kindMask")
	}
	m := make(map[EventKind]uint8, len(allKinds))
	for i, k := range allKinds {
		m[k] = uint8(i)
	}
	return m
}()

// kindMask is a set of event kinds.
type kindMask uint64

// maskOf returns the set holding the given kinds; unknown kinds are a
// mistake in the catalogue and are caught by its tests, not here.
func maskOf(kinds []EventKind) kindMask {
	var m kindMask
	for _, k := range kinds {
		if b, ok := kindBit[k]; ok {
			m |= 1 << b
		}
	}
	return m
}
