package extract

import (
	"sync/atomic"
	"unicode"

	"dossier"
	"dossier/extract/parse"
)

type parseInput = parse.Input

// take copies what the parsers read of a text document into r: kind,
// fields, unreadable values, how surely each was read (a loose label) and
// where. OCR (scan.go) replaces Confidence and Sources with its own.
func (r *Result) take(out parse.Output) {
	r.Kind, r.Fields, r.Invalid = out.Kind, out.Fields, out.Invalid
	r.Confidence, r.Sources = out.Confidence, out.Sources
}

// runParse hands the text to the parsers, recovering a panic there into an
// unknown kind rather than losing the file.
func runParse(in parseInput) (out parse.Output) {
	defer func() {
		if r := recover(); r != nil {
			notePanic(r)
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

// lastPanic holds the most recent panic recovered anywhere in the package
// (wrapped in a struct: atomic.Value needs one concrete type). Production
// code turns panics into ErrCorrupt or an unknown kind; the fuzz tests read
// this to report them as crashes all the same.
var lastPanic atomic.Value

type recovered struct{ v any }

func notePanic(r any) { lastPanic.Store(recovered{r}) }

// takePanic returns and clears the last recovered panic, nil if none.
func takePanic() any {
	if p, ok := lastPanic.Swap(recovered{}).(recovered); ok {
		return p.v
	}
	return nil
}
