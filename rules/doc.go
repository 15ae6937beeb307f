// Package rules applies the rules of the notice (../shared/spec/rules.md)
// to one document or to one team: intake findings (F001–F010), the
// survey's content rules (S001–S013), the audit's (A001–A007), the
// deadlines (D001–D003) and the team rules (T001–T003).
//
// Everything here is pure: no I/O, no clock reads, no logging. The time,
// the registry entry and the programme (deadlines, grants) are arguments,
// so a rule gives the same answer in check, in the daemon and in a replay.
// Every rule is one small function; messages are Chinese, in the notice's
// own terms, and name the field, the value found and what is expected.
package rules
