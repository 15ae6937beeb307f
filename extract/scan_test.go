package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/extract/ocr"
)

// auditLines is what a fake tesseract "reads" of a scanned audit report.
var auditLines = [][]string{
	{"专项资金审计报告"},
	{"沪信会审字〔2026〕第", "0474", "号"},
	{"审计意见类型:", "无保留意见"},
	{"项目", "金额(元)"},
	{"人力资源社会保障部支持资金", "0.00"},
	{"市级配套资金", "100000.00"},
	{"到位资金合计", "100000.00"},
	{"专家劳务费", "60000.00"},
	{"差旅费", "40000.00"},
	{"实际支出合计", "100000.00"},
	{"结余资金", "0.00"},
	{"上海沪港金茂会计师事务所有限公司"},
	{"报告日期:", "2026", "年", "11", "月", "1", "日"},
}

// fakeTSV lays auditLines out as tesseract's TSV, every word at conf,
// the word "40000.00" at lowConf.
func fakeTSV(conf, lowConf float64) string {
	var b strings.Builder
	b.WriteString("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n")
	for i, l := range auditLines {
		x := 100
		for j, w := range l {
			c := conf
			if w == "40000.00" {
				c = lowConf
			}
			width := 40 * len([]rune(w))
			fmt.Fprintf(&b, "5\t1\t1\t1\t%d\t%d\t%d\t%d\t%d\t40\t%.2f\t%s\n", i+1, j+1, x, 100+60*i, width, c, w)
			x += width + 30
		}
	}
	return b.String()
}

// fakeEngine is an ocr.Engine over a script that prints tsv and counts its
// runs in a file.
func fakeEngine(t *testing.T, tsv string) (*ocr.Engine, string) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "page.tsv")
	count := filepath.Join(dir, "runs")
	os.WriteFile(out, []byte(tsv), 0o644)
	script := fmt.Sprintf("#!/bin/sh\ncase \"$1\" in --version) echo tesseract 5-fake; exit 0;; --list-langs) printf 'x\\nchi_sim\\neng\\n'; exit 0;; esac\necho run >> %s\ncat %s\n", count, out)
	p := filepath.Join(dir, "tesseract")
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	e, err := ocr.New(context.Background(), ocr.Config{Tesseract: p, TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return e, count
}

func runs(t *testing.T, countFile string) int {
	b, _ := os.ReadFile(countFile)
	return strings.Count(string(b), "run")
}

// TestScanReadThroughParser: a scanned PDF's OCR text goes through the
// same parser as a text layer: the amounts, the firm and the date come
// out, each with its confidence (its words') and its page and line.
func TestScanReadThroughParser(t *testing.T) {
	eng, _ := fakeEngine(t, fakeTSV(93, 41))
	ex, err := New(Options{CacheDir: filepath.Join(os.TempDir(), "dossier-extract-test-cache"), Scan: ScanOptions{Engine: eng}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ex.Extract(context.Background(), filepath.Join("testdata", "audit-scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.OCR.Read() || res.Kind != dossier.KindAudit {
		t.Fatalf("OCR %+v kind %s, want an audit read by OCR", res.OCR, res.Kind)
	}
	tests := []struct {
		key  string
		want any
		conf float64
	}{
		{"received_total", 100000.0, 0.93},
		{"spent_travel", 40000.0, 0.41},
		{"balance", 0.0, 0.93},
		{"report_date", "2026-11-01", 0.93},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := res.Fields[tt.key]; got != tt.want {
				t.Errorf("%s = %v, want %v", tt.key, got, tt.want)
			}
			if got := res.Confidence[tt.key]; got != tt.conf {
				t.Errorf("confidence %v, want %v", got, tt.conf)
			}
			if s := res.Sources[tt.key]; !s.OCR || s.Page != 1 || s.Text == "" {
				t.Errorf("source %+v", s)
			}
		})
	}
}

// TestScanCache: a second read of the same file takes the cached result
// and does not run tesseract again.
func TestScanCache(t *testing.T) {
	eng, count := fakeEngine(t, fakeTSV(93, 93))
	cache := FileCache{Dir: t.TempDir()}
	ex, err := New(Options{CacheDir: filepath.Join(os.TempDir(), "dossier-extract-test-cache"), Scan: ScanOptions{Engine: eng, Cache: cache}})
	if err != nil {
		t.Fatal(err)
	}
	var first Result
	for i := 0; i < 2; i++ {
		res, err := ex.Extract(context.Background(), filepath.Join("testdata", "audit-scan.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = res
		} else if res.OCR.Cached != res.Pages || fmt.Sprint(res.Fields) != fmt.Sprint(first.Fields) {
			t.Errorf("second read: cached %d pages, fields %v; want %d and %v", res.OCR.Cached, res.Fields, res.Pages, first.Fields)
		}
	}
	if n := runs(t, count); n != first.Pages || n == 0 {
		t.Errorf("tesseract ran %d times for two reads of %d pages, want once a page", n, first.Pages)
	}
}

// TestScanOff: without an engine a scan is F009 as before, and says why.
func TestScanOff(t *testing.T) {
	ex := testExtractor(t)
	res, err := ex.Extract(context.Background(), filepath.Join("testdata", "audit-scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Scanned || res.OCR == nil || res.OCR.Read() || !strings.Contains(res.OCR.Problem, "off") {
		t.Errorf("Scanned %v OCR %+v, want a scan not read, with the reason", res.Scanned, res.OCR)
	}
}
