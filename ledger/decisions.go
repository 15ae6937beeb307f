package ledger

// migrateDecisions is this file's ledger migration (see schema.go for its
// place in the order): the clerk's decisions (desk.md), append-only, and
// what extraction says of each field (confidence, where it was read).
//
// A decision row is written with state 'moving' in the same transaction
// that changes the document and enqueues its notice; the file is moved
// afterwards and the row marked 'done'. Triggers keep the history
// append-only: a row is never deleted, and only its state, done_at and
// to_path (a name taken at the destination meanwhile) ever change.
const migrateDecisions = `
CREATE TABLE decisions (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id     INTEGER NOT NULL REFERENCES documents(id),
	user            TEXT NOT NULL,
	at              TEXT NOT NULL,
	note            TEXT NOT NULL DEFAULT '',
	reasons         TEXT NOT NULL DEFAULT '[]',
	verdict_before  TEXT NOT NULL,
	verdict_after   TEXT NOT NULL,
	team_before     TEXT NOT NULL DEFAULT '',
	team_after      TEXT NOT NULL DEFAULT '',
	kind_before     TEXT NOT NULL DEFAULT '',
	kind_after      TEXT NOT NULL DEFAULT '',
	fields_before   TEXT,
	fields_after    TEXT,
	findings_before TEXT,
	findings_after  TEXT,
	from_path       TEXT NOT NULL DEFAULT '',
	to_path         TEXT NOT NULL DEFAULT '',
	notice_from     TEXT NOT NULL DEFAULT '',
	notice_to       TEXT NOT NULL DEFAULT '',
	state           TEXT NOT NULL CHECK (state IN ('moving','done')),
	done_at         TEXT
);
CREATE INDEX decisions_document ON decisions(document_id, id);
CREATE INDEX decisions_moving ON decisions(state) WHERE state = 'moving';
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_no_rewrite BEFORE UPDATE OF id, document_id, user, at, note, reasons,
	verdict_before, verdict_after, team_before, team_after, kind_before, kind_after,
	fields_before, fields_after, findings_before, findings_after, from_path, notice_from ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;

CREATE TABLE readings (
	document_id INTEGER PRIMARY KEY REFERENCES documents(id),
	confidence  TEXT NOT NULL DEFAULT '{}',
	sources     TEXT NOT NULL DEFAULT '{}'
);
`
