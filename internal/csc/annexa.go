package csc

// AnnexATx reads what Ofsted's ILACS Annex A lists 1 to 7 report from the
// record, in a few set-based queries per range of children.
type AnnexATx interface {
	// AnnexA returns, for the children with ids in [fromID, toID], the
	// contacts received, early help, referrals, assessments and section 47
	// enquiries, episodes of need and child protection plans of the period
	// [from, to] (each as defined on its type), and
	// the children they concern, with each child's allocation open on to.
	AnnexA(from, to Date, fromID, toID int64) (*AnnexA, error)
}

// AnnexA is the record's Annex A material for a range of children.
type AnnexA struct {
	Children    map[int64]*AnnexAChild
	Contacts    []AnnexAContact    // received in the period, one per child
	EarlyHelp   []AnnexAEarlyHelp  // open at some point in the period, or assessed in it
	Referrals   []AnnexAReferral   // received in the period
	Assessments []AnnexAAssessment // open at some point in the period
	S47s        []AnnexAS47        // begun in the period, or begun before it and still open in it
	ICPCs       []AnnexAICPC       // initial conferences held in the period
	CIN         []AnnexACIN        // episodes of need, not NFA, open at some point in the period
	CPPlans     []AnnexACPPlan     // child protection plans open at some point in the period
}

// AnnexAChild is who a child is and who holds their case.
type AnnexAChild struct {
	ID           int64
	DateOfBirth  Date
	Sex          SexCode
	Ethnicity    EthnicityCode
	Disabilities []DisabilityCode
	Team, Worker string // the allocation open at the end of the period
	LastSeen     Date   // the latest visit by the end of the period at which the child was seen
}

// AnnexAContact is a contact about a child: the contact's own child or a
// child of its household.
type AnnexAContact struct {
	ChildID  int64
	Received Date
	Source   string
}

// AnnexAEarlyHelp is an episode of early help and its assessment.
type AnnexAEarlyHelp struct {
	ChildID                int64
	Start, End             Date
	EHAStart, EHACompleted Date
	Agency                 string
}

// AnnexAReferral is a referral (episode of need).
type AnnexAReferral struct {
	ChildID int64
	Date    Date
	Source  string
	NFA     bool
}

// AnnexAAssessment is a child and family assessment.
type AnnexAAssessment struct {
	ChildID    int64
	Start      Date
	Seen       bool // the child was seen during it
	Authorised Date
	Outcome    string
}

// AnnexAS47 is a section 47 enquiry with the initial conference held for it.
type AnnexAS47 struct {
	ChildID          int64
	Started          Date
	StrategyDate     Date
	Concluded        bool
	ConferenceNeeded bool
	InitialCPC       Date
	Plan             bool // the conference made a child protection plan for the child
}

// AnnexAICPC is an initial child protection conference about a child.
type AnnexAICPC struct {
	ChildID int64
	Held    Date
}

// AnnexACIN is an episode of need (a referral not closed as NFA) with
// whether a child in need plan or child protection plan was open under it
// in the period.
type AnnexACIN struct {
	ChildID       int64
	Start         Date
	PrimaryNeed   string
	Closed        Date
	ClosureReason string
	CINPlan       bool
	CPPlan        bool
}

// AnnexACPPlan is a child protection plan with its latest statutory visit
// and review conference by the end of the period.
type AnnexACPPlan struct {
	ID              int64
	ChildID         int64
	Start, End      Date
	Initial, Latest string // categories of abuse
	LastVisit       Date
	SeenAlone       bool // at the latest visit
	LastReview      Date
	PreviousPlans   int
}
