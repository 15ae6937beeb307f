package extract

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// The PDFium pool is process-wide: compiling the webassembly module costs
// seconds and hundreds of MB, so it happens once, lazily, on the first PDF.
// The first Extractor's CacheDir and Workers configure it. A failed start
// is not kept: the next PDF after initRetry tries again, so trouble that
// passes (a full disk freed) does not last for the life of the process.
var (
	poolMu      sync.Mutex
	pdfPool     pdfium.Pool
	poolErr     error
	poolErrAt   time.Time
	poolInitDur time.Duration
	// poolInterruptible: the module was compiled with wazero's termination
	// checks, so Kill stops a running call at once (Options.Interruptible).
	poolInterruptible bool
	// initPoolFn starts a pool; tests replace it to fail a start.
	initPoolFn = initPool
)

// initRetry is how long a failed start is reported before the next try.
var initRetry = 10 * time.Second

// pdfiumPool returns the process-wide PDFium pool, initialising it on first
// use. A failure is ErrOwnTrouble. When the compilation cache cannot be
// used (a full or read-only disk), the module is compiled in memory.
func pdfiumPool(cacheDir string, workers int, interruptible bool) (pdfium.Pool, error) {
	poolMu.Lock()
	defer poolMu.Unlock()
	if pdfPool != nil {
		return pdfPool, nil
	}
	if poolErr != nil && time.Since(poolErrAt) < initRetry {
		return nil, poolErr
	}
	start := time.Now()
	p, err := initPoolFn(cacheDir, workers, interruptible)
	if err != nil && cacheDir != "" {
		// The cache is an optimisation: compile in memory instead.
		p, err = initPoolFn("", workers, interruptible)
	}
	if err != nil {
		poolErr, poolErrAt = ownTrouble("start pdfium", err), time.Now()
		return nil, poolErr
	}
	pdfPool, poolErr, poolInterruptible = p, nil, interruptible
	poolInitDur = time.Since(start)
	return pdfPool, nil
}

// PoolInitDuration reports how long the PDFium pool took to initialise
// (module compile, or load from the compilation cache); zero before the
// first PDF.
func PoolInitDuration() time.Duration { return poolInitDur }

// initPool compiles (or loads from cacheDir) the PDFium module and starts
// a pool of workers instances.
//
// interruptible compiles the module with wazero's termination checks
// (WithCloseOnContextDone): a call on a dead context stops at once, but
// every wasm loop iteration pays an indirect call, which made extraction
// about 3× slower. Without it a call can only stop between PDFium calls
// (readPDF checks ctx before each page); see withInstance.
func initPool(cacheDir string, workers int, interruptible bool) (p pdfium.Pool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("initialise pdfium: panic: %v", r)
		}
	}()
	if workers <= 0 {
		workers = 2
	}
	// NewRuntimeConfig picks the optimising compiler on amd64 and arm64
	// (the interpreter elsewhere); the exception-handling feature is needed
	// by PDFium's setjmp/longjmp.
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(interruptible)
	if cacheDir != "" {
		cache, cerr := wazero.NewCompilationCacheWithDir(cacheDir)
		if cerr != nil {
			return nil, fmt.Errorf("open pdfium compilation cache %s: %w", cacheDir, cerr)
		}
		rc = rc.WithCompilationCache(cache)
	}
	p, err = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       workers,
		MaxTotal:      workers,
		ReuseWorkers:  true,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // no host file system: documents go in as bytes
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		return nil, fmt.Errorf("initialise pdfium: %w", err)
	}
	return p, nil
}

// withInstance borrows a PDFium instance and runs fn on it in a goroutine.
// A panic in fn is recovered into ErrCorrupt and the instance discarded.
//
// If ctx ends first, withInstance returns ctx.Err() at once. With an
// interruptible pool the instance is killed, which stops the running call.
// Otherwise the call cannot be stopped inside PDFium: it runs on until its
// current PDFium call returns (fn checks ctx between pages), keeping its
// pool slot, so timed-out work never uses more than Options.Workers
// instances; then the instance goes back to the pool.
func withInstance(ctx context.Context, p pdfium.Pool, fn func(pdfium.Pdfium) error) error {
	inst, err := p.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return ownTrouble("borrow pdfium instance", err)
	}
	type outcome struct {
		err      error
		panicked bool
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				notePanic(r)
				done <- outcome{fmt.Errorf("%w: pdfium panic: %v", ErrCorrupt, r), true}
			}
		}()
		done <- outcome{err: fn(inst)}
	}()
	release := func(o outcome) {
		if o.panicked {
			inst.Kill() // its state is unknown: let the pool make a fresh one
		} else {
			inst.Close()
		}
	}
	select {
	case o := <-done:
		release(o)
		return o.err
	case <-ctx.Done():
		if poolInterruptible {
			inst.Kill()
			go func() { <-done }() // the call sees its module closed and returns soon
		} else {
			go func() { release(<-done) }()
		}
		return ctx.Err()
	}
}
