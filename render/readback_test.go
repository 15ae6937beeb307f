package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier"
	"dossier/report"
)

// readbackInput is the sample input with what the view must get right:
// a review audit that holds figures (they must not count), a file of no
// team, a duplicate, a clerk's value and an OCR value.
func readbackInput(t *testing.T) Input {
	in := testInput(t)
	loc := in.Programme.Location()
	for i := range in.Teams {
		if in.Teams[i].Team.ID != "M13" {
			continue
		}
		// A scan of the audit waiting for review, read by OCR: its figures
		// must show as "—" and not enter any sum.
		in.Teams[i].Documents = append(in.Teams[i].Documents, dossier.Document{ID: 900, Name: "审计报告-扫描件.pdf", Folder: "M13", TeamID: "M13",
			Kind: dossier.KindAudit, Format: dossier.FormatPDF, Verdict: dossier.VerdictReview, StoredPath: fixture(t, "scan.pdf"),
			Received: time.Date(2026, 11, 18, 9, 30, 0, 0, loc), SHA256: strings.Repeat("c", 64),
			Fields:   dossier.Fields{"received_total": 100000.0, "spent_total": 99000.0, "balance": 1000.0},
			Findings: []dossier.Finding{{Rule: "F009", Severity: dossier.SeverityWarning, Message: "扫描件，待人工审核"}}})
		in.Teams[i].Materials[dossier.KindAudit] = dossier.MaterialReview
	}
	v := &in.Teams[0]
	for j := range v.Documents {
		d := &v.Documents[j]
		if d.Kind == dossier.KindAudit && d.Verdict == dossier.VerdictAccepted && !d.Superseded {
			d.Fields["spent_travel"] = 12345.6
			d.DecidedBy = &dossier.Decision{User: "clerk", FieldsAfter: dossier.Fields{"spent_travel": 12345.6}}
			d.Sources = map[string]dossier.Source{"spent_meetings": {Page: 2, OCR: true}}
			d.Findings = append(d.Findings, dossier.Finding{Rule: "A001", Severity: dossier.SeverityWarning, Field: "received_total", Message: "「到位资金合计」与各项之和不符"})
		}
	}
	in.NoTeam = []dossier.Document{{ID: 901, Name: "说明.pdf", Kind: dossier.KindUnknown, Verdict: dossier.VerdictRejected,
		Received: time.Date(2026, 11, 19, 10, 0, 0, 0, loc), SHA256: strings.Repeat("a", 64), StoredPath: "/srv/dossier/data/archive/说明.pdf",
		Findings: []dossier.Finding{{Rule: "F006", Severity: dossier.SeverityError, Message: "文件“说明.pdf”无法确定所属服务团"}}}}
	in.Dups = []dossier.Document{{ID: 902, Name: "审计报告.pdf", Folder: "M11", TeamID: "M11", Kind: dossier.KindAudit, Verdict: dossier.VerdictAccepted,
		Received: time.Date(2026, 11, 19, 11, 0, 0, 0, loc), SHA256: strings.Repeat("b", 64), StoredPath: "/srv/dossier/data/archive/M11/审计报告.pdf"}}
	in.Pending = 2
	return in
}

// TestReadBack renders the package and the spreadsheet, reads their text
// and cells back, and compares every figure with the view.
func TestReadBack(t *testing.T) {
	pdftotext := requireTool(t, "pdftotext")
	in := readbackInput(t)
	v := in.View()
	if err := v.Check(); err != nil {
		t.Fatal(err)
	}
	for _, r := range v.Teams {
		if r.Team.ID == "M13" && (r.Funds.Received.Counts || r.Funds.Received.Text() != report.Dash) {
			t.Fatalf("M13's audit waits for review, yet its figures count: %+v", r.Funds.Received)
		}
	}
	dir := t.TempDir()
	pdfPath, xlsxPath := filepath.Join(dir, PDFName), filepath.Join(dir, XLSXName)
	var pdf, xlsx bytes.Buffer
	if _, err := PDF(&pdf, in); err != nil {
		t.Fatal(err)
	}
	if err := XLSX(&xlsx, in); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdfPath, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xlsxPath, xlsx.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	t.Run("cover", func(t *testing.T) { checkCover(t, pages[0], v) })
	t.Run("summary", func(t *testing.T) { checkSummaryPages(t, pages, v) })
	t.Run("statistics", func(t *testing.T) { checkStatsPages(t, pages, v) })
	t.Run("team sections", func(t *testing.T) { checkTeamPages(t, pages, v) })
	t.Run("every file listed", func(t *testing.T) {
		for _, r := range append(append([]report.FileRow{}, v.NoTeam...), v.Dups...) {
			if !strings.Contains(string(out), r.Name) {
				t.Errorf("%s appears nowhere in the package", r.Name)
			}
		}
	})
	t.Run("no server path", func(t *testing.T) {
		for _, p := range []string{"/srv/", "/archive/", "/tmp/", "testdata/"} {
			if strings.Contains(string(out), p) {
				t.Errorf("the package prints a server path (%s)", p)
			}
		}
	})
	t.Run("one quotation style", func(t *testing.T) {
		if strings.ContainsAny(string(out), "「」") {
			t.Error("the package mixes 「」 with “”")
		}
	})
	t.Run("contents entries are links", func(t *testing.T) {
		b := &builder{in: in}
		links := regexp.MustCompile(`/Subtype\s*/Link`).FindAll(pdf.Bytes(), -1)
		if want := len(b.tocList()); len(links) < want {
			t.Errorf("%d link annotations, want at least one per contents entry (%d)", len(links), want)
		}
	})
	t.Run("xlsx", func(t *testing.T) { checkXLSX(t, xlsxPath, v) })
}

