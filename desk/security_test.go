package desk

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/ledger"
)

func TestRoutesNeedSession(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client()
	pages := []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/queue"}, {"GET", "/queue?all=1"}, {"GET", "/doc/1"}, {"GET", "/doc/1/page/1"},
		{"GET", "/doc/1/photo"}, {"GET", "/team/M11"}, {"GET", "/notices"},
		{"POST", "/doc/1/preview"}, {"POST", "/doc/1/decide"}, {"POST", "/doc/1/edit"}, {"POST", "/notices/1/retry"}, {"POST", "/logout"},
	}
	for _, p := range pages {
		t.Run(p.method+" "+p.path, func(t *testing.T) {
			var r reply
			if p.method == "GET" {
				r = c.get(p.path)
			} else {
				r = c.post(p.path, url.Values{"verdict": {"accepted"}, "note": {"x"}})
			}
			if r.code != http.StatusSeeOther || !strings.HasPrefix(r.loc, "/login") {
				t.Fatalf("%s %s without a session: %d %q, want 303 to /login", p.method, p.path, r.code, r.loc)
			}
		})
	}
	t.Run("GET /status.json", func(t *testing.T) {
		r := c.get("/status.json")
		if r.code != http.StatusUnauthorized || !strings.Contains(r.hdr.Get("Content-Type"), "json") {
			t.Fatalf("status.json without a session: %d %s", r.code, r.hdr.Get("Content-Type"))
		}
	})
	open := []string{"/healthz", "/login", "/static/desk.css"}
	for _, p := range open {
		t.Run("open "+p, func(t *testing.T) {
			if r := c.get(p); r.code != http.StatusOK {
				t.Fatalf("GET %s: %d", p, r.code)
			}
		})
	}
	if r := c.get("/queue"); r.loc != "/login?next=%2Fqueue" {
		t.Errorf("redirect keeps the page to return to: %q", r.loc)
	}
}

func TestSessionCookie(t *testing.T) {
	for _, tls := range []bool{false, true} {
		t.Run("tls="+strconv.FormatBool(tls), func(t *testing.T) {
			f := newFixture(t, func(c *Config) { c.TLS = tls })
			c := f.client()
			page := c.get("/login")
			tok := csrfInput.FindStringSubmatch(page.body)[1]
			r := c.post("/login", url.Values{"csrf": {tok}, "name": {"wang"}, "password": {clerkPW}})
			if r.code != http.StatusSeeOther || r.loc != "/" {
				t.Fatalf("login: %d %q", r.code, r.loc)
			}
			var sc *http.Cookie
			for _, ck := range (&http.Response{Header: r.hdr}).Cookies() {
				if ck.Name == sessionCookie {
					sc = ck
				}
			}
			if sc == nil || !sc.HttpOnly || sc.SameSite != http.SameSiteStrictMode || sc.Secure != tls || sc.MaxAge != 0 {
				t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Strict, Secure=%v, no Max-Age", sc, tls)
			}
			var stored int
			f.led.DB().QueryRow(`SELECT count(*) FROM sessions WHERE token_hash = ?`, sc.Value).Scan(&stored)
			if stored != 0 {
				t.Fatal("the session token is stored as is, not hashed")
			}
		})
	}
}

func TestSessionExpiresIdle(t *testing.T) {
	now := testNow
	f := newFixture(t, func(c *Config) {
		c.SessionIdle = time.Hour
		c.Clock = func() time.Time { return now }
	})
	c := f.client()
	if r := c.login("wang", clerkPW); r.code != http.StatusSeeOther {
		t.Fatalf("login: %d", r.code)
	}
	now = now.Add(59 * time.Minute)
	if r := c.get("/healthz"); r.code != 200 {
		t.Fatal(r.code)
	}
	if r := c.get("/status.json"); r.code == http.StatusUnauthorized {
		t.Fatal("session ended before its idle time")
	}
	now = now.Add(61 * time.Minute)
	if r := c.get("/status.json"); r.code != http.StatusUnauthorized {
		t.Fatalf("session idle 61 min answered %d, want 401", r.code)
	}
}

