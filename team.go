package dossier

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Level of a team: national teams get the ministry's grant and the city's match.
type Level string

// Levels (teams.md).
const (
	LevelNational  Level = "national"
	LevelMunicipal Level = "municipal"
)

// Label is the level in Chinese.
func (l Level) Label() string {
	if l == LevelNational {
		return "国家级"
	}
	return "市级"
}

// Team is one expert service team of the registry.
type Team struct {
	ID       string   `json:"id" yaml:"id"`
	Level    Level    `json:"level" yaml:"level"`
	Name     string   `json:"name" yaml:"name"`
	Unit     string   `json:"unit" yaml:"unit"`
	Contacts []string `json:"contacts,omitempty" yaml:"contacts,omitempty"` // e-mail addresses
}

// Registry is the year's list of teams.
type Registry struct {
	Teams []Team `json:"teams" yaml:"teams"`
}

// ByID returns the team with that id (case-insensitive).
func (r Registry) ByID(id string) (Team, bool) {
	for _, t := range r.Teams {
		if strings.EqualFold(t.ID, id) {
			return t, true
		}
	}
	return Team{}, false
}

// NormName folds a name for matching: NFKC-like width folding, no spaces,
// no punctuation, lower case. "上海市水产研究所(上海市水产技术推广站)" and
// "上海市水产研究所（上海市水产技术推广站）" fold to the same string.
func NormName(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Match is the outcome of identifying a team from one clue.
type Match int

// Match outcomes.
const (
	NoMatch Match = iota
	Matched
	Ambiguous
)

// Identify finds the team a clue (a folder name, a file name, or a
// document's team_name/unit) names: a team id as a whole token (M11, but
// not M1 inside M11), the team's name, or its unit when that unit has
// exactly one team. A clue that contains the names of two different teams
// is Ambiguous.
func (r Registry) Identify(clue string) (Team, Match) {
	if strings.TrimSpace(clue) == "" {
		return Team{}, NoMatch
	}
	found := map[string]Team{}
	for _, t := range r.Teams {
		if containsID(clue, t.ID) {
			found[t.ID] = t
		}
	}
	if len(found) == 0 {
		n := NormName(clue)
		for _, t := range r.Teams {
			if tn := NormName(t.Name); tn != "" && (strings.Contains(n, tn) || (len([]rune(n)) >= 6 && strings.Contains(tn, n))) {
				found[t.ID] = t
			}
		}
	}
	if len(found) == 0 {
		n := NormName(clue)
		for _, t := range r.Teams {
			if u := NormName(t.Unit); u != "" && (strings.Contains(n, u) || (len([]rune(n)) >= 4 && n == u)) && r.unitCount(t.Unit) == 1 {
				found[t.ID] = t
			}
		}
	}
	switch len(found) {
	case 0:
		return Team{}, NoMatch
	case 1:
		for _, t := range found {
			return t, Matched
		}
	}
	// Several: keep the one whose name is longest inside the clue if it
	// contains the others (a team name can contain a unit's name).
	return Team{}, Ambiguous
}

func (r Registry) unitCount(unit string) int {
	n, u := 0, NormName(unit)
	for _, t := range r.Teams {
		if NormName(t.Unit) == u {
			n++
		}
	}
	return n
}

// containsID reports whether s holds id as a token: not preceded or
// followed by a letter or digit, so "M1" is not found in "M11" or "AM1".
func containsID(s, id string) bool {
	s = strings.ToUpper(width.Fold.String(s))
	id = strings.ToUpper(id)
	for i := 0; ; {
		j := strings.Index(s[i:], id)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(id)
		if !isAlnumBefore(s, start) && !isAlnumAt(s, end) {
			return true
		}
		i = start + 1
	}
}

func isAlnumBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	c := s[i-1]
	return c < 0x80 && (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')
}

func isAlnumAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c < 0x80 && (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')
}
