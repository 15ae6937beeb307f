package extract

import (
	"unicode"

	"dossier"
	"dossier/extract/parse"
)

type parseInput = parse.Input

// parseFunc is parse.Parse, linked in parse_link.go.
var parseFunc func(parse.Input) parse.Output

// runParse hands the text to the parsers, recovering a panic there into an
// unknown kind rather than losing the file.
func runParse(in parseInput) (out parse.Output) {
	defer func() {
		if r := recover(); r != nil {
			out = parse.Output{Kind: dossier.KindUnknown}
		}
	}()
	if parseFunc == nil {
		return parse.Output{Kind: dossier.KindUnknown}
	}
	return parseFunc(in)
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
