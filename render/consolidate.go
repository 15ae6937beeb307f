package render

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"dossier"
)

// Names of the package's files.
const (
	PDFName      = "汇总材料.pdf"
	XLSXName     = "汇总表.xlsx"
	ManifestName = "manifest.json"
)

// Result says what Consolidate made.
type Result struct {
	Dir        string // the package folder (outbox/2026-11-21)
	PDF        string
	XLSX       string
	Manifest   string
	Pages      int
	Changed    bool // false: the newest package has the same inputs, nothing written
	InputsHash string
}

// Manifest is manifest.json: what the package was made of and what it holds.
type Manifest struct {
	Title      string            `json:"title"`
	Notice     string            `json:"notice"`
	Generated  time.Time         `json:"generated"`
	InputsHash string            `json:"inputs_hash"`
	Pages      int               `json:"pages"`
	Inputs     []ManifestInput   `json:"inputs"`
	Outputs    map[string]string `json:"outputs"` // file name → SHA-256
}

// ManifestInput is one input document.
type ManifestInput struct {
	Team       string `json:"team"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Verdict    string `json:"verdict"`
	Superseded bool   `json:"superseded,omitempty"`
	SHA256     string `json:"sha256"`
	// Folder is the inbox folder the file was dropped in: the package
	// names files by team, folder and name, never by a server path.
	Folder string `json:"folder,omitempty"`
}

// ErrOutbox reports an outbox that cannot be written.
var ErrOutbox = errors.New("render: outbox not writable")

var dayDir = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Consolidate writes the package into outbox/<YYYY-MM-DD>/ (the day of
// in.Generated in the programme's zone) through a temp folder renamed into
// place, so a half-written package is never visible; a package already
// there for that day is replaced. When the newest package in outbox was
// made from the same inputs, nothing is written and Changed is false.
// copyTo, if not "", receives a copy of the folder the same way.
func Consolidate(ctx context.Context, in Input, outbox string, copyTo string) (Result, error) {
	hash, err := InputsHash(in)
	if err != nil {
		return Result{}, err
	}
	day := in.Generated.In(in.Programme.Location()).Format("2006-01-02")
	res := Result{Dir: filepath.Join(outbox, day), InputsHash: hash}
	res.PDF, res.XLSX, res.Manifest = filepath.Join(res.Dir, PDFName), filepath.Join(res.Dir, XLSXName), filepath.Join(res.Dir, ManifestName)
	if err := os.MkdirAll(outbox, 0o755); err != nil {
		return res, fmt.Errorf("%w: %v", ErrOutbox, err)
	}
	if prev, ok := newestPackage(outbox); ok && prev.InputsHash == hash {
		dir := filepath.Join(outbox, prev.Generated.In(in.Programme.Location()).Format("2006-01-02"))
		res.Dir, res.Pages = dir, prev.Pages
		res.PDF, res.XLSX, res.Manifest = filepath.Join(dir, PDFName), filepath.Join(dir, XLSXName), filepath.Join(dir, ManifestName)
		return res, nil
	}
	tmp, err := os.MkdirTemp(outbox, "."+day+".tmp-")
	if err != nil {
		return res, fmt.Errorf("%w: %v", ErrOutbox, err)
	}
	defer os.RemoveAll(tmp)
	_ = os.Chmod(tmp, 0o755)
	man, err := writePackage(ctx, in, tmp, hash)
	if err != nil {
		return res, err
	}
	res.Pages = man.Pages
	if err := replaceDir(tmp, res.Dir); err != nil {
		return res, err
	}
	res.Changed = true
	if copyTo != "" {
		if err := copyPackage(res.Dir, filepath.Join(copyTo, day)); err != nil {
			return res, fmt.Errorf("copy package to %s: %w", copyTo, err)
		}
	}
	return res, nil
}

func writePackage(ctx context.Context, in Input, dir, hash string) (Manifest, error) {
	man := Manifest{Title: in.Programme.Title, Notice: in.Programme.Notice, Generated: in.Generated, InputsHash: hash, Outputs: map[string]string{}}
	pages, sum, err := writeFileHashed(filepath.Join(dir, PDFName), func(w io.Writer) (int, error) {
		return renderPDF(ctx, w, in)
	})
	if err != nil {
		return man, fmt.Errorf("render package PDF: %w", err)
	}
	man.Pages = pages
	man.Outputs[PDFName] = sum
	_, sum, err = writeFileHashed(filepath.Join(dir, XLSXName), func(w io.Writer) (int, error) {
		return 0, XLSX(w, in)
	})
	if err != nil {
		return man, fmt.Errorf("render summary spreadsheet: %w", err)
	}
	man.Outputs[XLSXName] = sum
	for _, v := range in.Teams {
		for _, d := range v.Documents {
			man.Inputs = append(man.Inputs, ManifestInput{Team: v.Team.ID, Name: d.Name, Kind: string(d.Kind), Verdict: string(d.Verdict),
				Superseded: d.Superseded, SHA256: d.SHA256, Folder: d.Folder})
		}
	}
	for _, d := range append(append([]dossier.Document{}, in.NoTeam...), in.Dups...) {
		man.Inputs = append(man.Inputs, ManifestInput{Team: d.TeamID, Name: d.Name, Kind: string(d.Kind), Verdict: string(d.Verdict),
			SHA256: d.SHA256, Folder: d.Folder})
	}
	data, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return man, fmt.Errorf("encode manifest: %w", err)
	}
	return man, writeFileSync(filepath.Join(dir, ManifestName), append(data, '\n'))
}

func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", filepath.Base(path), err)
	}
	return f.Close()
}

// writeFileHashed streams what write produces to path, synced, and
// returns write's count and the file's SHA-256: the package is never held
// in memory whole.
func writeFileHashed(path string, write func(io.Writer) (int, error)) (n int, sum string, err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return 0, "", fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close %s: %w", filepath.Base(path), cerr)
		}
	}()
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)
	if n, err = write(bw); err != nil {
		return 0, "", err
	}
	if err := bw.Flush(); err != nil {
		return 0, "", fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := f.Sync(); err != nil {
		return 0, "", fmt.Errorf("sync %s: %w", filepath.Base(path), err)
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// newestPackage reads the manifest of the newest dated folder in outbox.
func newestPackage(outbox string) (Manifest, bool) {
	ents, err := os.ReadDir(outbox)
	if err != nil {
		return Manifest{}, false
	}
	var days []string
	for _, e := range ents {
		if e.IsDir() && dayDir.MatchString(e.Name()) {
			days = append(days, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(days)))
	for _, d := range days {
		data, err := os.ReadFile(filepath.Join(outbox, d, ManifestName))
		if err != nil {
			continue
		}
		var m Manifest
		if json.Unmarshal(data, &m) == nil {
			return m, true
		}
	}
	return Manifest{}, false
}

// replaceDir renames tmp to dst; an existing dst is moved aside first and
// removed after, so dst is always either the old or the new package.
func replaceDir(tmp, dst string) error {
	old := ""
	if _, err := os.Stat(dst); err == nil {
		old = filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+".old-"+fmt.Sprint(time.Now().UnixNano()))
		if err := os.Rename(dst, old); err != nil {
			return fmt.Errorf("%w: move old package aside: %v", ErrOutbox, err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		if old != "" {
			_ = os.Rename(old, dst)
		}
		return fmt.Errorf("%w: publish package: %v", ErrOutbox, err)
	}
	if old != "" {
		_ = os.RemoveAll(old)
	}
	return nil
}

// copyPackage copies the package folder to dst via a temp folder beside it.
func copyPackage(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	_ = os.Chmod(tmp, 0o755)
	for _, name := range []string{PDFName, XLSXName, ManifestName} {
		if err := copyFile(filepath.Join(src, name), filepath.Join(tmp, name)); err != nil {
			return err
		}
	}
	return replaceDir(tmp, dst)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
