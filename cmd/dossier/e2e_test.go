package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// binary is the dossier command built once for the end-to-end tests: they
// drive it as a user would, through its flags, folders and output.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dossier-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "dossier")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build dossier: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the binary and returns its stdout; it fails the test on a
// non-zero exit.
func run(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dossier %s: %v\nstderr:\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// message is one e-mail the test server received.
type message struct {
	rcpt []string
	data []byte
}

type mailbox struct {
	mu   sync.Mutex
	msgs []message
}

type session struct {
	box  *mailbox
	rcpt []string
}

func (s *session) Reset()                                    { s.rcpt = nil }
func (s *session) Logout() error                             { return nil }
func (s *session) Mail(string, *smtp.MailOptions) error      { return nil }
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error { s.rcpt = append(s.rcpt, to); return nil }
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.box.mu.Lock()
	s.box.msgs = append(s.box.msgs, message{rcpt: s.rcpt, data: b})
	s.box.mu.Unlock()
	return nil
}

func (b *mailbox) all() []message {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]message(nil), b.msgs...)
}

// startSMTP serves a real SMTP server on addr until the test ends.
func startSMTP(t *testing.T, addr string) *mailbox {
	t.Helper()
	box := &mailbox{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{box: box}, nil }))
	srv.Domain = "localhost"
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return box
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRejectedFileMailedOnceAcrossOutageAndRestart: a rejected file gives
// exactly one e-mail to the team's contacts with the bureau in copy; while
// the server is down the notice waits, and it is delivered once when the
// server is back, by a later run of the program (a restart).
func TestRejectedFileMailedOnceAcrossOutageAndRestart(t *testing.T) {
	dir := t.TempDir()
	inbox, data := filepath.Join(dir, "inbox"), filepath.Join(dir, "data")
	copyFile(t, "testdata/旧版调查表.xls", filepath.Join(inbox, "M12", "旧版调查表.xls"))
	port := freePort(t)
	cfg := filepath.Join(dir, "dossier.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`contacts:
  M12: [m12-contact@example.cn]
notify:
  bureau_email: bureau@example.gov.cn
  retry_min: 1s
  retry_max: 2s
  smtp:
    host: 127.0.0.1
    port: %d
    tls: none
    from: dossier@example.gov.cn
    timeout: 2s
`, port)), 0o644)
	common := []string{"--config", cfg, "--inbox", inbox, "--data", data}
	now := time.Date(2026, 11, 15, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

	// 1. Server down: the file is decided and moved, the notice file is
	// written, the e-mail waits.
	run(t, append([]string{"run", "--once", "--now", now.Format(time.RFC3339)}, common...)...)
	rejected := filepath.Join(inbox, "退回", "M12", "旧版调查表.xls")
	if _, err := os.Stat(rejected); err != nil {
		t.Fatalf("rejected file not in 退回: %v", err)
	}
	notice, err := os.ReadFile(rejected + ".退回说明.txt")
	if err != nil {
		t.Fatalf("notice file beside the rejected file: %v", err)
	}
	if !strings.Contains(string(notice), "旧版格式") || !strings.Contains(string(notice), "2026年11月20日") {
		t.Fatalf("notice file does not say what is wrong and the deadline:\n%s", notice)
	}
	if _, err := os.Stat(filepath.Join(inbox, "M12", "旧版调查表.xls")); !os.IsNotExist(err) {
		t.Fatalf("the original is still in the inbox (err %v)", err)
	}

	// 2. Server up, a new process later on: delivered exactly once.
	box := startSMTP(t, fmt.Sprintf("127.0.0.1:%d", port))
	for i := 1; i <= 3; i++ {
		run(t, append([]string{"run", "--once", "--now", now.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)}, common...)...)
	}
	msgs := box.all()
	if len(msgs) != 1 {
		t.Fatalf("got %d e-mails, want exactly 1", len(msgs))
	}
	m, err := mail.ReadMessage(bytes.NewReader(msgs[0].data))
	if err != nil {
		t.Fatal(err)
	}
	rcpt := strings.Join(msgs[0].rcpt, ",")
	if !strings.Contains(rcpt, "m12-contact@example.cn") || !strings.Contains(rcpt, "bureau@example.gov.cn") {
		t.Fatalf("recipients %q: want the team contact and the bureau", rcpt)
	}
	if !strings.Contains(m.Header.Get("Cc"), "bureau@example.gov.cn") {
		t.Fatalf("Cc = %q, want the bureau", m.Header.Get("Cc"))
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if !strings.Contains(subject, "退回") {
		t.Fatalf("subject %q does not say the file was returned", subject)
	}
	body := decodeBody(t, m)
	if !strings.Contains(body, "旧版调查表.xls") || !strings.Contains(body, "F001") && !strings.Contains(body, "旧版格式") {
		t.Fatalf("e-mail body does not name the file and the finding:\n%s", body)
	}
}

func decodeBody(t *testing.T, m *mail.Message) string {
	t.Helper()
	raw, _ := io.ReadAll(m.Body)
	cte := strings.ToLower(m.Header.Get("Content-Transfer-Encoding"))
	ct := m.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "multipart/") || cte == "" {
		// Look for a text part: decode quoted-printable or base64 parts alike.
		return decodeParts(string(raw))
	}
	return decodeTransfer(cte, string(raw))
}

func decodeParts(s string) string {
	var out strings.Builder
	out.WriteString(s)
	sc := bufio.NewScanner(strings.NewReader(s))
	var enc string
	var part strings.Builder
	flush := func() {
		if enc != "" {
			out.WriteString(decodeTransfer(enc, part.String()))
		}
		part.Reset()
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "--") {
			flush()
			enc = ""
			continue
		}
		if strings.HasPrefix(strings.ToLower(line), "content-transfer-encoding:") {
			enc = strings.ToLower(strings.TrimSpace(line[len("content-transfer-encoding:"):]))
			continue
		}
		part.WriteString(line + "\n")
	}
	flush()
	return out.String()
}

func decodeTransfer(enc, s string) string {
	switch enc {
	case "base64":
		b, err := base64Decode(s)
		if err == nil {
			return string(b)
		}
	case "quoted-printable":
		b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(s)))
		if err == nil {
			return string(b)
		}
	}
	return s
}

func base64Decode(s string) ([]byte, error) {
	return base64.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
}
