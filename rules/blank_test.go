package rules

import (
	"strings"
	"testing"
	"time"

	"dossier"
)

// Lines left empty the way people leave them (fields.md: ____, /, 无), which
// the extractor may hand over as unreadable raw text: S001 未填写, not S010,
// and never 无法识别. Found by the planted-defect set (testdata/planted).
func TestBlankMarksAreNotFilled(t *testing.T) {
	cases := []struct {
		name, key, raw string
		s001, s010     bool
		want           string // in the S001 message
	}{
		{"无 with its unit", "beneficiaries", "无 人", true, false, "未填写"},
		{"underscores", "region_units", "____", true, false, "未填写"},
		{"slash", "projects_matched", "/", true, false, "未填写"},
		{"underscores before 万元", "funds_matching", "____ 万元", true, false, "未填写"},
		{"both boxes unticked", "publicity", "☐ ☐ 有 无", true, false, "未作选择"},
		{"a negative count is still S010", "region_units", "-2 家", false, true, ""},
		{"若干 is still S010", "region_units", "若干", false, true, ""},
		{"a word in a yes/no item is unreadable", "needs_matched", "部分", true, false, "无法识别"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := validSurvey()
			delete(f, c.key)
			mut := func(d *dossier.Document) { d.Invalid = map[string]string{c.key: c.raw} }
			s1 := run(s001, f, municipal, mut)
			if has(s1, "S001") != c.s001 {
				t.Fatalf("S001 fired = %v, want %v: %+v", has(s1, "S001"), c.s001, s1)
			}
			for _, x := range s1 {
				if !strings.Contains(x.Message, c.want) {
					t.Errorf("S001 message %q does not say %q", x.Message, c.want)
				}
				if c.want != "无法识别" && strings.Contains(x.Message, "无法识别") {
					t.Errorf("S001 message %q calls a blank line unreadable", x.Message)
				}
			}
			if s10 := run(s010, f, municipal, mut); has(s10, "S010") != c.s010 {
				t.Fatalf("S010 fired = %v, want %v: %+v", has(s10, "S010"), c.s010, s10)
			}
		})
	}
}

// A file received in the first minute after the deadline must not read
// "21日 00:00 收到，晚于 20日 24:00" — the same instant to a reader.
func TestD001Message(t *testing.T) {
	cases := []struct{ name, at, want string }{
		{"thirty seconds late", "2026-11-21T00:00:30+08:00", "2026年11月21日 00:00:30 收到"},
		{"hours late", "2026-11-21T06:49:00+08:00", "2026年11月21日 06:49 收到"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts, err := time.Parse(time.RFC3339, c.at)
			if err != nil {
				t.Fatal(err)
			}
			got := run(d001, validSurvey(), municipal, func(d *dossier.Document) { d.Received = ts })
			if len(got) != 1 || !strings.Contains(got[0].Message, c.want) {
				t.Fatalf("D001 = %+v, want a message with %q", got, c.want)
			}
		})
	}
}
