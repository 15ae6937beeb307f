package parse

import (
	"regexp"
	"strings"
	"unicode"

	"dossier"
)

var auditMoneyLabels = join(
	lit("received_mohrss", false, "人力资源社会保障部支持资金", "人社部支持资金", "人力资源和社会保障部支持资金", "部支持资金", "中央支持资金", "部级资金",
		"人力资源社会保障部资助经费", "人力资源和社会保障部资助经费", "人社部资助经费", "部资助经费", "人社部拨付经费"),
	lit("received_municipal", false, "市级配套资金", "市级经费", "市配套资金", "市级资金", "市人社局配套资金", "市级支持资金", "地方配套资金", "市财政资金", "配套资金",
		"市人社局拨付经费", "人社局拨付经费", "市级拨付经费", "市人社局资助经费", "市级资助经费"),
	lit("received_total", false, "到位资金合计", "经费收入合计", "收入合计", "收入小计", "经费收入小计", "到位资金总额", "资金到位合计", "到位合计", "资金来源合计"),
	lit("spent_expert_fees", false, "专家劳务费", "劳务费", "专家咨询费", "专家咨询费（劳务费）", "专家劳务费（咨询费）", "咨询费（劳务费）"),
	lit("spent_travel", false, "差旅费", "交通食宿费", "交通、食宿费", "差旅费（交通、食宿）", "交通及住宿费", "交通住宿费", "交通及食宿费", "城市间交通费及住宿费"),
	lit("spent_meetings", false, "会议费", "会议场地费", "会务费", "会场费"),
	lit("spent_training", false, "培训费"),
	lit("spent_materials", false, "资料印刷费", "资料费", "印刷费", "耗材费", "材料费", "资料印刷费/耗材", "印刷及资料费", "印刷资料费", "资料及印刷费"),
	lit("spent_other", false, "其他支出", "其他费用", "其它支出"),
	lit("spent_total", false, "实际支出合计", "经费支出合计", "支出合计", "支出小计", "经费支出小计", "支出总额", "实际支出总额"),
	lit("balance", false, "结余资金", "结余金额", "资金结余", "结余"),
)

