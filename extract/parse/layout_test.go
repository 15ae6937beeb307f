package parse

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"dossier"
)

const surveyHead = "2026年专家人才服务基层活动实施成效调查表\n"

// TestWrappedCellTable: a publicity table whose cells wrap inside
// themselves comes out of a PDF cell after cell, each over lines of its
// own; the rows are read back from the dates. The first two cases are the
// text PDFium gives for unseen4's Writer PDFs (M7, M13).
func TestWrappedCellTable(t *testing.T) {
	type item = dossier.PublicityItem
	tests := []struct {
		name, text string
		want       []item
	}{
		{"media and title wrap (unseen4 M7)",
			"宣传情况：\n媒体名称 发布时间 篇名\n学习强国上海学习平\n台\n2026-09-\n25\n专家服务团走进基层（第 1\n站）\n学习强国上海学习平\n台\n2026-10-\n10\n专家服务团走进基层（第 2\n站）",
			[]item{{Media: "学习强国上海学习平台", Date: "2026-09-25", Title: "专家服务团走进基层（第 1站）"}, {Media: "学习强国上海学习平台", Date: "2026-10-10", Title: "专家服务团走进基层（第 2站）"}}},
		{"date and title wrap, media on one line (unseen4 M13)",
			"宣传情况：\n媒体名称 发布时间 篇名\n中国组织人事报\n2026-10-\n15\n专家服务团走进基层（第 1\n站）\n澎湃新闻\n2026-10-\n10\n专家服务团走进基层（第 2\n站）",
			[]item{{Media: "中国组织人事报", Date: "2026-10-15", Title: "专家服务团走进基层（第 1站）"}, {Media: "澎湃新闻", Date: "2026-10-10", Title: "专家服务团走进基层（第 2站）"}}},
		{"a title without brackets wraps at its column's width",
			"媒体名称 发布时间 篇名\n文汇报\n2026-09-25\n专家服务团深入基层开展技术\n指导\n解放日报\n2026-10-10\n专家服务团深入基层开展技术\n培训\n",
			[]item{{Media: "文汇报", Date: "2026-09-25", Title: "专家服务团深入基层开展技术指导"}, {Media: "解放日报", Date: "2026-10-10", Title: "专家服务团深入基层开展技术培训"}}},
		{"序号 cells and dates in 年月日 wrapped",
			"序号 媒体名称 发布日期 篇名\n1\n澎湃新闻\n2026年10\n月15日\n专家走进田间\n2\n文汇报\n2026年10\n月20日\n专家走进课堂\n",
			[]item{{Media: "澎湃新闻", Date: "2026-10-15", Title: "专家走进田间"}, {Media: "文汇报", Date: "2026-10-20", Title: "专家走进课堂"}}},
		{"the date first",
			"发布时间 媒体名称 篇名\n2026-10-\n15\n澎湃新闻\n专家服务团走进基层（第 1\n站）\n2026-10-\n20\n文汇报\n专家服务团走进基层（第 2\n站）\n",
			[]item{{Media: "澎湃新闻", Date: "2026-10-15", Title: "专家服务团走进基层（第 1站）"}, {Media: "文汇报", Date: "2026-10-20", Title: "专家服务团走进基层（第 2站）"}}},
		{"a heading's words begin a wrapped title's line",
			"媒体名称 发布时间 篇名\n澎湃新闻\n2026-10-15\n专家服务团开展\n技术指导活动\n",
			[]item{{Media: "澎湃新闻", Date: "2026-10-15", Title: "专家服务团开展技术指导活动"}}},
		{"the table ends at the next label",
			"媒体名称 发布时间 篇名\n澎湃新闻\n2026-10-\n15\n专家走进田间\n填表人：王敏\n",
			[]item{{Media: "澎湃新闻", Date: "2026-10-15", Title: "专家走进田间"}}},
		{"header cells wrapped in narrow columns",
			"媒体名\n称\n发布时\n间\n篇名\n澎湃新闻\n2026-10-15\n专家走进田间\n文汇报\n2026-10-20\n专家走进课堂\n",
			[]item{{Media: "澎湃新闻", Date: "2026-10-15", Title: "专家走进田间"}, {Media: "文汇报", Date: "2026-10-20", Title: "专家走进课堂"}}},
		{"a header without rows reads no item",
			"媒体名称 发布时间 篇名\n填表人：王敏\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveyText(surveyHead+tt.text, c)
			got, _ := c.f["publicity_items"].([]dossier.PublicityItem)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("publicity_items = %#v, want %#v", got, tt.want)
			}
			if tt.want != nil && c.f["contact_name"] == nil && strings.Contains(tt.text, "填表人") {
				t.Errorf("the label after the table was taken into it: %v", c.f)
			}
		})
	}
}

