package rules

import (
	"testing"

	"dossier"
)

func TestA001(t *testing.T) {
	runTable(t, "A001", a001, validAudit, []ruleCase{
		{name: "complete", want: false},
		{name: "no auditor is A007's alone", set: map[string]any{"auditor": del}, want: false},
		{name: "no opinion", set: map[string]any{"opinion": nil}, want: true},
		{name: "no balance", set: map[string]any{"balance": del}, want: true},
		{name: "zero balance is filled", set: map[string]any{"balance": float64(0)}, want: false},
		{name: "no service end", set: map[string]any{"service_end": ""}, want: true},
		{name: "unreadable total", set: map[string]any{"received_total": del}, mut: func(d *dossier.Document) {
			d.Invalid = map[string]string{"received_total": "拾万元整?"}
		}, want: true},
	})
}

func TestA002(t *testing.T) {
	runTable(t, "A002", a002, validAudit, []ruleCase{
		{name: "adds up", want: false},
		{name: "national adds up", team: national, want: false},
		{name: "received total wrong", set: map[string]any{"received_total": float64(110000), "balance": 12886.74}, want: true},
		{name: "spent items do not add up", set: map[string]any{"spent_other": 13915.18}, want: true},
		{name: "under a fen", set: map[string]any{"spent_other": 13915.174}, want: false},
		{name: "balance wrong", set: map[string]any{"balance": float64(0)}, want: true},
		{name: "overspent with zero balance", set: map[string]any{"spent_total": float64(105000), "spent_other": 21801.91, "balance": float64(0)}, want: true},
		{name: "no itemised spending", set: map[string]any{"spent_expert_fees": del, "spent_travel": del, "spent_meetings": del, "spent_training": del, "spent_materials": del, "spent_other": del}, want: false},
		{name: "no components of received", set: map[string]any{"received_mohrss": del, "received_municipal": del}, want: false},
	})
}

func TestA003(t *testing.T) {
	runTable(t, "A003", a003, validAudit, []ruleCase{
		{name: "municipal grant", want: false},
		{name: "national grant", team: national, want: false},
		{name: "municipal short", set: map[string]any{"received_municipal": float64(80000), "received_total": float64(80000)}, want: true},
		{name: "municipal with ministry money", set: map[string]any{"received_mohrss": float64(100000)}, want: true},
		{name: "national without match", team: national, set: map[string]any{"received_municipal": float64(0)}, want: true},
		{name: "national given as municipal", set: map[string]any{"received_mohrss": float64(100000)}, team: national, want: false},
		{name: "only total, right", set: map[string]any{"received_mohrss": del, "received_municipal": del}, want: false},
		{name: "only total, wrong", set: map[string]any{"received_mohrss": del, "received_municipal": del, "received_total": float64(90000)}, want: true},
		{name: "municipal ministry line absent", set: map[string]any{"received_mohrss": del}, want: false},
	})
}

func TestA004(t *testing.T) {
	runTable(t, "A004", a004, validAudit, []ruleCase{
		{name: "explained", want: false},
		{name: "not explained", set: map[string]any{"balance_explanation": del}, want: true},
		{name: "blank explanation", set: map[string]any{"balance_explanation": ""}, want: true},
		{name: "no balance", set: map[string]any{"balance": float64(0), "balance_explanation": del}, want: false},
		{name: "under a fen", set: map[string]any{"balance": 0.004, "balance_explanation": del}, want: false},
	})
}

func TestA005(t *testing.T) {
	runTable(t, "A005", a005, validAudit, []ruleCase{
		{name: "refunded", want: false},
		{name: "not confirmed", set: map[string]any{"balance_refunded": del}, want: true},
		{name: "said not refunded", set: map[string]any{"balance_refunded": false}, want: true},
		{name: "no balance", set: map[string]any{"balance": float64(0), "balance_refunded": del}, want: false},
	})
}

func TestA006(t *testing.T) {
	runTable(t, "A006", a006, validAudit, []ruleCase{
		{name: "unqualified", want: false},
		{name: "qualified", set: map[string]any{"opinion": "qualified"}, want: true},
		{name: "adverse", set: map[string]any{"opinion": "adverse"}, want: true},
		{name: "disclaimer", set: map[string]any{"opinion": "disclaimer"}, want: true},
		{name: "missing is A001's", set: map[string]any{"opinion": del}, want: false},
	})
}

func TestA007(t *testing.T) {
	runTable(t, "A007", a007, validAudit, []ruleCase{
		{name: "accounting firm", want: false},
		{name: "branch of a firm", set: map[string]any{"auditor": "立衡会计师事务所（特殊普通合伙）上海分所"}, want: false},
		{name: "spaced firm name", set: map[string]any{"auditor": "众达会计师 事务所"}, want: false},
		{name: "missing", set: map[string]any{"auditor": del}, want: true},
		{name: "the unit itself", set: map[string]any{"auditor": "上海市农业科学院财务处"}, want: true},
		{name: "a consultancy", set: map[string]any{"auditor": "上海某某财务咨询有限公司"}, want: true},
	})
}
