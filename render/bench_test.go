package render

import (
	"context"
	"fmt"
	"os"
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

func benchmarkConsolidate(b *testing.B, n int) {
	in := syntheticInput(b, n)
	if n == 18 {
		in = testInput(b)
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

func BenchmarkConsolidateSamples(b *testing.B) { benchmarkConsolidate(b, 18) }
func BenchmarkConsolidate1000(b *testing.B)    { benchmarkConsolidate(b, 1000) }
func BenchmarkConsolidate200(b *testing.B)     { benchmarkConsolidate(b, 200) }
