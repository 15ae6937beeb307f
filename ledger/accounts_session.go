package ledger

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"dossier"
)

// Session and setup-token errors.
var (
	ErrNoSession  = errors.New("ledger: no such session, or it expired")
	ErrSetupToken = errors.New("ledger: setup link unknown, used or expired")
	ErrHasUsers   = errors.New("ledger: an account exists already")
)

// BcryptCost is the work factor of password hashes (tests lower it).
var BcryptCost = 12

func hashPassword(password string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(password), BcryptCost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(h), nil
}

func checkPassword(hash, password string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

var dummy struct {
	once sync.Once
	hash string
}

// dummyHash is compared against when the account does not exist, so that a
// wrong name takes as long as a wrong password.
func dummyHash() string {
	dummy.once.Do(func() { dummy.hash, _ = hashPassword("no such account, no such password") })
	return dummy.hash
}

// NewToken is a random 256-bit token, URL-safe.
func NewToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

func tokenHash(token string) string {
	s := sha256.Sum256([]byte(token))
	return hex.EncodeToString(s[:])
}

// Session is a logged-in desk account. CSRF is the token every POST of the
// session must carry.
type Session struct {
	User     User
	CSRF     string
	LastSeen time.Time
}

// NewSession starts a session for the account and returns its token (for
// the cookie; only its hash is stored).
func (l *Ledger) NewSession(ctx context.Context, u User, now time.Time) (token string, s Session, err error) {
	token, s = NewToken(), Session{User: u, CSRF: NewToken(), LastSeen: now}
	_, err = l.w.ExecContext(ctx, `INSERT INTO sessions(token_hash, user_id, csrf, created, last_seen) VALUES (?, ?, ?, ?, ?)`,
		tokenHash(token), u.ID, s.CSRF, fmtTime(now), fmtTime(now))
	if err != nil {
		return "", Session{}, fmt.Errorf("start session for %s: %w", u.Name, err)
	}
	return token, s, nil
}

// touchEvery bounds how often a session's last use is written: a page
// with many images must not write the ledger once per image.
const touchEvery = time.Minute

// Session returns the session of a token if it exists, was used within
// idle, and its account is enabled; it records the use. An idle session is
// deleted.
func (l *Ledger) Session(ctx context.Context, token string, now time.Time, idle time.Duration) (Session, error) {
	if token == "" {
		return Session{}, ErrNoSession
	}
	h := tokenHash(token)
	var s Session
	var last sql.NullString
	var role string
	var created sql.NullString
	err := l.r.QueryRowContext(ctx, `SELECT u.id, u.name, u.role, u.disabled, u.created, s.csrf, s.last_seen
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, h).
		Scan(&s.User.ID, &s.User.Name, &role, &s.User.Disabled, &created, &s.CSRF, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, ErrNoSession
	}
	if err != nil {
		return Session{}, fmt.Errorf("read session: %w", err)
	}
	s.User.Role, s.User.Created, s.LastSeen = dossier.Role(role), parseTime(created), parseTime(last)
	if s.User.Disabled || now.Sub(s.LastSeen) > idle {
		l.w.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, h)
		return Session{}, ErrNoSession
	}
	if now.Sub(s.LastSeen) >= touchEvery {
		if _, err := l.w.ExecContext(ctx, `UPDATE sessions SET last_seen = ? WHERE token_hash = ?`, fmtTime(now), h); err != nil {
			return Session{}, fmt.Errorf("record session use: %w", err)
		}
		s.LastSeen = now
	}
	return s, nil
}

// EndSession deletes a session (logout). An unknown token is not an error.
func (l *Ledger) EndSession(ctx context.Context, token string) error {
	if _, err := l.w.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash(token)); err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}

// PruneSessions deletes sessions unused for longer than idle.
func (l *Ledger) PruneSessions(ctx context.Context, now time.Time, idle time.Duration) error {
	if _, err := l.w.ExecContext(ctx, `DELETE FROM sessions WHERE last_seen < ?`, fmtTime(now.Add(-idle))); err != nil {
		return fmt.Errorf("prune sessions: %w", err)
	}
	return nil
}

// NewSetupToken makes a one-time token, valid until now+ttl, that lets
// whoever holds it create the first clerk account while no account exists.
func (l *Ledger) NewSetupToken(ctx context.Context, now time.Time, ttl time.Duration) (string, error) {
	token := NewToken()
	_, err := l.w.ExecContext(ctx, `INSERT INTO setup_tokens(token_hash, created, expires) VALUES (?, ?, ?)`,
		tokenHash(token), fmtTime(now), fmtTime(now.Add(ttl)))
	if err != nil {
		return "", fmt.Errorf("store setup token: %w", err)
	}
	return token, nil
}

// SetupTokenValid reports whether a setup token can still be used.
func (l *Ledger) SetupTokenValid(ctx context.Context, token string, now time.Time) bool {
	var n int
	err := l.r.QueryRowContext(ctx, `SELECT count(*) FROM setup_tokens WHERE token_hash = ? AND used IS NULL AND expires > ?
		AND NOT EXISTS (SELECT 1 FROM users)`, tokenHash(token), fmtTime(now)).Scan(&n)
	return err == nil && n == 1
}

// FirstClerk uses a setup token, once, to create the first clerk account:
// the token is marked used and the account created in one transaction, and
// only while no account exists.
func (l *Ledger) FirstClerk(ctx context.Context, token, name, password string, now time.Time) (User, error) {
	if err := checkNewUser(name, dossier.RoleClerk, password); err != nil {
		return User{}, err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return User{}, err
	}
	var u User
	err = l.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE setup_tokens SET used = ? WHERE token_hash = ? AND used IS NULL AND expires > ?`,
			fmtTime(now), tokenHash(token), fmtTime(now))
		if err != nil {
			return fmt.Errorf("use setup token: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrSetupToken
		}
		var users int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&users); err != nil {
			return fmt.Errorf("count accounts: %w", err)
		}
		if users > 0 {
			return ErrHasUsers
		}
		u, err = insertUser(ctx, tx, name, dossier.RoleClerk, hash, now)
		return err
	})
	return u, err
}
