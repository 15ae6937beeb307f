package desk

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"image"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"dossier/ledger"
	"dossier/service"
)

// Errors.
var (
	ErrConfig = errors.New("desk: incomplete configuration")
)

// RenderPage renders page (1-based) of the PDF at path at dpi
// (extract.Extractor.RenderPage).
type RenderPage func(ctx context.Context, path string, page, dpi int) (image.Image, error)

// Config is what the desk is built from.
type Config struct {
	Service *service.Service // every read and decision
	Ledger  *ledger.Ledger   // accounts and sessions
	// CacheDir holds rendered page images (data/cache/pages); "" renders
	// every time.
	CacheDir string
	// Render renders a PDF page; nil shows no page images.
	Render RenderPage
	// SessionIdle ends a session after this long unused (default 8h).
	SessionIdle time.Duration
	// TLS: the desk is served over HTTPS (session cookies are Secure).
	TLS bool
	// LoginDelay is the delay after the first failed login of a name or
	// address; it doubles with each further failure up to LoginDelayMax
	// (defaults 1s and 30s).
	LoginDelay, LoginDelayMax time.Duration
	Clock                     func() time.Time
	Log                       zerolog.Logger
	// Health reports dossier's own trouble (extract.Health): /healthz
	// answers 503 while it is not nil. nil: always ok.
	Health func() (since time.Time, err error)
}

// Desk is the desk's http.Handler.
type Desk struct {
	cfg      Config
	svc      *service.Service
	led      *ledger.Ledger
	mux      *http.ServeMux
	throttle *throttle
	pages    *pageCache
	tpl      map[string]*template.Template
	log      zerolog.Logger
}

// New builds the desk.
func New(cfg Config) (*Desk, error) {
	if cfg.Service == nil || cfg.Ledger == nil {
		return nil, ErrConfig
	}
	if cfg.SessionIdle <= 0 {
		cfg.SessionIdle = 8 * time.Hour
	}
	if cfg.LoginDelay <= 0 {
		cfg.LoginDelay = time.Second
	}
	if cfg.LoginDelayMax <= 0 {
		cfg.LoginDelayMax = 30 * time.Second
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	d := &Desk{cfg: cfg, svc: cfg.Service, led: cfg.Ledger, mux: http.NewServeMux(),
		throttle: newThrottle(cfg.LoginDelay, cfg.LoginDelayMax),
		log:      cfg.Log.With().Str("component", "desk").Logger()}
	d.pages = newPageCache(cfg.CacheDir, cfg.Render)
	var err error
	if d.tpl, err = d.parseTemplates(); err != nil {
		return nil, err
	}
	d.routes()
	return d, nil
}

func (d *Desk) routes() {
	m := d.mux
	m.HandleFunc("GET /healthz", d.healthz)
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	m.HandleFunc("GET /login", d.loginPage)
	m.HandleFunc("POST /login", d.login)
	m.HandleFunc("GET /setup", d.setupPage)
	m.HandleFunc("POST /setup", d.setup)
	m.Handle("POST /logout", d.auth(d.logout))

	m.Handle("GET /status.json", d.authJSON(d.statusJSON))
	m.Handle("GET /{$}", d.auth(d.overview))
	m.Handle("GET /queue", d.auth(d.queue))
	m.Handle("GET /doc/{id}", d.auth(d.document))
	m.Handle("GET /doc/{id}/page/{page}", d.auth(d.pageImage))
	m.Handle("GET /doc/{id}/photo", d.auth(d.photo))
	m.Handle("POST /doc/{id}/preview", d.auth(d.clerkOnly(d.preview)))
	m.Handle("POST /doc/{id}/decide", d.auth(d.clerkOnly(d.decide)))
	m.Handle("POST /doc/{id}/edit", d.auth(d.clerkOnly(d.edit)))
	m.Handle("GET /team/{id}", d.auth(d.team))
	m.Handle("GET /notices", d.auth(d.notices))
	m.Handle("POST /notices/{id}/retry", d.auth(d.clerkOnly(d.retry)))
}

// ServeHTTP serves the desk with its security headers.
func (d *Desk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "+
		"frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	if d.cfg.TLS {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	}
	d.mux.ServeHTTP(w, r)
}

func (d *Desk) now() time.Time { return d.cfg.Clock() }

func (d *Desk) loc() *time.Location { return d.svc.Programme().Location() }

// healthz answers ok, or 503 while dossier has trouble of its own (a full
// disk, PDFium failing to start…): files wait claimed and are retried. The
// details, which may name server paths, are in the log, not here.
func (d *Desk) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if d.cfg.Health != nil {
		if since, err := d.cfg.Health(); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ok: cannot read files since %s (own trouble, see the log); files wait and are retried\n", since.Format(time.RFC3339))
			return
		}
	}
	w.Write([]byte("ok\n"))
}
