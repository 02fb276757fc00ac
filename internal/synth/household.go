package synth

import (
	"strings"

	"cairn/internal/csc"
)

// Identity and relationships for a planned family.

// restrictionReasons are why a record may be restricted to named staff.
var restrictionReasons = []string{
	"Staff-connected: a parent works in Northmoor children's services.",
	"High-profile: the family has been the subject of media interest.",
	"Address protected on police advice: the family fled domestic abuse and the perpetrator is looking for them.",
	"Staff-connected: a close relative is a Northmoor councillor.",
}

// identity records ethnicity, language, faith, identity notes, addresses
// and the restricted flag.
func (g *famGen) identity(r *rng, f *family) {
	confidential := r.chance(0.015)
	recorded := r.chance(0.3)
	ng := &nameGroups[f.ga]
	lang, religion := "English", ""
	if len(ng.firstTongues) > 0 && r.chance(0.65) {
		lang = pickCommon(r, ng.firstTongues)
	}
	if len(ng.religions) > 0 {
		religion = pickCommon(r, ng.religions)
	}
	interpreter := lang != "English" && r.chance(0.35)
	for _, m := range f.adults {
		m.p.Address, m.p.Postcode = f.home.address, f.home.postcode
		if !m.lives {
			other := f.d.pickHome(r)
			m.p.Address, m.p.Postcode = other.address, other.postcode
		}
		m.p.AddressConfidential = confidential && m.lives
		if recorded && m.group == f.ga {
			m.p.FirstLanguage, m.p.InterpreterNeeded, m.p.Religion = lang, interpreter, religion
		}
	}
	for i, c := range f.children {
		c.p.Ethnicity = f.eth.code
		c.p.Address, c.p.Postcode, c.p.AddressConfidential = f.home.address, f.home.postcode, confidential
		if recorded {
			c.p.FirstLanguage = lang
			if c.age >= 5 && lang != "English" && r.chance(0.5) {
				c.p.FirstLanguage = "English"
			}
			c.p.Religion = religion
			c.p.InterpreterNeeded = interpreter && c.age >= 3 && c.p.FirstLanguage != "English" && r.chance(0.3)
			if c.p.Kind == csc.KindChild && r.chance(0.7) {
				c.p.IdentityNotes = g.identityNote(r, f, c, lang)
			}
		}
		restricted := r.chance(0.005) || (f.showcase && i == 0)
		if restricted && c.p.Kind == csc.KindChild {
			c.p.Restricted = true
			c.p.RestrictionReason = pick(r, restrictionReasons)
			c.p.AddressConfidential = true
		}
	}
}

func (g *famGen) identityNote(r *rng, f *family, c *member, lang string) string {
	notes := identityNotes[c.group]
	if f.ga != f.gb && r.chance(0.5) {
		notes = []string{mixedNote}
	}
	if len(notes) == 0 {
		return ""
	}
	note := pick(r, notes)
	if lang == "English" && containsSlot(note, "{lang}") {
		return ""
	}
	he, his, him := pronouns(c.p.Sex, c.p.GivenName)
	return fill(note, &slots{child: c.p.GivenName, he: he, his: his, him: him, town: f.home.town, lang: lang})
}

func containsSlot(s, slot string) bool { return strings.Contains(s, slot) }

// relationships records each child's parents, step-parents and
// grandparents, their brothers and sisters, and the adults' partnership.
func (g *famGen) relationships(r *rng, f *family) {
	for _, c := range f.children {
		for _, a := range f.adults {
			rel := relPlan{person: c, other: a}
			switch a.role {
			case "Mother":
				rel.typ, rel.pr = csc.RelParent, true
			case "Father":
				if c.dad == 1 {
					continue // not this child's father
				}
				rel.typ, rel.pr = csc.RelParent, a.lives || r.chance(0.7)
				if !a.lives {
					rel.notes = "Lives in " + f.d.spec.towns[r.IntN(len(f.d.spec.towns))] + "; sees the children " +
						pick(r, []string{"every other weekend", "occasionally", "rarely", "at a contact centre"}) + "."
				}
			case "Stepfather":
				rel.typ = csc.RelStepParent
				if c.dad == 1 {
					rel.typ, rel.pr = csc.RelParent, true
				}
			case "Grandmother", "Grandfather":
				rel.typ = csc.RelGrandparent
				if f.shape == hhGrandparents && a.role == "Grandmother" && r.chance(0.4) {
					rel.pr, rel.notes = true, "Special guardianship order."
				}
			}
			f.rels = append(f.rels, rel)
		}
	}
	for i, a := range f.children {
		for _, b := range f.children[i+1:] {
			typ := csc.RelSibling
			if a.dad != b.dad {
				typ = csc.RelHalfSibling
			}
			f.rels = append(f.rels, relPlan{person: a, other: b, typ: typ})
		}
	}
	if f.partner != nil {
		f.rels = append(f.rels, relPlan{person: f.carer, other: f.partner, typ: csc.RelPartner})
	}
}

// relationTo says what other is to child, as a contact's household list
// shows it: "Mother", "Half-sister", "Stepfather"...
func relationTo(child, other *member) string {
	if other.p.Kind == csc.KindAdult {
		if other.role == "Stepfather" && child.dad == 1 {
			return "Father"
		}
		if other.role == "Father" && child.dad == 1 {
			return "Sibling's father"
		}
		return other.role
	}
	if other.p.Kind == csc.KindUnborn {
		return "Unborn sibling"
	}
	word := "sibling"
	switch other.p.Sex {
	case "M":
		word = "brother"
	case "F":
		word = "sister"
	}
	if child.dad != other.dad {
		return "Half-" + word
	}
	return capitalise(word)
}
