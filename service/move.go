package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"dossier"
	"dossier/intake"
	"dossier/ledger"
)

// errGone: a decided file is neither where it was nor where it goes.
var errGone = errors.New("service: decided file is gone")

// movePlan is where a decision puts the file and the notice file beside it.
type movePlan struct {
	from, to             string
	noticeFrom, noticeTo string
}

// plan finds where the decided document rests: archive/<team>/<kind> when
// accepted, 退回/<team> when rejected (intake's DestDir), in a real folder
// (SafeDir: never through a link) under a free name (Reserve: never over
// another file). A file already in that folder stays. A notice file
// beside a file that moves goes with it. release frees the reservation.
func (s *Service) plan(e ledger.Entry, after dossier.Document) (movePlan, func(), error) {
	f := s.cfg.Folders
	p := movePlan{from: e.StoredPath, to: e.StoredPath}
	want := f.DestDir(after, false)
	if filepath.Dir(e.StoredPath) == want {
		return p, func() {}, nil
	}
	dir, err := f.SafeDir(want)
	if err != nil {
		return p, nil, fmt.Errorf("destination folder of document %d: %w", e.ID, err)
	}
	if filepath.Dir(e.StoredPath) == dir {
		return p, func() {}, nil
	}
	notice := e.StoredPath + intake.NoticeSuffix
	hasNotice := present(notice)
	to, err := f.Reserve(dir, e.Name, hasNotice || after.Verdict == dossier.VerdictRejected)
	if err != nil {
		return p, nil, fmt.Errorf("destination of document %d: %w", e.ID, err)
	}
	p.to = to
	if hasNotice {
		p.noticeFrom, p.noticeTo = notice, to+intake.NoticeSuffix
	}
	return p, func() { f.Release(to) }, nil
}

// applyMove moves a recorded decision's file (and its notice file) and
// marks the decision done. It is idempotent, so Recover can run it again
// after a kill at any point: a file already at its destination is not
// moved twice; a complete copy whose original was not yet removed
// finishes the move; a destination taken meanwhile by another file gets a
// free name instead. It returns where the file rests ("" when it could
// not be moved: the decision stays to be finished at the next start).
func (s *Service) applyMove(ctx context.Context, m ledger.Move) string {
	log := s.cfg.Log.With().Int64("id", m.DocumentID).Int64("decision", m.DecisionID).Logger()
	final, err := s.moveOnce(m.FromPath, m.ToPath, m.Name, m.Verdict == dossier.VerdictRejected)
	if errors.Is(err, errGone) {
		// Someone removed the file (a unit tidying 退回): the decision
		// stands; nothing is left to move, as the daemon's recovery does.
		log.Error().Str("file", m.FromPath).Msg("decided file is neither at its place nor at its destination")
		final, err = m.ToPath, nil
	}
	if err != nil {
		log.Error().Err(err).Str("stored", m.ToPath).Msg("move decided file; retried at next start")
		return ""
	}
	crashPoint("moved")
	if m.NoticeFrom != "" && present(m.NoticeFrom) {
		nt := final + intake.NoticeSuffix
		if err := intake.Move(m.NoticeFrom, nt); err != nil && !errors.Is(err, intake.ErrExists) {
			log.Error().Err(err).Msg("move notice file with its document")
		} else if errors.Is(err, intake.ErrExists) {
			log.Warn().Str("notice_file", nt).Msg("a notice file is already beside the destination; the old one stays")
		}
	}
	if err := s.cfg.Ledger.DecisionDone(ctx, m, final, s.cfg.Clock()); err != nil && !errors.Is(err, ledger.ErrWrongState) {
		log.Error().Err(err).Msg("mark decision done; finished at next start")
		return final
	}
	log.Info().Str("stored", final).Msg("decided file moved")
	return final
}

// moveOnce moves from to to, or finds it done already.
func (s *Service) moveOnce(from, to, name string, withNotice bool) (string, error) {
	if from == to {
		return to, nil
	}
	if err := s.cfg.Folders.EnsureDir(filepath.Dir(to)); err != nil {
		return "", err
	}
	if !present(from) {
		if present(to) {
			return to, nil // moved before a kill
		}
		return "", fmt.Errorf("move %s: %w", name, errGone)
	}
	err := intake.Move(from, to)
	if !errors.Is(err, intake.ErrExists) {
		return to, err
	}
	if sameFile(from, to) || sameBytes(from, to) { // a move cut short
		return to, os.Remove(from)
	}
	alt, err := s.cfg.Folders.Reserve(filepath.Dir(to), name, withNotice)
	if err != nil {
		return "", err
	}
	defer s.cfg.Folders.Release(alt)
	return alt, intake.Move(from, alt)
}

// Recover finishes the decisions a killed process left recorded but not
// applied: each file is moved once and its decision marked done. The
// notice was enqueued with the decision and is not enqueued again.
func (s *Service) Recover(ctx context.Context) error {
	if s.cfg.Folders == nil {
		return nil
	}
	moves, err := s.cfg.Ledger.Moves(ctx)
	if err != nil {
		return fmt.Errorf("recover decisions: %w", err)
	}
	for _, m := range moves {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		s.cfg.Log.Info().Int64("decision", m.DecisionID).Int64("id", m.DocumentID).Msg("finishing a decision left by the last run")
		unlock := s.lock(m.DocumentID)
		s.applyMove(ctx, m)
		unlock()
	}
	return nil
}

// RetryMoves finishes, while the daemon runs, the decisions whose move
// failed (a destination folder briefly unreachable) or that another
// process left: those already waiting at the previous call, so that a
// decision being applied right now is not touched. Call it on a tick.
func (s *Service) RetryMoves(ctx context.Context) {
	if s.cfg.Folders == nil {
		return
	}
	moves, err := s.cfg.Ledger.Moves(ctx)
	if err != nil {
		s.cfg.Log.Error().Err(err).Msg("read decisions left unapplied")
		return
	}
	s.mu.Lock()
	prev := s.waiting
	s.waiting = map[int64]bool{}
	for _, m := range moves {
		s.waiting[m.DecisionID] = true
	}
	s.mu.Unlock()
	for _, m := range moves {
		if !prev[m.DecisionID] || ctx.Err() != nil {
			continue
		}
		unlock := s.lock(m.DocumentID)
		s.applyMove(ctx, m)
		unlock()
	}
}

func present(p string) bool {
	if p == "" {
		return false
	}
	_, err := os.Lstat(p)
	return err == nil
}

func sameFile(a, b string) bool {
	fa, err1 := os.Lstat(a)
	fb, err2 := os.Lstat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

func sameBytes(a, b string) bool {
	fa, err1 := os.Lstat(a)
	fb, err2 := os.Lstat(b)
	if err1 != nil || err2 != nil || !fa.Mode().IsRegular() || !fb.Mode().IsRegular() || fa.Size() != fb.Size() {
		return false
	}
	ha, err1 := intake.Hash(a)
	hb, err2 := intake.Hash(b)
	return err1 == nil && err2 == nil && ha == hb
}

// crashPoint kills the process at a named point when the test
// environment asks for it (DOSSIER_TEST_KILL_AT=recorded|moved): the
// crash-safety tests kill a real child process there, as a power cut
// would, to check that the next start applies the decision exactly once.
func crashPoint(at string) {
	if v := os.Getenv("DOSSIER_TEST_KILL_AT"); v != "" && v == at {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
}
