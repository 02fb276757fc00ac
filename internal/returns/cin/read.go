package cin

import (
	"errors"
	"fmt"
	"io"

	"cairn/internal/csc"
	"cairn/internal/returns"
)

// MaxFileSize bounds a census file. The largest authority's census is tens
// of megabytes and a 1,000,000-child file about a gigabyte; a larger file is
// a mistake, and is refused rather than read without end.
const MaxFileSize = 1536 << 20

// maxProblems bounds the input problems kept from one file; the rest are
// counted.
const maxProblems = 1000

// maxDepth bounds element nesting; the census needs seven levels.
const maxDepth = 24

// Reader reads a census file one child at a time. Header holds the file's
// Header once the first child has been read (or the file has ended).
type Reader struct {
	name     string
	sc       *scanner
	Header   Header
	problems []returns.Problem
	dropped  int // problems beyond maxProblems
	started  bool
	done     bool
	gender   bool // a child had GenderCurrent and no Sex
	children int

	stack []frame
	val   []byte // the text of the element being read
	c     *Child
	skip  int // depth of an element being skipped, 0 when none
}

type frame struct {
	name string
	line int
	kids bool
}

// NewReader reads the census in r, named name in messages, refusing more
// than limit bytes (MaxFileSize when limit is 0).
func NewReader(name string, r io.Reader, limit int64) *Reader {
	if limit <= 0 {
		limit = MaxFileSize
	}
	return &Reader{name: name, sc: newScanner(r, limit)}
}

// Problems returns the input problems found so far: malformed children
// (which were not validated), unknown elements, values that are not dates.
func (r *Reader) Problems() []returns.Problem {
	ps := r.problems
	if r.dropped > 0 {
		ps = append(ps[:len(ps):len(ps)], returns.Problem{File: r.name, Message: fmt.Sprintf("and %d more input problems", r.dropped)})
	}
	if r.gender {
		ps = append(ps[:len(ps):len(ps)], returns.Problem{File: r.name, Message: "children have GenderCurrent and no Sex: the file follows the 2023/24 specification or earlier; from 2024/25 the census has Sex (M, F or U)"})
	}
	return ps
}

// Children returns how many Child elements have been read, well-formed or
// not.
func (r *Reader) Children() int { return r.children }

// ErrUnusable wraps every error that means the file cannot be used at all:
// not XML, not a census, truncated, too large, a document type declaration,
// an encoding other than UTF-8.
var ErrUnusable = errors.New("the file cannot be used")

