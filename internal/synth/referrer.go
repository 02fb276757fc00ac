package synth

import (
	"fmt"
	"strings"

	"cairn/internal/csc"
)

// Who contacts the front door. Shares follow the CIN census referral
// sources: police about 30%, schools 18%, health 14%, council services 12%,
// individuals 8%, then other agencies, housing and anonymous callers. Each
// source brings its own kinds of concern.

// source is a referral source code with its share, the kind of writer its
// templates need (see text_templates.go), the ages it can concern, and the
// themes it brings.
type source struct {
	code           csc.ReferralSourceCode
	w              float64
	group          byte
	short          string // for the history of previous contacts
	minAge, maxAge int
	ooh            float64 // chance a contact arrives out of hours
	themes         []weighted[string]
}

func th(kv ...any) []weighted[string] {
	out := make([]weighted[string], 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, weighted[string]{kv[i].(string), float64(kv[i+1].(int))})
	}
	return out
}

var sources = []*source{
	{code: "6", w: 24, group: 'P', short: "Police", maxAge: 17, ooh: 0.22, themes: th("da", 45, "substance", 10,
		"missing", 12, "behaviour", 8, "injury", 5, "neglect", 10, "sexual", 4, "online", 3, "pmh", 3, "info", 3)},
	{code: "2A", w: 22, group: 'S', short: "School", minAge: 4, maxAge: 17, themes: th("neglect", 25, "injury", 15,
		"behaviour", 12, "cmh", 12, "da", 8, "sexual", 4, "online", 6, "housing", 4, "carer", 4, "missing", 4, "disability", 3)},
	{code: "2B", w: 2, group: 'S', short: "Education services", minAge: 5, maxAge: 17, themes: th("neglect", 40, "behaviour", 30, "disability", 30)},
	{code: "3A", w: 2.2, group: 'H', short: "GP", maxAge: 17, themes: th("pmh", 35, "substance", 15, "neglect", 15, "cmh", 15,
		"disability", 10, "injury", 5)},
	{code: "3B", w: 3, group: 'H', short: "Health visitor", maxAge: 4, themes: th("neglect", 40, "pmh", 25, "injury", 10, "housing", 5)},
	{code: "3C", w: 1.3, group: 'H', short: "School nurse", minAge: 5, maxAge: 16, themes: th("cmh", 40, "neglect", 20, "carer", 15)},
	{code: "3D", w: 2, group: 'H', short: "Community health", maxAge: 17, themes: th("neglect", 40, "pmh", 20, "disability", 10)},
	{code: "3E", w: 3, group: 'H', short: "Emergency Department", maxAge: 17, ooh: 0.35, themes: th("injury", 50, "cmh", 30, "sexual", 5)},
	{code: "3F", w: 2.5, group: 'H', short: "Hospital or CAMHS", maxAge: 17, themes: th("cmh", 45, "pmh", 20, "disability", 20, "injury", 5)},
	{code: "4", w: 2, group: 'L', short: "Housing", maxAge: 17, themes: th("housing", 70, "neglect", 20, "homeless", 10)},
	{code: "5A", w: 3, group: 'L', short: "Adult social care", maxAge: 17, themes: th("pmh", 40, "substance", 30, "parenting", 20, "da", 10)},
	{code: "5B", w: 3, group: 'L', short: "Youth justice", minAge: 10, maxAge: 17, themes: th("behaviour", 40, "missing", 40, "homeless", 20)},
	{code: "5C", w: 2, group: 'L', short: "Another local authority", maxAge: 17, themes: th("info", 60, "neglect", 20, "parenting", 20)},
	{code: "5D", w: 4, group: 'L', short: "Early help", maxAge: 17, themes: th("neglect", 30, "parenting", 25, "housing", 15, "da", 20, "disability", 10)},
	{code: "7", w: 4, group: 'L', short: "Probation or courts", maxAge: 17, themes: th("substance", 40, "sexual", 30, "info", 30)},
	{code: "8", w: 7, group: 'L', short: "Voluntary sector", maxAge: 17, themes: th("da", 40, "neglect", 20, "parenting", 20,
		"housing", 20, "disability", 10)},
	{code: "1A", w: 5, group: 'I', short: "Family member", maxAge: 17, ooh: 0.2, themes: th("neglect", 30, "da", 25, "pmh", 20,
		"substance", 15, "parenting", 10, "injury", 5, "disability", 10)},
	{code: "1B", w: 1.5, group: 'I', short: "Neighbour", maxAge: 17, ooh: 0.2, themes: th("neglect", 40, "da", 30, "parenting", 30)},
	{code: "1C", w: 1, group: 'I', short: "Self-referral", minAge: 11, maxAge: 17, ooh: 0.3, themes: th("homeless", 40, "behaviour", 30, "da", 30)},
	{code: "1D", w: 0.5, group: 'I', short: "Member of the public", maxAge: 17, themes: th("neglect", 50, "parenting", 50)},
	{code: "9", w: 1.5, group: 'I', short: "Anonymous", maxAge: 17, ooh: 0.2, themes: th("neglect", 50, "substance", 25, "parenting", 25)},
	{code: "10", w: 1.5, group: 'I', short: "source not recorded", maxAge: 17, themes: th("neglect", 50, "da", 50)},
}

