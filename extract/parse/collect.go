package parse

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"dossier"
)

// collector gathers typed fields; the first non-blank value of a key wins.
type collector struct {
	f       dossier.Fields
	inv     map[string]string
	media   []string
	dates   []string
	titles  []string
	unit    string // default money unit of the document ("" = the catalogue's)
	pending []string
	// otherChosen: 其他 was ticked or listed among the 服务领域; it joins the
	// list when nothing says which other field (S013 then asks for it).
	otherChosen bool
	// conf is, for values read with less than certainty (a label with
	// words the parser does not know), how sure the reading is.
	conf map[string]float64
	// at is where the value being read stands (page or sheet, and the
	// text around it); src keeps, for each key, where it was read.
	at  dossier.Source
	src map[string]dossier.Source
	// last is the field read last, for a pseudo label (分别是) in the next
	// cell that names no field of its own.
	last string
}

func newCollector() *collector {
	return &collector{f: dossier.Fields{}, inv: map[string]string{}}
}

func (c *collector) set(key string, v any) {
	if cur, ok := c.f[key]; ok && cur != nil {
		return
	}
	if v == nil {
		if _, ok := c.f[key]; ok {
			return
		}
	}
	if _, bad := c.inv[key]; bad && v == nil {
		return
	}
	c.f[key] = v
	if v != nil {
		delete(c.inv, key)
	}
	c.noteSource(key)
}

// noteSource records where key was read (the first reading that set it).
func (c *collector) noteSource(key string) {
	if c.at == (dossier.Source{}) || !c.atHolds(key) {
		return // the place in hand is another value's; fallbackSources looks
	}
	if c.src == nil {
		c.src = map[string]dossier.Source{}
	}
	c.src[key] = c.at
}

// here sets the place of the value about to be read: the text around it
// (clipped) and its page, counted in form feeds of s before offset.
func (c *collector) here(s string, start, end int, sheet string) {
	t := strings.Join(strings.Fields(s[start:end]), " ")
	if r := []rune(t); len(r) > 80 {
		t = string(r[:80]) + "…"
	}
	page := 0
	if strings.Contains(s, "\f") {
		page = 1 + strings.Count(s[:start], "\f")
	}
	c.at = dossier.Source{Page: page, Sheet: sheet, Text: t}
}

func (c *collector) invalid(key, raw string) {
	if cur, ok := c.f[key]; ok && cur != nil {
		return
	}
	delete(c.f, key)
	c.inv[key] = strings.TrimSpace(raw)
	c.noteSource(key)
}

func typeOf(key string) dossier.FieldType {
	if f, ok := dossier.FieldByKey(key); ok {
		return f.Type
	}
	return dossier.TypeText
}

func unitOf(key string) string {
	if f, ok := dossier.FieldByKey(key); ok {
		return f.Unit
	}
	return ""
}

var leadNoteRe = regexp.MustCompile(`^[\s:：]*(?:[(（][^()（）\d]{0,30}[)）][\s:：]*)+`)

var leadMarkRe = regexp.MustCompile(`^[\s:：]*[(（][ \t\x{3000}]*[√✓✔×✗xX☑■]?[ \t\x{3000}]*[)）]\s*[是否有无]`)

// stripLead removes separators and bracketed notes before a value.
func stripLead(raw string) string {
	if leadMarkRe.MatchString(raw) {
		// "（√）是　（ ）否": the brackets hold a choice's mark, not a note
		return strings.TrimLeft(raw, " \n:：")
	}
	s := leadNoteRe.ReplaceAllString(raw, "")
	return strings.TrimLeft(s, " \n:：")
}

var chunkCut = regexp.MustCompile(`[，；;。\n(（]|,(?:\D|$)|、`)

// firstChunk is the value before the next separator: "12 天，" → "12 天".
func firstChunk(raw string) string {
	s := strings.TrimSpace(stripLead(raw))
	if loc := chunkCut.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	return strings.TrimSpace(s)
}

