package parse

import (
	"reflect"
	"testing"
)

// TestThirdCorpusVariants: the workbook layouts testdata/unseen3 brought
// in, one small sheet each.
func TestThirdCorpusVariants(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		key  string
		want any
	}{
		{"choices note in the label", [][]string{{"对参加服务活动专家人才的服务保障措施（有/无）", "有"}}, "support_measures", true},
		{"Y/N note in the label", [][]string{{"是否含重点帮扶县(Y/N)", "前期是否对接需求(Y/N)"}, {"N", "Y"}}, "needs_matched", true},
		{"option note on a count", [][]string{{"服务天数（一次服务）", "6"}}, "service_days", int64(6)},
		{"numbered label keeps its first character", [][]string{{"4.开展各类服务活动总场次（各个批次开展的培训指导、座谈讲座、科普义诊等活动总和）", "", "72"}}, "activities_total", int64(72)},
		{"pseudo label inside a field label", [][]string{{"取得经济效益（具体描述）", "亩均增收1200元"}}, "economic_benefit", "亩均增收1200元"},
		{"hyphenated group label", [][]string{{"技术指导-现场指导（次）", "8"}}, "guidance_onsite", int64(8)},
		{"names in a row, marks under them", [][]string{{"服务领域（可多选）"}, {"农业", "林业", "医疗"}, {"", "√", "√"}}, "service_fields", []string{"林业", "医疗"}},
		{"name grid beside a merged label", [][]string{
			{"服务领域", "服务领域", "农业", "", "林业", "√"},
			{"服务领域", "服务领域", "渔业", "√", "环保", ""}}, "service_fields", []string{"林业", "渔业"}},
		{"mode as options with a mark under one", [][]string{{"服务形式", "一次服务", "分批次服务"}, {"", "", "✓"}}, "service_mode", "batches"},
		{"team in the title row", [][]string{{"草莓设施高效生产专家服务团 实施成效调查表"}, {"服务天数", "3"}}, "team_name", "草莓设施高效生产专家服务团"},
		{"generic title names no team", [][]string{{"2026年专家人才服务基层活动实施成效调查表"}, {"服务天数", "3"}}, "team_name", nil},
		{"unit with 盖章 note", [][]string{{"填报单位（盖章）：上海市农业科学院"}}, "unit", "上海市农业科学院"},
		{"other wording", [][]string{{"参加专家人数（人）", "30"}, {"本市专家（人）", "15"}, {"外省市专家（人）", "15"}}, "source_other_province", int64(15)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveySheets([]Sheet{{Name: "调查表", Rows: tt.rows}}, c)
			if got := c.f[tt.key]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (fields %v)", tt.key, got, tt.want, c.f)
			}
		})
	}
	t.Run("备注 column after the amounts", func(t *testing.T) {
		c := newCollector()
		parseAudit("单位：元\n序号  项目  预算数  决算数  备注\n4  专家劳务费  85437.53  85437.53  已按规定使用\n5  差旅费  46415.29  46415.29\n", c)
		if got := c.f["spent_expert_fees"]; got != 85437.53 {
			t.Errorf("spent_expert_fees = %#v, want 85437.53", got)
		}
	})
}
