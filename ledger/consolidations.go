package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Consolidation is one run of the nightly (or on-demand) package.
type Consolidation struct {
	ID         int64
	Dir        string
	InputsHash string
	Started    time.Time
	Finished   time.Time // zero while running, or when the run died
	Pages      int
	Changed    bool // a new package was written (inputs differed from the last)
	Error      string
}

// BeginConsolidation records the start of a run.
func (l *Ledger) BeginConsolidation(ctx context.Context, started time.Time) (int64, error) {
	res, err := l.w.ExecContext(ctx, `INSERT INTO consolidations (started) VALUES (?)`, fmtTime(started))
	if err != nil {
		return 0, fmt.Errorf("record consolidation start: %w", err)
	}
	return res.LastInsertId()
}

// FinishConsolidation records the end of a run (errMsg "" for success).
func (l *Ledger) FinishConsolidation(ctx context.Context, c Consolidation) error {
	_, err := l.w.ExecContext(ctx, `UPDATE consolidations SET dir = ?, inputs_hash = ?, finished = ?, pages = ?,
		changed = ?, error = ? WHERE id = ?`, c.Dir, c.InputsHash, fmtTime(c.Finished), c.Pages, c.Changed, c.Error, c.ID)
	if err != nil {
		return fmt.Errorf("record consolidation end: %w", err)
	}
	return nil
}

// LastConsolidation returns the latest run that finished without error.
func (l *Ledger) LastConsolidation(ctx context.Context) (Consolidation, bool, error) {
	var c Consolidation
	var started, finished sql.NullString
	err := l.r.QueryRowContext(ctx, `SELECT id, dir, inputs_hash, started, finished, pages, changed, error
		FROM consolidations WHERE finished IS NOT NULL AND finished <> '' AND error = ''
		ORDER BY started DESC, id DESC LIMIT 1`).
		Scan(&c.ID, &c.Dir, &c.InputsHash, &started, &finished, &c.Pages, &c.Changed, &c.Error)
	if isNoRows(err) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("read last consolidation: %w", err)
	}
	c.Started, c.Finished = parseTime(started), parseTime(finished)
	return c, true, nil
}
