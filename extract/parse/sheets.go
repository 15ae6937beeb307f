package parse

import (
	"regexp"
	"strings"

	"dossier"
)

// gridLabels are the survey labels as they stand alone in a cell: no
// number needs to follow, and each 服务领域 name may be its own row
// ("农业 | 是").
var gridLabels = func() []label {
	var out []label
	for _, l := range surveyAll {
		l.needNum, l.colon = false, false
		out = append(out, l)
	}
	for _, n := range dossier.ServiceFieldNames {
		out = append(out, lit("@sf:"+n, false, n)...)
	}
	return out
}()

var (
	cellUnitRe = regexp.MustCompile(`[(（]\s*(?:万元|元|个|人|人次|次|场|场次|项|种|家|天|名|批|批次)\s*[)）]`)
	// cellOptRe is a note on the answer's form: the choices offered
	// ("（有/无）", "(Y/N)", "（是/否）") or the option a count belongs to
	// ("服务天数（一次服务）").
	cellOptRe   = regexp.MustCompile(`[(（]\s*(?:[有是√✓]\s*[/／、|]\s*[无否×✗]|(?i:y\s*[/／]\s*n)|一次服务|一次性服务|一次性|分批次服务|分批次|分批|单选|下拉选择)\s*[)）]`)
	cellRestSet = map[string]bool{"次数": true, "场次": true, "人数": true, "个数": true, "数量": true, "数": true, "次": true, "场": true,
		"个": true, "人": true, "人次": true, "项": true, "种": true, "家": true, "天": true, "万元": true, "元": true, "金额": true, "情况": true, "请补充": true, "具体形式": true, "多选": true, "请选择": true, "专家": true, "来源": true, "专家来源": true}
)

// cellLabel reports the key of a cell that is only a label (with its
// numbering, notes, unit and colon), and the money unit it names.
func cellLabel(cell string) (key, unit string, ok bool) {
	s := prepSurvey(cell)
	ms := findLabels(s, gridLabels)
	if len(ms) == 0 {
		return "", "", false
	}
	rest := s
	for i := len(ms) - 1; i >= 0; i-- {
		rest = rest[:ms[i].start] + " " + rest[ms[i].end:]
	}
	if strings.Contains(cell, "万元") {
		unit = "万元"
	} else if strings.Contains(cell, "（元）") || strings.Contains(cell, "(元)") {
		unit = "元"
	}
	rest = cellUnitRe.ReplaceAllString(rest, " ")
	rest = cellOptRe.ReplaceAllString(rest, " ")
	rest = strings.NewReplacer("(", " ", ")", " ", "（", " ", "）", " ", "：", " ", ":", " ", "、", " ", "/", " ", "？", " ", "?", " ", "*", " ", "★", " ",
		"-", " ", "－", " ", "—", " ", "–", " ", "·", " ").Replace(rest)
	var unknown []string
	for _, f := range strings.Fields(rest) {
		if !cellRestSet[f] {
			unknown = append(unknown, f)
		}
	}
	if len(unknown) > 0 && !looseRest(cell, s, unknown, ms) {
		return "", "", false
	}
	// The last field the cell names; a pseudo key (其他, （具体描述）) only
	// when it names no field itself ("取得经济效益（具体描述）" is 经济效益).
	key, pseudo := "", ""
	for _, m := range ms {
		switch k := m.lab.key; {
		case k == "" || strings.HasPrefix(k, keySec):
		case strings.HasPrefix(k, "@") && !strings.HasPrefix(k, "@sf:"):
			pseudo = k
		default:
			key = k
		}
	}
	if key == "" {
		key = pseudo
	}
	return key, unit, true
}

type cellPos struct{ r, c int }

