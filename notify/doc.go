// Package notify tells a unit what it must know, once: it composes the
// Chinese notice for a decision (Compose, from templates the bureau can
// change) and delivers the notices the ledger's outbox holds on three
// channels — the log, a text file beside the rejected document, and
// e-mail over SMTP — retrying with exponential back-off while a channel
// fails. Each delivery is marked in the outbox only after it succeeded,
// and each channel is idempotent (the file is recognised by its content,
// the e-mail by a Message-ID derived from the notice key), so a crash or
// an outage neither loses nor visibly repeats a notice.
//
// Concurrency: a *Notifier delivers from one goroutine (Run or Flush);
// Wake may be called from any goroutine.
package notify
