package extract

import (
	"reflect"
	"unicode"

	"dossier/extract/ocr"
	"dossier/extract/parse"
)

// Mending labels. Tesseract sometimes reads one character of a label as
// another with confidence near 0 ("专家芳务费" for 专家劳务费, 芳 at 0.00;
// "公爷反映" for 公允反映): the parser then finds no label and the value
// is lost. A character read below mendConf, inside a run of the line that
// with it replaced is a word of parse.Vocabulary — the one replacement
// any word of it proposes there, its other characters read at mendSure or
// better — is replaced. What a mended line gives is a guess at its label:
// its fields are held below ocr.min_confidence (mendedConf) until a sum
// confirms them (rules.TrustSums) or a clerk does. Two words proposing
// different characters ("总人灾": 总人数 or 总人次) mend nothing.
const (
	mendConf   = 0.30
	mendSure   = 0.80 // a character read surely
	mendedConf = 0.75
)

var vocabulary = func() [][]rune {
	var out [][]rune
	for _, w := range parse.Vocabulary() {
		out = append(out, []rune(w))
	}
	return out
}()

// lineRune is one character of a line: where it is and how sure.
type lineRune struct {
	r          rune
	conf       float64
	word, char int // char -1: the word has no character boxes matching its text
}

// mendLabels returns pages with their mendable characters replaced, and
// the fields the mending gave or changed: the parser's reading of the
// pages before and after (read) compared.
func mendLabels(pages map[int]ocr.Page, read func(map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output)) (map[int]ocr.Page, map[string]bool) {
	out := make(map[int]ocr.Page, len(pages))
	changed := false
	for p, pg := range pages {
		out[p] = pg
		var words []ocr.Word
		mended := false
		for _, l := range pg.Lines {
			ws, m := mendLine(l)
			mended = mended || m
			words = append(words, ws...)
		}
		if mended {
			np := pg
			np.Lines = ocr.BuildLines(words)
			out[p], changed = np, true
		}
	}
	if !changed {
		return pages, nil
	}
	_, _, _, before := read(pages)
	_, _, _, after := read(out)
	keys := map[string]bool{}
	for k, v := range after.Fields {
		if !reflect.DeepEqual(v, before.Fields[k]) {
			keys[k] = true
		}
	}
	for k, v := range after.Invalid {
		if v != before.Invalid[k] {
			keys[k] = true
		}
	}
	return out, keys
}

// mendLine returns the line's words, those mended changed, and whether
// any was.
func mendLine(l ocr.Line) ([]ocr.Word, bool) {
	words := make([]ocr.Word, len(l.Words))
	copy(words, l.Words)
	mended := false
	rs := lineRunes(words)
	for at, r := range proposals(rs) {
		lr := rs[at]
		w := words[lr.word]
		t := []rune(w.Text)
		ri := runeIndex(w, lr)
		if ri < 0 || ri >= len(t) {
			continue
		}
		t[ri] = r
		w.Text = string(t)
		if lr.char >= 0 {
			cs := append([]ocr.Char(nil), w.Chars...)
			cs[lr.char].Text = string(r)
			w.Chars = cs
		}
		words[lr.word], mended = w, true
	}
	return words, mended
}

// lineRunes lays out the line's characters with their confidence: the
// lower of the word's and the character's own (tesseract may give a word
// 0 while its characters' boxes say 0.56–0.78: "爷", "芳"), or the word's
// when its character boxes do not spell its text.
func lineRunes(words []ocr.Word) []lineRune {
	var rs []lineRune
	for wi, w := range words {
		t := []rune(w.Text)
		byChar := len(w.Chars) == len(t)
		for i, c := range w.Chars {
			if !byChar || []rune(c.Text)[0] != t[i] || len([]rune(c.Text)) != 1 {
				byChar = false
				break
			}
		}
		for i, r := range t {
			lr := lineRune{r: r, conf: w.Conf, word: wi, char: -1}
			if byChar {
				lr.conf, lr.char = min(w.Conf, w.Chars[i].Conf), i
			}
			rs = append(rs, lr)
		}
	}
	return rs
}

// runeIndex is lr's index in its word's text.
func runeIndex(w ocr.Word, lr lineRune) int {
	if lr.char >= 0 {
		return lr.char
	}
	return -1 // a word without character boxes is not mended: which character is doubtful is not known
}

// proposals: position in rs → the one character every vocabulary word
// that fits there with that position replaced proposes.
//
// A character inside a word of the vocabulary read as it is (会务费 beside
// 会议费) is not mended.
func proposals(rs []lineRune) map[int]rune {
	prop := map[int]rune{}
	clash := map[int]bool{}
	for _, v := range vocabulary {
		n := len(v)
		for i := 0; i+n <= len(rs); i++ {
			if exact(rs[i:i+n], v) {
				for j := i; j < i+n; j++ {
					clash[j] = true
				}
				continue
			}
			at, ok := fit(rs[i:i+n], v)
			if !ok {
				continue
			}
			at += i
			if r, seen := prop[at]; seen && r != v[at-i] {
				clash[at] = true
			}
			prop[at] = v[at-i]
		}
	}
	for at := range clash {
		delete(prop, at)
	}
	return prop
}

func exact(window []lineRune, v []rune) bool {
	for j, lr := range window {
		if lr.r != v[j] {
			return false
		}
	}
	return true
}

// fit reports whether window is v with exactly one character differing,
// a Han character read below mendConf, and of the others at least half,
// and two, read at mendSure or better (tesseract gives a misread
// character's neighbour its doubt too: "专家芳务费", 芳 and 务 at 0); at is
// the differing one's index.
func fit(window []lineRune, v []rune) (at int, ok bool) {
	at = -1
	sure := 0
	for j, lr := range window {
		if lr.r == v[j] {
			if lr.conf >= mendSure {
				sure++
			}
			continue
		}
		if at >= 0 || lr.conf >= mendConf || !unicode.Is(unicode.Han, lr.r) || !unicode.Is(unicode.Han, v[j]) {
			return 0, false
		}
		at = j
	}
	return at, at >= 0 && sure >= 2 && 2*sure >= len(v)-1
}

// mendedDoubt holds the fields the mending gave below the threshold
// (mendedConf): their label is a guess until a sum or a clerk confirms it.
func mendedDoubt(conf map[string]float64, keys map[string]bool) {
	for k := range keys {
		if c, ok := conf[k]; !ok || c > mendedConf {
			conf[k] = mendedConf
		}
	}
}
