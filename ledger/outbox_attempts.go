package ledger

import (
	"context"
	"fmt"
	"time"

	"dossier/notify"
)

// migrateOutbox is this file's ledger migration (see schema.go for its place in
// the order): a delivery counts its e-mails whose outcome is unknown
// (uncertain), and when the last attempt began (sending_at), so that an
// e-mail is sent at most once more after a crash, a time-out or a result
// that could not be recorded — never in a loop.
const migrateOutbox = `
ALTER TABLE notice_deliveries ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notice_deliveries ADD COLUMN sending_at TEXT;
`

// Attempt implements notify.Outbox: recorded before the e-mail goes out.
func (l *Ledger) Attempt(ctx context.Context, noticeID int64, ch notify.Channel, at time.Time) error {
	_, err := l.w.ExecContext(ctx, `UPDATE notice_deliveries SET uncertain = uncertain + 1, sending_at = ?
		WHERE notice_id = ? AND channel = ? AND delivered_at IS NULL`, fmtTime(at), noticeID, string(ch))
	if err != nil {
		return fmt.Errorf("record attempt of notice %d on %s: %w", noticeID, ch, err)
	}
	return nil
}

// Unsure implements notify.Outbox.
func (l *Ledger) Unsure(ctx context.Context, noticeID int64, ch notify.Channel, reason string, retryAt time.Time) error {
	_, err := l.w.ExecContext(ctx, `UPDATE notice_deliveries SET attempts = attempts + 1, last_error = ?, next_at = ?, sending_at = NULL
		WHERE notice_id = ? AND channel = ? AND delivered_at IS NULL`, reason, fmtTime(retryAt), noticeID, string(ch))
	if err != nil {
		return fmt.Errorf("record unconfirmed delivery of notice %d on %s: %w", noticeID, ch, err)
	}
	return nil
}
