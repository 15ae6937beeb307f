package rules

import (
	"fmt"
	"strconv"

	"dossier"
)

// s010: a count is negative, fractional or not a number — whether the
// extractor kept the raw text in d.Invalid or stored the odd number.
func s010(in input) []dossier.Finding {
	var out []dossier.Finding
	for _, fd := range dossier.FieldsOf(dossier.KindSurvey) {
		if fd.Type != dossier.TypeInt {
			continue
		}
		found, bad := "", false
		if raw, ok := in.d.Invalid[fd.Key]; ok {
			found, bad = raw, !blankRaw(fd.Key, raw) // a line left empty is S001's
		} else {
			switch v := in.f[fd.Key].(type) {
			case int64:
				found, bad = strconv.FormatInt(v, 10), v < 0
			case int:
				found, bad = strconv.Itoa(v), v < 0
			case float64:
				found, bad = strconv.FormatFloat(v, 'f', -1, 64), v < 0 || v != float64(int64(v))
			case string:
				found, bad = v, true
			}
		}
		switch {
		case bad && dossier.IsApproximate(found):
			out = append(out, finding("S010", fd.Key, fmt.Sprintf(
				"调查表%s填写为约数“%s”，请填写确切的整数（阿拉伯数字）", label(fd.Key), found)))
		case bad:
			out = append(out, finding("S010", fd.Key, fmt.Sprintf(
				"调查表%s填写为“%s”，应为不小于 0 的整数（阿拉伯数字，没有请填 0）", label(fd.Key), found)))
		}
	}
	return out
}

// activityKeys are the counts of section 三 that activities_total covers.
var activityKeys = []string{
	"guidance_onsite", "guidance_remote", "joint_research", "symposiums", "lectures",
	"training_onsite", "training_remote", "consultations", "demonstrations",
	"free_clinics", "science_lectures", "science_exhibitions",
}

// s011: 总场次 is at least the sum of the activities of section 三.
func s011(in input) []dossier.Finding {
	total, ok := count(in.f, "activities_total")
	if !ok {
		return nil
	}
	var sum int64
	for _, k := range activityKeys {
		n, _ := count(in.f, k)
		sum += n
	}
	if total >= sum {
		return nil
	}
	return []dossier.Finding{finding("S011", "activities_total", fmt.Sprintf(
		"%s填写为 %d 场，少于“三、服务活动开展情况”各项之和 %d 场（技术指导、联合攻关、座谈、讲座、培训、咨询对接、示范带教、义诊、科普等），请核对",
		label("activities_total"), total, sum))}
}

// s012: outcomes without the activity that produces them.
func s012(in input) []dossier.Finding {
	var out []dossier.Finding
	clinics, ok := countOrBlank(in.f, "free_clinics")
	if ok && clinics == 0 {
		if k, n := firstPositive(in.f, "clinic_consultations", "clinic_examinations", "clinic_treatments"); n > 0 {
			out = append(out, finding("S012", k, fmt.Sprintf(
				"%s为 %d 人次，但%s为 0 场；有义诊成效应填写义诊场次，请核对", label(k), n, label("free_clinics"))))
		}
	}
	on, ok1 := countOrBlank(in.f, "training_onsite")
	re, ok2 := countOrBlank(in.f, "training_remote")
	if ok1 && ok2 && on+re == 0 {
		if k, n := firstPositive(in.f, "trained_professionals", "trained_public"); n > 0 {
			out = append(out, finding("S012", k, fmt.Sprintf(
				"%s为 %d 人次，但现场培训、远程培训均为 0 场；有培训成效应填写技术培训场次，请核对", label(k), n)))
		}
	}
	return out
}

func firstPositive(f dossier.Fields, keys ...string) (string, int64) {
	for _, k := range keys {
		if n, ok := count(f, k); ok && n > 0 {
			return k, n
		}
	}
	return "", 0
}

// s013: 有 / 其他 without the description they call for.
func s013(in input) []dossier.Finding {
	var out []dossier.Finding
	if yes, _ := in.f.Bool("support_measures"); yes && !in.f.Filled("support_measures_desc") {
		out = append(out, finding("S013", "support_measures_desc", fmt.Sprintf(
			"%s选择“有”，但未填写%s，请补充具体措施", label("support_measures"), label("support_measures_desc"))))
	}
	for _, s := range list(in.f, "service_fields") {
		if s == "其他" && !in.f.Filled("service_fields_other") {
			out = append(out, finding("S013", "service_fields_other", fmt.Sprintf(
				"%s勾选了“其他”，但未补充具体领域，请填写%s", label("service_fields"), label("service_fields_other"))))
			break
		}
	}
	return out
}
