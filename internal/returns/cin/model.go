package cin

import (
	"time"

	"cairn/internal/csc"
)

// The tables of the census, as the DfE's rule catalogue names them (its
// "module" column). A failure names the table its row is in.
const (
	THeader               = "Header"
	TChildIdentifiers     = "ChildIdentifiers"
	TChildCharacteristics = "ChildCharacteristics"
	TDisabilities         = "Disabilities"
	TCINdetails           = "CINdetails"
	TAssessments          = "Assessments"
	TCINplanDates         = "CINplanDates"
	TSection47            = "Section47"
	TChildProtectionPlans = "ChildProtectionPlans"
	TReviews              = "Reviews"
	TPreProceedings       = "PreProceedings"
)

// Header is the file's Header: CollectionDetails and the first Source. Line
// is where the Header starts; 0 means the file has none.
type Header struct {
	Line          int
	Collection    string
	Year          string
	ReferenceDate csc.Date
	SourceLevel   string
	LEA           string
	SoftwareCode  string
	Release       string
	SerialNo      string
	DateTime      string
}

// Child is one Child element: ChildIdentifiers, ChildCharacteristics and the
// child's episodes of need. Line is where the Child starts; each part keeps
// its own line so that a failure points at the row it is about. Dates that
// are absent or not dates are zero: the reader reports the second as an
// input problem.
type Child struct {
	Line int
	// ChildIdentifiers
	IDLine                  int
	LAchildID               string
	UPN                     string
	FormerUPN               string
	UPNunknown              string
	PersonBirthDate         csc.Date
	ExpectedPersonBirthDate csc.Date
	Sex                     string // 2024/25 onward: M, F or U
	GenderCurrent           string // 2023/24 and before: 0, 1, 2 or 9; read, never validated as Sex
	PersonDeathDate         csc.Date
	// ChildCharacteristics
	CharLine     int
	Ethnicity    string
	Disabilities []Coded
	// CINdetails, one per episode of need
	CIN []CINDetails
}

// Coded is one value of a repeated coded element (Disability,
// AssessmentFactors) and the line it is on.
type Coded struct {
	Line  int
	Value string
}

// CINDetails is one episode of need: a referral and what followed it.
type CINDetails struct {
	Line             int
	ReferralDate     csc.Date
	ReferralSource   string
	PrimaryNeedCode  string
	ClosureDate      csc.Date
	ReasonForClosure string
	DateOfInitialCPC csc.Date
	ReferralNFA      string // true, false, 1 or 0 as written
	Assessments      []Assessment
	Plans            []CINPlan
	S47              []Section47
	CPP              []ProtectionPlan
	PreProceedings   []PreProceedings
}

// Assessment is one Assessments element with its factors.
type Assessment struct {
	Line               int
	StartDate          csc.Date
	InternalReviewDate csc.Date
	AuthorisationDate  csc.Date
	Factors            []Coded
}

// CINPlan is one CINPlanDates element.
type CINPlan struct {
	Line      int
	StartDate csc.Date
	EndDate   csc.Date
}

// Section47 is one Section47 enquiry.
type Section47 struct {
	Line             int
	StartDate        csc.Date
	InitialCPCtarget csc.Date
	DateOfInitialCPC csc.Date
	ICPCnotRequired  string
}

// ProtectionPlan is one ChildProtectionPlans element with its reviews.
type ProtectionPlan struct {
	Line                   int
	StartDate              csc.Date
	EndDate                csc.Date
	InitialCategoryOfAbuse string
	LatestCategoryOfAbuse  string
	NumberOfPreviousCPP    string
	Reviews                []Review
}

// Review is one CPPreviewDate. A review element with no date is kept, with a
// zero Date, because rule 8842Q asks about it.
type Review struct {
	Line int
	Date csc.Date
}

// PreProceedings is the 2025/26 pre-proceedings and family group decision
// making block of an episode. The catalogue of 2025/26 has no rule on it yet;
// it is read so that it is kept, counted and checked for well-formed dates.
type PreProceedings struct {
	Line                 int
	PPStartDate          csc.Date
	LBPSentDate          csc.Date
	FGDMMeetingOffer     string
	FGDMMeetingFac       string
	InitialPPMeetingDate csc.Date
	ReviewMeetingsCount  string
	StepDecisionDate     csc.Date
	PPOutcome            string
	CourtAppDate         csc.Date
	LetterInitCPDate     csc.Date
}

// isTrue and isFalse read the census's yes/no items (ReferralNFA,
// ICPCnotRequired), which systems write as true/false or 1/0.
func isTrue(s string) bool  { return s == "true" || s == "1" }
func isFalse(s string) bool { return s == "false" || s == "0" }

// parseDate reads an xs:date, YYYY-MM-DD, without allocating. It refuses
// anything else, including dates that do not exist.
func parseDate(b []byte) (csc.Date, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return csc.Date{}, false
	}
	n := func(s []byte) int {
		v := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, d := n(b[:4]), n(b[5:7]), n(b[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return csc.Date{}, false
	}
	return csc.Date{Year: y, Month: monthOf(m), Day: d}, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func monthOf(m int) time.Month { return time.Month(m) }
