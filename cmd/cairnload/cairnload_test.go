package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1 // 1ms … 100ms
	}
	for _, c := range []struct {
		values []time.Duration
		p      float64
		want   time.Duration
	}{
		{nil, 50, 0},
		{ms(7), 50, 7 * time.Millisecond},
		{ms(7), 99, 7 * time.Millisecond},
		{ms(15, 20, 35, 40, 50), 30, 20 * time.Millisecond}, // the textbook nearest-rank example
		{ms(15, 20, 35, 40, 50), 40, 20 * time.Millisecond},
		{ms(15, 20, 35, 40, 50), 50, 35 * time.Millisecond},
		{ms(15, 20, 35, 40, 50), 100, 50 * time.Millisecond},
		{ms(hundred...), 50, 50 * time.Millisecond},
		{ms(hundred...), 90, 90 * time.Millisecond},
		{ms(hundred...), 99, 99 * time.Millisecond},
		{ms(hundred...), 99.5, 100 * time.Millisecond},
		{ms(hundred...), 100, 100 * time.Millisecond},
		{ms(hundred...), 0.1, 1 * time.Millisecond},
	} {
		if got := percentile(c.values, c.p); got != c.want {
			t.Errorf("p%v of %d values = %v, want %v", c.p, len(c.values), got, c.want)
		}
	}
}

func TestSummaryCountsErrorsByStatus(t *testing.T) {
	var r recorder
	r.add(3*time.Millisecond, result{status: 200})
	r.add(1*time.Millisecond, result{status: 303, location: "/contacts/9"})
	r.add(2*time.Millisecond, result{status: 303, location: "/sign-in?next=/front-door"})
	r.add(9*time.Millisecond, result{status: 500})
	r.add(4*time.Millisecond, result{status: 500})
	r.add(5*time.Millisecond, result{err: io.ErrUnexpectedEOF})
	s := r.summary("child", 2*time.Second)
	if s.requests != 6 || s.failed != 4 || s.perSecond != 3 || s.maxD != 9*time.Millisecond || s.p50 != 3*time.Millisecond {
		t.Errorf("summary %+v", s)
	}
	want := map[string]int{"500": 2, "303 to /sign-in": 1, "transport error": 1}
	for k, n := range want {
		if s.errors[k] != n {
			t.Errorf("errors[%q] = %d, want %d (all: %v)", k, s.errors[k], n, s.errors)
		}
	}
}

func TestLoopbackGuard(t *testing.T) {
	for _, base := range []string{
		"http://127.0.0.1:8080", "http://127.1.2.3:80", "https://127.0.0.1", "http://localhost:8080",
		"http://LOCALHOST:8080/", "http://[::1]:8080", "http://[::ffff:127.0.0.1]:8080",
	} {
		if err := checkLoopback(base); err != nil {
			t.Errorf("%s refused: %v", base, err)
		}
	}
	for _, base := range []string{
		"http://10.0.0.1:8080", "http://192.168.1.10", "http://0.0.0.0:8080", "http://[::]:8080",
		"http://example.org", "http://localhost.example.org", "http://127.0.0.1.nip.io", "http://[2001:db8::1]:80",
		"ftp://127.0.0.1", "127.0.0.1:8080", "http://user@127.0.0.1:8080", "http://127.0.0.1:8080/x", "http://128.0.0.1",
	} {
		if err := checkLoopback(base); err == nil {
			t.Errorf("%s accepted; only loopback may be a target", base)
		}
	}
	if _, err := parseFlags([]string{"--base", "http://203.0.113.7:8080"}, io.Discard); err == nil {
		t.Error("the flags accepted a non-loopback --base")
	}
}

