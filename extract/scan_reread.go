package extract

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"image"
	"regexp"
	"strings"
	"unicode"

	"dossier"
	"dossier/extract/ocr"
	"dossier/extract/parse"
	"dossier/rules"
)

// Rereading amounts. An audit whose sums do not hold as read usually has
// one amount with a doubtful character ("7;265.13", "12J101 .91",
// "34,182.02" for 34,182.62). Its amount lines are read again as digits
// alone (ocr.Engine.ReadDigits); a rereading is taken only when, with it,
// every sum of the document holds — the arithmetic, not the rereading,
// vouches for it — and with as few rereadings as possible (at most
// maxRereads).
const maxRereads = 4

// junkSeparator: what tesseract reads a thousands comma as ("7;265.13",
// "115020:27" has it for the decimal point too, which the parser settles).
var junkSeparator = regexp.MustCompile(`[:;J|']`)

// amountTail: a line's trailing amount as tesseract may garble it.
var amountTail = regexp.MustCompile(`[0-9][0-9,.:;'J|\s]*[0-9]\s*$`)

// amountLine is an OCR'd line ending in an amount: its page, line index,
// the words of the amount and their box.
type amountLine struct {
	page, line int
	words      []int
	box        image.Rectangle
}

// rereadAmounts returns pages with some amount lines replaced by their
// digits-only rereading, when that makes every sum of an audit hold.
//
// source gives page p's image as it was OCR'd (pageSource).
func (e *Extractor) rereadAmounts(ctx context.Context, sha string, source pageSource, pages map[int]ocr.Page, out parse.Output, opt ScanOptions,
	read func(map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output)) (map[int]ocr.Page, bool) {
	if out.Kind != dossier.KindAudit || opt.Engine == nil || !opt.Engine.HasLanguage(ocr.DigitsLanguage) {
		return nil, false
	}
	base := rules.Sums(out.Kind, out.Fields)
	if len(base) == 0 || allHold(base) {
		return nil, false
	}
	type option struct {
		at   amountLine
		text string
		conf float64
	}
	var opts []option
	for p, pg := range pages {
		cands := amountLines(p, pg)
		if len(cands) == 0 || len(cands) > 20 {
			continue
		}
		boxes := make([]image.Rectangle, len(cands))
		for i, c := range cands {
			boxes[i] = c.box
		}
		texts, confs, err := e.readDigits(ctx, sha, source, p, boxes, opt, "digits", nil)
		if err != nil {
			return nil, false
		}
		for i, c := range cands {
			orig := joinWords(pg.Lines[c.line], c.words)
			if fixed := junkSeparator.ReplaceAllString(orig, ","); fixed != orig {
				// the first reading with its garbled separators as commas
				opts = append(opts, option{c, fixed, confs[i]})
			}
			t := texts[i]
			if t == "" || t == orig {
				continue
			}
			opts = append(opts, option{c, t, confs[i]})
		}
	}
	if len(opts) == 0 {
		return nil, false
	}
	// the fewest rereadings with which every sum holds
	for n := 1; n <= min(maxRereads, len(opts)); n++ {
		var found map[int]ocr.Page
		combos(len(opts), n, func(pick []int) bool {
			seen := map[[2]int]bool{}
			for _, k := range pick {
				at := [2]int{opts[k].at.page, opts[k].at.line}
				if seen[at] {
					return false // two readings of one line
				}
				seen[at] = true
			}
			trial := map[int]ocr.Page{}
			for p, pg := range pages {
				trial[p] = pg
			}
			for _, k := range pick {
				o := opts[k]
				trial[o.at.page] = replaceAmount(trial[o.at.page], o.at, o.text, o.conf)
			}
			_, _, _, got := read(trial)
			sets := rules.Sums(got.Kind, got.Fields)
			if got.Kind == dossier.KindAudit && len(sets) >= len(base) && allHold(sets) {
				found = trial
				return true
			}
			return false
		})
		if found != nil {
			return found, true
		}
	}
	return nil, false
}

func allHold(sets []rules.SumSet) bool {
	for _, s := range sets {
		if s.Exact && !s.Holds {
			return false
		}
	}
	return true
}

