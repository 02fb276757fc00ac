package csc

import (
	"fmt"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	good := map[string]Date{"2024-02-29": {2024, time.February, 29}, "2026-12-31": {2026, time.December, 31}}
	for s, want := range good {
		if got, err := ParseDate(s); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "2023-02-29", "2026-13-01", "26-01-01", "2026/01/01", "2026-1-1", "01/02/2026", "2026-01-01T00:00"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
}

func TestAgeOn(t *testing.T) {
	leap := MustParseDate("2016-02-29")
	cases := []struct {
		on   string
		want int
	}{{"2017-02-28", 0}, {"2017-03-01", 1}, {"2020-02-29", 4}, {"2034-02-28", 17}, {"2034-03-01", 18}}
	for _, c := range cases {
		if got := leap.AgeOn(MustParseDate(c.on)); got != c.want {
			t.Errorf("born 29 Feb 2016, age on %s = %d, want %d", c.on, got, c.want)
		}
	}
}

func TestDateOfUsesLondon(t *testing.T) {
	// 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
	if got := DateOf(time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)); got.String() != "2026-07-01" {
		t.Errorf("DateOf = %s", got)
	}
	if got := DateOf(time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)); got.String() != "2026-12-31" {
		t.Errorf("DateOf in winter = %s", got)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-02", "2024-02-29", "2023-02-29", "9999-12-31", "0000-00-00", "2026-03-0\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q) round-trips to %q", s, d.String())
		}
	})
}

func TestStepTimeIsMiddayInEngland(t *testing.T) {
	for _, d := range []Date{{2026, time.January, 15}, {2026, time.July, 15}} {
		got := StepTime(d)
		if DateOf(got) != d || got.In(London).Hour() != 12 {
			t.Errorf("StepTime(%v) = %v, want midday London on that date", d, got)
		}
	}
}

// A date is written as people read it, "3 March 2026", whatever the date
// (even one no calendar has), exactly as fmt would write its parts; the
// zero date is not written at all.
func FuzzDateLong(f *testing.F) {
	if got := (Date{2026, time.March, 3}).Long(); got != "3 March 2026" {
		f.Errorf("3 March 2026 is written %q", got)
	}
	f.Add(2026, 3, 3)
	f.Add(1, 12, 31)
	f.Add(-44, 0, -1)
	f.Add(0, 13, 0)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		date := Date{Year: y, Month: time.Month(m), Day: d}
		want := fmt.Sprintf("%d %s %d", d, time.Month(m), y)
		if date.IsZero() {
			want = ""
		}
		if got := date.Long(); got != want {
			t.Errorf("%#v.Long() = %q, want %q", date, got, want)
		}
		if got := string(date.AppendLong([]byte("on "))); got != "on "+want {
			t.Errorf("%#v.AppendLong = %q, want %q", date, got, "on "+want)
		}
	})
}