// numTokens are the numbers (or blanks) in a segment, for values that
// came apart from their labels ("总人数 总人次\n13 39").
var numTokenRe = regexp.MustCompile(`^(?:\d[\d,]*(?:\.\d+)?|_+|/)$`)

// assign reads raw as the value of key and records it.
func (c *collector) assign(key, raw string) {
	if strings.HasPrefix(key, "@") || key == "" {
		return
	}
	if key == "joint_research" {
		c.jointResearch(raw)
		return
	}
	switch typeOf(key) {
	case dossier.TypeInt:
		c.assignInt(key, raw)
	case dossier.TypeMoney:
		c.assignMoney(key, raw)
	case dossier.TypeBool:
		s := []rune(strings.Join(strings.Fields(stripLead(raw)), " "))
		if len(s) > 40 {
			s = s[:40]
		}
		v, st := ParseBool(string(s))
		c.record(key, v, st, string(s))
		if key == "support_measures" && st == OK && v == true {
			// "有√ 无，依托单位统一安排交通食宿…": the description follows the choice
			if d := choiceLeadRe.ReplaceAllString(stripLead(raw), ""); d != stripLead(raw) && hanCount(d) >= 4 {
				c.assign("support_measures_desc", d)
			}
		}
	case dossier.TypeDate:
		v, st := ParseDate(firstChunk(raw))
		c.record(key, v, st, raw)
	case dossier.TypeList:
		raw = rowNoTailRe.ReplaceAllString(raw, "")
		if i := strings.Index(raw, "。"); i >= 0 {
			raw = raw[:i] // "分别为叶城县。全年开展…": the sentence ends the list
		}
		if key == "service_fields" {
			c.serviceFields(raw)
			return
		}
		l := SplitList(CleanText(stripLead(raw)))
		if l == nil {
			c.set(key, nil)
		} else {
			c.set(key, l)
		}
	case dossier.TypeText, dossier.TypeEnum:
		if key == "service_fields_other" && onlyCheckMark(raw) {
			// "其他（请补充）（√）": 其他 ticked, nothing written beside it.
			c.otherChosen = true
			c.set(key, nil)
			return
		}
		raw = rowNoTailRe.ReplaceAllString(raw, "")
		t := trimUnmatchedClose(trailEnumRe.ReplaceAllString(CleanText(stripLead(raw)), "$1"))
		t = strings.TrimSpace(nextLeadRe.ReplaceAllString(t, ""))
		if key == "funds_matching_source" {
			t = strings.TrimSpace(sourceVerbRe.ReplaceAllString(t, ""))
		}
		if IsBlank(t) {
			c.set(key, nil)
		} else {
			c.set(key, t)
		}
	}
}

// nextLeadRe is the start of the next sentence a value in running text
// ran into: "共建专家工作站 ；召开" (召开座谈交流会 …).
var nextLeadRe = regexp.MustCompile(`\s*[；;。]\s*\p{Han}{1,4}\s*$`)

// sourceVerbRe is the verb after a source written on a blank: "配套资金由
// 市人社局拨付 提供。".
var sourceVerbRe = regexp.MustCompile(`\s+(?:提供|出资|承担|拨付|负责)\s*(?:[。；;].*)?$`)

// choiceLeadRe is a 有/无 (是/否) choice with its marks at the start of a
// value, and the separator after it.
var choiceLeadRe = regexp.MustCompile(`^\s*(?:[☑☒■▣☐□√✓✔]?\s*[有无是否]\s*(?:[(（]\s*[√✓✔✗×]?\s*[)）]|[√✓✔])?\s*){1,2}[，,；;。：:\s]*(?:[(（]\s*具体描述\s*[)）])?[：:\s]*`)

// rowNoTailRe is a table's row number that a value ran into: the next
// row's "9" on a line of its own before that row's label.
var rowNoTailRe = regexp.MustCompile(`\n\s*\d{1,3}\s*[.、．]?\s*$`)

