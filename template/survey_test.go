package template

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"dossier"
	"dossier/extract/parse"

	"github.com/xuri/excelize/v2"
)

// sheetsOf reads a workbook as the xlsx reader does: GetRows, merged
// ranges filled with their value.
func sheetsOf(t *testing.T, f *excelize.File) []parse.Sheet {
	t.Helper()
	var out []parse.Sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		merged, _ := f.GetMergeCells(name)
		for _, m := range merged {
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			for r := r1; r <= r2; r++ {
				for len(rows) < r {
					rows = append(rows, nil)
				}
				for c := c1; c <= c2; c++ {
					for len(rows[r-1]) < c {
						rows[r-1] = append(rows[r-1], "")
					}
					rows[r-1][c-1] = m.GetCellValue()
				}
			}
		}
		out = append(out, parse.Sheet{Name: name, Rows: rows})
	}
	return out
}

func TestSurveyRoundTrip(t *testing.T) {
	team := &dossier.Team{ID: "M8", Name: "上海特色鱼产业技术服务团", Unit: "上海市水产研究所(上海市水产技术推广站)"}
	var buf bytes.Buffer
	if err := Survey(&buf, team); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	want := dossier.Fields{}
	var fields []string
	var pubs [PublicityRows]dossier.PublicityItem
	for i, c := range SurveyLayout() {
		var v any
		switch {
		case strings.HasPrefix(c.Key, "sf:"):
			name := strings.TrimPrefix(c.Key, "sf:")
			if i%3 == 0 {
				fields = append(fields, name)
				v = "是"
			} else {
				v = "否"
			}
		case strings.HasPrefix(c.Key, "pub:"):
			var part string
			var n int
			fmt.Sscanf(strings.ReplaceAll(c.Key[4:], ":", " "), "%s %d", &part, &n)
			switch part {
			case "media":
				pubs[n].Media = fmt.Sprintf("媒体%d", n)
				v = pubs[n].Media
			case "date":
				pubs[n].Date = fmt.Sprintf("2026-0%d-1%d", n+1, n)
				v = pubs[n].Date
			case "title":
				pubs[n].Title = fmt.Sprintf("篇名第%d篇", n)
				v = pubs[n].Title
			}
		case c.Key == "team_name" || c.Key == "unit":
			got, _ := f.GetCellValue(SheetName, c.Axis)
			if c.Key == "team_name" && got != team.Name || c.Key == "unit" && got != team.Unit {
				t.Errorf("%s not pre-filled: %q", c.Key, got)
			}
			want[c.Key] = got
			continue
		case c.Key == "service_mode":
			v, want[c.Key] = "②分批次服务", "batches"
		case c.Type == dossier.TypeInt:
			v = i + 1
			want[c.Key] = int64(i + 1)
		case c.Type == dossier.TypeMoney:
			v = 10
			want[c.Key] = 100000.0
		case c.Type == dossier.TypeBool:
			if c.Key == "support_measures" || c.Key == "publicity" {
				v = "有"
			} else {
				v = "是"
			}
			want[c.Key] = true
		case c.Type == dossier.TypeList:
			v = "甲县、乙县"
			want[c.Key] = []string{"甲县", "乙县"}
		case c.Key == "contact_phone":
			v, want[c.Key] = "021-12345678", "021-12345678"
		case c.Key == "contact_email":
			v, want[c.Key] = "a@b.cn", "a@b.cn"
		default:
			v = "内容" + strings.ReplaceAll(c.Key, "_", "")
			want[c.Key] = v
		}
		if err := f.SetCellValue(SheetName, c.Axis, v); err != nil {
			t.Fatal(err)
		}
	}
	want["service_fields"] = fields
	want["publicity_items"] = pubs[:]
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	res := parse.Parse(parse.Input{Name: "调查表.xlsx", Sheets: sheetsOf(t, g)})
	if res.Kind != dossier.KindSurvey {
		t.Fatalf("kind %s", res.Kind)
	}
	if len(res.Invalid) > 0 {
		t.Errorf("invalid: %q", res.Invalid)
	}
	for k, v := range want {
		if got := res.Fields[k]; !reflect.DeepEqual(got, v) {
			t.Errorf("%s: want %#v got %#v", k, v, got)
		}
	}
	for _, fd := range dossier.FieldsOf(dossier.KindSurvey) {
		if _, ok := want[fd.Key]; !ok {
			t.Errorf("template lacks field %s", fd.Key)
		}
	}
}

func TestSurveyBlankReadsBlank(t *testing.T) {
	var buf bytes.Buffer
	if err := Survey(&buf, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	res := parse.Parse(parse.Input{Name: "调查表.xlsx", Sheets: sheetsOf(t, f)})
	if res.Kind != dossier.KindSurvey {
		t.Fatalf("kind %s", res.Kind)
	}
	for k, v := range res.Fields {
		if v != nil {
			t.Errorf("blank template: %s = %#v", k, v)
		}
	}
	dvs, _ := f.GetDataValidations(SheetName)
	if len(dvs) < 60 {
		t.Errorf("only %d data validations", len(dvs))
	}
}
