package parse

import (
	"regexp"
	"strings"
	"unicode"

	"dossier"
)

// Words that mark each kind's content, with weights.
var (
	surveyWords = map[string]int{
		"实施成效调查表": 4, "调查表": 1, "服务形式": 2, "服务领域": 2, "专家人才来源": 2, "总人次": 2, "总人数": 1,
		"破解技术难题": 2, "对接项目数量": 2, "惠及基层群众": 1, "组织实施情况": 1, "分批次服务": 2, "一次服务": 1,
		"累计服务天数": 2, "正高级职称": 1, "科普展览": 1, "示范带教": 1, "重点帮扶县": 1, "专题讲座": 1,
	}
	auditWords = map[string]int{
		"审计报告": 3, "会计师事务所": 3, "审计意见": 3, "注册会计师": 2, "决算": 2, "无保留意见": 2, "保留意见": 1,
		"经费收支": 2, "结余资金": 1, "支出合计": 2, "到位资金": 2, "专家劳务费": 1, "差旅费": 1, "审字": 2, "会审字": 1,
	}
	summaryWords = map[string]int{
		"工作成效总结": 4, "工作总结": 3, "成效总结": 3, "年度总结": 3, "总结": 2, "服务团": 1, "专家": 1, "基层": 1,
	}
	photoWords = map[string]int{
		"影像资料": 3, "影像图片": 3, "现场照片": 3, "照片": 2, "图片": 1, "图：": 2, "现场": 1, "说明": 1,
	}
)

// summaryHeadRe is how a summary's title names its kind: …工作总结,
// …工作小结, …工作情况汇报, 关于…开展…情况的报告.
var summaryHeadRe = regexp.MustCompile(`总结|小结|工作汇报|情况汇报|情况的?报告`)

func score(s string, words map[string]int) int {
	n := 0
	for w, v := range words {
		if strings.Contains(s, w) {
			n += v
		}
	}
	return n
}

// nameHint is the kind a file name suggests, if any.
func nameHint(name string) dossier.Kind {
	n := Fold(name)
	switch {
	case strings.Contains(n, "调查表") || strings.Contains(n, "附件4"):
		return dossier.KindSurvey
	case strings.Contains(n, "审计") || strings.Contains(n, "决算"):
		return dossier.KindAudit
	case summaryHeadRe.MatchString(n):
		return dossier.KindSummary
	case strings.Contains(n, "照片") || strings.Contains(n, "影像") || strings.Contains(n, "图片") || strings.Contains(n, "现场"):
		return dossier.KindPhotos
	}
	return ""
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// DetectKind decides a document's kind from its content first and its
// file name as a hint: the survey's and the audit report's own wording,
// a summary's title and prose, photos as images with captions.
func DetectKind(name, text string, pages, images int, isImage bool) dossier.Kind {
	if isImage {
		return dossier.KindPhotos
	}
	s := Fold(text)
	flat := strings.Join(strings.Fields(s), "")
	hint := nameHint(name)
	han := hanCount(flat)
	sv, au := score(flat, surveyWords), score(flat, auditWords)
	bonus := func(k dossier.Kind) int {
		if hint == k {
			return 3
		}
		return 0
	}
	sv += bonus(dossier.KindSurvey)
	au += bonus(dossier.KindAudit)
	if han < 10 {
		// No usable text: a scan, an image PDF, or nothing. Only the name can tell.
		if hint != "" && (hint != dossier.KindPhotos || images > 0 || pages > 0) {
			return hint
		}
		if images > 0 && hint == dossier.KindPhotos {
			return dossier.KindPhotos
		}
		return dossier.KindUnknown
	}
	if sv >= 8 && sv >= au {
		return dossier.KindSurvey
	}
	if au >= 8 && au > sv {
		return dossier.KindAudit
	}
	head := strings.Join(firstLines(s, 3), "")
	if images > 0 {
		capLines := 0
		for _, l := range nonEmptyLines(s) {
			if captionRe.MatchString(l) {
				capLines++
			}
		}
		perImage := han / images
		if capLines > 0 || (perImage < 80 && (score(flat, photoWords) >= 2 || hint == dossier.KindPhotos)) {
			return dossier.KindPhotos
		}
	}
	if summaryHeadRe.MatchString(head) || (hint == dossier.KindSummary && han >= 30) {
		return dossier.KindSummary
	}
	if sv >= 5 && hint == dossier.KindSurvey {
		return dossier.KindSurvey
	}
	if au >= 5 && hint == dossier.KindAudit {
		return dossier.KindAudit
	}
	if han >= 300 && score(flat, summaryWords) >= 3 && strings.Contains(flat, "服务团") {
		return dossier.KindSummary
	}
	if hint == dossier.KindPhotos && (images > 0 || score(head, photoWords) >= 2) {
		return dossier.KindPhotos
	}
	if images > 0 && strings.Contains(head, "照片") || strings.Contains(head, "影像") {
		return dossier.KindPhotos
	}
	return dossier.KindUnknown
}

func firstLines(s string, n int) []string {
	l := nonEmptyLines(s)
	if len(l) > n {
		l = l[:n]
	}
	return l
}
