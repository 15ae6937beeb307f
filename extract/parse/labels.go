package parse

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A label is one way a form writes a field's label. Literal labels match
// across line breaks and spaces ("百千万人才工程国家级人\n选").
type label struct {
	key     string // catalogue key, "" for a heading, or a pseudo key (@…)
	re      *regexp.Regexp
	needNum bool // in running text, counts only when a number or blank follows
	colon   bool // in running text, counts only at a line start or before a colon
	exact   string
	// strict is the label without the extra words loosen allows; of two
	// matches over the same text the one that needs none wins.
	strict *regexp.Regexp
	// inWord: the label's words also occur inside values (组建联合攻关小组):
	// with Han characters right before and after it is a value's word.
	inWord bool
}

// Pseudo keys resolved by position.
const (
	keyOther = "@other" // 其他: the section decides which *_other
	keyNames = "@names" // 分别是: names of the county count just before
	keyDesc  = "@desc"  // （具体描述）: description of the item just before
	keyMedia = "@media"
	keyDate  = "@date"
	keyTitle = "@title"
	keyMode  = "@mode"
	keySec   = "@sec" // a section heading; the section number is in exact
)

func lit(key string, needNum bool, words ...string) []label {
	var out []label
	for _, w := range words {
		out = append(out, label{key: key, re: regexp.MustCompile(spaced(w)), needNum: needNum, exact: w})
	}
	return out
}

func rx(key string, needNum bool, pats ...string) []label {
	var out []label
	for _, p := range pats {
		out = append(out, label{key: key, re: regexp.MustCompile(spacedRx(p)), needNum: needNum})
	}
	return out
}

// spacedRx lets a pattern's words break over lines as literal labels do
// ("是否有对参加服务活动专家人才的服务\n保障措施"): white space may stand
// between two Han characters, and between a Han character and a group
// next to it. Character classes and patterns anchored to lines ((?m))
// are left as written.
func spacedRx(p string) string {
	if strings.HasPrefix(p, "(?m)") {
		return p
	}
	var b strings.Builder
	rs := []rune(p)
	class, prevHan, prevClose := false, false, false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs):
			b.WriteRune(r)
			b.WriteRune(rs[i+1])
			i++
			prevHan, prevClose = false, false
			continue
		case class:
			class = r != ']'
		case r == '[':
			class = true
		case isHan(r):
			if prevHan || prevClose {
				b.WriteString(`\s*`)
			}
			b.WriteRune(r)
			prevHan, prevClose = true, false
			continue
		case r == '(' && prevHan:
			b.WriteString(`\s*`)
		case r == ')':
			b.WriteRune(r)
			if i+1 < len(rs) && strings.ContainsRune("?*+", rs[i+1]) {
				b.WriteRune(rs[i+1])
				i++
			}
			prevHan, prevClose = false, true
			continue
		}
		b.WriteRune(r)
		prevHan, prevClose = false, false
	}
	return b.String()
}

