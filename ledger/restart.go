package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// migrateRestart is this file's ledger migration (see schema.go for its
// place in the order): what the daemon must still know after a restart.
//
// kept_sources: an inbox original that was copied, not moved, and is
// kept where it is — until its copy's decision is final (a copy across
// file systems, of a hard link, of a file open for writing: its writer
// may not be done), or for good (a read-only folder: the file has been
// answered and must not be answered again).
//
// own_retries: the back-off of a claimed file that met dossier's own
// trouble (attempts so far, the earliest next try), so that a restart
// neither retries every such file at once nor forgets its count.
const migrateRestart = `
CREATE TABLE kept_sources (
	rel         TEXT PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id),
	size        INTEGER NOT NULL,
	mtime       TEXT NOT NULL,
	dev         INTEGER NOT NULL DEFAULT 0,
	ino         INTEGER NOT NULL DEFAULT 0,
	read_only   INTEGER NOT NULL DEFAULT 0,
	kept_at     TEXT NOT NULL
);
CREATE TABLE own_retries (
	document_id INTEGER PRIMARY KEY REFERENCES documents(id),
	attempts    INTEGER NOT NULL DEFAULT 0,
	next_at     TEXT NOT NULL,
	last_error  TEXT NOT NULL DEFAULT ''
);
`

// KeptSource is an inbox original kept after its copy was taken.
type KeptSource struct {
	Rel        string
	DocumentID int64
	Size       int64
	ModTime    time.Time
	Dev, Ino   uint64
	ReadOnly   bool  // the folder cannot be changed: kept for good, answered once
	State      State // the document's state (filled by KeptSource)
}

// KeepSource records (or replaces) the kept original at k.Rel.
func (l *Ledger) KeepSource(ctx context.Context, k KeptSource, now time.Time) error {
	_, err := l.w.ExecContext(ctx, `INSERT OR REPLACE INTO kept_sources
		(rel, document_id, size, mtime, dev, ino, read_only, kept_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		k.Rel, k.DocumentID, k.Size, fmtTime(k.ModTime), int64(k.Dev), int64(k.Ino), k.ReadOnly, fmtTime(now))
	if err != nil {
		return fmt.Errorf("record kept original %s: %w", k.Rel, err)
	}
	return nil
}

// KeptSourceAt returns the kept original recorded at rel, with its
// document's state.
func (l *Ledger) KeptSourceAt(ctx context.Context, rel string) (KeptSource, bool, error) {
	k := KeptSource{Rel: rel}
	var mtime sql.NullString
	var dev, ino int64
	err := l.r.QueryRowContext(ctx, `SELECT k.document_id, k.size, k.mtime, k.dev, k.ino, k.read_only, d.state
		FROM kept_sources k JOIN documents d ON d.id = k.document_id WHERE k.rel = ?`, rel).
		Scan(&k.DocumentID, &k.Size, &mtime, &dev, &ino, &k.ReadOnly, &k.State)
	if errors.Is(err, sql.ErrNoRows) {
		return k, false, nil
	}
	if err != nil {
		return k, false, fmt.Errorf("look up kept original %s: %w", rel, err)
	}
	k.ModTime, k.Dev, k.Ino = parseTime(mtime), uint64(dev), uint64(ino)
	return k, true, nil
}

// KeptSourceOf returns the kept original of document id, if any.
func (l *Ledger) KeptSourceOf(ctx context.Context, id int64) (KeptSource, bool, error) {
	var rel string
	err := l.r.QueryRowContext(ctx, `SELECT rel FROM kept_sources WHERE document_id = ?`, id).Scan(&rel)
	if errors.Is(err, sql.ErrNoRows) {
		return KeptSource{}, false, nil
	}
	if err != nil {
		return KeptSource{}, false, fmt.Errorf("look up kept original of %d: %w", id, err)
	}
	return l.KeptSourceAt(ctx, rel)
}

// ForgetSource drops the kept original of document id (removed, or its
// row given up).
func (l *Ledger) ForgetSource(ctx context.Context, id int64) error {
	if _, err := l.w.ExecContext(ctx, `DELETE FROM kept_sources WHERE document_id = ?`, id); err != nil {
		return fmt.Errorf("forget kept original of %d: %w", id, err)
	}
	return nil
}

// MarkSourceReadOnly records that document id's kept original cannot be
// removed: it stays for good, and is answered once.
func (l *Ledger) MarkSourceReadOnly(ctx context.Context, id int64) error {
	if _, err := l.w.ExecContext(ctx, `UPDATE kept_sources SET read_only = 1 WHERE document_id = ?`, id); err != nil {
		return fmt.Errorf("mark kept original of %d read-only: %w", id, err)
	}
	return nil
}

// Retry is a claimed file's back-off after dossier's own trouble.
type Retry struct {
	Attempts  int
	Next      time.Time
	LastError string
}

// RetryOf returns document id's back-off, if it has one.
func (l *Ledger) RetryOf(ctx context.Context, id int64) (Retry, bool, error) {
	var r Retry
	var next sql.NullString
	err := l.r.QueryRowContext(ctx, `SELECT attempts, next_at, last_error FROM own_retries WHERE document_id = ?`, id).
		Scan(&r.Attempts, &next, &r.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("read back-off of %d: %w", id, err)
	}
	r.Next = parseTime(next)
	return r, true, nil
}

// NoteRetry records document id's back-off.
func (l *Ledger) NoteRetry(ctx context.Context, id int64, r Retry) error {
	_, err := l.w.ExecContext(ctx, `INSERT INTO own_retries (document_id, attempts, next_at, last_error) VALUES (?, ?, ?, ?)
		ON CONFLICT (document_id) DO UPDATE SET attempts = excluded.attempts, next_at = excluded.next_at, last_error = excluded.last_error`,
		id, r.Attempts, fmtTime(r.Next), r.LastError)
	if err != nil {
		return fmt.Errorf("record back-off of %d: %w", id, err)
	}
	return nil
}

// ClearRetry forgets document id's back-off (it was decided, or given up).
func (l *Ledger) ClearRetry(ctx context.Context, id int64) error {
	if _, err := l.w.ExecContext(ctx, `DELETE FROM own_retries WHERE document_id = ?`, id); err != nil {
		return fmt.Errorf("clear back-off of %d: %w", id, err)
	}
	return nil
}
