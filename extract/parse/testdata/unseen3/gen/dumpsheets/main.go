// Command dumpsheets writes, beside each workbook, the sheets package
// extract's reader hands the parsers (FILE.xlsx.sheets.json): visible
// sheets only, formulas as their cached values, merged ranges filled,
// dates as ISO. The unseen test parses these, as production would.
//
//	go run ./extract/parse/testdata/unseen3/gen/dumpsheets FILE.xlsx...
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"dossier/extract"
)

func main() {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "dumpsheets:", err)
		os.Exit(1)
	}
	defer ex.Close()
	failed := false
	for _, path := range os.Args[1:] {
		if err := dump(ex, path); err != nil {
			fmt.Fprintf(os.Stderr, "dumpsheets: %s: %v\n", path, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func dump(ex *extract.Extractor, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read workbook: %w", err)
	}
	sheets, err := ex.ReadXLSX(context.Background(), data)
	if err != nil {
		return fmt.Errorf("read sheets: %w", err)
	}
	b, err := json.MarshalIndent(sheets, "", " ")
	if err != nil {
		return fmt.Errorf("encode sheets: %w", err)
	}
	return os.WriteFile(path+".sheets.json", append(b, '\n'), 0o644)
}
