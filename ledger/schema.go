package ledger

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; migration i brings the schema to
// version i+1. Never edit one that has shipped: append a new one.
var migrations = []string{
	`
CREATE TABLE documents (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	key           TEXT UNIQUE,                 -- sha256|rel|received, set when decided
	rel           TEXT NOT NULL,               -- path relative to the inbox as dropped
	name          TEXT NOT NULL,
	folder        TEXT NOT NULL DEFAULT '',
	size          INTEGER NOT NULL DEFAULT 0,
	mtime         TEXT,
	symlink       INTEGER NOT NULL DEFAULT 0,
	sha256        TEXT NOT NULL DEFAULT '',
	received      TEXT NOT NULL,
	claimed_at    TEXT NOT NULL,
	state         TEXT NOT NULL CHECK (state IN ('claimed','decided','done','gone')),
	work_path     TEXT NOT NULL DEFAULT '',
	stored_path   TEXT NOT NULL DEFAULT '',
	team          TEXT NOT NULL DEFAULT '',
	kind          TEXT NOT NULL DEFAULT '',
	format        TEXT NOT NULL DEFAULT '',
	fields        TEXT,
	invalid       TEXT,
	findings      TEXT,
	verdict       TEXT NOT NULL DEFAULT '',
	duplicate_of  INTEGER REFERENCES documents(id),
	superseded_by INTEGER REFERENCES documents(id),
	decided_at    TEXT,
	done_at       TEXT,
	pages         INTEGER NOT NULL DEFAULT 0,
	images        INTEGER NOT NULL DEFAULT 0,
	text_chars    INTEGER NOT NULL DEFAULT 0,
	decrypted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_state ON documents(state);
CREATE INDEX documents_sha ON documents(sha256);
CREATE INDEX documents_team_kind ON documents(team, kind);

CREATE TABLE notices (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	key         TEXT NOT NULL UNIQUE,
	document_id INTEGER REFERENCES documents(id),
	team        TEXT NOT NULL DEFAULT '',
	type        TEXT NOT NULL,
	subject     TEXT NOT NULL,
	body        TEXT NOT NULL,
	to_addrs    TEXT NOT NULL DEFAULT '[]',
	cc_addrs    TEXT NOT NULL DEFAULT '[]',
	notice_file TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL
);
CREATE TABLE notice_deliveries (
	notice_id    INTEGER NOT NULL REFERENCES notices(id),
	channel      TEXT NOT NULL,
	delivered_at TEXT,
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_at      TEXT NOT NULL,
	last_error   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (notice_id, channel)
);
CREATE INDEX deliveries_due ON notice_deliveries(next_at) WHERE delivered_at IS NULL;

CREATE TABLE consolidations (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	dir         TEXT NOT NULL DEFAULT '',
	inputs_hash TEXT NOT NULL DEFAULT '',
	started     TEXT NOT NULL,
	finished    TEXT,
	pages       INTEGER NOT NULL DEFAULT 0,
	changed     INTEGER NOT NULL DEFAULT 0,
	error       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE reminders (
	team      TEXT NOT NULL,
	day       TEXT NOT NULL,
	notice_id INTEGER REFERENCES notices(id),
	sent_at   TEXT NOT NULL,
	PRIMARY KEY (team, day)
);
`,
	// 2: a team's newest document of a kind and verdict in one index probe
	// (TeamCurrent), however many files the team has sent.
	`CREATE INDEX documents_team_kind_verdict ON documents(team, kind, verdict, id);`,
	// 3–6: one slot per concern, each written in its own file. Until a
	// concern needs a table its slot is a no-op; once shipped, a slot is
	// never edited again (append a new migration instead).
	migrateDecisions, // decisions.go: the clerk's decisions (desk.md)
	migrateAccounts,  // accounts.go: desk accounts and sessions
	migrateOCR,       // ocrcache.go: OCR results by SHA-256
	migrateOutbox,    // outbox_attempts.go: at-most-once delivery
	migrateRestart,   // 7, restart.go: kept inbox originals, own-trouble back-off
}

// SchemaVersion is the version Open brings a ledger to.
var SchemaVersion = len(migrations)

func (l *Ledger) migrate(ctx context.Context) error {
	if _, err := l.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var v int
	err := l.w.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	switch {
	case err == sql.ErrNoRows:
		if _, err := l.w.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (0)`); err != nil {
			return fmt.Errorf("initialise schema_version: %w", err)
		}
	case err != nil:
		return fmt.Errorf("read schema_version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("ledger schema version %d is newer than this dossier (%d): use a newer binary", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		err := l.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return fmt.Errorf("apply ledger migration %d: %w", i+1, err)
			}
			_, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, i+1)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
