package parse

import (
	"testing"

	"dossier"
)

// TestUnfilledBlanks: a blank typed into ("__12__人") reads as its number.
func TestUnfilledBlanks(t *testing.T) {
	tests := []struct {
		name, in string
		want     int64
		st       Status
	}{
		{"typed into", "__12__", 12, OK},
		{"with unit", "__156__人次", 156, OK},
		{"left only", "__7", 7, OK},
		{"blank", "____", 0, Blank},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, st := ParseCount(tt.in)
			if n != tt.want || st != tt.st {
				t.Errorf("ParseCount(%q) = %d, %v; want %d, %v", tt.in, n, st, tt.want, tt.st)
			}
		})
	}
}

// TestAuditBudgetColumns: a funds table with 预算数 and 决算数 columns gives
// the actual (决算) figures; a service period whose end omits the year.
func TestAuditBudgetColumns(t *testing.T) {
	text := "专项资金审计报告\n服务活动起止时间：2026 年 6 月 8 日至 10 月 18 日。\n审计意见类型：无保留意见\n" +
		"项目 预算数 决算数 差异\n人力资源社会保障部支持资金 100,000.00 100,000.00 0.00\n" +
		"市级配套资金 100,000.00 100,000.00 0.00\n到位资金合计 200,000.00 200,000.00 0.00\n" +
		"专家劳务费 60,000.00 55,000.00 5,000.00\n实际支出合计 200,000.00 195,000.00 5,000.00\n结余资金 0.00 5,000.00 -5,000.00\n" +
		"某某会计师事务所（特殊普通合伙）\n"
	out := Parse(Input{Name: "审计报告.pdf", Text: text})
	want := dossier.Fields{"received_total": 200000.0, "spent_expert_fees": 55000.0, "spent_total": 195000.0, "balance": 5000.0,
		"service_start": "2026-06-08", "service_end": "2026-10-18"}
	for k, v := range want {
		if got := out.Fields[k]; got != v {
			t.Errorf("%s: want %v got %#v", k, v, got)
		}
	}
}

// TestPublicityTableText: the publicity items as a table in a PDF's text.
func TestPublicityTableText(t *testing.T) {
	text := "2026年专家人才服务基层活动实施成效调查表\n是否对服务团组织实施情况开展宣传：☑有 ☐无\n媒体名称 发布时间 篇名\n" +
		"文汇报 2026-07-09 专家送技术下乡\n解放日报 2026 年 9 月 9 日 深入基层\n上传材料：\n"
	out := Parse(Input{Name: "调查表.pdf", Text: text})
	want := []dossier.PublicityItem{{Media: "文汇报", Date: "2026-07-09", Title: "专家送技术下乡"}, {Media: "解放日报", Date: "2026-09-09", Title: "深入基层"}}
	got, _ := out.Fields["publicity_items"].([]dossier.PublicityItem)
	if len(got) != len(want) {
		t.Fatalf("items: %#v", out.Fields["publicity_items"])
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d: want %+v got %+v", i, want[i], got[i])
		}
	}
}