// parseSurveySheets reads a survey workbook by its labels wherever they
// sit: the value to the right of the label, or below it.
func parseSurveySheets(sheets []Sheet, c *collector) {
	regionRe(prepSurvey(sheetsText(sheets)), c)
	var sf []string
	sfSeen := false
	for _, sh := range sheets {
		rows := dedupeRows(sh.Rows)
		isLabel := map[cellPos]bool{}
		keys := map[cellPos]string{}
		units := map[cellPos]string{}
		loose := map[cellPos]bool{}
		for r, row := range rows {
			for ci, cell := range row {
				if strings.TrimSpace(cell) == "" {
					continue
				}
				if k, u, ok := cellLabel(cell); ok {
					if unknownRest(cell) {
						loose[cellPos{r, ci}] = true
					}
					isLabel[cellPos{r, ci}] = true
					keys[cellPos{r, ci}] = k
					units[cellPos{r, ci}] = u
				}
			}
		}
		used := map[cellPos]bool{}
		prev := ""
		for r, row := range rows {
			for ci, cell := range row {
				p := cellPos{r, ci}
				if strings.TrimSpace(cell) == "" || used[p] {
					continue
				}
				if !isLabel[p] {
					// A cell with label and value together ("服务天数：12天").
					s := prepSurvey(cell)
					c.here(s, 0, len(s), sh.Name)
					if ms := findLabels(s, surveyAll); len(ms) > 0 {
						c.walk(s, ms)
						c.serviceMode(s, ms)
					}
					continue
				}
				key := c.resolve(keys[p], prev)
				if key == "" {
					continue
				}
				if key == keyMedia || key == keyDate || key == keyTitle {
					for _, v := range valuesBelowOrRight(rows, isLabel, r, ci, used) {
						c.addPub(key, v)
					}
					continue
				}
				val, vp, found := valueFor(rows, isLabel, keys, r, ci, key)
				if found && vp.r == r && !readsAs(key, val) {
					// a row of column headers over a row of values: the cell
					// to the right is the next header, not this one's value
					if v := cellAt(rows, r+1, ci); v != "" && !isLabel[cellPos{r + 1, ci}] && readsAs(key, v) {
						val, vp = v, cellPos{r + 1, ci}
					}
				}
				if found {
					used[vp] = true
				}
				at := strings.TrimSpace(cell + " " + val)
				c.here(at, 0, len(at), sh.Name)
				switch {
				case strings.HasPrefix(key, "@sf:"):
					sfSeen = true
					if b, st := ParseBool(val); st == OK && b {
						sf = append(sf, strings.TrimPrefix(key, "@sf:"))
					}
					prev = "service_fields"
					continue
				case key == keyMode:
					if m, ok := modeFromOptions(rows, vp.r, vp.c); found && ok {
						c.set("service_mode", m)
					} else if v := modeOf(val); v != "" {
						c.set("service_mode", v)
					} else if IsBlank(val) {
						c.set("service_mode", nil)
					}
					continue
				case strings.HasPrefix(key, "@"):
					continue
				}
				if !found || strings.TrimSpace(val) == "" {
					c.set(key, nil)
				} else {
					old := c.unit
					if units[p] != "" {
						c.unit = units[p]
					} else if u := rowUnit(rows, r, ci, vp.c); u != "" && vp.r == r {
						c.unit = u
					}
					c.assign(key, val)
					if loose[p] {
						c.unsure(key, looseConfidence, cell)
					}
					c.unit = old
					c.pending = nil
				}
				prev = key
				c.last = key
			}
		}
	}
	if sfSeen {
		if _, ok := c.f["service_fields"]; !ok || c.f["service_fields"] == nil {
			if len(sf) > 0 {
				c.f["service_fields"] = orderFields(sf)
			} else {
				c.set("service_fields", nil)
			}
		}
	}
	if _, ok := c.f["service_mode"]; !ok {
		c.serviceMode("", nil)
	}
	c.publicity()
	c.teamFromSurveyTitle(sheetsText(sheets))
}

// dedupeRows blanks the copies a merged range leaves in the cells to its
// right, and the copies of a label below it, so a merged label or value is
// read once.
func dedupeRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for r, row := range rows {
		nr := make([]string, len(row))
		for c, v := range row {
			v = strings.TrimSpace(v)
			if c > 0 && v != "" && v == strings.TrimSpace(row[c-1]) && !shortAnswer(v) {
				continue
			}
			if r > 0 && v != "" && v == strings.TrimSpace(cellAt(rows, r-1, c)) && !shortAnswer(v) {
				// a field's label merged down over several rows ("2.服务领域"
				// beside its grid of choices) is read once; equal values or
				// pseudo labels one under another ("分别是", a column of
				// media names) are kept
				if k, _, ok := cellLabel(v); ok && k != "" && !strings.HasPrefix(k, "@") {
					continue
				}
			}
			nr[c] = v
		}
		out[r] = nr
	}
	return out
}

// shortAnswer is a value two neighbouring cells often hold alike (a count,
// 是/否, a mark): equal neighbours of that kind are two answers, not the
// copies a merged range leaves.
func shortAnswer(v string) bool {
	if _, st := ParseCount(v); st == OK {
		return true
	}
	if _, st := ParseBool(v); st == OK {
		return true
	}
	return len([]rune(v)) <= 2
}

// noteCellRe is a cell that only annotates the one above ("（填写）", "（个）").
var noteCellRe = regexp.MustCompile(`^[(（][^()（）]{0,12}[)）]$`)

func cellAt(rows [][]string, r, c int) string {
	if r < 0 || r >= len(rows) || c < 0 || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}

