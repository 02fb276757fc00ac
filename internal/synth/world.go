package synth

import (
	"fmt"
	"strings"

	"cairn/internal/csc"
)

// The county of Northmoor. Every place, street, school and surgery here is
// invented; the postcode area NM does not exist in the United Kingdom, so a
// synthetic address can never be a real one.

// County is the name of the synthetic local authority.
const County = "Northmoor"

// LACode is Northmoor's three-digit DfE local authority code: characters 2
// to 4 of its children's UPNs and the LEA of its census header. The census
// accepts only codes on the DfE's list (rule 1530), so it borrows 201, the
// City of London's: the smallest authority, with a handful of schools, none
// of them numbered 9000 or above as synthetic UPNs' establishments are
// (csc.SyntheticUPN). A synthetic UPN is therefore most unlikely to be a
// real pupil's, but no UPN range is reserved for tests: never let one leave
// a test or demonstration system.
const LACode = 201

// districtSpec describes one district: its towns, its postcode districts and
// its share of the county's children.
type districtSpec struct {
	name    string
	towns   []string
	outward []string
	share   float64
	// hostsDisabled puts the county's disabled children's team here.
	hostsDisabled bool
}

var districtSpecs = []districtSpec{
	{name: "Ashby Vale", towns: []string{"Ashby", "Thornleigh", "Colbeck", "Ravensholme"},
		outward: []string{"NM1", "NM2"}, share: 0.27},
	{name: "Greyford", towns: []string{"Greyford", "Hollins Cross", "Sedgeworth"},
		outward: []string{"NM3", "NM4", "NM5"}, share: 0.30},
	{name: "Kestrel Coast", towns: []string{"Kestrel Bay", "Saltmarsh", "Wrenhaven", "Gullhaven"},
		outward: []string{"NM6", "NM7"}, share: 0.23},
	{name: "Millbrook", towns: []string{"Millbrook", "Fernley", "Oakridge"},
		outward: []string{"NM8", "NM9"}, share: 0.20, hostsDisabled: true},
}

var streetRoots = []string{"Larch", "Birch", "Rowan", "Hawthorn", "Elm", "Ash", "Willow", "Alder",
	"Beech", "Holly", "Juniper", "Hazel", "Chestnut", "Sycamore", "Laburnum", "Poplar", "Cedar",
	"Heather", "Bracken", "Foxglove", "Primrose", "Bluebell", "Clover", "Meadow", "Moor", "Fell",
	"Beck", "Tarn", "Heron", "Curlew", "Lapwing", "Plover", "Swallow", "Wren", "Linnet", "Falcon",
	"Osprey", "Otter", "Badger", "Mill", "Church", "Station", "Chapel", "School", "Victoria",
	"Albert", "Queen's", "King's", "Park", "Coronation", "Jubilee", "Harbour", "Quay", "Bridge",
	"Forge", "Tannery", "Weavers", "Ropewalk", "Foundry", "Orchard", "Garth", "Copse", "Brackenfield"}

var streetSuffixes = []string{"Close", "Road", "Street", "Avenue", "Way", "Crescent", "Drive", "Lane",
	"Gardens", "Grove", "Terrace", "Walk", "View", "Rise", "Court"}

var saints = []string{"Aidan", "Bede", "Cuthbert", "Oswald", "Hilda", "Mary", "Patrick", "Columba",
	"Chad", "Wilfrid", "Margaret", "Anne", "Joseph", "Michael"}

// postcodeLetters are the letters an inward code may end in.
const postcodeLetters = "ABDEFGHJLNPQRSTUWXYZ"

// street is a street with its town and postcode. Families on a street share
// the postcode, as neighbours do.
type street struct {
	name     string
	town     string
	postcode csc.Postcode
	flats    bool
}

// org is a school, surgery or other organisation that makes contacts.
type org struct {
	name     string
	address  string // lines separated by "\n", for the outcome letter
	postcode csc.Postcode
}

// district is a district as generated: its streets and organisations.
type district struct {
	index       int
	spec        districtSpec
	streets     []street
	primaries   []org
	secondaries []org
	surgeries   []org
	hub         org // the family hub (children's centre)
}

// world is the county: everything that does not belong to one family.
type world struct {
	districts []*district
	hospital  org
	usedCodes map[csc.Postcode]bool
}

