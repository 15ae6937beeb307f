package rules

import (
	"fmt"
	"strings"

	"dossier"
)

// surveyRequired are the fields S001 requires whatever the service form;
// the days/counts of the chosen form are added by requiredOf. service_mode
// is required too: left unticked it is S001 alone;
// ticked twice it is S002's alone.
var surveyRequired = []string{
	"team_name", "service_fields", "region_cities", "region_counties", "region_units",
	"key_counties", "activities_total", "projects_matched", "experts_total", "expert_attendances",
	"senior_full", "senior_deputy", "source_local", "source_other_province", "source_hmt", "source_foreign",
	"beneficiaries", "organized_by_hrss", "needs_matched", "funds_matching", "support_measures", "publicity",
}

func requiredOf(f dossier.Fields) []string {
	switch f.Text("service_mode") {
	case "once":
		return append([]string{"service_days"}, surveyRequired...)
	case "batches":
		return append([]string{"batch_count", "batch_days_total"}, surveyRequired...)
	}
	return surveyRequired
}

// s001: a required field is not filled in. A field filled with something
// unreadable is S010's when it is a count; otherwise it is reported here.
func s001(in input) []dossier.Finding {
	var out []dossier.Finding
	if _, twice := in.d.Invalid["service_mode"]; !twice && !in.f.Filled("service_mode") && !modeImplied(in.f) {
		out = append(out, finding("S001", "service_mode", fmt.Sprintf(
			"调查表%s未勾选，此项为必填项，请在“①一次服务”和“②分批次服务”中选择一项", label("service_mode"))))
	}
	for _, key := range requiredOf(in.f) {
		raw, bad := in.d.Invalid[key]
		if bad && !blankRaw(key, raw) {
			if fd, _ := dossier.FieldByKey(key); fd.Type != dossier.TypeInt {
				out = append(out, finding("S001", key, fmt.Sprintf(
					"调查表%s填写为“%s”，无法识别，应填写%s", label(key), raw, expectedOf(key))))
			}
			continue
		}
		if key == "service_fields" && in.f.Filled("service_fields_other") {
			continue
		}
		if bad || !in.f.Filled(key) {
			out = append(out, notFilled(key))
		}
	}
	return out
}

// notFilled is S001 for a required field left empty; a yes/no item is
// chosen, not written.
func notFilled(key string) dossier.Finding {
	if fd, _ := dossier.FieldByKey(key); fd.Type == dossier.TypeBool {
		return finding("S001", key, fmt.Sprintf(
			"调查表%s未作选择，此项为必填项，请选择%s", label(key), expectedOf(key)))
	}
	return finding("S001", key, fmt.Sprintf(
		"调查表%s未填写，此项为必填项，请填写%s", label(key), expectedOf(key)))
}

// expectedOf says what a field wants, for a notice.
func expectedOf(key string) string {
	fd, _ := dossier.FieldByKey(key)
	switch {
	case key == "service_fields":
		return "至少一个服务领域"
	case key == "key_counties":
		return "“是”或“否”"
	case key == "support_measures" || key == "publicity":
		return "“有”或“无”"
	case fd.Type == dossier.TypeBool:
		return "“是”或“否”"
	case fd.Type == dossier.TypeInt:
		return "一个整数（没有请填 0）"
	case fd.Type == dossier.TypeMoney:
		return "金额（" + fd.Unit + "）"
	}
	return "相应内容"
}

