package dossier

import "regexp"

// FieldType is how a field's value is typed in Fields.
type FieldType int

// Field types (fields.md "Types").
const (
	TypeText      FieldType = iota // string
	TypeInt                        // int64, a non-negative count
	TypeMoney                      // float64, yuan with two decimals (the document may say 万元)
	TypeBool                       // bool: 是/否, 有/无, marks
	TypeDate                       // string, ISO 2026-11-08
	TypeEnum                       // string, one of the documented values
	TypeList                       // []string
	TypePublicity                  // []PublicityItem
)

// Field describes one key of the catalogue: the Chinese label people read,
// its type, the kind of document it belongs to ("" for every kind), the
// section of the form it sits in, and the unit the form writes it in.
type Field struct {
	Key     string
	Label   string
	Type    FieldType
	Kind    Kind
	Section string
	Unit    string // 万元 or 元 for money as written on the form
}

// Catalogue is every field of fields.md, in the order of the forms.
var Catalogue = []Field{
	{Key: "team_name", Label: "服务团名称", Type: TypeText, Kind: "", Section: "身份信息", Unit: ""},
	{Key: "unit", Label: "依托单位", Type: TypeText, Kind: "", Section: "身份信息", Unit: ""},
	{Key: "contact_name", Label: "联系人", Type: TypeText, Kind: "", Section: "身份信息", Unit: ""},
	{Key: "contact_phone", Label: "联系电话", Type: TypeText, Kind: "", Section: "身份信息", Unit: ""},
	{Key: "contact_email", Label: "电子邮箱", Type: TypeText, Kind: "", Section: "身份信息", Unit: ""},
	{Key: "service_mode", Label: "服务形式", Type: TypeEnum, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "service_days", Label: "服务天数（一次服务）", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "batch_count", Label: "服务次数（分批次服务）", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "batch_days_total", Label: "累计服务天数", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "service_fields", Label: "服务领域", Type: TypeList, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "service_fields_other", Label: "服务领域（其他）", Type: TypeText, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "region_cities", Label: "覆盖地市数", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "region_counties", Label: "覆盖区县数", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "region_units", Label: "覆盖企事业单位数", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "key_counties", Label: "是否包含乡村振兴重点帮扶县", Type: TypeBool, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "key_counties_national", Label: "国家级重点帮扶县数", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "key_counties_national_names", Label: "国家级重点帮扶县名称", Type: TypeList, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "key_counties_provincial", Label: "省级重点帮扶县数", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "key_counties_provincial_names", Label: "省级重点帮扶县名称", Type: TypeList, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "activities_total", Label: "开展各类服务活动总场次", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "projects_matched", Label: "对接项目数量", Type: TypeInt, Kind: KindSurvey, Section: "一、服务活动基本情况", Unit: ""},
	{Key: "experts_total", Label: "总人数", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "expert_attendances", Label: "总人次", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "senior_full", Label: "正高级职称", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "senior_deputy", Label: "副高级职称", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "academicians", Label: "两院院士", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "outstanding_professionals", Label: "全国杰出专业技术人员", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "talent_project", Label: "百千万人才工程国家级人选", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "special_allowance", Label: "享受政府特殊津贴专家", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "postdocs", Label: "博士后", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "returnees", Label: "留学回国人员", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "experts_other", Label: "专家人才其他（请补充）", Type: TypeText, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "source_local", Label: "来源：本省（区、市）", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "source_other_province", Label: "来源：外省（区、市）", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "source_hmt", Label: "来源：港澳台", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "source_foreign", Label: "来源：国外", Type: TypeInt, Kind: KindSurvey, Section: "二、参与专家人才情况", Unit: ""},
	{Key: "guidance_onsite", Label: "现场指导（次）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "guidance_remote", Label: "远程指导（次）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "joint_research_form", Label: "联合攻关具体形式", Type: TypeText, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "joint_research", Label: "联合攻关（次）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "symposiums", Label: "座谈交流会（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "lectures", Label: "专题讲座（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "training_onsite", Label: "现场培训（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "training_remote", Label: "远程培训（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "consultations", Label: "咨询对接活动（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "demonstrations", Label: "示范带教（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "free_clinics", Label: "义诊（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "science_lectures", Label: "科普讲座（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "science_exhibitions", Label: "科普展览（场）", Type: TypeInt, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "activities_other", Label: "服务活动其他（请补充）", Type: TypeText, Kind: KindSurvey, Section: "三、服务活动开展情况", Unit: ""},
	{Key: "problems_solved", Label: "破解技术难题（个）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "key_projects", Label: "带动重点科研项目（个）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "new_techniques", Label: "推广新技术新工艺（种）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "new_varieties", Label: "推广新品种（种）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "achievements_transferred", Label: "转化科技成果（项）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "trained_professionals", Label: "培训基层专业技术人员（人次）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "trained_public", Label: "培训群众（人次）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "clinic_consultations", Label: "义诊问诊（人次）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "clinic_examinations", Label: "义诊检查（人次）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "clinic_treatments", Label: "义诊治疗（人次）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "strategic_plans", Label: "指导战略规划（个）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "decision_consulting", Label: "决策咨询（项）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "cooperation_intents", Label: "达成中长期合作意向（个）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "agreements_signed", Label: "签订合作协议（项）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "alliances", Label: "产学研联盟（个）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "entities_founded", Label: "专家领办、联办、协办经济实体（个）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "economic_benefit", Label: "取得经济效益", Type: TypeText, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "social_benefit", Label: "取得社会效益", Type: TypeText, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "industry_impact", Label: "推动产业发展", Type: TypeText, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "beneficiaries", Label: "惠及基层群众（人）", Type: TypeInt, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "outcomes_other", Label: "其他成效", Type: TypeText, Kind: KindSurvey, Section: "四、实施成效", Unit: ""},
	{Key: "organized_by_hrss", Label: "是否由人社部门负责组织实施", Type: TypeBool, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "needs_matched", Label: "前期是否与基层单位对接需求", Type: TypeBool, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "funds_mohrss", Label: "人力资源社会保障部支持资金", Type: TypeMoney, Kind: KindSurvey, Section: "五、组织实施情况", Unit: "万元"},
	{Key: "funds_matching", Label: "配套资金金额", Type: TypeMoney, Kind: KindSurvey, Section: "五、组织实施情况", Unit: "万元"},
	{Key: "funds_matching_source", Label: "配套资金来源", Type: TypeText, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "support_measures", Label: "服务保障措施", Type: TypeBool, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "support_measures_desc", Label: "服务保障措施具体描述", Type: TypeText, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "publicity", Label: "是否开展宣传", Type: TypeBool, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "publicity_items", Label: "宣传情况（媒体名称、发布时间、篇名）", Type: TypePublicity, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "uploaded_materials", Label: "上传材料", Type: TypeList, Kind: KindSurvey, Section: "五、组织实施情况", Unit: ""},
	{Key: "auditor", Label: "会计师事务所", Type: TypeText, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "report_no", Label: "报告文号", Type: TypeText, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "report_date", Label: "报告日期", Type: TypeDate, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "opinion", Label: "审计意见", Type: TypeEnum, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "received_mohrss", Label: "人力资源社会保障部支持资金（到位）", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "received_municipal", Label: "市级经费（到位）", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "received_total", Label: "到位资金合计", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "spent_expert_fees", Label: "专家劳务费", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "spent_travel", Label: "差旅费", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "spent_meetings", Label: "会议费", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "spent_training", Label: "培训费", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "spent_materials", Label: "资料印刷费", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "spent_other", Label: "其他支出", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "spent_total", Label: "实际支出合计", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "balance", Label: "结余资金", Type: TypeMoney, Kind: KindAudit, Section: "经费决算与审计报告", Unit: "元"},
	{Key: "balance_explanation", Label: "结余资金专项说明", Type: TypeText, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "balance_refunded", Label: "结余资金已退回", Type: TypeBool, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "service_start", Label: "服务活动开始日期", Type: TypeDate, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "service_end", Label: "服务活动结束日期", Type: TypeDate, Kind: KindAudit, Section: "经费决算与审计报告", Unit: ""},
	{Key: "title", Label: "标题", Type: TypeText, Kind: KindSummary, Section: "总结与影像资料", Unit: ""},
	{Key: "text_chars", Label: "正文字数", Type: TypeInt, Kind: KindSummary, Section: "总结与影像资料", Unit: ""},
	{Key: "photo_count", Label: "照片数量", Type: TypeInt, Kind: KindPhotos, Section: "总结与影像资料", Unit: ""},
	{Key: "captions", Label: "照片说明", Type: TypeList, Kind: KindPhotos, Section: "总结与影像资料", Unit: ""},
}

// FieldByKey returns the catalogue entry for key.
func FieldByKey(key string) (Field, bool) {
	for _, f := range Catalogue {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// LabelOf is the field's Chinese label, or the key itself when unknown.
func LabelOf(key string) string {
	if f, ok := FieldByKey(key); ok {
		return f.Label
	}
	return key
}

// FieldsOf lists the catalogue's fields of a kind, identity fields first.
func FieldsOf(k Kind) []Field {
	var out []Field
	for _, f := range Catalogue {
		if f.Kind == "" || f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// ServiceFieldNames are the 服务领域 choices of 附件4, in form order.
var ServiceFieldNames = []string{"农业", "林业", "畜牧业", "渔业", "环保", "机械制造", "能源", "冶金", "化工", "通讯", "交通", "电商服务", "医疗", "生物医药", "教育", "文旅", "人工智能", "城乡规划", "产业规划"}

// Opinion labels (audit opinion enum → Chinese).
var OpinionLabels = map[string]string{
	"unqualified": "无保留意见",
	"qualified":   "保留意见",
	"adverse":     "否定意见",
	"disclaimer":  "无法表示意见",
}

// ServiceModeLabels (survey service_mode enum → Chinese).
var ServiceModeLabels = map[string]string{"once": "一次服务", "batches": "分批次服务"}

// approxRe finds a count written as an estimate: 约50场, 近700人, 100余人,
// 8亿多元, 300人左右, 超过20个.
var approxRe = regexp.MustCompile(`^\s*(?:约|近|大约|约计|超过|逾|将近|接近|不少于|至少)\s*[0-9０-９]|[0-9０-９]\s*(?:十|百|千|万|亿)?\s*(?:余|多)\s*(?:万|亿)?\s*\p{Han}{0,3}\s*$|[0-9０-９]\s*(?:万|亿)?\s*\p{Han}{0,3}\s*(?:左右|以上|上下)\s*$`)

// IsApproximate reports whether a value's raw text is an estimate rather
// than a figure. The extractor records such a count in Document.Invalid
// with its raw text (it is not a number the rules can add up); S010 then
// asks for the exact figure.
func IsApproximate(raw string) bool {
	return approxRe.MatchString(raw)
}