// midwifery is the source of pre-birth contacts.
var midwifery = &source{code: "3F", group: 'H', short: "Midwifery", themes: th("prebirth", 1)}

// pickSource chooses a source that can concern a child of age, and checks
// that its code is valid in the collection year (5D starts in 2023-24).
// For a contact about the whole household (wide), the source must bring
// concerns about households.
func pickSource(r *rng, age int, year csc.CollectionYear, wide bool) *source {
	list := make([]weighted[*source], 0, len(sources))
	for _, s := range sources {
		if wide && !bringsFamilyThemes(s) {
			continue
		}
		if _, ok := csc.LookupCode(csc.ListReferralSource, year, string(s.code)); ok && age >= s.minAge && age <= s.maxAge {
			list = append(list, weighted[*source]{s, s.w})
		}
	}
	return choose(r, list)
}

func bringsFamilyThemes(s *source) bool {
	for _, t := range s.themes {
		if th := themeByKey(t.v); th != nil && th.family {
			return true
		}
	}
	return false
}

// otherAuthorities are invented councils that families move from.
var otherAuthorities = []string{"Eastwold County Council", "Harrowdale Borough Council", "Saltby City Council", "West Fellshire Council"}

// referrer invents the person who made the contact, from the source and
// the family's district. focus is the child the contact is mainly about.
func (g *famGen) referrer(r *rng, s *source, f *family, focus *member) csc.Referrer {
	if s.group == 'I' {
		return g.individual(r, s, f, focus)
	}
	title, role, o, domain := g.professional(r, s, f, focus)
	grp := grpBritish
	if r.chance(0.2) {
		grp = r.IntN(len(nameGroups))
	}
	ng := &nameGroups[grp]
	given := pickCommon(r, append(append([]string{}, ng.women...), ng.men...))
	family := pickCommon(r, ng.family)
	return csc.Referrer{Name: strings.TrimSpace(title + " " + given + " " + family), Organisation: o.name,
		Role: role, Address: o.address, Phone: fmt.Sprintf("01632 960%03d", r.IntN(1000)),
		Email: emailLocal(given, family) + "@" + domain}
}

