package letters

import (
	"strings"
	"time"
)

// london is Europe/London, or a fixed GMT zone where the time zone database
// is missing; the sample date is in winter, so the two agree.
func london() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.FixedZone("GMT", 0)
	}
	return loc
}

// sampleLetter is a realistic outcome letter, used for the golden file. Its
// text exercises curly quotes, dashes, the pound sign and accented names.
func sampleLetter() OutcomeLetter {
	return OutcomeLetter{
		Authority: "Northmoor County Council — Children’s Services",
		AuthorityAddress: []string{
			"County Hall",
			"Market Street",
			"Northmoor",
			"NM1 1AA",
		},
		Reference:            "Contact 104233",
		Date:                 time.Date(2026, time.March, 4, 0, 0, 0, 0, time.UTC),
		ReferrerName:         "Ms Siân Hughes",
		ReferrerOrganisation: "Riverside Primary School",
		ReferrerAddress: []string{
			"12 Riverside Road",
			"Northmoor",
			"NM4 7QT",
		},
		ChildName:        "Zoë Ó Briain",
		ChildDateOfBirth: "3 March 2015",
		ContactReceived:  time.Date(2026, time.March, 3, 14, 5, 0, 0, london()),
		DecisionLabel:    "Step down to early help",
		DecisionExplanation: "We looked at what you told us about Zoë’s attendance, her " +
			"appearance and the worries she shared with her class teacher, together with " +
			"what other agencies already knew about the family.\n\n" +
			"We agree that Zoë and her family need support now – but we do not think " +
			"that she is at risk of significant harm, or that a statutory assessment " +
			"under section 17 of the Children Act 1989 is needed at this stage. Her " +
			"mother has said she would welcome help, and the family’s health visitor " +
			"and GP have no safeguarding concerns on record.\n\n" +
			"We have therefore passed the contact to the Early Help team, who work with " +
			"families by agreement. The school’s “team around the family” meeting is the " +
			"right place to plan that support, including help with the £240 uniform and " +
			"transport costs her mother mentioned.",
		NextSteps: "An early help practitioner will contact Zoë’s mother within five " +
			"working days to arrange a first meeting, and will invite the school.\n\n" +
			"If anything changes, or you become worried that Zoë is at risk of " +
			"significant harm, please contact us again straight away. If you think a " +
			"child is in immediate danger, call the police on 999.",
		SignOffName:  "Dr Ngozi Adéyemi-Clarke",
		SignOffRole:  "Team Manager",
		Team:         "Multi-Agency Safeguarding Hub (MASH)",
		ContactPhone: "01632 960 123",
		ContactEmail: "mash@northmoor.gov.uk",
	}
}

// longExplanation is about n words of plain prose in paragraphs of 120 words.
func longExplanation(n int) string {
	words := strings.Fields("the family told us that they would welcome support from " +
		"the school and early help service while things settle at home and " +
		"we have recorded their views carefully")
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			if i%120 == 0 {
				b.WriteString(".\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[i%len(words)])
	}
	b.WriteByte('.')
	return b.String()
}