// newWorld builds the county's places from the seed, with enough streets
// for about a dozen families on each whatever the number of children.
func newWorld(seed uint64, children int) *world {
	r := newRand(seed, streamWorld, 0)
	w := &world{usedCodes: map[csc.Postcode]bool{}}
	towns := 0
	for _, spec := range districtSpecs {
		towns += len(spec.towns)
	}
	perTown := min(600, max(20, children/(23*towns)))
	for i, spec := range districtSpecs {
		d := &district{index: i, spec: spec}
		d.streets = w.streets(r, spec, perTown)
		for _, town := range spec.towns {
			d.primaries = append(d.primaries, w.org(r, d, town+" Primary School", "School Lane", town))
			d.primaries = append(d.primaries, w.org(r, d,
				fmt.Sprintf("St %s's C of E Primary School", pick(r, saints)), "Church Road", town))
			d.surgeries = append(d.surgeries, w.org(r, d, town+" Health Centre", "Health Centre, Market Street", town))
		}
		d.primaries = append(d.primaries, w.org(r, d,
			fmt.Sprintf("St %s's Catholic Primary School", pick(r, saints)), "Chapel Street", spec.towns[0]))
		d.secondaries = append(d.secondaries,
			w.org(r, d, spec.towns[0]+" Academy", "Academy Way", spec.towns[0]),
			w.org(r, d, spec.towns[1]+" High School", "Moor Road", spec.towns[1]))
		d.surgeries = append(d.surgeries, w.org(r, d, pick(r, streetRoots)+" House Surgery", "Station Road", spec.towns[0]))
		d.hub = w.org(r, d, spec.name+" Family Hub", "Park Road", spec.towns[0])
		w.districts = append(w.districts, d)
	}
	w.hospital = w.org(r, w.districts[1], County+" General Hospital", "Infirmary Road", "Greyford")
	return w
}

// streets invents perTown streets in each of the district's towns.
func (w *world) streets(r *rng, spec districtSpec, perTown int) []street {
	var out []street
	seen := map[string]bool{}
	for i, town := range spec.towns {
		for len(out) < perTown*(i+1) {
			suffix := pick(r, streetSuffixes)
			name := pick(r, streetRoots) + " " + suffix
			if seen[name+town] {
				continue
			}
			seen[name+town] = true
			out = append(out, street{name: name, town: town, postcode: w.postcode(r, spec),
				flats: suffix == "Court" || r.chance(0.15)})
		}
	}
	return out
}

// postcode invents a postcode in one of the district's postcode districts,
// never the same one twice.
func (w *world) postcode(r *rng, spec districtSpec) csc.Postcode {
	for {
		s := fmt.Sprintf("%s %d%c%c", pick(r, spec.outward), r.IntN(9)+1,
			postcodeLetters[r.IntN(len(postcodeLetters))], postcodeLetters[r.IntN(len(postcodeLetters))])
		pc, err := csc.ParsePostcode(s)
		if err != nil {
			panic("synth: invented an invalid postcode: " + err.Error())
		}
		if !w.usedCodes[pc] {
			w.usedCodes[pc] = true
			return pc
		}
	}
}

func (w *world) org(r *rng, d *district, name, road, town string) org {
	pc := w.postcode(r, d.spec)
	return org{name: name, postcode: pc, address: strings.Join([]string{road, town, string(pc)}, "\n")}
}

// pickDistrict chooses a district by its share of the county's children.
func (w *world) pickDistrict(r *rng) *district {
	list := make([]weighted[*district], len(w.districts))
	for i, d := range w.districts {
		list[i] = weighted[*district]{d, d.spec.share}
	}
	return choose(r, list)
}

// home is a family's address.
type home struct {
	address  string
	town     string
	postcode csc.Postcode
}

// pickHome chooses an address in a district: a house number or a flat on
// one of its streets.
func (d *district) pickHome(r *rng) home {
	s := d.streets[r.IntN(len(d.streets))]
	var addr string
	if s.flats {
		addr = fmt.Sprintf("Flat %d, %s, %s", r.between(1, 24), s.name, s.town)
	} else {
		addr = fmt.Sprintf("%d %s, %s", r.between(1, 120), s.name, s.town)
	}
	return home{address: addr, town: s.town, postcode: s.postcode}
}
