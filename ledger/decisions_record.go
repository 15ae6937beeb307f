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

// ErrSuperseded is returned by RecordDecision for a document that a later
// submission has replaced.
var ErrSuperseded = errors.New("ledger: document superseded by a later submission")

// ErrDecisionPending is returned by RecordDecision while an earlier
// decision on the document still has its file to move.
var ErrDecisionPending = errors.New("ledger: an earlier decision on this document is still being applied")

// ClerkDecision is what RecordDecision records: the decision (who, when,
// before and after), the document as it becomes, and the file's move.
type ClerkDecision struct {
	Decision dossier.Decision
	Doc      dossier.Document // the document after the decision (ID set)
	// FromPath is where the file rests now, ToPath where the decision puts
	// it (equal when it stays). NoticeFrom/NoticeTo move a rejection
	// notice file that travels with the file out of 退回 ("" for none).
	FromPath, ToPath     string
	NoticeFrom, NoticeTo string
	Compose              func(dossier.Decision, dossier.Document) ([]dossier.Notice, error)
	Channels             []notify.Channel
	ExpectVerdict        dossier.Verdict // the verdict the clerk saw; a change since is refused
}

// Move is a decision whose file is still to be moved (or was moved and
// not yet marked done): what Recover finishes.
type Move struct {
	DecisionID, DocumentID int64
	Name                   string
	Verdict                dossier.Verdict
	FromPath, ToPath       string
	NoticeFrom, NoticeTo   string
}

// RecordDecision records a clerk's decision in one transaction: the
// decision row (state moving, or done when the file stays), the document's
// new team, kind, fields, findings, verdict and place, the superseding of
// older documents that an acceptance makes (or undoes, when a current
// document is rejected), and the decision's notices. It returns the
// decision with its id and the notices enqueued.
func (l *Ledger) RecordDecision(ctx context.Context, c ClerkDecision) (dossier.Decision, []dossier.Notice, error) {
	dec := c.Decision
	var notices []dossier.Notice
	err := l.tx(ctx, func(tx *sql.Tx) error {
		if err := checkDecidable(ctx, tx, c); err != nil {
			return err
		}
		doc := c.Doc
		if err := resupersede(ctx, tx, &doc); err != nil {
			return err
		}
		id, err := insertDecision(ctx, tx, dec, c)
		if err != nil {
			return err
		}
		dec.ID, dec.DocumentID = id, doc.ID
		if err := updateDecided(ctx, tx, doc, c.ToPath); err != nil {
			return err
		}
		if c.Compose == nil {
			return nil
		}
		ns, err := c.Compose(dec, doc)
		if err != nil {
			return fmt.Errorf("compose the notice of decision %d: %w", id, err)
		}
		notices, err = enqueueAll(ctx, tx, ns, doc.ID, dec.At, c.Channels)
		return err
	})
	return dec, notices, err
}

func checkDecidable(ctx context.Context, tx *sql.Tx, c ClerkDecision) error {
	var state, verdict, team, kind, format, received string
	var sup sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT state, verdict, superseded_by, team, kind, format, received
		FROM documents WHERE id = ?`, c.Doc.ID).Scan(&state, &verdict, &sup, &team, &kind, &format, &received)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("decide on document %d: %w", c.Doc.ID, ErrNotFound)
	case err != nil:
		return fmt.Errorf("decide on document %d: %w", c.Doc.ID, err)
	case State(state) != StateDone:
		return fmt.Errorf("decide on document %d (%s): %w", c.Doc.ID, state, ErrWrongState)
	case sup.Valid:
		return fmt.Errorf("decide on document %d: %w", c.Doc.ID, ErrSuperseded)
	case c.ExpectVerdict != "" && dossier.Verdict(verdict) != c.ExpectVerdict:
		return fmt.Errorf("decide on document %d: verdict is now %s: %w", c.Doc.ID, verdict, ErrWrongState)
	}
	later, err := replacedByLater(ctx, tx, c.Doc.ID, team, kind, format, received)
	if err != nil {
		return err
	}
	if later {
		return fmt.Errorf("decide on document %d: %w", c.Doc.ID, ErrSuperseded)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM decisions WHERE document_id = ? AND state = 'moving'`,
		c.Doc.ID).Scan(&n); err != nil {
		return fmt.Errorf("decide on document %d: %w", c.Doc.ID, err)
	}
	if n > 0 {
		return fmt.Errorf("decide on document %d: %w", c.Doc.ID, ErrDecisionPending)
	}
	return nil
}

// resupersede keeps superseding true to the decision: a document that no
// longer counts (rejected, or moved to another team or kind) gives back
// the place of those it had replaced; one that now counts replaces the
// older current documents of its team and kind (F010), as at intake.
func resupersede(ctx context.Context, tx *sql.Tx, doc *dossier.Document) error {
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET superseded_by = NULL WHERE superseded_by = ?`, doc.ID); err != nil {
		return fmt.Errorf("restore documents replaced by %d: %w", doc.ID, err)
	}
	kept := doc.Findings[:0:0]
	for _, f := range doc.Findings {
		if f.Rule != "F010" {
			kept = append(kept, f)
		}
	}
	doc.Findings = kept
	_, newer, err := supersede(ctx, tx, doc, 0)
	if err != nil {
		return err
	}
	if newer != 0 { // a later document of the team and kind counts already
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET superseded_by = ? WHERE id = ?`, newer, doc.ID); err != nil {
			return fmt.Errorf("mark document %d superseded: %w", doc.ID, err)
		}
	}
	return nil
}

