package ssda903

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"cairn/internal/returns"
)

// Input is what the readers make of a return's files: the tables, the
// problems with the files themselves, and the tables that could not be used
// and why. A table that was not supplied at all is empty, not unusable,
// except Header and Episodes, without which the return means nothing.
type Input struct {
	Tables
	Problems []returns.Problem
	Unusable map[string]string
	Supplied map[string]bool
}

func newInput() *Input {
	return &Input{Tables: Tables{Files: map[string]string{}, Has: map[string]bool{}}, Unusable: map[string]string{}, Supplied: map[string]bool{}}
}

func (in *Input) problem(file string, line, col int, format string, args ...any) {
	in.Problems = append(in.Problems, returns.Problem{File: file, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
}

// finish marks the required tables unusable when they are missing and sorts
// the problems by file and line.
func (in *Input) finish() {
	for _, t := range []string{THeader, TEpisodes} {
		if !in.Supplied[t] {
			if _, bad := in.Unusable[t]; !bad {
				in.Unusable[t] = "no " + t + " table was given"
			}
		}
	}
	sort.SliceStable(in.Problems, func(i, j int) bool {
		a, b := in.Problems[i], in.Problems[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}

// maxRowProblems caps the problems reported for one file, so that a file of
// the wrong shape gives a readable report rather than one line per row.
const maxRowProblems = 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readCSV reads one CSV file into in: it finds the table the file holds from
// its header, maps columns by name, and adds each row. Problems are recorded
// in in, never returned, so one bad file never stops the others.
func (in *Input) readCSV(name string, data []byte) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		in.problem(name, 0, 0, "the file is empty")
		return
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		in.csvError(name, err)
		return
	}
	pos := map[string]int{}
	for i, h := range head {
		h = strings.ToUpper(strings.TrimSpace(h))
		if h == "" {
			continue
		}
		if j, dup := pos[h]; dup {
			in.problem(name, 1, i+1, "column %s appears twice (columns %d and %d)", h, j+1, i+1)
			if def := identify(pos); def != nil {
				in.markUnusable(def.name, name, "a column appears twice")
			}
			return
		}
		pos[h] = i
	}
	def := identify(pos)
	if def == nil {
		in.problem(name, 1, 0, "not an SSDA903 table: its columns match none of the tables; the file was not read")
		return
	}
	in.Files[def.name] = name
	in.Supplied[def.name] = true
	idx := make([]int, len(def.cols))
	var missing []string
	for i, c := range def.cols {
		j, ok := pos[c]
		if !ok {
			missing = append(missing, c)
		}
		idx[i] = j
		if !ok {
			idx[i] = -1
		}
	}
	if len(missing) > 0 {
		in.problem(name, 1, 0, "the %s table has no column %s", def.name, strings.Join(missing, ", "))
		in.markUnusable(def.name, name, "columns are missing")
		return
	}
	for _, names := range def.opt {
		j := -1
		for _, n := range names {
			if k, ok := pos[n]; ok && j < 0 {
				j = k
			}
		}
		if j >= 0 {
			in.Has[names[0]] = true
		}
		idx = append(idx, j)
	}
	def.grow(&in.Tables, bytes.Count(data, []byte{'\n'}))
	in.readRows(name, r, def, idx)
}

func (in *Input) readRows(name string, r *csv.Reader, def *tableDef, idx []int) {
	var rec []string
	get := func(i int) string {
		if j := idx[i]; j >= 0 && j < len(rec) {
			return strings.TrimSpace(rec[j])
		}
		return ""
	}
	bad := 0
	for {
		var err error
		rec, err = r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			bad++
			if bad <= maxRowProblems {
				in.csvError(name, err)
			}
			var pe *csv.ParseError
			if !errors.As(err, &pe) || pe.Err == csv.ErrFieldCount {
				continue
			}
			in.markUnusable(def.name, name, "rows could not be read")
			continue
		}
		line, _ := r.FieldPos(0)
		if emptyRecord(rec) {
			continue
		}
		def.add(&in.Tables, line, get)
	}
	if bad > maxRowProblems {
		in.problem(name, 0, 0, "%d more rows could not be read", bad-maxRowProblems)
	}
}

func emptyRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func (in *Input) csvError(name string, err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.StartLine != pe.Line {
			in.problem(name, pe.StartLine, 0, "a quoted field is not closed (found at line %d, column %d)", pe.Line, pe.Column)
			return
		}
		in.problem(name, pe.Line, pe.Column, "%v", pe.Err)
		return
	}
	in.problem(name, 0, 0, "%v", err)
}

func (in *Input) markUnusable(table, file, why string) {
	in.Supplied[table] = true
	if _, ok := in.Unusable[table]; !ok {
		in.Unusable[table] = file + ": " + why
	}
}

// identify returns the table whose columns a header names. A header with all
// of a table's columns is that table (the one with most columns if several
// fit); otherwise the table sharing most of its distinctive columns, if it
// shares at least half, so that a file missing a column is named as the
// table it nearly is rather than ignored as a stray.
func identify(pos map[string]int) *tableDef {
	var best *tableDef
	bestScore := 0
	for i := range tableDefs {
		d := &tableDefs[i]
		all := true
		for _, c := range d.cols {
			if _, ok := pos[c]; !ok {
				all = false
				break
			}
		}
		if all && (best == nil || len(d.cols) > bestScore) {
			best, bestScore = d, len(d.cols)
		}
	}
	if best != nil {
		return best
	}
	bestFrac := 0.0
	for i := range tableDefs {
		d := &tableDefs[i]
		have, want := 0, 0
		for _, c := range d.cols {
			if commonCols[c] {
				continue
			}
			want++
			if _, ok := pos[c]; ok {
				have++
			}
		}
		if f := float64(have) / float64(want); have > 0 && f >= 0.5 && f > bestFrac {
			best, bestFrac = d, f
		}
	}
	return best
}
