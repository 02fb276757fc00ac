package api

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"cairn/internal/app"
	"cairn/internal/csc"
)

func init() {
	for name, typ := range map[string]reflect.Type{
		"Attendee": reflect.TypeFor[csc.Attendee](), "DangerGoal": reflect.TypeFor[csc.DangerGoal](),
		"SafetyScale": reflect.TypeFor[csc.SafetyScale](), "StrategyInput": reflect.TypeFor[csc.StrategyInput](),
		"Strategy": reflect.TypeFor[strategyJSON](), "S47StartInput": reflect.TypeFor[csc.S47StartInput](),
		"S47Visit": reflect.TypeFor[csc.S47Visit](), "S47View": reflect.TypeFor[csc.S47View](),
		"S47VisitInput": reflect.TypeFor[csc.S47VisitInput](), "S47ViewInput": reflect.TypeFor[csc.S47ViewInput](),
		"S47OutcomeInput": reflect.TypeFor[csc.S47OutcomeInput](), "S47": reflect.TypeFor[csc.S47](),
		"S47Row": reflect.TypeFor[app.S47Row](), "ConferenceAttendee": reflect.TypeFor[csc.ConferenceAttendee](),
		"ConferenceView": reflect.TypeFor[csc.ConferenceView](), "ConferenceDecision": reflect.TypeFor[csc.ConferenceDecision](),
		"ConferenceInput": reflect.TypeFor[csc.ConferenceInput](), "Conference": reflect.TypeFor[csc.Conference](),
		"PlanAction": reflect.TypeFor[csc.PlanAction](), "CoreGroup": reflect.TypeFor[csc.CoreGroup](),
		"CPPlan": reflect.TypeFor[csc.CPPlan](), "PlanActionInput": reflect.TypeFor[csc.PlanActionInput](),
		"PlanActionDoneInput": reflect.TypeFor[csc.PlanActionDoneInput](), "CoreGroupInput": reflect.TypeFor[csc.CoreGroupInput](),
		"PlanEndInput": reflect.TypeFor[csc.PlanEndInput](), "Protection": reflect.TypeFor[protectionJSON](),
	} {
		schemaTypes[name] = typ
	}
}

