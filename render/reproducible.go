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
func reproducible(pdf []byte, fileID string, date time.Time) []byte {
	pdf = reModDate.ReplaceAllFunc(pdf, func(m []byte) []byte {
		prefix := m[:bytes.IndexByte(m, '(')]
		want := append(append([]byte{}, prefix...), "("+types.DateString(date.In(time.Local))+")"...)
		if len(want) != len(m) {
			want = append(append([]byte{}, prefix...), "("+types.DateString(date.UTC())+")"...)
		}
		if len(want) != len(m) {
			return m
		}
		return want
	})
	return reID.ReplaceAllFunc(pdf, func(m []byte) []byte {
		return reHex.ReplaceAllFunc(m, func(h []byte) []byte {
			n := len(h) - 2
			id := fileID
			for len(id) < n {
				id += fileID
			}
			return []byte("<" + id[:n] + ">")
		})
	})
}
