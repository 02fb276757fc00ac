package clock

import (
	"fmt"
	"slices"

	"cairn/internal/csc"
)

// Setting is a timescale that has no national figure, so each authority
// sets its own (practice-rules.md status L), within bounds that keep it
// meaningful. Rules name a setting; clocks use the value in force on the
// day they start.
type Setting struct {
	// Key identifies the setting in storage and in rules ("cp-visit-interval").
	Key string
	// Title names it in a sentence, after "the": "CP visit interval".
	Title string
	// Rules lists the IDs of the rules that use it.
	Rules []string
	// Default applies until an administrator changes it; it is the
	// commonest local standard in practice-rules.md.
	Default Period
	// Min and Max bound the value, compared with NominalDays.
	Min, Max Period
	// Help explains to an administrator what the setting does and why the
	// bounds are where they are.
	Help string
}

// settings is the list of local settings. Keep it in step with the rules
// in catalogue.go that name them; the tests check both ways.
var settings = []Setting{
	{
		Key: "cp-visit-interval", Title: "CP visit interval", Rules: []string{"CP-12"},
		Default: Period{10, WorkingDays}, Min: Period{1, Days}, Max: Period{6, Weeks},
		Help: "How often a child on a child protection plan must be visited by their social worker, " +
			"counted from the start of the plan and then from each visit. There is no national " +
			"frequency; 10 working days is the commonest local minimum (Camden, Liverpool, Central " +
			"Bedfordshire) and some authorities use 2, 3 or 4 weeks. It cannot be longer than 6 weeks, " +
			"the longest interval regulations allow even for a child in a settled care placement.",
	},
	{
		Key: "cp-core-group-interval", Title: "core group interval", Rules: []string{"CP-11"},
		Default: Period{6, Weeks}, Min: Period{1, Weeks}, Max: Period{12, Weeks},
		Help: "How long after the previous core group the next one must be held, for every core group " +
			"after the first (the first is due within 10 working days of the initial conference, nationally). " +
			"There is no national frequency; at least 6-weekly (Tees) or monthly (Liverpool) are common. " +
			"It cannot be longer than 12 weeks, because the plan is reviewed in conference at least every " +
			"3 to 6 months and the core group carries it out in between.",
	},
	{
		Key: "cin-review-interval", Title: "CIN review interval", Rules: []string{"CIN-02"},
		Default: Period{3, Months}, Min: Period{4, Weeks}, Max: Period{6, Months},
		Help: "How often a child in need plan must be reviewed, counted from the start of the plan and " +
			"then from each review. Working Together requires regular review but sets no frequency; " +
			"3-monthly is the commonest local standard and some authorities review 6-weekly. It cannot be " +
			"longer than 6 months, the point at which plans need management oversight.",
	},
	{
		Key: "cin-visit-interval", Title: "CIN visit interval", Rules: []string{"CIN-03"},
		Default: Period{20, WorkingDays}, Min: Period{1, Days}, Max: Period{12, Weeks},
		Help: "How often a child on a child in need plan must be seen, counted from the start of the plan " +
			"and then from each visit. There is no national frequency; at least every 20 working days " +
			"(4-weekly) is common, and 12-weekly for some children with disabilities, which is the upper bound.",
	},
	{
		Key: "pep-review-interval", Title: "PEP review interval", Rules: []string{"LA-27b"},
		Default: Period{4, Months}, Min: Period{6, Weeks}, Max: Period{4, Months},
		Help: "How long after the previous personal education plan or review the next PEP review is due. " +
			"Statutory guidance says PEPs are reviewed termly; a school year has three terms, so the default " +
			"and the longest interval is 4 months. Authorities that review to each term's calendar can set " +
			"a shorter interval, down to 6 weeks (half a term).",
	},
}

// Settings returns every local setting with its default and bounds, in a
// stable order, for the administration page. The caller owns the result.
func Settings() []Setting {
	out := make([]Setting, len(settings))
	for i, s := range settings {
		s.Rules = slices.Clone(s.Rules)
		out[i] = s
	}
	return out
}

// settingByKey finds a setting without copying it.
func settingByKey(key string) (*Setting, bool) {
	for i := range settings {
		if settings[i].Key == key {
			return &settings[i], true
		}
	}
	return nil, false
}

// SettingChange is a dated change an administrator made to a local setting:
// from the date From, Value applies to clocks starting on or after it.
// Changes are kept, not overwritten, so that clocks started before a change
// keep the value they started with and past performance is not rewritten.
type SettingChange struct {
	Key   string
	Value Period
	From  csc.Date
}

// Local is an authority's history of setting changes, in any order.
type Local []SettingChange

// At returns the value of the setting key in force on the date on: the
// latest change with From on or before on (of two changes with the same
// From, the later in the list), otherwise the setting's default. A change
// whose value CheckSetting now rejects is passed over, so that no clock is
// computed from a value outside the bounds even if one was stored before a
// bound was tightened. For an unknown key At returns the zero Period.
func (l Local) At(key string, on csc.Date) Period {
	s, ok := settingByKey(key)
	if !ok {
		return Period{}
	}
	v, best := s.Default, csc.Date{}
	for _, c := range l {
		if c.Key != key || c.From.IsZero() || c.From.After(on) || c.From.Before(best) {
			continue
		}
		if checkValue(s, c.Value) == nil {
			v, best = c.Value, c.From
		}
	}
	return v
}

// Check reports the first change in the history that CheckSetting rejects,
// so that an import of settings can be refused as a whole.
func (l Local) Check() error {
	for _, c := range l {
		if c.From.IsZero() {
			return fmt.Errorf("clock: the change to %q needs the date it applies from", c.Key)
		}
		if err := CheckSetting(c.Key, c.Value); err != nil {
			return err
		}
	}
	return nil
}

// CheckSetting reports whether v is an acceptable value for the setting
// key, with a message an administrator can act on: the key is unknown, the
// unit makes no sense for the setting, or the value is outside its bounds
// ("the CP visit interval must be between 1 day and 6 weeks"). Messages
// start in lower case, as Go errors do; a page capitalises them.
func CheckSetting(key string, v Period) error {
	s, ok := settingByKey(key)
	if !ok {
		return fmt.Errorf("clock: there is no local setting called %q", clip(key))
	}
	return checkValue(s, v)
}

// checkValue is CheckSetting for a setting already found.
func checkValue(s *Setting, v Period) error {
	switch {
	case !v.Unit.Valid():
		return fmt.Errorf("the %s needs a unit: working days, days, weeks or months", s.Title)
	case v.Unit == Hours:
		return fmt.Errorf("the %s is counted in working days, days, weeks or months, not hours", s.Title)
	case v.N < 1:
		return fmt.Errorf("the %s must be at least %s", s.Title, s.Min)
	}
	d := NominalDays(v)
	if d < NominalDays(s.Min) || d > NominalDays(s.Max) {
		return fmt.Errorf("the %s must be between %s and %s", s.Title, s.Min, s.Max)
	}
	return nil
}
