package parse

import (
	"reflect"
	"testing"
)

// TestFourthCorpusVariants: the wordings and layouts testdata/unseen4
// brought in (after its first score), one small input each.
func TestFourthCorpusVariants(t *testing.T) {
	text := []struct {
		name, text, key string
		want            any
	}{
		{"boxes after their words", "服务形式： 一次服务 分批次服务 ☑ ☐\n", "service_mode", "once"},
		{"one character a line", "是否事先与基层单位对接需求 ☑是 ☐否\n人\n社\n部\n支\n持\n资\n金\n0\n万\n元\n地方配套资金金额10万元\n", "funds_mohrss", 0.0},
		{"a choice's name broken over the line end", "服务领域（可多选）\n☐农业 林业 畜牧业 渔业 环保 机械制造 ☐ ☐ ☐ ☐ ☑ ☐\n能源 冶金 化工 通讯 交通 电商服务 医 ☐ ☐ ☐ ☐ ☐ ☐\n疗 生物医药 教育 文旅 人工智能 城乡规划 ☐ ☐ ☐ ☐ ☐\n☐产业规划\n", "service_fields", []string{"机械制造"}},
		{"a form that contains the label", "联合攻关具体形式 组建联合攻关小组\n联合攻关次数 3\n", "joint_research_form", "组建联合攻关小组"},
		{"the form's bracket filled in", "联合攻关（校地共建实验室）__3__次；座谈交流会__4__场\n", "joint_research_form", "校地共建实验室"},
		{"extra words around a label", "其中正高级职称人数：6 人\n", "senior_full", int64(6)},
		{"total with 合计", "开展各类服务活动总场次合计：26场\n", "activities_total", int64(26)},
		{"scaled count", "培训成效：群众 17.57万人次\n", "trained_public", int64(175700)},
		{"a form's blanks around a source", "配套资金金额__10__万元，来源__市人社局专项经费__\n", "funds_matching_source", "市人社局专项经费"},
	}
	for _, tt := range text {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveyText("2026年专家人才服务基层活动实施成效调查表\n"+tt.text, c)
			if got := c.f[tt.key]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (fields %v invalid %v)", tt.key, got, tt.want, c.f, c.inv)
			}
		})
	}
	cells := []struct {
		name string
		rows [][]string
		key  string
		want any
	}{
		{"question with words the parser lacks", [][]string{{"是否事先与基层单位对接需求", "☑是 ☐否"}}, "needs_matched", true},
		{"group label before the source", [][]string{{"专家来源：港澳台", "0人"}}, "source_hmt", int64(0)},
		{"names in the cell after the count", [][]string{{"国家级重点帮扶县数：2个", "分别是：伽师县、疏附县"}}, "key_counties_national_names", []string{"伽师县", "疏附县"}},
		{"vMerge'd group label", [][]string{{"专家来源", "本省（区、市）", "21 人"}, {"专家来源", "外省（区、市）", "4 人"}}, "source_other_province", int64(4)},
		{"a later line with the choice", [][]string{{"一、服务活动基本情况"}, {"1.服务形式：☑一次服务，服务天数__5__天；☐分批次服务，服务次数____次"}}, "service_mode", "once"},
	}
	for _, tt := range cells {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveySheets([]Sheet{{Name: "document", Rows: tt.rows}}, c)
			if got := c.f[tt.key]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (fields %v)", tt.key, got, tt.want, c.f)
			}
		})
	}
	t.Run("a 决算报告 names its team in its title", func(t *testing.T) {
		c := newCollector()
		parseAudit("乳制品风味提升与品质控制专家服务团2026年度经费决算报告\n到位资金合计 100,000.00\n上海应用技术大学财务处\n", c)
		if c.f["team_name"] != "乳制品风味提升与品质控制专家服务团" || c.f["unit"] != "上海应用技术大学" {
			t.Errorf("team %v unit %v", c.f["team_name"], c.f["unit"])
		}
	})
	t.Run("words before a row's label qualify it", func(t *testing.T) {
		c := newCollector()
		parseAudit("单位：元\n上海市人社局配套资金 100,000.00\n", c)
		if c.f["received_municipal"] != 100000.0 {
			t.Errorf("received_municipal = %#v", c.f["received_municipal"])
		}
	})
}

// TestOpinionFromTheParagraph: the four types of opinion read from the
// opinion paragraph alone, with no type line; an emphasis-of-matter
// paragraph changes nothing.
func TestOpinionFromTheParagraph(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unqualified", "一、审计意见\n我们认为，后附的经费决算表在所有重大方面按照规定编制，公允反映了经费收支情况。\n", "unqualified"},
		{"unqualified with 强调事项", "我们认为，后附的经费决算表在所有重大方面按照规定编制，公允反映了经费收支情况。\n三、强调事项\n我们提醒使用者关注结余资金已退回。本段内容不影响已发表的审计意见。\n", "unqualified"},
		{"qualified", "二、形成保留意见的基础\n我们认为，除“形成保留意见的基础”部分所述事项可能产生的影响外，后附的经费决算表在所有重大方面按照规定编制，公允反映了经费收支情况。\n", "qualified"},
		{"adverse", "我们认为，由于“形成否定意见的基础”部分所述事项的重要性，后附的经费决算表没有在所有重大方面按照规定编制，未能公允反映经费收支情况。\n", "adverse"},
		{"disclaimer", "我们接受委托，审计经费决算表。我们不对后附的经费决算表发表审计意见。由于事项的重要性，我们无法获取充分、适当的审计证据。\n", "disclaimer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseAudit(tt.text, c)
			if got := c.f["opinion"]; got != tt.want {
				t.Errorf("opinion = %v, want %s", got, tt.want)
			}
		})
	}
}
