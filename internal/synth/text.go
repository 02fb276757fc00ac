package synth

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cairn/internal/csc"
)

// slots are the values a template's braces are filled with, for one child
// on one contact.
type slots struct {
	child, he, his, him string
	kids, was, is       string
	carer, carerrel     string
	cshe, cher, cherO   string
	partner             string
	org, town, address  string
	day, time, dis      string
	team, label, lang   string
	pattern             string // a sentence about repeat contacts, or empty
	prev                int
	n, pct, age, weeks  int
}

// fill replaces each {slot} in t. A slot written with a capital ({Child},
// {He}) starts with a capital letter. Unknown slots are left as written so
// that a typo shows in the output instead of vanishing.
func fill(t string, s *slots) string {
	var b strings.Builder
	b.Grow(len(t) + 32)
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		key := t[i+1 : i+j]
		v, ok := s.value(strings.ToLower(key))
		switch {
		case !ok:
			b.WriteString(t[i : i+j+1])
		case key != "" && unicode.IsUpper(rune(key[0])):
			b.WriteString(capitalise(v))
		default:
			b.WriteString(v)
		}
		t = t[i+j+1:]
	}
}

func (s *slots) value(key string) (string, bool) {
	switch key {
	case "child":
		return s.child, true
	case "he":
		return s.he, true
	case "his":
		return s.his, true
	case "him":
		return s.him, true
	case "kids":
		return s.kids, true
	case "was":
		return s.was, true
	case "is":
		return s.is, true
	case "carer":
		return s.carer, true
	case "carerrel":
		return s.carerrel, true
	case "cshe":
		return s.cshe, true
	case "cher":
		return s.cher, true
	case "chero":
		return s.cherO, true
	case "partner":
		return s.partner, true
	case "org":
		return s.org, true
	case "town":
		return s.town, true
	case "address":
		return s.address, true
	case "day":
		return s.day, true
	case "time":
		return s.time, true
	case "dis":
		return s.dis, true
	case "team":
		return s.team, true
	case "label":
		return s.label, true
	case "lang":
		return s.lang, true
	case "pattern":
		return s.pattern, true
	case "n":
		return strconv.Itoa(s.n), true
	case "pct":
		return strconv.Itoa(s.pct), true
	case "age":
		return strconv.Itoa(s.age), true
	case "weeks":
		return strconv.Itoa(s.weeks), true
	}
	return "", false
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// pronouns returns he/his/him for a child, or the child's name for a child
// whose sex is not known, so that no sentence guesses.
func pronouns(sex csc.SexCode, name string) (he, his, him string) {
	switch sex {
	case "M":
		return "he", "his", "him"
	case "F":
		return "she", "her", "her"
	}
	return name, name + "'s", name
}

// tagFits reports whether a template's source tag (see text_templates.go)
// allows a source group and a child.
func tagFits(tag string, group byte, age int, sex csc.SexCode) bool {
	src, narrow, _ := strings.Cut(tag, ":")
	if strings.IndexByte(src, group) < 0 {
		return false
	}
	switch narrow {
	case "b":
		return age < 1
	case "y":
		return age < 5
	case "k":
		return age >= 5
	case "t":
		return age >= 10
	case "g":
		return age >= 13 && sex == "F"
	}
	return true
}

// checkTexts are what each partner agency tells the front door, by band.
var checkTexts = map[csc.Agency][3][]string{
	csc.AgencyPolice: {
		{"No records held for the adults at the address.", "No trace of the family on police systems.",
			"One domestic incident recorded in 2021 (verbal argument, standard risk); nothing since."},
		{"{n} domestic incidents recorded at the address in the last 12 months, all standard or medium risk. {Partner} has a caution for common assault.",
			"{Partner} is known for possession of cannabis; no violence markers.",
			"Police attended twice last year for concern-for-welfare calls about {Carer}."},
		{"{Partner} has convictions for assault occasioning actual bodily harm against a former partner and breach of a restraining order. Flagged as a high-risk perpetrator.",
			"Intelligence links the address to drug supply; {Partner} is of interest to the organised crime team.",
			"{n} incidents at the address in the last six months, two graded high risk; open MARAC case."},
	},
	csc.AgencyHealth: {
		{"GP confirms immunisations are up to date and no concerns about {Child}'s health.",
			"Health visitor last saw {Child} at the developmental review; development on track, no concerns.",
			"School nursing: no contact in the last year; no concerns noted."},
		{"GP reports {Carer} is being treated for depression; {Child} has missed {n} health appointments this year.",
			"Health visitor has had concerns about home conditions at two visits; family on the universal-plus offer.",
			"{n} attendances at the Emergency Department in the last year for minor injuries, each explained."},
		{"GP holds a safeguarding flag from a previous authority; {Child} is not registered with a dentist and has missed developmental checks.",
			"Hospital records show two previous attendances with unexplained bruising; the paediatrician raised concerns at the time.",
			"Mental health services report {Carer} disengaged three months ago; risk is assessed as high when unwell."},
	},
	csc.AgencyEducation: {
		{"Attendance 96%; no concerns raised by school. {Child} is making expected progress.",
			"School report {Child} is settled with good friendships; {Carer} attends parents' evenings."},
		{"Attendance {pct}%; {n} lates this term. The designated safeguarding lead has logged concerns about hygiene and hunger.",
			"{Child} has a part-time timetable; school report {Carer} is hard to engage."},
		{"Attendance {pct}%; {Child} has missed long periods of education and is on a reduced timetable. School made two previous referrals.",
			"School report {Child} has disclosed worries at home before and has had marks on {his} arms; the DSL is very concerned."},
	},
}

// decisionTexts are the front door's reasons, by decision.
var decisionTexts = map[csc.Decision][]string{
	csc.DecisionNFA: {
		"Information only. No concerns about the care of {Child} that need a service from children's social care; the family are supported by universal services. Referrer informed.",
		"Following checks, the presenting concerns are resolved: {Carer} acted protectively and the children were not at risk. No further action.",
		"Threshold not met: a one-off incident with no previous concerns, and partner checks show no relevant history. Notification shared with the school for awareness.",
	},
	csc.DecisionAdvice: {
		"Needs can be met by universal services. Advice given to {Carer} about {label} and signposted to the {town} family hub.",
		"Advice and information given to the referrer, who will continue to support the family and monitor. Re-refer if concerns increase.",
		"No role for children's social care at present. {Carer} given advice and contact details for support with {label}; the school will keep in touch with the family.",
	},
	csc.DecisionEarlyHelp: {
		"Needs are at early help level under the Northmoor threshold guidance. {Carer} consents to early help; passed to the {team} for a family support worker and an early help assessment.",
		"No indication of significant harm; the family would benefit from targeted support with {label}. Consent given; step-down to early help with the school as lead practitioner.",
	},
	csc.DecisionReferral: {
		"Threshold for a child and family assessment under section 17 is met: {label}.{pattern} Referral to the {team}.",
		"{Child} may be a child in need. Risks identified around {label}; the protective factors are not enough on their own. Referral for a social work assessment.",
	},
	csc.DecisionStrategy: {
		"Reasonable cause to suspect that {Child} is suffering, or is likely to suffer, significant harm. Strategy discussion to be convened today with police and health under section 47.",
		"Concerns about {label} indicate likely significant harm. Immediate safeguarding needed; strategy discussion arranged with police and health, who agree to a joint section 47 enquiry.",
	},
}

// openCaseText is the decision on a contact about a child already open to a
// social work team: the information goes to the allocated worker.
const openCaseText = "{Child} is open to children's social care. The information was passed to the allocated social worker and team manager the same day. No further action by the front door."

// oversightTexts are managers' oversight, by decision; lateOversight is
// added when the decision missed its deadline.
var oversightTexts = map[csc.Decision][]string{
	csc.DecisionNFA: {"I agree with the decision and rationale. The checks are proportionate and the outcome has been shared with the referrer.",
		"Agree no further action. Please make sure the school know about the previous contacts so they can keep an eye on {Child}."},
	csc.DecisionAdvice: {"Agree: advice is proportionate. Make sure the referrer has details of the early help offer.",
		"Agree with advice and signposting; re-refer if anything changes."},
	csc.DecisionEarlyHelp: {"Agree early help is right for this family; consent is recorded.",
		"Agree step-down. The early help assessment should pick up the pattern of previous contacts."},
	csc.DecisionReferral: {"Agree the threshold for assessment is met; the team manager has been asked to allocate within one working day.",
		"Agree referral.{pattern} The assessment must consider the history as well as this incident."},
	csc.DecisionStrategy: {"Agree the threshold for a strategy discussion is met; I have spoken to the police decision maker.",
		"Agree. Strategy discussion today; ensure the health representative has the hospital records."},
}

const lateOversight = " The decision was outside the one-working-day timescale because of demand in the front door; the risk was reviewed on receipt and the delay did not affect {Child}'s safety."

// consentTexts are the reasons recorded with consent states that need one.
var consentTexts = map[csc.Consent][]string{
	csc.ConsentOverridden: {
		"{Carer} refused consent. Overridden because the information suggests {Child} may be at risk of significant harm; authorised by the front door team manager.",
		"Consent overridden: asking would alert the alleged perpetrator and could place {Child} at greater risk. Manager authorised.",
	},
	csc.ConsentNotSought: {
		"Not sought: seeking consent could put {Child} at increased risk of significant harm and may prejudice a police investigation. Manager authorised.",
		"Not sought: police notification received out of hours; the urgency of the concerns meant checks were made without delay.",
	},
	csc.ConsentRefused: {
		"{Carer} refused consent to share information; {cshe} says the family do not need help.",
		"",
	},
}