// trimUnmatchedClose drops a closing bracket left over from the writing
// around a value: "医疗（其他：康复）" gives 其他 the value "康复）".
func trimUnmatchedClose(t string) string {
	for strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
		if strings.Count(t, "（")+strings.Count(t, "(") >= strings.Count(t, "）")+strings.Count(t, ")") {
			break
		}
		t = strings.TrimSpace(strings.TrimRight(strings.TrimRight(t, "）"), ")"))
	}
	return t
}

func (c *collector) record(key string, v any, st Status, raw string) {
	switch st {
	case OK:
		c.set(key, v)
	case Blank:
		c.set(key, nil)
	case Invalid:
		c.invalid(key, raw)
	}
}

func (c *collector) assignInt(key, raw string) {
	body := strings.TrimSpace(strings.Trim(stripLead(raw), " \n:：;；,，、。"))
	if body == "" {
		c.pending = append(c.pending, key)
		return
	}
	if f := strings.Fields(body); len(f) >= 2 && len(c.pending) > 0 && allNum(f) {
		k := len(f) - 1
		if k > len(c.pending) {
			k = len(c.pending)
		}
		p := c.pending[len(c.pending)-k:]
		for i, pk := range p {
			c.assignInt(pk, f[len(f)-1-k+i])
		}
		c.pending = nil
		c.assignInt(key, f[len(f)-1])
		return
	}
	c.pending = nil
	chunk := firstChunk(raw)
	n, st := ParseCount(chunk)
	if st == Invalid {
		if words, val, ok := labelTailValue(chunk); ok {
			// a longer label cut to a known one (博士后|研究人员人数 3): the
			// rest is the label's, never its value; a number after it is
			// read, with less confidence
			if val == "" {
				return
			}
			if n, st = ParseCount(val); st == Invalid {
				return
			}
			c.record(key, n, st, val)
			if !connectorRe.MatchString(words) {
				c.unsure(key, looseConfidence, words)
			}
			return
		}
	}
	c.record(key, n, st, chunk)
}

// connectorRe is the grammar between a label and its number in a
// sentence: 具有正高级职称的____8人, 专家人才共____28人.
var connectorRe = regexp.MustCompile(`^(?:的|共|共计|合计|累计|总计|为|达|计)$`)

// labelTailValue splits a value that begins with the rest of a longer
// label ("研究人员人数 3", "的人数：6", "召开场次") into those words and
// what follows them.
func labelTailValue(chunk string) (words, val string, ok bool) {
	rs := []rune(strings.TrimSpace(chunk))
	i := 0
	for i < len(rs) && isHan(rs[i]) {
		i++
	}
	words = string(rs[:i])
	if words == "" || !labelTailRe.MatchString(words) && !connectorRe.MatchString(words) {
		return "", "", false
	}
	return words, strings.TrimSpace(strings.TrimLeft(string(rs[i:]), " ：:")), true
}

func allNum(f []string) bool {
	for _, x := range f {
		if !numTokenRe.MatchString(x) {
			return false
		}
	}
	return true
}

