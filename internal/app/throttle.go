package app

import (
	"sync"
	"time"
)

// throttle slows password guessing: after too many failed sign-ins for one
// username, or from one address, in a window, further attempts are refused
// until the window has passed. It lives in memory: a restart clears it,
// which an attacker cannot cause.
type throttle struct {
	mu       sync.Mutex
	now      func() time.Time
	failures map[string][]time.Time
}

const (
	throttleWindow  = 15 * time.Minute
	maxUserFailures = 5
	maxAddrFailures = 20
)

func newThrottle(now func() time.Time) *throttle {
	return &throttle{now: now, failures: map[string][]time.Time{}}
}

func (t *throttle) recent(key string) int {
	cut := t.now().Add(-throttleWindow)
	fs := t.failures[key]
	i := 0
	for i < len(fs) && fs[i].Before(cut) {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(t.failures, key)
	} else {
		t.failures[key] = fs
	}
	return len(fs)
}

// allowed reports whether a sign-in for username from addr may be tried.
func (t *throttle) allowed(username, addr string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.recent("u:"+username) < maxUserFailures && t.recent("a:"+addr) < maxAddrFailures
}

// fail records a failed sign-in.
func (t *throttle) fail(username, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	t.failures["u:"+username] = append(t.failures["u:"+username], now)
	t.failures["a:"+addr] = append(t.failures["a:"+addr], now)
}

// succeed clears a username's failures after a good sign-in.
func (t *throttle) succeed(username string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, "u:"+username)
}
