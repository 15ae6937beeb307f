package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// migrateAccounts is this file's ledger migration (see schema.go for its
// place in the order): desk accounts, their sessions and the one-time setup
// tokens that create the first clerk. Only hashes of passwords and tokens
// are stored.
const migrateAccounts = `
CREATE TABLE users (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
	role     TEXT NOT NULL CHECK (role IN ('clerk','viewer')),
	hash     TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0,
	created  TEXT NOT NULL
);
CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	csrf       TEXT NOT NULL,
	created    TEXT NOT NULL,
	last_seen  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE setup_tokens (
	token_hash TEXT PRIMARY KEY,
	created    TEXT NOT NULL,
	expires    TEXT NOT NULL,
	used       TEXT
);
`

// Account errors.
var (
	ErrNoUser       = errors.New("ledger: no such account")
	ErrUserExists   = errors.New("ledger: an account of that name exists")
	ErrDisabled     = errors.New("ledger: account disabled")
	ErrNotClerk     = errors.New("ledger: account is not a clerk")
	ErrBadLogin     = errors.New("ledger: wrong name or password")
	ErrBadName      = errors.New("ledger: account name must be 1–64 letters, digits, '.', '_' or '-'")
	ErrWeakPassword = errors.New("ledger: password must have at least 8 characters")
	ErrBadRole      = errors.New("ledger: role must be clerk or viewer")
)

// MinPassword is the shortest password an account may have.
const MinPassword = 8

// User is a desk account. The password hash never leaves the ledger.
type User struct {
	ID       int64        `json:"-"`
	Name     string       `json:"name"`
	Role     dossier.Role `json:"role"`
	Disabled bool         `json:"disabled"`
	Created  time.Time    `json:"created"`
}

// CanDecide reports whether the account may change a verdict.
func (u User) CanDecide() bool { return u.Role == dossier.RoleClerk && !u.Disabled }

// ValidUserName reports whether name can name an account: letters
// (Chinese included), digits, '.', '_', '-'; 1 to 64 of them.
func ValidUserName(name string) error {
	if name == "" || utf8.RuneCountInString(name) > 64 {
		return ErrBadName
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-", r) {
			return ErrBadName
		}
	}
	return nil
}

func checkNewUser(name string, role dossier.Role, password string) error {
	if err := ValidUserName(name); err != nil {
		return err
	}
	if role != dossier.RoleClerk && role != dossier.RoleViewer {
		return ErrBadRole
	}
	if utf8.RuneCountInString(password) < MinPassword {
		return ErrWeakPassword
	}
	if len(password) > 72 { // bcrypt reads 72 bytes; more would be silently ignored
		return fmt.Errorf("%w (and at most 72 bytes)", ErrWeakPassword)
	}
	return nil
}

// AddUser creates an account with a bcrypt hash of password.
func (l *Ledger) AddUser(ctx context.Context, name string, role dossier.Role, password string, now time.Time) (User, error) {
	if err := checkNewUser(name, role, password); err != nil {
		return User{}, err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return User{}, err
	}
	var u User
	err = l.tx(ctx, func(tx *sql.Tx) error {
		u, err = insertUser(ctx, tx, name, role, hash, now)
		return err
	})
	return u, err
}

func insertUser(ctx context.Context, tx *sql.Tx, name string, role dossier.Role, hash string, now time.Time) (User, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE name = ?`, name).Scan(&n); err != nil {
		return User{}, fmt.Errorf("look up account %s: %w", name, err)
	}
	if n > 0 {
		return User{}, ErrUserExists
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO users(name, role, hash, created) VALUES (?, ?, ?, ?)`,
		name, string(role), hash, fmtTime(now))
	if err != nil {
		return User{}, fmt.Errorf("insert account %s: %w", name, err)
	}
	id, _ := res.LastInsertId()
	return User{ID: id, Name: name, Role: role, Created: now.UTC()}, nil
}

const userCols = `id, name, role, disabled, created`

func scanUser(sc interface{ Scan(...any) error }) (User, error) {
	var u User
	var role string
	var created sql.NullString
	if err := sc.Scan(&u.ID, &u.Name, &role, &u.Disabled, &created); err != nil {
		return User{}, err
	}
	u.Role, u.Created = dossier.Role(role), parseTime(created)
	return u, nil
}

// Users lists every account, enabled or not, by name.
func (l *Ledger) Users(ctx context.Context) ([]User, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+userCols+` FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("read account: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// HasUsers reports whether any account exists (none: the first one is made
// with a setup token or `dossier user add`).
func (l *Ledger) HasUsers(ctx context.Context) (bool, error) {
	var n int
	if err := l.r.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n); err != nil {
		return false, fmt.Errorf("count accounts: %w", err)
	}
	return n > 0, nil
}

// User returns the account of that name (case-insensitive).
func (l *Ledger) User(ctx context.Context, name string) (User, error) {
	u, err := scanUser(l.r.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("account %q: %w", name, ErrNoUser)
	}
	if err != nil {
		return User{}, fmt.Errorf("read account %s: %w", name, err)
	}
	return u, nil
}

// Clerk returns the account of that name if it is an enabled clerk: the
// check behind `review decide --as USER`. The errors are ErrNoUser,
// ErrDisabled and ErrNotClerk.
func (l *Ledger) Clerk(ctx context.Context, name string) (User, error) {
	u, err := l.User(ctx, name)
	if err != nil {
		return User{}, err
	}
	if u.Disabled {
		return User{}, fmt.Errorf("account %q: %w", u.Name, ErrDisabled)
	}
	if u.Role != dossier.RoleClerk {
		return User{}, fmt.Errorf("account %q (%s): %w", u.Name, u.Role, ErrNotClerk)
	}
	return u, nil
}

// DisableUser disables an account and ends its sessions. Its past
// decisions stay as they are.
func (l *Ledger) DisableUser(ctx context.Context, name string) error {
	return l.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE name = ?`, name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("account %q: %w", name, ErrNoUser)
		}
		if err != nil {
			return fmt.Errorf("look up account %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET disabled = 1 WHERE id = ?`, id); err != nil {
			return fmt.Errorf("disable account %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
			return fmt.Errorf("end sessions of %s: %w", name, err)
		}
		return nil
	})
}

// Authenticate checks a name and password. A wrong name, a wrong password
// and a disabled account all take one bcrypt comparison and answer
// ErrBadLogin (wrapping ErrDisabled for a disabled account, which only the
// log sees).
func (l *Ledger) Authenticate(ctx context.Context, name, password string) (User, error) {
	var hash string
	u, err := scanUserHash(l.r.QueryRowContext(ctx, `SELECT `+userCols+`, hash FROM users WHERE name = ?`, name), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		checkPassword(dummyHash(), password) // same time as a real account
		return User{}, ErrBadLogin
	}
	if err != nil {
		return User{}, fmt.Errorf("read account %s: %w", name, err)
	}
	if !checkPassword(hash, password) {
		return User{}, ErrBadLogin
	}
	if u.Disabled {
		return User{}, fmt.Errorf("%w: %w", ErrBadLogin, ErrDisabled)
	}
	return u, nil
}

func scanUserHash(row *sql.Row, hash *string) (User, error) {
	var u User
	var role string
	var created sql.NullString
	if err := row.Scan(&u.ID, &u.Name, &role, &u.Disabled, &created, hash); err != nil {
		return User{}, err
	}
	u.Role, u.Created = dossier.Role(role), parseTime(created)
	return u, nil
}
