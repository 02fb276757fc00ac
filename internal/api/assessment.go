package api

import (
	"net/http"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// assessmentRoutes are the API routes of this part of the record.
var assessmentRoutes = []route{
	{Method: http.MethodGet, Path: "/referrals/{id}", Handler: (*server).findReferral},
	{Method: http.MethodPost, Path: "/referrals/{id}/details", Handler: (*server).amendReferral},
	{Method: http.MethodPost, Path: "/referrals/{id}/closure", Handler: (*server).closeReferral},
	{Method: http.MethodPost, Path: "/referrals/{id}/assessments", Handler: (*server).startAssessment},
	{Method: http.MethodGet, Path: "/assessments/{id}", Handler: (*server).findAssessment},
	{Method: http.MethodPut, Path: "/assessments/{id}", Handler: (*server).saveAssessment},
	{Method: http.MethodPost, Path: "/assessments/{id}/seen", Handler: (*server).recordChildSeen},
	{Method: http.MethodPost, Path: "/assessments/{id}/submission", Handler: (*server).submitAssessment},
	{Method: http.MethodPost, Path: "/assessments/{id}/authorisation", Handler: (*server).authoriseAssessment},
	{Method: http.MethodPost, Path: "/people/{id}/early-help", Handler: (*server).startEarlyHelp},
	{Method: http.MethodGet, Path: "/early-help/{id}", Handler: (*server).findEarlyHelp},
	{Method: http.MethodPost, Path: "/early-help/{id}/assessment", Handler: (*server).recordEHA},
	{Method: http.MethodPost, Path: "/early-help/{id}/end", Handler: (*server).endEarlyHelp},
	{Method: http.MethodPost, Path: "/people/{id}/homeless-presentations", Handler: (*server).recordHomeless},
	{Method: http.MethodGet, Path: "/homeless-presentations/{id}", Handler: (*server).findHomeless},
	{Method: http.MethodPost, Path: "/homeless-presentations/{id}/decision", Handler: (*server).decideHomeless},
}

// episodeJSON is a referral's episode and what happened in it.
type episodeJSON struct {
	Referral    referralJSON     `json:"referral"`
	ReReferral  bool             `json:"re_referral"`
	HP03Due     *string          `json:"hp03_due"`
	Assessments []assessmentJSON `json:"assessments"`
	EarlyHelp   []earlyHelpJSON  `json:"early_help"`
	Homeless    []homelessJSON   `json:"homeless_presentations"`
}

type childSeenJSON struct {
	Date  *string `json:"date"`
	Alone bool    `json:"alone"`
}

type assessmentJSON struct {
	ID              int64                       `json:"id"`
	ChildID         int64                       `json:"child_id"`
	ReferralID      int64                       `json:"referral_id"`
	StartDate       *string                     `json:"start_date"`
	Status          string                      `json:"status"`
	Seen            []childSeenJSON             `json:"seen"`
	NotSeenReason   string                      `json:"not_seen_reason"`
	History         string                      `json:"history"`
	LivedExperience string                      `json:"lived_experience"`
	Identity        map[string]csc.IdentityNote `json:"identity"`
	ParentsCarers   string                      `json:"parents_carers"`
	Risks           string                      `json:"risks"`
	Protective      string                      `json:"protective_factors"`
	Analysis        string                      `json:"analysis"`
	Factors         []string                    `json:"factors"`
	Outcome         string                      `json:"outcome"`
	NextSteps       string                      `json:"next_steps"`
	AuthorisedDate  *string                     `json:"authorised_date"`
	AuthorisedBy    *int64                      `json:"authorised_by_id"`
	Version         int                         `json:"version"`
}

func assessmentOf(x *csc.Assessment) assessmentJSON {
	seen := make([]childSeenJSON, 0, len(x.Seen))
	for _, s := range x.Seen {
		seen = append(seen, childSeenJSON{Date: date(s.Date), Alone: s.Alone})
	}
	factors := x.Factors
	if factors == nil {
		factors = []string{}
	}
	return assessmentJSON{ID: x.ID, ChildID: x.ChildID, ReferralID: x.ReferralID, StartDate: date(x.StartDate), Status: string(x.Status),
		Seen: seen, NotSeenReason: x.NotSeenReason, History: x.History, LivedExperience: x.LivedExperience, Identity: x.Identity,
		ParentsCarers: x.ParentsCarers, Risks: x.Risks, Protective: x.Protective, Analysis: x.Analysis, Factors: factors,
		Outcome: string(x.Outcome), NextSteps: x.NextSteps, AuthorisedDate: date(x.AuthorisedDate), AuthorisedBy: ref(x.AuthorisedByID),
		Version: x.Version}
}

type earlyHelpJSON struct {
	ID               int64   `json:"id"`
	ChildID          int64   `json:"child_id"`
	ReferralID       *int64  `json:"referral_id"`
	StartDate        *string `json:"start_date"`
	LeadPractitioner string  `json:"lead_practitioner"`
	Agency           string  `json:"agency"`
	Consent          bool    `json:"consent"`
	EHAStart         *string `json:"eha_start"`
	EHACompleted     *string `json:"eha_completed"`
	EndDate          *string `json:"end_date"`
	EndReason        string  `json:"end_reason"`
	SteppedUp        bool    `json:"stepped_up"`
	Version          int     `json:"version"`
}

func earlyHelpOf(e *csc.EarlyHelp) earlyHelpJSON {
	return earlyHelpJSON{ID: e.ID, ChildID: e.ChildID, ReferralID: ref(e.ReferralID), StartDate: date(e.StartDate),
		LeadPractitioner: e.LeadPractitioner, Agency: e.Agency, Consent: e.Consent, EHAStart: date(e.EHAStart),
		EHACompleted: date(e.EHACompleted), EndDate: date(e.EndDate), EndReason: e.EndReason, SteppedUp: e.SteppedUp, Version: e.Version}
}

type homelessJSON struct {
	ID               int64   `json:"id"`
	ChildID          int64   `json:"child_id"`
	ReferralID       int64   `json:"referral_id"`
	AssessmentID     int64   `json:"assessment_id"`
	PresentedOn      *string `json:"presented_on"`
	Age              int     `json:"age"`
	Decision         *string `json:"decision"`
	DecisionDate     *string `json:"decision_date"`
	NotReason        string  `json:"not_accommodated_reason"`
	ToldConsequences bool    `json:"told_consequences"`
	Competent        bool    `json:"competent"`
	View             string  `json:"young_person_view"`
	InterimProvided  bool    `json:"interim_provided"`
	InterimWhere     string  `json:"interim_where"`
	Version          int     `json:"version"`
}

func homelessOf(h *csc.HomelessPresentation) homelessJSON {
	var d *string
	if h.Decision != "" {
		d = &h.Decision
	}
	return homelessJSON{ID: h.ID, ChildID: h.ChildID, ReferralID: h.ReferralID, AssessmentID: h.AssessmentID,
		PresentedOn: date(h.PresentedOn), Age: h.Age, Decision: d, DecisionDate: date(h.DecisionDate), NotReason: h.NotReason,
		ToldConsequences: h.ToldConsequences, Competent: h.Competent, View: h.View, InterimProvided: h.InterimProvided,
		InterimWhere: h.InterimWhere, Version: h.Version}
}

func episodeOf(e *app.Episode) episodeJSON {
	return episodeJSON{Referral: referralOf(&e.Referral), ReReferral: e.ReReferral, HP03Due: date(e.HP03Due),
		Assessments: list(e.Assessments, assessmentOf), EarlyHelp: list(e.EarlyHelp, earlyHelpOf), Homeless: list(e.Homeless, homelessOf)}
}

// startAssessmentInput is the body of POST /referrals/{id}/assessments.
type startAssessmentInput struct {
	StartDate string `json:"start_date"`
}

// childSeenInput is the body of POST /assessments/{id}/seen.
type childSeenInput struct {
	Date  string `json:"date"`
	Alone bool   `json:"alone"`
}

// versionInput is a body that carries only the version read.
type versionInput struct {
	Version int `json:"version"`
}

func (s *server) findReferral(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.Referral(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, episodeOf(&v.Episode))
}

// referralVersion reads a referral's version after a conflict.
func (s *server) referralVersion(r *http.Request, actor csc.Actor, id int64) (int, error) {
	v, err := s.app.Referral(r.Context(), actor, id)
	if err != nil {
		return 0, err
	}
	return v.Referral.Version, nil
}

func (s *server) amendReferral(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *csc.ReferralInput) (any, error) {
		ref, err := s.app.AmendReferral(r.Context(), actor, id, *in)
		return orNil(ref, referralOf), withCurrentVersion(err, func() (int, error) { return s.referralVersion(r, actor, id) })
	}, func(in *csc.ReferralInput) int { return in.Version })
}

