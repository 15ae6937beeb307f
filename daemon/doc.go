// Package daemon is the one place that calls dossier's stages in order:
// watcher → bounded queue → workers → claim (ledger intent, then rename into
// the work area) → process.Evaluate → ledger.Decide (verdict, superseding,
// notices, in one transaction) → move to the archive or 退回 → ledger.Done →
// watcher.Done. Alongside run the notifier (delivering the ledger's outbox),
// the calendar (D003 reminders, one per team per day) and the nightly
// consolidation (render.Consolidate at Config.Schedule, in the programme's
// time zone; a run missed while the daemon was down runs at start).
//
// Crash safety rests on the ledger: every step is recorded before (claim)
// or after (decision, done) the file moves, and Recover, run at every
// start, finishes what a killed process left: claimed rows are re-evaluated
// from the work area (or re-claimed from the inbox if the rename never
// happened), decided rows are moved to rest.
//
// Serve stops in order when its context ends: intake first, files in flight
// finished (or, after Config.Grace, left claimable for the next start),
// notices flushed best-effort; the caller then closes the Daemon (the ledger).
package daemon
