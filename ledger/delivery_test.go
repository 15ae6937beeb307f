package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/rs/zerolog"

	"dossier"
	"dossier/notify"
)

// countingServer is a real SMTP server on 127.0.0.1 that counts messages
// by Message-ID; onData runs inside DATA before the reply.
type countingServer struct {
	mu     sync.Mutex
	byID   map[string]int
	total  int
	onData func(n int)
	addr   string
}

type countingSession struct{ s *countingServer }

func (s countingSession) Reset()                               {}
func (s countingSession) Logout() error                        { return nil }
func (s countingSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s countingSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s countingSession) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, m.Body)
	s.s.mu.Lock()
	s.s.byID[m.Header.Get("Message-Id")]++
	s.s.total++
	n := s.s.total
	s.s.mu.Unlock()
	if s.s.onData != nil {
		s.s.onData(n)
	}
	return nil
}

func startCounting(t *testing.T, onData func(n int)) *countingServer {
	t.Helper()
	cs := &countingServer{byID: map[string]int{}, onData: onData}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return countingSession{cs}, nil }))
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cs.addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return cs
}

func (cs *countingServer) counts() (map[string]int, int) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	m := map[string]int{}
	for k, v := range cs.byID {
		m[k] = v
	}
	return m, cs.total
}

func mailCfg(addr string, timeout time.Duration) notify.Config {
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	return notify.Config{Host: host, Port: p, TLS: "none", From: "dossier <dossier@rsj.example.cn>",
		Timeout: timeout, RetryMin: time.Second, RetryMax: time.Second, Poll: 100 * time.Millisecond}
}

func enqueueMail(t *testing.T, l *Ledger, n int) {
	t.Helper()
	for i := range n {
		_, ok, err := l.Enqueue(context.Background(), dossier.Notice{Key: fmt.Sprintf("doc:%d:rejection", i), TeamID: "M5",
			Type: dossier.NoticeRejection, Subject: "退回", Body: "正文", To: []string{"m5@example.cn"}, Created: t0},
			[]notify.Channel{notify.ChannelLog, notify.ChannelMail})
		if err != nil || !ok {
			t.Fatalf("enqueue: %v %v", ok, err)
		}
	}
}

