package ssda903

import "slices"

// tableDef says which columns a table has and how one row of them becomes a
// typed row. get(i) returns the trimmed text of cols[i], then of opt[i-len(cols)].
type tableDef struct {
	name string
	cols []string
	add  func(t *Tables, row int, get func(int) string)
	grow func(t *Tables, n int) // make room for n more rows
	// opt are columns a file may carry but need not: each is a list of the
	// names systems give it, the first the one rules and Tables.Has use.
	// A file without one reads it as blank.
	opt [][]string
}

// tableDefs are the tables of the return and their columns as the
// specification names them. A reader finds columns by these names, in any
// order, and ignores any others.
var tableDefs = []tableDef{
	{THeader, []string{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
		func(t *Tables, row int, g func(int) string) {
			t.Header = append(t.Header, Header{row, g(0), g(1), ParseDate(g(2)), g(3), g(4), g(5), ParseDate(g(6)), g(7)})
		},
		func(t *Tables, n int) { t.Header = slices.Grow(t.Header, n) },
		// The UASC status flag is an item of the XML form's HEADER; the CSV
		// tables of the specification leave it out, but a system that writes
		// it as a column (named either way) gives the rules on it.
		[][]string{{ColUASC, "UASC_STATUS"}}},
	{TEpisodes, []string{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
		func(t *Tables, row int, g func(int) string) {
			t.Episodes = append(t.Episodes, Episode{row, g(0), ParseDate(g(1)), g(2), g(3), g(4), g(5), g(6), ParseDate(g(7)), g(8), g(9), g(10), g(11), g(12), g(13)})
		},
		func(t *Tables, n int) { t.Episodes = slices.Grow(t.Episodes, n) },
		// PL_LOCATION (IN or OUT of the authority's area) is an item DfE
		// derives from the placement postcode, so neither year's tables
		// carry it; a system that exports it as a column has it checked
		// as recorded, and otherwise it is worked out as DfE does.
		[][]string{{ColPLLocation}}},
	{TReviews, []string{"CHILD", "DOB", "REVIEW", "REVIEW_CODE"},
		func(t *Tables, row int, g func(int) string) {
			t.Reviews = append(t.Reviews, Review{row, g(0), ParseDate(g(1)), ParseDate(g(2)), g(3)})
		},
		func(t *Tables, n int) { t.Reviews = slices.Grow(t.Reviews, n) }, nil},
	{TUASC, []string{"CHILD", "SEX", "DOB", "DUC"},
		func(t *Tables, row int, g func(int) string) {
			t.UASC = append(t.UASC, UASC{row, g(0), g(1), ParseDate(g(2)), ParseDate(g(3))})
		},
		func(t *Tables, n int) { t.UASC = slices.Grow(t.UASC, n) }, nil},
	{TOC2, []string{"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"},
		func(t *Tables, row int, g func(int) string) {
			t.OC2 = append(t.OC2, OC2{row, g(0), ParseDate(g(1)), g(2), g(3), g(4), g(5), g(6), g(7), g(8), g(9), g(10), g(11)})
		},
		func(t *Tables, n int) { t.OC2 = slices.Grow(t.OC2, n) }, nil},
	{TOC3, []string{"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"},
		func(t *Tables, row int, g func(int) string) {
			t.OC3 = append(t.OC3, OC3{row, g(0), ParseDate(g(1)), g(2), g(3), g(4)})
		},
		func(t *Tables, n int) { t.OC3 = slices.Grow(t.OC3, n) }, nil},
	{TAD1, []string{"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
		func(t *Tables, row int, g func(int) string) {
			t.AD1 = append(t.AD1, AD1{row, g(0), ParseDate(g(1)), ParseDate(g(2)), ParseDate(g(3)), g(4), g(5), g(6), g(7)})
		},
		func(t *Tables, n int) { t.AD1 = slices.Grow(t.AD1, n) }, nil},
	{TPlacedAdoption, []string{"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
		func(t *Tables, row int, g func(int) string) {
			t.PlacedAdoption = append(t.PlacedAdoption, PlacedAdoption{row, g(0), ParseDate(g(1)), ParseDate(g(2)), ParseDate(g(3)), g(4)})
		},
		func(t *Tables, n int) { t.PlacedAdoption = slices.Grow(t.PlacedAdoption, n) }, nil},
	{TPrevPerm, []string{"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"},
		func(t *Tables, row int, g func(int) string) {
			t.PrevPerm = append(t.PrevPerm, PrevPerm{row, g(0), ParseDate(g(1)), g(2), g(3), ParseDate(g(4))})
		},
		func(t *Tables, n int) { t.PrevPerm = slices.Grow(t.PrevPerm, n) }, nil},
	{TMissing, []string{"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"},
		func(t *Tables, row int, g func(int) string) {
			t.Missing = append(t.Missing, Missing{row, g(0), ParseDate(g(1)), g(2), ParseDate(g(3)), ParseDate(g(4))})
		},
		func(t *Tables, n int) { t.Missing = slices.Grow(t.Missing, n) }, nil},
	{TSWEpisodes, []string{"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
		func(t *Tables, row int, g func(int) string) {
			t.SWEpisodes = append(t.SWEpisodes, SWEpisode{row, g(0), ParseDate(g(1)), g(2), ParseDate(g(3)), ParseDate(g(4)), g(5)})
		},
		func(t *Tables, n int) { t.SWEpisodes = slices.Grow(t.SWEpisodes, n) }, nil},
	{TDoLo, []string{"CHILD", "DOB", "DOLO_START", "DOLO_END"},
		func(t *Tables, row int, g func(int) string) {
			t.DoLo = append(t.DoLo, DoLo{row, g(0), ParseDate(g(1)), ParseDate(g(2)), ParseDate(g(3))})
		},
		func(t *Tables, n int) { t.DoLo = slices.Grow(t.DoLo, n) }, nil},
}

// commonCols appear in many tables, so they say little about which table a
// file is.
var commonCols = map[string]bool{"CHILD": true, "DOB": true, "SEX": true}

// Optional columns, by the name Tables.Has knows them by.
const (
	ColUASC       = "UASC"        // Header: the UASC status flag, 0 or 1
	ColPLLocation = "PL_LOCATION" // Episodes: IN or OUT of the authority's area
)

func tableDefByName(name string) *tableDef {
	for i := range tableDefs {
		if tableDefs[i].name == name {
			return &tableDefs[i]
		}
	}
	return nil
}
