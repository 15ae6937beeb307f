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
}

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
	// Failed records a failed attempt and when to try again.
	Failed(ctx context.Context, noticeID int64, ch Channel, reason string, retryAt time.Time) error
}
