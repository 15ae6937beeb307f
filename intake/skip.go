package intake

import (
	"io/fs"
	"path"
	"strings"
)

// RejectDir is the folder in the inbox where rejected files go back.
const RejectDir = "退回"

// NoticeSuffix is appended to a rejected file's name for its notice.
const NoticeSuffix = ".退回说明.txt"

// skipDirs are folders that hold no submissions: operating-system and NAS
// litter, and recycle bins.
var skipDirs = map[string]bool{
	"@eadir": true, "__macosx": true, "$recycle.bin": true, "#recycle": true, "#snapshot": true,
	"system volume information": true, "lost+found": true, ".trash": true, ".trashes": true,
}

// skipFiles are files that are never submissions.
var skipFiles = map[string]bool{"thumbs.db": true, "desktop.ini": true, ".ds_store": true, "ehthumbs.db": true}

// tempSuffixes mark files still being written by a copy tool or editor.
var tempSuffixes = []string{".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".filepart", ".swp", "~"}

// Skip reports what in the inbox is not a submission: hidden files and
// folders, temporary and lock files (~$x.xlsx, .~lock.x#, *.tmp, *.part…),
// operating-system and NAS litter (Thumbs.db, .DS_Store, desktop.ini,
// @eaDir, __MACOSX), dossier's own 退回 folder and notice files. rel is
// slash-separated and relative to the inbox; d may be nil.
func Skip(rel string, d fs.DirEntry) bool {
	rel = strings.TrimPrefix(path.Clean("/"+rel), "/")
	if rel == RejectDir || strings.HasPrefix(rel, RejectDir+"/") {
		return true
	}
	name := path.Base(rel)
	low := strings.ToLower(name)
	// Office and WPS lock files are "~$name"; a name merely starting with
	// "~" ("~x.pdf") is a submission like any other (Word's "~WRL0001.tmp"
	// goes by its .tmp suffix).
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return true
	}
	if d != nil && d.IsDir() {
		return skipDirs[low] || strings.HasPrefix(low, ".trash-")
	}
	if skipFiles[low] || strings.HasSuffix(name, NoticeSuffix) || strings.HasSuffix(name, "#") {
		return true
	}
	for _, s := range tempSuffixes {
		if strings.HasSuffix(low, s) {
			return true
		}
	}
	return false
}
