package ocr

import (
	"strings"
	"testing"
)

const tsvSample = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
	"1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t\n" +
	"5\t1\t1\t1\t1\t1\t100\t100\t60\t30\t96.5\t到位\n" +
	"5\t1\t1\t1\t1\t2\t165\t101\t90\t30\t91.0\t资金合计\n" +
	"5\t1\t2\t1\t1\t1\t600\t104\t150\t28\t88.25\t100000.00\n" +
	"5\t1\t1\t1\t2\t1\t100\t160\t60\t30\t95\t差旅费\n" +
	"5\t1\t2\t1\t2\t1\t600\t162\t120\t28\t60\t22442.58\n" +
	"5\t1\t1\t1\t3\t1\t100\t220\t30\t30\t-1\t \n"

// TestTSVToLines: words of one table row that tesseract put in two blocks
// come out as one line, Han words joined, the amount a space apart, with
// each word's confidence and place in the line kept.
func TestTSVToLines(t *testing.T) {
	words, err := ParseTSV(strings.NewReader(tsvSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(words) != 5 {
		t.Fatalf("%d words, want 5", len(words))
	}
	lines := BuildLines(words)
	got := Page{Lines: lines}.Text()
	want := "到位资金合计 100000.00\n差旅费 22442.58"
	if got != want {
		t.Fatalf("text\n%q\nwant\n%q", got, want)
	}
	l := lines[0]
	if sp := l.Spans[2]; l.Text[sp[0]:sp[1]] != "100000.00" || l.Words[2].Conf != 0.8825 {
		t.Errorf("word 3 span %v conf %v", sp, l.Words[2].Conf)
	}
}

func TestParseTSVRejectsGarbage(t *testing.T) {
	if _, err := ParseTSV(strings.NewReader("5\t1\tx\t1\t1\t1\t1\t1\t1\t1\t90\tword\n")); err == nil {
		t.Error("a non-numeric column was accepted")
	}
}

func TestFixDigits(t *testing.T) {
	tests := []struct {
		in, next, want string
		changed        bool
	}{
		{"]1", "项", "1", true},
		{"1]", "场", "1", true},
		{"1]1", "", "11", true},
		{"]", "个", "1", true},
		{"]场", "", "1场", true},
		{"]", "联盟", "]", false}, // not before a unit
		{"2026", "年", "2026", false},
		{"(元", "", "(元", false},
	}
	for _, tt := range tests {
		t.Run(tt.in+"|"+tt.next, func(t *testing.T) {
			got, changed := fixDigits(tt.in, tt.next)
			if got != tt.want || changed != tt.changed {
				t.Errorf("fixDigits(%q, %q) = %q, %v; want %q, %v", tt.in, tt.next, got, changed, tt.want, tt.changed)
			}
		})
	}
}

func TestMarkBoxes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"措施:加有☐无（具体描述)", "措施:☑有☐无（具体描述)"},
		{"对接需求:回是口否", "对接需求:☑是☐否"},
		{"开展宣传：加有口无", "开展宣传：☑有☐无"},
		{"经费增加有所控制", "经费增加有所控制"}, // 加 not after a colon: a word
		{"回国是否", "回国是否"},         // 回 before 国, not an answer
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			l := Line{Text: tt.in}
			markBoxes(&l)
			if l.Text != tt.want {
				t.Errorf("markBoxes(%q) = %q, want %q", tt.in, l.Text, tt.want)
			}
		})
	}
}

func TestFixMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"四中一次服务 服务天数 5", "☑① 一次服务 服务天数 5"},
		{"口@)分批次服务 服务次数__", "☐② 分批次服务 服务次数__"},
		{"回@)分批次服务 服务次数 4", "☑② 分批次服务 服务次数 4"},
		{"农业（（)林业（)畜牧业（(V)渔业（)", "农业（ ）林业（ ）畜牧业（√）渔业（ ）"},
		{"重点帮扶县:☐是加和否", "重点帮扶县:☐是☑否"},
		{"重点帮扶县:☑是☐否", "重点帮扶县:☑是☐否"},
		// a box its frame settled, then a stray glyph of its tick
		{"重点帮扶县:☐是☑和否", "重点帮扶县:☐是☑否"},
		{"保障措施:☑有☐和无", "保障措施:☑有☐无"},
		{"是否:☐是☑否认", "是否:☐是☑否认"}, // nothing stray between box and answer
		{"留学回国人员 5", "留学回国人员 5"},
		// the fill-in blanks a scan's drawn lines leave empty
		{"口@一次服务服务天数", "☐① 一次服务服务天数 ____"},
		{"回@分批次服务服务次数 2 ，累计服务天数(各批次实际开展服务活动的天数总 和) 2",
			"☑② 分批次服务服务次数 2 ，累计服务天数(各批次实际开展服务活动的天数总 和) 2"},
		{"口@)分批次服务服务次数 ， 累计服务天数（各批次实际开展服务活动的天数总 和)",
			"☐② 分批次服务服务次数 ____ ， 累计服务天数（各批次实际开展服务活动的天数总 和) ____"},
		{"回@ 一 次服务服务天数 3", "回@ 一 次服务服务天数 3"},
		// the mode lines' boxes settled by their frames (marks.go)
		{"☐@一次服务服务天数 5", "☐① 一次服务服务天数 5"},
		{"☑@)分批次服务服务次数 6", "☑② 分批次服务服务次数 6"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fixMarks(tt.in); got != tt.want {
				t.Errorf("fixMarks(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
