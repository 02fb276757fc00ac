package api

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"sort"

	"cairn/internal/csc"
)

// The OpenAPI 3.1 description of every route is written by hand so that
// the contract is read and reviewed as a contract. openapi.json holds the
// document and the foundation's routes; each later part of the record keeps
// its paths and schemas in a fragment under openapi/ beside its handlers,
// merged in at start-up. A test checks the result against the routing
// table and its own references.
//
//go:embed openapi.json openapi
var openAPIFiles embed.FS

// openAPIDocument is the merged document, as served.
var openAPIDocument = mustMergeOpenAPI(openAPIFiles)

// mustMergeOpenAPI merges the fragments' "paths" and "components.schemas"
// into the main document. A fragment that repeats a path or schema name is
// a mistake in the source and stops the program at start-up, where every
// test sees it.
func mustMergeOpenAPI(files fs.FS) []byte {
	b, err := mergeOpenAPI(files)
	if err != nil {
		panic(err)
	}
	return b
}

func mergeOpenAPI(files fs.FS) ([]byte, error) {
	main, err := fs.ReadFile(files, "openapi.json")
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(main, &doc); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	names, err := fs.Glob(files, "openapi/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	paths, _ := doc["paths"].(map[string]any)
	components, _ := doc["components"].(map[string]any)
	schemas, _ := components["schemas"].(map[string]any)
	if paths == nil || schemas == nil {
		return nil, fmt.Errorf("openapi.json: needs paths and components.schemas")
	}
	for _, name := range names {
		b, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, err
		}
		var frag struct {
			Paths      map[string]any `json:"paths"`
			Components struct {
				Schemas map[string]any `json:"schemas"`
			} `json:"components"`
		}
		if err := json.Unmarshal(b, &frag); err != nil {
			return nil, fmt.Errorf("%s: %w", path.Base(name), err)
		}
		for p, item := range frag.Paths {
			if _, dup := paths[p]; dup {
				return nil, fmt.Errorf("%s: path %s is already described", path.Base(name), p)
			}
			paths[p] = item
		}
		for s, schema := range frag.Components.Schemas {
			if _, dup := schemas[s]; dup {
				return nil, fmt.Errorf("%s: schema %s is already described", path.Base(name), s)
			}
			schemas[s] = schema
		}
	}
	return json.MarshalIndent(doc, "", "  ")
}

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
