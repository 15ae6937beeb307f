package ocr

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// cleanWord undoes tesseract's usual confusions on these forms, without
// changing what a word means: the angle and lenticular brackets it reads
// for the forms' round full-width ones.
func cleanWord(s string) string {
	return bracketFix.Replace(s)
}

// A "1" tesseract reads as "]" ("]场" for "1 场"), or a "]" it adds
// beside a 1 ("]1 项", "1]场", "1]1" for 11): the bracket is dropped from
// a number, and a lone one before a count's unit is a 1. The word then
// keeps only its word confidence (fixDigits reports the change).
var (
	bracketInNumber = regexp.MustCompile(`^(\d*)\](\d*)$`)
	loneBracket     = regexp.MustCompile(`^\]([场项个次人种家])?$`)
)

// fixDigits undoes the bracket-for-1 confusion in a word of a count;
// next is the following word (a lone "]" must stand before a unit).
func fixDigits(s, next string) (string, bool) {
	if m := bracketInNumber.FindStringSubmatch(s); m != nil && m[1]+m[2] != "" {
		return m[1] + m[2], true
	}
	if m := loneBracket.FindStringSubmatch(s); m != nil {
		if m[1] != "" {
			return "1" + m[1], true
		}
		if r, _ := utf8.DecodeRuneInString(next); strings.ContainsRune("场项个次人种家", r) {
			return "1", true
		}
	}
	return s, false
}

var bracketFix = strings.NewReplacer("〈", "（", "《", "（", "【", "（", "〉", "）", "》", "）", "】", "）")

// markBoxes turns the box glyphs tesseract reads as 回 (ticked) and 口
// (empty) into ☑ and ☐ where they stand before a form's answer word
// (是 否 有 无). Each is three bytes in UTF-8 either way, so word spans hold.
func markBoxes(l *Line) {
	b := []byte(l.Text)
	for i := 0; i+6 <= len(b); i++ {
		var mark string
		switch g := string(b[i : i+3]); {
		case g == "回":
			mark = "☑"
		case g == "口":
			mark = "☐"
		case strings.Contains("四加团国图", g) && afterColon(b, i):
			// other readings of a ticked box, only where an answer's box
			// stands (right after the question's colon); the box's ink
			// confirms it or not (extract's markConf)
			mark = "☑"
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

// afterColon: the byte before i ends a colon (":" or "：").
func afterColon(b []byte, i int) bool {
	return (i >= 1 && b[i-1] == ':') || (i >= 3 && string(b[i-3:i]) == "：")
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
	modeLine  = regexp.MustCompile(`^\s*(\S{1,4}?)\s*(一次服务|分批次服务)`)
	ticked    = "回四加团国图☑"
	tickPair  = regexp.MustCompile(`[（(〔]+\s*[VvJ√/✓]\s*[)）]+`)
	emptyPair = regexp.MustCompile(`[（(〔]+\s*[)）]+`)
	yesNoJunk = regexp.MustCompile(`([☐☑])是\s*([^☐☑\s]{1,2}?)\s*否`)
	// a box settled by its frame (marks.go) with a stray glyph of its
	// tick read after it: "☐是☑和否"
	markJunk    = regexp.MustCompile(`([☐☑][是有])\s*([☐☑])\s*[^☐☑\s是否有无]\s*([否无])`)
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
		case first == '口' || first == '☐': // ☐: a box its frame settled (marks.go)
			s = "☐" + circledMode[mode] + " " + s[m[4]:]
		case strings.ContainsRune(ticked, first):
			s = "☑" + circledMode[mode] + " " + s[m[4]:]
		}
	}
	s = fillBlanks(s)
	s = tickPair.ReplaceAllString(s, "（√）")
	s = emptyPair.ReplaceAllString(s, "（ ）")
	s = markJunk.ReplaceAllString(s, "$1$2$3")
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

// The service-mode lines' fill-in blanks: a text layer has them as
// underscores ("服务天数 ____"); a scan has a drawn line tesseract does not
// read, so the next line's text would be taken for the value.
var (
	blankDays   = regexp.MustCompile(`(一次服务\s*服务天数)\s*$`)
	blankTimes  = regexp.MustCompile(`(服务次数)\s*([，,])`)
	blankDaysOf = regexp.MustCompile(`(总\s*和\s*[)）])\s*$`)
)

func fillBlanks(s string) string {
	if !strings.Contains(s, "服务") {
		return s
	}
	s = blankDays.ReplaceAllString(s, "$1 ____")
	s = blankTimes.ReplaceAllString(s, "$1 ____ $2")
	return blankDaysOf.ReplaceAllString(s, "$1 ____")
}