// TestLabelsBrokenOverLines: labels a narrow cell broke over lines, and
// section names set one character a line, as PDFium gives them for
// unseen4 M13.
func TestLabelsBrokenOverLines(t *testing.T) {
	tests := []struct {
		name, text, key string
		want            any
	}{
		{"the count word broken off its label", "产学研联盟数量 3\n专家领办、联办、协办各类经济实体数\n量\n4\n取得经济效益情况 带动合作社年增收", "entities_founded", int64(4)},
		{"a question broken before its last words", "配套资金来源 上海市人力资源和社会保障局\n是否有对参加服务活动专家人才的服务\n保障措施\n☑有 ☐无\n服务保障措施具体描述 依托单位提供后勤保障", "support_measures", true},
		{"the value before a broken question ends at it", "配套资金来源 上海市人力资源和社会保障局\n是否有对参加服务活动专家人才的服务\n保障措施\n☑有 ☐无\n", "funds_matching_source", "上海市人力资源和社会保障局"},
		{"section name one character a line, question over three", "组\n织\n实\n施\n情\n况\n是否由人力资源社会保障厅（局）或国\n务院有关部委组织人事部门负责组织实\n施\n☐是 否☑\n前期是否与基层单位对接服务需求 ☑是 否☐\n", "organized_by_hrss", false},
		{"section name two characters a line ends the value before it", "取得社会效益情况 基层技术人员业务能力明显提升\n组织\n实施\n情况\n前期是否与基层单位对接服务需求 ☑是 否☐\n", "social_benefit", "基层技术人员业务能力明显提升"},
		{"section name one character a line ends the value before it", "联合攻关具体形式 组建联合攻关小组\n实\n施\n成\n效\n破解技术难题数量 4\n", "joint_research_form", "组建联合攻关小组"},
		{"section name one character a line before a count", "参\n与\n专\n家\n人\n才\n情\n况\n参与专家人才总人数 43\n", "experts_total", int64(43)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveyText(surveyHead+tt.text, c)
			if got := c.f[tt.key]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (fields %v invalid %v)", tt.key, got, tt.want, c.f, c.inv)
			}
			if len(c.inv) > 0 {
				t.Errorf("unreadable values: %v", c.inv)
			}
		})
	}
}

// TestSpacedRx: a pattern label matches its words broken over lines, and
// no more than before.
func TestSpacedRx(t *testing.T) {
	tests := []struct {
		name, pat, text string
		match           bool
	}{
		{"broken between two characters", `服务保障措施`, "服务\n保障措施", true},
		{"broken after an optional group", `(?:对专家的)?服务保障措施`, "对专家的\n服务保障措施", true},
		{"broken before a group", `是否(?:对服务团)?开展宣传`, "是否\n对服务团开展宣传", true},
		{"a character class stays as written", `是否由[^：:]{0,5}?实施`, "是否由：实施", false},
		{"other words still do not match", `服务保障措施`, "服务\n措施", false},
		{"line-anchored patterns stay as written", `(?m)^\s*实施成效\s*$`, "实施\n成效", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re := regexp.MustCompile(spacedRx(tt.pat))
			if got := re.MatchString(tt.text); got != tt.match {
				t.Errorf("%s on %q = %v, want %v (pattern %s)", tt.pat, tt.text, got, tt.match, re)
			}
		})
	}
}

// TestLayoutFixtures: the whole text PDFium gives for unseen4's Writer
// PDFs with these layouts (testdata/layout, written by its gen) reads the
// fields the corpus's generator put in.
func TestLayoutFixtures(t *testing.T) {
	tests := []struct {
		file    string
		want    map[string]any
		invalid string // the one value the generator wrote unreadable, if any
	}{
		{"unseen4-M13-survey.txt", map[string]any{
			"entities_founded": int64(4), "support_measures": true, "funds_matching_source": "上海市人力资源和社会保障局",
			"support_measures_desc": "依托单位提供后勤保障与工作补贴", "organized_by_hrss": false, "alliances": int64(3), "beneficiaries": int64(17507),
			"publicity_items": "中国组织人事报|2026-10-15|专家服务团走进基层（第1站）;澎湃新闻|2026-10-10|专家服务团走进基层（第2站）"}, ""},
		{"unseen4-M7-survey.txt", map[string]any{
			"entities_founded": int64(12), "support_measures": true, "funds_matching_source": "上海市人力资源和社会保障局",
			"publicity_items": "学习强国上海学习平台|2026-09-25|专家服务团走进基层（第1站）;学习强国上海学习平台|2026-10-10|专家服务团走进基层（第2站）"},
			"beneficiaries"}, // "100 余人": approximate, S010 asks for the figure
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile("testdata/layout/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			out := Parse(Input{Name: "调查表.pdf", Text: string(b), Pages: 2})
			var bad []string
			for k := range out.Invalid {
				bad = append(bad, k)
			}
			if out.Kind != dossier.KindSurvey || strings.Join(bad, ",") != tt.invalid {
				t.Errorf("kind %v, unreadable %v, want only %q", out.Kind, out.Invalid, tt.invalid)
			}
			for k, want := range tt.want {
				got := out.Fields[k]
				if items, ok := got.([]dossier.PublicityItem); ok {
					var rows []string
					for _, it := range items {
						rows = append(rows, strings.ReplaceAll(it.Media+"|"+it.Date+"|"+it.Title, " ", ""))
					}
					got = strings.Join(rows, ";")
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v, want %#v", k, got, want)
				}
			}
		})
	}
}
