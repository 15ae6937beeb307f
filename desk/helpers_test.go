package desk

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/rs/zerolog"

	"dossier"
	"dossier/config"
	"dossier/extract"
	"dossier/intake"
	"dossier/ledger"
	"dossier/service"
)

func init() { ledger.BcryptCost = 4 }

var testNow = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

const (
	clerkPW  = "clerk-password-1"
	viewerPW = "viewer-password-1"
)

// fixture is a desk over a real ledger in a temporary folder, with a
// clerk "wang" and a viewer "li".
type fixture struct {
	t    *testing.T
	dir  string
	led  *ledger.Ledger
	svc  *service.Service
	desk *Desk
	srv  *httptest.Server
	logs *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newFixture(t *testing.T, mod func(*Config)) *fixture {
	t.Helper()
	dir := t.TempDir()
	led, err := ledger.Open(filepath.Join(dir, "data", ledger.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { led.Close() })
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, dir: dir, led: led, logs: &syncBuffer{}}
	folders, err := intake.New(filepath.Join(dir, "inbox"), filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	f.svc = service.New(service.Config{Registry: cfg.Registry, Programme: cfg.Programme, Ledger: led, Folders: folders,
		Clock: func() time.Time { return testNow }})
	dc := Config{Service: f.svc, Ledger: led, CacheDir: filepath.Join(dir, "data", "cache", "pages"),
		Clock: func() time.Time { return testNow }, Log: zerolog.New(f.logs), LoginDelay: 20 * time.Millisecond, LoginDelayMax: 2 * time.Second}
	if mod != nil {
		mod(&dc)
	}
	if f.desk, err = New(dc); err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(f.desk)
	t.Cleanup(f.srv.Close)
	for _, u := range []struct {
		name, pw string
		role     dossier.Role
	}{{"wang", clerkPW, dossier.RoleClerk}, {"li", viewerPW, dossier.RoleViewer}} {
		if _, err := led.AddUser(context.Background(), u.name, u.role, u.pw, testNow); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// client is a browser without JavaScript: cookies, no redirects followed.
type client struct {
	f    *fixture
	c    *http.Client
	csrf string
}

func (f *fixture) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{f: f, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type reply struct {
	code int
	loc  string
	body string
	hdr  http.Header
}

func (c *client) do(req *http.Request) reply {
	c.f.t.Helper()
	resp, err := c.c.Do(req)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header.Get("Location"), string(b), resp.Header}
}

func (c *client) get(path string) reply {
	req, _ := http.NewRequest(http.MethodGet, c.f.srv.URL+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) reply {
	req, _ := http.NewRequest(http.MethodPost, c.f.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// login logs in through the login form and keeps the session's CSRF token.
func (c *client) login(name, pw string) reply {
	c.f.t.Helper()
	page := c.get("/login")
	m := csrfInput.FindStringSubmatch(page.body)
	if m == nil {
		c.f.t.Fatalf("login page has no CSRF token:\n%s", page.body)
	}
	r := c.post("/login", url.Values{"csrf": {m[1]}, "name": {name}, "password": {pw}})
	if r.code == http.StatusSeeOther {
		home := c.get("/")
		if m := csrfInput.FindStringSubmatch(home.body); m != nil {
			c.csrf = m[1]
		}
	}
	return r
}

// testPDF writes a PDF of n pages made with gofpdf.
func testPDF(t *testing.T, path string, n int) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 24)
	for i := 1; i <= n; i++ {
		pdf.AddPage()
		pdf.Text(30, 40, "Audit report, page "+string(rune('0'+i)))
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// addDoc records a decided document in the ledger, at rest in the
// archive, the way the daemon does.
func (f *fixture) addDoc(doc dossier.Document, data []byte) dossier.Document {
	f.t.Helper()
	ctx := context.Background()
	stored := filepath.Join(f.dir, "data", "archive", doc.TeamID, string(doc.Kind), doc.Name)
	if err := os.MkdirAll(filepath.Dir(stored), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(stored, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	doc.SHA256, doc.Size, doc.Received = hex.EncodeToString(sum[:]), int64(len(data)), testNow.Add(-5*24*time.Hour)
	doc.Path, doc.Folder = doc.TeamID+"/"+doc.Name, doc.TeamID
	e, err := f.led.Claim(ctx, ledger.Claim{Rel: doc.Path, Name: doc.Name, Folder: doc.Folder, Size: doc.Size,
		Received: doc.Received, Now: doc.Received}, func(id int64) string { return filepath.Join(f.dir, "data", "work", doc.Name) })
	if err != nil {
		f.t.Fatal(err)
	}
	got, _, err := f.led.Decide(ctx, ledger.Decision{ID: e.ID, Doc: doc, StoredPath: stored, Now: doc.Received})
	if err != nil {
		f.t.Fatal(err)
	}
	if err := f.led.Done(ctx, e.ID, stored, doc.Received); err != nil {
		f.t.Fatal(err)
	}
	return got
}

// realRender is the extractor's page renderer, PDFium included.
func realRender(t *testing.T) RenderPage {
	t.Helper()
	ext, err := extract.New(extract.Options{CacheDir: filepath.Join(os.TempDir(), "dossier-test-pdfium-cache")})
	if err != nil {
		t.Fatal(err)
	}
	return ext.RenderPage
}

func imageOf(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	return img
}
