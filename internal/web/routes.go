package web

import (
	"net/http"

	"cairn/internal/web/static"
)

// routes lists every route of the site in one place.
func (s *Server) routes(mux *http.ServeMux) {
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static.FS)))
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(static.Assets())))
	mux.HandleFunc("GET /healthz", s.healthz)
	if s.api != nil {
		mux.Handle("/api/v1/", s.api)
	}

	mux.HandleFunc("GET /sign-in", s.signInForm)
	mux.HandleFunc("POST /sign-in", s.signIn)
	mux.HandleFunc("POST /sign-out", s.signOut)
	mux.Handle("GET /{$}", s.page(s.home))

	mux.Handle("GET /front-door", s.page(s.frontDoor))
	mux.Handle("GET /contacts/new", s.page(s.contactNew))
	mux.Handle("POST /contacts", s.page(s.contactCreate))
	mux.Handle("GET /contacts/{id}", s.page(s.contactShow))
	mux.Handle("POST /contacts/{id}/screening", s.page(s.contactScreen))
	mux.Handle("POST /contacts/{id}/checks", s.page(s.contactCheck))
	mux.Handle("POST /contacts/{id}/decision", s.page(s.contactDecide))
	mux.Handle("POST /contacts/{id}/oversight", s.page(s.contactOversee))

	mux.Handle("GET /people", s.page(s.peopleSearch))
	mux.Handle("GET /people/new", s.page(s.personNew))
	mux.Handle("POST /people", s.page(s.personCreate))
	mux.Handle("GET /people/{id}", s.page(s.childShow))
	mux.Handle("GET /people/{id}/edit", s.page(s.personEdit))
	mux.Handle("POST /people/{id}", s.page(s.personUpdate))
	mux.Handle("POST /people/{id}/relationships", s.page(s.relationshipCreate))
	mux.Handle("GET /people/{id}/restriction", s.page(s.restrictionEdit))
	mux.Handle("POST /people/{id}/restriction", s.page(s.restrictionUpdate))
	mux.Handle("GET /documents/{id}", s.page(s.documentShow))

	mux.Handle("GET /admin/teams", s.page(s.teamList))
	mux.Handle("GET /admin/teams/new", s.page(s.teamNew))
	mux.Handle("POST /admin/teams", s.page(s.teamSave))
	mux.Handle("GET /admin/teams/{id}", s.page(s.teamEdit))
	mux.Handle("POST /admin/teams/{id}", s.page(s.teamSave))
	mux.Handle("GET /admin/staff", s.page(s.staffList))
	mux.Handle("GET /admin/staff/new", s.page(s.staffNew))
	mux.Handle("POST /admin/staff", s.page(s.staffSave))
	mux.Handle("GET /admin/staff/{id}", s.page(s.staffEdit))
	mux.Handle("POST /admin/staff/{id}", s.page(s.staffSave))
	mux.Handle("GET /admin/audit", s.page(s.auditTrail))
	mux.Handle("GET /admin/settings", s.page(s.settingsShow))
	mux.Handle("POST /admin/settings", s.page(s.settingsChange))

	mux.Handle("GET /work", s.page(s.myWork))
	mux.Handle("GET /team", s.page(s.teamWork))
	mux.Handle("GET /clocks/{id}", s.page(s.clockShow))
	mux.Handle("POST /clocks/{id}/explanation", s.page(s.clockExplain))
	mux.Handle("POST /clocks/{id}/sign-off", s.page(s.clockSignOff))
	mux.Handle("GET /indicators", s.page(s.indicators))
	mux.Handle("GET /indicators/{rule}", s.page(s.indicatorChildren))

	s.assessmentRoutes(mux)
	s.protectionRoutes(mux)
	s.caseworkRoutes(mux)
	s.boardRoutes(mux)
	s.returns903Routes(mux)
	s.improvementRoutes(mux)
	s.dataQualityRoutes(mux)
	s.annexARoutes(mux)

	mux.Handle("/", s.page(s.notFound))
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}
