// Package process decides one file: it hashes it, applies the intake rules
// that need no content (F001, F004, F005, a symbolic link), extracts it,
// identifies its team (folder, then file name, then the document's own
// team_name/unit), applies the content and deadline rules and gives the
// verdict. A document whose folder or file name names one team and whose
// own content names another waits for a clerk (F011). It reads the file
// and nothing else: no ledger, no moves, no notices. `dossier check` and
// the daemon both call Evaluate, so a dry run and a real run decide alike;
// a clerk's corrections are judged by Reapply, with the same rules.
package process
