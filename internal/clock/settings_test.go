package clock

import (
	"slices"
	"strings"
	"testing"

	"cairn/internal/csc"
)

func TestSettingsMatchRules(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Settings() {
		if seen[s.Key] {
			t.Errorf("setting %s listed twice", s.Key)
		}
		seen[s.Key] = true
		if s.Title == "" || s.Help == "" || len(s.Rules) == 0 {
			t.Errorf("setting %s needs a title, help and the rules it changes", s.Key)
		}
		if err := CheckSetting(s.Key, s.Default); err != nil {
			t.Errorf("setting %s: its default is refused: %v", s.Key, err)
		}
		if NominalDays(s.Min) > NominalDays(s.Max) {
			t.Errorf("setting %s: minimum %s above maximum %s", s.Key, s.Min, s.Max)
		}
		for _, id := range s.Rules {
			r, ok := RuleByID(id)
			if !ok || r.Setting != s.Key {
				t.Errorf("setting %s lists rule %s, which does not use it", s.Key, id)
			}
			if r.Period != s.Default || r.Min != s.Min || r.Max != s.Max {
				t.Errorf("rule %s shows %s (%s..%s), setting %s says %s (%s..%s)", id, r.Period, r.Min, r.Max, s.Key, s.Default, s.Min, s.Max)
			}
		}
	}
	for _, r := range Catalogue() {
		if r.Setting == "" {
			continue
		}
		s, ok := settingByKey(r.Setting)
		if !ok || !slices.Contains(s.Rules, r.ID) {
			t.Errorf("rule %s uses setting %s, which does not list it", r.ID, r.Setting)
		}
	}
}

func TestCheckSetting(t *testing.T) {
	for _, tc := range []struct {
		key  string
		v    Period
		want string // "" for accepted; otherwise the exact message
	}{
		{"cp-visit-interval", Period{10, WorkingDays}, ""},
		{"cp-visit-interval", Period{1, Days}, ""},
		{"cp-visit-interval", Period{1, WorkingDays}, ""},
		{"cp-visit-interval", Period{6, Weeks}, ""},
		{"cp-visit-interval", Period{42, Days}, ""},
		{"cp-visit-interval", Period{30, WorkingDays}, ""}, // nominally 42 days
		{"cp-visit-interval", Period{31, WorkingDays}, "the CP visit interval must be between 1 day and 6 weeks"},
		{"cp-visit-interval", Period{43, Days}, "the CP visit interval must be between 1 day and 6 weeks"},
		{"cp-visit-interval", Period{2, Months}, "the CP visit interval must be between 1 day and 6 weeks"},
		{"cp-visit-interval", Period{0, Days}, "the CP visit interval must be at least 1 day"},
		{"cp-visit-interval", Period{-3, Weeks}, "the CP visit interval must be at least 1 day"},
		{"cp-visit-interval", Period{48, Hours}, "the CP visit interval is counted in working days, days, weeks or months, not hours"},
		{"cp-visit-interval", Period{}, "the CP visit interval needs a unit: working days, days, weeks or months"},
		{"cin-review-interval", Period{6, Weeks}, ""},
		{"cin-review-interval", Period{3, Weeks}, "the CIN review interval must be between 4 weeks and 6 months"},
		{"cin-review-interval", Period{7, Months}, "the CIN review interval must be between 4 weeks and 6 months"},
		{"cin-visit-interval", Period{12, Weeks}, ""},
		{"cin-visit-interval", Period{13, Weeks}, "the CIN visit interval must be between 1 day and 12 weeks"},
		{"cp-core-group-interval", Period{1, Months}, ""},
		{"cp-core-group-interval", Period{4, Months}, "the core group interval must be between 1 week and 12 weeks"},
		{"pep-review-interval", Period{1, Months}, "the PEP review interval must be between 6 weeks and 4 months"},
		{"pep-review-interval", Period{3, Months}, ""},
		{"cp-visit-frequency", Period{10, WorkingDays}, `clock: there is no local setting called "cp-visit-frequency"`},
	} {
		err := CheckSetting(tc.key, tc.v)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("CheckSetting(%s, %s): %v", tc.key, tc.v, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("CheckSetting(%s, %s) = %v, want %q", tc.key, tc.v, err, tc.want)
		}
	}
}

func TestLocalAt(t *testing.T) {
	d := csc.MustParseDate
	l := Local{
		{Key: "cp-visit-interval", Value: Period{15, WorkingDays}, From: d("2026-03-01")},
		{Key: "cp-visit-interval", Value: Period{5, WorkingDays}, From: d("2026-01-01")},
		{Key: "cp-visit-interval", Value: Period{3, Weeks}, From: d("2026-03-01")}, // same day, later in the list: wins
		{Key: "cp-visit-interval", Value: Period{9, Weeks}, From: d("2026-04-01")}, // out of bounds: passed over
		{Key: "cin-visit-interval", Value: Period{4, Weeks}, From: d("2020-01-01")},
	}
	for _, tc := range []struct {
		key, on string
		want    Period
	}{
		{"cp-visit-interval", "2025-12-31", Period{10, WorkingDays}}, // before any change: the default
		{"cp-visit-interval", "2026-01-01", Period{5, WorkingDays}},  // a change applies from its own day
		{"cp-visit-interval", "2026-02-28", Period{5, WorkingDays}},
		{"cp-visit-interval", "2026-03-01", Period{3, Weeks}},
		{"cp-visit-interval", "2026-05-01", Period{3, Weeks}},
		{"cin-visit-interval", "2026-05-01", Period{4, Weeks}},
		{"cin-review-interval", "2026-05-01", Period{3, Months}},
		{"no-such-setting", "2026-05-01", Period{}},
	} {
		if got := l.At(tc.key, d(tc.on)); got != tc.want {
			t.Errorf("At(%s, %s) = %s, want %s", tc.key, tc.on, got, tc.want)
		}
	}
	if err := l.Check(); err == nil || !strings.Contains(err.Error(), "CP visit interval must be between") {
		t.Errorf("Check() = %v, want the out-of-bounds change reported", err)
	}
	if err := (Local{{Key: "cp-visit-interval", Value: Period{5, Days}}}).Check(); err == nil {
		t.Error("a change with no date was accepted")
	}
	if err := l[:3].Check(); err != nil {
		t.Errorf("Check() on valid changes: %v", err)
	}
}

func TestNominalDays(t *testing.T) {
	for _, tc := range []struct {
		p    Period
		want int
	}{
		{Period{1, WorkingDays}, 1}, {Period{5, WorkingDays}, 7}, {Period{10, WorkingDays}, 14}, {Period{20, WorkingDays}, 28},
		{Period{30, WorkingDays}, 42}, {Period{1, Days}, 1}, {Period{6, Weeks}, 42}, {Period{1, Months}, 30},
		{Period{3, Months}, 91}, {Period{6, Months}, 183}, {Period{12, Months}, 365}, {Period{72, Hours}, 3}, {Period{}, 0},
	} {
		if got := NominalDays(tc.p); got != tc.want {
			t.Errorf("NominalDays(%s) = %d, want %d", tc.p, got, tc.want)
		}
	}
}
