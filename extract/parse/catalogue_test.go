package parse

import (
	"testing"

	"dossier"
)

// TestCatalogueLabelsRead: every survey field's label in the root
// catalogue — the label notices, the package and the 汇总表 print — reads
// back as that field when a form uses it, alone in a cell or before its
// value on a line.
func TestCatalogueLabelsRead(t *testing.T) {
	for _, f := range dossier.FieldsOf(dossier.KindSurvey) {
		if f.Kind != dossier.KindSurvey || f.Type == dossier.TypePublicity || f.Key == "uploaded_materials" {
			continue
		}
		t.Run(f.Key, func(t *testing.T) {
			if k, _, ok := cellLabel(f.Label); !ok || k != f.Key && !(k == keyMode && f.Key == "service_mode") {
				t.Errorf("cell %q reads as %q (label %v), want %s", f.Label, k, ok, f.Key)
			}
		})
	}
}

// TestCatalogueAuditLabelsRead: the audit's money fields, written with the
// catalogue's labels in an accounts table, read back.
func TestCatalogueAuditLabelsRead(t *testing.T) {
	for _, f := range dossier.FieldsOf(dossier.KindAudit) {
		if f.Kind != dossier.KindAudit || f.Type != dossier.TypeMoney {
			continue
		}
		t.Run(f.Key, func(t *testing.T) {
			c := newCollector()
			parseAudit("单位：元\n项目  金额\n"+f.Label+"  12,345.67\n", c)
			if got := c.f[f.Key]; got != 12345.67 {
				t.Errorf("%q read %s = %#v, want 12345.67", f.Label, f.Key, got)
			}
		})
	}
}
