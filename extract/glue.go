package extract

import (
	"unicode"

	"dossier"
	"dossier/extract/parse"
)

type parseInput = parse.Input

// runParse hands the text to the parsers, recovering a panic there into an
// unknown kind rather than losing the file.
func runParse(in parseInput) (out parse.Output) {
	defer func() {
		if r := recover(); r != nil {
			out = parse.Output{Kind: dossier.KindUnknown}
		}
	}()
	return parse.Parse(in)
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
