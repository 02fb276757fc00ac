package letters

import (
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
)

// rgb is a colour in the DeviceRGB space.
type rgb struct{ r, g, b uint8 }

// style is a font, size and colour for a run of text.
type style struct {
	bold  bool
	size  float64 // points
	color rgb
}

// align is the horizontal alignment of a line within its column.
type align int

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// line is one laid-out line of text. Its x and width describe the column it
// sits in; alignment is applied within that column when it is drawn.
type line struct {
	text   string
	style  style
	x      float64 // left edge of the column, points from the page's left edge
	width  float64 // column width in points
	align  align
	height float64 // leading: the vertical space the line takes
	shaded bool    // drawn on the shaded background of a call-out box
	// hold keeps the next line on the same row: a table's cells are held
	// lines but for the last, which moves the flow down.
	hold bool
	// anchor names a line that a table of contents points to.
	anchor string
}

// block is a unit of the flowing text, such as a paragraph.
type block struct {
	lines        []line
	spaceBefore  float64
	keepTogether bool // move the whole block to a new page rather than split it
	keepWithNext bool // never leave this block at the foot of a page without the start of the next
}

// placed is a line at its position on a page; top is the top of its line box.
type placed struct {
	line
	top float64
}

// hrule is a horizontal rule drawn on a page.
type hrule struct {
	x1, x2, y, width float64
	color            rgb
}

// page is everything drawn on one page apart from the running header and footer.
type page struct {
	lines []placed
	rules []hrule
}

// frame is the area of a page the flowing text may use.
type frame struct {
	firstTop float64 // where the flow starts on page one (below the letterhead)
	top      float64 // where it starts on continuation pages
	bottom   float64 // it may not go below this on any page
	maxPages int
}

// paginate places the blocks on pages, starting on first, which may already
// hold absolutely positioned lines such as the letterhead.
func paginate(first page, blocks []block, f frame) ([]page, error) {
	pages := []page{first}
	// Page one is "at the top" only if nothing is on it yet: below a
	// letterhead, the first block may need to move on like any other.
	y, atTop := f.firstTop, len(first.lines) == 0
	newPage := func() error {
		if len(pages) >= f.maxPages {
			return fmt.Errorf("%w: it would run to more than %d pages", ErrTooLong, f.maxPages)
		}
		pages = append(pages, page{})
		y, atTop = f.top, true
		return nil
	}
	for i, b := range blocks {
		if len(b.lines) == 0 {
			continue
		}
		if !atTop {
			y += b.spaceBefore
		}
		if !atTop && y+needed(blocks, i, f) > f.bottom {
			if err := newPage(); err != nil {
				return nil, err
			}
		}
		for j, l := range b.lines {
			if !atTop && (y+l.height > f.bottom || widowBreak(b.lines, j, y, f.bottom)) {
				if err := newPage(); err != nil {
					return nil, err
				}
			}
			cur := &pages[len(pages)-1]
			cur.lines = append(cur.lines, placed{line: l, top: y})
			if !l.hold {
				y += l.height
			}
			atTop = false
		}
	}
	return pages, nil
}

// needed is the height that must fit at the current position before block i
// starts: the part of the block that may not be split from its start (see
// head), plus, for a short block kept with the next, the whole block and the
// start of the next.
func needed(blocks []block, i int, f frame) float64 {
	b := blocks[i]
	if b.keepWithNext && i+1 < len(blocks) && rowsOf(b.lines) <= 3 {
		next := blocks[i+1]
		return heightOf(b.lines) + next.spaceBefore + head(next, f)
	}
	return head(b, f)
}

// head is the height of the start of a block that must go on one page: the
// whole block if it is kept together and fits on a page at all, otherwise its
// first two lines, so that no single line is orphaned.
func head(b block, f frame) float64 {
	if total := heightOf(b.lines); b.keepTogether && total <= f.bottom-f.top {
		return total
	}
	return heightOf(b.lines[:min(2, len(b.lines))])
}

// widowBreak reports whether to break before line j so that the last line of
// a paragraph of three or more lines does not end up alone on a new page.
func widowBreak(lines []line, j int, y, bottom float64) bool {
	n := len(lines)
	if n < 4 || j != n-2 || lines[j].hold {
		// A held line is a table cell: its row is never split.
		return false
	}
	return y+lines[j].height <= bottom && y+lines[j].height+lines[j+1].height > bottom
}

// rowsOf counts the rows some lines take: a held line shares the row of
// the line after it.
func rowsOf(lines []line) int {
	n := 0
	for _, l := range lines {
		if !l.hold {
			n++
		}
	}
	return n
}

