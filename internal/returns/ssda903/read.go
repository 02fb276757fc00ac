package ssda903

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"cairn/internal/csc"
)

// maxFileSize bounds a single input file. The largest authority's tables are
// a few megabytes; anything far larger is a mistake, not a return.
const maxFileSize = 512 << 20

// ReadPath reads a return from a folder of CSV tables, a single CSV table or
// an XML file (EXPSSDA903). The error is for input that cannot be used at
// all: a path that does not exist, a folder with no files, an unreadable file.
// Everything else is a Problem in the Input, so that one table's problems
// never stop the others being checked.
func ReadPath(path string) (*Input, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, csc.Errorf(csc.Invalid, "%s cannot be read: %v", path, errNoPath(err))
	}
	if !st.IsDir() {
		data, err := readFile(path)
		if err != nil {
			return nil, err
		}
		return ReadFiles(map[string][]byte{filepath.Base(path): data})
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, csc.Errorf(csc.Invalid, "the folder %s cannot be read", path)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := readFile(filepath.Join(path, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = data
	}
	if len(files) == 0 {
		return nil, csc.Errorf(csc.Invalid, "the folder %s has no files", path)
	}
	return ReadFiles(files)
}

func errNoPath(err error) string {
	if os.IsNotExist(err) {
		return "no such file or folder"
	}
	return "permission denied or not readable"
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err == nil && st.Size() > maxFileSize {
		return nil, csc.Errorf(csc.Invalid, "%s is %d MB, larger than any return", filepath.Base(path), st.Size()>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, csc.Errorf(csc.Invalid, "%s cannot be read: %s", filepath.Base(path), errNoPath(err))
	}
	return data, nil
}

// ReadFiles reads a return from named files: CSV tables, or one XML file.
// The names are used only in messages and to tell XML from CSV (by the
// .xml extension or a leading '<'). Files of other kinds are reported as
// stray and ignored.
func ReadFiles(files map[string][]byte) (*Input, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	in := newInput()
	var xmls []string
	for _, n := range names {
		if isXML(n, files[n]) {
			xmls = append(xmls, n)
		}
	}
	if len(xmls) > 1 {
		return nil, csc.Errorf(csc.Invalid, "%d XML files were given (%s); give one XML file or a folder of CSV tables", len(xmls), strings.Join(xmls, ", "))
	}
	// Each file is read on its own, in parallel (a large authority's
	// Episodes and Header files take most of the time), then merged in name
	// order so that reports do not depend on scheduling.
	parts := make([]*Input, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Go(func() {
			p := newInput()
			data := files[n]
			switch {
			case isXML(n, data):
				p.readXML(n, bytes.NewReader(data))
			case strings.EqualFold(filepath.Ext(n), ".csv") || filepath.Ext(n) == "":
				p.readCSV(n, data)
			default:
				p.problem(n, 0, 0, "not a CSV or XML file; it was not read")
			}
			parts[i] = p
		})
	}
	wg.Wait()
	for _, p := range parts {
		in.merge(p)
	}
	if len(in.Supplied) == 0 {
		msg := "no SSDA903 table was found"
		if len(in.Problems) > 0 {
			msg += ": " + in.Problems[0].String()
		}
		return in, &csc.Error{Kind: csc.Invalid, Message: msg}
	}
	in.finish()
	return in, nil
}

func isXML(name string, data []byte) bool {
	if strings.EqualFold(filepath.Ext(name), ".xml") {
		return true
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	return len(t) > 0 && t[0] == '<'
}

// Describe says what was read, for the top of a report.
func (in *Input) Describe() string {
	var parts []string
	for _, d := range tableDefs {
		if in.Supplied[d.name] {
			parts = append(parts, fmt.Sprintf("%s %d", d.name, in.count(d.name)))
		}
	}
	return strings.Join(parts, ", ")
}

func (in *Input) count(table string) int {
	switch table {
	case THeader:
		return len(in.Header)
	case TEpisodes:
		return len(in.Episodes)
	case TReviews:
		return len(in.Reviews)
	case TUASC:
		return len(in.UASC)
	case TOC2:
		return len(in.OC2)
	case TOC3:
		return len(in.OC3)
	case TAD1:
		return len(in.AD1)
	case TPlacedAdoption:
		return len(in.PlacedAdoption)
	case TPrevPerm:
		return len(in.PrevPerm)
	case TMissing:
		return len(in.Missing)
	case TSWEpisodes:
		return len(in.SWEpisodes)
	case TDoLo:
		return len(in.DoLo)
	}
	return 0
}

// merge moves what one file gave into in. A table two files both hold is
// reported and made unusable rather than silently combined.
func (in *Input) merge(p *Input) {
	in.Problems = append(in.Problems, p.Problems...)
	in.XML = in.XML || p.XML
	for _, d := range tableDefs {
		if !p.Supplied[d.name] {
			continue
		}
		file := p.Files[d.name]
		if prev, dup := in.Files[d.name]; dup && file != "" {
			in.problem(file, 1, 0, "both %s and this file hold the %s table; give one file per table", prev, d.name)
			in.markUnusable(d.name, file, "two files hold it")
			continue
		}
		in.Supplied[d.name] = true
		if file != "" {
			in.Files[d.name] = file
		}
		if why, bad := p.Unusable[d.name]; bad {
			in.markUnusable(d.name, file, "")
			in.Unusable[d.name] = why
		}
		moveTable(&in.Tables, &p.Tables, d.name)
		for _, names := range d.opt {
			if p.Has[names[0]] {
				in.Has[names[0]] = true
			}
		}
	}
}

func moveTable(dst, src *Tables, table string) {
	switch table {
	case THeader:
		take(&dst.Header, src.Header)
	case TEpisodes:
		take(&dst.Episodes, src.Episodes)
	case TReviews:
		take(&dst.Reviews, src.Reviews)
	case TUASC:
		take(&dst.UASC, src.UASC)
	case TOC2:
		take(&dst.OC2, src.OC2)
	case TOC3:
		take(&dst.OC3, src.OC3)
	case TAD1:
		take(&dst.AD1, src.AD1)
	case TPlacedAdoption:
		take(&dst.PlacedAdoption, src.PlacedAdoption)
	case TPrevPerm:
		take(&dst.PrevPerm, src.PrevPerm)
	case TMissing:
		take(&dst.Missing, src.Missing)
	case TSWEpisodes:
		take(&dst.SWEpisodes, src.SWEpisodes)
	case TDoLo:
		take(&dst.DoLo, src.DoLo)
	}
}

// take moves rows into dst, without copying when dst is empty (the usual
// case: one file per table).
func take[R any](dst *[]R, src []R) {
	if len(*dst) == 0 {
		*dst = src
		return
	}
	*dst = append(*dst, src...)
}
