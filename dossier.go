// Package dossier is the bureau's vocabulary: teams and their registry,
// the kinds of document a team must send, the fields read from them, the
// findings the rules make and the verdict they lead to, and the programme's
// calendar and grants. It imports nothing of ours; every stage of the
// daemon (watcher, inbox, extract, rules, ledger, notify, render) speaks in
// these types.
package dossier

// Kind is the kind of document a team submits (fields.md, "Document kinds").
type Kind string

// The four materials of the notice, and unknown.
const (
	KindSurvey  Kind = "survey"
	KindAudit   Kind = "audit"
	KindSummary Kind = "summary"
	KindPhotos  Kind = "photos"
	KindUnknown Kind = "unknown"
)

// Kinds lists the materials every team owes, in the order the bureau reads them.
var Kinds = []Kind{KindSurvey, KindAudit, KindSummary, KindPhotos}

// Label is the kind's name in the notice's own terms.
func (k Kind) Label() string {
	switch k {
	case KindSurvey:
		return "实施成效调查表"
	case KindAudit:
		return "经费决算报告及第三方审计报告"
	case KindSummary:
		return "工作成效总结"
	case KindPhotos:
		return "服务现场影像图片资料及说明"
	}
	return "无法识别的材料"
}

// Format is a file's real format, sniffed from its bytes.
type Format string

// Formats dossier reads, and the ones it recognises only to refuse.
const (
	FormatPDF     Format = "pdf"
	FormatXLSX    Format = "xlsx"
	FormatJPEG    Format = "jpeg"
	FormatPNG     Format = "png"
	FormatLegacy  Format = "legacy-office" // .xls/.doc/.et/.wps (OLE2)
	FormatDOCX    Format = "docx"
	FormatUnknown Format = "unknown"
)

// Severity of a finding (rules.md).
type Severity string

// Severities: an error rejects the document, a warning flags it, info records.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Label is the severity in Chinese.
func (s Severity) Label() string {
	switch s {
	case SeverityError:
		return "错误"
	case SeverityWarning:
		return "提示"
	}
	return "信息"
}

// Verdict is the decision on one document.
type Verdict string

// Verdicts (cli.md).
const (
	VerdictAccepted Verdict = "accepted"
	VerdictRejected Verdict = "rejected"
	VerdictReview   Verdict = "review"
)

// Label is the verdict in Chinese.
func (v Verdict) Label() string {
	switch v {
	case VerdictAccepted:
		return "已受理"
	case VerdictRejected:
		return "退回"
	case VerdictReview:
		return "待人工审核"
	}
	return string(v)
}

// Finding is one thing a rule found. Message is Chinese and complete: it
// names the field, the value found and what was expected.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Field    string   `json:"field,omitempty"`
	Message  string   `json:"message"`
	// Unsure marks an error that rests on a value read without certainty
	// (OCR, a loose label match): it is kept as a warning and the document
	// waits for a clerk instead of being rejected (rules.SoftenUnsure).
	Unsure bool `json:"unsure,omitempty"`
}

// VerdictOf is the verdict that findings lead to: any error rejects; a
// scan (F009) or a document whose content names another team (F011)
// without errors waits for review; otherwise accepted.
func VerdictOf(findings []Finding) Verdict {
	review := false
	for _, f := range findings {
		if f.Severity == SeverityError {
			return VerdictRejected
		}
		if f.Rule == "F009" || f.Rule == "F011" || f.Unsure ||
			(f.Rule == "F012" && f.Severity == SeverityWarning) {
			review = true
		}
	}
	if review {
		return VerdictReview
	}
	return VerdictAccepted
}
