package ssda903

import "cairn/internal/returns"

// Rules on authorities: whether a placement is in or out of the returning
// authority's area (PL_LOCATION), and the authority that arranged a
// previous permanence order (LA_PERM).

// Placement locations, as the return codes them.
const (
	locIn  = "IN"
	locOut = "OUT"
)

// outsideEnglandLAPerm are the LA_PERM codes for a permanence order made
// outside England: Wales, Scotland, Northern Ireland, outside the UK.
var outsideEnglandLAPerm = codes("WAL", "SCO", "NIR", "NUK")

// location returns where the episode's placement is, IN or OUT of the
// authority's area. When the tables the episode came from carry
// PL_LOCATION, it is the value recorded (whatever it is, so that a bad one
// can fail). Otherwise it is worked out as DfE derives it: IN when the
// placement postcode is in the returning authority, OUT when it is
// elsewhere (Wales, Scotland and Northern Ireland included), and "" when
// the postcode cannot be placed.
func (d *Dataset) location(t *Tables, e *Episode) string {
	if t.Has[ColPLLocation] {
		return e.PLLocation
	}
	la := d.placementLA(e)
	switch {
	case la == "":
		return ""
	case la == d.Ref.LA:
		return locIn
	}
	return locOut
}

// canLocate reports whether placement locations can be had for t: recorded,
// or worked out from a postcode list and the authority's own code.
func (d *Dataset) canLocate(t *Tables) bool {
	return t.Has[ColPLLocation] || d.Ref.Postcodes != nil && d.Ref.LA != ""
}

// needsLocation wraps a check on placement locations: it is reported not
// run when a year's locations can be neither read nor worked out.
func needsLocation(lastToo bool, c returns.Check[*Dataset]) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		const how = "PL_LOCATION column, or a postcode list (--postcodes) and the authority's own ONS code (--la) to work it out"
		if !d.canLocate(&d.Tables) {
			return nil, returns.NeedsData("placement locations: a %s", how)
		}
		if lastToo && d.Last != nil && !d.canLocate(d.Last) {
			return nil, returns.NeedsData("placement locations in last year's return: a %s", how)
		}
		return c(d)
	}
}

func init() {
	// 179: a looked-after child's placement location must be IN or OUT.
	// Short breaks (V3, V4) record no placement postcode and so no location.
	// Where the file records PL_LOCATION, a blank or any other value fails.
	// Where it is worked out, it is missing when a placement postcode was
	// given but cannot be placed (a blank postcode is rule 392b's failure,
	// and is allowed for children who were UASC); so there the rule agrees
	// with rule 169 on PL_LA, from which the location is derived.
	register("179", needsLocation(false, episodeCheck(func(d *Dataset, e *Episode) bool {
		if respite.has(e.LS) {
			return false
		}
		if d.Has[ColPLLocation] {
			return e.PLLocation != locIn && e.PLLocation != locOut
		}
		return e.PLPost != "" && d.location(&d.Tables, e) == ""
	}, "PL_LOCATION")))

	// 411: IN must mean the placement's authority (PL_LA, from the postcode)
	// is the returning authority, and OUT that it is not. A location worked
	// out from the postcode always agrees, so the rule finds something only
	// in files that record PL_LOCATION.
	register("411", withLA(withPostcodes(needsLocation(false, episodeCheck(func(d *Dataset, e *Episode) bool {
		la := d.placementLA(e)
		if la == "" || respite.has(e.LS) {
			return false
		}
		loc := d.location(&d.Tables, e)
		return loc == locIn && la != d.Ref.LA || loc == locOut && la == d.Ref.LA
	}, "PL_LOCATION")))))

	// 503J: the first episode this year, carried over from last year's open
	// episode (same start), must record the same placement location.
	register("503J", needsLocation(true, postcodeEpisode(func(d *Dataset, l, e *Episode) bool {
		a, b := d.location(d.Last, l), d.location(&d.Tables, e)
		return a != "" && b != "" && a != b
	}, true, "PL_LOCATION")))

	// 633: LA_PERM, where given, must be an English authority's three-digit
	// DfE code, or WAL, SCO, NIR or NUK for an order made outside England.
	register("633", withLACodes(prevPermCheck(func(d *Dataset, p *PrevPerm) bool {
		return p.LAPerm != "" && !outsideEnglandLAPerm.has(p.LAPerm) && !d.Ref.LACodes[p.LAPerm]
	}, "LA_PERM")))
}

// withLACodes makes a check that reads the local authority code list
// report itself not run without one.
func withLACodes(c returns.Check[*Dataset]) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		if d.Ref.LACodes == nil {
			return nil, returns.NeedsData("a list of DfE local authority codes (--la-codes)")
		}
		return c(d)
	}
}
