package parse

import (
	"reflect"
	"strings"
	"testing"

	"dossier"
)

// TestLongerLabelIsNotCut: a label longer than a known one is never cut
// to it with the rest read as its value (博士后研究人员人数 → 博士后 =
// "研究人员人数" was S010 on a sound form). A cell or line that ends with
// the words naming what is counted is the field's label, read with less
// confidence; with no number after it nothing is read, not an invalid value.
func TestLongerLabelIsNotCut(t *testing.T) {
	text := []struct {
		name, text, key string
		want            any // nil: absent
		conf            float64
	}{
		{"the headline case", "博士后研究人员人数 3 人\n", "postdocs", int64(3), 0},
		{"rest of the label, then the number", "示范带教开展场次 4\n", "demonstrations", int64(4), looseConfidence},
		{"的人数 after the group", "专家来自本省（区、市）的人数：6\n", "source_local", int64(6), 0},
		{"召开场次 after the activity", "座谈交流会召开场次 15\n", "symposiums", int64(15), looseConfidence},
		{"rest of the label, no number", "专题讲座举办场次\n", "lectures", nil, 0},
		{"the sentence's 的 before a blank", "具有正高级职称的____8  人；\n", "senior_full", int64(8), 0},
	}
	for _, tt := range text {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveyText("2026年专家人才服务基层活动实施成效调查表\n"+tt.text, c)
			got, ok := c.f[tt.key]
			if tt.want == nil {
				if ok || c.inv[tt.key] != "" {
					t.Errorf("%s = %#v (invalid %q), want absent", tt.key, got, c.inv[tt.key])
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (invalid %v)", tt.key, got, tt.want, c.inv)
			}
			if tt.conf > 0 && c.conf[tt.key] != tt.conf {
				t.Errorf("confidence of %s = %v, want %v", tt.key, c.conf[tt.key], tt.conf)
			}
		})
	}
	t.Run("an indicator sheet's cell", func(t *testing.T) {
		c := newCollector()
		parseSurveySheets([]Sheet{{Name: "document", Rows: [][]string{
			{"序号", "指标名称", "计量单位", "填报数"},
			{"21", "博士后研究人员人数", "人", "3"},
			{"31", "座谈交流会召开场次", "场", "15"},
		}}}, c)
		if c.f["postdocs"] != int64(3) || c.f["symposiums"] != int64(15) {
			t.Errorf("postdocs %#v symposiums %#v (invalid %v)", c.f["postdocs"], c.f["symposiums"], c.inv)
		}
		if c.conf["symposiums"] >= 1 || c.conf["symposiums"] == 0 {
			t.Errorf("symposiums read through a loose label with confidence %v, want < 1", c.conf["symposiums"])
		}
	})
	t.Run("an unreadable value beside a loose label is unsure", func(t *testing.T) {
		// the error it gives (S010) then waits for a clerk (rules.Doubt)
		c := newCollector()
		parseSurveySheets([]Sheet{{Name: "document", Rows: [][]string{{"31", "座谈交流会召开场次", "场", "若干"}}}}, c)
		if c.inv["symposiums"] != "若干" || c.conf["symposiums"] != looseConfidence {
			t.Errorf("invalid %q confidence %v, want 若干 read with %v", c.inv["symposiums"], c.conf["symposiums"], looseConfidence)
		}
	})
}

