package daemon

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dossier"
	"dossier/notify"
	"dossier/rules"
)

// sendTime is the ledger's outbox as the notifier sees it. Two things are
// decided when a notice is sent rather than when its decision was
// recorded: what a team still owes (an acceptance composed mid-batch
// would call "missing" a file decided a moment later, or one decided
// before a restart but not yet delivered), and which photos are answered
// together (image files of one team that arrived within Config.PhotoWindow
// make one notice, sent when the window has passed). Rejections and
// reviews go out as recorded: their text is also the notice file beside
// the returned document, which must not change between attempts.
type sendTime struct {
	notify.Outbox // the ledger: every method but Due passes through
	d             *Daemon
	// final: no more files are coming before this flush ends (run --once,
	// the flush at a stop), so photo notices need not wait for the window.
	final bool
}

var _ notify.Outbox = sendTime{}

// outbox is the outbox the notifier delivers from.
func (d *Daemon) outbox(final bool) notify.Outbox { return sendTime{Outbox: d.led, d: d, final: final} }

// Due returns the due deliveries with their notices as they read now:
// up to limit of them, so that the notifier, which stops when it gets
// fewer than it asked for, is not misled by the photo notices answered
// together (marked delivered here) or still waiting for their window.
func (o sendTime) Due(ctx context.Context, now time.Time, limit int) ([]notify.Delivery, error) {
	later := map[[2]any]bool{}
	for {
		n := limit + len(later)
		due, err := o.Outbox.Due(ctx, now, n)
		if err != nil {
			return nil, err
		}
		out := make([]notify.Delivery, 0, len(due))

		for _, dl := range due {
			key := [2]any{dl.Notice.ID, dl.Channel}
			if later[key] {
				continue
			}
			switch notice, act := o.refresh(ctx, dl.Notice, now); act {
			case sendNow:
				dl.Notice = notice
				out = append(out, dl)
			case sendAbsorbed:
				if err := o.Outbox.Delivered(ctx, dl.Notice.ID, dl.Channel, now); err != nil {
					return nil, fmt.Errorf("mark photo notice %d answered together: %w", dl.Notice.ID, err)
				}

			case sendLater:
				later[key] = true
			}
		}
		if len(due) < n || len(out) >= limit {
			return out[:min(len(out), limit)], nil
		}
	}
}

type sendAction int

const (
	sendNow      sendAction = iota
	sendAbsorbed            // another notice answers it
	sendLater               // its photo window is still open
)

// refresh composes an acceptance or supersede notice again from the
// ledger as it stands now.
func (o sendTime) refresh(ctx context.Context, n dossier.Notice, now time.Time) (dossier.Notice, sendAction) {
	fresh, act, err := o.compose(ctx, n, now)
	if err != nil {
		o.d.log.Warn().Err(err).Int64("notice_id", n.ID).Msg("recompose notice at send time; sending it as recorded")
		return n, sendNow
	}
	return fresh, act
}

func (o sendTime) compose(ctx context.Context, n dossier.Notice, now time.Time) (dossier.Notice, sendAction, error) {
	if n.DocumentID == 0 || (n.Type != dossier.NoticeAcceptance && n.Type != dossier.NoticeSupersede) {
		return n, sendNow, nil
	}
	e, err := o.d.led.Get(ctx, n.DocumentID)
	if err != nil {
		return n, sendNow, err
	}
	doc := e.Doc
	team, ok := o.d.reg.ByID(doc.TeamID)
	if !ok {
		return n, sendNow, nil
	}
	docs, err := o.d.led.TeamDocuments(ctx, team.ID)
	if err != nil {
		return n, sendNow, err
	}
	var photos []dossier.Document
	if isPhotoFile(doc) && o.d.cfg.PhotoWindow > 0 {
		group, first := photoGroup(docs, doc, o.d.cfg.PhotoWindow)
		switch {
		case first.ID != doc.ID:
			return n, sendAbsorbed, nil
		case !o.final && now.Before(arrived(first).Add(o.d.cfg.PhotoWindow)):
			return n, sendLater, nil
		}
		photos = group
	}
	view := rules.Team(team, docs, o.d.prog, now)
	r := o.d.request(n.Type, &doc, &view, now)
	r.Photos = photos
	subject, body, err := r.Compose()
	if err != nil {
		return n, sendNow, err
	}
	n.Subject, n.Body = subject, body
	return n, sendNow, nil
}

// isPhotoFile reports an accepted photo sent as an image file: those add
// up (each is one more photo) and are answered together.
func isPhotoFile(d dossier.Document) bool {
	return d.Kind == dossier.KindPhotos && d.Verdict == dossier.VerdictAccepted && d.Format != dossier.FormatPDF
}

// arrived is when a file arrived (D001's received time), or when it was
// decided if that is unknown.
func arrived(d dossier.Document) time.Time {
	if d.Received.IsZero() {
		return d.Decided
	}
	return d.Received
}

// photoGroup is the group of the team's photo files doc belongs to: the
// photos are taken in order of arrival, a group starts with a photo and
// holds every photo that arrived within window of it. It returns the
// group and its first photo.
func photoGroup(docs []dossier.Document, doc dossier.Document, window time.Duration) ([]dossier.Document, dossier.Document) {
	var ph []dossier.Document
	for _, d := range docs {
		if isPhotoFile(d) {
			ph = append(ph, d)
		}
	}
	sort.SliceStable(ph, func(i, j int) bool {
		if ai, aj := arrived(ph[i]), arrived(ph[j]); !ai.Equal(aj) {
			return ai.Before(aj)
		}
		return ph[i].ID < ph[j].ID
	})
	for i := 0; i < len(ph); {
		j := i + 1
		for j < len(ph) && arrived(ph[j]).Sub(arrived(ph[i])) < window {
			j++
		}
		for _, p := range ph[i:j] {
			if p.ID == doc.ID {
				return ph[i:j], ph[i]
			}
		}
		i = j
	}
	return []dossier.Document{doc}, doc
}
