package service

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"dossier"
	"dossier/ledger"
	"dossier/rules"
)

// Documents returns each team's documents as the team views use them
// (duplicates left out, rejected and superseded ones in), with the clerk's
// latest decision on each as DecidedBy. Documents of no team are under "".
func (s *Service) Documents(ctx context.Context) (map[string][]dossier.Document, error) {
	byTeam, err := s.cfg.Ledger.DocumentsByTeam(ctx)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	latest, err := s.cfg.Ledger.LatestDecisions(ctx)
	if err != nil {
		return nil, err
	}
	readings, err := s.cfg.Ledger.AllReadings(ctx)
	if err != nil {
		return nil, err
	}
	for _, docs := range byTeam {
		for i := range docs {
			if d, ok := latest[docs[i].ID]; ok {
				docs[i].DecidedBy = &d
			}
			r := readings[docs[i].ID]
			docs[i].Confidence, docs[i].Sources = r.Confidence, r.Sources
		}
	}
	return byTeam, nil
}

// Status is every team of the registry, in registry order, as the rules
// see it at now, the clerk's corrections included (人工核定).
func (s *Service) Status(ctx context.Context, now time.Time) ([]dossier.TeamView, error) {
	byTeam, err := s.Documents(ctx)
	if err != nil {
		return nil, err
	}
	views := make([]dossier.TeamView, 0, len(s.cfg.Registry.Teams))
	for _, t := range s.cfg.Registry.Teams {
		views = append(views, rules.Team(t, byTeam[t.ID], s.cfg.Programme, now))
	}
	return views, nil
}

// Team returns one team's view and the notices sent to it.
func (s *Service) Team(ctx context.Context, id string, now time.Time) (TeamPage, error) {
	team, ok := s.cfg.Registry.ByID(id)
	if !ok {
		return TeamPage{}, fmt.Errorf("team %q: %w", id, ErrNotFound)
	}
	byTeam, err := s.Documents(ctx)
	if err != nil {
		return TeamPage{}, err
	}
	page := TeamPage{View: rules.Team(team, byTeam[team.ID], s.cfg.Programme, now)}
	all, err := s.Notices(ctx)
	if err != nil {
		return TeamPage{}, err
	}
	for _, n := range all {
		if n.Notice.TeamID == team.ID {
			page.Notices = append(page.Notices, n)
		}
	}
	return page, nil
}

// Queue lists the documents that wait for a clerk (desk.md: verdict
// review, F006, F007, F011, fields read with low confidence), oldest
// first; a document a clerk has decided waits no more. all lists every
// document of the year instead, each with why it waits, if it does.
func (s *Service) Queue(ctx context.Context, all bool) ([]QueueItem, error) {
	byTeam, err := s.Documents(ctx)
	if err != nil {
		return nil, err
	}
	var out []QueueItem
	for _, docs := range byTeam {
		for _, d := range docs {
			why := s.why(d)
			if all || len(why) > 0 {
				out = append(out, QueueItem{Doc: d, Why: why})
			}
		}
	}
	slices.SortFunc(out, func(a, b QueueItem) int {
		if c := a.Doc.Received.Compare(b.Doc.Received); c != 0 {
			return c
		}
		return cmp.Compare(a.Doc.ID, b.Doc.ID)
	})
	return out, nil
}

// why is why a document waits for a clerk: the rule ids that put it in
// the queue, and "low_confidence" for fields read with little certainty.
// A superseded document, or one a clerk has decided, does not wait.
func (s *Service) why(d dossier.Document) []string {
	if d.Superseded || d.DecidedBy != nil {
		return nil
	}
	var why []string
	for _, f := range d.Findings {
		switch f.Rule {
		case "F006", "F007", "F009", "F011", "F012":
			if !slices.Contains(why, f.Rule) {
				why = append(why, f.Rule)
			}
		}
	}
	for _, c := range d.Confidence {
		if c < s.minConfidence() {
			why = append(why, "low_confidence")
			break
		}
	}
	if d.Verdict == dossier.VerdictReview && len(why) == 0 {
		why = append(why, "review")
	}
	return why
}

func (s *Service) minConfidence() float64 {
	if s.cfg.MinConfidence > 0 {
		return s.cfg.MinConfidence
	}
	return 0.8
}

// Document returns one document with its team, history, notices and
// whether it still counts.
func (s *Service) Document(ctx context.Context, id int64) (DocumentView, error) {
	e, err := s.entry(ctx, id)
	if err != nil {
		return DocumentView{}, err
	}
	v := DocumentView{Doc: e.Doc}
	if v.History, err = s.cfg.Ledger.History(ctx, id); err != nil {
		return DocumentView{}, err
	}
	if n := len(v.History); n > 0 {
		v.Doc.DecidedBy = &v.History[n-1]
	}
	if v.Doc.Confidence, v.Doc.Sources, err = s.cfg.Ledger.Readings(ctx, id); err != nil {
		return DocumentView{}, err
	}
	if t, ok := s.cfg.Registry.ByID(e.Doc.TeamID); ok {
		v.Team = &t
	}
	if v.Superseded, err = s.cfg.Ledger.Replaced(ctx, id); err != nil {
		return DocumentView{}, err
	}
	v.Doc.Superseded = v.Doc.Superseded || v.Superseded
	if v.Notices, err = s.noticesOf(ctx, id); err != nil {
		return DocumentView{}, err
	}
	v.Why = s.why(v.Doc)
	return v, nil
}

// entry reads a decided document's row; rows still being taken in are
// not documents yet.
func (s *Service) entry(ctx context.Context, id int64) (ledger.Entry, error) {
	e, err := s.cfg.Ledger.Get(ctx, id)
	if errors.Is(err, ledger.ErrNotFound) {
		return e, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return e, err
	}
	switch e.State {
	case ledger.StateDone, ledger.StateDecided:
		return e, nil
	case ledger.StateClaimed:
		return e, fmt.Errorf("document %d: %w", id, ErrBusy)
	}
	return e, fmt.Errorf("document %d: %w", id, ErrNotFound)
}
