package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// migrateOCR is this file's ledger migration (see schema.go for its place in
// the order): OCR results, one row per page read, keyed by what determines
// them (the file's SHA-256, the page, and the engine's version key: the
// tesseract version, languages, resolution and pipeline). A restart or a
// re-check of the same file reads them instead of running tesseract again.
const migrateOCR = `
CREATE TABLE IF NOT EXISTS ocr_cache (
	key        TEXT PRIMARY KEY,
	value      BLOB NOT NULL,
	created_at TEXT NOT NULL
);`

// GetOCR returns the cached OCR result stored under key, and whether
// there was one.
func (l *Ledger) GetOCR(ctx context.Context, key string) ([]byte, bool, error) {
	var v []byte
	err := l.r.QueryRowContext(ctx, `SELECT value FROM ocr_cache WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read ocr cache: %w", err)
	}
	return v, true, nil
}

// PutOCR stores an OCR result under key (replacing an older one).
func (l *Ledger) PutOCR(ctx context.Context, key string, value []byte) error {
	return l.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO ocr_cache(key, value, created_at) VALUES (?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
			key, value, fmtTime(time.Now()))
		if err != nil {
			return fmt.Errorf("write ocr cache: %w", err)
		}
		return nil
	})
}
