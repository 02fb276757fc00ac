package web

import (
	"net/url"
	"testing"
)

// FuzzBoardForms reads arbitrary form bodies as the board and minutes
// forms: the readers must never panic, keep every row up to the first gap
// (so that an error names the row the user filled in) and never more than
// the form can hold, and read ids as positive or zero.
func FuzzBoardForms(f *testing.F) {
	f.Add("name=Board&kind=other&members.0.name=A&members.0.role=Chair&members.1.staff_id=3")
	f.Add("attendees.0.staff_id=-4&attendees.0.present=yes&attendees.1.name=&items.0.id=9&items.0.minutes=Noted&items.2.id=1")
	f.Add("members.0.staff_id=abc&members.199.name=x&version=seven")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		b := boardInputOf(v)
		m := minutesInputOf(v)
		if len(b.Members) > 200 || len(m.Attendees) > 200 || len(m.Items) > 200 {
			t.Fatalf("more rows than the form holds")
		}
		for _, x := range b.Members {
			if x.StaffID < 0 {
				t.Fatalf("a member with staff id %d", x.StaffID)
			}
		}
		for _, x := range m.Items {
			if x.ID < 0 {
				t.Fatalf("minutes for item %d", x.ID)
			}
		}
	})
}
