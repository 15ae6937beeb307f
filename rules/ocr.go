package rules

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"golang.org/x/text/width"

	"dossier"
)

// SumSet is a set of amounts or counts that check one another: a total
// and its parts. Read by OCR, a set that adds up as read is trusted (one
// misread digit breaks a sum); one that does not is not.
type SumSet struct {
	Name   string   // "received", "spent", "balance", "sources", "activities"
	Fields []string // the total first, then its parts
	Holds  bool
	// Exact: the set can confirm its fields (an equation). S011's
	// activities_total ≥ the section's counts can only refute them.
	Exact bool
}

// Sums returns the arithmetic sets of a document of kind whose fields
// were read (a set with its total or every part missing is left out):
// the audit's 到位资金合计 = the two grants, 实际支出合计 = the spending
// lines, 结余 = 到位 − 支出 (A002); the survey's experts by source (S005)
// and its activities (S011).
func Sums(kind dossier.Kind, f dossier.Fields) []SumSet {
	var out []SumSet
	add := func(name string, total string, parts []string, exact bool, holds func(t, sum float64) bool) {
		t, ok := f.Money(total)
		if !ok {
			return
		}
		sum, any := 0.0, false
		fields := []string{total}
		for _, p := range parts {
			if v, ok := f.Money(p); ok {
				sum += v
				any = true
				fields = append(fields, p)
			}
		}
		if !any {
			return
		}
		out = append(out, SumSet{Name: name, Fields: fields, Exact: exact, Holds: holds(t, sum)})
	}
	eq := func(t, s float64) bool { return cents(t) == cents(s) }
	switch kind {
	case dossier.KindAudit:
		add("received", "received_total", []string{"received_mohrss", "received_municipal"}, true, eq)
		add("spent", "spent_total", spentKeys, true, eq)
		total, ok1 := f.Money("received_total")
		spent, ok2 := f.Money("spent_total")
		if bal, ok3 := f.Money("balance"); ok1 && ok2 && ok3 {
			out = append(out, SumSet{Name: "balance", Fields: []string{"balance", "received_total", "spent_total"},
				Exact: true, Holds: cents(total)-cents(spent) == cents(bal)})
		}
	case dossier.KindSurvey:
		add("sources", "experts_total", sourceKeys, true, eq)
		add("activities", "activities_total", activityKeys, false, func(t, s float64) bool { return t >= s })
	}
	return out
}

// TrustSums returns conf adjusted by the sums: the fields of an exact set
// that holds are raised to at least threshold (they confirm one another);
// the fields of a set that does not hold are lowered below it. conf is
// not modified; fields absent from conf (read with certainty) stay absent.
func TrustSums(conf map[string]float64, sets []SumSet, threshold float64) map[string]float64 {
	out := make(map[string]float64, len(conf))
	for k, v := range conf {
		out[k] = v
	}
	below := math.Max(0, threshold-0.01)
	for _, s := range sets {
		if !s.Holds || !s.Exact {
			continue
		}
		for _, k := range s.Fields {
			if v, ok := out[k]; ok && v < threshold {
				out[k] = threshold
			}
		}
	}
	for _, s := range sets { // a broken sum outweighs another that holds
		if s.Holds {
			continue
		}
		for _, k := range s.Fields {
			if v, ok := out[k]; ok && v > below {
				out[k] = below
			}
		}
	}
	return out
}

// Required lists the fields F012 requires to be read with confidence for
// a document's verdict to stand: those of A001 or S001 — on a survey the
// service form too, unless the days or batches filled in imply it (S001
// then asks nothing of the boxes).
func Required(kind dossier.Kind, f dossier.Fields) []string {
	switch kind {
	case dossier.KindAudit:
		return auditRequired
	case dossier.KindSurvey:
		if !modeImplied(f) {
			return append([]string{"service_mode"}, requiredOf(f)...)
		}
		return requiredOf(f)
	}
	return nil
}