// TestFifthCorpusSurveys: the wordings and layouts testdata/unseen5
// brought in (after its first score), one small input each.
func TestFifthCorpusSurveys(t *testing.T) {
	text := []struct {
		name, text, key string
		want            any
	}{
		{"（√）是（ ）否", "服务地区含国家级/省级乡村振兴重点帮扶县：（√）是　（ ）否\n", "key_counties", true},
		{"（ ）是（√）否", "本次活动由人力资源社会保障部门负责组织实施：（ ）是　（√）否\n", "organized_by_hrss", false},
		{"a count after 共 in a sentence", "参加服务的专家人才共____28  人；累计参加服务  30  人次\n", "experts_total", int64(28)},
		{"text without the sentence's words", "经济效益方面：  帮助养殖场降低死淘率约3个百分点\n", "economic_benefit", "帮助养殖场降低死淘率约3个百分点"},
		{"a form's text before the next sentence", "开展联合攻关____1  次；联合攻关的形式为  共建专家工作站  ；召开座谈交流会____29  场；\n", "joint_research_form", "共建专家工作站"},
		{"a list ends with its sentence", "其中：省级重点帮扶县 1 个，分别为叶城县。全年开展各类服务活动 89 场\n", "key_counties_provincial_names", []string{"叶城县"}},
		{"the source on a blank, then its verb", "人力资源社会保障部资助____0  万元，地方配套经费____10  万元，配套资金由  市人社局拨付  提供。\n", "funds_matching_source", "市人社局拨付"},
		{"the unit line does not run into 填报人", "依托单位：海军军医大学第二附属医院填报人：陆婷婷 手机：13816620000\n", "unit", "海军军医大学第二附属医院"},
		{"headers over a line of values", "专家总人数（人） 专家总人次（人次） 正高级（人）\n14 78 1\n", "expert_attendances", int64(78)},
		{"headers one a line over values one a line", "杰出专技人才（人）\n百千万人才（人）\n享受特贴（人）\n10\n12\n25\n", "special_allowance", int64(25)},
		{"服务方式 typed as text", "服务方式 服务批次（批） 累计天数(分批)（天） 领域\n分批次服务 5 9 人工智能\n", "batch_days_total", int64(9)},
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
		{"a unit column between label and value", [][]string{{"序号", "指标名称", "计量单位", "填报数"}, {"7", "服务覆盖企事业单位数", "家", "83"}}, "region_units", int64(83)},
		{"money unit from the unit column", [][]string{{"62", "人社部资助经费", "万元", "10"}}, "funds_mohrss", 100000.0},
		{"a choice typed as text", [][]string{{"1", "服务方式", "", "分批次服务"}}, "service_mode", "batches"},
		{"保障措施内容", [][]string{{"66", "保障措施内容", "", "单位给予工作量认定并报销差旅"}}, "support_measures_desc", "单位给予工作量认定并报销差旅"},
		{"column headers over a row of values", [][]string{{"企事业单位数（家）", "", "含重点帮扶县"}, {"7", "", "否"}}, "region_units", int64(7)},
		{"a merged cell repeats its name", [][]string{{"领域", "", "地市数（个）"}, {"化工", "化工", "2"}}, "service_fields", []string{"化工"}},
	}
	for _, tt := range cells {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseSurveySheets([]Sheet{{Name: "document", Rows: tt.rows}}, c)
			if got := c.f[tt.key]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v (fields %v invalid %v)", tt.key, got, tt.want, c.f, c.inv)
			}
		})
	}
	t.Run("publicity columns 报道标题 | 刊发媒体 | 刊发日期", func(t *testing.T) {
		c := newCollector()
		parseSurveyText("对服务活动开展了宣传报道：（√）有　（ ）无\n宣传报道情况\n序号 报道标题 刊发媒体 刊发日期\n1 专家团队助力县域产业升级 新民晚报 2026-08-23\n", c)
		want := []dossier.PublicityItem{{Media: "新民晚报", Date: "2026-08-23", Title: "专家团队助力县域产业升级"}}
		if got := c.f["publicity_items"]; !reflect.DeepEqual(got, want) || c.f["publicity"] != true {
			t.Errorf("publicity %v items %#v", c.f["publicity"], got)
		}
	})
}

