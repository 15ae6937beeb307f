package desk

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"dossier"
	"dossier/ledger"
)

const (
	sessionCookie = "dossier_session"
	preCookie     = "dossier_pre" // CSRF token of the login and setup forms, before a session exists
)

type ctxKey struct{}

// sessionOf returns the request's session (set by auth).
func sessionOf(r *http.Request) ledger.Session {
	s, _ := r.Context().Value(ctxKey{}).(ledger.Session)
	return s
}

// lookup returns the request's valid session, if any.
func (d *Desk) lookup(r *http.Request) (ledger.Session, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return ledger.Session{}, false
	}
	s, err := d.led.Session(r.Context(), c.Value, d.now(), d.cfg.SessionIdle)
	if err != nil {
		if !errors.Is(err, ledger.ErrNoSession) {
			d.log.Error().Err(err).Msg("read session")
		}
		return ledger.Session{}, false
	}
	return s, true
}

// auth lets a request with a valid session through (and checks the CSRF
// token of a POST); without one, a page answers 303 to the login page.
func (d *Desk) auth(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, ok := d.lookup(r)
		if !ok {
			if r.Method != http.MethodGet {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if r.Method == http.MethodPost && !d.csrfOK(r, s.CSRF) {
			d.forbidden(w, r, "表单已失效（缺少或错误的校验码），请返回上一页刷新后重试。")
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, s)))
	})
}

// authJSON is auth for machine endpoints: 401 without a session.
func (d *Desk) authJSON(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, ok := d.lookup(r)
		if !ok {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("WWW-Authenticate", `Cookie realm="dossier"`)
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":"login required"}` + "\n"))
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, s)))
	})
}

// clerkOnly refuses a viewer (403).
func (d *Desk) clerkOnly(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s := sessionOf(r); s.User.Role != dossier.RoleClerk {
			d.log.Warn().Str("user", s.User.Name).Str("path", r.URL.Path).Msg("viewer tried to change something")
			d.forbidden(w, r, "只读账号不能作出审核决定或重发通知。")
			return
		}
		next(w, r)
	}
}

// csrfOK checks a POST's form token against want, and its Origin when the
// browser sends one.
func (d *Desk) csrfOK(r *http.Request, want string) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host {
			return false
		}
	}
	got := r.PostFormValue("csrf")
	return want != "" && got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// preToken returns the pre-session CSRF token, setting its cookie if the
// browser has none.
func (d *Desk) preToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(preCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	tok := ledger.NewToken()
	http.SetCookie(w, d.cookie(preCookie, tok))
	return tok
}

func (d *Desk) cookie(name, value string) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: d.cfg.TLS}
}

func (d *Desk) clearCookie(w http.ResponseWriter, name string) {
	c := d.cookie(name, "")
	c.MaxAge = -1
	http.SetCookie(w, c)
}

// localNext is the page to go to after logging in: a path on this site only.
func localNext(s string) string {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.ContainsAny(s, "\\\r\n") ||
		strings.HasPrefix(s, "/login") || strings.HasPrefix(s, "/setup") {
		return "/"
	}
	return s
}

// clientIP is the peer's address; forwarded headers are not trusted.
func clientIP(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}
