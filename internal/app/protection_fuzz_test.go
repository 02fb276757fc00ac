package app

import (
	"encoding/json"
	"testing"
	"time"

	"cairn/internal/csc"
)

// FuzzParseProtection feeds arbitrary JSON bodies to the parsers of the
// strategy discussion and conference forms: they must never panic, and
// anything they accept must respect the 0–10 scale and carry a category
// for every plan.
func FuzzParseProtection(f *testing.F) {
	f.Add([]byte(`{"referral_id":1,"held_at":"2026-03-02T10:00","attendees":[{"agency":"police","name":"x"}],"scaling":[{"participant":"p","score":11,"reason":"r"}],"decision":"s47","decision_reasons":"r","information_shared":"i"}`))
	f.Add([]byte(`{"kind":"initial","s47_id":1,"held_on":"2026-03-02","chair_id":1,"decisions":[{"child_id":1,"plan_needed":true}]}`))
	f.Add([]byte(`{"kind":"review","plan_id":-1,"held_on":"2026-02-30","attendance":[{"name":""}],"decisions":[{"child_id":1,"plan_needed":true,"category":"NEG"}]}`))
	a := &App{opt: Options{Now: func() time.Time { return time.Date(2026, 3, 3, 12, 0, 0, 0, csc.London) }}}
	f.Fuzz(func(t *testing.T, body []byte) {
		var sin csc.StrategyInput
		if json.Unmarshal(body, &sin) == nil {
			if s, err := a.parseStrategy(sin); err == nil {
				for _, sc := range s.Scaling {
					if sc.Score < 0 || sc.Score > 10 {
						t.Fatalf("accepted a scale of %d", sc.Score)
					}
				}
			}
		}
		var cin csc.ConferenceInput
		if json.Unmarshal(body, &cin) == nil {
			if c, err := a.parseConference(cin); err == nil {
				for _, d := range c.Decisions {
					if d.PlanNeeded && d.Category == "" {
						t.Fatalf("accepted a plan without a category")
					}
				}
			}
		}
	})
}
