package rules

import "dossier"

// Severities is the severity of every rule id of rules.md.
var Severities = map[string]dossier.Severity{
	"F001": dossier.SeverityError, "F002": dossier.SeverityError, "F003": dossier.SeverityError,
	"F004": dossier.SeverityError, "F005": dossier.SeverityError, "F006": dossier.SeverityError,
	"F007": dossier.SeverityError, "F008": dossier.SeverityInfo, "F009": dossier.SeverityWarning,
	"F010": dossier.SeverityInfo,

	"S001": dossier.SeverityError, "S002": dossier.SeverityError, "S003": dossier.SeverityError,
	"S004": dossier.SeverityError, "S005": dossier.SeverityError, "S006": dossier.SeverityError,
	"S007": dossier.SeverityError, "S008": dossier.SeverityWarning, "S009": dossier.SeverityWarning,
	"S010": dossier.SeverityError, "S011": dossier.SeverityWarning, "S012": dossier.SeverityWarning,
	"S013": dossier.SeverityWarning,

	"A001": dossier.SeverityError, "A002": dossier.SeverityError, "A003": dossier.SeverityError,
	"A004": dossier.SeverityError, "A005": dossier.SeverityWarning, "A006": dossier.SeverityWarning,
	"A007": dossier.SeverityError,

	"D001": dossier.SeverityWarning, "D002": dossier.SeverityWarning, "D003": dossier.SeverityInfo,

	"T001": dossier.SeverityError, "T002": dossier.SeverityWarning, "T003": dossier.SeverityInfo,
}

// SeverityOf is a rule's severity; an unknown id counts as an error so
// that a typo can never let a document through.
func SeverityOf(rule string) dossier.Severity {
	if s, ok := Severities[rule]; ok {
		return s
	}
	return dossier.SeverityError
}

func finding(rule, field, msg string) dossier.Finding {
	return dossier.Finding{Rule: rule, Severity: SeverityOf(rule), Field: field, Message: msg}
}
