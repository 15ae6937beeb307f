package daemon

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dossier"
)

func TestOnceStatusRemindersConsolidate(t *testing.T) {
	root := t.TempDir()
	inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	d := newDaemon(t, testConfig(inboxDir, dataDir, 200*time.Millisecond), nil)
	defer d.Close()
	drop(t, inboxDir, "M11/现场照片.png", pngBytes(1))
	drop(t, inboxDir, "N1/审计报告.pdf", []byte("%PDF-1.4 truncated"))
	drop(t, inboxDir, "无名.txt", []byte("?"))
	ctx := context.Background()
	loc := dossier.DefaultProgramme().Location()
	now := time.Date(2026, 11, 18, 10, 0, 0, 0, loc) // in the D003 window
	for range 2 {
		if err := d.Once(ctx, now); err != nil {
			t.Fatal(err)
		}
	}
	if n := doneCount(d); n != 3 {
		t.Fatalf("%d done, want 3", n)
	}
	views, err := d.Status(ctx, now)
	if err != nil || len(views) != len(testRegistry.Teams) {
		t.Fatalf("status: %d views, %v", len(views), err)
	}
	if docs := views[1].Documents; len(docs) != 1 || docs[0].Verdict != dossier.VerdictRejected || views[1].Complete {
		t.Errorf("N1 view: %+v", views[1])
	}
	var reminders, undelivered int
	db := d.led.DB()
	db.QueryRow(`SELECT count(*) FROM notices WHERE type = 'reminder'`).Scan(&reminders)
	db.QueryRow(`SELECT count(*) FROM notice_deliveries WHERE delivered_at IS NULL`).Scan(&undelivered)
	if reminders != len(testRegistry.Teams) || undelivered != 0 {
		t.Errorf("%d reminders (want one per team after two runs the same day), %d undelivered", reminders, undelivered)
	}
	res, err := d.Consolidate(ctx, now, "")
	if err != nil {
		t.Fatal(err)
	}
	last, ok, _ := d.led.LastConsolidation(ctx)
	if !ok || last.Dir != res.Dir || res.Pages == 0 {
		t.Errorf("consolidation %+v recorded as %+v", res, last)
	}
	// A missed nightly run is made up at start; a run after the last slot is not repeated.
	d.sched = schedule{on: true, hour: 2}
	d.consolidateIfMissed(ctx, now.Add(time.Hour))
	var runs int
	db.QueryRow(`SELECT count(*) FROM consolidations`).Scan(&runs)
	if runs != 1 {
		t.Errorf("%d consolidation runs, want 1 (the 02:00 slot was already covered)", runs)
	}
	d.consolidateIfMissed(ctx, now.Add(24*time.Hour))
	db.QueryRow(`SELECT count(*) FROM consolidations`).Scan(&runs)
	if runs != 2 {
		t.Errorf("%d consolidation runs, want 2 (the next night's slot was missed)", runs)
	}
}

func TestSchedule(t *testing.T) {
	loc := dossier.DefaultProgramme().Location()
	s, err := parseSchedule("02:00")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		now        time.Time
		last, next time.Time
	}{
		{"before the slot", time.Date(2026, 11, 18, 1, 0, 0, 0, loc), time.Date(2026, 11, 17, 2, 0, 0, 0, loc), time.Date(2026, 11, 18, 2, 0, 0, 0, loc)},
		{"after the slot", time.Date(2026, 11, 18, 3, 0, 0, 0, loc), time.Date(2026, 11, 18, 2, 0, 0, 0, loc), time.Date(2026, 11, 19, 2, 0, 0, 0, loc)},
		{"utc clock", time.Date(2026, 11, 17, 19, 0, 0, 0, time.UTC), time.Date(2026, 11, 18, 2, 0, 0, 0, loc), time.Date(2026, 11, 19, 2, 0, 0, 0, loc)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.last(tt.now, loc); !got.Equal(tt.last) {
				t.Errorf("last %v, want %v", got, tt.last)
			}
			if got := s.next(tt.now, loc); !got.Equal(tt.next) {
				t.Errorf("next %v, want %v", got, tt.next)
			}
		})
	}
	for _, bad := range []string{"25:00", "2am", ""} {
		if _, err := parseSchedule(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
