package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeRefusesPlainLAN: `dossier serve` on an address other machines
// reach, without TLS, refuses to start and says how to fix it; waived
// with http.allow_plain_lan, `dossier config` warns.
func TestServeRefusesPlainLAN(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, yaml string
		refuse     bool
	}{
		{"all interfaces", "http:\n  listen: 0.0.0.0:0\n", true},
		{"a LAN address", "http:\n  listen: 192.0.2.10:8470\n", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := filepath.Join(dir, tc.name+".yaml")
			os.WriteFile(cfg, []byte(tc.yaml+"render: {schedule: \"off\"}\nocr: {tesseract: \"off\"}\n"), 0o644)
			cmd := exec.Command(binary, "serve", "--config", cfg, "--inbox", filepath.Join(dir, "inbox"), "--data", filepath.Join(dir, "data"))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			done := make(chan error, 1)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(stderr.String(), "http.tls_cert") || !strings.Contains(stderr.String(), "allow_plain_lan") {
					t.Fatalf("serve on %s without TLS: %v\n%s", tc.name, err, stderr.String())
				}
			case <-time.After(60 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("serve on %s without TLS kept running", tc.name)
			}
		})
	}
	cfg := filepath.Join(dir, "waived.yaml")
	os.WriteFile(cfg, []byte("http:\n  listen: 0.0.0.0:8470\n  allow_plain_lan: true\n"), 0o644)
	cmd := exec.Command(binary, "config", "--config", cfg)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || !strings.Contains(stderr.String(), "allow_plain_lan") {
		t.Fatalf("config with a waived plain LAN listen: %v, stderr %q", err, stderr.String())
	}
	cmd = exec.Command(binary, "config")
	stderr.Reset()
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() != 0 {
		t.Fatalf("default config warns: %v %q", err, stderr.String())
	}
}

// TestUserCommands: accounts from the command line, the password on
// standard input.
func TestUserCommands(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	user := func(stdin string, args ...string) (string, error) {
		cmd := exec.Command(binary, append(append([]string{"user"}, args...), "--data", data)...)
		cmd.Stdin = strings.NewReader(stdin)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	steps := []struct {
		name, stdin string
		args        []string
		ok          bool
		want        string
	}{
		{"add clerk", "correct horse battery\n", []string{"add", "wang"}, true, "已创建账号 wang（审核员）"},
		{"add viewer", "another password\n", []string{"add", "li", "--role", "viewer"}, true, "（只读）"},
		{"duplicate", "correct horse battery\n", []string{"add", "WANG"}, false, "exists already"},
		{"short password", "short\n", []string{"add", "zhao"}, false, "at least 8"},
		{"no password", "", []string{"add", "zhao"}, false, "no password"},
		{"bad role", "correct horse battery\n", []string{"add", "zhao", "--role", "admin"}, false, "clerk or viewer"},
		{"disable", "", []string{"disable", "li"}, true, "已停用账号 li"},
		{"disable unknown", "", []string{"disable", "nobody"}, false, "no account"},
		{"list", "", []string{"list"}, true, "已停用"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			out, err := user(s.stdin, s.args...)
			if (err == nil) != s.ok || !strings.Contains(out, s.want) {
				t.Fatalf("dossier user %s: %v\n%s", strings.Join(s.args, " "), err, out)
			}
			if strings.Contains(out, "correct horse") {
				t.Fatal("the password was printed")
			}
		})
	}
}
