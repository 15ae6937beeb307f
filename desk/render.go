package desk

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"

	"dossier"
	"dossier/ledger"
	"dossier/service"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}

// pageNames are the templates, each parsed with layout.html.
var pageNames = []string{"login", "setup", "message", "overview", "queue", "document", "preview", "team", "notices"}

// parseTemplates parses every page with the layout and the desk's helpers.
func (d *Desk) parseTemplates() (map[string]*template.Template, error) {
	m := map[string]*template.Template{}
	for _, n := range pageNames {
		t, err := template.New(n).Funcs(d.funcs()).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("parse desk template %s: %w", n, err)
		}
		m[n] = t
	}
	return m, nil
}

// page is what every page's layout needs.
type page struct {
	Title string // this page
	Site  string // the programme's title
	User  *ledger.User
	Clerk bool
	CSRF  string
	Nav   string // overview | queue | notices: the highlighted tab
}

// page builds the layout's model for a logged-in request.
func (d *Desk) page(r *http.Request, title, nav string) page {
	s := sessionOf(r)
	u := s.User
	return page{Title: title, Site: d.svc.Programme().Title, User: &u, Clerk: u.CanDecide(), CSRF: s.CSRF, Nav: nav}
}

// anonPage is page for the login and setup pages, with the pre-session
// CSRF token.
func (d *Desk) anonPage(w http.ResponseWriter, r *http.Request, title string) page {
	return page{Title: title, Site: d.svc.Programme().Title, CSRF: d.preToken(w, r)}
}

// render executes a page template into a buffer, then writes it.
func (d *Desk) render(w http.ResponseWriter, code int, name string, data any) {
	var b bytes.Buffer
	if err := d.tpl[name].ExecuteTemplate(&b, "layout", data); err != nil {
		d.log.Error().Err(err).Str("template", name).Msg("render page")
		http.Error(w, "页面生成失败，请查看日志。", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(b.Bytes())
}

type messageModel struct {
	page
	Heading, Text, Back string
}

func (d *Desk) message(w http.ResponseWriter, r *http.Request, code int, heading, text string) {
	var p page
	if s := sessionOf(r); s.User.Name != "" {
		p = d.page(r, heading, "")
	} else {
		p = page{Title: heading, Site: d.svc.Programme().Title}
	}
	d.render(w, code, "message", messageModel{page: p, Heading: heading, Text: text})
}

func (d *Desk) forbidden(w http.ResponseWriter, r *http.Request, text string) {
	d.message(w, r, http.StatusForbidden, "无权进行此操作", text)
}

func (d *Desk) notFound(w http.ResponseWriter, r *http.Request, text string) {
	d.message(w, r, http.StatusNotFound, "找不到", text)
}

// fail answers a failed read or write: the service's Chinese message
// for its errors, and the error in the log (never on the page: it may
// hold a path).
func (d *Desk) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := http.StatusInternalServerError
	switch {
	case errors.Is(err, service.ErrNotFound):
		d.notFound(w, r, service.Message(err))
		return
	case errors.Is(err, service.ErrBusy):
		code = http.StatusConflict
	default:
		d.log.Error().Err(err).Str("path", r.URL.Path).Str("user", sessionOf(r).User.Name).Msg("desk request failed")
	}
	d.message(w, r, code, "操作未完成", service.Message(err))
}

// kindOptions are the kinds a clerk may name.
var kindOptions = []dossier.Kind{dossier.KindSurvey, dossier.KindAudit, dossier.KindSummary, dossier.KindPhotos}
