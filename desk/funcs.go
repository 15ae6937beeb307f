package desk

import (
	"cmp"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/status"
)

// funcs are the templates' helpers; times are shown in the programme's
// zone (Asia/Shanghai).
func (d *Desk) funcs() template.FuncMap {
	loc := d.svc.Programme().Location()
	return template.FuncMap{
		"kind":     status.ShortKind,
		"verdict":  func(v dossier.Verdict) string { return v.Label() },
		"severity": func(s dossier.Severity) string { return s.Label() },
		"level":    func(l dossier.Level) string { return l.Label() },
		"when": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.In(loc).Format("2006-01-02 15:04")
		},
		"date": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.In(loc).Format("2006-01-02")
		},
		"pct":   func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
		"why":   whyLabel,
		"label": dossier.LabelOf,
		"add":   func(a, b int) int { return a + b },
	}
}

// whyLabel says in Chinese why a document waits for a clerk.
func whyLabel(code string) string {
	switch code {
	case "F009":
		return "扫描件，未能可靠识别内容"
	case "F012":
		return "文字识别（OCR）结果把握不足"
	case "F006":
		return "未能识别所属服务团"
	case "F007":
		return "未能识别材料类型"
	case "F011":
		return "材料所写服务团与所在文件夹不符"
	case "low_confidence":
		return "部分字段识别把握不足"
	case "review":
		return "待人工审核"
	}
	return code
}

// fieldText is a field's value as a clerk reads and types it: money in
// yuan with two decimals, 是/否, lists joined by 、. ok is false for a
// value the desk cannot edit (the publicity list).
func fieldText(v any) (s string, ok bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', 2, 64), true
	case bool:
		if x {
			return "是", true
		}
		return "否", true
	case []string:
		return strings.Join(x, "、"), true
	case []dossier.PublicityItem:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = strings.TrimSpace(p.Date + " " + p.Media + " " + p.Title)
		}
		return strings.Join(parts, "；"), false
	}
	return fmt.Sprint(v), false
}

// displayText is a field's value as a page shows it: money with
// thousands separators, an enum by its Chinese label.
func displayText(key string, v any) string {
	if f, ok := v.(float64); ok {
		if fd, ok := dossier.FieldByKey(key); ok && fd.Type == dossier.TypeMoney {
			return money(f)
		}
	}
	s, _ := fieldText(v)
	if fd, ok := dossier.FieldByKey(key); ok && fd.Type == dossier.TypeEnum {
		return enumLabel(key, s)
	}
	return s
}

// money writes yuan as 1,234,567.89.
func money(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}

// pathLike finds absolute paths in an error text, which a page must not
// show.
var pathLike = regexp.MustCompile(`(?:[A-Za-z]:)?[/\\][^\s:"']+`)

// scrub removes server paths from a technical message before a page
// shows it.
func scrub(s string) string {
	s = pathLike.ReplaceAllString(s, "…")
	if len([]rune(s)) > 200 {
		s = string([]rune(s)[:200]) + "…"
	}
	return s
}

// catalogueOrder sorts field keys in the forms' order, unknown keys last.
func catalogueOrder(keys []string) []string {
	idx := func(k string) int {
		for i, f := range dossier.Catalogue {
			if f.Key == k {
				return i
			}
		}
		return len(dossier.Catalogue)
	}
	slices.SortStableFunc(keys, func(a, b string) int {
		if c := cmp.Compare(idx(a), idx(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return keys
}
