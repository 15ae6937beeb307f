package render

import (
	"strings"

	"dossier"
)

// Form column widths on a portrait page: label, value, label, value.
var formCols = []float64{36, 51, 36, 51}

func (b *builder) teamSections() {
	b.part("teams", "三、各服务团材料", "P")
	c := b.canvas
	c.para("以下按名册顺序列出每个服务团的调查表内容、经费决算情况、审核发现的问题和提交的全部文件。", 10, colMuted)
	for i, v := range b.in.Teams {
		if i > 0 || c.y > contentTop+60 {
			b.headerLeft = "三、各服务团材料 · " + v.Team.ID + " " + v.Team.Name
			b.addPage("P")
		} else {
			c.y += 4
		}
		b.headerLeft = "三、各服务团材料 · " + v.Team.ID + " " + v.Team.Name
		b.mark("team:" + v.Team.ID)
		b.f.Bookmark(v.Team.ID+" "+sanitize(v.Team.Name), 1, c.y)
		b.teamSection(v)
	}
}

func (b *builder) teamSection(v dossier.TeamView) {
	c := b.canvas
	// Title band.
	c.setSize(15)
	lines := c.wrap(v.Team.ID+"　"+v.Team.Name, c.contentW()-8)
	h := float64(len(lines))*c.lineH() + 5
	if !c.dry {
		c.fill(colHead)
		b.f.Rect(marginX, c.y, c.contentW(), h, "F")
		c.fill(colAccent)
		b.f.Rect(marginX, c.y, 1.6, h, "F")
	}
	c.color(colAccent)
	for i, l := range lines {
		c.text(marginX+5, c.y+2.5+float64(i)*c.lineH(), c.contentW()-8, l, "L")
	}
	c.y += h + 3
	c.color(colInk)

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
		row := []cell{}
		for _, k := range dossier.Kinds[i:min(i+2, len(dossier.Kinds))] {
			st := stateCell(v.Materials[k])
			st.align = "L"
			row = append(row, label(k.Label()), st)
		}
		info.rows = append(info.rows, row)
	}
	c.drawTable(info)
	c.y += 3

	b.heading("（一）实施成效调查表", 20)
	if d, ok := v.Current(dossier.KindSurvey); ok {
		b.note("来源文件：" + d.Name + "（" + d.Verdict.Label() + "）")
		c.drawTable(formTable(dossier.FieldsOf(dossier.KindSurvey), d.Fields))
	} else {
		b.note("无已受理的调查表。")
	}
	c.y += 3
	b.heading("（二）经费决算与审计", 20)
	if d, ok := v.Current(dossier.KindAudit); ok {
		b.note("来源文件：" + d.Name + "（" + d.Verdict.Label() + "）")
		c.drawTable(b.fundsTable(v, d.Fields))
		c.y += 2
		c.drawTable(formTable(auditOtherFields(), d.Fields))
	} else {
		b.note("无已受理的经费决算报告。")
	}
	c.y += 3
	b.heading("（三）审核发现的问题", 12)
	b.findingsTable(v)
	c.y += 3
	b.heading("（四）提交的文件", 12)
	b.documentsTable(v)
}

func (b *builder) note(s string) {
	b.canvas.para(s, 9, colMuted)
	b.canvas.y += 1
}

// formTable lays out fields as a form: short values two to a row, text and
// lists across the row, a band for each section of the form.
func formTable(fields []dossier.Field, fs dossier.Fields) *table {
	t := &table{cols: formCols, size: 9.5, pad: 1.3}
	hc, sc := colHead, rgb{236, 240, 247}
	accent := colAccent
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
			t.rows = append(t.rows, []cell{{text: section, span: 4, fill: &sc, color: &accent}})
		}
		val := valueText(f, fs)
		lc := cell{text: f.Label, fill: &hc}
		wide := f.Type == dossier.TypeText || f.Type == dossier.TypeList || f.Type == dossier.TypePublicity || len([]rune(val)) > 14
		if wide {
			flush()
			t.rows = append(t.rows, []cell{lc, {text: val, span: 3}})
			continue
		}
		pending = append(pending, lc, cell{text: val})
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

func (b *builder) fundsTable(v dossier.TeamView, fs dossier.Fields) *table {
	hdr := [][]cell{{{text: "项目", align: "C"}, {text: "金额（元）", align: "C"}, {text: "说明", align: "C"}}}
	t := &table{cols: []float64{70, 44, 60}, size: 9.5, pad: 1.3, header: hdr}
	ministry, city := b.in.Programme.Grant(v.Team.Level)
	hc := colHead
	t.rows = append(t.rows, []cell{{text: "拨款标准（通知）", fill: &hc}, {text: money(ministry + city), align: "R", fill: &hc},
		{text: "部拨 " + money(ministry) + "，市拨 " + money(city), fill: &hc}})
	for _, k := range auditMoneyKeys {
		f, _ := dossier.FieldByKey(k)
		val := "—"
		if m, ok := fs.Money(k); ok {
			val = money(m)
		} else if _, blank := fs[k]; blank {
			val = "（未填）"
		}
		row := []cell{{text: f.Label}, {text: val, align: "R"}, {text: ""}}
		if strings.HasSuffix(k, "_total") || k == "balance" {
			a := colAccent
			row[0].color, row[1].color = &a, &a
		}
		t.rows = append(t.rows, row)
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
		sev := colMuted
		switch f.Severity {
		case dossier.SeverityError:
			sev = colRed
		case dossier.SeverityWarning:
			sev = colAccent2
		}
		t.rows = append(t.rows, []cell{{text: f.File}, {text: f.Rule, align: "C"}, {text: f.Severity.Label(), align: "C", color: &sev}, {text: f.Message}})
	}
	b.canvas.drawTable(t)
}

func (b *builder) documentsTable(v dossier.TeamView) {
	if len(v.Documents) == 0 {
		b.note("未收到任何文件。")
		return
	}
	hdr := [][]cell{{{text: "文件名", align: "C"}, {text: "材料", align: "C"}, {text: "接收时间", align: "C"}, {text: "状态", align: "C"}, {text: "SHA-256", align: "C"}}}
	t := &table{cols: []float64{44, 28, 25, 22, 55}, size: 8.5, pad: 1.2, header: hdr, zebra: true}
	for _, d := range v.Documents {
		state := d.Verdict.Label()
		if d.Superseded {
			state += "\n已被替代"
		}
		t.rows = append(t.rows, []cell{{text: d.Name}, {text: d.Kind.Label()}, {text: localTime(d.Received, b.loc), align: "C"},
			{text: state, align: "C"}, {text: d.SHA256}})
	}
	b.canvas.drawTable(t)
}
