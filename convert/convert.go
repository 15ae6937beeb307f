package convert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Sentinel errors.
var (
	ErrUnavailable = errors.New("convert: LibreOffice is not available")
	ErrTimeout     = errors.New("convert: LibreOffice took longer than the time limit")
	ErrFailed      = errors.New("convert: LibreOffice could not convert the file")
)

// DefaultTimeout is the per-document limit when Options.Timeout is 0.
const DefaultTimeout = 120 * time.Second

// maxOutput caps what a conversion may produce (a PDF of a Word file).
const maxOutput = 200 << 20

// Options configure a Converter.
type Options struct {
	// Soffice is the program: "" finds soffice or libreoffice on PATH,
	// "off" disables conversion.
	Soffice string
	// Timeout is the limit per document (default 120 s).
	Timeout time.Duration
	// ProfileDir is LibreOffice's own user profile (-env:UserInstallation),
	// created when missing. "" uses a fresh one inside each conversion's
	// temporary folder, removed with it (slower, but never shared).
	ProfileDir string
}

// Converter runs LibreOffice conversions one at a time.
type Converter struct {
	bin     string
	timeout time.Duration
	profile string
	slot    chan struct{}
}

// New finds soffice and prepares the profile directory. When conversion
// is off or soffice is not installed it returns nil and an error wrapping
// ErrUnavailable.
func New(opt Options) (*Converter, error) {
	bin, err := findSoffice(opt.Soffice)
	if err != nil {
		return nil, err
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	prof := opt.ProfileDir // "": a fresh profile inside each conversion's temporary folder
	if prof != "" {
		if prof, err = filepath.Abs(prof); err != nil {
			return nil, fmt.Errorf("resolve soffice profile dir: %w", err)
		}
		if err := os.MkdirAll(prof, 0o755); err != nil {
			return nil, fmt.Errorf("create soffice profile dir: %w", err)
		}
	}
	return &Converter{bin: bin, timeout: opt.Timeout, profile: prof, slot: make(chan struct{}, 1)}, nil
}

func findSoffice(setting string) (string, error) {
	switch setting {
	case "off":
		return "", fmt.Errorf("%w: convert.soffice is \"off\"", ErrUnavailable)
	case "":
		for _, name := range []string{"soffice", "libreoffice"} {
			if p, err := exec.LookPath(name); err == nil {
				return p, nil
			}
		}
		return "", fmt.Errorf("%w: neither soffice nor libreoffice is on PATH (install libreoffice-writer, or set convert.soffice)", ErrUnavailable)
	}
	p, err := exec.LookPath(setting)
	if err != nil {
		return "", fmt.Errorf("%w: convert.soffice %q: %v", ErrUnavailable, setting, err)
	}
	return p, nil
}

// Available reports whether c can convert (false for a nil Converter).
func (c *Converter) Available() bool { return c != nil }

// ToPDF converts a document (docx, doc, wps, odt, xlsx…) to PDF.
func (c *Converter) ToPDF(ctx context.Context, data []byte, name string) ([]byte, error) {
	return c.Convert(ctx, data, name, "pdf")
}

// Convert converts data, a file named name (its extension tells
// LibreOffice the input filter), to format ("pdf", "docx", "xlsx", or a
// LibreOffice "ext:Filter" pair) and returns the converted bytes.
func (c *Converter) Convert(ctx context.Context, data []byte, name, format string) ([]byte, error) {
	if c == nil {
		return nil, ErrUnavailable
	}
	select {
	case c.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.slot }()
	dir, err := os.MkdirTemp("", "dossier-convert-")
	if err != nil {
		return nil, fmt.Errorf("create conversion dir: %w", err)
	}
	defer os.RemoveAll(dir)
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" || len(ext) > 8 {
		ext = ".bin"
	}
	in := filepath.Join(dir, "in"+ext)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("write conversion input: %w", err)
	}
	outDir := filepath.Join(dir, "out")
	profile := c.profile
	if profile == "" {
		profile = filepath.Join(dir, "profile")
	}
	if err := c.run(ctx, in, outDir, format, profile); err != nil {
		return nil, err
	}
	outExt, _, _ := strings.Cut(format, ":")
	out := filepath.Join(outDir, "in."+outExt)
	st, err := os.Stat(out)
	if err != nil {
		return nil, fmt.Errorf("%w: no %s written", ErrFailed, outExt)
	}
	if st.Size() > maxOutput {
		return nil, fmt.Errorf("%w: the %s is larger than %d bytes", ErrFailed, outExt, maxOutput)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("read converted file: %w", err)
	}
	return b, nil
}

// run starts soffice in its own process group and kills the group when
// the time limit or ctx ends first.
func (c *Converter) run(ctx context.Context, in, outDir, format, profile string) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	cmd := exec.Command(c.bin, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
		"-env:UserInstallation=file://"+profile,
		"--convert-to", format, "--outdir", outDir, in)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Env = append(os.Environ(), "HOME="+profile)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%w: start %s: %v", ErrFailed, c.bin, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%w: %v: %s", ErrFailed, err, tail(stderr.String()))
		}
		return nil
	case <-ctx.Done():
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("%w (%s)", ErrTimeout, c.timeout)
		}
		return ctx.Err()
	}
}

func tail(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 300 {
		s = s[len(s)-300:]
	}
	return s
}
