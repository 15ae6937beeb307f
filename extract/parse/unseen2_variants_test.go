package parse

import (
	"reflect"
	"testing"
)

// TestSecondCorpusVariants: the layouts testdata/unseen2 brought in, one
// small case each.
func TestSecondCorpusVariants(t *testing.T) {
	tests := []struct {
		name, kind, text string
		key              string
		want             any
	}{
		{"boxes moved to line end", "survey", "服务领域（可多选） ☐农业 林业 畜牧业 渔业 ☐ ☑ ☐ ☑\n环保 机械制造 能源 冶金 ☐ ☐ ☐ ☐\n化工 通讯 交通 电商服务 ☐ ☐ ☐ ☑\n医疗 生物医药 教育 文旅 ☐ ☐ ☐ ☐\n人工智能 城乡规划 产业规划 ☐ ☐\n☐其他\n",
			"service_fields", []string{"畜牧业", "环保", "医疗"}},
		{"共计 before zero", "survey", "24. 港澳台：共计0人\n25. 国外：共计1人\n", "source_hmt", int64(0)},
		{"other in brackets", "survey", "服务领域：医疗、生物医药（其他：康复）\n覆盖地市数：3个\n", "service_fields_other", "康复"},
		{"description after 有", "survey", "对专家人才的服务保障措施：有√ 无，依托单位统一安排交通食宿。\n是否开展宣传：有√ 无\n", "support_measures_desc", "依托单位统一安排交通食宿。"},
		{"financial numerals", "survey", "配套资金（注明来源和金额） 上海市人力资源和社会保障局 壹\n拾万元\n", "funds_matching", 100000.0},
		{"row numbers column", "audit", "项目 行次 金额\n市级配套资金 2 100,000.00\n经费收入合计 3 100,000.00\n结余资金 11 2,350.00\n", "balance", 2350.0},
		{"subtotal and numbered balance", "audit", "单位：元\n项目 金额\n收入小计 200,000.00\n三、结余资金 0.00\n", "received_total", 200000.0},
		{"label broken over lines", "audit", "专家劳务\n费\n差旅费 会议费\n12,000.00 3,000.00 500.00\n", "spent_expert_fees", 12000.0},
		{"audited team in prose", "audit", "我们接受委托，对草莓设施高效生产专家服务团2026年度专家服务基层项目经费决算报表进行了审计。\n", "team_name", "草莓设施高效生产专家服务团"},
		{"team line under a generic title", "summary", "2026年度专家服务基层工作总结\n草莓设施高效生产专家服务团\n上海市农业科学院\n正文很长的一段话，服务团深入基层开展服务。\n", "team_name", "草莓设施高效生产专家服务团"},
		{"unit in brackets", "summary", "关于2026年度专家服务基层工作情况的报告\n（上海市奉贤区中医医院）\n正文。\n", "unit", "上海市奉贤区中医医院"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			switch tt.kind {
			case "survey":
				parseSurveyText(tt.text, c)
			case "audit":
				parseAudit(tt.text, c)
			case "summary":
				parseSummary(tt.text, c)
			}
			if got := c.f[tt.key]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (fields %v)", tt.key, got, tt.want, c.f)
			}
		})
	}
}
