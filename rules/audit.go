package rules

import (
	"fmt"
	"strings"

	"dossier"
	"golang.org/x/text/width"
)

var auditRequired = []string{"auditor", "opinion", "received_total", "spent_total", "balance", "service_end"}

// a001: a required field of the audit report is missing. Without a
// third-party audit (A007) the auditor and its opinion are not asked for
// again: one defect, one finding.
func a001(in input) []dossier.Finding {
	var out []dossier.Finding
	noAudit := len(a007(in)) > 0
	for _, key := range auditRequired {
		if in.f.Filled(key) {
			continue
		}
		if noAudit && (key == "auditor" || key == "opinion") {
			continue // no third-party audit at all: A007's alone
		}
		msg := fmt.Sprintf("经费决算报告及审计报告中未找到%s，请在报告中写明后重新提交", label(key))
		if raw, ok := in.d.Invalid[key]; ok {
			msg = fmt.Sprintf("经费决算报告及审计报告中%s为“%s”，无法识别，请写明后重新提交", label(key), raw)
		}
		out = append(out, finding("A001", key, msg))
	}
	return out
}

var spentKeys = []string{"spent_expert_fees", "spent_travel", "spent_meetings", "spent_training", "spent_materials", "spent_other"}

// a002: the accounts add up, to 0.01 元.
func a002(in input) []dossier.Finding {
	var out []dossier.Finding
	m, okM := in.f.Money("received_mohrss")
	c, okC := in.f.Money("received_municipal")
	if total, ok := in.f.Money("received_total"); ok && (okM || okC) && cents(m+c) != cents(total) {
		out = append(out, finding("A002", "received_total", fmt.Sprintf(
			"%s为 %s，而%s %s 与%s %s 之和为 %s，两者应相等",
			label("received_total"), yuan(total), label("received_mohrss"), yuan(m), label("received_municipal"), yuan(c), yuan(m+c))))
	}
	var sum float64
	itemized := false
	for _, k := range spentKeys {
		if v, ok := in.f.Money(k); ok {
			sum += v
			itemized = true
		}
	}
	if spent, ok := in.f.Money("spent_total"); ok && itemized && cents(sum) != cents(spent) {
		out = append(out, finding("A002", "spent_total", fmt.Sprintf(
			"%s为 %s，而各项支出（专家劳务费、差旅费、会议费、培训费、资料印刷费、其他支出）之和为 %s，两者应相等",
			label("spent_total"), yuan(spent), yuan(sum))))
	}
	total, ok1 := in.f.Money("received_total")
	spent, ok2 := in.f.Money("spent_total")
	if bal, ok3 := in.f.Money("balance"); ok1 && ok2 && ok3 && cents(total)-cents(spent) != cents(bal) {
		out = append(out, finding("A002", "balance", fmt.Sprintf(
			"%s为 %s，而%s %s 减%s %s 为 %s，结余资金应等于到位资金减实际支出",
			label("balance"), yuan(bal), label("received_total"), yuan(total), label("spent_total"), yuan(spent), yuan(total-spent))))
	}
	return out
}

// a003: the money received is the team's grant.
func a003(in input) []dossier.Finding {
	wantM, wantC := in.p.Grant(in.team.Level)
	level := in.team.Level.Label() + "服务团"
	m, okM := in.f.Money("received_mohrss")
	c, okC := in.f.Money("received_municipal")
	if !okM && !okC {
		total, ok := in.f.Money("received_total")
		if !ok || cents(total) == cents(wantM+wantC) {
			return nil
		}
		return []dossier.Finding{finding("A003", "received_total", fmt.Sprintf(
			"%s为 %s，%s应到位 %s，请核对", label("received_total"), yuan(total), level, yuan(wantM+wantC)))}
	}
	var out []dossier.Finding
	if cents(m) != cents(wantM) {
		what := "应为 " + yuan(wantM)
		if wantM == 0 {
			what = "市级服务团不享受该项资金，应为 0"
		}
		out = append(out, finding("A003", "received_mohrss", fmt.Sprintf(
			"%s为 %s，%s%s", label("received_mohrss"), yuan(m), level, what)))
	}
	if cents(c) != cents(wantC) {
		what := "本市 1:1 配套支持"
		if in.team.Level != dossier.LevelNational {
			what = "本市经费支持"
		}
		out = append(out, finding("A003", "received_municipal", fmt.Sprintf(
			"%s为 %s，%s%s应为 %s", label("received_municipal"), yuan(c), level, what, yuan(wantC))))
	}
	return out
}

func positiveBalance(f dossier.Fields) (float64, bool) {
	b, ok := f.Money("balance")
	return b, ok && cents(b) > 0
}

// a004: a balance needs its 专项说明.
func a004(in input) []dossier.Finding {
	b, pos := positiveBalance(in.f)
	if !pos || in.f.Filled("balance_explanation") {
		return nil
	}
	return []dossier.Finding{finding("A004", "balance_explanation", fmt.Sprintf(
		"%s %s，但报告未附%s；按通知要求，资金未使用完的须作出专项说明，并将结余经费退回",
		label("balance"), yuan(b), label("balance_explanation")))}
}

// a005: a balance should be refunded.
func a005(in input) []dossier.Finding {
	b, pos := positiveBalance(in.f)
	if refunded, _ := in.f.Bool("balance_refunded"); !pos || refunded {
		return nil
	}
	to := "市人力资源社会保障局"
	if in.team.Level == dossier.LevelNational {
		to = "人力资源社会保障部、市人力资源社会保障局"
	}
	return []dossier.Finding{finding("A005", "balance_refunded", fmt.Sprintf(
		"%s %s，报告中未确认结余经费已退回；请将结余经费分别退回%s，并在报告中注明",
		label("balance"), yuan(b), to))}
}

// a006: the opinion should be unqualified.
func a006(in input) []dossier.Finding {
	op := in.f.Text("opinion")
	if op == "" || op == "unqualified" {
		return nil
	}
	shown, ok := dossier.OpinionLabels[op]
	if !ok {
		shown = op
	}
	return []dossier.Finding{finding("A006", "opinion", fmt.Sprintf(
		"%s为“%s”，不是“无保留意见”，请说明原因", label("opinion"), shown))}
}

// a007: the report is signed by a third-party accounting firm.
func a007(in input) []dossier.Finding {
	a := strings.TrimSpace(in.f.Text("auditor"))
	if a == "" {
		return []dossier.Finding{finding("A007", "auditor", fmt.Sprintf(
			"未见第三方审计：报告中没有出具审计报告的%s，请附会计师事务所出具的第三方审计报告", label("auditor")))}
	}
	if strings.Contains(strings.ReplaceAll(width.Fold.String(a), " ", ""), "会计师事务所") {
		return nil
	}
	return []dossier.Finding{finding("A007", "auditor", fmt.Sprintf(
		"审计单位为“%s”，不是会计师事务所；经费决算报告须附会计师事务所出具的第三方审计报告", a))}
}
