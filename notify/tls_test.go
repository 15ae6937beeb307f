package notify

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/rs/zerolog"
)

// authSession is a session that requires PLAIN auth (offered only after STARTTLS).
type authSession struct {
	session
	authed *bool
}

func (s *authSession) AuthMechanisms() []string { return []string{sasl.Plain} }
func (s *authSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != "dossier" || pass != "秘密" {
			return errors.New("bad credentials")
		}
		*s.authed = true
		return nil
	}), nil
}

// selfSigned makes a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

func TestMailTLSModesWithAuth(t *testing.T) {
	cert, pool := selfSigned(t)
	for _, mode := range []string{"starttls", "tls"} {
		t.Run(mode, func(t *testing.T) {
			ms := &mailServer{}
			authed := false
			ms.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
				return &authSession{session: session{s: ms}, authed: &authed}, nil
			}))
			ms.srv.Domain = "127.0.0.1"
			ms.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
			var l net.Listener
			var err error
			if mode == "tls" {
				l, err = tls.Listen("tcp", "127.0.0.1:0", ms.srv.TLSConfig)
			} else {
				l, err = net.Listen("tcp", "127.0.0.1:0")
			}
			if err != nil {
				t.Fatal(err)
			}
			go ms.srv.Serve(l)
			t.Cleanup(func() { ms.srv.Close() })

			cfg := mailConfig(t, l.Addr().String())
			cfg.TLS, cfg.Username, cfg.Password = mode, "dossier", "秘密"
			cfg.TLSConfig = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
			ob := &memOutbox{}
			no := ob.add(rejectionNotice(t), ChannelMail)
			if _, err := New(ob, cfg, zerolog.Nop()).Flush(context.Background(), tNow); err != nil {
				t.Fatal(err)
			}
			r := ob.row(no.ID, ChannelMail)
			if !r.delivered || !authed || len(ms.messages()) != 1 {
				t.Fatalf("delivered %v authed %v messages %d reasons %v", r.delivered, authed, len(ms.messages()), r.reasons)
			}
		})
	}
}
