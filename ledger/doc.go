// Package ledger is dossier's only state: a SQLite file under --data that
// records every file claimed from the inbox, what was decided about it and
// where it rests, every notice and its delivery on each channel (the
// notifier's outbox), every reminder sent and every consolidation run.
//
// A file's life in the ledger is claimed → decided → done. The claim is
// committed before the file is renamed out of the inbox, the decision
// (verdict, findings, superseding, notices) is committed in one transaction
// before the file is moved to the archive or 退回, and done is recorded after
// the move; so a process killed at any moment leaves rows that Pending hands
// back to the daemon for recovery.
//
// Concurrency: a *Ledger is safe for concurrent use. All writes go through
// one connection (SQLite has one writer; transactions begin IMMEDIATE);
// reads use a small separate pool, which WAL lets run beside the writer.
package ledger
