package service

import (
	"sync"

	"github.com/rs/zerolog"

	"time"

	"dossier"
)

// Service is the shared layer over the ledger and the folders.
type Service struct {
	cfg   Config
	locks sync.Map // document id → *sync.Mutex
	mu    sync.Mutex
	wakeF func()
	// waiting are the decisions seen unapplied at the last RetryMoves.
	waiting map[int64]bool
	base    zerolog.Logger // the process's logger, for the parts that name their own component
}

// OnNotice sets what to call once a decision has enqueued a notice (the
// daemon's Notifier.Wake), so it is delivered at once.
func (s *Service) OnNotice(f func()) {
	s.mu.Lock()
	s.wakeF = f
	s.mu.Unlock()
}

func (s *Service) wake() {
	s.mu.Lock()
	f := s.wakeF
	s.mu.Unlock()
	if f == nil {
		f = s.cfg.Wake
	}
	if f != nil {
		f()
	}
}

// New returns a Service. cfg.Ledger is required.
func New(cfg Config) *Service {
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	base := cfg.Log
	cfg.Log = cfg.Log.With().Str("component", "service").Logger()
	return &Service{cfg: cfg, base: base}
}

// Registry is the year's teams.
func (s *Service) Registry() dossier.Registry { return s.cfg.Registry }

// Programme is the year's notice in numbers.
func (s *Service) Programme() dossier.Programme { return s.cfg.Programme }

func (s *Service) lock(id int64) func() {
	m, _ := s.locks.LoadOrStore(id, &sync.Mutex{})
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}
