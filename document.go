package dossier

import "time"

// Fields holds the values read from a document, keyed by the stable keys of
// fields.md. Values are typed: int64 for counts, float64 for money (yuan,
// two decimals), bool, string for text, enums and ISO dates, []string for
// lists, []PublicityItem for publicity_items. A key present with a nil value
// was found blank (____, /, 无), which the required-field rules tell apart
// from 0.
type Fields map[string]any

// Int returns a count field and whether it holds a number.
func (f Fields) Int(key string) (int64, bool) {
	switch v := f[key].(type) {
	case int64:
		return v, true
	case int:
		return int64(v), true
	case float64:
		return int64(v), v == float64(int64(v))
	}
	return 0, false
}

// Money returns a money field in yuan and whether it holds a number.
func (f Fields) Money(key string) (float64, bool) {
	switch v := f[key].(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	case int:
		return float64(v), true
	}
	return 0, false
}

// Bool returns a yes/no field and whether it was answered.
func (f Fields) Bool(key string) (bool, bool) {
	v, ok := f[key].(bool)
	return v, ok
}

// Text returns a text, enum or date field ("" when absent or blank).
func (f Fields) Text(key string) string {
	s, _ := f[key].(string)
	return s
}

// List returns a list field.
func (f Fields) List(key string) []string {
	l, _ := f[key].([]string)
	return l
}

// Filled reports whether the key was found with a non-blank value.
func (f Fields) Filled(key string) bool {
	v, ok := f[key]
	if !ok || v == nil {
		return false
	}
	switch x := v.(type) {
	case string:
		return x != ""
	case []string:
		return len(x) > 0
	case []PublicityItem:
		return len(x) > 0
	}
	return true
}

// PublicityItem is one line of the survey's 宣传 list.
type PublicityItem struct {
	Media string `json:"media"`
	Date  string `json:"date"`
	Title string `json:"title"`
}

// Document is one submitted file and everything decided about it.
type Document struct {
	ID       int64     `json:"id,omitempty"`
	Path     string    `json:"file"`   // where it was found (inbox-relative in the ledger, as given in check)
	Name     string    `json:"name"`   // base name as the unit named it
	Folder   string    `json:"folder"` // the inbox sub-folder it was dropped in ("" at the top)
	Size     int64     `json:"size"`
	SHA256   string    `json:"sha256"`
	Received time.Time `json:"received"` // D001: first seen, or mtime for a backlog (never later than now)
	Format   Format    `json:"format"`
	Kind     Kind      `json:"kind"`
	TeamID   string    `json:"team_id,omitempty"`
	Fields   Fields    `json:"fields"`
	// Invalid holds the raw text of fields that were filled in but do not
	// read as their type ("十二个半", "-3", "2.5" for a count): rule S010.
	Invalid   map[string]string `json:"invalid,omitempty"`
	Pages     int               `json:"pages,omitempty"`
	Images    int               `json:"images,omitempty"`
	TextChars int               `json:"text_chars,omitempty"`
	Findings  []Finding         `json:"findings"`
	Verdict   Verdict           `json:"verdict"`
	// Confidence is, for fields that were not read with certainty (OCR, a
	// loose label match), how sure the reading is, 0..1. A field absent
	// here was read with certainty.
	Confidence map[string]float64 `json:"confidence,omitempty"`
	// Sources says where each field was read: the page and the text.
	Sources map[string]Source `json:"sources,omitempty"`
	// DecidedBy is the clerk's latest decision on this document, if any
	// (人工核定): the values and verdict are then the clerk's.
	DecidedBy *Decision `json:"decided_by,omitempty"`

	StoredPath string    `json:"stored_path,omitempty"` // where the file rests now (archive or 退回)
	Superseded bool      `json:"superseded,omitempty"`  // F010: a newer one of the same team and kind was accepted
	Decided    time.Time `json:"decided,omitempty"`
	Decrypted  bool      `json:"decrypted,omitempty"` // an owner-password PDF that was read without a password
	// Problem is the technical reason a file could not be read (English,
	// for the operator's log; the unit reads the finding's message).
	Problem string `json:"problem,omitempty"`
}

// MaterialState is the state of one kind of material for a team (status --json).
type MaterialState string

// Material states (cli.md).
const (
	MaterialAccepted MaterialState = "accepted"
	MaterialReview   MaterialState = "review"
	MaterialRejected MaterialState = "rejected"
	MaterialMissing  MaterialState = "missing"
)

// Label is the state in Chinese.
func (m MaterialState) Label() string {
	switch m {
	case MaterialAccepted:
		return "已受理"
	case MaterialReview:
		return "待审核"
	case MaterialRejected:
		return "已退回"
	}
	return "未提交"
}

// TeamView is a team with all of its documents and what they add up to.
type TeamView struct {
	Team      Team                   `json:"team"`
	Materials map[Kind]MaterialState `json:"materials"`
	Documents []Document             `json:"documents"` // every document, newest last, superseded and rejected included
	Findings  []Finding              `json:"findings"`  // team rules (T001–T003, D003)
	Complete  bool                   `json:"complete"`
	Late      bool                   `json:"late"`
}

// Current returns the team's accepted (or review) document of a kind that is
// not superseded, and whether there is one. A document waiting for a clerk
// because it names another team than its folder (F011) stands for the team
// only when nothing else does: it may well be another team's.
func (v TeamView) Current(k Kind) (Document, bool) {
	var doubt *Document
	for i := len(v.Documents) - 1; i >= 0; i-- {
		d := v.Documents[i]
		if d.Kind != k || d.Superseded || (d.Verdict != VerdictAccepted && d.Verdict != VerdictReview) {
			continue
		}
		if d.Verdict == VerdictReview && d.DecidedBy == nil && d.Has("F011") {
			if doubt == nil {
				doubt = &v.Documents[i]
			}
			continue
		}
		return d, true
	}
	if doubt != nil {
		return *doubt, true
	}
	return Document{}, false
}

// Has reports whether the document has a finding of the rule.
func (d Document) Has(rule string) bool {
	for _, f := range d.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
