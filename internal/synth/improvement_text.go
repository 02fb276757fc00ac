package synth

import "cairn/internal/csc"

// The words of Northmoor's inspection history: its letters' findings and
// its improvement plan. All invented, in the shape of published Ofsted
// letters and a council's quality and development plan.

// histFinding is a finding as a letter gives it; key names it for the
// actions that answer it.
type histFinding struct {
	key   string
	kind  csc.FindingKind
	text  string
	areas []string
}

// histInspection is one inspection or visit, dated by days before AsOf.
type histInspection struct {
	key        string
	kind       csc.InspectionKind
	daysAgo    int
	noticeDays int // working days of notice before the first day on site
	siteDays   int // days on site
	focus      string
	grades     map[csc.Judgement]csc.Grade
	opening    string // the letter's opening paragraphs
	findings   []histFinding
}

var ri, gd, inad = csc.GradeRequiresImprovement, csc.GradeGood, csc.GradeInadequate

// northmoorInspections climb from inadequate through requires improvement
// to good, with a monitoring visit on the way, then a focused visit with
// four areas for improvement and an annual engagement meeting.
var northmoorInspections = []histInspection{
	{key: "first", kind: csc.InspStandard, daysAgo: 3100, noticeDays: 5, siteDays: 12,
		focus: "Services for children in need of help and protection, children looked after and care leavers",
		grades: map[csc.Judgement]csc.Grade{csc.JudgeOverall: inad, csc.JudgeHelpAndProtection: inad,
			csc.JudgeChildrenInCare: inad, csc.JudgeCareLeavers: inad, csc.JudgeLeaders: inad},
		opening: "Children's services in Northmoor are inadequate. Too many children wait too long for help, " +
			"and risk is not always recognised or acted on. Leaders have not had an accurate picture of the quality of practice."},
	{key: "monitoring", kind: csc.InspMonitoringVisit, daysAgo: 2750, noticeDays: 5, siteDays: 2,
		focus: "Progress for children in care and care leavers",
		opening: "This letter summarises the findings of the third monitoring visit since the local authority was judged " +
			"inadequate. Inspectors reviewed the progress made for children in care and care leavers. The local authority " +
			"is making steady progress in some areas of practice.",
		findings: []histFinding{
			{"mv-s1", csc.FindingStrength, "Audits are thorough and help managers understand the quality of practice.", []string{"quality_assurance"}},
			{"mv-s2", csc.FindingStrength, "Independent reviewing officers have an increasingly positive effect on children's plans.", []string{"children_in_care"}},
			{"mv-i1", csc.FindingImprovement, "Too many children experience changes of social worker and placement, and permanence is not always secured without delay.", []string{"permanence", "workforce"}},
		}},
	{key: "second", kind: csc.InspStandard, daysAgo: 2200, noticeDays: 5, siteDays: 12,
		focus: "All services for children in need of help and protection, children in care and care leavers",
		grades: map[csc.Judgement]csc.Grade{csc.JudgeOverall: ri, csc.JudgeHelpAndProtection: ri,
			csc.JudgeChildrenInCare: ri, csc.JudgeCareLeavers: ri, csc.JudgeLeaders: gd},
		opening: "All services have improved since the last inspection, and overall effectiveness now requires improvement " +
			"to be good. Leaders have a clear understanding of what still needs to develop.",
		findings: []histFinding{
			{"ri-r1", csc.FindingRecommendation, "Improve the consistency of social work practice for disabled children, including their assessments and plans.", []string{"disabled_children"}},
			{"ri-r2", csc.FindingRecommendation, "Make sure that assessments of private foster carers evaluate whether they can meet the children's needs.", []string{"private_fostering"}},
			{"ri-r3", csc.FindingRecommendation, "Make sure that 16- and 17-year-olds who present as homeless have their needs assessed by a social worker.", []string{"homeless_16_17", "assessment"}},
		}},
	{key: "third", kind: csc.InspStandard, daysAgo: 1100, noticeDays: 5, siteDays: 12,
		focus: "All services, with a focus on help and protection",
		grades: map[csc.Judgement]csc.Grade{csc.JudgeOverall: gd, csc.JudgeHelpAndProtection: gd,
			csc.JudgeChildrenInCare: gd, csc.JudgeCareLeavers: ri, csc.JudgeLeaders: gd},
		opening: "Services for children in Northmoor are now good. A stable and determined leadership team has sustained " +
			"improvement, and children receive timely help that is matched to their needs.",
		findings: []histFinding{
			{"gd-s1", csc.FindingStrength, "Strategy meetings are timely and well attended, and decisions are clearly recorded.", []string{"child_protection"}},
			{"gd-s2", csc.FindingStrength, "Workforce planning has brought greater stability, and caseloads are manageable.", []string{"workforce"}},
			{"gd-r1", csc.FindingRecommendation, "Make sure that pathway plans are reviewed with care leavers and reflect their current needs.", []string{"care_leavers"}},
			{"gd-r2", csc.FindingRecommendation, "Make sure that the private fostering arrangements of children who are new to the area are identified and assessed promptly.", []string{"private_fostering"}},
		}},
	{key: "focused", kind: csc.InspFocusedVisit, daysAgo: 300, noticeDays: 10, siteDays: 2,
		focus: "The local authority's arrangements for children in need, including those subject to a child protection plan",
		opening: "This letter summarises the findings of a focused visit to Northmoor children's services. Inspectors looked " +
			"at the arrangements for children in need and those subject to a child protection plan, and at performance " +
			"management, supervision and quality assurance. There are no areas for priority action.",
		findings: []histFinding{
			{"fv-s1", csc.FindingStrength, "Children in need of protection receive a prompt and effective response that reduces risk.", []string{"child_protection"}},
			{"fv-s2", csc.FindingStrength, "The local authority's model of practice is well embedded and helps families understand and reduce worries.", []string{"leadership"}},
			{"fv-s3", csc.FindingStrength, "Social workers know their children well and undertake purposeful direct work with them.", []string{"children_in_need"}},
			{"fv-i1", csc.FindingImprovement, "The capacity and stability of the workforce in the teams where turnover is highest.", []string{"workforce"}},
			{"fv-i2", csc.FindingImprovement, "Exploration of children's identity needs in assessments.", []string{"assessment"}},
			{"fv-i3", csc.FindingImprovement, "Assessment of the needs of young people who present as homeless, including whether they should be looked after.", []string{"homeless_16_17", "assessment"}},
			{"fv-i4", csc.FindingImprovement, "Actions from case audits are completed in a timely way.", []string{"quality_assurance"}},
		}},
	{key: "engagement", kind: csc.InspAnnualEngagement, daysAgo: 120, noticeDays: 15, siteDays: 1,
		focus: "The self-evaluation and the quality and development plan",
		opening: "The annual engagement meeting discussed the self-evaluation, progress against the focused visit's areas " +
			"for improvement, and workforce sufficiency."},
}