// TestRunAgainstAFakeServer runs a short mixed load against a stand-in for
// cairn: sign-in, discovery from the queue and searches, and every action.
func TestRunAgainstAFakeServer(t *testing.T) {
	var signIns, contacts atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("POST /sign-in", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if r.PostForm.Get("password") != "demo" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		signIns.Add(1)
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "s", Secure: true})
		http.Redirect(w, r, "/", http.StatusSeeOther)
	})
	authed := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if c, err := r.Cookie(sessionCookie); err != nil || c.Value != "s" {
				http.Redirect(w, r, "/sign-in?next=/", http.StatusSeeOther)
				return
			}
			h(w, r)
		}
	}
	mux.HandleFunc("GET /front-door", authed(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<tr class="govuk-table__row">
      <td class="govuk-table__cell"><a class="govuk-link" href="/contacts/5">Contact 5</a></td>
      <td class="govuk-table__cell">Ava O&#39;Brien</td></tr>`)
	}))
	mux.HandleFunc("GET /people", authed(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<td class="govuk-table__cell"><a class="govuk-link" href="/people/11">Ava O&#39;Brien</a></td>
<td class="govuk-table__cell"><a class="govuk-link" href="/people/12">Sean O&#39;Brien</a> <span class="govuk-body-s">(Adult)</span></td>`)
	}))
	mux.HandleFunc("GET /people/{id}", authed(func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") != "11" {
			http.NotFound(w, r)
		}
	}))
	mux.HandleFunc("POST /contacts", authed(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if r.PostForm.Get("child_id") != "11" || !strings.Contains(r.PostForm.Get("received_at"), "T") {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		contacts.Add(1)
		http.Redirect(w, r, "/contacts/6", http.StatusSeeOther)
	}))
	var chronologies atomic.Int64
	mux.HandleFunc("GET /people/{id}/chronology", authed(func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") != "99" {
			http.NotFound(w, r)
			return
		}
		chronologies.Add(1)
	}))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	var out strings.Builder
	err := run(context.Background(), []string{"--base", srv.URL, "--clients", "3", "--duration", "200ms",
		"--scenario", "mix", "--ids", "5"}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if signIns.Load() != 3 || contacts.Load() == 0 {
		t.Errorf("%d sign-ins, %d contacts", signIns.Load(), contacts.Load())
	}
	for _, want := range []string{"discovered 1 children and 1 family names", "child", "search", "queue", "contact", "p99"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "errors:") {
		t.Errorf("errors against the fake server:\n%s", out.String())
	}

	// One long record's chronology, named by --child.
	out.Reset()
	err = run(context.Background(), []string{"--base", srv.URL, "--clients", "2", "--duration", "100ms",
		"--scenario", "chronology", "--child", "99", "--ids", "5"}, &out, io.Discard)
	if err != nil || chronologies.Load() == 0 || strings.Contains(out.String(), "errors:") {
		t.Errorf("the chronology scenario on record 99: err %v, %d chronologies read:\n%s", err, chronologies.Load(), out.String())
	}

	// With think time each client waits between requests: two clients
	// thinking about 100 ms for 300 ms make a handful of requests, not
	// hundreds.
	before := chronologies.Load()
	out.Reset()
	err = run(context.Background(), []string{"--base", srv.URL, "--clients", "2", "--duration", "300ms",
		"--scenario", "chronology", "--child", "99", "--ids", "5", "--think", "100ms"}, &out, io.Discard)
	if n := chronologies.Load() - before; err != nil || n < 2 || n > 16 || !strings.Contains(out.String(), "thinking about 100ms") {
		t.Errorf("think time: err %v, %d requests in 300 ms from 2 clients:\n%s", err, n, out.String())
	}

	// --settle waits between the sign-ins and the load.
	before = chronologies.Load()
	out.Reset()
	began := time.Now()
	err = run(context.Background(), []string{"--base", srv.URL, "--clients", "1", "--duration", "50ms",
		"--scenario", "chronology", "--child", "99", "--settle", "200ms"}, &out, io.Discard)
	if err != nil || time.Since(began) < 250*time.Millisecond || chronologies.Load() == before || !strings.Contains(out.String(), "settling for 200ms") {
		t.Errorf("--settle 200ms: err %v, done in %v:\n%s", err, time.Since(began), out.String())
	}

	err = run(context.Background(), []string{"--base", srv.URL, "--clients", "2", "--password", "wrong"}, io.Discard, io.Discard)
	if err == nil || signIns.Load() != 8 {
		t.Errorf("a refused sign-in: err %v after %d sign-ins; want an error at the first refusal", err, signIns.Load())
	}
}
