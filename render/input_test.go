package render

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
)

// Long survey texts, with the punctuation a wrap must respect, to check
// that no character is lost at a line break.
var longTexts = map[string]string{
	"economic_benefit": "通过推广设施草莓高架基质栽培、水肥一体化和病虫害绿色防控等新技术（共计12项），帮助合作社亩均增收约3,500元；带动周边3个村、126户农户参与标准化生产，全年新增产值约680万元。专家团队还协助建立“田头—冷库—社区”直供渠道，损耗率由18%降至7%。",
	"social_benefit":   "累计开展现场培训、远程培训和示范带教46场，培训基层农技人员和种植户1,280人次；编写《草莓设施生产技术要点》《常见病虫害识别手册》等培训资料，发放3,000余册。群众满意度调查显示，满意率达98.6%，基层技术人员普遍反映“听得懂、学得会、用得上”。",
	"industry_impact":  "推动形成“专家+合作社+农户”的产业服务模式，促成2家龙头企业与基层合作社签订长期技术服务协议；协助编制《区域草莓产业发展规划（2026—2030年）》，为地方产业升级提供决策参考。",
}

// testInput builds the 18 teams of the registry with the documents of
// expected.jsonl; originals point to the few fixtures in testdata.
func testInput(t testing.TB) Input {
	t.Helper()
	loc := time.FixedZone("CST", 8*3600)
	var teams []dossier.TeamView
	idx := map[string]int{}
	reg, err := os.ReadFile("testdata/registry.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(reg)), "\n") {
		p := strings.Split(line, "\t")
		idx[p[0]] = len(teams)
		teams = append(teams, dossier.TeamView{Team: dossier.Team{ID: p[0], Level: dossier.Level(p[1]), Name: p[2], Unit: p[3]}, Materials: map[dossier.Kind]dossier.MaterialState{}})
	}
	f, err := os.Open("testdata/expected.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	pdfs := []string{"audit.pdf", "scan.pdf", "photos.pdf"}
	n := 0
	for sc.Scan() {
		var e struct {
			Path     string         `json:"path"`
			Kind     string         `json:"kind"`
			Team     string         `json:"team"`
			Fields   map[string]any `json:"fields"`
			Verdict  string         `json:"verdict"`
			Rules    []string       `json:"rules"`
			Received time.Time      `json:"received"`
			Producer string         `json:"producer"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		ti, ok := idx[e.Team]
		if !ok {
			continue
		}
		n++
		d := dossier.Document{Path: e.Path, Name: filepath.Base(e.Path), Folder: e.Team, Kind: dossier.Kind(e.Kind),
			TeamID: e.Team, Verdict: dossier.Verdict(e.Verdict), Received: e.Received.In(loc), Fields: typed(e.Fields)}
		if d.Kind == "" {
			d.Kind = dossier.KindUnknown
		}
		switch strings.ToLower(filepath.Ext(e.Path)) {
		case ".pdf":
			d.Format = dossier.FormatPDF
			fx := pdfs[n%len(pdfs)]
			if strings.Contains(e.Producer, "aes256-owner") {
				fx = "audit-owner-encrypted.pdf"
			}
			d.StoredPath = fixture(t, fx)
		case ".jpg":
			d.Format = dossier.FormatJPEG
			d.StoredPath = fixture(t, []string{"photo1.jpg", "photo2.jpg"}[n%2])
		case ".xlsx":
			d.Format = dossier.FormatXLSX
			d.StoredPath = "/archive/" + e.Path
		default:
			d.Format = dossier.FormatLegacy
		}
		s := sha256.Sum256([]byte(e.Path))
		d.SHA256 = hex.EncodeToString(s[:])
		for _, r := range e.Rules {
			sev := dossier.SeverityWarning
			if d.Verdict == dossier.VerdictRejected {
				sev = dossier.SeverityError
			}
			d.Findings = append(d.Findings, dossier.Finding{Rule: r, Severity: sev, Message: fmt.Sprintf("规则 %s：%s 的检查未通过（测试数据）。", r, d.Name)})
		}
		if d.Kind == dossier.KindSurvey && d.Verdict == dossier.VerdictAccepted && len(teams[ti].Documents)%2 == 0 {
			for k, v := range longTexts {
				d.Fields[k] = v
			}
		}
		teams[ti].Documents = append(teams[ti].Documents, d)
	}
	for i := range teams {
		v := &teams[i]
		// The first of two accepted documents of a kind is superseded.
		for j := range v.Documents {
			for k := j + 1; k < len(v.Documents); k++ {
				if v.Documents[j].Kind == v.Documents[k].Kind && v.Documents[k].Verdict == dossier.VerdictAccepted && v.Documents[j].Kind != dossier.KindPhotos && v.Documents[j].Format != dossier.FormatJPEG {
					v.Documents[j].Superseded = true
				}
			}
		}
		complete := true
		for _, k := range dossier.Kinds {
			st := dossier.MaterialMissing
			for _, d := range v.Documents {
				if d.Kind != k || d.Superseded {
					continue
				}
				switch {
				case d.Verdict == dossier.VerdictAccepted:
					st = dossier.MaterialAccepted
				case d.Verdict == dossier.VerdictReview && st != dossier.MaterialAccepted:
					st = dossier.MaterialReview
				case st == dossier.MaterialMissing:
					st = dossier.MaterialRejected
				}
			}
			v.Materials[k] = st
			complete = complete && st == dossier.MaterialAccepted
		}
		v.Complete = complete
		for _, d := range v.Documents {
			for _, f := range d.Findings {
				if f.Rule == "D001" {
					v.Late = true
				}
			}
		}
		if !complete {
			v.Findings = append(v.Findings, dossier.Finding{Rule: "T001", Severity: dossier.SeverityWarning, Message: "材料不全：尚缺已受理的全部四类材料。"})
		}
	}
	return Input{Programme: dossier.DefaultProgramme(), Teams: teams, Generated: time.Date(2026, 11, 21, 2, 0, 0, 0, loc)}
}

func fixture(t testing.TB, name string) string {
	p, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// typed converts JSON values to the types of the catalogue.
func typed(m map[string]any) dossier.Fields {
	fs := dossier.Fields{}
	for k, v := range m {
		f, ok := dossier.FieldByKey(k)
		if !ok || v == nil {
			fs[k] = v
			continue
		}
		switch f.Type {
		case dossier.TypeInt:
			fs[k] = int64(v.(float64))
		case dossier.TypeList:
			var l []string
			for _, x := range v.([]any) {
				l = append(l, fmt.Sprint(x))
			}
			fs[k] = l
		default:
			fs[k] = v
		}
	}
	return fs
}
