package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"dossier"
	"dossier/notify"
)

// State of a document row.
type State string

// States: claimed (intent recorded, file on its way to or in the work
// area), decided (verdict and notices committed, file not yet moved),
// done (file at rest), gone (the claimed file vanished before it was
// taken; nothing to decide).
const (
	StateClaimed State = "claimed"
	StateDecided State = "decided"
	StateDone    State = "done"
	StateGone    State = "gone"
)

// Claim is what is known of a file when it is claimed from the inbox.
type Claim struct {
	Rel      string // slash-separated, relative to the inbox
	Name     string
	Folder   string // first-level sub-folder, "" at the top
	Size     int64
	ModTime  time.Time
	Received time.Time
	Symlink  bool
	Now      time.Time // when the claim is made
}

// Entry is a document row with its life-cycle state.
type Entry struct {
	ID         int64
	State      State
	Rel        string
	Name       string
	Folder     string
	Size       int64
	ModTime    time.Time
	Received   time.Time
	Symlink    bool
	WorkPath   string
	StoredPath string
	Doc        dossier.Document // filled once decided
}

// Claim records the intent to take a file, before it is renamed out of
// the inbox. workPath gives the work-area path for the new row's id.
func (l *Ledger) Claim(ctx context.Context, c Claim, workPath func(id int64) string) (Entry, error) {
	e := Entry{State: StateClaimed, Rel: c.Rel, Name: c.Name, Folder: c.Folder, Size: c.Size,
		ModTime: c.ModTime, Received: c.Received, Symlink: c.Symlink}
	err := l.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO documents
			(rel, name, folder, size, mtime, symlink, received, claimed_at, state)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'claimed')`,
			c.Rel, c.Name, c.Folder, c.Size, nullTime(c.ModTime), c.Symlink, fmtTime(c.Received), fmtTime(c.Now))
		if err != nil {
			return fmt.Errorf("record claim of %s: %w", c.Rel, err)
		}
		if e.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("record claim of %s: %w", c.Rel, err)
		}
		e.WorkPath = workPath(e.ID)
		_, err = tx.ExecContext(ctx, `UPDATE documents SET work_path = ? WHERE id = ?`, e.WorkPath, e.ID)
		return err
	})
	return e, err
}

// Compose builds a decision's notices once the ledger knows the final
// document (with its F010 finding, if any) and the documents it superseded.
type Compose func(doc dossier.Document, superseded []dossier.Document) ([]dossier.Notice, error)

// Decision is what Decide records about a claimed document.
type Decision struct {
	ID         int64
	Doc        dossier.Document // as evaluated
	StoredPath string           // where the file will rest (archive or 退回)
	Now        time.Time
	// Duplicate is the id of the accepted document this one repeats (F008);
	// a duplicate supersedes nothing.
	Duplicate int64
	Compose   Compose
	Channels  []notify.Channel // channels on offer; see enqueue for which apply
}

// Decide records the decision in one transaction: the document's results,
// the older accepted document of the same team and kind marked superseded
// (F010 added to the new one), and the notices with one delivery row per
// channel. It returns the document as recorded and the notices enqueued.
func (l *Ledger) Decide(ctx context.Context, d Decision) (dossier.Document, []dossier.Notice, error) {
	doc := d.Doc
	doc.ID = d.ID
	doc.StoredPath = d.StoredPath
	doc.Decided = d.Now
	var notices []dossier.Notice
	err := l.tx(ctx, func(tx *sql.Tx) error {
		var state, received string
		if err := tx.QueryRowContext(ctx, `SELECT state, received FROM documents WHERE id = ?`, d.ID).Scan(&state, &received); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("decide document %d: %w", d.ID, ErrNotFound)
			}
			return fmt.Errorf("decide document %d: %w", d.ID, err)
		}
		if State(state) != StateClaimed {
			return fmt.Errorf("decide document %d (%s): %w", d.ID, state, ErrWrongState)
		}
		if doc.Received.IsZero() {
			doc.Received = parseTime(sql.NullString{String: received, Valid: received != ""})
		}
		superseded, newer, err := supersede(ctx, tx, &doc, d.Duplicate)
		if err != nil {
			return err
		}
		if err := writeDecision(ctx, tx, doc, d); err != nil {
			return err
		}
		if newer != 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET superseded_by = ? WHERE id = ?`, newer, doc.ID); err != nil {
				return fmt.Errorf("mark %s superseded on arrival: %w", doc.Name, err)
			}
		}
		if d.Compose == nil {
			return nil
		}
		ns, err := d.Compose(doc, superseded)
		if err != nil {
			return fmt.Errorf("compose notices for %s: %w", doc.Name, err)
		}
		notices, err = enqueueAll(ctx, tx, ns, doc.ID, d.Now, d.Channels)
		return err
	})
	if err != nil {
		return dossier.Document{}, nil, err
	}
	return doc, notices, nil
}

