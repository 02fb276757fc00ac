package ssda903

import (
	"slices"
	"strings"

	"cairn/internal/returns"
)

// Rules on where a child is placed: postcodes, the placement's local
// authority and distance (worked out from a postcode list), and the Ofsted
// URN (checked against a provider list).

// noURNPlaces are the placement types that have no Ofsted URN.
var noURNPlaces = codes("P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4")

// formerUASC reports whether the child is or was an unaccompanied asylum
// seeking child, as far as this year's and last year's returns show.
func (d *Dataset) formerUASC(child string) bool {
	if h := d.HeaderOf(child); h != nil && h.UASC == "1" {
		return true
	}
	if h := d.LastHeaderOf(child); h != nil && h.UASC == "1" {
		return true
	}
	return d.uascChildren()[child]
}

// uascChildren are the children with a UASC row this year or last.
func (d *Dataset) uascChildren() map[string]bool {
	d.uascOnce.Do(func() {
		d.uasc = map[string]bool{}
		for _, u := range d.UASC {
			d.uasc[u.Child] = true
		}
		if d.Last != nil {
			for _, u := range d.Last.UASC {
				d.uasc[u.Child] = true
			}
		}
	})
	return d.uasc
}

// outsideEngland reports whether an ONS authority code is for Wales,
// Scotland or Northern Ireland.
func outsideEngland(la string) bool {
	return la != "" && strings.ContainsRune("WSN", rune(la[0]))
}

func init() {
	register("214", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return respite.has(e.LS) && (e.PLPost != "" || e.URN != "")
	}, "PL_POST", "URN"))
	register("222", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return noURNPlaces.has(e.Place) && e.URN != "" && e.URN != noURN
	}, "URN"))
	register("392b", episodeCheck(func(d *Dataset, e *Episode) bool {
		return !respite.has(e.LS) && (e.HomePost == "" || e.PLPost == "") && !d.formerUASC(e.Child)
	}, "HOME_POST", "PL_POST"))
	register("392c", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.HomePost != "" && !validPostcode(e.HomePost) || e.PLPost != "" && !validPostcode(e.PLPost)
	}, "HOME_POST", "PL_POST"))
	register("392d", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.Place != "P1" && e.HomePost != "" && normPostcode(e.HomePost) == normPostcode(e.PLPost)
	}, "HOME_POST", "PLACE", "PL_POST"))

	// Postcode-derived: PL_LA and PL_DISTANCE.
	register("164", withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		if e.HomePost == "" || e.PLPost == "" || !validPostcode(e.HomePost) || !validPostcode(e.PLPost) {
			return false
		}
		_, ok := d.distance(e)
		return !ok
	}, "PL_DISTANCE")))
	register("169", withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		return e.PLPost != "" && validPostcode(e.PLPost) && d.placementLA(e) == ""
	}, "PL_LA")))
	register("392a", withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		if respite.has(e.LS) || d.formerUASC(e.Child) {
			return false
		}
		_, ok := d.distance(e)
		return !ok
	}, "PL_DISTANCE")))
	register("406", withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		_, ok := d.distance(e)
		return ok && d.formerUASC(e.Child)
	}, "PL_DISTANCE")))
	register("420", withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		return respite.has(e.LS) && d.placementLA(e) != ""
	}, "PL_LA")))
	register("454", withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		m, ok := d.distance(e)
		return ok && m > 350
	}, "PL_DISTANCE")))
	register("218", withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		ends := e.DEC.Blank() || e.DEC.Valid() && !e.DEC.Date.Before(d.Year.Start)
		return ends && e.URN == "" && !noURNPlaces.has(e.Place) && !outsideEngland(d.placementLA(e))
	}, "URN")))
	register("1015", withLA(withPostcodes(episodeCheck(func(d *Dataset, e *Episode) bool {
		la := d.placementLA(e)
		return e.PlaceProvider == "PR1" && la != "" && la != d.Ref.LA
	}, "PL_LA", "PLACE_PROVIDER"))))

	// Ofsted provider list.
	register("1008", withProviders(episodeCheck(func(d *Dataset, e *Episode) bool {
		_, ok := d.providerOf(e)
		return e.URN != "" && e.URN != noURN && !ok
	}, "URN")))
	register("219", providerCheck(func(_ *Dataset, e *Episode, p Provider) bool { return !slices.Contains(p.PlaceCodes, e.Place) }, "PLACE", "URN"))
	register("221", providerCheck(func(_ *Dataset, e *Episode, p Provider) bool {
		return e.PLPost != "" && p.Postcode != "" && normPostcode(e.PLPost) != normPostcode(p.Postcode)
	}, "PL_POST"))
	register("224", providerCheck(func(_ *Dataset, e *Episode, p Provider) bool {
		return e.PlaceProvider != "" && !slices.Contains(p.Providers, e.PlaceProvider)
	}, "PLACE_PROVIDER"))
	register("227", providerCheck(func(_ *Dataset, e *Episode, p Provider) bool {
		return !p.RegEnd.IsZero() && e.DECOM.Valid() && p.RegEnd.Before(e.DECOM.Date)
	}, "DECOM", "URN"))
	register("228", providerCheck(func(d *Dataset, e *Episode, p Provider) bool {
		return !p.RegEnd.IsZero() && p.RegEnd.Before(d.endOrYearEnd(e))
	}, "DEC", "URN"))
	register("229", withLA(withPostcodes(providerCheck(func(d *Dataset, e *Episode, p Provider) bool {
		pc, ok := d.postcode(p.Postcode)
		if !ok || pc.LA == "" {
			return false
		}
		own := pc.LA == d.Ref.LA
		return e.PlaceProvider == "PR1" && !own || e.PlaceProvider == "PR2" && own
	}, "PLACE_PROVIDER", "URN"))))
}

// providerCheck fails episodes whose URN is in the provider list and bad
// says the episode contradicts what Ofsted registers.
func providerCheck(bad func(*Dataset, *Episode, Provider) bool, fields ...string) returns.Check[*Dataset] {
	return withProviders(episodeCheck(func(d *Dataset, e *Episode) bool {
		p, ok := d.providerOf(e)
		return ok && bad(d, e, p)
	}, fields...))
}

// withProviders makes a check that reads the provider list report itself
// not run without one (Validate already does so by the Provider Info table;
// this covers a Dataset built directly).
func withProviders(c returns.Check[*Dataset]) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		if d.Ref.Providers == nil {
			return nil, returns.NeedsData("an Ofsted provider list (--providers)")
		}
		return c(d)
	}
}
