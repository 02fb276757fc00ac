// Package ssda903 reads and validates the SSDA903 return (children looked
// after): its tables, the CSV and XML forms any case management system
// writes, the code lists and the validation rules of each collection year.
package ssda903

import (
	"strconv"
	"strings"
	"time"

	"cairn/internal/csc"
)

// Date is a date as the return carries it: the text in the file and, when
// that text is a real date written dd/mm/yyyy, the date. Rules need both:
// "not a valid date" is a different failure from "missing".
type Date struct {
	csc.Date
	Raw string
}

// ParseDate reads a date written dd/mm/yyyy (one-digit day and month are
// accepted, as systems write them both ways). A blank or unreadable text
// gives a Date that is not Valid but keeps the text.
func ParseDate(s string) Date {
	s = strings.TrimSpace(s)
	d := Date{Raw: s}
	if len(s) < 8 || len(s) > 10 {
		return d
	}
	p1 := strings.IndexByte(s, '/')
	if p1 < 1 || p1 > 2 {
		return d
	}
	p2 := strings.IndexByte(s[p1+1:], '/')
	if p2 < 1 || p2 > 2 {
		return d
	}
	p2 += p1 + 1
	day, ok1 := digits(s[:p1])
	mon, ok2 := digits(s[p1+1 : p2])
	yr, ok3 := digits(s[p2+1:])
	if !ok1 || !ok2 || !ok3 || len(s)-p2-1 != 4 || mon < 1 || mon > 12 || day < 1 || yr < 1 {
		return d
	}
	v := csc.NewDate(yr, time.Month(mon), day)
	if v.Day != day { // 31/04 normalised to 1 May: not a real date
		return d
	}
	d.Date = v
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// Blank reports whether nothing was recorded.
func (d Date) Blank() bool { return d.Raw == "" }

// Valid reports whether a real date was recorded.
func (d Date) Valid() bool { return !d.Date.IsZero() }

// Invalid reports whether something was recorded that is not a date.
func (d Date) Invalid() bool { return d.Raw != "" && d.Date.IsZero() }

// String writes the date as it was recorded.
func (d Date) String() string { return d.Raw }

// Table names, as the specification and rule catalogue spell them.
const (
	THeader         = "Header"
	TEpisodes       = "Episodes"
	TReviews        = "Reviews"
	TUASC           = "UASC"
	TOC2            = "OC2"
	TOC3            = "OC3"
	TAD1            = "AD1"
	TPlacedAdoption = "PlacedAdoption"
	TPrevPerm       = "PrevPerm"
	TMissing        = "Missing"
	TSWEpisodes     = "SWEpisodes"
	TDoLo           = "DoLo"
)

// Header is one child's characteristics.
type Header struct {
	Row    int
	Child  string
	Sex    string
	DOB    Date
	Ethnic string
	UPN    string
	Mother string
	MCDOB  Date
	// UASC is the UASC status flag (0 or 1), which the XML form carries and
	// a CSV Header table may (see Tables.Has).
	UASC string
}

// Episode is one period of care under one legal status and placement.
type Episode struct {
	Row               int
	Child             string
	DECOM             Date
	RNE               string
	LS                string
	CIN               string
	Place             string
	PlaceProvider     string
	DEC               Date
	REC               string
	ReasonPlaceChange string
	HomePost          string
	PLPost            string
	URN               string
	// PLLocation is IN or OUT of the authority's area, when the file
	// carries it (see Tables.Has); otherwise rules work it out.
	PLLocation string
}

// Review is one statutory review of a looked-after child.
type Review struct {
	Row        int
	Child      string
	DOB        Date
	Review     Date
	ReviewCode string
}

// UASC records when a child stopped being an unaccompanied asylum-seeking child.
type UASC struct {
	Row   int
	Child string
	Sex   string
	DOB   Date
	DUC   Date
}

// OC2 holds the outcomes of a child looked after for 12 months at 31 March.
type OC2 struct {
	Row                  int
	Child                string
	DOB                  Date
	SDQScore             string
	SDQReason            string
	Convicted            string
	HealthCheck          string
	Immunisations        string
	TeethCheck           string
	HealthAssessment     string
	SubstanceMisuse      string
	InterventionReceived string
	InterventionOffered  string
}

// OC3 holds a care leaver's contact, activity and accommodation.
type OC3 struct {
	Row     int
	Child   string
	DOB     Date
	InTouch string
	Activ   string
	Accom   string
}

// AD1 holds an adopted child's adoption details.
type AD1 struct {
	Row        int
	Child      string
	DOB        Date
	DateInt    Date
	DateMatch  Date
	FosterCare string
	NBAdoptr   string
	SexAdoptr  string
	LSAdoptr   string
}

// PlacedAdoption records a decision that a child should be placed for adoption.
type PlacedAdoption struct {
	Row                int
	Child              string
	DOB                Date
	DatePlaced         Date
	DatePlacedCeased   Date
	ReasonPlacedCeased string
}

// PrevPerm records permanence before the child came into care.
type PrevPerm struct {
	Row      int
	Child    string
	DOB      Date
	PrevPerm string
	LAPerm   string
	DatePerm Date
}

// Missing is one episode missing or away from placement without authorisation.
type Missing struct {
	Row      int
	Child    string
	DOB      Date
	Missing  string
	MisStart Date
	MisEnd   Date
}

// SWEpisode is one period with one social worker (from 2023/24).
type SWEpisode struct {
	Row      int
	Child    string
	DOB      Date
	SWID     string
	SWDecom  Date
	SWDec    Date
	SWReason string
}

// DoLo is one deprivation of liberty order (from 2026/27).
type DoLo struct {
	Row       int
	Child     string
	DOB       Date
	DoloStart Date
	DoloEnd   Date
}

// Tables is one year's return as tables. Each slice keeps the order of the
// file; Row is the line (CSV) or element line (XML) each row came from.
type Tables struct {
	Header         []Header
	Episodes       []Episode
	Reviews        []Review
	UASC           []UASC
	OC2            []OC2
	OC3            []OC3
	AD1            []AD1
	PlacedAdoption []PlacedAdoption
	PrevPerm       []PrevPerm
	Missing        []Missing
	SWEpisodes     []SWEpisode
	DoLo           []DoLo

	// XML is true when the tables came from an XML file, which carries the
	// UASC flag the CSV form lacks.
	XML bool

	// Has names the optional columns (ColUASC, ColPLLocation) the tables
	// were read with.
	Has map[string]bool

	// Files names the file each table was read from, for messages.
	Files map[string]string
}

// hasFlag reports whether the tables carry the UASC status flag.
func (t *Tables) hasFlag() bool { return t.XML || t.Has[ColUASC] }

// atoi reads a whole number, reporting whether the text was one.
func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}
