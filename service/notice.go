package service

import (
	"context"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"dossier"
	"dossier/intake"
)

// checkUser is THE one place that checks the clerk named on a decision
// (desk.md, cli.md `--as USER`): once any desk account exists, the name
// must be an enabled clerk account of the ledger; before the first
// account, any non-empty name is taken as given. Config.Clerk, when set,
// replaces the ledger lookup (tests).
func (s *Service) checkUser(ctx context.Context, user string) error {
	user = strings.TrimSpace(user)
	if s.cfg.Clerk != nil {
		if err := s.cfg.Clerk(ctx, user); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrNoUser, user, err)
		}
		return nil
	}
	has, err := s.cfg.Ledger.HasUsers(ctx)
	if err != nil {
		return fmt.Errorf("check the clerk's account: %w", err)
	}
	if !has {
		return nil
	}
	if _, err := s.cfg.Ledger.Clerk(ctx, user); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNoUser, user, err)
	}
	return nil
}

// composer builds a decision's one notice inside the ledger's
// transaction: 审核结果通知 for a document that waited for the clerk,
// 更正通知 when the unit was already told an outcome. A rejection's
// notice is also written beside the file in 退回.
func (s *Service) composer(before dossier.Document, stored string) func(dossier.Decision, dossier.Document) ([]dossier.Notice, error) {
	return func(dec dossier.Decision, after dossier.Document) ([]dossier.Notice, error) {
		typ := dossier.NoticeCorrection
		if before.Verdict == dossier.VerdictReview {
			typ = dossier.NoticeDecision
		}
		subject, body := s.noticeText(typ, dec, before, after)
		n := dossier.Notice{Key: fmt.Sprintf("decision:%d", dec.ID), DocumentID: after.ID, TeamID: after.TeamID,
			Type: typ, Subject: subject, Body: body, To: s.recipients(before, after), Cc: s.cc(), Created: dec.At}
		if after.Verdict == dossier.VerdictRejected {
			n.NoticeFile = stored + intake.NoticeSuffix
		}
		out := []dossier.Notice{n}
		if moved, ok := s.folderTeamNotice(dec, before, after); ok {
			out = append(out, moved)
		}
		return out, nil
	}
}

