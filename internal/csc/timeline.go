package csc

import (
	"slices"
	"time"
)

// Timeline event kinds. Every step of a child's record writes one event on
// the child's timeline in the step's own transaction; the chronology is
// built from these events (the significant kinds below) plus the entries
// practitioners add by hand. Each part of the record uses these names so
// that the chronology, the timeline filters and later reports agree.
const (
	// Front door (already written by the foundation).
	EventContact   = "contact"   // a contact received
	EventScreening = "screening" // a contact screened
	EventDecision  = "decision"  // a contact decided
	EventReferral  = "referral"  // a referral (CIN episode) opened
	EventLetter    = "letter"    // an outcome letter filed, or not sent

	// Referral, assessment and early help.
	EventReferralClosed      = "referral.closed"      // a CIN episode closed (with its reason)
	EventAssessmentStarted   = "assessment.started"   // a child and family assessment started
	EventAssessmentCompleted = "assessment.completed" // an assessment authorised, with its outcome
	EventEarlyHelpStarted    = "early-help.started"   // stepped down to, or started in, early help
	EventEarlyHelpEnded      = "early-help.ended"     // an early help episode ended, or stepped up
	EventHomelessDecision    = "homeless.decision"    // a 16/17-year-old's section 20 decision

	// Child protection.
	EventStrategy        = "strategy"            // a strategy discussion held
	EventS47Started      = "s47.started"         // a section 47 enquiry started
	EventS47Outcome      = "s47.outcome"         // a section 47 enquiry's outcome
	EventConferenceICPC  = "conference.initial"  // an initial child protection conference
	EventConferenceRCPC  = "conference.review"   // a review child protection conference
	EventConferenceTrans = "conference.transfer" // a transfer-in conference
	EventCPPlanStarted   = "cp-plan.started"     // a child protection plan started
	EventCPPlanEnded     = "cp-plan.ended"       // a child protection plan ended
	EventCoreGroup       = "core-group"          // a core group meeting
	EventPlanAction      = "plan-action"         // a plan action added or done

	// Child in need plans and casework.
	EventCINPlanStarted = "cin-plan.started" // a child in need plan started
	EventCINPlanEnded   = "cin-plan.ended"   // a child in need plan ended
	EventCINReview      = "cin-plan.review"  // a child in need plan reviewed
	EventVisit          = "visit"            // a visit to the child (statutory or other)
	EventCaseNote       = "case-note"        // a case note or piece of direct work
	EventCaseSummary    = "case-summary"     // the case summary rewritten
	EventChronology     = "chronology"       // a manual chronology entry added
)

// SignificantEventKinds are the timeline kinds that enter the chronology
// automatically: the events an inspector or a court reading the chronology
// needs. Any entry can still be marked significant or not by hand.
var SignificantEventKinds = []string{
	EventContact, EventReferral, EventReferralClosed, EventAssessmentCompleted,
	EventEarlyHelpStarted, EventEarlyHelpEnded, EventHomelessDecision,
	EventStrategy, EventS47Started, EventS47Outcome, EventConferenceICPC, EventConferenceRCPC,
	EventConferenceTrans, EventCPPlanStarted, EventCPPlanEnded,
	EventCINPlanStarted, EventCINPlanEnded,
}

// SignificantKind reports whether events of this kind enter the chronology
// by default.
func SignificantKind(kind string) bool { return slices.Contains(SignificantEventKinds, kind) }

// StepTime is the instant a step recorded only by its date is placed at on
// the timeline: midday in England, so that it sorts after the morning's
// contacts and before the evening's.
func StepTime(d Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, London)
}
