package rules

import (
	"fmt"
	"time"

	"dossier"
)

// d001: received after the submission deadline (accepted, marked 逾期).
func d001(in input) []dossier.Finding {
	loc := in.p.Location()
	end := in.p.SubmitDeadline.End(loc)
	if in.p.SubmitDeadline.IsZero() || in.d.Received.IsZero() || !in.d.Received.After(end) {
		return nil
	}
	layout := "2006年1月2日 15:04"
	if in.d.Received.Sub(end) < time.Minute {
		layout += ":05" // "21日 00:00" would read as the deadline itself
	}
	return []dossier.Finding{finding("D001", "", fmt.Sprintf(
		"材料于 %s 收到，晚于报送截止时间 %s 24:00，标记为逾期",
		in.d.Received.In(loc).Format(layout), in.p.SubmitDeadline.Chinese()))}
}

// d002: the service finished after the service deadline.
func d002(in input) []dossier.Finding {
	s := in.f.Text("service_end")
	if s == "" || in.p.ServiceDeadline.IsZero() {
		return nil
	}
	end, err := dossier.ParseDate(s)
	if err != nil || !after(end, in.p.ServiceDeadline) {
		return nil
	}
	return []dossier.Finding{finding("D002", "service_end", fmt.Sprintf(
		"%s为 %s，晚于通知要求的服务完成时间 %s",
		label("service_end"), end.Chinese(), in.p.ServiceDeadline.Chinese()))}
}

func after(a, b dossier.Date) bool {
	ta := time.Date(a.Y, time.Month(a.M), a.D, 0, 0, 0, 0, time.UTC)
	tb := time.Date(b.Y, time.Month(b.M), b.D, 0, 0, 0, 0, time.UTC)
	return ta.After(tb)
}

// Reminding reports whether now falls in the reminder window: from
// ReminderDays calendar days before the submission deadline until its end.
func Reminding(p dossier.Programme, now time.Time) bool {
	if p.SubmitDeadline.IsZero() || p.ReminderDays <= 0 {
		return false
	}
	loc := p.Location()
	d := p.SubmitDeadline
	start := time.Date(d.Y, time.Month(d.M), d.D-p.ReminderDays, 0, 0, 0, 0, loc)
	return !now.Before(start) && now.Before(d.End(loc))
}
