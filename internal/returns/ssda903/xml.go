package ssda903

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// xnode is an element of one CHILD: its name, where it starts and either its
// text or its elements. A CHILD is small (at most a few hundred episodes), so
// holding one at a time keeps memory flat however large the file.
type xnode struct {
	name      string
	line, col int
	text      string
	kids      []*xnode
}

func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

func (n *xnode) first(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// get returns the trimmed text of the named element, or "" if absent.
func (n *xnode) get(name string) string {
	if n == nil {
		return ""
	}
	if k := n.first(name); k != nil {
		return strings.TrimSpace(k.text)
	}
	return ""
}

func (n *xnode) has(names ...string) bool {
	for _, s := range names {
		if n.get(s) != "" {
			return true
		}
	}
	return false
}

// maxDepth bounds nesting inside a CHILD; the schema needs four levels.
const maxDepth = 16

// readXML reads an EXPSSDA903 file. The 2021 schema has no social worker
// episodes or deprivation of liberty orders; SW_EPISODE and DOLO elements
// under CHILD or HEADER are read when a system writes them, so the same
// reader serves later years.
func (in *Input) readXML(name string, r io.Reader) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	fail := func(err error) {
		line, col := dec.InputPos()
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			line = se.Line
			col = 0
		}
		in.problem(name, line, col, "the XML is malformed: %v", trimXMLErr(err))
		for _, t := range []string{THeader, TEpisodes} {
			in.markUnusable(t, name, "the XML file is malformed")
		}
	}
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(err)
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if root != "EXPSSDA903" {
				line, col := dec.InputPos()
				in.problem(name, line, col, "the root element is %s, not EXPSSDA903: not an SSDA903 file", clipName(root))
				return
			}
			in.markXMLSupplied(name)
			in.XML = true
			in.Has[ColUASC] = true
			continue
		}
		line, col := dec.InputPos()
		n, err := readNode(dec, se, line, col, 1)
		if err != nil {
			fail(err)
			return
		}
		if n.name != "CHILD" {
			in.problem(name, n.line, n.col, "unexpected element %s under EXPSSDA903; it was not read", clipName(n.name))
			continue
		}
		in.addXMLChild(n)
	}
	if root == "" {
		in.problem(name, 0, 0, "the file has no XML elements")
	}
}

func clipName(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func trimXMLErr(err error) string {
	s := err.Error()
	return strings.TrimPrefix(s, "XML syntax error on ")
}

func (in *Input) markXMLSupplied(name string) {
	for _, d := range tableDefs {
		if d.name == TSWEpisodes || d.name == TDoLo {
			continue
		}
		in.Supplied[d.name] = true
		in.Files[d.name] = name
	}
}

func readNode(dec *xml.Decoder, se xml.StartElement, line, col, depth int) (*xnode, error) {
	if depth > maxDepth {
		return nil, errors.New("elements are nested too deeply")
	}
	n := &xnode{name: se.Name.Local, line: line, col: col}
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			l, c := dec.InputPos()
			k, err := readNode(dec, t, l, c, depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, k)
		case xml.CharData:
			if text.Len() < 4096 {
				text.Write(t)
			}
		case xml.EndElement:
			n.text = text.String()
			return n, nil
		}
	}
}

// addXMLChild turns one CHILD element into rows of each table it has data for.
func (in *Input) addXMLChild(c *xnode) {
	h := c.first("HEADER")
	if h == nil {
		in.problem(in.Files[THeader], c.line, c.col, "a CHILD has no HEADER; it was not read")
		return
	}
	id, dob := h.get("CHILDID"), ParseDate(h.get("DOB"))
	t := &in.Tables
	flag := h.get("UASC")
	if h.first("UASC") == nil {
		flag = h.get("UASC_STATUS")
	}
	t.Header = append(t.Header, Header{h.line, id, h.get("SEX"), dob, h.get("ETHNIC"), h.get("UPN"), h.get("MOTHER"), ParseDate(h.get("MC_DOB")), flag})
	if h.has("DUC") {
		t.UASC = append(t.UASC, UASC{h.line, id, h.get("SEX"), dob, ParseDate(h.get("DUC"))})
	}
	if h.has("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR") {
		t.AD1 = append(t.AD1, AD1{h.line, id, dob, ParseDate(h.get("DATE_INT")), ParseDate(h.get("DATE_MATCH")),
			h.get("FOSTER_CARE"), h.get("NB_ADOPTR"), h.get("SEX_ADOPTR"), h.get("LS_ADOPTR")})
	}
	if h.has("IN_TOUCH", "ACTIV", "ACCOM") {
		t.OC3 = append(t.OC3, OC3{h.line, id, dob, h.get("IN_TOUCH"), h.get("ACTIV"), h.get("ACCOM")})
	}
	for _, m := range h.all("AMISSING") {
		t.Missing = append(t.Missing, Missing{m.line, id, dob, m.get("MISSING"), ParseDate(m.get("MIS_START")), ParseDate(m.get("MIS_END"))})
	}
	for _, r := range h.all("AREVIEW") {
		t.Reviews = append(t.Reviews, Review{r.line, id, dob, ParseDate(r.get("REVIEW")), r.get("REVIEW_CODE")})
	}
	if p := h.first("PERMANENCE"); p != nil {
		t.PrevPerm = append(t.PrevPerm, PrevPerm{p.line, id, dob, p.get("PREV_PERM"), p.get("LA_PERM"), ParseDate(p.get("DATE_PERM"))})
	}
	if o := h.first("OC2"); o != nil {
		t.OC2 = append(t.OC2, OC2{o.line, id, dob, o.get("SDQ_SCORE"), o.get("SDQ_REASON"), o.get("CONVICTED"),
			o.get("HEALTH_CHECK"), o.get("IMMUNISATIONS"), o.get("TEETH_CHECK"), o.get("HEALTH_ASSESSMENT"),
			o.get("SUBSTANCE_MISUSE"), o.get("INTERVENTION_RECEIVED"), o.get("INTERVENTION_OFFERED")})
	}
	for _, a := range h.all("AD_PLACED") {
		t.PlacedAdoption = append(t.PlacedAdoption, PlacedAdoption{a.line, id, dob, ParseDate(a.get("DATE_PLACED")),
			ParseDate(a.get("DATE_PLACED_CEASED")), a.get("REASON_PLACED_CEASED")})
	}
	for _, e := range c.all("EPISODE") {
		if e.first(ColPLLocation) != nil {
			t.Has[ColPLLocation] = true
		}
		t.Episodes = append(t.Episodes, Episode{e.line, id, ParseDate(e.get("DECOM")), e.get("RNE"), e.get("LS"), e.get("CIN"),
			e.get("PL"), e.get("PLACE_PROVIDER"), ParseDate(e.get("DEC")), e.get("REC"), e.get("REASON_PLACE_CHANGE"),
			e.get("HOME_POST"), e.get("PL_POST"), e.get("URN"), e.get(ColPLLocation)})
	}
	for _, parent := range []*xnode{c, h} {
		for _, s := range parent.all("SW_EPISODE") {
			in.Supplied[TSWEpisodes] = true
			t.SWEpisodes = append(t.SWEpisodes, SWEpisode{s.line, id, dob, s.get("SW_ID"), ParseDate(s.get("SW_DECOM")), ParseDate(s.get("SW_DEC")), s.get("SW_REASON")})
		}
		for _, d := range parent.all("DOLO") {
			in.Supplied[TDoLo] = true
			t.DoLo = append(t.DoLo, DoLo{d.line, id, dob, ParseDate(d.get("DOLO_START")), ParseDate(d.get("DOLO_END"))})
		}
	}
}
