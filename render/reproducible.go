package render

import (
	"bytes"
	"regexp"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

var (
	reModDate = regexp.MustCompile(`/(?:ModDate|CreationDate) ?\(D:[^)]*\)`)
	reID      = regexp.MustCompile(`/ID ?\[ ?<[0-9A-Fa-f]*> ?<[0-9A-Fa-f]*> ?\]`)
	reHex     = regexp.MustCompile(`<[0-9A-Fa-f]*>`)
)

// reproducible replaces pdfcpu's time-based ModDate and file ID in place,
// keeping every byte offset (so the xref table stays right): a value of
// another length is left alone rather than corrupting the file.
func reproducible(pdf []byte, fileID string, date time.Time) {
	for _, loc := range reModDate.FindAllIndex(pdf, -1) {
		m := pdf[loc[0]:loc[1]]
		prefix := m[:bytes.IndexByte(m, '(')]
		want := append(append([]byte{}, prefix...), "("+types.DateString(date.In(time.Local))+")"...)
		if len(want) != len(m) {
			want = append(append([]byte{}, prefix...), "("+types.DateString(date.UTC())+")"...)
		}
		if len(want) == len(m) {
			copy(m, want)
		}
	}
	for _, loc := range reID.FindAllIndex(pdf, -1) {
		m := pdf[loc[0]:loc[1]]
		for _, h := range reHex.FindAllIndex(m, -1) {
			n := h[1] - h[0] - 2
			id := fileID
			for len(id) < n {
				id += fileID
			}
			copy(m[h[0]+1:h[1]-1], id[:n])
		}
	}
}