func pageLines(p string) []string {
	var out []string
	for _, l := range strings.Split(p, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// partPages are the pages whose running header starts with title.
func partPages(pages []string, title string) []string {
	var out []string
	for _, p := range pages {
		if ls := pageLines(p); len(ls) > 0 && strings.HasPrefix(strings.TrimSpace(ls[0]), title) {
			out = append(out, p)
		}
	}
	return out
}

func checkCover(t *testing.T, cover string, v report.View) {
	fl, tc := v.Files, v.TeamCounts()
	want := map[string]int{"收到文件": fl.Received, "处理中": fl.Pending, "已处理": fl.Decided, "已受理": fl.Accepted,
		"待人工审核": fl.Review, "已退回": fl.Rejected, "各服务团文件": fl.InTeams, "未能识别服务团": fl.NoTeam,
		"重复报送": fl.Duplicates, "已被新文件替代": fl.Superseded, "服务团总数": tc.Teams, "材料齐全": tc.Complete,
		"材料不全": tc.Incomplete, "逾期提交": tc.Late, "计入合计的决算": v.Funds.All.Audits}
	for label, n := range want {
		m := regexp.MustCompile(regexp.QuoteMeta(label) + `\s+(\d+) ?[份个]`).FindStringSubmatch(cover)
		if m == nil {
			t.Errorf("cover lacks %s", label)
			continue
		}
		if got, _ := strconv.Atoi(m[1]); got != n {
			t.Errorf("cover %s = %d, view %d", label, got, n)
		}
	}
	for label, m := range map[string]dossier.Money{"到位资金合计": v.Funds.All.Received, "实际支出合计": v.Funds.All.Spent, "结余资金合计": v.Funds.All.Balance} {
		if !regexp.MustCompile(regexp.QuoteMeta(label) + `\s+` + regexp.QuoteMeta(m.String())).MatchString(cover) {
			t.Errorf("cover %s is not %s", label, m)
		}
	}
}

var reAmount = regexp.MustCompile(`-?\d{1,3}(?:,\d{3})*\.\d{2}\b`)

// checkSummaryPages: the amounts on the summary pages are exactly the
// view's counted team figures and its subtotals and total, no more (a
// review's figures, a 0.00 in place of "—") and no fewer.
func checkSummaryPages(t *testing.T, pages []string, v report.View) {
	ps := partPages(pages, "一、服务团材料汇总表")
	if len(ps) == 0 {
		t.Fatal("no summary pages")
	}
	var got, want []string
	for _, p := range ps {
		got = append(got, reAmount.FindAllString(p, -1)...)
	}
	dashes := 0
	for _, r := range v.Teams {
		for _, a := range []report.Amount{r.Funds.Received, r.Funds.Spent, r.Funds.Balance} {
			if a.Counts {
				want = append(want, a.Text())
			} else {
				dashes++
			}
		}
	}
	for _, s := range []report.FundsSum{v.Funds.National, v.Funds.Municipal, v.Funds.All} {
		want = append(want, s.Received.String(), s.Spent.String(), s.Balance.String())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("summary amounts differ from the view:\n got %v\nwant %v", got, want)
	}
	if dashes == 0 {
		t.Fatal("the test input has no team whose funds do not count")
	}
	text := strings.Join(ps, "")
	if n := strings.Count(text, "—"); n < dashes {
		t.Errorf("%d dashes on the summary pages, want at least %d", n, dashes)
	}
	if !strings.Contains(text, report.ReasonReview) {
		t.Errorf("the summary does not say why a review's figures are not counted")
	}
}

func checkStatsPages(t *testing.T, pages []string, v report.View) {
	text := strings.Join(partPages(pages, "二、实施成效统计"), "")
	s := v.Survey
	for _, k := range []struct{ key, label string }{{"experts_total", "参与专家总人数（人）"}, {"expert_attendances", "专家服务总人次"},
		{"activities_total", "服务活动总场次"}, {"beneficiaries", "惠及基层群众（人）"}} {
		a := s.Sums[k.key]
		re := regexp.MustCompile(regexp.QuoteMeta(k.label) + `\s+` + regexp.QuoteMeta(dossier.Thousands(a[0])) + `\s+` +
			regexp.QuoteMeta(dossier.Thousands(a[1])) + `\s+` + regexp.QuoteMeta(dossier.Thousands(a[2])))
		if !re.MatchString(text) {
			t.Errorf("statistics: %s is not %v", k.label, a)
		}
	}
}

// checkTeamPages: each team's section shows its audit's totals as the
// view has them, and the marks of a clerk's and an OCR value.
func checkTeamPages(t *testing.T, pages []string, v report.View) {
	marks := 0
	for _, r := range v.Teams {
		text := strings.Join(partPages(pages, "三、各服务团材料 · "+r.Team.ID+" "), "")
		if text == "" {
			t.Errorf("no section for %s", r.Team.ID)
			continue
		}
		if !r.Audit.Present {
			continue
		}
		for _, a := range []report.Amount{r.Funds.Received, r.Funds.Spent} {
			if a.Has && !strings.Contains(text, a.Value.String()) {
				t.Errorf("%s: section lacks %s", r.Team.ID, a.Value)
			}
		}
		marks += strings.Count(text, report.MarkManual) + strings.Count(text, report.MarkOCR)
	}
	if marks < 2 {
		t.Errorf("the clerk's and the OCR value are not marked in the team sections (%d marks)", marks)
	}
}

func checkXLSX(t *testing.T, path string, v report.View) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetTeams, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	cols := xlsxColumns()
	for _, c := range cols {
		if c.Type == dossier.TypeMoney {
			if _, ok := col[c.Label+"（"+string(report.ColumnUnit(c))+"）"]; !ok {
				t.Errorf("no column %s with its unit", c.Label)
			}
		}
	}
	if report.ColumnUnit(cols[slices.IndexFunc(cols, func(c dossier.Field) bool { return c.Key == "funds_mohrss" })]) != dossier.WanYuan {
		t.Fatal("人力资源社会保障部支持资金 is not a 万元 column")
	}
	for i, r := range v.Teams {
		row := rows[i+1]
		for _, c := range cols {
			if c.Type != dossier.TypeMoney && c.Type != dossier.TypeInt {
				continue
			}
			ci := col[xlsxHeader(c)]
			cellText := ""
			if ci < len(row) {
				cellText = row[ci]
			}
			val := r.Value(c)
			if !val.IsNum {
				if cellText != report.Dash && cellText != "（未填）" {
					t.Errorf("%s %s: %q, want — (it does not count: %s)", r.Team.ID, c.Key, cellText, val.Reason)
				}
				continue
			}
			got, err := strconv.ParseFloat(cellText, 64)
			if err != nil || got != val.Num {
				t.Errorf("%s %s: cell %q, view %v %s", r.Team.ID, c.Key, cellText, val.Num, report.ColumnUnit(c))
			}
		}
		if r.Survey.Counts {
			m, _ := dossier.MoneyOf(r.Survey.Doc.Fields, "funds_mohrss")
			if got := r.Value(dossier.Field{Key: "funds_mohrss", Type: dossier.TypeMoney, Kind: dossier.KindSurvey, Unit: "万元"}).Num; m != 0 && got != m.In(dossier.WanYuan) {
				t.Errorf("%s funds_mohrss %v 万元 for %s yuan", r.Team.ID, got, m)
			}
		}
	}
	total := rows[len(v.Teams)+1]
	for _, c := range cols {
		want, ok := v.Total(c)
		if !ok {
			continue
		}
		got, err := strconv.ParseFloat(total[col[xlsxHeader(c)]], 64)
		if err != nil || got != want {
			t.Errorf("total %s: %q, view %v", c.Key, total[col[xlsxHeader(c)]], want)
		}
	}
	files, err := f.GetRows(sheetFiles)
	if err != nil {
		t.Fatal(err)
	}
	fl := v.Files
	for label, n := range map[string]int{"收到文件": fl.Received, "已处理": fl.Decided, "已受理": fl.Accepted, "待人工审核": fl.Review,
		"已退回": fl.Rejected, "未能识别服务团的文件": fl.NoTeam, "重复报送的文件": fl.Duplicates} {
		i := slices.IndexFunc(files, func(r []string) bool { return len(r) > 1 && r[0] == label })
		if i < 0 || files[i][1] != strconv.Itoa(n) {
			t.Errorf("files sheet %s: want %d", label, n)
		}
	}
}
