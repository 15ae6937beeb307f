// Package status presents the teams' state: the JSON lines of
// `dossier status --json` and /status.json (cli.md), and the
// one-line-per-team text a person reads in a terminal. The clerk's desk
// (package desk) shows the same table as its 总览 page. It reads team
// views; it changes nothing.
package status
