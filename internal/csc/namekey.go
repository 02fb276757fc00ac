package csc

import (
	"strings"
	"unicode"
)

// Name matching. Staff search for children by names heard on the phone or
// misspelt on a referral form: "Smyth" must find "Smith", "Kathryn" must find
// "Catherine", "Mohammed" must find "Muhammad". Every name a person is known
// by is stored under two keys per word: its plain folded spelling ("=smith",
// which also serves prefix search) and its sound-alike key ("~253").

// NameTokens splits names into lower-case words with accents folded
// ("Zoë O'Brien-Ng" → "zoe", "obrien", "ng").
func NameTokens(names ...string) []string {
	var out []string
	for _, n := range names {
		var b strings.Builder
		flush := func() {
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		}
		for _, r := range strings.ToLower(n) {
			switch {
			case r == '\'' || r == '’':
				// O'Brien and D’Souza are one word.
			case r >= 'a' && r <= 'z':
				b.WriteRune(r)
			case unicode.IsLetter(r):
				if f, ok := foldAccent(r); ok {
					b.WriteString(f)
				} else {
					b.WriteRune(r)
				}
			default:
				flush()
			}
		}
		flush()
	}
	return out
}

// accentFolds maps accented letters to the plain letters staff type for them.
var accentFolds = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c",
	'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ž': "z", 'ź': "z", 'ż': "z",
	'ś': "s", 'š': "s", 'ş': "s",
	'ł': "l",
	'ţ': "t", 'ť': "t",
	'ŕ': "r", 'ř': "r",
	'ğ': "g",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ð': "d",
}

func foldAccent(r rune) (string, bool) {
	f, ok := accentFolds[r]
	return f, ok
}

// soundRewrites turn spellings that sound alike into one spelling before
// coding. Order matters: longer patterns first.
var soundRewrites = strings.NewReplacer(
	"sch", "sk", "tch", "ch", "mps", "ms", "ph", "f", "gh", "", "ck", "k",
	"kh", "k", "wh", "w", "th", "t", "dg", "g", "q", "k", "x", "ks", "z", "s",
)

// SoundKey is a word's sound-alike key: consonants coded by how they sound,
// repeats collapsed, vowels dropped except a leading one, at most six codes.
func SoundKey(word string) string {
	w := word
	for _, p := range [][2]string{{"kn", "n"}, {"wr", "r"}, {"ps", "s"}, {"mac", "mc"}} {
		if strings.HasPrefix(w, p[0]) {
			w = p[1] + w[len(p[0]):]
		}
	}
	w = soundRewrites.Replace(w)
	var b strings.Builder
	var last byte
	for i := 0; i < len(w) && b.Len() < 6; i++ {
		c := soundClass(w[i])
		switch {
		case c == 0 && i == 0:
			b.WriteByte('A')
			last = 0
		case c == 0:
			// Vowels separate repeats ("Anna" has one n, "Hannah" too), but
			// h, w and y do not.
			if w[i] != 'h' && w[i] != 'w' && w[i] != 'y' {
				last = 0
			}
		case c != last:
			b.WriteByte(c)
			last = c
		}
	}
	return b.String()
}

func soundClass(c byte) byte {
	switch c {
	case 'b', 'p', 'f', 'v':
		return '1'
	case 'c', 'g', 'j', 'k', 's':
		return '2'
	case 'd', 't':
		return '3'
	case 'l':
		return '4'
	case 'm', 'n':
		return '5'
	case 'r':
		return '6'
	}
	return 0
}

// NameKeys returns the keys a person is stored under for the given names.
func NameKeys(names ...string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, tok := range NameTokens(names...) {
		for _, k := range []string{"=" + tok, "~" + SoundKey(tok)} {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// EditDistance is the Levenshtein distance between two words, used to rank
// sound-alike matches by how close their spelling is.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