func (s *server) closeReferral(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *csc.ClosureInput) (any, error) {
		ref, err := s.app.CloseReferral(r.Context(), actor, id, *in)
		return orNil(ref, referralOf), withCurrentVersion(err, func() (int, error) { return s.referralVersion(r, actor, id) })
	}, func(in *csc.ClosureInput) int { return in.Version })
}

func (s *server) startAssessment(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in startAssessmentInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	x, err := s.app.StartAssessment(r.Context(), actor, id, in.StartDate)
	if err != nil {
		return err
	}
	return created(w, link("assessments", x.ID), assessmentOf(x))
}

func (s *server) findAssessment(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.Assessment(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, assessmentOf(v.Assessment))
}

func (s *server) assessmentVersion(r *http.Request, actor csc.Actor, id int64) (int, error) {
	v, err := s.app.Assessment(r.Context(), actor, id)
	if err != nil {
		return 0, err
	}
	return v.Assessment.Version, nil
}

func (s *server) saveAssessment(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *csc.AssessmentInput) (any, error) {
		x, err := s.app.SaveAssessment(r.Context(), actor, id, *in)
		return orNil(x, assessmentOf), withCurrentVersion(err, func() (int, error) { return s.assessmentVersion(r, actor, id) })
	}, func(in *csc.AssessmentInput) int { return in.Version })
}