// spaced turns a literal into a pattern that allows white space between its
// characters and either width of brackets and colons.
func spaced(w string) string {
	var b strings.Builder
	for i, r := range []rune(w) {
		if i > 0 {
			b.WriteString(`\s*`)
		}
		switch r {
		case '(', '（':
			b.WriteString(`[(（]`)
		case ')', '）':
			b.WriteString(`[)）]`)
		case '、', '，', ',':
			b.WriteString(`[、，,]`)
		case '/', '／':
			b.WriteString(`[/／]`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

func join(ls ...[]label) []label {
	var out []label
	for _, l := range ls {
		out = append(out, l...)
	}
	return out
}

// colonOrLineStart: "依托单位：" or a label that starts its line, not the
// words inside a sentence ("依托单位提供交通保障").
func colonOrLineStart(s string, start, end int) bool {
	rest := strings.TrimLeft(s[end:], " ")
	if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
		return true
	}
	before := strings.TrimRight(s[:start], " ")
	return before == "" || strings.HasSuffix(before, "\n")
}

func colonOnly(ls []label) []label {
	for i := range ls {
		ls[i].colon = true
	}
	return ls
}

var identityLabels = colonOnly(join(
	lit("team_name", false, "服务团名称", "服务团队名称", "项目名称", "服务团(项目)名称", "服务团（队）名称", "团队名称"),
	lit("unit", false, "依托单位", "推荐单位", "申报单位", "依托单位名称", "单位名称", "实施单位", "填报单位"),
	lit("contact_name", false, "联系人", "填表人", "联 系 人", "填报人"),
	lit("contact_phone", false, "联系电话", "联系方式", "手机号码", "电话", "手机"),
	lit("", false, "填报日期", "填表日期"),
	lit("contact_email", false, "电子邮箱", "电子邮件", "邮箱"),
	rx("contact_email", false, `(?i)e-?mail`),
))

var surveyLabels = loosen(join(
	rx("", false, `(?:\d{4}\s*年\s*)?专家人才服务基层活动\s*实施成效调查表`, `实施成效调查表`),
	rx(keySec+"1", false, `服务活动基本情况`),
	rx(keySec+"2", false, `参与专家人才情况`, `(?m)^\s*专家人才构成\s*$`),
	rx(keySec+"3", false, `服务活动开展情况`),
	rx(keySec+"4", false, `[四4]\s*[、.．]\s*实施成效`, `(?m)^\s*实施成效\s*$`, `(?m)^\s*服务成效\s*$`),
	rx(keySec+"5", false, `组织实施情况`, `(?m)^\s*组织保障\s*$`),
	lit(keyMode, false, "服务形式", "服务方式"),
	lit("service_days", false, "服务天数", "一次服务天数", "一次性服务的服务天数", "单次服务服务天数", "一次服务持续天数", "服务持续天数", "一次服务的服务天数"),
	lit("service_days", true, "本次服务", "一次服务共"),
	lit("batch_count", false, "服务次数", "服务批次", "分批次服务次数", "批次数", "分批次服务的服务次数", "分批服务批次", "分批次服务的批次数", "分批次服务批次数", "分几批开展服务", "分几批"),
	lit("batch_days_total", false, "累计服务天数", "服务总天数", "累计天数", "各批次累计服务天数", "分批服务累计天数", "分批次服务累计天数", "分批次服务的累计天数", "各批次合计服务", "各批次累计服务"),
	lit("service_fields", false, "服务领域", "服务涉及领域", "涉及领域"),
	lit("service_fields_other", false, "服务领域（其他）", "服务领域其他"),
	lit(keyOther, false, "其他", "其它"),
	lit("", false, "服务区域", "具体地区", "培训成效", "义诊成效", "服务团投入情况", "专家人才数量及层次", "专家人才来源", "技术指导", "技术培训", "其中"),
	lit("region_cities", false, "覆盖地市", "覆盖地市数", "地市数", "覆盖地市（个）", "服务地市", "服务地市数", "覆盖地（市、州）", "地（市、州）", "覆盖地（市）"),
	lit("region_counties", false, "覆盖区县", "覆盖区县数", "区县数", "覆盖区县（个）", "服务区县", "服务区县数", "覆盖县（市、区）", "县（市、区）", "覆盖县（区）"),
	lit("region_units", false, "覆盖企事业单位", "覆盖企事业单位数", "企事业单位数", "覆盖企事业单位（家）", "服务企事业单位", "服务企事业单位数"),
	rx("key_counties", false, `是\s*否\s*包\s*含[^：:]{0,30}?帮\s*扶\s*县`, `是\s*否\s*含[^：:]{0,30}?帮\s*扶\s*县`, `服\s*务\s*地\s*区\s*(?:包\s*)?含[^：:，。\n]{0,30}?帮\s*扶\s*县\s*[：:]`),
	lit("key_counties_national", true, "国家级", "国家级重点帮扶县", "国家级重点帮扶县个数", "国家级重点帮扶县数", "国家级乡村振兴重点帮扶县", "国家乡村振兴重点帮扶县", "国家重点帮扶县"),
	lit("key_counties_provincial", true, "省级", "省级重点帮扶县", "省级重点帮扶县个数", "省级重点帮扶县数", "省级乡村振兴重点帮扶县"),
	lit(keyNames, false, "分别是", "分别为", "县名"),
	rx(keyNames, false, `(?m)^\s*名\s*称\s*[：:]?\s*$`),
	lit("key_counties_national_names", false, "国家级重点帮扶县名称", "国家级帮扶县名称", "国家级县名"),
	lit("key_counties_provincial_names", false, "省级重点帮扶县名称", "省级帮扶县名称", "省级县名"),
	lit("activities_total", false, "开展各类服务活动总场次", "各类服务活动总场次", "开展服务活动总场次", "开展活动总场次", "服务活动总场次", "活动总场次", "总场次", "各类活动总场次", "各类服务活动共计场次", "服务活动共计场次", "服务活动合计场次"),
	lit("activities_total", true, "开展各类服务活动", "各类服务活动"),
	lit("projects_matched", false, "对接项目数量", "对接项目数", "对接项目"),
	lit("experts_total", false, "总人数", "专家总人数", "专家人才总人数", "参与专家总人数", "参加专家人数", "参与专家人数", "专家人数", "专家人才合计人数", "专家合计人数"),
	lit("experts_total", true, "参加服务的专家人才", "参与服务的专家人才"),
	lit("expert_attendances", false, "总人次", "专家总人次", "专家人才总人次", "参与专家总人次", "参加专家人次", "参与专家人次", "专家人次", "专家人才累计参与人次", "累计参与人次"),
	lit("expert_attendances", true, "累计参加服务", "累计参与服务"),
	lit("senior_full", false, "正高级职称", "正高级", "正高"),
	lit("senior_deputy", false, "副高级职称", "副高级", "副高"),
	lit("academicians", false, "两院院士", "院士", "中国科学院、中国工程院院士", "中国科学院院士、中国工程院院士"),
	lit("outstanding_professionals", false, "全国杰出专业技术人员", "杰出专业技术人员", "全国杰出专业技术人才", "杰出专业技术人才"),
	lit("talent_project", false, "百千万人才工程国家级人选", "百千万人才工程"),
	lit("special_allowance", false, "享受政府特殊津贴专家", "享受国务院政府特殊津贴专家", "政府特殊津贴专家", "享受政府特殊津贴", "享受国务院特殊津贴专家", "国务院特殊津贴专家", "享受国务院特殊津贴"),
	lit("postdocs", false, "博士后", "博士后研究人员"),
	lit("returnees", false, "留学回国人员", "留学回国"),
	lit("experts_other", false, "专家人才其他", "其他专家人才"),
	rx("source_local", false, `本省\s*(?:[(（]\s*区\s*[、，,]\s*市\s*[)）])?`, `来源[：:]?\s*本省\s*(?:[(（]\s*区\s*[、，,]\s*市\s*[)）])?`),
	lit("source_local", true, "本市专家", "本市"),
	rx("source_other_province", false, `外省\s*(?:[(（]\s*区\s*[、，,]\s*市\s*[)）])?`, `来源[：:]?\s*外省\s*(?:[(（]\s*区\s*[、，,]\s*市\s*[)）])?`),
	lit("source_other_province", true, "外省市专家", "外省市"),
	lit("source_hmt", true, "港澳台", "港澳台地区"),
	lit("source_foreign", true, "国外", "境外"),
	lit("guidance_onsite", false, "现场指导", "技术指导（现场）", "技术指导（线下现场）", "技术指导（线下）", "到现场进行技术指导", "现场进行技术指导"),
	lit("guidance_remote", false, "远程指导", "技术指导（远程）", "技术指导（线上远程）", "技术指导（线上）", "通过线上远程指导", "线上远程指导"),
	inWords(lit("joint_research", false, "联合攻关")),
	lit("joint_research_form", false, "联合攻关具体形式", "联合攻关形式", "联合攻关的形式为", "联合攻关的形式", "联合攻关形式为", "攻关形式"),
	lit("symposiums", false, "座谈交流会", "座谈会"),
	lit("lectures", false, "专题讲座"),
	lit("training_onsite", false, "现场培训", "技术培训（现场）", "技术培训（线下现场）", "技术培训（线下）"),
	lit("training_remote", false, "远程培训", "技术培训（远程）", "技术培训（线上远程）", "技术培训（线上）"),
	lit("consultations", false, "咨询对接活动", "咨询对接"),
	lit("demonstrations", false, "示范带教"),
	lit("free_clinics", true, "义诊"),
	lit("free_clinics", false, "义诊场次", "义诊活动合计", "义诊活动场次"),
	lit("science_lectures", false, "科普讲座"),
	lit("science_exhibitions", false, "科普展览"),
	lit("activities_other", false, "服务活动其他"),
	lit("problems_solved", false, "破解技术难题"),
	lit("key_projects", false, "带动重点科研项目"),
	lit("new_techniques", false, "推广新技术新工艺", "新技术新工艺", "推广新技术、新工艺", "新技术、新工艺"),
	lit("new_varieties", false, "推广新品种", "新品种"),
	lit("achievements_transferred", false, "转化科技成果"),
	lit("trained_professionals", true, "基层专业技术人员", "培训基层专业技术人员", "基层专技人员", "培训基层专技人员"),
	lit("trained_public", true, "群众", "培训群众"),
	lit("clinic_consultations", true, "问诊", "义诊问诊"),
	lit("clinic_examinations", true, "检查", "义诊检查"),
	lit("clinic_treatments", true, "治疗", "义诊治疗"),
	lit("strategic_plans", false, "指导战略规划", "指导制定战略规划", "制定战略规划"),
	lit("decision_consulting", false, "决策咨询"),
	lit("cooperation_intents", false, "达成中长期合作意向", "中长期合作意向"),
	lit("agreements_signed", false, "签订合作协议"),
	rx("alliances", false, `(?:基层单位与帮扶单位等\s*)?结成\s*产\s*学\s*研\s*联\s*盟`, `产\s*学\s*研\s*联\s*盟`),
	lit("entities_founded", false, "专家领办、联办、协办各类经济实体", "专家领办、联办、协办经济实体", "领办、联办、协办各类经济实体", "专家领办联办协办经济实体", "专家领办联办协办各类经济实体", "领办联办协办经济实体"),
	lit("economic_benefit", false, "取得经济效益", "经济效益"),
	lit("social_benefit", false, "取得社会效益", "社会效益"),
	lit("industry_impact", false, "推动产业发展", "对产业发展的推动作用", "产业发展推动作用"),
	lit("beneficiaries", false, "惠及基层群众", "惠及群众"),
	lit("outcomes_other", false, "其他成效"),
	rx("organized_by_hrss", false, `是\s*否\s*由[^：:]{0,80}?组\s*织\s*实\s*施`, `(?:本\s*次\s*活\s*动\s*)?由\s*人[^：:，。\n]{0,30}?组\s*织\s*实\s*施\s*[：:]`),
	lit("needs_matched", false, "前期是否与基层单位对接需求", "是否与基层单位对接需求", "对接需求", "前期是否对接需求", "是否对接需求", "对接服务需求", "与基层单位对接服务需求"),
	lit("funds_mohrss", false, "人力资源社会保障部支持资金", "人社部支持资金", "部支持资金", "部级支持资金", "人社部资金", "人社部资助经费", "人力资源社会保障部资助经费", "人力资源和社会保障部资助经费", "部资助经费", "人力资源社会保障部资助", "人社部资助"),
	lit("funds_matching", false, "配套资金", "配套资金金额", "配套资金（注明资金来源和金额）", "配套经费", "配套经费金额", "地方配套经费", "地方配套资金"),
	lit("funds_matching_source", false, "配套资金来源", "资金来源", "配套资金来源单位", "资金来源单位", "配套经费来源", "经费来源", "配套资金由"),
	rx("support_measures", false, `(?:对(?:参加服务活动(?:的)?)?专家(?:人才)?的|专家)?服务保障措施`),
	rx(keyDesc, false, `[(（]?\s*具体描述\s*[)）]?`),
	lit("support_measures_desc", false, "服务保障措施具体描述", "保障措施描述", "保障措施具体内容", "保障措施内容", "服务保障措施内容", "具体保障措施为", "具体保障措施"),
	rx("publicity", false, `是否(?:对服务团组织实施情况)?开展宣传`, `(?:对服务活动)?开展了\s*宣传(?:报道)?`),
	lit(keyMedia, false, "媒体名称", "宣传媒体名称", "宣传媒体", "发布媒体", "刊发媒体", "报道媒体"),
	lit(keyDate, false, "发布时间", "发布日期", "刊发日期", "刊发时间", "报道日期", "报道时间"),
	lit(keyTitle, false, "篇名", "文章标题", "稿件标题", "报道标题"),
	lit("uploaded_materials", false, "上传材料"),
	// the short headers of a form laid out as a row of column headers over
	// a row of values ("杰出专技人才（人）"): in running text they count only
	// before a number, or at a line start or before a colon
	colonOnly(join(
		lit("service_fields", false, "领域"),
		lit("key_counties", false, "含重点帮扶县", "含帮扶县"),
		lit("industry_impact", false, "产业推动", "产业带动"),
		lit("organized_by_hrss", false, "人社部门组织", "人社部门组织实施"),
		lit("support_measures", false, "有保障措施", "保障措施"),
		lit("support_measures_desc", false, "保障措施说明", "保障措施情况"),
		lit("publicity", false, "开展宣传", "宣传报道"),
		lit("funds_matching_source", false, "配套来源"),
	)),
	lit("key_counties_national", true, "国家级帮扶县数", "国家级帮扶县"),
	lit("key_counties_provincial", true, "省级帮扶县数", "省级帮扶县"),
	lit("outstanding_professionals", true, "杰出专技人才", "杰出专技人员"),
	lit("talent_project", true, "百千万人才"),
	lit("special_allowance", true, "享受特贴", "特贴专家", "特殊津贴专家"),
	lit("symposiums", true, "座谈交流"),
	lit("problems_solved", true, "破解难题"),
	lit("key_projects", true, "带动科研项目", "重点科研项目"),
	lit("achievements_transferred", true, "成果转化", "科技成果转化"),
	lit("trained_professionals", true, "培训专技人员"),
	lit("strategic_plans", true, "战略规划"),
	lit("cooperation_intents", true, "合作意向"),
	lit("agreements_signed", true, "合作协议"),
	lit("entities_founded", true, "经济实体"),
	lit("funds_mohrss", true, "部资助"),
	lit("funds_matching", true, "配套金额"),
))

// noteRe finds the explanatory notes of 附件4 in brackets, which carry no
// value and contain words that are also labels.
var noteRe = regexp.MustCompile(`[(（][^()（）\n]{0,60}?(?:总和|不重复|注明|请补充|可多选|二者选一|多条分列|各批次|所有批次|各个批次|单选|选填|填写|如有|各类活动合计)[^()（）\n]{0,60}?[)）]`)

// noteOpenLostRe finds a note whose opening bracket was lost (OCR drops
// a "（" set against a label: "配套资金注明资金来源和金额)"): it begins with
// the form's instruction words and ends at the next closing bracket.
var noteOpenLostRe = regexp.MustCompile(`(?:注明|请补充|可多选|二者选一|单选|选填|多条分列)[^()（）\n]{0,30}?[)）]`)

// enumRe finds list numbering at the start of a line: "12. ", "三、", "（2）".
var enumRe = regexp.MustCompile(`(?m)^[ \t]*(?:\d{1,2}\s*[.、．](?:\s+|[^\d\s])|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*\d{1,2}\s*[)）])`)

type match struct {
	lab        *label
	start, end int
}

// exactOn reports whether the match needs none of loosen's extra words.
func (m match) exactOn(s string) bool {
	return m.lab.strict == nil || m.lab.strict.MatchString(s[m.start:m.end])
}

// findLabels returns the non-overlapping label matches in s, the earliest
// and then the longest winning.
func findLabels(s string, labels []label) []match {
	var all []match
	for i := range labels {
		l := &labels[i]
		for _, m := range l.re.FindAllStringIndex(s, -1) {
			if m[1] == m[0] {
				continue
			}
			if l.needNum && !numberFollows(s[m[1]:]) {
				continue
			}
			if l.colon && !colonOrLineStart(s, m[0], m[1]) {
				continue
			}
			if l.inWord && hanAround(s, m[0], m[1]) {
				continue
			}
			all = append(all, match{l, m[0], m[1]})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		if all[i].end != all[j].end {
			return all[i].end > all[j].end
		}
		return all[i].exactOn(s) && !all[j].exactOn(s)
	})
	var out []match
	end := 0
	for _, m := range all {
		if m.start < end {
			continue
		}
		out = append(out, m)
		end = m.end
	}
	return out
}

// numberFollows reports whether a number or a blank placeholder comes next
// (after spaces, a colon, a bracketed unit).
func numberFollows(s string) bool {
	s = strings.TrimLeft(s, " \n")
	s = strings.TrimLeft(s, ":：")
	s = strings.TrimLeft(s, " \n")
	if strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（") {
		if i := strings.IndexAny(s, ")）"); i > 0 && i < 20 {
			s = strings.TrimLeft(s[i:], ")）")
			s = strings.TrimLeft(s, " :：")
		}
	}
	for _, p := range []string{"共计", "合计", "累计", "共", "的"} {
		if strings.HasPrefix(s, p) {
			s = strings.TrimLeft(s[len(p):], " ")
			break
		}
	}
	for _, p := range []string{"约", "近", "逾", "大约"} {
		// an approximate count is still the answer (S010 asks for the exact figure)
		if strings.HasPrefix(s, p) {
			s = strings.TrimLeft(s[len(p):], " ")
			break
		}
	}
	for _, r := range s {
		if unicode.IsDigit(r) || r == '_' || r == '/' || r == '-' || r == '无' || r == '—' {
			return true
		}
		if _, ok := cnDigit[r]; ok {
			return true
		}
		if _, ok := cnUnit[r]; ok && r == '十' {
			return true
		}
		return false
	}
	return false
}

func inWords(ls []label) []label {
	for i := range ls {
		ls[i].inWord = true
	}
	return ls
}

// hanAround reports whether Han characters stand right before start and
// right after end.
func hanAround(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return isHan(before) && isHan(after)
}
