package daemon

import (
	"context"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"dossier"
	"dossier/intake"
	"dossier/ledger"
	"dossier/notify"
	"dossier/rules"
)

// noticeType is the one notice a decision sends: every finding goes out
// together, so a re-submission's acceptance is its supersede note.
func noticeType(doc dossier.Document, superseded []dossier.Document) dossier.NoticeType {
	switch {
	case doc.Verdict == dossier.VerdictRejected:
		return dossier.NoticeRejection
	case doc.Verdict == dossier.VerdictReview:
		return dossier.NoticeReview
	case len(superseded) > 0:
		return dossier.NoticeSupersede
	}
	return dossier.NoticeAcceptance
}

// composer builds a decision's notice inside the ledger's transaction,
// once the ledger knows what the document superseded. Only a rejection
// has a notice file, beside the returned file in 退回. A notice that
// tells a team what it still owes is composed again when it is sent
// (sendTime), from what the ledger holds then.
func (d *Daemon) composer(stored string, now time.Time) ledger.Compose {
	return func(doc dossier.Document, superseded []dossier.Document) ([]dossier.Notice, error) {
		typ := noticeType(doc, superseded)
		var view *dossier.TeamView
		if team, ok := d.reg.ByID(doc.TeamID); ok {
			v := d.teamView(team, doc, now)
			view = &v
		}
		subject, body, err := d.request(typ, &doc, view, now).Compose()
		if err != nil {
			return nil, err
		}
		n := dossier.Notice{Key: fmt.Sprintf("doc:%d:%s", doc.ID, typ), DocumentID: doc.ID, TeamID: doc.TeamID,
			Type: typ, Subject: subject, Body: body, To: d.recipients(doc), Cc: d.cc(), Created: now}
		if typ == dossier.NoticeRejection {
			n.NoticeFile = stored + intake.NoticeSuffix
		}
		return []dossier.Notice{n}, nil
	}
}

// request is a notice's composition with the daemon's templates,
// programme and contact.
func (d *Daemon) request(typ dossier.NoticeType, doc *dossier.Document, view *dossier.TeamView, now time.Time) notify.Request {
	return notify.Request{Templates: d.cfg.Templates, Type: typ, Doc: doc, View: view, Programme: d.prog, Now: now, Contact: d.cfg.Contact}
}

// teamView is a team's view as it will be once doc is recorded; the ledger
// is mid-transaction, so it is built from what was committed plus doc.
func (d *Daemon) teamView(team dossier.Team, doc dossier.Document, now time.Time) dossier.TeamView {
	docs, err := d.led.TeamCurrent(context.Background(), team.ID)
	if err != nil {
		d.log.Warn().Err(err).Str("team", team.ID).Msg("read team documents for the notice")
	}
	if hasRule(doc.Findings, "F008") {
		return rules.Team(team, docs, d.prog, now)
	}
	if supersedes(doc) {
		for i := range docs {
			if docs[i].Kind == doc.Kind && docs[i].Verdict != dossier.VerdictRejected &&
				(doc.Kind != dossier.KindPhotos || docs[i].Format == dossier.FormatPDF) {
				docs[i].Superseded = true
			}
		}
	}
	return rules.Team(team, append(docs, doc), d.prog, now)
}

// supersedes mirrors the ledger's rule: an accepted or review document
// replaces the current one of its kind, except photo image files, which add up.
func supersedes(doc dossier.Document) bool {
	if doc.Superseded || (doc.Verdict != dossier.VerdictAccepted && doc.Verdict != dossier.VerdictReview) {
		return false // superseded on arrival by a newer one: replaces nothing
	}
	return doc.Kind != dossier.KindPhotos || doc.Format == dossier.FormatPDF
}

// recipients: the team's contacts from the registry and the contact
// e-mail the document gives, each once.
func (d *Daemon) recipients(doc dossier.Document) []string {
	var out []string
	seen := map[string]bool{}
	add := func(a string) {
		a = strings.TrimSpace(a)
		p, err := mail.ParseAddress(a)
		if a == "" || err != nil || seen[strings.ToLower(p.Address)] {
			return
		}
		seen[strings.ToLower(p.Address)] = true
		out = append(out, a)
	}
	if team, ok := d.reg.ByID(doc.TeamID); ok {
		for _, c := range team.Contacts {
			add(c)
		}
	}
	add(doc.Fields.Text("contact_email"))
	return out
}

func (d *Daemon) cc() []string {
	b := strings.TrimSpace(d.cfg.BureauEmail)
	if b == "" || strings.EqualFold(b, strings.TrimSpace(d.cfg.Notify.BureauEmail)) {
		return nil // the notifier copies its own bureau address
	}
	return []string{b}
}