// valueFor finds a label's value: the next non-empty cell to its right
// that is not itself a label, else the cell below. A 服务领域 name is a
// value when the label is 服务领域.
func valueFor(rows [][]string, isLabel map[cellPos]bool, keys map[cellPos]string, r, c int, key string) (string, cellPos, bool) {
	acceptLabel := func(p cellPos) bool {
		return key == "service_fields" && strings.HasPrefix(keys[p], "@sf:") && !checkList(rows, keys, p)
	}
	for cc := c + 1; cc < len(rows[r]); cc++ {
		v := rows[r][cc]
		if v == "" {
			continue
		}
		p := cellPos{r, cc}
		if isLabel[p] && !acceptLabel(p) {
			break
		}
		if unitCellRe.MatchString(v) && nextValue(rows, isLabel, r, cc) {
			// an indicator sheet's 计量单位 column between the label and
			// its value (指标名称 | 计量单位 | 填报数)
			continue
		}
		return v, p, true
	}
	// Below: the next cell down, past note cells ("（填写）") and at most
	// two empty ones, stopping at the next label.
	empties := 0
	for rr := r + 1; rr < len(rows) && rr <= r+4; rr++ {
		v := cellAt(rows, rr, c)
		p := cellPos{rr, c}
		if isLabel[p] && (!acceptLabel(p) || acceptLabel(cellPos{rr + 1, c})) {
			// A 服务领域 name below the label is its value, unless the next
			// row holds another name: then it is a check list, one row per
			// choice, read row by row.
			break
		}
		if v == "" {
			if empties++; empties > 2 {
				break
			}
			continue
		}
		if noteCellRe.MatchString(v) {
			continue
		}
		return v, p, true
	}
	return "", cellPos{}, false
}

// readsAs reports whether v reads as a value of key's type: a count, an
// amount or a yes/no for those fields, anything for text.
func readsAs(key, v string) bool {
	switch typeOf(key) {
	case dossier.TypeInt:
		_, st := ParseCount(v)
		return st == OK || st == Blank
	case dossier.TypeMoney:
		_, st := ParseMoney(v, unitOf(key))
		return st == OK || st == Blank
	case dossier.TypeBool:
		_, st := ParseBool(v)
		return st == OK || st == Blank
	}
	return true
}

// unitCellRe is a cell that holds only a unit of measure.
var unitCellRe = regexp.MustCompile(`^\s*[(（]?\s*(?:万元|元|个|人|人次|次|场|场次|项|种|家|天|批|批次|名|篇|条|户|所|期|万人次|人天)\s*[)）]?\s*$`)

// nextValue reports whether a cell right of (r, c) holds something that
// is not a label.
func nextValue(rows [][]string, isLabel map[cellPos]bool, r, c int) bool {
	for cc := c + 1; cc < len(rows[r]); cc++ {
		if rows[r][cc] == "" {
			continue
		}
		return !isLabel[cellPos{r, cc}]
	}
	return false
}

// rowUnit is the money unit an indicator sheet's unit column gives a row:
// the unit cell between the label at c and its value at vc.
func rowUnit(rows [][]string, r, c, vc int) string {
	for cc := c + 1; cc < vc && cc < len(rows[r]); cc++ {
		switch strings.Trim(rows[r][cc], " ()（）") {
		case "万元":
			return "万元"
		case "元":
			return "元"
		}
	}
	return ""
}

// checkList reports whether the 服务领域 name at p is one choice of a
// check list (a row or column of names, each with its own mark cell)
// rather than a value written under or beside the 服务领域 label.
func checkList(rows [][]string, keys map[cellPos]string, p cellPos) bool {
	names := map[string]bool{} // distinct: a merged cell repeats its name
	for c := range rows[p.r] {
		if k := keys[cellPos{p.r, c}]; strings.HasPrefix(k, "@sf:") {
			names[k] = true
		}
	}
	return len(names) >= 2 || strings.HasPrefix(keys[cellPos{p.r + 1, p.c}], "@sf:")
}

// modeFromOptions reads 服务形式 laid out as option cells with the mark
// under each ("一次服务 | 分批次服务" over "| ✓"), the options starting at
// (r, c). ok is false when the cells are not laid out that way.
func modeFromOptions(rows [][]string, r, c int) (mode string, ok bool) {
	var marked []string
	opts := 0
	for cc := c; cc < len(rows[r]) && cc < c+6; cc++ {
		v := rows[r][cc]
		if v == "" {
			continue
		}
		m := ""
		switch {
		case strings.Contains(v, "分批"):
			m = "batches"
		case indexOnce(v) >= 0 || strings.Contains(v, "一次"):
			m = "once"
		default:
			continue
		}
		opts++
		if b, st := ParseBool(cellAt(rows, r+1, cc)); st == OK && b {
			marked = append(marked, m)
		}
	}
	if opts < 2 || len(marked) != 1 {
		return "", false
	}
	return marked[0], true
}

// valuesBelowOrRight reads a publicity column: the value right of the
// label, or every value below it down to the next empty cell or label.
func valuesBelowOrRight(rows [][]string, isLabel map[cellPos]bool, r, c int, used map[cellPos]bool) []string {
	for cc := c + 1; cc < len(rows[r]); cc++ {
		v := rows[r][cc]
		if v == "" {
			continue
		}
		if isLabel[cellPos{r, cc}] {
			break
		}
		used[cellPos{r, cc}] = true
		return []string{v}
	}
	var out []string
	for rr := r + 1; rr < len(rows); rr++ {
		v := cellAt(rows, rr, c)
		if v == "" || rowHasLabel(isLabel, rows, rr) {
			break
		}
		used[cellPos{rr, c}] = true
		out = append(out, v)
	}
	return out
}

func rowHasLabel(isLabel map[cellPos]bool, rows [][]string, r int) bool {
	for c := range rows[r] {
		if isLabel[cellPos{r, c}] {
			return true
		}
	}
	return false
}
