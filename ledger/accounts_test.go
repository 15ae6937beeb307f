package ledger

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dossier"
)

func init() { BcryptCost = 4 } // the minimum: tests hash many passwords

func TestAccounts(t *testing.T) {
	l, _ := open(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	if has, err := l.HasUsers(ctx); err != nil || has {
		t.Fatalf("HasUsers on a new ledger = %v, %v", has, err)
	}
	if _, err := l.AddUser(ctx, "wang", dossier.RoleClerk, "correct horse", now); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddUser(ctx, "li", dossier.RoleViewer, "battery staple", now); err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		name, user, role, pw string
		want                 error
	}{
		{"duplicate, other case", "WANG", "clerk", "whatever123", ErrUserExists},
		{"short password", "zhao", "clerk", "1234567", ErrWeakPassword},
		{"space in name", "zhao qian", "clerk", "whatever123", ErrBadName},
		{"path in name", "../x", "clerk", "whatever123", ErrBadName},
		{"unknown role", "zhao", "admin", "whatever123", ErrBadRole},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := l.AddUser(ctx, tc.user, dossier.Role(tc.role), tc.pw, now); !errors.Is(err, tc.want) {
				t.Errorf("AddUser(%q) = %v, want %v", tc.user, err, tc.want)
			}
		})
	}
	if _, err := l.AddUser(ctx, "张三", dossier.RoleClerk, "长一点的密码八个字", now); err != nil {
		t.Errorf("Chinese name and password: %v", err)
	}
	us, err := l.Users(ctx)
	if err != nil || len(us) != 3 {
		t.Fatalf("Users = %v, %v", us, err)
	}
	var hash string
	l.DB().QueryRow(`SELECT hash FROM users WHERE name = 'wang'`).Scan(&hash)
	if !strings.HasPrefix(hash, "$2") || strings.Contains(hash, "correct horse") {
		t.Fatalf("stored hash %q is not a bcrypt hash", hash)
	}

	logins := []struct {
		name, user, pw string
		ok             bool
	}{
		{"right", "wang", "correct horse", true},
		{"name case-insensitive", "Wang", "correct horse", true},
		{"wrong password", "wang", "correct horsE", false},
		{"no such user", "nobody", "correct horse", false},
	}
	for _, tc := range logins {
		t.Run("login "+tc.name, func(t *testing.T) {
			u, err := l.Authenticate(ctx, tc.user, tc.pw)
			if tc.ok != (err == nil) || (!tc.ok && !errors.Is(err, ErrBadLogin)) {
				t.Fatalf("Authenticate(%s) = %+v, %v", tc.user, u, err)
			}
		})
	}

	checks := []struct {
		user string
		want error
	}{{"wang", nil}, {"li", ErrNotClerk}, {"nobody", ErrNoUser}}
	for _, tc := range checks {
		if _, err := l.Clerk(ctx, tc.user); !errors.Is(err, tc.want) {
			t.Errorf("Clerk(%s) = %v, want %v", tc.user, err, tc.want)
		}
	}

	// A session lives while used within the idle time, and dies with the account.
	u, _ := l.User(ctx, "wang")
	token, s, err := l.NewSession(ctx, u, now)
	if err != nil || s.CSRF == "" || s.CSRF == token {
		t.Fatalf("NewSession: %v", err)
	}
	var stored int
	l.DB().QueryRow(`SELECT count(*) FROM sessions WHERE token_hash = ?`, token).Scan(&stored)
	if stored != 0 {
		t.Fatal("the session token is stored in clear")
	}
	if got, err := l.Session(ctx, token, now.Add(7*time.Hour), 8*time.Hour); err != nil || got.User.Name != "wang" || got.CSRF != s.CSRF {
		t.Fatalf("Session after 7h = %+v, %v", got, err)
	}
	if _, err := l.Session(ctx, token, now.Add(14*time.Hour), 8*time.Hour); err != nil {
		t.Fatalf("session used 7h ago should live: %v", err)
	}
	if _, err := l.Session(ctx, token, now.Add(23*time.Hour), 8*time.Hour); !errors.Is(err, ErrNoSession) {
		t.Fatalf("session idle 9h = %v, want ErrNoSession", err)
	}
	token, _, _ = l.NewSession(ctx, u, now)
	if err := l.DisableUser(ctx, "wang"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Session(ctx, token, now, time.Hour); !errors.Is(err, ErrNoSession) {
		t.Errorf("session of a disabled account = %v", err)
	}
	if _, err := l.Authenticate(ctx, "wang", "correct horse"); !errors.Is(err, ErrDisabled) {
		t.Errorf("login of a disabled account = %v", err)
	}
	if _, err := l.Clerk(ctx, "wang"); !errors.Is(err, ErrDisabled) {
		t.Errorf("Clerk(disabled) = %v", err)
	}
}

func TestFirstClerk(t *testing.T) {
	l, _ := open(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	tok, err := l.NewSetupToken(ctx, now, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if !l.SetupTokenValid(ctx, tok, now) || l.SetupTokenValid(ctx, tok+"x", now) {
		t.Fatal("SetupTokenValid wrong")
	}
	if _, err := l.FirstClerk(ctx, tok, "wang", "correct horse", now.Add(31*time.Minute)); !errors.Is(err, ErrSetupToken) {
		t.Fatalf("expired token = %v", err)
	}
	if _, err := l.FirstClerk(ctx, "guess", "wang", "correct horse", now); !errors.Is(err, ErrSetupToken) {
		t.Fatalf("unknown token = %v", err)
	}
	u, err := l.FirstClerk(ctx, tok, "wang", "correct horse", now.Add(time.Minute))
	if err != nil || u.Role != dossier.RoleClerk {
		t.Fatalf("FirstClerk = %+v, %v", u, err)
	}
	if _, err := l.FirstClerk(ctx, tok, "li", "correct horse", now.Add(time.Minute)); !errors.Is(err, ErrSetupToken) {
		t.Fatalf("second use = %v", err)
	}
	tok2, _ := l.NewSetupToken(ctx, now, time.Hour)
	if l.SetupTokenValid(ctx, tok2, now) {
		t.Fatal("a setup token is valid while an account exists")
	}
	if _, err := l.FirstClerk(ctx, tok2, "li", "correct horse", now); !errors.Is(err, ErrHasUsers) {
		t.Fatalf("setup with an account = %v", err)
	}
}
