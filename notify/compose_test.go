package notify

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	cst  = time.FixedZone("CST", 8*3600)
	prog = dossier.DefaultProgramme()
	m5   = dossier.Team{ID: "M5", Level: dossier.LevelMunicipal, Name: "中西医结合脉管病诊疗专家基层服务团", Unit: "上海市中西医结合医院", Contacts: []string{"m5@example.cn"}}
	tNow = time.Date(2026, 11, 21, 9, 0, 0, 0, cst)
)

func rejectedSurvey() *dossier.Document {
	return &dossier.Document{
		ID: 7, Name: "调查表.pdf", Path: "M5/调查表.pdf", Kind: dossier.KindSurvey, TeamID: "M5",
		Received: time.Date(2026, 11, 12, 10, 38, 0, 0, cst), Verdict: dossier.VerdictRejected,
		Findings: []dossier.Finding{
			{Rule: "S011", Severity: dossier.SeverityWarning, Field: "activities_total", Message: "「开展各类服务活动总场次」填写为 40 场，少于“三、服务活动开展情况”各项之和 47 场，请核对"},
			{Rule: "S003", Severity: dossier.SeverityError, Field: "experts_total", Message: "专家人才「总人数」 27 人多于「总人次」 24 人次；总人数不应超过总人次，请核对"},
			{Rule: "S001", Severity: dossier.SeverityError, Field: "beneficiaries", Message: "调查表「惠及基层群众（人）」未填写，此项为必填项，请填写一个整数（没有请填 0）"},
		},
	}
}

func m5View(docs ...dossier.Document) *dossier.TeamView {
	return &dossier.TeamView{Team: m5, Documents: docs, Materials: map[dossier.Kind]dossier.MaterialState{
		dossier.KindSurvey: dossier.MaterialRejected, dossier.KindAudit: dossier.MaterialAccepted,
		dossier.KindSummary: dossier.MaterialMissing, dossier.KindPhotos: dossier.MaterialReview,
	}}
}

