//go:build linux

package watcher

import "golang.org/x/sys/unix"

// networkMagic maps statfs f_type values of file systems on which inotify
// sees nothing written by other machines.
var networkMagic = map[uint32]string{
	0x6969:     "nfs",
	0x517b:     "smb",
	0xff534d42: "cifs",
	0xfe534d42: "smb2",
	0x65735546: "fuse",
	0x01021997: "9p",
	0x5346414f: "afs",
	0x73757245: "coda",
	0x564c:     "ncp",
	0x00c36400: "ceph",
}

// IsNetworkFS reports whether path lives on a network or FUSE file system,
// and its name ("nfs", "cifs", "smb2", "fuse", …). It answers false when
// the file system cannot be identified.
func IsNetworkFS(path string) (bool, string) {
	var st unix.Statfs_t
	if err := unix.Statfs(path, &st); err != nil {
		return false, ""
	}
	name, ok := networkMagic[uint32(st.Type)]
	return ok, name
}

// openFlags make the readability check refuse links and not block on fifos.
const openFlags = unix.O_NOFOLLOW | unix.O_NONBLOCK
