package extract

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
	"dossier/extract/ocr"
)

// confFromWords turns the confidences of the words a value was read from
// into the field's confidence. The minimum: one doubtful word (one digit)
// is enough to doubt the value; measured against the mean on the scan set
// (README, "Reading scans").
var confFromWords = minConf

func minConf(c []float64) float64 {
	m := 1.0
	for _, v := range c {
		m = math.Min(m, v)
	}
	return m
}

func meanConf(c []float64) float64 {
	if len(c) == 0 {
		return 0
	}
	s := 0.0
	for _, v := range c {
		s += v
	}
	return s / float64(len(c))
}

// unlocated is the confidence of a field whose value cannot be found in
// the OCR'd lines (it was rebuilt from several places, or normalised past
// recognition): the clerk should look at it.
const unlocated = 0.5

// attribute finds, for every field parsed from OCR'd text, the line and
// the words its value came from: its confidence (from those words) and its
// source (page and line). Fields found only on pages with a text layer are
// left out (they were read with certainty).
func attribute(f dossier.Fields, lines []ocrLine, frames map[int][]ocr.Frame) (map[string]float64, map[string]dossier.Source) {
	conf := map[string]float64{}
	src := map[string]dossier.Source{}
	for key, v := range f {
		if v == nil {
			continue
		}
		c, ln, ok := 0.0, ocrLine{}, false
		if b, isBool := v.(bool); isBool {
			c, ln, ok = markConf(key, b, lines, frames) // the boxes' ink decides
		}
		if !ok {
			c, ln, ok = locate(key, v, lines)
		}
		if !ok {
			conf[key] = unlocated
			continue
		}
		conf[key] = math.Round(c*1000) / 1000
		src[key] = dossier.Source{Page: ln.page, Text: ln.line.Text, OCR: true}
	}
	return conf, src
}

// locate finds the value of key in lines: the line that holds it (one
// that also holds the field's label first) and the confidence of its words.
func locate(key string, v any, lines []ocrLine) (float64, ocrLine, bool) {
	if items, ok := v.([]dossier.PublicityItem); ok && len(items) > 0 {
		return locateItems(key, items, lines)
	}
	toks := valueTokens(key, v)
	if len(toks) == 0 {
		return labelLine(key, lines)
	}
	if _, list := v.([]string); list && len(toks) > 1 {
		return locateEach(key, toks, lines)
	}
	label := dossier.LabelOf(key)
	best, bestLabelled := -1.0, false
	var bestLine ocrLine
	found := 0
	for _, ln := range lines {
		c, ok := tokensIn(ln, toks)
		if !ok {
			continue
		}
		found++
		labelled := hasLabel(ln.line.Text, label) || (lineLabels[key] != nil && lineLabels[key].MatchString(ln.line.Text))
		switch {
		case labelled && !bestLabelled, best < 0:
			best, bestLine, bestLabelled = c, ln, labelled
		case labelled == bestLabelled:
			// the same value on several lines and nothing to choose: the least sure
			if c < best {
				best, bestLine = c, ln
			}
		}
	}
	if found == 0 {
		// the value is on no line as read (the parser put it together
		// from several, or from garbled cells): its label's line shows
		// where it is, not that it was read right
		c, ln, ok := labelLine(key, lines)
		return min(c, unlocated), ln, ok
	}
	return best, bestLine, true
}

// locateEach locates a list's items one by one (a list of names may
// wrap over lines): the least sure item's confidence, on the first item's
// line; an item on no line caps it as a value on none (unlocated).
func locateEach(key string, toks []string, lines []ocrLine) (float64, ocrLine, bool) {
	conf, first, have := 1.0, ocrLine{}, false
	for _, tok := range toks {
		c, ln, ok := locate(key, tok, lines)
		if !ok {
			return 0, ocrLine{}, false
		}
		if !have {
			first, have = ln, true
		}
		conf = min(conf, c)
	}
	return conf, first, have
}

// locateItems locates a publicity table's rows: each item's media and
// the start of its title on one line (a row; its date is written in too
// many ways to look for), the least sure row's confidence.
func locateItems(key string, items []dossier.PublicityItem, lines []ocrLine) (float64, ocrLine, bool) {
	conf, first, have := 1.0, ocrLine{}, false
	for _, it := range items {
		var toks []string
		if m := strings.TrimSpace(it.Media); m != "" {
			toks = append(toks, m)
		}
		if r := []rune(strings.TrimSpace(it.Title)); len(r) > 0 {
			toks = append(toks, string(r[:min(len(r), 8)])) // a long title wraps: its start is on the row
		}
		found := false
		for _, ln := range lines {
			if c, ok := tokensIn(ln, toks); ok {
				conf, found = min(conf, c), true
				if !have {
					first, have = ln, true
				}
				break
			}
		}
		if !found {
			c, ln, ok := labelLine(key, lines)
			return min(c, unlocated), ln, ok
		}
	}
	return conf, first, have
}

// lineLabels: fields whose line on the form does not carry their
// catalogue label ("3.服务区域覆盖 3 个地市、5 个区县、9 家企事业单位").
var lineLabels = map[string]*regexp.Regexp{
	"region_cities":   regexp.MustCompile(`服\s*务\s*区\s*域\s*覆\s*盖`),
	"region_counties": regexp.MustCompile(`服\s*务\s*区\s*域\s*覆\s*盖`),
	"region_units":    regexp.MustCompile(`服\s*务\s*区\s*域\s*覆\s*盖`),
}

