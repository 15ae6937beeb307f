package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaultsNeedNoFile(t *testing.T) {
	c, err := Load("")
	if err != nil {
		t.Fatalf("Load(\"\"): %v", err)
	}
	if got := len(c.Registry.Teams); got != 18 {
		t.Fatalf("embedded registry has %d teams, want 18", got)
	}
	nat := 0
	for _, tm := range c.Registry.Teams {
		if tm.Level == "national" {
			nat++
		}
	}
	if nat != 3 {
		t.Errorf("national teams = %d, want 3", nat)
	}
	m8, _ := c.Registry.ByID("M8")
	if m8.Unit != "上海市水产研究所(上海市水产技术推广站)" {
		t.Errorf("M8 unit = %q", m8.Unit)
	}
	if got := c.Programme.SubmitDeadline.String(); got != "2026-11-20" {
		t.Errorf("submit deadline %s", got)
	}
	if c.Watch.Settle.D() != 5*time.Second || c.Limits.MaxFileSize != 50<<20 {
		t.Errorf("defaults: settle %s, max %d", c.Watch.Settle.D(), c.Limits.MaxFileSize)
	}
}

func TestLoadErrorsNameTheKey(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"typo", "watch:\n  setle: 5s\n", `unknown key "setle" in section watch`},
		{"bad mode", "watch:\n  mode: inotify\n", "watch.mode"},
		{"bad duration", "watch:\n  settle: soon\n", "not a duration"},
		{"bad size", "limits:\n  max_file_size: big\n", "not a size"},
		{"bad schedule", "render:\n  schedule: 2am\n", "render.schedule"},
		{"bad tls", "notify:\n  smtp:\n    host: mail.example\n    from: a@b.cn\n    tls: ssl\n", "notify.smtp.tls"},
		{"bad contact team", "contacts:\n  X9: [a@b.cn]\n", "contacts.X9"},
		{"bad contact mail", "contacts:\n  M11: [not-mail]\n", "not an e-mail"},
		{"bad template type", "notify:\n  templates:\n    warning: {subject: x}\n", "notify.templates.warning"},
		{"bad zone", "programme:\n  timezone: Mars/Olympus\n", "programme.timezone"},
		{"bad date", "programme:\n  submit_deadline: 20/11/2026\n", "parsing time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(p, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestOverridesAndRegistryFile(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "reg.yaml")
	os.WriteFile(reg, []byte("teams:\n  - {id: A1, level: municipal, name: 测试服务团, unit: 测试单位}\n"), 0o644)
	cfgPath := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfgPath, []byte("registry_file: "+reg+"\ncontacts:\n  A1: [team@example.cn]\nprogramme:\n  submit_deadline: 2027-11-20\nwatch:\n  settle: 2s\nlimits:\n  max_file_size: 10MiB\n"), 0o644)
	c, err := Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Registry.Teams) != 1 || c.Registry.Teams[0].Contacts[0] != "team@example.cn" {
		t.Fatalf("registry = %+v", c.Registry.Teams)
	}
	if c.Programme.SubmitDeadline.String() != "2027-11-20" || c.Watch.Settle.D() != 2*time.Second || c.Limits.MaxFileSize != 10<<20 {
		t.Fatalf("overrides not applied: %+v %+v", c.Programme.SubmitDeadline, c.Watch)
	}
	// Untouched keys keep their defaults.
	if c.Programme.ServiceDeadline.String() != "2026-11-10" || c.Render.Schedule != "02:00" {
		t.Fatalf("defaults lost: %v %q", c.Programme.ServiceDeadline, c.Render.Schedule)
	}
}

func TestMarshalRoundTripsAndMasksPassword(t *testing.T) {
	c := Default()
	c.Notify.SMTP.Password = "secret"
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "secret") {
		t.Fatal("password printed")
	}
	p := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(p, out, 0o644)
	if _, err := Load(p); err != nil {
		t.Fatalf("printed config does not load back: %v\n%s", err, out)
	}
}
