package render

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixedWidth measures CJK as 1 and ASCII as 0.5, like a real font roughly.
func fixedWidth(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func TestWrapLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
	}{
		{"plain", "国家重大慢病全生命周期健康管理专家服务团", 6},
		{"comma at break", "一二三四五，六七八九十。", 5},
		{"closing run", "一二三四五）。六七八", 5},
		{"opening at end", "一二三四（五六七八）", 5},
		{"latin word", "推广 AIGC technology 生命记忆创作", 8},
		{"long hex", "f5ee31b2a1c1eb13fcf2d5125a1367aaab5feee525e33580d8017892af37387e", 10},
		{"newline", "第一行\n第二行比较长一些的内容", 5},
		{"empty", "", 5},
		{"narrow", "，。、", 1},
		{"long text", longTexts["economic_benefit"], 20},
	}
	var golden strings.Builder
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := wrapLines(tc.text, tc.width, fixedWidth)
			if got, want := strings.Join(lines, ""), strings.ReplaceAll(tc.text, "\n", ""); got != want {
				t.Fatalf("runes lost: got %q want %q", got, want)
			}
			for i, l := range lines {
				rs := []rune(l)
				if len(rs) == 0 {
					continue
				}
				w := 0.0
				for _, r := range rs {
					w += fixedWidth(r)
				}
				if w > tc.width && len(rs) > 1 {
					t.Errorf("line %d %q is %.1f wide, more than %.1f", i, l, w, tc.width)
				}
				if i > 0 && isNoStart(rs[0]) && utf8.RuneCountInString(lines[i-1]) > 1 {
					t.Errorf("line %d %q starts with closing punctuation", i, l)
				}
				if i < len(lines)-1 && isNoEnd(rs[len(rs)-1]) && len(rs) > 1 {
					t.Errorf("line %d %q ends with opening punctuation", i, l)
				}
			}
			fmt.Fprintf(&golden, "## %s (width %.1f)\n", tc.name, tc.width)
			for _, l := range lines {
				fmt.Fprintf(&golden, "|%s|\n", l)
			}
		})
	}
	checkGolden(t, "testdata/wrap.golden", golden.String())
}

// TestNoBreakInside: a time, a date, an amount, a document number and a
// file name are never split when they fit on a line.
func TestNoBreakInside(t *testing.T) {
	tests := []struct {
		name, text, whole string
		width             float64
	}{
		{"time", "接收时间2026-11-12 11:19已登记", "2026-11-12 11:19", 12},
		{"clock", "一二三四五六七11:19:05收到", "11:19:05", 10},
		{"chinese date", "一二三四五2026年11月20日前报送", "2026年11月20日", 11},
		{"amount", "一二三四五六七1,234,567.89元结余", "1,234,567.89元", 12},
		{"notice number", "一二三四五六依据沪人社专〔2026〕109号", "沪人社专〔2026〕109号", 14},
		{"file name", "一二三四五六七，M1_审计报告.pdf已收到", "M1_审计报告.pdf", 12},
		{"title", "一二三四五六七八《实施成效调查表》已受理", "《实施成效调查表》", 12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := wrapLines(tc.text, tc.width, fixedWidth)
			found := false
			for _, l := range lines {
				if strings.Contains(l, tc.whole) {
					found = true
				}
			}
			if !found {
				t.Fatalf("%q broken: %q", tc.whole, lines)
			}
		})
	}
	// A token wider than the line: wrapLines breaks it, wrapKeep keeps it whole.
	long := "2026-11-12 11:19:05"
	if l := wrapLines(long, 4, fixedWidth); len(l) < 2 {
		t.Fatalf("wrapLines kept an over-wide token on one line: %q", l)
	}
	if l := wrapKeep(long, 4, fixedWidth); len(l) != 1 {
		t.Fatalf("wrapKeep split %q: %q", long, l)
	}
}

func TestSanitize(t *testing.T) {
	if got := sanitize("张𠀀三\t一\r二\x01"); got != "张〓三 一二" {
		t.Fatalf("sanitize = %q", got)
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", path, got)
	}
}
