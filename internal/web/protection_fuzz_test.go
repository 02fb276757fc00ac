package web

import (
	"net/url"
	"testing"
)

// FuzzProtectionForms reads arbitrary form bodies as the strategy
// discussion and conference forms: the readers must never panic, and the
// repeating rows they keep are never more than the form can hold.
func FuzzProtectionForms(f *testing.F) {
	f.Add("attendees.0.name=PC&attendees.0.agency=police&scaling.0.score=x&scaling.49.reason=r")
	f.Add("decision_child=7&decisions.7.plan_needed=yes&attendance.3.name=A&attendance.3.attended=yes&views.0.who=W")
	f.Add("decision_child=-1&decision_child=abc&decisions.abc.plan_needed=no")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		s := strategyInputOf(v)
		c := conferenceInputOf(v)
		if len(s.Attendees) > 50 || len(s.Scaling) > 50 || len(c.Attendance) > 50 || len(c.Views) > 50 {
			t.Fatalf("more rows than the form holds")
		}
		for _, d := range c.Decisions {
			if d.ChildID <= 0 {
				t.Fatalf("a decision for child %d", d.ChildID)
			}
		}
	})
}