func TestPostNeedsCSRF(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client()
	if r := c.login("wang", clerkPW); r.code != http.StatusSeeOther || c.csrf == "" {
		t.Fatalf("login: %d, csrf %q", r.code, c.csrf)
	}
	posts := []string{"/doc/1/preview", "/doc/1/decide", "/doc/1/edit", "/notices/1/retry", "/logout"}
	cases := []struct {
		name   string
		csrf   string
		origin string
	}{
		{"no token", "", ""},
		{"wrong token", strings.Repeat("A", 43), ""},
		{"right token, foreign origin", "RIGHT", "http://evil.example"},
	}
	for _, p := range posts {
		for _, tc := range cases {
			t.Run(p+" "+tc.name, func(t *testing.T) {
				form := url.Values{"verdict": {"accepted"}, "note": {"n"}}
				if tc.csrf == "RIGHT" {
					form.Set("csrf", c.csrf)
				} else if tc.csrf != "" {
					form.Set("csrf", tc.csrf)
				}
				req, _ := http.NewRequest("POST", f.srv.URL+p, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				if tc.origin != "" {
					req.Header.Set("Origin", tc.origin)
				}
				if r := c.do(req); r.code != http.StatusForbidden {
					t.Fatalf("POST %s (%s): %d, want 403", p, tc.name, r.code)
				}
			})
		}
	}
	t.Run("login without the form's token", func(t *testing.T) {
		fresh := f.client()
		r := fresh.post("/login", url.Values{"name": {"wang"}, "password": {clerkPW}})
		if r.code != http.StatusForbidden {
			t.Fatalf("login without CSRF: %d", r.code)
		}
	})
	if r := c.get("/"); r.code != http.StatusOK {
		t.Fatalf("the session survived the refused posts: %d", r.code)
	}
}

func TestViewerCannotDecide(t *testing.T) {
	f := newFixture(t, nil)
	doc := f.addDoc(dossier.Document{Name: "专项审计报告.pdf", TeamID: "M11", Kind: dossier.KindAudit, Format: dossier.FormatPDF,
		Pages: 2, Verdict: dossier.VerdictReview, Findings: []dossier.Finding{{Rule: "F009", Severity: dossier.SeverityWarning, Message: "扫描件"}},
		Fields: dossier.Fields{"contact_email": "unit@example.com"}}, testPDF(t, filepath.Join(f.dir, "a.pdf"), 2))
	c := f.client()
	if r := c.login("li", viewerPW); r.code != http.StatusSeeOther {
		t.Fatalf("viewer login: %d", r.code)
	}
	id := strconv.FormatInt(doc.ID, 10)
	for _, p := range []string{"/doc/" + id + "/decide", "/doc/" + id + "/preview", "/doc/" + id + "/edit", "/notices/1/retry"} {
		t.Run(p, func(t *testing.T) {
			r := c.post(p, url.Values{"csrf": {c.csrf}, "verdict": {"accepted"}, "note": {"viewer tries"}, "force": {"1"}})
			if r.code != http.StatusForbidden {
				t.Fatalf("viewer POST %s: %d, want 403", p, r.code)
			}
		})
	}
	var n int
	f.led.DB().QueryRow(`SELECT count(*) FROM documents WHERE id = ? AND verdict = 'review'`, doc.ID).Scan(&n)
	if n != 1 {
		t.Fatal("a viewer's POST changed the verdict")
	}
	r := c.get("/doc/" + id)
	if r.code != http.StatusOK {
		t.Fatalf("viewer reads the document: %d", r.code)
	}
	{
		if strings.Contains(r.body, `action="/doc/`+id+`/preview"`) {
			t.Error("the viewer's page offers the decision form")
		}
		if strings.Contains(r.body, "unit@example.com") {
			t.Error("the viewer's page shows the unit's e-mail address")
		}
	}
}

func TestPageImage(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Render = realRender(t) })
	pdf := testPDF(t, filepath.Join(f.dir, "a.pdf"), 2)
	doc := f.addDoc(dossier.Document{Name: "审计报告.pdf", TeamID: "M11", Kind: dossier.KindAudit, Format: dossier.FormatPDF,
		Pages: 2, Verdict: dossier.VerdictAccepted}, pdf)
	photo := f.addDoc(dossier.Document{Name: "现场.png", TeamID: "M11", Kind: dossier.KindPhotos, Format: dossier.FormatPNG,
		Verdict: dossier.VerdictAccepted}, pngBytes(t))
	c := f.client()
	c.login("wang", clerkPW)
	id := strconv.FormatInt(doc.ID, 10)
	r := c.get("/doc/" + id + "/page/1")
	if r.code != http.StatusOK || r.hdr.Get("Content-Type") != "image/png" {
		t.Fatalf("page 1: %d %s", r.code, r.hdr.Get("Content-Type"))
	}
	img, err := png.Decode(strings.NewReader(r.body))
	if err != nil || img.Bounds().Dx() < 800 || img.Bounds().Dy() < 1100 {
		t.Fatalf("page 1 is not an A4 page image: %v %v", err, img.Bounds())
	}
	cached := filepath.Join(f.dir, "data", "cache", "pages", doc.SHA256+"-1.png")
	if b, err := os.ReadFile(cached); err != nil || !bytes.Equal(b, []byte(r.body)) {
		t.Fatalf("page 1 not cached by SHA-256 and page at %s: %v", cached, err)
	}
	if r2 := c.get("/doc/" + id + "/page/1?path=/etc/passwd&file=../../dossier.db"); r2.body != r.body {
		t.Fatal("a path in the query changed what the page route served")
	}
	bad := []string{
		"/doc/" + id + "/page/3", "/doc/" + id + "/page/0", "/doc/" + id + "/page/-1", "/doc/" + id + "/page/01",
		"/doc/" + id + "/page/1.png", "/doc/" + id + "/page/abc", "/doc/99999/page/1", "/doc/0/page/1",
		"/doc/" + id + "%2F..%2F..%2Fetc%2Fpasswd/page/1", "/doc/..%2F" + id + "/page/1", "/doc/" + id + "x/page/1",
		"/doc/" + strconv.FormatInt(photo.ID, 10) + "/page/1",
	}
	for _, p := range bad {
		t.Run(p, func(t *testing.T) {
			if r := c.get(p); r.code != http.StatusNotFound {
				t.Fatalf("GET %s: %d, want 404", p, r.code)
			}
		})
	}
	if r := c.get("/doc/" + strconv.FormatInt(photo.ID, 10) + "/photo"); r.code != 200 || r.body != string(pngBytes(t)) {
		t.Fatalf("photo served %d, not as it is", r.code)
	}
	if r := c.get("/doc/" + id + "/photo"); r.code != http.StatusNotFound {
		t.Fatalf("a PDF's photo route: %d", r.code)
	}
}

