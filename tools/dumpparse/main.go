// Command dumpparse prints what the parser reads from a document: its
// kind, fields, unreadable values, confidence and sources, as JSON.
//
//	go run ./tools/dumpparse FILE.pdf|.xlsx|.docx|.jpg   # through package extract
//	go run ./tools/dumpparse TEXT.txt                     # a PDF's text as committed in testdata
//	go run ./tools/dumpparse SHEETS.sheets.json           # a workbook's sheets as committed
//
// It replaces the DUMP_PARSE test of extract/parse: printing is a
// command's job, not a test's.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier/extract"
	"dossier/extract/parse"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dumpparse FILE...")
		os.Exit(2)
	}
	for _, p := range os.Args[1:] {
		out, err := read(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", p, err)
			continue
		}
		b, _ := json.MarshalIndent(out, "", " ")
		fmt.Printf("== %s\n%s\n", p, b)
	}
}

func read(p string) (any, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	switch {
	case strings.HasSuffix(p, ".sheets.json"):
		var sheets []parse.Sheet
		if err := json.Unmarshal(b, &sheets); err != nil {
			return nil, fmt.Errorf("read sheets: %w", err)
		}
		return parse.Parse(parse.Input{Name: filepath.Base(strings.TrimSuffix(p, ".sheets.json")), Sheets: sheets}), nil
	case strings.HasSuffix(p, ".txt"):
		return parse.Parse(parse.Input{Name: filepath.Base(strings.TrimSuffix(p, ".txt")), Text: string(b), Pages: 1, Images: 2}), nil
	}
	e, err := extract.New(extract.Options{})
	if err != nil {
		return nil, err
	}
	defer e.Close()
	return e.Extract(context.Background(), p)
}
