// Package web serves cairn's pages: server-rendered html/template pages built
// with GOV.UK Frontend and MOJ Frontend, working without JavaScript. Every
// handler parses the request, calls one service-layer method with the
// signed-in actor, and renders a page or redirects; handlers return an error,
// which one function turns into a status and an error page.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/pdfdoc"
)

// Server holds what the pages need.
type Server struct {
	app    *app.App
	log    *slog.Logger
	pages  *pages
	secure bool // cookies marked Secure (false only for plain-HTTP loopback demo)
	api    http.Handler
}

// Options configure the web server.
type Options struct {
	Logger *slog.Logger
	// InsecureCookies drops the Secure flag from cookies so sign-in works over
	// plain HTTP on loopback in demo mode. Never set it in production.
	InsecureCookies bool
	// API, if set, is mounted at /api/v1/.
	API http.Handler
}

// New returns the whole site as one handler.
func New(a *app.App, opt Options) (http.Handler, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{app: a, log: opt.Logger, pages: p, secure: !opt.InsecureCookies, api: opt.API}
	mux := http.NewServeMux()
	s.routes(mux)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, csc.Errorf(csc.Forbidden, "This request came from another site and was refused."))
	}))
	return s.recoverer(s.logRequests(securityHeaders(cop.Handler(mux)))), nil
}

// securityHeaders sets the headers every response carries: a CSP with no
// inline script and no framing, no sniffing, no referrer, and no caching of
// pages that hold children's details.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if !strings.HasPrefix(r.URL.Path, "/static/") && !strings.HasPrefix(r.URL.Path, "/assets/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// logRequests logs each request's method, route pattern, status and time.
// The pattern (such as /children/{id}) and record ids are logged; query
// strings, which may hold a name being searched for, are not.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if strings.HasPrefix(r.URL.Path, "/static/") || strings.HasPrefix(r.URL.Path, "/assets/") {
			return
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"ms", time.Since(start).Milliseconds())
	})
}

// recoverer turns a panic into a logged 500, never a dropped connection.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
				http.Error(w, "Something went wrong. The problem has been logged.", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// handler is a page handler: it returns an error instead of writing one.
type handler func(w http.ResponseWriter, r *http.Request, actor csc.Actor) error

// page wraps a handler that needs a signed-in member of staff: it loads the
// session, redirects to sign-in without one, caps the body size, and renders
// any error the handler returns.
func (s *Server) page(h handler) http.Handler { return s.pageUpTo(h, 1<<20) }

// uploadPage is page for a form that sends a file: its body may hold a
// PDF of the largest size accepted (pdfdoc.MaxSize) and the form around it.
func (s *Server) uploadPage(h handler) http.Handler { return s.pageUpTo(h, pdfdoc.MaxSize+1<<20) }

// pageUpTo is page with its own cap on the body, for uploads.
func (s *Server) pageUpTo(h handler, maxBody int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, err := s.actor(r)
		if err != nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/sign-in?next="+safeNext(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.renderError(w, r, err)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		r = s.countAhead(r.WithContext(context.WithValue(r.Context(), actorKey{}, actor)), actor)
		if err := h(w, r, actor); err != nil {
			s.renderError(w, r, err)
		}
	})
}

type actorKey struct{}

const sessionCookie = "cairn_session"

func (s *Server) actor(r *http.Request) (csc.Actor, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return csc.Actor{}, csc.Errorf(csc.Unauthenticated, "Sign in to continue.")
	}
	return s.app.Session(r.Context(), c.Value)
}

// safeNext keeps a post-sign-in redirect on this site.
func safeNext(u string) string {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || strings.Contains(u, "\\") {
		return "/"
	}
	return u
}

// parseForm reads a form body, refusing one that is too large.
func parseForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return csc.Errorf(csc.Invalid, "The form was too large to save. Shorten the longest text and try again.")
		}
		return csc.Errorf(csc.Invalid, "The form could not be read.")
	}
	return nil
}

// status maps an error kind to an HTTP status.
func status(err error) int {
	switch csc.ErrorKind(err) {
	case csc.Invalid:
		return http.StatusBadRequest
	case csc.NotFound:
		return http.StatusNotFound
	case csc.Forbidden:
		return http.StatusForbidden
	case csc.Unauthenticated:
		return http.StatusUnauthorized
	case csc.Conflict:
		return http.StatusConflict
	case csc.TooMany:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
