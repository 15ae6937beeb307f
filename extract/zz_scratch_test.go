package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

func textOnly(inst pdfium.Pdfium, data []byte) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		panic(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, _ := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	for i := 0; i < pc.PageCount; i++ {
		pg, _ := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc.Document, Index: i})
		page := requests.Page{ByReference: &pg.Page}
		tp, _ := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
		cc, _ := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
		inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: cc.Count})
		inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
		inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	}
}

func TestScratchPhases(t *testing.T) {
	dir := os.TempDir() + "/dossier-extract-test-cache"
	files := benchPDFs
	mk := func(close bool) pdfium.Pool {
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).WithCloseOnContextDone(close)
		c, _ := wazero.NewCompilationCacheWithDir(dir)
		rc = rc.WithCompilationCache(c)
		p, err := webassembly.Init(webassembly.Config{MaxIdle: 1, MaxTotal: 1, ReuseWorkers: true, RuntimeConfig: rc, FSConfig: wazero.NewFSConfig()})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, close := range []bool{true, false} {
		p := mk(close)
		inst, _ := p.GetInstance(time.Minute)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			n := 5
			if len(data) > 1<<20 {
				n = 1
			}
			textOnly(inst, data)
			var full, txt time.Duration
			for i := 0; i < n; i++ {
				s := time.Now()
				readPDF(context.Background(), inst, data, 1000)
				full += time.Since(s)
				s = time.Now()
				textOnly(inst, data)
				txt += time.Since(s)
			}
			pt, _ := pdftotextTime(f, n)
			t.Logf("close=%v %-30s full %6.1fms text %6.1fms pdftotext %6.1fms", close, filepath.Base(f), ms(full/time.Duration(n)), ms(txt/time.Duration(n)), ms(pt))
		}
		inst.Close()
		p.Close()
	}
}
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
