package daemon

import "sync"

// keyedMutex is a lock per key (a SHA-256), created on demand and dropped
// when nobody holds or waits for it.
type keyedMutex struct {
	mu    sync.Mutex
	locks map[string]*keyedLock
}

type keyedLock struct {
	mu  sync.Mutex
	ref int
}

func (k *keyedMutex) Lock(key string) {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = map[string]*keyedLock{}
	}
	l := k.locks[key]
	if l == nil {
		l = &keyedLock{}
		k.locks[key] = l
	}
	l.ref++
	k.mu.Unlock()
	l.mu.Lock()
}

func (k *keyedMutex) Unlock(key string) {
	k.mu.Lock()
	l := k.locks[key]
	l.ref--
	if l.ref == 0 {
		delete(k.locks, key)
	}
	k.mu.Unlock()
	l.mu.Unlock()
}
