package render

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"dossier"
)

// syntheticInput makes n teams with 4 current documents each: an xlsx
// survey, an audit PDF, a summary PDF and one photo.
func syntheticInput(t testing.TB, n int) Input {
	base := testInput(t)
	var sv, au dossier.Document
	for _, v := range base.Teams {
		if d, ok := v.Current(dossier.KindSurvey); ok && len(d.Fields) > len(sv.Fields) {
			sv = d
		}
		if d, ok := v.Current(dossier.KindAudit); ok && au.Name == "" {
			au = d
		}
	}
	in := Input{Programme: base.Programme, Generated: base.Generated}
	for i := range n {
		src := base.Teams[i%len(base.Teams)]
		v := dossier.TeamView{Team: src.Team, Materials: map[dossier.Kind]dossier.MaterialState{}, Complete: true}
		v.Team.ID = "T" + strconv.Itoa(i+1)
		v.Team.Name = fmt.Sprintf("%s（第%d组）", src.Team.Name, i+1)
		docs := []dossier.Document{sv, au, au, au}
		docs[2].Kind, docs[2].Name, docs[2].StoredPath = dossier.KindSummary, "工作成效总结.pdf", fixture(t, "scan.pdf")
		docs[3].Kind, docs[3].Name, docs[3].Format, docs[3].StoredPath = dossier.KindPhotos, "现场照片.jpg", dossier.FormatJPEG, fixture(t, "photo1.jpg")
		for j := range docs {
			docs[j].SHA256 = fmt.Sprintf("%064x", i*4+j)
			docs[j].Verdict = dossier.VerdictAccepted
			v.Materials[docs[j].Kind] = dossier.MaterialAccepted
		}
		v.Documents = docs
		in.Teams = append(in.Teams, v)
	}
	return in
}

// distinctOriginals gives every document of in its own copy of its
// original, so nothing can be shared between teams the way real,
// different files cannot.
func distinctOriginals(b *testing.B, in Input) {
	dir := b.TempDir()
	for i, v := range in.Teams {
		for j, d := range v.Documents {
			if d.Format != dossier.FormatPDF && d.Format != dossier.FormatJPEG {
				continue
			}
			data, err := os.ReadFile(d.StoredPath)
			if err != nil {
				b.Fatal(err)
			}
			p := filepath.Join(dir, fmt.Sprintf("%d-%d-%s", i, j, filepath.Base(d.StoredPath)))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			in.Teams[i].Documents[j].StoredPath = p
		}
	}
}

func benchmarkConsolidate(b *testing.B, n int, distinct bool) {
	in := syntheticInput(b, n)
	if n == 18 {
		in = testInput(b)
	}
	if distinct {
		distinctOriginals(b, in)
	}
	for i := range b.N {
		dir := b.TempDir()
		r, err := Consolidate(context.Background(), in, dir, "")
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			st, _ := os.Stat(r.PDF)
			b.ReportMetric(float64(r.Pages), "pages")
			b.ReportMetric(float64(st.Size())/1e6, "MB")
		}
	}
}

func BenchmarkConsolidateSamples(b *testing.B) { benchmarkConsolidate(b, 18, false) }
func BenchmarkConsolidate1000(b *testing.B)    { benchmarkConsolidate(b, 1000, false) }
func BenchmarkConsolidate200(b *testing.B)     { benchmarkConsolidate(b, 200, false) }

// BenchmarkConsolidate1000Distinct is the 1,000 teams with every original
// a file of its own: the realistic case for size and memory.
func BenchmarkConsolidate1000Distinct(b *testing.B) { benchmarkConsolidate(b, 1000, true) }