func (r *Reader) problem(child string, line int, format string, args ...any) {
	if len(r.problems) >= maxProblems {
		r.dropped++
		return
	}
	r.problems = append(r.problems, returns.Problem{File: r.name, Child: child, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (r *Reader) unusable(format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrUnusable, r.name, fmt.Sprintf(format, args...))
}

// Next reads the next child into c, reporting false at the end of the file.
// A child whose XML is malformed is reported as a problem and skipped, and
// the next child is read. The error is for a file that cannot be used.
func (r *Reader) Next(c *Child) (bool, error) {
	if r.done {
		return false, nil
	}
	if !r.started {
		r.started = true
		if err := r.sc.bom(); err != nil {
			return false, r.unusable("%s", err.(*syntaxError).msg)
		}
	}
	for {
		*c = Child{}
		ok, err := r.readUntilChild(c)
		if err != nil || !ok {
			r.done = true
			return false, err
		}
		r.children++
		r.c = c
		err = r.readChild()
		r.c = nil
		if err == nil {
			r.gender = r.gender || c.Sex == "" && c.GenderCurrent != ""
			return true, nil
		}
		var se *syntaxError
		if !errors.As(err, &se) || se.fatal {
			r.done = true
			if se != nil {
				return false, r.unusable("line %d: %s", se.line, se.msg)
			}
			return false, err
		}
		r.problem(c.LAchildID, se.line, "this child's XML is malformed (%s); the child was not validated", se.msg)
		if !r.sc.skipToChildEnd() {
			r.done = true
			return false, r.unusable("line %d: the file ends inside a Child: it is truncated", r.sc.line)
		}
		r.stack = r.stack[:2] // Message, Children
	}
}

// readUntilChild reads the document outside children: the root, the
// Header and the Children element, up to the start of the next Child.
func (r *Reader) readUntilChild(c *Child) (bool, error) {
	sc := r.sc
	for {
		k, err := sc.token()
		if err != nil {
			var se *syntaxError
			if errors.As(err, &se) {
				return false, r.unusable("line %d: %s", se.line, se.msg)
			}
			return false, err
		}
		switch k {
		case tokEOF:
			if len(r.stack) == 0 {
				if r.children == 0 && r.Header.Line == 0 {
					return false, r.unusable("the file has no XML elements")
				}
				return false, nil
			}
			return false, r.unusable("the file ends inside %s: it is truncated", r.stack[len(r.stack)-1].name)
		case tokText:
			r.val = append(r.val, sc.text...)
			if len(trimSpace(sc.text)) > 0 {
				if len(r.stack) == 0 {
					return false, r.unusable("the file is not XML")
				}
				if r.skip == 0 {
					if f := r.stack[len(r.stack)-1]; f.kids {
						r.problem("", sc.line, "text %q under %s was not read", clip(string(trimSpace(sc.text))), f.name)
					}
				}
			}
		case tokStart:
			r.val = r.val[:0]
			name := string(sc.name)
			line := sc.line
			depth := len(r.stack)
			if depth == 0 {
				if name != "Message" {
					return false, r.unusable("the root element is %s, not Message: not a CIN census file", clip(name))
				}
			}
			if r.skip == 0 && depth == 2 && r.stack[1].name == "Children" && name == "Child" && !sc.self {
				r.push(name, line)
				c.Line = line
				return true, nil
			}
			if r.skip == 0 && depth >= 1 && !r.knownOutside(name) {
				r.problem("", line, "unexpected element %s under %s; it was not read", clip(name), r.stack[depth-1].name)
				r.skip = depth + 1
			}
			if !sc.self {
				if err := r.pushChecked(name, line); err != nil {
					return false, err
				}
			} else if r.skip == depth+1 {
				r.skip = 0
			} else {
				r.endOutside(name, nil)
			}
		case tokEnd:
			f, err := r.pop()
			if err != nil {
				return false, err
			}
			r.endOutside(f.name, r.val)
			r.val = r.val[:0]
			if r.skip > len(r.stack) {
				r.skip = 0
			}
		}
	}
}

// knownOutside reports whether name is expected where it is, outside a Child.
func (r *Reader) knownOutside(name string) bool {
	parent := r.stack[len(r.stack)-1].name
	switch parent {
	case "Message":
		if name == "Header" {
			r.Header.Line = r.sc.line
		}
		return name == "Header" || name == "Children"
	case "Header":
		return name == "CollectionDetails" || name == "Source"
	case "CollectionDetails":
		return name == "Collection" || name == "Year" || name == "ReferenceDate"
	case "Source":
		switch name {
		case "SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime":
			return true
		}
	}
	return false
}

// endOutside records a Header value when its element ends.
func (r *Reader) endOutside(name string, text []byte) {
	if r.skip != 0 || len(r.stack) == 0 {
		return
	}
	v := string(trimSpace(text))
	h := &r.Header
	switch r.stack[len(r.stack)-1].name {
	case "CollectionDetails":
		switch name {
		case "Collection":
			h.Collection = v
		case "Year":
			h.Year = v
		case "ReferenceDate":
			d, ok := parseDate(trimSpace(text))
			if !ok && v != "" {
				r.problem("", r.sc.line, "ReferenceDate %q is not a date (YYYY-MM-DD)", clip(v))
			}
			h.ReferenceDate = d
		}
	case "Source":
		if h.LEA != "" && name == "SourceLevel" {
			return // a second Source; the first is the one reported
		}
		switch name {
		case "SourceLevel":
			h.SourceLevel = v
		case "LEA":
			h.LEA = v
		case "SoftwareCode":
			h.SoftwareCode = v
		case "Release":
			h.Release = v
		case "SerialNo":
			h.SerialNo = v
		case "DateTime":
			h.DateTime = v
		}
	}
}

func (r *Reader) push(name string, line int) {
	if n := len(r.stack); n > 0 {
		r.stack[n-1].kids = true
	}
	r.stack = append(r.stack, frame{name: name, line: line})
}

func (r *Reader) pushChecked(name string, line int) error {
	if len(r.stack) >= maxDepth {
		return r.unusable("line %d: elements are nested too deeply", line)
	}
	r.push(name, line)
	return nil
}

func (r *Reader) pop() (frame, error) {
	sc := r.sc
	if len(r.stack) == 0 {
		return frame{}, r.unusable("line %d: an end tag </%s> has no start tag", sc.line, clip(string(sc.name)))
	}
	f := r.stack[len(r.stack)-1]
	if f.name != string(sc.name) {
		return frame{}, r.unusable("line %d: the end tag </%s> does not match <%s> on line %d", sc.line, clip(string(sc.name)), clip(f.name), f.line)
	}
	r.stack = r.stack[:len(r.stack)-1]
	return f, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// bom skips a UTF-8 byte order mark and refuses UTF-16 and UTF-32 files.
func (s *scanner) bom() error {
	if !s.fill() {
		if s.rerr != nil {
			return s.eofErr("the file")
		}
		return nil
	}
	for s.end-s.pos < 4 && !s.eof {
		// A short first read: take more so the mark can be seen whole.
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		s.read += int64(n)
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
		}
	}
	b := s.buf[s.pos:s.end]
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		s.pos += 3
	case len(b) >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE),
		len(b) >= 2 && (b[0] == 0 || b[1] == 0):
		return s.fatal("the file is UTF-16 or UTF-32; census files must be UTF-8")
	}
	return nil
}

var _ = csc.Date{}
