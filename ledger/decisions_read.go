package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"dossier"
	"dossier/notify"
)

const decisionColumns = `id, document_id, user, at, note, reasons, verdict_before, verdict_after,
	team_before, team_after, kind_before, kind_after, fields_before, fields_after, findings_after`

func scanDecisions(rows *sql.Rows) ([]dossier.Decision, error) {
	defer rows.Close()
	var out []dossier.Decision
	for rows.Next() {
		var (
			d                      dossier.Decision
			at                     sql.NullString
			reasons, findings      sql.NullString
			vb, va, kb, ka         string
			fieldsBefore, fieldsAf sql.NullString
		)
		if err := rows.Scan(&d.ID, &d.DocumentID, &d.User, &at, &d.Note, &reasons, &vb, &va,
			&d.TeamBefore, &d.TeamAfter, &kb, &ka, &fieldsBefore, &fieldsAf, &findings); err != nil {
			return nil, fmt.Errorf("read decision row: %w", err)
		}
		d.At = parseTime(at)
		d.VerdictBefore, d.VerdictAfter = dossier.Verdict(vb), dossier.Verdict(va)
		d.KindBefore, d.KindAfter = dossier.Kind(kb), dossier.Kind(ka)
		var err error
		if d.FieldsBefore, err = decodeFields(fieldsBefore.String); err != nil {
			return nil, fmt.Errorf("read fields of decision %d: %w", d.ID, err)
		}
		if d.FieldsAfter, err = decodeFields(fieldsAf.String); err != nil {
			return nil, fmt.Errorf("read fields of decision %d: %w", d.ID, err)
		}
		_ = json.Unmarshal([]byte(reasons.String), &d.Reasons)
		_ = json.Unmarshal([]byte(findings.String), &d.Findings)
		out = append(out, d)
	}
	return out, rows.Err()
}

// History returns every decision on a document, oldest first.
func (l *Ledger) History(ctx context.Context, documentID int64) ([]dossier.Decision, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+decisionColumns+` FROM decisions WHERE document_id = ? ORDER BY id`, documentID)
	if err != nil {
		return nil, fmt.Errorf("query decisions on document %d: %w", documentID, err)
	}
	return scanDecisions(rows)
}

// LatestDecisions returns each decided document's latest decision (its
// DecidedBy), by document id.
func (l *Ledger) LatestDecisions(ctx context.Context) (map[int64]dossier.Decision, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+decisionColumns+` FROM decisions
		WHERE id IN (SELECT max(id) FROM decisions GROUP BY document_id)`)
	if err != nil {
		return nil, fmt.Errorf("query latest decisions: %w", err)
	}
	ds, err := scanDecisions(rows)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]dossier.Decision, len(ds))
	for _, d := range ds {
		out[d.DocumentID] = d
	}
	return out, nil
}

// SaveReadings records how sure extraction was of each field and where it
// read it; a document without either records nothing.
func (l *Ledger) SaveReadings(ctx context.Context, id int64, conf map[string]float64, src map[string]dossier.Source) error {
	if len(conf) == 0 && len(src) == 0 {
		return nil
	}
	_, err := l.w.ExecContext(ctx, `INSERT INTO readings (document_id, confidence, sources) VALUES (?, ?, ?)
		ON CONFLICT(document_id) DO UPDATE SET confidence = excluded.confidence, sources = excluded.sources`,
		id, jsonOf(conf), jsonOf(src))
	if err != nil {
		return fmt.Errorf("record readings of document %d: %w", id, err)
	}
	return nil
}

// Readings returns the confidence and sources recorded for a document.
func (l *Ledger) Readings(ctx context.Context, id int64) (map[string]float64, map[string]dossier.Source, error) {
	var c, s string
	err := l.r.QueryRowContext(ctx, `SELECT confidence, sources FROM readings WHERE document_id = ?`, id).Scan(&c, &s)
	if isNoRows(err) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read readings of document %d: %w", id, err)
	}
	var conf map[string]float64
	var src map[string]dossier.Source
	_ = json.Unmarshal([]byte(c), &conf)
	_ = json.Unmarshal([]byte(s), &src)
	return conf, src, nil
}

// Reading is how sure extraction was of a document's fields and where it
// read them.
type Reading struct {
	Confidence map[string]float64
	Sources    map[string]dossier.Source
}

// AllReadings returns every document's recorded readings, by id.
func (l *Ledger) AllReadings(ctx context.Context) (map[int64]Reading, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT document_id, confidence, sources FROM readings`)
	if err != nil {
		return nil, fmt.Errorf("query readings: %w", err)
	}
	defer rows.Close()
	out := map[int64]Reading{}
	for rows.Next() {
		var id int64
		var c, src string
		if err := rows.Scan(&id, &c, &src); err != nil {
			return nil, fmt.Errorf("read readings: %w", err)
		}
		var r Reading
		_ = json.Unmarshal([]byte(c), &r.Confidence)
		_ = json.Unmarshal([]byte(src), &r.Sources)
		if len(r.Confidence) > 0 || len(r.Sources) > 0 {
			out[id] = r
		}
	}
	return out, rows.Err()
}

// DeliveryState is a notice's state on one channel.
type DeliveryState struct {
	NoticeID  int64
	Channel   notify.Channel
	Delivered time.Time
	Attempts  int
	NextAt    time.Time
	LastError string
}

// Deliveries returns the delivery state of every notice (0) or of one.
func (l *Ledger) Deliveries(ctx context.Context, noticeID int64) (map[int64][]DeliveryState, error) {
	q := `SELECT notice_id, channel, delivered_at, attempts, next_at, last_error FROM notice_deliveries`
	var args []any
	if noticeID != 0 {
		q += ` WHERE notice_id = ?`
		args = append(args, noticeID)
	}
	rows, err := l.r.QueryContext(ctx, q+` ORDER BY notice_id, channel`, args...)
	if err != nil {
		return nil, fmt.Errorf("query notice deliveries: %w", err)
	}
	defer rows.Close()
	out := map[int64][]DeliveryState{}
	for rows.Next() {
		var d DeliveryState
		var ch string
		var at, next sql.NullString
		if err := rows.Scan(&d.NoticeID, &ch, &at, &d.Attempts, &next, &d.LastError); err != nil {
			return nil, fmt.Errorf("read notice delivery: %w", err)
		}
		d.Channel, d.Delivered, d.NextAt = notify.Channel(ch), parseTime(at), parseTime(next)
		out[d.NoticeID] = append(out[d.NoticeID], d)
	}
	return out, rows.Err()
}

// RetryNotice makes a notice's undelivered channels due at now; it
// reports whether there was anything left to deliver.
func (l *Ledger) RetryNotice(ctx context.Context, noticeID int64, now time.Time) (bool, error) {
	var n int
	if err := l.r.QueryRowContext(ctx, `SELECT count(*) FROM notices WHERE id = ?`, noticeID).Scan(&n); err != nil {
		return false, fmt.Errorf("retry notice %d: %w", noticeID, err)
	}
	if n == 0 {
		return false, fmt.Errorf("retry notice %d: %w", noticeID, ErrNotFound)
	}
	res, err := l.w.ExecContext(ctx, `UPDATE notice_deliveries SET next_at = ?
		WHERE notice_id = ? AND delivered_at IS NULL`, fmtTime(now), noticeID)
	if err != nil {
		return false, fmt.Errorf("retry notice %d: %w", noticeID, err)
	}
	k, _ := res.RowsAffected()
	return k > 0, nil
}
