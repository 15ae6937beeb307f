// Package service is the one layer the command line, the clerk's desk and
// the daemon call to read and change what dossier decided: the dry-run
// check, the team views (status), the clerk's queue, one document with its
// history, and the clerk's decision (desk.md).
//
// Decide is the one code path that changes a verdict once the daemon has
// recorded it. A decision is recorded in the ledger (append-only history,
// the document's new values, the notice to the unit in the outbox) in one
// transaction, with the file's move still to do; the file is then moved
// between the archive and 退回/<team>/ under intake's never-overwrite,
// never-through-a-link rules, and the decision is marked done. Recover,
// called at every start before anything else, finishes a decision whose
// move a killed process left undone, exactly once: the notice was enqueued
// with the decision and is never enqueued again.
//
// Concurrency: a *Service is safe for concurrent use; decisions on one
// document are serialised by the ledger's single writer and by a lock per
// document id.
package service
