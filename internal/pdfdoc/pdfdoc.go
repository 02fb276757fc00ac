// Package pdfdoc checks documents uploaded as PDF and reads their text. A
// file is accepted only if it begins as a PDF does (the magic bytes
// "%PDF-" and a version) and its structure parses: an end-of-file marker,
// and a startxref offset that points at a cross-reference table or stream
// inside the file. The text is read with pdftotext (poppler-utils) where it
// is installed; where it is not, people paste the text instead.
package pdfdoc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cairn/internal/csc"
)

// MaxSize is the largest PDF accepted: 10 MiB, ample for an inspection
// report or a board paper, small enough to hold in the database.
const MaxSize = 10 << 20

// MediaType is the media type stored with every accepted document.
const MediaType = "application/pdf"

// Info is what the check learned about a PDF.
type Info struct {
	Version   string // "1.7"
	Encrypted bool   // its text cannot be read without a password
}

// Check reports whether b is a PDF cairn will keep. A refusal is an
// Invalid *csc.Error whose message is written for the person uploading and
// never quotes the file.
func Check(b []byte) (Info, error) {
	var info Info
	switch {
	case len(b) == 0:
		return info, csc.Errorf(csc.Invalid, "The file is empty. Choose the PDF again.")
	case len(b) > MaxSize:
		return info, csc.Errorf(csc.Invalid, "The file is %s; a PDF can be at most %s.", size(len(b)), size(MaxSize))
	}
	head := b[:min(len(b), 1024)]
	at := bytes.Index(head, []byte("%PDF-"))
	if at < 0 || at+8 > len(b) || !isDigit(b[at+5]) || b[at+6] != '.' || !isDigit(b[at+7]) {
		return info, csc.Errorf(csc.Invalid, "The file is not a PDF. Save or export it as a PDF and upload that.")
	}
	info.Version = string(b[at+5 : at+8])
	damaged := func(why string) error {
		return csc.Errorf(csc.Invalid, "The file begins as a PDF but is damaged or incomplete (%s). Save a fresh copy as a PDF and upload that.", why)
	}
	tailFrom := max(0, len(b)-2048)
	eof := bytes.LastIndex(b[tailFrom:], []byte("%%EOF"))
	if eof < 0 {
		return info, damaged("it has no end-of-file marker")
	}
	eof += tailFrom
	sx := bytes.LastIndex(b[:eof], []byte("startxref"))
	if sx < 0 {
		return info, damaged("its cross-reference table cannot be found")
	}
	off, ok := readOffset(b[sx+len("startxref") : eof])
	if !ok || !(xrefAt(b, at+off) || (at > 0 && xrefAt(b, off))) {
		return info, damaged("its cross-reference table cannot be found")
	}
	info.Encrypted = bytes.Contains(b[sx-min(sx, 4096):eof], []byte("/Encrypt")) ||
		bytes.Contains(b[at+off:min(len(b), at+off+4096)], []byte("/Encrypt"))
	return info, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// readOffset reads the byte offset written after startxref.
func readOffset(b []byte) (int, bool) {
	s := strings.TrimFunc(string(b), func(r rune) bool { return r < utf8.RuneSelf && isSpace(byte(r)) })
	if s == "" || len(s) > 10 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// xrefAt reports whether a cross-reference table ("xref") or stream
// ("12 0 obj") starts at offset off, after any white space.
func xrefAt(b []byte, off int) bool {
	if off < 0 || off >= len(b) {
		return false
	}
	rest := b[off:min(len(b), off+64)]
	i := 0
	for i < len(rest) && isSpace(rest[i]) {
		i++
	}
	rest = rest[i:]
	if bytes.HasPrefix(rest, []byte("xref")) {
		return true
	}
	// An indirect object header: integer, space, integer, space, "obj".
	fields := 0
	for fields < 2 {
		j := 0
		for j < len(rest) && isDigit(rest[j]) {
			j++
		}
		if j == 0 || j == len(rest) || !isSpace(rest[j]) {
			return false
		}
		for j < len(rest) && isSpace(rest[j]) {
			j++
		}
		rest = rest[j:]
		fields++
	}
	return bytes.HasPrefix(rest, []byte("obj"))
}

// size writes a byte count as people read it: "12.3 MB", "900 KB".
func size(n int) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.Itoa(n/(1<<10)) + " KB"
	}
	return strconv.Itoa(n) + " bytes"
}

// ErrNoReader is returned by Text when pdftotext is not installed.
var ErrNoReader = errors.New("pdfdoc: pdftotext (poppler-utils) is not installed")

// maxText bounds the text read from a PDF: far more than any letter.
const maxText = 4 << 20

// Text reads a checked PDF's text with pdftotext and says how many pages
// it has. It gives up after 30 seconds. The text keeps the PDF's lines;
// pages are separated by a blank line.
func Text(ctx context.Context, pdf []byte) (text string, pages int, err error) {
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", 0, ErrNoReader
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-q", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out := &capped{max: maxText}
	cmd.Stdout = out
	if err := cmd.Run(); err != nil {
		return "", 0, fmt.Errorf("pdfdoc: pdftotext: %w", err)
	}
	s := strings.ToValidUTF8(out.b.String(), "")
	pages = strings.Count(s, "\f")
	if pages == 0 && strings.TrimSpace(s) != "" {
		pages = 1
	}
	s = strings.ReplaceAll(s, "\f", "\n\n")
	return strings.TrimSpace(s), pages, nil
}

// capped keeps the first max bytes written to it and drops the rest.
type capped struct {
	b   bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.b.Len(); room > 0 {
		c.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
