package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strings"

	gomail "github.com/wneessen/go-mail"

	"dossier"
)

// errUnreachable marks a failure to reach the SMTP server at all, as
// opposed to a message the server refused.
var errUnreachable = errors.New("notify: smtp server unreachable")

// ErrNoRecipient means none of a notice's addresses is a valid address.
var ErrNoRecipient = errors.New("notify: no valid recipient")

// parseAddress reads one address ("名称 <a@b.cn>" or "a@b.cn"). net/mail
// refuses CR and LF, so nothing read here can carry a header.
func parseAddress(s string) (*mail.Address, error) {
	a, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("parse address %q: %w", s, err)
	}
	return a, nil
}

// MessageID is the Message-ID of a notice's e-mail, derived from its key:
// a resend after a crash carries the same id, so mail systems and people
// recognise it as the same message.
func MessageID(key, from string) string {
	sum := sha256.Sum256([]byte(key))
	domain := "dossier.invalid"
	if a, err := parseAddress(from); err == nil {
		if i := strings.LastIndexByte(a.Address, '@'); i >= 0 && i+1 < len(a.Address) {
			domain = a.Address[i+1:]
		}
	}
	return "notice." + hex.EncodeToString(sum[:16]) + "@" + domain
}

// buildMessage makes the e-mail of a notice. Every header value is either
// parsed as an address or cleaned of control characters and RFC 2047
// encoded, so a team or file name can never add a header.
func (n *Notifier) buildMessage(no dossier.Notice) (*gomail.Msg, []string, error) {
	m := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8))
	from, err := parseAddress(n.cfg.From)
	if err != nil {
		return nil, nil, fmt.Errorf("sender: %w", err)
	}
	from.Name = oneLine(from.Name)
	m.FromMailAddress(from)
	to, bad := addresses(no.To, nil)
	if len(to) == 0 {
		return nil, bad, fmt.Errorf("notice %d to %v: %w", no.ID, no.To, ErrNoRecipient)
	}
	m.ToMailAddress(to...)
	cc, bad2 := addresses(append(append([]string(nil), no.Cc...), n.cfg.BureauEmail), to)
	if len(cc) > 0 {
		m.CcMailAddress(cc...)
	}
	m.Subject(oneLine(no.Subject))
	m.SetMessageIDWithValue(MessageID(no.Key, n.cfg.From))
	if !no.Created.IsZero() {
		m.SetDateWithValue(no.Created)
	} else {
		m.SetDate()
	}
	m.SetGenHeader("Auto-Submitted", "auto-generated")
	m.SetBodyString(gomail.TypeTextPlain, no.Body)
	return m, append(bad, bad2...), nil
}

// addresses parses a list, dropping blanks, invalid entries and those
// already in skip, and de-duplicating.
func addresses(list []string, skip []*mail.Address) (ok []*mail.Address, bad []string) {
	seen := map[string]bool{}
	for _, a := range skip {
		seen[strings.ToLower(a.Address)] = true
	}
	for _, s := range list {
		if strings.TrimSpace(s) == "" {
			continue
		}
		a, err := parseAddress(s)
		if err != nil {
			bad = append(bad, s)
			continue
		}
		if seen[strings.ToLower(a.Address)] {
			continue
		}
		seen[strings.ToLower(a.Address)] = true
		a.Name = oneLine(a.Name)
		ok = append(ok, a)
	}
	return ok, bad
}

func (n *Notifier) client() (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(n.cfg.Port), gomail.WithTimeout(n.cfg.Timeout)}
	switch n.cfg.TLS {
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if n.cfg.TLSConfig != nil {
		opts = append(opts, gomail.WithTLSConfig(n.cfg.TLSConfig))
	}
	if n.cfg.Username != "" {
		auth := gomail.SMTPAuthAutoDiscover
		if n.cfg.TLS == "none" {
			auth = gomail.SMTPAuthPlainNoEnc // the operator chose no TLS
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(n.cfg.Username), gomail.WithPassword(n.cfg.Password))
	}
	c, err := gomail.NewClient(n.cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("configure smtp client: %w", err)
	}
	return c, nil
}

// sendMail sends one notice. An address that does not parse is dropped
// (and logged); a notice without any valid recipient is not retried.
func (n *Notifier) sendMail(ctx context.Context, no dossier.Notice) error {
	msg, bad, err := n.buildMessage(no)
	if len(bad) > 0 {
		n.log.Warn().Int64("notice_id", no.ID).Str("team", no.TeamID).Strs("invalid", bad).Msg("invalid e-mail addresses skipped")
	}
	if errors.Is(err, ErrNoRecipient) {
		n.log.Error().Err(err).Int64("notice_id", no.ID).Str("team", no.TeamID).Msg("notice not e-mailed: no valid address")
		return nil
	}
	if err != nil {
		return fmt.Errorf("build e-mail: %w", err)
	}
	c, err := n.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, n.cfg.Timeout)
	defer cancel()
	sc, err := c.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fmt.Errorf("connect to %s:%d: %w: %w", n.cfg.Host, n.cfg.Port, errUnreachable, err)
	}
	defer c.CloseWithSMTPClient(sc)
	if err := c.SendWithSMTPClient(sc, msg); err != nil {
		return fmt.Errorf("send notice %d: %w", no.ID, classifySend(err))
	}
	n.log.Info().Int64("notice_id", no.ID).Str("team", no.TeamID).Strs("to", no.To).Msg("notice e-mailed")
	return nil
}
