package extract

import "strings"

// docxWriter lays a Word body out as rows: a paragraph is a row of one
// cell, a table row a row of its cells on the table's grid.
type docxWriter struct {
	rows [][]string
	// boxes holds the text boxes met inside the current paragraph; they
	// become rows of their own after it.
	boxes [][]string
}

// block writes the paragraphs and tables of a container (body, cell,
// content control, text box) in order.
func (w *docxWriter) block(n *node) {
	for _, k := range n.kids {
		switch k.name {
		case "p":
			w.paragraph(k)
		case "tbl":
			w.table(k)
		case "sdt":
			if c := k.child("sdtContent"); c != nil {
				w.block(c)
			}
		case "customXml", "smartTag", "ins":
			w.block(k)
		}
	}
}

func (w *docxWriter) paragraph(p *node) {
	var b strings.Builder
	outer := w.boxes
	w.boxes = nil
	w.inline(p, &b, &fieldState{})
	if s := strings.TrimSpace(b.String()); s != "" {
		w.rows = append(w.rows, []string{s})
	}
	boxes := w.boxes
	w.boxes = outer
	w.rows = append(w.rows, boxes...)
}

// fieldState follows a complex field (fldChar begin … separate … end):
// a FORMCHECKBOX field's mark is written at its begin, and the result
// text of any field is kept while its instructions are not.
type fieldState struct {
	depth   int
	instr   bool
	pending bool // a FORMCHECKBOX's begin was seen; its instruction confirms it
	checked bool
}

// inline writes a paragraph's runs: text, tabs and breaks, check boxes,
// symbols, underlined blanks; text boxes are set aside as rows.
func (w *docxWriter) inline(n *node, b *strings.Builder, fs *fieldState) {
	for _, k := range n.kids {
		switch k.name {
		case "r":
			w.run(k, b, fs)
		case "sdt":
			if cb := checkboxControl(k); cb != "" {
				b.WriteString(cb)
				continue
			}
			if c := k.child("sdtContent"); c != nil {
				w.inline(c, b, fs)
			}
		case "hyperlink", "smartTag", "customXml", "ins", "fldSimple", "sdtContent":
			w.inline(k, b, fs)
		case "del", "moveFrom":
			// deleted text of tracked changes is not the document's
		}
	}
}

func (w *docxWriter) run(r *node, b *strings.Builder, fs *fieldState) {
	under := false
	if pr := r.child("rPr"); pr != nil {
		if u := pr.child("u"); u != nil && u.val() != "none" {
			under = true
		}
	}
	for _, k := range r.kids {
		switch k.name {
		case "fldChar":
			w.fieldChar(k, b, fs)
		case "instrText":
			if fs.depth > 0 && strings.Contains(strings.ToUpper(k.text.String()), "FORMCHECKBOX") && fs.pending {
				if fs.checked {
					b.WriteString("☑")
				} else {
					b.WriteString("☐")
				}
				fs.pending = false
			}
		case "t":
			if fs.instr {
				continue
			}
			t := k.text.String()
			if under && strings.TrimSpace(t) == "" && t != "" {
				t = "____"
			}
			b.WriteString(t)
		case "tab", "ptab":
			b.WriteString("  ")
		case "br", "cr":
			b.WriteString(" ")
		case "sym":
			b.WriteString(symbolGlyph(k.attr["char"]))
		case "drawing", "pict", "AlternateContent", "object":
			w.textBoxes(k)
		}
	}
}

func (w *docxWriter) fieldChar(k *node, b *strings.Builder, fs *fieldState) {
	switch k.attr["fldCharType"] {
	case "begin":
		fs.depth++
		fs.instr = true
		if ff := k.child("ffData"); ff != nil {
			if cb := ff.child("checkBox"); cb != nil {
				fs.pending = true
				fs.checked = onOff(cb.child("default"))
				if c := cb.child("checked"); c != nil {
					fs.checked = onOff(c)
				}
			}
		}
	case "separate":
		fs.instr = false
	case "end":
		if fs.depth > 0 {
			fs.depth--
		}
		fs.instr = fs.depth > 0 && fs.instr
		fs.pending = false
	}
}

