package parse

import (
	"testing"

	"dossier"
)

func TestAuditVariants(t *testing.T) {
	body := func(opinion, table, sign string) string {
		return "审计报告\n沪某会审字〔2026〕第0123号\n上海市第六人民医院：\n我们审计了测试服务团（依托单位：上海市第六人民医院）专项资金决算报表。服务活动于2026年6月1日至2026年11月8日开展。\n" +
			opinion + "\n二、经费收支情况\n" + table + "\n" + sign
	}
	tableWan := "项目 金额（万元）\n人力资源社会保障部支持资金 10.00\n市级配套资金 10\n经费收入合计 20\n专家劳务费 6.5\n其他支出 13.5\n经费支出合计 20\n结余资金 0"
	tableSplit := "项目\n金额（元）\n人力资源社会保障部支持资金\n市级配套资金\n到位资金合计\n100,000.00\n100,000.00\n200,000.00\n实际支出合计\n结余资金\n195,000.00\n5,000.00"
	sign := "上海某某会计师事务所（特殊普通合伙）上海分所\n中国注册会计师：张三\n二〇二六年十一月八日"
	tests := []struct {
		name string
		text string
		want dossier.Fields
	}{
		{"wan header, chinese date, unqualified prose", body("我们认为，后附报表在所有重大方面公允反映了收支情况。", tableWan, sign),
			dossier.Fields{"opinion": "unqualified", "received_mohrss": 100000.0, "received_total": 200000.0, "spent_expert_fees": 65000.0, "spent_total": 200000.0, "balance": 0.0,
				"report_date": "2026-11-08", "auditor": "上海某某会计师事务所（特殊普通合伙）上海分所", "service_start": "2026-06-01", "service_end": "2026-11-08", "report_no": "沪某会审字〔2026〕第0123号", "unit": "上海市第六人民医院", "team_name": "测试服务团"}},
		{"split table, qualified", body("我们认为，除“形成保留意见的基础”部分所述事项可能产生的影响外，后附报表公允反映。", tableSplit, sign),
			dossier.Fields{"opinion": "qualified", "received_mohrss": 100000.0, "received_municipal": 100000.0, "received_total": 200000.0, "spent_total": 195000.0, "balance": 5000.0}},
		{"disclaimer", body("我们不对后附的决算报表发表审计意见。审计意见类型：无法表示意见", tableSplit, sign), dossier.Fields{"opinion": "disclaimer"}},
		{"adverse", body("由于上述事项的重大影响，我们发表否定意见。", tableSplit, sign), dossier.Fields{"opinion": "adverse"}},
		{"unqualified label", body("审计意见类型：标准无保留意见", tableSplit, "上海某会计师事务所有限公司\n报告日期：2026-11-08"), dossier.Fields{"opinion": "unqualified", "auditor": "上海某会计师事务所有限公司", "report_date": "2026-11-08"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Parse(Input{Name: "x.pdf", Text: tt.text})
			if out.Kind != dossier.KindAudit {
				t.Fatalf("kind %s", out.Kind)
			}
			for k, v := range tt.want {
				if got := out.Fields[k]; !sameGo(v, got) {
					t.Errorf("%s: want %#v got %#v", k, v, got)
				}
			}
		})
	}
}
