package synth

import (
	"time"

	"cairn/internal/csc"
)

// Families. Children live in households of one or two adults — a mother on
// her own most often, then two parents, a mother and stepfather, a father on
// his own, or grandparents — with their brothers and sisters. A parent who
// lives elsewhere is often on the record too.

// member is one person in a family, as planned before it is written.
type member struct {
	p     csc.Person
	group int       // heritage of the names
	role  string    // what they are to the children: "Mother", "Stepfather"...
	lives bool      // lives in the household
	born  time.Time // birth, as an instant; zero for the unborn and adults
	age   int       // age at AsOf; -1 before birth
	dad   int       // children: which father (0 or 1), for half-siblings

	hasNHS, hasUPN bool
	contacts       []*contactPlan // children: chronological
	openUntil      time.Time      // children: end of the open referral, if any
	lastAlloc      *allocPlan     // children: the latest allocation, to trim on a new one
	summaries      int            // children: case summaries written
	cpUntil        csc.Date       // children: the end of their latest protection plan (far off while open)
	id             int64          // set when written
}

// relPlan is a relationship to write: other is typ to person.
type relPlan struct {
	person, other *member
	typ           csc.RelationshipType
	pr            bool
	notes         string
}

// household shapes, with their shares of families.
const (
	hhMother = iota
	hhParents
	hhStep
	hhFather
	hhGrandparents
	hhMotherGran
)

var householdShapes = []weighted[int]{
	{hhMother, 45}, {hhParents, 25}, {hhStep, 14}, {hhFather, 5}, {hhGrandparents, 5}, {hhMotherGran, 6},
}

// family is one household and everything that happens to it.
type family struct {
	index     int
	d         *district
	home      home
	eth       ethnicity
	ga, gb    int // heritage of the mother's and father's sides
	shape     int
	adults    []*member
	children  []*member
	rels      []relPlan
	carer     *member // main carer, named in free text
	partner   *member // the carer's partner in the household, if any
	incidents []*incident
	showcase  bool // the family whose child shows a restricted record on the demo caseload
}

// famGen generates families.
type famGen struct {
	opt  Options
	w    *world
	asOf csc.Date
	// schoolAge is the latest birth date of a child of school age for the
	// census of the year of AsOf: 31 August four years before the census
	// date, so at school by the September after it (census rule 8770Q).
	schoolAge csc.Date
}

// newFamily plans family index with at most maxChildren children. With
// text false it skips free text, which only the writer needs.
func (g *famGen) newFamily(index, maxChildren int, text bool) *family {
	r := newRand(g.opt.Seed, streamFamily, index)
	f := &family{index: index, eth: pickEthnicity(r), shape: choose(r, householdShapes)}
	f.d = g.w.pickDistrict(r)
	f.showcase = index == 2
	if f.showcase {
		f.d = g.w.districts[0]
	}
	f.home = f.d.pickHome(r)
	f.ga, f.gb = pick(r, f.eth.a), pick(r, f.eth.b)
	if r.chance(0.4) {
		f.ga, f.gb = f.gb, f.ga
	}
	n := choose(r, []weighted[int]{{1, 45}, {2, 30}, {3, 17}, {4, 8}})
	unborn := g.spread(index, 0.0095, 2) // about one child in two hundred
	if unborn && r.chance(0.4) {
		n = 0
	}
	n = min(n, maxChildren)
	if n+1 > maxChildren {
		unborn = false
	}
	if n == 0 && !unborn {
		n = 1
	}
	g.children(r, f, n, unborn)
	g.adults(r, f)
	g.identity(r, f)
	g.relationships(r, f)
	g.history(r, f)
	if text {
		g.writeText(newRand(g.opt.Seed, streamText, index), f)
	}
	return f
}

// children plans n children (eldest first) and, if unborn, an unborn baby.
func (g *famGen) children(r *rng, f *family, n int, unborn bool) {
	ages := make([]int, n)
	for i := range ages {
		ages[i] = pickAge(r)
	}
	sortDesc(ages)
	for _, age := range ages {
		days := 365*age + r.IntN(365) + age/4
		if days < 14 {
			days = 14 + r.IntN(30) // old enough to have come to notice
		}
		dob := g.asOf.AddDays(-days)
		m := &member{age: age, born: at(dob, 9*60+r.IntN(12*60)), lives: true}
		m.p = csc.Person{Kind: csc.KindChild, DateOfBirth: dob, Sex: pickSex(r)}
		m.p.Disabilities = pickDisabilities(r, age)
		m.hasNHS = r.chance(0.9)
		// Children have a UPN from their first school; the census expects
		// one from the September after the census for those of school age.
		m.hasUPN = !dob.After(g.schoolAge)
		f.children = append(f.children, m)
	}
	if unborn {
		m := &member{age: -1, lives: true}
		m.p = csc.Person{Kind: csc.KindUnborn, Sex: "U",
			ExpectedDateOfBirth: g.asOf.AddDays(r.between(14, 150))}
		f.children = append(f.children, m)
	}
}

func sortDesc(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] > a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// eldestDOB is the date of birth of the eldest born child, or the expected
// date of an unborn only child.
func (f *family) eldestDOB() csc.Date {
	c := f.children[0]
	if c.p.Kind == csc.KindUnborn {
		return c.p.ExpectedDateOfBirth
	}
	return c.p.DateOfBirth
}