var (
	amountRe      = regexp.MustCompile(`^[¥￥]?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|万)?$`)
	wanHeaderRe   = regexp.MustCompile(`(?:金额|单位|数额)\s*[(（:：]\s*(?:人民币)?\s*万元`)
	reportNoRe    = regexp.MustCompile(`[\p{Han}A-Za-z]{0,12}[审字][\p{Han}A-Za-z]{0,3}\s*[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*(?:第\s*)?[0-9A-Za-z-]+\s*号`)
	reportDateRe  = regexp.MustCompile(`报告日期\s*[:：]?\s*(` + DatePattern.String() + `)`)
	periodRe      = regexp.MustCompile(`(` + DatePattern.String() + `)\s*(?:至|到|~|～|—|－|-|–)+\s*(` + DatePattern.String() + `)`)
	startProseRe  = regexp.MustCompile(`(` + DatePattern.String() + `)\s*(?:正式)?(?:开始|启动|开展首批|开展第一批)`)
	endProseRe    = regexp.MustCompile(`(` + DatePattern.String() + `)\s*(?:前)?\s*(?:全部|全面|顺利)?\s*(?:结束|完成|完结)`)
	periodShortRe = regexp.MustCompile(`((\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:至|到|~|～|—|－|-|–)+\s*(\d{1,2}\s*月\s*\d{1,2}\s*日)`)
	startRe       = regexp.MustCompile(`(?:服务活动)?开始(?:日期|时间)\s*[:：为]?\s*(` + DatePattern.String() + `)`)
	endRe         = regexp.MustCompile(`(?:服务活动)?(?:结束|完成)(?:日期|时间)\s*[:：为]?\s*(` + DatePattern.String() + `)`)
	firmRe        = regexp.MustCompile(`[\p{Han}A-Za-z0-9()（）·]{2,40}?会计师事务所(?:股份有限公司|有限责任公司|有限公司)?(?:\s*[(（][^()（）\n]{1,12}[)）])?(?:\s*[\p{Han}]{1,8}分所)?`)
	addresseeRe   = regexp.MustCompile(`(?m)^\s*([\p{Han}()（）]{4,40}(?:医院|大学|学院|公司|中心|研究所|研究院|推广站|协会|局|院|所|站|会|校)(?:\s*[(（][\p{Han}]{2,30}[)）])?)\s*[:：]\s*$`)
	auditedRe     = regexp.MustCompile(`审计了\s*(?:后附的)?\s*(.{2,60}?)\s*[(（]\s*(?:依托单位|实施单位|单位)\s*[:：]\s*((?:[^()（）\n]|[(（][^()（）\n]{1,30}[)）])+?)\s*[)）]`)
	// "对X2026年度专家服务基层项目经费决算报表进行了审计", "关于X专项资金的审计报告"
	auditedProseRe = regexp.MustCompile(`(?:对|审计了)\s*(?:后附的)?\s*([^，。；：:\n]{4,60}?)\s*(?:[(（]|20\d{2}\s*年)`)
	auditTitleRe   = regexp.MustCompile(`关于\s*([^，。；：:\n]{4,60}?)\s*(?:20\d{2}\s*年度?)?\s*(?:专项资金|专项经费|项目经费|经费|资金)(?:收支|使用|决算)?(?:情况)?的?(?:专项)?审计报告`)
	// "我们审计了后附的X项目经费收支决算表（以下简称决算表）"
	auditedTableRe = regexp.MustCompile(`审计了\s*(?:后附的)?\s*([^，。；：:\n]{4,60}?)\s*(?:20\d{2}\s*年度?)?\s*(?:项目|专项)?(?:经费|资金)(?:收支)?决算(?:表|报表)`)
	// "关于X项目经费使用情况的决算说明"
	accountsNoteRe = regexp.MustCompile(`关于\s*([^，。；：:\n]{4,60}?)\s*(?:20\d{2}\s*年度?)?\s*(?:项目|专项)?(?:经费|资金)(?:收支|使用)?(?:情况)?的?决算(?:说明|报告)`)
	notTeamRe      = regexp.MustCompile(`决算|报表|审计|资金|经费|财务`)
	explainRe      = regexp.MustCompile(`结余资金的?(?:专项)?(?:情况)?说明\s*[:：]?`)
	refundedRe     = regexp.MustCompile(`已\s*(?:于[^。；]{0,20})?(?:全额|全部|足额)?\s*(?:退回|退还|缴回|上缴|返还)`)
	notRefundRe    = regexp.MustCompile(`(?:尚未|未|暂未|没有)\s*(?:全额|全部)?\s*(?:退回|退还|缴回|上缴|返还)`)
)

var docYearRe = regexp.MustCompile(`[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]`)

// NormalizeDocNo writes a document number in one form: the year in 〔〕,
// no spaces ("沪众华会审字[2026] 第 0271 号" → "沪众华会审字〔2026〕第0271号").
func NormalizeDocNo(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return docYearRe.ReplaceAllString(s, "〔$1〕")
}

