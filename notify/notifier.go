package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"dossier"
)

// Config is the notifier's part of the configuration. Mail is off while
// Host is empty: notices then go to the log and the file only.
type Config struct {
	Host        string        `yaml:"host"`
	Port        int           `yaml:"port"` // default 587 (starttls), 465 (tls), 25 (none)
	Username    string        `yaml:"username"`
	Password    string        `yaml:"password"`
	From        string        `yaml:"from"` // "上海市人力资源和社会保障局 <zhuanjia@example.gov.cn>"
	TLS         string        `yaml:"tls"`  // "starttls" (default) | "tls" | "none"
	Timeout     time.Duration `yaml:"timeout"`
	BureauEmail string        `yaml:"bureau_email"` // in copy of every e-mail
	RetryMin    time.Duration `yaml:"retry_min"`    // first back-off, default 30s
	RetryMax    time.Duration `yaml:"retry_max"`    // longest back-off, default 30m
	Poll        time.Duration `yaml:"poll"`         // how often Run looks at the outbox, default 5s
	// TLSConfig overrides the TLS settings (tests, private CAs); nil uses
	// the system roots and Host as server name.
	TLSConfig *tls.Config `yaml:"-"`
}

func (c Config) withDefaults() Config {
	if c.RetryMin <= 0 {
		c.RetryMin = 30 * time.Second
	}
	if c.RetryMax <= 0 {
		c.RetryMax = 30 * time.Minute
	}
	if c.RetryMax < c.RetryMin {
		c.RetryMax = c.RetryMin
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.Poll <= 0 {
		c.Poll = 5 * time.Second
	}
	if c.TLS == "" {
		c.TLS = "starttls"
	}
	if c.Port == 0 {
		switch c.TLS {
		case "tls":
			c.Port = 465
		case "none":
			c.Port = 25
		default:
			c.Port = 587
		}
	}
	return c
}

// Validate says what is wrong with an SMTP configuration, in terms an
// operator can act on.
func (c Config) Validate() error {
	if c.Host == "" {
		return nil
	}
	switch c.TLS {
	case "", "starttls", "tls", "none":
	default:
		return fmt.Errorf("notify.smtp.tls is %q: set it to starttls, tls or none: %w", c.TLS, ErrConfig)
	}
	if c.From == "" {
		return fmt.Errorf("notify.smtp.from is empty: set the sender address when notify.smtp.host is set: %w", ErrConfig)
	}
	if _, err := parseAddress(c.From); err != nil {
		return fmt.Errorf("notify.smtp.from %q is not an e-mail address: %w", c.From, ErrConfig)
	}
	return nil
}

// ErrConfig marks an invalid notifier configuration.
var ErrConfig = errors.New("notify: invalid configuration")

// batch is how many deliveries Flush asks the outbox for at a time.
const batch = 50

// Notifier delivers the outbox's notices.
type Notifier struct {
	outbox Outbox
	cfg    Config
	log    zerolog.Logger
	wake   chan struct{}
	send   func(ctx context.Context, n dossier.Notice) error // the mail channel; replaced in tests only
}

// New makes a notifier over an outbox.
func New(outbox Outbox, cfg Config, logger zerolog.Logger) *Notifier {
	n := &Notifier{outbox: outbox, cfg: cfg.withDefaults(), log: logger.With().Str("component", "notify").Logger(), wake: make(chan struct{}, 1)}
	n.send = n.sendMail
	return n
}

// Wake asks Run to look at the outbox now (a decision was just recorded).
func (n *Notifier) Wake() {
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

// Run delivers due notices until ctx is done: at once, then every Poll
// and whenever Wake is called. It returns nil when ctx ends.
func (n *Notifier) Run(ctx context.Context) error {
	t := time.NewTicker(n.cfg.Poll)
	defer t.Stop()
	for {
		if _, err := n.Flush(ctx, time.Now()); err != nil && ctx.Err() == nil {
			n.log.Error().Err(err).Msg("flush outbox")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-n.wake:
		}
	}
}

// Flush delivers every delivery due at now once and returns how many were
// delivered. A failed delivery is recorded in the outbox with its next
// attempt time (exponential back-off); it is not an error of Flush, which
// fails only when the outbox does.
func (n *Notifier) Flush(ctx context.Context, now time.Time) (int, error) {
	delivered := 0
	mailDown := error(nil) // once the server refuses a connection, don't dial again in this flush
	seen := map[[2]any]bool{}
	for {
		due, err := n.outbox.Due(ctx, now, batch)
		if err != nil {
			return delivered, fmt.Errorf("read due notices: %w", err)
		}
		fresh := 0
		for _, d := range due {
			k := [2]any{d.Notice.ID, d.Channel}
			if seen[k] {
				continue
			}
			seen[k] = true
			fresh++
			ok, err := n.deliverOne(ctx, d, now, &mailDown)
			if err != nil {
				return delivered, err
			}
			if ok {
				delivered++
			}
		}
		if len(due) < batch || fresh == 0 || ctx.Err() != nil {
			return delivered, ctx.Err()
		}
	}
}

// backoff is RetryMin·2^attempts, at most RetryMax.
func (n *Notifier) backoff(attempts int) time.Duration {
	d := n.cfg.RetryMin
	for i := 0; i < attempts && d < n.cfg.RetryMax; i++ {
		d *= 2
	}
	if d > n.cfg.RetryMax {
		d = n.cfg.RetryMax
	}
	return d
}

func (n *Notifier) deliver(ctx context.Context, d Delivery) error {
	switch d.Channel {
	case ChannelLog:
		n.logNotice(d.Notice)
		return nil
	case ChannelFile:
		if d.Notice.NoticeFile == "" {
			return nil
		}
		path, err := writeNoticeFile(d.Notice)
		if err == nil {
			n.log.Info().Int64("notice_id", d.Notice.ID).Str("team", d.Notice.TeamID).Str("file", path).Msg("notice file written")
		}
		return err
	case ChannelMail:
		if n.cfg.Host == "" || len(d.Notice.To) == 0 {
			n.log.Debug().Int64("notice_id", d.Notice.ID).Str("team", d.Notice.TeamID).Msg("no e-mail: smtp off or no recipients")
			return nil
		}
		return n.send(ctx, d.Notice)
	}
	return fmt.Errorf("deliver notice %d: unknown channel %q", d.Notice.ID, d.Channel)
}

func (n *Notifier) logNotice(no dossier.Notice) {
	n.log.Info().Int64("notice_id", no.ID).Str("key", no.Key).Str("team", no.TeamID).Str("type", string(no.Type)).
		Strs("to", no.To).Str("subject", no.Subject).Str("body", no.Body).Msg("notice")
}