// replacedByLater reports whether a later submission of the same team and
// kind counts in this document's place: a rejected file that the unit has
// since sent again is settled by the new file, not by a decision on the
// old one. Photo image files add up and replace nothing.
func replacedByLater(ctx context.Context, tx queryer, id int64, team, kind, format, received string) (bool, error) {
	if team == "" || kind == "" || kind == string(dossier.KindUnknown) ||
		(kind == string(dossier.KindPhotos) && format != string(dossier.FormatPDF)) {
		return false, nil
	}
	formats := ""
	if kind == string(dossier.KindPhotos) {
		formats = ` AND format = 'pdf'`
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE team = ? AND kind = ? AND id <> ?
		AND state IN ('decided','done') AND verdict IN ('accepted','review') AND superseded_by IS NULL
		AND duplicate_of IS NULL AND (received > ? OR (received = ? AND id > ?))`+formats,
		team, kind, id, received, received, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for a later submission than document %d: %w", id, err)
	}
	return n > 0, nil
}

func insertDecision(ctx context.Context, tx *sql.Tx, dec dossier.Decision, c ClerkDecision) (int64, error) {
	state := "moving"
	var done any
	if c.FromPath == c.ToPath && c.NoticeFrom == c.NoticeTo {
		state, done = "done", fmtTime(dec.At)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO decisions (document_id, user, at, note, reasons,
		verdict_before, verdict_after, team_before, team_after, kind_before, kind_after,
		fields_before, fields_after, findings_before, findings_after,
		from_path, to_path, notice_from, notice_to, state, done_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Doc.ID, dec.User, fmtTime(dec.At), dec.Note, jsonOf(nonNilFindings(dec.Reasons)),
		string(dec.VerdictBefore), string(dec.VerdictAfter), dec.TeamBefore, dec.TeamAfter,
		string(dec.KindBefore), string(dec.KindAfter), jsonOf(dec.FieldsBefore), jsonOf(dec.FieldsAfter),
		"[]", jsonOf(nonNilFindings(dec.Findings)),
		c.FromPath, c.ToPath, c.NoticeFrom, c.NoticeTo, state, done)
	if err != nil {
		return 0, fmt.Errorf("record decision on document %d: %w", c.Doc.ID, err)
	}
	return res.LastInsertId()
}

func updateDecided(ctx context.Context, tx *sql.Tx, doc dossier.Document, stored string) error {
	_, err := tx.ExecContext(ctx, `UPDATE documents SET team = ?, kind = ?, fields = ?, invalid = ?,
		findings = ?, verdict = ?, stored_path = ? WHERE id = ?`,
		doc.TeamID, string(doc.Kind), jsonOf(doc.Fields), jsonOf(doc.Invalid),
		jsonOf(nonNilFindings(doc.Findings)), string(doc.Verdict), stored, doc.ID)
	if err != nil {
		return fmt.Errorf("record decided values of document %d: %w", doc.ID, err)
	}
	return nil
}

// DecisionDone records that a decision's file (and notice file) are at
// rest; final is where the file ended up (a free name when ToPath was
// taken meanwhile).
func (l *Ledger) DecisionDone(ctx context.Context, m Move, final string, now time.Time) error {
	return l.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE decisions SET state = 'done', done_at = ?, to_path = ?
			WHERE id = ? AND state = 'moving'`, fmtTime(now), final, m.DecisionID)
		if err != nil {
			return fmt.Errorf("mark decision %d done: %w", m.DecisionID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("mark decision %d done: %w", m.DecisionID, ErrWrongState)
		}
		if final != m.ToPath {
			_, err = tx.ExecContext(ctx, `UPDATE documents SET stored_path = ? WHERE id = ?`, final, m.DocumentID)
		}
		return err
	})
}

// Moves returns the decisions whose file is still to be moved, oldest first.
func (l *Ledger) Moves(ctx context.Context) ([]Move, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT c.id, c.document_id, d.name, c.verdict_after,
		c.from_path, c.to_path, c.notice_from, c.notice_to
		FROM decisions c JOIN documents d ON d.id = c.document_id WHERE c.state = 'moving' ORDER BY c.id`)
	if err != nil {
		return nil, fmt.Errorf("query decisions to apply: %w", err)
	}
	defer rows.Close()
	var out []Move
	for rows.Next() {
		var m Move
		var v string
		if err := rows.Scan(&m.DecisionID, &m.DocumentID, &m.Name, &v, &m.FromPath, &m.ToPath, &m.NoticeFrom, &m.NoticeTo); err != nil {
			return nil, fmt.Errorf("read decision to apply: %w", err)
		}
		m.Verdict = dossier.Verdict(v)
		out = append(out, m)
	}
	return out, rows.Err()
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

func nonNilFindings(f []dossier.Finding) []dossier.Finding {
	if f == nil {
		return []dossier.Finding{}
	}
	return f
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Replaced reports whether a document no longer counts because a later
// one replaced it: marked superseded, or a rejected file the unit has
// since sent again (see replacedByLater).
func (l *Ledger) Replaced(ctx context.Context, id int64) (bool, error) {
	var team, kind, format, received string
	var sup sql.NullInt64
	err := l.r.QueryRowContext(ctx, `SELECT superseded_by, team, kind, format, received FROM documents WHERE id = ?`, id).
		Scan(&sup, &team, &kind, &format, &received)
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return false, fmt.Errorf("document %d: %w", id, err)
	}
	if sup.Valid {
		return true, nil
	}
	return replacedByLater(ctx, l.r, id, team, kind, format, received)
}
