package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"cairn/internal/csc"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages holds one parsed template per page, each with the layout and the
// shared partials.
type pages struct{ byName map[string]*template.Template }

var funcs = template.FuncMap{
	"date": func(d csc.Date) string { return d.Long() },
	"when": when,
	// The long lists, written in Go (rows.go).
	"chronologyRows": chronologyRows,
	"timelineItems":  timelineItems,
	"queueRows":      queueRows,
	"contactRows":    contactRows,
	"clockRows":      clockRows,
	"referralRows":   referralRows,
	"whenShort":      func(t time.Time) string { return whenFmt(t, "2 Jan 15:04") },
	"isoLocal": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(csc.London).Format("2006-01-02T15:04")
	},
	"duration":  duration,
	"ragTag":    ragTag,
	"codeLabel": codeLabel,
	"codes": func(list string, on time.Time) []csc.Code {
		return csc.Codes(csc.ListID(list), csc.CollectionYearOf(csc.DateOf(on)))
	},
	"has":           func(vs []string, v string) bool { return contains(vs, v) },
	"join":          strings.Join,
	"lines":         func(s string) []string { return strings.Split(strings.TrimSpace(s), "\n") },
	"age":           age,
	"add":           func(a, b int) int { return a + b },
	"dict":          dict,
	"list":          func(vs ...string) []string { return vs },
	"consentLabel":  func(v string) string { return csc.Consent(v).Label() },
	"ragLabel":      func(v string) string { return csc.RAG(v).Label() },
	"decisionLabel": func(v string) string { return csc.Decision(v).Label() },
	"kindLabel":     func(v string) string { return csc.PersonKind(v).Label() },
	"relTypes":      func() []csc.RelationshipType { return csc.RelationshipTypes },
	"teamKinds":     func() []csc.TeamKind { return csc.TeamKinds },
	"roles":         func() []csc.Role { return csc.Roles },
	"employments":   func() []csc.Employment { return csc.Employments },
	"reasonLabel": func(code string) string {
		for _, r := range csc.MissedReasons {
			if r.Code == code {
				return r.Label
			}
		}
		return code
	},
	"pwLabel": func(id int64) string {
		if id == 0 {
			return "Password"
		}
		return "New password (leave empty to keep the current one)"
	},
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
}

// dict builds a map from alternating keys and values, to pass several
// values to a shared template.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		m[k] = kv[i+1]
	}
	return m
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

func when(t time.Time) string { return whenFmt(t, whenLayout) }

// whenLayout is how pages write an instant: "3 March 2026 at 14:05".
const whenLayout = "2 January 2006 at 15:04"

func whenFmt(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(csc.London).Format(layout)
}

// duration writes a span as staff say it: "3 hours 5 minutes", "2 days 4 hours".
func duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	days, hours, mins := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour), int(d%time.Hour/time.Minute)
	unit := func(n int, s string) string {
		if n == 1 {
			return fmt.Sprintf("1 %s", s)
		}
		return fmt.Sprintf("%d %ss", n, s)
	}
	switch {
	case days > 0:
		return unit(days, "day") + " " + unit(hours, "hour")
	case hours > 0:
		return unit(hours, "hour") + " " + unit(mins, "minute")
	}
	return unit(mins, "minute")
}

func ragTag(r csc.RAG) string {
	switch r {
	case csc.RAGRed:
		return "govuk-tag--red"
	case csc.RAGAmber:
		return "govuk-tag--yellow"
	case csc.RAGGreen:
		return "govuk-tag--green"
	}
	return "govuk-tag--grey"
}

// codeLabel shows a DfE code with its description, e.g. "6: Police".
func codeLabel(list string, value any, on time.Time) string {
	v := fmt.Sprint(value)
	if v == "" {
		return "Not recorded"
	}
	if c, ok := csc.LookupCode(csc.ListID(list), csc.CollectionYearOf(csc.DateOf(on)), v); ok {
		return c.Value + ": " + c.Label
	}
	return v
}

func age(p *csc.Person, now time.Time) string {
	if p.Kind == csc.KindUnborn {
		if !p.ExpectedDateOfBirth.IsZero() {
			return "Due " + p.ExpectedDateOfBirth.Long()
		}
		return "Unborn"
	}
	n, ok := p.AgeOn(csc.DateOf(now))
	if !ok {
		return "Age not known"
	}
	if n == 0 {
		months := p.DateOfBirth.DaysUntil(csc.DateOf(now)) / 30
		return fmt.Sprintf("%d %s", months, map[bool]string{true: "month", false: "months"}[months == 1])
	}
	return fmt.Sprintf("%d", n)
}

