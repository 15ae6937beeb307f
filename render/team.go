package render

import (
	"fmt"
	"strings"

	"dossier"
	"dossier/report"
)

// Form column widths on a portrait page: label, value, label, value.
var formCols = []float64{36, 51, 36, 51}

func (b *builder) teamSections() error {
	b.part("teams", "三、各服务团材料", "P")
	c := b.canvas
	c.para("以下按名册顺序列出每个服务团的调查表内容、经费决算情况、审核发现的问题和报送的全部文件。", 10, colInk)
	for i, row := range b.view.Teams {
		if err := b.ctx.Err(); err != nil {
			return fmt.Errorf("draw the team sections: %w", err)
		}
		v := row.View
		if i > 0 || c.y > contentTop+60 {
			b.headerLeft = "三、各服务团材料 · " + v.Team.ID + " " + v.Team.Name
			b.addPage("P")
		} else {
			c.y += 4
		}
		b.headerLeft = "三、各服务团材料 · " + v.Team.ID + " " + v.Team.Name
		b.mark("team:" + v.Team.ID)
		b.f.Bookmark(v.Team.ID+" "+sanitize(v.Team.Name), 1, c.y)
		b.teamSection(row)
	}
	return nil
}

func (b *builder) teamSection(row report.TeamRow) {
	v := row.View
	c := b.canvas
	// The team's name, 黑体, over a rule.
	c.setFace(faceHei)
	c.setSize(14)
	lines := c.wrap(v.Team.ID+"　"+v.Team.Name, c.contentW())
	for _, l := range lines {
		c.text(marginX, c.y, c.contentW(), l, "L")
		c.y += c.lineH()
	}
	c.y += 1
	c.rule(colInk, 0.4)
	c.y += 3
	c.setFace(faceSong)

	hc := colHead
	label := func(s string) cell { return cell{text: s, fill: &hc} }
	late, complete := "否", "否"
	if v.Late {
		late = "是"
	}
	if v.Complete {
		complete = "是"
	}
	info := &table{cols: formCols, size: 9.5, pad: 1.3, rows: [][]cell{
		{label("级别"), {text: v.Team.Level.Label()}, label("依托单位"), {text: v.Team.Unit}},
		{label("材料齐全"), {text: complete}, label("逾期提交"), {text: late}},
	}}
	for i := 0; i < len(dossier.Kinds); i += 2 {
		r := []cell{}
		for _, k := range dossier.Kinds[i:min(i+2, len(dossier.Kinds))] {
			st := stateCell(row.Materials[k])
			st.align = "L"
			r = append(r, label(k.Label()), st)
		}
		info.rows = append(info.rows, r)
	}
	c.drawTable(info)
	c.y += 3

	b.heading("（一）实施成效调查表", 20)
	b.sourceNote(row.Survey, "调查表")
	if row.Survey.Present {
		c.drawTable(formTable(dossier.FieldsOf(dossier.KindSurvey), row.Survey))
	}
	c.y += 3
	b.heading("（二）经费决算与审计", 20)
	b.sourceNote(row.Audit, "经费决算报告")
	if row.Audit.Present {
		c.drawTable(b.fundsTable(row))
		c.y += 2
		c.drawTable(formTable(auditOtherFields(), row.Audit))
	}
	c.y += 3
	b.heading("（三）审核发现的问题", 12)
	b.findingsTable(v)
	c.y += 3
	b.heading("（四）报送的文件", 12)
	b.documentsTable(v)
}

// sourceNote names the file the figures come from and whether they count.
func (b *builder) sourceNote(s report.Source, what string) {
	switch {
	case !s.Present && s.Reason == report.ReasonRejected:
		b.note("无已受理的" + what + "（报送的" + what + "已退回）。")
	case !s.Present:
		b.note("未报送" + what + "。")
	case !s.Counts:
		b.note("来源文件：" + s.Doc.Name + "（" + s.Reason + "；以下数值未经核定，不计入汇总表和统计）")
	default:
		b.note("来源文件：" + s.Doc.Name + "（已受理）")
	}
}

func (b *builder) note(s string) {
	b.canvas.para(s, 9.5, colInk)
	b.canvas.y += 1
}

// valueText is a field's value as the team section shows it: money in
// yuan, a clerk's or OCR's value marked.
func valueText(v report.Value) string {
	t := v.Text
	if v.Field.Type == dossier.TypeMoney && v.Money.Has {
		t = v.Money.Value.String() + " 元"
	}
	if m := v.Mark(); m != "" && t != report.Dash {
		t += "（" + m + "）"
	}
	return t
}