// supersede marks the current accepted (or review) documents of the same
// team and kind superseded by doc and adds the F010 finding to doc.
// It returns the documents doc superseded, and the id of a newer current
// document that supersedes doc itself (a file received earlier than the
// one already accepted), or 0.
func supersede(ctx context.Context, tx *sql.Tx, doc *dossier.Document, duplicate int64) ([]dossier.Document, int64, error) {
	if duplicate != 0 || doc.TeamID == "" || doc.Kind == dossier.KindUnknown || doc.Kind == "" ||
		(doc.Verdict != dossier.VerdictAccepted && doc.Verdict != dossier.VerdictReview) || doc.Has("F011") { // F011: waits for a clerk to name its team
		return nil, 0, nil
	}
	// Photos sent as image files add up: each JPG/PNG is one more photo, not
	// a new version of the last one. A photo PDF replaces earlier photo PDFs.
	formats := ""
	if doc.Kind == dossier.KindPhotos {
		if doc.Format != dossier.FormatPDF {
			return nil, 0, nil
		}
		formats = ` AND format = 'pdf'`
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+docColumns+` FROM documents
		WHERE team = ? AND kind = ? AND id <> ? AND state IN ('decided','done')
		AND verdict IN ('accepted','review') AND superseded_by IS NULL AND duplicate_of IS NULL
		AND findings NOT LIKE '%"F011"%'`+formats+`
		ORDER BY id`, doc.TeamID, string(doc.Kind), doc.ID)
	if err != nil {
		return nil, 0, fmt.Errorf("find documents superseded by %s: %w", doc.Name, err)
	}
	olds, err := scanEntries(rows)
	if err != nil {
		return nil, 0, err
	}
	// Received time decides which is the re-submission, not the order the
	// files happened to be decided in: a file older than the current one
	// is itself superseded on arrival.
	var out []dossier.Document
	var newest *Entry
	for i, o := range olds {
		if o.Doc.Received.After(doc.Received) || (o.Doc.Received.Equal(doc.Received) && o.ID > doc.ID) {
			if newest == nil || o.Doc.Received.After(newest.Doc.Received) {
				newest = &olds[i]
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET superseded_by = ? WHERE id = ?`, doc.ID, o.ID); err != nil {
			return nil, 0, fmt.Errorf("mark document %d superseded: %w", o.ID, err)
		}
		o.Doc.Superseded = true
		out = append(out, o.Doc)
		doc.Findings = append(doc.Findings, dossier.Finding{
			Rule: "F010", Severity: dossier.SeverityInfo,
			Message: fmt.Sprintf("本文件替换此前已受理的同类材料《%s》（%s 收到）；原文件保留在归档中，标记为已替换。",
				o.Name, o.Received.In(cst).Format("2006-01-02 15:04")),
		})
	}
	var newer int64
	if newest != nil {
		doc.Superseded = true
		newer = newest.ID
		doc.Findings = append(doc.Findings, dossier.Finding{
			Rule: "F010", Severity: dossier.SeverityInfo,
			Message: fmt.Sprintf("本文件的收到时间早于已受理的同类材料《%s》（%s 收到），以该材料为准；本文件保留在归档中，标记为已替换。",
				newest.Name, newest.Received.In(cst).Format("2006-01-02 15:04")),
		})
	}
	return out, newer, nil
}

var cst = time.FixedZone("CST", 8*3600)

func writeDecision(ctx context.Context, tx *sql.Tx, doc dossier.Document, d Decision) error {
	fields, err := json.Marshal(doc.Fields)
	if err != nil {
		return fmt.Errorf("encode fields of %s: %w", doc.Name, err)
	}
	invalid, _ := json.Marshal(doc.Invalid)
	findings := doc.Findings
	if findings == nil {
		findings = []dossier.Finding{}
	}
	fj, _ := json.Marshal(findings)
	var dup any
	if d.Duplicate != 0 {
		dup = d.Duplicate
	}
	// The row id makes the key unique: the same bytes dropped again at the
	// same path with the same time are a new arrival, not a conflict.
	key := fmt.Sprintf("%d|%s|%s|%s", d.ID, doc.SHA256, doc.Path, fmtTime(doc.Received))
	_, err = tx.ExecContext(ctx, `UPDATE documents SET key = ?, sha256 = ?, state = 'decided', received = ?,
		stored_path = ?, team = ?, kind = ?, format = ?, fields = ?, invalid = ?, findings = ?,
		verdict = ?, duplicate_of = ?, decided_at = ?, pages = ?, images = ?, text_chars = ?, decrypted = ?
		WHERE id = ?`,
		key, doc.SHA256, fmtTime(doc.Received), d.StoredPath, doc.TeamID, string(doc.Kind), string(doc.Format), string(fields),
		string(invalid), string(fj), string(doc.Verdict), dup, fmtTime(d.Now), doc.Pages, doc.Images,
		doc.TextChars, doc.Decrypted, doc.ID)
	if err != nil {
		return fmt.Errorf("record decision on %s: %w", doc.Name, err)
	}
	return nil
}

// Done records that a decided document's file is at rest at storedPath.
func (l *Ledger) Done(ctx context.Context, id int64, storedPath string, now time.Time) error {
	return l.setState(ctx, id, StateDecided, StateDone, storedPath, now)
}

// Gone records that a claimed file vanished before it was taken.
func (l *Ledger) Gone(ctx context.Context, id int64, now time.Time) error {
	return l.setState(ctx, id, StateClaimed, StateGone, "", now)
}

// SetWorkPath changes a claimed row's work path (a recovery that re-claims).
func (l *Ledger) SetWorkPath(ctx context.Context, id int64, work string) error {
	_, err := l.w.ExecContext(ctx, `UPDATE documents SET work_path = ? WHERE id = ? AND state = 'claimed'`, work, id)
	if err != nil {
		return fmt.Errorf("set work path of %d: %w", id, err)
	}
	return nil
}

func (l *Ledger) setState(ctx context.Context, id int64, from, to State, stored string, now time.Time) error {
	q := `UPDATE documents SET state = ?, done_at = ? WHERE id = ? AND state = ?`
	args := []any{string(to), fmtTime(now), id, string(from)}
	if stored != "" {
		q = `UPDATE documents SET state = ?, done_at = ?, stored_path = ? WHERE id = ? AND state = ?`
		args = []any{string(to), fmtTime(now), stored, id, string(from)}
	}
	res, err := l.w.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("mark document %d %s: %w", id, to, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("mark document %d %s: %w", id, to, ErrWrongState)
	}
	return nil
}

// enqueueAll records a decision's notices in its transaction, each for
// every channel, defaulting their document and time; it returns those not
// already recorded (a notice key is recorded once).
func enqueueAll(ctx context.Context, tx *sql.Tx, ns []dossier.Notice, docID int64, at time.Time, channels []notify.Channel) ([]dossier.Notice, error) {
	var out []dossier.Notice
	for _, n := range ns {
		if n.DocumentID == 0 {
			n.DocumentID = docID
		}
		if n.Created.IsZero() {
			n.Created = at
		}
		n, ok, err := enqueue(ctx, tx, n, channels)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, n)
		}
	}
	return out, nil
}
