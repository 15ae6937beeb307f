package desk

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/notify"
	"dossier/service"
)

// channels in the order the 通知 page shows them.
var channels = []notify.Channel{notify.ChannelMail, notify.ChannelFile, notify.ChannelLog}

func channelLabel(c notify.Channel) string {
	switch c {
	case notify.ChannelMail:
		return "电子邮件"
	case notify.ChannelFile:
		return "退回说明文件"
	case notify.ChannelLog:
		return "日志"
	}
	return string(c)
}

func noticeTypeLabel(t dossier.NoticeType) string {
	switch t {
	case dossier.NoticeRejection:
		return "退回通知"
	case dossier.NoticeAcceptance:
		return "受理通知"
	case dossier.NoticeReview:
		return "待审核通知"
	case dossier.NoticeSupersede:
		return "替换通知"
	case dossier.NoticeReminder:
		return "催报提醒"
	}
	if strings.Contains(string(t), "correct") {
		return "更正通知"
	}
	return "审核结果通知"
}

// noticeRow is one notice with its state on each channel.
type noticeRow struct {
	ID               int64
	Created          time.Time
	Team, Type       string
	DocID            int64
	Subject, Body    string
	To               string // e-mail recipients, for a clerk only
	Channels         []channelState
	Pending, Failing bool
}

// channelState is a notice on one channel; Channel is "" where the
// notice does not go by that channel.
type channelState struct {
	Channel, Label, Class, Text string
}

func noticeRowOf(n service.NoticeView, clerk bool, loc *time.Location) noticeRow {
	row := noticeRow{ID: n.Notice.ID, Created: n.Notice.Created, Team: n.Notice.TeamID, Type: noticeTypeLabel(n.Notice.Type),
		DocID: n.Notice.DocumentID, Subject: n.Notice.Subject}
	if clerk {
		row.Body = n.Notice.Body
		row.To = strings.Join(append(append([]string{}, n.Notice.To...), n.Notice.Cc...), "，")
	}
	for _, ch := range channels {
		cs := channelState{Label: channelLabel(ch)}
		for _, dl := range n.Deliveries {
			if dl.Channel != ch {
				continue
			}
			cs.Channel = string(ch)
			switch {
			case !dl.Delivered.IsZero():
				cs.Class, cs.Text = "sent", "已送达 "+dl.Delivered.In(loc).Format("2006-01-02 15:04")
			case dl.Attempts > 0:
				cs.Class = "failing"
				cs.Text = "第 " + strconv.Itoa(dl.Attempts) + " 次投递失败"
				if dl.LastError != "" {
					cs.Text += "：" + scrub(dl.LastError)
				}
				if !dl.NextAt.IsZero() {
					cs.Text += "；将于 " + dl.NextAt.In(loc).Format("2006-01-02 15:04") + " 重试"
				}
				row.Failing, row.Pending = true, true
			default:
				cs.Class, cs.Text = "waiting", "待发送"
				row.Pending = true
			}
		}
		row.Channels = append(row.Channels, cs)
	}
	return row
}

type noticesModel struct {
	page
	Channels []string
	Rows     []noticeRow
	Counts   []channelCount
	Filter   string
}

type channelCount struct {
	Label                  string
	Sent, Waiting, Failing int
}

// notices is 通知: every notice, newest first, with its state on each
// channel; ?state=pending shows only those not yet delivered everywhere.
func (d *Desk) notices(w http.ResponseWriter, r *http.Request) {
	ns, err := d.svc.Notices(r.Context())
	if err != nil {
		d.fail(w, r, err)
		return
	}
	p := d.page(r, "通知", "notices")
	m := noticesModel{page: p, Filter: r.URL.Query().Get("state")}
	counts := make([]channelCount, len(channels))
	for i, ch := range channels {
		m.Channels = append(m.Channels, channelLabel(ch))
		counts[i].Label = channelLabel(ch)
	}
	for _, n := range ns {
		row := noticeRowOf(n, p.Clerk, d.loc())
		for i, cs := range row.Channels {
			switch cs.Class {
			case "sent":
				counts[i].Sent++
			case "waiting":
				counts[i].Waiting++
			case "failing":
				counts[i].Failing++
			}
		}
		if m.Filter == "pending" && !row.Pending {
			continue
		}
		m.Rows = append(m.Rows, row)
	}
	m.Counts = counts
	d.render(w, http.StatusOK, "notices", m)
}

// retry makes a notice's undelivered channels due now.
func (d *Desk) retry(w http.ResponseWriter, r *http.Request) {
	id, ok := docParam(r)
	if !ok {
		d.notFound(w, r, "找不到该通知。")
		return
	}
	if err := d.svc.RetryNotice(r.Context(), id); err != nil {
		d.fail(w, r, err)
		return
	}
	d.log.Info().Str("user", sessionOf(r).User.Name).Int64("notice", id).Msg("notice retry requested")
	back := "/notices"
	if next := r.PostFormValue("next"); next != "" {
		back = localNext(next)
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}
