package render

import "strconv"

// tocEntry is one line of the contents: a part, or a team with the page
// of its section and of its originals.
type tocEntry struct {
	key, title string
	level      int
}

// pageOf records the page a part starts on, by key.
func (b *builder) mark(key string) {
	if b.pageOf == nil {
		b.pageOf = map[string]int{}
	}
	b.pageOf[key] = b.f.PageNo()
}

func (b *builder) tocList() []tocEntry {
	l := []tocEntry{
		{key: "summary", title: "一、服务团材料汇总表"},
		{key: "stats", title: "二、实施成效统计"},
		{key: "teams", title: "三、各服务团材料"},
	}
	for _, v := range b.in.Teams {
		l = append(l, tocEntry{key: v.Team.ID, title: v.Team.ID + "　" + v.Team.Name, level: 1})
	}
	l = append(l, tocEntry{key: "other", title: otherTitle}, tocEntry{key: "orig", title: "五、原件"})
	return l
}

// contentsTable is the contents as a table; pages nil gives placeholders
// of the same shape for measuring. Every entry with a page links to it.
func (b *builder) contentsTable(pages map[string]int) *table {
	link := func(key string) int {
		p, ok := pages[key]
		if !ok || c0(b) {
			return 0
		}
		l := b.f.AddLink()
		b.f.SetLink(l, 0, p)
		return l
	}
	num := func(key string) string {
		if pages == nil {
			return "0000"
		}
		if p, ok := pages[key]; ok {
			return strconv.Itoa(p)
		}
		return "—"
	}
	t := &table{cols: []float64{134, 20, 20}, size: 10.5, pad: 1.6}
	t.header = [][]cell{{{text: "内容", align: "C"}, {text: "页码", align: "C"}, {text: "原件页码", align: "C"}}}
	for _, e := range b.tocList() {
		if e.level == 0 {
			l := link(e.key)
			t.rows = append(t.rows, []cell{{text: e.title, face: faceHei, link: l}, {text: num(e.key), align: "C", link: l}, {text: "", align: "C"}})
			continue
		}
		l, lo := link("team:"+e.key), link("orig:"+e.key)
		t.rows = append(t.rows, []cell{{text: "　　" + e.title, link: l}, {text: num("team:" + e.key), align: "C", link: l},
			{text: num("orig:" + e.key), align: "C", link: lo}})
	}
	return t
}

// c0 reports that links cannot be made (measuring without a document).
func c0(b *builder) bool { return b.f == nil || b.canvas.dry }

const contentsTitleH = 16.0

// reserveContents measures the contents and adds that many pages now;
// they are filled in by drawContents once every page number is known.
func (b *builder) reserveContents() {
	c := b.canvas
	c.dry, c.pages = true, 0
	c.y = contentTop + contentsTitleH
	c.drawTable(b.contentsTable(nil))
	n := 1 + c.pages
	c.dry = false
	b.headerLeft = "目录"
	for range n {
		b.addPage("P")
		b.tocPages = append(b.tocPages, b.f.PageNo())
	}
	b.f.SetPage(b.tocPages[0])
	b.f.Bookmark("目录", 0, 0)
	b.f.SetPage(b.tocPages[n-1])
}

func (b *builder) drawContents() {
	last := b.f.PageCount()
	c := b.canvas
	next := 0
	c.breakPage = func() {
		next++
		if next < len(b.tocPages) {
			b.f.SetPage(b.tocPages[next])
		}
	}
	b.f.SetPage(b.tocPages[0])
	c.y = contentTop
	b.title("目　录")
	c.y = contentTop + contentsTitleH
	c.drawTable(b.contentsTable(b.pageOf))
	c.breakPage = func() { b.addPage(b.orient) }
	b.f.SetPage(last)
}

// title draws a part's title centred, in 黑体 (a report's first level).
func (b *builder) title(s string) {
	c := b.canvas
	saved := c.face
	c.setFace(faceHei)
	c.setSize(16)
	c.color(colInk)
	c.text(marginX, c.y, c.contentW(), s, "C")
	c.y += c.lineH() + 4
	c.setFace(saved)
}

// part starts a top-level part on a new page, with a bookmark.
func (b *builder) part(key, title, orient string) {
	b.headerLeft = title
	b.addPage(orient)
	b.mark(key)
	b.f.Bookmark(title, 0, 0)
	b.title(title)
}

// heading draws a second-level heading in 楷体, keeping room for what follows.
func (b *builder) heading(s string, keep float64) {
	c := b.canvas
	saved := c.face
	c.setFace(faceKai)
	c.setSize(13)
	c.ensure(c.lineH() + keep + 4)
	c.y += 2
	c.color(colInk)
	c.text(marginX, c.y, c.contentW(), s, "L")
	c.y += c.lineH() + 1.5
	c.setFace(saved)
}
