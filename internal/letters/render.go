package letters

import (
	"fmt"
	"time"

	"github.com/signintech/gopdf"
)

// Page geometry, in points (gopdf's A4 is 595 × 842 pt).
const (
	mm          = 72.0 / 25.4
	pageWidth   = 595.0
	pageHeight  = 842.0
	marginLeft  = 22 * mm
	marginRight = 22 * mm
	marginTop   = 20 * mm
	// The flowing text stops 25 mm above the foot of the page; the footer
	// sits in that margin.
	bodyBottom   = pageHeight - 25*mm
	footerRule   = pageHeight - 19*mm
	footerLine   = pageHeight - 14*mm
	markingLine  = 11 * mm
	contentWidth = pageWidth - marginLeft - marginRight
)

// Colours.
var (
	colText    = rgb{0x1a, 0x1a, 0x1a}
	colHeading = rgb{0x1b, 0x3a, 0x5c}
	colMuted   = rgb{0x55, 0x5b, 0x63}
	colRule    = rgb{0xa8, 0xb0, 0xb8}
	colShade   = rgb{0xec, 0xf1, 0xf6}
)

// docInfo is what goes in the PDF's document information dictionary.
type docInfo struct {
	title   string
	author  string
	subject string
	date    time.Time // civil date; the creation date is set to its midnight UTC
}

// chrome is the running matter drawn on every page.
type chrome struct {
	marking      string // protective marking, centred at the head of each page
	footer       string // confidentiality statement at the foot of each page
	continuation string // shown at the head of pages after the first
}

// newPDF starts an A4 document with the embedded fonts loaded. Characters
// the fonts lack are drawn as a question mark.
func newPDF(info docInfo) (*gopdf.GoPdf, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// Page content streams are left uncompressed: gopdf makes a fresh zlib
	// writer (about 700 KB of buffers) for each page, which doubled the time
	// to render a letter, to save about 10 KB on a two-page one. The
	// embedded font subsets are compressed regardless.
	pdf.SetNoCompression()
	opt := gopdf.TtfOption{
		OnGlyphNotFoundSubstitute: func(rune) rune { return missingGlyph },
	}
	if err := pdf.AddTTFFontDataWithOption(familyRegular, fontRegular, opt); err != nil {
		return nil, fmt.Errorf("letters: loading regular font: %w", err)
	}
	if err := pdf.AddTTFFontDataWithOption(familyBold, fontBold, opt); err != nil {
		return nil, fmt.Errorf("letters: loading bold font: %w", err)
	}
	y, m, d := info.date.Date()
	// An explicit creation date keeps the output reproducible: gopdf writes
	// none unless told, and no modification date or random file identifier.
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        info.title,
		Author:       info.author,
		Subject:      info.subject,
		Creator:      "cairn",
		Producer:     "cairn letters (gopdf)",
		CreationDate: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
	})
	return pdf, nil
}

// draw renders the laid-out pages, with the running header and footer and
// "Page N of M" on each, and returns the finished PDF.
func draw(pdf *gopdf.GoPdf, m *measurer, pages []page, c chrome) ([]byte, error) {
	for i, p := range pages {
		pdf.AddPage()
		drawShading(pdf, p.lines)
		for _, r := range p.rules {
			drawRule(pdf, r)
		}
		for _, l := range p.lines {
			if err := drawLine(pdf, m, l.line, l.top); err != nil {
				return nil, err
			}
		}
		if err := drawChrome(pdf, m, c, i+1, len(pages)); err != nil {
			return nil, err
		}
	}
	out, err := pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("letters: writing PDF: %w", err)
	}
	return out, nil
}

// drawShading fills the background of each run of consecutive shaded lines
// and marks its left edge with a bar, making a call-out box.
func drawShading(pdf *gopdf.GoPdf, lines []placed) {
	for i := 0; i < len(lines); i++ {
		if !lines[i].shaded {
			continue
		}
		top, bottom := lines[i].top, lines[i].top+lines[i].height
		for i+1 < len(lines) && lines[i+1].shaded && lines[i+1].top == bottom {
			i++
			bottom = lines[i].top + lines[i].height
		}
		setFill(pdf, colShade)
		pdf.RectFromUpperLeftWithStyle(marginLeft, top, contentWidth, bottom-top, "F")
		setFill(pdf, colHeading)
		pdf.RectFromUpperLeftWithStyle(marginLeft, top, 3, bottom-top, "F")
	}
}

// drawLine sets one line of text. The baseline sits so that the text is
// vertically centred in its leading.
func drawLine(pdf *gopdf.GoPdf, m *measurer, l line, top float64) error {
	if l.text == "" {
		return nil
	}
	// Measure before setting the font: measuring changes the current font.
	x := l.x
	if l.align != alignLeft {
		w, err := m.width(l.style, l.text)
		if err != nil {
			return err
		}
		if l.align == alignRight {
			x += l.width - w
		} else {
			x += (l.width - w) / 2
		}
	}
	family := familyRegular
	if l.style.bold {
		family = familyBold
	}
	if err := pdf.SetFont(family, "", l.style.size); err != nil {
		return err
	}
	pdf.SetTextColor(l.style.color.r, l.style.color.g, l.style.color.b)
	// Liberation Sans: cap height ≈ 0.72 em, so this centres capitals and
	// x-height text nicely within the leading.
	pdf.SetXY(x, top+(l.height+0.70*l.style.size)/2)
	return pdf.Text(l.text)
}

// drawChrome draws the protective marking, the continuation header on pages
// after the first, and the footer with its page number.
func drawChrome(pdf *gopdf.GoPdf, m *measurer, c chrome, n, total int) error {
	small := style{size: 8, color: colMuted}
	marking := style{bold: true, size: 8, color: colMuted}
	lines := []placed{
		{line: line{text: c.marking, style: marking, x: marginLeft, width: contentWidth, align: alignCenter, height: 10}, top: markingLine - 5},
		{line: line{text: c.footer, style: small, x: marginLeft, width: contentWidth, height: 10}, top: footerLine},
		{line: line{text: fmt.Sprintf("Page %d of %d", n, total), style: small, x: marginLeft, width: contentWidth, align: alignRight, height: 10}, top: footerLine},
	}
	if n > 1 {
		lines = append(lines, placed{line: line{text: c.continuation, style: style{size: 9, color: colMuted}, x: marginLeft, width: contentWidth, height: 12}, top: marginTop - 6})
		drawRule(pdf, hrule{x1: marginLeft, x2: pageWidth - marginRight, y: marginTop + 8, width: 0.5, color: colRule})
	}
	for _, l := range lines {
		if err := drawLine(pdf, m, l.line, l.top); err != nil {
			return err
		}
	}
	drawRule(pdf, hrule{x1: marginLeft, x2: pageWidth - marginRight, y: footerRule, width: 0.5, color: colRule})
	return nil
}

// drawRule draws a horizontal rule.
func drawRule(pdf *gopdf.GoPdf, r hrule) {
	pdf.SetStrokeColor(r.color.r, r.color.g, r.color.b)
	pdf.SetLineWidth(r.width)
	pdf.Line(r.x1, r.y, r.x2, r.y)
}

func setFill(pdf *gopdf.GoPdf, c rgb) {
	pdf.SetFillColor(c.r, c.g, c.b)
}
