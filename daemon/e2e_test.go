package daemon

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/ledger"
)

func docsByName(t *testing.T, d *Daemon) map[string]ledger.Entry {
	t.Helper()
	es, err := d.led.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]ledger.Entry{}
	for _, e := range es {
		if _, dup := out[e.Rel]; dup {
			t.Errorf("%s decided twice", e.Rel)
		}
		out[e.Rel] = e
	}
	return out
}

func doneCount(d *Daemon) int {
	c, _ := d.led.CountStates(context.Background())
	return c[ledger.StateDone]
}

func TestEndToEnd(t *testing.T) {
	root := t.TempDir()
	inboxDir, dataDir := filepath.Join(root, "共享 inbox"), filepath.Join(root, "data")
	var logs bytes.Buffer
	d := newDaemon(t, testConfig(inboxDir, dataDir, time.Second), &logs)
	defer d.Close()
	stop := serve(t, d)

	odd := []string{"M11/现场照片 (终稿) #1 & [副本]'.png", "N1/ 空格  开头.png", "M11/emoji 😀 名称.png"}
	for i, rel := range odd {
		drop(t, inboxDir, rel, pngBytes(100+i))
	}
	drop(t, inboxDir, "M11/重复照片.png", pngBytes(100)) // same bytes as odd[0]: F008
	if err := os.Symlink("/etc/passwd", filepath.Join(inboxDir, "M11", "passwd.pdf")); err != nil {
		t.Fatal(err)
	}
	drop(t, inboxDir, "~$临时.xlsx", []byte("lock"))
	drop(t, inboxDir, "M11/Thumbs.db", []byte("x"))

	// A slow writer: 25 chunks over 10 s; the settle is 1 s.
	slow := filepath.Join(inboxDir, "M2", "慢慢写入.pdf")
	os.MkdirAll(filepath.Dir(slow), 0o755)
	var whole []byte
	f, err := os.Create(slow)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 25 {
		chunk := bytes.Repeat([]byte{byte('a' + i)}, 1000)
		whole = append(whole, chunk...)
		f.Write(chunk)
		time.Sleep(400 * time.Millisecond)
		if i%5 == 4 {
			if _, ok := docsByName(t, d)["M2/慢慢写入.pdf"]; ok {
				t.Fatal("slow file taken while still being written")
			}
		}
	}
	f.Close()
	waitFor(t, 60*time.Second, "all decisions", func() bool { return doneCount(d) == 6 })
	// Another photo of M11 adds to the first; it replaces nothing.
	drop(t, inboxDir, "M11/补充照片.png", pngBytes(200))
	// F010: a corrected audit report supersedes the first accepted one.
	audit, err := os.ReadFile("testdata/docs/审计报告.pdf")
	if err != nil {
		t.Fatal(err)
	}
	drop(t, inboxDir, "M11/审计报告.pdf", audit)
	// The first PDF of the process compiles PDFium (4–7 s alone, far longer
	// on a loaded 2-core machine): the wait is for the decision, not a speed goal.
	waitFor(t, 120*time.Second, "the first audit report", func() bool { return doneCount(d) == 8 })
	drop(t, inboxDir, "M11/审计报告（修改后）.pdf", append(audit, "\n%corrected\n"...))
	waitFor(t, 60*time.Second, "the re-submission", func() bool { return doneCount(d) == 9 })
	stop()

	got := docsByName(t, d)
	sum := sha256.Sum256(whole)
	if e := got["M2/慢慢写入.pdf"]; e.Doc.SHA256 != hex.EncodeToString(sum[:]) || e.Size != int64(len(whole)) && e.Doc.Size != int64(len(whole)) {
		t.Errorf("slow file read as %d bytes, sha %s", e.Doc.Size, e.Doc.SHA256)
	}
	link := got["M11/passwd.pdf"]
	if link.Doc.Verdict != dossier.VerdictRejected || !hasRule(link.Doc.Findings, "F001") || link.Doc.SHA256 != "" {
		t.Errorf("symlink: %+v", link.Doc)
	}
	if fi, err := os.Lstat(link.StoredPath); err != nil || fi.Mode()&os.ModeSymlink == 0 || !strings.Contains(link.StoredPath, "退回") {
		t.Errorf("symlink not returned as a link to 退回: %s %v", link.StoredPath, err)
	}
	if _, err := os.Stat(link.StoredPath + ".退回说明.txt"); err != nil {
		t.Errorf("no notice beside the returned link: %v", err)
	}
	for _, rel := range odd {
		e, ok := got[rel]
		if !ok || e.State != ledger.StateDone || filepath.Base(e.StoredPath) != filepath.Base(rel) {
			t.Errorf("%q: %+v", rel, e)
		}
	}
	dup := got["M11/重复照片.png"]
	photo, more := got[odd[0]], got["M11/补充照片.png"]
	if photo.Doc.Verdict != dossier.VerdictAccepted || more.Doc.Verdict != dossier.VerdictAccepted {
		t.Fatalf("photos not accepted: %+v / %+v", photo.Doc.Findings, more.Doc.Findings)
	}
	// Exactly one of the two identical photos is the duplicate (F008, kept
	// under 重复/): normally the later one, but on a loaded machine the two
	// can be decided in the other order (seen once in three CI runs).
	if !hasRule(dup.Doc.Findings, "F008") {
		dup, photo = photo, dup
	}
	if !hasRule(dup.Doc.Findings, "F008") || hasRule(photo.Doc.Findings, "F008") || !strings.Contains(dup.StoredPath, filepath.Join("M11", "重复")) {
		t.Errorf("duplicate: %s %+v; original %s %+v", dup.StoredPath, dup.Doc.Findings, photo.StoredPath, photo.Doc.Findings)
	}
	if photo.Doc.Superseded || hasRule(more.Doc.Findings, "F010") {
		t.Errorf("photos must add up: first superseded=%v, second findings %+v", photo.Doc.Superseded, more.Doc.Findings)
	}
	first, second := got["M11/审计报告.pdf"], got["M11/审计报告（修改后）.pdf"]
	if first.Doc.Verdict == dossier.VerdictRejected || second.Doc.Verdict == dossier.VerdictRejected {
		t.Fatalf("audit reports rejected: %+v / %+v", first.Doc.Findings, second.Doc.Findings)
	}
	if !first.Doc.Superseded || !hasRule(second.Doc.Findings, "F010") {
		t.Errorf("F010: first superseded=%v, second findings %+v", first.Doc.Superseded, second.Doc.Findings)
	}
	if _, err := os.Stat(first.StoredPath); err != nil {
		t.Errorf("superseded file not kept in the archive: %v", err)
	}
	for _, junk := range []string{"~$临时.xlsx", "M11/Thumbs.db"} {
		if _, err := os.Stat(filepath.Join(inboxDir, junk)); err != nil {
			t.Errorf("junk %s was touched: %v", junk, err)
		}
	}
	if !strings.Contains(logs.String(), `"message":"decision"`) || !strings.Contains(logs.String(), `"sha256"`) {
		t.Errorf("no decision log lines")
	}
}
