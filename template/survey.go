package template

import (
	"errors"
	"fmt"
	"io"

	"dossier"

	"github.com/xuri/excelize/v2"
)

// ErrWrite is returned when the workbook cannot be built or written.
var ErrWrite = errors.New("template: cannot write the survey workbook")

// SheetName is the survey's worksheet.
const SheetName = "调查表"

// Cell is one value cell of the survey template: the field it holds, the
// label beside it and its address.
type Cell struct {
	Key   string // catalogue key; "sf:农业" for one 服务领域 choice; "pub:media/date/title:N" for publicity rows
	Label string
	Axis  string
	Type  dossier.FieldType
}

type row struct {
	key, label string
}

// The form in the order of 附件4. A heading has an empty key.
var surveyRows = []row{
	{"team_name", "服务团名称"}, {"unit", "依托单位"}, {"contact_name", "联系人"}, {"contact_phone", "联系电话"}, {"contact_email", "电子邮箱"},
	{"", "一、服务活动基本情况"},
	{"service_mode", "服务形式"}, {"service_days", "服务天数"}, {"batch_count", "服务次数"}, {"batch_days_total", "累计服务天数"},
	{"", "服务领域（可多选，选“是”）"},
	// the 19 choices follow here (inserted by layout)
	{"service_fields_other", "其他（请补充）"},
	{"region_cities", "覆盖地市（个）"}, {"region_counties", "覆盖区县（个）"}, {"region_units", "覆盖企事业单位（家）"},
	{"key_counties", "是否包含国家级/省级乡村振兴重点帮扶县"},
	{"key_counties_national", "国家级重点帮扶县个数"}, {"key_counties_national_names", "国家级重点帮扶县名称"},
	{"key_counties_provincial", "省级重点帮扶县个数"}, {"key_counties_provincial_names", "省级重点帮扶县名称"},
	{"activities_total", "开展各类服务活动总场次"}, {"projects_matched", "对接项目数量"},
	{"", "二、参与专家人才情况"},
	{"experts_total", "总人数"}, {"expert_attendances", "总人次"}, {"senior_full", "正高级职称"}, {"senior_deputy", "副高级职称"},
	{"academicians", "两院院士"}, {"outstanding_professionals", "全国杰出专业技术人员"}, {"talent_project", "百千万人才工程国家级人选"},
	{"special_allowance", "享受政府特殊津贴专家"}, {"postdocs", "博士后"}, {"returnees", "留学回国人员"}, {"experts_other", "其他（请补充）"},
	{"source_local", "本省（区、市）"}, {"source_other_province", "外省（区、市）"}, {"source_hmt", "港澳台"}, {"source_foreign", "国外"},
	{"", "三、服务活动开展情况"},
	{"guidance_onsite", "现场指导（次）"}, {"guidance_remote", "远程指导（次）"}, {"joint_research_form", "联合攻关具体形式"}, {"joint_research", "联合攻关（次）"},
	{"symposiums", "座谈交流会（场）"}, {"lectures", "专题讲座（场）"}, {"training_onsite", "现场培训（场）"}, {"training_remote", "远程培训（场）"},
	{"consultations", "咨询对接活动（场）"}, {"demonstrations", "示范带教（场）"}, {"free_clinics", "义诊（场）"}, {"science_lectures", "科普讲座（场）"},
	{"science_exhibitions", "科普展览（场）"}, {"activities_other", "其他（请补充）"},
	{"", "四、实施成效"},
	{"problems_solved", "破解技术难题（个）"}, {"key_projects", "带动重点科研项目（个）"}, {"new_techniques", "推广新技术新工艺（种）"}, {"new_varieties", "推广新品种（种）"},
	{"achievements_transferred", "转化科技成果（项）"}, {"trained_professionals", "培训基层专业技术人员（人次）"}, {"trained_public", "培训群众（人次）"},
	{"clinic_consultations", "义诊问诊（人次）"}, {"clinic_examinations", "义诊检查（人次）"}, {"clinic_treatments", "义诊治疗（人次）"},
	{"strategic_plans", "指导战略规划（个）"}, {"decision_consulting", "决策咨询（项）"}, {"cooperation_intents", "达成中长期合作意向（个）"},
	{"agreements_signed", "签订合作协议（项）"}, {"alliances", "产学研联盟（个）"}, {"entities_founded", "专家领办、联办、协办各类经济实体（个）"},
	{"economic_benefit", "取得经济效益"}, {"social_benefit", "取得社会效益"}, {"industry_impact", "推动产业发展"},
	{"beneficiaries", "惠及基层群众（人）"}, {"outcomes_other", "其他成效"},
	{"", "五、组织实施情况"},
	{"organized_by_hrss", "是否由人力资源社会保障部门负责组织实施"}, {"needs_matched", "前期是否与基层单位对接需求"},
	{"funds_mohrss", "人力资源社会保障部支持资金（万元）"}, {"funds_matching_source", "配套资金来源"}, {"funds_matching", "配套资金金额（万元）"},
	{"support_measures", "服务保障措施"}, {"support_measures_desc", "服务保障措施具体描述"}, {"publicity", "是否开展宣传"},
	{"uploaded_materials", "上传材料"},
}

// PublicityRows is how many publicity lines the template offers.
const PublicityRows = 5

