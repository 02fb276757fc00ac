package ssda903

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"

	"strings"
	"testing"

	"cairn/internal/returns"
)

var update = flag.Bool("update", false, "rewrite the golden files and the dirty sample")

func validateFiles(t testing.TB, files map[string][]byte) *returns.Report {
	t.Helper()
	in, err := ReadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	return validateInput(t, in)
}

func validateInput(t testing.TB, in *Input) *returns.Report {
	t.Helper()
	rep, err := Validate(in, y2526, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestSampleIsClean checks the synthetic return passes every rule that runs,
// so that the benchmark measures a realistic return and the dirty sample's
// failures are only the ones made on purpose.
func TestSampleIsClean(t *testing.T) {
	rep := validateFiles(t, Sample(2000, 1))
	if len(rep.Problems) > 0 {
		t.Fatalf("problems: %v", rep.Problems)
	}
	for _, o := range rep.Outcomes {
		if o.Status == returns.Failed || o.Status == returns.Crashed {
			t.Errorf("%s %s: %d failures, first %+v %s", o.Code, o.Status, len(o.Failures), firstFailure(o), o.Reason)
		}
	}
}

func firstFailure(o returns.Outcome) returns.Failure {
	if len(o.Failures) == 0 {
		return returns.Failure{}
	}
	return o.Failures[0]
}

// dirty makes the synthetic sample dirty in known ways: bad codes, bad and
// missing dates, a duplicate child, an unreadable quote, a stray file.
func dirty() map[string][]byte {
	files := Sample(40, 7)
	set := func(name string, line, col int, to string) {
		lines := strings.Split(string(files[name]), "\n")
		fields := strings.Split(lines[line-1], ",")
		fields[col] = to
		lines[line-1] = strings.Join(fields, ",")
		files[name] = []byte(strings.Join(lines, "\n"))
	}
	set("header.csv", 2, 1, "X")        // 101 sex
	set("header.csv", 3, 3, "WHITE")    // 103 ethnicity
	set("header.csv", 4, 2, "31/02/12") // 102, INT17 date of birth
	lines := strings.Split(string(files["header.csv"]), "\n")
	files["header.csv"] = []byte(strings.Join(append(lines[:len(lines)-1], lines[5], ""), "\n")) // INT32, 444
	set("episodes.csv", 2, 2, "Q")                                                               // 143 reason for new episode
	set("episodes.csv", 3, 3, "C9")                                                              // 144 legal status
	set("episodes.csv", 4, 9, "")                                                                // 142/388 reason for placement change dropped
	set("episodes.csv", 5, 6, "PR9")                                                             // 178 provider
	set("episodes.csv", 6, 7, "31/03/2025")                                                      // 356 and more: ends before it starts
	set("reviews.csv", 2, 3, "PN9")                                                              // 167 participation
	set("missing.csv", 2, 2, "")                                                                 // 565, 566 missing type
	set("episodes.csv", 15, 1, "19/08/2025")                                                     // 630 new this year, no previous permanence
	set("header.csv", 8, 2, "01/01/2007")                                                        // 359 looked after at 18, and more
	// A Header with the UASC status flag and Episodes with PL_LOCATION, the
	// optional columns: a girl under 11 flagged UASC (231), a girl recorded
	// as a mother with a bad code (165), a placement location that is
	// neither IN nor OUT (179).
	addColumn := func(name, col string, value func(line int, fields []string) string) {
		lines := strings.Split(strings.TrimSuffix(string(files[name]), "\n"), "\n")
		lines[0] += "," + col
		for i := 1; i < len(lines); i++ {
			lines[i] += "," + value(i+1, strings.Split(lines[i], ","))
		}
		files[name] = []byte(strings.Join(lines, "\n") + "\n")
	}
	flagged, mothered := false, false
	addColumn("header.csv", "UASC", func(_ int, f []string) string {
		if !flagged && f[1] == "F" && strings.HasSuffix(f[2], "/2019") {
			flagged = true
			return "1"
		}
		return "0"
	})
	for line := 9; !mothered; line++ {
		if f := strings.Split(strings.Split(string(files["header.csv"]), "\n")[line-1], ","); f[1] == "F" && f[7] == "0" {
			set("header.csv", line, 5, "2")
			mothered = true
		}
	}
	addColumn("episodes.csv", "PL_LOCATION", func(line int, _ []string) string {
		if line == 7 {
			return "XX"
		}
		return "IN"
	})
	files["Episodes "+"(copy).txt"] = []byte("not a table")
	files["uasc.csv"] = []byte("CHILD,SEX,DOB,DUC\r\nC000001,M,\"01/01/2010,\r\n")
	return files
}

// TestDirtySampleGolden checks every report format on a dirty sample the
// project builds itself (testdata/dirty, rewritten with -update).
func TestDirtySampleGolden(t *testing.T) {
	dir := filepath.Join("testdata", "dirty")
	if *update {
		os.RemoveAll(dir)
		os.MkdirAll(dir, 0o755)
		for n, b := range dirty() {
			if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	in, err := ReadPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep := validateInput(t, in)
	for _, format := range []string{"txt", "csv", "json"} {
		var b bytes.Buffer
		switch format {
		case "txt":
			err = rep.WriteText(&b)
		case "csv":
			err = rep.WriteCSV(&b)
		case "json":
			err = rep.WriteJSON(&b)
		}
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "dirty-report."+format)
		if *update {
			os.WriteFile(golden, b.Bytes(), 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s report differs from %s (run go test -update to accept):\n%s", format, golden, diffLines(string(want), b.String()))
		}
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			out = append(out, "- "+a, "+ "+b)
		}
		if len(out) > 20 {
			break
		}
	}
	return strings.Join(out, "\n")
}

// TestWriteLargeSample writes the benchmark's return to a folder, for timing
// the command: CAIRN_903_SAMPLE=/tmp/903 go test -run WriteLargeSample.
func TestWriteLargeSample(t *testing.T) {
	dir := os.Getenv("CAIRN_903_SAMPLE")
	if dir == "" {
		t.Skip("CAIRN_903_SAMPLE not set")
	}
	os.MkdirAll(dir, 0o755)
	for n, b := range Sample(27000, 1) {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkValidate903 reads and validates a return of 27,000 children and
// 50,000 episodes from CSV in memory: the whole of cairn validate 903 but
// the disk.
func BenchmarkValidate903(b *testing.B) {
	files := Sample(27000, 1)
	in, _ := ReadFiles(files)
	if n := len(in.Episodes); n != 50000 {
		b.Fatalf("%d episodes", n)
	}
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		in, err := ReadFiles(files)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Validate(in, y2526, Options{}); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(float64(peak)/(1<<20), "heapMB")
}
