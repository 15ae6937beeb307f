package extract

import (
	"image"
	"regexp"
	"strings"

	"dossier"
	"dossier/extract/ocr"
	"dossier/extract/parse"
	"dossier/rules"
)

// Placing a bare amount. The seal over an audit's funds table can take a
// row's label and leave its amount ("10015.30" alone between 专家劳务费
// and 会议费): the amount then has no field. The form's own order places
// it — the one row missing between the rows before and after it — and the
// arithmetic confirms the place: the placement is kept only when, with
// it, every sum of the document holds (到位 = the two grants, 支出 = the
// spending lines, 结余 = 到位 − 支出) and the placed field is in one of them.

// fundsRow is a row of the audit's funds table, in the form's order.
type fundsRow struct {
	key   string
	rx    *regexp.Regexp // the row's label as OCR gives it (spaces allowed)
	label string         // what a placed row is labelled with, for the parser
}

func spaced(s string) *regexp.Regexp {
	var parts []string
	for _, r := range s {
		parts = append(parts, regexp.QuoteMeta(string(r)))
	}
	return regexp.MustCompile(strings.Join(parts, `\s*`))
}

var fundsRows = []fundsRow{
	{"received_mohrss", spaced("人力资源社会保障部"), "人力资源社会保障部支持资金"},
	{"received_municipal", spaced("市级配套"), "市级配套资金"},
	{"received_total", spaced("到位资金合计"), "到位资金合计"},
	{"spent_expert_fees", spaced("专家劳务费"), "专家劳务费"},
	{"spent_travel", spaced("差旅费"), "差旅费"},
	{"spent_meetings", spaced("会议费"), "会议费"},
	{"spent_training", spaced("培训费"), "培训费"},
	{"spent_materials", spaced("资料印刷费"), "资料印刷费"},
	{"spent_other", spaced("其他支出"), "其他支出"},
	{"spent_total", spaced("实际支出合计"), "实际支出合计"},
	{"balance", spaced("结余资金"), "结余资金"},
}

// bareAmount: a line that is an amount and nothing else.
var bareAmount = regexp.MustCompile(`^\s*[0-9][0-9,.\s]*\.[0-9]{2}\s*$`)

// placement is a bare amount line and the row the form's order gives it.
type placement struct {
	page, line int
	row        int // index in fundsRows
}

// fundsRowOf is the table row a line is (its label and a trailing
// amount), or -1.
func fundsRowOf(text string) int {
	if amountTail.FindStringIndex(text) == nil {
		return -1
	}
	for i, r := range fundsRows {
		if r.rx.MatchString(text) {
			return i
		}
	}
	return -1
}

// findPlacements returns the bare amount lines of pages whose row the
// table's order settles: the line before is row i, row i+1 is nowhere in
// the document, and the line after is row i+2 (or row i+1 is the last).
func findPlacements(pages map[int]ocr.Page) []placement {
	present := map[int]bool{}
	for _, pg := range pages {
		for _, l := range pg.Lines {
			if r := fundsRowOf(l.Text); r >= 0 {
				present[r] = true
			}
		}
	}
	var out []placement
	for p, pg := range pages {
		for li := 1; li < len(pg.Lines); li++ {
			if !bareAmount.MatchString(pg.Lines[li].Text) {
				continue
			}
			prev := fundsRowOf(pg.Lines[li-1].Text)
			if prev < 0 || prev+1 >= len(fundsRows) || present[prev+1] {
				continue
			}
			last := prev+1 == len(fundsRows)-1
			next := -1
			if li+1 < len(pg.Lines) {
				next = fundsRowOf(pg.Lines[li+1].Text)
			}
			if next == prev+2 || (last && next < 0) {
				out = append(out, placement{page: p, line: li, row: prev + 1})
			}
		}
	}
	return out
}

// placeRows returns pages with each placement's line labelled by its row.
func placeRows(pages map[int]ocr.Page, ps []placement) map[int]ocr.Page {
	out := make(map[int]ocr.Page, len(pages))
	for p, pg := range pages {
		out[p] = pg
	}
	for _, pl := range ps {
		pg := out[pl.page]
		var words []ocr.Word
		for li, l := range pg.Lines {
			if li == pl.line && len(l.Words) > 0 {
				first := l.Words[0]
				h := first.Box.Dy()
				box := image.Rect(first.Box.Min.X-h*len([]rune(fundsRows[pl.row].label))-h, first.Box.Min.Y, first.Box.Min.X-h, first.Box.Max.Y)
				words = append(words, ocr.Word{Text: fundsRows[pl.row].label, Box: box, Conf: 1,
					Block: first.Block, Par: first.Par, Line: first.Line})
			}
			words = append(words, l.Words...)
		}
		pg.Lines = ocr.BuildLines(words)
		out[pl.page] = pg
	}
	return out
}

// placeAmounts returns pages with the bare amounts of an audit placed,
// when with them every sum holds and each placed field is in a sum.
func placeAmounts(pages map[int]ocr.Page, out parse.Output,
	read func(map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output)) (map[int]ocr.Page, bool) {
	if out.Kind != dossier.KindAudit {
		return nil, false
	}
	ps := findPlacements(pages)
	if len(ps) == 0 {
		return nil, false
	}
	base := rules.Sums(out.Kind, out.Fields)
	trial := placeRows(pages, ps)
	_, _, _, got := read(trial)
	sets := rules.Sums(got.Kind, got.Fields)
	if got.Kind != dossier.KindAudit || len(sets) < len(base) || held(sets) < held(base) {
		return nil, false // a sum that held before must still hold
	}
	for _, pl := range ps {
		if !confirmed(fundsRows[pl.row].key, sets) || out.Fields[fundsRows[pl.row].key] != nil {
			return nil, false
		}
	}
	return trial, true
}

// confirmed: key is in an exact sum that holds and in none that fails (a
// sum already broken elsewhere, by a misread digit, is left to the
// digits' rereading).
func confirmed(key string, sets []rules.SumSet) bool {
	ok := false
	for _, s := range sets {
		if !s.Exact || !contains2(s.Fields, key) {
			continue
		}
		if !s.Holds {
			return false
		}
		ok = true
	}
	return ok
}

func held(sets []rules.SumSet) int {
	n := 0
	for _, s := range sets {
		if s.Exact && s.Holds {
			n++
		}
	}
	return n
}

func contains2(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
