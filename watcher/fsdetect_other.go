//go:build !linux

package watcher

// IsNetworkFS cannot identify file systems on this platform and answers
// false; set Mode "poll" for network shares there.
func IsNetworkFS(path string) (bool, string) { return false, "" }

const openFlags = 0
