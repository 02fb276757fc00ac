// Package api is cairn's JSON API under /api/v1. It is a thin door onto the
// service layer (package app): every handler authenticates the bearer
// token, parses the path, query and body, calls one service method with the
// actor and renders the result as JSON. Permission, transactions and the
// audit trail are the service layer's; the API decides none of them.
//
// The contract is deliberate: responses are written from the explicit
// structs in this package (one file per resource), never by serialising
// domain types, and openapi.json describes every route. Field names are
// snake_case, civil dates are "YYYY-MM-DD" and instants are RFC 3339 in UTC.
package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// Prefix is where the API is mounted; every route lives beneath it.
const Prefix = "/api/v1"

// server holds what every handler needs.
type server struct {
	app *app.App
	log *slog.Logger
	mux *http.ServeMux
}

// New returns the API handler; mount it at /api/v1/ (it handles full paths
// beginning /api/v1/). log receives the errors the API could not explain
// to its client; nil means slog.Default().
func New(a *app.App, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.Default()
	}
	s := &server{app: a, log: log, mux: http.NewServeMux()}
	for _, rt := range routes {
		s.mux.Handle(rt.Method+" "+Prefix+rt.Path, s.handle(rt))
	}
	// Everything else, inside the prefix or not, gets a JSON 404 or 405.
	s.mux.Handle("/", s.handle(route{Public: true, Handler: (*server).unrouted}))
	return s
}

// ServeHTTP sets the headers every response carries and routes the request.
// Responses hold children's records, so no cache may keep them.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// handle adapts a route's handler: it authenticates the caller (unless the
// route is public), runs the handler and sends any error it returns through
// writeError, the one place errors become statuses.
func (s *server) handle(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer s.recoverPanic(w, r)
		var actor csc.Actor
		if !rt.Public {
			var err error
			if actor, err = s.authenticate(r); err != nil {
				s.writeError(w, r, err)
				return
			}
		}
		if err := rt.Handler(s, w, r, actor); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// authenticate returns the actor behind the request's bearer token.
func (s *server) authenticate(r *http.Request) (csc.Actor, error) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || strings.ContainsAny(token, " \t") {
		return csc.Actor{}, csc.Errorf(csc.Unauthenticated, "Send an API token in the header “Authorization: Bearer <token>”.")
	}
	return s.app.TokenActor(r.Context(), token)
}

// unrouted answers a request no route matched: 405 with the Allow header
// when the path exists for other methods, otherwise 404.
func (s *server) unrouted(w http.ResponseWriter, r *http.Request, _ csc.Actor) error {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		return &statusError{Status: http.StatusMethodNotAllowed, Allow: strings.Join(allow, ", "),
			Message: fmt.Sprintf("This address does not accept %s. It accepts %s.", clip(r.Method), strings.Join(allow, ", "))}
	}
	return &statusError{Status: http.StatusNotFound, Message: "There is no such address in the API. See " + Prefix + "/openapi.json."}
}

// recoverPanic turns a panic in a handler into a logged 500, so one bad
// request cannot take the connection down without an answer. The panic
// value is not logged: it might hold anything the handler held.
func (s *server) recoverPanic(w http.ResponseWriter, r *http.Request) {
	if p := recover(); p != nil {
		if p == http.ErrAbortHandler {
			panic(p)
		}
		s.log.Error("api: handler panicked", "route", r.Pattern, "method", r.Method,
			"panic_type", fmt.Sprintf("%T", p), "stack", string(debug.Stack()))
		s.writeError(w, r, fmt.Errorf("panic in %s", r.Pattern))
	}
}

// writeJSON sends v as the response body with the given status. The body is
// encoded before anything is written so that an encoding failure can still
// become a 500.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Errorf("api: encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	// A failed write means the client has gone: there is nobody to tell.
	_, _ = w.Write(buf.Bytes())
	return nil
}

// created sends a 201 with the new resource's address in Location.
func created(w http.ResponseWriter, location string, v any) error {
	w.Header().Set("Location", location)
	return writeJSON(w, http.StatusCreated, v)
}

// clip shortens text from a request before it is echoed in a message.
func clip(s string) string {
	const limit = 40
	if r := []rune(s); len(r) > limit {
		return string(r[:limit]) + "…"
	}
	return s
}
