package clock

import "cairn/internal/csc"

// The catalogue of statutory and local timescales. Each rule carries the ID
// and source of shared/docs/practice-rules.md and the sentence a worker
// reads. Conventions, decided once here rather than rule by rule:
//
//   - In force. Every rule applies to clocks starting on or after 1 April
//     2010 (the start of the bank-holiday table), except HP-03, which
//     applies from 15 April 2013 when Working Together 2013 replaced the
//     initial and core assessments with the single 45-working-day
//     assessment. Earlier regimes (the 7/10-day initial assessment, the
//     1991 review regulations) are not modelled: no clock, not a wrong one.
//   - Letter suffixes. Where one ID covers two separate clocks with
//     different meeting events, the clocks are "a" and "b" (LA-27a, the
//     first PEP; LA-27b, PEP reviews). Where one ID is a single chain of the
//     same meeting event whose interval changes (LA-12's visits at 1 week,
//     6 weeks, then 3 months), it stays one rule with Phases.
//   - CP plans. A plan starts at the conference that makes it, so the CP
//     plan's start date stands for "the ICPC" in CP-10, CP-12 and CP-13. An
//     ICPC that makes no plan starts no core group or review clocks.
//   - Looked after. "Becoming looked after" is the date of the episode's
//     first placement, which is also LA-04's "start of the first placement".
//
// The rules appear in an order in which each After rule follows its
// predecessor, grouped by area as practice-rules.md is.
func catalogue() []Rule {
	from2010 := [2]csc.Date{csc.MustParseDate("2010-04-01")}
	wt2013 := [2]csc.Date{csc.MustParseDate("2013-04-15")}
	return []Rule{
		{
			ID: "HP-01", Title: "Contact decision", Area: "Front door", National: true, InForce: from2010,
			Source: "Working Together 2018 ch.1 and 2023 ch.3",
			Start:  []EventKind{EvContactReceived}, Meet: []EventKind{EvContactDecided},
			Link: Link{Meet: SameSubject}, Period: Period{1, WorkingDays}, Instant: true,
			Describe: "A decision on a contact is due by the end of the first working day after it was received " +
				"(a contact received on a weekend or bank holiday counts as received on the next working day).",
		},
		{
			ID: "HP-03", Title: "Child and family assessment", Area: "Front door", National: true, InForce: wt2013,
			Source: "Working Together 2018 ch.1, retained in Working Together 2023",
			Start:  []EventKind{EvReferralOpened}, Meet: []EventKind{EvAssessmentCompleted}, Stop: []EventKind{EvReferralClosed},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{45, WorkingDays},
			Describe: "The assessment must conclude within 45 working days of the referral date; " +
				"closing the referral before then without an assessment stops the clock.",
		},
		{
			ID: "CP-04", Title: "Initial child protection conference", Area: "Help and protection", National: true, InForce: from2010,
			Source: "Working Together 2018 and 2023",
			Start:  []EventKind{EvS47Started}, Meet: []EventKind{EvICPC}, Stop: []EventKind{EvS47Ended},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{15, WorkingDays},
			Describe: "The initial child protection conference is due within 15 working days of the strategy " +
				"discussion that started the section 47 enquiry, unless the enquiry ends without a conference.",
		},
		{
			ID: "CP-10", Title: "First core group", Area: "Help and protection", National: true, InForce: from2010,
			Source: "Working Together 2018 flowchart",
			Start:  []EventKind{EvCPPlanStarted}, Meet: []EventKind{EvCoreGroup}, Stop: []EventKind{EvCPPlanEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{10, WorkingDays},
			Describe: "The first core group is due within 10 working days of the initial conference that made the plan.",
		},
		{
			ID: "CP-11", Title: "Core groups", Area: "Help and protection", InForce: from2010,
			Source: "Local practice (no national frequency; Tees, Liverpool)",
			Start:  []EventKind{EvCPPlanStarted}, Meet: []EventKind{EvCoreGroup}, Stop: []EventKind{EvCPPlanEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Setting: "cp-core-group-interval",
			After: "CP-10", Repeat: true,
			Describe: "After the first, each core group is due within the interval this authority sets " +
				"(6 weeks unless changed; there is no national frequency) of the one before, while the plan lasts.",
		},
		{
			ID: "CP-12", Title: "Child protection visits", Area: "Help and protection", InForce: from2010,
			Source: "Local practice set by the plan (Camden, Liverpool, Central Bedfordshire; Annex A List 7)",
			Start:  []EventKind{EvCPPlanStarted}, Meet: []EventKind{EvCPVisit}, Stop: []EventKind{EvCPPlanEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Setting: "cp-visit-interval", Repeat: true,
			Describe: "A child on a plan must be visited within the interval this authority sets (10 working days " +
				"unless changed) of the plan starting and then of each visit, while the plan lasts.",
		},
		{
			ID: "CP-13", Title: "First review conference", Area: "Help and protection", National: true, InForce: from2010,
			Source: "Working Together 2018 and 2023",
			Start:  []EventKind{EvCPPlanStarted}, Meet: []EventKind{EvCPReview}, Stop: []EventKind{EvCPPlanEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{3, Months},
			Describe: "The first child protection review conference is due within 3 months of the initial conference.",
		},
		{
			ID: "CP-14", Title: "Review conferences", Area: "Help and protection", National: true, InForce: from2010,
			Source: "Working Together 2018 and 2023",
			Start:  []EventKind{EvCPPlanStarted}, Meet: []EventKind{EvCPReview}, Stop: []EventKind{EvCPPlanEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{6, Months}, After: "CP-13", Repeat: true,
			Describe: "After the first, each review conference is due within 6 months of the one before, while the plan lasts.",
		},
		{
			ID: "CIN-02", Title: "Child in need reviews", Area: "Help and protection", InForce: from2010,
			Source: "Local practice (Working Together requires regular review; Waltham Forest, Derbyshire)",
			Start:  []EventKind{EvCINPlanStarted}, Meet: []EventKind{EvCINReview}, Stop: []EventKind{EvCINPlanEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Setting: "cin-review-interval", Repeat: true,
			Describe: "A child in need plan must be reviewed within the interval this authority sets (3 months unless " +
				"changed) of the plan starting and then of each review, while the plan lasts.",
		},
		{
			ID: "CIN-03", Title: "Child in need visits", Area: "Help and protection", InForce: from2010,
			Source: "Local practice (Annex A List 6)",
			Start:  []EventKind{EvCINPlanStarted}, Meet: []EventKind{EvCINVisit}, Stop: []EventKind{EvCINPlanEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Setting: "cin-visit-interval", Repeat: true,
			Describe: "A child on a child in need plan must be seen within the interval this authority sets (20 working " +
				"days unless changed) of the plan starting and then of each visit, while the plan lasts.",
		},
		{
			ID: "LA-04", Title: "Care plan", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 4(2)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvCarePlan}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{10, WorkingDays}, Early: true,
			Describe: "The care plan is due before the first placement or, if that was not practicable, " +
				"within 10 working days of its start.",
		},
		{
			ID: "LA-06", Title: "Placement plan", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 9 and Sch 2 (5 working days to verify)",
			Start:  []EventKind{EvPlacementStarted}, Meet: []EventKind{EvPlacementPlan},
			Stop: []EventKind{EvPlacementEnded}, StopAny: []EventKind{EvCLAEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{5, WorkingDays}, Early: true,
			Describe: "The placement plan is due before the placement starts or, if that was not practicable, " +
				"within 5 working days of its start.",
		},
		{
			ID: "LA-12", Title: "Statutory visits", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 28(2)",
			Start:  []EventKind{EvPlacementStarted}, Meet: []EventKind{EvCLAVisit},
			Stop: []EventKind{EvPlacementEnded}, StopAny: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{1, Weeks}, Repeat: true,
			Unless: []string{AttrPlacedWithParent, AttrConnectedPerson, AttrICOAtHome, AttrCareOrderAtHome},
			Phases: []Phase{
				{MinSeq: 2, FromYears: 1, Attr: AttrLongTerm, Period: Period{3, Months}},
				{MinSeq: 2, Period: Period{6, Weeks}},
			},
			Describe: "The child's social worker must visit within 1 week of any placement starting, then at most " +
				"6 weeks apart in its first year; after that at most 3 months apart if the placement is long-term, " +
				"otherwise 6 weeks.",
		},
		{
			ID: "LA-13", Title: "Visits: placed with parent", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 28(3)",
			Start:  []EventKind{EvPlacementStarted}, Meet: []EventKind{EvCLAVisit},
			Stop: []EventKind{EvPlacementEnded}, StopAny: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{1, Weeks}, Repeat: true,
			When:   []string{AttrPlacedWithParent},
			Phases: []Phase{{MinSeq: 2, AfterKind: EvCLAReview, Period: Period{6, Weeks}}},
			Describe: "A child placed with a parent before the assessment is complete must be visited weekly " +
				"until the first review after the placement starts, then at most 6 weeks apart.",
		},
		{
			ID: "LA-14", Title: "Visits: connected person or ICO at home", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 28(4)",
			Start:  []EventKind{EvPlacementStarted}, Meet: []EventKind{EvCLAVisit},
			Stop: []EventKind{EvPlacementEnded}, StopAny: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{1, Weeks}, Repeat: true,
			When: []string{AttrConnectedPerson, AttrICOAtHome}, Unless: []string{AttrPlacedWithParent},
			Phases: []Phase{{MinSeq: 2, AfterKind: EvCLAReview, Period: Period{4, Weeks}}},
			Describe: "A child placed with a temporarily approved connected person, or at home on an interim care " +
				"order, must be visited weekly until the first review after the placement starts, then at most 4 weeks apart.",
		},
		{
			ID: "LA-15", Title: "Visits: care order at home", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 28(5)",
			Start:  []EventKind{EvPlacementStarted}, Meet: []EventKind{EvCLAVisit},
			Stop: []EventKind{EvPlacementEnded}, StopAny: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{1, Weeks}, Repeat: true,
			When: []string{AttrCareOrderAtHome}, Unless: []string{AttrPlacedWithParent, AttrConnectedPerson, AttrICOAtHome},
			Phases:   []Phase{{MinSeq: 2, Period: Period{6, Weeks}}},
			Describe: "A child on a care order living with a parent must be visited within 1 week, then at most 6 weeks apart.",
		},
		{
			ID: "LA-17", Title: "First looked-after review", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 33(1)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvCLAReview}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{20, WorkingDays},
			Describe: "The first looked-after review is due within 20 working days of the child becoming looked after.",
		},
		{
			ID: "LA-18", Title: "Second looked-after review", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 33(2)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvCLAReview}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{3, Months}, After: "LA-17",
			Describe: "The second looked-after review is due within 3 months of the first.",
		},
		{
			ID: "LA-19", Title: "Looked-after reviews", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 33(2)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvCLAReview}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{6, Months}, After: "LA-18", Repeat: true,
			Describe: "After the second, each looked-after review is due within 6 months of the one before.",
		},
		{
			ID: "LA-25", Title: "Initial health assessment", Area: "Children in care", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 7; Promoting the health and wellbeing of looked-after children (2015)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvHealthAssessmentInitial}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{20, WorkingDays},
			Describe: "The initial health assessment is due within 20 working days of the child becoming looked " +
				"after, in time to inform the first review.",
		},
		{
			ID: "LA-26", Title: "Review health assessments", Area: "Children in care", National: true, InForce: from2010,
			Source: "Promoting the health and wellbeing of looked-after children (2015)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvHealthAssessmentReview}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Period: Period{6, Months}, After: "LA-25", Repeat: true,
			Phases: []Phase{{MinAge: 5, Period: Period{12, Months}}},
			Describe: "A review health assessment is due within 6 months of the last health assessment for a child " +
				"under 5, and within 12 months for a child of 5 or over (the age on the day the last one was done).",
		},
		{
			ID: "LA-27a", Title: "Personal education plan", Area: "Children in care", National: true, InForce: from2010,
			Source: "Promoting the education of looked-after children (2018); CPPCR 2010 reg 5(b)(ii)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvPEP}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{10, WorkingDays}, Early: true, FromAge: 5,
			Describe: "A child of school age needs a personal education plan before becoming looked after or, in an " +
				"emergency, within 10 working days (from the 5th birthday for a younger child).",
		},
		{
			ID: "LA-27b", Title: "PEP reviews", Area: "Children in care", National: true, InForce: from2010,
			Source: "Promoting the education of looked-after children (2018)",
			Start:  []EventKind{EvLookedAfter}, Meet: []EventKind{EvPEPReview}, Stop: []EventKind{EvCLAEnded},
			Link: Link{Meet: AnyForChild, Stop: SameSubject}, Setting: "pep-review-interval", After: "LA-27a", Repeat: true,
			Describe: "The personal education plan is reviewed termly: each review is due within the interval this " +
				"authority sets (4 months unless changed) of the plan or the last review.",
		},
		{
			ID: "LA-29", Title: "Return home interview", Area: "Children in care", National: true, InForce: from2010,
			Source: "Children who run away or go missing from home or care (DfE, January 2014)",
			Start:  []EventKind{EvMissingReturned}, Meet: []EventKind{EvReturnInterviewOffered},
			Link: Link{Meet: UnderSubject}, Period: Period{72, Hours}, Instant: true,
			Describe: "A return home interview must be offered within 72 hours of the child's return from a missing episode.",
		},
		{
			ID: "CL-02", Title: "Needs assessment (eligible child)", Area: "Care leavers", National: true, InForce: from2010,
			Source: "CPPCR 2010 reg 42(1)",
			Start:  []EventKind{EvEligible}, Meet: []EventKind{EvNeedsAssessment}, StopAny: []EventKind{EvCareLeaverEnded},
			Link: Link{Meet: AnyForChild}, Period: Period{3, Months}, FromAge: 16,
			Describe: "The needs assessment of an eligible child is due within 3 months of the 16th birthday, or of " +
				"becoming eligible if that is later.",
		},
		{
			ID: "CL-07", Title: "Pathway plan reviews", Area: "Care leavers", National: true, InForce: from2010,
			Source: "Care Leavers (England) Regulations 2010 reg 7 (to verify)",
			Start:  []EventKind{EvPathwayPlan}, Meet: []EventKind{EvPathwayPlanReview},
			StopAny: []EventKind{EvPathwayPlan, EvCareLeaverEnded},
			Link:    Link{Meet: AnyForChild}, Period: Period{6, Months}, Repeat: true,
			Describe: "The pathway plan must be reviewed within 6 months of being made and then of each review; a new " +
				"plan restarts the count.",
		},
		{
			ID: "CL-08", Title: "Personal adviser visits", Area: "Care leavers", National: true, InForce: from2010,
			Source: "Care Leavers (England) Regulations 2010 reg 8 (to verify)",
			Start:  []EventKind{EvAccommodationMoved}, Meet: []EventKind{EvPAVisit},
			StopAny: []EventKind{EvAccommodationMoved, EvCareLeaverEnded},
			Link:    Link{Meet: AnyForChild}, Period: Period{7, Days}, Repeat: true, UntilAge: 18,
			Phases: []Phase{{MinSeq: 2, Period: Period{2, Months}}},
			Describe: "A relevant child's personal adviser must visit within 7 days of a move to new accommodation, then at " +
				"most 2 months apart, until the 18th birthday.",
		},
		{
			ID: "PF-04", Title: "Private fostering: first visit", Area: "Private fostering", National: true, InForce: from2010,
			Source: "Children (Private Arrangements for Fostering) Regulations 2005 regs 4 and 7",
			Start:  []EventKind{EvPFNotified}, Meet: []EventKind{EvPFVisit}, Stop: []EventKind{EvPFEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{7, WorkingDays},
			Describe: "An officer must visit the child, the carer and the household within 7 working days of the " +
				"authority being notified of a private fostering arrangement.",
		},
		{
			ID: "PF-05", Title: "Private fostering: later visits", Area: "Private fostering", National: true, InForce: from2010,
			Source: "Children (Private Arrangements for Fostering) Regulations 2005 reg 8",
			Start:  []EventKind{EvPFNotified}, Meet: []EventKind{EvPFVisit}, Stop: []EventKind{EvPFEnded},
			Link: Link{Meet: UnderSubject, Stop: SameSubject}, Period: Period{6, Weeks}, After: "PF-04", Repeat: true,
			Phases: []Phase{{FromYears: 1, Period: Period{12, Weeks}}},
			Describe: "After the first visit, the child must be visited at most 6 weeks apart in the first year of the " +
				"arrangement (from when the authority learnt of it) and at most 12 weeks apart after that.",
		},
	}
}
