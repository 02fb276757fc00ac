package ssda903

import "slices"

// tableDef says which columns a table has and how one row of them becomes a
// typed row. get(i) returns the trimmed text of cols[i].
type tableDef struct {
	name string
	cols []string
	add  func(t *Tables, row int, get func(int) string)
	grow func(t *Tables, n int) // make room for n more rows
}

// tableDefs are the tables of the return and their columns as the
// specification names them. A reader finds columns by these names, in any
// order, and ignores any others.
var tableDefs = []tableDef{
	{THeader, []string{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
		func(t *Tables, row int, g func(int) string) {
			t.Header = append(t.Header, Header{row, g(0), g(1), ParseDate(g(2)), g(3), g(4), g(5), ParseDate(g(6)), ""})
		},
		func(t *Tables, n int) { t.Header = slices.Grow(t.Header, n) }},
	{TEpisodes, []string{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
		func(t *Tables, row int, g func(int) string) {
			t.Episodes = append(t.Episodes, Episode{row, g(0), ParseDate(g(1)), g(2), g(3), g(4), g(5), g(6), ParseDate(g(7)), g(8), g(9), g(10), g(11), g(12)})
		},
		func(t *Tables, n int) { t.Episodes = slices.Grow(t.Episodes, n) }},
	{TReviews, []string{"CHILD", "DOB", "REVIEW", "REVIEW_CODE"},
		func(t *Tables, row int, g func(int) string) {
			t.Reviews = append(t.Reviews, Review{row, g(0), ParseDate(g(1)), ParseDate(g(2)), g(3)})
		},
		func(t *Tables, n int) { t.Reviews = slices.Grow(t.Reviews, n) }},
	{TUASC, []string{"CHILD", "SEX", "DOB", "DUC"},
		func(t *Tables, row int, g func(int) string) {
			t.UASC = append(t.UASC, UASC{row, g(0), g(1), ParseDate(g(2)), ParseDate(g(3))})
		},
		func(t *Tables, n int) { t.UASC = slices.Grow(t.UASC, n) }},
	{TOC2, []string{"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"},
		func(t *Tables, row int, g func(int) string) {
			t.OC2 = append(t.OC2, OC2{row, g(0), ParseDate(g(1)), g(2), g(3), g(4), g(5), g(6), g(7), g(8), g(9), g(10), g(11)})
		},
		func(t *Tables, n int) { t.OC2 = slices.Grow(t.OC2, n) }},
	{TOC3, []string{"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"},
		func(t *Tables, row int, g func(int) string) {
			t.OC3 = append(t.OC3, OC3{row, g(0), ParseDate(g(1)), g(2), g(3), g(4)})
		},
		func(t *Tables, n int) { t.OC3 = slices.Grow(t.OC3, n) }},
	{TAD1, []string{"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
		func(t *Tables, row int, g func(int) string) {
			t.AD1 = append(t.AD1, AD1{row, g(0), ParseDate(g(1)), ParseDate(g(2)), ParseDate(g(3)), g(4), g(5), g(6), g(7)})
		},
		func(t *Tables, n int) { t.AD1 = slices.Grow(t.AD1, n) }},
	{TPlacedAdoption, []string{"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
		func(t *Tables, row int, g func(int) string) {
			t.PlacedAdoption = append(t.PlacedAdoption, PlacedAdoption{row, g(0), ParseDate(g(1)), ParseDate(g(2)), ParseDate(g(3)), g(4)})
		},
		func(t *Tables, n int) { t.PlacedAdoption = slices.Grow(t.PlacedAdoption, n) }},
	{TPrevPerm, []string{"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"},
		func(t *Tables, row int, g func(int) string) {
			t.PrevPerm = append(t.PrevPerm, PrevPerm{row, g(0), ParseDate(g(1)), g(2), g(3), ParseDate(g(4))})
		},
		func(t *Tables, n int) { t.PrevPerm = slices.Grow(t.PrevPerm, n) }},
	{TMissing, []string{"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"},
		func(t *Tables, row int, g func(int) string) {
			t.Missing = append(t.Missing, Missing{row, g(0), ParseDate(g(1)), g(2), ParseDate(g(3)), ParseDate(g(4))})
		},
		func(t *Tables, n int) { t.Missing = slices.Grow(t.Missing, n) }},
	{TSWEpisodes, []string{"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
		func(t *Tables, row int, g func(int) string) {
			t.SWEpisodes = append(t.SWEpisodes, SWEpisode{row, g(0), ParseDate(g(1)), g(2), ParseDate(g(3)), ParseDate(g(4)), g(5)})
		},
		func(t *Tables, n int) { t.SWEpisodes = slices.Grow(t.SWEpisodes, n) }},
	{TDoLo, []string{"CHILD", "DOB", "DOLO_START", "DOLO_END"},
		func(t *Tables, row int, g func(int) string) {
			t.DoLo = append(t.DoLo, DoLo{row, g(0), ParseDate(g(1)), ParseDate(g(2)), ParseDate(g(3))})
		},
		func(t *Tables, n int) { t.DoLo = slices.Grow(t.DoLo, n) }},
}

// commonCols appear in many tables, so they say little about which table a
// file is.
var commonCols = map[string]bool{"CHILD": true, "DOB": true, "SEX": true}

func tableDefByName(name string) *tableDef {
	for i := range tableDefs {
		if tableDefs[i].name == name {
			return &tableDefs[i]
		}
	}
	return nil
}