func (s *server) recordChildSeen(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in childSeenInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	seen, err := s.app.RecordChildSeen(r.Context(), actor, id, in.Date, in.Alone)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, childSeenJSON{Date: date(seen.Date), Alone: seen.Alone})
}

func (s *server) submitAssessment(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *versionInput) (any, error) {
		x, err := s.app.SubmitAssessment(r.Context(), actor, id, in.Version)
		return orNil(x, assessmentOf), withCurrentVersion(err, func() (int, error) { return s.assessmentVersion(r, actor, id) })
	}, func(in *versionInput) int { return in.Version })
}

func (s *server) authoriseAssessment(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *app.AuthoriseInput) (any, error) {
		x, err := s.app.AuthoriseAssessment(r.Context(), actor, id, *in)
		return orNil(x, assessmentOf), withCurrentVersion(err, func() (int, error) { return s.assessmentVersion(r, actor, id) })
	}, func(in *app.AuthoriseInput) int { return in.Version })
}

func (s *server) startEarlyHelp(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.EarlyHelpInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e, err := s.app.StartEarlyHelp(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("early-help", e.ID), earlyHelpOf(e))
}

func (s *server) findEarlyHelp(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.EarlyHelp(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, earlyHelpOf(v.EarlyHelp))
}

func (s *server) earlyHelpVersion(r *http.Request, actor csc.Actor, id int64) (int, error) {
	v, err := s.app.EarlyHelp(r.Context(), actor, id)
	if err != nil {
		return 0, err
	}
	return v.EarlyHelp.Version, nil
}

func (s *server) recordEHA(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *csc.EHAInput) (any, error) {
		e, err := s.app.RecordEHA(r.Context(), actor, id, *in)
		return orNil(e, earlyHelpOf), withCurrentVersion(err, func() (int, error) { return s.earlyHelpVersion(r, actor, id) })
	}, func(in *csc.EHAInput) int { return in.Version })
}

func (s *server) endEarlyHelp(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *csc.EarlyHelpEndInput) (any, error) {
		e, err := s.app.EndEarlyHelp(r.Context(), actor, id, *in)
		return orNil(e, earlyHelpOf), withCurrentVersion(err, func() (int, error) { return s.earlyHelpVersion(r, actor, id) })
	}, func(in *csc.EarlyHelpEndInput) int { return in.Version })
}

func (s *server) recordHomeless(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csc.HomelessInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	h, err := s.app.RecordHomeless(r.Context(), actor, id, in)
	if err != nil {
		return err
	}
	return created(w, link("homeless-presentations", h.ID), homelessOf(h))
}

func (s *server) findHomeless(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.app.Homeless(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, homelessOf(v.Homeless))
}

func (s *server) decideHomeless(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return versioned(w, r, func(id int64, in *csc.HomelessDecisionInput) (any, error) {
		h, err := s.app.DecideHomeless(r.Context(), actor, id, *in)
		return orNil(h, homelessOf), withCurrentVersion(err, func() (int, error) {
			v, err := s.app.Homeless(r.Context(), actor, id)
			if err != nil {
				return 0, err
			}
			return v.Homeless.Version, nil
		})
	}, func(in *csc.HomelessDecisionInput) int { return in.Version })
}

// versioned runs an update: it reads the path id and a body that must
// carry the version read, calls do and writes its result with 200.
func versioned[T any](w http.ResponseWriter, r *http.Request, do func(id int64, in *T) (any, error), version func(*T) int) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in T
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := requireVersion(version(&in)); err != nil {
		return err
	}
	out, err := do(id, &in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

// orNil maps a record to its JSON form, or nil when the call failed.
func orNil[T, J any](v *T, f func(*T) J) any {
	if v == nil {
		return nil
	}
	return f(v)
}
