package dossier

import "time"

// NoticeType says why a unit is told something.
type NoticeType string

// Notice types (issue: rules and notices).
const (
	NoticeRejection  NoticeType = "rejection"  // a document was rejected: every finding, what to do, the deadline
	NoticeAcceptance NoticeType = "acceptance" // a document was accepted (with its warnings, if any)
	NoticeReview     NoticeType = "review"     // a scan awaits a clerk's review (F009)
	NoticeSupersede  NoticeType = "supersede"  // a re-submission replaced an earlier document (F010)
	NoticeReminder   NoticeType = "reminder"   // D003: materials still missing a few days before the deadline
)

// Notice is one message to a unit, composed once when the decision is
// recorded and then delivered on each channel exactly once (log, the file
// beside the rejected document, e-mail). Subject and Body are Chinese.
type Notice struct {
	ID         int64      `json:"id,omitempty"`
	Key        string     `json:"key"` // idempotency key, unique: e.g. "doc:<sha256>:rejection", "reminder:M11:2026-11-17"
	DocumentID int64      `json:"document_id,omitempty"`
	TeamID     string     `json:"team,omitempty"`
	Type       NoticeType `json:"type"`
	Subject    string     `json:"subject"`
	Body       string     `json:"body"`
	To         []string   `json:"to,omitempty"` // e-mail recipients: team contacts and the document's contact_email
	Cc         []string   `json:"cc,omitempty"` // the bureau's mailbox
	// NoticeFile is where the notice is written as a text file beside the
	// document (<name>.退回说明.txt in the 退回 folder); "" for none.
	NoticeFile string    `json:"notice_file,omitempty"`
	Created    time.Time `json:"created"`
}
