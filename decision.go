package dossier

import "time"

// Source is where a field's value was read: the page (1-based; 0 for a
// spreadsheet or a file without pages), the sheet for a workbook, and the
// text it was read from, as it stood on the page.
type Source struct {
	Page  int    `json:"page,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Text  string `json:"text,omitempty"`
	OCR   bool   `json:"ocr,omitempty"` // read by OCR from a scan or a photographed page
}

// Decision is one clerk's decision on one document (desk.md): who, when,
// what was changed and why. Decisions are append-only; the latest one is
// the document's DecidedBy.
type Decision struct {
	ID         int64     `json:"id,omitempty"`
	DocumentID int64     `json:"document_id,omitempty"`
	User       string    `json:"user"`
	At         time.Time `json:"at"`
	Note       string    `json:"note"`
	// Reasons are rule ids with their messages, or free text (Rule "").
	Reasons       []Finding `json:"reasons,omitempty"`
	VerdictBefore Verdict   `json:"verdict_before"`
	VerdictAfter  Verdict   `json:"verdict_after"`
	TeamBefore    string    `json:"team_before,omitempty"`
	TeamAfter     string    `json:"team_after,omitempty"`
	KindBefore    Kind      `json:"kind_before,omitempty"`
	KindAfter     Kind      `json:"kind_after,omitempty"`
	FieldsBefore  Fields    `json:"fields_before,omitempty"`
	FieldsAfter   Fields    `json:"fields_after,omitempty"`
	// Findings are the rules' findings on the corrected document, as shown
	// to the clerk before confirming.
	Findings []Finding `json:"findings,omitempty"`
}

// Role is what a desk account may do.
type Role string

// Roles (desk.md).
const (
	RoleClerk  Role = "clerk"  // decides
	RoleViewer Role = "viewer" // reads
)