// parseAudit reads an audit report and its funds table.
func parseAudit(text string, c *collector) {
	s := strings.ReplaceAll(Fold(text), "\f", "\n")
	flat := flatten(s)
	if wanHeaderRe.MatchString(s) {
		c.unit = "万元"
	}
	c.auditor(s)
	if m := reportNoRe.FindString(s); m != "" {
		c.at = dossier.Source{Text: clipText(m)}
		c.set("report_no", NormalizeDocNo(m))
	} else if m := reportNoRe.FindString(flat); m != "" {
		c.at = dossier.Source{Text: clipText(m)}
		c.set("report_no", NormalizeDocNo(m))
	}
	if g := reportDateRe.FindStringSubmatch(flat); g != nil {
		c.assign("report_date", g[1])
	} else if d := lastSigningDate(tail(flat, 400)); d != "" {
		c.assign("report_date", d)
	}
	c.opinion(flat)
	c.at = dossier.Source{}
	if g := startRe.FindStringSubmatch(flat); g != nil {
		c.assign("service_start", g[1])
	}
	if g := endRe.FindStringSubmatch(flat); g != nil {
		c.assign("service_end", g[1])
	}
	if g := periodRe.FindStringSubmatch(flat); g != nil {
		c.assign("service_start", g[1])
		c.assign("service_end", g[2])
	} else if g := periodShortRe.FindStringSubmatch(flat); g != nil {
		// "2026年6月8日至10月18日": the end takes the start's year.
		c.assign("service_start", g[1])
		c.assign("service_end", g[2]+"年"+g[3])
	}
	if i := strings.Index(flat, "服务活动"); i >= 0 {
		// "服务活动于2026年7月3日开始，2026年10月25日结束" / "自…开始，于…全部完成"
		part := flat[i:min(len(flat), i+200)]
		if g := startProseRe.FindStringSubmatch(part); g != nil {
			c.assign("service_start", g[1])
		}
		if g := endProseRe.FindStringSubmatch(part); g != nil {
			c.assign("service_end", g[1])
		}
	}
	c.fundsTable(s)
	c.explanation(s)
	if g := auditedRe.FindStringSubmatch(flat); g != nil {
		c.set("team_name", CleanText(g[1]))
		c.set("unit", CleanText(g[2]))
	}
	if g := addresseeRe.FindStringSubmatch(s); g != nil {
		c.set("unit", CleanText(g[1]))
	}
	for _, re := range []*regexp.Regexp{auditedProseRe, auditedTableRe, auditTitleRe, accountsNoteRe} {
		if g := re.FindStringSubmatch(flat); g != nil && !notTeamRe.MatchString(g[1]) {
			c.set("team_name", CleanText(g[1]))
		}
	}
	// a 决算报告 the unit made itself: its title names the team
	// ("X2026年度经费决算报告"), the signature its unit ("Y财务处")
	if g := accountsTitleRe.FindStringSubmatch(s); g != nil && !notTeamRe.MatchString(g[1]) {
		c.set("team_name", CleanText(g[1]))
	}
	if g := financeDeptRe.FindStringSubmatch(s); g != nil {
		c.set("unit", CleanText(g[1]))
	}
	// identity labels end with their line: a workbook's next row, or the
	// next paragraph, is not part of the value
	c.walkLines(s)
}

var (
	accountsTitleRe = regexp.MustCompile(`(?m)^\s*([^，。；：:\n\d]{4,60}?)\s*(?:20\d{2}\s*年度?)?\s*(?:项目|专项)?(?:经费|资金)决算报告\s*$`)
	financeDeptRe   = regexp.MustCompile(`(?m)^\s*([\p{Han}()（）]{4,40}?)\s*(?:财务处|财务部|财务科|计划财务处|财务资产处|[(（]\s*(?:计划)?财务(?:处|部|科)\s*(?:代章|盖章|公章)?\s*[)）])\s*$`)
)

