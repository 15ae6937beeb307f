package render

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// underlayDesc scales an original page into the box between the header
// band and the footer, centred, unrotated.
const underlayDesc = "scalefactor:0.86 rel, position:c, offset:0 -4, rotation:0, opacity:1"

// underlayBatch bounds how many originals pdfcpu holds at once.
const underlayBatch = 64

// placeUnderlays puts each original page under its package page with
// pdfcpu (a PDF watermark below the content), then makes the output
// reproducible: pdfcpu stamps the current time into ModDate and the file
// ID, which are replaced by values derived from the inputs.
func placeUnderlays(pdf []byte, under []underlay, fileID string, date time.Time) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfcpu panic: %v", r)
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.WriteObjectStream = false
	conf.WriteXRefStream = false
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("read package: %w", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("count package pages: %w", err)
	}
	files := map[string][]byte{}
	for start := 0; start < len(under); {
		m := map[int]*model.Watermark{}
		clear(files)
		end := start
		for end < len(under) && (len(files) < underlayBatch || files[under[end].file] != nil) {
			u := under[end]
			data, ok := files[u.file]
			if !ok {
				if data, err = os.ReadFile(u.file); err != nil {
					return nil, fmt.Errorf("read original: %w", err)
				}
				files[u.file] = data
			}
			wm, err := pdfcpu.ParsePDFWatermarkDetails("", underlayDesc, false, types.POINTS)
			if err != nil {
				return nil, fmt.Errorf("describe underlay: %w", err)
			}
			wm.PDF = bytes.NewReader(data)
			wm.PdfPageNrSrc = u.srcPage
			m[u.page] = wm
			end++
		}
		if err := pdfcpu.AddWatermarksMap(ctx, m); err != nil {
			return nil, fmt.Errorf("place pages %d-%d: %w", under[start].page, under[end-1].page, err)
		}
		start = end
	}
	var buf bytes.Buffer
	if err := api.WriteContext(ctx, &buf); err != nil {
		return nil, fmt.Errorf("write package: %w", err)
	}
	return normalizeObjectOrder(reproducible(buf.Bytes(), fileID, date)), nil
}

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
