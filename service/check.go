package service

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"dossier/intake"
	"dossier/process"
)

// ErrBadPath is returned by Check for a path that cannot be read.
var ErrBadPath = errors.New("service: no such file or folder")

// Check is the dry run (cli.md `check`): it lists the files under paths
// as the inbox would take them and decides each on Config.Workers
// workers, storing nothing. Results come on the channel in input order as
// soon as each and those before it are decided; the channel closes after
// the last one, or early when ctx ends.
func (s *Service) Check(ctx context.Context, paths []string, now time.Time) (<-chan Checked, error) {
	if s.cfg.Evaluator == nil {
		return nil, ErrReadOnly
	}
	files, err := Collect(paths)
	if err != nil {
		return nil, err
	}
	out := make(chan Checked)
	results := make([]chan Checked, len(files))
	for i := range results {
		results[i] = make(chan Checked, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(s.cfg.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] <- Checked{File: files[i], Doc: s.cfg.Evaluator.Evaluate(ctx, files[i], now, nil)}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(out)
		for i := range files {
			select {
			case r := <-results[i]:
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
		wg.Wait()
	}()
	return out, nil
}

// Collect lists the files under the given paths, as the inbox would take
// them: hidden and temporary files skipped, links not followed, sorted.
func Collect(paths []string) ([]process.File, error) {
	var out []process.File
	for _, root := range paths {
		st, err := os.Lstat(root)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrBadPath, root, err)
		}
		if !st.IsDir() {
			out = append(out, fileFor(root, filepath.Base(filepath.Dir(root)), st))
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable folder: nothing to list there
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if rel == "." {
				return nil
			}
			if intake.Skip(rel, d) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			folder := ""
			if i := strings.IndexByte(rel, '/'); i > 0 {
				folder = rel[:i]
			}
			out = append(out, fileFor(p, folder, info))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", root, err)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func fileFor(p, folder string, info fs.FileInfo) process.File {
	return process.File{
		Path: p, Rel: filepath.ToSlash(p), Name: filepath.Base(p), Folder: folder,
		Size: info.Size(), ModTime: info.ModTime(), Symlink: info.Mode()&fs.ModeSymlink != 0,
	}
}
