package synth

import (
	"cairn/internal/csc"
)

// Who the children are: ethnicity, age, sex, disability, language, faith
// and identity, in roughly the proportions of English children in need.

// ethnicity is a DfE ethnicity code, its share of the children, and the
// heritage of each parent's names (the same group twice unless mixed).
type ethnicity struct {
	code csc.EthnicityCode
	w    float64
	a, b []int // name groups: one is drawn for each parent
}

func one(g ...int) []int { return g }

// ethnicities follows the children-in-need population in broad strokes:
// about two thirds White British, then Asian (9%), Mixed (8%) and Black (6%)
// heritage, other White backgrounds (mostly Eastern European), and a few
// children whose ethnicity was refused or not yet obtained.
var ethnicities = []ethnicity{
	{"WBRI", 66.0, one(grpBritish), one(grpBritish)},
	{"WIRI", 0.6, one(grpIrish), one(grpIrish, grpBritish)},
	{"WIRT", 0.4, one(grpTraveller), one(grpTraveller)},
	{"WROM", 1.0, one(grpRoma), one(grpRoma)},
	{"WOTH", 5.6, one(grpEastEurope), one(grpEastEurope)},
	{"MWBC", 2.8, one(grpBritish), one(grpCaribbean)},
	{"MWBA", 1.2, one(grpBritish), one(grpAfrican)},
	{"MWAS", 1.8, one(grpBritish), one(grpPakistani, grpIndian, grpBangladeshi)},
	{"MOTH", 2.2, one(grpBritish, grpEastEurope, grpIrish), one(grpMiddleEast, grpChinese, grpOtherAsian, grpAfrican)},
	{"AIND", 1.8, one(grpIndian), one(grpIndian)},
	{"APKN", 3.6, one(grpPakistani), one(grpPakistani)},
	{"ABAN", 1.6, one(grpBangladeshi), one(grpBangladeshi)},
	{"AOTH", 2.0, one(grpOtherAsian), one(grpOtherAsian)},
	{"BCRB", 1.2, one(grpCaribbean), one(grpCaribbean)},
	{"BAFR", 3.8, one(grpAfrican), one(grpAfrican)},
	{"BOTH", 1.0, one(grpCaribbean, grpAfrican), one(grpAfrican, grpCaribbean)},
	{"CHNE", 0.3, one(grpChinese), one(grpChinese)},
	{"OOTH", 1.5, one(grpMiddleEast), one(grpMiddleEast)},
	{"REFU", 0.4, one(grpBritish), one(grpBritish)},
	{"NOBT", 1.2, one(grpBritish, grpEastEurope), one(grpBritish, grpAfrican)},
}

// groupEthnicity is the code recorded for an adult of a heritage group.
var groupEthnicity = [...]csc.EthnicityCode{
	grpBritish: "WBRI", grpIrish: "WIRI", grpTraveller: "WIRT", grpRoma: "WROM", grpEastEurope: "WOTH",
	grpPakistani: "APKN", grpBangladeshi: "ABAN", grpIndian: "AIND", grpOtherAsian: "AOTH",
	grpCaribbean: "BCRB", grpAfrican: "BAFR", grpChinese: "CHNE", grpMiddleEast: "OOTH",
}

func pickEthnicity(r *rng) ethnicity {
	total := 0.0
	for _, e := range ethnicities {
		total += e.w
	}
	x := r.Float64() * total
	for _, e := range ethnicities {
		x -= e.w
		if x < 0 {
			return e
		}
	}
	return ethnicities[0]
}

// ageWeights is the share of children in need at each age 0 to 17: a peak
// in the first year, many under-fives, and most of all at 10 to 15.
var ageWeights = [18]float64{5.5, 4.2, 4.0, 3.9, 3.9, 4.6, 4.8, 5.0, 5.1, 5.3, 5.8, 6.1, 6.4, 6.6, 6.7, 6.6, 6.3, 5.6}

func pickAge(r *rng) int {
	list := make([]weighted[int], len(ageWeights))
	for i, w := range ageWeights {
		list[i] = weighted[int]{i, w}
	}
	return choose(r, list)
}

func pickSex(r *rng) csc.SexCode {
	return choose(r, []weighted[csc.SexCode]{{"M", 51.7}, {"F", 47.9}, {"U", 0.4}})
}