// textBoxes writes the paragraphs of the text boxes under a drawing as
// rows; of an mc:AlternateContent only the first choice is read, so a box
// Word also wrote as VML fallback is not read twice.
func (w *docxWriter) textBoxes(n *node) {
	switch n.name {
	case "Fallback":
		return
	case "AlternateContent":
		for _, k := range n.kids {
			if k.name == "Choice" {
				w.textBoxes(k)
				return
			}
		}
	case "txbxContent":
		var sub docxWriter
		sub.block(n)
		w.boxes = append(w.boxes, sub.rows...)
		return
	}
	for _, k := range n.kids {
		w.textBoxes(k)
	}
}

// checkboxControl is ☑/☐ for a w14:checkbox content control, "" for any
// other control.
func checkboxControl(sdt *node) string {
	pr := sdt.child("sdtPr")
	if pr == nil {
		return ""
	}
	cb := pr.child("checkbox")
	if cb == nil {
		return ""
	}
	label := ""
	if c := sdt.child("sdtContent"); c != nil {
		var sub docxWriter
		var b strings.Builder
		sub.inline(c, &b, &fieldState{})
		label = strings.Trim(strings.TrimSpace(b.String()), "☑☐☒□■✓✔√")
	}
	if onOff(cb.child("checked")) {
		return "☑" + label
	}
	return "☐" + label
}

// onOff reads a w:val / w14:val boolean (absent element: false; element
// without a value: true).
func onOff(n *node) bool {
	if n == nil {
		return false
	}
	v, ok := n.attr["val"]
	if !ok {
		return true
	}
	return v == "1" || v == "true" || v == "on"
}

// symbolGlyph maps the Wingdings/Webdings check-box symbols Word inserts
// (w:sym w:char) to the glyphs the parser reads.
func symbolGlyph(char string) string {
	switch strings.ToUpper(char) {
	case "F0FE", "F052", "F0FF":
		return "☑"
	case "F0FD", "F0FB":
		return "☒"
	case "F06F", "F0A8", "F071", "F0A3", "F030":
		return "☐"
	case "F0FC":
		return "√"
	case "F06E", "F0A7":
		return "■"
	}
	return ""
}

// table writes a table's rows on its grid: a cell spanning n columns is
// repeated n times, a vMerge continuation takes the value above it.
func (w *docxWriter) table(t *node) {
	var above []string
	for _, tr := range t.kids {
		if tr.name != "tr" {
			continue
		}
		var row []string
		for _, tc := range tr.kids {
			if tc.name == "sdt" {
				if c := tc.child("sdtContent"); c != nil && c.child("tc") != nil {
					tc = c.child("tc")
				}
			}
			if tc.name != "tc" {
				continue
			}
			span, cont := 1, false
			if pr := tc.child("tcPr"); pr != nil {
				if g := pr.child("gridSpan"); g != nil {
					span = atoiSmall(g.val(), 1)
				}
				if v := pr.child("vMerge"); v != nil && v.val() != "restart" {
					cont = true
				}
			}
			text := cellText(tc)
			if cont && len(row) < len(above) {
				text = above[len(row)]
			}
			for i := 0; i < span; i++ {
				row = append(row, text)
			}
		}
		w.rows = append(w.rows, row)
		above = row
	}
}

// cellText is a cell's paragraphs (and nested tables) on one line.
func cellText(tc *node) string {
	var sub docxWriter
	sub.block(tc)
	var parts []string
	for _, r := range sub.rows {
		for _, c := range r {
			if c = strings.TrimSpace(c); c != "" && (len(parts) == 0 || parts[len(parts)-1] != c) {
				parts = append(parts, c)
			}
		}
	}
	return strings.Join(parts, " ")
}

func atoiSmall(s string, def int) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return def
		}
		n = n*10 + int(r-'0')
		if n > 64 {
			return 64
		}
	}
	if n < 1 {
		return def
	}
	return n
}
