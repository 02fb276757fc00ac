package api

import (
	"fmt"
	"net/http"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// protectionRoutes are the API routes of this part of the record.
var protectionRoutes = []route{
	{Method: http.MethodGet, Path: "/people/{id}/protection", Handler: (*server).protection},
	{Method: http.MethodPost, Path: "/people/{id}/strategy-discussions", Handler: (*server).recordStrategy},
	{Method: http.MethodPost, Path: "/people/{id}/strategy-discussions/{step}/s47", Handler: (*server).startS47},
	{Method: http.MethodPost, Path: "/people/{id}/s47s/{step}/visits", Handler: (*server).addS47Visit},
	{Method: http.MethodPost, Path: "/people/{id}/s47s/{step}/partner-views", Handler: (*server).addS47View},
	{Method: http.MethodPost, Path: "/people/{id}/s47s/{step}/outcome", Handler: (*server).recordS47Outcome},
	{Method: http.MethodPost, Path: "/people/{id}/conferences", Handler: (*server).recordConference},
	{Method: http.MethodPost, Path: "/people/{id}/cp-plans/{step}/actions", Handler: (*server).addPlanAction},
	{Method: http.MethodPost, Path: "/people/{id}/cp-plans/{step}/actions/{action}/done", Handler: (*server).completePlanAction},
	{Method: http.MethodPost, Path: "/people/{id}/cp-plans/{step}/core-groups", Handler: (*server).recordCoreGroup},
	{Method: http.MethodPost, Path: "/people/{id}/cp-plans/{step}/end", Handler: (*server).endPlan},
}

// strategyJSON is a strategy discussion with the warnings a reader should
// notice (a missing core agency, more than three danger statements).
type strategyJSON struct {
	csc.Strategy
	Warnings []string `json:"warnings"`
}

func strategyOf(s *csc.Strategy) strategyJSON {
	w := s.Warnings()
	if w == nil {
		w = []string{}
	}
	return strategyJSON{Strategy: *s, Warnings: w}
}

// protectionJSON is the child protection part of a child's record.
type protectionJSON struct {
	Strategies     []strategyJSON   `json:"strategy_discussions"`
	S47s           []app.S47Row     `json:"s47s"`
	Conferences    []csc.Conference `json:"conferences"`
	Plans          []csc.CPPlan     `json:"cp_plans"`
	CurrentPlanID  *int64           `json:"current_plan_id"`
	NextReviewDue  *string          `json:"next_review_due"`
	ActionsOverdue int              `json:"actions_overdue"`
}

// namedID reads another record id in the path.
func namedID(r *http.Request, name string) (int64, error) {
	id, ok := positiveInt(r.PathValue(name))
	if !ok {
		return 0, badRequest(name, fmt.Sprintf("The %s id in the address must be a positive whole number.", name))
	}
	return id, nil
}

// childAndStep reads the child's id and the step's id from the path.
func childAndStep(r *http.Request) (int64, int64, error) {
	child, err := pathID(r)
	if err != nil {
		return 0, 0, err
	}
	step, err := namedID(r, "step")
	return child, step, err
}

func (s *server) protection(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rec, err := s.app.Protection(r.Context(), actor, id)
	if err != nil {
		return err
	}
	p := rec.Protection
	out := protectionJSON{Strategies: list(p.Strategies, strategyOf), S47s: nonNil(p.S47s), Conferences: nonNil(p.Conferences),
		Plans: nonNil(p.Plans), NextReviewDue: date(p.NextReviewDue), ActionsOverdue: p.ActionsOverdue}
	if p.Current != nil {
		out.CurrentPlanID = ref(p.Current.ID)
	}
	return writeJSON(w, http.StatusOK, out)
}

func (s *server) recordStrategy(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.StrategyInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	sd, err := s.app.RecordStrategy(r.Context(), actor, child, in)
	if err != nil {
		return err
	}
	return created(w, fmt.Sprintf("%s/people/%d/protection", Prefix, child), strategyOf(sd))
}

func (s *server) startS47(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return stepChange(w, r, http.StatusCreated, func(child, step int64, in csc.S47StartInput) (*csc.S47, error) {
		return s.app.StartS47(r.Context(), actor, child, step, in)
	})
}

// stepChange decodes a change to a step of the child's record (named by the
// path's id and step), applies it and answers with status and the result.
func stepChange[In, Out any](w http.ResponseWriter, r *http.Request, status int, do func(child, step int64, in In) (Out, error)) error {
	child, step, err := childAndStep(r)
	if err != nil {
		return err
	}
	var in In
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	out, err := do(child, step, in)
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		return created(w, fmt.Sprintf("%s/people/%d/protection", Prefix, child), out)
	}
	return writeJSON(w, status, out)
}

func (s *server) addS47Visit(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return stepChange(w, r, http.StatusOK, func(child, step int64, in csc.S47VisitInput) (*csc.S47, error) {
		if err := requireVersion(in.Version); err != nil {
			return nil, err
		}
		return s.app.AddS47Visit(r.Context(), actor, child, step, in)
	})
}

func (s *server) addS47View(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return stepChange(w, r, http.StatusOK, func(child, step int64, in csc.S47ViewInput) (*csc.S47, error) {
		if err := requireVersion(in.Version); err != nil {
			return nil, err
		}
		return s.app.AddS47View(r.Context(), actor, child, step, in)
	})
}

func (s *server) recordS47Outcome(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return stepChange(w, r, http.StatusOK, func(child, step int64, in csc.S47OutcomeInput) (*csc.S47, error) {
		if err := requireVersion(in.Version); err != nil {
			return nil, err
		}
		return s.app.RecordS47Outcome(r.Context(), actor, child, step, in)
	})
}

func (s *server) recordConference(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.ConferenceInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := s.app.RecordConference(r.Context(), actor, child, in)
	if err != nil {
		return err
	}
	return created(w, fmt.Sprintf("%s/people/%d/protection", Prefix, child), c)
}

func (s *server) addPlanAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return stepChange(w, r, http.StatusCreated, func(child, step int64, in csc.PlanActionInput) (*csc.PlanAction, error) {
		return s.app.AddPlanAction(r.Context(), actor, child, step, in)
	})
}

func (s *server) completePlanAction(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	child, step, err := childAndStep(r)
	if err != nil {
		return err
	}
	action, err := namedID(r, "action")
	if err != nil {
		return err
	}
	var in csc.PlanActionDoneInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(in.Version); err != nil {
		return err
	}
	a, err := s.app.CompletePlanAction(r.Context(), actor, child, step, action, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

func (s *server) recordCoreGroup(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return stepChange(w, r, http.StatusCreated, func(child, step int64, in csc.CoreGroupInput) (*csc.CoreGroup, error) {
		return s.app.RecordCoreGroup(r.Context(), actor, child, step, in)
	})
}

func (s *server) endPlan(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return stepChange(w, r, http.StatusOK, func(child, step int64, in csc.PlanEndInput) (*csc.CPPlan, error) {
		if err := requireVersion(in.Version); err != nil {
			return nil, err
		}
		return s.app.EndPlan(r.Context(), actor, child, step, in)
	})
}
