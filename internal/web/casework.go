package web

import "net/http"

// caseworkRoutes registers the pages of child in need plans, visits, case notes and the case summary.
func (s *Server) caseworkRoutes(mux *http.ServeMux) {}
