package desk

import (
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const sampleInbox = "/work/shared/samples/inbox"

// copyTree copies the sample inbox, giving each file the modification
// time expected.jsonl says it was received at (a backlog file is received
// at its mtime; a copy may have lost them).
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	received := map[string]time.Time{}
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected.jsonl")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			var e struct{ Path, Received string }
			if json.Unmarshal([]byte(line), &e) == nil {
				if at, err := time.Parse(time.RFC3339, e.Received); err == nil {
					received[e.Path] = at
				}
			}
		}
	}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			return err
		}
		at, ok := received[filepath.ToSlash(rel)]
		if !ok {
			info, err := d.Info()
			if err != nil {
				return err
			}
			at = info.ModTime()
		}
		return os.Chtimes(to, at, at)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	docLink = regexp.MustCompile(`<a href="/doc/(\d+)">([^<]+)</a>`)
	imgSrc  = regexp.MustCompile(`<img src="(/doc/\d+/(?:page/\d+|photo))"`)
)

// TestDeskOnSampleSet serves the whole sample inbox after `run --once`:
// every document's page answers, with no server path, and its first page
// image (or photo) is served; a viewer reads it all without the decision
// form. With DOSSIER_SCREENSHOTS=1 it also takes the README's pictures of
// the populated pages.
func TestDeskOnSampleSet(t *testing.T) {
	need(t, sampleInbox, "the sample inbox")
	if testing.Short() {
		t.Skip("the whole sample set takes a minute")
	}
	dir := t.TempDir()
	inbox, data := filepath.Join(dir, "inbox"), filepath.Join(dir, "data")
	copyTree(t, sampleInbox, inbox)
	bin := buildDossier(t, dir)
	listen := freePort(t)
	cfg := filepath.Join(dir, "dossier.yaml")
	os.WriteFile(cfg, []byte("http:\n  listen: "+listen+"\nrender: {schedule: \"off\"}\nocr: {tesseract: \"off\"}\nwatch: {mode: poll}\n"), 0o644)
	args := []string{"--config", cfg, "--inbox", inbox, "--data", data, "--now", "2026-11-21T09:00:00+08:00"}
	if out, err := exec.Command(bin, append([]string{"run", "--once"}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("run --once: %v\n%.2000s", err, out)
	}
	for _, u := range [][]string{{"wang", "clerk"}, {"li", "viewer"}} {
		cmd := exec.Command(bin, append([]string{"user", "add", u[0], "--role", u[1]}, args...)...)
		cmd.Stdin = strings.NewReader("sample-set-password\n")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("user add %s: %v\n%s", u[0], err, out)
		}
	}
	srv := startServe(t, bin, args...)
	base := "http://" + listen
	waitUp(t, base, srv)

	clerk, viewer := httpLogin(t, base, "wang"), httpLogin(t, base, "li")
	overviewMatchesCover(t, bin, args, getOK(t, clerk, base+"/"), dir)
	all := getOK(t, clerk, base+"/queue?all=1")
	links := docLink.FindAllStringSubmatch(all, -1)
	if len(links) < 80 {
		t.Fatalf("全部材料 lists %d documents, want the sample set's 87", len(links))
	}
	var survey, photo string
	for _, l := range links {
		page := getOK(t, clerk, base+"/doc/"+l[1])
		for _, bad := range []string{dir, "/tmp/", "dossier.db"} {
			if strings.Contains(page, bad) {
				t.Errorf("document %s (%s) shows %q", l[1], l[2], bad)
			}
		}
		if m := imgSrc.FindStringSubmatch(page); m != nil {
			resp, err := clerk.Get(base + m[1])
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "image/") {
				t.Errorf("document %s (%s): %s answered %d %s", l[1], l[2], m[1], resp.StatusCode, resp.Header.Get("Content-Type"))
			}
		}
		switch {
		case survey == "" && strings.HasSuffix(l[2], ".xlsx") && strings.Contains(page, "工作表"):
			survey = l[1]
		case photo == "" && strings.HasSuffix(l[2], ".jpg"):
			photo = l[1]
		}
		if l[1] == links[0][1] {
			if vp := getOK(t, viewer, base+"/doc/"+l[1]); strings.Contains(vp, "/preview\"") {
				t.Errorf("a viewer is offered the decision form")
			}
		}
	}
	if os.Getenv("DOSSIER_SCREENSHOTS") != "1" {
		return
	}
	need(t, chromiumPath(), "chromium")
	ctx := browser(t)
	run(t, ctx, "login",
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#name"), "wang"),
		chromedp.SendKeys(chromedp.CSS("#password"), "sample-set-password"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("table.status")),
		shoot("overview"),
		chromedp.Navigate(base+"/queue"), chromedp.WaitVisible(chromedp.CSS("h1")), shoot("queue"),
		chromedp.Navigate(base+"/queue?all=1"), chromedp.WaitVisible(chromedp.CSS("h1")), shoot("all"),
		chromedp.Navigate(base+"/team/N1"), chromedp.WaitVisible(chromedp.CSS("h1")), shoot("team"),
		chromedp.Navigate(base+"/notices"), chromedp.WaitVisible(chromedp.CSS("table.counts")), shoot("notices"),
	)
	if survey != "" {
		run(t, ctx, "survey", chromedp.Navigate(base+"/doc/"+survey), chromedp.WaitVisible(chromedp.CSS("table.fields")), shoot("survey"))
	}
	if photo != "" {
		run(t, ctx, "photo", chromedp.Navigate(base+"/doc/"+photo), chromedp.WaitVisible(chromedp.CSS(".pages img")),
			chromedp.Sleep(500*time.Millisecond), shoot("photo"))
	}
}

