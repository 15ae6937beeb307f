package desk

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/emersion/go-smtp"

	"dossier/ledger"
	"dossier/service"
)

const sampleAudit = "/work/shared/samples/inbox/M13/专项审计报告.pdf"

// need skips a test whose tool or file is missing, unless
// DOSSIER_REQUIRE_TOOLS=1, when it fails.
func need(t *testing.T, path, what string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s missing (%s) and DOSSIER_REQUIRE_TOOLS=1", what, path)
		}
		t.Skipf("%s missing (%s)", what, path)
	}
}

func chromiumPath() string {
	if p := os.Getenv("DOSSIER_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// mailbox is a real SMTP server on 127.0.0.1 that keeps what it gets.
type mailbox struct {
	mu   sync.Mutex
	msgs []mailMsg
	addr string
}

type mailMsg struct {
	rcpt []string
	data string
}

type mailSession struct {
	box *mailbox
	cur mailMsg
}

func (s *mailSession) Reset()                               { s.cur = mailMsg{} }
func (s *mailSession) Logout() error                        { return nil }
func (s *mailSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.rcpt = append(s.cur.rcpt, to)
	return nil
}
func (s *mailSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.cur.data = string(b)
	s.box.mu.Lock()
	s.box.msgs = append(s.box.msgs, s.cur)
	s.box.mu.Unlock()
	return nil
}

func startMailbox(t *testing.T) *mailbox {
	t.Helper()
	box := &mailbox{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &mailSession{box: box}, nil }))
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	box.addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return box
}

func (b *mailbox) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.msgs)
}

func (b *mailbox) all() []mailMsg {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]mailMsg(nil), b.msgs...)
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// served is `dossier serve` running as a separate process.
type served struct {
	cmd    *exec.Cmd
	setup  chan string // the first-account link, from the log
	done   chan error
	logMu  sync.Mutex
	logBuf strings.Builder
}

func (s *served) log() string {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	return s.logBuf.String()
}

// buildDossier builds the command into dir.
func buildDossier(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "dossier")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/dossier").CombinedOutput()
	if err != nil {
		t.Fatalf("build dossier: %v\n%s", err, out)
	}
	return bin
}

func startServe(t *testing.T, bin string, args ...string) *served {
	t.Helper()
	s := &served{cmd: exec.Command(bin, append([]string{"serve"}, args...)...), setup: make(chan string, 1), done: make(chan error, 1)}
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			s.logMu.Lock()
			s.logBuf.WriteString(line + "\n")
			s.logMu.Unlock()
			var rec struct{ URL string }
			if json.Unmarshal([]byte(line), &rec) == nil && strings.Contains(rec.URL, "/setup?token=") {
				select {
				case s.setup <- rec.URL:
				default:
				}
			}
		}
		s.done <- s.cmd.Wait()
	}()
	t.Cleanup(func() { s.stop(t) })
	return s
}

// stop ends the daemon with SIGINT, as an operator does, and waits.
func (s *served) stop(t *testing.T) {
	if s.cmd.ProcessState != nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
		t.Errorf("dossier serve did not stop on SIGINT within 30s")
	}
}

// browser starts a headless Chromium at 1366×768 for the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath()),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		cancelB()
		cancelA()
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancelT := context.WithTimeout(bctx, 4*time.Minute) // the browser lives on bctx
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	return ctx
}

// shoot saves a screenshot of the viewport to docs/desk/NAME.png when
// DOSSIER_SCREENSHOTS=1 (the README's pictures; CI leaves them alone).
func shoot(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if os.Getenv("DOSSIER_SCREENSHOTS") != "1" {
			return nil
		}
		buf, err := chromedp.CaptureScreenshot()(ctx, t)
		if err != nil {
			return err
		}
		dir := filepath.Join("..", "docs", "desk")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
	})
}

// waitText reloads url until the page's text contains want.
func waitText(ctx context.Context, url, want string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			return err
		}
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			return err
		}
		if strings.Contains(text, want) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s never showed %q; last text:\n%s", url, want, text)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// openLedger opens the ledger the daemon wrote, after it stopped.
func openLedger(t *testing.T, data string) (*ledger.Ledger, *service.Service) {
	t.Helper()
	led, err := ledger.Open(filepath.Join(data, ledger.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { led.Close() })
	return led, service.New(service.Config{Ledger: led})
}
