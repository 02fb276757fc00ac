package csc

import (
	"strings"
	"testing"
)

func TestSoundAlikeNamesShareAKey(t *testing.T) {
	same := [][]string{
		{"smith", "smyth", "schmidt"}, {"mohammed", "muhammad", "mohamed", "mohammad"},
		{"catherine", "kathryn", "katherine"}, {"jon", "john"}, {"aaliyah", "aliyah"},
		{"thompson", "thomson", "tomson"}, {"phillips", "philips", "filips"}, {"leigh", "lee"},
		{"macdonald", "mcdonald"}, {"knight", "night"},
	}
	for _, group := range same {
		k := SoundKey(group[0])
		for _, n := range group[1:] {
			if SoundKey(n) != k {
				t.Errorf("%s (%s) and %s (%s) should sound alike", group[0], k, n, SoundKey(n))
			}
		}
	}
	for _, pair := range [][2]string{{"smith", "jones"}, {"khan", "kaur"}, {"patel", "ahmed"}} {
		if SoundKey(pair[0]) == SoundKey(pair[1]) {
			t.Errorf("%s and %s should not share a key", pair[0], pair[1])
		}
	}
}

func TestNameTokensFoldAccentsAndApostrophes(t *testing.T) {
	got := strings.Join(NameTokens("Zoë O'Brien-Ng", "  José  D’Souza "), ",")
	if got != "zoe,obrien,ng,jose,dsouza" {
		t.Errorf("tokens = %s", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"smith", "smyth", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"zoë", "zoe", 1}} {
		if got := EditDistance(c.a, c.b); got != c.d {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func FuzzNameKeys(f *testing.F) {
	for _, s := range []string{"Zoë O'Brien", "", "ßæœ", "\xff\xfe", "Mac", "knight-wright", strings.Repeat("x", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range NameKeys(s) {
			if len(k) < 1 || (k[0] != '=' && k[0] != '~') {
				t.Errorf("key %q for %q", k, s)
			}
			if k[0] == '~' && len(k) > 7 {
				t.Errorf("sound key %q longer than six codes", k)
			}
		}
	})
}
