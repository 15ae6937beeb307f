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
// The first Extractor's CacheDir and Workers configure it.
var (
	poolOnce    sync.Once
	pdfPool     pdfium.Pool
	poolErr     error
	poolInitDur time.Duration
)

// pdfiumPool returns the process-wide PDFium pool, initialising it on first use.
func pdfiumPool(cacheDir string, workers int) (pdfium.Pool, error) {
	poolOnce.Do(func() {
		start := time.Now()
		pdfPool, poolErr = initPool(cacheDir, workers)
		poolInitDur = time.Since(start)
	})
	return pdfPool, poolErr
}

// PoolInitDuration reports how long the PDFium pool took to initialise
// (module compile, or load from the compilation cache); zero before the
// first PDF.
func PoolInitDuration() time.Duration { return poolInitDur }

func initPool(cacheDir string, workers int) (p pdfium.Pool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("initialise pdfium: panic: %v", r)
		}
	}()
	if workers <= 0 {
		workers = 2
	}
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true) // lets Kill interrupt a runaway call
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
// If ctx ends first the instance is killed (its webassembly module closed,
// interrupting the call) and the pool makes a fresh one.
func withInstance(ctx context.Context, p pdfium.Pool, fn func(pdfium.Pdfium) error) error {
	inst, err := p.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("borrow pdfium instance: %w", err)
	}
	type outcome struct {
		err      error
		panicked bool
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{fmt.Errorf("%w: pdfium panic: %v", ErrCorrupt, r), true}
			}
		}()
		done <- outcome{err: fn(inst)}
	}()
	select {
	case o := <-done:
		if o.panicked {
			inst.Kill() // its state is unknown: let the pool make a fresh one
		} else {
			inst.Close()
		}
		return o.err
	case <-ctx.Done():
		inst.Kill()
		// The call sees its module closed and returns soon; drain in the background.
		go func() { <-done }()
		return ctx.Err()
	}
}
