package ledger

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"dossier"
)

const docColumns = `id, state, rel, name, folder, size, mtime, symlink, sha256, received,
	work_path, stored_path, team, kind, format, fields, invalid, findings, verdict,
	duplicate_of, superseded_by, decided_at, pages, images, text_chars, decrypted`

func scanEntries(rows *sql.Rows) ([]Entry, error) {
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var (
			e                            Entry
			state, kind, format, verdict string
			mtime, received, decided     sql.NullString
			fields, invalid, findings    sql.NullString
			dup, sup                     sql.NullInt64
			d                            = &e.Doc
		)
		err := rows.Scan(&e.ID, &state, &e.Rel, &e.Name, &e.Folder, &e.Size, &mtime, &e.Symlink,
			&d.SHA256, &received, &e.WorkPath, &e.StoredPath, &d.TeamID, &kind, &format,
			&fields, &invalid, &findings, &verdict, &dup, &sup, &decided, &d.Pages, &d.Images,
			&d.TextChars, &d.Decrypted)
		if err != nil {
			return nil, fmt.Errorf("read document row: %w", err)
		}
		e.State = State(state)
		e.ModTime, e.Received = parseTime(mtime), parseTime(received)
		d.ID, d.Path, d.Name, d.Folder, d.Size = e.ID, e.Rel, e.Name, e.Folder, e.Size
		d.Received, d.Decided, d.StoredPath = e.Received, parseTime(decided), e.StoredPath
		d.Kind, d.Format, d.Verdict = dossier.Kind(kind), dossier.Format(format), dossier.Verdict(verdict)
		d.Superseded = sup.Valid
		if d.Fields, err = decodeFields(fields.String); err != nil {
			return nil, fmt.Errorf("read fields of document %d: %w", e.ID, err)
		}
		if invalid.Valid && invalid.String != "" && invalid.String != "null" {
			if err := json.Unmarshal([]byte(invalid.String), &d.Invalid); err != nil {
				return nil, fmt.Errorf("read invalid fields of document %d: %w", e.ID, err)
			}
		}
		if findings.Valid && findings.String != "" {
			if err := json.Unmarshal([]byte(findings.String), &d.Findings); err != nil {
				return nil, fmt.Errorf("read findings of document %d: %w", e.ID, err)
			}
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read document rows: %w", err)
	}
	return out, nil
}

func (l *Ledger) entries(ctx context.Context, where string, args ...any) ([]Entry, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+docColumns+` FROM documents `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("query documents: %w", err)
	}
	return scanEntries(rows)
}

// Get returns one document row.
func (l *Ledger) Get(ctx context.Context, id int64) (Entry, error) {
	es, err := l.entries(ctx, `WHERE id = ?`, id)
	if err != nil {
		return Entry{}, err
	}
	if len(es) == 0 {
		return Entry{}, fmt.Errorf("get document %d: %w", id, ErrNotFound)
	}
	return es[0], nil
}

// Pending returns the rows a restart must finish: claimed (maybe not yet
// renamed, maybe not evaluated) and decided (maybe not yet moved), oldest first.
func (l *Ledger) Pending(ctx context.Context) ([]Entry, error) {
	return l.entries(ctx, `WHERE state IN ('claimed','decided') ORDER BY id`)
}

// AcceptedBySHA returns the earliest accepted (or review) document with
// that SHA-256 that is not itself a duplicate, for F008.
func (l *Ledger) AcceptedBySHA(ctx context.Context, sha string) (dossier.Document, bool, error) {
	es, err := l.entries(ctx, `WHERE sha256 = ? AND state IN ('decided','done')
		AND verdict IN ('accepted','review') AND duplicate_of IS NULL ORDER BY id LIMIT 1`, sha)
	if err != nil || len(es) == 0 {
		return dossier.Document{}, false, err
	}
	return es[0].Doc, true, nil
}

// Documents returns every decided document (duplicates included), oldest first.
func (l *Ledger) Documents(ctx context.Context) ([]Entry, error) {
	return l.entries(ctx, `WHERE state IN ('decided','done') ORDER BY id`)
}

// DocumentsByTeam returns each team's decided documents, oldest first, for
// the team views: rejected and superseded ones included, exact duplicates
// (F008) left out because they add nothing to a team's materials.
// Documents of no identified team are under "".
func (l *Ledger) DocumentsByTeam(ctx context.Context) (map[string][]dossier.Document, error) {
	es, err := l.entries(ctx, `WHERE state IN ('decided','done') AND duplicate_of IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	out := map[string][]dossier.Document{}
	for _, e := range es {
		out[e.Doc.TeamID] = append(out[e.Doc.TeamID], e.Doc)
	}
	return out, nil
}

// TeamDocuments returns one team's documents as DocumentsByTeam does.
func (l *Ledger) TeamDocuments(ctx context.Context, team string) ([]dossier.Document, error) {
	es, err := l.entries(ctx, `WHERE state IN ('decided','done') AND duplicate_of IS NULL AND team = ? ORDER BY id`, team)
	if err != nil {
		return nil, err
	}
	out := make([]dossier.Document, 0, len(es))
	for _, e := range es {
		out = append(out, e.Doc)
	}
	return out, nil
}

// TeamCurrent returns what a team's materials state is made of, without
// reading its whole history: for each kind and verdict, the newest
// document that still counts (accepted and review ones not superseded;
// rejected ones). At most a dozen rows, however many files a team sent
// (photos sent as many image files all count, but one says "accepted").
func (l *Ledger) TeamCurrent(ctx context.Context, team string) ([]dossier.Document, error) {
	var out []dossier.Document
	for _, k := range []dossier.Kind{dossier.KindSurvey, dossier.KindAudit, dossier.KindSummary, dossier.KindPhotos, dossier.KindUnknown} {
		for _, v := range []dossier.Verdict{dossier.VerdictAccepted, dossier.VerdictReview, dossier.VerdictRejected} {
			es, err := l.entries(ctx, `INDEXED BY documents_team_kind_verdict
				WHERE team = ? AND kind = ? AND verdict = ? AND state IN ('decided','done') AND duplicate_of IS NULL
				AND (superseded_by IS NULL OR verdict = 'rejected')
				ORDER BY id DESC LIMIT 1`, team, string(k), string(v))
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				out = append(out, e.Doc)
			}
		}
	}
	slices.SortFunc(out, func(a, b dossier.Document) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// Counts is how many rows are in each state.
type Counts map[State]int

// CountStates counts document rows by state.
func (l *Ledger) CountStates(ctx context.Context) (Counts, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT state, count(*) FROM documents GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("count documents: %w", err)
	}
	defer rows.Close()
	c := Counts{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, fmt.Errorf("count documents: %w", err)
		}
		c[State(s)] = n
	}
	return c, rows.Err()
}

var errNoRows = sql.ErrNoRows

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }
