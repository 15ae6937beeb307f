package daemon

import (
	"context"
	"dossier/ledger"
	"errors"
	"fmt"
	"time"

	"dossier"
	"dossier/rules"
)

// ErrSchedule reports a bad render schedule.
var ErrSchedule = errors.New("daemon: invalid schedule")

// schedule is the nightly consolidation's time of day; off when !on.
type schedule struct {
	on         bool
	hour, mins int
}

func parseSchedule(s string) (schedule, error) {
	if s == "off" || s == "none" {
		return schedule{}, nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return schedule{}, fmt.Errorf("render.schedule %q: write the time of day as HH:MM, like 02:00, or off: %w", s, ErrSchedule)
	}
	return schedule{on: true, hour: t.Hour(), mins: t.Minute()}, nil
}

// last is the latest scheduled instant at or before now, in loc.
func (s schedule) last(now time.Time, loc *time.Location) time.Time {
	n := now.In(loc)
	t := time.Date(n.Year(), n.Month(), n.Day(), s.hour, s.mins, 0, 0, loc)
	if t.After(n) {
		t = time.Date(n.Year(), n.Month(), n.Day()-1, s.hour, s.mins, 0, 0, loc)
	}
	return t
}

// next is the first scheduled instant after now.
func (s schedule) next(now time.Time, loc *time.Location) time.Time {
	l := s.last(now, loc)
	return time.Date(l.Year(), l.Month(), l.Day()+1, s.hour, s.mins, 0, 0, loc)
}

// calendarTick is how often the calendar looks at reminders.
const calendarTick = time.Minute

// calendar runs reminders and the nightly consolidation until ctx ends.
// A consolidation missed while the daemon was down runs at once.
func (d *Daemon) calendar(ctx context.Context, clock func() time.Time) {
	loc := d.prog.Location()
	d.remindLogged(ctx, clock())
	if d.sched.on {
		d.consolidateIfMissed(ctx, clock())
	}
	tick := time.NewTicker(calendarTick)
	defer tick.Stop()
	// One timer for the nightly run, re-armed after each firing (a timer
	// per loop would pile up deferred stops for as long as the daemon runs).
	nightly := time.NewTimer(time.Hour)
	nightly.Stop()
	defer nightly.Stop()
	arm := func() {
		if d.sched.on {
			now := clock()
			nightly.Reset(d.sched.next(now, loc).Sub(now))
		}
	}
	arm()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			d.retryLeftBehind(ctx, clock)
			d.remindLogged(ctx, clock())
		case <-nightly.C:
			d.consolidateIfMissed(ctx, clock())
			arm()
		}
	}
}

func (d *Daemon) remindLogged(ctx context.Context, now time.Time) {
	if err := d.Remind(ctx, now); err != nil && ctx.Err() == nil {
		d.log.Error().Err(err).Msg("reminders")
	}
}

// consolidateIfMissed runs the package when no run started since the last
// scheduled instant.
func (d *Daemon) consolidateIfMissed(ctx context.Context, now time.Time) {
	due := d.sched.last(now, d.prog.Location())
	last, ok, err := d.led.LastConsolidation(ctx)
	if err != nil {
		if ctx.Err() == nil {
			d.log.Error().Err(err).Msg("read last consolidation")
		}
		return
	}
	if ok && !last.Started.Before(due) {
		return
	}
	if !ok && !d.hasDocuments(ctx) {
		return // a first start with nothing received: no empty package
	}
	if _, err := d.Consolidate(ctx, now, ""); err != nil && ctx.Err() == nil {
		d.log.Error().Err(err).Msg("nightly consolidation")
	}
}

// Remind sends the D003 reminder to every team the rules say still lacks
// materials at now: one notice per team per day at most (the ledger's
// reminders table keeps the count across restarts).
func (d *Daemon) Remind(ctx context.Context, now time.Time) error {
	if !rules.Reminding(d.prog, now) {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	views, err := d.Status(ctx, now)
	if err != nil {
		return err
	}
	day := now.In(d.prog.Location()).Format("2006-01-02")
	for _, v := range views {
		if !hasRule(v.Findings, "D003") {
			continue
		}
		if err := d.remindTeam(ctx, v, day, now); err != nil {
			return err
		}
	}
	return nil
}

func (d *Daemon) remindTeam(ctx context.Context, v dossier.TeamView, day string, now time.Time) error {
	subject, body, err := composeReminder(d, v, now)
	if err != nil {
		return err
	}
	to := d.recipients(dossier.Document{TeamID: v.Team.ID})
	n := dossier.Notice{Key: "reminder:" + v.Team.ID + ":" + day, TeamID: v.Team.ID, Type: dossier.NoticeReminder,
		Subject: subject, Body: body, To: to, Cc: d.cc(), Created: now}
	sent, err := d.led.Remind(ctx, v.Team.ID, day, n, d.channels())
	if err != nil {
		return err
	}
	if sent {
		d.log.Info().Str("team", v.Team.ID).Str("day", day).Msg("reminder queued")
	}
	return nil
}

// hasDocuments reports whether any file was decided yet.
func (d *Daemon) hasDocuments(ctx context.Context) bool {
	c, err := d.led.CountStates(ctx)
	return err == nil && c[ledger.StateDone]+c[ledger.StateDecided] > 0
}