// adults plans the household's adults and any parent living elsewhere.
func (g *famGen) adults(r *rng, f *family) {
	first := f.eldestDOB()
	motherAge := r.between(16, 24) + r.IntN(9) + r.IntN(7) // at the eldest's birth
	mother := g.adult(r, f.ga, "F", first.AddDays(-365*motherAge-r.IntN(365)))
	father := g.adult(r, f.gb, "M", mother.p.DateOfBirth.AddDays(-r.IntN(8*365)+365))
	married := r.chance(0.45)
	if married {
		mother.p.FamilyName = father.p.FamilyName
	}
	mother.role, father.role = "Mother", "Father"
	add := func(m *member, lives bool) {
		m.lives = lives
		f.adults = append(f.adults, m)
	}
	switch f.shape {
	case hhMother:
		add(mother, true)
		if r.chance(0.4) {
			add(father, false)
		}
		f.carer = mother
	case hhParents:
		add(mother, true)
		add(father, true)
		f.carer, f.partner = mother, father
	case hhStep:
		step := g.adult(r, pick(r, []int{f.ga, f.gb}), "M", mother.p.DateOfBirth.AddDays(r.between(-3000, 1500)))
		step.role = "Stepfather"
		add(mother, true)
		add(step, true)
		if r.chance(0.3) {
			add(father, false)
		}
		f.carer, f.partner = mother, step
		if n := f.born(); n >= 2 && r.chance(0.5) {
			for _, c := range f.children[r.between(1, n-1):] {
				c.dad = 1 // the younger children are the stepfather's
			}
		}
	case hhFather:
		add(father, true)
		if r.chance(0.5) {
			add(mother, false)
		}
		f.carer = father
	default:
		g.grandparents(r, f, mother)
	}
	g.childNames(r, f, mother, father)
}

// grandparents makes a household of a grandmother (and sometimes a
// grandfather) caring for the children, or of a mother and grandmother.
func (g *famGen) grandparents(r *rng, f *family, mother *member) {
	gran := g.adult(r, f.ga, "F", mother.p.DateOfBirth.AddDays(-365*r.between(17, 28)))
	gran.role, gran.lives = "Grandmother", true
	if f.shape == hhMotherGran {
		mother.lives = true
		f.adults = append(f.adults, mother, gran)
		f.carer = mother
		return
	}
	f.adults = append(f.adults, gran)
	if r.chance(0.4) {
		gpa := g.adult(r, f.ga, "M", gran.p.DateOfBirth.AddDays(-r.IntN(6*365)))
		gpa.p.FamilyName, gpa.role, gpa.lives = gran.p.FamilyName, "Grandfather", true
		f.adults = append(f.adults, gpa)
		f.partner = gpa
	}
	mother.lives = false
	f.adults = append(f.adults, mother)
	f.carer = gran
}

// born counts the children already born.
func (f *family) born() int {
	n := 0
	for _, c := range f.children {
		if c.p.Kind == csc.KindChild {
			n++
		}
	}
	return n
}

// childNames gives the children given names from their parents' heritage
// and a family name from their father or their mother.
func (g *famGen) childNames(r *rng, f *family, mother, father *member) {
	family := father.p.FamilyName
	if r.chance(0.35) {
		family = mother.p.FamilyName
	}
	var step *member
	for _, a := range f.adults {
		if a.role == "Stepfather" {
			step = a
		}
	}
	for _, c := range f.children {
		c.group = pick(r, []int{f.ga, f.gb})
		c.p.FamilyName = family
		if c.dad == 1 && step != nil {
			c.p.FamilyName = step.p.FamilyName
		}
		if c.p.Kind == csc.KindUnborn {
			continue
		}
		ng := &nameGroups[c.group]
		if c.p.Sex == "F" || (c.p.Sex == "U" && r.chance(0.5)) {
			c.p.GivenName = pickCommon(r, ng.girls)
		} else {
			c.p.GivenName = pickCommon(r, ng.boys)
		}
		if r.chance(0.03) {
			c.p.OtherNames = c.p.GivenName + " " + mother.p.FamilyName
			if c.p.OtherNames == c.p.Name() {
				c.p.OtherNames = ""
			}
		}
	}
}

// adult plans an adult of a heritage group born on dob.
func (g *famGen) adult(r *rng, group int, sex csc.SexCode, dob csc.Date) *member {
	ng := &nameGroups[group]
	m := &member{group: group, age: dob.AgeOn(g.asOf)}
	m.p = csc.Person{Kind: csc.KindAdult, Sex: sex, DateOfBirth: dob, Ethnicity: groupEthnicity[group],
		FamilyName: pickCommon(r, ng.family)}
	older := m.age >= 52
	switch {
	case sex == "F" && older:
		m.p.GivenName = pickCommon(r, ng.olderWomen)
	case sex == "F":
		m.p.GivenName = pickCommon(r, ng.women)
	case older:
		m.p.GivenName = pickCommon(r, ng.older)
	default:
		m.p.GivenName = pickCommon(r, ng.men)
	}
	m.hasNHS = r.chance(0.6)
	return m
}

// name is how a member is referred to in free text: given name only.
func (m *member) name() string {
	if m.p.GivenName == "" {
		return "the unborn baby"
	}
	return m.p.GivenName
}