// s002: the service form is exactly one of 一次服务 / 分批次服务, with
// days (once) or batches and days (batches) that make sense.
func s002(in input) []dossier.Finding {
	switch in.f.Text("service_mode") {
	case "once":
		if n, ok := count(in.f, "service_days"); ok && n < 1 {
			return []dossier.Finding{finding("S002", "service_days", fmt.Sprintf(
				"服务形式为“一次服务”，%s填写为 %d 天，应不少于 1 天", label("service_days"), n))}
		}
		return nil
	case "batches":
		var out []dossier.Finding
		b, bok := count(in.f, "batch_count")
		if bok && b < 2 {
			out = append(out, finding("S002", "batch_count", fmt.Sprintf(
				"服务形式为“分批次服务”，%s填写为 %d 次，分批次服务应不少于 2 次（只服务 1 次的请选择“一次服务”）", label("batch_count"), b)))
		}
		if days, ok := count(in.f, "batch_days_total"); ok && bok && b >= 1 && days < b {
			out = append(out, finding("S002", "batch_days_total", fmt.Sprintf(
				"%s %d 天少于%s %d 次，每批次至少服务 1 天，请核对", label("batch_days_total"), days, label("batch_count"), b)))
		}
		return out
	}
	found := ""
	if raw, ok := in.d.Invalid["service_mode"]; ok && raw != "" {
		found = "填写为“" + raw + "”"
	} else if in.f.Text("service_mode") != "" {
		found = "填写为“" + in.f.Text("service_mode") + "”"
	} else if in.f.Filled("service_days") && (in.f.Filled("batch_count") || in.f.Filled("batch_days_total")) {
		found = "两种形式均已填写"
	}
	if found == "" && modeImplied(in.f) {
		found = "未勾选"
	}
	if found == "" {
		return nil // left blank altogether: S001's alone (one defect, one finding)
	}
	return []dossier.Finding{finding("S002", "service_mode", fmt.Sprintf(
		"调查表%s%s，应在“①一次服务”和“②分批次服务”中二者选一（一次服务填服务天数，分批次服务填服务次数和累计服务天数）",
		label("service_mode"), found))}
}

// s003: 总人数 cannot exceed 总人次.
func s003(in input) []dossier.Finding {
	total, ok1 := count(in.f, "experts_total")
	att, ok2 := count(in.f, "expert_attendances")
	if !ok1 || !ok2 || total <= att {
		return nil
	}
	return []dossier.Finding{finding("S003", "experts_total", fmt.Sprintf(
		"专家人才%s %d 人多于%s %d 人次；总人数不重复计算，总人次为各批次人数之和，总人数不应超过总人次，请核对",
		label("experts_total"), total, label("expert_attendances"), att))}
}

// s004: senior titles cannot outnumber the experts.
func s004(in input) []dossier.Finding {
	total, ok1 := count(in.f, "experts_total")
	full, ok2 := count(in.f, "senior_full")
	deputy, ok3 := count(in.f, "senior_deputy")
	if !ok1 || !ok2 || !ok3 || full+deputy <= total {
		return nil
	}
	return []dossier.Finding{finding("S004", "senior_full", fmt.Sprintf(
		"%s %d 人与%s %d 人合计 %d 人，超过专家人才%s %d 人，请核对",
		label("senior_full"), full, label("senior_deputy"), deputy, full+deputy, label("experts_total"), total))}
}

var sourceKeys = []string{"source_local", "source_other_province", "source_hmt", "source_foreign"}

// s005: the four sources add up to 总人数.
func s005(in input) []dossier.Finding {
	total, ok := count(in.f, "experts_total")
	if !ok {
		return nil
	}
	var sum int64
	parts := ""
	for i, k := range sourceKeys {
		n, ok := count(in.f, k)
		if !ok {
			return nil // blank or unreadable: S001 / S010
		}
		sum += n
		if i > 0 {
			parts += "、"
		}
		parts += fmt.Sprintf("%s %d", strings.TrimPrefix(dossier.LabelOf(k), "来源："), n)
	}
	if sum == total {
		return nil
	}
	return []dossier.Finding{finding("S005", "experts_total", fmt.Sprintf(
		"专家人才来源合计 %d 人（%s），与%s %d 人不一致，来源四项之和应等于总人数",
		sum, parts, label("experts_total"), total))}
}

// modeImplied: the service form's box is unticked but the days or batches
// of a form are filled in. That is S002's (pick exactly one), not also
// S001's; a form left blank altogether is S001's alone.
func modeImplied(f dossier.Fields) bool {
	return f.Filled("service_days") || f.Filled("batch_count") || f.Filled("batch_days_total")
}