// Unsure returns the required fields (Required) whose reading is in
// doubt: read below threshold (conf), or, in a document read by OCR, not
// read at all; sorted. Other fields in doubt hold the verdict back only
// when a finding rests on them (SoftenUnsure).
func Unsure(kind dossier.Kind, f dossier.Fields, conf map[string]float64, threshold float64, ocr bool) []string {
	seen := map[string]bool{}
	for _, k := range Required(kind, f) {
		if v, ok := conf[k]; ok && v < threshold {
			seen[k] = true
		}
		if v, ok := conf[k]; ocr && !f.Filled(k) && (!ok || v < threshold) {
			// not read; a value read as invalid with certainty (conf at
			// or above threshold: a double tick the boxes show) is read
			seen[k] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// F012 is the finding for a document read by OCR (n fields): info when
// every required field was read at or above threshold, its sums hold and
// no error finding was softened (SoftenUnsure) — the rules' verdict
// stands — or a warning that sends it to a clerk with
// its fields pre-filled, naming the fields in doubt and the sums that do
// not add up. review reports the latter.
func F012(d dossier.Document, n int, unsure []string, sets []SumSet, softened bool, threshold float64) (f dossier.Finding, review bool) {
	var broken []string
	for _, s := range sets {
		if !s.Holds && s.Exact {
			broken = append(broken, label(s.Fields[0]))
		}
	}
	msg := fmt.Sprintf("本文件为扫描件或拍照件，已经文字识别（OCR）读取 %d 项内容", n)
	if len(unsure) == 0 && len(broken) == 0 && !softened {
		return dossier.Finding{Rule: "F012", Severity: dossier.SeverityInfo,
			Message: msg + fmt.Sprintf("，审核所依据的各项内容识别把握均不低于 %.0f%%，金额合计相符，按识别结果审核", threshold*100)}, false
	}
	var why []string
	if len(unsure) > 0 {
		names := make([]string, 0, len(unsure))
		for _, k := range unsure {
			names = append(names, label(k))
		}
		why = append(why, fmt.Sprintf("%s识别把握不足 %.0f%%或未能识别", strings.Join(names, "、"), threshold*100))
	}
	if len(broken) > 0 {
		why = append(why, strings.Join(broken, "、")+"按识别结果合计不符")
	}
	if softened && len(why) == 0 {
		why = append(why, "有审核意见所依据的内容识别把握不足")
	}
	return dossier.Finding{Rule: "F012", Severity: dossier.SeverityWarning,
		Message: msg + "；" + strings.Join(why, "；") + "，已预填识别结果，待工作人员核对"}, true
}

// ruleFields are the fields each content rule reads beyond its finding's
// own Field: an error resting on any of them rests on their reading.
var ruleFields = map[string][]string{
	"S003": {"experts_total", "expert_attendances"},
	"S004": {"senior_full", "senior_deputy", "experts_total"},
	"S005": append([]string{"experts_total"}, sourceKeys...),
	"S006": {"key_counties", "key_counties_national", "key_counties_provincial", "key_counties_national_names", "key_counties_provincial_names"},
	"S007": {"publicity", "publicity_items"},
	"S011": append([]string{"activities_total"}, activityKeys...),
	"A002": append([]string{"received_total", "received_mohrss", "received_municipal", "spent_total", "balance"}, spentKeys...),
	"A003": {"received_total", "received_mohrss", "received_municipal"},
	"A004": {"balance", "balance_explanation"},
	"A007": {"auditor"},
}

// SoftenUnsure keeps a misreading from rejecting a document: an error
// finding that rests on a value read with confidence below threshold
// (conf: field → 0..1; a field absent from conf was read with certainty)
// becomes a warning, and the document waits for a clerk instead. It is
// the one place this is decided, for OCR and for loose label matches
// alike. It returns the findings (a new slice) and whether any changed.
func SoftenUnsure(fs []dossier.Finding, conf map[string]float64, threshold float64) ([]dossier.Finding, bool) {
	out := make([]dossier.Finding, len(fs))
	changed := false
	for i, f := range fs {
		out[i] = f
		if f.Severity != dossier.SeverityError || !restsOnUnsure(f, conf, threshold) {
			continue
		}
		out[i].Severity = dossier.SeverityWarning
		out[i].Unsure = true
		out[i].Message = f.Message + "（该项为识别结果，把握不足，待工作人员核对后再定）"
		changed = true
	}
	return out, changed
}

// s002Fields: S002 names the field it found wrong; what else that finding
// rests on depends on which. "未勾选" or "两种形式均已填写" on service_mode
// rests on the box alone: had the days or batches been misread, the blank
// box would still be an error (S002 or S001), so the verdict stands.
var s002Fields = map[string][]string{
	"service_days":     {"service_mode"},
	"batch_count":      {"service_mode"},
	"batch_days_total": {"service_mode", "batch_count"},
}

// RestsOn lists the fields a finding rests on: its own and those its
// rule reads beside it.
func RestsOn(f dossier.Finding) []string {
	more := ruleFields[f.Rule]
	if f.Rule == "S002" {
		more = s002Fields[f.Field]
	}
	keys := []string{}
	if f.Field != "" {
		keys = append(keys, f.Field)
	}
	return append(keys, more...)
}

func restsOnUnsure(f dossier.Finding, conf map[string]float64, threshold float64) bool {
	for _, k := range RestsOn(f) {
		if v, ok := conf[k]; ok && v < threshold {
			return true
		}
	}
	return false
}

// phraseRead: fields the rules read only for a fixed phrase in them. The
// auditor matters to A001 (present) and A007 (a 会计师事务所); a firm's
// name misread elsewhere ("金肪" for "金茂", the seal over "上海") changes
// neither, and six characters misread into exactly 会计师事务所 do not
// happen by chance: the phrase, read whole, confirms itself.
var phraseRead = map[string]string{"auditor": "会计师事务所"}

// Settled returns conf as the rules read it: a field of phraseRead that
// holds its phrase is raised to at least threshold, so that its doubtful
// other characters neither hold the verdict back nor soften a finding
// (none rests on them). conf is not modified; the confidence shown for
// the field stays its reading's.
func Settled(f dossier.Fields, conf map[string]float64, threshold float64) map[string]float64 {
	out := make(map[string]float64, len(conf))
	for k, v := range conf {
		out[k] = v
	}
	for k, phrase := range phraseRead {
		v, ok := out[k]
		if !ok || v >= threshold {
			continue
		}
		if strings.Contains(strings.ReplaceAll(width.Fold.String(f.Text(k)), " ", ""), phrase) {
			out[k] = threshold
		}
	}
	return out
}