var moneyTokRe = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?|[零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*(万元|千元|元|万)?`)

var moneyTailRe = regexp.MustCompile(`^(\s*[¥￥]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|元))\s*\p{Han}{1,6}\s*$`)

func (c *collector) assignMoney(key, raw string) {
	unit := unitOf(key)
	if c.unit != "" {
		unit = c.unit
	}
	s := stripLead(raw)
	if key == "funds_matching" {
		c.fundsMatching(s, unit)
		return
	}
	chunk := firstChunk(s)
	if g := moneyTailRe.FindStringSubmatch(chunk); g != nil {
		// "0万元地方": words after the amount's unit begin the next
		// label (地方配套资金), they are not part of the amount
		chunk = g[1]
	}
	v, st := ParseMoney(chunk, unit)
	if st == OK && unit == "万元" && !strings.Contains(chunk, "万") && v >= 1000*10000 {
		v, st = ParseMoney(chunk, "元") // "100000" under a 万元 label means yuan
	}
	c.record(key, v, st, chunk)
}

// fundsMatching reads "（注明资金来源和金额） 上海市人力资源和社会保障局 10 万元":
// the amount is the last number, the source the words before it.
func (c *collector) fundsMatching(s, unit string) {
	s = strings.TrimSpace(s)
	line := CleanText(s)
	if IsBlank(line) {
		c.set("funds_matching", nil)
		return
	}
	ms := moneyTokRe.FindAllStringSubmatchIndex(line, -1)
	best := len(ms) - 1 // the last amount, or the last one written with a unit
	for i, m := range ms {
		if m[4] >= 0 {
			best = i
		}
	}
	if best < 0 {
		if v, st := ParseMoney(line, unit); st != Absent {
			c.record("funds_matching", v, st, line)
		}
		return
	}
	m := ms[best]
	v, st := ParseMoney(line[m[0]:m[1]], unit)
	if st == OK && unit == "万元" && m[4] < 0 && v >= 1000*10000 {
		v, st = ParseMoney(line[m[2]:m[3]], "元")
	}
	c.record("funds_matching", v, st, line[m[0]:m[1]])
	// the source is written before the amount ("市人社局 10万元"), or after it
	src := strings.TrimSpace(line[:m[0]])
	if IsBlank(strings.Trim(src, " ，,;；。、：:")) || strings.Trim(src, " ，,;；。、：:") == "" {
		src = strings.TrimSpace(rowNoTailRe.ReplaceAllString(line[m[1]:], ""))
	}
	src = strings.NewReplacer("资金来源", "", "来源", "", "金额", "", "：", "", ":", "").Replace(src)
	// "__10__万元，来源__市人社局__": the amount's unit and the blanks'
	// underlines are not the source
	src = strings.Trim(src, " ，,;；。、_＿")
	src = strings.TrimPrefix(strings.TrimPrefix(src, "万元"), "元")
	src = strings.Trim(src, " ，,;；。、_＿")
	if src != "" && !IsBlank(src) {
		c.set("funds_matching_source", src)
	}
}

// serviceFields reads the 服务领域 choices: the names marked (√, ☑ …), or
// when nothing is marked at all, the names written ("医疗、生物医药").
// splitNameRe: a name broken over a line end with the line's boxes set
// between its halves ("电商服务 医 ☐ ☐\n疗 生物医药").
var splitNameRe = regexp.MustCompile(`(\p{Han})((?:[ \t]*[☑☐□■☒])+)[ \t]*\n[ \t]*(\p{Han})`)

// rejoinNames moves the first half of a broken choice name to the next
// line, after the boxes, when the two halves begin a choice.
func rejoinNames(s string) string {
	return splitNameRe.ReplaceAllStringFunc(s, func(m string) string {
		g := splitNameRe.FindStringSubmatch(m)
		for _, n := range dossier.ServiceFieldNames {
			if strings.HasPrefix(n, g[1]+g[3]) {
				return g[2] + "\n" + g[1] + g[3]
			}
		}
		return m
	})
}

func (c *collector) serviceFields(raw string) {
	s := rejoinNames(Fold(raw))
	var opts []option
	for _, n := range dossier.ServiceFieldNames {
		if loc := fieldNameRes[n].FindStringIndex(s); loc != nil {
			// a name wrapped across lines ("生物医\n药") is read as one
			s = s[:loc[0]] + n + strings.Repeat(" ", loc[1]-loc[0]-len(n)) + s[loc[1]:]
			opts = append(opts, option{n, loc[0]})
		}
	}
	if len(opts) == 0 {
		if IsBlank(firstChunk(s)) {
			c.set("service_fields", nil)
		}
		return
	}
	marked, anyMark := markedOptions(s, opts)
	if g, ok := groupedBoxes(s, opts); ok {
		marked = g
	}
	if otherChosen(s, anyMark) {
		c.otherChosen = true
	}
	if !anyMark && boxedOptions(s, opts) {
		// the form's boxes printed before the names (read as 口 on a
		// scan) and none ticked: nothing chosen that can be seen
		c.set("service_fields", nil)
		return
	}
	if !anyMark {
		for _, o := range opts {
			marked = append(marked, o.name)
		}
	}
	if len(marked) == 0 {
		c.set("service_fields", nil)
		return
	}
	c.set("service_fields", orderFields(marked))
}

// boxedOptions reports the options standing behind an empty box as OCR
// reads one ("口农业口林业…"): at least two, and at least half of them. No
// choice name holds 口, so it is the box, not a word of the list.
func boxedOptions(s string, opts []option) bool {
	n := 0
	for _, o := range opts {
		if strings.HasSuffix(strings.TrimRight(s[:o.at], " \t"), "口") {
			n++
		}
	}
	return n >= 2 && 2*n >= len(opts)
}

// onlyCheckMark reports a value that is nothing but a check mark, as
// "（√）", "☑" or "√" (with blanks around it).
func onlyCheckMark(raw string) bool {
	t := strings.Trim(strings.TrimSpace(Fold(raw)), "（）()[]【】 _：:")
	return t != "" && strings.Trim(t, "√✓✔☑■☒") == ""
}

// otherChosen reports 其他 chosen among the 服务领域: with a check mark
// beside it in a ticked form, or as an item of its own in a written list
// ("环保、化工、其他"); the form's own "其他：（请补充）" prompt is not a choice.
func otherChosen(s string, marked bool) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "其他")
		if j < 0 {
			return false
		}
		at := i + j
		before, after := s[:at], s[at+len("其他"):]
		i = at + len("其他")
		if marked {
			note := strings.TrimLeft(after, " ：:")
			for _, n := range []string{"（请补充）", "(请补充)"} {
				note = strings.TrimPrefix(note, n)
			}
			if markBefore(before) == 1 || markAfter(after) == 1 || markAfter(note) == 1 {
				return true
			}
			continue
		}
		b := strings.TrimRight(before, " ")
		a := strings.TrimLeft(after, " ")
		sepBefore := b == "" || strings.ContainsAny(b[len(b)-1:], ",;") || strings.HasSuffix(b, "、") || strings.HasSuffix(b, "，") || strings.HasSuffix(b, "；")
		endAfter := a == "" || strings.HasPrefix(a, "、") || strings.HasPrefix(a, "，") || strings.HasPrefix(a, ",") || strings.HasPrefix(a, "\n")
		if sepBefore && endAfter {
			return true
		}
	}
}

// groupedBoxes reads options whose boxes a PDF's text order moved away
// from them ("☐农业 林业 渔业 ☐ ☑ ☐"): when there are exactly as many boxes
// as options and not every option has its own box beside it, the boxes
// pair with the options in order.
func groupedBoxes(s string, opts []option) ([]string, bool) {
	type mk struct {
		at      int
		checked bool
	}
	var marks []mk
	for i, r := range s {
		if strings.ContainsRune("☑☒■▣", r) {
			marks = append(marks, mk{i, true})
		} else if strings.ContainsRune("☐□", r) {
			marks = append(marks, mk{i, false})
		}
	}
	if len(opts) < 2 {
		return nil, false
	}
	if len(marks) != len(opts) {
		return looseBoxes(s, opts)
	}
	own := 0
	for _, o := range opts {
		if markBefore(s[:o.at]) != 0 || markAfter(s[o.at+len(o.name):]) != 0 {
			own++
		}
	}
	if own == len(opts) {
		return nil, false
	}
	sorted := append([]option(nil), opts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].at < sorted[j].at })
	var out []string
	for i, o := range sorted {
		if marks[i].checked {
			out = append(out, o.name)
		}
	}
	return out, true
}

// fieldNameRes find each 服务领域 name, allowing line breaks inside it.
var fieldNameRes = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, n := range dossier.ServiceFieldNames {
		m[n] = regexp.MustCompile(spaced(n))
	}
	return m
}()

func orderFields(names []string) []string {
	var out []string
	for _, n := range dossier.ServiceFieldNames {
		for _, m := range names {
			if m == n {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// publicity zips the media, dates and titles into items.
func (c *collector) publicity() {
	n := max(len(c.media), len(c.dates), len(c.titles))
	var items []dossier.PublicityItem
	at := func(l []string, i int) string {
		if i < len(l) {
			return l[i]
		}
		return ""
	}
	for i := 0; i < n; i++ {
		it := dossier.PublicityItem{Media: at(c.media, i), Date: at(c.dates, i), Title: at(c.titles, i)}
		if d, st := ParseDate(it.Date); st == OK {
			it.Date = d
		}
		if it.Media == "" && it.Date == "" && it.Title == "" {
			continue
		}
		items = append(items, it)
	}
	if len(items) > 0 {
		c.set("publicity_items", items)
		if mergedCells(items) {
			c.unsure("publicity_items", looseConfidence, "")
		}
	} else if n > 0 {
		c.set("publicity_items", nil)
	}
}

// mergedCells reports an item with a part missing whose other parts hold
// a date or a cell's rule ("| 学习强国上海学习平 |2026-09- | 专家服务团…",
// or all of it as the title): a row whose cells ran together, not a row
// left incomplete.
func mergedCells(items []dossier.PublicityItem) bool {
	for _, it := range items {
		text := it.Media + " " + it.Title
		if (it.Media == "" || it.Date == "" || it.Title == "") && (strings.ContainsAny(text, "|｜") || dateStartRe.MatchString(text)) {
			return true
		}
	}
	return false
}

// dateStartRe: a date, or what is left of one ("2026-09-").
var dateStartRe = regexp.MustCompile(`20\d\d\s*[-./年]\s*\d{1,2}`)

func (c *collector) addPub(key, raw string) {
	v := CleanText(stripLead(raw))
	if IsBlank(v) {
		v = ""
	}
	switch key {
	case keyMedia:
		c.media = append(c.media, v)
	case keyDate:
		c.dates = append(c.dates, v)
	case keyTitle:
		c.titles = append(c.titles, v)
	}
}

var (
	trailEnumRe  = regexp.MustCompile(`([。；;])\s*\d{1,2}\s*[.．、]\s*$`)
	formNoteRe   = regexp.MustCompile(`[(（]\s*具体形式\s*[)）]`)
	typedBlankRe = regexp.MustCompile(`_+\s*(\d[\d,]*)\s*_+`)
	jointRe      = regexp.MustCompile(`^(.*?)\s*([0-9][0-9,]*(?:\.\d+)?|-\s*\d+|[零一二三四五六七八九十百两]+|_+|/|无)?\s*次?\s*$`)
)

// jointResearch reads "联合攻关： 联合课题攻关 2 次": the form in words, then the count.
// leadFormRe: "联合攻关（校地共建实验室）__3__次" — the printed form's
// bracket filled in with the form of the joint research.
var (
	leadFormRe = regexp.MustCompile(`^[\s:：]*[(（]([^()（）\d]{2,30})[)）]`)
	formNoteWd = regexp.MustCompile(`具体形式|形式|请补充|填写|注明|次数`)
)

func (c *collector) jointResearch(raw string) {
	if g := leadFormRe.FindStringSubmatch(raw); g != nil && !formNoteWd.MatchString(g[1]) && !IsBlank(g[1]) {
		if n, st := ParseCount(firstChunk(raw[len(g[0]):])); st != Absent {
			c.record("joint_research", n, st, firstChunk(raw[len(g[0]):]))
			c.set("joint_research_form", CleanText(g[1]))
			return
		}
	}
	line := strings.TrimSpace(stripLead(raw))
	if i := strings.IndexAny(line, "\n；;"); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	line = strings.Trim(line, " ，,。")
	line = formNoteRe.ReplaceAllString(line, " ")
	line = strings.TrimSpace(typedBlankRe.ReplaceAllString(line, " $1 "))
	g := jointRe.FindStringSubmatch(line)
	if g == nil {
		c.assignInt("joint_research", line)
		return
	}
	form := strings.TrimSpace(g[1])
	if g[2] == "" && !strings.HasSuffix(line, "次") {
		// Only words: a form without a count, or a count in words.
		if n, st := ParseCount(line); st == OK {
			c.set("joint_research", n)
			return
		}
		form = line
	}
	if g[2] != "" || strings.HasSuffix(line, "次") {
		n, st := ParseCount(g[2])
		c.record("joint_research", n, st, g[2])
	}
	if IsBlank(form) {
		c.set("joint_research_form", nil)
	} else {
		c.set("joint_research_form", CleanText(form))
	}
}

// fallbackSources finds, for each field read without a recorded place,
// the line of the document its value stands on (text and numbers as
// written; a money field by its amount in yuan or 万元), with its page.
func (c *collector) fallbackSources(text string) {
	pages := strings.Split(text, "\f")
	if len(pages) > 1 {
		for k, src := range c.src { // a place read line by line: find its page
			if src.Page == 0 && src.Sheet == "" && src.Text != "" {
				if at, ok := lineWith(pages, strings.TrimSuffix(src.Text, "…")); ok {
					src.Page = at.Page
					c.src[k] = src
				}
			}
		}
	}
	for k, v := range c.f {
		if _, ok := c.src[k]; ok || v == nil {
			continue
		}
		var needles []string
		switch x := v.(type) {
		case string:
			needles = []string{x}
			if y, m, d, ok := isoParts(x); ok { // a date as the document wrote it
				needles = append(needles, fmt.Sprintf("%d年%d月%d日", y, m, d), fmt.Sprintf("%d年%02d月%02d日", y, m, d),
					fmt.Sprintf("%d.%d.%d", y, m, d), fmt.Sprintf("%d/%d/%d", y, m, d))
			}
		case int64:
			needles = []string{strconv.FormatInt(x, 10)}
		case float64:
			needles = []string{strconv.FormatFloat(x, 'f', 2, 64), addCommas(x), strconv.FormatFloat(x/10000, 'f', -1, 64)}
		case []string:
			if len(x) > 0 {
				needles = []string{x[0]}
			}
		}
		for _, n := range needles {
			if len([]rune(n)) < 2 && k != "service_days" {
				continue
			}
			if at, ok := lineWith(pages, n); ok {
				if c.src == nil {
					c.src = map[string]dossier.Source{}
				}
				c.src[k] = at
				break
			}
		}
	}
}

func lineWith(pages []string, needle string) (dossier.Source, bool) {
	for p, page := range pages {
		for _, l := range strings.Split(page, "\n") {
			t := strings.Join(strings.Fields(l), " ")
			if strings.Contains(l, needle) || strings.Contains(t, needle) {
				if r := []rune(t); len(r) > 80 {
					t = string(r[:80]) + "…"
				}
				src := dossier.Source{Text: t}
				if len(pages) > 1 {
					src.Page = p + 1
				}
				return src, true
			}
		}
	}
	return dossier.Source{}, false
}

// addCommas writes 100000 as "100,000.00".
func addCommas(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 && intPart[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + "." + frac
}

// atHolds reports whether the text of the place in hand shows key's value
// (its first characters, or its digits), so that a place left over from
// an earlier reading is not given to a value read elsewhere.
func (c *collector) atHolds(key string) bool {
	t := strings.ReplaceAll(c.at.Text, ",", "")
	switch v := c.f[key].(type) {
	case string:
		r := []rune(v)
		if len(r) > 4 {
			r = r[:4]
		}
		return strings.Contains(c.at.Text, string(r)) || !hasHan(v)
	case int64:
		return strings.Contains(t, strconv.FormatInt(v, 10))
	case float64:
		return strings.Contains(t, strconv.FormatFloat(v, 'f', -1, 64)) || strings.Contains(t, strconv.FormatFloat(v/10000, 'f', -1, 64)) ||
			strings.Contains(t, strconv.FormatFloat(v, 'f', 2, 64))
	case []string:
		return len(v) == 0 || strings.Contains(c.at.Text, v[0])
	}
	return true // a mark, a blank or an unreadable value: the label's place
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

func isoParts(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	_, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d)
	return y, m, d, err == nil
}