// histAction is an action of the plan. Days are relative to AsOf
// (negative: before it). pace is reported progress against time passed;
// updatesTo says which quarters have updates: 0 up to the current one,
// -1 up to the last, -2 up to the one before that (so it is stale).
type histAction struct {
	title, detail, theme string
	findings             []string
	owner                string // a leadership key, "qa" or "manager"
	start, due           int
	status               csc.ActionStatus
	completed            int // for complete actions
	dropped              string
	pace                 float64
	updatesTo            int
	evidence             string
}

// northmoorPlan is the quality and development plan: some actions
// complete, some on track, one behind, one overdue, one whose owner has
// left and one dropped; one recommendation has no action, so the flags
// show.
var northmoorPlan = []histAction{
	{title: "Recruit and keep social workers in the West teams", theme: "workforce", findings: []string{"fv-i1"}, owner: "ad",
		detail: "A market supplement, a caseload cap of 18 and a second social work academy cohort.",
		start:  -279, due: 120, status: csc.StatusInProgress, pace: 1.05, updatesTo: 0},
	{title: "Commission a child in need service for six months to clear unallocated work", theme: "workforce", findings: []string{"fv-i1"},
		owner: "hos", start: -286, due: -100, status: csc.StatusComplete, completed: -110, pace: 1, evidence: "Commissioning report to the Quality and Development Board: every child in need allocated."},
	{title: "Practice guidance and training on identity in assessments", theme: "assessment", findings: []string{"fv-i2"}, owner: "qahead",
		start: -270, due: 45, status: csc.StatusInProgress, pace: 0.45, updatesTo: -1},
	{title: "Audit 40 assessments for identity and report to the Quality and Development Board", theme: "quality_assurance",
		findings: []string{"fv-i2"}, owner: "qa", start: -240, due: -25, status: csc.StatusInProgress, pace: 0.8, updatesTo: -1},
	{title: "Joint protocol with housing for 16- and 17-year-olds who present as homeless", theme: "homeless_16_17",
		findings: []string{"fv-i3", "ri-r3"}, owner: "former", start: -270, due: 60, status: csc.StatusInProgress, pace: 0.9, updatesTo: -2},
	{title: "Report to scrutiny on young people presenting as homeless", theme: "homeless_16_17", findings: []string{"fv-i3"}, owner: "ad",
		start: -260, due: -150, status: csc.StatusComplete, completed: -155, pace: 1},
	{title: "Moderate every audit within 10 working days and track its actions to completion", theme: "quality_assurance",
		findings: []string{"fv-i4"}, owner: "qahead", start: -280, due: 200, status: csc.StatusInProgress, pace: 1.05, updatesTo: 0,
		evidence: "Moderation tracker: nine in ten audits moderated within 10 working days last quarter."},
	{title: "Review every care leaver's pathway plan with them at least every six months", theme: "care_leavers", findings: []string{"gd-r1"},
		owner: "manager", start: -1040, due: 30, status: csc.StatusInProgress, pace: 1.05, updatesTo: 0},
	{title: "One assessment and planning route for disabled children", theme: "disabled_children", findings: []string{"ri-r1"}, owner: "ad",
		start: -2140, due: -1800, status: csc.StatusDropped, dropped: "Superseded by the disabled children's service redesign.", pace: 0.5},
	{title: "Disabled children's service redesign: one team and one assessment route", theme: "disabled_children", findings: []string{"ri-r1"},
		owner: "dcs", start: -1820, due: -1300, status: csc.StatusComplete, completed: -1320, pace: 1},
	{title: "Private fostering awareness campaign and an audit of carers' assessments", theme: "private_fostering", findings: []string{"ri-r2"},
		owner: "qahead", start: -2150, due: -1900, status: csc.StatusComplete, completed: -1910, pace: 1},
	{title: "Social work assessment for every 16- or 17-year-old who presents as homeless", theme: "homeless_16_17", findings: []string{"ri-r3"},
		owner: "hos", start: -2150, due: -1850, status: csc.StatusComplete, completed: -1870, pace: 1},
	{title: "A permanence panel that tracks every child in care", theme: "permanence", findings: []string{"mv-i1"}, owner: "hos",
		start: -2730, due: -2400, status: csc.StatusComplete, completed: -2420, pace: 1},
}

