// Package report is the one computed view of the ledger that every figure
// people read is taken from: the package PDF, the summary spreadsheet, the
// status page and the notices. Build turns the team views and the files
// of no team into a View; nothing downstream adds, converts or decides
// what counts.
//
// Rules of the view: money is dossier.Money (fen) and carries its unit
// (Amount.Unit); a column in another unit converts with Money.In. Only an
// accepted, current (not superseded) document contributes to a sum; any
// other value is an Amount with Counted false and a Reason ("待人工审核",
// "已退回", "未提交", "未填"), shown as "—" with that reason. Values set by
// a clerk carry Manual (人工核定), values read by OCR carry OCR.
// Files counts every file once and Check says whether they add up.
//
// The package is pure: no I/O, no clock; safe for concurrent use.
package report
