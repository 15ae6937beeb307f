package extract

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

const realworldDir = "../../shared/realworld"

var sentinels = []error{ErrUnsupported, ErrLegacy, ErrCorrupt, ErrPassword, ErrEmpty, ErrTooLarge}

func isSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// Every public test file gets a Result or a sentinel error, without a
// panic, in bounded time. Encrypted ones are F003, odd image formats F001.
func TestRealworld(t *testing.T) {
	root := os.Getenv("DOSSIER_REALWORLD")
	if root == "" {
		root = realworldDir
	}
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no realworld folder at %s", root)
	}
	ex := testExtractor(t)
	want := map[string]error{
		"encryptAES.xlsx":                     ErrPassword,
		"encryptSHA1.xlsx":                    ErrPassword,
		"encryptSHA512.xlsx":                  ErrPassword,
		"005-libreoffice-writer-password.pdf": ErrPassword,
		"BadWorkbook.xlsx":                    nil, // readable or corrupt, either is fine
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		t.Run(rel, func(t *testing.T) {
			start := time.Now()
			res, err := ex.Extract(context.Background(), path)
			if time.Since(start) > 20*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if err != nil && !isSentinel(err) {
				t.Fatalf("error %v is none of the sentinels", err)
			}
			if w, ok := want[d.Name()]; ok && w != nil && !errors.Is(err, w) {
				t.Errorf("error %v, want %v", err, w)
			}
			switch filepath.Ext(path) {
			case ".bmp", ".gif", ".tif", ".tiff", ".emf", ".wmf", ".svg", ".json", ".md", "":
				if !errors.Is(err, ErrUnsupported) {
					t.Errorf("error %v, want ErrUnsupported", err)
				}
			}
			t.Logf("format=%s kind=%s pages=%d images=%d chars=%d scanned=%v err=%v", res.Format, res.Kind, res.Pages, res.Images, res.TextChars, res.Scanned, err)
		})
		return nil
	})
}