// progressWords are the narratives of quarterly updates, in turn.
var progressWords = []string{
	"Work has started and the project group has met.",
	"Plans agreed with partners; first changes in place.",
	"Changes rolled out to the teams; early audits are positive.",
	"Most teams now work this way; the board reviewed progress.",
	"Embedding continues; the impact is being measured through audit.",
}

// selfEvaluationText are the two versions of the current self-evaluation.
var selfEvaluationText = [2][3]string{
	{"Practice is good and improving. Children in need of protection get a timely response.\n" +
		"Assessments are mostly thorough, but identity is not always explored.\n" +
		"Workforce stability in the West teams remains our main risk.",
		"Monthly case audits with social workers, moderated by managers.\nPerformance data reviewed at the Quality and Development Board.\n" +
			"Feedback from children, families and partners.",
		"The quality and development plan answers each area for improvement from the focused visit.\n" +
			"A recruitment and retention package for the West teams."},
	{"Practice is good and improving. Children in need of protection get a timely response.\n" +
		"Assessments are mostly thorough; the identity guidance is not yet embedded, and our audit of identity is late.\n" +
		"Workforce stability in the West teams is improving: vacancies have fallen since the market supplement.\n" +
		"The protocol for homeless 16- and 17-year-olds has lost its owner and needs a new lead.",
		"Monthly case audits with social workers, moderated by managers within 10 working days.\nPerformance data reviewed at the Quality and Development Board.\n" +
			"Feedback from children, families and partners.\nThe annual engagement meeting with Ofsted.",
		"The quality and development plan answers each area for improvement from the focused visit.\n" +
			"A recruitment and retention package for the West teams.\nA new owner for the housing protocol, agreed by the board."},
}
