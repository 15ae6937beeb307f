package ocr

import (
	"regexp"
	"strings"
)

// cleanWord undoes tesseract's usual confusions on these forms, without
// changing what a word means: the angle and lenticular brackets it reads
// for the forms' round full-width ones.
func cleanWord(s string) string {
	return bracketFix.Replace(s)
}

var bracketFix = strings.NewReplacer("〈", "（", "《", "（", "【", "（", "〉", "）", "》", "）", "】", "）")

// markBoxes turns the box glyphs tesseract reads as 回 (ticked) and 口
// (empty) into ☑ and ☐ where they stand before a form's answer word
// (是 否 有 无). Each is three bytes in UTF-8 either way, so word spans hold.
func markBoxes(l *Line) {
	b := []byte(l.Text)
	for i := 0; i+6 <= len(b); i++ {
		var mark string
		switch string(b[i : i+3]) {
		case "回":
			mark = "☑"
		case "口":
			mark = "☐"
		default:
			continue
		}
		next := string(b[i+3 : i+6])
		if next == " " || !strings.Contains("是否有无", next) {
			continue
		}
		copy(b[i:i+3], mark)
	}
	l.Text = string(b)
}

// dropNoise removes what is not a word: stray quote marks tesseract reads
// in wide gaps ("王敏 ”李强", "资金 ”100,000.00"), trimmed from the
// words' ends and dropped when nothing else is left.
func dropNoise(words []Word) []Word {
	out := make([]Word, 0, len(words))
	for _, w := range words {
		w.Text = strings.Trim(w.Text, "”“\"'‘’`")
		if w.Text != "" {
			out = append(out, w)
		}
	}
	return out
}

var (
	groupHead = regexp.MustCompile(`^\d{1,3}$`)
	groupTail = regexp.MustCompile(`^\d{3}(?:[.,]\d+)*$`)
)

// thousands: two words that are one amount whose thousands comma was
// read as a gap ("5" "930.39").
func thousands(prev, cur string) bool {
	return groupHead.MatchString(prev) && groupTail.MatchString(cur) && strings.ContainsAny(cur, ".,")
}

// The survey's boxes and ticks as tesseract reads them: a ticked box
// before a circled number as 回/四/加/团 ("四中一次服务", "回@)分批次服务"),
// an empty one as 口 ("口中一次服务"); a tick in brackets as V, v or J
// ("畜牧业（(V)"); an empty bracket pair as stray brackets ("农业（（)").
var (
	modeLine    = regexp.MustCompile(`^\s*(\S{1,4}?)\s*(一次服务|分批次服务)`)
	ticked      = "回四加团国图"
	tickPair    = regexp.MustCompile(`[（(〔]+\s*[VvJ√/✓]\s*[)）]+`)
	emptyPair   = regexp.MustCompile(`[（(〔]+\s*[)）]+`)
	yesNoJunk   = regexp.MustCompile(`([☐☑])是\s*([^☐☑\s]{1,2}?)\s*否`)
	circledMode = map[string]string{"一次服务": "①", "分批次服务": "②"}
)

// fixMarks rewrites a line's box and tick glyphs as a text layer has them
// (☑ ☐ （√） （ ）), for the parser; word spans refer to the raw line.
func fixMarks(s string) string {
	if m := modeLine.FindStringSubmatchIndex(s); m != nil {
		junk := s[m[2]:m[3]]
		mode := s[m[4]:m[5]]
		first := []rune(junk)[0]
		switch {
		case first == '口':
			s = "☐" + circledMode[mode] + " " + s[m[4]:]
		case strings.ContainsRune(ticked, first):
			s = "☑" + circledMode[mode] + " " + s[m[4]:]
		}
	}
	s = tickPair.ReplaceAllString(s, "（√）")
	s = emptyPair.ReplaceAllString(s, "（ ）")
	s = yesNoJunk.ReplaceAllStringFunc(s, func(m string) string {
		g := yesNoJunk.FindStringSubmatch(m)
		box := "☑"
		if strings.HasPrefix(g[2], "口") {
			box = "☐"
		}
		return g[1] + "是" + box + "否"
	})
	return s
}