func TestLoginBurstSlowed(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.LoginDelay, c.LoginDelayMax = 250*time.Millisecond, time.Second })
	c := f.client()
	tok := csrfInput.FindStringSubmatch(c.get("/login").body)[1]
	try := func(pw string) (int, time.Duration) {
		start := time.Now()
		r := c.post("/login", url.Values{"csrf": {tok}, "name": {"wang"}, "password": {pw}})
		return r.code, time.Since(start)
	}
	// Delays far above a request's own time, so a loaded machine cannot blur
	// "not slowed" (under 200 ms) into "slowed" (250 ms and more).
	want := []time.Duration{0, 250, 500, 1000, 1000} // ms, capped at LoginDelayMax
	for i, w := range want {
		code, took := try("wrong-password")
		if code != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d, want 401", i+1, code)
		}
		if took < w*time.Millisecond {
			t.Errorf("attempt %d answered in %v, want at least %v", i+1, took, w*time.Millisecond)
		}
		if i == 0 && took > 200*time.Millisecond {
			t.Errorf("first attempt slowed (%v)", took)
		}
	}
	if code, took := try(clerkPW); code != http.StatusSeeOther || took < time.Second {
		t.Errorf("right password after the burst: %d in %v, want 303 after at least 1s", code, took)
	}
	c = f.client() // logged in: a new browser for the next attempt
	tok = csrfInput.FindStringSubmatch(c.get("/login").body)[1]
	if code, took := try("wrong-password"); code != http.StatusUnauthorized || took > 200*time.Millisecond {
		t.Errorf("after a success the failures are forgotten: %d in %v", code, took)
	}
	if n := strings.Count(f.logs.String(), `"failed login"`); n != 6 {
		t.Errorf("%d failed logins logged, want 6:\n%s", n, f.logs.String())
	}
	if strings.Contains(f.logs.String(), "wrong-password") || strings.Contains(f.logs.String(), clerkPW) {
		t.Error("a password reached the log")
	}
}

