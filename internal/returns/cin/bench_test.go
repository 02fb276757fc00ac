package cin

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"cairn/internal/returns"
)

// BenchmarkValidateCIN33k reads and validates a 33,000-child census (a large
// authority's) held in memory: the issue 5 target is under 1 s.
func BenchmarkValidateCIN33k(b *testing.B) {
	var buf bytes.Buffer
	if err := writeCensus(&buf, 33000, nil); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for b.Loop() {
		rep, err := Validate("census.xml", bytes.NewReader(buf.Bytes()), y2526, 0)
		if err != nil || rep.HasFailures() {
			b.Fatal(err, rep.Summary())
		}
	}
}

// BenchmarkValidateCIN1M validates a 1,000,000-child census written to a
// temporary file (about 1 GB), reporting the peak heap: the issue 5 target is
// under 30 s and under 1 GB of memory. It is skipped in -short runs.
func BenchmarkValidateCIN1M(b *testing.B) {
	if testing.Short() {
		b.Skip("writes a 1 GB file")
	}
	path := filepath.Join(b.TempDir(), "census.xml")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeCensus(f, 1_000_000, nil); err != nil {
		b.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		stop := make(chan struct{})
		peak := make(chan uint64)
		go func() {
			var m runtime.MemStats
			var top uint64
			for {
				select {
				case <-stop:
					peak <- top
					return
				default:
				}
				runtime.ReadMemStats(&m)
				top = max(top, m.HeapInuse)
				runtimeSleep()
			}
		}()
		rep, err := Validate("census.xml", bufio.NewReaderSize(f, 1<<20), y2526, 0)
		close(stop)
		top := <-peak
		f.Close()
		if err != nil || rep.HasFailures() {
			b.Fatal(err, rep.Summary())
		}
		b.ReportMetric(float64(top)/(1<<20), "peak-heap-MB")
		var s returns.Summary = rep.Summary()
		if s.Passed != 109 {
			b.Fatalf("summary %+v", s)
		}
	}
}

func runtimeSleep() { time.Sleep(50 * time.Millisecond) }

// TestWriteLargeCensus writes the benchmark's census to the file named by
// CAIRN_CIN_SAMPLE (CAIRN_CIN_CHILDREN children, default 33,000), to time
// the command on it. Without the variable it does nothing.
func TestWriteLargeCensus(t *testing.T) {
	path := os.Getenv("CAIRN_CIN_SAMPLE")
	if path == "" {
		t.Skip("CAIRN_CIN_SAMPLE not set")
	}
	n := 33000
	if s := os.Getenv("CAIRN_CIN_CHILDREN"); s != "" {
		if _, err := fmt.Sscanf(s, "%d", &n); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeCensus(f, n, nil); err != nil {
		t.Fatal(err)
	}
}
