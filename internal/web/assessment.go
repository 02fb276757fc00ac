package web

import "net/http"

// assessmentRoutes registers the pages of referrals' episodes, assessments, early help and homeless 16/17 outcomes.
func (s *Server) assessmentRoutes(mux *http.ServeMux) {}