// professional chooses a professional referrer's title, role, organisation
// and email domain. Telephone numbers are in Ofcom's range for drama, and
// email domains end in .example, so none can reach anyone.
func (g *famGen) professional(r *rng, s *source, f *family, focus *member) (title, role string, o org, domain string) {
	const nhs, council = "nhs.northmoor.example", "northmoor.example"
	countyHall := org{name: County + " Education Welfare Service", address: "County Hall\nGreyford\nNM3 2BD"}
	switch s.code {
	case "6":
		return pick(r, []string{"PC", "PC", "DC", "PS"}), pick(r, []string{"Response officer", "Public Protection Unit", "Neighbourhood Policing Team"}),
			org{name: County + " Police", address: "Police Headquarters\nCastle Street\nGreyford\nNM3 1AB"}, "northmoor.police.example"
	case "2A":
		role := pick(r, []string{"Designated safeguarding lead", "Head teacher", "Class teacher", "Pastoral lead"})
		if focus.age >= 11 {
			return "", role, pick(r, f.d.secondaries), "school.northmoor.example"
		}
		return "", role, pick(r, f.d.primaries), "school.northmoor.example"
	case "2B":
		return "", pick(r, []string{"Education welfare officer", "SEND case officer"}), countyHall, council
	case "3A":
		return "Dr", "GP", pick(r, f.d.surgeries), nhs
	case "3B":
		return "", "Health visitor", org{name: County + " Community Health (health visiting)", address: f.d.hub.address}, nhs
	case "3C":
		return "", "School nurse", org{name: County + " School Nursing Service", address: f.d.hub.address}, nhs
	case "3D":
		return "", pick(r, []string{"Practice nurse", "Dentist", "Community paediatric nurse"}), pick(r, f.d.surgeries), nhs
	case "3E":
		return pick(r, []string{"", "Dr"}), pick(r, []string{"Emergency Department sister", "Paediatric registrar"}), g.w.hospital, nhs
	case "3F":
		if focus.p.Kind == csc.KindUnborn {
			return "", pick(r, []string{"Safeguarding midwife", "Community midwife"}), g.w.hospital, nhs
		}
		return "", pick(r, []string{"CAMHS practitioner", "Consultant paediatrician"}), g.w.hospital, nhs
	case "4":
		return "", "Housing officer", org{name: County + " Homes", address: "Civic Centre\n" + f.d.spec.towns[0] + "\n" + string(f.d.hub.postcode)}, "northmoorhomes.example"
	case "5A":
		return "", "Social worker, adult social care", org{name: County + " Adult Social Care", address: "County Hall\nGreyford\nNM3 2BD"}, council
	case "5B":
		return "", "Youth justice officer", org{name: County + " Youth Justice Service", address: f.d.hub.address}, council
	case "5C":
		la := pick(r, otherAuthorities)
		return "", "Social worker", org{name: la + " Children's Services", address: "Civic Offices\n" + strings.Fields(la)[0]}, "council.example"
	case "5D":
		return "", "Family support worker", f.d.hub, council
	case "7":
		return "", "Probation officer", org{name: County + " Probation Delivery Unit", address: "Probation Office\nGreyford\nNM3 4PD"}, "probation.example"
	}
	o = pick(r, []org{{name: "Harbour Lights Domestic Abuse Service", address: "PO Box 12\nKestrel Bay"}, f.d.hub,
		{name: County + " Young Carers", address: f.d.hub.address}, {name: f.d.spec.towns[0] + " Foodbank", address: f.d.hub.address}})
	return "", pick(r, []string{"Outreach worker", "Project worker", "Family hub worker"}), o, "charity.example"
}

// individual is a family member, neighbour, the child, the public or an
// anonymous caller.
func (g *famGen) individual(r *rng, s *source, f *family, focus *member) csc.Referrer {
	ng := &nameGroups[f.ga]
	mobile := fmt.Sprintf("07700 900%03d", r.IntN(1000))
	switch s.code {
	case "1A":
		name := pickCommon(r, append(append([]string{}, ng.women...), ng.olderWomen...)) + " " + pickCommon(r, ng.family)
		return csc.Referrer{Name: name, Role: pick(r, []string{"Maternal grandmother", "Aunt", "Paternal grandmother", "Father (lives elsewhere)"}),
			Phone: mobile, Address: f.d.pickHome(r).address}
	case "1B":
		name := pickCommon(r, nameGroups[grpBritish].women) + " " + pickCommon(r, nameGroups[grpBritish].family)
		return csc.Referrer{Name: name, Role: pick(r, []string{"Neighbour", "Family friend", "Childminder"}), Phone: mobile}
	case "1C":
		return csc.Referrer{Name: focus.p.Name(), Role: "Self-referral (young person)", Phone: mobile}
	case "1D":
		return csc.Referrer{Name: pickCommon(r, nameGroups[grpBritish].men), Role: "Member of the public (first name only)", Phone: mobile}
	case "9":
		return csc.Referrer{Role: "Anonymous caller"}
	}
	return csc.Referrer{Role: "Not recorded"}
}

// emailLocal makes the part of an email address before the @.
func emailLocal(given, family string) string {
	return asciiLower(given) + "." + asciiLower(family)
}

// asciiLower keeps the letters a-z of s, folding accents and case.
func asciiLower(s string) string {
	return strings.Join(csc.NameTokens(s), "")
}
