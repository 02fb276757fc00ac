package cin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// scanner is a small XML tokenizer for census files. encoding/xml would do,
// but it reads about 30 MB a second, a 1,000,000-child census is over a
// gigabyte, and a census needs little of XML: elements, text, the five
// predefined entities and character references, comments, CDATA and an XML
// declaration. Everything that could make a read unbounded is refused or
// bounded: a document type declaration (and so any entity definition and its
// expansion), names and tags longer than maxTag, values longer than maxText,
// and more than limit bytes in all.
type scanner struct {
	r     io.Reader
	buf   []byte
	pos   int
	end   int
	eof   bool
	rerr  error
	line  int
	read  int64 // bytes taken from r
	limit int64

	name []byte // the current tag's local name
	text []byte // the current text, entities resolved
	self bool   // the current start tag closed itself (<x/>)
	decl bool   // an XML declaration may still come (nothing read yet)
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

const (
	maxTag  = 4 << 10 // a start tag with its attributes
	maxText = 4 << 10 // one value; the longest census value is a few dozen bytes
)

// syntaxError is a place where the file is not well-formed XML, or is XML
// the reader refuses. fatal errors stop the read whatever is being read.
type syntaxError struct {
	line  int
	msg   string
	fatal bool
}

func (e *syntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// errTooLarge is returned when the input passes the scanner's limit.
var errTooLarge = errors.New("too large")

func newScanner(r io.Reader, limit int64) *scanner {
	return &scanner{r: r, buf: make([]byte, 256<<10), line: 1, limit: limit, decl: true}
}

func (s *scanner) fail(format string, args ...any) error {
	return &syntaxError{line: s.line, msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) fatal(format string, args ...any) error {
	return &syntaxError{line: s.line, msg: fmt.Sprintf(format, args...), fatal: true}
}

// fill moves what is left of the buffer to its start and reads more. It
// reports whether any byte is available.
func (s *scanner) fill() bool {
	if s.pos < s.end {
		return true
	}
	if s.eof {
		return false
	}
	s.pos, s.end = 0, 0
	for s.end == 0 {
		n, err := s.r.Read(s.buf)
		s.end = n
		s.read += int64(n)
		if s.read > s.limit {
			s.eof, s.rerr = true, errTooLarge
			s.end = 0
			return false
		}
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			return n > 0
		}
	}
	return true
}

func (s *scanner) peek() (byte, bool) {
	if s.pos >= s.end && !s.fill() {
		return 0, false
	}
	return s.buf[s.pos], true
}

func (s *scanner) next() (byte, bool) {
	if s.pos >= s.end && !s.fill() {
		return 0, false
	}
	b := s.buf[s.pos]
	s.pos++
	if b == '\n' {
		s.line++
	}
	return b, true
}

// eofErr is the error for input that ends where more was needed.
func (s *scanner) eofErr(what string) error {
	if s.rerr == errTooLarge {
		return s.fatal("the file is larger than %d MB; it is not a census file", s.limit>>20)
	}
	if s.rerr != nil {
		return s.fatal("the file could not be read: %v", s.rerr)
	}
	return s.fatal("the file ends inside %s: it is truncated", what)
}

// token reads the next token. Text between elements is returned as tokText
// with s.text holding it, entities resolved; the caller ignores what it does
// not need.
func (s *scanner) token() (tokKind, error) {
	for {
		b, ok := s.peek()
		if !ok {
			if s.rerr != nil {
				return tokEOF, s.eofErr("the file")
			}
			return tokEOF, nil
		}
		if b != '<' {
			s.decl = false
			return tokText, s.readText()
		}
		s.next()
		c, ok := s.peek()
		if !ok {
			return 0, s.eofErr("a tag")
		}
		switch c {
		case '?':
			if err := s.readPI(); err != nil {
				return 0, err
			}
			continue
		case '!':
			s.decl = false
			k, err := s.readBang()
			if err != nil || k == tokText {
				return k, err
			}
			continue
		case '/':
			s.decl = false
			s.next()
			if err := s.readName(); err != nil {
				return 0, err
			}
			s.skipSpace()
			if b, ok := s.next(); !ok {
				return 0, s.eofErr("an end tag")
			} else if b != '>' {
				return 0, s.fail("an end tag has something after its name")
			}
			return tokEnd, nil
		}
		s.decl = false
		return tokStart, s.readStart()
	}
}

// readText reads character data up to the next '<'.
func (s *scanner) readText() error {
	s.text = s.text[:0]
	for {
		if s.pos >= s.end && !s.fill() {
			if s.rerr != nil {
				return s.eofErr("the file")
			}
			return nil
		}
		chunk := s.buf[s.pos:s.end]
		i := bytes.IndexAny(chunk, "<&")
		if i < 0 {
			i = len(chunk)
		}
		if err := s.addText(chunk[:i]); err != nil {
			return err
		}
		s.line += bytes.Count(chunk[:i], []byte{'\n'})
		s.pos += i
		if i < len(chunk) {
			if chunk[i] == '<' {
				return s.checkText()
			}
			s.pos++
			if err := s.readEntity(); err != nil {
				return err
			}
		}
	}
}

func (s *scanner) addText(b []byte) error {
	if len(s.text)+len(b) > maxText {
		// Whitespace between elements can be long in a hand-edited file;
		// only a value (non-space text) is held to the bound.
		if len(bytes.TrimSpace(b)) == 0 && len(bytes.TrimSpace(s.text)) == 0 {
			s.text = s.text[:0]
			return nil
		}
		return s.fail("a value is longer than %d bytes", maxText)
	}
	s.text = append(s.text, b...)
	return nil
}

func (s *scanner) checkText() error {
	if !utf8.Valid(s.text) {
		return s.fail("a value is not valid UTF-8")
	}
	return nil
}

// readEntity reads what follows '&': one of the five predefined entities or
// a character reference. Any other entity is an error: without a document
// type declaration none can be defined.
func (s *scanner) readEntity() error {
	var name [12]byte
	n := 0
	for {
		b, ok := s.next()
		if !ok {
			return s.eofErr("an entity reference")
		}
		if b == ';' {
			break
		}
		if n == len(name) {
			return s.fail("an entity reference is malformed")
		}
		name[n] = b
		n++
	}
	ref := string(name[:n])
	switch ref {
	case "lt":
		return s.addText([]byte{'<'})
	case "gt":
		return s.addText([]byte{'>'})
	case "amp":
		return s.addText([]byte{'&'})
	case "quot":
		return s.addText([]byte{'"'})
	case "apos":
		return s.addText([]byte{'\''})
	}
	if len(ref) > 1 && ref[0] == '#' {
		v, base, digits := 0, 10, ref[1:]
		if digits[0] == 'x' {
			base, digits = 16, digits[1:]
		}
		for _, c := range []byte(digits) {
			d := -1
			switch {
			case c >= '0' && c <= '9':
				d = int(c - '0')
			case base == 16 && c >= 'a' && c <= 'f':
				d = int(c-'a') + 10
			case base == 16 && c >= 'A' && c <= 'F':
				d = int(c-'A') + 10
			}
			if d < 0 {
				return s.fail("a character reference is malformed")
			}
			v = v*base + d
			if v > utf8.MaxRune {
				return s.fail("a character reference is out of range")
			}
		}
		if len(digits) == 0 || !utf8.ValidRune(rune(v)) || v == 0 {
			return s.fail("a character reference is malformed")
		}
		return s.addText(utf8.AppendRune(nil, rune(v)))
	}
	return s.fail("the entity &%s; is not defined (the census uses none)", clip(ref))
}

// readPI reads a processing instruction; the XML declaration's encoding
// must be UTF-8 (or its subset US-ASCII).
func (s *scanner) readPI() error {
	first := s.decl
	s.decl = false
	s.next() // '?'
	var body []byte
	for {
		b, ok := s.next()
		if !ok {
			return s.eofErr("a processing instruction")
		}
		if b == '>' && len(body) > 0 && body[len(body)-1] == '?' {
			break
		}
		if len(body) >= maxTag {
			return s.fail("a processing instruction is too long")
		}
		body = append(body, b)
	}
	if !bytes.HasPrefix(body, []byte("xml")) || (len(body) > 3 && !isSpace(body[3])) {
		return nil
	}
	if !first {
		return s.fatal("the XML declaration is not at the start of the file")
	}
	i := bytes.Index(body, []byte("encoding"))
	if i < 0 {
		return nil
	}
	rest := bytes.TrimLeft(body[i+len("encoding"):], " \t\r\n=")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return s.fatal("the XML declaration's encoding is malformed")
	}
	j := bytes.IndexByte(rest[1:], rest[0])
	if j < 0 {
		return s.fatal("the XML declaration's encoding is malformed")
	}
	enc := string(bytes.ToLower(rest[1 : 1+j]))
	switch enc {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	}
	return s.fatal("the file declares the encoding %q; census files must be UTF-8", clip(string(rest[1:1+j])))
}

// readBang reads a comment or a CDATA section, and refuses a document type
// declaration: that is where entities are defined, and expanding them is how
// a small file becomes an unbounded one.
func (s *scanner) readBang() (tokKind, error) {
	s.next() // '!'
	var head [7]byte
	n := 0
	for n < 2 {
		b, ok := s.next()
		if !ok {
			return 0, s.eofErr("a declaration")
		}
		head[n] = b
		n++
	}
	if head[0] == '-' && head[1] == '-' {
		return 0, s.skipUntil("-->", "a comment")
	}
	for n < 7 {
		b, ok := s.next()
		if !ok {
			return 0, s.eofErr("a declaration")
		}
		head[n] = b
		n++
	}
	switch string(head[:]) {
	case "[CDATA[":
		s.text = s.text[:0]
		for {
			b, ok := s.next()
			if !ok {
				return 0, s.eofErr("a CDATA section")
			}
			if err := s.addText([]byte{b}); err != nil {
				return 0, err
			}
			if bytes.HasSuffix(s.text, []byte("]]>")) {
				s.text = s.text[:len(s.text)-3]
				return tokText, s.checkText()
			}
		}
	case "DOCTYPE":
		return 0, s.fatal("the file has a document type declaration (<!DOCTYPE); census files have none, and cairn does not read them, so that no entity is ever expanded")
	}
	return 0, s.fail("a declaration <!%s is not XML cairn reads", clip(string(head[:])))
}

func (s *scanner) skipUntil(end, what string) error {
	matched := 0
	for {
		b, ok := s.next()
		if !ok {
			return s.eofErr(what)
		}
		switch {
		case b == end[matched]:
			matched++
			if matched == len(end) {
				return nil
			}
		case b == end[0]:
			matched = 1
		default:
			matched = 0
		}
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

func isNameByte(b byte, first bool) bool {
	switch {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b == '_', b == ':', b >= 0x80:
		return true
	case b >= '0' && b <= '9', b == '-', b == '.':
		return !first
	}
	return false
}

// readName reads an element name into s.name, keeping only its local part
// (what follows a namespace prefix).
func (s *scanner) readName() error {
	s.name = s.name[:0]
	for {
		b, ok := s.peek()
		if !ok {
			return s.eofErr("a tag")
		}
		if !isNameByte(b, len(s.name) == 0) {
			break
		}
		s.next()
		if len(s.name) >= maxTag {
			return s.fail("an element name is too long")
		}
		if b == ':' {
			s.name = s.name[:0]
			continue
		}
		s.name = append(s.name, b)
	}
	if len(s.name) == 0 {
		return s.fail("a tag has no element name")
	}
	return nil
}

func (s *scanner) skipSpace() {
	for {
		b, ok := s.peek()
		if !ok || !isSpace(b) {
			return
		}
		s.next()
	}
}

// readStart reads a start tag after its '<'. Attributes (namespace
// declarations, schema locations) are checked for form and ignored.
func (s *scanner) readStart() error {
	if err := s.readName(); err != nil {
		return err
	}
	s.self = false
	size := 0
	for {
		s.skipSpace()
		b, ok := s.next()
		if !ok {
			return s.eofErr("a start tag")
		}
		switch {
		case b == '>':
			return nil
		case b == '/':
			if c, ok := s.next(); !ok || c != '>' {
				return s.fail("a start tag is malformed")
			}
			s.self = true
			return nil
		case isNameByte(b, true):
			for {
				c, ok := s.next()
				if !ok {
					return s.eofErr("a start tag")
				}
				if size++; size > maxTag {
					return s.fail("a start tag is too long")
				}
				if c == '=' {
					break
				}
				if !isNameByte(c, false) && !isSpace(c) {
					return s.fail("an attribute is malformed")
				}
			}
			s.skipSpace()
			q, ok := s.next()
			if !ok {
				return s.eofErr("a start tag")
			}
			if q != '"' && q != '\'' {
				return s.fail("an attribute value is not quoted")
			}
			for {
				c, ok := s.next()
				if !ok {
					return s.eofErr("a start tag")
				}
				if size++; size > maxTag {
					return s.fail("a start tag is too long")
				}
				if c == q {
					break
				}
				if c == '<' {
					return s.fail("an attribute value has '<' in it")
				}
			}
		default:
			return s.fail("a start tag is malformed")
		}
	}
}

// skipToChildEnd moves past the next </Child> end tag, to go on after a
// child whose XML is malformed. It reports whether one was found.
func (s *scanner) skipToChildEnd() bool {
	const end = "</Child>"
	matched := 0
	for {
		b, ok := s.next()
		if !ok {
			return false
		}
		switch {
		case b == end[matched]:
			matched++
			if matched == len(end) {
				return true
			}
		case b == end[0]:
			matched = 1
		default:
			matched = 0
		}
	}
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