func waitUp(t *testing.T, base string, srv *served) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the desk never answered:\n%s", srv.log())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// httpLogin logs in through the login form with a plain HTTP client.
func httpLogin(t *testing.T, base, name string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	page := getOK(t, c, base+"/login")
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("login page without CSRF token")
	}
	resp, err := c.PostForm(base+"/login", url.Values{"csrf": {m[1]}, "name": {name}, "password": {"sample-set-password"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/" {
		t.Fatalf("login %s: %d at %s", name, resp.StatusCode, resp.Request.URL)
	}
	return c
}

func getOK(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d\n%.500s", u, resp.StatusCode, b)
	}
	return string(b)
}

var (
	coverFiles = regexp.MustCompile(`收到文件\s*(\d+)\s*份\s*=\s*已处理\s*(\d+)\s*份\s*\+\s*处理中\s*(\d+)\s*份；已处理\s*\d+\s*份\s*=\s*已受理\s*(\d+)\s*份\s*\+\s*待人工审核\s*(\d+)\s*份\s*\+\s*已退回\s*(\d+)\s*份\s*=\s*各服务团文件\s*\d+\s*份\s*\+\s*未能识别服务团\s*(\d+)\s*份\s*\+\s*重复报送\s*(\d+)\s*份`)
	deskFiles  = regexp.MustCompile(`收到文件 <strong>(\d+)</strong> 份：已处理 (\d+) 份（已受理 (\d+) 份、待人工审核 (\d+) 份、已退回 (\d+) 份；其中未能识别服务团 (\d+) 份、重复报送 (\d+) 份），处理中 (\d+) 份`)
	deskTeams  = regexp.MustCompile(`材料齐全 <strong>(\d+)/(\d+)</strong>`)
	coverTeams = regexp.MustCompile(`材料齐全\s*(\d+)\s*个`)
)

// overviewMatchesCover renders the package with the same binary and data
// and compares the desk's 总览 counts with the ones its cover prints:
// both come from one view, so they cannot disagree.
func overviewMatchesCover(t *testing.T, bin string, args []string, page, dir string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		need(t, "", "pdftotext (poppler-utils)")
	}
	out := filepath.Join(dir, "package")
	if b, err := exec.Command(bin, append([]string{"consolidate", "--out", out}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("consolidate: %v\n%.2000s", err, b)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	if more, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(more) > 0 {
		pdfs = append(pdfs, more...)
	}
	if len(pdfs) == 0 {
		t.Fatalf("consolidate wrote no PDF under %s", out)
	}
	txt, err := exec.Command("pdftotext", "-f", "1", "-l", "2", pdfs[0], "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	cover := strings.Join(strings.Fields(string(txt)), "") // pdftotext may break a line inside a word
	c, d := coverFiles.FindStringSubmatch(cover), deskFiles.FindStringSubmatch(page)
	if c == nil || d == nil {
		t.Fatalf("counts not found: cover %v, desk %v\ncover text: %.1500s", c != nil, d != nil, cover)
	}
	// cover: received, decided, pending, accepted, review, rejected, no team, dups
	// desk:  received, decided, accepted, review, rejected, no team, dups, pending
	want := []string{c[1], c[2], c[4], c[5], c[6], c[7], c[8], c[3]}
	for i, w := range want {
		if d[i+1] != w {
			t.Errorf("总览 file count %d is %s, the cover says %s (desk %q, cover %q)", i, d[i+1], w, d[0], c[0])
		}
	}
	if c[1] == "0" || c[1] != d[1] {
		t.Errorf("received: desk %s, cover %s", d[1], c[1])
	}
	dt, ct := deskTeams.FindStringSubmatch(page), coverTeams.FindStringSubmatch(cover)
	if dt == nil || ct == nil || dt[1] != ct[1] {
		t.Errorf("teams complete: desk %v, cover %v", dt, ct)
	}
}