// combos calls f with every n-subset of 0..k-1 until f returns true.
func combos(k, n int, f func([]int) bool) bool {
	pick := make([]int, 0, n)
	var rec func(start int) bool
	rec = func(start int) bool {
		if len(pick) == n {
			return f(pick)
		}
		for i := start; i < k; i++ {
			pick = append(pick, i)
			if rec(i + 1) {
				return true
			}
			pick = pick[:len(pick)-1]
		}
		return false
	}
	return rec(0)
}

// amountLines finds the lines of pg that end in an amount after a label
// (Han text): the trailing words that hold it.
func amountLines(p int, pg ocr.Page) []amountLine {
	var out []amountLine
	for li, l := range pg.Lines {
		loc := amountTail.FindStringIndex(l.Text)
		if loc == nil || !strings.ContainsFunc(l.Text[:loc[0]], func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			continue
		}
		a := amountLine{page: p, line: li}
		for wi, sp := range l.Spans {
			if sp[1] > loc[0] {
				if strings.ContainsFunc(l.Words[wi].Text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					a.words = nil // a Han word inside: not an amount alone
					break
				}
				a.words = append(a.words, wi)
				a.box = a.box.Union(l.Words[wi].Box)
			}
		}
		if len(a.words) > 0 && strings.Count(l.Text[loc[0]:], "") > 4 {
			out = append(out, a)
		}
	}
	return out
}

func joinWords(l ocr.Line, idx []int) string {
	var b strings.Builder
	for _, i := range idx {
		b.WriteString(l.Words[i].Text)
	}
	return b.String()
}

// replaceAmount returns pg with the amount words of a replaced by one
// word, text, read with confidence conf.
func replaceAmount(pg ocr.Page, a amountLine, text string, conf float64) ocr.Page {
	var words []ocr.Word
	for li, l := range pg.Lines {
		for wi, w := range l.Words {
			if li == a.line && contains(a.words, wi) {
				if wi == a.words[0] {
					words = append(words, ocr.Word{Text: text, Box: a.box, Conf: conf, Block: w.Block, Par: w.Par, Line: w.Line})
				}
				continue
			}
			words = append(words, w)
		}
	}
	out := pg
	out.Lines = ocr.BuildLines(words)
	return out
}

func contains(l []int, x int) bool {
	for _, v := range l {
		if v == x {
			return true
		}
	}
	return false
}

// pageSource says where page p's image comes from, at which resolution,
// and how to get it (Extractor.pageImage for a PDF's page, the decoded
// file for a photographed page).
type pageSource func(p int) (src string, popt ScanOptions, render func() (image.Image, error))

// readDigits rereads the regions boxes of page p as digits, from the
// cache when it has them (under kind, "digits" or "counts"); clean, when
// not nil, works on the prepared page first (scan_counts.go).
func (e *Extractor) readDigits(ctx context.Context, sha string, source pageSource, p int, boxes []image.Rectangle, opt ScanOptions,
	kind string, clean func(*image.Gray)) ([]string, []float64, error) {
	src, popt, render := source(p)
	h := sha256.Sum256([]byte(fmt.Sprint(boxes)))
	key := fmt.Sprintf("%s/%s-%x", ocrKey(sha, p, popt.DPI, src, opt.Engine), kind, h[:8])
	type entry struct {
		Texts []string
		Confs []float64
	}
	if opt.Cache != nil {
		if raw, ok, err := opt.Cache.GetOCR(ctx, key); err == nil && ok {
			var c entry
			if json.Unmarshal(raw, &c) == nil && len(c.Texts) == len(boxes) {
				return c.Texts, c.Confs, nil
			}
		}
	}
	img, err := render()
	if err != nil {
		return nil, nil, fmt.Errorf("render page %d: %w", p, err)
	}
	gray, _ := ocr.PreparePage(img)
	if clean != nil {
		clean(gray)
	}
	texts, confs, err := opt.Engine.ReadDigits(ctx, gray, boxes, popt.DPI)
	if err != nil {
		return nil, nil, err
	}
	if opt.Cache != nil {
		if raw, err := json.Marshal(entry{texts, confs}); err == nil {
			_ = opt.Cache.PutOCR(ctx, key, raw)
		}
	}
	return texts, confs, nil
}
