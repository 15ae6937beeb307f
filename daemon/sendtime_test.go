package daemon

import (
	"testing"
	"time"

	"dossier"
)

func TestPhotoGroup(t *testing.T) {
	t0 := time.Date(2026, 11, 12, 15, 13, 0, 0, time.UTC)
	ph := func(id int64, after time.Duration, format dossier.Format, v dossier.Verdict) dossier.Document {
		return dossier.Document{ID: id, Kind: dossier.KindPhotos, Format: format, Verdict: v, Received: t0.Add(after)}
	}
	docs := []dossier.Document{
		ph(1, 0, dossier.FormatJPEG, dossier.VerdictAccepted),
		ph(2, 4*time.Minute, dossier.FormatPNG, dossier.VerdictAccepted),
		ph(3, 9*time.Minute, dossier.FormatJPEG, dossier.VerdictAccepted),
		ph(4, 11*time.Minute, dossier.FormatJPEG, dossier.VerdictAccepted), // outside the first's window: a new group
		ph(5, 12*time.Minute, dossier.FormatJPEG, dossier.VerdictRejected), // rejected: its own notice
		ph(6, 13*time.Minute, dossier.FormatPDF, dossier.VerdictAccepted),  // a photo PDF replaces, not adds
		ph(7, 20*time.Minute, dossier.FormatJPEG, dossier.VerdictAccepted),
	}
	tests := []struct {
		name  string
		doc   int
		first int64
		ids   []int64
	}{
		{"first of a group", 0, 1, []int64{1, 2, 3}},
		{"within the window", 2, 1, []int64{1, 2, 3}},
		{"after the window", 3, 4, []int64{4, 7}},
		{"last", 6, 4, []int64{4, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			group, first := photoGroup(docs, docs[tt.doc], 10*time.Minute)
			var ids []int64
			for _, d := range group {
				ids = append(ids, d.ID)
			}
			if first.ID != tt.first || len(ids) != len(tt.ids) {
				t.Fatalf("group %v first %d, want %v first %d", ids, first.ID, tt.ids, tt.first)
			}
			for i := range ids {
				if ids[i] != tt.ids[i] {
					t.Fatalf("group %v, want %v", ids, tt.ids)
				}
			}
		})
	}
}
