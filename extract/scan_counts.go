package extract

import (
	"context"
	"image"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"dossier"
	"dossier/extract/ocr"
	"dossier/extract/parse"
)

// Rereading counts. A survey's 总人数/总人次 cell ("总人数：13；") is
// read as "总人数二 3 二" (the colon and semicolon as 二, the digits with
// confidence 0), or "二本二": the parser then finds no count. The cell
// right of the label, on the label's row, is read again as digits alone,
// with frame lines, punctuation and cut neighbours cleared
// (ocr.ClearRules, ocr.KeepTall). The rereading keeps its own confidence: below
// ocr.min_confidence the count stays in doubt (review), and where a sum
// holds with it (S005: 总人数 = the sources) the rules confirm it.
var countLabels = []struct{ key, label string }{
	{"experts_total", "总人数"},
	{"expert_attendances", "总人次"},
}

// countCell is the value cell of a count's label: the words read there
// and the region to reread.
type countCell struct {
	key string
	at  amountLine
}

// countCells finds, in pg, the cells of the counts missing from f or
// read in doubt (doubtful): the words after the label up to the next Han
// word read with some confidence (the next label), and their region on
// the label's row.
func countCells(p int, pg ocr.Page, f dossier.Fields, doubtful map[string]float64) []countCell {
	var out []countCell
	for _, c := range countLabels {
		if _, unsure := doubtful[c.key]; f[c.key] != nil && !unsure {
			continue
		}
		for li, l := range pg.Lines {
			if cell, ok := cellAfter(l, c.label); ok {
				cell.page, cell.line = p, li
				out = append(out, countCell{c.key, cell})
				break
			}
		}
	}
	return out
}

// cellAfter finds label in l and the value cell right of it.
func cellAfter(l ocr.Line, label string) (amountLine, bool) {
	i := strings.Index(l.Text, label)
	if i < 0 {
		return amountLine{}, false
	}
	end := i + len(label)
	last := -1
	var row image.Rectangle
	for wi, sp := range l.Spans {
		if sp[1] > i && sp[0] < end {
			last = wi
			row = row.Union(l.Words[wi].Box)
		}
	}
	if last < 0 || row.Dy() <= 0 {
		return amountLine{}, false
	}
	a := amountLine{}
	right := -1
	for wi := last + 1; wi < len(l.Words); wi++ {
		w := l.Words[wi]
		if w.Conf >= 0.5 && strings.ContainsFunc(w.Text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			right = w.Box.Min.X
			break
		}
		a.words = append(a.words, wi)
		right = w.Box.Max.X
	}
	if len(a.words) == 0 {
		return amountLine{}, false
	}
	pad := row.Dy() / 4
	a.box = image.Rect(row.Max.X+2, row.Min.Y-pad, right-2, row.Max.Y+pad)
	if a.box.Dx() < row.Dy()/2 {
		return amountLine{}, false
	}
	return a, true
}

// clearCells returns a clean func for readDigits: in each cell, the frame
// lines (runs longer than twice the row's height across, or the row's
// height down) cleared, then what is not a digit's height (a colon's dots,
// "；", what OCR read as "二") and a neighbour's glyph cut at the crop's
// edge.
func clearCells(cells []countCell) func(*image.Gray) {
	return func(g *image.Gray) {
		for _, c := range cells {
			h := c.at.box.Dy() * 2 / 3 // the label's row (box has a quarter's pad each side)
			ocr.ClearRules(g, c.at.box.Inset(-8), 2*h, h)
			ocr.KeepTall(g, c.at.box.Inset(-8), h/2)
		}
	}
}

// rereadCounts returns pages with the cells of a survey's missing counts
// replaced by their digits-only rereading, each kept only when the parser
// then reads the count and no other field changes. A count read in doubt
// (below ocr.min_confidence) is reread too: when the second reading — eng
// on the cleared cell, a model and an image of its own — gives the same
// number, the two confirm each other and the count takes the surer of
// their confidences; when it differs, the first reading stays, in doubt.
func (e *Extractor) rereadCounts(ctx context.Context, sha string, source pageSource, pages map[int]ocr.Page, out parse.Output, opt ScanOptions,
	read func(map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output)) (map[int]ocr.Page, bool) {
	if out.Kind != dossier.KindSurvey || opt.Engine == nil || !opt.Engine.HasLanguage(ocr.DigitsLanguage) {
		return nil, false
	}
	cur := map[int]ocr.Page{}
	for p, pg := range pages {
		cur[p] = pg
	}
	doubtful := doubtfulCounts(pages, out, opt.MinConfidence, read)
	changed := false
	for p, pg := range pages {
		cells := countCells(p, pg, out.Fields, doubtful)
		if len(cells) == 0 {
			continue
		}
		boxes := make([]image.Rectangle, len(cells))
		for i, c := range cells {
			boxes[i] = c.at.box
		}
		texts, confs, err := e.readDigits(ctx, sha, source, p, boxes, opt, countsKind, clearCells(cells))
		if err != nil {
			return nil, false
		}
		// replace from the last line's words backwards: a replacement
		// rebuilds the page's lines, the earlier cells' indexes stay
		for i := len(cells) - 1; i >= 0; i-- {
			c, t := cells[i], texts[i]
			n, err := strconv.Atoi(t)
			if err != nil {
				continue // not a whole number
			}
			conf := confs[i]
			if first, ok := doubtful[c.key]; ok {
				if !reflect.DeepEqual(out.Fields[c.key], int64(n)) || conf <= first {
					continue // the readings differ, or the second is no surer
				}
			}
			trial := map[int]ocr.Page{}
			for q, g := range cur {
				trial[q] = g
			}
			trial[p] = replaceAmount(cur[p], c.at, t, conf)
			_, _, _, got := read(trial)
			if got.Kind != dossier.KindSurvey || got.Fields[c.key] == nil || !sameBut(out.Fields, got.Fields, c.key) {
				continue
			}
			cur, out, changed = trial, got, true
		}
	}
	return cur, changed
}

// doubtfulCounts: the counts of countLabels read with a confidence below
// min, with that confidence.
func doubtfulCounts(pages map[int]ocr.Page, out parse.Output, min float64,
	read func(map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output)) map[string]float64 {
	_, lines, frames, _ := read(pages)
	conf, _ := attribute(out.Fields, lines, frames)
	d := map[string]float64{}
	for _, c := range countLabels {
		if v, ok := conf[c.key]; ok && out.Fields[c.key] != nil && v < min {
			d[c.key] = v
		}
	}
	return d
}

// sameBut: b has every field of a as a has it, key aside.
func sameBut(a, b dossier.Fields, key string) bool {
	for k, v := range a {
		if k != key && v != nil && !reflect.DeepEqual(v, b[k]) {
			return false
		}
	}
	return true
}

// countsKind names the counts' rereadings in the cache; a change to
// clearCells changes it.
const countsKind = "counts2"
