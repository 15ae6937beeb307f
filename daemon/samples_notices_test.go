package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"dossier"
	"dossier/config"
	"dossier/extract"
	"dossier/notify"
	"dossier/process"
)

const sampleInbox = "/work/shared/samples/inbox"

// loggedNotice is a notice as the log channel delivered it.
type loggedNotice struct {
	Key, Team, Type, Subject, Body string
}

// runSamples runs --once over a copy of the sample set at the issue's
// --now and returns the daemon, the notices as sent and the log lines.
func runSamples(t *testing.T) (*Daemon, []loggedNotice, []string, time.Time) {
	t.Helper()
	if _, err := os.Stat(sampleInbox); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("samples: %v", err)
		}
		t.Skipf("samples not here: %v", err)
	}
	if testing.Short() {
		t.Skip("the sample set takes a while")
	}
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	inbox, data := filepath.Join(t.TempDir(), "inbox"), filepath.Join(t.TempDir(), "data")
	copySampleTree(t, sampleInbox, inbox)
	ext, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dc := testConfig(inbox, data, time.Second)
	dc.Contact = notify.Contact{Office: cfg.Notify.Contact.Office, Phone: "021-00000000"}
	dc.PhotoWindow = cfg.Notify.PhotoWindow.D()
	var logBuf bytes.Buffer
	ev := process.New(ext, cfg.Registry, cfg.Programme, 50<<20)
	d, err := New(dc, ev, cfg.Registry, cfg.Programme, zerolog.New(&logBuf))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	if err := d.Once(context.Background(), now); err != nil {
		t.Fatal(err)
	}
	var notices []loggedNotice
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(logBuf.String()), "\n") {
		lines = append(lines, l)
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) != nil || m["message"] != "notice" {
			continue
		}
		s := func(k string) string { v, _ := m[k].(string); return v }
		notices = append(notices, loggedNotice{Key: s("key"), Team: s("team"), Type: s("type"), Subject: s("subject"), Body: s("body")})
	}
	if len(notices) == 0 {
		t.Fatal("no notices logged")
	}
	return d, notices, lines, now
}

func copySampleTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		return os.Chtimes(target, fi.ModTime(), fi.ModTime())
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	reItem    = regexp.MustCompile(`(?m)^\d+\. 【[^】]+】(.*)（([A-Z]\d{3})）$`)
	reMissing = regexp.MustCompile(`尚缺：([^，。]+)`)
	reTitle   = regexp.MustCompile(`《([^》]+)》`)
)

// TestSampleNotices reads every notice of the sample set and checks none
// has the defects of issue 11.
func TestSampleNotices(t *testing.T) {
	d, notices, lines, now := runSamples(t)
	views, err := d.Status(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]map[string]dossier.MaterialState{}
	for _, v := range views {
		state[v.Team.ID] = map[string]dossier.MaterialState{}
		for _, k := range dossier.Kinds {
			state[v.Team.ID][k.Label()] = v.Materials[k]
		}
	}
	photoNotices := map[string]int{}
	for _, n := range notices {
		text := n.Subject + "\n" + n.Body
		t.Run(n.Key, func(t *testing.T) {
			for _, bad := range []string{"无法识别的材料", "各有关单位", "「", "」", "『", "』", "/tmp/", d.cfg.Inbox, d.cfg.Data} {
				if strings.Contains(text, bad) {
					t.Errorf("notice contains %q:\n%s", bad, text)
				}
			}
			first := strings.SplitN(n.Body, "\n", 2)[0]
			if !strings.HasSuffix(first, "：") || strings.HasPrefix(first, "你单位") {
				t.Errorf("no addressee line: %q", first)
			}
			if team, ok := d.reg.ByID(n.Team); ok && !strings.HasPrefix(first, team.Unit) {
				t.Errorf("addressed %q, not the team's unit %q", first, team.Unit)
			}
			if n.Team == "" && !strings.Contains(first, "“") {
				t.Errorf("no team: the addressee should name the file: %q", first)
			}
			if !strings.Contains(n.Body, "联系方式："+d.cfg.Contact.Office) || !strings.Contains(n.Body, "电话：021-00000000") {
				t.Errorf("no contact footer:\n%s", n.Body)
			}
			if !strings.Contains(n.Body, "文件夹") {
				t.Errorf("does not say where to put the corrected file:\n%s", n.Body)
			}
			checkOneFindingPerDefect(t, n.Body)
			// What a notice calls missing is missing when it is sent.
			if m := reMissing.FindStringSubmatch(n.Body); m != nil && n.Type != string(dossier.NoticeReminder) {
				for _, k := range reTitle.FindAllStringSubmatch(m[1], -1) {
					if st := state[n.Team][k[1]]; st == dossier.MaterialAccepted || st == dossier.MaterialReview {
						t.Errorf("says 《%s》 is missing, but it is %s", k[1], st)
					}
				}
			}
		})
		if n.Type == string(dossier.NoticeAcceptance) && strings.Contains(n.Subject, dossier.KindPhotos.Label()) {
			photoNotices[n.Team]++
		}
	}
	for team, c := range photoNotices {
		if c > 1 {
			t.Errorf("team %s got %d photo notices, want one for photos within the window", team, c)
		}
	}
	for _, l := range lines {
		if strings.Count(l, `"component"`) > 1 {
			t.Errorf("log line with component twice: %s", l)
		}
	}
}

// checkOneFindingPerDefect: no two findings name the same field (S001 and
// S002 for one blank 服务形式) and no finding is listed twice.
func checkOneFindingPerDefect(t *testing.T, body string) {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range reItem.FindAllStringSubmatch(body, -1) {
		if seen[m[1]] {
			t.Errorf("finding listed twice: %s", m[1])
		}
		seen[m[1]] = true
	}
	about := 0
	for _, m := range reItem.FindAllStringSubmatch(body, -1) {
		if strings.Contains(m[1], "服务形式") {
			about++
		}
	}
	if about > 1 {
		t.Errorf("服务形式 reported %d times:\n%s", about, body)
	}
}
