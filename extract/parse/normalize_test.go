package parse

import (
	"testing"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		raw  string
		want int64
		st   Status
	}{
		{"25", 25, OK}, {"２５", 25, OK}, {"25人", 25, OK}, {" 12 天 ", 12, OK}, {"1,234", 1234, OK}, {"１，２３４", 0, Invalid},
		{"十二", 12, OK}, {"二十五", 25, OK}, {"一百零五", 105, OK}, {"两", 2, OK}, {"十", 10, OK}, {"三千二百", 3200, OK}, {"共12场", 12, OK},
		{"____", 0, Blank}, {"/", 0, Blank}, {"无", 0, Blank}, {"", 0, Blank}, {"——", 0, Blank},
		{"-3", 0, Invalid}, {"2.5", 0, Invalid}, {"十二个半", 0, Invalid}, {"若干", 0, Invalid}, {"12.0", 12, OK},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			n, st := ParseCount(tt.raw)
			if st != tt.st || (st == OK && n != tt.want) {
				t.Errorf("ParseCount(%q) = %d, %v; want %d, %v", tt.raw, n, st, tt.want, tt.st)
			}
		})
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		raw, unit string
		want      float64
		st        Status
	}{
		{"10", "万元", 100000, OK}, {"10万元", "元", 100000, OK}, {"100000元", "万元", 100000, OK}, {"100,000.00", "元", 100000, OK},
		{"１００，０００．００", "元", 0, Invalid}, {"￥60,115.19", "元", 60115.19, OK}, {"5.5万", "元", 55000, OK}, {"十万元", "元", 100000, OK},
		{"0.00", "元", 0, OK}, {"____", "元", 0, Blank}, {"-5", "元", 0, Invalid}, {"很多", "元", 0, Invalid}, {"1.005", "元", 1.0, OK},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, st := ParseMoney(tt.raw, tt.unit)
			if st != tt.st || (st == OK && v != tt.want && !(tt.raw == "1.005" && (v == 1 || v == 1.01))) {
				t.Errorf("ParseMoney(%q,%q) = %v, %v; want %v, %v", tt.raw, tt.unit, v, st, tt.want, tt.st)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"2026年11月8日", "2026-11-08"}, {"2026 年 11 月 8 日", "2026-11-08"}, {"2026-11-08", "2026-11-08"}, {"2026/11/8", "2026-11-08"},
		{"2026.11.8", "2026-11-08"}, {"二〇二六年十一月八日", "2026-11-08"}, {"２０２６年１１月８日", "2026-11-08"}, {"二〇二六年十月二十一日", "2026-10-21"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			if got, st := ParseDate(tt.raw); st != OK || got != tt.want {
				t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.raw, got, st, tt.want)
			}
		})
	}
	if _, st := ParseDate("2026-13-40"); st != Invalid {
		t.Errorf("bad date not invalid")
	}
}

func TestParseBool(t *testing.T) {
	tests := []struct {
		raw  string
		want bool
		st   Status
	}{
		{"是", true, OK}, {"否", false, OK}, {"有", true, OK}, {"无", false, OK}, {"Y", true, OK}, {"N", false, OK},
		{"☑是 ☐否", true, OK}, {"☐是 ☑否", false, OK}, {"是☑ 否☐", true, OK}, {"是☐ 否☑", false, OK},
		{"√是 否", true, OK}, {"是 √否", false, OK}, {"是（√）否（ ）", true, OK}, {"是（ ）否（√）", false, OK},
		{"是 否 ☑ ☐", true, OK}, {"☐ ☑ 有 无", false, OK}, {"■有 □无", true, OK}, {"是/否", false, Blank}, {"", false, Blank},
		{"☑是 ☑否", false, Invalid}, {"也许", false, Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, st := ParseBool(tt.raw)
			if st != tt.st || (st == OK && v != tt.want) {
				t.Errorf("ParseBool(%q) = %v, %v; want %v, %v", tt.raw, v, st, tt.want, tt.st)
			}
		})
	}
}

func TestFoldAndList(t *testing.T) {
	if got := Fold("ＡＢ１２３．５　x"); got != "AB123.5 x" {
		t.Errorf("Fold = %q", got)
	}
	got := SplitList("叶城县、镇雄县；会泽县, 从江县")
	if len(got) != 4 || got[3] != "从江县" {
		t.Errorf("SplitList = %q", got)
	}
	if SplitList("/") != nil {
		t.Errorf("blank list not nil")
	}
	if got := CleanText("依托单位提供交通、食宿保障，购\n买人身意外保险"); got != "依托单位提供交通、食宿保障，购买人身意外保险" {
		t.Errorf("CleanText = %q", got)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"25人", "１００，０００．００元", "二〇二六年十一月八日", "☑是 ☐否", "十二个半", "一百零五", "万万万", "九千九百九十九万亿", "", "____"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ParseCount(s)
		ParseMoney(s, "万元")
		ParseDate(s)
		ParseBool(s)
		ParseChineseNumber(s)
		SplitList(s)
		CleanText(s)
		IsBlank(s)
		Fold(s)
	})
}

func FuzzParse(f *testing.F) {
	f.Add("调查表.pdf", "实施成效调查表\n服务形式 ☑一次服务 服务天数 3\n总人数：5")
	f.Add("审计报告.pdf", "审计报告\n会计师事务所\n结余资金\n1,000.00\n审计意见类型：无保留意见")
	f.Fuzz(func(t *testing.T, name, text string) {
		out := Parse(Input{Name: name, Text: text, Sheets: []Sheet{{Name: "s", Rows: [][]string{{text, name}, {name}}}}})
		if out.Kind == "" {
			t.Fatal("empty kind")
		}
		Parse(Input{Name: name, Text: text})
	})
}

func TestIsBlankWithUnit(t *testing.T) {
	for _, s := range []string{"无 人", "____ 万元", "／ 个", "— 人次", "__人"} {
		if !IsBlank(s) {
			t.Errorf("IsBlank(%q) = false", s)
		}
	}
	for _, s := range []string{"12 人", "人", "无锡市", "10万元", "万元"} {
		if IsBlank(s) {
			t.Errorf("IsBlank(%q) = true", s)
		}
	}
}

func TestYesNoBoxesNoneTicked(t *testing.T) {
	for _, s := range []string{"☐ ☐ 有 无", "□是 □否", "是☐ 否☐"} {
		if _, st := ParseBool(s); st != Blank {
			t.Errorf("ParseBool(%q) = %v, want Blank", s, st)
		}
	}
	if v, st := ParseBool("☐是 ☑否"); st != OK || v {
		t.Errorf("ticked 否 read as %v %v", v, st)
	}
}
