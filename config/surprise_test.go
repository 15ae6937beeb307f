package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadYAML(t *testing.T, y string) (Config, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(p, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p)
}

// Nothing in the configuration can surprise: each error names its key.
func TestConfigCannotSurprise(t *testing.T) {
	t.Setenv("DOSSIER_TEST_UNSET", "")
	tests := []struct {
		name, yaml string
		want       []string // all in the error
	}{
		{"size without a unit", "limits:\n  max_file_size: 50\n", []string{"limits.max_file_size", "50MiB"}},
		{"size below the floor", "limits:\n  max_file_size: 50B\n", []string{"limits.max_file_size", "at least 64KiB"}},
		{"pixels below the floor", "limits:\n  max_pixels: 10\n", []string{"limits.max_pixels", "at least"}},
		{"worker memory below the floor", "limits:\n  worker_memory: 1MiB\n", []string{"limits.worker_memory"}},
		{"type error names the key", "limits:\n  max_pages: many\n", []string{"limits.max_pages", "line 2"}},
		{"type error in a nested key", "notify:\n  smtp:\n    port: smtp\n", []string{"notify.smtp.port"}},
		{"duration error names the key", "watch:\n  settle: soon\n", []string{"watch.settle", "not a duration"}},
		{"template typo", "notify:\n  templates:\n    rejection:\n      subject: \"{{.Who}\"\n", []string{"notify.templates.rejection"}},
		{"template unknown field", "notify:\n  templates:\n    reminder:\n      body: \"{{.Nobody}}\"\n", []string{"notify.templates.reminder"}},
		{"smtp user, password_env unset", "notify:\n  smtp:\n    host: mail.example.cn\n    from: a@example.cn\n    username: u\n    password_env: DOSSIER_TEST_UNSET\n", []string{"notify.smtp.password_env", "DOSSIER_TEST_UNSET"}},
		{"smtp user, no password at all", "notify:\n  smtp:\n    host: mail.example.cn\n    from: a@example.cn\n    username: u\n", []string{"notify.smtp.username"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadYAML(t, tt.yaml)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// Precision: good values with units, a relay without authentication, a
// password from the environment and a working template all load.
func TestConfigGoodValuesLoad(t *testing.T) {
	t.Setenv("DOSSIER_TEST_PW", "secret")
	c, err := loadYAML(t, `limits:
  max_file_size: 50MiB
  max_unzip_size: 1GiB
  worker_memory: 2GiB
notify:
  smtp:
    host: mail.example.cn
    from: a@example.cn
    username: u
    password_env: DOSSIER_TEST_PW
  templates:
    rejection:
      subject: "退回：{{.Who}}"
`)
	if err != nil {
		t.Fatal(err)
	}
	if c.Limits.MaxFileSize != 50<<20 || c.Limits.MaxUnzipSize != 1<<30 || c.Notify.SMTP.Password != "secret" {
		t.Errorf("loaded %+v %q", c.Limits, c.Notify.SMTP.Password)
	}
	if _, err := loadYAML(t, "notify:\n  smtp:\n    host: relay.local\n    from: a@example.cn\n    tls: none\n    port: 25\n"); err != nil {
		t.Errorf("relay without authentication: %v", err)
	}
}

func TestWarnPlainLAN(t *testing.T) {
	tests := []struct {
		listen string
		plain  bool
		tls    bool
		warn   bool
	}{
		{"0.0.0.0:8470", true, false, true},
		{"192.168.1.5:8470", true, false, true},
		{"127.0.0.1:8470", true, false, false},
		{"[::1]:8470", true, false, false},
		{"0.0.0.0:8470", true, true, false},
		{"0.0.0.0:8470", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.listen, func(t *testing.T) {
			c := Default()
			c.HTTP.Listen, c.HTTP.AllowPlainLAN = tt.listen, tt.plain
			if tt.tls {
				c.HTTP.TLSCert, c.HTTP.TLSKey = "c.pem", "k.pem"
			}
			if got := len(c.Warnings()) > 0; got != tt.warn {
				t.Errorf("warn = %v, want %v (%v)", got, tt.warn, c.Warnings())
			}
		})
	}
}
