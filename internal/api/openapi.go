package api

import (
	_ "embed"
	"net/http"

	"cairn/internal/csc"
)

// openAPIDocument is the OpenAPI 3.1 description of every route, written
// by hand so that the contract is read and reviewed as a contract. A test
// checks it against the routing table and its own references.
//
//go:embed openapi.json
var openAPIDocument []byte

// openAPI serves the document. It describes the API, not any record, so it
// needs no token.
func (s *server) openAPI(w http.ResponseWriter, _ *http.Request, _ csc.Actor) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	// A failed write means the client has gone: there is nobody to tell.
	_, _ = w.Write(openAPIDocument)
	return nil
}
