package notify

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"dossier"
)

// memOutbox is an in-memory Outbox for this package's tests (the ledger's
// SQLite outbox is tested against the notifier end to end by the lead).
type memOutbox struct {
	mu   sync.Mutex
	rows []*memRow
	next int64
}

type memRow struct {
	notice    dossier.Notice
	ch        Channel
	attempts  int
	retryAt   time.Time
	delivered bool
	reasons   []string
	uncertain int
	sending   bool
}

var _ Outbox = (*memOutbox)(nil)

// add enqueues a notice on channels, as the ledger does with a decision.
func (o *memOutbox) add(n dossier.Notice, chs ...Channel) dossier.Notice {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.next++
	n.ID = o.next
	for _, c := range chs {
		o.rows = append(o.rows, &memRow{notice: n, ch: c, retryAt: n.Created})
	}
	return n
}

func (o *memOutbox) Due(_ context.Context, now time.Time, limit int) ([]Delivery, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []Delivery
	rows := append([]*memRow(nil), o.rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].retryAt.Before(rows[j].retryAt) })
	for _, r := range rows {
		if !r.delivered && !r.retryAt.After(now) && len(out) < limit {
			out = append(out, Delivery{Notice: r.notice, Channel: r.ch, Attempts: r.attempts, Uncertain: r.uncertain})
		}
	}
	return out, nil
}

func (o *memOutbox) find(id int64, ch Channel) *memRow {
	for _, r := range o.rows {
		if r.notice.ID == id && r.ch == ch {
			return r
		}
	}
	return nil
}

func (o *memOutbox) Delivered(_ context.Context, id int64, ch Channel, _ time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.find(id, ch).delivered = true
	return nil
}

func (o *memOutbox) Failed(_ context.Context, id int64, ch Channel, reason string, retryAt time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.find(id, ch)
	r.attempts++
	r.retryAt = retryAt
	r.reasons = append(r.reasons, reason)
	if r.sending {
		r.uncertain--
		r.sending = false
	}
	return nil
}

func (o *memOutbox) Attempt(_ context.Context, id int64, ch Channel, _ time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.find(id, ch)
	r.uncertain++
	r.sending = true
	return nil
}

func (o *memOutbox) Unsure(_ context.Context, id int64, ch Channel, reason string, retryAt time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.find(id, ch)
	r.attempts++
	r.retryAt = retryAt
	r.reasons = append(r.reasons, reason)
	r.sending = false
	return nil
}

func (o *memOutbox) row(id int64, ch Channel) memRow {
	o.mu.Lock()
	defer o.mu.Unlock()
	return *o.find(id, ch)
}

// A temporary file left by a process killed mid-write is swept on the next
// write to that folder; a fresh one (another write in progress) is kept.
func TestNoticeFileSweepsStaleTemps(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".notice-123.tmp")
	fresh := filepath.Join(dir, ".notice-456.tmp")
	os.WriteFile(stale, []byte("half"), 0o644)
	os.WriteFile(fresh, []byte("half"), 0o644)
	old := time.Now().Add(-2 * staleTemp)
	os.Chtimes(stale, old, old)
	n := dossier.Notice{Subject: "退回", Body: "正文", NoticeFile: filepath.Join(dir, "a.pdf.退回说明.txt")}
	if _, err := writeNoticeFile(n); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temp still there (err %v)", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh temp removed: %v", err)
	}
}

func TestSweepTempsAtStart(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "M11"), 0o755)
	left := filepath.Join(root, "M11", ".notice-9.tmp")
	keep := filepath.Join(root, "M11", "调查表.xlsx.退回说明.txt")
	os.WriteFile(left, []byte("half"), 0o644)
	os.WriteFile(keep, []byte("notice"), 0o644)
	if n := SweepTemps(root); n != 1 {
		t.Fatalf("swept %d, want 1", n)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Fatal("temp file left")
	}
	if _, err := os.Stat(keep); err != nil {
		t.Fatal("notice file removed")
	}
}

func TestNoticeFileReadableByOthers(t *testing.T) {
	dir := t.TempDir()
	p, err := writeNoticeFile(dossier.Notice{Subject: "退回", Body: "正文", NoticeFile: filepath.Join(dir, "a.pdf.退回说明.txt")})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm()&0o044 != 0o044 {
		t.Fatalf("notice file mode %v (%v): staff on the share could not read it", fi.Mode(), err)
	}
}

func TestNoticeFileNeverThroughALink(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "M11")); err != nil {
		t.Skip(err)
	}
	_, err := writeNoticeFile(dossier.Notice{Subject: "退回", Body: "正文", NoticeFile: filepath.Join(root, "M11", "a.pdf.退回说明.txt")})
	if err == nil {
		t.Fatal("notice written through a link")
	}
	if left, _ := os.ReadDir(outside); len(left) != 0 {
		t.Fatalf("wrote outside: %v", left)
	}
}
