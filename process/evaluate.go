package process

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"syscall"
	"time"

	"dossier"
	"dossier/extract"
	"dossier/rules"
)

// File is one file to decide.
type File struct {
	Path     string    // absolute path to read now (the inbox, or the daemon's work area)
	Rel      string    // path as dropped, relative to the inbox, slash-separated
	Name     string    // base name as the unit named it
	Folder   string    // first-level inbox sub-folder ("" at the top)
	Size     int64     // as seen by the watcher or scan
	ModTime  time.Time // as seen by the watcher or scan
	Received time.Time // D001: first seen; zero = ModTime, never later than now
	Symlink  bool      // a symbolic link: rejected without reading its target
}

// Extractor is what Evaluate needs of package extract.
type Extractor interface {
	// ExtractAs reads the file at path; name is the file's name as the
	// unit gave it (the work area's copy has an id in front).
	ExtractAs(ctx context.Context, path, name string) (extract.Result, error)
}

var _ Extractor = (*extract.Extractor)(nil)

// Evaluator decides files against one registry and programme.
// Safe for concurrent use when its Extractor is.
type Evaluator struct {
	ext     Extractor
	reg     dossier.Registry
	prog    dossier.Programme
	maxSize int64
	young   time.Duration // see RetryYoung
	retry   retries       // back-off of files that met our own trouble
}

// New returns an Evaluator. maxSize is F005's limit in bytes.
func New(ext Extractor, reg dossier.Registry, prog dossier.Programme, maxSize int64) *Evaluator {
	return &Evaluator{ext: ext, reg: reg, prog: prog, maxSize: maxSize}
}

// Known answers whether a document with this SHA-256 was already accepted.
type Known func(sha string) (dossier.Document, bool)

// Evaluate decides f at time now. It never fails: every problem is a
// finding. known may be nil (a dry run knows nothing).
func (e *Evaluator) Evaluate(ctx context.Context, f File, now time.Time, known Known) (d dossier.Document) {
	d = dossier.Document{
		Path: f.Rel, Name: f.Name, Folder: f.Folder, Size: f.Size,
		Received: received(f, now), Kind: dossier.KindUnknown, Format: dossier.FormatUnknown,
		Fields: dossier.Fields{},
	}
	if d.Name == "" {
		d.Name = path.Base(f.Rel)
	}
	if e.retry.wait(f.Path, now) { // our own trouble on the last try: back off
		d.Problem = transientPrefix + "backing off after dossier's own trouble"
		return d
	}
	defer func() { e.retry.note(f.Path, now, Transient(d)) }()
	defer func() {
		if !Transient(d) { // own trouble is no verdict: the daemon retries the file
			d.Verdict = dossier.VerdictOf(d.Findings)
		}
	}()

	team, teamErr := e.identify(f, nil)
	if teamErr == nil {
		d.TeamID = team.ID
	}
	if fi, err := os.Lstat(f.Path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		f.Symlink = true // whatever the caller saw, a link is never read
	}
	if f.Symlink {
		d.Findings = append(d.Findings, rules.Intake("F001", d, "符号链接（快捷方式），不是文件本身"))
		return e.finishTeam(d, teamErr)
	}
	size, sum, err := hashFile(f.Path, e.maxSize)
	if err != nil && ownIOTrouble(err) {
		d.Problem = transientPrefix + err.Error()
		return d
	}
	if err != nil {
		d.Problem = err.Error()
		d.Findings = append(d.Findings, rules.Intake("F002", d, readProblem(err)))
		return e.finishTeam(d, teamErr)
	}
	d.Size, d.SHA256 = size, sum
	if known != nil {
		// A duplicate is another copy for the same team (or for no team the
		// folder and name can tell); the same photo sent by two teams is
		// each team's own submission.
		if prev, ok := known(sum); ok && (teamErr != nil || prev.TeamID == "" || prev.TeamID == d.TeamID) {
			d.Kind, d.TeamID, d.Format, d.Fields = prev.Kind, prev.TeamID, prev.Format, prev.Fields
			d.Findings = append(d.Findings, rules.Intake("F008", prev, prev.Name))
			return d
		}
	}
	if problem := intakeBeforeRead(&d, e.maxSize); problem {
		return e.finishTeam(d, teamErr)
	}
	res, err := e.ext.ExtractAs(ctx, f.Path, d.Name)
	if err != nil && (ownIOTrouble(err) || e.stillWritten(f.Path, err)) {
		d.Problem = transientPrefix + err.Error()
		return d
	}
	if err != nil {
		// The English reason is for the log (Document carries it in Problem);
		// the Chinese message is the rule's own.
		d.Format = formatOfErr(err, formatByExt(d.Name))
		d.Problem = err.Error()
		d.Findings = append(d.Findings, rules.Intake(ruleOf(err), d, ""))
		return e.finishTeam(d, teamErr)
	}
	applyResult(&d, res)
	byName := teamErr == nil // the folder or the file name named the team
	if teamErr != nil {
		team, teamErr = e.identify(f, d.Fields)
		if teamErr == nil {
			d.TeamID = team.ID
		}
	}
	if teamErr == nil {
		confirmByRegistry(&d, team, e.reg, res) // OCR'd team name and unit (ocr_team.go)
	}
	d.Findings = append(d.Findings, e.contentFindings(d, team, teamErr, res, now)...)
	applyOCR(&d, res) // a scan read by OCR: F012 (ocr.go)
	if res.OCR == nil {
		// A value the parser had to guess at (a loose label match) never
		// rejects a unit on its own: the clerk decides (review).
		d.Findings, _ = rules.Doubt(d.Findings, d.Confidence)
	}
	if byName {
		if f11, ok := rules.F011(e.reg, d, team); ok {
			d.Findings = append(d.Findings, f11)
		}
	}
	return d
}

