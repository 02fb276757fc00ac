package ssda903

import "cairn/internal/returns"

// Combination rules: codes in one row that contradict each other, or items
// that must be completed together.

// allOrNone reports whether some but not all of the values are blank.
func allOrNone(vs ...string) bool {
	blank := 0
	for _, v := range vs {
		if v == "" {
			blank++
		}
	}
	return blank > 0 && blank < len(vs)
}

var couples = codes("MM", "FF", "MF")

// providerCannot fails episodes with the provider at one of the placements.
func providerCannot(provider string, places ...string) returns.Check[*Dataset] {
	ps := codes(places...)
	return episodeCheck(func(_ *Dataset, e *Episode) bool { return e.PlaceProvider == provider && ps.has(e.Place) }, "PLACE", "PLACE_PROVIDER")
}

// adopters fails AD1 rows with the legal status whose sex of adopters is
// not one of the allowed codes.
func adopters(ls string, allowed set) returns.Check[*Dataset] {
	return ad1Check(func(_ *Dataset, a *AD1) bool {
		return a.LSAdoptr == ls && a.SexAdoptr != "" && !allowed.has(a.SexAdoptr)
	}, "LS_ADOPTR", "SEX_ADOPTR")
}

var temporaryPlaces = codes("T0", "T1", "T2", "T3", "T4")

func init() {
	register("174", headerCheck(func(_ *Dataset, h *Header) bool { return !h.MCDOB.Blank() && h.Sex == "M" }, "MC_DOB", "SEX"))
	register("232", headerCheck(func(_ *Dataset, h *Header) bool { return h.Sex == "U" }, "SEX"))
	register("611", headerCheck(func(_ *Dataset, h *Header) bool { return h.Mother == "1" && h.MCDOB.Blank() }, "MC_DOB", "MOTHER"))
	register("612", headerCheck(func(_ *Dataset, h *Header) bool { return h.Mother == "0" && !h.MCDOB.Blank() }, "MC_DOB", "MOTHER", "SEX"))
	register("620", headerCheck(func(d *Dataset, h *Header) bool {
		return h.Mother == "1" && h.DOB.Valid() && h.DOB.Date.AgeOn(d.Year.Start) < 11
	}, "DOB", "MOTHER"))
	register("621", headerCheck(func(_ *Dataset, h *Header) bool {
		return h.MCDOB.Valid() && h.DOB.Valid() && !h.MCDOB.Date.After(h.DOB.Date)
	}, "DOB", "MC_DOB"))
	register("444", func(d *Dataset) ([]returns.Failure, error) {
		n := map[string]int{}
		for _, h := range d.Header {
			n[h.UPN]++
		}
		var f failures
		for _, h := range d.Header {
			if h.UPN != "" && !upnUnknown.has(h.UPN) && n[h.UPN] > 1 {
				f.add(THeader, h.Row, h.Child, "UPN")
			}
		}
		return f.result()
	})
	register("442", headerCheck(func(d *Dataset, h *Header) bool { return h.UPN == "" && len(d.EpisodesOf(h.Child)) > 0 }, "UPN"))

	register("151", ad1Check(func(_ *Dataset, a *AD1) bool {
		return allOrNone(a.DateInt.Raw, a.DateMatch.Raw, a.FosterCare, a.NBAdoptr, a.SexAdoptr, a.LSAdoptr)
	}, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"))
	register("333", ad1Check(func(_ *Dataset, a *AD1) bool {
		return a.DateInt.Valid() && a.DateMatch.Valid() && a.DateInt.Date.After(a.DateMatch.Date)
	}, "DATE_INT"))
	register("511", ad1Check(func(_ *Dataset, a *AD1) bool {
		return a.NBAdoptr == "2" && a.SexAdoptr != "" && !couples.has(a.SexAdoptr)
	}, "NB_ADOPTR", "SEX_ADOPTR"))
	register("514", ad1Check(func(_ *Dataset, a *AD1) bool { return a.LSAdoptr == "L0" && couples.has(a.SexAdoptr) }, "LS_ADOPTR", "SEX_ADOPTR"))
	register("517", adopters("L3", codes("MF")))
	register("518", adopters("L4", codes("MM", "FF")))
	register("519", adopters("L2", couples))
	register("520", adopters("L11", codes("MF")))
	register("524", adopters("L12", codes("MM", "FF")))

	register("153", oc3Check(func(_ *Dataset, o *OC3) bool { return allOrNone(o.Activ, o.Accom) }, "ACCOM", "ACTIV", "IN_TOUCH"))
	register("158", oc2Check(func(_ *Dataset, o *OC2) bool {
		return o.InterventionReceived == "1" && o.InterventionOffered != ""
	}, "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED"))
	register("159", oc2Check(func(_ *Dataset, o *OC2) bool {
		return o.SubstanceMisuse == "1" && o.InterventionReceived == "0" && o.InterventionOffered == ""
	}, "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE"))
	register("192", oc2Check(func(_ *Dataset, o *OC2) bool {
		return o.SubstanceMisuse == "1" && o.InterventionReceived == ""
	}, "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE"))
	register("193", oc2Check(func(_ *Dataset, o *OC2) bool {
		return o.SubstanceMisuse != "1" && (o.InterventionReceived != "" || o.InterventionOffered != "")
	}, "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE"))
	register("197a", oc2Check(func(_ *Dataset, o *OC2) bool { return o.SDQScore != "" && o.SDQReason != "" }, "SDQ_REASON", "SDQ_SCORE"))

	register("522", placedCheck(func(_ *Dataset, p *PlacedAdoption) bool {
		return p.DatePlaced.Valid() && p.DatePlacedCeased.Valid() && p.DatePlaced.Date.After(p.DatePlacedCeased.Date)
	}, "DATE_PLACED", "DATE_PLACED_CEASED"))
	register("563", placedCheck(func(_ *Dataset, p *PlacedAdoption) bool {
		return p.DatePlaced.Blank() && (!p.DatePlacedCeased.Blank() || p.ReasonPlacedCeased != "")
	}, "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"))
	register("635", prevPermCheck(func(_ *Dataset, p *PrevPerm) bool {
		return p.PrevPerm == "Z1" && (!p.DatePerm.Blank() || p.LAPerm != "")
	}, "DATE_PERM", "LA_PERM", "PREV_PERM"))

	register("527", providerCannot("PR1", "P1", "R2", "R5"))
	register("528", providerCannot("PR2", "P1", "R2", "R5"))
	register("529", providerCannot("PR3", "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"))
	register("530", providerCannot("PR4", "P1"))
	register("531", providerCannot("PR5", "P1"))
	register("550", episodeCheck(func(_ *Dataset, e *Episode) bool { return e.PlaceProvider == "PR0" && e.Place != "P1" }, "PLACE", "PLACE_PROVIDER"))
	register("213", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.PlaceProvider != "" && (temporaryPlaces.has(e.Place) || noProviderPlaces.has(e.Place))
	}, "PLACE_PROVIDER"))
	register("226", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return temporaryPlaces.has(e.Place) && e.ReasonPlaceChange != ""
	}, "PLACE", "REASON_PLACE_CHANGE"))
	register("233", episodeCheck(func(_ *Dataset, e *Episode) bool {
		return e.ReasonPlaceChange != "" && e.DEC.Blank()
	}, "REASON_PLACE_CHANGE"))
}
