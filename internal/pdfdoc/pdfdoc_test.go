package pdfdoc

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"cairn/internal/csc"
	"cairn/internal/letters"
)

// samplePDF renders a real two-part PDF with cairn's own layout engine.
func samplePDF(t testing.TB) []byte {
	t.Helper()
	pdf, err := letters.RenderChronology(letters.Chronology{Authority: "Northmoor County Council",
		ChildName: "Focused visit letter", RecordNumber: "Letter 1", Generated: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		Entries: []letters.ChronologyEntry{{Date: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC),
			What: "Audit actions are completed in a timely way."}}})
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func TestCheckAcceptsAPDF(t *testing.T) {
	pdf := samplePDF(t)
	info, err := Check(pdf)
	if err != nil || info.Version == "" || info.Encrypted {
		t.Fatalf("a real PDF: %+v, %v", info, err)
	}
	// Junk before the header (some mail systems add it) moves every offset.
	if _, err := Check(append([]byte("\r\n\r\n"), pdf...)); err != nil {
		t.Errorf("a PDF after four bytes of junk: %v", err)
	}
}

func TestCheckRefuses(t *testing.T) {
	pdf := samplePDF(t)
	sx := bytes.LastIndex(pdf, []byte("startxref"))
	wrongOffset := append(bytes.Clone(pdf[:sx]), "startxref\n17\n%%EOF\n"...)
	for name, c := range map[string]struct {
		b    []byte
		want string
	}{
		"empty":          {nil, "empty"},
		"a Word file":    {[]byte("PK\x03\x04 word/document.xml"), "not a PDF"},
		"text":           {[]byte("Dear Director, this letter summarises"), "not a PDF"},
		"header only":    {[]byte("%PDF-"), "not a PDF"},
		"cut short":      {pdf[:len(pdf)/2], "no end-of-file marker"},
		"no xref":        {[]byte("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"), "cross-reference"},
		"a wrong offset": {wrongOffset, "cross-reference"},
		"too large":      {append([]byte("%PDF-1.4\n"), make([]byte, MaxSize)...), "at most 10.0 MB"},
	} {
		_, err := Check(c.b)
		if err == nil || csc.ErrorKind(err) != csc.Invalid || !strings.Contains(csc.ErrorMessage(err), c.want) {
			t.Errorf("%s: %v, want an Invalid error saying %q", name, err, c.want)
		}
	}
}

// TestText reads the sample's text back with pdftotext, where installed.
func TestText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CAIRN_REQUIRE_PDFTOOLS") == "1" {
			t.Fatal("pdftotext is not installed, and CAIRN_REQUIRE_PDFTOOLS=1 requires it")
		}
		if _, _, err := Text(context.Background(), samplePDF(t)); !errors.Is(err, ErrNoReader) {
			t.Errorf("without pdftotext: %v, want ErrNoReader", err)
		}
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	text, pages, err := Text(context.Background(), samplePDF(t))
	if err != nil || pages != 1 || !strings.Contains(text, "Audit actions are completed in a timely way.") {
		t.Errorf("text %q, %d pages, %v", text, pages, err)
	}
	if _, _, err := Text(context.Background(), []byte("%PDF-1.4 nonsense")); err == nil {
		t.Error("pdftotext read a file that is not a PDF")
	}
}

// FuzzCheck feeds arbitrary bytes to the check: it never panics, and what
// it accepts begins as a PDF and ends with the end-of-file marker.
func FuzzCheck(f *testing.F) {
	f.Add(samplePDF(f))
	f.Add([]byte("%PDF-1.4\nxref\n0 1\nstartxref\n9\n%%EOF"))
	f.Add([]byte("%PDF-1.7\n1 0 obj\nstartxref\n9\n%%EOF\n"))
	f.Add([]byte("%PDF-"))
	f.Add([]byte("startxref 99999999999 %%EOF"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := Check(b); err != nil {
			if csc.ErrorKind(err) != csc.Invalid {
				t.Errorf("a refusal of kind %v", csc.ErrorKind(err))
			}
			return
		}
		if !bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-")) || !bytes.Contains(b, []byte("%%EOF")) {
			t.Errorf("accepted %q", b[:min(len(b), 80)])
		}
	})
}
