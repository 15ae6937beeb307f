package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
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
// Anything unexpected writes the input unchanged. The output is streamed
// to w, so the package is not held twice.
func writeNormalized(w io.Writer, pdf []byte) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	plan, err := planReorder(pdf)
	if err != nil {
		_, err = bw.Write(pdf)
	} else {
		err = plan.write(bw)
	}
	if err != nil {
		return fmt.Errorf("write package: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write package: %w", err)
	}
	return nil
}

// reorderPlan is a parsed PDF and the new number of each object.
type reorderPlan struct {
	pdf     []byte
	head    []byte // up to the first object
	objs    map[int]rawObject
	order   []int // old numbers in their new order
	newNum  map[int]int
	trailer []byte
}

type rawObject struct{ dict, stream []byte }

type xrefEntry struct {
	off   int
	inUse bool
}

func planReorder(pdf []byte) (*reorderPlan, error) {
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
	objs := map[int]rawObject{}
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
		o := rawObject{dict: body}
		if k := bytes.Index(body, []byte("stream")); k >= 0 {
			o = rawObject{dict: body[:k], stream: body[k:]}
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
	return &reorderPlan{pdf: pdf, head: pdf[:offs[0]], objs: objs, order: order, newNum: newNum, trailer: trailer}, nil
}

func (p *reorderPlan) renum(b []byte) []byte {
	return reRef.ReplaceAllFunc(b, func(r []byte) []byte {
		m := reRef.FindSubmatch(r)
		n, _ := strconv.Atoi(string(m[1]))
		if k, ok := p.newNum[n]; ok {
			return []byte(strconv.Itoa(k) + " 0 R")
		}
		return r
	})
}

// write writes the objects in their new order with a new xref table.
func (p *reorderPlan) write(w io.Writer) error {
	cw := &countingWriter{w: w}
	cw.Write(p.head)
	newOff := make([]int, len(p.order)+1)
	for i, n := range p.order {
		newOff[i+1] = cw.n
		fmt.Fprintf(cw, "%d 0 obj", i+1)
		cw.Write(p.renum(p.objs[n].dict))
		cw.Write(p.objs[n].stream)
	}
	newXref := cw.n
	fmt.Fprintf(cw, "xref\n0 %d\n0000000000 65535 f \n", len(p.order)+1)
	for _, o := range newOff[1:] {
		fmt.Fprintf(cw, "%010d 00000 n \n", o)
	}
	cw.Write(reSize.ReplaceAll(p.renum(p.trailer), []byte("/Size "+strconv.Itoa(len(p.order)+1))))
	fmt.Fprintf(cw, "startxref\n%d\n%%%%EOF\n", newXref)
	return cw.err
}

// countingWriter counts bytes written and keeps the first error.
type countingWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countingWriter) Write(b []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(b)
	c.n += n
	c.err = err
	return n, err
}

var (
	reObjHeader = regexp.MustCompile(`^(\d+) (\d+) obj`)
	reRef       = regexp.MustCompile(`\b(\d+) (\d+) R\b`)
	reSize      = regexp.MustCompile(`/Size ?\d+`)
)
