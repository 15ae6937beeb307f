package desk

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"time"

	"dossier"
	"dossier/extract"
	"dossier/service"
)

// PageDPI is the resolution of page images: an A4 page is about 910×1290
// pixels, legible beside the fields on a 1366×768 screen.
const PageDPI = 110

var errNoImage = errors.New("desk: no page image for this document")

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// pageCache renders PDF pages to PNG once and keeps them under dir by the
// file's SHA-256 and the page number. Renders of one page are shared;
// at most two run at once.
type pageCache struct {
	dir    string
	render RenderPage
	sem    chan struct{}
	mu     sync.Mutex
	flight map[string]*flight
}

type flight struct {
	done chan struct{}
	png  []byte
	err  error
}

func newPageCache(dir string, render RenderPage) *pageCache {
	return &pageCache{dir: dir, render: render, sem: make(chan struct{}, 2), flight: map[string]*flight{}}
}

// get returns page (1-based) of the PDF at path, whose SHA-256 is sha, as PNG.
func (c *pageCache) get(ctx context.Context, sha, path string, page int) ([]byte, error) {
	if c.render == nil || !sha256Hex.MatchString(sha) {
		return nil, errNoImage
	}
	key := fmt.Sprintf("%s-%d.png", sha, page)
	if c.dir != "" {
		if b, err := os.ReadFile(filepath.Join(c.dir, key)); err == nil {
			return b, nil
		}
	}
	c.mu.Lock()
	f, ok := c.flight[key]
	if !ok {
		f = &flight{done: make(chan struct{})}
		c.flight[key] = f
		go c.fill(f, key, path, page)
	}
	c.mu.Unlock()
	select {
	case <-f.done:
		return f.png, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fill renders one page for every request waiting on it; it runs on even
// if the first request goes away, so the next finds the PNG cached.
func (c *pageCache) fill(f *flight, key, path string, page int) {
	defer func() {
		c.mu.Lock()
		delete(c.flight, key)
		c.mu.Unlock()
		close(f.done)
	}()
	c.sem <- struct{}{}
	defer func() { <-c.sem }()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	img, err := c.render(ctx, path, page, PageDPI)
	if err != nil {
		f.err = err
		return
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img); err != nil {
		f.err = fmt.Errorf("encode page %d as PNG: %w", page, err)
		return
	}
	f.png = b.Bytes()
	if c.dir != "" {
		writeAtomic(filepath.Join(c.dir, key), f.png)
	}
}

// writeAtomic writes a cache file through a temporary name, so a reader
// never sees half a PNG. A failure only costs a render next time.
func writeAtomic(path string, b []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".page-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

// docParam reads the {id} of a route: a positive decimal number, nothing else.
func docParam(r *http.Request) (int64, bool) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0 && strconv.FormatInt(id, 10) == s
}

// pageImage serves one page of a PDF document as PNG. The request names
// a document id and a page number; the file is the ledger's, never a path
// from the request.
func (d *Desk) pageImage(w http.ResponseWriter, r *http.Request) {
	id, ok := docParam(r)
	n, err := strconv.Atoi(r.PathValue("page"))
	if !ok || err != nil || n < 1 || strconv.Itoa(n) != r.PathValue("page") {
		http.NotFound(w, r)
		return
	}
	v, err := d.svc.Document(r.Context(), id)
	if err != nil {
		if !errors.Is(err, service.ErrNotFound) {
			d.log.Error().Err(err).Int64("document", id).Msg("page image: read document")
		}
		http.NotFound(w, r)
		return
	}
	doc := v.Doc
	if doc.Format != dossier.FormatPDF || doc.StoredPath == "" || (doc.Pages > 0 && n > doc.Pages) {
		http.NotFound(w, r)
		return
	}
	b, err := d.pages.get(r.Context(), doc.SHA256, doc.StoredPath, n)
	if err != nil {
		switch {
		case errors.Is(err, extract.ErrNoPage), errors.Is(err, errNoImage), r.Context().Err() != nil:
		case errors.Is(err, extract.ErrPassword), errors.Is(err, extract.ErrCorrupt):
			d.log.Warn().Err(err).Int64("document", id).Int("page", n).Msg("page image: the PDF cannot be rendered")
		default:
			d.log.Error().Err(err).Int64("document", id).Int("page", n).Msg("render page image")
		}
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Write(b)
}

// photo serves a photo document's bytes as they are.
func (d *Desk) photo(w http.ResponseWriter, r *http.Request) {
	id, ok := docParam(r)
	if !ok {
		http.NotFound(w, r)
		return
	}
	v, err := d.svc.Document(r.Context(), id)
	if err != nil || v.Doc.StoredPath == "" {
		http.NotFound(w, r)
		return
	}
	ct := map[dossier.Format]string{dossier.FormatJPEG: "image/jpeg", dossier.FormatPNG: "image/png"}[v.Doc.Format]
	if ct == "" {
		http.NotFound(w, r)
		return
	}
	f, err := os.Open(v.Doc.StoredPath)
	if err != nil {
		d.log.Error().Err(err).Int64("document", id).Msg("open photo")
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "private, max-age=86400")
	http.ServeContent(w, r, "", v.Doc.Received, f)
}
