package template

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"dossier"
	"dossier/convert"
	"dossier/extract"
	"dossier/extract/parse"
)

// filledSurvey is a value for every survey field of the catalogue.
func filledSurvey() dossier.Fields {
	f := dossier.Fields{}
	for i, fd := range dossier.FieldsOf(dossier.KindSurvey) {
		switch fd.Type {
		case dossier.TypeInt:
			f[fd.Key] = int64(i + 1)
		case dossier.TypeMoney:
			f[fd.Key] = 100000.0
		case dossier.TypeBool:
			f[fd.Key] = i%2 == 0
		case dossier.TypeList:
			f[fd.Key] = []string{"甲县", "乙县"}
		case dossier.TypeText:
			f[fd.Key] = "内容" + fmt.Sprint(i)
		}
	}
	f["team_name"], f["unit"] = "上海特色鱼产业技术服务团", "上海市水产研究所"
	f["contact_phone"], f["contact_email"] = "021-12345678", "a@b.cn"
	f["service_mode"] = "batches"
	f["service_fields"] = []string{"渔业", "医疗", "人工智能"}
	f["uploaded_materials"] = []string{"照片", "总结"}
	f["publicity_items"] = []dossier.PublicityItem{{Media: "文汇报", Date: "2026-09-01", Title: "专家进村"}, {Media: "上观新闻", Date: "2026-10-12", Title: "渔业指导"}}
	return f
}

func readDocx(t *testing.T, data []byte) parse.Output {
	t.Helper()
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := ex.ReadDOCX(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	return parse.Parse(parse.Input{Name: "调查表.docx", Sheets: sheets})
}

func checkRoundTrip(t *testing.T, want dossier.Fields, out parse.Output) {
	t.Helper()
	if out.Kind != dossier.KindSurvey {
		t.Fatalf("kind %s", out.Kind)
	}
	if len(out.Invalid) > 0 {
		t.Errorf("invalid: %q", out.Invalid)
	}
	for _, fd := range dossier.FieldsOf(dossier.KindSurvey) {
		if got := out.Fields[fd.Key]; !reflect.DeepEqual(got, want[fd.Key]) {
			t.Errorf("%s: want %#v got %#v", fd.Key, want[fd.Key], got)
		}
	}
}

// TestSurveyDOCXRoundTrip: the Word form filled in reads back every field
// exactly, through the same reader and parser as a unit's .docx.
func TestSurveyDOCXRoundTrip(t *testing.T) {
	want := filledSurvey()
	var buf bytes.Buffer
	if err := SurveyDOCX(&buf, nil, want); err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, want, readDocx(t, buf.Bytes()))
}

// TestSurveyDOCXResavedByWriter: the filled form after LibreOffice Writer
// opened and saved it (as a unit's office suite does) still reads back.
func TestSurveyDOCXResavedByWriter(t *testing.T) {
	c, err := convert.New(convert.Options{ProfileDir: t.TempDir(), Timeout: 2 * time.Minute})
	if errors.Is(err, convert.ErrUnavailable) {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	want := filledSurvey()
	var buf bytes.Buffer
	if err := SurveyDOCX(&buf, nil, want); err != nil {
		t.Fatal(err)
	}
	saved, err := c.Convert(context.Background(), buf.Bytes(), "调查表.docx", "docx:MS Word 2007 XML")
	if err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, want, readDocx(t, saved))
}

func TestSurveyDOCXBlankReadsBlank(t *testing.T) {
	var buf bytes.Buffer
	team := &dossier.Team{ID: "M8", Name: "上海特色鱼产业技术服务团", Unit: "上海市水产研究所"}
	if err := SurveyDOCX(&buf, team, nil); err != nil {
		t.Fatal(err)
	}
	out := readDocx(t, buf.Bytes())
	if out.Kind != dossier.KindSurvey {
		t.Fatalf("kind %s", out.Kind)
	}
	for k, v := range out.Fields {
		switch k {
		case "team_name", "unit":
			if v != team.Name && v != team.Unit {
				t.Errorf("%s = %#v, want the team's", k, v)
			}
		default:
			if v != nil {
				t.Errorf("blank template: %s = %#v", k, v)
			}
		}
	}
}
