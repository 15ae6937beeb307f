package report

import (
	"fmt"
	"strings"

	"dossier"
)

// Value is one field of a team's survey or audit as people read it.
type Value struct {
	Field  dossier.Field
	Text   string  // as shown: "1,234.50", "12", "是", "—", "（未填）"
	Num    float64 // the number in the column's unit, when IsNum
	IsNum  bool    // a number that counts (the spreadsheet writes it as a number)
	Money  Amount  // for money fields
	Counts bool
	Reason string // why it does not count ("待人工审核"…); "" when it does
	Manual bool
	OCR    bool
}

// Mark is the value's mark: 人工核定, OCR识读 or "".
func (v Value) Mark() string { return markText(v.Manual, v.OCR, false) }

// ColumnUnit is the unit a money field's column is in: the form's (万元
// for the survey's funds), yuan otherwise.
func ColumnUnit(f dossier.Field) dossier.MoneyUnit {
	if f.Unit == string(dossier.WanYuan) {
		return dossier.WanYuan
	}
	return dossier.Yuan
}

// Value is a survey or audit field of the team.
func (t TeamRow) Value(f dossier.Field) Value {
	src := t.Survey
	if f.Kind == dossier.KindAudit {
		src = t.Audit
	}
	return src.Value(f)
}

// Value is a field of the source document.
func (s Source) Value(f dossier.Field) Value {
	v := Value{Field: f, Text: Dash}
	if !s.Present {
		v.Reason = s.Reason
		return v
	}
	v.Manual, v.OCR = marks(s.Doc, f.Key)
	raw, ok := s.Doc.Fields[f.Key]
	switch {
	case !ok:
		v.Reason = ReasonUnread
		if !s.Counts {
			v.Reason = s.Reason
		}
		return v
	case raw == nil:
		v.Text, v.Reason = "（未填）", ReasonBlank
		return v
	}
	v.Counts = s.Counts
	if !s.Counts {
		v.Reason = s.Reason
	}
	fs := s.Doc.Fields
	switch f.Type {
	case dossier.TypeMoney:
		v.Money = s.amount(f.Key)
		if v.Money.Has {
			u := ColumnUnit(f)
			v.Text = v.Money.Value.Format(u)
			v.Num, v.IsNum = v.Money.Value.In(u), s.Counts
		}
		return v
	case dossier.TypeInt:
		if n, ok := fs.Int(f.Key); ok {
			v.Text = dossier.Thousands(n)
			v.Num, v.IsNum = float64(n), s.Counts
			return v
		}
	}
	v.Text = textOf(f, fs, raw)
	return v
}

func textOf(f dossier.Field, fs dossier.Fields, raw any) string {
	switch f.Type {
	case dossier.TypeBool:
		if b, ok := fs.Bool(f.Key); ok {
			if b {
				return "是"
			}
			return "否"
		}
	case dossier.TypeEnum:
		s := fs.Text(f.Key)
		if l, ok := dossier.OpinionLabels[s]; ok {
			return l
		}
		if l, ok := dossier.ServiceModeLabels[s]; ok {
			return l
		}
		return s
	case dossier.TypeList:
		return strings.Join(fs.List(f.Key), "、")
	case dossier.TypePublicity:
		items, _ := raw.([]dossier.PublicityItem)
		var ls []string
		for i, it := range items {
			ls = append(ls, fmt.Sprintf("%d. %s（%s）《%s》", i+1, it.Media, it.Date, it.Title))
		}
		return strings.Join(ls, "\n")
	case dossier.TypeText, dossier.TypeDate:
		return fs.Text(f.Key)
	}
	return fmt.Sprint(raw)
}

// Total is the sum of a count or money field over the teams whose
// figures count, in the column's unit, and whether the field is numeric.
func (v View) Total(f dossier.Field) (float64, bool) {
	switch f.Type {
	case dossier.TypeMoney:
		var sum dossier.Money
		for _, t := range v.Teams {
			if val := t.Value(f); val.IsNum {
				sum += val.Money.Value
			}
		}
		return sum.In(ColumnUnit(f)), true
	case dossier.TypeInt:
		var sum int64
		for _, t := range v.Teams {
			if val := t.Value(f); val.IsNum {
				sum += int64(val.Num)
			}
		}
		return float64(sum), true
	}
	return 0, false
}

// Notes is what the spreadsheet's 备注 says about a team's figures: the
// documents that do not count and why, and the marked values.
func (t TeamRow) Notes(fields []dossier.Field) string {
	var parts []string
	for _, s := range []struct {
		what string
		src  Source
	}{{"调查表", t.Survey}, {"经费决算报告", t.Audit}} {
		if s.src.Present && !s.src.Counts {
			parts = append(parts, s.what+s.src.Reason+"，数据不计入合计")
		}
	}
	var manual, ocr []string
	for _, f := range fields {
		v := t.Value(f)
		if v.Manual {
			manual = append(manual, f.Label)
		} else if v.OCR {
			ocr = append(ocr, f.Label)
		}
	}
	if len(manual) > 0 {
		parts = append(parts, MarkManual+"："+strings.Join(manual, "、"))
	}
	if len(ocr) > 0 {
		parts = append(parts, MarkOCR+"："+strings.Join(ocr, "、"))
	}
	return strings.Join(parts, "；")
}
