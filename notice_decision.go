package dossier

// Notice types of a clerk's decision (desk.md, "A decision"): the outcome
// of a document that waited for a clerk, and the correction of an outcome
// the unit was already told.
const (
	NoticeDecision   NoticeType = "decision"   // 审核结果通知: a document that waited for review is settled
	NoticeCorrection NoticeType = "correction" // 更正通知: an earlier verdict, team, kind or value is corrected
)

// Label is the notice type's title in Chinese.
func (t NoticeType) Label() string {
	switch t {
	case NoticeRejection:
		return "退回通知"
	case NoticeAcceptance:
		return "受理通知"
	case NoticeReview:
		return "待审核通知"
	case NoticeSupersede:
		return "材料更新通知"
	case NoticeReminder:
		return "报送提醒"
	case NoticeDecision:
		return "审核结果通知"
	case NoticeCorrection:
		return "更正通知"
	}
	return string(t)
}
