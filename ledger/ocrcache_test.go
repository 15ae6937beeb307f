package ledger

import (
	"context"
	"path/filepath"
	"testing"
)

// TestOCRCache: a stored reading comes back after the ledger is closed
// and reopened (a restart), and a second put replaces it.
func TestOCRCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := l.GetOCR(ctx, "k1"); ok || err != nil {
		t.Fatalf("empty cache: ok %v err %v", ok, err)
	}
	if err := l.PutOCR(ctx, "k1", []byte(`{"a":1}`)); err != nil {
		t.Fatal(err)
	}
	if err := l.PutOCR(ctx, "k1", []byte(`{"a":2}`)); err != nil {
		t.Fatal(err)
	}
	l.Close()
	l, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	v, ok, err := l.GetOCR(ctx, "k1")
	if err != nil || !ok || string(v) != `{"a":2}` {
		t.Errorf("after reopen: %q ok %v err %v, want the second value", v, ok, err)
	}
}
