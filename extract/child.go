package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Child reads files in child processes — dossier re-executing itself as a
// worker (`dossier __worker`, see ServeWorker) — so that whatever a hostile
// document makes a parser take, the daemon stays small: a worker limits
// its own address space (RLIMIT_AS) and CPU time before it reads a byte,
// and is killed (its process group) at the time-out, which frees
// everything it held. A file whose reads killed or timed out the worker
// twice is set aside as F005 (the worker's count of unfinished reads, kept
// under the data folder, survives the kill). Workers are kept for the next
// file (PDFium's start-up costs about a second) and replaced after
// maxServed files or any failure. Safe for concurrent use: at most
// Workers run at once; a file waiting longer than its time-out for one is
// our own trouble, retried.
type Child struct {
	// Command makes a worker's command (the same binary with "__worker"
	// and the configuration flags); its pipes and process attributes are
	// set by Child.
	Command func(ctx context.Context) *exec.Cmd
	// Timeout is one file's time-out inside the worker; the worker is
	// killed Grace after it (PDFium's start-up, a call that ignores its
	// context). Defaults 60 s and 30 s.
	Timeout, Grace time.Duration
	slots          chan *worker // idle workers, or nil for a slot with none running
	// AttemptsDir is where the workers count the reads of a file that did
	// not end (their Options.TmpDir's "attempts"); "" counts in the
	// workers only.
	AttemptsDir string
}

// maxServed is how many files a worker reads before it is replaced, which
// returns whatever memory its parsers kept.
const maxServed = 100

// crashCount is how many reads of the file at path the workers' attempts
// markers hold before a read (-1: not counted here).
func (c *Child) crashCount(path string) int {
	if c.AttemptsDir == "" {
		return -1
	}
	key, err := fileKey(path)
	if err != nil {
		return -1
	}
	return attempts{dir: c.AttemptsDir}.count(key)
}

// countCrash makes sure a read whose worker died counts toward the poison
// limit: the worker bumps the marker before it reads, but a worker that
// dies before getting there (out of memory while starting the read) does
// not, and the file would then be re-read for ever.
func (c *Child) countCrash(path string, before int) {
	if before < 0 {
		return
	}
	key, err := fileKey(path)
	if err != nil {
		return
	}
	a := attempts{dir: c.AttemptsDir}
	if a.count(key) <= before {
		a.set(key, before+1)
	}
}

// NewChild returns a Child running at most workers workers at once.
func NewChild(command func(ctx context.Context) *exec.Cmd, workers int, timeout time.Duration) *Child {
	if workers <= 0 {
		workers = DefaultWorkers
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	c := &Child{Command: command, Timeout: timeout, Grace: 30 * time.Second, slots: make(chan *worker, workers)}
	for range workers {
		c.slots <- nil
	}
	return c
}

// Close stops the idle workers (a busy one ends with its file).
func (c *Child) Close() error {
	for {
		select {
		case w := <-c.slots:
			if w != nil {
				w.stop()
			}
			defer func() { c.slots <- nil }()
		default:
			return nil
		}
	}
}

// errWorkerDied marks a worker that ended without an answer: killed by
// the kernel (memory), by its CPU limit or at the time-out.
var errWorkerDied = errors.New("worker ended without an answer")

// maxAnswer bounds one answer of a worker.
const maxAnswer = 64 << 20

// worker is one running child.
type worker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *json.Decoder
	stderr *limitedBuffer
	served int
}

func (c *Child) start() (*worker, error) {
	cmd := c.Command(context.Background())
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	w := &worker{cmd: cmd, in: in, stderr: &limitedBuffer{max: 64 << 10}}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w.out = json.NewDecoder(io.LimitReader(out, maxAnswer*maxServed))
	return w, nil
}

// kill ends the worker and its process group at once.
func (w *worker) kill() {
	syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
	w.cmd.Wait()
}

