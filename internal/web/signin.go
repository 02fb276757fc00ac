package web

import (
	"net"
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/csc"
)

func (s *Server) signInForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "signin", &view{Title: "Sign in", Form: url.Values{"next": {safeNext(r.URL.Query().Get("next"))}}})
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := parseForm(r); err != nil {
		s.renderError(w, r, err)
		return
	}
	addr, _, _ := net.SplitHostPort(r.RemoteAddr)
	token, _, err := s.app.SignIn(r.Context(), r.PostForm.Get("username"), r.PostForm.Get("password"), addr)
	if err != nil && status(err) == http.StatusInternalServerError {
		s.renderError(w, r, err)
		return
	}
	if err != nil {
		v := &view{Title: "Sign in", Form: url.Values{"username": {r.PostForm.Get("username")}, "next": {safeNext(r.PostForm.Get("next"))}},
			Errors: []csc.FieldError{{Field: "username", Message: csc.ErrorMessage(err)}}}
		s.render(w, r, status(err), "signin", v)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: s.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(s.app.Options().SessionLength.Seconds())})
	http.Redirect(w, r, safeNext(r.PostForm.Get("next")), http.StatusSeeOther)
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.app.SignOut(r.Context(), c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
	http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
}

// home sends each role to where its work starts.
func (s *Server) home(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	switch {
	case actor.Can(csc.ActContactScreen):
		return redirect(w, r, "/front-door")
	case actor.Can(csc.ActPeopleSearch):
		return redirect(w, r, "/people")
	case actor.Can(csc.ActStaffManage):
		return redirect(w, r, "/admin/staff")
	case actor.Can(csc.ActImprovementView):
		// Board members see nothing of children's records: their home is
		// the improvement area.
		return redirect(w, r, "/improvement")
	}
	s.render(w, r, http.StatusOK, "home", &view{Title: "cairn"})
	return nil
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	return csc.Errorf(csc.NotFound, "If you typed the web address, check it is correct.")
}

// pathID reads a positive record id from the path.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, csc.Errorf(csc.NotFound, "There is no record with that number.")
	}
	return id, nil
}

// formID reads an optional positive id from a form or query value.
func formID(v string) int64 {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}
