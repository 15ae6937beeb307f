package notify

import (
	"context"
	"time"

	"dossier"
)

// Channel is one way a notice reaches a person.
type Channel string

// Channels: every notice goes to the log; a notice with a NoticeFile is
// written beside the document; e-mail when SMTP is configured and the
// notice has recipients.
const (
	ChannelLog  Channel = "log"
	ChannelFile Channel = "file"
	ChannelMail Channel = "mail"
)

// Delivery is one notice due on one channel.
type Delivery struct {
	Notice   dossier.Notice
	Channel  Channel
	Attempts int // failed attempts so far
	// Uncertain counts the e-mails sent whose outcome is unknown: an
	// attempt recorded (Attempt) whose result never was (a kill during
	// DATA, a result that could not be written), or one the server did not
	// confirm (a time-out after the message). At MaxUncertain it is not
	// sent again.
	Uncertain int
}

// MaxUncertain is how many sends of one e-mail may end without a known
// result: the first, and at most one more with the same Message-ID.
const MaxUncertain = 2

// Outbox is the ledger's queue of notices. Notices are enqueued by the
// ledger in the same transaction that records the decision, one delivery
// row per channel; the notifier only reads due deliveries and marks them.
// The ledger implements it (var _ notify.Outbox = (*ledger.Ledger)(nil)).
type Outbox interface {
	// Due returns up to limit deliveries not yet delivered whose next
	// attempt time is at or before now, oldest first.
	Due(ctx context.Context, now time.Time, limit int) ([]Delivery, error)
	// Delivered marks a delivery done; it is never returned by Due again.
	Delivered(ctx context.Context, noticeID int64, ch Channel, at time.Time) error
	// Failed records a failed attempt that surely did not deliver (the
	// server refused, or could not be reached) and when to try again; it
	// undoes the Attempt it ends.
	Failed(ctx context.Context, noticeID int64, ch Channel, reason string, retryAt time.Time) error
	// Attempt records, before an e-mail is handed to the server, that it
	// may be sent (Uncertain+1). No e-mail is sent unless this is recorded.
	Attempt(ctx context.Context, noticeID int64, ch Channel, at time.Time) error
	// Unsure records an attempt whose outcome is unknown (the server did
	// not confirm the message in time): Uncertain stays counted, and the
	// e-mail is tried again at retryAt only while under MaxUncertain.
	Unsure(ctx context.Context, noticeID int64, ch Channel, reason string, retryAt time.Time) error
}
