package rules

import (
	"fmt"
	"strings"
	"time"

	"dossier"
)

// Team builds a team's view from all of its documents (accepted, review,
// rejected and superseded, in the order received): the state of each
// material, completeness, lateness, and the team findings T001–T003 and
// D003, in that order.
func Team(team dossier.Team, docs []dossier.Document, p dossier.Programme, now time.Time) dossier.TeamView {
	v := dossier.TeamView{Team: team, Materials: Materials(docs), Documents: docs}
	v.Complete = true
	for _, k := range dossier.Kinds {
		if v.Materials[k] != dossier.MaterialAccepted {
			v.Complete = false
		}
	}
	v.Late = Late(docs, p)
	v.Findings = append(v.Findings, t001(v)...)
	v.Findings = append(v.Findings, t002(v)...)
	v.Findings = append(v.Findings, t003(team, p)...)
	v.Findings = append(v.Findings, d003(v, p, now)...)
	if v.Findings == nil {
		v.Findings = []dossier.Finding{}
	}
	return v
}

// Materials is the state of each kind: accepted > review > rejected > missing.
func Materials(docs []dossier.Document) map[dossier.Kind]dossier.MaterialState {
	rank := map[dossier.MaterialState]int{dossier.MaterialMissing: 0, dossier.MaterialRejected: 1, dossier.MaterialReview: 2, dossier.MaterialAccepted: 3}
	m := make(map[dossier.Kind]dossier.MaterialState, len(dossier.Kinds))
	for _, k := range dossier.Kinds {
		m[k] = dossier.MaterialMissing
	}
	for _, d := range docs {
		cur, ok := m[d.Kind]
		if !ok {
			continue
		}
		s := dossier.MaterialMissing
		switch {
		case d.Verdict == dossier.VerdictAccepted && !d.Superseded:
			s = dossier.MaterialAccepted
		case d.Verdict == dossier.VerdictReview && !d.Superseded:
			s = dossier.MaterialReview
		case d.Verdict == dossier.VerdictRejected:
			s = dossier.MaterialRejected
		}
		if rank[s] > rank[cur] {
			m[d.Kind] = s
		}
	}
	return m
}

// Late reports whether any current (accepted or review, not superseded)
// document was received after the submission deadline.
func Late(docs []dossier.Document, p dossier.Programme) bool {
	if p.SubmitDeadline.IsZero() {
		return false
	}
	end := p.SubmitDeadline.End(p.Location())
	for _, d := range docs {
		if !d.Superseded && (d.Verdict == dossier.VerdictAccepted || d.Verdict == dossier.VerdictReview) && d.Received.After(end) {
			return true
		}
	}
	return false
}

// lacking lists the kinds a team still owes: missing, or only rejected.
func lacking(v dossier.TeamView) []dossier.Kind {
	var out []dossier.Kind
	for _, k := range dossier.Kinds {
		if s := v.Materials[k]; s == dossier.MaterialMissing || s == dossier.MaterialRejected {
			out = append(out, k)
		}
	}
	return out
}

// t001: one finding per material the team still owes.
func t001(v dossier.TeamView) []dossier.Finding {
	var out []dossier.Finding
	for _, k := range lacking(v) {
		msg := fmt.Sprintf("尚未收到《%s》，请按通知要求报送", k.Label())
		if v.Materials[k] == dossier.MaterialRejected {
			msg = fmt.Sprintf("已报送的《%s》未通过审核被退回，请按退回说明修改后重新报送", k.Label())
		}
		out = append(out, finding("T001", "", msg))
	}
	return out
}

// t002: the survey's funds agree with the money the audit says arrived.
func t002(v dossier.TeamView) []dossier.Finding {
	s, ok1 := v.Current(dossier.KindSurvey)
	a, ok2 := v.Current(dossier.KindAudit)
	if !ok1 || !ok2 || s.Verdict != dossier.VerdictAccepted || a.Verdict != dossier.VerdictAccepted {
		return nil
	}
	var out []dossier.Finding
	for _, pair := range [][2]string{{"funds_mohrss", "received_mohrss"}, {"funds_matching", "received_municipal"}} {
		sv, okS := moneyOrBlank(s.Fields, pair[0])
		av, okA := moneyOrBlank(a.Fields, pair[1])
		if !okS || !okA || cents(sv) == cents(av) {
			continue
		}
		out = append(out, finding("T002", pair[0], fmt.Sprintf(
			"实施成效调查表中%s为 %s，与经费决算报告中%s %s 不一致，请核对",
			label(pair[0]), wan(sv), label(pair[1]), yuan(av))))
	}
	return out
}

// t003: national teams also report through the national system.
func t003(team dossier.Team, p dossier.Programme) []dossier.Finding {
	if team.Level != dossier.LevelNational {
		return nil
	}
	sys := p.NationalSystem
	if sys == "" {
		sys = "全国专家服务基层工作信息管理系统"
	}
	return []dossier.Finding{finding("T003", "", fmt.Sprintf(
		"国家级服务团除报送市人力资源社会保障局外，还须同时通过“%s”报送材料", sys))}
}

// d003: a reminder while the deadline is near and materials are owed.
func d003(v dossier.TeamView, p dossier.Programme, now time.Time) []dossier.Finding {
	owed := lacking(v)
	if len(owed) == 0 || !Reminding(p, now) {
		return nil
	}
	labels := make([]string, len(owed))
	for i, k := range owed {
		labels[i] = "《" + k.Label() + "》"
	}
	loc := p.Location()
	days := daysBetween(now.In(loc), p.SubmitDeadline)
	when := fmt.Sprintf("还有 %d 天", days)
	if days == 0 {
		when = "为今天"
	}
	return []dossier.Finding{finding("D003", "", fmt.Sprintf(
		"材料报送截止日期 %s %s，尚缺%s，请尽快报送",
		p.SubmitDeadline.Chinese(), when, strings.Join(labels, "、")))}
}

func daysBetween(now time.Time, d dossier.Date) int {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	dl := time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC)
	return int(dl.Sub(today).Hours() / 24)
}
