package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// checkLoopback refuses a base URL whose host is not this machine:
// 127.0.0.0/8, ::1 or localhost.
func checkLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("--base %q is not a URL", base)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("--base %q must be an http:// or https:// URL", base)
	}
	if u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("--base %q must be just scheme, host and port", base)
	}
	if !loopbackHost(u.Hostname()) {
		return fmt.Errorf("--base %q is not a loopback address: cairnload talks only to 127.0.0.0/8, ::1 or localhost", base)
	}
	return nil
}

func loopbackHost(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// newHTTPClient returns a client that keeps one connection per load client,
// never follows redirects and, whatever a name resolves to, connects only
// to loopback addresses.
func newHTTPClient(clients int, timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !ap.Addr().Unmap().IsLoopback() {
			return fmt.Errorf("refusing to connect to %s: not a loopback address", address)
		}
		return nil
	}}
	tr := &http.Transport{DialContext: d.DialContext, MaxIdleConns: clients + 8,
		MaxIdleConnsPerHost: clients + 8, IdleConnTimeout: time.Minute, ForceAttemptHTTP2: false}
	return &http.Client{Transport: tr, Timeout: timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// session is one simulated member of staff: a signed-in web session, or
// the API with a bearer token.
type session struct {
	http   *http.Client
	base   string
	token  string // API bearer token; empty for the web pages
	cookie string // the session cookie, "name=value"
}

const sessionCookie = "cairn_session"

func (s *session) api() bool { return s.token != "" }

// signIn posts the sign-in form and keeps the session cookie. A refusal is
// an error at once: retrying would only trip the server's throttle.
func (s *session) signIn(ctx context.Context, user, password string) error {
	form := url.Values{"username": {user}, "password": {password}, "next": {"/"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/sign-in", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.http.Do(req)
	if err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("sign in as %q refused (status %d): check --user and --password, and that the server runs in demo mode for demo accounts", user, resp.StatusCode)
	}
	// The cookie is taken as given even when marked Secure: this is a
	// loopback test client, and `cairn serve` marks cookies Secure.
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie && c.Value != "" {
			s.cookie = c.Name + "=" + c.Value
			return nil
		}
	}
	return fmt.Errorf("sign in as %q: no session cookie in the answer", user)
}

// result is the outcome of one request.
type result struct {
	status   int    // 0 when the request failed before a status arrived
	location string // the Location header of a redirect
	body     []byte // kept only when asked for
	err      error
}

// ok reports whether the request succeeded: a 2xx, or a 3xx that is not a
// redirect to the sign-in page.
func (r result) ok() bool {
	switch {
	case r.err != nil:
		return false
	case r.status >= 200 && r.status < 300:
		return true
	case r.status >= 300 && r.status < 400:
		return !strings.HasPrefix(r.location, "/sign-in")
	}
	return false
}

// do sends one request and reads the whole answer, keeping the body if
// keep is set.
func (s *session) do(ctx context.Context, method, path, contentType string, body []byte, keep bool) result {
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(string(body))
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
	if err != nil {
		return result{err: err}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if s.api() {
		req.Header.Set("Authorization", "Bearer "+s.token)
		req.Header.Set("Accept", "application/json")
	} else {
		req.Header.Set("Cookie", s.cookie)
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return result{err: err}
	}
	defer resp.Body.Close()
	r := result{status: resp.StatusCode, location: resp.Header.Get("Location")}
	if keep {
		r.body, r.err = io.ReadAll(resp.Body)
	} else {
		_, r.err = io.Copy(io.Discard, resp.Body)
	}
	return r
}
