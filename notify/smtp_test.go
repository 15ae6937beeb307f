package notify

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/rs/zerolog"

	"dossier"
)

// captured is one message the test server received.
type captured struct {
	from string
	rcpt []string
	data []byte
}

// mailServer is a real SMTP server on 127.0.0.1 that keeps what it gets.
type mailServer struct {
	mu   sync.Mutex
	msgs []captured
	srv  *smtp.Server
	addr string
}

type session struct {
	s   *mailServer
	cur captured
}

func (s *session) Reset()        { s.cur = captured{} }
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.cur.from = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.rcpt = append(s.cur.rcpt, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.cur.data = b
	s.s.mu.Lock()
	s.s.msgs = append(s.s.msgs, s.cur)
	s.s.mu.Unlock()
	return nil
}

// startMail serves on addr ("127.0.0.1:0" for any port) until the test ends.
func startMail(t *testing.T, addr string) *mailServer {
	t.Helper()
	ms := &mailServer{}
	ms.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: ms}, nil }))
	ms.srv.Domain = "localhost"
	ms.srv.ReadTimeout, ms.srv.WriteTimeout = 5*time.Second, 5*time.Second
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	ms.addr = l.Addr().String()
	go ms.srv.Serve(l)
	t.Cleanup(func() { ms.srv.Close() })
	return ms
}

func (ms *mailServer) messages() []captured {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return append([]captured(nil), ms.msgs...)
}

// freeAddr is a loopback address nobody listens on (yet).
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func mailConfig(t *testing.T, addr string) Config {
	host, port, _ := net.SplitHostPort(addr)
	var p int
	for _, c := range port {
		p = p*10 + int(c-'0')
	}
	return Config{Host: host, Port: p, TLS: "none", From: "上海市人力资源和社会保障局 <zhuanjia@rsj.example.cn>",
		BureauEmail: "bureau@rsj.example.cn", Timeout: 3 * time.Second, RetryMin: 30 * time.Second, RetryMax: 30 * time.Minute}
}

// rejectionNotice composes the notice the daemon would queue for a rejected survey.
func rejectionNotice(t *testing.T) dossier.Notice {
	t.Helper()
	d := rejectedSurvey()
	subj, body, err := Compose(DefaultTemplates(), dossier.NoticeRejection, d, m5View(), prog, tNow)
	if err != nil {
		t.Fatal(err)
	}
	return dossier.Notice{Key: "doc:abc123:rejection", DocumentID: d.ID, TeamID: "M5", Type: dossier.NoticeRejection,
		Subject: subj, Body: body, To: []string{"m5@example.cn", "联系人 <lianxi@example.cn>"}, Created: tNow}
}

// parsed is a received message, headers decoded.
type parsed struct {
	msg     *mail.Message
	subject string
	body    string
}

func parse(t *testing.T, raw []byte) parsed {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("read message: %v\n%s", err, raw)
	}
	subj, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body, err = io.ReadAll(quotedprintable.NewReader(m.Body))
	} else {
		body, err = io.ReadAll(m.Body)
	}
	if err != nil {
		t.Fatal(err)
	}
	return parsed{msg: m, subject: subj, body: string(body)}
}