// formTable lays out fields as a form: short values two to a row, text and
// lists across the row, a band for each section of the form.
func formTable(fields []dossier.Field, src report.Source) *table {
	t := &table{cols: formCols, size: 9.5, pad: 1.3}
	hc, sc := colHead, colBand
	section := ""
	var pending []cell
	flush := func() {
		if len(pending) > 0 {
			pending = append(pending, cell{text: "", fill: &hc}, cell{text: ""})
			t.rows = append(t.rows, pending)
			pending = nil
		}
	}
	for _, f := range fields {
		if f.Section != section {
			flush()
			section = f.Section
			t.rows = append(t.rows, []cell{{text: section, span: 4, fill: &sc, face: faceHei}})
		}
		val := valueText(src.Value(f))
		lc := cell{text: f.Label, fill: &hc}
		wide := f.Type == dossier.TypeText || f.Type == dossier.TypeList || f.Type == dossier.TypePublicity || len([]rune(val)) > 14
		if wide {
			flush()
			t.rows = append(t.rows, []cell{lc, {text: val, span: 3}})
			continue
		}
		align := "L"
		if f.Type == dossier.TypeInt || f.Type == dossier.TypeMoney {
			align = "R"
		}
		pending = append(pending, lc, cell{text: val, align: align})
		if len(pending) == 4 {
			t.rows = append(t.rows, pending)
			pending = nil
		}
	}
	flush()
	return t
}

// auditMoneyKeys are the audit's money lines in the order of the accounts.
var auditMoneyKeys = []string{"received_mohrss", "received_municipal", "received_total",
	"spent_expert_fees", "spent_travel", "spent_meetings", "spent_training", "spent_materials", "spent_other", "spent_total", "balance"}

func auditOtherFields() []dossier.Field {
	var out []dossier.Field
	for _, f := range dossier.FieldsOf(dossier.KindAudit) {
		if f.Kind == dossier.KindAudit && !contains(auditMoneyKeys, f.Key) {
			out = append(out, f)
		}
	}
	return out
}

func (b *builder) fundsTable(row report.TeamRow) *table {
	hdr := [][]cell{{{text: "项目", align: "C"}, {text: "金额（元）", align: "C"}, {text: "说明", align: "C"}}}
	t := &table{cols: []float64{70, 44, 60}, size: 9.5, pad: 1.3, header: hdr}
	ministry, city := b.in.Programme.Grant(row.Team.Level)
	m, ct := dossier.YuanToMoney(ministry), dossier.YuanToMoney(city)
	hc := colHead
	t.rows = append(t.rows, []cell{{text: "拨款标准（通知）", fill: &hc}, {text: (m + ct).String(), align: "R", fill: &hc},
		{text: "部拨 " + m.String() + " 元，市拨 " + ct.String() + " 元", fill: &hc}})
	for _, k := range auditMoneyKeys {
		f, _ := dossier.FieldByKey(k)
		val := row.Audit.Value(f)
		text := report.Dash
		if val.Money.Has {
			text = val.Money.Value.String()
		} else if val.Reason == report.ReasonBlank {
			text = "（未填）"
		}
		note := val.Mark()
		if k == "balance" && !val.Money.Has && row.Funds.Balance.Computed {
			text, note = row.Funds.Balance.Value.String(), row.Funds.Balance.Note()
		}
		r := []cell{{text: f.Label}, {text: text, align: "R"}, {text: note}}
		if strings.HasSuffix(k, "_total") || k == "balance" {
			r[0].face = faceHei
		}
		t.rows = append(t.rows, r)
	}
	return t
}

func (b *builder) findingsTable(v dossier.TeamView) {
	fl := findingsOf(v)
	if len(fl) == 0 {
		b.note("未发现问题。")
		return
	}
	hdr := [][]cell{{{text: "文件", align: "C"}, {text: "规则", align: "C"}, {text: "严重程度", align: "C"}, {text: "说明", align: "C"}}}
	t := &table{cols: []float64{42, 14, 16, 102}, size: 9, pad: 1.2, header: hdr, zebra: true}
	for _, f := range fl {
		t.rows = append(t.rows, []cell{{text: f.File}, {text: f.Rule, align: "C"}, {text: f.Severity.Label(), align: "C"}, {text: quotes(f.Message)}})
	}
	b.canvas.drawTable(t)
}

func (b *builder) documentsTable(v dossier.TeamView) {
	if len(v.Documents) == 0 {
		b.note("未收到任何文件。")
		return
	}
	hdr := [][]cell{{{text: "文件名", align: "C"}, {text: "材料", align: "C"}, {text: "接收时间", align: "C"}, {text: "状态", align: "C"}, {text: "SHA-256（前16位）", align: "C"}}}
	t := &table{cols: []float64{52, 32, 30, 22, 38}, size: 8.5, pad: 1.2, header: hdr, zebra: true}
	for _, d := range v.Documents {
		state := d.Verdict.Label()
		if d.Superseded {
			state += "\n已被替代"
		}
		t.rows = append(t.rows, []cell{{text: d.Name}, {text: kindLabel(d.Kind)}, {text: localTime(d.Received, b.loc), align: "C"},
			{text: state, align: "C"}, {text: shortSHA(d.SHA256)}})
	}
	b.canvas.drawTable(t)
}

// kindLabel names a kind of material; a file whose kind was not
// recognised is said to be so, not called a material.
func kindLabel(k dossier.Kind) string {
	if k == dossier.KindUnknown || k == "" {
		return "类型未识别"
	}
	return k.Label()
}

// shortSHA is the first 16 hex digits of a SHA-256 (the manifest has it whole).
func shortSHA(s string) string {
	if len(s) > 16 {
		return s[:16]
	}
	return s
}

// quotes puts every quotation in the package's one style, “ ”.
var quoteStyle = strings.NewReplacer("「", "“", "」", "”", "『", "‘", "』", "’")

func quotes(s string) string { return quoteStyle.Replace(s) }
