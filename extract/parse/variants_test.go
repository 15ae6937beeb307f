package parse

import (
	"testing"

	"dossier"
)

// TestSurveyVariants: the survey written with other wording, marks, units
// and digits than the samples.
func TestSurveyVariants(t *testing.T) {
	head := "2026年专家人才服务基层活动实施成效调查表\n服务团名称：测试服务团\n依托单位：测试医院\n一、服务活动基本情况\n"
	tests := []struct {
		name string
		text string
		want dossier.Fields
		inv  []string
	}{
		{"marks after, full-width digits", head + "1.服务形式（二者选一）\n①一次服务☐ 服务天数＿＿\n②分批次服务☑ 服务次数 ３ 次，累计服务天数（各批次实际开展服务活动的天数总和）１２天\n",
			dossier.Fields{"service_mode": "batches", "batch_count": int64(3), "batch_days_total": int64(12), "service_days": nil}, nil},
		{"chinese numerals and units", head + "服务形式：①一次服务（√） ②分批次服务（ ）\n服务天数 十二 天\n总人数（所有批次的参加专家人才人数）：二十五人；总人次：一百零五人次\n",
			dossier.Fields{"service_mode": "once", "service_days": int64(12), "experts_total": int64(25), "expert_attendances": int64(105)}, nil},
		{"label variants", head + "专家人才总人数：25\n专家总人次：30\n正高级：3 副高级：4\n",
			dossier.Fields{"experts_total": int64(25), "expert_attendances": int64(30), "senior_full": int64(3), "senior_deputy": int64(4)}, nil},
		{"yes no forms", head + "是否包含国家级/省级乡村振兴重点帮扶县：√是 否\n前期是否与基层单位对接需求：是（√）否（ ）\n是否由本省（区、市）人力资源社会保障厅（局）负责组织实施：否\n对参加服务活动专家人才的服务保障措施：有☐ 无☑\n是否对服务团组织实施情况开展宣传：■有 □无\n",
			dossier.Fields{"key_counties": true, "needs_matched": true, "organized_by_hrss": false, "support_measures": false, "publicity": true}, nil},
		{"blank yes no", head + "前期是否与基层单位对接需求：是/否\n",
			dossier.Fields{"needs_matched": nil}, nil},
		{"money variants", head + "人力资源社会保障部支持资金 100,000.00 元；\n配套资金（注明资金来源和金额）：市人社局，拾万元\n",
			dossier.Fields{"funds_mohrss": 100000.0}, nil},
		{"money wan", head + "人力资源社会保障部支持资金 10万元；配套资金：区财政 5.5 万元\n",
			dossier.Fields{"funds_mohrss": 100000.0, "funds_matching": 55000.0, "funds_matching_source": "区财政"}, nil},
		{"invalid counts", head + "总人数：-3\n总人次：2.5\n破解技术难题 十二个半 个\n",
			dossier.Fields{}, []string{"experts_total", "expert_attendances", "problems_solved"}},
		{"county names", head + "具体地区：国家级 2 个，分别是 叶城县；镇雄县\n省级 0 个，分别是 /\n",
			dossier.Fields{"key_counties_national": int64(2), "key_counties_national_names": []string{"叶城县", "镇雄县"}, "key_counties_provincial": int64(0), "key_counties_provincial_names": nil}, nil},
		{"service fields marks before", head + "服务领域（可多选）\n☐农业 ☑林业 ☐畜牧业 ■教育 □文旅\n其他：（请补充）____\n",
			dossier.Fields{"service_fields": []string{"林业", "教育"}, "service_fields_other": nil}, nil},
		// 其他 ticked with nothing written beside it joins the list (S013 asks for the field).
		{"other ticked without text", head + "服务领域（可多选）\n农业（ ） 交通（√） 产业规划（ ） 其他（请补充）（√）\n3. 服务区域\n",
			dossier.Fields{"service_fields": []string{"交通", "其他"}, "service_fields_other": nil}, nil},
		{"other with its text stays out of the list", head + "服务领域：医疗、其他\n其他（请补充）：康复\n3. 服务区域\n",
			dossier.Fields{"service_fields": []string{"医疗"}, "service_fields_other": "康复"}, nil},
		{"publicity", head + "五、组织实施情况\n是否对服务团组织实施情况开展宣传：☑有 ☐无\n媒体名称：文汇报 发布时间：2026年7月9日 篇名：深入基层\n媒体名称：解放日报 发布时间：2026-09-09 篇名：送技术下乡\n",
			dossier.Fields{"publicity": true, "publicity_items": []dossier.PublicityItem{{Media: "文汇报", Date: "2026-07-09", Title: "深入基层"}, {Media: "解放日报", Date: "2026-09-09", Title: "送技术下乡"}}}, nil},
		{"region with blanks", head + "覆盖 ３ 个地市、____个区县、十二家企事业单位\n",
			dossier.Fields{"region_cities": int64(3), "region_counties": nil, "region_units": int64(12)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Parse(Input{Name: "调查表.pdf", Text: tt.text})
			if out.Kind != dossier.KindSurvey {
				t.Fatalf("kind %s", out.Kind)
			}
			for k, v := range tt.want {
				got, ok := out.Fields[k]
				if !ok || !sameGo(v, got) {
					t.Errorf("%s: want %#v got %#v (present %v, invalid %q)", k, v, got, ok, out.Invalid[k])
				}
			}
			for _, k := range tt.inv {
				if _, ok := out.Invalid[k]; !ok {
					t.Errorf("%s: want invalid, got %#v", k, out.Fields[k])
				}
			}
		})
	}
}

func sameGo(want, got any) bool {
	switch w := want.(type) {
	case nil:
		return got == nil
	case []string:
		g, ok := got.([]string)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if w[i] != g[i] {
				return false
			}
		}
		return true
	case []dossier.PublicityItem:
		g, ok := got.([]dossier.PublicityItem)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if w[i] != g[i] {
				return false
			}
		}
		return true
	}
	return want == got
}

func TestOtherChosen(t *testing.T) {
	tests := []struct {
		s      string
		marked bool
		want   bool
	}{
		{"环保、化工、其他", false, true},
		{"环保、其他、化工", false, true},
		{"环保、化工", false, false},
		{"其他：（请补充）____", false, false},
		{"农业（ ） 其他（√）", true, true},
		{"农业（√） 其他（ ）", true, false},
		{"☐其他", true, false},
		{"☑其他", true, true},
	}
	for _, tt := range tests {
		if got := otherChosen(tt.s, tt.marked); got != tt.want {
			t.Errorf("otherChosen(%q, %v) = %v, want %v", tt.s, tt.marked, got, tt.want)
		}
	}
}
