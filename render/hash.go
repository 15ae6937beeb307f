package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// layoutVersion changes whenever the package's layout changes, so that a
// new layout makes a new package even when the inputs are the same.
const layoutVersion = "render-2"

// InputsHash is the SHA-256 of everything the package is made of except
// the consolidation time: the programme, the teams and every document with
// its fields, findings, verdict and SHA-256. Two runs with the same hash
// make the same package.
func InputsHash(in Input) (string, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := enc.Encode(struct {
		Version   string
		Programme any
		Teams     any
		NoTeam    any
		Dups      any
		Pending   int
	}{layoutVersion, in.Programme, in.Teams, in.NoTeam, in.Dups, in.Pending}); err != nil {
		return "", fmt.Errorf("hash inputs: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
