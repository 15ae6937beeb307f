package parse

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDumpParse(t *testing.T) {
	p := os.Getenv("DUMP_PARSE")
	if p == "" {
		t.Skip("DUMP_PARSE not set")
	}
	var in Input
	if strings.HasSuffix(p, ".sheets.json") {
		b, _ := os.ReadFile(p)
		var sheets []Sheet
		if err := json.Unmarshal(b, &sheets); err != nil {
			t.Fatal(err)
		}
		in = Input{Name: strings.TrimSuffix(p, ".sheets.json"), Sheets: sheets}
	} else if len(p) > 5 && p[len(p)-5:] == ".xlsx" {
		in = Input{Name: p, Sheets: loadSheets(t, p)}
	} else {
		b, _ := os.ReadFile(p)
		in = Input{Name: p, Text: string(b), Images: 2, Pages: 1}
	}
	out := Parse(in)
	b, _ := json.MarshalIndent(out, "", " ")
	fmt.Println(string(b))
}
