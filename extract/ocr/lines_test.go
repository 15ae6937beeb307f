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

func TestFixMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"四中一次服务 服务天数 5", "☑① 一次服务 服务天数 5"},
		{"口@)分批次服务 服务次数__", "☐② 分批次服务 服务次数__"},
		{"回@)分批次服务 服务次数 4", "☑② 分批次服务 服务次数 4"},
		{"农业（（)林业（)畜牧业（(V)渔业（)", "农业（ ）林业（ ）畜牧业（√）渔业（ ）"},
		{"重点帮扶县:☐是加和否", "重点帮扶县:☐是☑否"},
		{"重点帮扶县:☑是☐否", "重点帮扶县:☑是☐否"},
		{"留学回国人员 5", "留学回国人员 5"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fixMarks(tt.in); got != tt.want {
				t.Errorf("fixMarks(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