func (e *Evaluator) contentFindings(d dossier.Document, team dossier.Team, teamErr error, res extract.Result, now time.Time) []dossier.Finding {
	var out []dossier.Finding
	if teamErr != nil {
		out = append(out, rules.Intake("F006", d, teamErr.Error()))
	}
	// One defect, one finding: a file no team can be found for is answered
	// by F006 alone; its kind matters once it belongs to a team (a clerk
	// who names the team gets F007 then, if the kind is still unknown).
	if d.Kind == dossier.KindUnknown && teamErr == nil {
		detail := ""
		if res.Blank {
			detail = "文件各页均为空白，没有可读取的内容"
		}
		out = append(out, rules.Intake("F007", d, detail))
	}
	if scanned(d, res) {
		out = append(out, rules.Intake("F009", d, fmt.Sprintf("%d", res.Pages)))
	}
	if teamErr == nil && d.Kind != dossier.KindUnknown {
		doc := d
		if scanned(d, res) { // F009: the fields cannot be read, S and A rules are not applied
			doc.Fields = dossier.Fields{}
		}
		out = append(out, rulesFor(doc, team, e.prog, now, scanned(d, res))...)
	}
	return out
}

// scanned reports F009: a PDF without a text layer whose fields therefore
// cannot be read. Photo documents are pictures by nature and have no fields
// to read, so a photo PDF with few or no captions is not a scan.
func scanned(d dossier.Document, res extract.Result) bool {
	return res.Scanned && d.Kind != dossier.KindPhotos && !res.OCR.Read()
}

// rulesFor applies the content rules, or only the deadline ones for a scan.
func rulesFor(d dossier.Document, team dossier.Team, p dossier.Programme, now time.Time, scanned bool) []dossier.Finding {
	fs := rules.Document(d, team, p, now)
	if !scanned {
		return fs
	}
	var keep []dossier.Finding
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "D") {
			keep = append(keep, f)
		}
	}
	return keep
}

// finishTeam adds F006 to a document rejected before its content was read
// when not even the folder or file name names its team.
func (e *Evaluator) finishTeam(d dossier.Document, teamErr error) dossier.Document {
	if teamErr != nil && d.TeamID == "" {
		d.Findings = append(d.Findings, rules.Intake("F006", d, teamErr.Error()))
	}
	return d
}

func applyResult(d *dossier.Document, res extract.Result) {
	d.Format, d.Kind = res.Format, res.Kind
	if d.Kind == "" {
		d.Kind = dossier.KindUnknown
	}
	if res.Fields != nil {
		d.Fields = res.Fields
	}
	d.Invalid = res.Invalid
	d.Pages, d.Images, d.TextChars, d.Decrypted = res.Pages, res.Images, res.TextChars, res.Decrypted
	d.Confidence, d.Sources = res.Confidence, res.Sources // where each field was read, and how surely
}

func received(f File, now time.Time) time.Time {
	r := f.Received
	if r.IsZero() {
		r = f.ModTime
	}
	if r.IsZero() || (!now.IsZero() && r.After(now)) {
		r = now
	}
	return r
}

// hashFile streams the file through SHA-256. Files far beyond the size
// limit are not read to the end: their sum is of the first limit bytes and
// they are refused as F005 anyway.
func hashFile(p string, maxSize int64) (int64, string, error) {
	// No link followed, no FIFO or device waited on.
	fh, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return 0, "", fmt.Errorf("open: %w", err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return 0, "", fmt.Errorf("stat: %w", err)
	}
	if !st.Mode().IsRegular() {
		return 0, "", errNotRegular
	}
	h := sha256.New()
	limit := st.Size()
	if maxSize > 0 && limit > 4*maxSize {
		limit = 4 * maxSize
	}
	if _, err := io.CopyN(h, fh, limit); err != nil && !errors.Is(err, io.EOF) {
		return 0, "", fmt.Errorf("read: %w", err)
	}
	return st.Size(), hex.EncodeToString(h.Sum(nil)), nil
}
