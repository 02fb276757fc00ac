package web

import "net/http"

// protectionRoutes registers the pages of strategy discussions, section 47 enquiries, conferences and protection plans.
func (s *Server) protectionRoutes(mux *http.ServeMux) {}