// labelLine is the line of key's label and the confidence of all its words
// (bools and enums are read from the words around their label).
func labelLine(key string, lines []ocrLine) (float64, ocrLine, bool) {
	label := dossier.LabelOf(key)
	for _, ln := range lines {
		if hasLabel(ln.line.Text, label) {
			var cs []float64
			for _, w := range ln.line.Words {
				cs = append(cs, wordConf(w))
			}
			return confFromWords(cs), ln, true
		}
	}
	return 0, ocrLine{}, false
}

// hasLabel: the line holds the label, or its first four characters.
func hasLabel(text, label string) bool {
	t := strings.ReplaceAll(text, " ", "")
	if label == "" {
		return false
	}
	if strings.Contains(t, label) {
		return true
	}
	if utf8.RuneCountInString(label) > 4 {
		r := []rune(label)
		return strings.Contains(t, string(r[:4]))
	}
	return false
}

// tokensIn finds every token in the line (each standing alone: a number
// not inside a longer one) and returns the confidence of the words under them.
func tokensIn(ln ocrLine, toks []string) (float64, bool) {
	var cs []float64
	for _, tok := range toks {
		at, end := findToken(ln.line.Text, tok)
		if at < 0 {
			return 0, false
		}
		for i, sp := range ln.line.Spans {
			if sp[0] < end && sp[1] > at {
				cs = append(cs, wordConf(ln.line.Words[i]))
			}
		}
	}
	if len(cs) == 0 {
		return 0, false
	}
	return confFromWords(cs), true
}

// findToken returns where tok stands in s, not inside a longer number;
// a number also where s writes it with thousands separators ("6,551.73"
// for 6551.73). end is where it ends in s.
func findToken(s, tok string) (at, end int) {
	if i := findPlain(s, tok); i >= 0 {
		return i, i + len(tok)
	}
	if !numberish(tok) || !strings.Contains(s, ",") {
		return -1, -1
	}
	var b strings.Builder
	var idx []int // byte of b → byte of s
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			continue
		}
		b.WriteByte(s[i])
		idx = append(idx, i)
	}
	j := findPlain(b.String(), tok)
	if j < 0 {
		return -1, -1
	}
	return idx[j], idx[j+len(tok)-1] + 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// findPlain returns where tok stands in s as written, not inside a
// longer number.
func findPlain(s, tok string) int {
	from := 0
	for {
		i := strings.Index(s[from:], tok)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(tok)
		if !numberish(tok) || (!digitBefore(s, i) && !digitAfter(s, end)) {
			return i
		}
		from = i + 1
	}
}

func numberish(t string) bool { return t != "" && t[0] >= '0' && t[0] <= '9' }

func digitBefore(s string, i int) bool {
	return i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '.' || s[i-1] == ',')
}

func digitAfter(s string, i int) bool {
	return i < len(s) && (s[i] >= '0' && s[i] <= '9' || (s[i] == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9'))
}

// valueTokens is what a value looks like on the page: a count as digits,
// money in yuan with cents (or in 万元 where the form asks for 万元), a date
// as its three numbers, text as itself. Bools and enums have none.
func valueTokens(key string, v any) []string {
	switch x := v.(type) {
	case int64:
		return []string{strconv.FormatInt(x, 10)}
	case int:
		return []string{strconv.Itoa(x)}
	case float64:
		if fd, ok := dossier.FieldByKey(key); ok && fd.Unit == "万元" {
			return []string{strconv.FormatFloat(x/10000, 'f', -1, 64)}
		}
		return []string{fmt.Sprintf("%.2f", x)}
	case string:
		if fd, ok := dossier.FieldByKey(key); ok && (fd.Type == dossier.TypeEnum || fd.Type == dossier.TypeBool) {
			return nil
		}
		if len(x) == 10 && x[4] == '-' && x[7] == '-' {
			y, m, d := x[:4], strings.TrimLeft(x[5:7], "0"), strings.TrimLeft(x[8:], "0")
			return []string{y, m, d}
		}
		return []string{x}
	case []string:
		return x
	}
	return nil
}

// wordConf is the confidence of a word for a field: the word's own, or,
// when charConf is on and its characters are known, the least sure of the
// characters that carry meaning (Han, letters, digits, the decimal point)
// — a bracket or a comma tesseract doubts does not make a name or an
// amount doubtful.
func wordConf(w ocr.Word) float64 {
	if !charConf || len(w.Chars) == 0 {
		return w.Conf
	}
	m, any := 1.0, false
	for _, c := range w.Chars {
		if !matters(c.Text) {
			continue
		}
		m, any = math.Min(m, c.Conf), true
	}
	if !any {
		return 1 // punctuation only: nothing of the value rests on it
	}
	return charScale(m)
}

// charScale puts a character's probability on the words' scale, which
// ocr.min_confidence is set on: the recogniser's character probabilities
// crowd near 1 (a misread 肪 for 茂 came with 0.85, every right character
// of the firm's names with 0.97 or more), so a character's doubt (1 − p)
// counts twice: 0.90 → 0.80, 0.85 → 0.70, 0.99 → 0.98 (RESULTS.md, run 9).
func charScale(p float64) float64 { return math.Max(0, 1-2*(1-p)) }

// charConf: field confidence from characters (wordConf).
var charConf = true

func matters(s string) bool {
	for _, r := range s {
		if r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
