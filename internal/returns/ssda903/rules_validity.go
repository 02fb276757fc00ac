package ssda903

import (
	"regexp"
	"strconv"
)

// Validity rules: each tests one field of one row against its code list or
// date format. A field the specification lets be blank passes when blank;
// one it requires fails.

// blankOrIn passes a blank value or one on the list.
func blankOrIn(s set, v string) bool { return v == "" || s.has(v) }

// upnPattern is a UPN: a letter other than I, O or S, then 12 digits or 11
// digits and a letter; or a code for a UPN not known.
var upnPattern = regexp.MustCompile(`^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$`)

func init() {
	register("101", headerCheck(func(_ *Dataset, h *Header) bool { return !sexCodes.has(h.Sex) }, "SEX"))
	register("102", headerCheck(func(_ *Dataset, h *Header) bool { return !h.DOB.Valid() }, "DOB"))
	register("103", headerCheck(func(_ *Dataset, h *Header) bool { return !ethnicCodes.has(h.Ethnic) }, "ETHNIC"))
	register("104", uascCheck(func(d *Dataset, u *UASC) bool {
		return u.DUC.Invalid() || (u.DUC.Valid() && u.DUC.Date.Before(d.Year.Start))
	}, "DUC"))
	register("105", check105)
	register("112", ad1Check(func(_ *Dataset, a *AD1) bool { return a.DateInt.Invalid() }, "DATE_INT"))
	register("113", ad1Check(func(_ *Dataset, a *AD1) bool { return a.DateMatch.Invalid() }, "DATE_MATCH"))
	register("114", ad1Check(func(_ *Dataset, a *AD1) bool { return !blankOrIn(zeroOne, a.FosterCare) }, "FOSTER_CARE"))
	register("115", placedCheck(func(_ *Dataset, p *PlacedAdoption) bool { return p.DatePlaced.Invalid() }, "DATE_PLACED"))
	register("116", placedCheck(func(_ *Dataset, p *PlacedAdoption) bool { return p.DatePlacedCeased.Invalid() }, "DATE_PLACED_CEASED"))
	register("119", placedCheck(func(_ *Dataset, p *PlacedAdoption) bool {
		return p.DatePlacedCeased.Blank() != (p.ReasonPlacedCeased == "")
	}, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"))
	register("120", placedCheck(func(_ *Dataset, p *PlacedAdoption) bool {
		return !blankOrIn(reasonPlacedCeasedCodes, p.ReasonPlacedCeased)
	}, "REASON_PLACED_CEASED"))
	register("131", oc3Check(func(_ *Dataset, o *OC3) bool { return !blankOrIn(inTouchCodes, o.InTouch) }, "IN_TOUCH"))
	register("132", oc3Check(func(_ *Dataset, o *OC3) bool { return !blankOrIn(activCodes, o.Activ) }, "ACTIV"))
	register("133", oc3Check(func(_ *Dataset, o *OC3) bool { return !blankOrIn(accomCodes, o.Accom) }, "ACCOM"))
	register("141", episodeCheck(func(_ *Dataset, e *Episode) bool { return !e.DECOM.Valid() }, "DECOM"))
	register("143", episodeCheck(func(_ *Dataset, e *Episode) bool { return !rneCodes.has(e.RNE) }, "RNE"))
	register("144", episodeCheck(func(_ *Dataset, e *Episode) bool { return !lsCodes.has(e.LS) }, "LS"))
	register("145", episodeCheck(func(_ *Dataset, e *Episode) bool { return !cinCodes.has(e.CIN) }, "CIN"))
	register("146", episodeCheck(func(_ *Dataset, e *Episode) bool { return !blankOrIn(placeCodes, e.Place) }, "PLACE"))
	register("147", episodeCheck(func(_ *Dataset, e *Episode) bool { return e.DEC.Invalid() }, "DEC"))
	register("148", episodeCheck(func(_ *Dataset, e *Episode) bool { return e.DEC.Blank() != (e.REC == "") }, "DEC", "REC"))
	register("149", episodeCheck(func(_ *Dataset, e *Episode) bool { return !blankOrIn(recCodes, e.REC) }, "REC"))
	register("166", reviewCheck(func(_ *Dataset, r *Review) bool { return !r.Review.Valid() }, "REVIEW"))
	register("167", reviewCheck(func(_ *Dataset, r *Review) bool { return !reviewCodes.has(r.ReviewCode) }, "REVIEW_CODE"))
	register("168", headerCheck(func(_ *Dataset, h *Header) bool { return h.UPN != "" && !upnPattern.MatchString(h.UPN) }, "UPN"))
	register("171", headerCheck(func(_ *Dataset, h *Header) bool { return h.MCDOB.Invalid() }, "MC_DOB"))
	register("175", ad1Check(func(_ *Dataset, a *AD1) bool { return !blankOrIn(codes("1", "2"), a.NBAdoptr) }, "NB_ADOPTR"))
	register("176", ad1Check(func(_ *Dataset, a *AD1) bool { return !blankOrIn(sexAdoptrCodes, a.SexAdoptr) }, "SEX_ADOPTR"))
	register("177", ad1Check(func(_ *Dataset, a *AD1) bool { return !blankOrIn(lsAdoptrCodes, a.LSAdoptr) }, "LS_ADOPTR"))
	register("178", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.PlaceProvider != "" && (!providerCodes.has(e.PlaceProvider) || noProviderPlaces.has(e.Place))
	}, "PLACE_PROVIDER"))
	register("180", oc2Check(func(_ *Dataset, o *OC2) bool {
		if o.SDQScore == "" {
			return false
		}
		n, err := strconv.Atoi(o.SDQScore)
		return err != nil || n < 0 || n > 40
	}, "SDQ_SCORE"))
	register("181", oc2Check(func(_ *Dataset, o *OC2) bool {
		for _, v := range oc2Flags(o) {
			if !blankOrIn(zeroOne, v) {
				return true
			}
		}
		return false
	}, "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"))
	register("196", oc2Check(func(_ *Dataset, o *OC2) bool { return !blankOrIn(sdqReasonCodes, o.SDQReason) }, "SDQ_REASON"))
	register("1004", missingCheck(func(_ *Dataset, m *Missing) bool { return m.MisStart.Invalid() }, "MIS_START"))
	register("1005", missingCheck(func(_ *Dataset, m *Missing) bool { return m.MisEnd.Invalid() }, "MIS_END"))
	register("1006", missingCheck(func(_ *Dataset, m *Missing) bool { return !blankOrIn(missingCodes, m.Missing) }, "MISSING"))
	register("1009", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return !blankOrIn(reasonPlaceChangeCodes, e.ReasonPlaceChange)
	}, "REASON_PLACE_CHANGE"))
	register("631", prevPermCheck(func(_ *Dataset, p *PrevPerm) bool { return !prevPermCodes.has(p.PrevPerm) }, "PREV_PERM"))
	register("SW04STG1", swCheck(func(_ *Dataset, s *SWEpisode) bool { return s.SWDecom.Invalid() }, "SW_DECOM"))
	register("SW05STG1", swCheck(func(_ *Dataset, s *SWEpisode) bool { return s.SWDec.Invalid() }, "SW_DEC"))
	register("SW13STG1", swCheck(func(_ *Dataset, s *SWEpisode) bool { return !blankOrIn(swReasonCodes, s.SWReason) }, "SW_REASON"))
	register("SW02STG1", swCheck(func(_ *Dataset, s *SWEpisode) bool {
		return s.SWID != "" && !(len(s.SWID) >= 2 && (s.SWID[:2] == "SW" || s.SWID[:2] == "XX"))
	}, "SW_ID"))
	register("700", doloCheck(func(_ *Dataset, x *DoLo) bool { return !x.DoloStart.Valid() }, "DOLO_START"))
	register("701", doloCheck(func(_ *Dataset, x *DoLo) bool { return x.DoloEnd.Invalid() }, "DOLO_END"))
}

// check105 tests the UASC flag; a return without it cannot be checked,
// which is said rather than passed.
var check105 = needsFlag(headerCheck(func(_ *Dataset, h *Header) bool { return !zeroOne.has(h.UASC) }, "UASC"))

func oc2Flags(o *OC2) []string {
	return []string{o.Convicted, o.HealthCheck, o.Immunisations, o.TeethCheck, o.HealthAssessment,
		o.SubstanceMisuse, o.InterventionReceived, o.InterventionOffered}
}
