package notify

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"dossier"
)

func TestBackoff(t *testing.T) {
	n := New(&memOutbox{}, Config{}, zerolog.Nop())
	cases := []struct {
		attempts int
		want     time.Duration
	}{
		{0, 30 * time.Second}, {1, time.Minute}, {2, 2 * time.Minute}, {5, 16 * time.Minute},
		{6, 30 * time.Minute}, {50, 30 * time.Minute},
	}
	for _, c := range cases {
		if got := n.backoff(c.attempts); got != c.want {
			t.Errorf("backoff(%d) = %s, want %s", c.attempts, got, c.want)
		}
	}
}

func TestLogChannel(t *testing.T) {
	var buf bytes.Buffer
	ob := &memOutbox{}
	no := ob.add(rejectionNotice(t), ChannelLog)
	if _, err := New(ob, Config{}, zerolog.New(&buf)).Flush(context.Background(), tNow); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, w := range []string{`"notice_id":1`, `"team":"M5"`, `"type":"rejection"`, `"subject":"【材料退回】`, "S003"} {
		if !strings.Contains(out, w) {
			t.Errorf("log lacks %s:\n%s", w, out)
		}
	}
	if !ob.row(no.ID, ChannelLog).delivered {
		t.Error("log delivery not marked")
	}
}

func TestFileChannel(t *testing.T) {
	cases := []struct {
		name     string
		existing map[string]string // file name → content before delivery
		wantFile string            // where the notice lands
	}{
		{"fresh", nil, "调查表.pdf.退回说明.txt"},
		{"already written before a crash", map[string]string{"调查表.pdf.退回说明.txt": "SAME"}, "调查表.pdf.退回说明.txt"},
		{"another file in the way", map[string]string{"调查表.pdf.退回说明.txt": "其他内容"}, "调查表.pdf.退回说明 (2).txt"},
		{"two in the way, second is ours", map[string]string{"调查表.pdf.退回说明.txt": "其他内容", "调查表.pdf.退回说明 (2).txt": "SAME"}, "调查表.pdf.退回说明 (2).txt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "退回", "M5")
			no := rejectionNotice(t)
			no.NoticeFile = filepath.Join(dir, "调查表.pdf.退回说明.txt")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, content := range c.existing {
				b := []byte(content)
				if content == "SAME" {
					b = fileText(no)
				}
				if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ob := &memOutbox{}
			no = ob.add(no, ChannelFile)
			n := New(ob, Config{}, zerolog.Nop())
			if sent, err := n.Flush(context.Background(), tNow); err != nil || sent != 1 {
				t.Fatalf("flush: %d %v", sent, err)
			}
			got, err := os.ReadFile(filepath.Join(dir, c.wantFile))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, fileText(no)) || !bytes.Contains(got, []byte("\r\n")) || bytes.HasPrefix(got, []byte("\xEF\xBB\xBF")) {
				t.Errorf("content of %s wrong", c.wantFile)
			}
			for name, content := range c.existing {
				if content != "SAME" {
					if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != content {
						t.Errorf("%s was overwritten", name)
					}
				}
			}
			entries, _ := os.ReadDir(dir)
			want := len(c.existing)
			if _, ok := c.existing[c.wantFile]; !ok {
				want++
			}
			if len(entries) != want {
				t.Errorf("%d files in the folder (temporary files left?)", len(entries))
			}
		})
	}
}

func TestFileChannelFailureIsRetried(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	ob := &memOutbox{}
	no := rejectionNotice(t)
	no.NoticeFile = filepath.Join(blocker, "a.退回说明.txt")
	no = ob.add(no, ChannelFile, ChannelLog)
	sent, err := New(ob, Config{}, zerolog.Nop()).Flush(context.Background(), tNow)
	if err != nil || sent != 1 {
		t.Fatalf("flush: %d %v", sent, err)
	}
	r := ob.row(no.ID, ChannelFile)
	if r.delivered || r.attempts != 1 || !r.retryAt.Equal(tNow.Add(30*time.Second)) || len(r.reasons) != 1 {
		t.Errorf("row %+v", r)
	}
}

func TestNoFileForNoticeWithoutPath(t *testing.T) {
	ob := &memOutbox{}
	no := ob.add(dossier.Notice{Key: "reminder:M5:2026-11-17", TeamID: "M5", Type: dossier.NoticeReminder, Subject: "s", Body: "b"}, ChannelFile)
	if _, err := New(ob, Config{}, zerolog.Nop()).Flush(context.Background(), tNow); err != nil {
		t.Fatal(err)
	}
	if !ob.row(no.ID, ChannelFile).delivered {
		t.Error("nothing to write is done")
	}
}

func TestRunDeliversAndStops(t *testing.T) {
	ms := startMail(t, "127.0.0.1:0")
	ob := &memOutbox{}
	cfg := mailConfig(t, ms.addr)
	cfg.Poll = 20 * time.Millisecond
	n := New(ob, cfg, zerolog.Nop())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- n.Run(ctx) }()
	no := rejectionNotice(t)
	no.Created = time.Now()
	no = ob.add(no, ChannelLog, ChannelMail)
	n.Wake()
	deadline := time.Now().Add(5 * time.Second)
	for !ob.row(no.ID, ChannelMail).delivered && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(ms.messages()) != 1 {
		t.Fatalf("got %d e-mails, want 1", len(ms.messages()))
	}
}

func TestConfigValidate(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"off", Config{}, true},
		{"good", Config{Host: "smtp.example.cn", From: "a@example.cn"}, true},
		{"no from", Config{Host: "smtp.example.cn"}, false},
		{"bad tls", Config{Host: "smtp.example.cn", From: "a@example.cn", TLS: "ssl3"}, false},
		{"bad from", Config{Host: "smtp.example.cn", From: "not an address"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.cfg.Validate(); (err == nil) != c.ok {
				t.Errorf("Validate = %v, want ok %v", err, c.ok)
			}
		})
	}
}
