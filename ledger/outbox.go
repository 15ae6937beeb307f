package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"dossier"
	"dossier/notify"
)

var _ notify.Outbox = (*Ledger)(nil)

// channelsFor is which of the offered channels a notice goes to: the log
// always; the file only when the notice names one; mail only when it has
// recipients.
func channelsFor(n dossier.Notice, offered []notify.Channel) []notify.Channel {
	out := []notify.Channel{notify.ChannelLog}
	if n.NoticeFile != "" && (offered == nil || slices.Contains(offered, notify.ChannelFile)) {
		out = append(out, notify.ChannelFile)
	}
	if len(n.To) > 0 && slices.Contains(offered, notify.ChannelMail) {
		out = append(out, notify.ChannelMail)
	}
	return out
}

// enqueue inserts a notice and its delivery rows. A notice whose key is
// already there is not enqueued again (ok false).
func enqueue(ctx context.Context, tx *sql.Tx, n dossier.Notice, offered []notify.Channel) (dossier.Notice, bool, error) {
	to, _ := json.Marshal(nonNil(n.To))
	cc, _ := json.Marshal(nonNil(n.Cc))
	var doc any
	if n.DocumentID != 0 {
		doc = n.DocumentID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO notices
		(key, document_id, team, type, subject, body, to_addrs, cc_addrs, notice_file, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING`,
		n.Key, doc, n.TeamID, string(n.Type), n.Subject, n.Body, string(to), string(cc), n.NoticeFile, fmtTime(n.Created))
	if err != nil {
		return n, false, fmt.Errorf("enqueue notice %s: %w", n.Key, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return n, false, nil
	}
	if n.ID, err = res.LastInsertId(); err != nil {
		return n, false, fmt.Errorf("enqueue notice %s: %w", n.Key, err)
	}
	for _, ch := range channelsFor(n, offered) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO notice_deliveries (notice_id, channel, next_at) VALUES (?, ?, ?)`,
			n.ID, string(ch), fmtTime(n.Created)); err != nil {
			return n, false, fmt.Errorf("enqueue notice %s on %s: %w", n.Key, ch, err)
		}
	}
	return n, true, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Enqueue adds a notice outside a decision (tests, manual notices).
func (l *Ledger) Enqueue(ctx context.Context, n dossier.Notice, offered []notify.Channel) (dossier.Notice, bool, error) {
	var ok bool
	err := l.tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, ok, err = enqueue(ctx, tx, n, offered)
		return err
	})
	return n, ok, err
}

// Remind records a reminder for a team on a day (YYYY-MM-DD) and enqueues
// its notice, unless one was already sent that day: then ok is false.
func (l *Ledger) Remind(ctx context.Context, team, day string, n dossier.Notice, offered []notify.Channel) (bool, error) {
	var ok bool
	err := l.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO reminders (team, day, sent_at) VALUES (?, ?, ?)
			ON CONFLICT(team, day) DO NOTHING`, team, day, fmtTime(n.Created))
		if err != nil {
			return fmt.Errorf("record reminder for %s on %s: %w", team, day, err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return nil
		}
		n, queued, err := enqueue(ctx, tx, n, offered)
		if err != nil || !queued {
			return err
		}
		ok = true
		_, err = tx.ExecContext(ctx, `UPDATE reminders SET notice_id = ? WHERE team = ? AND day = ?`, n.ID, team, day)
		return err
	})
	return ok, err
}

// Due implements notify.Outbox.
func (l *Ledger) Due(ctx context.Context, now time.Time, limit int) ([]notify.Delivery, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT n.id, n.key, n.document_id, n.team, n.type, n.subject, n.body,
		n.to_addrs, n.cc_addrs, n.notice_file, n.created, d.channel, d.attempts, d.uncertain
		FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id
		WHERE d.delivered_at IS NULL AND d.next_at <= ?
		ORDER BY d.next_at, n.id, d.channel LIMIT ?`, fmtTime(now), limit)
	if err != nil {
		return nil, fmt.Errorf("query due notices: %w", err)
	}
	defer rows.Close()
	var out []notify.Delivery
	for rows.Next() {
		var (
			d               notify.Delivery
			n               = &d.Notice
			docID           sql.NullInt64
			typ, to, cc, ch string
			created         sql.NullString
		)
		if err := rows.Scan(&n.ID, &n.Key, &docID, &n.TeamID, &typ, &n.Subject, &n.Body, &to, &cc,
			&n.NoticeFile, &created, &ch, &d.Attempts, &d.Uncertain); err != nil {
			return nil, fmt.Errorf("read due notice: %w", err)
		}
		n.DocumentID, n.Type, n.Created, d.Channel = docID.Int64, dossier.NoticeType(typ), parseTime(created), notify.Channel(ch)
		_ = json.Unmarshal([]byte(to), &n.To)
		_ = json.Unmarshal([]byte(cc), &n.Cc)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Delivered implements notify.Outbox.
func (l *Ledger) Delivered(ctx context.Context, noticeID int64, ch notify.Channel, at time.Time) error {
	_, err := l.w.ExecContext(ctx, `UPDATE notice_deliveries SET delivered_at = ?, sending_at = NULL
		WHERE notice_id = ? AND channel = ? AND delivered_at IS NULL`, fmtTime(at), noticeID, string(ch))
	if err != nil {
		return fmt.Errorf("mark notice %d delivered on %s: %w", noticeID, ch, err)
	}
	return nil
}

// Failed implements notify.Outbox.
func (l *Ledger) Failed(ctx context.Context, noticeID int64, ch notify.Channel, reason string, retryAt time.Time) error {
	_, err := l.w.ExecContext(ctx, `UPDATE notice_deliveries SET attempts = attempts + 1, last_error = ?, next_at = ?,
		uncertain = max(uncertain - (sending_at IS NOT NULL), 0), sending_at = NULL
		WHERE notice_id = ? AND channel = ? AND delivered_at IS NULL`, reason, fmtTime(retryAt), noticeID, string(ch))
	if err != nil {
		return fmt.Errorf("record failed delivery of notice %d on %s: %w", noticeID, ch, err)
	}
	return nil
}

// Notices returns every notice of a document (0: all notices), oldest first.
func (l *Ledger) Notices(ctx context.Context, documentID int64) ([]dossier.Notice, error) {
	q := `SELECT id, key, coalesce(document_id, 0), team, type, subject, body, to_addrs, cc_addrs, notice_file, created FROM notices`
	var args []any
	if documentID != 0 {
		q += ` WHERE document_id = ?`
		args = append(args, documentID)
	}
	rows, err := l.r.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("query notices: %w", err)
	}
	defer rows.Close()
	var out []dossier.Notice
	for rows.Next() {
		var n dossier.Notice
		var typ, to, cc string
		var created sql.NullString
		if err := rows.Scan(&n.ID, &n.Key, &n.DocumentID, &n.TeamID, &typ, &n.Subject, &n.Body, &to, &cc, &n.NoticeFile, &created); err != nil {
			return nil, fmt.Errorf("read notice: %w", err)
		}
		n.Type, n.Created = dossier.NoticeType(typ), parseTime(created)
		_ = json.Unmarshal([]byte(to), &n.To)
		_ = json.Unmarshal([]byte(cc), &n.Cc)
		out = append(out, n)
	}
	return out, rows.Err()
}
