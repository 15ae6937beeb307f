// Package template writes the blank forms the bureau hands out: the
// 实施成效调查表 (附件4) as a spreadsheet, laid out like the notice's form
// (sections 一…五, each label beside its value cell) with data validation,
// and the team's name and unit filled in when the team is known. A filled-in
// template reads back through extract/parse with every field exact.
package template