func undelivered(t *testing.T, l *Ledger) int {
	var n int
	if err := l.DB().QueryRow(`SELECT count(*) FROM notice_deliveries WHERE delivered_at IS NULL`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Another program locks the ledger during delivery, longer than its busy
// time-out: the result is recorded once the lock goes, the e-mail is not
// sent again (it was 4 notices → 9 messages).
func TestMailLedgerLockedDuringDelivery(t *testing.T) {
	l, path := open(t)
	enqueueMail(t, l, 4)
	var locker *sql.DB
	release := make(chan struct{})
	cs := startCounting(t, func(n int) {
		if n != 1 {
			return
		}
		var err error
		locker, err = sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
		if err != nil {
			t.Error(err)
			return
		}
		conn, err := locker.Conn(context.Background())
		if err == nil {
			_, err = conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`)
		}
		if err != nil {
			t.Errorf("lock the ledger: %v", err)
			return
		}
		go func() {
			time.Sleep(12 * time.Second) // past the ledger's 10 s busy time-out
			conn.ExecContext(context.Background(), `ROLLBACK`)
			conn.Close()
			close(release)
		}()
	})
	n := notify.New(l, mailCfg(cs.addr, 5*time.Second), zerolog.Nop())
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() { n.Run(ctx); close(done) }()
	<-release
	for undelivered(t, l) > 0 && ctx.Err() == nil {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second) // a loop would show now
	cancel()
	<-done
	if locker != nil {
		locker.Close()
	}
	byID, total := cs.counts()
	if left := undelivered(t, l); left != 0 {
		t.Errorf("%d deliveries left undelivered", left)
	}
	if len(byID) != 4 || total > 5 {
		t.Errorf("server got %d messages for %d notices (%v): want each notice, at most one extra", total, len(byID), byID)
	}
	for id, c := range byID {
		if c > 2 {
			t.Errorf("%s sent %d times", id, c)
		}
	}
	t.Logf("4 notices, ledger locked 12 s during the first: %d messages", total)
}

// A server slower than the client's time-out: each unconfirmed e-mail is
// sent at most once more, however many flushes follow (it was 10 → 16,
// and growing).
func TestMailServerSlowerThanTimeout(t *testing.T) {
	l, _ := open(t)
	enqueueMail(t, l, 3)
	cs := startCounting(t, func(int) { time.Sleep(1500 * time.Millisecond) })
	n := notify.New(l, mailCfg(cs.addr, 500*time.Millisecond), zerolog.Nop())
	now := t0
	for range 8 {
		now = now.Add(time.Hour)
		if _, err := n.Flush(context.Background(), now); err != nil {
			t.Fatalf("flush: %v", err)
		}
	}
	time.Sleep(2 * time.Second) // let the server finish the last DATA
	byID, total := cs.counts()
	if len(byID) != 3 {
		t.Errorf("server got %d notices, want 3 (%v)", len(byID), byID)
	}
	for id, c := range byID {
		if c > notify.MaxUncertain {
			t.Errorf("%s sent %d times, want at most %d", id, c, notify.MaxUncertain)
		}
	}
	if left := undelivered(t, l); left != 0 {
		t.Errorf("%d deliveries still due: they would be sent again", left)
	}
	t.Logf("3 notices, server 1.5 s, time-out 0.5 s, 8 flushes: %d messages", total)
}

// A process killed during DATA leaves its attempt recorded: the next start
// sends the e-mail once more (same Message-ID); one killed twice is not
// sent a third time.
func TestMailKilledDuringData(t *testing.T) {
	l, _ := open(t)
	enqueueMail(t, l, 2)
	ctx := context.Background()
	due, err := l.Due(ctx, t0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var mailIDs []int64
	for _, d := range due {
		if d.Channel == notify.ChannelMail {
			mailIDs = append(mailIDs, d.Notice.ID)
		}
	}
	// notice 1: killed once; notice 2: killed twice.
	l.Attempt(ctx, mailIDs[0], notify.ChannelMail, t0)
	l.Attempt(ctx, mailIDs[1], notify.ChannelMail, t0)
	l.Attempt(ctx, mailIDs[1], notify.ChannelMail, t0)
	cs := startCounting(t, nil)
	n := notify.New(l, mailCfg(cs.addr, 5*time.Second), zerolog.Nop())
	for range 3 {
		if _, err := n.Flush(ctx, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	byID, total := cs.counts()
	if total != 1 || len(byID) != 1 {
		t.Errorf("server got %d messages (%v): want only the once-killed notice, once", total, byID)
	}
	if left := undelivered(t, l); left != 0 {
		t.Errorf("%d deliveries still due", left)
	}
}

// A full disk under the ledger: nothing is sent that cannot be recorded
// first, and once space is back the notice goes out once (it was received
// 11 times in 60 s).
func TestMailLedgerDiskFull(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	os.MkdirAll(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("mount tmpfs: %v %s", err, out)
		}
		t.Skipf("mounts are not allowed here (%v %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	l, err := Open(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	enqueueMail(t, l, 3)
	filler := filepath.Join(dir, "filler")
	f, _ := os.Create(filler)
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	f.Close()
	cs := startCounting(t, nil)
	n := notify.New(l, mailCfg(cs.addr, 5*time.Second), zerolog.Nop())
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	for i := range 5 {
		n.Flush(ctx, t0.Add(time.Duration(i)*time.Hour))
	}
	cancel()
	_, during := cs.counts()
	os.Remove(filler)
	for i := range 5 {
		if _, err := n.Flush(context.Background(), t0.Add(time.Duration(10+i)*time.Hour)); err != nil {
			t.Fatalf("flush with space back: %v", err)
		}
	}
	byID, total := cs.counts()
	if len(byID) != 3 {
		t.Errorf("server got %d notices, want 3 (%v)", len(byID), byID)
	}
	for id, c := range byID {
		if c > 2 {
			t.Errorf("%s sent %d times", id, c)
		}
	}
	if left := undelivered(t, l); left != 0 {
		t.Errorf("%d deliveries still due", left)
	}
	t.Logf("disk full: %d messages while full, %d in all for 3 notices", during, total)
}
