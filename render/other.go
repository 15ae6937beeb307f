package render

import (
	"fmt"

	"dossier/report"
)

const otherTitle = "四、未归入服务团的文件"

// otherFiles lists the files that belong to no team section: those whose
// team could not be identified and the duplicates, so that every file
// received appears somewhere in the package.
func (b *builder) otherFiles() {
	b.part("other", otherTitle, "P")
	c := b.canvas
	v := b.view
	c.para(fmt.Sprintf("以下文件未归入任何服务团的材料：未能识别所属服务团的 %d 份，与已受理文件内容相同的重复报送 %d 份。它们计入封面的文件总数，不附原件，不计入汇总。未能识别服务团的文件已退回，请报送单位在文件名或文件夹名中注明服务团编号或名称后重新报送。",
		len(v.NoTeam), len(v.Dups)), 10, colInk)
	c.y += 2
	b.heading("（一）未能识别所属服务团的文件", 12)
	b.fileRows(v.NoTeam)
	c.y += 3
	b.heading("（二）重复报送的文件", 12)
	b.fileRows(v.Dups)
}

func (b *builder) fileRows(rows []report.FileRow) {
	if len(rows) == 0 {
		b.note("无。")
		return
	}
	hdr := [][]cell{{{text: "文件名", align: "C"}, {text: "报送文件夹", align: "C"}, {text: "接收时间", align: "C"}, {text: "状态", align: "C"}, {text: "原因", align: "C"}}}
	t := &table{cols: []float64{46, 22, 30, 18, 58}, size: 8.5, pad: 1.2, header: hdr, zebra: true}
	for _, r := range rows {
		folder := r.Folder
		if folder == "" {
			folder = "（收件夹根目录）"
		}
		t.rows = append(t.rows, []cell{{text: r.Name}, {text: folder}, {text: localTime(r.Received, b.loc), align: "C"},
			{text: r.Verdict.Label(), align: "C"}, {text: quotes(r.Reason)}})
	}
	b.canvas.drawTable(t)
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