// TestFifthCorpusAudits: accounts labels, opinions, numbers, firms and
// teams as the unseen5 audit reports write them.
func TestFifthCorpusAudits(t *testing.T) {
	const table = "金额单位：人民币元\n项目 预算数 决算数\n一、收入\n" +
		"人力资源社会保障部资助经费 100,000.00 100,000.00\n上海市人社局拨付经费 100,000.00 100,000.00\n收入合计 200,000.00 200,000.00\n二、支出\n" +
		"专家咨询费（劳务费） 65,300.00 62,145.09\n交通及住宿费 76,800.00 73,171.19\n会议场地费 9,700.00 9,196.74\n培训费 34,800.00 33,133.88\n" +
		"印刷及资料费 13,000.00 12,353.10\n其他费用 10,500.00 10,000.00\n支出合计 210,100.00 200,000.00\n三、结余 0.00\n"
	c := newCollector()
	parseAudit(table, c)
	want := map[string]float64{"received_mohrss": 100000, "received_municipal": 100000, "received_total": 200000,
		"spent_expert_fees": 62145.09, "spent_travel": 73171.19, "spent_meetings": 9196.74, "spent_training": 33133.88,
		"spent_materials": 12353.10, "spent_other": 10000, "spent_total": 200000, "balance": 0}
	for k, v := range want {
		if c.f[k] != v {
			t.Errorf("%s = %#v, want %v", k, c.f[k], v)
		}
	}
	side := "单位：元\n收入项目 金额 支出项目 金额\n人力资源社会保障部资助经费 0.00 专家咨询费（劳务费） 34,725.68\n上海市人社局拨付经费 100,000.00 交通及住宿费 26,519.01\n收入合计 100,000.00 会议场地费 5,354.28\n"
	c = newCollector()
	parseAudit(side, c)
	if c.f["received_total"] != 100000.0 || c.f["spent_meetings"] != 5354.28 || c.f["received_mohrss"] != 0.0 {
		t.Errorf("side by side: %v", c.f)
	}
	tests := []struct {
		name, text, key string
		want            any
	}{
		{"如实反映 is unqualified", "我们认为，贵单位编制的X服务团项目经费收支决算表在所有重大方面按照财政专项资金管理的有关规定编制，如实反映了该项目2026年度的经费收支情况。\n", "opinion", "unqualified"},
		{"the seal note is not the firm's name", "上海沪港金茂会计师事务所有限公司（盖章）\n中国注册会计师：顾佳敏\n", "auditor", "上海沪港金茂会计师事务所有限公司"},
		{"【】 and no 字", "专项审计报告\n公信中南专审【2026】0087号\n", "report_no", "公信中南专审〔2026〕0087号"},
		{"第 0046 号 with spaces", "专项审计报告\n沪瑞会审〔2026〕第 0046 号\n", "report_no", "沪瑞会审〔2026〕第0046号"},
		{"the notice's number is not the report's", "根据沪人社专〔2026〕109号文件要求，现将经费收支情况说明如下：\n", "report_no", nil},
		{"team named only in the opinion paragraph", "我们审计了后附的都市生猪产业提升示范技术服务团项目经费收支决算表（以下简称决算表）。\n", "team_name", "都市生猪产业提升示范技术服务团"},
		{"team in a 决算说明's title", "关于中西医结合脉管病诊疗专家基层服务团项目经费使用情况的决算说明\n", "team_name", "中西医结合脉管病诊疗专家基层服务团"},
		{"addressee with its second name", "上海市水产研究所(上海市水产技术推广站)：\n一、审计意见\n", "unit", "上海市水产研究所(上海市水产技术推广站)"},
		{"unit signing for its finance office", "上海市中西医结合医院（财务处代章）\n2026年11月6日\n", "unit", "上海市中西医结合医院"},
		{"关于结余资金的专项说明 … 已全额退回", "三、结余 3,218.40\n关于结余资金的专项说明：项目结余 3,218.40 元，结余资金已于 2026\n年 11 月全额退回上海市人力资源和社会保障局。\n", "balance_refunded", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCollector()
			parseAudit(tt.text, c)
			got, ok := c.f[tt.key]
			if tt.want == nil {
				if ok {
					t.Errorf("%s = %#v, want absent", tt.key, got)
				}
				return
			}
			if got != tt.want {
				t.Errorf("%s = %#v, want %#v", tt.key, got, tt.want)
			}
		})
	}
}

// TestFifthCorpusSummaries: summary titles that do not say 总结.
func TestFifthCorpusSummaries(t *testing.T) {
	body := "\n" + strings.Repeat("今年以来，服务团在市人力资源和社会保障局的统筹指导下，分批赴对口地区开展服务。", 6) + "\n"
	tests := []struct{ name, title, team string }{
		{"关于…开展…情况的报告", "关于乡村振兴基层医疗服务能力提升专家服务团开展专家服务基层活动情况的报告", "乡村振兴基层医疗服务能力提升专家服务团"},
		{"…工作小结", "草莓设施高效生产专家服务团服务基层工作小结", "草莓设施高效生产专家服务团"},
		{"…年度工作情况汇报", "都市生猪产业提升示范技术服务团年度工作情况汇报", "都市生猪产业提升示范技术服务团"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.title + body
			if k := DetectKind("文档.docx", text, 1, 0, false); k != dossier.KindSummary {
				t.Fatalf("kind = %s, want summary", k)
			}
			c := newCollector()
			parseSummary(text, c)
			if c.f["title"] != tt.title || c.f["team_name"] != tt.team {
				t.Errorf("title %v team %v", c.f["title"], c.f["team_name"])
			}
		})
	}
}

// TestMarkInBracketsBeforeItsOption: "（√）是（ ）否" puts the mark before
// its option, "是（√）否（ ）" after; both are read.
func TestMarkInBracketsBeforeItsOption(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"（√）是　（ ）否", true},
		{"（ ）是　（√）否", false},
		{"（√）有 （ ）无", true},
		{"是（√） 否（ ）", true},
		{"是（ ） 否（√）", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if v, st := ParseBool(tt.in); st != OK || v != tt.want {
				t.Errorf("ParseBool(%q) = %v, %v; want %v, OK", tt.in, v, st, tt.want)
			}
		})
	}
}