func TestComposeGolden(t *testing.T) {
	accepted := &dossier.Document{ID: 8, Name: "经费决算报告及审计报告.pdf", Kind: dossier.KindAudit, TeamID: "M5",
		Received: time.Date(2026, 11, 15, 12, 20, 0, 0, cst), Verdict: dossier.VerdictAccepted,
		Findings: []dossier.Finding{{Rule: "A006", Severity: dossier.SeverityWarning, Field: "opinion", Message: "「审计意见」为“保留意见”，不是“无保留意见”，请说明原因"}}}
	clean := &dossier.Document{ID: 9, Name: "成效总结.pdf", Kind: dossier.KindSummary, TeamID: "M5",
		Received: time.Date(2026, 11, 17, 13, 27, 0, 0, cst), Verdict: dossier.VerdictAccepted}
	scan := &dossier.Document{ID: 10, Name: "专项审计报告.pdf", Kind: dossier.KindAudit, TeamID: "M5",
		Received: time.Date(2026, 11, 17, 17, 32, 0, 0, cst), Verdict: dossier.VerdictReview,
		Findings: []dossier.Finding{{Rule: "F009", Severity: dossier.SeverityWarning, Message: "文件“专项审计报告.pdf”为扫描件（PDF 无文字层），系统无法读取其中的数据，已登记为已提交，待人工审核"}}}
	old := dossier.Document{ID: 3, Name: "调查表.xlsx", Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted, Superseded: true}
	newer := &dossier.Document{ID: 11, Name: "调查表-修改版.xlsx", Kind: dossier.KindSurvey, TeamID: "M5",
		Received: time.Date(2026, 11, 18, 9, 0, 0, 0, cst), Verdict: dossier.VerdictAccepted,
		Findings: []dossier.Finding{{Rule: "F010", Severity: dossier.SeverityInfo, Message: "文件“调查表-修改版.xlsx”为重新报送的材料，已替换此前受理的同类材料（调查表.xlsx），原文件已存档并标记为已替换"}}}
	reminder := m5View()
	reminder.Findings = []dossier.Finding{{Rule: "D003", Severity: dossier.SeverityInfo, Message: "材料报送截止日期 2026年11月20日 还有 3 天，尚缺《实施成效调查表》、《工作成效总结》，请尽快报送"}}
	cases := []struct {
		name string
		typ  dossier.NoticeType
		doc  *dossier.Document
		view *dossier.TeamView
		now  time.Time
		want []string
	}{
		{"rejection", dossier.NoticeRejection, rejectedSurvey(), m5View(), tNow, []string{"调查表.pdf", "“总人数” 27 人", "惠及基层群众", "2026年11月20日", "1. 【错误】", "3. 【提示】"}},
		{"acceptance-warnings", dossier.NoticeAcceptance, accepted, m5View(), tNow, []string{"已受理", "保留意见", "尚缺"}},
		{"acceptance-clean", dossier.NoticeAcceptance, clean, nil, tNow, []string{"成效总结.pdf", "已受理"}},
		{"review", dossier.NoticeReview, scan, m5View(), tNow, []string{"扫描件", "人工审核"}},
		{"supersede", dossier.NoticeSupersede, newer, m5View(old, *newer), tNow, []string{"调查表-修改版.xlsx", "“调查表.xlsx”已被替换"}},
		{"reminder", dossier.NoticeReminder, nil, reminder, time.Date(2026, 11, 17, 9, 0, 0, 0, cst), []string{"2026年11月20日", "《工作成效总结》：未提交", "尚缺：《实施成效调查表》、《工作成效总结》"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			subj, body, err := Compose(DefaultTemplates(), c.typ, c.doc, c.view, prog, c.now)
			if err != nil {
				t.Fatal(err)
			}
			got := subj + "\n\n" + body
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("notice lacks %q:\n%s", w, got)
				}
			}
			golden := filepath.Join("testdata", "golden", c.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("notice differs from %s:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

func TestComposeOneNoticeListsEveryFinding(t *testing.T) {
	d := rejectedSurvey()
	_, body, err := Compose(DefaultTemplates(), dossier.NoticeRejection, d, nil, prog, tNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range d.Findings {
		if !strings.Contains(body, f.Rule) {
			t.Errorf("body lacks %s", f.Rule)
		}
	}
	// errors come before warnings
	if strings.Index(body, "S001") > strings.Index(body, "S011") || strings.Index(body, "S003") > strings.Index(body, "S011") {
		t.Errorf("errors not listed first:\n%s", body)
	}
}

func TestComposeCleansNames(t *testing.T) {
	d := rejectedSurvey()
	d.Name = "调查表\r\nBcc: evil@example.com.pdf"
	v := m5View()
	v.Team.Name = "恶意\r\nBcc: x@y.z 服务团"
	subj, body, err := Compose(DefaultTemplates(), dossier.NoticeRejection, d, v, prog, tNow)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(subj, "\r\n") {
		t.Errorf("subject has a line break: %q", subj)
	}
	if strings.Contains(body, "\nBcc:") || strings.Contains(body, "\r") {
		t.Errorf("body carries the injected line: %q", body)
	}
}

func TestComposeOverrideAndErrors(t *testing.T) {
	tpl := DefaultTemplates()
	tpl[dossier.NoticeRejection] = Template{Subject: "退回：{{.TeamName}}"} // body falls back to the default
	subj, body, err := Compose(tpl, dossier.NoticeRejection, rejectedSurvey(), m5View(), prog, tNow)
	if err != nil || subj != "退回：中西医结合脉管病诊疗专家基层服务团" || !strings.Contains(body, "S003") {
		t.Fatalf("override: %q %v", subj, err)
	}
	bad := Templates{dossier.NoticeRejection: {Subject: "{{.Nope}}", Body: "x"}}
	if _, _, err := Compose(bad, dossier.NoticeRejection, rejectedSurvey(), nil, prog, tNow); err == nil {
		t.Error("unknown field in template: want error")
	}
	if err := (Templates{dossier.NoticeReview: {Body: "{{"}}).Validate(); err == nil {
		t.Error("Validate: want parse error")
	}
	if _, _, err := Compose(DefaultTemplates(), dossier.NoticeRejection, nil, m5View(), prog, tNow); err == nil {
		t.Error("rejection without document: want error")
	}
}

// TestComposeDefects: the defects of issue 11, one case each.
func TestComposeDefects(t *testing.T) {
	contact := Contact{Office: "上海市人力资源和社会保障局专业技术人员管理处", Person: "张老师", Phone: "021-63000000", Email: "zj@example.gov.cn"}
	unknown := &dossier.Document{ID: 20, Name: "说明.pdf", Kind: dossier.KindUnknown, Verdict: dossier.VerdictRejected,
		Received: time.Date(2026, 11, 19, 9, 0, 0, 0, cst),
		Findings: []dossier.Finding{{Rule: "F006", Severity: dossier.SeverityError, Message: "文件“说明.pdf”无法确定所属服务团"},
			{Rule: "F007", Severity: dossier.SeverityError, Message: "文件「说明.pdf」无法识别材料类型"}}}
	blankMode := &dossier.Document{ID: 21, Name: "调查表.xlsx", Folder: "M5 中西医", Kind: dossier.KindSurvey, TeamID: "M5", Verdict: dossier.VerdictRejected,
		Received: time.Date(2026, 11, 19, 9, 0, 0, 0, cst),
		Findings: []dossier.Finding{{Rule: "S001", Severity: dossier.SeverityError, Field: "service_mode", Message: "调查表“服务形式”未填写"},
			{Rule: "S002", Severity: dossier.SeverityError, Field: "service_mode", Message: "“服务形式”应二者选一"}}}
	photo := func(id int64, name string) dossier.Document {
		return dossier.Document{ID: id, Name: name, Kind: dossier.KindPhotos, Format: dossier.FormatJPEG, TeamID: "M5", Verdict: dossier.VerdictAccepted,
			Received: time.Date(2026, 11, 19, 9, 0, 0, 0, cst),
			Findings: []dossier.Finding{{Rule: "P002", Severity: dossier.SeverityWarning, Message: "照片未附说明"}}}
	}
	photos := []dossier.Document{photo(30, "现场1.jpg"), photo(31, "现场2.jpg"), photo(32, "现场3.jpg")}
	tests := []struct {
		name    string
		req     Request
		want    []string
		wantNot []string
	}{
		{"unknown kind is named by its file", Request{Type: dossier.NoticeRejection, Doc: unknown},
			[]string{"“说明.pdf”未通过审核", "你单位报送的文件“说明.pdf”", "重新报送该文件"}, []string{"无法识别的材料", "《"}},
		{"no team: addressed by the file", Request{Type: dossier.NoticeRejection, Doc: unknown},
			[]string{"文件“说明.pdf”的报送单位：", "以本服务团编号命名的文件夹"}, []string{"各有关单位"}},
		{"team: addressed to its unit", Request{Type: dossier.NoticeRejection, Doc: blankMode, View: m5View()},
			[]string{"上海市中西医结合医院（中西医结合脉管病诊疗专家基层服务团）：", "本服务团的“M5 中西医”文件夹"}, nil},
		{"one finding per defect", Request{Type: dossier.NoticeRejection, Doc: blankMode, View: m5View()},
			[]string{"1. 【错误】调查表“服务形式”未填写（S001）"}, []string{"S002", "2. "}},
		{"photos answered together", Request{Type: dossier.NoticeAcceptance, Doc: &photos[0], Photos: photos, View: m5View()},
			[]string{"3个文件", "“现场1.jpg”、“现场2.jpg”、“现场3.jpg”", "1. 【提示】照片未附说明（P002）"}, []string{"2. 【提示】"}},
		{"contact footer", Request{Type: dossier.NoticeAcceptance, Doc: &photos[0], View: m5View(), Contact: contact},
			[]string{"联系方式：上海市人力资源和社会保障局专业技术人员管理处，联系人：张老师，电话：021-63000000，电子邮箱：zj@example.gov.cn。"}, nil},
		{"one quotation style", Request{Type: dossier.NoticeRejection, Doc: rejectedSurvey(), View: m5View()},
			[]string{"“总人数”", "“惠及基层群众（人）”"}, []string{"「", "」"}},
		{"reminder has the footer", Request{Type: dossier.NoticeReminder, View: m5View(), Contact: contact},
			[]string{"联系方式：", "“M5”文件夹"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.req
			r.Templates, r.Programme, r.Now = DefaultTemplates(), prog, tNow
			subj, body, err := r.Compose()
			if err != nil {
				t.Fatal(err)
			}
			got := subj + "\n" + body
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("has %q:\n%s", w, got)
				}
			}
		})
	}
}
