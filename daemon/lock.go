package daemon

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// ErrBusy is returned by Serve and Once when another process is already
// taking files with the same data folder: two would recover each other's
// files in flight and send their notices twice.
var ErrBusy = errors.New("daemon: the data folder is in use by another dossier process")

// lockData takes the data folder for this process (an advisory lock on
// <data>/dossier.lock, released by the kernel if the process dies).
func lockData(data string) (unlock func(), err error) {
	p := filepath.Join(data, "dossier.lock")
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s): stop the running dossier serve or run --once first", ErrBusy, data)
		}
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	f.Truncate(0)
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// LockData takes the data folder as Serve and Once do, for a command that
// changes files and sends notices outside the daemon (review decide): it
// fails with ErrBusy while a daemon runs, whose notifier and recovery then
// do that part.
func LockData(data string) (unlock func(), err error) { return lockData(data) }