// line is one row of the sheet.
type line struct {
	r       int
	label   string // col A
	heading bool   // a section heading, merged across A:C
	pubHead bool   // the publicity header row (媒体名称 | 发布时间 | 篇名)
	cells   []Cell
}

const servicefieldsHead = "服务领域（可多选，选“是”）"

func build() []line {
	var out []line
	r := 2
	for _, rw := range surveyRows {
		if rw.key == "" {
			out = append(out, line{r: r, label: rw.label, heading: true})
			r++
			if rw.label == servicefieldsHead {
				for _, n := range dossier.ServiceFieldNames {
					out = append(out, line{r: r, label: n, cells: []Cell{{Key: "sf:" + n, Label: n, Axis: fmt.Sprintf("B%d", r), Type: dossier.TypeBool}}})
					r++
				}
			}
			continue
		}
		if rw.key == "uploaded_materials" {
			out = append(out, line{r: r, pubHead: true})
			r++
			for i := 0; i < PublicityRows; i++ {
				var cs []Cell
				for j, part := range []string{"media", "date", "title"} {
					cs = append(cs, Cell{Key: fmt.Sprintf("pub:%s:%d", part, i), Axis: fmt.Sprintf("%c%d", 'A'+j, r), Type: dossier.TypeText})
				}
				out = append(out, line{r: r, cells: cs})
				r++
			}
		}
		f, _ := dossier.FieldByKey(rw.key)
		out = append(out, line{r: r, label: rw.label, cells: []Cell{{Key: rw.key, Label: rw.label, Axis: fmt.Sprintf("B%d", r), Type: f.Type}}})
		r++
	}
	return out
}

// SurveyLayout lists the template's value cells in form order.
func SurveyLayout() []Cell {
	var out []Cell
	for _, l := range build() {
		out = append(out, l.cells...)
	}
	return out
}

// Survey writes the blank survey workbook to w, with the team's name and
// unit filled in when team is not nil.
func Survey(w io.Writer, team *dossier.Team) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return fmt.Errorf("%w: rename sheet: %v", ErrWrite, err)
	}
	if err := writeSurvey(f, team); err != nil {
		return fmt.Errorf("%w: %v", ErrWrite, err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("%w: write: %v", ErrWrite, err)
	}
	return nil
}

func writeSurvey(f *excelize.File, team *dossier.Team) error {
	sh := SheetName
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	lab, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	val, _ := f.NewStyle(&excelize.Style{Border: []excelize.Border{{Type: "bottom", Color: "999999", Style: 1}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	steps := []error{
		f.SetCellValue(sh, "A1", "2026年专家人才服务基层活动实施成效调查表"),
		f.MergeCell(sh, "A1", "C1"),
		f.SetCellStyle(sh, "A1", "C1", title),
		f.SetRowHeight(sh, 1, 30),
		f.SetColWidth(sh, "A", "A", 44),
		f.SetColWidth(sh, "B", "B", 40),
		f.SetColWidth(sh, "C", "C", 50),
		f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	for _, l := range build() {
		a := fmt.Sprintf("A%d", l.r)
		switch {
		case l.heading:
			if err := f.SetCellValue(sh, a, l.label); err != nil {
				return err
			}
			if err := f.MergeCell(sh, a, fmt.Sprintf("C%d", l.r)); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, a, fmt.Sprintf("C%d", l.r), head); err != nil {
				return err
			}
			continue
		case l.pubHead:
			for j, h := range []string{"媒体名称", "发布时间", "篇名"} {
				if err := f.SetCellValue(sh, fmt.Sprintf("%c%d", 'A'+j, l.r), h); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(sh, a, fmt.Sprintf("C%d", l.r), head); err != nil {
				return err
			}
			continue
		}
		if l.label != "" {
			if err := f.SetCellValue(sh, a, l.label); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, a, a, lab); err != nil {
				return err
			}
		}
		for _, c := range l.cells {
			if err := f.SetCellStyle(sh, c.Axis, c.Axis, val); err != nil {
				return err
			}
			if err := validate(f, c); err != nil {
				return err
			}
		}
	}
	if team != nil {
		for _, c := range SurveyLayout() {
			switch c.Key {
			case "team_name":
				if err := f.SetCellValue(sh, c.Axis, team.Name); err != nil {
					return err
				}
			case "unit":
				if err := f.SetCellValue(sh, c.Axis, team.Unit); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// validate adds the cell's data validation: whole numbers ≥ 0 for counts,
// decimals ≥ 0 for money, 是/否 or 有/无 lists, the two service forms.
func validate(f *excelize.File, c Cell) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = c.Axis
	var err error
	switch {
	case c.Key == "service_mode":
		err = dv.SetDropList([]string{"①一次服务", "②分批次服务"})
	case c.Key == "support_measures" || c.Key == "publicity":
		err = dv.SetDropList([]string{"有", "无"})
	case c.Type == dossier.TypeBool:
		err = dv.SetDropList([]string{"是", "否"})
	case c.Type == dossier.TypeInt:
		err = dv.SetRange(0, 1000000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填写整数", "此处应填写不小于 0 的整数。")
	case c.Type == dossier.TypeMoney:
		err = dv.SetRange(0, 100000000, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填写金额", "此处应填写不小于 0 的金额（万元）。")
	default:
		return nil
	}
	if err != nil {
		return err
	}
	return f.AddDataValidation(SheetName, dv)
}