// TestProtectionJourney drives a child from a strategy discussion to a
// protection plan by API, with the refusals a client would meet on the way.
func TestProtectionJourney(t *testing.T) {
	withAPI(t, func(t *testing.T, f *fixture) {
		child := f.createChild(t, childInput("Rowan", "Hale", "2016-01-01", ""))
		c := f.recordContact(t, contactInput(child))
		var decided contactJSON
		f.run(t, scenario{Name: "screen", Method: "POST", URL: fmt.Sprintf("/api/v1/contacts/%d/screening", c.ID), Token: "mash",
			Body: `{"version": 1, "rag": "red", "risks": "Bruising"}`, ExpectedStatus: http.StatusOK})
		mustJSON(t, f.run(t, scenario{Name: "decide", Method: "POST", URL: fmt.Sprintf("/api/v1/contacts/%d/decision", c.ID), Token: "mash",
			Body: `{"version": 2, "decision": "strategy", "rationale": "Significant harm"}`, ExpectedStatus: http.StatusOK}), &decided)
		base := fmt.Sprintf("/api/v1/people/%d", child)
		strategy := fmt.Sprintf(`{"referral_id": %d, "held_at": "2026-03-02T09:00", "attendees": [{"agency": "police", "name": "PC Example"}],
			"information_shared": "Bruising.", "scaling": [{"participant": "Police", "score": %%d, "reason": "Unexplained"}],
			"decision": "s47", "decision_reasons": "Significant harm."}`, *decided.ReferralID)
		f.run(t, scenario{Name: "scale of 11 refused", Method: "POST", URL: base + "/strategy-discussions", Token: "mash",
			Body: fmt.Sprintf(strategy, 11), ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"field":"scaling.0.score"`}})
		var sd strategyJSON
		mustJSON(t, f.run(t, scenario{Name: "strategy discussion", Method: "POST", URL: base + "/strategy-discussions", Token: "mash",
			Body: fmt.Sprintf(strategy, 3), ExpectedStatus: http.StatusCreated, ExpectedContent: []string{"Health did not take part"}}), &sd)
		f.run(t, scenario{Name: "s47 led by the MASH worker refused", Method: "POST", URL: fmt.Sprintf("%s/strategy-discussions/%d/s47", base, sd.ID),
			Token: "social", Body: fmt.Sprintf(`{"lead_id": %d}`, f.staff["mash"].ID), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"field":"lead_id"`, "registered social worker"}})
		err := f.db.Write(context.Background(), func(tx csc.Tx) error {
			s, err := tx.FindStaffByID(f.staff["social"].ID)
			if err != nil {
				return err
			}
			s.Registration = "SW999"
			return tx.UpdateStaff(s)
		})
		if err != nil {
			t.Fatal(err)
		}
		var e csc.S47
		mustJSON(t, f.run(t, scenario{Name: "s47 started", Method: "POST", URL: fmt.Sprintf("%s/strategy-discussions/%d/s47", base, sd.ID),
			Token: "social", Body: fmt.Sprintf(`{"lead_id": %d}`, f.staff["social"].ID), ExpectedStatus: http.StatusCreated,
			ExpectedContent: []string{`"started":"2026-03-02"`}}), &e)
		f.run(t, scenario{Name: "visit without version refused", Method: "POST", URL: fmt.Sprintf("%s/s47s/%d/visits", base, e.ID),
			Token: "social", Body: `{"date": "2026-03-02"}`, ExpectedStatus: http.StatusBadRequest})
		f.run(t, scenario{Name: "visit", Method: "POST", URL: fmt.Sprintf("%s/s47s/%d/visits", base, e.ID),
			Token: "social", Body: `{"version": 1, "date": "2026-03-02", "child_seen": true, "seen_alone": true}`, ExpectedStatus: http.StatusOK})
		conf := fmt.Sprintf(`{"kind": "initial", "s47_id": %d, "held_on": "2026-03-02", "chair_id": %d,
			"attendance": [{"name": "A Worker", "attended": true}], "child_view": "Wants to stay.", "family_view": "Disagree.",
			"evidence": "Reports.", "decisions": [{"child_id": %d, "plan_needed": true%%s}]}`, e.ID, f.staff["manager"].ID, child)
		f.run(t, scenario{Name: "plan without category refused", Method: "POST", URL: base + "/conferences", Token: "manager",
			Body: fmt.Sprintf(conf, ""), ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{"category of abuse"}})
		f.run(t, scenario{Name: "inspector cannot record a conference", Method: "POST", URL: base + "/conferences", Token: "inspector",
			Body: fmt.Sprintf(conf, `, "category": "PHY"`), ExpectedStatus: http.StatusForbidden})
		var cf csc.Conference
		mustJSON(t, f.run(t, scenario{Name: "ICPC", Method: "POST", URL: base + "/conferences", Token: "manager",
			Body: fmt.Sprintf(conf, `, "category": "PHY"`), ExpectedStatus: http.StatusCreated}), &cf)
		plan := fmt.Sprintf("%s/cp-plans/%d", base, cf.Decisions[0].PlanID)
		f.run(t, scenario{Name: "core group", Method: "POST", URL: plan + "/core-groups", Token: "social",
			Body: `{"held_on": "2026-03-02", "attendance": [{"name": "A Worker", "attended": true}]}`, ExpectedStatus: http.StatusCreated})
		f.run(t, scenario{Name: "plan ending before it starts refused", Method: "POST", URL: plan + "/end", Token: "social",
			Body: `{"version": 1, "end": "2026-03-01", "reason": "looked-after"}`, ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{"cannot end before it starts"}})
		var p protectionJSON
		mustJSON(t, f.run(t, scenario{Name: "protection record", Method: "GET", URL: base + "/protection", Token: "inspector",
			ExpectedStatus: http.StatusOK}), &p)
		if p.CurrentPlanID == nil || *p.CurrentPlanID != cf.Decisions[0].PlanID || len(p.Plans[0].CoreGroups) != 1 ||
			p.Plans[0].InitialCategory != "PHY" || len(p.S47s) != 1 || len(p.S47s[0].Visits) != 1 {
			t.Errorf("protection record: %+v", p)
		}
	})
}