// flatten joins lines wrapped inside a sentence (Chinese text breaks
// lines anywhere).
func flatten(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(l)
		if i+1 < len(lines) {
			rs := []rune(l)
			if len(rs) > 0 && (isHan(rs[len(rs)-1]) || unicode.IsDigit(rs[len(rs)-1])) && len(rs) > 30 {
				continue
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// serviceDateRe: what follows or precedes a date that says it is the
// service's, not the report's ("至 2026 年 9 月 28 日全部完成").
var (
	serviceDateAfterRe  = regexp.MustCompile(`^\s*(?:前)?\s*(?:全部|全面|顺利|正式)?\s*(?:结束|完成|完结|开始|启动|开展)`)
	serviceDateBeforeRe = regexp.MustCompile(`(?:至|到|于|自|从)\s*$`)
)

// lastSigningDate is the report's date when no label names it: the last
// date of the report's end (under the signatures), leaving out a date the
// text says the service began or ended on — on a scan whose date line
// under the seal was not made out, that is what would be left.
func lastSigningDate(s string) string {
	ms := DatePattern.FindAllStringIndex(s, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if serviceDateAfterRe.MatchString(s[m[1]:]) || serviceDateBeforeRe.MatchString(s[:m[0]]) {
			continue
		}
		return s[m[0]:m[1]]
	}
	return ""
}

func tail(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		return string(rs[len(rs)-n:])
	}
	return s
}

// auditor is the firm that signs: the last line that names a 会计师事务所
// and little else, or failing that the last firm named.
func (c *collector) auditor(s string) {
	var best, any string
	for _, line := range strings.Split(s, "\n") {
		for _, part := range strings.Split(line, "  ") {
			part = strings.TrimSpace(part)
			m := firmRe.FindString(part)
			if m == "" {
				continue
			}
			name := sealNoteRe.ReplaceAllString(trimFirmPrefix(m), "")
			any = name
			rest := strings.TrimSpace(strings.Replace(part, m, "", 1))
			rest = strings.Trim(rest, "（）()盖章公章签章：: ")
			if len([]rune(rest)) <= 4 {
				best = name
			}
		}
	}
	if best == "" {
		best = any
	}
	if best != "" {
		c.set("auditor", strings.Join(strings.Fields(best), ""))
	}
}

// sealNoteRe is the seal note written after a firm's name: （盖章）.
var sealNoteRe = regexp.MustCompile(`\s*[(（]\s*(?:盖章|公章|签章|印章|章)\s*[)）]\s*$`)

// trimFirmPrefix drops words before the firm's name in a sentence ("经上海某会计师事务所").
func trimFirmPrefix(m string) string {
	for _, p := range []string{"委托", "聘请", "经", "由", "系", "为", "是", "：", ":"} {
		if i := strings.LastIndex(m, p); i >= 0 && i < strings.Index(m, "会计师事务所") {
			m = m[i+len(p):]
		}
	}
	return strings.TrimSpace(m)
}

// opinion reads the opinion type from its standard wording. 保留意见 is
// a substring of 无保留意见, so the longer phrases are tried first.
func (c *collector) opinion(flat string) {
	if i := strings.Index(flat, "审计意见类型"); i >= 0 {
		if v := opinionIn(flat[i:min(len(flat), i+60)]); v != "" {
			c.set("opinion", v)
			return
		}
	}
	for _, p := range []string{"出具了", "发表了", "出具", "发表"} {
		if i := strings.Index(flat, p); i >= 0 {
			if v := opinionIn(flat[i:min(len(flat), i+40)]); v != "" {
				c.set("opinion", v)
				return
			}
		}
	}
	if v, sentence := opinionSentence(flat); v != "" {
		c.at = dossier.Source{Text: clipText(sentence)}
		c.set("opinion", v)
		return
	}
	switch {
	case strings.Contains(flat, "无法表示意见") || strings.Contains(flat, "不对") && strings.Contains(flat, "发表审计意见"):
		c.set("opinion", "disclaimer")
	case strings.Contains(flat, "否定意见"):
		c.set("opinion", "adverse")
	case qualifiedRe.MatchString(flat) || strings.Contains(flat, "除") && strings.Contains(flat, "影响外"):
		c.set("opinion", "qualified")
	case strings.Contains(flat, "无保留意见") || strings.Contains(flat, "公允反映"):
		c.set("opinion", "unqualified")
	}
}

var qualifiedRe = regexp.MustCompile(`(?:^|[^无])保留意见`)

// opinionSentenceRe is the auditor's opinion itself: "我们认为，…" or "我们
// 不对…发表审计意见" — the sentence up to its full stop.
var opinionSentenceRe = regexp.MustCompile(`我们(?:认为|不对)[^。]{4,300}。`)

// opinionSentence reads the opinion's type from the opinion sentence, the
// way the Chinese auditing standards word the four types: 除…影响外 is
// qualified; 没有在所有重大方面 / 未能公允反映 adverse; 不对…发表审计意见
// a disclaimer; 在所有重大方面…公允反映 unqualified. An emphasis-of-matter
// paragraph (强调事项) is not the opinion and changes nothing.
func opinionSentence(flat string) (string, string) {
	for _, m := range opinionSentenceRe.FindAllString(flat, -1) {
		switch {
		case strings.HasPrefix(m, "我们不对") && strings.Contains(m, "发表") && strings.Contains(m, "意见"):
			return "disclaimer", m
		case strings.Contains(m, "没有在所有重大方面") || strings.Contains(m, "未能公允反映") || strings.Contains(m, "不能公允反映"):
			return "adverse", m
		case strings.Contains(m, "除") && strings.Contains(m, "影响外"):
			return "qualified", m
		case strings.Contains(m, "在所有重大方面") && (strings.Contains(m, "公允反映") || strings.Contains(m, "如实反映")):
			return "unqualified", m
		}
	}
	return "", ""
}

func clipText(s string) string {
	t := strings.Join(strings.Fields(s), " ")
	if r := []rune(t); len(r) > 80 {
		t = string(r[:80]) + "…"
	}
	return t
}

func opinionIn(s string) string {
	switch {
	case strings.Contains(s, "无法表示"):
		return "disclaimer"
	case strings.Contains(s, "否定"):
		return "adverse"
	case strings.Contains(s, "无保留"):
		return "unqualified"
	case strings.Contains(s, "保留"):
		return "qualified"
	case strings.Contains(s, "标准"):
		return "unqualified"
	}
	return ""
}

// fundsTable reads the table of money received and spent. It keeps only
// table-like lines (labels alone, amounts alone, or a label followed by
// amounts) so the prose around it is not read, and pairs labels with
// amounts in order: "L v L v" and "L L v v" (a PDF's text order) both work.
func (c *collector) fundsTable(s string) {
	var queue []string
	seen := map[string]bool{}
	cols, pick := 0, 0 // amount columns of the table, and the one to read (决算/实际)
	rowNo := false     // the table numbers its rows (项目 行次 金额)
	notes := false     // the table ends with a 备注 column of words
	for _, line := range mergeLabelLines(strings.Split(s, "\n")) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n, p, ok := amountColumns(line); ok {
			cols, pick = n, p
			notes = noteColRe.MatchString(line)
			if notes {
				cols-- // 备注 holds words, not an amount
			}
			continue
		}
		if rowNoHeadRe.MatchString(line) {
			rowNo = true
			continue
		}
		line = itemNoRe.ReplaceAllString(line, "")
		c.here(line, 0, len(line), "")
		ms := findLabels(line, auditMoneyLabels)
		rest := line
		var toks []string // label keys and amounts in line order
		pos := 0
		ok := true
		for _, m := range ms {
			between := strings.TrimSpace(line[pos:m.start])
			if between != "" && pos == 0 && looseRestRe.MatchString(between) {
				// words before the row's label that are not an amount
				// qualify it ("上海市人社局配套资金"): part of the label
				between = ""
			}
			if between != "" {
				a, good := amounts(between)
				if !good {
					ok = false
					break
				}
				toks = append(toks, a...)
			}
			toks = append(toks, "@"+m.lab.key)
			pos = m.end
		}
		if !ok {
			continue
		}
		rest = strings.TrimSpace(line[pos:])
		rest = strings.TrimSpace(strings.Trim(rest, "：:"))
		rest = stripParenUnit(rest)
		if rest != "" {
			a, good := amounts(rest)
			if !good && notes {
				// "专家劳务费 85,437.53 85,437.53 已按规定使用": the amounts,
				// then the row's 备注
				a, good = leadingAmounts(rest)
			}
			if !good {
				continue
			}
			toks = append(toks, a...)
		}
		if rowNo {
			toks = dropRowNumbers(toks)
		}
		if cols > 1 {
			toks = pickColumn(toks, cols, pick)
		}
		for _, t := range toks {
			if strings.HasPrefix(t, "@") {
				k := t[1:]
				if !seen[k] {
					queue = append(queue, k)
					seen[k] = true
				}
				continue
			}
			if len(queue) == 0 {
				continue
			}
			k := queue[0]
			queue = queue[1:]
			c.assignMoney(k, t)
		}
	}
}

var (
	rowNoHeadRe = regexp.MustCompile(`^(?:项目|科目|名称)?\s*行\s*次` + "|" + `(?:项目|科目)\s+行\s*次`)
	itemNoRe    = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）])\s*`)
	rowNumTokRe = regexp.MustCompile(`^\d{1,3}$`)
)

// dropRowNumbers removes the 行次 after each label ("市级配套资金 2 100,000.00").
func dropRowNumbers(toks []string) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		out = append(out, toks[i])
		if strings.HasPrefix(toks[i], "@") && i+2 < len(toks) && rowNumTokRe.MatchString(toks[i+1]) && !strings.HasPrefix(toks[i+2], "@") {
			i++
		}
	}
	return out
}

// mergeLabelLines joins a table's label cells that a narrow column broke
// over two lines ("专家劳务" / "费"): two lines without digits are joined
// when together they hold more labels than apart.
func mergeLabelLines(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		for i+1 < len(lines) && !hasDigit(l) && !hasDigit(lines[i+1]) {
			next := strings.TrimSpace(lines[i+1])
			if next == "" || len(findLabels(l+next, auditMoneyLabels)) <= len(findLabels(l, auditMoneyLabels))+len(findLabels(next, auditMoneyLabels)) {
				break
			}
			l += next
			i++
		}
		out = append(out, l)
	}
	return out
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

var (
	colHeadRe   = regexp.MustCompile(`预算数?|预算金额|计划数|批复数|决算数?|实际(?:支出|发生|到位)?数?|执行数|实际金额|决算金额|差异|差额|增减|结余|执行率|金额|备注`)
	actualColRe = regexp.MustCompile(`^(?:决算|实际|执行|决算金额|实际金额)`)
)

// amountColumns reads a table header with several amount columns
// ("项目 预算数 决算数 差异"): how many there are and which one holds the
// actual figures (决算 / 实际 / 执行).
func amountColumns(line string) (n, pick int, ok bool) {
	ms := colHeadRe.FindAllStringIndex(line, -1)
	if len(ms) < 2 {
		return 0, 0, false
	}
	rest := colHeadRe.ReplaceAllString(line, " ")
	rest = cellUnitStrip.ReplaceAllString(rest, " ")
	for _, f := range strings.Fields(rest) {
		if f != "项目" && f != "科目" && f != "序号" && f != "名称" && f != "内容" && f != "数" {
			return 0, 0, false
		}
	}
	pick = -1
	for i, m := range ms {
		if actualColRe.MatchString(line[m[0]:m[1]]) {
			pick = i
			break
		}
	}
	if pick < 0 {
		return 0, 0, false
	}
	return len(ms), pick, true
}

var cellUnitStrip = regexp.MustCompile(`[(（]\s*(?:单位\s*[:：]\s*)?(?:人民币)?\s*(?:万元|元)\s*[)）]`)

// pickColumn keeps, after each label, only the amount of the chosen column
// when the label is followed by exactly one amount per column.
func pickColumn(toks []string, cols, pick int) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		out = append(out, toks[i])
		if !strings.HasPrefix(toks[i], "@") {
			continue
		}
		j := i + 1
		for j < len(toks) && !strings.HasPrefix(toks[j], "@") {
			j++
		}
		if j-i-1 == cols {
			out = append(out, toks[i+1+pick])
			i = j - 1
		}
	}
	return out
}

// stripParenUnit drops a bracketed note after a label: "差旅费（交通、食宿）".
func stripParenUnit(s string) string {
	for strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（") {
		i := strings.IndexAny(s, ")）")
		if i < 0 {
			break
		}
		_, w := firstRune(s[i:])
		s = strings.TrimSpace(s[i+w:])
	}
	return s
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// amounts splits a run of amounts ("100,000.00  200,000.00"); good is false
// when the text holds anything else.
func amounts(s string) ([]string, bool) {
	var out []string
	for _, f := range strings.Fields(s) {
		switch {
		case amountRe.MatchString(f):
			out = append(out, f)
		case f == "元" || f == "万元" || f == "-" || f == "—" || f == "/":
			if f != "元" && f != "万元" {
				out = append(out, f)
			} else if len(out) > 0 {
				out[len(out)-1] += f
			}
		default:
			return nil, false
		}
	}
	return out, true
}

var noteColRe = regexp.MustCompile(`备\s*注`)

// leadingAmounts reads the amounts at the start of s when words follow
// them (a 备注 cell).
func leadingAmounts(s string) ([]string, bool) {
	f := strings.Fields(s)
	for i := range f {
		if a, ok := amounts(strings.Join(f[:i], " ")); ok && i > 0 && hanCount(strings.Join(f[i:], "")) > 0 {
			if _, more := amounts(f[i]); !more {
				return a, true
			}
		}
	}
	return nil, false
}

// explanation reads 结余资金专项说明 up to the signature, and whether the
// balance was refunded.
func (c *collector) explanation(s string) {
	loc := explainRe.FindStringIndex(s)
	if loc == nil {
		if b, ok := c.f.Money("balance"); ok && b == 0 {
			return
		}
		if refundedRe.MatchString(s) && !notRefundRe.MatchString(s) {
			c.set("balance_refunded", true)
		} else if notRefundRe.MatchString(s) {
			c.set("balance_refunded", false)
		}
		return
	}
	body := s[loc[1]:]
	var keep []string
	for _, l := range strings.Split(body, "\n") {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if firmRe.MatchString(t) || strings.Contains(t, "注册会计师") || strings.Contains(t, "报告日期") || regexp.MustCompile(`^[四五六七八九]\s*[、.．]`).MatchString(t) {
			break
		}
		keep = append(keep, t)
	}
	text := CleanText(strings.Join(keep, "\n"))
	if IsBlank(text) {
		c.set("balance_explanation", nil)
		return
	}
	c.set("balance_explanation", text)
	switch {
	case notRefundRe.MatchString(text):
		c.set("balance_refunded", false)
	case refundedRe.MatchString(text):
		c.set("balance_refunded", true)
	}
}
