// Command gen writes the text PDFium gives for the PDFs whose layout the
// parser's layout tests replay (cells wrapped inside a table, section names
// one character a line, labels broken over lines), as the parser sees it:
//
//	go run ./extract/parse/testdata/layout/gen
//
// run from the module root; it rewrites testdata/layout/*.txt.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"dossier/extract"
)

var sources = map[string]string{
	"unseen4-M13-survey.txt": "extract/parse/testdata/unseen4/inbox/M13/调查表.pdf",
	"unseen4-M7-survey.txt":  "extract/parse/testdata/unseen4/inbox/M7/调查表.pdf",
}

func main() {
	e, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer e.Close()
	for out, src := range sources {
		b, err := os.ReadFile(src)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		t, err := e.ReadPDF(context.Background(), b)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", src, err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join("extract/parse/testdata/layout", out), []byte(t.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
