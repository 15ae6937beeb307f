package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"dossier"
)

var hhmm = regexp.MustCompile(`^([01]?\d|2[0-3]):[0-5]\d$`)

// Validate checks every key and says how to fix each bad one.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, a ...any) {
		errs = append(errs, fmt.Errorf("config key %s: %s", key, fmt.Sprintf(format, a...)))
	}
	if strings.TrimSpace(c.Inbox) == "" {
		bad("inbox", "is empty: set it to the shared folder staff drop files into (default ./inbox)")
	}
	if strings.TrimSpace(c.Data) == "" {
		bad("data", "is empty: set it to a local folder for the ledger and archive (default ./data)")
	}
	switch c.Watch.Mode {
	case "auto", "events", "poll":
	default:
		bad("watch.mode", "is %q: use auto (events, polling on network shares), events or poll", c.Watch.Mode)
	}
	if c.Watch.PollInterval.D() < 100*time.Millisecond {
		bad("watch.poll_interval", "is %s: use at least 100ms (default 10s)", c.Watch.PollInterval.D())
	}
	if c.Watch.Settle.D() < 0 {
		bad("watch.settle", "is negative: use e.g. 5s")
	}
	if c.Watch.RescanInterval.D() < time.Second {
		bad("watch.rescan_interval", "is %s: use at least 1s (default 5m)", c.Watch.RescanInterval.D())
	}
	if c.Limits.MaxFileSize <= 0 {
		bad("limits.max_file_size", "must be positive, e.g. 50MiB")
	}
	if c.Limits.MaxUnzipSize < c.Limits.MaxFileSize {
		bad("limits.max_unzip_size", "(%s) must be at least limits.max_file_size (%s), e.g. 200MiB", c.Limits.MaxUnzipSize, c.Limits.MaxFileSize)
	}
	if c.Limits.MaxPages < 1 {
		bad("limits.max_pages", "must be at least 1 (default 500)")
	}
	if c.Limits.Timeout.D() < time.Second {
		bad("limits.timeout", "is %s: use at least 1s (default 60s)", c.Limits.Timeout.D())
	}
	if c.Workers < 1 || c.Workers > 64 {
		bad("workers", "is %d: use 1 to 64 (default 2)", c.Workers)
	}
	c.validateProgramme(bad)
	c.validateNotify(bad)
	c.validateFloors(bad)
	c.validateSMTPAuth(bad)
	c.validateTemplateText(bad)
	if s := c.Render.Schedule; s != "off" && !hhmm.MatchString(s) {
		bad("render.schedule", "is %q: write the time of day as HH:MM (e.g. 02:00), or off", s)
	}
	if l := c.HTTP.Listen; l != "" && l != "off" {
		if _, _, err := net.SplitHostPort(l); err != nil {
			bad("http.listen", "is %q: write host:port, e.g. 127.0.0.1:8470 (or off)", l)
		}
	}
	switch c.Log.Format {
	case "json", "console":
	default:
		bad("log.format", "is %q: use json or console", c.Log.Format)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level", "is %q: use debug, info, warn or error", c.Log.Level)
	}
	return errors.Join(errs...)
}

func (c Config) validateProgramme(bad func(string, string, ...any)) {
	p := c.Programme
	if p.Timezone != "" {
		if _, err := time.LoadLocation(p.Timezone); err != nil {
			bad("programme.timezone", "%q is not a time zone: use e.g. Asia/Shanghai", p.Timezone)
		}
	}
	if p.SubmitDeadline.IsZero() {
		bad("programme.submit_deadline", "is missing: write the day as 2026-11-20")
	}
	if p.ServiceDeadline.IsZero() {
		bad("programme.service_deadline", "is missing: write the day as 2026-11-10")
	}
	if p.ReminderDays < 0 {
		bad("programme.reminder_days", "is negative: use 0 (no reminders) or a number of days, e.g. 3")
	}
	for key, v := range map[string]float64{"programme.grant_ministry": p.GrantMinistry, "programme.grant_city_match": p.GrantCityMatch, "programme.grant_municipal": p.GrantMunicipal} {
		if v < 0 {
			bad(key, "is negative: write the grant in yuan, e.g. 100000")
		}
	}
	seen := map[string]bool{}
	for i, t := range c.Registry.Teams {
		key := fmt.Sprintf("registry team %d", i+1)
		switch {
		case t.ID == "":
			bad(key, "has no id: give every team an id such as M11")
		case seen[strings.ToUpper(t.ID)]:
			bad(key, "id %s is used twice: ids must be unique", t.ID)
		case t.Level != dossier.LevelNational && t.Level != dossier.LevelMunicipal:
			bad(key, "(%s) level %q: use national or municipal", t.ID, t.Level)
		case t.Name == "":
			bad(key, "(%s) has no name", t.ID)
		}
		seen[strings.ToUpper(t.ID)] = true
	}
	if len(c.Registry.Teams) == 0 {
		bad("registry_file", "lists no teams: the file needs a teams: list of id, level, name, unit")
	}
	for id, addrs := range c.Contacts {
		if _, ok := c.Registry.ByID(id); !ok {
			bad("contacts."+id, "names no team of the registry: use a team id such as M11")
		}
		for _, a := range addrs {
			if _, err := mail.ParseAddress(a); err != nil {
				bad("contacts."+id, "%q is not an e-mail address", a)
			}
		}
	}
}

func (c Config) validateNotify(bad func(string, string, ...any)) {
	n := c.Notify
	if n.BureauEmail != "" {
		if _, err := mail.ParseAddress(n.BureauEmail); err != nil {
			bad("notify.bureau_email", "%q is not an e-mail address", n.BureauEmail)
		}
	}
	if n.RetryMin.D() <= 0 || n.RetryMax.D() < n.RetryMin.D() {
		bad("notify.retry_min/retry_max", "need 0 < retry_min ≤ retry_max (defaults 30s and 30m)")
	}
	validateTemplates(n.Templates, bad)
	s := n.SMTP
	if s.Host == "" {
		return
	}
	switch s.TLS {
	case "starttls", "tls", "none":
	default:
		bad("notify.smtp.tls", "is %q: use starttls (port 587), tls (port 465) or none (local relay only)", s.TLS)
	}
	if s.Port < 1 || s.Port > 65535 {
		bad("notify.smtp.port", "is %d: use 587 for starttls, 465 for tls, 25 for a local relay", s.Port)
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		bad("notify.smtp.from", "%q is not an e-mail address: set the sender, e.g. dossier@example.gov.cn", s.From)
	}
}

func validateTemplates(ts map[string]Template, bad func(string, string, ...any)) {
	for typ := range ts {
		switch dossier.NoticeType(typ) {
		case dossier.NoticeRejection, dossier.NoticeAcceptance, dossier.NoticeReview, dossier.NoticeSupersede, dossier.NoticeReminder:
		default:
			bad("notify.templates."+typ, "is not a notice type: use rejection, acceptance, review, supersede or reminder")
		}
	}
}
