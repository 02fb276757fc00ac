package csc

// CensusTx reads the children in need census population from the record in
// a few set-based queries per range of children.
type CensusTx interface {
	// CensusChildren returns the children with ids in [fromID, toID] who had
	// an episode of need (a referral) open at any point between from and to
	// inclusive, in id order, each with those episodes and the assessments,
	// child in need plans, section 47 enquiries and protection plans
	// recorded under them.
	CensusChildren(from, to Date, fromID, toID int64) ([]CensusChild, error)
}

// CensusChild is a child of the census population with what the census
// reports about them.
type CensusChild struct {
	ID                  int64
	DateOfBirth         Date
	ExpectedDateOfBirth Date
	DateOfDeath         Date
	Sex                 SexCode
	Ethnicity           EthnicityCode
	UPN                 UPN
	Restricted          bool // the record is restricted to named staff; not reported
	Disabilities        []DisabilityCode
	Episodes            []CensusEpisode // by referral date
}

// CensusEpisode is one referral (episode of need) and the work under it.
type CensusEpisode struct {
	ReferralID     int64
	ReferralDate   Date
	Source         string
	PrimaryNeed    string
	NFA            bool
	ClosureDate    Date
	ClosureReason  string
	Assessments    []CensusAssessment
	CINPlans       []CensusCINPlan
	S47s           []CensusS47
	ProtectionPlan []CensusCPPlan
}

// CensusAssessment is an assessment with its authorisation and factors.
type CensusAssessment struct {
	ID             int64
	StartDate      Date
	AuthorisedDate Date
	Factors        []string
}

// CensusCINPlan is a child in need plan's dates.
type CensusCINPlan struct {
	ID                 int64
	StartDate, EndDate Date
}

// CensusS47 is a section 47 enquiry: when it and the strategy discussion
// that began it took place, whether it had concluded by the end of the
// period and whether that conclusion was that a conference was needed, and
// the initial conference it led to, if any: the child's first
// initial conference on or after the enquiry began, held for this enquiry or
// for the household with a decision about the child (ConferenceID).
type CensusS47 struct {
	ID               int64
	StartDate        Date
	StrategyDate     Date
	Concluded        bool
	ConferenceNeeded bool
	InitialCPC       Date
	ConferenceID     int64
}

// CensusCPPlan is a child protection plan with its review conferences and,
// when an initial conference made it, that conference's date and id.
// ReviewIDs are the review conferences' ids, in the order of Reviews.
type CensusCPPlan struct {
	ID                 int64
	StartDate, EndDate Date
	InitialCPC         Date
	ConferenceID       int64
	InitialCategory    string
	LatestCategory     string
	PreviousPlans      int
	Reviews            []Date
	ReviewIDs          []int64
}
