package parse

import (
	"reflect"

	"dossier"
	"testing"
)

// Text as OCR gives it differs from a text PDF's in ways a form's own
// words do not: a bracket lost, a date line under a seal not made out,
// empty boxes read as 口. Each case is a line the scan sets produced.
func TestOCRTextSurvey(t *testing.T) {
	tests := []struct {
		name, text, key string
		want            any // nil: absent
	}{
		{"a note that lost its opening bracket",
			"配套资金注明资金来源和金额)上海市人力资源和社会保障局 10 万元\n", "funds_matching", 100000.0},
		{"its source, without the note's words",
			"配套资金注明资金来源和金额)上海市人力资源和社会保障局 10 万元\n", "funds_matching_source", "上海市人力资源和社会保障局"},
		{"the note with both brackets, as before",
			"配套资金（注明资金来源和金额）上海市人力资源和社会保障局 10 万元\n", "funds_matching", 100000.0},
		{"boxes read as 口, none ticked: nothing chosen",
			"服务领域（可多选）\n口农业口林业口畜牧业口渔业口环保口机械制造口能源\n", "service_fields", nil},
		{"names written out, no boxes: the names are the answer",
			"服务领域（可多选）：医疗、生物医药\n", "service_fields", []string{"医疗", "生物医药"}},
		{"marks after their names, the spaces lost (a scan)",
			"2.服务领域可多选)\n农业（ ）林业（ ）畜牧业（ ）渔业（ ）环保（ ）机械制造（ ）能源（ ）冶金 4（ ）化工（ ）通讯\n（ ）交通（ ）电商服务（ ）医疗（√）生物医药（ ）教育（ ）文旅（ ）人工智能（ ）城乡规划\n（ ）产业规划（ ）\n", "service_fields", []string{"医疗"}},
		{"marks before their names, the spaces lost",
			"服务领域（可多选）\n☐农业☐林业☑畜牧业☐渔业☐环保\n", "service_fields", []string{"畜牧业"}},
		{"boxes ticked among 口",
			"服务领域（可多选）\n口农业 ☑林业 口畜牧业\n", "service_fields", []string{"林业"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveyText("2026年专家人才服务基层活动实施成效调查表\n"+tt.text, c)
			got, ok := c.f[tt.key]
			if tt.want == nil {
				if ok && got != nil {
					t.Errorf("%s = %#v, want nothing read", tt.key, got)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (invalid %v)", tt.key, got, tt.want, c.inv)
			}
		})
	}
}

// TestReportDateNotTheService: with no dated line under the signatures
// (on a scan, the seal's date line not made out), the report's date is
// not the day the text says the service ended or began.
func TestReportDateNotTheService(t *testing.T) {
	tests := []struct{ name, tail, want string }{
		{"the date under the signatures", "中国注册会计师：李文华\n2026年11月4日\n", "2026-11-04"},
		{"only the service's end left", "服务活动于 2026 年 7 月 18 日开始，至 2026 年 9 月 28 日全部完成。\n上海宏华会计师事务所有限公司\n中国注册会计师:李文华\n三加三从年十 = 月四目\n", ""},
		{"the service's end, then the report's date", "至 2026 年 9 月 28 日全部完成。\n上海宏华会计师事务所有限公司\n2026 年 11 月 4 日\n", "2026-11-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseAudit("专项审计报告\n"+tt.tail, c)
			got, _ := c.f["report_date"].(string)
			if got != tt.want {
				t.Errorf("report_date = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPublicityCellsRunTogether: a publicity row whose cells ran together
// (a scan's wrapped table) is read in doubt, not as an incomplete item
// S007 could reject; a row the unit left incomplete is read as it is.
func TestPublicityCellsRunTogether(t *testing.T) {
	tests := []struct {
		name   string
		items  []dossier.PublicityItem
		unsure bool
	}{
		{"cells run together", []dossier.PublicityItem{{Media: "| 学习强国上海学习平 |2026-09- | 专家服务团走进基层(第 1台 25 站)"}}, true},
		{"cells run together into the title", []dossier.PublicityItem{{Title: "学习强国上海学习平 2026-09-专家服务团走进基层(第 1台 25 站)"}}, true},
		{"a row left without its title", []dossier.PublicityItem{{Media: "文汇报", Date: "2026-07-09"}}, false},
		{"a complete row", []dossier.PublicityItem{{Media: "文汇报", Date: "2026-07-09", Title: "专家服务团走进基层"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mergedCells(tt.items); got != tt.unsure {
				t.Errorf("mergedCells = %v, want %v", got, tt.unsure)
			}
		})
	}
}
