package config

import (
	"fmt"
	"net"
	"time"

	"dossier"
	"dossier/notify"
)

// floors are the least sane value of each size and count: below it a
// value is a typo or a unit forgotten, never a choice.
var floors = []struct {
	key   string
	value func(Config) int64
	min   int64
	show  string
}{
	{"limits.max_file_size", func(c Config) int64 { return int64(c.Limits.MaxFileSize) }, 64 << 10, "64KiB (default 50MiB)"},
	{"limits.max_unzip_size", func(c Config) int64 { return int64(c.Limits.MaxUnzipSize) }, 1 << 20, "1MiB (default 200MiB)"},
	{"limits.worker_memory", func(c Config) int64 { return int64(c.Limits.WorkerMemory) }, 256 << 20, "256MiB (default 4GiB: PDFium's WebAssembly compile needs about 3GiB of address space)"},
	{"limits.max_pixels", func(c Config) int64 { return c.Limits.MaxPixels }, 1_000_000, "1000000 (default 50000000)"},
	{"limits.max_cells", func(c Config) int64 { return c.Limits.MaxCells }, 10_000, "10000 (default 2000000)"},
	{"limits.max_page_objects", func(c Config) int64 { return int64(c.Limits.MaxPageObjects) }, 1_000, "1000 (default 200000)"},
}

// validateFloors reports each value under its floor, naming the key.
func (c Config) validateFloors(bad func(string, string, ...any)) {
	for _, f := range floors {
		if v := f.value(c); v < f.min {
			bad(f.key, "is %d: use at least %s", v, f.show)
		}
	}
	if t := c.Notify.SMTP.Timeout.D(); c.Notify.SMTP.Host != "" && t < time.Second {
		bad("notify.smtp.timeout", "is %s: use at least 1s (default 30s)", t)
	}
}

// validateSMTPAuth: a user name with no password (password_env naming a
// variable that is not set) would fail at the first e-mail, after files
// were already decided.
func (c Config) validateSMTPAuth(bad func(string, string, ...any)) {
	s := c.Notify.SMTP
	if s.Host == "" || s.Username == "" || s.Password != "" {
		return
	}
	if s.PasswordEnv != "" {
		bad("notify.smtp.password_env", "names %s, which is not set or empty: export it before starting dossier, or remove notify.smtp.username for a relay without authentication", s.PasswordEnv)
		return
	}
	bad("notify.smtp.username", "is set but no password is: set notify.smtp.password_env to the environment variable holding it")
}

// NoticeTemplates are the notice templates in effect: the defaults with
// notify.templates laid over them.
func (c Config) NoticeTemplates() notify.Templates {
	tpl := notify.DefaultTemplates()
	for typ, t := range c.Notify.Templates {
		cur := tpl[dossier.NoticeType(typ)]
		if t.Subject != "" {
			cur.Subject = t.Subject
		}
		if t.Body != "" {
			cur.Body = t.Body
		}
		tpl[dossier.NoticeType(typ)] = cur
	}
	return tpl
}

// validateTemplateText parses and runs every notice template against a
// sample notice, so that a typo is found by `dossier config` and at start,
// not by the first file (which then was never decided).
func (c Config) validateTemplateText(bad func(string, string, ...any)) {
	tpl := c.NoticeTemplates()
	team := dossier.Team{ID: "M1", Level: dossier.LevelMunicipal, Name: "示例专家服务团", Unit: "示例单位", Contacts: []string{"m1@example.cn"}}
	loc := time.UTC
	if l, err := time.LoadLocation(c.Programme.Timezone); err == nil && c.Programme.Timezone != "" {
		loc = l
	}
	now := time.Date(2026, 11, 18, 9, 0, 0, 0, loc)
	doc := &dossier.Document{ID: 1, Name: "调查表.xlsx", Path: "M1/调查表.xlsx", Kind: dossier.KindSurvey, TeamID: "M1",
		Received: now, Verdict: dossier.VerdictRejected, Fields: dossier.Fields{},
		Findings: []dossier.Finding{{Rule: "S001", Severity: dossier.SeverityError, Field: "beneficiaries", Message: "示例问题"}}}
	view := &dossier.TeamView{Team: team, Documents: []dossier.Document{*doc}, Materials: map[dossier.Kind]dossier.MaterialState{
		dossier.KindSurvey: dossier.MaterialRejected, dossier.KindAudit: dossier.MaterialMissing,
		dossier.KindSummary: dossier.MaterialMissing, dossier.KindPhotos: dossier.MaterialMissing}}
	for _, typ := range []dossier.NoticeType{dossier.NoticeRejection, dossier.NoticeAcceptance, dossier.NoticeReview, dossier.NoticeSupersede, dossier.NoticeReminder} {
		d := doc
		if typ == dossier.NoticeReminder {
			d = nil
		}
		if _, _, err := notify.Compose(tpl, typ, d, view, c.Programme, now); err != nil {
			bad("notify.templates."+string(typ), "does not work on a sample notice: %v", err)
		}
	}
}

// Warnings are settings that work but that an operator should know about;
// `dossier config` prints them.
func (c Config) Warnings() []string {
	var out []string
	if l := c.HTTP.Listen; l != "" && l != "off" && c.HTTP.AllowPlainLAN && (c.HTTP.TLSCert == "" || c.HTTP.TLSKey == "") {
		if host, _, err := net.SplitHostPort(l); err == nil && !isLoopback(host) {
			out = append(out, fmt.Sprintf("http.allow_plain_lan: the desk on %s is served without TLS: passwords and sessions cross the network in clear; set http.tls_cert and http.tls_key", l))
		}
	}
	return out
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
