package api

import (
	"reflect"

	"cairn/internal/csc"
)

// The casework schemas and the Go types behind them.
func init() {
	for k, v := range map[string]reflect.Type{"CINAction": reflect.TypeFor[csc.CINAction](), "CINActionInput": reflect.TypeFor[csc.CINActionInput](), "CINPlan": reflect.TypeFor[csc.CINPlan](), "CINPlanEndInput": reflect.TypeFor[csc.CINPlanEndInput](), "CINPlanInput": reflect.TypeFor[csc.CINPlanInput](), "CINPlanView": reflect.TypeFor[cinPlanViewJSON](), "CINPlans": reflect.TypeFor[cinPlansJSON](), "CINReview": reflect.TypeFor[csc.CINReview](), "CINReviewInput": reflect.TypeFor[csc.CINReviewInput](), "CaseSummary": reflect.TypeFor[csc.CaseSummary](), "CaseSummaryInput": reflect.TypeFor[csc.CaseSummaryInput](), "CaseSummaryView": reflect.TypeFor[caseSummaryJSON](), "Chronology": reflect.TypeFor[chronologyJSON](), "ChronologyEntry": reflect.TypeFor[csc.ChronologyEntry](), "ChronologyEntryInput": reflect.TypeFor[csc.ChronologyEntryInput](), "ChronologyManualEntry": reflect.TypeFor[csc.ChronologyManualEntry](), "ChronologyMarkInput": reflect.TypeFor[csc.ChronologyMarkInput](), "ChronologyOverride": reflect.TypeFor[csc.ChronologyOverride](), "Visit": reflect.TypeFor[csc.Visit](), "VisitInput": reflect.TypeFor[csc.VisitInput](), "Visits": reflect.TypeFor[visitsJSON]()} {
		schemaTypes[k] = v
	}
}
