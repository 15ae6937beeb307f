package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// errUncertain marks a send whose outcome is unknown: the message was
// handed over but the server's answer did not come (a time-out, a dropped
// connection after the final dot). It may have been delivered.
var errUncertain = errors.New("notify: e-mail sent but not confirmed")

// deliverOne delivers one due delivery and records the outcome. E-mail is
// at most once more, never a loop: the attempt is recorded before the
// message goes out (no record, no send), an e-mail already sent
// MaxUncertain times without a known result is not sent again, and a
// result that cannot be recorded is retried as a record — never by
// sending again. It fails only when the outbox cannot be written before a
// send (then nothing was sent) or ctx ends while a result waits.
func (n *Notifier) deliverOne(ctx context.Context, d Delivery, now time.Time, mailDown *error) (bool, error) {
	mail := d.Channel == ChannelMail && n.cfg.Host != "" && len(d.Notice.To) > 0
	if mail && d.Uncertain >= MaxUncertain {
		n.log.Error().Int64("notice_id", d.Notice.ID).Str("team", d.Notice.TeamID).Int("uncertain", d.Uncertain).
			Msg("e-mail already sent without confirmation; not sent again (check the mail server's log)")
		return true, n.record(ctx, "mark delivered", func() error { return n.outbox.Delivered(ctx, d.Notice.ID, d.Channel, now) })
	}
	if mail && *mailDown != nil {
		return false, n.failed(ctx, d, now, *mailDown)
	}
	if mail {
		if err := n.outbox.Attempt(ctx, d.Notice.ID, d.Channel, now); err != nil {
			return false, fmt.Errorf("record attempt of notice %d before sending: %w", d.Notice.ID, err)
		}
	}
	derr := n.deliver(ctx, d)
	switch {
	case derr == nil:
		err := n.record(ctx, "mark delivered", func() error { return n.outbox.Delivered(ctx, d.Notice.ID, d.Channel, now) })
		return err == nil, err
	case mail && errors.Is(derr, errUnreachable):
		*mailDown = derr
	case mail && errors.Is(derr, errUncertain):
		retry := now.Add(n.backoff(d.Attempts))
		n.log.Warn().Err(derr).Int64("notice_id", d.Notice.ID).Str("team", d.Notice.TeamID).
			Int("uncertain", d.Uncertain+1).Time("retry_at", retry).Msg("e-mail not confirmed by the server")
		return false, n.record(ctx, "record unconfirmed e-mail", func() error {
			return n.outbox.Unsure(ctx, d.Notice.ID, d.Channel, derr.Error(), retry)
		})
	}
	return false, n.failed(ctx, d, now, derr)
}

// failed records a delivery that surely did not happen, with its back-off.
func (n *Notifier) failed(ctx context.Context, d Delivery, now time.Time, derr error) error {
	retry := now.Add(n.backoff(d.Attempts))
	n.log.Warn().Err(derr).Int64("notice_id", d.Notice.ID).Str("team", d.Notice.TeamID).
		Str("channel", string(d.Channel)).Int("attempts", d.Attempts+1).Time("retry_at", retry).Msg("delivery failed")
	return n.record(ctx, "record failed delivery", func() error {
		return n.outbox.Failed(ctx, d.Notice.ID, d.Channel, derr.Error(), retry)
	})
}

// recordWait bounds the wait between tries of a record.
var recordWait = [2]time.Duration{100 * time.Millisecond, 5 * time.Second}

// record writes a delivery's result, waiting and trying again while the
// outbox refuses (a locked ledger, a full disk), until ctx ends. The
// e-mail is never sent again for it: a result lost with ctx leaves the
// attempt uncertain, and that is sent at most once more.
func (n *Notifier) record(ctx context.Context, what string, write func() error) error {
	wait := recordWait[0]
	for {
		err := write()
		if err == nil {
			return nil
		}
		n.log.Error().Err(err).Dur("retry_in", wait).Msg(what + ": outbox not writable; retrying the record, not the delivery")
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %w (gave up: %w)", what, err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, recordWait[1])
	}
}

// classifySend tells a send that surely failed from one whose outcome is
// unknown: only a failure after the whole message was handed over (the
// server's answer to the final dot never came) may have delivered it.
func classifySend(err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) && se.Reason == gomail.ErrSMTPDataClose {
		return fmt.Errorf("%w: %w", errUncertain, err)
	}
	return err
}
