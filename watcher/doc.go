// Package watcher says "this path is complete and stable". It knows nothing of
// documents: it watches a folder tree (fsnotify on every sub-folder, polling
// on network file systems or when asked, a full rescan at start, every
// RescanInterval and after an event-queue overflow) and hands each regular
// file on once, when no event has touched it for Settle, its size and mtime
// are unchanged across two looks, and it can be opened for reading.
//
// Symbolic links are never followed: a link is handed on with Ready.Symlink
// set, stat'ed with Lstat only, so the consumer can reject it without
// reading its target. Other non-regular files (fifos, sockets, devices) are
// ignored.
//
// A path handed on stays "in flight" until the consumer calls Done; events
// for it are ignored meanwhile, so NAS and antivirus touches never queue a
// file twice.
package watcher
