// Command gen makes the OCR scan set from a sample set (package scanset):
//
//	go run ./internal/scanset/gen -samples /work/shared/samples -out /tmp/scanset
//
// A held-out set from a corpus no OCR change was made for:
//
//	go run ./internal/scanset/gen -samples extract/parse/testdata/unseen4 -producers writer,chromium -out /tmp/scanset-u4
//
// then score what dossier reads of it:
//
//	dossier check --json --now 2026-11-21T09:00:00+08:00 /tmp/scanset/inbox > out.jsonl
//	python3 score.py files /tmp/scanset out.jsonl
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"dossier/internal/scanset"
)

func main() {
	samples := flag.String("samples", "/work/shared/samples", "the sample set (SAMPLES/inbox, SAMPLES/expected.jsonl)")
	out := flag.String("out", "", "where to write OUT/inbox and OUT/expected.jsonl")
	limit := flag.Int("limit", 0, "at most this many documents (0 = all)")
	producers := flag.String("producers", "libreoffice", "comma-separated prefixes of the source PDFs' producers to scan (\"\" = any)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -out DIR [-samples DIR] [-limit N]")
		os.Exit(2)
	}
	es, err := scanset.Generate(context.Background(), scanset.Options{Samples: *samples, Out: *out, Limit: *limit,
		Producers: strings.Split(*producers, ",")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, e := range es {
		fmt.Printf("%s\t%s\t%s\n", e.Path, e.Variant, e.Verdict)
	}
}
