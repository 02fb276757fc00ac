package api

import (
	"net/http"
	"slices"

	"cairn/internal/csc"
)

// handlerFunc is an API handler: it gets the authenticated actor (the zero
// Actor on public routes) and returns an error for writeError to map.
type handlerFunc func(s *server, w http.ResponseWriter, r *http.Request, actor csc.Actor) error

// route is one row of the routing table.
type route struct {
	Method  string
	Path    string // beneath Prefix, in http.ServeMux pattern syntax
	Public  bool   // served without a bearer token
	Handler handlerFunc
}

// routes is every route of the API. New registers exactly these, and a
// test checks that the OpenAPI document describes exactly these. Each part
// of the record keeps its rows in a table beside its handlers.
var routes = slices.Concat(coreRoutes, assessmentRoutes, protectionRoutes, caseworkRoutes, improvementRoutes, boardRoutes)

// coreRoutes are the foundation's: people, contacts, documents, staff.
var coreRoutes = []route{
	{Method: http.MethodGet, Path: "/openapi.json", Public: true, Handler: (*server).openAPI},

	{Method: http.MethodGet, Path: "/people", Handler: (*server).searchPeople},
	{Method: http.MethodPost, Path: "/people", Handler: (*server).createPerson},
	{Method: http.MethodGet, Path: "/people/{id}", Handler: (*server).childRecord},
	{Method: http.MethodPut, Path: "/people/{id}", Handler: (*server).updatePerson},
	{Method: http.MethodPost, Path: "/people/{id}/relationships", Handler: (*server).addRelationship},
	{Method: http.MethodPut, Path: "/people/{id}/restriction", Handler: (*server).setRestriction},

	{Method: http.MethodGet, Path: "/contacts", Handler: (*server).frontDoorQueue},
	{Method: http.MethodPost, Path: "/contacts", Handler: (*server).recordContact},
	{Method: http.MethodGet, Path: "/contacts/{id}", Handler: (*server).findContact},
	{Method: http.MethodPost, Path: "/contacts/{id}/screening", Handler: (*server).screenContact},
	{Method: http.MethodPost, Path: "/contacts/{id}/partner-checks", Handler: (*server).recordPartnerCheck},
	{Method: http.MethodPost, Path: "/contacts/{id}/decision", Handler: (*server).decideContact},
	{Method: http.MethodPost, Path: "/contacts/{id}/oversight", Handler: (*server).recordOversight},

	{Method: http.MethodGet, Path: "/documents/{id}", Handler: (*server).openDocument},

	{Method: http.MethodGet, Path: "/teams", Handler: (*server).listTeams},
	{Method: http.MethodPost, Path: "/teams", Handler: (*server).createTeam},
	{Method: http.MethodPut, Path: "/teams/{id}", Handler: (*server).updateTeam},
	{Method: http.MethodGet, Path: "/districts", Handler: (*server).listDistricts},

	{Method: http.MethodGet, Path: "/staff", Handler: (*server).listStaff},
	{Method: http.MethodPost, Path: "/staff", Handler: (*server).createStaff},
	{Method: http.MethodGet, Path: "/staff/{id}", Handler: (*server).findStaff},
	{Method: http.MethodPut, Path: "/staff/{id}", Handler: (*server).updateStaff},

	{Method: http.MethodGet, Path: "/audit", Handler: (*server).auditTrail},
}