// heightOf is the total leading of some lines; a held line shares the
// height of the row it is in.
func heightOf(lines []line) float64 {
	h := 0.0
	for _, l := range lines {
		if !l.hold {
			h += l.height
		}
	}
	return h
}

// measurer measures text set in the embedded fonts using gopdf's own metrics,
// caching the advance width of each character so that laying out long
// letters stays fast. Without kerning, which is off, the width of a string
// is exactly the sum of the widths of its characters.
type measurer struct {
	pdf   *gopdf.GoPdf
	cache [2]map[rune]float64 // [regular, bold]: advance per point of font size
}

func newMeasurer(pdf *gopdf.GoPdf) *measurer {
	return &measurer{pdf: pdf, cache: [2]map[rune]float64{{}, {}}}
}

// runeWidth is the advance of r in points at a font size of one point.
func (m *measurer) runeWidth(bold bool, r rune) (float64, error) {
	i, family := 0, familyRegular
	if bold {
		i, family = 1, familyBold
	}
	if w, ok := m.cache[i][r]; ok {
		return w, nil
	}
	// Measure at 1000 pt so that gopdf's integer glyph units come out exact.
	if err := m.pdf.SetFont(family, "", 1000); err != nil {
		return 0, err
	}
	w, err := m.pdf.MeasureTextWidth(string(r))
	if err != nil {
		return 0, err
	}
	w /= 1000
	m.cache[i][r] = w
	return w, nil
}

// width is the width of s in points when set in st.
func (m *measurer) width(st style, s string) (float64, error) {
	total := 0.0
	for _, r := range s {
		w, err := m.runeWidth(st.bold, r)
		if err != nil {
			return 0, err
		}
		total += w
	}
	return total * st.size, nil
}

// wrap breaks text into lines no wider than max points when set in st. Lines
// break at spaces; a "\n" forces a break; a word too long for a line of its
// own is broken, preferably after a hyphen, dash or slash.
func (m *measurer) wrap(st style, text string, max float64) ([]string, error) {
	var out []string
	space, err := m.width(st, " ")
	if err != nil {
		return nil, err
	}
	for _, hard := range strings.Split(text, "\n") {
		var cur []string
		curW := 0.0
		for _, word := range strings.FieldsFunc(hard, func(r rune) bool { return r == ' ' }) {
			w, err := m.width(st, word)
			if err != nil {
				return nil, err
			}
			switch {
			case len(cur) > 0 && curW+space+w <= max:
				cur, curW = append(cur, word), curW+space+w
				continue
			case len(cur) > 0:
				out = append(out, strings.Join(cur, " "))
				cur, curW = nil, 0
			}
			if w <= max {
				cur, curW = []string{word}, w
				continue
			}
			pieces, err := m.breakWord(st, word, max)
			if err != nil {
				return nil, err
			}
			out = append(out, pieces[:len(pieces)-1]...)
			last := pieces[len(pieces)-1]
			cur = []string{last}
			if curW, err = m.width(st, last); err != nil {
				return nil, err
			}
		}
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
		}
	}
	return out, nil
}

// breakWord splits a word wider than max into pieces that each fit, breaking
// after the last hyphen, dash or slash that fits where there is one, and
// otherwise between characters. Every piece holds at least one character.
func (m *measurer) breakWord(st style, word string, max float64) ([]string, error) {
	var pieces []string
	runes := []rune(word)
	for len(runes) > 0 {
		w, end, soft := 0.0, 0, 0
		for end < len(runes) {
			rw, err := m.runeWidth(st.bold, runes[end])
			if err != nil {
				return nil, err
			}
			if end > 0 && w+rw*st.size > max {
				break
			}
			w += rw * st.size
			end++
			if strings.ContainsRune("-/\u2010\u2013\u2014", runes[end-1]) && end < len(runes) {
				soft = end
			}
		}
		if end < len(runes) && soft > end/2 {
			end = soft
		}
		pieces = append(pieces, string(runes[:end]))
		runes = runes[end:]
	}
	return pieces, nil
}

// textBlock wraps each paragraph of text into a column and returns it as a
// block. Each line takes the given leading.
func (m *measurer) textBlock(st style, text string, x, width, leading float64, a align) (block, error) {
	wrapped, err := m.wrap(st, text, width)
	if err != nil {
		return block{}, err
	}
	b := block{lines: make([]line, 0, len(wrapped))}
	for _, t := range wrapped {
		b.lines = append(b.lines, line{text: t, style: st, x: x, width: width, align: a, height: leading})
	}
	return b, nil
}