// stop lets an idle worker end (its stdin closed), killing it if it lingers.
func (w *worker) stop() {
	w.in.Close()
	done := make(chan struct{})
	go func() { w.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

// ExtractAs reads the file at path in a worker; see Extractor.ExtractAs.
func (c *Child) ExtractAs(ctx context.Context, path, name string) (Result, error) {
	before := c.crashCount(path)
	if before >= maxAttempts { // the workers would say so too, if they lived to
		return Result{}, poisonError(before)
	}
	var w *worker
	wait := time.NewTimer(c.Timeout)
	defer wait.Stop()
	select {
	case w = <-c.slots:
	case <-ctx.Done():
		return Result{}, ctx.Err()
	case <-wait.C:
		return Result{}, ownTrouble("read in a worker", errors.New("no worker free in time"))
	}
	var err error
	if w == nil {
		if w, err = c.start(); err != nil {
			c.slots <- nil
			return Result{}, ownTrouble("start a parse worker", err)
		}
	}
	a, err := c.ask(ctx, w, workerRequest{Path: path, Name: name})
	if err != nil {
		w.kill()
		c.slots <- nil
		if ctx.Err() != nil {
			return Result{}, ctx.Err() // stopping: the file stays claimed
		}
		c.countCrash(path, before)
		return Result{}, ownTrouble("read in a worker", fmt.Errorf("%w: %w: %v (%s)", errWorkerDied, errReadTimeout, err, lastLine(w.stderr.String())))
	}
	if w.served++; w.served >= maxServed {
		go w.stop()
		w = nil
	}
	c.slots <- w
	res, derr := a.decode()
	switch {
	case derr == nil:
		health.clear()
	case errors.Is(derr, ErrOwnTrouble):
		health.set(derr)
	case !isWireSentinel(derr):
		return Result{}, ownTrouble("read worker answer", derr)
	}
	return res, derr
}

// ask sends one request and waits for its answer, at most Timeout+Grace.
func (c *Child) ask(ctx context.Context, w *worker, req workerRequest) (workerAnswer, error) {
	line, _ := json.Marshal(req)
	if _, err := w.in.Write(append(line, '\n')); err != nil {
		return workerAnswer{}, fmt.Errorf("send request: %w", err)
	}
	type answer struct {
		a   workerAnswer
		err error
	}
	got := make(chan answer, 1)
	go func() {
		var a workerAnswer
		err := w.out.Decode(&a)
		got <- answer{a, err}
	}()
	t := time.NewTimer(c.Timeout + c.Grace)
	defer t.Stop()
	select {
	case r := <-got:
		if r.err == nil && r.a.Result == nil && r.a.Error == "" {
			r.err = errors.New("empty answer")
		}
		return r.a, r.err
	case <-t.C:
		return workerAnswer{}, fmt.Errorf("no answer in %s: killed", c.Timeout+c.Grace)
	case <-ctx.Done():
		return workerAnswer{}, ctx.Err()
	}
}

func isWireSentinel(err error) bool {
	for _, s := range wireSentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

type workerRequest struct {
	Path string `json:"path"`
	Name string `json:"name"`
}

// WorkerLimits are what a worker may take.
type WorkerLimits struct {
	Memory int64         // RLIMIT_AS in bytes (limits.worker_memory); 0 = none
	CPU    time.Duration // RLIMIT_CPU; 0 = none
}

// SetLimits applies l to the calling process; a worker calls it first.
func (l WorkerLimits) SetLimits() error {
	if l.Memory > 0 {
		if err := unix.Setrlimit(unix.RLIMIT_AS, &unix.Rlimit{Cur: uint64(l.Memory), Max: uint64(l.Memory)}); err != nil {
			return fmt.Errorf("limit worker memory: %w", err)
		}
	}
	if l.CPU > 0 {
		s := uint64(l.CPU/time.Second) + 1
		if err := unix.Setrlimit(unix.RLIMIT_CPU, &unix.Rlimit{Cur: s, Max: s + 5}); err != nil {
			return fmt.Errorf("limit worker cpu time: %w", err)
		}
	}
	return nil
}

// ServeWorker is the worker's side: it reads requests from r, one JSON
// object each, reads each file with ex and writes each answer to w as one
// JSON line, until r ends.
func ServeWorker(ctx context.Context, r io.Reader, w io.Writer, ex *Extractor) error {
	dec := json.NewDecoder(r)
	enc := json.NewEncoder(w)
	for {
		var req workerRequest
		if err := dec.Decode(&req); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("read worker request: %w", err)
		}
		res, err := ex.ExtractAs(ctx, req.Path, req.Name)
		a, aerr := answerOf(res, err)
		if aerr != nil {
			a = workerAnswer{Error: aerr.Error(), Is: []string{"owntrouble"}}
		}
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("write worker answer: %w", err)
		}
	}
}

// limitedBuffer keeps at most max bytes; safe for concurrent use.
type limitedBuffer struct {
	mu sync.Mutex
	bytes.Buffer
	max int
}

func (b *limitedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.Buffer.String()
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - b.Len(); room < len(p) {
		if room > 0 {
			b.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return b.Buffer.Write(p)
}
