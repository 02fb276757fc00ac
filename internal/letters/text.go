package letters

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// missingGlyph stands in for any character the embedded font cannot draw.
const missingGlyph = '?'

// cleanText makes caller-supplied text safe to lay out: invalid UTF-8 becomes
// the missing-glyph mark, line endings are normalised to "\n", tabs and the
// other Unicode spaces become plain spaces (non-breaking spaces are kept),
// and control, format, private-use and surrogate characters are dropped.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(missingGlyph))
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\u00a0' || r == '\u202f':
			b.WriteRune('\u00a0')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs):
			// Dropped: invisible or undrawable.
		case r == utf8.RuneError || r >= 0xfff0:
			b.WriteRune(missingGlyph)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanLine is cleanText for a single-line field: line breaks become spaces,
// runs of spaces collapse to one and leading and trailing spaces go.
func cleanLine(s string) string {
	s = strings.ReplaceAll(cleanText(s), "\n", " ")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
}

// paragraphs splits text into paragraphs at blank lines. Within a paragraph a
// single line break is kept as a forced break, so callers can write short
// lists one item per line. Empty paragraphs are dropped.
func paragraphs(s string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(cleanText(s), "\n") {
		line = strings.TrimRight(line, " ")
		if strings.Trim(line, " \u00a0") == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// cleanLines cleans a list of address lines, dropping empty ones.
func cleanLines(lines []string) []string {
	var out []string
	for _, l := range lines {
		if c := cleanLine(l); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// formatDate formats the civil date of t in the usual British style,
// e.g. "3 March 2026". The time and location of t are ignored.
func formatDate(t time.Time) string {
	return t.Format("2 January 2006")
}

// formatDateTime formats t in its own location, e.g. "3 March 2026 at 14:05".
func formatDateTime(t time.Time) string {
	return t.Format("2 January 2006 at 15:04")
}