func TestMailOneRejectionOneEmail(t *testing.T) {
	ms := startMail(t, "127.0.0.1:0")
	ob := &memOutbox{}
	no := ob.add(rejectionNotice(t), ChannelLog, ChannelMail)
	n := New(ob, mailConfig(t, ms.addr), zerolog.Nop())
	for i := 0; i < 3; i++ { // flushing again must not send again
		if _, err := n.Flush(context.Background(), tNow.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	got := ms.messages()
	if len(got) != 1 {
		t.Fatalf("got %d e-mails, want exactly 1", len(got))
	}
	rcpt := strings.Join(got[0].rcpt, ",")
	if rcpt != "m5@example.cn,lianxi@example.cn,bureau@rsj.example.cn" {
		t.Errorf("envelope recipients %s", rcpt)
	}
	p := parse(t, got[0].data)
	to, _ := p.msg.Header.AddressList("To")
	cc, _ := p.msg.Header.AddressList("Cc")
	if len(to) != 2 || to[1].Name != "联系人" || len(cc) != 1 || cc[0].Address != "bureau@rsj.example.cn" {
		t.Errorf("To %v Cc %v", to, cc)
	}
	if p.subject != no.Subject {
		t.Errorf("subject %q, want %q", p.subject, no.Subject)
	}
	for _, w := range []string{"S003", "S001", "S011", "“总人数” 27 人", "调查表.pdf", "2026年11月20日"} {
		if !strings.Contains(p.body, w) {
			t.Errorf("body lacks %q", w)
		}
	}
	if id := p.msg.Header.Get("Message-Id"); id != "<"+MessageID(no.Key, mailConfig(t, ms.addr).From)+">" {
		t.Errorf("Message-ID %q", id)
	}
	if r := ob.row(no.ID, ChannelMail); !r.delivered || r.attempts != 0 {
		t.Errorf("outbox row %+v", r)
	}
}

func TestMailServerDownThenUp(t *testing.T) {
	addr := freeAddr(t)
	ob := &memOutbox{}
	no := ob.add(rejectionNotice(t), ChannelMail)
	n := New(ob, mailConfig(t, addr), zerolog.Nop())
	ctx := context.Background()

	// Down: the delivery fails and waits, backing off.
	now := tNow
	for i, wantGap := range []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute} {
		sent, err := n.Flush(ctx, now)
		if err != nil || sent != 0 {
			t.Fatalf("flush %d while down: sent %d, %v", i, sent, err)
		}
		r := ob.row(no.ID, ChannelMail)
		if r.delivered || r.attempts != i+1 || r.retryAt.Sub(now) != wantGap {
			t.Fatalf("after attempt %d: %+v (gap %s, want %s)", i+1, r, r.retryAt.Sub(now), wantGap)
		}
		// Not due yet: nothing is tried.
		if sent, _ := n.Flush(ctx, now.Add(wantGap-time.Second)); sent != 0 || ob.row(no.ID, ChannelMail).attempts != i+1 {
			t.Fatalf("retried before its time")
		}
		now = r.retryAt
	}

	// A new notifier (a daemon restart) over the same outbox, server back up.
	ms := startMail(t, addr)
	n = New(ob, mailConfig(t, addr), zerolog.Nop())
	for i := 0; i < 2; i++ {
		if _, err := n.Flush(ctx, now.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if got := ms.messages(); len(got) != 1 {
		t.Fatalf("got %d e-mails after the server came back, want 1", len(got))
	}
	if !ob.row(no.ID, ChannelMail).delivered {
		t.Fatal("not marked delivered")
	}
}

func TestMailHeaderInjection(t *testing.T) {
	ms := startMail(t, "127.0.0.1:0")
	ob := &memOutbox{}
	d := rejectedSurvey()
	d.Name = "调查表.pdf\r\nBcc: evil@attacker.example\r\nX-Injected: 1"
	v := m5View()
	v.Team.Name = "坏名字\nBcc: evil2@attacker.example\n"
	subj, body, err := Compose(DefaultTemplates(), dossier.NoticeRejection, d, v, prog, tNow)
	if err != nil {
		t.Fatal(err)
	}
	no := ob.add(dossier.Notice{Key: "doc:evil\r\nX-Key: 1:rejection", TeamID: "M5", Type: dossier.NoticeRejection,
		Subject: subj + "\r\nBcc: evil3@attacker.example", Body: body,
		To: []string{"m5@example.cn", "x@example.cn\r\nBcc: evil4@attacker.example", "\"坏\r\nBcc: evil5@attacker.example\" <ok@example.cn>"},
		Cc: []string{"bureau@rsj.example.cn\nX-Injected: 1"}, Created: tNow}, ChannelMail)
	n := New(ob, mailConfig(t, ms.addr), zerolog.Nop())
	if _, err := n.Flush(context.Background(), tNow); err != nil {
		t.Fatal(err)
	}
	got := ms.messages()
	if len(got) != 1 {
		t.Fatalf("got %d e-mails, want 1 (row %+v)", len(got), ob.row(no.ID, ChannelMail))
	}
	for _, r := range got[0].rcpt {
		if strings.Contains(r, "attacker") {
			t.Errorf("injected recipient %s", r)
		}
	}
	p := parse(t, got[0].data)
	for _, h := range []string{"Bcc", "X-Injected", "X-Key"} {
		if v := p.msg.Header.Get(h); v != "" {
			t.Errorf("injected header %s: %q", h, v)
		}
	}
	if strings.ContainsAny(p.subject, "\r\n") || !strings.Contains(p.subject, "坏名字") {
		t.Errorf("subject %q", p.subject)
	}
	raw := string(got[0].data)
	head := raw[:strings.Index(raw, "\r\n\r\n")]
	for _, line := range strings.Split(head, "\r\n") {
		for _, bad := range []string{"Bcc:", "X-Injected", "X-Key"} {
			if strings.HasPrefix(line, bad) {
				t.Errorf("injected header line %q in:\n%s", line, head)
			}
		}
	}
}

func TestMailOffOrNoRecipients(t *testing.T) {
	ms := startMail(t, "127.0.0.1:0")
	cases := []struct {
		name string
		cfg  Config
		to   []string
	}{
		{"smtp off", Config{}, []string{"m5@example.cn"}},
		{"no recipients", mailConfig(t, ms.addr), nil},
		{"only invalid recipients", mailConfig(t, ms.addr), []string{"不是地址"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ob := &memOutbox{}
			no := rejectionNotice(t)
			no.To = c.to
			no = ob.add(no, ChannelMail)
			if _, err := New(ob, c.cfg, zerolog.Nop()).Flush(context.Background(), tNow); err != nil {
				t.Fatal(err)
			}
			if !ob.row(no.ID, ChannelMail).delivered {
				t.Error("an unsendable notice must not be retried forever")
			}
		})
	}
	if len(ms.messages()) != 0 {
		t.Errorf("sent %d e-mails, want none", len(ms.messages()))
	}
}
