// Command dumptext prints the text PDFium extracts from PDFs, the way
// package extract reads it (pages separated by a form feed), for writing
// and checking parsers against real output.
//
//	go run ./extract/cmd/dumptext FILE.pdf...
//	go run ./extract/cmd/dumptext -root DIR -out OUTDIR FILE.pdf...   # one OUTDIR/<path relative to DIR>.txt each
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dossier/extract"
)

func main() {
	root := flag.String("root", "", "with -out: the directory file paths are made relative to")
	outDir := flag.String("out", "", "write each file's text to OUTDIR/<relative path>.txt instead of stdout")
	cache := flag.String("cache", defaultCache(), "wazero compilation cache directory (\"\" for none)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: dumptext [-root DIR -out OUTDIR] FILE.pdf...")
		os.Exit(2)
	}
	ex, err := extract.New(extract.Options{CacheDir: *cache})
	if err != nil {
		fmt.Fprintln(os.Stderr, "dumptext:", err)
		os.Exit(1)
	}
	defer ex.Close()
	failed := false
	for _, path := range flag.Args() {
		if err := dump(ex, path, *root, *outDir); err != nil {
			fmt.Fprintf(os.Stderr, "dumptext: %s: %v\n", path, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func dump(ex *extract.Extractor, path, root, outDir string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), ex.Options().Timeout)
	defer cancel()
	start := time.Now()
	t, err := ex.ReadPDF(ctx, data)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: pages=%d images=%d paths=%d chars=%d scanned=%v blank=%v decrypted=%v in %v (pdfium init %v)\n",
		path, t.Pages, t.Images, t.Paths, t.TextChars, t.Scanned(), t.Blank(), t.Decrypted, time.Since(start).Round(time.Millisecond),
		extract.PoolInitDuration().Round(time.Millisecond))
	if outDir == "" {
		_, err = os.Stdout.WriteString(t.Text + "\n")
		return err
	}
	rel := filepath.Base(path)
	if root != "" {
		if r, err := filepath.Rel(root, path); err == nil {
			rel = r
		}
	}
	dst := filepath.Join(outDir, rel+".txt")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, []byte(t.Text), 0o644)
}

func defaultCache() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "dossier", "wazero")
}