func TestCheckListen(t *testing.T) {
	cases := []struct {
		addr       string
		tls, allow bool
		ok         bool
	}{
		{"127.0.0.1:8470", false, false, true},
		{"localhost:8470", false, false, true},
		{"[::1]:8470", false, false, true},
		{"0.0.0.0:8470", false, false, false},
		{":8470", false, false, false},
		{"192.168.1.20:8470", false, false, false},
		{"desk.example:443", false, false, false},
		{"0.0.0.0:8470", true, false, true},
		{"0.0.0.0:8470", false, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.addr, func(t *testing.T) {
			err := CheckListen(tc.addr, tc.tls, tc.allow)
			if (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrPlainLAN)) {
				t.Fatalf("CheckListen(%s, tls=%v, allow=%v) = %v", tc.addr, tc.tls, tc.allow, err)
			}
		})
	}
}

func TestSetupLink(t *testing.T) {
	dir := t.TempDir()
	led, err := ledger.Open(filepath.Join(dir, ledger.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer led.Close()
	f := newFixture(t, nil) // for the service; the desk below has no account yet
	d, err := New(Config{Service: f.svc, Ledger: led, Clock: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(d)
	defer f.srv.Close()
	link, err := d.SetupLink(context.Background())
	if err != nil || !strings.HasPrefix(link, "/setup?token=") {
		t.Fatalf("SetupLink = %q, %v", link, err)
	}
	c := f.client()
	if r := c.get("/login"); !strings.Contains(r.body, "一次性链接") {
		t.Error("the login page does not say how to make the first account")
	}
	if r := c.get("/setup?token=guess"); r.code != http.StatusNotFound {
		t.Fatalf("unknown setup token: %d", r.code)
	}
	page := c.get(link)
	m := csrfInput.FindStringSubmatch(page.body)
	if page.code != 200 || m == nil {
		t.Fatalf("setup page: %d", page.code)
	}
	tok, _ := url.ParseQuery(strings.TrimPrefix(link, "/setup?"))
	form := url.Values{"csrf": {m[1]}, "token": {tok.Get("token")}, "name": {"zhang"}, "password": {"first-clerk-pw"}, "password2": {"first-clerk-pw"}}
	if r := c.post("/setup", url.Values{"token": {tok.Get("token")}, "name": {"x"}}); r.code != http.StatusForbidden {
		t.Fatalf("setup without CSRF: %d", r.code)
	}
	if r := c.post("/setup", form); r.code != http.StatusSeeOther || r.loc != "/" {
		t.Fatalf("setup: %d %q", r.code, r.loc)
	}
	if u, err := led.Clerk(context.Background(), "zhang"); err != nil || u.Role != dossier.RoleClerk {
		t.Fatalf("first account: %+v %v", u, err)
	}
	if r := c.get("/status.json"); r.code == http.StatusUnauthorized {
		t.Fatal("setup did not log the new clerk in")
	}
	other := f.client()
	page = other.get(link)
	if page.code != http.StatusNotFound {
		t.Fatalf("setup link used twice: %d", page.code)
	}
	if again, _ := d.SetupLink(context.Background()); again != "" {
		t.Fatal("a setup link is offered while an account exists")
	}
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	img := imageOf(40, 30)
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// /healthz is open, says ok, and answers 503 without details (no server
// path) while dossier has trouble of its own.
func TestHealthzReportsOwnTrouble(t *testing.T) {
	var trouble error
	since := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	d := &Desk{cfg: Config{Health: func() (time.Time, error) { return since, trouble }}}
	for _, tc := range []struct {
		name string
		err  error
		code int
	}{
		{"fine", nil, http.StatusOK},
		{"disk full", errors.New("write /var/lib/dossier/cache/pdfium/x: no space left on device"), http.StatusServiceUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			trouble = tc.err
			rec := httptest.NewRecorder()
			d.healthz(rec, httptest.NewRequest("GET", "/healthz", nil))
			if rec.Code != tc.code {
				t.Fatalf("code %d, want %d", rec.Code, tc.code)
			}
			if strings.Contains(rec.Body.String(), "/var/lib") {
				t.Fatalf("server path shown: %q", rec.Body.String())
			}
		})
	}
}