// folderTeamNotice tells the team whose folder a file was found in that a
// clerk found it to be another team's (F011, a wrong folder): it was told
// at intake that the result would follow, and the file no longer counts
// for it. One notice per unit concerned; none when no team is left behind.
func (s *Service) folderTeamNotice(dec dossier.Decision, before, after dossier.Document) (dossier.Notice, bool) {
	from, ok := s.cfg.Registry.ByID(before.TeamID)
	if !ok || before.TeamID == after.TeamID {
		return dossier.Notice{}, false
	}
	loc := s.cfg.Programme.Location()
	to := teamLabel(s.cfg.Registry, after.TeamID)
	if after.TeamID == "" {
		to = "其他单位"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s）：\n\n", from.Name, from.Unit)
	fmt.Fprintf(&b, "你单位文件夹中的文件“%s”（%s 收到）经审核人员人工审核，其内容属于“%s”，已归入该服务团，不计为你单位报送的《%s》。\n",
		before.Name, before.Received.In(loc).Format("2006年1月2日 15:04"), to, after.Kind.Label())
	b.WriteString("你单位此前受理的同类材料不受影响；如该文件确为你单位材料，请与市人力资源社会保障局联系。\n")
	if dec.Note != "" {
		fmt.Fprintf(&b, "\n审核意见：%s\n", dec.Note)
	}
	fmt.Fprintf(&b, "\n审核人：%s（%s）\n\n%s\n%s\n", dec.User, dec.At.In(loc).Format("2006年1月2日"), s.cfg.Programme.Bureau, dec.At.In(loc).Format("2006年1月2日"))
	var rcpt []string
	for _, c := range from.Contacts {
		if _, err := mail.ParseAddress(c); err == nil {
			rcpt = append(rcpt, c)
		}
	}
	return dossier.Notice{Key: fmt.Sprintf("decision:%d:folder", dec.ID), DocumentID: after.ID, TeamID: from.ID,
		Type:    dossier.NoticeCorrection,
		Subject: fmt.Sprintf("【%s】%s：文件“%s”归入“%s”", dossier.NoticeCorrection.Label(), from.Name, before.Name, to),
		Body:    b.String(), To: rcpt, Cc: s.cc(), Created: dec.At}, true
}

func (s *Service) noticeText(typ dossier.NoticeType, dec dossier.Decision, before, after dossier.Document) (string, string) {
	p := s.cfg.Programme
	loc := p.Location()
	teamName, unit := after.TeamID, ""
	if t, ok := s.cfg.Registry.ByID(after.TeamID); ok {
		teamName, unit = t.Name, t.Unit
	}
	if teamName == "" { // no team: addressed to whoever sent the file
		teamName = "文件“" + after.Name + "”的报送单位"
	}
	kind := "《" + after.Kind.Label() + "》"
	subject := fmt.Sprintf("【%s】%s：%s%s", typ.Label(), teamName, kind, after.Verdict.Label())
	var b strings.Builder
	b.WriteString(teamName)
	if unit != "" {
		b.WriteString("（" + unit + "）")
	}
	b.WriteString("：\n\n")
	fmt.Fprintf(&b, "你单位报送的%s（文件“%s”，%s 收到）经审核人员人工审核，审核结果为：%s。\n",
		kind, after.Name, after.Received.In(loc).Format("2006年1月2日 15:04"), after.Verdict.Label())
	if typ == dossier.NoticeCorrection && before.Verdict != after.Verdict {
		fmt.Fprintf(&b, "此前通知的审核结果“%s”有误，现更正为“%s”，以本通知为准。\n", before.Verdict.Label(), after.Verdict.Label())
	}
	writeChanges(&b, dec, before, after, s.cfg.Registry)
	if dec.Note != "" {
		fmt.Fprintf(&b, "\n审核意见：%s\n", dec.Note)
	}
	writeFindings(&b, after, dec.Reasons, p, dec.At)
	fmt.Fprintf(&b, "\n审核人：%s（%s）\n\n%s\n%s\n", dec.User, dec.At.In(loc).Format("2006年1月2日"), p.Bureau, dec.At.In(loc).Format("2006年1月2日"))
	return subject, b.String()
}

// writeChanges names what the clerk changed: team, kind, each field.
func writeChanges(b *strings.Builder, dec dossier.Decision, before, after dossier.Document, reg dossier.Registry) {
	var lines []string
	if before.TeamID != after.TeamID {
		lines = append(lines, fmt.Sprintf("所属服务团：由“%s”更正为“%s”", teamLabel(reg, before.TeamID), teamLabel(reg, after.TeamID)))
	}
	if before.Kind != after.Kind {
		lines = append(lines, fmt.Sprintf("材料类型：由《%s》更正为《%s》", before.Kind.Label(), after.Kind.Label()))
	}
	keys := make([]string, 0, len(dec.FieldsAfter))
	for k := range dec.FieldsAfter {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		lines = append(lines, fmt.Sprintf("「%s」：由 %s 更正为 %s", dossier.LabelOf(k), valueText(dec.FieldsBefore[k]), valueText(dec.FieldsAfter[k])))
	}
	if len(lines) == 0 {
		return
	}
	b.WriteString("\n更正内容：\n")
	for i, l := range lines {
		fmt.Fprintf(b, "  %d. %s\n", i+1, l)
	}
}

// writeFindings lists, for a rejection, why (the clerk's reasons and the
// errors left on the corrected document) and what to do by when; for an
// acceptance, the errors the clerk accepted anyway; then the warnings.
func writeFindings(b *strings.Builder, after dossier.Document, reasons []dossier.Finding, p dossier.Programme, now time.Time) {
	seen := map[string]bool{}
	var why, flags []string
	for _, r := range reasons {
		why = append(why, r.Message)
		seen[r.Message] = true
	}
	for _, f := range after.Findings {
		if seen[f.Message] || f.Severity == dossier.SeverityInfo {
			continue
		}
		seen[f.Message] = true
		if f.Severity == dossier.SeverityError {
			why = append(why, f.Message)
		} else {
			flags = append(flags, f.Message)
		}
	}
	title := "经审核人员认定予以受理的问题"
	if after.Verdict == dossier.VerdictRejected {
		title = "退回原因"
	}
	list(b, title, why)
	list(b, "提示事项", flags)
	if after.Verdict != dossier.VerdictRejected {
		return
	}
	loc := p.Location()
	if !p.SubmitDeadline.IsZero() && !now.Before(p.SubmitDeadline.End(loc)) {
		b.WriteString("\n请按上述意见修改后尽快重新报送（报送截止日期" + p.SubmitDeadline.Chinese() + "已过）。\n")
	} else {
		b.WriteString("\n请按上述意见修改后，于" + p.SubmitDeadline.Chinese() + "前重新报送。\n")
	}
}

func list(b *strings.Builder, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s：\n", title)
	for i, it := range items {
		fmt.Fprintf(b, "  %d. %s\n", i+1, it)
	}
}

func teamLabel(reg dossier.Registry, id string) string {
	if t, ok := reg.ByID(id); ok {
		return t.ID + " " + t.Name
	}
	return "未识别"
}

// valueText writes a field value as a person reads it.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return "（空）"
	case bool:
		if x {
			return "是"
		}
		return "否"
	case float64:
		return fmt.Sprintf("%.2f 元", x)
	case []string:
		return strings.Join(x, "、")
	case []dossier.PublicityItem:
		var parts []string
		for _, p := range x {
			parts = append(parts, p.Media+" "+p.Date+" "+p.Title)
		}
		return strings.Join(parts, "；")
	}
	return fmt.Sprint(v)
}

// recipients: the team's contacts, then the contact e-mail the document
// gives (before and after a correction), each once.
func (s *Service) recipients(before, after dossier.Document) []string {
	var out []string
	seen := map[string]bool{}
	add := func(a string) {
		a = strings.TrimSpace(a)
		p, err := mail.ParseAddress(a)
		if a == "" || err != nil || seen[strings.ToLower(p.Address)] {
			return
		}
		seen[strings.ToLower(p.Address)] = true
		out = append(out, a)
	}
	if t, ok := s.cfg.Registry.ByID(after.TeamID); ok {
		for _, c := range t.Contacts {
			add(c)
		}
	}
	add(after.Fields.Text("contact_email"))
	add(before.Fields.Text("contact_email"))
	return out
}

func (s *Service) cc() []string {
	b := strings.TrimSpace(s.cfg.BureauEmail)
	if b == "" || strings.EqualFold(b, strings.TrimSpace(s.cfg.Notify.BureauEmail)) {
		return nil // the notifier copies its own bureau address
	}
	return []string{b}
}
