package service

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"dossier/ledger"
	"dossier/notify"
)

// Notices returns every notice, newest first, with its delivery state on
// each channel.
func (s *Service) Notices(ctx context.Context) ([]NoticeView, error) {
	out, err := s.noticesOf(ctx, 0)
	slices.Reverse(out)
	return out, err
}

func (s *Service) noticesOf(ctx context.Context, docID int64) ([]NoticeView, error) {
	ns, err := s.cfg.Ledger.Notices(ctx, docID)
	if err != nil {
		return nil, err
	}
	var ds map[int64][]ledger.DeliveryState
	if docID == 0 {
		ds, err = s.cfg.Ledger.Deliveries(ctx, 0)
	} else {
		ds = map[int64][]ledger.DeliveryState{}
		for _, n := range ns {
			one, err := s.cfg.Ledger.Deliveries(ctx, n.ID)
			if err != nil {
				return nil, err
			}
			ds[n.ID] = one[n.ID]
		}
	}
	if err != nil {
		return nil, err
	}
	out := make([]NoticeView, 0, len(ns))
	for _, n := range ns {
		v := NoticeView{Notice: n}
		for _, d := range ds[n.ID] {
			v.Deliveries = append(v.Deliveries, Delivery{Channel: d.Channel, Delivered: d.Delivered,
				Attempts: d.Attempts, NextAt: d.NextAt, LastError: d.LastError})
		}
		out = append(out, v)
	}
	return out, nil
}

// RetryNotice makes a notice's undelivered channels due now and wakes the
// notifier, if one runs in this process.
func (s *Service) RetryNotice(ctx context.Context, id int64) error {
	_, err := s.cfg.Ledger.RetryNotice(ctx, id, s.cfg.Clock())
	if errors.Is(err, ledger.ErrNotFound) {
		return fmt.Errorf("notice %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return err
	}
	s.wake()
	return nil
}

// Flush delivers the notices due now on every channel (the command line,
// which has no notifier running).
func (s *Service) Flush(ctx context.Context) error {
	n := notify.New(s.cfg.Ledger, s.cfg.Notify, s.base)
	if _, err := n.Flush(ctx, s.cfg.Clock()); err != nil {
		return fmt.Errorf("deliver notices: %w", err)
	}
	return nil
}

// channels are the channels on offer: the log and the file always, mail
// while an SMTP host is set.
func (s *Service) channels() []notify.Channel {
	ch := []notify.Channel{notify.ChannelLog, notify.ChannelFile}
	if s.cfg.Notify.Host != "" {
		ch = append(ch, notify.ChannelMail)
	}
	return ch
}

// State is a delivery's state in Chinese: 已送达, 待发送, 发送失败（n 次）.
func (d Delivery) State() string {
	switch {
	case !d.Delivered.IsZero():
		return "已送达"
	case d.Attempts > 0:
		return fmt.Sprintf("发送失败（%d 次），等待重试", d.Attempts)
	}
	return "待发送"
}

// ChannelLabel is a channel's name in Chinese.
func ChannelLabel(c notify.Channel) string {
	switch c {
	case notify.ChannelLog:
		return "日志"
	case notify.ChannelFile:
		return "退回说明文件"
	case notify.ChannelMail:
		return "电子邮件"
	}
	return string(c)
}
