package rules

import (
	"fmt"
	"strings"

	"dossier"
)

// s006: key counties: 是 needs at least one, each count equals the names
// listed; 否 needs both counts 0.
func s006(in input) []dossier.Finding {
	yes, answered := in.f.Bool("key_counties")
	if !answered {
		return nil // S001
	}
	nat, okN := countOrBlank(in.f, "key_counties_national")
	prov, okP := countOrBlank(in.f, "key_counties_provincial")
	var out []dossier.Finding
	if !yes {
		if (okN && nat > 0) || (okP && prov > 0) {
			out = append(out, finding("S006", "key_counties", fmt.Sprintf(
				"%s选择“否”，但填写了国家级 %d 个、省级 %d 个重点帮扶县；选择“否”时两项均应为 0，如包含重点帮扶县请选择“是”",
				label("key_counties"), nat, prov)))
		}
		return out
	}
	if okN && okP && nat+prov < 1 {
		out = append(out, finding("S006", "key_counties", fmt.Sprintf(
			"%s选择“是”，但国家级、省级重点帮扶县数均为 0；选择“是”时至少应有 1 个，并列出县名",
			label("key_counties"))))
	}
	for _, lv := range []struct{ n, names string }{
		{"key_counties_national", "key_counties_national_names"},
		{"key_counties_provincial", "key_counties_provincial_names"},
	} {
		n, ok := countOrBlank(in.f, lv.n)
		if _, listed := in.f[lv.names]; !ok || !listed {
			continue // names not found on the form at all: nothing to compare
		}
		got := names(list(in.f, lv.names))
		if int64(len(got)) != n {
			shown := "未填写"
			if len(got) > 0 {
				shown = "“" + strings.Join(got, "、") + "”"
			}
			out = append(out, finding("S006", lv.n, fmt.Sprintf(
				"%s填写为 %d 个，%s列出 %d 个（%s），个数与列出的县名应一致",
				label(lv.n), n, label(lv.names), len(got), shown)))
		}
	}
	return out
}

// s007: publicity 有 needs at least one complete item.
func s007(in input) []dossier.Finding {
	if yes, _ := in.f.Bool("publicity"); !yes {
		return nil
	}
	items := publicity(in.f)
	for _, it := range items {
		if strings.TrimSpace(it.Media) != "" && strings.TrimSpace(it.Date) != "" && strings.TrimSpace(it.Title) != "" {
			return nil
		}
	}
	found := "未列出任何宣传报道"
	if len(items) > 0 {
		found = fmt.Sprintf("列出的 %d 条宣传报道均缺少媒体名称、发布时间或篇名", len(items))
	}
	return []dossier.Finding{finding("S007", "publicity_items", fmt.Sprintf(
		"%s选择“有”，但%s；请至少完整填写一条（媒体名称、发布时间、篇名）",
		label("publicity"), found))}
}

// s008: 人力资源社会保障部支持资金 is the ministry's grant for a national
// team and 0 / blank for a municipal one.
func s008(in input) []dossier.Finding {
	v, present := in.f["funds_mohrss"]
	got, ok := in.f.Money("funds_mohrss")
	if in.team.Level == dossier.LevelNational {
		want := in.p.GrantMinistry
		switch {
		case !present || v == nil:
			return []dossier.Finding{finding("S008", "funds_mohrss", fmt.Sprintf(
				"国家级服务团%s未填写，应为 %s", label("funds_mohrss"), wan(want)))}
		case ok && cents(got) != cents(want):
			return []dossier.Finding{finding("S008", "funds_mohrss", fmt.Sprintf(
				"国家级服务团%s填写为 %s，应为 %s", label("funds_mohrss"), wan(got), wan(want)))}
		}
		return nil
	}
	if ok && cents(got) != 0 {
		return []dossier.Finding{finding("S008", "funds_mohrss", fmt.Sprintf(
			"市级服务团不享受人力资源社会保障部支持资金，%s填写为 %s，应填 0 或不填",
			label("funds_mohrss"), wan(got)))}
	}
	return nil
}

// s009: 配套资金 is the city's money: the 1:1 match (national) or the
// municipal grant.
func s009(in input) []dossier.Finding {
	got, ok := in.f.Money("funds_matching")
	if !ok {
		return nil // blank: S001
	}
	_, want := in.p.Grant(in.team.Level)
	if cents(got) == cents(want) {
		return nil
	}
	what := "市级服务团由本市给予经费支持"
	if in.team.Level == dossier.LevelNational {
		what = "国家级服务团由本市给予 1:1 配套支持"
	}
	return []dossier.Finding{finding("S009", "funds_matching", fmt.Sprintf(
		"%s填写为 %s，%s，应为 %s，请核对", label("funds_matching"), wan(got), what, wan(want)))}
}