// disabilityCodes weights the CIN census disability codes: autism and
// learning disability most often, as in children in need.
var disabilityCodes = []weighted[csc.DisabilityCode]{
	{"AUT", 34}, {"LD", 20}, {"COMM", 14}, {"BEH", 12}, {"MOB", 5}, {"HEAR", 3}, {"VIS", 3},
	{"PC", 2}, {"CON", 2}, {"HAND", 1}, {"INC", 1}, {"DDA", 5},
}

// infantDisabilities are the codes that can be known in the first years.
var infantDisabilities = []weighted[csc.DisabilityCode]{{"MOB", 3}, {"HEAR", 2}, {"VIS", 2}, {"CON", 2}, {"DDA", 2}}

// pickDisabilities gives about 10% of children one or two disabilities.
func pickDisabilities(r *rng, age int) []csc.DisabilityCode {
	if !r.chance(0.1) {
		return nil
	}
	list := disabilityCodes
	if age < 3 {
		list = infantDisabilities
	}
	first := choose(r, list)
	out := []csc.DisabilityCode{first}
	if age >= 3 && r.chance(0.25) {
		if second := choose(r, list); second != first {
			out = append(out, second)
		}
	}
	return out
}

// disabilityWords says a disability as a family would, for free text.
var disabilityWords = map[csc.DisabilityCode]string{
	"AUT": "autism", "LD": "a learning disability", "COMM": "speech and language difficulties",
	"BEH": "ADHD", "MOB": "cerebral palsy", "HEAR": "a hearing impairment", "VIS": "a visual impairment",
	"PC": "complex health needs", "CON": "epilepsy", "HAND": "limited hand function",
	"INC": "continence needs", "DDA": "a long-term health condition",
}

// identityNotes are written in the family's words. {child} and the pronoun
// slots are filled per child; {lang} is the family's first language.
var identityNotes = map[int][]string{
	grpBritish: {
		"Family describe themselves as White British with no particular faith; {child}'s grandparents are an important part of {his} life.",
		"{Child} is proud of living in {town} and is a keen member of the local football club.",
		"Family are Church of England and {child} attends the church youth group on Fridays.",
	},
	grpIrish: {"Family are of Irish heritage and Catholic; {child} goes to Irish dancing each week."},
	grpTraveller: {
		"The family are Irish Travellers and live on the {town} site; travelling in the summer is an important part of family life.",
		"Traveller heritage; {child} is close to {his} extended family and cousins, who live nearby.",
	},
	grpRoma: {"Roma heritage; the family speak {lang} at home and attend a Pentecostal church in {town}."},
	grpEastEurope: {
		"{Child} speaks {lang} at home and English at school; the family keep close links with relatives abroad.",
		"Family moved to England for work; {child} attends {lang} Saturday school.",
	},
	grpPakistani: {
		"Family are practising Muslims; {child} attends madrasa after school. Halal diet.",
		"Family of Pakistani heritage; {lang} and English spoken at home; grandparents live with the family.",
	},
	grpBangladeshi: {"Family are Muslim and of Bangladeshi heritage; {lang} spoken at home. {Child} attends mosque school."},
	grpIndian: {
		"Family of Indian heritage; {lang} spoken at home and festivals are important to {child}.",
		"{Child} is close to {his} grandparents, who live with the family and speak {lang}.",
	},
	grpOtherAsian: {"Family arrived in the UK in recent years; {lang} spoken at home and {child} is learning English quickly."},
	grpCaribbean: {
		"Family of Jamaican heritage; {child}'s hair and skin care routines are important to {him} and must be respected.",
		"{Child} is close to {his} grandmother, who brings the family together at church on Sundays.",
	},
	grpAfrican: {
		"Family speak {lang} at home; faith is an important part of family life.",
		"{Child} was born in England; {his} parents speak {lang} and keep close links with relatives abroad.",
	},
	grpChinese:    {"Cantonese spoken at home; the family run a takeaway and the children help after school."},
	grpMiddleEast: {"Family came to the UK as refugees; {lang} spoken at home. {Child} enjoys school and has made good friends."},
}

// mixedNote is for children whose parents are of different heritage.
const mixedNote = "{Child} is of mixed heritage and has asked to know more about {his} father's family and culture."
