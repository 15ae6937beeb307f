package parse

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestDumpParse(t *testing.T) {
	p := os.Getenv("DUMP_PARSE")
	if p == "" {
		t.Skip("DUMP_PARSE not set")
	}
	var in Input
	if len(p) > 5 && p[len(p)-5:] == ".xlsx" {
		in = Input{Name: p, Sheets: loadSheets(t, p)}
	} else {
		b, _ := os.ReadFile(p)
		in = Input{Name: p, Text: string(b), Images: 2, Pages: 1}
	}
	out := Parse(in)
	b, _ := json.MarshalIndent(out, "", " ")
	fmt.Println(string(b))
}
