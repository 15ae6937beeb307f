// Package status presents the teams' state: the JSON lines of
// `dossier status --json` (cli.md), the one-line-per-team text a person
// reads in a terminal, and the small HTTP status page `dossier serve`
// offers the bureau's clerk (Chinese), with /status.json and /healthz for
// machines. It reads team views; it changes nothing.
package status
