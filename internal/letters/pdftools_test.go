package letters

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The tests that read the PDFs back use poppler-utils (pdftotext, pdfinfo).
// Where those are not installed the tests skip, unless CAIRN_REQUIRE_PDFTOOLS=1
// is set, as it should be in CI, when they fail instead.

// pdfTool returns the path of a poppler-utils program, skipping the test (or
// failing it, when CAIRN_REQUIRE_PDFTOOLS=1) if it is not installed.
func pdfTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := name + " is not installed (Debian package poppler-utils: apt-get install -y poppler-utils)"
	if os.Getenv("CAIRN_REQUIRE_PDFTOOLS") == "1" {
		t.Fatalf("%s, and CAIRN_REQUIRE_PDFTOOLS=1 requires it", msg)
	}
	t.Skipf("skipping: %s; set CAIRN_REQUIRE_PDFTOOLS=1 to make this a failure", msg)
	return ""
}

// writePDF writes pdf to a temporary file and returns its path.
func writePDF(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// runTool runs a poppler program and returns its standard output.
func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(pdfTool(t, name), args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// pdfText extracts the text of the PDF (or of page n, if n > 0) with
// pdftotext, with all runs of white space collapsed to single spaces.
func pdfText(t *testing.T, pdf []byte, n int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if n > 0 {
		args = append(args, "-f", strconv.Itoa(n), "-l", strconv.Itoa(n))
	}
	args = append(args, writePDF(t, pdf), "-")
	return strings.Join(strings.Fields(runTool(t, "pdftotext", args...)), " ")
}

// pdfInfo is what pdfinfo says about a PDF.
type pdfInfo struct {
	pages    int
	pageSize string // e.g. "595 x 842 pts (A4)"
	raw      string
}

var (
	pagesRE    = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
	pageSizeRE = regexp.MustCompile(`(?m)^Page size:\s+(.+)$`)
)

// readInfo runs pdfinfo on pdf.
func readInfo(t *testing.T, pdf []byte) pdfInfo {
	t.Helper()
	raw := runTool(t, "pdfinfo", writePDF(t, pdf))
	info := pdfInfo{raw: raw}
	if m := pagesRE.FindStringSubmatch(raw); m != nil {
		info.pages, _ = strconv.Atoi(m[1])
	}
	if m := pageSizeRE.FindStringSubmatch(raw); m != nil {
		info.pageSize = strings.TrimSpace(m[1])
	}
	return info
}
