package process

import (
	"maps"

	"dossier"
	"dossier/extract"
)

// The registry confirms a team's name or unit read by OCR: the team is
// known from the folder or file name, and what OCR read is that team's
// name (or unit) as the registry writes it, or differs from it by at most
// one character in eight (a rare character misread: 卒 筛 莘 侮 for 莓)
// while no other team of the registry comes as close. Such a reading
// takes the registry's spelling and at least the threshold's confidence.
// Anything further off keeps its reading and its confidence.

// registryFields: fields the registry can confirm, and the team's value.
var registryFields = []struct {
	key string
	of  func(dossier.Team) string
}{
	{"team_name", func(t dossier.Team) string { return t.Name }},
	{"unit", func(t dossier.Team) string { return t.Unit }},
}

// confirmByRegistry applies the registry to d's OCR readings (team: the
// team the document was filed under; its zero value confirms nothing).
func confirmByRegistry(d *dossier.Document, team dossier.Team, reg dossier.Registry, res extract.Result) {
	if team.ID == "" || !res.OCR.Read() || d.Confidence == nil {
		return
	}
	thr := res.OCR.MinConfidence
	for _, rf := range registryFields {
		c, read := d.Confidence[rf.key]
		want := rf.of(team)
		if !read || c >= thr || want == "" {
			continue
		}
		got := d.Fields.Text(rf.key)
		if !registryMatch(got, want, rf.of, team, reg) {
			continue
		}
		// new maps: the extractor's result keeps what OCR read
		d.Fields, d.Confidence = maps.Clone(d.Fields), maps.Clone(d.Confidence)
		d.Fields[rf.key] = want
		d.Confidence[rf.key] = thr
	}
}

// registryMatch: got is want (folded as names), or within maxNameEdits of
// it and farther from every other team's value of the same kind.
func registryMatch(got, want string, of func(dossier.Team) string, team dossier.Team, reg dossier.Registry) bool {
	g, w := []rune(dossier.NormName(got)), []rune(dossier.NormName(want))
	if len(g) == 0 {
		return false
	}
	d := editDistance(g, w)
	if d == 0 {
		return true
	}
	if d > maxNameEdits(len(w)) {
		return false
	}
	for _, t := range reg.Teams {
		o := of(t)
		if t.ID == team.ID || dossier.NormName(o) == string(w) {
			continue
		}
		if editDistance(g, []rune(dossier.NormName(o))) <= d {
			return false // as close to another team: not the registry's word
		}
	}
	return true
}

// maxNameEdits: one misread character in eight, and none in a name
// shorter than eight characters.
func maxNameEdits(n int) int { return n / 8 }

// editDistance is the Levenshtein distance between a and b (substitution,
// insertion, deletion of one character each count 1).
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
