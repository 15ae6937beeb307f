package daemon

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"dossier"
	"dossier/extract"
	"dossier/ledger"
	"dossier/notify"
	"dossier/process"
	"dossier/watcher"
)

var testRegistry = dossier.Registry{Teams: []dossier.Team{
	{ID: "M11", Level: dossier.LevelMunicipal, Name: "草莓设施高效生产专家服务团", Unit: "上海市农业科学院", Contacts: []string{"m11@example.org"}},
	{ID: "N1", Level: dossier.LevelNational, Name: "国家重大慢病全生命周期健康管理专家服务团", Unit: "上海交通大学医学院附属瑞金医院"},
	{ID: "M2", Level: dossier.LevelMunicipal, Name: "智能制造专家服务团", Unit: "上海某大学"},
}}

// testConfig is a daemon on dirs with a short settle.
func testConfig(inboxDir, dataDir string, settle time.Duration) Config {
	return Config{
		Inbox: inboxDir, Data: dataDir,
		Watch:     watcher.Options{Mode: watcher.ModeEvents, Settle: settle, RescanInterval: 2 * time.Second, PollInterval: time.Second},
		Workers:   2,
		Schedule:  "off",
		Templates: notify.DefaultTemplates(),
		Notify:    notify.Config{Poll: 200 * time.Millisecond},
		Grace:     5 * time.Second,
	}
}

func newDaemon(t testing.TB, cfg Config, log io.Writer) *Daemon {
	t.Helper()
	return newDaemonWith(t, cfg, log, nil)
}

// newDaemonWith is newDaemon with the evaluator set up by with (nil: as it is).
func newDaemonWith(t testing.TB, cfg Config, log io.Writer, with func(*process.Evaluator)) *Daemon {
	t.Helper()
	ext, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if log == nil {
		log = io.Discard
	}
	ev := process.New(ext, testRegistry, dossier.DefaultProgramme(), 50<<20)
	if with != nil {
		with(ev)
	}
	d, err := New(cfg, ev, testRegistry, dossier.DefaultProgramme(), zerolog.New(log))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pngBytes is a small PNG unique to seed.
func pngBytes(seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 64 {
		img.Set(i%8, i/8, color.RGBA{uint8(seed), uint8(seed >> 8), uint8(i), 255})
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// drop writes a file into the inbox atomically (temp name, then rename),
// as a copy tool that writes "x.part" and renames would.
func drop(t testing.TB, inboxDir, rel string, data []byte) {
	t.Helper()
	if err := dropFile(inboxDir, rel, data); err != nil {
		t.Fatal(err)
	}
}

// dropFile is drop for a goroutine: it returns the error.
func dropFile(inboxDir, rel string, data []byte) error {
	p := filepath.Join(inboxDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp := p + ".part"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// fileSet is n submissions of mixed types, each with unique content.
type sub struct {
	rel  string
	data []byte
}

func fileSet(n int, rng *rand.Rand) []sub {
	teams := []string{"M11", "N1", "M2", "", "草莓设施高效生产专家服务团"}
	var out []sub
	for i := range n {
		team := teams[rng.IntN(len(teams))]
		dir := team
		if dir != "" {
			dir += "/"
		}
		var s sub
		switch i % 4 {
		case 0, 1:
			s = sub{fmt.Sprintf("%s照片 %03d (现场).png", dir, i), pngBytes(i + 1)}
		case 2:
			s = sub{fmt.Sprintf("%s报告#%03d.pdf", dir, i), []byte(fmt.Sprintf("not a pdf %d %d", i, rng.Int()))}
		default:
			s = sub{fmt.Sprintf("%s说明 %03d.txt", dir, i), []byte(fmt.Sprintf("text %d", i))}
		}
		out = append(out, s)
	}
	return out
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func serve(t testing.TB, d *Daemon) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Serve(ctx) }()
	return func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}
}

// intakeStats is what a load run measured: files per second from the
// first drop to the last decision, and each file's drop-to-decision
// latency beyond the settle time, sorted.
type intakeStats struct {
	perSecond float64
	span      time.Duration
	lat       []time.Duration
}

func measure(es []ledger.Entry, dropped map[string]time.Time, settle time.Duration) intakeStats {
	var st intakeStats
	var first, last time.Time
	for _, e := range es {
		at := dropped[e.Rel]
		st.lat = append(st.lat, e.Doc.Decided.Sub(at)-settle)
		if first.IsZero() || at.Before(first) {
			first = at
		}
		if e.Doc.Decided.After(last) {
			last = e.Doc.Decided
		}
	}
	slices.Sort(st.lat)
	st.span = last.Sub(first)
	st.perSecond = float64(len(es)) / st.span.Seconds()
	return st
}

// q is the latency at quantile p (0…1).
func (st intakeStats) q(p float64) time.Duration {
	if len(st.lat) == 0 {
		return 0
	}
	return st.lat[int(p*float64(len(st.lat)-1))]
}