func loadPages() (*pages, error) {
	base := template.New("").Funcs(funcs)
	partials, err := fs.Glob(templateFS, "templates/_*.html")
	if err != nil {
		return nil, err
	}
	if _, err := base.ParseFS(templateFS, partials...); err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(templateFS, f); err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", f, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// view is what every page template receives.
type view struct {
	Title  string
	Count  int // work overdue or due today, for the navigation
	Actor  csc.Actor
	Now    time.Time
	Errors []csc.FieldError
	Form   url.Values
	Flash  string
	Data   any
	Nav    string

	// page is the page being rendered, set while render executes the
	// template.
	page *bytes.Buffer
}

// writer gives a writer of one of the long lists (rows.go) somewhere to
// write: straight into the page when the template is being rendered, and
// direct is then true and the writer returns "" to the template. A chronology
// of 2,000 entries is over a megabyte of rows; printed as a string, it was
// copied twice more (by fmt into its own buffer, and then into the page)
// and allocating those copies was a fifth of the page's memory churn.
// Writing into the page is sound because a template writes each piece of
// the page to its writer as it reaches it, in order, so what the function
// writes lands where the template calls it. Without a page (in tests) the
// writer has a buffer of its own, of about size bytes.
func (v *view) writer(size int) (b htmlBuilder, direct bool) {
	if v.page != nil {
		return htmlBuilder{v.page}, true
	}
	return newHTMLBuilder(size), false
}

// pageBuffers holds the buffers pages are rendered into, for the next page: a
// long record's page is a megabyte or more, and growing a new buffer to
// that size for every page was nearly a third of the memory the chronology
// page allocated.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxKeptPage is the largest buffer kept for another page; larger ones are
// left to the garbage collector.
const maxKeptPage = 8 << 20

// ErrorFor returns the message for a field, or "".
func (v *view) ErrorFor(field string) string {
	for _, e := range v.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Value returns a submitted form value, for re-showing a form after errors.
func (v *view) Value(field string) string { return v.Form.Get(field) }

// Values returns all submitted values of a field.
func (v *view) Values(field string) []string { return v.Form[field] }

// Can reports whether the signed-in user may take an action (to show or
// hide links; the service layer decides for real).
func (v *view) Can(action string) bool { return v.Actor.Can(csc.Action(action)) }

// render writes a page with the given status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v *view) {
	t, ok := s.pages.byName[name]
	if !ok {
		s.log.Error("no such page template", "page", name)
		http.Error(w, "Something went wrong.", http.StatusInternalServerError)
		return
	}
	if a, ok := r.Context().Value(actorKey{}).(csc.Actor); ok && v.Actor.StaffID == 0 {
		v.Actor = a
	}
	if v.Now.IsZero() {
		v.Now = s.app.Now()
	}
	if v.Flash == "" {
		v.Flash = takeFlash(w, r)
	}
	v.Count = s.trayCount(r, v.Actor)
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		v.page = nil
		if buf.Cap() <= maxKeptPage {
			pageBuffers.Put(buf)
		}
	}()
	v.page = buf
	if err := t.ExecuteTemplate(buf, "layout", v); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "Something went wrong. The problem has been logged.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// renderError shows an error page for err: field errors go back to the form
// by the handler itself; here they become a plain error page.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	st := status(err)
	if st == http.StatusInternalServerError {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
	}
	if st == http.StatusUnauthorized {
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return
	}
	title := map[int]string{400: "There is a problem", 403: "You cannot do that", 404: "Page not found",
		409: "The record has changed", 429: "Too many attempts", 500: "Sorry, there is a problem with the service"}[st]
	s.render(w, r, st, "error", &view{Title: title, Data: csc.ErrorMessage(err), Errors: csc.ErrorFields(err)})
}

const flashCookie = "cairn_flash"

// flash sets a one-time confirmation shown on the next page. Messages are
// fixed phrases chosen by cairn, never user input.
func (s *Server) flash(w http.ResponseWriter, msg string) {
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: url.QueryEscape(msg), Path: "/", HttpOnly: true,
		Secure: s.secure, SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

func takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1})
	msg, _ := url.QueryUnescape(c.Value)
	return msg
}

// redirect answers a successful POST with a redirect to a GET (so a reload
// does not submit twice).
func redirect(w http.ResponseWriter, r *http.Request, to string) error {
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}
