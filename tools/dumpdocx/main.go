// Command dumpdocx prints the rows package extract reads from Word
// documents, one row a line, cells apart (-parse: the parsed kind and
// fields instead): go run ./tools/dumpdocx [-parse] FILE.docx…
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier/extract"
	"dossier/extract/parse"
)

func main() {
	e, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fields := flag.Bool("parse", false, "print the parsed kind and fields instead of the rows")
	flag.Parse()
	for _, p := range flag.Args() {
		b, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sheets, err := e.ReadDOCX(context.Background(), b)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", p, err)
			continue
		}
		fmt.Printf("== %s\n", p)
		if *fields {
			out := parse.Parse(parse.Input{Name: filepath.Base(p), Sheets: sheets})
			b, _ := json.MarshalIndent(out, "", " ")
			fmt.Println(string(b))
			continue
		}
		for _, s := range sheets {
			for _, r := range s.Rows {
				fmt.Println(strings.Join(r, " | "))
			}
		}
	}
}
