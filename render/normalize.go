package render

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// normalizeObjectOrder rewrites a PDF with one classic xref table so its
// objects are numbered and ordered as they are reached from the trailer. pdfcpu writes objects in the
// order it walks its dictionaries, which are Go maps, so two writes of the
// same document differ in object numbers and order; this makes them
// identical. It relies on the dictionaries holding no literal string that
// looks like a reference ("1 0 R"), which our package never writes.
// Anything unexpected returns the input unchanged.
func normalizeObjectOrder(pdf []byte) []byte {
	out, err := reorder(pdf)
	if err != nil {
		return pdf
	}
	return out
}

type xrefEntry struct {
	off   int
	inUse bool
}

func reorder(pdf []byte) ([]byte, error) {
	sx := bytes.LastIndex(pdf, []byte("startxref"))
	if sx < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	f := bytes.Fields(pdf[sx+len("startxref"):])
	if len(f) == 0 {
		return nil, fmt.Errorf("no xref offset")
	}
	xo, err := strconv.Atoi(string(f[0]))
	if err != nil || xo <= 0 || xo >= sx || !bytes.HasPrefix(pdf[xo:], []byte("xref")) {
		return nil, fmt.Errorf("no classic xref table")
	}
	tr := bytes.Index(pdf[xo:], []byte("trailer"))
	if tr < 0 {
		return nil, fmt.Errorf("no trailer")
	}
	tr += xo
	lines := bytes.Split(bytes.TrimSpace(pdf[xo+len("xref"):tr]), []byte("\n"))
	var entries []xrefEntry
	for i := 0; i < len(lines); {
		h := bytes.Fields(lines[i])
		if len(h) != 2 {
			return nil, fmt.Errorf("bad subsection header")
		}
		start, err1 := strconv.Atoi(string(h[0]))
		n, err2 := strconv.Atoi(string(h[1]))
		if err1 != nil || err2 != nil || start != len(entries) || i+1+n > len(lines) {
			return nil, fmt.Errorf("unsupported subsection")
		}
		for _, l := range lines[i+1 : i+1+n] {
			e := bytes.Fields(l)
			if len(e) != 3 {
				return nil, fmt.Errorf("bad entry")
			}
			off, _ := strconv.Atoi(string(e[0]))
			entries = append(entries, xrefEntry{off: off, inUse: string(e[2]) == "n"})
		}
		i += 1 + n
	}
	// Each object runs from its offset to the next object's (or the xref).
	var offs []int
	for _, e := range entries {
		if e.inUse {
			if e.off <= 0 || e.off >= xo {
				return nil, fmt.Errorf("object outside the body")
			}
			offs = append(offs, e.off)
		}
	}
	if len(offs) == 0 {
		return nil, fmt.Errorf("no objects")
	}
	sort.Ints(offs)
	end := map[int]int{}
	for i, o := range offs {
		if i+1 < len(offs) {
			end[o] = offs[i+1]
		} else {
			end[o] = xo
		}
	}
	type obj struct{ dict, stream []byte }
	objs := map[int]obj{}
	for num, e := range entries {
		if !e.inUse {
			continue
		}
		raw := pdf[e.off:end[e.off]]
		m := reObjHeader.FindSubmatch(raw)
		if m == nil || string(m[1]) != strconv.Itoa(num) {
			return nil, fmt.Errorf("object %d header", num)
		}
		body := raw[len(m[0]):]
		o := obj{dict: body}
		if k := bytes.Index(body, []byte("stream")); k >= 0 {
			o = obj{dict: body[:k], stream: body[k:]}
		}
		objs[num] = o
	}
	// Number objects in the order they are reached from the trailer.
	trailer := pdf[tr:sx]
	newNum := map[int]int{}
	var order []int
	visit := func(b []byte) {
		for _, m := range reRef.FindAllSubmatch(b, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if _, seen := newNum[n]; seen {
				continue
			}
			if _, ok := objs[n]; !ok {
				continue
			}
			newNum[n] = len(order) + 1
			order = append(order, n)
		}
	}
	visit(trailer)
	for i := 0; i < len(order); i++ {
		visit(objs[order[i]].dict)
	}
	renum := func(b []byte) []byte {
		return reRef.ReplaceAllFunc(b, func(r []byte) []byte {
			m := reRef.FindSubmatch(r)
			n, _ := strconv.Atoi(string(m[1]))
			if k, ok := newNum[n]; ok {
				return []byte(strconv.Itoa(k) + " 0 R")
			}
			return r
		})
	}
	var b bytes.Buffer
	b.Grow(len(pdf))
	b.Write(pdf[:offs[0]])
	newOff := make([]int, len(order)+1)
	for i, n := range order {
		newOff[i+1] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj", i+1)
		b.Write(renum(objs[n].dict))
		b.Write(objs[n].stream)
	}
	newXref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(order)+1)
	for _, o := range newOff[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	t := reSize.ReplaceAll(renum(trailer), []byte("/Size "+strconv.Itoa(len(order)+1)))
	b.Write(t)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", newXref)
	return b.Bytes(), nil
}

var (
	reObjHeader = regexp.MustCompile(`^(\d+) (\d+) obj`)
	reRef       = regexp.MustCompile(`\b(\d+) (\d+) R\b`)
	reSize      = regexp.MustCompile(`/Size ?\d+`)
)
